# The definitions page (/definitions): admins and analysts list, add, edit
# and rename segments, touchpoints (position, channel, responsible areas),
# dimensions, areas and competitors, through the same checks as the API;
# every change is audited, bad input is refused naming the field and
# changes nothing, a POST without the CSRF token changes nothing, names are
# escaped wherever they are shown, and the page speaks Spanish and English.
. "$(dirname "$0")/lib.sh"
W=$T/w.ecx
"$ECX" init "$W" > /dev/null
# One answered survey, so that the dashboards have something to show.
sqlite3 "$W" "INSERT INTO survey(id, code, created) VALUES(1, 's', 0);
  INSERT INTO question(id, survey_id, code, position, type, scale_min, scale_max) VALUES(1, 1, 'rec', 1, 'nps', 0, 10);"
add_user "$W" ana analyst
add_user "$W" adm admin
add_user "$W" vic viewer
start_server "$W"
for u in ana adm vic; do login "$T/$u" "$u" "password-$u" > /dev/null; done
CS=$(csrf "$T/ana")
# post FIELDS...: POST the form as ana (English answers), with the CSRF token.
post() { code "$T/ana" POST /definitions -H "Accept-Language: ${POST_LANG:-en}" --data-urlencode "csrf=$CS" "$@"; }
body() { cat "$T/last.body"; }
notice() { sed -n 's/.*<p class="notice \([a-z]*\)" role="status">\([^<]*\)<\/p>.*/\1: \2/p' "$T/last.body"; }
audits() { sql "$W" "SELECT count(*) FROM audit WHERE action LIKE '%_put'"; }
ANA=$(sql "$W" "SELECT id FROM user WHERE login='ana'")

# ---- who may use it, and the navigation
expect_eq "an analyst reads it" "$(code "$T/ana" GET /definitions)" "200"
expect_match "  with a link in the navigation" "$(body)" '<a href="/definitions" aria-current="page">'
expect_eq "an admin too" "$(code "$T/adm" GET /definitions)" "200"
expect_eq "a viewer may not" "$(code "$T/vic" GET /definitions)" "403"
code "$T/vic" GET / > /dev/null
expect_eq "  and has no link to it" "$(grep -c 'href="/definitions"' "$T/last.body")" "0"
expect_eq "nor may a viewer post" "$(code "$T/vic" POST /definitions --data-urlencode "csrf=$(csrf "$T/vic")" --data "kind=areas&name=X")" "403"

# ---- create one of each kind
expect_eq "add an area: 303" "$(post --data 'kind=areas&name=Operaciones' --data-urlencode 'description=Red y campo')" "303"
expect_match "  back to the list, saying it was saved" "$(cat "$T/last.head")" 'Location: /definitions\?done=saved&kind=areas&item=Operaciones#areas'
code "$T/ana" GET '/definitions?done=saved&kind=areas&item=Operaciones' -H 'Accept-Language: en' > /dev/null
expect_eq "  which the list says" "$(notice)" "ok: Saved: Operaciones"
expect_eq "  stored" "$(sql "$W" "SELECT name || '|' || description FROM area")" "Operaciones|Red y campo"
expect_eq "  and audited as the API audits it" "$(sql "$W" "SELECT action || ' ' || target || ' ' || detail || ' ' || user_id FROM audit WHERE action LIKE '%_put'")" \
  "area_put Operaciones created $ANA"
post --data 'kind=areas&name=Ventas' > /dev/null
expect_eq "add a touchpoint with its channel and areas" \
  "$(post --data 'kind=touchpoints&name=Tienda&description=Locales&position=4&channel=Presencial&area=Operaciones&area=Ventas')" "303"
expect_eq "  stored" "$(sql "$W" "SELECT t.name || '|' || t.description || '|' || t.position || '|' || c.name FROM touchpoint t JOIN channel c ON c.id=t.channel_id")" \
  "Tienda|Locales|4|Presencial"
expect_eq "  with its responsible areas" "$(sql "$W" "SELECT group_concat(a.name) FROM (SELECT a.name FROM touchpoint_area ta JOIN area a ON a.id=ta.area_id ORDER BY a.name) a")" \
  "Operaciones,Ventas"
expect_eq "  which the API gives back" "$(curl -s -b "$T/ana" "$URL/api/v1/touchpoints/Tienda")" \
  '{"id":1,"name":"Tienda","description":"Locales","position":4,"channel":"Presencial","areas":["Operaciones","Ventas"]}'
