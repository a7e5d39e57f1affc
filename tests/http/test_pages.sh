# Every page: in the language of Accept-Language, or of the user's own
# setting when there is one; readable without JavaScript (no script at
# all); the stylesheet's print rules; small groups shown as suppressed on
# the heatmap.
. "$(dirname "$0")/lib.sh"
W=$T/w.ecx
"$ECX" init "$W" > /dev/null
sqlite3 -batch "$W" < "$ROOT/tests/cli/fixture_report.sql"
# A rated dimension: every response at compra (100) and tienda (3) rates it.
sqlite3 "$W" "INSERT INTO dimension(name) VALUES('rapidez');
  INSERT INTO question(survey_id, code, position, type, scale_min, scale_max, dimension_id) VALUES(1, 'rap', 3, 'rating', 1, 5, 1);
  INSERT INTO answer(question_id, response_id, num) SELECT 3, id, 4 FROM response WHERE touchpoint_id IN (1, 3);
  UPDATE survey SET status='open', public_token='0123456789abcdef01234567' WHERE id=1;"
add_user "$W" ada admin
start_server "$W"
login "$T/a" ada password-ada > /dev/null

# The pages a person reads: every GET route but the API, the stylesheet,
# the login form and the routes that need an object's id.
"$ECX" serve --routes | awk '$1=="GET" && $2 !~ /^\/(api|static)\// && $2 != "/login" && $2 !~ /\*$/ {print $2}' > "$T/pages"
echo "/surveys/1" >> "$T/pages"
expect_match "the list of pages" "$(tr '\n' ' ' < "$T/pages")" '^/ /breakdown /heatmap .*/verbatims .*/admin/tokens .*/surveys/1 $'
while read -r p; do
  es=$(curl -s -b "$T/a" -H 'Accept-Language: es-PE,es;q=0.9' -w '%{http_code}' "$URL$p" | tr -d '\n')
  en=$(curl -s -b "$T/a" -H 'Accept-Language: en-US,en;q=0.8' -w '%{http_code}' "$URL$p" | tr -d '\n')
  expect_match "$p in Spanish for a Spanish browser" "$es" '<html lang="es">.*<a href="/"[^>]*>Resumen</a>.*200$'
  expect_match "$p in English for an English browser" "$en" '<html lang="en">.*<a href="/"[^>]*>Overview</a>.*200$'
  case "$es$en" in *"<script"*) fail "$p has no script" ;; *) ok "$p has no script: readable with JavaScript off" ;; esac
done < "$T/pages"
expect_eq "ada chooses English" "$(code "$T/a" POST /account --data "csrf=$(csrf "$T/a")&lang=en")" "303"
while read -r p; do
  expect_match "$p in ada's English for a Spanish browser" "$(curl -s -b "$T/a" -H 'Accept-Language: es' "$URL$p" | tr -d '\n')" '<html lang="en">.*<a href="/"[^>]*>Overview</a>'
done < "$T/pages"
expect_eq "and back to the browser's choice" "$(code "$T/a" POST /account --data "csrf=$(csrf "$T/a")&lang=")" "303"
expect_match "Spanish again" "$(curl -s -b "$T/a" -H 'Accept-Language: es' "$URL/verbatims")" '<html lang="es">'

# The public form, thank-you page and error pages follow the browser.
for p in /s/0123456789abcdef01234567 /s/0123456789abcdef01234567/thanks /no-such-page; do
  expect_match "$p in Spanish" "$(curl -s -H 'Accept-Language: es' "$URL$p")" '<html lang="es">'
  expect_match "$p in English" "$(curl -s -H 'Accept-Language: en' "$URL$p")" '<html lang="en">'
done
expect_match "the public form in Spanish" "$(curl -s -H 'Accept-Language: es' "$URL/s/0123456789abcdef01234567")" '<button type="submit">Enviar</button>'
expect_match "and in English" "$(curl -s -H 'Accept-Language: en' "$URL/s/0123456789abcdef01234567")" '<button type="submit">Send</button>'

# Print: navigation, forms and links to downloads are not printed.
css=$(curl -s "$URL/static/ecx.css" | tr -d '\n')
expect_match "a print stylesheet hides navigation and forms" "$css" '@media print\{.*header\.top nav,\.logout,footer,form\{display:none\}'
expect_match "and the CSV links and pager" "$css" '\.ecx-export,nav\.ecx-pager\{display:none\}'

# Small groups: tienda has 3 ratings, under min_n 5.
page=$(curl -s -b "$T/a" -H 'Accept-Language: en' "$URL/heatmap")
expect_match "the heatmap table marks tienda's cell as suppressed" "$page" '<tr><td>tienda</td><td class="ecx-suppressed" title="suppressed">n &lt; 5</td></tr>'
expect_match "so does the chart" "$page" '<title>tienda × rapidez: n &lt; 5</title>'
expect_match "soporte was not asked: a dash" "$page" '<tr><td>soporte</td><td class="ecx-na">—</td></tr>'
# compra's mean would give tienda's away (the dimension's total minus
# compra is tienda): it is hidden, and marked as such, not as small.
expect_match "compra is hidden to protect tienda" "$page" '<tr><td>compra</td><td class="ecx-suppressed" title="suppressed">hidden</td></tr>'
