#!/bin/sh
# Run every fuzz target in build/fuzz/, two at a time, each starting from
# its seed corpus in tests/fuzz/corpus/NAME/. Each runs FUZZ_SECONDS, or by
# default an equal share of FUZZ_BUDGET seconds of wall time (270: the
# stage stays under 5 minutes however many targets there are), at most 60
# and at least 10 seconds each. Prints "ok - fuzz NAME: N runs ..." or
# "not ok - ..." per target; a crash leaves its input in build/fuzz/crashes/.
cd "$(dirname "$0")/.." || exit 2
ntarget=$(ls build/fuzz/fuzz_* 2>/dev/null | wc -l)
budget=${FUZZ_BUDGET:-270}
share=$(( ntarget > 0 ? 2 * budget / (ntarget + ntarget % 2) : 60 ))
[ "$share" -gt 60 ] && share=60
[ "$share" -lt 10 ] && share=10
secs=${FUZZ_SECONDS:-$share}
echo "# fuzz: $ntarget targets, ${secs}s each, two at a time"
mkdir -p build/fuzz/crashes build/fuzz/work
run_one() {
  bin=$1; name=$(basename "$bin"); short=${name#fuzz_}
  work=build/fuzz/work/$short
  mkdir -p "$work" "tests/fuzz/corpus/$short"
  log=build/fuzz/$short.log
  "$bin" -max_total_time="$secs" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="build/fuzz/crashes/$short-" "$work" "tests/fuzz/corpus/$short" > "$log" 2>&1
  rc=$?
  runs=$(grep -oE 'Done [0-9]+ runs' "$log" | grep -oE '[0-9]+' | tail -1)
  if [ $rc -eq 0 ] && [ -n "$runs" ]; then
    echo "ok - fuzz $short: $runs runs in ${secs}s ($((runs / secs))/s), no crash"
  else
    echo "not ok - fuzz $short (exit $rc)"
    tail -30 "$log" | sed 's/^/#   /'
  fi
}
set -- build/fuzz/fuzz_*
[ -x "$1" ] || { echo "not ok - no fuzz targets built (make fuzz-build)"; exit 1; }
while [ $# -gt 0 ]; do
  a=$1; shift
  if [ $# -gt 0 ]; then
    b=$1; shift
    run_one "$a" > build/fuzz/a.out & run_one "$b" > build/fuzz/b.out; wait
    cat build/fuzz/a.out build/fuzz/b.out
  else
    run_one "$a"
  fi
done
