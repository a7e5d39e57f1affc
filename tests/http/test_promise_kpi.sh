# The promise after its definition, end to end on a demo workspace: a full
# promise for a segment (whom with criteria, for what, how, tagline) built
# in the web form and through the API, the 3-5 rule, KPIs with their
# status, the touchpoint matrix, alerts, the areas' alignment (an area lead
# sees its own), the printable report, and the JSON API for drivers,
# benchmark, feasibility and promises. Figures are checked against sums
# taken here with the sqlite3 shell.
. "$(dirname "$0")/lib.sh"
W=$T/d.ecx
"$ECX" demo "$W" --responses 20000 > /dev/null
add_user "$W" ana analyst
add_user "$W" red area_lead --area Red
add_user "$W" ver viewer
add_user "$W" boss admin
RD=$("$ECX" token add "$W" ana --name reader --scopes read 2>/dev/null)
AD=$("$ECX" token add "$W" ana --name writer --scopes read,admin 2>/dev/null)
REDT=$("$ECX" token add "$W" red --name lead --scopes read,admin 2>/dev/null)
start_server "$W"
en() { code "$@" -H 'Accept-Language: en'; }
api() { tk=$1; m=$2; path=$3; shift 3; code "$T/none" "$m" "$path" -H 'Accept-Language: en' -H "Authorization: Bearer $tk" "$@"; }
py() { python3 -c "$1" "$T/last.body"; }
flat() { tr -d '\n' < "$T/last.body"; }
RED=$(sql "$W" "SELECT id FROM area WHERE name='Red'")
ATC=$(sql "$W" "SELECT id FROM area WHERE name='Atención al cliente'")

