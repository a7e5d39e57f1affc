# API tokens: Bearer authentication on /api/ paths, scopes, revocation by
# disabling the user, and no effect outside /api/.
. "$(dirname "$0")/lib.sh"
W=$T/w.ecx
"$ECX" init "$W" > /dev/null
add_user "$W" ana analyst --name 'Ana "A"'
read_tok=$("$ECX" token add "$W" ana --name reader --scopes read 2>/dev/null)
ingest_tok=$("$ECX" token add "$W" ana --name loader --scopes ingest 2>/dev/null)
start_server "$W"
expect_eq "read token reaches /api/whoami" "$(code "$T/n" GET /api/whoami -H "Authorization: Bearer $read_tok")" "200"
expect_eq "answer is JSON naming the user" "$(cat "$T/last.body")" \
  '{"login":"ana","name":"Ana \"A\"","role":"analyst","auth":"token","scopes":"read"}'
expect_eq "ingest-only token refused on a read route" "$(code "$T/n" GET /api/whoami -H "Authorization: Bearer $ingest_tok")" "403"
expect_match "refusal is a JSON error" "$(cat "$T/last.body")" '"code":"forbidden"'
expect_eq "unknown token is 401" "$(code "$T/n" GET /api/whoami -H "Authorization: Bearer $(printf '%064d' 7)")" "401"
expect_eq "malformed token is 401" "$(code "$T/n" GET /api/whoami -H 'Authorization: Bearer x')" "401"
expect_eq "no credentials is 401" "$(code "$T/n" GET /api/whoami)" "401"
expect_eq "tokens do not open pages" "$(code "$T/n" GET / -H "Authorization: Bearer $read_tok")" "303"
login "$T/j" ana password-ana > /dev/null
expect_eq "a browser session reaches the API too" "$(code "$T/j" GET /api/whoami)" "200"
expect_match "and says so" "$(cat "$T/last.body")" '"auth":"session","scopes":null'
"$ECX" user disable "$W" ana > /dev/null
expect_eq "disabling the user stops its tokens" "$(code "$T/n" GET /api/whoami -H "Authorization: Bearer $read_tok")" "401"
expect_eq "and its sessions" "$(code "$T/j" GET /api/whoami)" "401"
