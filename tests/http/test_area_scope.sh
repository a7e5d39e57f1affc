# An area lead sees only the touchpoints its area answers for
# (touchpoint_area, set through the API's "areas"): on the overview, the
# breakdown, the heatmap, the verbatims, the key drivers (page and API)
# and every CSV, with n checked
# against counts computed here with sqlite3; where= and segment= narrow
# that scope but never widen it; the differencing guard works inside the
# scope and never counts outside it; an area without touchpoints gets a
# 403 saying what an admin must do. The API round-trips a touchpoint's
# areas (idempotent, audited, unknown names refused naming the field).
. "$(dirname "$0")/lib.sh"
W=$T/w.ecx
"$ECX" init "$W" > /dev/null
# Four touchpoints, 117 responses spread over them and 3 without one; NPS
# missing for every 10th, the rating for every 7th; a comment on every 3rd;
# two responses at Instalación came through the channel Visita.
sqlite3 "$W" "
  INSERT INTO touchpoint(id, name, position) VALUES(1, 'Tienda', 1), (2, 'Web', 2), (3, 'Instalación', 3), (4, 'Call center', 4);
  INSERT INTO channel(id, name) VALUES(1, 'Presencial'), (2, 'Online'), (3, 'Visita');
  INSERT INTO dimension(id, name) VALUES(1, 'Rapidez');
  INSERT INTO survey(id, code, created) VALUES(1, 'tx', 0);
  INSERT INTO question(id, survey_id, code, position, type, scale_min, scale_max, dimension_id) VALUES
    (1, 1, 'rec', 1, 'nps', 0, 10, NULL), (2, 1, 'sat', 2, 'csat', 1, 5, NULL),
    (3, 1, 'q1', 3, 'rating', 1, 5, 1), (4, 1, 'com', 4, 'text', NULL, NULL, NULL);
  WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 120)
    INSERT INTO response(id, survey_id, touchpoint_id, channel_id, ts, source_id)
    SELECT i, 1, CASE WHEN i > 117 THEN NULL ELSE 1 + i % 4 END,
           CASE WHEN i IN (2, 6) THEN 3 ELSE 1 + i % 2 END, 1767225600 + i*172800, 'r' || i FROM k;
  INSERT INTO answer(question_id, response_id, num) SELECT 1, id, (id*7) % 11 FROM response WHERE id % 10 <> 0;
  INSERT INTO answer(question_id, response_id, num) SELECT 2, id, 1 + id % 5 FROM response;
  INSERT INTO answer(question_id, response_id, num) SELECT 3, id, 1 + (id*3) % 5 FROM response WHERE id % 7 <> 0;
  INSERT INTO answer(question_id, response_id, txt) SELECT 4, id, 'comentario ' || id FROM response WHERE id % 3 = 0;
  INSERT INTO segment(name, filter) VALUES('Tienda', 'touchpoint=Tienda'), ('Todos', '');"
add_user "$W" ana analyst
add_user "$W" adm admin
ADM_TOKEN=$("$ECX" token add "$W" adm --name defs --scopes read,admin 2>/dev/null)
start_server "$W"
api() { m=$1; path=$2; shift 2; code "$T/n" "$m" "$path" -H 'Accept-Language: en' -H "Authorization: Bearer $ADM_TOKEN" "$@"; }
body() { cat "$T/last.body"; }
nput() { sql "$W" "SELECT count(*) FROM audit WHERE action='touchpoint_put'"; }

# ---- the API: a touchpoint's responsible areas
for a in Operaciones Ventas Todo Vacía; do api PUT "/api/v1/areas/$a" --data '{}' > /dev/null; done
expect_eq "areas of a touchpoint: PUT" "$(api PUT /api/v1/touchpoints/Instalaci%C3%B3n --data '{"areas":["Todo","Operaciones","Ventas"]}' && body)" \
  '200{"id":3,"name":"Instalación","description":"","position":3,"channel":null,"areas":["Operaciones","Todo","Ventas"]}'
expect_eq "stored in touchpoint_area" "$(sql "$W" "SELECT group_concat(a.name, ',') FROM (SELECT a.name FROM touchpoint_area ta JOIN area a ON a.id=ta.area_id WHERE ta.touchpoint_id=3 ORDER BY a.name) a")" \
  "Operaciones,Todo,Ventas"
