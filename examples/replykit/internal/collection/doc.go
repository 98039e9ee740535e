// Package collection writes what a migration's output is browsed and
// loaded by: index.html, a page that lists, sorts, filters and searches
// every reply with no server (it works from file://), and replies.jsonl,
// the replies as JSON Lines for DuckDB, pandas or jq.
//
// Build reads the run's report and the JSON outputs on disk, so pages
// skipped as up to date are in the collection as much as those converted
// in the run. The index stays fast at archive size: the page holds the
// counts, the charts and the facets' names; the rows, the sort orders and
// a bigram search index are split into script files under index-data/
// that the page loads as it needs them (script files, since browsers
// refuse fetch() from file://).
package collection
