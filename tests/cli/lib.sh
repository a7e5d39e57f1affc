# Helpers for CLI tests that drive the real binary. Source it; each check
# prints "ok - ..." or "not ok - ...". ECX is the binary under test.
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ECX=${ECX:-$ROOT/build/ecx}
# The shared fixtures (files exported by other tools) live beside the
# repository, not in it.
if [ -z "${FIXTURES:-}" ]; then
  for d in "$ROOT/../shared/fixtures" /work/shared/fixtures; do
    [ -d "$d" ] && { FIXTURES=$d; break; }
  done
fi
FIXTURES=${FIXTURES:-$ROOT/../shared/fixtures}
T=$(mktemp -d "${TMPDIR:-/tmp}/ecx-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT
export ECX_LANG=en

ok()   { echo "ok - $1"; }
fail() { echo "not ok - $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | head -20 | sed 's/^/#   /'; return 0; }

# expect DESC CMD...: the command must succeed.
expect() {
  desc=$1; shift
  if out=$("$@" 2>&1); then ok "$desc"; else fail "$desc" "$out"; fi
}
# expect_fail DESC CMD...: the command must fail (non-zero exit).
expect_fail() {
  desc=$1; shift
  if out=$("$@" 2>&1); then fail "$desc (unexpected success)" "$out"; else ok "$desc"; fi
}
# expect_eq DESC ACTUAL EXPECTED
expect_eq() {
  if [ "$2" = "$3" ]; then ok "$1"; else fail "$1" "got [$2], expected [$3]"; fi
}
# expect_match DESC TEXT REGEX (grep -E)
expect_match() {
  if printf '%s\n' "$2" | grep -qE -- "$3"; then ok "$1"; else fail "$1" "no match for /$3/ in: $2"; fi
}
# sql FILE QUERY: one value from a workspace via the sqlite3 shell.
sql() { sqlite3 -batch -noheader "$1" "$2"; }
# snapshot FILE: a digest of every row of every table, to prove "unchanged".
snapshot() { sqlite3 -batch "$1" .dump | grep -v '^PRAGMA\|^BEGIN\|^COMMIT' | sha256sum | cut -c1-64; }
# lock_workspace FILE SECONDS: another process (python's sqlite3) holds
# FILE's write lock, with an uncommitted change, for SECONDS; returns once
# the lock is held and sets LOCK_PID (wait for it to end the lock).
lock_workspace() {
  rm -f "$T/locked"
  python3 -c '
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
c.execute("INSERT INTO setting(key, value) VALUES(\"lock_test\", \"1\")")
open(sys.argv[2], "w").close()
time.sleep(float(sys.argv[3]))
c.execute("ROLLBACK")
' "$1" "$T/locked" "$2" &
  LOCK_PID=$!
  while [ ! -f "$T/locked" ]; do sleep 0.05; done
}
