# Login rate limit: 5 failures from one address within 5 minutes give 429,
# even for the right password, until the window passes (a new server
# process starts with an empty limiter).
. "$(dirname "$0")/lib.sh"
W=$T/w.ecx
"$ECX" init "$W" > /dev/null
add_user "$W" ann analyst
start_server "$W"
for i in 1 2 3 4 5; do
  expect_eq "failure $i is 401" "$(login "$T/j" ann wrong-$i)" "401"
done
expect_eq "sixth attempt is 429" "$(login "$T/j" ann wrong-6)" "429"
expect_match "429 says when to retry" "$(cat "$T/last.head")" 'Retry-After: 300'
expect_eq "right password also refused while blocked" "$(login "$T/j" ann password-ann)" "429"
expect_eq "blocked attempts create no session" "$(sql "$W" 'SELECT count(*) FROM session')" "0"
stop_server
start_server "$W"
expect_eq "after restart the right password works" "$(login "$T/j" ann password-ann)" "303"

# The limits are per address, and the public form's limit is its own: five
# failed logins from 127.0.0.1 do not block 127.0.0.2, and an address that
# sent the most answers to a survey may still log in.
for i in 1 2 3 4 5 6; do login "$T/j" ann wrong-$i > /dev/null; done
expect_eq "127.0.0.1 is blocked again" "$(login "$T/j" ann password-ann)" "429"
# login_from ADDR: log in as ann from ADDR; prints the status.
login_from() {
  : > "$T/i"
  t=$(curl -s --interface "$1" -b "$T/i" -c "$T/i" "$URL/login" | sed -n 's/.*name="login_csrf" value="\([0-9a-f]*\)".*/\1/p')
  curl -s -o /dev/null -w '%{http_code}' --interface "$1" -b "$T/i" -c "$T/i" "$URL/login" \
    --data "login=ann&password=password-ann&login_csrf=$t"
}
expect_eq "127.0.0.2 logs in meanwhile" "$(login_from 127.0.0.2)" "303"
PUB=0123456789abcdef01234567
sqlite3 -batch "$W" "INSERT INTO survey(code, created, status, public_token) VALUES('rl', 0, 'open', '$PUB');
  INSERT INTO question(survey_id, code, position, type, scale_min, scale_max)
  SELECT id, 'nps', 1, 'nps', 0, 10 FROM survey WHERE code='rl';"
answer_from() {
  : > "$T/f"
  curl -s --interface "$1" -b "$T/f" -c "$T/f" "$URL/s/$PUB" > "$T/f.html"
  ft=$(sed -n 's/.*name="form_token" value="\([0-9a-f]*\)".*/\1/p' "$T/f.html")
  sid=$(sed -n 's/.*name="sid" value="\([0-9a-f]*\)".*/\1/p' "$T/f.html")
  curl -s -o /dev/null -w '%{http_code}' --interface "$1" -b "$T/f" -c "$T/f" "$URL/s/$PUB" \
    --data "form_token=$ft&sid=$sid&q_nps=8"
}
for i in 1 2 3 4 5; do answer_from 127.0.0.3 > /dev/null; done
expect_eq "the sixth answer from 127.0.0.3 is 429" "$(answer_from 127.0.0.3)" "429"
expect_eq "127.0.0.4 may still answer" "$(answer_from 127.0.0.4)" "303"
expect_eq "127.0.0.3 may still log in" "$(login_from 127.0.0.3)" "303"
expect_eq "six answers stored, none beyond the limit" "$(sql "$W" "SELECT count(*) FROM response")" "6"
