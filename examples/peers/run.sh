#!/usr/bin/env bash
# Reruns the peer comparison and prints the medians and the ratios the
# targets are judged by (parse.HTML ≤ 1.5 × the baseline; go-readability
# ≥ 4 × and go-trafilatura ≥ 6 × parse.HTML's time).
#
#   ./run.sh            # -count 5
#   ./run.sh 10         # -count 10
#   CPU=1 ./run.sh 10   # each with one core (-cpu 1), as in a migration that keeps every core busy
#   OUT=new.txt ./run.sh   # keep the raw output in new.txt (default: a temporary file)
#   ./run.sh -f new.txt    # only print the tables of an earlier run's output
set -euo pipefail

# Paths given are taken from where the script is called, before it moves
# to its own folder.
if [ "${1:-}" = "-f" ]; then
  out=$(realpath "$2")
  cd "$(dirname "$0")"
else
  count=${1:-5}
  out=$(realpath "${OUT:-$(mktemp "${TMPDIR:-/tmp}/peers-bench.XXXXXX")}")
  cd "$(dirname "$0")"
  go version
  grep -m1 'model name' /proc/cpuinfo 2>/dev/null || true
  echo "cores: $(getconf _NPROCESSORS_ONLN); load before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || true)"
  echo "go test -run '^\$' -bench . -benchmem -count $count ${CPU:+-cpu $CPU} > $out"
  go test -run '^$' -bench . -benchmem -count "$count" ${CPU:+-cpu "$CPU"} | tee "$out"
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || true)"
  echo
fi

# One line per benchmark, unit and measured value, then the median of each.
awk '/^Benchmark/ {
  name = $1; sub(/-[0-9]+$/, "", name)
  for (i = 3; i < NF; i += 2) print name, $(i + 1), $i
}' "$out" | LC_ALL=C sort -k1,1 -k2,2 -k3,3g | awk '
function flush() { if (n) { m = (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2; print key, m, n } }
{ k = $1 " " $2; if (k != key) { flush(); key = k; n = 0 } v[++n] = $3 }
END { flush() }' | awk '
function ms(ns) { return sprintf("%.3f ms", ns / 1e6) }
function kib(b) { return sprintf("%.0f KiB", b / 1024) }
# ratios gives the ratio of a to b in time and, where measured, in CPU time.
function ratios(label, a, b,   r) {
  r = sprintf("%s %.2f", label, med[a " ns/op"] / med[b " ns/op"])
  if (med[b " cpu-ns/op"] > 0) r = r sprintf(" (cpu %.2f)", med[a " cpu-ns/op"] / med[b " cpu-ns/op"])
  return r
}
{ med[$1 " " $2] = $3; runs[$1] = $4 }
$1 ~ /^BenchmarkPeers(Paired)?\// { split($1, part, "/"); if (!(part[2] in seen)) { seen[part[2]] = 1; sets[++ns] = part[2] } }
END {
  split("parse baseline readability trafilatura", tool, " ")
  print "Medians of BenchmarkPeers (each tool apart):"
  printf "%-8s %-12s %12s %12s %10s %10s  %s\n", "set", "tool", "time/op", "cpu/op", "B/op", "allocs/op", "ratio"
  for (s = 1; s <= ns; s++) {
    for (t = 1; t <= 4; t++) {
      b = "BenchmarkPeers/" sets[s] "/" tool[t]
      if (!((b " ns/op") in med)) continue
      p = "BenchmarkPeers/" sets[s] "/parse"
      r = ""
      if (tool[t] == "parse") r = ratios("parse/baseline", p, "BenchmarkPeers/" sets[s] "/baseline")
      if (tool[t] == "readability" || tool[t] == "trafilatura") r = ratios(tool[t] "/parse", b, p)
      printf "%-8s %-12s %12s %12s %10s %10d  %s\n", sets[s], tool[t], ms(med[b " ns/op"]), ms(med[b " cpu-ns/op"]), kib(med[b " B/op"]), med[b " allocs/op"], r
    }
  }
  print ""
  print "Medians of BenchmarkPeersPaired (parse.HTML and one other tool in turns; ratio of their summed times, and of their CPU times):"
  printf "%-8s %-12s %5s %12s %12s  %s\n", "set", "tool", "runs", "parse", "tool", "ratio"
  for (s = 1; s <= ns; s++) {
    for (t = 2; t <= 4; t++) {
      b = "BenchmarkPeersPaired/" sets[s] "/" tool[t]
      r = (tool[t] == "baseline") ? "parse/baseline" : tool[t] "/parse"
      if (!((b " " r) in med)) continue
      printf "%-8s %-12s %5d %12s %12s  %s %.2f (cpu %.2f)\n", sets[s], tool[t], runs[b], ms(med[b " parse-ns/op"]), ms(med[b " " tool[t] "-ns/op"]), r, med[b " " r], med[b " " r "-cpu"]
    }
  }
}'
