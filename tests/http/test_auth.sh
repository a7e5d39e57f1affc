# Login, logout, wrong password, cookie flags, sessions stored hashed,
# CSRF refusal, XSS escaping, limits (413), 404/405 and JSON errors.
. "$(dirname "$0")/lib.sh"
W=$T/w.ecx
"$ECX" init "$W" --name Acme > /dev/null
add_user "$W" admin admin --name "Ada"
add_user "$W" eve viewer --name '<script>alert("x")</script>'
start_server "$W"
J=$T/admin.jar

expect_eq "anonymous overview redirects to the login form" "$(code "$T/anon" GET /)" "303"
expect_match "redirect keeps the page to come back to" "$(cat "$T/last.head")" 'Location: /login\?next=%2F'
expect_eq "wrong password refused with 401" "$(login "$J" admin wrong-password)" "401"
expect_match "wrong password sets no session cookie" "$(cat "$T/last.head")" '^HTTP/1.1 401'
if grep -q 'ecx_session=[0-9a-f]' "$T/last.head"; then fail "no session after a wrong password"; else ok "no session after a wrong password"; fi
expect_eq "unknown login refused with 401" "$(login "$J" nobody password-nobody)" "401"
expect_eq "login without the form token refused" \
  "$(code "$T/x.jar" POST /login --data 'login=admin&password=password-admin')" "403"
expect_eq "login succeeds with 303" "$(login "$J" admin password-admin)" "303"
cookie=$(grep -i '^Set-Cookie: ecx_session=' "$T/last.head")
expect_match "session cookie is HttpOnly" "$cookie" 'HttpOnly'
expect_match "session cookie is SameSite=Lax" "$cookie" 'SameSite=Lax'
expect_match "session cookie has Path=/" "$cookie" 'Path=/'
if printf '%s' "$cookie" | grep -q Secure; then fail "no Secure flag over plain HTTP"; else ok "no Secure flag over plain HTTP"; fi
sid=$(printf '%s' "$cookie" | sed -n 's/.*ecx_session=\([0-9a-f]*\);.*/\1/p')
digest=$(printf '%s' "$sid" | sha256sum | cut -c1-64)
expect_eq "session stored as its SHA-256 digest only" \
  "$(sql "$W" "SELECT count(*) FROM session WHERE id_hash='$digest'")/$(sql "$W" "SELECT count(*) FROM session WHERE id_hash='$sid'")" "1/0"
expect_eq "overview after login" "$(code "$J" GET /)" "200"
expect_eq "login audited" "$(sql "$W" "SELECT count(*) FROM audit WHERE action='login' AND target='admin'")" "1"
expect_eq "failed logins audited" "$(sql "$W" "SELECT count(*) FROM audit WHERE action='login_failed'")" "2"

# CSRF: a POST without or with a wrong token changes nothing.
before=$(snapshot "$W")
expect_eq "add user without CSRF token refused" \
  "$(code "$J" POST /admin/users --data 'action=add&login=mallory&role=admin&password=12345678')" "403"
expect_eq "add user with a wrong CSRF token refused" \
  "$(code "$J" POST /admin/users --data "action=add&login=mallory&role=admin&password=12345678&csrf=$(printf '%064d' 0)")" "403"
expect_eq "role change with an empty CSRF token refused" \
  "$(code "$J" POST /admin/users --data 'action=role&login=eve&role=admin&csrf=')" "403"
expect_eq "refused POSTs changed nothing (users, audit, sessions)" "$(snapshot "$W")" "$before"
expect_eq "no user mallory" "$(sql "$W" "SELECT count(*) FROM user WHERE login='mallory'")" "0"
tok=$(csrf "$J")
expect_eq "add user with the token" \
  "$(code "$J" POST /admin/users --data "action=add&login=mallory&role=viewer&password=12345678&csrf=$tok")" "303"
expect_eq "user added and audited" \
  "$(sql "$W" "SELECT u.role || '/' || a.detail FROM user u, audit a WHERE u.login='mallory' AND a.action='user_add' AND a.target='mallory'")" "viewer/viewer"
expect_eq "role change with the token" \
  "$(code "$J" POST /admin/users --data "action=role&login=mallory&role=analyst&csrf=$tok")" "303"
expect_eq "role changed and audited" \
  "$(sql "$W" "SELECT u.role || '/' || a.detail FROM user u, audit a WHERE u.login='mallory' AND a.action='role_change'")" "analyst/analyst"
expect_eq "disable with the token" \
  "$(code "$J" POST /admin/users --data "action=disable&login=mallory&csrf=$tok")" "303"
expect_eq "disabled and audited" \
  "$(sql "$W" "SELECT u.disabled FROM user u, audit a WHERE u.login='mallory' AND a.action='user_disable'")" "1"
expect_eq "disabled user cannot log in" "$(login "$T/m.jar" mallory 12345678)" "401"
expect_eq "duplicate login refused" \
  "$(code "$J" POST /admin/users --data "action=add&login=eve&role=viewer&password=12345678&csrf=$tok")" "409"

# Scope: an area lead needs an area, front-line staff touchpoints; the
# page offers both and refuses a role without its scope.
sqlite3 "$W" "INSERT INTO area(name) VALUES('Ventas'); INSERT INTO touchpoint(name, position) VALUES('Tienda', 1), ('Web', 2)"
AREA=$(sql "$W" "SELECT id FROM area WHERE name='Ventas'")
TP1=$(sql "$W" "SELECT id FROM touchpoint WHERE name='Tienda'"); TP2=$(sql "$W" "SELECT id FROM touchpoint WHERE name='Web'")
code "$J" GET /admin/users > /dev/null
expect_match "the page offers the touchpoints" "$(cat "$T/last.body")" "<option value=\"$TP2\">Web</option>"
before=$(snapshot "$W")
expect_eq "front line without touchpoints refused" \
  "$(code "$J" POST /admin/users --data "action=role&login=eve&role=frontline&csrf=$tok")" "400"
