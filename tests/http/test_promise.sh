# The promise builder end to end on a demo workspace: feasibility ratings by
# an area lead (scoped to its area, CSRF), the 3-5 rule, versions, the print
# page, the drivers and benchmark pages, and ecx promise.
. "$(dirname "$0")/lib.sh"
W=$T/d.ecx
"$ECX" demo "$W" --responses 20000 > /dev/null
add_user "$W" ana analyst
add_user "$W" red area_lead --area Red
add_user "$W" ver viewer
start_server "$W"

dim() { sql "$W" "SELECT id FROM dimension WHERE name='$1'"; }
RED=$(sql "$W" "SELECT id FROM area WHERE name='Red'")
COM=$(sql "$W" "SELECT id FROM area WHERE name='Comercial'")
COB=$(dim 'Cobertura de red'); VEL=$(dim 'Velocidad de internet')

expect_eq "area lead logs in" "$(login "$T/red" red password-red)" 303
expect_eq "feasibility page" "$(code "$T/red" GET /feasibility)" 200
expect_match "the form is for the lead's own area" "$(cat "$T/last.body")" "(Area|Área): Red</h2>"
tok=$(csrf "$T/red")
expect_eq "POST without the CSRF token is refused" \
  "$(code "$T/red" POST /feasibility --data "area=$RED&s$COB=5")" 403
# The lead asks for another area: the page keeps it to its own.
expect_eq "ratings saved" "$(code "$T/red" POST /feasibility --data-urlencode "csrf=$tok" \
  --data "area=$COM&s$COB=5&m$COB=4&c$COB=antenas+nuevas&s$VEL=2")" 303
expect_eq "stored for the lead's area only" \
  "$(sql "$W" "SELECT group_concat(area_id||':'||dimension_id||':'||horizon||':'||score, ' ') FROM (SELECT * FROM feasibility ORDER BY dimension_id, horizon)")" \
  "$RED:$COB:medium:4 $RED:$COB:short:5 $RED:$VEL:short:2"
expect_eq "one audit row per rating" "$(sql "$W" "SELECT count(*) FROM audit WHERE action='feasibility_set'")" 3
expect_eq "a score out of 1-5 is refused" "$(code "$T/red" POST /feasibility --data-urlencode "csrf=$tok" --data "s$COB=9")" 400
# Spread across areas: Cobertura has 5 and 4 -> mean 4.50, sd 0.71, n 2.
code "$T/red" GET /feasibility > /dev/null
expect_match "spread per dimension" "$(tr -d '\n' < "$T/last.body")" "<td>Cobertura de red</td><td>2</td><td>4.50</td><td>0.71</td>"

expect_eq "analyst logs in" "$(login "$T/ana" ana password-ana)" 303
tok=$(csrf "$T/ana")
post_promise() {
  path=$1; shift
  n=$#
  for d in "$@"; do set -- "$@" --data-urlencode "dim=$d"; done
  shift "$n"
  code "$T/ana" POST "$path" --data-urlencode "csrf=$tok" --data-urlencode "name=Promesa Empresas" \
    -H 'Accept-Language: en' --data-urlencode "segment=Empresas" --data-urlencode "aspirations=trabajar sin cortes
ser atendido rápido" --data-urlencode "tagline=$TAG" "$@"
}
TAG='<b>Siempre</b> & conectados'
expect_eq "two dimensions refused" "$(post_promise /promise Amabilidad Transparencia)" 400
expect_match "with the reason" "$(cat "$T/last.body")" "3 to 5 dimensions, not 2"
expect_eq "six dimensions refused" "$(post_promise /promise Amabilidad Transparencia 'Precio justo' \
  'Cobertura de red' 'Velocidad de internet' 'Rapidez de atención')" 400
expect_match "a promise needs focus" "$(cat "$T/last.body")" "needs focus"
expect_eq "nothing stored" "$(sql "$W" "SELECT count(*) FROM promise")" 0
expect_eq "four dimensions saved" "$(post_promise /promise 'Cobertura de red' 'Velocidad de internet' \
  'Rapidez de atención' 'Resolución al primer contacto')" 303
expect_match "to its page, version 1" "$(cat "$T/last.head")" "Location: /promise/1\?saved=1"
expect_eq "promise page" "$(code "$T/ana" GET /promise/1 -H 'Accept-Language: en')" 200
expect_match "criteria table with the reasons" "$(cat "$T/last.body")" "(high|medium|low) relevance, (advantage over|behind|on a par with) (Movitel|Claronet)"
TAG='Tu red, <siempre>'
expect_eq "an edit saves version 2" "$(post_promise /promise/1 'Cobertura de red' 'Velocidad de internet' \
  'Rapidez de atención')" 303
expect_eq "two versions kept" "$(sql "$W" "SELECT group_concat(version) FROM promise_version WHERE promise_id=1")" "1,2"
expect_eq "the version records who" "$(sql "$W" "SELECT u.login FROM promise_version v JOIN user u ON u.id=v.user_id WHERE version=2")" ana
expect_eq "print page" "$(code "$T/ana" GET /promise/1/print)" 200
expect_match "print page has the tagline escaped" "$(cat "$T/last.body")" "Tu red, &lt;siempre&gt;"
expect "print page has no raw tag" sh -c "! grep -q '<siempre>' '$T/last.body'"
expect_match "print page has the charts" "$(cat "$T/last.body")" "ecx-q-"
expect_eq "audit rows for the saves" "$(sql "$W" "SELECT count(*) FROM audit WHERE action='promise_save'")" 2

expect_eq "viewer logs in" "$(login "$T/ver" ver password-ver)" 303
expect_eq "viewer reads the promise" "$(code "$T/ver" GET /promise/1)" 200
expect_eq "viewer may not save" "$(code "$T/ver" POST /promise/1 --data-urlencode "csrf=$(csrf "$T/ver")")" 403

expect_eq "drivers page" "$(code "$T/ana" GET '/drivers?segment=Empresas' -H 'Accept-Language: en')" 200
expect_match "drivers page: R² and the matrix" "$(cat "$T/last.body")" "R² = 0\.[0-9]+ \[0\.[0-9]+, 0\.[0-9]+\]"
expect_match "drivers page: quadrant labels" "$(cat "$T/last.body")" "improve first"
expect_eq "benchmark page" "$(code "$T/ana" GET /benchmark)" 200
expect_match "benchmark page names the competitors" "$(cat "$T/last.body")" "Claronet"

out=$("$ECX" promise "$W" list)
expect_match "ecx promise list" "$out" "^1	Promesa Empresas	v2	3 dimensions"
out=$("$ECX" promise "$W" show 1)
expect_match "ecx promise show" "$out" "tagline: Tu red, <siempre>"
out=$("$ECX" promise "$W" recommend --segment Empresas)
expect_match "ecx promise recommend marks a set" "$out" "\* +(high|medium|low) relevance"
expect_eq "recommend marks 3 to 5" "$(printf '%s\n' "$out" | grep -cE '^[0-9]+ .*\* ')" \
  "$(printf '%s\n' "$out" | grep -cE '^[0-9]+ .*\* ' | awk '$1>=3 && $1<=5')"
