# ecx init, version, help and the refusal of bad workspace files.
. "$(dirname "$0")/lib.sh"

expect "init creates a workspace" "$ECX" init "$T/a.ecx" --name "Acme"
expect_eq "workspace is an SQLite file in WAL mode" "$(sql "$T/a.ecx" 'PRAGMA journal_mode')" "wal"
expect_eq "organization name stored" "$(sql "$T/a.ecx" "SELECT value FROM setting WHERE key='org_name'")" "Acme"
expect_fail "init refuses an existing file" "$ECX" init "$T/a.ecx"
out=$("$ECX" init "$T/a.ecx" 2>&1)
expect_match "refusal names the file" "$out" "a.ecx already exists"
expect "version prints" "$ECX" version
out=$("$ECX" help)
expect_match "help lists init" "$out" "init"
out=$("$ECX" --lang es help)
expect_match "help in Spanish" "$out" "crear un espacio de trabajo"
expect_fail "unknown command fails" "$ECX" frobnicate
echo "not a database" > "$T/junk.ecx"
out=$("$ECX" init "$T/b.ecx" --schema 1 && sqlite3 "$T/b.ecx" "PRAGMA user_version=99" && "$ECX" report "$T/b.ecx" 2>&1)
expect_match "newer workspace refused with a clear message" "$out" "newer version of ecx"
