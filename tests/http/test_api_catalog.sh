# The JSON API's definitions: GET (list, one) and PUT (create or change by
# name or code, idempotent, audited) of segments, touchpoints, dimensions,
# areas, competitors and surveys; errors as JSON with code, field and
# reason (400, 401, 403, 404, 405, 409, 413, 429); scopes and roles; CSRF
# for browser sessions; the dashboards follow a change; the OpenAPI
# document parses and names every route.
. "$(dirname "$0")/lib.sh"
W=$T/w.ecx
"$ECX" init "$W" > /dev/null
add_user "$W" ana analyst
add_user "$W" vic viewer
adm=$("$ECX" token add "$W" ana --name admin --scopes read,admin,ingest 2>/dev/null)
rd=$("$ECX" token add "$W" ana --name reader --scopes read 2>/dev/null)
vadm=$("$ECX" token add "$W" vic --name v --scopes read,admin 2>/dev/null)
start_server "$W"
api() { m=$1; path=$2; shift 2; code "$T/n" "$m" "$path" -H 'Accept-Language: en' -H "Authorization: Bearer $adm" "$@"; }
body() { cat "$T/last.body"; }
nput() { sql "$W" "SELECT count(*) FROM audit WHERE action LIKE '%_put'"; }

# Touchpoints: create, the same again, change, rename, duplicates.
expect_eq "PUT creates: 201" "$(api PUT /api/v1/touchpoints/Tienda --data '{"description":"Locales","channel":"Presencial","areas":[]}')" "201"
expect_eq "with the object" "$(body)" '{"id":1,"name":"Tienda","description":"Locales","position":1,"channel":"Presencial","areas":[]}'
expect_eq "the channel was created" "$(sql "$W" "SELECT name FROM channel")" "Presencial"
expect_eq "audited" "$(sql "$W" "SELECT action || ' ' || target || ' ' || detail || ' ' || user_id FROM audit WHERE action LIKE '%_put'")" \
  "touchpoint_put Tienda created $(sql "$W" "SELECT id FROM user WHERE login='ana'")"
expect_eq "the same PUT again: 200" "$(api PUT /api/v1/touchpoints/Tienda --data '{"description":"Locales","channel":"Presencial","areas":[]}')" "200"
expect_eq "nothing changed, nothing audited" "$(nput)" "1"
expect_eq "a second touchpoint" "$(api PUT /api/v1/touchpoints/Web --data '{"position":0}')" "201"
expect_eq "GET lists them by position" "$(api GET /api/v1/touchpoints && body)" \
  '200{"items":[{"id":2,"name":"Web","description":"","position":0,"channel":null,"areas":[]},{"id":1,"name":"Tienda","description":"Locales","position":1,"channel":"Presencial","areas":[]}]}'
expect_eq "GET one" "$(api GET /api/v1/touchpoints/Web && body)" '200{"id":2,"name":"Web","description":"","position":0,"channel":null,"areas":[]}'
expect_eq "left-out members keep their value" "$(api PUT /api/v1/touchpoints/Tienda --data '{"position":5}' && body)" \
  '200{"id":1,"name":"Tienda","description":"Locales","position":5,"channel":"Presencial","areas":[]}'
expect_eq "null clears the channel" "$(api PUT /api/v1/touchpoints/Tienda --data '{"channel":null,"areas":[]}' && sql "$W" "SELECT channel_id IS NULL FROM touchpoint WHERE id=1")" "2001"
expect_eq "rename" "$(api PUT /api/v1/touchpoints/Tienda --data '{"name":"Tienda física"}' && body)" \
  '200{"id":1,"name":"Tienda física","description":"Locales","position":5,"channel":null,"areas":[]}'
expect_eq "the renaming PUT again changes nothing" "$(api PUT /api/v1/touchpoints/Tienda --data '{"name":"Tienda física"}')" "200"
expect_eq "still two touchpoints" "$(sql "$W" "SELECT count(*) FROM touchpoint")" "2"
expect_eq "renaming onto a taken name: 409" "$(api PUT /api/v1/touchpoints/Web --data '{"name":"Tienda física"}')" "409"
expect_eq "a JSON error naming the field" "$(body)" '{"error":{"code":"exists","message":"there is already a touchpoint named \"Tienda física\"","field":"name"}}'
expect_eq "a name differing only in case and accents: 409" "$(api PUT /api/v1/touchpoints/TIENDA%20FISICA --data '{}')" "409"
expect_eq "nothing stored by refused PUTs" "$(sql "$W" "SELECT count(*) FROM touchpoint")" "2"