n=$(nput)
expect_eq "the same areas in another order: 200" "$(api PUT /api/v1/touchpoints/Instalaci%C3%B3n --data '{"areas":["Ventas","Operaciones","Todo","Todo"]}')" "200"
expect_eq "changes nothing and is not audited" "$(nput)" "$n"
expect_eq "GET gives them back" "$(api GET /api/v1/touchpoints/Instalaci%C3%B3n && body)" \
  '200{"id":3,"name":"Instalación","description":"","position":3,"channel":null,"areas":["Operaciones","Todo","Ventas"]}'
before=$(snapshot "$W")
expect_eq "an unknown area: 400" "$(api PUT /api/v1/touchpoints/Instalaci%C3%B3n --data '{"areas":["Operaciones","Nadie"]}')" "400"
expect_eq "naming the field" "$(body)" '{"error":{"code":"invalid","message":"no area named \"Nadie\"","field":"areas"}}'
expect_eq "not a list: 400" "$(api PUT /api/v1/touchpoints/Web --data '{"areas":"Ventas"}')" "400"
expect_match "naming the field" "$(body)" '"field":"areas"'
expect_eq "a list of numbers: 400" "$(api PUT /api/v1/touchpoints/Web --data '{"areas":[1]}')" "400"
expect_eq "a new touchpoint with an unknown area: 400" "$(api PUT /api/v1/touchpoints/Kiosco --data '{"areas":["Nadie"]}')" "400"
expect_eq "an area has no areas: 400" "$(api PUT /api/v1/areas/Ventas --data '{"areas":[]}')" "400"
expect_match "naming the field" "$(body)" '"field":"areas"'
expect_eq "the refused PUTs changed nothing" "$(snapshot "$W")" "$before"
api PUT /api/v1/touchpoints/Call%20center --data '{"areas":["Operaciones","Todo"]}' > /dev/null
api PUT /api/v1/touchpoints/Tienda --data '{"areas":["Ventas","Todo"]}' > /dev/null
expect_eq "an audited change" "$(api PUT /api/v1/touchpoints/Web --data '{"areas":["Todo","Ventas"]}')$(nput)" "200$((n + 3))"
expect_eq "areas: [] clears them" "$(api PUT /api/v1/touchpoints/Web --data '{"areas":[]}' && sql "$W" "SELECT count(*) FROM touchpoint_area WHERE touchpoint_id=2")" "2000"
api PUT /api/v1/touchpoints/Web --data '{"areas":["Todo","Ventas"]}' > /dev/null
expect_eq "the list has every touchpoint's areas" "$(api GET /api/v1/touchpoints && python3 -c "import json; print(' '.join(t['name'] + ':' + ','.join(t['areas']) for t in json.load(open('$T/last.body'))['items']))")" \
  "200Tienda:Todo,Ventas Web:Todo,Ventas Instalación:Operaciones,Todo,Ventas Call center:Operaciones,Todo"

add_user "$W" op area_lead --area Operaciones
add_user "$W" todo area_lead --area Todo
add_user "$W" va area_lead --area Vacía
for u in op todo va ana; do login "$T/$u" "$u" "password-$u" > /dev/null; done

# ---- counts computed here
# scope_sql AREA: the touchpoint ids of AREA, as an SQL list.
scope_sql() { echo "(SELECT ta.touchpoint_id FROM touchpoint_area ta JOIN area a ON a.id=ta.area_id WHERE a.name='$1')"; }
OPS=$(scope_sql Operaciones)
# n_sql QUESTION WHERE: answers to QUESTION among the responses WHERE.
n_sql() { sql "$W" "SELECT count(*) FROM answer a JOIN response r ON r.id=a.response_id WHERE a.question_id=(SELECT id FROM question WHERE code='$1') AND $2"; }
# nps_sql WHERE: NPS of those responses, 4 decimals.
nps_sql() { sql "$W" "SELECT printf('%.4f', 100.0*(sum(num >= 9) - sum(num <= 6))/count(*)) FROM answer a JOIN response r ON r.id=a.response_id WHERE a.question_id=1 AND $1"; }
N_OPS=$(n_sql rec "r.touchpoint_id IN $OPS")
N_ALL=$(n_sql rec "1")
expect_eq "the fixture's scope is a strict part of the data" "$([ "$N_OPS" -gt 20 ] && [ "$N_OPS" -lt "$N_ALL" ] && echo yes)" "yes"
# csv JAR PATH: the CSV of a page.
csv() { code "$1" GET "$2" > /dev/null; cat "$T/last.body"; }
col() { awk -F, -v k="$1" -v c="$2" '$1==k {print $c}'; }

