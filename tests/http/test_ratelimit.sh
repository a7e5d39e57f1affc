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
