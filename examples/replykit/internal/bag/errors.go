package bag

import (
	"errors"
	"fmt"
)

// The kinds of problem Verify finds, for errors.Is.
var (
	// ErrNotBag is a directory without a valid bagit.txt.
	ErrNotBag = errors.New("not a BagIt bag")
	// ErrChanged is a file whose checksum is not the one its manifest gives.
	ErrChanged = errors.New("checksum differs from the manifest")
	// ErrMissing is a file a manifest lists that is not in the bag.
	ErrMissing = errors.New("listed in a manifest but missing")
	// ErrUnlisted is a payload file that a manifest does not list.
	ErrUnlisted = errors.New("payload file not in the manifest")
	// ErrOxum is a Payload-Oxum that does not match the payload.
	ErrOxum = errors.New("Payload-Oxum does not match the payload")
	// ErrManifest is a manifest line that cannot be read.
	ErrManifest = errors.New("bad manifest line")
	// ErrExists is a bag destination that already exists.
	ErrExists = errors.New("bag destination already exists")
)

// Problem is one thing wrong with a bag: the file (relative to the bag's
// root, slash-separated) and what is wrong with it.
type Problem struct {
	Path string // the file, such as "data/source/a.html"
	Err  error  // one of the Err values above, possibly wrapped
}

// Error says which file and what is wrong.
func (p *Problem) Error() string { return fmt.Sprintf("%s: %v", p.Path, p.Err) }

// Unwrap gives what is wrong, for errors.Is.
func (p *Problem) Unwrap() error { return p.Err }
