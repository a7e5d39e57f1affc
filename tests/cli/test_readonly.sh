# A read-only workspace: the file's mode, its directory's mode, and (where
# this test may mount) a disk remounted read-only. `ecx import` and `ecx
# serve` refuse at once with a clear message and exit code 13 (read_only);
# `ecx report` still reads; the workspace is unchanged every time. (A disk
# remounted read-only under a running server: tests/http/test_faults_serve.sh.)
. "$(dirname "$0")/lib.sh"

printf 'id,fecha,nps\n' > "$T/a.csv"
i=0
while [ $i -lt 12 ]; do i=$((i+1)); echo "r$i,2026-03-0$((1 + i % 9)),$((i % 11))"; done >> "$T/a.csv"
printf 'id,fecha,nps\nz1,2026-03-01,9\n' > "$T/b.csv"
# The report of a.csv, worked by hand: NPS answers 1..10 and 0, 1 (i % 11
# for i = 1..12): promoters 9, 10 (2), detractors 0..6 (0, 1, 1, 2, 3, 4, 5,
# 6 = 8 answers), n = 12: NPS = 100 * (2 - 8) / 12 = -50.
expected_report='^nps,12,-50\.0000,'

# as_user CMD...: run CMD without the power to ignore file modes. Root
# ignores them, so root runs it as "nobody" (setpriv); anyone else as self.
if [ "$(id -u)" = 0 ]; then
  as_user() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
  owner() { chown -R nobody "$@"; }
  chmod 711 "$T"   # nobody must reach the workspaces inside
else
  as_user() { "$@"; }
  owner() { :; }
fi

# check_ro HOW DIR: the workspace DIR/w.ecx is read-only in the way HOW.
check_ro() {
  how=$1; d=$2; w=$d/w.ecx
  before=$(snapshot "$w")
  out=$(as_user "$ECX" import "$w" "$T/b.csv" --survey s 2>&1); rc=$?
  expect_eq "$how: import exits with 13 (read_only)" "$rc" "13"
  expect_match "$how: import says what to fix" "$out" "workspace is read-only: cannot write .*w\.ecx: ecx needs write access to the file and to its directory"
  out=$(as_user "$ECX" serve "$w" --listen 127.0.0.1:0 2>&1); rc=$?
  expect_eq "$how: serve refuses to start with 13" "$rc" "13"
  expect_match "$how: serve says why" "$out" "workspace is read-only"
  expect_eq "$how: serve never said it was listening" "$(printf '%s\n' "$out" | grep -c listening)" "0"
  out=$(as_user "$ECX" report "$w" --format csv --metrics nps 2>&1); rc=$?
  expect_eq "$how: report still reads (exit 0)" "$rc" "0"
  expect_match "$how: report gives the figures" "$out" "$expected_report"
  expect_eq "$how: the workspace is unchanged" "$(snapshot "$w")" "$before"
  expect_eq "$how: integrity_check ok" "$(sql "$w" "PRAGMA integrity_check")" "ok"
}

# ---- the file's mode
D=$T/file; mkdir -p "$D"; chmod 777 "$D"
"$ECX" init "$D/w.ecx" > /dev/null
"$ECX" import "$D/w.ecx" "$T/a.csv" --survey s > /dev/null
owner "$D"; chmod 444 "$D/w.ecx"
check_ro "file mode 444" "$D"

# ---- the directory's mode (SQLite cannot create w.ecx-wal beside it)
D=$T/dir; mkdir -p "$D"
"$ECX" init "$D/w.ecx" > /dev/null
"$ECX" import "$D/w.ecx" "$T/a.csv" --survey s > /dev/null
owner "$D"; chmod 555 "$D"
expect_eq "directory 555: no -wal file to begin with" "$(ls "$D" | grep -c wal)" "0"
check_ro "directory 555" "$D"
chmod 755 "$D"
