# The verbatims page: an XSS payload sent through the public survey comes
# back escaped; search ignores case and accents and matches word starts;
# filters (touchpoint, NPS band, dates, where), pages of 25, CSV of what
# matches, front-line scope, suppression under min_n, both languages.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/survey_lib.sh"
W=$T/w.ecx
"$ECX" init "$W" > /dev/null
sqlite3 "$W" "INSERT INTO touchpoint(name) VALUES('Tienda'), ('Web'); INSERT INTO channel(name) VALUES('App');"
add_user "$W" ana analyst
add_user "$W" fl frontline --touchpoints Web
ing=$("$ECX" token add "$W" ana --name loader --scopes ingest 2>/dev/null)
start_server "$W"
login "$T/a" ana password-ana > /dev/null
id=$(build_survey "$T/a")
tok=$(open_survey "$T/a" "$id" "$(sql "$W" "SELECT id FROM touchpoint WHERE name='Tienda'")")
page() { code "$T/a" GET "/verbatims$1" -H 'Accept-Language: en' > /dev/null; cat "$T/last.body"; }

# One answer through the public form, with a script in the comment.
code "$T/p" GET "/s/$tok" > /dev/null
FT=$(sed -n 's/.*name="form_token" value="\([0-9a-f]*\)".*/\1/p' "$T/last.body")
SID=$(sed -n 's/.*name="sid" value="\([0-9a-f]*\)".*/\1/p' "$T/last.body")
expect_eq "the respondent's answer is stored" "$(code "$T/p" POST "/s/$tok" --data "form_token=$FT&sid=$SID&q_rec=3" \
  --data-urlencode 'q_comment=<script>alert("x")</script> Atención RÁPIDA <img src=x onerror=alert(1)>')" "303"
"$ECX" config "$W" min_n 5 > /dev/null
sleep 1.1    # the cube is refreshed at most once a second
body=$(page "")
expect_match "one response is under min_n: suppressed" "$body" 'Suppressed: fewer than 5 responses'
expect_eq "and the comment is not shown" "$(printf '%s' "$body" | grep -c 'RÁPIDA')" "0"
"$ECX" config "$W" min_n 1 > /dev/null
body=$(page "")
expect_match "the comment is listed" "$body" 'Atención RÁPIDA'
expect_match "the script comes back escaped" "$body" '&lt;script&gt;alert\(&quot;x&quot;\)&lt;/script&gt;'
expect_match "the image too" "$body" '&lt;img src=x onerror=alert\(1\)&gt;'
expect_eq "no markup from the respondent" "$(printf '%s' "$body" | grep -c '<script\|<img')" "0"
expect_match "with its touchpoint and score" "$body" 'Tienda · <span class="ecx-score ecx-bad">NPS 3</span>'
expect_match "and its date" "$body" "<time datetime=\"$(date -u +%Y-%m-%d)\">"

# More comments through the API: 30 at Web, dated one a day in January.
batch="["
for i in $(seq 1 30); do
  d=$(printf '2026-01-%02d' "$i")
  case $((i % 3)) in 0) c="El precio es alto, día $i" ;; 1) c="Muy buena atencion, día $i" ;; *) c="Nada que decir, día $i" ;; esac
  batch="$batch{\"survey\":\"cs1\",\"source_id\":\"b$i\",\"ts\":\"$d\",\"touchpoint\":\"Web\",\"answers\":{\"rec\":$((i % 11)),\"comment\":\"$c\"}},"
done
batch="${batch%,}]"
expect_eq "30 more through the API" "$(code "$T/n" POST /api/v1/responses -H "Authorization: Bearer $ing" -H 'Content-Type: application/json' --data-binary "$batch")" "201"
sleep 1.1
body=$(page "")
expect_match "31 comments" "$body" 'Comments found: 31, among 31 responses'
expect_eq "25 on the first page" "$(printf '%s' "$body" | grep -c '<li><blockquote>')" "25"
expect_match "newest first: today's before January's" "$(printf '%s' "$body" | grep -o '<time datetime="[0-9-]*"' | head -2 | tr '\n' ' ')" \
  "^<time datetime=\"$(date -u +%Y-%m-%d)\" <time datetime=\"2026-01-30\""
expect_match "a link to the older page" "$body" 'href="/verbatims\?page=2" rel="next"'
body=$(page "?page=2")
expect_eq "6 on the second" "$(printf '%s' "$body" | grep -c '<li><blockquote>')" "6"
expect_match "the oldest last" "$(printf '%s' "$body" | grep -o '<time datetime="[0-9-]*"' | tail -1)" '2026-01-01'

