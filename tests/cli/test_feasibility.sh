# ecx feasibility: set ratings from the command line, refuse bad ones, and
# list the spread per dimension (worked out by hand below).
. "$(dirname "$0")/lib.sh"
W=$T/f.ecx
"$ECX" init "$W" > /dev/null
sqlite3 "$W" "INSERT INTO area(name) VALUES('Red'), ('TI'); INSERT INTO dimension(name) VALUES('Cobertura'), ('App');"
set_r() { "$ECX" feasibility "$W" set --area "$1" --dimension "$2" --horizon "$3" --score "$4" ${5:+--comment "$5"}; }
expect "Red rates Cobertura short 5" set_r Red Cobertura short 5 "antenas nuevas"
expect "Red rates Cobertura medium 4" set_r Red Cobertura medium 4
expect "TI rates Cobertura short 2" set_r TI Cobertura short 2
expect "a new rating replaces the old" set_r TI Cobertura short 3
expect_fail "a score of 9 is refused" set_r TI App short 9
expect_fail "a horizon other than short or medium" set_r TI App long 3
expect_fail "an unknown area" set_r Ventas App short 3
expect_eq "three ratings, four audit rows" "$(sql "$W" "SELECT count(*) FROM feasibility") $(sql "$W" "SELECT count(*) FROM audit WHERE action='feasibility_set'")" "3 4"
# Cobertura: 5, 4, 3: mean 4, sd = sqrt((1 + 0 + 1)/2) = 1; short (5 + 3)/2 = 4, medium 4.
out=$("$ECX" feasibility "$W")
expect_match "the spread per dimension" "$out" "^Cobertura +3 +4\.00 +1\.00 +4\.00 4\.00$"
expect_match "App is not rated" "$out" "^App +0 +— +— +— —$"
out=$("$ECX" feasibility "$W" list --area TI --format json)
expect_eq "JSON: TI's rating only" "$(printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); print([(r["area"], r["horizon"], r["score"]) for r in d["ratings"]], d["summary"][1]["sd"])')" \
  "[('TI', 'short', 3)] 1"
