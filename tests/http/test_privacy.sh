# The min-n suppression cannot be undone by combining queries: a group of
# 3 respondents ("kiosko") under min_n 5 stays hidden in every output (the
# CLI report as table, CSV and JSON, the dashboard pages and their CSV,
# the metrics API) whether asked directly, as the total minus the other
# groups, through complementary filters or segments, or as the difference
# of two date ranges; and the API cannot lower min_n.
. "$(dirname "$0")/lib.sh"
W=$T/p.ecx
"$ECX" init "$W" > /dev/null
# Days of March 2026 (noon UTC): tienda 2 responses a day on the 1st-20th
# except the 8th (38, NPS 9), web 8 on the 5th (NPS 10), kiosko 3 on the
# 8th (NPS 0: the secret). 49 responses.
day() { echo $((1772323200 + ($1 - 1) * 86400 + 43200)); }
{
  echo "INSERT INTO touchpoint(id, name) VALUES(1, 'tienda'), (2, 'web'), (3, 'kiosko');"
  echo "INSERT INTO survey(id, code, created) VALUES(1, 's', 0);"
  echo "INSERT INTO question(id, survey_id, code, position, type, scale_min, scale_max) VALUES(1, 1, 'nps', 1, 'nps', 0, 10);"
  echo "INSERT INTO segment(name, filter) VALUES('sin_kiosko', 'touchpoint!=kiosko'), ('solo_kiosko', 'touchpoint=kiosko');"
  id=0
  for d in 1 2 3 4 5 6 7 9 10 11 12 13 14 15 16 17 18 19 20; do
    for k in 1 2; do id=$((id+1)); echo "INSERT INTO response VALUES($id, 1, NULL, 1, NULL, $(day $d), 'es', NULL, 't$id'); INSERT INTO answer VALUES(1, $id, 9, NULL);"; done
  done
  for k in 1 2 3 4 5 6 7 8; do id=$((id+1)); echo "INSERT INTO response VALUES($id, 1, NULL, 2, NULL, $(day 5), 'es', NULL, 'w$k'); INSERT INTO answer VALUES(1, $id, 10, NULL);"; done
  for k in 1 2 3; do id=$((id+1)); echo "INSERT INTO response VALUES($id, 1, NULL, 3, NULL, $(day 8), 'es', NULL, 'k$k'); INSERT INTO answer VALUES(1, $id, 0, NULL);"; done
} | sqlite3 -batch "$W"
expect_eq "fixture: 49 responses" "$(sql "$W" "SELECT count(*) FROM response")" "49"
rep() { "$ECX" report "$W" "$@" 2>&1; }

# ---- one table: the total minus the shown groups
out=$(rep --by touchpoint --format csv)
expect_match "by touchpoint: kiosko suppressed, without n" "$out" "^kiosko,nps,,,,,1$"
# Total 49 minus tienda 38 minus web 8 would be kiosko's 3: web (the
# smallest other group) is suppressed with it; 49 - 38 = 11 describes both.
expect_match "by touchpoint: web suppressed with it, without n" "$out" "^web,nps,,,,,1$"
expect_match "by touchpoint: tienda shown (38, NPS 100)" "$out" "^tienda,nps,38,100\.0000,"
expect_match "by touchpoint: the total shown (49)" "$out" "^\*,nps,49,"
json=$(rep --by touchpoint --format json)
expect "JSON: hidden groups have n null, shown ones their n" python3 -c '
import json, sys
d = json.loads(sys.argv[1])
g = {x["keys"]["touchpoint"]: x for x in d["groups"]}
assert g["kiosko"]["n"] is None and g["kiosko"]["suppressed"] and g["kiosko"]["figures"]["nps"]["value"] is None
assert g["web"]["n"] is None and g["web"]["suppressed"] and g["web"]["figures"]["nps"]["value"] is None
assert g["tienda"]["n"] == 38 and d["overall"]["n"] == 49' "$json"
out=$(rep --by touchpoint)
expect_match "table: web shown as suppressed, n hidden" "$out" "web +\(all\) +— +suppressed"
expect_eq "table: no line gives web's 8 or kiosko's 3" "$(printf '%s\n' "$out" | grep -cE '^(web|kiosko) .* (8|3) ')" "0"

# ---- filters: complement, segment and its complement, the group itself
out=$(rep --where "touchpoint!=kiosko" --format csv); rc=$?
expect_eq "where touchpoint!=kiosko is refused" "$rc" "16"
expect_match "saying why" "$out" "3 more responses, fewer than the minimum of 5"
out=$(rep --segment sin_kiosko --format csv); rc=$?
expect_eq "the segment without kiosko is refused" "$rc" "16"
out=$(rep --segment solo_kiosko --format csv)
expect_match "the kiosko segment alone is suppressed" "$out" "^nps,,,,,1$"
out=$(rep --where "touchpoint=kiosko" --format csv)
expect_match "where touchpoint=kiosko is suppressed" "$out" "^nps,,,,,1$"
out=$(rep --where "touchpoint=tienda|web" --format csv); rc=$?
expect_eq "the other two touchpoints together are refused" "$rc" "16"

