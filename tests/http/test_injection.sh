# SQL injection through every parameter of every route: the routes come
# from the route table (tests/http/routes_lib.sh), the parameter names from
# what the handlers read (http_query/http_param/http_form in src/), so new
# pages and parameters are covered as they appear. Every GET route gets
# every query parameter with SQL-looking values, and every POST route every
# form field (as an admin, with the CSRF token). No response is a server
# error or shows an SQL error or a password hash, the GETs change nothing,
# and after the POSTs the workspace is intact and a value that looked like
# SQL was stored as typed.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/routes_lib.sh"
W=$T/w.ecx
"$ECX" init "$W" > /dev/null
sqlite3 -batch "$W" < "$ROOT/tests/cli/fixture_report.sql"
PUB=0123456789abcdef01234567
sqlite3 "$W" "INSERT INTO survey(code, created, status, public_token) VALUES('inj', 0, 'open', '$PUB');"
SID=$(sql "$W" "SELECT id FROM survey WHERE code='inj'")
add_user "$W" adm admin
routes_matrix "$T/matrix"
# Parameter names the handlers read.
grep -rhoE 'http_(query|param)\(p, "[a-z_]+"\)' "$ROOT/src" | sed 's/.*"\(.*\)".*/\1/' | sort -u > "$T/qnames"
grep -rhoE 'http_(form|param)\(p, "[a-z_]+"\)' "$ROOT/src" | sed 's/.*"\(.*\)".*/\1/' | grep -v '^csrf$' | sort -u > "$T/fnames"
expect_eq "query parameters found in the source" "$([ "$(wc -l < "$T/qnames")" -ge 8 ] && echo yes)" "yes"
expect_eq "form fields found in the source" "$([ "$(wc -l < "$T/fnames")" -ge 15 ] && echo yes)" "yes"
# The values, percent-encoded.
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
P1=$(enc "x' OR '1'='1")
P2=$(enc 'x"; DROP TABLE response; --')
P3=$(enc "1) UNION SELECT login, pw_hash FROM user --")
P4=$(enc "%' AND 1=CAST((SELECT pw_hash FROM user LIMIT 1) AS INT) --")

start_server "$W"
login "$T/a" adm password-adm > /dev/null
tok=$(csrf "$T/a")
before=$(sqlite3 -batch "$W" .dump | grep -v '^INSERT INTO session' | sha256sum)

# One curl for all GETs: a config file with a url and an output per request.
: > "$T/get.cfg"; n=0
mkdir -p "$T/out"
while read -r m path roles flag scope sample; do
  [ "$m" = GET ] || continue
  p=$(route_path "$path" "$sample")
  while read -r name; do
    for v in "$P1" "$P2" "$P3" "$P4"; do
      n=$((n + 1))
      printf 'url = "%s%s?%s=%s"\noutput = "%s/out/g%d"\n' "$URL" "$p" "$name" "$v" "$T" "$n" >> "$T/get.cfg"
    done
  done < "$T/qnames"
done < "$T/matrix"
curl -s -b "$T/a" -H 'Accept-Language: en' -K "$T/get.cfg" -w '%{http_code} %{url_effective}\n' > "$T/get.codes"
expect_eq "every GET was answered ($n requests)" "$(wc -l < "$T/get.codes" | tr -d ' ')" "$n"
expect_eq "no GET with an SQL-looking parameter is a server error" "$(grep -c '^5' "$T/get.codes")" "0"
grep '^5' "$T/get.codes" | head -5 | sed 's/^/#   /'
expect_eq "no GET shows an SQL error" "$(grep -liE 'sqlite|syntax error|no such (table|column)|near "' "$T"/out/g* 2>/dev/null | wc -l | tr -d ' ')" "0"
expect_eq "no GET shows a password hash" "$(grep -l 'argon2' "$T"/out/g* 2>/dev/null | wc -l | tr -d ' ')" "0"
expect_eq "the GETs changed nothing" "$(sqlite3 -batch "$W" .dump | grep -v '^INSERT INTO session' | sha256sum)" "$before"

# Every form field of every POST route (but the one that ends the session).
# Public forms carry their own pre-session token and its cookie; that is
# sent as a plain header, as the form re-drawn after an error sets a new one.
nResp=$(sql "$W" "SELECT count(*) FROM response")
: > "$T/post.cfg"; n=0
while read -r m path roles flag scope sample; do
  [ "$m" = POST ] || continue
  [ "$path" = /logout ] && continue
  p=$(route_path "$path" "$sample")
  pre=csrf=$tok; cookie="cookie = \"$T/a\""
  if [ "$flag" = login-csrf ]; then
    : > "$T/pre"
    pre=$(curl -s -b "$T/pre" -c "$T/pre" "$URL$p" | sed -n 's/.*name="\(login_csrf\|form_token\)" value="\([0-9a-f]*\)".*/\1=\2/p' | head -1)
    cookie="header = \"Cookie: $(awk '$6 ~ /^ecx_/ {print $6 "=" $7}' "$T/pre" | tail -1)\""
  fi
  while read -r name; do
    n=$((n + 1))
    # Options after "next" are the next request's own.
    [ "$n" -gt 1 ] && echo next >> "$T/post.cfg"
    printf 'url = "%s%s"\ndata = "%s&%s=%s"\noutput = "%s/out/p%d"\n%s\nheader = "Accept-Language: en"\nwrite-out = "%%{http_code} %s\\n"\n' \
      "$URL" "$p" "$pre" "$name" "$P2" "$T" "$n" "$cookie" "$path:$name" >> "$T/post.cfg"
  done < "$T/fnames"
done < "$T/matrix"
curl -s -K "$T/post.cfg" > "$T/post.codes"
expect_eq "every POST was answered ($n requests)" "$(wc -l < "$T/post.codes" | tr -d ' ')" "$n"
expect_eq "no POST with an SQL-looking field is a server error" "$(grep -c '^5' "$T/post.codes")" "0"
grep '^5' "$T/post.codes" | head -5 | sed 's/^/#   /'
expect_eq "every POST got past the CSRF checks to its handler" "$(grep -c '^403' "$T/post.codes")" "0"
grep '^403' "$T/post.codes" | head -5 | sed 's/^/#   /'
expect_eq "no POST shows an SQL error" "$(grep -liE 'sqlite|syntax error|no such (table|column)|near "' "$T"/out/p* 2>/dev/null | wc -l | tr -d ' ')" "0"
curl -s -o /dev/null -b "$T/a" "$URL/surveys/$SID" --data "csrf=$tok&action=meta&kind=relational&status=open&title=$P2"
stop_server
expect_eq "after the POSTs: integrity_check ok" "$(sql "$W" "PRAGMA integrity_check")" "ok"
expect_eq "after the POSTs: every response still there" "$(sql "$W" "SELECT count(*) FROM response")" "$nResp"
expect_eq "a title that looked like SQL was stored as typed" "$(sql "$W" "SELECT title FROM survey WHERE id=$SID")" 'x"; DROP TABLE response; --'
