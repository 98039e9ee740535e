// Package bag writes a migration as an archival package: a BagIt bag
// (RFC 8493) holding, for each page converted, its source bytes exactly
// as read, its reference JSON and its HTML rendition, with SHA-256 and
// SHA-512 manifests, and checks such a bag (Verify).
//
// A Writer is given each page's bytes while the run reads them
// (migrate.Options.Source) and the finished report (migrate.Options.Finish);
// it writes the whole bag under a temporary name beside its destination
// and renames it into place last, so that an interrupted run leaves no
// bag that looks complete.
package bag