# The KPI of Cobertura de red in the promise's target (Empresas in Lima or
# Arequipa), January to June 2026, straight from the answers.
target_sql() {   # target_sql DIMENSION EXTRA-CONDITION: "n|mean" of our ratings
  sql "$W" "SELECT count(*) || '|' || printf('%.9f', avg(a.num)) FROM answer a
    JOIN question q ON q.id=a.question_id JOIN dimension d ON d.id=q.dimension_id
    JOIN response r ON r.id=a.response_id
    JOIN respondent_attribute p ON p.respondent_id=r.respondent_id
    JOIN attribute pa ON pa.id=p.attribute_id AND pa.name='plan'
    JOIN attribute_value pv ON pv.id=p.value_id AND pv.value='empresas'
    JOIN respondent_attribute g ON g.respondent_id=r.respondent_id
    JOIN attribute ga ON ga.id=g.attribute_id AND ga.name='region'
    JOIN attribute_value gv ON gv.id=g.value_id AND gv.value IN ('Lima', 'Arequipa')
    WHERE d.name='$1' AND r.competitor_id IS NULL
      AND r.ts >= strftime('%s', '2026-01-01') AND r.ts < strftime('%s', '2026-07-01') $2"
}
COB=$(target_sql 'Cobertura de red' '')
COB_N=${COB%%|*}; COB_MEAN=${COB#*|}
expect "the target has Cobertura ratings to measure" test "$COB_N" -gt 30

expect_eq "analyst logs in" "$(login "$T/ana" ana password-ana)" 303
tok=$(csrf "$T/ana")
form_promise() {   # form_promise PATH DIM...
  path=$1; shift
  n=$#
  for d in "$@"; do set -- "$@" --data-urlencode "dim=$d"; done
  shift "$n"
  en "$T/ana" POST "$path" --data-urlencode "csrf=$tok" --data-urlencode "name=Empresas en la costa" \
    --data-urlencode "segment=Empresas" --data-urlencode "where=region=Lima|Arequipa" \
    --data-urlencode "aspirations=trabajar sin cortes
que me atiendan a la primera" --data-urlencode "tagline=Tu empresa, siempre en línea" "$@"
}
expect_eq "two dimensions refused" "$(form_promise /promise Amabilidad Transparencia)" 400
expect_match "with the seed's reason" "$(cat "$T/last.body")" "3 to 5 dimensions, not 2: fewer leaves out what customers want \(relevance\)"
expect_eq "six dimensions refused" "$(form_promise /promise Amabilidad Transparencia 'Precio justo' 'Cobertura de red' \
  'Velocidad de internet' 'Rapidez de atención')" 400
expect_match "with the seed's reason" "$(cat "$T/last.body")" "not 6: a promise needs focus"
expect_eq "a full promise is saved" "$(form_promise /promise 'Cobertura de red' 'Velocidad de internet' \
  'Rapidez de atención' 'Resolución al primer contacto')" 303
expect_match "as promise 1" "$(cat "$T/last.head")" "Location: /promise/1\?saved=1"

# Step 3: the KPIs.
expect_eq "KPI page" "$(en "$T/ana" GET /promise/1/kpis)" 200
expect_match "with its form" "$(cat "$T/last.body")" 'name="target_0"'
kpis() {   # kpis EXTRA-CURL-ARGS...: the form with Cobertura, Velocidad, Rapidez
  en "$T/ana" POST /promise/1/kpis --data-urlencode "dim_0=Cobertura de red" --data "metric_0=mean" \
    --data "area_0=$RED&from_0=2026-01&to_0=2026-06" --data-urlencode "dim_1=Velocidad de internet" \
    --data "metric_1=top2&target_1=5&area_1=$RED" --data-urlencode "dim_2=Rapidez de atención" \
    --data "metric_2=nps&target_2=-100&area_2=$ATC" --data-urlencode "dim_3=Resolución al primer contacto" "$@"
}
expect_eq "KPIs without the CSRF token are refused" "$(kpis --data "target_0=4.6")" 403
expect_eq "a mean target of 11 is refused" "$(kpis --data-urlencode "csrf=$tok" --data "target_0=11")" 400
expect_match "saying why" "$(cat "$T/last.body")" "a mean target goes from 0 to 10"
expect_eq "nothing stored" "$(sql "$W" "SELECT count(*) FROM promise_kpi")" 0
expect_eq "KPIs saved" "$(kpis --data-urlencode "csrf=$tok" --data "target_0=4.6")" 303
expect_eq "three KPIs, one audit row each" "$(sql "$W" "SELECT count(*) FROM promise_kpi") $(sql "$W" "SELECT count(*) FROM audit WHERE action='promise_kpi_set'")" "3 3"
expect_eq "KPI table" "$(en "$T/ana" GET /promise/1/kpis)" 200
row=$(flat | grep -o '<tr data-dim="Cobertura de red">.*' | sed 's|</tr>.*||')
expect_match "Cobertura: the mean of the target's ratings, as sqlite computes it" "$row" \
  "<td>$(printf '%.2f' "$COB_MEAN") <span class=\"ecx-ci\">\[[0-9.]+, [0-9.]+\]</span></td><td>$COB_N</td>"
expect_match "significantly below 4.6" "$row" 'data-status="below_target"'
expect_match "with its trend sparkline" "$row" '<svg [^>]*class="ecx-spark"'
expect_match "a low target is met" "$(flat)" '<tr data-dim="Velocidad de internet">.*data-status="on_target"'
expect_match "a dimension without KPI has no target" "$(flat)" '<tr data-dim="Resolución al primer contacto">.*data-status="no_target"'

# Step 4: the touchpoint matrix, and the alerts.
expect_eq "touchpoint matrix" "$(en "$T/ana" GET /promise/1/touchpoints)" 200
expect_match "cells with n and status" "$(flat)" 'class="ecx-st-below" data-status="below_target">[0-9.]+ <span class="ecx-ci">\[[0-9.]+, [0-9.]+\]</span> <span class="ecx-ci">n = [0-9]+</span>'
expect_match "small cells suppressed" "$(flat)" 'data-status="no_data">n &lt; 5</td>'
expect_match "the chart colours by status" "$(flat)" '<rect class="ecx-st-below"'
expect_eq "promise page" "$(en "$T/ana" GET /promise/1)" 200
expect_match "lists the KPI alert with its figures" "$(flat)" "<li class=\"ecx-alert\"><strong>KPI</strong> Cobertura de red \(mean rating\): $(printf '%.2f' "$COB_MEAN") <span class=\"ecx-ci\">\[[0-9.]+, [0-9.]+\]</span>, n = $COB_N, target 4.60"
expect_eq "alerts list" "$(en "$T/ana" GET /promise/alerts)" 200
expect_match "names the promise" "$(flat)" '<a href="/promise/1">Empresas en la costa</a>: <strong>KPI</strong> Cobertura de red'

# Step 5: the areas; an area lead sees its own.
expect_eq "areas page" "$(en "$T/ana" GET /promise/1/areas)" 200
expect_match "every area" "$(flat)" 'data-area="Comercial".*data-area="Red"'
expect_eq "area lead logs in" "$(login "$T/red" red password-red)" 303
expect_eq "the lead's view" "$(en "$T/red" GET /promise/1/areas)" 200
expect_match "its own area, owner of two KPIs" "$(flat)" 'data-area="Red"><h3>Red</h3>.*KPIs owned: 2'
expect "and no other" sh -c "! grep -q 'data-area=\"Comercial\"' '$T/last.body'"
expect_eq "an area lead may not set KPIs" "$(en "$T/red" POST /promise/1/kpis --data-urlencode "csrf=$(csrf "$T/red")")" 403
expect_eq "viewer logs in" "$(login "$T/ver" ver password-ver)" 303
expect_eq "viewer reads the KPIs" "$(en "$T/ver" GET /promise/1/kpis)" 200
expect "without the form" sh -c "! grep -q 'name=\"target_0\"' '$T/last.body'"

# The printable report.
expect_eq "print page" "$(en "$T/ana" GET /promise/1/print)" 200
b=$(flat)
expect_match "tagline, whom and for what" "$b" 'Tu empresa, siempre en línea.*Empresas · region=Lima\|Arequipa.*trabajar sin cortes'
expect_match "criteria and the recommendation" "$b" 'class="ecx-rec".*(high|medium|low) relevance'
expect_match "KPIs with sparklines and intervals" "$b" 'ecx-kpis.*class="ecx-spark".*ecx-band'
expect_match "the touchpoint matrix" "$b" 'ecx-matrix'
expect_match "the areas' alignment" "$b" 'data-area="Red"'
expect_match "the stylesheet has print rules" "$(curl -s "$URL/static/ecx.css")" 'print-color-adjust:exact'

# The JSON API.
J='{"name":"Hogar","segment":"Familias conectadas","aspirations":["una factura clara"],"tagline":"Sin sorpresas","dimensions":'
expect_eq "read scope may not create: 403" "$(api "$RD" POST /api/v1/promises --data-binary "$J[\"Precio justo\",\"Amabilidad\",\"Transparencia\"]}")" 403
expect_eq "API: two dimensions refused" "$(api "$AD" POST /api/v1/promises --data-binary "$J[\"Precio justo\",\"Amabilidad\"]}")" 400
expect_match "as a JSON error on the field" "$(cat "$T/last.body")" '^\{"error":\{"code":"invalid","message":"a promise rests on 3 to 5 dimensions, not 2: fewer leaves out.*","field":"dimensions"\}\}$'
expect_eq "API: six refused" "$(api "$AD" POST /api/v1/promises --data-binary "$J[\"Precio justo\",\"Amabilidad\",\"Transparencia\",\"Cobertura de red\",\"Velocidad de internet\",\"Rapidez de atención\"]}")" 400
expect_match "needs focus" "$(cat "$T/last.body")" 'not 6: a promise needs focus'
expect_eq "API: an unknown field" "$(api "$AD" POST /api/v1/promises --data-binary '{"name":"x","color":"red"}')" 400
expect_match "is named" "$(cat "$T/last.body")" '"field":"color"'
expect_eq "API: a promise is created" "$(api "$AD" POST /api/v1/promises --data-binary "$J[\"Claridad de la factura\",\"Precio justo\",\"Reconocimiento de la antigüedad\"]}")" 201
expect_eq "as promise 2, version 1" "$(cat "$T/last.body")" '{"id":2,"version":1}'
expect_eq "API: a new version" "$(api "$AD" POST /api/v1/promises/2 --data-binary "$J[\"Claridad de la factura\",\"Precio justo\",\"Transparencia\"]}")" 201
expect_eq "version 2" "$(cat "$T/last.body")" '{"id":2,"version":2}'
expect_eq "API: versions" "$(api "$RD" GET /api/v1/promises/2/versions)" 200
expect_match "both, by ana" "$(cat "$T/last.body")" '"versions":\[\{"version":2,"author":"ana".*\{"version":1,"author":"ana"'
expect_eq "API: version 1 is kept" "$(api "$RD" GET '/api/v1/promises/2?version=1')" 200
expect_match "with its dimensions" "$(cat "$T/last.body")" '"version":1,.*"Reconocimiento de la antigüedad"'
expect_eq "API: KPIs set" "$(api "$AD" POST /api/v1/promises/2/kpis --data-binary \
  '[{"dimension":"Claridad de la factura","metric":"top2","target":95,"area":"Facturación"},{"dimension":"Precio justo","target":1,"area":"Comercial","from":"2026-01"}]')" 200
expect_eq "the answer is the KPIs' state" "$(py 'import json,sys; d=json.load(open(sys.argv[1])); print(" ".join(k["status"] for k in d["kpis"]))')" \
  "below_target on_target no_target"
expect_eq "API: target null removes a KPI" "$(api "$AD" POST /api/v1/promises/2/kpis --data-binary '{"dimension":"Precio justo","target":null}')" 200
expect_eq "Precio justo has no target again" "$(py 'import json,sys; print(" ".join(k["status"] for k in json.load(open(sys.argv[1]))["kpis"]))')" \
  "below_target no_target no_target"
expect_eq "API: a new version of no promise" "$(api "$AD" POST /api/v1/promises/99 --data-binary "$J[\"Precio justo\",\"Amabilidad\",\"Transparencia\"]}")" 404
expect_eq "API: an unknown dimension" "$(api "$AD" POST /api/v1/promises --data-binary "$J[\"Precio justo\",\"Amabilidad\",\"Telepatía\"]}")" 400
expect_match "is named" "$(cat "$T/last.body")" '"message":"no dimension \\"Telepatía\\""'
expect_eq "API: a KPI for a dimension outside the promise" "$(api "$AD" POST /api/v1/promises/2/kpis --data-binary '{"dimension":"Amabilidad","target":4,"area":"Red"}')" 400
expect_eq "API: the KPIs of promise 1" "$(api "$RD" GET /api/v1/promises/1/kpis)" 200
expect_eq "Cobertura: n and mean as sqlite has them, interval under the target" \
  "$(py 'import json,sys; k=json.load(open(sys.argv[1]))["kpis"][0]; print(k["n"], "%.9f" % k["value"], k["ci_high"] < 4.6 < 10, k["status"], k["window"]["from"], k["window"]["to"])')" \
  "$COB_N $COB_MEAN True below_target 2026-01 2026-06"
expect_eq "API: the matrix" "$(api "$RD" GET /api/v1/promises/1/matrix)" 200
TP=$(py 'import json,sys; d=json.load(open(sys.argv[1])); print(next(t["name"] for t in d["touchpoints"] if t["cells"][0]["n"]>=5))')
CELL=$(target_sql 'Cobertura de red' "AND r.touchpoint_id=(SELECT id FROM touchpoint WHERE name='$TP')")
expect_eq "a cell's n and mean as sqlite has them ($TP)" \
  "$(py "import json,sys; d=json.load(open(sys.argv[1])); c=next(t for t in d['touchpoints'] if t['name']=='$TP')['cells'][0]; print('%d|%.9f' % (c['n'], c['value']))")" "$CELL"
expect_eq "API: alerts of promise 1" "$(api "$RD" GET /api/v1/promises/1/alerts)" 200
expect_eq "the KPI first, then touchpoints" "$(py 'import json,sys; a=json.load(open(sys.argv[1]))["alerts"]; print(a[0]["kind"], a[0]["dimension"], all(x["ci_high"] < x["target"] for x in a), any(x["kind"]=="touchpoint" for x in a))')" \
  "kpi Cobertura de red True True"
expect_eq "API: every alert" "$(api "$RD" GET /api/v1/alerts)" 200
expect_eq "of both promises" "$(py 'import json,sys; print(sorted(set(x["promise_id"] for x in json.load(open(sys.argv[1]))["alerts"])))')" "[1, 2]"
expect_eq "API: the lead's areas" "$(api "$REDT" GET /api/v1/promises/1/areas)" 200
expect_eq "only Red, owner of two KPIs" "$(py 'import json,sys; a=json.load(open(sys.argv[1]))["areas"]; print(len(a), a[0]["name"], a[0]["kpis"])')" "1 Red 2"
expect_eq "API: criteria" "$(api "$RD" GET /api/v1/promises/1/criteria)" 200
expect_eq "3 to 5 recommended" "$(py 'import json,sys; print(3 <= sum(c["recommended"] for c in json.load(open(sys.argv[1]))["candidates"]) <= 5)')" True
expect_eq "API: no promise 9" "$(api "$RD" GET /api/v1/promises/9/kpis)" 404
expect_eq "API: drivers" "$(api "$RD" GET '/api/v1/drivers?segment=Empresas&bootstrap=20')" 200
expect_eq "the same as ecx drivers --format json" "$(cat "$T/last.body")" \
  "$("$ECX" drivers "$W" --segment Empresas --bootstrap 20 --format json | sed 's/"title":"[^"]*"/"title":null/')"
expect_eq "API: a bad bootstrap" "$(api "$RD" GET '/api/v1/drivers?bootstrap=-1')" 400
expect_eq "API: benchmark" "$(api "$RD" GET '/api/v1/benchmark?segment=Empresas')" 200
expect_eq "the same as ecx benchmark --format json" "$(cat "$T/last.body")" "$("$ECX" benchmark "$W" --segment Empresas --format json)"
expect_eq "API: the lead rates its area" "$(api "$REDT" POST /api/v1/feasibility --data-binary \
  '{"ratings":[{"dimension":"Cobertura de red","horizon":"short","score":4,"comment":"antenas"},{"dimension":"Cobertura de red","horizon":"medium","score":5}]}')" 200
expect_eq "stored for Red, with audit rows" "$(sql "$W" "SELECT group_concat(area_id||':'||horizon||':'||score, ' ') FROM (SELECT * FROM feasibility ORDER BY horizon)") $(sql "$W" "SELECT count(*) FROM audit WHERE action='feasibility_set'")" \
  "$RED:medium:5 $RED:short:4 2"
expect_eq "the lead may not rate another area" "$(api "$REDT" POST /api/v1/feasibility --data-binary '{"area":"Comercial","ratings":[{"dimension":"Precio justo","horizon":"short","score":3}]}')" 403
expect_eq "an analyst may not rate: 403" "$(api "$AD" POST /api/v1/feasibility --data-binary '{"area":"Red","ratings":[{"dimension":"Precio justo","horizon":"short","score":3}]}')" 403
expect_eq "a score of 6 is refused" "$(api "$REDT" POST /api/v1/feasibility --data-binary '{"ratings":[{"dimension":"Precio justo","horizon":"short","score":6}]}')" 400
expect_match "naming the rating" "$(cat "$T/last.body")" '"field":"ratings\[0\]"'
expect_eq "API: feasibility" "$(api "$RD" GET /api/v1/feasibility)" 200
expect_eq "Cobertura 4 and 5: mean 4.5, sd 0.707" "$(py 'import json,sys; s=next(x for x in json.load(open(sys.argv[1]))["summary"] if x["dimension"]=="Cobertura de red"); print(s["n"], s["mean"], "%.3f" % s["sd"])')" "2 4.5 0.707"
expect_eq "the areas page shows the ratings" "$(en "$T/red" GET /promise/1/areas)" 200
expect_match "short 4, medium 5" "$(flat)" '<td>Cobertura de red</td>.*<td>4</td><td>5</td><td>antenas</td>'

# The command line.
out=$("$ECX" promise "$W" alerts)
expect_match "ecx promise alerts" "$out" "^1	Empresas en la costa	KPI	Cobertura de red	mean	$(printf '%.2f' "$COB_MEAN") "
out=$("$ECX" promise "$W" kpis 1 --format json | python3 -c 'import json,sys; k=json.load(sys.stdin)["kpis"][0]; print(k["n"], k["status"])')
expect_eq "ecx promise kpis --format json" "$out" "$COB_N below_target"
printf '%s' "$J[\"Amabilidad\",\"Transparencia\"]}" > "$T/two.json"
expect_fail "ecx promise save refuses 2 dimensions" "$ECX" promise "$W" save --json "$T/two.json"
expect_match "with the reason" "$("$ECX" promise "$W" save --json "$T/two.json" 2>&1)" "not 2: fewer leaves out"
expect_eq "ecx promise kpi" "$("$ECX" promise "$W" kpi 1 --dimension 'Resolución al primer contacto' --metric mean --target 2 --area 'Atención al cliente')" \
  "KPI of Resolución al primer contacto saved"
expect_match "ecx promise areas" "$("$ECX" promise "$W" areas 1 --area 'Atención al cliente')" "^Atención al cliente: KPIs owned 2"
