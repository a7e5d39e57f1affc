# The public survey page: language by Accept-Language, validation with
# messages, one stored response per submission id, the form token against
# cross-site posts, one-time links, escaping, the per-address limit.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/survey_lib.sh"
W=$T/w.ecx
"$ECX" init "$W" > /dev/null
add_user "$W" ana analyst
start_server "$W"
login "$T/a" ana password-ana > /dev/null
id=$(build_survey "$T/a")
tok=$(open_survey "$T/a" "$id")
t=$(csrf "$T/a")

# form JAR [QUERY]: GET the form (English); sets FT (form token) and SID.
form() {
  st=$(code "$1" GET "/s/$tok${2:-}" -H 'Accept-Language: en-GB,en;q=0.9')
  FT=$(sed -n 's/.*name="form_token" value="\([0-9a-f]*\)".*/\1/p' "$T/last.body")
  SID=$(sed -n 's/.*name="sid" value="\([0-9a-f]*\)".*/\1/p' "$T/last.body")
  true
}
# send JAR [QUERY] FIELDS...: POST the form with FT and SID.
send() {
  jar=$1; qs=$2; shift 2
  code "$jar" POST "/s/$tok$qs" -H 'Accept-Language: en' --data "form_token=$FT&sid=$SID" "$@"
}
nresp() { sql "$W" "SELECT count(*) FROM response WHERE survey_id=$id"; }

form "$T/p" > /dev/null
expect_eq "the public form opens without login" "$st" "200"
expect_match "in English for an English browser" "$(cat "$T/last.body")" 'Would you recommend us\?'
expect_match "scales are fieldsets with legends" "$(cat "$T/last.body")" '<fieldset>'
expect_match "radio buttons carry labels" "$(cat "$T/last.body")" '<label><input type="radio" name="q_rec" value="10"> 10</label>'
code "$T/p2" GET "/s/$tok" -H 'Accept-Language: es-CL,es;q=0.9' > /dev/null
expect_match "in Spanish for a Spanish browser" "$(cat "$T/last.body")" '¿Recomendaría\?'
expect_match "html lang follows" "$(cat "$T/last.body")" '<html lang="es">'

expect_eq "a required answer missing is 400" "$(send "$T/p" "" --data "q_sat=4")" "400"
expect_match "with a message" "$(cat "$T/last.body")" 'this question needs an answer'
expect_match "tied to the field" "$(cat "$T/last.body")" 'aria-invalid="true" aria-describedby="e0"'
expect_match "keeping the other answers" "$(cat "$T/last.body")" 'name="q_sat" value="4" checked'
expect_eq "off the scale is 400" "$(send "$T/p" "" --data "q_rec=11")" "400"
expect_match "naming the scale" "$(cat "$T/last.body")" 'outside the scale 0-10'
expect_eq "an unknown choice is 400" "$(send "$T/p" "" --data "q_rec=9&q_why=7")" "400"
expect_eq "a second value for a single choice is 400" "$(send "$T/p" "" --data "q_rec=9&q_why=1&q_why=2")" "400"
expect_eq "an XSS text comes back escaped" "$(send "$T/p" "" --data "q_rec=99" --data-urlencode 'q_comment=<script>alert(1)</script>')" "400"
expect_match "as text" "$(cat "$T/last.body")" '&lt;script&gt;alert\(1\)&lt;/script&gt;'
expect_eq "and never as markup" "$(grep -c '<script>' "$T/last.body")" "0"
expect_eq "nothing stored so far" "$(nresp)" "0"

expect_eq "a valid submission redirects" "$(send "$T/p" "" --data "q_rec=9&q_sat=4&q_eff=6&q_speed=8&q_why=2&q_extras=cafe&q_extras=wifi&q_age=35-44" --data-urlencode 'q_comment=<script>alert(1)</script>')" "303"
expect_match "to the thanks page" "$(grep -i '^Location:' "$T/last.head")" "/s/$tok/thanks"
expect_eq "one response stored before the redirect" "$(nresp)" "1"
expect_eq "answers stored as typed" \
  "$(sql "$W" "SELECT group_concat(q.code || '=' || coalesce(a.num,'') || '/' || coalesce(a.txt,''), ' ') FROM (SELECT * FROM answer ORDER BY question_id) a JOIN question q ON q.id=a.question_id")" \
  "rec=9/ sat=4/ eff=6/ speed=8/ why=2/2 extras=/wifi;cafe comment=/<script>alert(1)</script> age=$(sql "$W" "SELECT id FROM attribute_value WHERE value='35-44'")/35-44"
