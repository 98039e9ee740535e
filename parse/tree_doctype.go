package parse

import (
	"strings"

	"golang.org/x/net/html"
)

// doctype adds the doctype node and sets the quirks mode.
func (b *treeBuilder) doctype() bool {
	n, quirks := treeDoctype(b.text)
	treeAppend(b.doc, n)
	b.quirks = quirks
	b.im = modeBeforeHTML
	return true
}

// treeDoctype reads a doctype token's data as the parser does
// (parseDoctype in doctype.go): the doctype node, with its name and its
// public and system identifiers, and whether the page is in quirks mode.
func treeDoctype(s string) (*html.Node, bool) {
	n := &html.Node{Type: html.DoctypeNode}
	space := strings.IndexAny(s, treeWhitespace)
	if space == -1 {
		space = len(s)
	}
	n.Data = s[:space]
	// The comparison to "html" is case-sensitive.
	quirks := n.Data != "html"
	n.Data = strings.ToLower(n.Data)
	s = strings.TrimLeft(s[space:], treeWhitespace)
	if len(s) < 6 {
		// Too short for PUBLIC or SYSTEM: the rest is ignored.
		return n, quirks || s != ""
	}
	key := strings.ToLower(s[:6])
	s = s[6:]
	for key == "public" || key == "system" {
		s = strings.TrimLeft(s, treeWhitespace)
		if s == "" {
			break
		}
		quote := s[0]
		if quote != '"' && quote != '\'' {
			break
		}
		s = s[1:]
		var id string
		if q := strings.IndexByte(s, quote); q == -1 {
			id, s = s, ""
		} else {
			id, s = s[:q], s[q+1:]
		}
		n.Attr = append(n.Attr, html.Attribute{Key: key, Val: id})
		if key == "public" {
			key = "system"
		} else {
			key = ""
		}
	}
	switch {
	case key != "" || s != "":
		quirks = true
	case len(n.Attr) > 0:
		if n.Attr[0].Key == "public" {
			public := strings.ToLower(n.Attr[0].Val)
			switch public {
			case "-//w3o//dtd w3 html strict 3.0//en//", "-/w3d/dtd html 4.0 transitional/en", "html":
				quirks = true
			default:
				for rest := treeQuirkyIDs; rest != "" && !quirks; {
					var id string
					id, rest, _ = strings.Cut(rest, "\n")
					quirks = strings.HasPrefix(public, id)
				}
			}
			// These two cause quirks mode only without a system identifier.
			if len(n.Attr) == 1 && (strings.HasPrefix(public, "-//w3c//dtd html 4.01 frameset//") ||
				strings.HasPrefix(public, "-//w3c//dtd html 4.01 transitional//")) {
				quirks = true
			}
		}
		if last := n.Attr[len(n.Attr)-1]; last.Key == "system" &&
			strings.EqualFold(last.Val, "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd") {
			quirks = true
		}
	}
	return n, quirks
}

// treeQuirkyIDs are the public identifier prefixes that put a page in quirks
// mode, one a line, in lower case (quirkyIDs in doctype.go).
const treeQuirkyIDs = "+//silmaril//dtd html pro v0r11 19970101//\n" +
	"-//advasoft ltd//dtd html 3.0 aswedit + extensions//\n" +
	"-//as//dtd html 3.0 aswedit + extensions//\n" +
	"-//ietf//dtd html 2.0 level 1//\n" +
	"-//ietf//dtd html 2.0 level 2//\n" +
	"-//ietf//dtd html 2.0 strict level 1//\n" +
	"-//ietf//dtd html 2.0 strict level 2//\n" +
	"-//ietf//dtd html 2.0 strict//\n" +
	"-//ietf//dtd html 2.0//\n" +
	"-//ietf//dtd html 2.1e//\n" +
	"-//ietf//dtd html 3.0//\n" +
	"-//ietf//dtd html 3.2 final//\n" +
	"-//ietf//dtd html 3.2//\n" +
	"-//ietf//dtd html 3//\n" +
	"-//ietf//dtd html level 0//\n" +
	"-//ietf//dtd html level 1//\n" +
	"-//ietf//dtd html level 2//\n" +
	"-//ietf//dtd html level 3//\n" +
	"-//ietf//dtd html strict level 0//\n" +
	"-//ietf//dtd html strict level 1//\n" +
	"-//ietf//dtd html strict level 2//\n" +
	"-//ietf//dtd html strict level 3//\n" +
	"-//ietf//dtd html strict//\n" +
	"-//ietf//dtd html//\n" +
	"-//metrius//dtd metrius presentational//\n" +
	"-//microsoft//dtd internet explorer 2.0 html strict//\n" +
	"-//microsoft//dtd internet explorer 2.0 html//\n" +
	"-//microsoft//dtd internet explorer 2.0 tables//\n" +
	"-//microsoft//dtd internet explorer 3.0 html strict//\n" +
	"-//microsoft//dtd internet explorer 3.0 html//\n" +
	"-//microsoft//dtd internet explorer 3.0 tables//\n" +
	"-//netscape comm. corp.//dtd html//\n" +
	"-//netscape comm. corp.//dtd strict html//\n" +
	"-//o'reilly and associates//dtd html 2.0//\n" +
	"-//o'reilly and associates//dtd html extended 1.0//\n" +
	"-//o'reilly and associates//dtd html extended relaxed 1.0//\n" +
	"-//softquad software//dtd hotmetal pro 6.0::19990601::extensions to html 4.0//\n" +
	"-//softquad//dtd hotmetal pro 4.0::19971010::extensions to html 4.0//\n" +
	"-//spyglass//dtd html 2.0 extended//\n" +
	"-//sq//dtd html 2.0 hotmetal + extensions//\n" +
	"-//sun microsystems corp.//dtd hotjava html//\n" +
	"-//sun microsystems corp.//dtd hotjava strict html//\n" +
	"-//w3c//dtd html 3 1995-03-24//\n" +
	"-//w3c//dtd html 3.2 draft//\n" +
	"-//w3c//dtd html 3.2 final//\n" +
	"-//w3c//dtd html 3.2//\n" +
	"-//w3c//dtd html 3.2s draft//\n" +
	"-//w3c//dtd html 4.0 frameset//\n" +
	"-//w3c//dtd html 4.0 transitional//\n" +
	"-//w3c//dtd html experimental 19960712//\n" +
	"-//w3c//dtd html experimental 970421//\n" +
	"-//w3c//dtd w3 html//\n" +
	"-//w3o//dtd w3 html 3.0//\n" +
	"-//webtechs//dtd mozilla html 2.0//\n" +
	"-//webtechs//dtd mozilla html//\n"