expect_eq "a second touchpoint at the default position (after the last)" \
  "$(post --data 'kind=touchpoints&name=Web&position=&channel=' && sql "$W" "SELECT position || '|' || (channel_id IS NULL) FROM touchpoint WHERE name='Web'")" "3035|1"
expect_eq "add a dimension" "$(post --data 'kind=dimensions&name=Rapidez&description=Tiempo de espera')" "303"
expect_eq "add a competitor" "$(post --data 'kind=competitors&name=Movitel')" "303"
expect_eq "add a segment" "$(post --data 'kind=segments&name=Web&description=Por la web' --data-urlencode 'filter=touchpoint=Web')" "303"
expect_eq "  stored" "$(sql "$W" "SELECT name || '|' || filter FROM segment")" "Web|touchpoint=Web"
expect_eq "every kind audited once" "$(sql "$W" "SELECT group_concat(action, ' ') FROM (SELECT action FROM audit WHERE action LIKE '%_put' ORDER BY id)")" \
  "area_put area_put touchpoint_put touchpoint_put dimension_put competitor_put segment_put"
code "$T/ana" GET /definitions -H 'Accept-Language: en' > /dev/null
expect_match "the list shows the touchpoint's row" "$(body)" '<tr><td>Tienda</td><td>Locales</td><td>4</td><td>Presencial</td><td>Operaciones, Ventas</td><td><a href="/definitions\?kind=touchpoints&amp;name=Tienda#edit">Edit</a></td></tr>'
expect_match "  and the segment's filter" "$(body)" '<td><code>touchpoint=Web</code></td>'

# ---- edit and rename
code "$T/ana" GET '/definitions?kind=touchpoints&name=Tienda' -H 'Accept-Language: en' > /dev/null
expect_match "the edit form has the stored values" "$(tr -d '\n' < "$T/last.body")" \
  'name="item" value="Tienda">.*name="name" required maxlength="200" value="Tienda">.*>Locales</textarea>.*name="position" inputmode="numeric" value="4">.*name="channel" maxlength="200" value="Presencial">'
expect_match "  and its areas ticked" "$(body)" '<label><input type="checkbox" name="area" value="Operaciones" checked> Operaciones</label>'
expect_eq "an unknown item's form: 404" "$(code "$T/ana" GET '/definitions?kind=touchpoints&name=Nada')" "404"
n=$(audits)
expect_eq "change the channel and areas" "$(post --data 'kind=touchpoints&item=Tienda&name=Tienda&description=Locales&position=1&channel=Tienda&area=Ventas')" "303"
expect_eq "  stored" "$(sql "$W" "SELECT t.position || '|' || c.name || '|' || (SELECT group_concat(a.name) FROM touchpoint_area ta JOIN area a ON a.id=ta.area_id WHERE ta.touchpoint_id=t.id) FROM touchpoint t JOIN channel c ON c.id=t.channel_id WHERE t.name='Tienda'")" \
  "1|Tienda|Ventas"
expect_eq "  audited as updated" "$(sql "$W" "SELECT detail FROM audit WHERE action='touchpoint_put' ORDER BY id DESC LIMIT 1")$(audits)" "updated$((n + 1))"
expect_eq "no area ticked clears them" "$(post --data 'kind=touchpoints&item=Tienda&name=Tienda&description=Locales&position=1&channel=Tienda' && sql "$W" "SELECT count(*) FROM touchpoint_area WHERE touchpoint_id=1")" "3030"
post --data 'kind=touchpoints&item=Tienda&name=Tienda&description=Locales&position=1&channel=Tienda&area=Ventas' > /dev/null
n=$(audits)
expect_eq "saving without a change" "$(post --data 'kind=touchpoints&item=Tienda&name=Tienda&description=Locales&position=1&channel=Tienda&area=Ventas')" "303"
expect_match "  says so" "$(cat "$T/last.head")" 'done=unchanged'
expect_eq "  and audits nothing" "$(audits)" "$n"
sqlite3 "$W" "INSERT INTO response(id, survey_id, touchpoint_id, ts, source_id) SELECT k, 1, 1, 1767225600 + k*86400, 'r' || k FROM (SELECT 1 AS k UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION SELECT 6);
  INSERT INTO answer(question_id, response_id, num) SELECT 1, id, id + 3 FROM response;"
