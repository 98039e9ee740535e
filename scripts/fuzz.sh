#!/usr/bin/env bash
# fuzz.sh: the long fuzz run. Runs every Fuzz target of every package of the
# module for FUZZTIME each and prints, per target, its run time, the number
# of executions and whether it found a crasher. A crasher is written by go
# test under the package's testdata/fuzz/<Target>/ and becomes a regression
# input of the ordinary test run.
#
#   scripts/fuzz.sh                      # every target, 10 minutes each, one at a time
#   FUZZTIME=30s scripts/fuzz.sh         # a quick pass
#   JOBS=2 scripts/fuzz.sh               # two targets at a time
#   TARGETS='FuzzHTML|FuzzText' scripts/fuzz.sh   # only the targets matching a regexp
#
# Environment:
#   FUZZTIME  time per target (go test -fuzztime), default 10m
#   JOBS      targets run at once, default 1
#   PARALLEL  fuzzing workers per target (go test -parallel), default the
#             number of CPUs divided by JOBS, at least 1
#   TARGETS   extended regexp over target names, default all
#   LOGDIR    where each target's output is kept, default a new temporary
#             directory
# The exit status is 1 when any target failed.
set -euo pipefail
cd "$(dirname "$0")/.."

FUZZTIME=${FUZZTIME:-10m}
JOBS=${JOBS:-1}
CPUS=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
PARALLEL=${PARALLEL:-$(( CPUS / JOBS > 0 ? CPUS / JOBS : 1 ))}
TARGETS=${TARGETS:-.}
LOGDIR=${LOGDIR:-$(mktemp -d "${TMPDIR:-/tmp}/replykit-fuzz.XXXXXX")}
mkdir -p "$LOGDIR"

# Every "package target" pair, found as .ci/run finds them.
pairs=()
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    if [[ $target =~ $TARGETS ]]; then
      pairs+=("$pkg $target")
    fi
  done
done
if [ ${#pairs[@]} -eq 0 ]; then
  echo "no fuzz target matches $TARGETS" >&2
  exit 1
fi
echo "== ${#pairs[@]} targets, $FUZZTIME each, $JOBS at a time, -parallel $PARALLEL; logs in $LOGDIR"

# run fuzzes one target and leaves its log and a one-line result.
run() {
  local pkg=$1 target=$2
  local name=${pkg##*/}.$target
  local log=$LOGDIR/$name.log start end status
  start=$(date +%s)
  status=ok
  if ! go test "$pkg" -run '^$' -fuzz "^${target}\$" -fuzztime "$FUZZTIME" \
      -fuzzminimizetime 5s -parallel "$PARALLEL" >"$log" 2>&1; then
    status=FAIL
  fi
  end=$(date +%s)
  # The last progress line holds the total executions.
  local execs
  execs=$(grep -o 'execs: [0-9]*' "$log" | tail -1 | awk '{print $2}' || true)
  local crasher
  crasher=$(grep -o 'testdata/fuzz/[^ ]*' "$log" | head -1 || true)
  printf '%s\t%s\t%ss\t%s\t%s\t%s\n' "$pkg" "$target" "$((end - start))" "${execs:-0}" "$status" "${crasher:--}" \
    >"$LOGDIR/$name.result"
  echo "-- $pkg $target: $status, $((end - start))s, ${execs:-0} execs${crasher:+, crasher $crasher}"
}

for pair in "${pairs[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do
    wait -n || true
  done
  # shellcheck disable=SC2086
  run $pair &
done
wait

echo
echo "== results"
printf '%s\t%s\t%s\t%s\t%s\t%s\n' package target time execs status crasher
failed=0
for pair in "${pairs[@]}"; do
  set -- $pair
  result=$LOGDIR/${1##*/}.$2.result
  cat "$result"
  if grep -q $'\tFAIL\t' "$result"; then
    failed=1
  fi
done
exit $failed
