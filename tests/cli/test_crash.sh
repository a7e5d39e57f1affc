# Crash consistency of imports: kill `ecx import` with SIGKILL at random
# moments, many times; after each kill the workspace must pass SQLite's
# integrity check and hold either none or all of the file's responses (an
# import is one transaction). Then the import is finished and checked.
. "$(dirname "$0")/lib.sh"

CYCLES=${ECX_CRASH_CYCLES:-200}
W=$T/c.ecx
"$ECX" init "$W" >/dev/null
# 20000 responses with an id, a date, an NPS, a CSAT and a comment.
awk 'BEGIN{ print "id,fecha,nps,csat,comentario";
  for(i=1;i<=20000;i++) printf "r%d,2026-03-%02d,%d,%d,\"comentario %d, con coma\"\n", i, 1+i%28, i%11, 1+i%5, i }' > "$T/in.csv"

bad=0; partial=0; complete=0; empty=0
i=0
while [ $i -lt "$CYCLES" ]; do
  i=$((i+1))
  # Start over from an empty workspace every other cycle, so that kills land
  # in fresh imports and in re-imports of a complete file alike.
  if [ $((i % 2)) -eq 1 ]; then rm -f "$W" "$W-wal" "$W-shm"; "$ECX" init "$W" >/dev/null; fi
  "$ECX" import "$W" "$T/in.csv" --survey s >/dev/null 2>&1 &
  pid=$!
  # A random delay of 0 to 250 ms (an import of this file takes about 200 ms).
  sleep "$(awk -v s="$i" 'BEGIN{srand(s); printf "0.%03d", int(rand()*250)}')"
  kill -KILL $pid 2>/dev/null
  wait $pid 2>/dev/null
  ic=$(sqlite3 "$W" "PRAGMA integrity_check" 2>&1)
  n=$(sqlite3 "$W" "SELECT count(*) FROM response" 2>&1)
  a=$(sqlite3 "$W" "SELECT count(*) FROM answer" 2>&1)
  if [ "$ic" != "ok" ]; then bad=$((bad+1)); echo "# cycle $i: integrity: $ic"; fi
  case "$n" in
    0) [ "$a" = 0 ] || { partial=$((partial+1)); echo "# cycle $i: answers without responses"; }; empty=$((empty+1)) ;;
    20000) [ "$a" = 60000 ] || { partial=$((partial+1)); echo "# cycle $i: $a answers for 20000 responses"; }; complete=$((complete+1)) ;;
    *) partial=$((partial+1)); echo "# cycle $i: $n responses" ;;
  esac
done
echo "# $CYCLES kills: $empty before the commit, $complete after"
expect_eq "integrity_check ok after every one of $CYCLES kills" "$bad" "0"
expect_eq "never a half-imported file ($CYCLES kills)" "$partial" "0"
out=$("$ECX" import "$W" "$T/in.csv" --survey s 2>&1)
expect_eq "the import completes after the kills" "$(sql "$W" "SELECT count(*) FROM response")" "20000"
out=$("$ECX" report "$W" --format csv --metrics nps)
# i % 11 over i = 1..20000 (20000 = 11*1818 + 2): residues 1 and 2 occur 1819
# times, the others 1818. Promoters (9, 10): 2*1818 = 3636; detractors
# (0..6): 1818 + 2*1819 + 4*1818 = 12728. NPS = 100*(3636 - 12728)/20000 = -45.46.
expect_match "the report counts every response once" "$out" "^nps,20000,-45\.4600,"
