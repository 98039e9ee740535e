package migrate

import "errors"

// Errors the engine records for pages it could not take to the converter
// or could not write; each is wrapped with the page's path.
var (
	// ErrNoNotice, wrapped by a Converter's error, says the page holds no
	// notice at all (a list page, an error page). Such a page is reported
	// with status "other" and no output, not as a failure.
	ErrNoNotice = errors.New("no notice in the page")
	// ErrCollision means an input is the output directory itself. (Pages
	// whose output names clash are not failures: the later is renamed.)
	ErrCollision = errors.New("output name already taken")
	// ErrSymlinkLoop means a name resolves through too many symbolic
	// links: a loop. A link met in a walk that loops is not a failure
	// but ignored (IgnoredLinkLoop).
	ErrSymlinkLoop = errors.New("symbolic link loop")
	// ErrVanished means a file listed while walking was gone when read.
	ErrVanished = errors.New("file vanished")
	// ErrTooLarge means a page is over Options.MaxBytes.
	ErrTooLarge = errors.New("page over the size limit")
	// ErrBadPath means an archive entry's name would escape the output
	// directory (absolute, or with ".." elements).
	ErrBadPath = errors.New("unsafe path in archive")
	// ErrReport means the report could not be written: the run's outcome
	// is then known only from what Run returned.
	ErrReport = errors.New("report not written")
	// ErrSpill means a run could not write to, or read back from, the
	// temporary files in the output directory where it keeps the
	// report's entries until the report is written (a full disk).
	ErrSpill = errors.New("report entries not kept")
)

// The kinds of failure that the report names, beside those that
// Options.Classify gives to conversion errors.
const (
	KindNotFound    = "not-found"    // an INPUT that does not exist
	KindUnreadable  = "unreadable"   // a file or directory that cannot be read
	KindVanished    = "vanished"     // a file gone between walk and read
	KindSymlinkLoop = "symlink-loop" // an INPUT, or a page when read, that loops
	KindCollision   = "collision"    // an input that is the output directory
	KindTooLarge    = "too-large"    // a page over the size limit
	KindBadPath     = "bad-path"     // an archive entry escaping the output
	KindArchive     = "archive"      // a damaged archive
	KindConvert     = "convert"      // a conversion error Classify did not name
	KindRender      = "render"       // the reply could not be written out
	KindWrite       = "write"        // an output could not be written (disk full…)
	KindNoNotice    = "no-notice"    // not a failure: the page holds no notice
)

// NoNotice wraps err, a converter's error, so that it marks a page with
// no notice (errors.Is(err, ErrNoNotice) holds) while its text stays err's.
func NoNotice(err error) error { return noNotice{err} }

type noNotice struct{ err error }

func (e noNotice) Error() string   { return e.err.Error() }
func (e noNotice) Unwrap() []error { return []error{ErrNoNotice, e.err} }

// pageError is a failure of one page with its kind, as the report shows it.
type pageError struct {
	kind string
	err  error
}

func (e *pageError) Error() string { return e.err.Error() }
func (e *pageError) Unwrap() error { return e.err }
