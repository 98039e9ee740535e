package migrate

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