# Validation: 400 with the field.
expect_eq "unknown member: 400" "$(api PUT /api/v1/areas/Ops --data '{"descripcion":"x"}')" "400"
expect_match "naming it" "$(body)" '"code":"invalid",.*"field":"descripcion"'
expect_eq "a member the kind lacks: 400" "$(api PUT /api/v1/competitors/Movitel --data '{"description":"x"}')" "400"
expect_eq "a wrong type: 400" "$(api PUT /api/v1/touchpoints/Web --data '{"position":"first"}')" "400"
expect_match "naming it" "$(body)" '"field":"position"'
expect_eq "not JSON: 400" "$(api PUT /api/v1/areas/Ops --data '{"description":')" "400"
expect_match "as a JSON error" "$(body)" '^\{"error":\{"code":"invalid","message":"not valid JSON'
expect_eq "not an object: 400" "$(api PUT /api/v1/areas/Ops --data '["Ops"]')" "400"
expect_eq "a name with blanks at the ends: 400" "$(api PUT '/api/v1/areas/%20Ops' --data '{}')" "400"
head -c 1100000 /dev/zero | tr '\0' ' ' > "$T/big"
expect_eq "a body over 1 MiB: 413" "$(api PUT /api/v1/areas/Ops --data-binary @"$T/big")" "413"
expect_match "as JSON" "$(body)" '"code":"too_big"'
expect_eq "an unknown object: 404" "$(api GET /api/v1/areas/Nada)" "404"
expect_match "as JSON" "$(body)" '"code":"not_found"'
expect_eq "an unknown collection: 404" "$(api GET /api/v1/widgets)" "404"
expect_eq "DELETE: 405" "$(api DELETE /api/v1/areas/Ops)" "405"
expect_match "with Allow" "$(cat "$T/last.head")" 'Allow: GET, HEAD, PUT'
expect_eq "PUT on a collection: 405" "$(api PUT /api/v1/areas --data '{}')" "405"
expect_match "with Allow" "$(cat "$T/last.head")" 'Allow: GET, HEAD'
expect_eq "HEAD of a GET route" "$(curl -s -I -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $adm" "$URL/api/v1/areas")" "200"
expect_eq "areas and dimensions" "$(api PUT /api/v1/areas/Operaciones --data '{"description":"Red y campo"}')$(api PUT /api/v1/dimensions/Rapidez --data '{}')" "201201"
expect_eq "competitors" "$(api PUT /api/v1/competitors/Movitel --data '{}' && body)" '201{"id":1,"name":"Movitel"}'

# Segments: the filter is checked against the cube.
expect_eq "a segment" "$(api PUT '/api/v1/segments/Web%20users' --data '{"filter":"touchpoint=Web","description":"por la web"}')" "201"
expect_eq "a new segment needs a filter: 400" "$(api PUT /api/v1/segments/Otro --data '{}')" "400"
expect_eq "a filter with an unknown key: 400" "$(api PUT /api/v1/segments/Otro --data '{"filter":"edad=18-24"}')" "400"
expect_match "naming the filter" "$(body)" '"message":"unknown filter key \\"edad\\".*"field":"filter"'
expect_eq "a filter that does not parse: 400" "$(api PUT /api/v1/segments/Otro --data '{"filter":"touchpoint=\"Web"}')" "400"
expect_eq "no segment stored by them" "$(sql "$W" "SELECT group_concat(name) FROM segment")" "Web users"

# Scopes, roles, credentials, CSRF.
expect_eq "a read token may GET" "$(code "$T/n" GET /api/v1/segments -H "Authorization: Bearer $rd")" "200"
expect_eq "but not PUT: 403" "$(code "$T/n" PUT /api/v1/areas/X -H "Authorization: Bearer $rd" --data '{}')" "403"
expect_match "as JSON" "$(body)" '"code":"forbidden"'
expect_eq "an admin-scope token of a viewer: its role refuses PUT" "$(code "$T/n" PUT /api/v1/areas/X -H "Authorization: Bearer $vadm" --data '{}')" "403"
expect_eq "the viewer may GET" "$(code "$T/n" GET /api/v1/areas -H "Authorization: Bearer $vadm")" "200"
expect_eq "no credentials: 401" "$(code "$T/n" PUT /api/v1/areas/X --data '{}')" "401"
login "$T/s" ana password-ana > /dev/null
t=$(csrf "$T/s")
expect_eq "a browser session without the CSRF header: 403" "$(code "$T/s" PUT /api/v1/areas/X --data '{}')" "403"
expect_eq "with a wrong one: 403" "$(code "$T/s" PUT /api/v1/areas/X -H "X-CSRF-Token: 00$t" --data '{}')" "403"
expect_eq "nothing stored" "$(sql "$W" "SELECT count(*) FROM area WHERE name='X'")" "0"
expect_eq "with the session's token: 201" "$(code "$T/s" PUT /api/v1/areas/X -H "X-CSRF-Token: $t" --data '{}')" "201"
expect_eq "the viewer's session may read" "$(login "$T/v" vic password-vic; code "$T/v" GET /api/v1/dimensions/Rapidez)" "303200"

