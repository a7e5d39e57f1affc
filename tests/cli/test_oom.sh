# Out of memory: the allocation-failure build (make oom, build/oom/ecx,
# ASan+UBSan) fails the Nth allocation (ECX_FAIL_ALLOC=N: ecx's own
# allocators and SQLite's), for every N from 1 to the number of allocations
# an import and a report make. Every run must end with success or a clear
# error ("ecx: ..." and a non-zero exit code below 128), never a crash or a
# sanitizer report (for an import also with every allocation from the Nth on
# failing, every 10th N); after a failed import the workspace passes
# integrity_check and is exactly as before; a successful run is complete.
. "$(dirname "$0")/lib.sh"
OOM=${ECX_OOM:-$ROOT/build/oom/ecx}
if [ ! -x "$OOM" ]; then
  echo "not ok - the allocation-failure build is missing (make oom)"
  exit 0
fi
# Every Nth value of N only (ECX_OOM_STEP, default 1: all of them).
STEP=${ECX_OOM_STEP:-1}
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=0 UBSAN_OPTIONS=halt_on_error=1

W0=$T/w0.ecx; W=$T/w.ecx
"$ECX" init "$W0" > /dev/null
printf 'id,fecha,nps,csat,comentario\n' > "$T/a.csv"
printf 'id,fecha,nps,csat,comentario\n' > "$T/b.csv"
for i in 1 2 3 4 5 6; do
  echo "a$i,2026-03-0$i,$i,$((1 + i % 5)),texto $i" >> "$T/a.csv"
  echo "b$i,2026-04-0$i,$((i + 4)),$((1 + i % 5)),\"otro, $i\"" >> "$T/b.csv"
done
"$ECX" import "$W0" "$T/a.csv" --survey s > /dev/null
before=$(snapshot "$W0")

# drive WHAT PREPARE CHECK_OK CHECK_FAIL CMD...: run CMD with the Nth
# allocation failing for every N (every STEP-th) up to the count of a clean
# run. PREPARE runs before each run; CHECK_OK N after a success and
# CHECK_FAIL N after a clean failure each print a complaint or nothing.
# Sets nAlloc, nOk, nFail, crash (runs that crashed or tripped a
# sanitizer), bad (complaints) and first (the first crash, described).
drive() {
  what=$1 prep=$2 okfn=$3 failfn=$4; shift 4
  "$prep"
  nAlloc=$(ECX_FAIL_ALLOC=0 "$@" 2>&1 >/dev/null | sed -n 's/^ecx-fault: \([0-9]*\) allocations$/\1/p')
  crash=0; bad=0; nFail=0; nOk=0; first=; i=1
  while [ "$i" -le "${nAlloc:-0}" ]; do
    "$prep"
    ECX_FAIL_ALLOC=$i "$@" > "$T/$what.out" 2> "$T/$what.err"; rc=$?
    why=
    if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:|Segmentation fault' "$T/$what.err"; then why="sanitizer report"
    elif [ "$rc" -ge 128 ]; then why="killed by signal $((rc - 128))"
    elif [ "$rc" -ne 0 ] && ! grep -q '^ecx: ' "$T/$what.err"; then why="exit $rc without a message"; fi
    if [ -n "$why" ]; then
      crash=$((crash + 1)); [ -z "$first" ] && first="N=$i: $why: $(head -5 "$T/$what.err")"
      complaint=
    elif [ "$rc" -eq 0 ]; then
      nOk=$((nOk + 1)); complaint=$("$okfn" "$i")
    else
      nFail=$((nFail + 1)); complaint=$("$failfn" "$i")
    fi
    [ -n "$complaint" ] && { bad=$((bad + 1)); echo "# $what N=$i: $complaint"; }
    i=$((i + STEP))
  done
  echo "# $what: $nAlloc allocations; runs: $nFail failed cleanly, $nOk succeeded"
  expect_eq "$what: the allocation count is known" "$([ "${nAlloc:-0}" -gt 100 ] && echo yes)" "yes"
  expect_eq "$what: no crash or sanitizer report for any failed allocation" "$crash" "0"
  [ -n "$first" ] && echo "#   first: $first"
}

# The two drives run side by side (each in its own workspace), then report.
# ---- import: a failure leaves the workspace as it was, a success is whole.
import_prep() { cp "$W0" "$W"; rm -f "$W-wal" "$W-shm"; }
import_ok() { [ "$(sql "$W" "SELECT count(*) FROM response")" = 12 ] || echo "success but not 12 responses"; }
import_fail() {
  # integrity_check opens the workspace (rolling back what the failed run
  # left in the WAL) and closes it; then the file must be byte for byte
  # the one before, or at least hold the same rows.
  state=$(sqlite3 -batch "$W" "PRAGMA integrity_check" 2>&1)
  if [ "$state" != ok ]; then echo "integrity_check: $state"
  elif ! cmp -s "$W" "$W0" && [ "$(snapshot "$W")" != "$before" ]; then echo "the workspace changed"; fi
}
(
  drive import import_prep import_ok import_fail "$OOM" import "$W" "$T/b.csv" --survey s
  expect_eq "import: a failed import leaves the workspace as it was, integrity_check ok; a successful one is complete" "$bad" "0"
  expect_eq "import: failures are reported as errors" "$([ "$nFail" -gt 0 ] && echo yes)" "yes"
  # Every allocation from the Nth on failing, for every 10th N.
  STEP=$((STEP * 10)); export ECX_FAIL_ALLOC_PERSIST=1
  drive "import (persistent)" import_prep import_ok import_fail "$OOM" import "$W" "$T/b.csv" --survey s
  expect_eq "import (persistent): a failed import leaves the workspace as it was" "$bad" "0"
) > "$T/import.log" &
importPid=$!

# ---- report (no cube cache: the cube is loaded from the workspace)
R=$T/r.ecx
cp "$W0" "$R"
"$ECX" import "$R" "$T/b.csv" --survey s > /dev/null
rm -f "$R.cube"
"$ECX" report "$R" --format csv --by month > "$T/want" 2>&1
report_prep() { rm -f "$R.cube"; }
report_ok() { cmp -s "$T/report.out" "$T/want" || echo "output differs"; }
report_fail() { :; }
(
  drive report report_prep report_ok report_fail "$OOM" report "$R" --format csv --by month
  expect_eq "report: a report that succeeds is complete and right" "$bad" "0"
  expect_eq "report: the workspace passes integrity_check" "$(sql "$R" "PRAGMA integrity_check")" "ok"
) > "$T/report.log"
wait $importPid
cat "$T/import.log" "$T/report.log"
