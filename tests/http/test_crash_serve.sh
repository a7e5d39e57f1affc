# Crash consistency of the server: kill `ecx serve` with SIGKILL at random
# moments while responses stream in through the API, many times. After each
# kill the workspace passes SQLite's integrity check and holds every
# response the server acknowledged (HTTP 201) before it died.
. "$(dirname "$0")/lib.sh"
CYCLES=${ECX_CRASH_CYCLES:-200}
W=$T/k.ecx
"$ECX" init "$W" > /dev/null
sqlite3 -batch "$W" "
INSERT INTO survey(code, created, status) VALUES('k', 0, 'open');
INSERT INTO question(survey_id, code, position, type, scale_min, scale_max) VALUES(1, 'nps', 1, 'nps', 0, 10);"
add_user "$W" loader analyst
TOKEN=$("$ECX" token add "$W" loader --name loader --scopes ingest 2>/dev/null | tail -1)
: > "$T/acked"
lost=0; bad=0; i=0; n=0
while [ $i -lt "$CYCLES" ]; do
  i=$((i + 1))
  start_server "$W"
  # A client posting one response at a time, noting each acknowledged id.
  (
    j=0
    while :; do
      j=$((j + 1)); id="c$i-$j"
      c=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
          -H 'Content-Type: application/json' -X POST "$URL/api/v1/responses" \
          --data "{\"survey\":\"k\",\"source_id\":\"$id\",\"ts\":1767225600,\"answers\":{\"nps\":$((j % 11))}}") || break
      [ "$c" = 201 ] && echo "$id" >> "$T/acked"
      [ "$c" = 000 ] && break
    done
  ) &
  client=$!
  sleep "$(awk -v s="$i" 'BEGIN{srand(s); printf "0.%03d", 50 + int(rand()*300)}')"
  kill -KILL "$SRV_PID" 2>/dev/null; wait "$SRV_PID" 2>/dev/null; SRV_PID=
  wait $client 2>/dev/null
  ic=$(sqlite3 "$W" "PRAGMA integrity_check")
  [ "$ic" = ok ] || { bad=$((bad + 1)); echo "# cycle $i: $ic"; }
done
# Every acknowledged id must be stored.
sqlite3 "$W" "SELECT source_id FROM response" | sort > "$T/stored"
sort "$T/acked" > "$T/acked.s"
lost=$(comm -23 "$T/acked.s" "$T/stored" | wc -l | tr -d ' ')
n=$(wc -l < "$T/acked.s" | tr -d ' ')
echo "# $CYCLES kills, $n responses acknowledged"
expect_eq "integrity_check ok after every one of $CYCLES server kills" "$bad" "0"
expect_eq "no acknowledged response lost ($n acknowledged over $CYCLES kills)" "$lost" "0"
expect_eq "responses were acknowledged at all" "$([ "$n" -gt "$CYCLES" ] && echo yes)" "yes"
