package webarchive

import "strings"

// Index remembers the response and resource records read, without their
// bodies, so that a revisit record can be resolved to the capture it
// refers to. It keeps a few hundred bytes a record. It is not safe for
// use by several goroutines at once.
type Index struct {
	byID     map[string]*Item // by WARC-Record-ID
	byDigest map[string]*Item // by payload digest, the first capture of each
	byURI    map[string]*Item // by target URI and WARC-Date
}

// NewIndex returns an empty Index.
func NewIndex() *Index {
	return &Index{byID: map[string]*Item{}, byDigest: map[string]*Item{}, byURI: map[string]*Item{}}
}

// add remembers a capture, its verdict included; the first of a payload
// digest or URI and date is kept.
func (x *Index) add(it *Item) {
	c := *it
	c.Body, c.Refers = nil, nil
	if c.RecordID != "" {
		x.byID[c.RecordID] = &c
	}
	if k := digestKey(c.PayloadDigest); k != "" {
		if _, ok := x.byDigest[k]; !ok {
			x.byDigest[k] = &c
		}
	}
	if c.URI != "" {
		if _, ok := x.byURI[c.URI+"\x00"+c.Date]; !ok {
			x.byURI[c.URI+"\x00"+c.Date] = &c
		}
	}
}

// resolve finds the capture a revisit refers to, trying its
// WARC-Refers-To, then its payload digest, then its refers-to URI and
// date. When none is found, how says what was looked for.
func (x *Index) resolve(id, digest, uri, date string) (ref *Item, how string) {
	if c := x.byID[id]; id != "" && c != nil {
		return c, ""
	}
	if c := x.byDigest[digestKey(digest)]; digest != "" && c != nil {
		return c, ""
	}
	if c := x.byURI[uri+"\x00"+date]; uri != "" && c != nil {
		return c, ""
	}
	var looked []string
	if id != "" {
		looked = append(looked, "record "+id)
	}
	if digest != "" {
		looked = append(looked, "payload digest "+digest)
	}
	if uri != "" {
		looked = append(looked, uri+" at "+date)
	}
	if len(looked) == 0 {
		return nil, "the revisit names no record, digest or URI"
	}
	return nil, "no capture read before it has " + strings.Join(looked, ", or ")
}

// digestKey writes a digest as "algorithm:VALUE", the algorithm in lower
// case without dashes and the value in upper case, as writers differ in
// both.
func digestKey(d string) string {
	alg, val, ok := strings.Cut(strings.TrimSpace(d), ":")
	if !ok || val == "" {
		return ""
	}
	return strings.ReplaceAll(strings.ToLower(alg), "-", "") + ":" + strings.ToUpper(val)
}