# ---- date ranges: two neighbouring --to (or --from) dates would differ by
# the 8th, kiosko's day. Days counted from the 1st: 2, 4, 6 (a bound may
# fall after the 3rd), 8, 18 (after the 5th), 20, 22, 25 (after the 8th), ...
out=$(rep --to 2026-03-08 --format csv)
expect_match "--to the 8th is answered (25 responses)" "$out" "^nps,25,"
out=$(rep --to 2026-03-07 --format csv); rc=$?
expect_eq "--to the 7th, a day before, is refused" "$rc" "16"
expect_match "suggesting the nearest allowed dates" "$out" "use --to 2026-03-05 or --to 2026-03-08"
out=$(rep --from 2026-03-09 --format csv)
expect_match "--from the 9th is answered (24 responses)" "$out" "^nps,24,"
out=$(rep --from 2026-03-08 --format csv); rc=$?
expect_eq "--from the 8th, a day before, is refused" "$rc" "16"
out=$(rep --from 2026-03-06 --to 2026-03-08 --format csv)
expect_match "the 6th to the 8th is answered (7: tienda's 4 and kiosko's 3)" "$out" "^nps,7,"
out=$(rep --where touchpoint=tienda --from 2026-03-06 --to 2026-03-08 --format csv); rc=$?
expect_eq "but not tienda alone in it (the difference is kiosko)" "$rc" "16"
# A bound must suit the filter and the filter without each condition:
# tienda's own days allow the 3rd, 6th, 10th...; all days the 3rd, 5th, 8th.
out=$(rep --where touchpoint=tienda --to 2026-03-03 --format csv)
expect_match "tienda up to the 3rd is answered (6)" "$out" "^nps,6,"
out=$(rep --where touchpoint=tienda --to 2026-03-06 --format csv); rc=$?
expect_eq "tienda up to the 6th is refused (not a place for all days)" "$rc" "16"
# A response arriving later does not move where bounds may fall.
sqlite3 "$W" "INSERT INTO response VALUES(100, 1, NULL, 1, NULL, $(day 25), 'es', NULL, 'late'); INSERT INTO answer VALUES(1, 100, 9, NULL);"
rm -f "$W.cube"
expect_eq "after a new response --to the 7th is still refused" "$(rep --to 2026-03-07 > /dev/null; echo $?)" "16"
expect_match "and --to the 8th still answered" "$(rep --to 2026-03-08 --format csv)" "^nps,25,"
sqlite3 "$W" "DELETE FROM answer WHERE response_id=100; DELETE FROM response WHERE id=100;"
rm -f "$W.cube"

# ---- periods: ISO weeks 09 (1 Mar: 2), 10 (2-8 Mar: 23), 11 (14), 12 (10).
# Week 09 is under min_n; the total minus weeks 10, 11 and 12 would be its
# 2, so the smallest other week (12) is suppressed with it.
out=$(rep --by week --format csv)
expect_match "by week: week 09 suppressed" "$out" "^2026-W09,nps,,,,,1$"
expect_match "by week: week 12 suppressed with it" "$out" "^2026-W12,nps,,,,,1$"
expect_match "by week: week 10 shown (23)" "$out" "^2026-W10,nps,23,"
expect_match "by week: week 11 shown (14)" "$out" "^2026-W11,nps,14,"

# ---- the server: pages, their CSV and the API say the same
add_user "$W" vi viewer
TOKEN=$("$ECX" token add "$W" vi --name r --scopes read 2>/dev/null | tail -1)
start_server "$W"
login "$T/v" vi password-vi > /dev/null
page() { curl -s -b "$T/v" -H 'Accept-Language: en' "$URL$1"; }
out=$(page "/breakdown?by=touchpoint")
expect_match "breakdown page: kiosko suppressed" "$out" "<td>kiosko</td><td>&lt; 5</td><td colspan=\"3\" class=\"ecx-suppressed\">"
expect_match "breakdown page: web suppressed, n not shown" "$out" "<td>web</td><td>&ge; 5</td><td colspan=\"3\" class=\"ecx-suppressed\">"
expect_eq "breakdown page: the page's CSV is the report's" "$(page "/breakdown?by=touchpoint&format=csv")" \
  "$(rep --by touchpoint --metrics nps --format csv)"
out=$(page "/?period=week")
expect_match "overview by week: week 09 suppressed" "$out" "<tr><td>2026-W09</td><td>&lt; 5</td><td colspan=\"2\" class=\"ecx-suppressed\">"
expect_match "overview by week: week 12 suppressed with it, n not shown" "$out" "<tr><td>2026-W12</td><td>&ge; 5</td><td colspan=\"2\" class=\"ecx-suppressed\">"
expect_match "overview by week: week 11 shown" "$out" "<tr><td>2026-W11</td><td>14</td>"
expect_match "overview with --to the 7th refused on the page" "$(page "/?to=2026-03-07")" "use to 2026-03-05 or to 2026-03-08|use --to 2026-03-05 or --to 2026-03-08"
expect_match "breakdown without kiosko refused on the page" "$(page "/breakdown?where=touchpoint%21%3Dkiosko")" "fewer than the minimum of 5"
api() { curl -s -o "$T/api.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Accept-Language: en' "$URL/api/v1/metrics$1"; }
expect_eq "API by touchpoint" "$(api '?by=touchpoint')" "200"
expect_eq "the API's JSON is the report's" "$(cat "$T/api.json")" "$(rep --by touchpoint --format json)"
expect_eq "the API refuses min_n=1" "$(api '?by=touchpoint&min_n=1')" "400"
expect_eq "the API refuses the complement" "$(api '?where=touchpoint%21%3Dkiosko')" "422"
expect_eq "the API refuses --to the 7th" "$(api '?to=2026-03-07')" "422"
