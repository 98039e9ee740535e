package render

import _ "embed"

// stylesheetText is the embedded stylesheet, style.css.
//
//go:embed style.css
var stylesheetText string

// stylesheet is the stylesheet as the writer's constant kind of text.
var stylesheet = constant(stylesheetText)

// Stylesheet returns the stylesheet that HTML embeds: the page layout of
// GB/T 9704-2012 for screen and print. Serve it beside pages written with
// WithFragment or WithStylesheetURL.
func Stylesheet() string { return stylesheetText }
