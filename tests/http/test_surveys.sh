# The survey builder: create a survey with every question type through the
# pages (CSRF on every POST), edit settings, reorder, choices, links,
# audit rows, and refusals (no CSRF, viewer role, bad input).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/survey_lib.sh"
W=$T/w.ecx
"$ECX" init "$W" > /dev/null
sqlite3 "$W" "INSERT INTO channel(name) VALUES('Web'); INSERT INTO touchpoint(name) VALUES('Tienda');"
add_user "$W" ana analyst
add_user "$W" vic viewer
start_server "$W"
expect_eq "analyst logs in" "$(login "$T/a" ana password-ana)" "303"
expect_eq "survey list opens" "$(code "$T/a" GET /surveys)" "200"
id=$(build_survey "$T/a")
expect_match "the survey was created" "$id" '^[0-9]+$'
expect_eq "eight questions of every type, in order" \
  "$(sql "$W" "SELECT group_concat(code || ':' || type, ',') FROM (SELECT code, type FROM question WHERE survey_id=$id ORDER BY position)")" \
  "rec:nps,sat:csat,eff:ces,speed:rating,why:choice,extras:multi,comment:text,age:attribute"
expect_eq "rating keeps its 0-10 scale and dimension" \
  "$(sql "$W" "SELECT q.scale_min || '-' || q.scale_max || ' ' || d.name FROM question q JOIN dimension d ON d.id=q.dimension_id WHERE code='speed'")" "0-10 Rapidez"
expect_eq "choices stored with labels" \
  "$(sql "$W" "SELECT group_concat(value || '=' || label_es || '/' || label_en, ',') FROM (SELECT c.* FROM choice c JOIN question q ON q.id=c.question_id WHERE q.code='why' ORDER BY c.position)")" \
  "1=Precio/Price,2=Calidad/Quality"
expect_eq "required flag" "$(sql "$W" "SELECT required FROM question WHERE code='rec'")" "1"
expect_eq "texts in both languages" "$(sql "$W" "SELECT text_es || '|' || text_en FROM question WHERE code='rec'")" "¿Recomendaría?|Would you recommend us?"
tp=$(sql "$W" "SELECT id FROM touchpoint WHERE name='Tienda'"); ch=$(sql "$W" "SELECT id FROM channel WHERE name='Web'")
tok=$(open_survey "$T/a" "$id" "$tp" "$ch")
expect_match "a public token was made" "$tok" '^[0-9a-f]{24}$'
expect_eq "settings saved" "$(sql "$W" "SELECT status || ' ' || kind || ' ' || touchpoint_id || ' ' || channel_id FROM survey WHERE id=$id")" "open transactional $tp $ch"
t=$(csrf "$T/a")
qid=$(sql "$W" "SELECT id FROM question WHERE code='sat'")
expect_eq "move up answers 303" "$(code "$T/a" POST "/surveys/$id" --data "csrf=$t&action=up&qid=$qid")" "303"
expect_eq "sat is now first" "$(sql "$W" "SELECT code FROM question WHERE survey_id=$id ORDER BY position LIMIT 2")" "sat
rec"
code "$T/a" POST "/surveys/$id" --data "csrf=$t&action=down&qid=$qid" > /dev/null
expect_eq "and back down" "$(sql "$W" "SELECT code FROM question WHERE survey_id=$id ORDER BY position LIMIT 1")" "rec"
expect_eq "edit page lists questions in order" "$(code "$T/a" GET "/surveys/$id")" "200"
expect_match "with legends for each question" "$(grep -c '<legend>' "$T/last.body")" '^[0-9]+$'
expect_eq "saving a question" "$(code "$T/a" POST "/surveys/$id" --data-urlencode "csrf=$t" --data action=save_q --data "qid=$qid" --data-urlencode 'text_es=¿Satisfecho?' --data-urlencode 'text_en=Satisfied <b>?' --data required=1)" "303"
expect_eq "question texts changed" "$(sql "$W" "SELECT text_en || ' ' || required FROM question WHERE id=$qid")" "Satisfied <b>? 1"
code "$T/a" GET "/surveys/$id" > /dev/null
expect_match "builder escapes texts" "$(cat "$T/last.body")" 'Satisfied &lt;b&gt;\?'
expect_eq "a bad scale value is refused" "$(code "$T/a" POST "/surveys/$id" --data "csrf=$t&action=add&code=x1&type=rating&scale=1-5")" "400"
expect_match "with a message" "$(cat "$T/last.body")" 'needs a dimension|necesita una dimensión'
expect_eq "a repeated code is refused" "$(code "$T/a" POST "/surveys/$id" --data "csrf=$t&action=add&code=rec&type=text")" "400"
expect_eq "a repeated choice value is refused" "$(code "$T/a" POST "/surveys/$id" --data-urlencode "csrf=$t" --data "action=add&code=x2&type=choice" --data-urlencode 'choices=a
a')" "400"
expect_eq "nothing half-made" "$(sql "$W" "SELECT count(*) FROM question WHERE code='x2'")" "0"
expect_eq "a POST without the CSRF token is refused" "$(code "$T/a" POST "/surveys/$id" --data "action=token")" "403"
expect_eq "token unchanged" "$(sql "$W" "SELECT public_token FROM survey WHERE id=$id")" "$tok"
expect_eq "a new survey with a taken code is refused" "$(code "$T/a" POST /surveys --data "csrf=$t&code=cs1&kind=relational")" "400"
expect_eq "a bad code is refused" "$(code "$T/a" POST /surveys --data "csrf=$t&code=a%20b")" "400"
expect_eq "one-time links" "$(code "$T/a" POST "/surveys/$id" --data "csrf=$t&action=links&n=3")" "200"
expect_eq "three links shown" "$(grep -c "^/s/$tok?t=[0-9a-f]*$" "$T/last.body")" "3"
expect_eq "three digests stored" "$(sql "$W" "SELECT count(*) FROM response_token WHERE survey_id=$id AND used IS NULL")" "3"
expect_eq "a question without answers can be deleted" "$(code "$T/a" POST "/surveys/$id" --data "csrf=$t&action=delete&qid=$qid")" "303"
expect_eq "it is gone" "$(sql "$W" "SELECT count(*) FROM question WHERE id=$qid")" "0"
expect_eq "every change was audited" \
  "$(sql "$W" "SELECT action, count(*) FROM audit WHERE action LIKE 'survey%' OR action LIKE 'question%' GROUP BY action ORDER BY action" | tr '\n' ' ')" \
  "question_add|8 question_delete|1 question_move|2 question_update|1 survey_create|1 survey_links|1 survey_token|1 survey_update|1 "
expect_eq "an unknown survey is 404" "$(code "$T/a" GET /surveys/999)" "404"
expect_eq "viewer logs in" "$(login "$T/v" vic password-vic)" "303"
expect_eq "viewer may not open the builder" "$(code "$T/v" GET /surveys)" "403"
expect_eq "nor post to it" "$(code "$T/v" POST "/surveys/$id" --data "csrf=$(csrf "$T/v")&action=token")" "403"
