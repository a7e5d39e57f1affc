# Faults during imports: a full disk and a database locked by another
# process each give a clear message and a non-zero exit, and leave the
# workspace exactly as it was.
. "$(dirname "$0")/lib.sh"

awk 'BEGIN{ print "id,fecha,nps,comentario";
  for(i=1;i<=20000;i++) printf "r%d,2026-03-%02d,%d,\"comentario número %d\"\n", i, 1+i%28, i%11, i }' > "$T/big.csv"
head -51 "$T/big.csv" > "$T/small.csv"

# ---- disk full: a 1 MiB tmpfs, or a 1 MiB file-size limit where mounting
# is not allowed.
D=$T/small
mkdir -p "$D"
if mount -t tmpfs -o size=1m tmpfs "$D" 2>/dev/null; then
  how="a 1 MiB tmpfs"; limit=""
else
  how="a 1 MiB file-size limit"; limit=1024
fi
W=$D/w.ecx
"$ECX" init "$W" >/dev/null
expect "a small import fits ($how)" "$ECX" import "$W" "$T/small.csv" --survey s
before=$(snapshot "$W")
if [ -n "$limit" ]; then
  out=$( (ulimit -f $limit; trap '' XFSZ; "$ECX" import "$W" "$T/big.csv" --survey s) 2>&1 ); rc=$?
else
  out=$("$ECX" import "$W" "$T/big.csv" --survey s 2>&1); rc=$?
fi
expect_eq "disk full: the import fails" "$([ $rc -ne 0 ] && echo failed)" "failed"
if [ -n "$limit" ]; then
  # Past a file-size limit SQLite often reports a write error, not ENOSPC.
  expect_match "disk full: the message names the failed write" "$out" "disk is full|disk I/O error"
else
  expect_match "disk full: the message says so" "$out" "disk is full"
  expect_eq "disk full: exit code 12 (disk_full)" "$rc" "12"
fi
expect_eq "disk full: integrity_check ok" "$(sql "$W" "PRAGMA integrity_check")" "ok"
expect_eq "disk full: the workspace is as before" "$(snapshot "$W")" "$before"
mountpoint -q "$D" && umount "$D"

# ---- a database locked by another process for longer than the busy timeout
W=$T/l.ecx
"$ECX" init "$W" >/dev/null
"$ECX" import "$W" "$T/small.csv" --survey s >/dev/null
before=$(snapshot "$W")
lock_workspace "$W" 8
out=$("$ECX" import "$W" "$T/big.csv" --survey s 2>&1); rc=$?
wait $LOCK_PID
expect_eq "locked: the import fails" "$([ $rc -ne 0 ] && echo failed)" "failed"
expect_eq "locked: exit code 11 (busy)" "$rc" "11"
expect_match "locked: the message says the workspace is busy" "$out" "busy|locked"
expect_eq "locked: the workspace is as before" "$(snapshot "$W")" "$before"
