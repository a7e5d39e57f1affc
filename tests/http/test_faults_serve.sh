# Faults under a running server: a workspace locked by another process and
# a full disk. Each refused submission (public
# form or API) is a 503 with Retry-After and a clear JSON or HTML error,
# nothing of it is stored, every acknowledged one is, reads keep working,
# and the same server stores again once the fault is gone. (A read-only
# workspace stops the server from starting: tests/cli/test_readonly.sh.)
. "$(dirname "$0")/lib.sh"

PUB=0123456789abcdef01234567
# setup_ws FILE: a workspace with an open survey "k" (one NPS question and a
# comment) on a public link, and an ingest token in $TOKEN.
setup_ws() {
  "$ECX" init "$1" > /dev/null
  sqlite3 -batch "$1" "
    INSERT INTO survey(code, created, status, public_token) VALUES('k', 0, 'open', '$PUB');
    INSERT INTO question(survey_id, code, position, type, scale_min, scale_max) VALUES(1, 'nps', 1, 'nps', 0, 10);
    INSERT INTO question(survey_id, code, position, type) VALUES(1, 'why', 2, 'text');"
  add_user "$1" loader analyst
  TOKEN=$("$ECX" token add "$1" loader --name loader --scopes ingest 2>/dev/null | tail -1)
}
# api ID [BODY_FILE]: POST one response (or the batch in BODY_FILE); prints
# the status, keeps the body in $T/api.body and the headers in $T/api.head.
api() {
  if [ -n "${2:-}" ]; then set -- "$1" "@$2"; else
    set -- "$1" "{\"survey\":\"k\",\"source_id\":\"$1\",\"ts\":1767225600,\"answers\":{\"nps\":9}}"; fi
  curl -s -o "$T/api.body" -D "$T/api.head" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -H 'Accept-Language: en' -X POST "$URL/api/v1/responses" --data "$2"
}
# form JAR: GET the public form; sets FT and SID. send JAR: POST it (NPS 7).
form() {
  curl -s -b "$1" -c "$1" -H 'Accept-Language: en' "$URL/s/$PUB" > "$T/form.html"
  FT=$(sed -n 's/.*name="form_token" value="\([0-9a-f]*\)".*/\1/p' "$T/form.html")
  SID=$(sed -n 's/.*name="sid" value="\([0-9a-f]*\)".*/\1/p' "$T/form.html")
}
send() {
  curl -s -o "$T/send.body" -D "$T/send.head" -w '%{http_code}' -b "$1" -c "$1" -H 'Accept-Language: en' \
    -X POST "$URL/s/$PUB" --data "form_token=$FT&sid=$SID&q_nps=7"
}
stored() { sql "$1" "SELECT group_concat(source_id, ',') FROM (SELECT source_id FROM response ORDER BY source_id)"; }

# ---- a database locked by another process (longer than the busy timeout)
W=$T/l.ecx
setup_ws "$W"
# Writers wait 1 s (not the default 5 s) for a lock, to keep this test short.
export ECX_BUSY_TIMEOUT=1000
start_server "$W"
unset ECX_BUSY_TIMEOUT
expect_eq "locked: an API submission before the lock is stored" "$(api a1)" "201"
form "$T/f1"
lock_workspace "$W" 4
expect_eq "locked: an API submission is 503" "$(api a2)" "503"
expect_match "locked: with Retry-After" "$(cat "$T/api.head")" "^Retry-After: 5"
expect_match "locked: a JSON error that says busy" "$(cat "$T/api.body")" '^\{"error":\{"code":"busy","message":"workspace is locked by another process"'
expect_eq "locked: a public form submission is 503" "$(send "$T/f1")" "503"
expect_match "locked: the form's page says nothing was saved" "$(cat "$T/send.body")" "Nothing from this request was saved. Please try again in a moment."
expect_match "locked: and when to retry" "$(cat "$T/send.head")" "^Retry-After: 5"
c=$(curl -s -o /dev/null -w '%{http_code}' "$URL/s/$PUB")
expect_eq "locked: pages still read (the public form opens)" "$c" "200"
wait $LOCK_PID
expect_eq "unlocked: the same API submission is stored now" "$(api a2)" "201"
expect_eq "unlocked: the same form, sent again, is stored now" "$(send "$T/f1")" "303"
stop_server
expect_eq "locked: acknowledged responses and no others" "$(stored "$W")" "a1,a2,web:$SID"
expect_eq "locked: integrity_check ok" "$(sql "$W" "PRAGMA integrity_check")" "ok"

# ---- a full disk: a tmpfs where this test may mount, else a file-size
# limit on the server (then "gone" means a restart without the limit).
D=$T/full; mkdir -p "$D"
mounted=
if mount -t tmpfs -o size=4m tmpfs "$D" 2>/dev/null; then mounted=1; fi
W=$D/f.ecx
setup_ws "$W"
# A batch of 400 responses with 2 KB comments: about 1 MB of pages.
awk 'BEGIN{ pad = sprintf("%2000s", ""); gsub(/ /, "x", pad); printf "[";
  for(i=1;i<=400;i++) printf "%s{\"survey\":\"k\",\"source_id\":\"big%d\",\"ts\":1767225600,\"answers\":{\"nps\":%d,\"why\":\"%s\"}}", (i>1 ? "," : ""), i, i%11, pad;
  print "]" }' > "$T/big.json"
if [ -n "$mounted" ]; then
  start_server "$W"
else
  # dash counts ulimit -f in 512-byte blocks: 1 MiB in all for any one file.
  ( ulimit -f 2048; trap '' XFSZ; exec "$ECX" serve "$W" --listen 127.0.0.1:0 ) > "$T/serve.out" 2> "$T/serve.err" &
  SRV_PID=$!
  _n=0; URL=
  while [ -z "$URL" ] && [ $_n -lt 100 ]; do sleep 0.05; _n=$((_n+1)); URL=$(sed -n 's|^listening on \(http://[^ ]*\)/$|\1|p' "$T/serve.out"); done
fi
expect_eq "disk full: a submission before is stored" "$(api f1)" "201"
form "$T/f2"
if [ -n "$mounted" ]; then
  # Fill what is left of the disk.
  dd if=/dev/zero of="$D/filler" bs=64k 2>/dev/null
  how="a full 4 MiB tmpfs"
else
  how="a 1 MiB file-size limit"
fi
before=$(stored "$W")
expect_eq "disk full ($how): a large batch is 503" "$(api big "$T/big.json")" "503"
expect_match "disk full: the JSON error says disk_full" "$(cat "$T/api.body")" '"code":"disk_full"'
expect_match "disk full: with Retry-After" "$(cat "$T/api.head")" "^Retry-After: [0-9]+"
expect_eq "disk full: nothing of the batch was stored" "$(stored "$W")" "$before"
c=$(curl -s -o /dev/null -w '%{http_code}' "$URL/s/$PUB")
expect_eq "disk full: pages still read" "$c" "200"
if [ -n "$mounted" ]; then
  rm -f "$D/filler"
else
  stop_server; start_server "$W"
fi
expect_eq "space again: the server stores the batch" "$(api big "$T/big.json")" "201"
expect_eq "space again: and the public form" "$(send "$T/f2")" "303"
stop_server
expect_eq "disk full: every acknowledged response is stored" "$(sql "$W" "SELECT count(*) FROM response")" "402"
expect_eq "disk full: integrity_check ok" "$(sql "$W" "PRAGMA integrity_check")" "ok"
[ -n "$mounted" ] && umount "$D"