expect_match "with the reason, in Spanish first" "$(cat "$T/last.body")" "necesita uno o más puntos de contacto"
code "$J" POST /admin/users -H 'Accept-Language: en' --data "action=role&login=eve&role=frontline&csrf=$tok" > /dev/null
expect_match "with the reason, in English" "$(cat "$T/last.body")" "needs one or more touchpoints"
expect_eq "area lead without an area refused" \
  "$(code "$J" POST /admin/users --data "action=add&login=lia&role=area_lead&password=12345678&csrf=$tok")" "400"
expect_eq "an unknown touchpoint refused" \
  "$(code "$J" POST /admin/users --data "action=role&login=eve&role=frontline&tp=999&csrf=$tok")" "400"
expect_eq "a malformed touchpoint refused" \
  "$(code "$J" POST /admin/users --data "action=role&login=eve&role=frontline&tp=1x&csrf=$tok")" "400"
expect_eq "refused scopes changed nothing" "$(snapshot "$W")" "$before"
expect_eq "front line with two touchpoints" \
  "$(code "$J" POST /admin/users --data "action=role&login=eve&role=frontline&tp=$TP1&tp=$TP2&csrf=$tok")" "303"
expect_eq "touchpoints stored" "$(sql "$W" "SELECT role || '/' || touchpoints FROM user WHERE login='eve'")" "frontline/$TP1,$TP2"
code "$J" GET /admin/users > /dev/null
expect_match "and shown selected" "$(cat "$T/last.body")" "<option value=\"$TP2\" selected>Web</option>"
expect_eq "an area lead added with its area" \
  "$(code "$J" POST /admin/users --data "action=add&login=lia&role=area_lead&area=$AREA&tp=$TP1&password=12345678&csrf=$tok")" "303"
expect_eq "area stored, touchpoints not (not front line)" "$(sql "$W" "SELECT area_id || '/' || touchpoints FROM user WHERE login='lia'")" "$AREA/"

# XSS: a user's name comes back escaped.
code "$J" GET /admin/users > /dev/null
page=$(cat "$T/last.body")
expect_match "name shown escaped" "$page" '&lt;script&gt;alert\(&quot;x&quot;\)&lt;/script&gt;'
if grep -q '<script>alert' "$T/last.body"; then fail "no raw script tag in the page"; else ok "no raw script tag in the page"; fi

# Limits and unknown paths.
head -c 2000000 /dev/zero | tr '\0' a > "$T/big"
expect_eq "body over 1 MiB refused with 413" "$(code "$J" POST /admin/users --data-binary @"$T/big")" "413"
expect_eq "chunked body over 1 MiB refused with 413" \
  "$(code "$J" POST /admin/users -H 'Transfer-Encoding: chunked' --data-binary @"$T/big")" "413"
expect_eq "unknown path gives 404" "$(code "$J" GET /no/such/page)" "404"
expect_eq "wrong method gives 405" "$(code "$J" POST /admin/audit --data "csrf=$tok")" "405"
expect_match "405 names the allowed methods" "$(cat "$T/last.head")" 'Allow: GET, HEAD'
expect_eq "unknown API path gives 404" "$(code "$J" GET /api/nothing)" "404"
expect_match "API errors are JSON" "$(cat "$T/last.body")" '^\{"error":\{"code":"not_found","message":".*","field":null\}\}$'
expect_eq "bad percent-escape gives 400" "$(code "$J" GET '/?a=%zz')" "400"
expect_eq "stylesheet is public" "$(code "$T/anon" GET /static/ecx.css)" "200"
expect_match "stylesheet is CSS" "$(cat "$T/last.head")" 'Content-Type: text/css'

# Language: Accept-Language, then the user's own setting.
curl -s -H 'Accept-Language: en-GB,en;q=0.9' "$URL/login" > "$T/en.html"
expect_match "English login page for Accept-Language: en" "$(cat "$T/en.html")" '<html lang="en">'
curl -s -H 'Accept-Language: es-ES,es;q=0.9,en;q=0.5' "$URL/login" > "$T/es.html"
expect_match "Spanish login page for Accept-Language: es" "$(cat "$T/es.html")" 'Iniciar sesión'
expect_eq "language saved" "$(code "$J" POST /account --data "lang=en&csrf=$tok")" "303"
expect_match "user's language wins over the header" \
  "$(curl -s -b "$J" -H 'Accept-Language: es' "$URL/account")" 'Change password'

# Logout revokes the session on the server.
expect_eq "logout" "$(code "$J" POST /logout --data "csrf=$tok")" "303"
expect_eq "session revoked in the database" "$(sql "$W" "SELECT revoked FROM session WHERE id_hash='$digest'")" "1"
printf '127.0.0.1\tFALSE\t/\tFALSE\t0\tecx_session\t%s\n' "$sid" > "$T/old.jar"
expect_eq "old cookie no longer works" "$(code "$T/old.jar" GET /admin/users)" "303"
expect_eq "logout audited" "$(sql "$W" "SELECT count(*) FROM audit WHERE action='logout'")" "1"

stop_server
expect_eq "server exits 0 on SIGTERM" "$SRV_RC" "0"
