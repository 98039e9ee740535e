package migrate

import "strings"

// The names in the output directory that belong to the run as a whole,
// beside ReportName: the collection written after the report (see the
// collection package). No page's outputs may take them.
const (
	// IndexName is the browsable index of the collection.
	IndexName = "index.html"
	// RepliesName is the collection as JSON Lines, one reply a line.
	RepliesName = "replies.jsonl"
	// IndexDataDir is the folder of the index's data files, which is
	// replaced whole each time the index is written.
	IndexDataDir = "index-data"
)

// reservedName returns the name of the run's own file or folder that the
// outputs of a page with output name rel would take, or "".
func reservedName(rel string) string {
	switch {
	case rel+".json" == ReportName:
		return ReportName
	case rel+".html" == IndexName:
		return IndexName
	case strings.HasPrefix(rel, IndexDataDir+"/"):
		return IndexDataDir + "/"
	}
	return ""
}
