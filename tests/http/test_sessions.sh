# Account security: API tokens on /admin/tokens (shown once, stored as a
# digest, scopes, revocation, CSRF) and with ecx token list|revoke;
# sessions on /account (listed, one ended, all others ended, a password
# change ends the others), ended by an admin and by disabling; sessions
# expire; the session cookie's flags.
. "$(dirname "$0")/lib.sh"
W=$T/w.ecx
"$ECX" init "$W" > /dev/null
add_user "$W" ada admin
add_user "$W" ana analyst
start_server "$W"
login "$T/a" ada password-ada > /dev/null
ta=$(csrf "$T/a")
page() { code "$1" GET "$2" -H 'Accept-Language: en' > /dev/null; cat "$T/last.body"; }

# Tokens from the admin page.
before=$(snapshot "$W")
expect_eq "creating a token without the CSRF field is refused" \
  "$(code "$T/a" POST /admin/tokens --data 'action=create&login=ana&name=etl&scope=read')" "403"
expect_eq "and changes nothing" "$(snapshot "$W")" "$before"
expect_eq "no scope: 400" "$(code "$T/a" POST /admin/tokens -H 'Accept-Language: en' --data "csrf=$ta&action=create&login=ana&name=etl")" "400"
expect_match "saying so" "$(cat "$T/last.body")" 'choose at least one scope'
expect_eq "create a token for ana" \
  "$(code "$T/a" POST /admin/tokens --data "csrf=$ta&action=create&login=ana&name=etl&scope=read&scope=admin")" "200"
tok=$(sed -n 's|.*<code id="new-token">\([0-9a-f]*\)</code>.*|\1|p' "$T/last.body")
expect_match "it is shown" "$tok" '^[0-9a-f]{64}$'
expect_match "on a page that is not cached" "$(cat "$T/last.head")" 'Cache-Control: no-store'
expect_eq "stored as its SHA-256 only" \
  "$(sql "$W" "SELECT token_hash || ' ' || scopes FROM api_token")" "$(printf '%s' "$tok" | sha256sum | cut -c1-64) read,admin"
expect_eq "the token itself is nowhere in the workspace" "$(sqlite3 "$W" .dump | grep -c "$tok")" "0"
expect_eq "audited" "$(sql "$W" "SELECT target || ' ' || detail FROM audit WHERE action='token_create'")" "ana etl"
body=$(page "$T/a" /admin/tokens)
expect_eq "shown once: not on the next visit" "$(printf '%s' "$body" | grep -c "$tok")" "0"
expect_match "listed with its user and scopes" "$body" '<td>ana</td><td>etl</td><td>read,admin</td>'
expect_eq "the token works" "$(code "$T/n" PUT /api/v1/areas/Ops -H "Authorization: Bearer $tok" --data '{}')" "201"
expect_match "ecx token list shows it" "$("$ECX" token list "$W" ana)" '^1 +ana +etl +read,admin .* active$'
tid=$(sql "$W" "SELECT id FROM api_token WHERE name='etl'")
expect_eq "revoke without CSRF is refused" "$(code "$T/a" POST /admin/tokens --data "action=revoke&id=$tid")" "403"
expect_eq "the token still works" "$(code "$T/n" GET /api/v1/areas -H "Authorization: Bearer $tok")" "200"
expect_eq "revoke it" "$(code "$T/a" POST /admin/tokens --data "csrf=$ta&action=revoke&id=$tid")" "303"
expect_eq "then it is refused" "$(code "$T/n" GET /api/v1/areas -H "Authorization: Bearer $tok")" "401"
expect_match "listed as revoked" "$(page "$T/a" /admin/tokens)" '<td>etl</td><td>read,admin</td><td>[0-9TZ:-]*</td><td>revoked</td>'
expect_eq "revocation audited" "$(sql "$W" "SELECT target || ' ' || detail FROM audit WHERE action='token_revoke'")" "ana etl"
expect_eq "an unknown token id: 404" "$(code "$T/a" POST /admin/tokens --data "csrf=$ta&action=revoke&id=999")" "404"
cli=$("$ECX" token add "$W" ana --name cli --scopes ingest 2>/dev/null)
expect_eq "a token from the command line works" "$(code "$T/n" POST /api/v1/responses -H "Authorization: Bearer $cli" --data '[]')" "400"
expect "ecx token revoke" "$ECX" token revoke "$W" "$(sql "$W" "SELECT id FROM api_token WHERE name='cli'")"
expect_eq "then it is refused" "$(code "$T/n" POST /api/v1/responses -H "Authorization: Bearer $cli" --data '[]')" "401"
expect_eq "audited with no user" "$(sql "$W" "SELECT count(*) FROM audit WHERE action='token_revoke' AND user_id IS NULL AND detail='cli'")" "1"
expect_fail "an unknown scope is refused" "$ECX" token add "$W" ana --name x --scopes read,write
expect_fail "revoking a token that does not exist fails" "$ECX" token revoke "$W" 999