# Search: case, accents, word starts, every word, phrases.
expect_match "\"ATENCIÓN\" finds atención and atencion" "$(page '?q=ATENCI%C3%93N')" 'Comments found: 11,'
expect_match "\"rapida\" finds RÁPIDA" "$(page '?q=rapida')" 'Comments found: 1,'
expect_match "and marks it" "$(page '?q=rapida')" '<mark>RÁPIDA</mark>'
expect_match "\"precio alto\" needs both words" "$(page '?q=precio+alto')" 'Comments found: 10,'
expect_match "\"prec\" matches the start of precio" "$(page '?q=prec')" 'Comments found: 10,'
expect_match "\"recio\" is not a word start" "$(page '?q=recio')" 'Comments found: 0,'
expect_match "a phrase keeps its order" "$(page '?q=%22alto+precio%22')" 'Comments found: 0,'
expect_match "search words are escaped in the form" "$(page '?q=%22%3E%3Cb%3E')" 'value="&quot;&gt;&lt;b&gt;"'

# Filters.
expect_match "touchpoint Tienda: the public answer" "$(page '?touchpoint=Tienda')" 'Comments found: 1,'
expect_match "detractors (0-6) at Web" "$(page '?touchpoint=Web&band=detractors')" 'Comments found: 20,'
expect_match "promoters" "$(page '?band=promoters')" 'Comments found: 4,'
expect_match "passives" "$(page '?band=passives')" 'Comments found: 6,'
expect_match "an unknown band is refused" "$(page '?band=fans')" 'the score band is'
expect_eq "with 400" "$(code "$T/a" GET '/verbatims?band=fans')" "400"
expect_match "dates" "$(page '?from=2026-01-10&to=2026-01-19')" 'Comments found: 10, among 10 responses'
expect_match "a where filter" "$(page '?where=touchpoint%3DTienda')" 'Comments found: 1,'
sqlite3 "$W" "INSERT INTO segment(name, filter) VALUES('En tienda', 'touchpoint=Tienda'), ('Todos', '')"
sleep 1.1    # a new segment reloads the cube at its next refresh
expect_match "a segment" "$(page '?segment=En%20tienda')" 'Comments found: 1,'
expect_match "an overlapping segment" "$(page '?segment=Todos&q=precio')" 'Comments found: 10,'
expect_match "an unknown filter key is a message" "$(page '?where=nope%3D1')" 'unknown filter key'
expect_match "filters travel in the page links" "$(page '?q=d%C3%ADa')" 'href="/verbatims\?q=d%C3%ADa&amp;page=2"'

# The differencing guard: with min_n 5, "all but Tienda" would tell
# Tienda's single response by difference.
"$ECX" config "$W" min_n 5 > /dev/null
expect_match "a filter that reveals a small group by difference is refused" "$(page '?where=touchpoint%21%3DTienda')" 'the result would have 1 more responses'
expect_eq "with 400" "$(code "$T/a" GET '/verbatims?where=touchpoint%21%3DTienda')" "400"
"$ECX" config "$W" min_n 1 > /dev/null

# CSV of what matches.
code "$T/a" GET '/verbatims?q=precio&format=csv' > /dev/null
expect_match "CSV download" "$(cat "$T/last.head")" 'Content-Disposition: attachment; filename="ecx-verbatims.csv"'
expect_eq "a header and 10 rows" "$(wc -l < "$T/last.body" | tr -d ' ')" "11"
expect_match "quoted fields" "$(sed -n 2p "$T/last.body")" '^2026-01-30,cs1,Web,,8,comment,"El precio es alto, día 30"'
code "$T/a" GET '/verbatims?format=csv' > /dev/null
expect_match "the script stays text in CSV" "$(cat "$T/last.body")" '"<script>alert\(""x""\)</script> Atención RÁPIDA'

# A front-line user sees only its touchpoint.
login "$T/f" fl password-fl > /dev/null
code "$T/f" GET /verbatims -H 'Accept-Language: en' > /dev/null
expect_match "front line: only Web" "$(cat "$T/last.body")" 'Comments found: 30,'
code "$T/f" GET '/verbatims?touchpoint=Tienda' -H 'Accept-Language: en' > /dev/null
expect_match "asking for another touchpoint gives nothing" "$(cat "$T/last.body")" 'Comments found: 0,'
code "$T/f" GET '/verbatims?where=touchpoint%21%3DWeb&format=csv' > /dev/null
expect_eq "not even through the CSV" "$(wc -l < "$T/last.body" | tr -d ' ')" "1"

# Languages: the browser's, or the user's own setting.
code "$T/a" GET /verbatims -H 'Accept-Language: es' > /dev/null
expect_match "Spanish page" "$(cat "$T/last.body")" 'Comentarios encontrados: 31'
expect_match "Spanish navigation" "$(cat "$T/last.body")" '<a href="/verbatims" aria-current="page">Comentarios</a>'
code "$T/f" GET / > /dev/null
expect_match "in the front line's navigation too" "$(cat "$T/last.body")" '<nav>.*href="/verbatims"'
