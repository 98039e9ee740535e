package migrate

import (
	"io/fs"
	"strings"
)

// The reasons a file found in an input is not read as a page. Each file
// ignored is listed in the report with its reason, so that a page a site's
// software named oddly is never lost without a word.
const (
	// IgnoredNotPage is a file whose extension names something other
	// than a page: a stylesheet, a script, an image, a document, an
	// archive inside the mirror (.css, .js, .png, .pdf, .doc, .zip…).
	IgnoredNotPage = "not-page"
	// IgnoredNotHTML is a file with no extension, or one that names no
	// known kind of file (.do, .action), whose first kilobyte does not
	// look like HTML; or a web-archive capture that is no HTML page by its
	// Content-Type or, when that says nothing, its first bytes. (The
	// other reasons of web-archive records are in warc.go.)
	IgnoredNotHTML = "not-html"
	// IgnoredHidden is a file or folder whose name starts with "." (.git,
	// .DS_Store); a hidden folder is listed once, its files not walked.
	IgnoredHidden = "hidden"
	// IgnoredNotRegular is neither a file nor a folder, as the walk finds
	// it: a FIFO, a socket or a device (reading one may block for ever or
	// never end), in a folder or an archive, or a link to one.
	IgnoredNotRegular = "not-regular"
	// IgnoredBrokenLink is a symbolic link that leads to nothing, or, in
	// an archive, a symbolic or hard link to no entry of the archive.
	IgnoredBrokenLink = "broken-link"
	// IgnoredLinkLoop is a symbolic link that leads round a loop of
	// links, or to a folder that holds it: the folder's files are read
	// under their own names.
	IgnoredLinkLoop = "link-loop"
	// IgnoredOutside is a symbolic link that leads out of its input (a
	// folder's real path, unless Options.FollowLinks) or out of its
	// archive (always): what it leads to is not read.
	IgnoredOutside = "outside-input"
	// IgnoredWalked is a link to a folder walked already, or a folder met
	// a second time (mounted twice in the input): its files are read
	// once, under the name met first. In an archive, a link to a folder
	// is never followed: the folder's entries are read under their own
	// names.
	IgnoredWalked = "walked-already"
	// IgnoredOutput is the output directory met inside an input: its
	// files are the run's own outputs.
	IgnoredOutput = "output-directory"
)

// Ignored is a file of an input that was not read as a page, and why.
type Ignored struct {
	// Path is the file as found, as Entry.Path writes it.
	Path string `json:"path"`
	// Reason is one of the Ignored constants.
	Reason string `json:"reason"`
	// Detail says more where a reason alone would not: where a link
	// leads ("leads to /etc"), what a file that is not regular is ("a
	// FIFO").
	Detail string `json:"detail,omitempty"`
	// RawPath is Path without loss when it is not UTF-8, as
	// Entry.RawPath.
	RawPath string `json:"rawPath,omitempty"`
}

// ignore records a file the walk passed over, with what more there is to
// say of it ("" for nothing), unless it is another shard's (see take).
func (w *walker) ignore(path, reason, detail string) {
	if w.take(&w.walked.Ignored) && w.ignored != nil {
		w.ignored(Ignored{Path: path, RawPath: RawPath(path), Reason: reason, Detail: detail})
	}
}

// isAsset reports whether a lower-case extension names a file that is
// never a page. Files with any other extension, or none, are sniffed.
func isAsset(ext string) bool {
	switch ext {
	case ".css", ".js", ".mjs", ".map", ".json", ".xml", ".rss", ".atom", ".swf",
		".png", ".jpg", ".jpeg", ".gif", ".bmp", ".ico", ".svg", ".webp", ".tif", ".tiff", ".psd",
		".woff", ".woff2", ".ttf", ".otf", ".eot",
		".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".wps", ".et", ".dps", ".rtf",
		".odt", ".ods", ".odp", ".ofd", ".ceb", ".csv",
		".zip", ".rar", ".7z", ".gz", ".tgz", ".tar", ".bz2", ".xz",
		".mp3", ".mp4", ".m4a", ".wav", ".wma", ".avi", ".wmv", ".flv", ".mov", ".mkv", ".webm",
		".exe", ".msi", ".dll", ".apk", ".bin", ".iso", ".dmg":
		return true
	}
	return false
}

// IsTextName reports whether the migration reads a file of this name as a
// plain-text notice (.txt).
func IsTextName(name string) bool { return typeOf(name) == textPage }

// IsHTMLName reports whether the migration reads a file of this name as an
// HTML page without looking at its bytes (.html, .htm, .shtml, .shtm,
// .xhtml, .jsp, .jhtml, .asp, .aspx, .php).
func IsHTMLName(name string) bool { return typeOf(name) == htmlPage }

// LooksHTML reports whether the start of a file looks like an HTML page:
// the test the migration puts a file with no or an unknown extension to.
func LooksHTML(head []byte) bool { return looksHTML(head) }

// ignoreReason is why the walk passes over a file named name, of type
// mode (0 for a file), that it does not sniff: hidden, not a file, or not
// a page by its extension; and the detail, which names a type that is not
// a file's.
func ignoreReason(name string, mode fs.FileMode) (reason, detail string) {
	switch {
	case strings.HasPrefix(name, "."):
		return IgnoredHidden, ""
	case !mode.IsRegular():
		return IgnoredNotRegular, modeName(mode)
	}
	return IgnoredNotPage, ""
}