expect_eq "rename the touchpoint" "$(post --data 'kind=touchpoints&item=Tienda&description=Locales&position=1&channel=Tienda&area=Ventas' --data-urlencode 'name=Tienda física')" "303"
expect_eq "  the same row, its responses kept" "$(sql "$W" "SELECT t.id || '|' || t.name || '|' || count(r.id) FROM touchpoint t JOIN response r ON r.touchpoint_id=t.id GROUP BY t.id")" "1|Tienda física|6"
expect_eq "  audited under the new name" "$(sql "$W" "SELECT target || ' ' || detail FROM audit WHERE action='touchpoint_put' ORDER BY id DESC LIMIT 1")" "Tienda física updated"
n=$(audits)
expect_eq "the renaming form sent again changes nothing" "$(post --data 'kind=touchpoints&item=Tienda&description=Locales&position=1&channel=Tienda&area=Ventas' --data-urlencode 'name=Tienda física')$(audits)" "303$n"
expect_eq "  and makes no second touchpoint" "$(sql "$W" "SELECT count(*) FROM touchpoint")" "2"
code "$T/ana" GET '/breakdown?by=touchpoint' -H 'Accept-Language: en' > /dev/null
expect_match "the dashboards show the new name" "$(body)" '<td>Tienda física</td>'
expect_eq "rename an area" "$(post --data 'kind=areas&item=Ventas&name=Comercial&description=')" "303"
expect_eq "  its touchpoints keep it" "$(curl -s -b "$T/ana" "$URL/api/v1/touchpoints/Tienda%20f%C3%ADsica" | python3 -c 'import json,sys; print(json.load(sys.stdin)["areas"])')" "['Comercial']"

# ---- bad input: refused naming the field, nothing changed
before=$(snapshot "$W")
refused() {  # refused DESC STATUS NOTICE FIELDS...: status, the message, unchanged
  desc=$1; want=$2; msg=$3; shift 3
  expect_eq "$desc: $want" "$(post "$@")" "$want"
  expect_eq "  with the message naming the field" "$(notice)" "bad: $msg"
  expect_eq "  and nothing changed" "$(snapshot "$W")" "$before"
}
refused "an empty name" 400 "Name: a name has 1 to 200 characters, without blanks at the ends" --data 'kind=dimensions&name='
refused "blanks at the ends of a name" 400 "Name: a name has 1 to 200 characters, without blanks at the ends" --data-urlencode 'name= Rapidez' --data 'kind=dimensions'
refused "a position that is not a number" 400 "Position on the journey: must be a whole number from 0 to 1000000" --data 'kind=touchpoints&item=Web&name=Web&position=primero'
refused "a position out of range" 400 "Position on the journey: must be a whole number from 0 to 1000000" --data 'kind=touchpoints&item=Web&name=Web&position=2000000'
refused "an unknown area" 400 'Responsible areas: no area named &quot;Nadie&quot;' --data 'kind=touchpoints&item=Web&name=Web&area=Comercial&area=Nadie'
refused "a new touchpoint with an unknown area" 400 'Responsible areas: no area named &quot;Nadie&quot;' --data 'kind=touchpoints&name=Kiosco&area=Nadie'
refused "a channel with blanks at the ends" 400 "Channel: a name has 1 to 200 characters, without blanks at the ends" --data 'kind=touchpoints&item=Web&name=Web' --data-urlencode 'channel=App '
refused "a filter with an unknown key" 400 'Filter: unknown filter key &quot;edad&quot; (keys: survey, touchpoint, channel, language, competitor, segment)' \
  --data 'kind=segments&item=Web&name=Web' --data-urlencode 'filter=edad=18-24'
refused "a filter that does not parse" 400 'Filter: filter &quot;touchpoint=&quot;Web&quot;, at character 16: unterminated quote' \
  --data 'kind=segments&name=Otro' --data-urlencode 'filter=touchpoint="Web'
refused "a new item with a name in use" 409 'Name: there is already a dimension named &quot;Rapidez&quot;' --data 'kind=dimensions&name=Rapidez'
refused "a rename onto another's name, up to case and accents" 409 'Name: there is already a touchpoint named &quot;Tienda física&quot;' \
  --data 'kind=touchpoints&item=Web&name=TIENDA%20FISICA'
