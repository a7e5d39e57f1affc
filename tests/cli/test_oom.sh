# Out of memory: the allocation-failure build (make oom, build/oom/ecx,
# ASan+UBSan) fails the Nth allocation (ECX_FAIL_ALLOC=N: ecx's own
# allocators and SQLite's), for every N from 1 to the number of allocations
# an import and a report make. Every run must end with success or a clear
# error ("ecx: ..." and a non-zero exit code below 128), never a crash or a
# sanitizer report; after a failed import the workspace passes
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

# verdict WHAT N RC ERRFILE: "" when the run ended cleanly, else why not.
verdict() {
  if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:|Segmentation fault' "$4"; then
    echo "sanitizer report"; return
  fi
  if [ "$3" -ge 128 ]; then echo "killed by signal $(( $3 - 128 ))"; return; fi
  if [ "$3" -ne 0 ] && ! grep -q '^ecx: ' "$4"; then echo "exit $3 without a message"; return; fi
}

# count CMD...: the allocations a successful run of CMD makes.
count() { ECX_FAIL_ALLOC=0 "$@" 2>&1 >/dev/null | sed -n 's/^ecx-fault: \([0-9]*\) allocations$/\1/p'; }

# ---- import
cp "$W0" "$W"
nImport=$(count "$OOM" import "$W" "$T/b.csv" --survey s)
crash=0; dirty=0; incomplete=0; nFail=0; nOk=0; n=1; first=
while [ "$n" -le "${nImport:-0}" ]; do
  cp "$W0" "$W"; rm -f "$W-wal" "$W-shm"
  ECX_FAIL_ALLOC=$n "$OOM" import "$W" "$T/b.csv" --survey s > "$T/out" 2> "$T/err"; rc=$?
  why=$(verdict import "$n" "$rc" "$T/err")
  if [ -n "$why" ]; then
    crash=$((crash + 1)); [ -z "$first" ] && first="N=$n: $why: $(head -5 "$T/err")"
  elif [ "$rc" -eq 0 ]; then
    nOk=$((nOk + 1))
    [ "$(sql "$W" "SELECT count(*) FROM response")" = 12 ] || { incomplete=$((incomplete + 1)); echo "# import N=$n: success but not 12 responses"; }
  else
    nFail=$((nFail + 1))
    # integrity_check opens the workspace (rolling back what the failed run
    # left in the WAL) and closes it; then the file must be byte for byte
    # the one before, or at least hold the same rows.
    state=$(sqlite3 -batch "$W" "PRAGMA integrity_check" 2>&1)
    if [ "$state" != ok ]; then
      dirty=$((dirty + 1)); echo "# import N=$n: integrity_check: $state"
    elif ! cmp -s "$W" "$W0" && [ "$(snapshot "$W")" != "$before" ]; then
      dirty=$((dirty + 1)); echo "# import N=$n: the workspace changed"
    fi
  fi
  n=$((n + STEP))
done
echo "# import: $nImport allocations; runs: $nFail failed cleanly, $nOk succeeded"
expect_eq "import: the allocation count is known" "$([ "${nImport:-0}" -gt 100 ] && echo yes)" "yes"
expect_eq "import: no crash or sanitizer report for any failed allocation" "$crash" "0"
[ -n "$first" ] && echo "#   first: $first"
expect_eq "import: a failed import leaves the workspace as it was, integrity_check ok" "$dirty" "0"
expect_eq "import: a successful import is complete" "$incomplete" "0"
expect_eq "import: most failures are reported as errors" "$([ "$nFail" -gt 0 ] && echo yes)" "yes"

# ---- report (no cube cache: the cube is loaded from the workspace)
"$ECX" import "$W0" "$T/b.csv" --survey s > /dev/null
rm -f "$W0.cube"
"$ECX" report "$W0" --format csv --by month > "$T/want" 2>&1
cp "$W0" "$W"
nReport=$(count "$OOM" report "$W" --format csv --by month)
crash=0; wrong=0; nFail=0; nOk=0; n=1; first=
while [ "$n" -le "${nReport:-0}" ]; do
  rm -f "$W.cube"
  ECX_FAIL_ALLOC=$n "$OOM" report "$W" --format csv --by month > "$T/out" 2> "$T/err"; rc=$?
  why=$(verdict report "$n" "$rc" "$T/err")
  if [ -n "$why" ]; then
    crash=$((crash + 1)); [ -z "$first" ] && first="N=$n: $why: $(head -5 "$T/err")"
  elif [ "$rc" -eq 0 ]; then
    nOk=$((nOk + 1))
    cmp -s "$T/out" "$T/want" || { wrong=$((wrong + 1)); echo "# report N=$n: output differs"; }
  else
    nFail=$((nFail + 1))
  fi
  n=$((n + STEP))
done
echo "# report: $nReport allocations; runs: $nFail failed cleanly, $nOk succeeded"
expect_eq "report: the allocation count is known" "$([ "${nReport:-0}" -gt 100 ] && echo yes)" "yes"
expect_eq "report: no crash or sanitizer report for any failed allocation" "$crash" "0"
[ -n "$first" ] && echo "#   first: $first"
expect_eq "report: a report that succeeds is complete and right" "$wrong" "0"
expect_eq "report: the workspace passes integrity_check" "$(sql "$W" "PRAGMA integrity_check")" "ok"