# Sessions: ana logs in from two browsers.
login "$T/b1" ana password-ana > /dev/null
login "$T/b2" ana password-ana > /dev/null
body=$(page "$T/b1" /account)
expect_eq "both sessions listed" "$(printf '%s' "$body" | grep -c 'name="action" value="end_session"')" "2"
expect_eq "this one marked" "$(printf '%s' "$body" | grep -c '(this one)')" "1"
h2=$(printf '%s' "$(page "$T/b2" /account)" | sed -n 's|.*<code>\([0-9a-f]\{16\}\)</code> (this one).*|\1|p')
expect_match "a session is shown by a short handle, not its cookie" "$h2" '^[0-9a-f]{16}$'
t1=$(csrf "$T/b1")
expect_eq "end the other session from the first browser" "$(code "$T/b1" POST /account --data "csrf=$t1&action=end_session&sid=$h2")" "303"
expect_eq "the second browser is logged out" "$(code "$T/b2" GET /)" "303"
expect_eq "the first is not" "$(code "$T/b1" GET /)" "200"
expect_eq "audited" "$(sql "$W" "SELECT count(*) FROM audit WHERE action='session_revoke' AND detail='$h2'")" "1"
expect_eq "someone else's session cannot be ended" "$(code "$T/b1" POST /account --data "csrf=$t1&action=end_session&sid=$(sql "$W" "SELECT substr(s.id_hash,1,16) FROM session s JOIN user u ON u.id=s.user_id WHERE u.login='ada'")")" "404"
expect_eq "ada is still logged in" "$(code "$T/a" GET /)" "200"
login "$T/b3" ana password-ana > /dev/null
login "$T/b4" ana password-ana > /dev/null
expect_eq "end all other sessions" "$(code "$T/b1" POST /account --data "csrf=$t1&action=end_others")" "303"
expect_eq "they are gone" "$(code "$T/b3" GET /)$(code "$T/b4" GET /)$(code "$T/b1" GET /)" "303303200"
login "$T/b5" ana password-ana > /dev/null
expect_eq "a password change" "$(code "$T/b1" POST /account --data "csrf=$t1&old_password=password-ana&new_password=password-ana-2")" "303"
expect_eq "ends the other sessions" "$(code "$T/b5" GET /)" "303"
expect_eq "but keeps this one" "$(code "$T/b1" GET /)" "200"

# An admin ends a user's sessions; disabling ends them too.
expect_match "the users page counts live sessions" "$(page "$T/a" /admin/users)" '<td>active</td><td>1</td>'
expect_eq "an admin ends ana's sessions" "$(code "$T/a" POST /admin/users --data "csrf=$ta&action=revoke&login=ana")" "303"
expect_eq "ana is logged out" "$(code "$T/b1" GET /)" "303"
login "$T/b6" ana password-ana-2 > /dev/null
expect_eq "disable ana" "$(code "$T/a" POST /admin/users --data "csrf=$ta&action=disable&login=ana")" "303"
expect_eq "her session ends at once" "$(code "$T/b6" GET /)" "303"
expect_eq "and her sessions are revoked" "$(sql "$W" "SELECT count(*) FROM session s JOIN user u ON u.id=s.user_id WHERE u.login='ana' AND revoked=0")" "0"

# Sessions expire; the cookie's flags.
expect_eq "log in" "$(login "$T/e" ada password-ada)" "303"
cookie=$(grep -i '^Set-Cookie: ecx_session=' "$T/last.head")
expect_match "the cookie is HttpOnly and SameSite=Lax" "$cookie" 'HttpOnly; SameSite=Lax'
expect_match "and lives 7 days at most" "$cookie" 'Max-Age=604800'
sid=$(printf '%s' "$cookie" | sed -n 's/.*ecx_session=\([0-9a-f]*\);.*/\1/p')
digest=$(printf '%s' "$sid" | sha256sum | cut -c1-64)
now=$(date +%s)
expect_eq "the server keeps it 8 hours past its last use" "$(sql "$W" "SELECT expires - $now BETWEEN 28790 AND 28800 FROM session WHERE id_hash='$digest'")" "1"
sql "$W" "UPDATE session SET expires=$now - 1 WHERE id_hash='$digest'"
expect_eq "an expired session is refused" "$(code "$T/e" GET /)" "303"
expect_match "towards the login form" "$(cat "$T/last.head")" 'Location: /login'