# Surveys with their questions.
sv='{"title":"Tienda 2026","kind":"transactional","status":"open","touchpoint":"Web","channel":"App","questions":[
 {"code":"rec","type":"nps","required":true,"text_es":"¿Nos recomendaría?","text_en":"Would you recommend us?"},
 {"code":"speed","type":"rating","scale_min":1,"scale_max":5,"dimension":"Rapidez"},
 {"code":"why","type":"choice","choices":[{"value":"1","label_es":"Precio","label_en":"Price"},{"value":"2","label_es":"Calidad"}]},
 {"code":"age","type":"attribute","attribute":"Edad"},
 {"code":"comment","type":"text","text_es":"¿Algo más?"}]}'
expect_eq "PUT a survey: 201" "$(api PUT /api/v1/surveys/cs1 --data "$sv")" "201"
expect "the answer is JSON" python3 -c "import json; json.load(open('$T/last.body'))"
expect_eq "questions in order" "$(sql "$W" "SELECT group_concat(code || ':' || type, ' ') FROM (SELECT code, type FROM question ORDER BY position)")" \
  "rec:nps speed:rating why:choice age:attribute comment:text"
expect_eq "choices, the English label defaulting to the Spanish" "$(sql "$W" "SELECT group_concat(value || '=' || label_es || '/' || label_en, ' ') FROM choice")" "1=Precio/Price 2=Calidad/Calidad"
api GET /api/v1/surveys/cs1 > /dev/null
cp "$T/last.body" "$T/cs1.json"
expect_match "GET gives it back" "$(cat "$T/cs1.json")" '"code":"cs1","title":"Tienda 2026","kind":"transactional","status":"open","touchpoint":"Web","channel":"App","public_link":null'
n=$(nput)
expect_eq "what GET gave, sent back: 200" "$(api PUT /api/v1/surveys/cs1 --data-binary @"$T/cs1.json")" "200"
expect_eq "unchanged, not audited" "$(nput)" "$n"
expect_eq "the list" "$(api GET /api/v1/surveys && python3 -c "import json; d=json.load(open('$T/last.body')); print(len(d['items']), len(d['items'][0]['questions']))")" "2001 5"
expect_eq "one answer through the ingest API" "$(api POST /api/v1/responses -H 'Content-Type: application/json' --data '{"survey":"cs1","source_id":"r1","ts":1767225600,"answers":{"rec":9,"speed":4}}')" "201"
q() { printf '{"questions":[%s]}' "$1"; }
rec='{"code":"rec","type":"nps","required":true}'; speed='{"code":"speed","type":"rating","scale_min":1,"scale_max":5,"dimension":"Rapidez"}'
expect_eq "changing an answered question's type: 409" "$(api PUT /api/v1/surveys/cs1 --data "$(q '{"code":"rec","type":"csat"},'"$speed")")" "409"
expect_eq "naming the question and field" "$(body)" '{"error":{"code":"conflict","message":"question \"rec\" has answers: its type cannot change","field":"questions[0].type"}}'
expect_eq "its scale: 409" "$(api PUT /api/v1/surveys/cs1 --data "$(q "$rec"',{"code":"speed","type":"rating","scale_min":0,"scale_max":10,"dimension":"Rapidez"}')")" "409"
expect_eq "its dimension: 409" "$(api PUT /api/v1/surveys/cs1 --data "$(q "$rec"',{"code":"speed","type":"rating","scale_min":1,"scale_max":5,"dimension":"Otra"}')")" "409"
expect_eq "leaving it out: 409" "$(api PUT /api/v1/surveys/cs1 --data "$(q "$rec")")" "409"
expect_match "saying why" "$(body)" '"message":"question \\"speed\\" has answers and cannot be removed","field":"questions"'
expect_eq "nothing changed by refused PUTs" "$(sql "$W" "SELECT count(*) || ' ' || group_concat(type) FROM question")" "5 nps,rating,choice,attribute,text"
expect_eq "reorder, new texts, drop unanswered questions: 200" "$(api PUT /api/v1/surveys/cs1 --data "$(q "$speed"',{"code":"rec","type":"nps","text_en":"Recommend?"},{"code":"comment","type":"csat"}')")" "200"
expect_eq "done" "$(sql "$W" "SELECT group_concat(code || ':' || type || ':' || text_en, ' ') FROM (SELECT * FROM question ORDER BY position)")" \
  "speed:rating: rec:nps:Recommend? comment:csat:"