refused "an item that does not exist" 404 'no area named &quot;Nada&quot;' --data 'kind=areas&item=Nada&name=Otra'
refused "an unknown kind" 400 'no such kind of definition' --data 'kind=widgets&name=X'
refused "a description over 4000 characters" 400 "Description: at most 4000 characters" --data "kind=areas&item=Comercial&name=Comercial&description=$(head -c 4001 /dev/zero | tr '\0' x)"
post --data 'kind=touchpoints&item=Web&name=Web&position=primero&channel=App&area=Comercial' > /dev/null
expect_match "a refused form comes back as typed" "$(tr -d '\n' < "$T/last.body")" \
  'name="position" inputmode="numeric" value="primero" aria-invalid="true">.*name="channel" maxlength="200" value="App">.*value="Comercial" checked>'
expect_eq "without the CSRF token: 403" "$(code "$T/ana" POST /definitions --data 'kind=areas&name=Sin')" "403"
expect_eq "with a wrong one: 403" "$(code "$T/ana" POST /definitions --data "csrf=00$CS&kind=areas&name=Sin")" "403"
expect_eq "  nothing changed" "$(snapshot "$W")" "$before"

# ---- names are escaped wherever they are shown
X='<img src=x onerror=alert(1)>'
expect_eq "an area with markup in its name" "$(post --data 'kind=areas' --data-urlencode "name=$X" --data-urlencode "description=$X")" "303"
expect_eq "a touchpoint with markup, of that area" "$(post --data 'kind=touchpoints&position=9' --data-urlencode "name=\"$X" --data-urlencode "area=$X" --data-urlencode "channel=$X")" "303"
sqlite3 "$W" "UPDATE response SET touchpoint_id=(SELECT id FROM touchpoint WHERE name LIKE '\"<img%')"
add_user "$W" lead area_lead --area "$X"
login "$T/lead" lead password-lead > /dev/null
E='&lt;img src=x onerror=alert\(1\)&gt;'   # as a regex
for page in '/definitions' "/definitions?kind=touchpoints&name=%22$(python3 -c 'import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))' "$X")" \
            "/definitions?done=saved&kind=areas&item=$(python3 -c 'import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))' "$X")" \
            '/admin/audit' '/breakdown?by=touchpoint'; do
  jar=$T/ana; [ "$page" = /admin/audit ] && jar=$T/adm
  code "$jar" GET "$page" > /dev/null
  expect_eq "GET $page: the markup never comes back raw" "$(grep -c '<img' "$T/last.body")" "0"
  expect_match "  but escaped" "$(body)" "$E"
done
code "$T/ana" GET /definitions > /dev/null
expect_match "in the list, the touchpoint's areas and channel" "$(body)" "<td>&quot;$E</td><td></td><td>9</td><td>$E</td><td>$E</td>"
code "$T/ana" GET "/definitions?kind=touchpoints&name=%22$(python3 -c 'import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))' "$X")" > /dev/null
expect_match "in the form's values and checkboxes" "$(body)" "<input type=\"checkbox\" name=\"area\" value=\"$E\" checked> $E</label>"
code "$T/lead" GET '/breakdown?by=touchpoint' -H 'Accept-Language: en' > /dev/null
expect_eq "the area lead's scope line: escaped" "$(grep -c '<img' "$T/last.body")" "0"
expect_match "  and shown" "$(body)" "<p class=\"ecx-scope\">Area: $E — touchpoints: &quot;$E</p>"

# ---- Spanish and English
code "$T/ana" GET '/definitions?kind=touchpoints&name=Web' -H 'Accept-Language: es' > /dev/null
expect_match "in Spanish" "$(body)" '<h1>Definiciones</h1>'
expect_match "  with its fields" "$(body)" '<legend>Áreas responsables</legend>'
expect_match "  and its error messages" "$(POST_LANG=es post --data 'kind=touchpoints&item=Web&name=Web&area=Nadie' > /dev/null; body)" \
  'Áreas responsables: no hay ningún área llamada &quot;Nadie&quot;'
code "$T/ana" GET '/definitions?kind=touchpoints&name=Web' -H 'Accept-Language: en' > /dev/null
expect_match "in English" "$(body)" '<h1>Definitions</h1>'
expect_match "  with its fields" "$(body)" '<legend>Responsible areas</legend>'
