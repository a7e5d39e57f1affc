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
out=$("$ECX" init "$T/b.ecx" --schema 1 && sqlite3 "$T/b.ecx" "PRAGMA user_version=99" && "$ECX" config "$T/b.ecx" 2>&1)
expect_match "newer workspace refused with a clear message" "$out" "newer version of ecx"

# ecx config
expect_eq "min_n defaults to 5" "$("$ECX" config "$T/a.ecx" min_n)" "min_n = 5"
expect "min_n can be changed" "$ECX" config "$T/a.ecx" min_n 10
expect_eq "min_n changed" "$(sql "$T/a.ecx" "SELECT value FROM setting WHERE key='min_n'")" "10"
before=$(snapshot "$T/a.ecx")
expect_fail "min_n refuses zero" "$ECX" config "$T/a.ecx" min_n 0
expect_fail "min_n refuses text" "$ECX" config "$T/a.ecx" min_n diez
out=$("$ECX" config "$T/a.ecx" colour blue 2>&1)
expect_match "unknown setting named" "$out" 'unknown setting "colour"'
expect_eq "refused settings change nothing" "$(snapshot "$T/a.ecx")" "$before"

# ecx backup
expect "backup writes a copy" "$ECX" backup "$T/a.ecx" "$T/copy.ecx"
expect_eq "backup holds the same data" "$(snapshot "$T/copy.ecx")" "$before"
expect_fail "backup never overwrites" "$ECX" backup "$T/a.ecx" "$T/copy.ecx"
expect_fail "backup of a missing workspace fails" "$ECX" backup "$T/nope.ecx" "$T/copy2.ecx"
expect_eq "failed backup leaves no file" "$(ls "$T/copy2.ecx" 2>/dev/null)" ""

# A first-version workspace is upgraded even by a reading command.
"$ECX" init "$T/v1.ecx" --schema 1 >/dev/null
expect "report on a version-1 workspace" "$ECX" report "$T/v1.ecx"
expect_eq "the workspace was upgraded" "$(sql "$T/v1.ecx" 'PRAGMA user_version')" "$(sqlite3 "$T/a.ecx" 'PRAGMA user_version')"
expect_eq "the upgraded workspace knows touchpoints' responsible areas" "$(sql "$T/v1.ecx" "SELECT count(*) FROM sqlite_schema WHERE name='touchpoint_area'")" "1"
# A version-6 workspace (before touchpoint_area) keeps its touchpoints.
"$ECX" init "$T/v6.ecx" --schema 6 >/dev/null
sqlite3 "$T/v6.ecx" "INSERT INTO area(name) VALUES('Operaciones'); INSERT INTO touchpoint(name, position) VALUES('Tienda', 1);"
expect "report on a version-6 workspace" "$ECX" report "$T/v6.ecx"
expect_eq "upgraded to version 7 or later" "$(sql "$T/v6.ecx" 'SELECT user_version >= 7 FROM pragma_user_version')" "1"
expect_eq "its touchpoints kept, no areas assigned yet" "$(sql "$T/v6.ecx" "SELECT group_concat(name) || '|' || (SELECT count(*) FROM touchpoint_area) FROM touchpoint")" "Tienda|0"