# ---- the breakdown and its CSV
out=$(csv "$T/op" '/breakdown?by=touchpoint&format=csv')
expect_eq "breakdown CSV: only the area's touchpoints" "$(echo "$out" | sed 1d | cut -d, -f1 | tr '\n' ' ')" "* Instalación Call center "
expect_eq "breakdown CSV: total n as counted with sqlite3 ($N_OPS)" "$(echo "$out" | col '*' 3)" "$N_OPS"
expect_eq "breakdown CSV: the total NPS as computed with sqlite3" "$(echo "$out" | col '*' 4)" "$(nps_sql "r.touchpoint_id IN $OPS")"
expect_eq "breakdown CSV: Instalación's n" "$(echo "$out" | col 'Instalación' 3)" "$(n_sql rec 'r.touchpoint_id=3')"
expect_eq "breakdown CSV: Call center's n" "$(echo "$out" | col 'Call center' 3)" "$(n_sql rec 'r.touchpoint_id=4')"
expect_eq "the analyst's total is everyone's ($N_ALL)" "$(csv "$T/ana" '/breakdown?by=touchpoint&format=csv' | col '*' 3)" "$N_ALL"
out=$(csv "$T/op" '/breakdown?by=channel&metric=csat&format=csv')
expect_eq "breakdown by channel, CSAT: n within the scope" "$(echo "$out" | col '*' 3)" "$(n_sql sat "r.touchpoint_id IN $OPS")"
expect_eq "  and per channel" "$(echo "$out" | col 'Online' 3)" "$(n_sql sat "r.touchpoint_id IN $OPS AND r.channel_id=2")"
code "$T/op" GET '/breakdown?by=touchpoint' -H 'Accept-Language: es' > /dev/null
expect_match "the page says the scope under its title" "$(body)" '<p class="ecx-scope">Área: Operaciones — puntos de contacto: Instalación, Call center</p>'
expect_eq "its table has the area's touchpoints only" "$(grep -o '<td>\(Tienda\|Web\|Instalación\|Call center\)</td>' "$T/last.body" | tr '\n' ' ')" \
  "<td>Instalación</td> <td>Call center</td> "
code "$T/op" GET '/breakdown?by=touchpoint' -H 'Accept-Language: en' > /dev/null
expect_match "in English too" "$(body)" '<p class="ecx-scope">Area: Operaciones — touchpoints: Instalación, Call center</p>'

# ---- the overview, its CSV, the heatmap and its CSV
code "$T/op" GET '/' > /dev/null
expect_match "overview: the NPS tile's n ($N_OPS)" "$(tr -d '\n' < "$T/last.body")" "<h3>NPS</h3>.{0,200} · n = $N_OPS</p>"
expect_match "overview: the scope line" "$(body)" 'class="ecx-scope"'
expect_eq "overview CSV: the months add up to the scope's n" "$(csv "$T/op" '/?format=csv' | awk -F, 'NR>1 && $1!="*" {s+=$3} END {print s}')" "$N_OPS"
out=$(csv "$T/op" '/heatmap?format=csv')
expect_eq "heatmap CSV: only the area's touchpoints" "$(echo "$out" | sed 1d | cut -d, -f1 | sort -u | tr '\n' ' ')" "* Call center Instalación "
expect_eq "heatmap CSV: Rapidez at Instalación, n" "$(echo "$out" | awk -F, '$1=="Instalación" {print $3}')" "$(n_sql q1 'r.touchpoint_id=3')"
expect_eq "heatmap CSV: Rapidez over the scope, n" "$(echo "$out" | awk -F, '$1=="*" {print $3}')" "$(n_sql q1 "r.touchpoint_id IN $OPS")"
code "$T/op" GET '/heatmap' > /dev/null
expect_eq "heatmap page: the area's touchpoints only" "$(sed -n '/<table/,/<\/table>/p' "$T/last.body" | grep -o '<tr><td>[^<]*</td>' | tr '\n' ' ')" \
  "<tr><td>Instalación</td> <tr><td>Call center</td> "