expect_eq "an unanswered question may change its type" "$(sql "$W" "SELECT count(*) FROM choice")" "0"
expect_eq "two questions with one code: 400" "$(api PUT /api/v1/surveys/cs1 --data "$(q "$rec,$rec")")" "400"
expect_match "naming the second" "$(body)" '"field":"questions\[1\]\.code"'
expect_eq "an unknown type: 400" "$(api PUT /api/v1/surveys/cs1 --data "$(q '{"code":"x","type":"stars"}')")" "400"
expect_eq "a rating without dimension: 400" "$(api PUT /api/v1/surveys/cs1 --data "$(q '{"code":"x","type":"rating"}')")" "400"
expect_match "naming it" "$(body)" '"field":"questions\[0\]\.dimension"'
expect_eq "an unknown touchpoint: 400" "$(api PUT /api/v1/surveys/cs2 --data '{"touchpoint":"Luna"}')" "400"
expect_eq "and no survey made" "$(sql "$W" "SELECT count(*) FROM survey WHERE code='cs2'")" "0"
expect_eq "a bad status: 400" "$(api PUT /api/v1/surveys/cs1 --data '{"status":"archived"}')" "400"
expect_eq "a code differing from the path: 400" "$(api PUT /api/v1/surveys/cs1 --data '{"code":"cs9"}')" "400"
expect_eq "an unknown survey: 404" "$(api GET /api/v1/surveys/nada)" "404"
big=$(python3 -c "import json; print(json.dumps({'questions':[{'code':'q%d'%i,'type':'text'} for i in range(201)]}))")
expect_eq "more than 200 questions: 413" "$(api PUT /api/v1/surveys/cs1 --data "$big")" "413"

# The dashboards follow a change of definitions.
code "$T/s" GET '/breakdown?by=touchpoint' > /dev/null
expect_match "the response's touchpoint on the dashboards" "$(body)" '<td>Web</td>'
expect_eq "rename it" "$(api PUT /api/v1/touchpoints/Web --data '{"name":"Web móvil"}')" "200"
sleep 1.1
code "$T/s" GET '/breakdown?by=touchpoint' > /dev/null
expect_match "the dashboards show the new name" "$(body)" '<td>Web móvil</td>'
expect_match "the new segment in their filter" "$(body)" '<option>Web users</option>'
expect_eq "every change audited" "$(sql "$W" "SELECT group_concat(action, ' ') FROM (SELECT DISTINCT action FROM audit WHERE action LIKE '%_put' ORDER BY action)")" \
  "area_put competitor_put dimension_put segment_put survey_put touchpoint_put"

# Wrong tokens: 401, then 429 past five in five minutes; good tokens still work.
for i in 1 2 3 4 5; do st=$(code "$T/n" GET /api/v1/areas -H "Authorization: Bearer $(printf '%064d' "$i")"); done
expect_eq "the fifth wrong token is still 401" "$st" "401"
expect_eq "the sixth: 429" "$(code "$T/n" GET /api/v1/areas -H 'Accept-Language: en' -H "Authorization: Bearer $(printf '%064d' 6)")" "429"
expect_eq "as JSON" "$(body)" '{"error":{"code":"rate_limited","message":"too many requests with a wrong token; try again in a few minutes","field":null}}'
expect_match "with Retry-After" "$(cat "$T/last.head")" 'Retry-After: 300'
expect_eq "a good token is not blocked" "$(api GET /api/v1/areas)" "200"

# The OpenAPI document parses and describes every /api/v1 route.
"$ECX" serve --routes | awk '$2 ~ /^\/api\/v1\// {print $1, $2}' | sed 's|/\*$|/{name}|' > "$T/api.routes"
expect_eq "docs/openapi.yaml names every API route" "$(python3 - "$ROOT/docs/openapi.yaml" "$T/api.routes" <<'EOF'
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
paths = doc["paths"]
missing = []
for line in open(sys.argv[2]):
    m, p = line.split()
    p = p[len("/api/v1"):]
    if p.endswith("/{name}"):
        # a path parameter by any name: /surveys/{code}, /promises/{id}
        base = p[:-len("{name}")]
        p = next((k for k in paths if k.startswith(base) and k.count("/") == p.count("/")), p)
    if m.lower() not in paths.get(p, {}): missing.append(m + " " + p)
print(" ".join(missing) if missing else "all")
EOF
)" "all"
