// Package migrate is the engine of the replykit command's migrate
// subcommand: it walks inputs (files, directories, .zip and .tar.gz
// archives of a site mirror, web archives — WARC, WACZ — read through
// package webarchive, or an fs.FS), converts each page with a
// caller-supplied function on a pool of workers, writes each result as
// OUTDIR/<relative path>.json and .html through temporary files that are
// synced and renamed into place, and writes OUTDIR/report.json, which
// also lists every file of the inputs that was not read as a page, with
// the reason. Check finds, before a run, what would make it fail as a
// whole; CheckReport checks a report file.
//
// Hostile input is bounded: symbolic links are read as what they lead
// to, within each input (Options.FollowLinks lifts that) and each folder
// once; FIFOs and devices are never read; an archive may
// inflate only so far (Options.MaxInflateRatio, MaxInflateBytes), and a
// zip whose entries overlap is refused. A run holds its output
// directory's lock (LockName), so that two runs never write into one.
//
// The engine knows nothing of how a page becomes a reply: the caller gives
// the conversion (Options.Convert) and the HTML rendering (Options.Render),
// so the engine is tested on its own with fakes. What it knows of a page
// it hands to the conversion as a PageSource, and every reply it writes
// carries the page's provenance (its path as the report shows it and the
// SHA-256 of its bytes), so its outputs are replykit/v2.
//
// Output names are planned by the walk, before a page reaches a worker,
// as a file system that ignores case and Unicode normalisation would see
// them: a page whose name is taken (by another page's output, a folder
// another needs, or the run's own files, ReportName and LockName among
// them) is written as name~2 and the report says why; a name that is not
// UTF-8 is written with its other bytes as %XX. A page is converted again
// unless the run before made its outputs from the same bytes (SHA-256).
//
// A web-archive capture is named from its URL and capture time (see
// captureName: host[_port]/path/last@YYYYMMDDhhmmss.html, each segment
// escaped so that it stays in its folder on any file system) and then
// planned like any page; its report path is FILE@OFFSET; a capture whose
// body was read before, or a revisit, is converted once and listed as
// ignored, naming the first; every other record is listed as ignored
// with its reason (see warc.go).
//
// A run may be split into shards (Options.Shard) that write into one
// output directory side by side: each walks every input and plans every
// name, but converts only its share of the pages and writes its own
// report; Merge joins the reports into the one a single run would have
// written.
//
// One bad page never stops a run: its error, with its path and a kind
// (see the Kind constants), goes into the report. The report's entries are
// sorted, so the outputs of a run are the same bytes whatever the number of
// workers.
//
// Memory stays flat however many pages a run meets: pages stream through
// a bounded queue, and no page or reply stays once written. What a run
// must remember of every page waits on disk past a bound, in temporary
// files of a scratch folder (Options.TempDir, or OUTDIR) removed when the
// run ends: the report's entries in sorted runs merged as report.json is
// written (Options.MemEntries; the report Run returns reads them back,
// see Report.EachPage), and in package hashindex the output names
// planned, the bodies of the captures read, the captures a revisit may
// refer to, and the sources of the run before. The strings only a
// message needs (a page's path, to name it in a clash) wait in a log
// file.
package migrate
