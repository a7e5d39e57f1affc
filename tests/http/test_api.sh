# The JSON API: batch ingest, idempotent retry, errors as JSON (400, 401,
# 403, 413), metrics equal to `ecx report --format json`.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/survey_lib.sh"
W=$T/w.ecx
"$ECX" init "$W" > /dev/null
sqlite3 "$W" "INSERT INTO touchpoint(name) VALUES('Tienda'); INSERT INTO channel(name) VALUES('Web');"
add_user "$W" ana analyst
ing=$("$ECX" token add "$W" ana --name loader --scopes ingest 2>/dev/null)
rd=$("$ECX" token add "$W" ana --name reader --scopes read 2>/dev/null)
start_server "$W"
login "$T/a" ana password-ana > /dev/null
id=$(build_survey "$T/a")
api() { m=$1; path=$2; shift 2; code "$T/n" "$m" "$path" -H 'Accept-Language: en' -H 'Content-Type: application/json' "$@"; }
batch='[{"survey":"cs1","source_id":"crm-1","ts":"2025-03-01T10:00:00Z","touchpoint":"Tienda","channel":"Web","language":"es","answers":{"rec":10,"sat":5,"why":"1","extras":["wifi","cafe"],"comment":"<b>bien</b>","age":"25-34"}},
 {"survey":"cs1","source_id":"crm-2","ts":1740823200,"answers":{"rec":3,"speed":7}},
 {"survey":"cs1","source_id":"crm-3","ts":"2025-03-02","answers":{"rec":0}}]'
expect_eq "batch ingest is 201" "$(api POST /api/v1/responses -H "Authorization: Bearer $ing" --data-binary "$batch")" "201"
expect_match "with ids, all created" "$(cat "$T/last.body")" '^\{"ids":\[[0-9]+,[0-9]+,[0-9]+\],"created":\[true,true,true\]\}$'
ids=$(cat "$T/last.body")
expect_eq "three responses" "$(sql "$W" "SELECT count(*) FROM response")" "3"
expect_eq "touchpoint and channel resolved" "$(sql "$W" "SELECT t.name || '/' || c.name FROM response r JOIN touchpoint t ON t.id=r.touchpoint_id JOIN channel c ON c.id=r.channel_id WHERE source_id='crm-1'")" "Tienda/Web"
expect_eq "multi stored in choice order" "$(sql "$W" "SELECT txt FROM answer a JOIN question q ON q.id=a.question_id WHERE q.code='extras'")" "wifi;cafe"
expect_eq "ISO and Unix times" "$(sql "$W" "SELECT group_concat(ts, ',') FROM (SELECT ts FROM response ORDER BY source_id)")" "1740823200,1740823200,1740873600"
expect_eq "retry is idempotent" "$(api POST /api/v1/responses -H "Authorization: Bearer $ing" --data-binary "$batch")" "201"
expect_eq "same ids, none created" "$(cat "$T/last.body")" "$(printf '%s' "$ids" | sed 's/true/false/g')"
expect_eq "still three" "$(sql "$W" "SELECT count(*) FROM response")" "3"
one='{"survey":"cs1","source_id":"crm-4","ts":1740823200,"answers":{"rec":11}}'
expect_eq "off-scale answer is 400" "$(api POST /api/v1/responses -H "Authorization: Bearer $ing" --data-binary "$one")" "400"
expect_eq "naming the field" "$(cat "$T/last.body")" '{"error":{"code":"invalid","message":"outside the scale 0-10","field":"answers.rec"}}'
bad='[{"survey":"cs1","source_id":"ok","ts":1,"answers":{"rec":1}},{"survey":"cs1","source_id":"x","ts":1,"answers":{"nope":1}}]'
expect_eq "one bad record refuses the batch" "$(api POST /api/v1/responses -H "Authorization: Bearer $ing" --data-binary "$bad")" "400"
expect_match "naming record and field" "$(cat "$T/last.body")" '"field":"\[1\]\.nope"'
expect_eq "nothing stored" "$(sql "$W" "SELECT count(*) FROM response")" "3"
expect_eq "missing required answer is 400" "$(api POST /api/v1/responses -H "Authorization: Bearer $ing" --data-binary '{"survey":"cs1","source_id":"y","ts":1,"answers":{}}')" "400"
expect_eq "unknown survey is 400" "$(api POST /api/v1/responses -H "Authorization: Bearer $ing" --data-binary '{"survey":"zz","source_id":"y","ts":1,"answers":{}}')" "400"
expect_eq "malformed JSON is 400" "$(api POST /api/v1/responses -H "Authorization: Bearer $ing" --data-binary '{"survey":')" "400"
expect_match "as a JSON error" "$(cat "$T/last.body")" '^\{"error":\{"code":"invalid","message":"not valid JSON'
head -c 1100000 /dev/zero | tr '\0' ' ' > "$T/big"
expect_eq "oversized body is 413" "$(api POST /api/v1/responses -H "Authorization: Bearer $ing" --data-binary @"$T/big")" "413"
expect_match "as JSON" "$(cat "$T/last.body")" '^\{"error":\{"code":'
expect_eq "read scope cannot ingest: 403" "$(api POST /api/v1/responses -H "Authorization: Bearer $rd" --data-binary "$one")" "403"
expect_eq "no token: 401" "$(api POST /api/v1/responses --data-binary "$one")" "401"
expect_eq "ingest scope cannot read metrics: 403" "$(api GET /api/v1/metrics -H "Authorization: Bearer $ing")" "403"
expect_eq "metrics with the read scope" "$(api GET '/api/v1/metrics?by=touchpoint&min_n=7' -H "Authorization: Bearer $rd")" "200"
expect "metrics JSON parses" python3 -c "import json,sys; json.load(open('$T/last.body'))"
"$ECX" report "$W" --by touchpoint --min-n 7 --format json > "$T/cli.json"
expect_eq "metrics equal ecx report --format json" "$(cat "$T/last.body")" "$(cat "$T/cli.json")"
expect_eq "bad grouping is 400" "$(api GET '/api/v1/metrics?by=nonsense' -H "Authorization: Bearer $rd")" "400"
expect_eq "bad min_n is 400" "$(api GET '/api/v1/metrics?min_n=0' -H "Authorization: Bearer $rd")" "400"
expect_eq "min_n below the workspace's minimum is 400" "$(api GET '/api/v1/metrics?min_n=1' -H "Authorization: Bearer $rd")" "400"
expect_match "saying why" "$(cat "$T/last.body")" "min_n cannot be lower than the workspace's minimum of 5"
