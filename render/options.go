package render

// Option changes how a reply is written.
type Option func(*config)

// config holds the options of one call.
type config struct {
	fragment      bool
	noStyle       bool
	stylesheetURL string
	pageHeader    bool
}

// newConfig returns the configuration that opts give. Without options it
// returns the zero config before c is declared: c escapes to the options,
// and would cost an allocation.
func newConfig(opts []Option) config {
	if len(opts) == 0 {
		return config{}
	}
	var c config
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}

// WithFragment makes HTML write only the reply's <article> (and the visible
// page header, when asked for) instead of a whole document: no <head>, no
// stylesheet, no page <meta> tags. The article still carries everything
// parse needs to read the reply back, page metadata included. Serve
// Stylesheet on the page that embeds it.
func WithFragment() Option { return func(c *config) { c.fragment = true } }

// WithoutStylesheet leaves the embedded stylesheet out of the document.
func WithoutStylesheet() Option { return func(c *config) { c.noStyle = true } }

// WithStylesheetURL links an external stylesheet by its address instead of
// embedding the stylesheet. Only http, https and relative addresses are
// accepted; HTML refuses any other with an error wrapping ErrUnsafeURL.
func WithStylesheetURL(url string) Option {
	return func(c *config) { c.stylesheetURL = url }
}

// WithPageHeader shows the page metadata above the notice: in HTML a
// header with the breadcrumb and the 发布时间/来源/作者/点击量 line; in Text
// and Markdown the same two lines above the title, as pages print them.
func WithPageHeader() Option { return func(c *config) { c.pageHeader = true } }
