package reply

// Allowances, in bytes, for what the reference format writes around the
// text of a reply: keys, quotes, punctuation and indentation.
const (
	replyAllowance   = 512 // the format tag, kind, title and the small objects
	itemAllowance    = 64  // a line, addressee, warning, block or section
	pointAllowance   = 128 // a point, deep in the tree with three keys
	cellAllowance    = 24  // a table cell or list entry
	sizeHintMaxDepth = 8   // section lists counted; a deeper tree grows the buffer
)

// sizeHint estimates the length of r in the reference format from the
// length of its text, so that Marshal most often allocates its buffer once.
// It looks no deeper than sizeHintMaxDepth lists of sections, so that it
// ends on sections that hold themselves.
func sizeHint(r *Reply) int {
	if r == nil {
		return itemAllowance
	}
	n := replyAllowance + len(r.Title) + len(r.Salutation) + itemAllowance*len(r.Addressees) +
		linesSize(r.Header) + linesSize(r.Trailer) + stringsSize(r.CC) + stringsSize(r.Attachments) +
		blocksSize(r.Opening) + blocksSize(r.Closing) + sectionsSize(r.Sections, 1)
	if p := &r.Page; !p.IsZero() {
		n += 2*itemAllowance + len(p.URL) + len(p.Site) + len(p.Column) + len(p.Source) + len(p.Author) +
			len(p.Description) + stringsSize(p.Breadcrumb) + stringsSize(p.Keywords)
	}
	for _, w := range r.Warnings {
		n += itemAllowance + len(w.Code) + len(w.Message) + len(w.Where)
	}
	if p := &r.Provenance; !p.IsZero() {
		c := &p.Capture
		n += 4*itemAllowance + len(p.Path) + len(p.SHA256) + len(c.URI) + len(c.Date) + len(c.RecordID) + len(c.PayloadDigest)
	}
	return n + n/8
}

// linesSize is sizeHint's estimate for ls.
func linesSize(ls []Line) int {
	n := 0
	for _, l := range ls {
		n += itemAllowance + len(l.Text)
	}
	return n
}

// stringsSize is sizeHint's estimate for a list of strings.
func stringsSize(ss []string) int {
	n := 0
	for _, s := range ss {
		n += cellAllowance + len(s)
	}
	return n
}

// blocksSize is sizeHint's estimate for bs.
func blocksSize(bs []Block) int {
	n := 0
	for i := range bs {
		n += itemAllowance + len(bs[i].Text)
		for _, p := range bs[i].Points {
			n += pointAllowance + len(p.Marker) + len(p.Lead) + len(p.Text)
		}
		if im := bs[i].Image; im != nil {
			n += itemAllowance + len(im.URL) + len(im.Alt)
		}
		if t := bs[i].Table; t != nil {
			for _, row := range t.Rows {
				n += cellAllowance + stringsSize(row)
			}
		}
	}
	return n
}

// sectionsSize is sizeHint's estimate for ss, depth lists deep.
func sectionsSize(ss []Section, depth int) int {
	if depth > sizeHintMaxDepth {
		return 0
	}
	n := 0
	for i := range ss {
		n += itemAllowance + len(ss[i].Marker) + len(ss[i].Heading) +
			blocksSize(ss[i].Blocks) + sectionsSize(ss[i].Sections, depth+1)
	}
	return n
}
