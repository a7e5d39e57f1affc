#!/bin/sh
# Runs every test: unit tests (plain and ASan+UBSan builds), the source
# check, the CLI tests, the HTTP tests (the real server driven by curl) and
# a short run of every fuzz target. Each prints "ok - ..." or "not ok - ..."
# lines; this script counts them and ends with "N passed, N failed".
cd "$(dirname "$0")/.." || exit 2
out=build/test-output
mkdir -p "$out"
log="$out/all.log"
: > "$log"
# No test may hold the run hostage: each one gets TEST_TIMEOUT seconds
# (default 600) and is reported as failed when it runs out.
limit=${TEST_TIMEOUT:-600}
run() {  # run NAME CMD...: stream the command's lines into the log
  name=$1; shift
  echo "# $name" | tee -a "$log"
  start=$(date +%s)
  { timeout -k 10 "$limit" "$@" 2>&1; echo "rc=$?" > "$out/rc"; } | tee -a "$log" | grep -E '^(not ok|#   )' || true
  rc=$(sed 's/rc=//' "$out/rc")
  if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
    echo "not ok - $name timed out after ${limit}s" | tee -a "$log"
  fi
  echo "# $name: $(( $(date +%s) - start ))s" | tee -a "$log"
}
run "unit" build/test_unit
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 run "unit (ASan+UBSan)" build/asan/test_unit
run "checksrc" scripts/checksrc.sh
for t in tests/cli/*.sh tests/http/test_*.sh; do
  case "$t" in */lib.sh) continue ;; esac
  run "$(basename "$t")" sh "$t"
done
# The pages in Debian's chromium, driven by playwright-core.
run "browser" sh tests/browser/run.sh
# Every fuzz target for FUZZ_SECONDS (60 by default), two at a time.
run "fuzz" scripts/fuzz.sh
passed=$(grep -c '^ok - ' "$log")
failed=$(grep -c '^not ok - ' "$log")
# A crash or sanitizer report without a "not ok" line still fails the run.
if grep -qE 'ERROR: AddressSanitizer|runtime error:|Segmentation fault' "$log"; then
  echo "not ok - sanitizer or crash report in $log"
  failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
