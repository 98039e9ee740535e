#!/bin/sh
# make-wget.sh [OUT] — crawls the loopback site of site/main.go with
# Debian's wget into OUT.warc.gz (default: ./crawl, giving crawl.warc.gz
# beside this script). wget writes WARC 1.0 records, gzipped one by one,
# with WARC-Target-URI in angle brackets: a warcinfo, a request and a
# response for each URL, a metadata record, and its log as a resource.
# The dates, record IDs and port differ from run to run.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/crawl}
tmp=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT
(cd "$here/site" && go build -o "$tmp/site" .)
"$tmp/site" >"$tmp/addr" &
pid=$!
i=0
while [ ! -s "$tmp/addr" ]; do
  i=$((i + 1)); [ "$i" -lt 100 ] || { echo "site did not start" >&2; exit 1; }
  sleep 0.1
done
addr=$(head -1 "$tmp/addr")
# -r -l 1: the index and what it links to; -p: the image; wget exits 8
# because of the 404, which is part of the crawl.
(cd "$tmp" && wget -q -r -l 1 -p --no-host-directories -P mirror \
  --warc-file="$out" --no-warc-keep-log "http://$addr/") || [ $? -eq 8 ]
echo "wrote $out.warc.gz from http://$addr/"
