package bag

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Verify checks a bag as RFC 8493 has it: bagit.txt as Declaration gives
// it, every file each payload manifest (manifest-sha256.txt,
// manifest-sha512.txt) lists present with that checksum, every payload
// file listed in each, Payload-Oxum matching the payload, and every file
// the tag manifest lists present with its checksum. It gives nil for a
// valid bag, or every problem found joined, each a *Problem naming the
// file.
func Verify(dir string) error {
	decl, err := os.ReadFile(filepath.Join(dir, DeclarationName))
	if err != nil {
		return &Problem{Path: DeclarationName, Err: fmt.Errorf("%w: %w", ErrNotBag, err)}
	}
	if string(decl) != Declaration {
		return &Problem{Path: DeclarationName, Err: fmt.Errorf("%w: not the two lines %q", ErrNotBag, Declaration)}
	}
	payload, err := walkFiles(dir, "data")
	if err != nil {
		return &Problem{Path: "data", Err: fmt.Errorf("%w: %w", ErrNotBag, err)}
	}
	var problems []error
	manifests := 0
	for _, m := range []string{ManifestSHA256, ManifestSHA512} {
		listed, errs := checkManifest(dir, m)
		problems = append(problems, errs...)
		if listed == nil {
			continue
		}
		manifests++
		for _, p := range payload {
			if !listed[p] {
				problems = append(problems, &Problem{Path: p, Err: fmt.Errorf("%w %s", ErrUnlisted, m)})
			}
		}
	}
	if manifests == 0 {
		problems = append(problems, &Problem{Path: ManifestSHA256, Err: fmt.Errorf("%w: no payload manifest", ErrNotBag)})
	}
	if _, errs := checkManifest(dir, TagManifestSHA256); len(errs) > 0 {
		problems = append(problems, errs...)
	}
	if err := checkOxum(dir, payload); err != nil {
		problems = append(problems, err)
	}
	return errors.Join(problems...)
}

// checkManifest checks each line of a manifest, giving the files listed
// (nil when there is no such manifest) and the problems found.
func checkManifest(dir, name string) (map[string]bool, []error) {
	data, err := os.ReadFile(filepath.Join(dir, name))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, []error{&Problem{Path: name, Err: err}}
	}
	listed := map[string]bool{}
	var problems []error
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		sum, rel, ok := strings.Cut(strings.TrimRight(sc.Text(), "\r"), " ")
		rel = DecodePath(strings.TrimLeft(rel, " \t"))
		if !ok || rel == "" || !validRel(rel) {
			problems = append(problems, &Problem{Path: name, Err: fmt.Errorf("%w %d: %q", ErrManifest, n, sc.Text())})
			continue
		}
		listed[rel] = true
		got, err := sumFile(dir, rel)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			problems = append(problems, &Problem{Path: rel, Err: fmt.Errorf("%w %s", ErrMissing, name)})
		case err != nil:
			problems = append(problems, &Problem{Path: rel, Err: err})
		case !strings.EqualFold(sum, pick(got, name)):
			problems = append(problems, &Problem{Path: rel, Err: fmt.Errorf("%w %s", ErrChanged, name)})
		}
	}
	if err := sc.Err(); err != nil {
		problems = append(problems, &Problem{Path: name, Err: err})
	}
	return listed, problems
}

// pick is the checksum of f that a manifest holds.
func pick(f fileSum, manifest string) string {
	if strings.HasSuffix(manifest, "sha512.txt") {
		return f.sha512
	}
	return f.sha256
}

// validRel reports whether a manifest path stays inside the bag.
func validRel(rel string) bool {
	return !path.IsAbs(rel) && path.Clean(rel) == rel && rel != ".." && !strings.HasPrefix(rel, "../")
}

// checkOxum compares bag-info.txt's Payload-Oxum, when given, with the
// payload.
func checkOxum(dir string, payload []string) error {
	data, err := os.ReadFile(filepath.Join(dir, InfoName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return &Problem{Path: InfoName, Err: err}
	}
	for line := range strings.Lines(string(data)) {
		v, ok := strings.CutPrefix(strings.TrimRight(line, "\r\n"), "Payload-Oxum:")
		if !ok {
			continue
		}
		var n int64
		for _, p := range payload {
			info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p)))
			if err != nil {
				return &Problem{Path: p, Err: err}
			}
			n += info.Size()
		}
		want := strconv.FormatInt(n, 10) + "." + strconv.Itoa(len(payload))
		if strings.TrimSpace(v) != want {
			return &Problem{Path: InfoName, Err: fmt.Errorf("%w: says %s, the payload is %s", ErrOxum, strings.TrimSpace(v), want)}
		}
	}
	return nil
}

// sortedProblems lists the files named by Verify's error, sorted.
func sortedProblems(err error) []string {
	var out []string
	var j interface{ Unwrap() []error }
	if errors.As(err, &j) {
		for _, e := range j.Unwrap() {
			out = append(out, sortedProblems(e)...)
		}
	} else if p := (*Problem)(nil); errors.As(err, &p) {
		out = append(out, p.Path)
	}
	slices.Sort(out)
	return out
}

// Files lists the files that Verify's error names, sorted, each once.
func Files(err error) []string { return slices.Compact(sortedProblems(err)) }
