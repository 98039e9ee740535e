package parse

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// foreignOpen reports whether an svg element is open.
func (b *treeBuilder) foreignOpen() bool {
	return b.svg != nil && b.svgAt < len(b.oe) && b.oe[b.svgAt] == b.svg
}

// foreignStep processes the current token while an svg element is open:
// by the rules for foreign content when the current node is foreign, else
// (text in an HTML integration point, the end of the page) by the
// insertion mode, which the builder allows only where it adds text or
// ends the page.
func (b *treeBuilder) foreignStep() bool {
	top := b.top()
	switch {
	case top.Namespace == "":
		return b.fail("HTML inside foreign content")
	case b.tt == html.ErrorToken:
		if len(b.templates) > 0 {
			return b.fail("template around foreign content")
		}
		return true
	case b.tt == html.StartTagToken && isIntegrationPoint(top):
		return b.fail("start tag in an HTML integration point")
	case b.tt == html.TextToken && isIntegrationPoint(top):
		switch b.im {
		case modeInBody, modeInCell, modeInCaption, modeInTemplate:
		default:
			return b.fail("foreign content in table mode")
		}
		if n := len(b.afe); n > 0 && b.afe[n-1] != nil && treeIndex(b.oe, b.afe[n-1]) == -1 {
			return b.fail("formatting element reopened in foreign content")
		}
		b.addText(b.text)
		return true
	}
	return b.foreignContent()
}

// isIntegrationPoint reports whether n is an svg element whose content
// the parser reads as HTML.
func isIntegrationPoint(n *html.Node) bool {
	if n.Namespace != "svg" {
		return false
	}
	switch n.Data {
	case "desc", "foreignObject", "title":
		return true
	}
	return false
}

// foreignContent is the rules for parsing tokens in foreign content
// (parseForeignContent), for svg.
func (b *treeBuilder) foreignContent() bool {
	switch b.tt {
	case html.TextToken:
		b.addText(b.text)
	case html.CommentToken:
		b.addComment()
	case html.StartTagToken:
		if b.breaksOut() {
			// An HTML start tag closes the foreign elements.
			for i := len(b.oe) - 1; i >= 0; i-- {
				if n := b.oe[i]; n.Namespace == "" || isIntegrationPoint(n) {
					b.oe = b.oe[:i+1]
					break
				}
			}
			if b.foreignOpen() {
				return b.fail("HTML start tag in an HTML integration point")
			}
			return b.dispatch()
		}
		if adj := svgTagName(b.name); adj != "" {
			b.name, b.tag = adj, atom.Lookup([]byte(adj))
		}
		b.adjustSVGAttrs()
		b.addElement()
		if b.why != "" {
			return true
		}
		b.top().Namespace = "svg"
		// An svg title or style holds markup, not raw text.
		b.z.rawTag = ""
		if b.selfClosing {
			b.pop()
		}
	case html.EndTagToken:
		for i := len(b.oe) - 1; i >= 0; i-- {
			if strings.EqualFold(b.oe[i].Data, b.name) {
				b.oe = b.oe[:i]
				return true
			}
			if i > 0 && b.oe[i-1].Namespace == "" {
				break
			}
		}
		return b.fail("end tag unmatched in foreign content")
	}
	return true
}

// breaksOut reports whether the current start tag is one that closes
// foreign content.
func (b *treeBuilder) breaksOut() bool {
	switch b.tag {
	case atom.B, atom.Big, atom.Blockquote, atom.Body, atom.Br, atom.Center, atom.Code, atom.Dd, atom.Div,
		atom.Dl, atom.Dt, atom.Em, atom.Embed, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Head, atom.Hr, atom.I, atom.Img, atom.Li, atom.Listing, atom.Menu, atom.Meta, atom.Nobr,
		atom.Ol, atom.P, atom.Pre, atom.Ruby, atom.S, atom.Small, atom.Span, atom.Strong, atom.Strike,
		atom.Sub, atom.Sup, atom.Table, atom.Tt, atom.U, atom.Ul, atom.Var:
		return true
	case atom.Font:
		for _, a := range b.attr {
			switch a.Key {
			case "color", "face", "size":
				return true
			}
		}
	}
	return false
}

// adjustSVGAttrs gives the current tag's attributes their svg names and
// the xlink, xml and xmlns ones their namespaces.
func (b *treeBuilder) adjustSVGAttrs() {
	for i := range b.attr {
		a := &b.attr[i]
		if adj := svgAttrName(a.Key); adj != "" {
			a.Key = adj
		}
		switch a.Key {
		case "xlink:actuate", "xlink:arcrole", "xlink:href", "xlink:role", "xlink:show",
			"xlink:title", "xlink:type", "xml:lang", "xml:space", "xmlns:xlink":
			a.Namespace, a.Key, _ = strings.Cut(a.Key, ":")
		}
	}
}