expect_eq "attribute answer on the respondent" "$(sql "$W" "SELECT v.value FROM respondent_attribute ra JOIN attribute_value v ON v.id=ra.value_id")" "35-44"
expect_eq "language recorded" "$(sql "$W" "SELECT language FROM response")" "en"
expect_eq "the same form sent again" "$(send "$T/p" "" --data "q_rec=9")" "303"
expect_eq "still one response" "$(nresp)" "1"
expect_eq "thanks page" "$(code "$T/p" GET "/s/$tok/thanks" -H 'Accept-Language: en')" "200"
expect_match "says thank you" "$(cat "$T/last.body")" 'Thank you'
expect_match "the response is in the export" "$("$ECX" export "$W" --format csv)" '9'
expect_eq "export has one response row" "$("$ECX" export "$W" --format jsonl | wc -l | tr -d ' ')" "1"

form "$T/p" > /dev/null
expect_eq "without the form token: 403" "$(code "$T/p" POST "/s/$tok" -H "Accept-Language: en" --data "sid=$SID&q_rec=5")" "403"
expect_match "saying why" "$(cat "$T/last.body")" "did not come from this site"
expect_eq "with a forged token (cross-site, no cookie): 403" "$(code "$T/x" POST "/s/$tok" --data "form_token=$FT&sid=$SID&q_rec=5")" "403"
expect_eq "a damaged submission id: 400" "$(code "$T/p" POST "/s/$tok" --data "form_token=$FT&sid=zz&q_rec=5")" "400"
expect_eq "still one" "$(nresp)" "1"

code "$T/a" POST "/surveys/$id" --data "csrf=$t&action=links&n=2" > /dev/null
link=$(grep "^/s/$tok?t=" "$T/last.body" | head -1 | sed "s|^/s/$tok||")
form "$T/o" "$link" > /dev/null
expect_eq "a one-time link opens the form" "$st" "200"
expect_eq "and takes one response" "$(send "$T/o" "$link" --data "q_rec=3")" "303"
expect_eq "two responses" "$(nresp)" "2"
expect_eq "the link is marked used" "$(sql "$W" "SELECT count(*) FROM response_token WHERE used IS NOT NULL AND response_id IS NOT NULL")" "1"
expect_eq "opening it again is refused" "$(code "$T/o2" GET "/s/$tok$link")" "410"
SID=$(printf '%032d' 1)
expect_eq "answering with it again (new submission) is refused" "$(send "$T/o" "$link" --data "q_rec=4")" "410"
expect_eq "still two" "$(nresp)" "2"
expect_eq "an unknown one-time token is refused" "$(code "$T/o2" GET "/s/$tok?t=abc")" "403"
expect_eq "an unknown survey is 404" "$(code "$T/o2" GET "/s/0123456789abcdef01234567")" "404"

# The per-address limit: 5 stored responses in 5 minutes (2 so far).
for i in 1 2 3; do form "$T/r$i" > /dev/null; send "$T/r$i" "" --data "q_rec=7" > /dev/null; done
expect_eq "five stored" "$(nresp)" "5"
form "$T/r4" > /dev/null
expect_eq "the sixth from one address is 429" "$(send "$T/r4" "" --data "q_rec=7")" "429"
expect_eq "not stored" "$(nresp)" "5"
code "$T/a" POST "/surveys/$id" --data "csrf=$t&action=meta&title=T&kind=transactional&status=closed" > /dev/null
expect_eq "a closed survey takes no answers" "$(code "$T/o2" GET "/s/$tok")" "410"
