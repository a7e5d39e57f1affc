# The overview page reads the shared cube: figures with n, small figures
# suppressed, new responses appear after the (once a second) refresh, and
# concurrent requests on the thread pool all succeed.
. "$(dirname "$0")/lib.sh"
W=$T/w.ecx
"$ECX" init "$W" > /dev/null
# 100 responses: NPS 10 (x50), 8 (x30), 3 (x20) -> 50 promoters, 20
# detractors: NPS 30.0 (tests/cli/test_report.sh works the same data).
sqlite3 -batch "$W" "
INSERT INTO touchpoint(name, position) VALUES('compra', 1), ('soporte', 2);
INSERT INTO survey(code, created) VALUES('rel', 0);
INSERT INTO question(survey_id, code, position, type, scale_min, scale_max)
  VALUES(1, 'nps', 1, 'nps', 0, 10), (1, 'csat', 2, 'csat', 1, 5);
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i<100)
  INSERT INTO response(id, survey_id, touchpoint_id, ts, language, source_id)
  SELECT i, 1, 1, 1767225600 + i*3600, 'es', 'a'||i FROM c;
INSERT INTO answer(question_id, response_id, num)
  SELECT 1, id, CASE WHEN id<=50 THEN 10 WHEN id<=80 THEN 8 ELSE 3 END FROM response;
INSERT INTO answer(question_id, response_id, num) VALUES (2, 1, 5), (2, 2, 4), (2, 3, 2);
"
add_user "$W" vic viewer
add_user "$W" fran frontline --touchpoints soporte
start_server "$W"
login "$T/j" vic password-vic > /dev/null
page=$(curl -s -b "$T/j" -H 'Accept-Language: en' "$URL/")
expect_match "NPS 30.0 shown" "$page" '<h3>NPS</h3><p class="ecx-big">30\.0</p>'
expect_match "NPS n and interval shown" "$page" 'IC 95% \[14\.1, 44\.2\] · n = 100<'
expect_match "CSAT with n 3 under min_n 5 is suppressed" "$page" '<h3>CSAT \(% top-2-box\)</h3><p class="ecx-big ecx-suppressed">suppressed</p><p>n &lt; 5</p>'
expect_match "the trend chart is drawn" "$page" '<svg xmlns="http://www.w3.org/2000/svg" class="ecx-chart"'
page=$(curl -s -b "$T/j" -H 'Accept-Language: en' "$URL/breakdown?by=touchpoint")
expect_match "breakdown by touchpoint: compra, 100 answers" "$page" '<td>compra</td><td>100</td><td>30\.0</td>'
csv=$(curl -s -b "$T/j" "$URL/breakdown?by=touchpoint&format=csv")
expect_match "breakdown CSV" "$csv" '^compra,nps,100,30\.0000,'
page=$(curl -s -b "$T/j" -H 'Accept-Language: en' "$URL/breakdown?where=colour%3Dred")
expect_match "a bad filter is explained on the page" "$page" 'unknown filter key'
page=$(curl -s -b "$T/j" -H 'Accept-Language: en' "$URL/heatmap")
expect_match "heatmap page" "$page" '<h1>Touchpoints × dimensions</h1>'

# Six more: 10,10,10,9,0,7 -> promoters 54, detractors 21 of 106:
# 100*(54-21)/106 = 31.13.
sqlite3 -batch "$W" "
INSERT INTO response(id, survey_id, touchpoint_id, ts, language, source_id) VALUES
  (101, 1, 2, 1770000000, 'es', 'b1'), (102, 1, 2, 1770000000, 'es', 'b2'),
  (103, 1, 2, 1770000000, 'es', 'b3'), (104, 1, 2, 1770000000, 'es', 'b4'),
  (105, 1, 2, 1770000000, 'es', 'b5'), (106, 1, 2, 1770000000, 'es', 'b6');
INSERT INTO answer(question_id, response_id, num) VALUES
  (1, 101, 10), (1, 102, 10), (1, 103, 10), (1, 104, 9), (1, 105, 0), (1, 106, 7);
"
sleep 1.1
page=$(curl -s -b "$T/j" "$URL/")
expect_match "new responses appear after the refresh" "$page" '<h3>NPS</h3><p class="ecx-big">31\.1</p>'
expect_match "n follows" "$page" 'n = 106<'

# A front-line user of "soporte" sees only its 6 responses, whatever the filter.
login "$T/f" fran password-fran > /dev/null
page=$(curl -s -b "$T/f" -H 'Accept-Language: en' "$URL/")
expect_match "front line: only its touchpoint's responses" "$page" 'ecx-count">responses: 6<'
page=$(curl -s -b "$T/f" -H 'Accept-Language: en' "$URL/breakdown?by=touchpoint&where=touchpoint%3Dcompra")
if printf '%s' "$page" | grep -q '<td>compra</td><td>100</td>'; then fail "front line cannot widen its scope with a filter"; else ok "front line cannot widen its scope with a filter"; fi
csv=$(curl -s -b "$T/f" "$URL/breakdown?by=touchpoint&format=csv")
if printf '%s' "$csv" | grep -q '^compra,'; then fail "front line CSV keeps the scope"; else ok "front line CSV keeps the scope"; fi

# 24 requests at once on 4 worker threads.
i=0
while [ $i -lt 24 ]; do
  curl -s -o /dev/null -w '%{http_code}\n' -b "$T/j" "$URL/" >> "$T/codes" &
  i=$((i + 1))
done
wait_curls=0
while [ "$(wc -l < "$T/codes")" -lt 24 ] && [ $wait_curls -lt 100 ]; do sleep 0.1; wait_curls=$((wait_curls + 1)); done
expect_eq "24 concurrent requests all 200" "$(sort -u "$T/codes")" "200"
stop_server
expect_eq "server exits 0" "$SRV_RC" "0"
