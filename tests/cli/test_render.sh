# ecx render: dashboard page bodies computed from the cube, escaped, with
# suppression and CSV that agree with ecx report.
. "$(dirname "$0")/lib.sh"

W=$T/r.ecx
"$ECX" init "$W" >/dev/null
sqlite3 -batch "$W" < "$(dirname "$0")/fixture_report.sql"
# A touchpoint whose name is an XSS payload, with 6 responses (NPS 10).
sqlite3 -batch "$W" "
INSERT INTO touchpoint(id, name, position) VALUES(9, '<img src=x onerror=alert(1)>', 9);
INSERT INTO response(id, survey_id, touchpoint_id, ts, language, source_id)
  SELECT 200+i, 1, 9, 1770000000, 'es', 'x'||i FROM (SELECT 1 i UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION SELECT 6);
INSERT INTO answer(question_id, response_id, num) SELECT 1, id, 10 FROM response WHERE touchpoint_id=9;
INSERT INTO segment(name, filter) VALUES('Soporte \"VIP\"', 'touchpoint=soporte');
"

out=$("$ECX" render "$W" breakdown --by touchpoint)
expect_match "a group under min n is shown as suppressed" "$out" "<td>tienda</td><td>&lt; 5</td><td colspan=\"3\" class=\"ecx-suppressed\">"
# The total minus the shown groups would be tienda's 3: the smallest other
# group (soporte, 6, the first of two of that size) is suppressed with it.
expect_match "the smallest other group is suppressed with it" "$out" "<td>soporte</td><td>&ge; 5</td><td colspan=\"3\" class=\"ecx-suppressed\">"
expect_match "the other groups are shown" "$out" "<td>compra</td><td>100</td><td>30.0</td>"
one=$("$ECX" render "$W" breakdown --by touchpoint --where touchpoint=soporte)
expect_match "breakdown of soporte alone: n 6 and NPS 50" "$one" "<td>soporte</td><td>6</td><td>50.0</td>"
expect_match "the XSS touchpoint name is escaped" "$out" "&lt;img src=x onerror=alert\(1\)&gt;"
if printf '%s' "$out" | grep -q "<img"; then fail "no raw tag from data in the page"; else ok "no raw tag from data in the page"; fi
expect_match "the segment name is escaped in the filter form" "$out" "<option>Soporte &quot;VIP&quot;</option>"
expect_match "the CSV link keeps the parameters" "$out" 'href="/breakdown\?by=touchpoint&amp;format=csv"'

out=$("$ECX" render "$W" overview)
expect_match "overview tile for NPS" "$out" '<h3>NPS</h3><p class="ecx-big">'
expect_match "overview trend chart" "$out" '<svg xmlns="http://www.w3.org/2000/svg" class="ecx-chart"'
expect_match "January in the trend table: 100 answers, NPS 30" "$out" "<td>2026-01</td><td>100</td><td>30.0</td><td>\[14.1, 44.2\]</td>"

out=$("$ECX" render "$W" overview --segment 'Soporte "VIP"')
expect_match "segment filter: 6 responses" "$out" 'ecx-count">[^<]*: 6<'

csv=$("$ECX" render "$W" breakdown --by touchpoint --csv)
rep=$("$ECX" report "$W" --by touchpoint --metrics nps --format csv)
expect_eq "the page's CSV is the report's" "$csv" "$rep"

out=$("$ECX" render "$W" heatmap)
expect_match "heatmap section" "$out" "ecx-card"
expect_fail "unknown page refused" "$ECX" render "$W" dashboard
out=$("$ECX" render "$W" breakdown --by colour 2>&1)
expect_match "bad grouping explained" "$out" 'cannot group by "colour"'
