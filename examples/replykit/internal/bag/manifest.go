package bag

import (
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// The bag's tag files.
const (
	// DeclarationName is the bag declaration, bagit.txt.
	DeclarationName = "bagit.txt"
	// InfoName is the bag's metadata, bag-info.txt.
	InfoName = "bag-info.txt"
	// ManifestSHA256 and ManifestSHA512 list every payload file's checksum.
	ManifestSHA256 = "manifest-sha256.txt"
	ManifestSHA512 = "manifest-sha512.txt"
	// TagManifestSHA256 lists every other tag file's checksum.
	TagManifestSHA256 = "tagmanifest-sha256.txt"
)

// Declaration is bagit.txt, exactly: the version and the tag files'
// encoding (RFC 8493 §2.1.1).
const Declaration = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"

// fileSum is a file of the bag with its size and checksums.
type fileSum struct {
	rel            string // slash-separated from the bag's root
	size           int64
	sha256, sha512 string
}

// sumFile reads one file of the bag for its size and checksums.
func sumFile(root, rel string) (fileSum, error) {
	f, err := os.Open(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return fileSum{}, err
	}
	defer f.Close()
	h256, h512 := sha256.New(), sha512.New()
	n, err := io.Copy(io.MultiWriter(h256, h512), f)
	if err != nil {
		return fileSum{}, err
	}
	return fileSum{rel: rel, size: n, sha256: hex.EncodeToString(h256.Sum(nil)), sha512: hex.EncodeToString(h512.Sum(nil))}, nil
}

// walkFiles lists the regular files under root/sub, slash-separated from
// root, sorted; anything else (a link, a device) is an error, as a bag
// holds files only.
func walkFiles(root, sub string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(filepath.Join(root, filepath.FromSlash(sub)), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if !d.Type().IsRegular() {
			return &Problem{Path: rel, Err: fmt.Errorf("%w: not a regular file", ErrUnlisted)}
		}
		out = append(out, rel)
		return nil
	})
	slices.Sort(out)
	return out, err
}

// payload sums every file under data/.
func (w *Writer) payload() ([]fileSum, error) {
	names, err := walkFiles(w.tmp, "data")
	if err != nil {
		return nil, fmt.Errorf("bag: %w", err)
	}
	sums := make([]fileSum, len(names))
	for i, n := range names {
		if sums[i], err = sumFile(w.tmp, n); err != nil {
			return nil, fmt.Errorf("bag: %w", err)
		}
	}
	return sums, nil
}

// oxum is the Payload-Oxum of files: their bytes and their count.
func oxum(files []fileSum) string {
	var n int64
	for _, f := range files {
		n += f.size
	}
	return fmt.Sprintf("%d.%d", n, len(files))
}

// manifest is a manifest's text: one "checksum  path" line a file.
func manifest(files []fileSum, sum func(fileSum) string) []byte {
	var b strings.Builder
	for _, f := range files {
		b.WriteString(sum(f))
		b.WriteString("  ")
		b.WriteString(EncodePath(f.rel))
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// EncodePath writes a path for a manifest line: CR, LF and % as %0D, %0A
// and %25 (RFC 8493 §2.1.3).
func EncodePath(p string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(p)
}

// DecodePath reads a manifest line's path, undoing EncodePath; any other
// %XX is kept as written.
func DecodePath(p string) string {
	return strings.NewReplacer("%25", "%", "%0D", "\r", "%0A", "\n", "%0d", "\r", "%0a", "\n").Replace(p)
}

// info is bag-info.txt for a payload.
func (w *Writer) info(files []fileSum, pages int) []byte {
	var b strings.Builder
	if o := oneLine(w.opts.Organization); o != "" {
		fmt.Fprintf(&b, "Source-Organization: %s\n", o)
	}
	fmt.Fprintf(&b, "Bagging-Date: %s\n", w.opts.Now.Format("2006-01-02"))
	fmt.Fprintf(&b, "Payload-Oxum: %s\n", oxum(files))
	if a := oneLine(w.opts.Agent); a != "" {
		fmt.Fprintf(&b, "Bag-Software-Agent: %s\n", a)
	}
	fmt.Fprintf(&b, "External-Description: Notice pages migrated by replykit: for each of %d pages, "+
		"the page as read (%s), its reference JSON and its HTML rendition (%s).\n", pages, SourceDir, ReplyDir)
	return []byte(b.String())
}

// writeTags writes the tag files: bagit.txt, bag-info.txt, the payload
// manifests, then the tag manifest of all the others.
func (w *Writer) writeTags(files []fileSum, pages int) error {
	tags := []struct {
		name string
		data []byte
	}{
		{DeclarationName, []byte(Declaration)},
		{InfoName, w.info(files, pages)},
		{ManifestSHA256, manifest(files, func(f fileSum) string { return f.sha256 })},
		{ManifestSHA512, manifest(files, func(f fileSum) string { return f.sha512 })},
	}
	for _, t := range tags {
		if err := w.write(t.name, t.data); err != nil {
			return err
		}
	}
	names, err := w.tagFiles()
	if err != nil {
		return err
	}
	sums := make([]fileSum, len(names))
	for i, n := range names {
		if sums[i], err = sumFile(w.tmp, n); err != nil {
			return fmt.Errorf("bag: %w", err)
		}
	}
	return w.write(TagManifestSHA256, manifest(sums, func(f fileSum) string { return f.sha256 }))
}

// tagFiles lists the tag files but the tag manifests: every file outside
// data/.
func (w *Writer) tagFiles() ([]string, error) {
	var out []string
	ents, err := os.ReadDir(w.tmp)
	if err != nil {
		return nil, fmt.Errorf("bag: %w", err)
	}
	for _, e := range ents {
		switch {
		case e.Name() == "data" || strings.HasPrefix(e.Name(), "tagmanifest-"):
		case e.IsDir():
			sub, err := walkFiles(w.tmp, e.Name())
			if err != nil {
				return nil, fmt.Errorf("bag: %w", err)
			}
			out = append(out, sub...)
		default:
			out = append(out, e.Name())
		}
	}
	slices.Sort(out)
	return out, nil
}
