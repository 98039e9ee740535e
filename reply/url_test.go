package reply

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLinkableURL(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"http://example.gov.cn/a.png", true},
		{"HTTPS://example.gov.cn/a.png", true},
		{"//cdn.example.cn/a.gif", true},
		{"/images/a.jpg", true},
		{"img/a b.png", true},
		{"", false},
		{"javascript:alert(1)", false},
		{"JavaScript:alert(1)", false},
		{"java\tscript:alert(1)", false},
		{"javascript:///x.png", false},
		{"vbscript:msgbox(1)", false},
		{"data:image/png;base64,AAAA", false},
		{"file:///etc/passwd", false},
		{"\x01http://example.gov.cn/", false},
		{"http://example.gov.cn/\x7f", false},
		{"%zz", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, LinkableURL(tt.in), "%q", tt.in)
	}
}
