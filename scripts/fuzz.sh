#!/bin/sh
# Run every fuzz target in build/fuzz/ for FUZZ_SECONDS (default 60) each,
# two at a time, starting from its seed corpus in tests/fuzz/corpus/NAME/.
# Prints "ok - fuzz NAME: N runs" or "not ok - ..." per target; a crash
# leaves its input in build/fuzz/crashes/.
cd "$(dirname "$0")/.." || exit 2
secs=${FUZZ_SECONDS:-60}
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
    echo "ok - fuzz $short: $runs runs in ${secs}s, no crash"
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
