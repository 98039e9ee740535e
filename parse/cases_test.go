package parse

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// caseOptions is a case's options.json: what a caller would pass besides
// the page.
type caseOptions struct {
	URL         string `json:"url"`
	ContentType string `json:"contentType"`
}

// TestCases reads every folder under testdata/cases through the public API
// and compares the reply with the folder's want.json (rewritten with
// -update). A folder holds one input, page.html (the page's bytes as a
// site served them, in any encoding) or text.txt (UTF-8 text, one
// paragraph a line), and optionally options.json ({"url", "contentType"}).
// Every reply must also validate.
func TestCases(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "cases", "*"))
	require.NoError(t, err)
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			rep := readCase(t, dir)
			got, err := reply.Marshal(rep)
			require.NoError(t, err)
			wantPath := filepath.Join(dir, "want.json")
			if *update {
				require.NoError(t, os.WriteFile(wantPath, got, 0o644))
				return
			}
			want, err := os.ReadFile(wantPath)
			require.NoError(t, err, "want.json missing: run go test ./parse -run TestCases -update")
			assert.Equal(t, string(want), string(got))
			assert.NoError(t, rep.Validate())
		})
	}
}

// readCase parses the input of the case folder dir.
func readCase(t *testing.T, dir string) *reply.Reply {
	t.Helper()
	var opt caseOptions
	if data, err := os.ReadFile(filepath.Join(dir, "options.json")); err == nil {
		require.NoError(t, json.Unmarshal(data, &opt), "options.json")
	} else {
		require.True(t, errors.Is(err, os.ErrNotExist), "options.json: %v", err)
	}
	if text, err := os.ReadFile(filepath.Join(dir, "text.txt")); err == nil {
		rep, err := Text(string(text))
		require.NoError(t, err)
		return rep
	}
	page, err := os.ReadFile(filepath.Join(dir, "page.html"))
	require.NoError(t, err, "a case holds page.html or text.txt")
	var opts []Option
	if opt.URL != "" {
		opts = append(opts, WithURL(opt.URL))
	}
	if opt.ContentType != "" {
		opts = append(opts, WithContentType(opt.ContentType))
	}
	rep, err := HTML(bytes.NewReader(page), opts...)
	require.NoError(t, err)
	return rep
}
