# Security checks beyond the basic web tests: no open redirect after login,
# no path traversal, SQL-looking filter values are data, session ids change
# at login (no fixation), error pages do not echo raw input.
. "$(dirname "$0")/lib.sh"
W=$T/s.ecx
"$ECX" init "$W" > /dev/null
sqlite3 -batch "$W" < "$ROOT/tests/cli/fixture_report.sql"
add_user "$W" ana admin
start_server "$W"

# Open redirect: whatever "next" says, the login lands on a local path.
for nx in "//evil.example/x" "https://evil.example/" '/\evil.example' "/%2F%2Fevil.example" "javascript:alert(1)"; do
  jar=$T/j.$$; : > "$jar"
  curl -s -b "$jar" -c "$jar" "$URL/login" > "$T/l.html"
  tok=$(sed -n 's/.*name="login_csrf" value="\([0-9a-f]*\)".*/\1/p' "$T/l.html")
  loc=$(curl -s -o /dev/null -D - -b "$jar" -c "$jar" -X POST "$URL/login" \
    --data-urlencode "login=ana" --data-urlencode "password=password-ana" \
    --data-urlencode "login_csrf=$tok" --data-urlencode "next=$nx" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
  case "$loc" in
    /[!/\\]*|/) ok "login with next=$nx redirects locally ($loc)" ;;
    *) fail "login with next=$nx redirects locally" "Location: $loc" ;;
  esac
done

# Session fixation: a session cookie set before login is not the one after.
jar=$T/fix; : > "$jar"
printf '127.0.0.1\tFALSE\t/\tFALSE\t0\tecx_session\tattacker-chosen-id\n' >> "$jar"
login "$jar" ana password-ana > /dev/null
sid=$(awk '$6=="ecx_session" {print $7}' "$jar" | tail -1)
expect_eq "the session id is issued by the server at login" "$([ -n "$sid" ] && [ "$sid" != attacker-chosen-id ] && echo new)" "new"

# Path traversal on static files.
for p in "/static/../../etc/passwd" "/static/%2e%2e/%2e%2e/etc/passwd" "/static/ecx.css/../../../etc/passwd" "/static/..%2f..%2fetc%2fpasswd"; do
  c=$(curl -s -o "$T/b" -w '%{http_code}' "$URL$p")
  if grep -q "root:" "$T/b"; then fail "no traversal through $p"; else ok "no traversal through $p ($c)"; fi
done

# SQL-looking filter values are values: refused as unknown, data unchanged.
login "$T/a" ana password-ana > /dev/null
before=$(snapshot "$W")
for v in "compra' OR '1'='1" "x\"; DROP TABLE response; --" "1) UNION SELECT * FROM user --"; do
  c=$(curl -s -o "$T/b" -w '%{http_code}' -H 'Accept-Language: en' -b "$T/a" -G "$URL/breakdown" --data-urlencode "where=touchpoint=$v")
  expect_match "filter value $v answered as an unknown value" "$(cat "$T/b")" "has no value"
done
for k in "segment" "from" "to" "by" "metric" "period"; do
  c=$(curl -s -o /dev/null -w '%{http_code}' -b "$T/a" -G "$URL/breakdown" --data-urlencode "$k=1' OR 1=1; DROP TABLE answer; --")
  expect_eq "parameter $k with SQL is a page, not a failure ($c)" "$([ "$c" -lt 500 ] && echo fine)" "fine"
done
expect_eq "no filter changed the workspace" "$(snapshot "$W")" "$before"

# Cookie flags, for every cookie ecx sets: the login form's token, the
# public form's token, the session, and the deletions at logout. Each is
# HttpOnly, SameSite=Lax, Path=/, has a Max-Age, no Secure over plain HTTP
# (tests/http/test_tls.sh checks Secure over HTTPS), and holds a 64-digit
# hex token or nothing.
PUB=0123456789abcdef01234567
sqlite3 "$W" "INSERT INTO survey(code, created, status, public_token) VALUES('ck', 0, 'open', '$PUB');"
: > "$T/ck"
curl -s -o /dev/null -D "$T/h1" -b "$T/ck" -c "$T/ck" "$URL/login"
curl -s -o /dev/null -D "$T/h2" "$URL/s/$PUB"
tok=$(awk '$6=="ecx_login" {print $7}' "$T/ck")
curl -s -o /dev/null -D "$T/h3" -b "$T/ck" -c "$T/ck" "$URL/login" --data "login=ana&password=password-ana&login_csrf=$tok"
t=$(curl -s -b "$T/ck" "$URL/account" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -D "$T/h4" -b "$T/ck" -c "$T/ck" "$URL/logout" --data "csrf=$t"
cat "$T/h1" "$T/h2" "$T/h3" "$T/h4" | tr -d '\r' | grep -i '^Set-Cookie:' > "$T/cookies"
for name in ecx_login ecx_form ecx_session; do
  expect_match "cookie $name is set" "$(cat "$T/cookies")" "^Set-Cookie: $name="
done
expect_eq "the session cookie is deleted at logout" "$(grep -c '^Set-Cookie: ecx_session=; .*Max-Age=0' "$T/cookies")" "1"
while read -r line; do
  nm=$(printf '%s' "$line" | sed 's/^Set-Cookie: \([^=]*\)=.*/\1/')
  case "$line" in
    *"; Path=/; HttpOnly; SameSite=Lax; Max-Age="*) ok "cookie $nm: Path=/, HttpOnly, SameSite=Lax, Max-Age" ;;
    *) fail "cookie $nm: Path=/, HttpOnly, SameSite=Lax, Max-Age" "$line" ;;
  esac
  case "$line" in *Secure*) fail "cookie $nm: no Secure over plain HTTP" "$line" ;; *) ok "cookie $nm: no Secure over plain HTTP" ;; esac
  expect_match "cookie $nm holds a 64-digit hex token or nothing" "$line" "^Set-Cookie: $nm=([0-9a-f]{64})?;"
done < "$T/cookies"
