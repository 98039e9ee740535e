package parse

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSeedPagesMatchText reads the seed notice's page in each layout and
// encoding with HTML and checks that it gives the reply its text gives.
func TestSeedPagesMatchText(t *testing.T) {
	want, err := Text(readFixture(t, "seed.txt"))
	require.NoError(t, err)
	pages, err := filepath.Glob(filepath.Join("testdata", "pages", "seed-*.htm*"))
	require.NoError(t, err)
	if len(pages) == 0 {
		t.Skip("no seed pages under testdata/pages")
	}
	for _, path := range pages {
		t.Run(filepath.Base(path), func(t *testing.T) {
			f, err := os.Open(path)
			require.NoError(t, err)
			defer f.Close()
			got, err := HTML(f)
			require.NoError(t, err)

			assert.Equal(t, want.Title, got.Title)
			assert.Equal(t, want.Kind, got.Kind)
			assert.Equal(t, want.Header, got.Header)
			assert.Equal(t, want.Proposal, got.Proposal)
			assert.Equal(t, want.Addressees, got.Addressees)
			assert.Equal(t, want.Salutation, got.Salutation)
			assert.Equal(t, want.Opening, got.Opening)
			require.Len(t, got.Sections, 4)
			assert.Equal(t, headings(want.Sections), headings(got.Sections))
			assert.Equal(t, headings(want.Sections[2].Sections), headings(got.Sections[2].Sections), "section 三's four subsections")
			assert.Equal(t, want.Sections[1].Blocks, got.Sections[1].Blocks, "the points of section 二")
			assert.Equal(t, want.Sections[3].Blocks, got.Sections[3].Blocks, "the points of section 四")
			assert.Equal(t, want.Sections, got.Sections)
			assert.Equal(t, want.Closing, got.Closing)
			assert.Equal(t, want.Signature, got.Signature)
			assert.Equal(t, want.Trailer, got.Trailer)
			require.NotZero(t, got.Signature)
			assert.Equal(t, "旺苍县人民政府办公室", got.Signature.Office)
			assert.Equal(t, "2017-03-16", got.Signature.Date.String())
			require.NotZero(t, got.Page)
			require.NotZero(t, got.Page.Published)
			assert.Regexp(t, `^2020-10-21`, got.Page.Published.String())
			assert.Equal(t, "县民政局", got.Page.Source)
			assert.Equal(t, 2045, got.Page.Views)
			assertValid(t, got)
		})
	}
}