// svgTagName is the svg spelling of a lower-cased element name, or "" when
// it is the same (svgTagNameAdjustments).
func svgTagName(name string) string {
	switch name {
	case "altglyph":
		return "altGlyph"
	case "altglyphdef":
		return "altGlyphDef"
	case "altglyphitem":
		return "altGlyphItem"
	case "animatecolor":
		return "animateColor"
	case "animatemotion":
		return "animateMotion"
	case "animatetransform":
		return "animateTransform"
	case "clippath":
		return "clipPath"
	case "feblend":
		return "feBlend"
	case "fecolormatrix":
		return "feColorMatrix"
	case "fecomponenttransfer":
		return "feComponentTransfer"
	case "fecomposite":
		return "feComposite"
	case "feconvolvematrix":
		return "feConvolveMatrix"
	case "fediffuselighting":
		return "feDiffuseLighting"
	case "fedisplacementmap":
		return "feDisplacementMap"
	case "fedistantlight":
		return "feDistantLight"
	case "feflood":
		return "feFlood"
	case "fefunca":
		return "feFuncA"
	case "fefuncb":
		return "feFuncB"
	case "fefuncg":
		return "feFuncG"
	case "fefuncr":
		return "feFuncR"
	case "fegaussianblur":
		return "feGaussianBlur"
	case "feimage":
		return "feImage"
	case "femerge":
		return "feMerge"
	case "femergenode":
		return "feMergeNode"
	case "femorphology":
		return "feMorphology"
	case "feoffset":
		return "feOffset"
	case "fepointlight":
		return "fePointLight"
	case "fespecularlighting":
		return "feSpecularLighting"
	case "fespotlight":
		return "feSpotLight"
	case "fetile":
		return "feTile"
	case "feturbulence":
		return "feTurbulence"
	case "foreignobject":
		return "foreignObject"
	case "glyphref":
		return "glyphRef"
	case "lineargradient":
		return "linearGradient"
	case "radialgradient":
		return "radialGradient"
	case "textpath":
		return "textPath"
	}
	return ""
}

// svgAttrName is the svg spelling of a lower-cased attribute name, or ""
// when it is the same (svgAttributeAdjustments).
func svgAttrName(key string) string {
	switch key {
	case "attributename":
		return "attributeName"
	case "attributetype":
		return "attributeType"
	case "basefrequency":
		return "baseFrequency"
	case "baseprofile":
		return "baseProfile"
	case "calcmode":
		return "calcMode"
	case "clippathunits":
		return "clipPathUnits"
	case "diffuseconstant":
		return "diffuseConstant"
	case "edgemode":
		return "edgeMode"
	case "filterunits":
		return "filterUnits"
	case "glyphref":
		return "glyphRef"
	case "gradienttransform":
		return "gradientTransform"
	case "gradientunits":
		return "gradientUnits"
	case "kernelmatrix":
		return "kernelMatrix"
	case "kernelunitlength":
		return "kernelUnitLength"
	case "keypoints":
		return "keyPoints"
	case "keysplines":
		return "keySplines"
	case "keytimes":
		return "keyTimes"
	case "lengthadjust":
		return "lengthAdjust"
	case "limitingconeangle":
		return "limitingConeAngle"
	case "markerheight":
		return "markerHeight"
	case "markerunits":
		return "markerUnits"
	case "markerwidth":
		return "markerWidth"
	case "maskcontentunits":
		return "maskContentUnits"
	case "maskunits":
		return "maskUnits"
	case "numoctaves":
		return "numOctaves"
	case "pathlength":
		return "pathLength"
	case "patterncontentunits":
		return "patternContentUnits"
	case "patterntransform":
		return "patternTransform"
	case "patternunits":
		return "patternUnits"
	case "pointsatx":
		return "pointsAtX"
	case "pointsaty":
		return "pointsAtY"
	case "pointsatz":
		return "pointsAtZ"
	case "preservealpha":
		return "preserveAlpha"
	case "preserveaspectratio":
		return "preserveAspectRatio"
	case "primitiveunits":
		return "primitiveUnits"
	case "refx":
		return "refX"
	case "refy":
		return "refY"
	case "repeatcount":
		return "repeatCount"
	case "repeatdur":
		return "repeatDur"
	case "requiredextensions":
		return "requiredExtensions"
	case "requiredfeatures":
		return "requiredFeatures"
	case "specularconstant":
		return "specularConstant"
	case "specularexponent":
		return "specularExponent"
	case "spreadmethod":
		return "spreadMethod"
	case "startoffset":
		return "startOffset"
	case "stddeviation":
		return "stdDeviation"
	case "stitchtiles":
		return "stitchTiles"
	case "surfacescale":
		return "surfaceScale"
	case "systemlanguage":
		return "systemLanguage"
	case "tablevalues":
		return "tableValues"
	case "targetx":
		return "targetX"
	case "targety":
		return "targetY"
	case "textlength":
		return "textLength"
	case "viewbox":
		return "viewBox"
	case "viewtarget":
		return "viewTarget"
	case "xchannelselector":
		return "xChannelSelector"
	case "ychannelselector":
		return "yChannelSelector"
	case "zoomandpan":
		return "zoomAndPan"
	}
	return ""
}
