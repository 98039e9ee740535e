package migrate

import (
	"archive/zip"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheck(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	writeFile(t, filepath.Join(site, "a.html"), "<p>a</p>")
	writeFile(t, filepath.Join(root, "page.html"), "<p>p</p>")
	writeFile(t, filepath.Join(root, "broken.zip"), "PK not a zip")
	writeFile(t, filepath.Join(root, "broken.tar.gz"), "not gzip")
	writeFile(t, filepath.Join(root, "notes"), "a file where a directory should be")
	good := filepath.Join(root, "good.zip")
	f, err := os.Create(good)
	require.NoError(t, err)
	require.NoError(t, zip.NewWriter(f).Close())
	require.NoError(t, f.Close())

	tests := []struct {
		name   string
		inputs []string
		out    string
		want   []error // one a problem, in order; nil for a sound run
		paths  []string
	}{
		{"sound", []string{site, filepath.Join(root, "page.html"), good}, filepath.Join(root, "out"), nil, nil},
		{"missing input", []string{site, filepath.Join(root, "nope")}, filepath.Join(root, "out"),
			[]error{ErrInputMissing}, []string{filepath.Join(root, "nope")}},
		{"input is the output", []string{site}, site, []error{ErrInputIsOutput}, []string{site}},
		{"broken archives", []string{filepath.Join(root, "broken.zip"), filepath.Join(root, "broken.tar.gz")}, filepath.Join(root, "out"),
			[]error{ErrBrokenArchive, ErrBrokenArchive}, []string{filepath.Join(root, "broken.zip"), filepath.Join(root, "broken.tar.gz")}},
		{"output under a file", []string{site}, filepath.Join(root, "notes", "out"),
			[]error{ErrOutputUnwritable}, []string{filepath.Join(root, "notes", "out")}},
		{"inputs first", []string{filepath.Join(root, "nope")}, filepath.Join(root, "notes", "out"),
			[]error{ErrInputMissing}, []string{filepath.Join(root, "nope")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Check(Paths(tt.inputs...), fakeOptions(tt.out, 1))
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			var errs []error
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				errs = j.Unwrap()
			}
			require.Len(t, errs, len(tt.want), err.Error())
			for i, e := range errs {
				var ie *InputError
				require.ErrorAs(t, e, &ie)
				assert.Equal(t, tt.paths[i], ie.Path)
				assert.ErrorIs(t, e, tt.want[i])
			}
		})
	}
	assert.NoDirExists(t, filepath.Join(root, "notes", "out"))
}

func TestCheckMakesNoOutputForARefusedRun(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	err := Check(Paths(filepath.Join(t.TempDir(), "nope")), fakeOptions(out, 1))
	require.ErrorIs(t, err, ErrInputMissing)
	assert.NoDirExists(t, out)
	// A sound run's output directory is made, and nothing left in it.
	require.NoError(t, Check(nil, fakeOptions(out, 1)))
	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	assert.Empty(t, entries)
}

// denyFS is the real file system where no file can be created.
type denyFS struct{ noSyncFS }

func (denyFS) CreateTemp(dir, _ string) (File, error) {
	return nil, &fs.PathError{Op: "open", Path: filepath.Join(dir, "x.tmp"), Err: syscall.EACCES}
}

func TestCheckFindsAnOutputWhereNothingCanBeWritten(t *testing.T) {
	opts := fakeOptions(t.TempDir(), 1)
	opts.FS = denyFS{}
	err := Check(nil, opts)
	require.ErrorIs(t, err, ErrOutputUnwritable)
	assert.ErrorIs(t, err, fs.ErrPermission)
	assert.Contains(t, err.Error(), "output directory not writable: open ")

	if os.Geteuid() == 0 {
		return // root writes whatever the mode
	}
	ro := filepath.Join(t.TempDir(), "ro")
	require.NoError(t, os.Mkdir(ro, 0o555))
	err = Check(nil, fakeOptions(ro, 1))
	require.ErrorIs(t, err, ErrOutputUnwritable)
	assert.ErrorIs(t, err, fs.ErrPermission)
}

func TestCheckUnreadableInput(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads whatever the mode")
	}
	dir := t.TempDir()
	locked := filepath.Join(dir, "locked")
	require.NoError(t, os.Mkdir(locked, 0))
	t.Cleanup(func() { _ = os.Chmod(locked, 0o755) })
	err := Check(Paths(locked), fakeOptions(filepath.Join(dir, "out"), 1))
	require.ErrorIs(t, err, ErrInputUnreadable)
	assert.ErrorIs(t, err, fs.ErrPermission)
}

// TestCheckRefusesAFIFOInput names a FIFO (pipe.zip) as an INPUT: Check
// refuses it at once as unreadable, where opening it would wait for a
// writer for ever.
func TestCheckRefusesAFIFOInput(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "pipe.zip")
	mkfifo(t, pipe)
	done := make(chan error, 1)
	go func() { done <- Check(Paths(pipe), fakeOptions(filepath.Join(dir, "out"), 1)) }()
	select {
	case err := <-done:
		require.ErrorIs(t, err, ErrInputUnreadable)
		assert.ErrorIs(t, err, ErrNotRegular)
		assert.EqualError(t, err, pipe+": cannot be read: not a regular file (a FIFO)")
	case <-time.After(time.Minute): // a hang guard, not a measure of speed
		if f, err := os.OpenFile(pipe, os.O_WRONLY, 0); err == nil {
			f.Close()
		}
		t.Fatal("Check waits on a FIFO named as an INPUT")
	}
}

func TestRunSaysWhenTheReportWasNotWritten(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(in, "a.html"), "<p>a</p>")
	opts := fakeOptions(out, 1)
	opts.FS = &fullFS{all: true}
	rep, err := runHeld(context.Background(), Paths(in), opts)
	require.ErrorIs(t, err, ErrReport)
	assert.True(t, errors.Is(err, syscall.ENOSPC))
	require.NotNil(t, rep)
	assert.Empty(t, rep.Written)
	assert.NoFileExists(t, filepath.Join(out, ReportName))

	rep, err = runHeld(context.Background(), Paths(in), fakeOptions(out, 1))
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(out, ReportName), rep.Written)
}