# ---- the verbatims page and its CSV
code "$T/op" GET '/verbatims' -H 'Accept-Language: en' > /dev/null
NC=$(n_sql com "r.touchpoint_id IN $OPS"); NR=$(sql "$W" "SELECT count(*) FROM response WHERE touchpoint_id IN $OPS")
expect_match "verbatims: the scope's comments and responses ($NC, $NR)" "$(body)" "Comments found: $NC, among $NR responses that match the filters"
expect_match "verbatims: the scope line" "$(body)" '<p class="ecx-scope">Area: Operaciones'
expect_eq "verbatims CSV: one row per comment of the scope" "$(csv "$T/op" '/verbatims?format=csv' | sed 1d | wc -l | tr -d ' ')" "$NC"
expect_eq "verbatims CSV: none from another touchpoint" "$(csv "$T/op" '/verbatims?format=csv' | grep -c 'Tienda\|Web')" "0"

# ---- filters narrow the scope, never widen it
expect_eq "where=touchpoint=Tienda gives nothing of Tienda" "$(csv "$T/op" '/breakdown?by=touchpoint&where=touchpoint%3DTienda&format=csv' | grep -c '^Tienda,')" "0"
expect_eq "  nor any response" "$(csv "$T/op" '/breakdown?by=touchpoint&where=touchpoint%3DTienda&format=csv' | col '*' 3)" ""
expect_eq "where=touchpoint=Tienda|Instalación: only Instalación" \
  "$(csv "$T/op" '/breakdown?by=touchpoint&where=touchpoint%3DTienda%7CInstalaci%C3%B3n&format=csv' | sed 1d | cut -d, -f1,3 | tr '\n' ' ')" \
  "*,$(n_sql rec 'r.touchpoint_id=3') Instalación,$(n_sql rec 'r.touchpoint_id=3') "
expect_eq "where=touchpoint!=Instalación: only Call center" \
  "$(csv "$T/op" '/breakdown?by=touchpoint&where=touchpoint!%3DInstalaci%C3%B3n&format=csv' | col '*' 3)" "$(n_sql rec 'r.touchpoint_id=4')"
expect_eq "segment=Tienda gives nothing (an empty total, suppressed)" "$(csv "$T/op" '/breakdown?by=touchpoint&segment=Tienda&format=csv' | sed 1d | tr '\n' ' ')" "*,nps,,,,,1 "
expect_eq "segment=Todos (everyone) stays in the scope" "$(csv "$T/op" '/breakdown?by=touchpoint&segment=Todos&format=csv' | col '*' 3)" "$N_OPS"
# A quote left open would swallow a scope pasted after it: refused.
expect_eq "an open quote in where: 400" "$(code "$T/op" GET '/breakdown?by=touchpoint&format=csv&where=channel!%3D%22x')" "400"
expect_eq "a dangling | in where: 400" "$(code "$T/op" GET '/breakdown?format=csv&where=channel%3DOnline%7C')" "400"
expect_eq "verbatims with touchpoint=Tienda: nothing" "$(code "$T/op" GET '/verbatims?touchpoint=Tienda' -H 'Accept-Language: en' > /dev/null; grep -o 'Comments found: [0-9]*, among [0-9]*' "$T/last.body")" \
  "Comments found: 0, among 0"
expect_eq "verbatims with where=touchpoint=Web: no Web comment in the CSV" "$(csv "$T/op" '/verbatims?where=touchpoint%3DWeb&format=csv' | sed 1d | wc -l | tr -d ' ')" "0"

# ---- the differencing guard, inside the scope
# Two responses of the scope came through Visita: leaving them out would
# set apart a group under min_n (5), so it is refused.
expect_eq "channel!=Visita within the scope is refused by the guard" "$(code "$T/op" GET '/breakdown?format=csv&where=channel!%3DVisita' -H 'Accept-Language: en')" "400"
expect_match "  saying why" "$(body)" "without channel the result would have 2 more responses"
# Area Todo answers for every touchpoint: only the 3 responses without a
# touchpoint are outside. The guard does not count outside the scope, so
# the area lead is not refused for them and does not learn how many there are.
N_TODO=$(n_sql rec "r.touchpoint_id IN $(scope_sql Todo)")
expect_eq "an area with every touchpoint: not refused for what lies outside" "$(code "$T/todo" GET '/breakdown?by=touchpoint&format=csv')" "200"
expect_eq "  its n is that of the touchpoints' responses" "$(col '*' 3 < "$T/last.body")" "$N_TODO"
expect_eq "  on every page" "$(code "$T/todo" GET /)$(code "$T/todo" GET /heatmap)$(code "$T/todo" GET /verbatims)" "200200200"
expect_eq "  and no page speaks of the responses outside" "$(code "$T/todo" GET / > /dev/null; grep -c 'more responses' "$T/last.body")" "0"
expect_eq "the analyst's view of the same is refused by the guard (3 responses apart)" \
  "$(code "$T/ana" GET "/breakdown?format=csv&where=touchpoint%3DTienda%7CWeb%7CInstalaci%C3%B3n%7CCall%20center")" "400"

