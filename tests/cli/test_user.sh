# ecx user and ecx token: accounts from the command line.
. "$(dirname "$0")/lib.sh"
W=$T/u.ecx
"$ECX" init "$W" > /dev/null
expect_eq "schema version 3 or later (the user tables)" "$(sql "$W" 'SELECT user_version >= 3 FROM pragma_user_version')" "1"
export ECX_PASSWORD=long-enough-1
expect "add an admin" "$ECX" user add "$W" ada --role admin --name "Ada L"
expect_match "hash is argon2id, password not stored" "$(sql "$W" "SELECT pw_hash FROM user WHERE login='ada'")" '^\$argon2id\$'
expect_eq "password appears nowhere in the file" "$(grep -c long-enough-1 "$W")" "0"
expect_fail "duplicate login refused" "$ECX" user add "$W" ada --role viewer
expect_fail "unknown role refused" "$ECX" user add "$W" bob --role boss
expect_fail "area_lead needs --area" "$ECX" user add "$W" bob --role area_lead
expect_fail "unknown area refused" "$ECX" user add "$W" bob --role area_lead --area Nada
ECX_PASSWORD=short expect_fail "short password refused" "$ECX" user add "$W" bob --role viewer
out=$(unset ECX_PASSWORD; "$ECX" user add "$W" bob --role viewer < /dev/null 2>&1)
expect_match "no password source refused with a hint" "$out" 'ECX_PASSWORD'
expect_eq "refusals added nothing" "$(sql "$W" 'SELECT count(*) FROM user')" "1"
sqlite3 "$W" "INSERT INTO area(name) VALUES('Ventas')"
expect "add an area lead" "$ECX" user add "$W" val --role area_lead --area Ventas
expect_eq "area stored" "$(sql "$W" "SELECT a.name FROM user u JOIN area a ON a.id=u.area_id WHERE login='val'")" "Ventas"
out=$("$ECX" user list "$W")
expect_match "list shows users and roles" "$out" '^ada +admin +Ada L'
expect "disable" "$ECX" user disable "$W" val
expect_match "list shows disabled" "$("$ECX" user list "$W")" '^val +area_lead .*disabled'
expect "role change" "$ECX" user role "$W" val viewer
expect_eq "role changed" "$(sql "$W" "SELECT role FROM user WHERE login='val'")" "viewer"
expect_eq "a viewer keeps no area" "$(sql "$W" "SELECT coalesce(area_id, 0) FROM user WHERE login='val'")" "0"
expect_eq "changes audited" "$(sql "$W" "SELECT group_concat(action, ' ') FROM audit")" "user_add user_add user_disable role_change"
# A role change carries the scope the new role needs.
sqlite3 "$W" "INSERT INTO touchpoint(name, position) VALUES('Tienda', 1), ('Web', 2)"
before=$(snapshot "$W")
expect_fail "frontline without --touchpoints refused" "$ECX" user role "$W" val frontline
expect_fail "an unknown touchpoint refused" "$ECX" user role "$W" val frontline --touchpoints Tienda,Nada
expect_fail "area_lead without --area refused" "$ECX" user role "$W" val area_lead
expect_eq "refused role changes changed nothing" "$(snapshot "$W")" "$before"
expect "role change to frontline with touchpoints" "$ECX" user role "$W" val frontline --touchpoints Web,Tienda
expect_eq "touchpoints stored as ids" "$(sql "$W" "SELECT touchpoints FROM user WHERE login='val'")" \
  "$(sql "$W" "SELECT (SELECT id FROM touchpoint WHERE name='Web') || ',' || (SELECT id FROM touchpoint WHERE name='Tienda')")"
expect "role change to area lead" "$ECX" user role "$W" val area_lead --area Ventas
expect_eq "area set, touchpoints cleared" "$(sql "$W" "SELECT a.name || '/' || u.touchpoints FROM user u JOIN area a ON a.id=u.area_id WHERE login='val'")" "Ventas/"
tok=$("$ECX" token add "$W" ada --name ci --scopes ingest,read 2>/dev/null)
expect_match "token printed once, 64 hex digits" "$tok" '^[0-9a-f]{64}$'
expect_eq "only the token's SHA-256 is stored" \
  "$(sql "$W" "SELECT token_hash FROM api_token")" "$(printf '%s' "$tok" | sha256sum | cut -c1-64)"
expect_eq "scopes stored" "$(sql "$W" "SELECT scopes FROM api_token")" "ingest,read"
expect_fail "unknown scope refused" "$ECX" token add "$W" ada --name x --scopes write
expect_fail "token for an unknown user refused" "$ECX" token add "$W" nobody --name x