# ---- key drivers: an area lead analyses its area's touchpoints
# Listwise: responses of the scope with the NPS, the CSAT and the rating.
N_DRV=$(sql "$W" "SELECT count(*) FROM response r WHERE r.touchpoint_id IN $OPS AND EXISTS(SELECT 1 FROM answer WHERE response_id=r.id AND question_id=1) AND EXISTS(SELECT 1 FROM answer WHERE response_id=r.id AND question_id=2) AND EXISTS(SELECT 1 FROM answer WHERE response_id=r.id AND question_id=3)")
N_DRV_ALL=$(sql "$W" "SELECT count(*) FROM response r WHERE EXISTS(SELECT 1 FROM answer WHERE response_id=r.id AND question_id=1) AND EXISTS(SELECT 1 FROM answer WHERE response_id=r.id AND question_id=2) AND EXISTS(SELECT 1 FROM answer WHERE response_id=r.id AND question_id=3)")
drv_n() { code "$1" GET "/api/v1/drivers?bootstrap=0$2" > /dev/null; python3 -c "import json; print(json.load(open('$T/last.body'))['n'])"; }
expect_eq "API drivers: the area lead's n is its scope's ($N_DRV)" "$(drv_n "$T/op")" "$N_DRV"
expect_eq "API drivers: the analyst's n is everyone's ($N_DRV_ALL)" "$(drv_n "$T/ana")" "$N_DRV_ALL"
expect_eq "API drivers: where=touchpoint=Tienda does not widen the scope (no response left: 422)" \
  "$(code "$T/op" GET '/api/v1/drivers?bootstrap=0&where=touchpoint%3DTienda')" "422"
expect_match "  too_small" "$(body)" '"code":"too_small"'
expect_eq "API drivers: the analyst gets Tienda's" "$(code "$T/ana" GET '/api/v1/drivers?bootstrap=0&where=touchpoint%3DTienda')" "200"
code "$T/op" GET '/drivers' -H 'Accept-Language: en' > /dev/null
expect_match "drivers page: the scope line" "$(body)" '<p class="ecx-scope">Area: Operaciones — touchpoints: Instalación, Call center</p>'
expect_match "drivers page: n of the scope" "$(body)" "n = $N_DRV\\b"
expect_eq "drivers of an area without touchpoints: 403" "$(code "$T/va" GET /drivers)$(code "$T/va" GET /api/v1/drivers)" "403403"
# ---- an area without touchpoints
for path in / /breakdown /heatmap /verbatims '/?format=csv' '/breakdown?format=csv' '/heatmap?format=csv' '/verbatims?format=csv'; do
  expect_eq "area without touchpoints: GET $path is 403" "$(code "$T/va" GET "$path" -H 'Accept-Language: en')" "403"
done
code "$T/va" GET / -H 'Accept-Language: en' > /dev/null
expect_match "  saying so and what an admin must do" "$(body)" 'the area &quot;Vacía&quot; is not responsible for any touchpoint yet.*/definitions'
code "$T/va" GET / -H 'Accept-Language: es' > /dev/null
expect_match "  in Spanish" "$(body)" 'el área &quot;Vacía&quot; todavía no es responsable de ningún punto de contacto'
api PUT /api/v1/touchpoints/Web --data '{"areas":["Todo","Ventas","Vacía"]}' > /dev/null
expect_eq "once given a touchpoint, it sees that one at once" "$(csv "$T/va" '/breakdown?by=touchpoint&format=csv' | sed 1d | cut -d, -f1,3 | tr '\n' ' ')" \
  "*,$(n_sql rec 'r.touchpoint_id=2') Web,$(n_sql rec 'r.touchpoint_id=2') "
