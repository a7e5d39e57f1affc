# ecx demo: argument errors, refusal of existing workspaces, a small run.
. "$(dirname "$0")/lib.sh"

expect_fail "demo needs --responses" "$ECX" demo "$T/x.ecx"
out=$("$ECX" demo "$T/x.ecx" --responses 0 2>&1)
expect_match "zero responses refused with the range" "$out" "from 1 to 50000000"
expect_fail "too many responses refused" "$ECX" demo "$T/x.ecx" --responses 50000001
expect_fail "non-numeric responses refused" "$ECX" demo "$T/x.ecx" --responses mil
expect_fail "negative seed refused" "$ECX" demo "$T/x.ecx" --responses 10 --seed -3
expect_eq "refused runs leave no file" "$(ls "$T")" ""

out=$("$ECX" demo "$T/d.ecx" --responses 2000 --seed 5 2>&1)
expect_match "2,000-response run reports what it made" "$out" "2000 responses from 800 respondents"
expect_eq "responses stored" "$(sql "$T/d.ecx" 'SELECT count(*) FROM response')" "2000"
expect_eq "organization name" "$(sql "$T/d.ecx" "SELECT value FROM setting WHERE key='org_name'")" "Telco Andina"
expect_eq "ten touchpoints in journey order" \
  "$(sql "$T/d.ecx" "SELECT group_concat(name, '>') FROM (SELECT name FROM touchpoint ORDER BY position)" | cut -d'>' -f1,10)" \
  "Descubrimiento>Portabilidad y baja"
expect_eq "every touchpoint has a channel" "$(sql "$T/d.ecx" 'SELECT count(*) FROM touchpoint WHERE channel_id IS NULL')" "0"
expect_eq "segment filter" "$(sql "$T/d.ecx" "SELECT filter FROM segment WHERE name='Jóvenes digitales'")" \
  "edad=18-24|25-34, perfil=digital"
expect_eq "two competitors" "$(sql "$T/d.ecx" 'SELECT count(*) FROM competitor')" "2"
expect_eq "every touchpoint has a responsible area" "$(sql "$T/d.ecx" 'SELECT count(*) FROM touchpoint WHERE id NOT IN (SELECT touchpoint_id FROM touchpoint_area)')" "0"
expect_eq "every area answers for a touchpoint" "$(sql "$T/d.ecx" 'SELECT count(*) FROM area WHERE id NOT IN (SELECT area_id FROM touchpoint_area)')" "0"
expect_eq "Red answers for the installation, the network and technical support" \
  "$(sql "$T/d.ecx" "SELECT group_concat(t.name, ', ') FROM (SELECT t.name FROM touchpoint_area ta JOIN area a ON a.id=ta.area_id JOIN touchpoint t ON t.id=ta.touchpoint_id WHERE a.name='Red' ORDER BY t.position) t")" \
  "Instalación y activación, Uso de la red, Soporte técnico"
expect_eq "no partial file left" "$(ls "$T")" "d.ecx"
expect_eq "integrity" "$(sql "$T/d.ecx" 'PRAGMA integrity_check')" "ok"
expect_eq "foreign keys hold" "$(sql "$T/d.ecx" 'PRAGMA foreign_key_check')" ""

before=$(snapshot "$T/d.ecx")
out=$("$ECX" demo "$T/d.ecx" --responses 100 2>&1)
expect_match "existing workspace refused without --force" "$out" "already exists and is not empty; use --force"
expect_eq "refusal changes nothing" "$(snapshot "$T/d.ecx")" "$before"
answers() { sql "$1" 'SELECT question_id, response_id, num, txt FROM answer ORDER BY 1, 2' | sha256sum; }
a1=$(answers "$T/d.ecx")
expect "--force recreates it" "$ECX" demo "$T/d.ecx" --responses 2000 --seed 5 --force
expect_eq "same seed, byte-identical answers" "$(answers "$T/d.ecx")" "$a1"
expect "another seed" "$ECX" demo "$T/d.ecx" --responses 2000 --seed 6 --force
if [ "$(answers "$T/d.ecx")" != "$a1" ]; then ok "another seed, other answers"; else fail "another seed, other answers"; fi

expect "init'd workspace" "$ECX" init "$T/blank.ecx"
expect "a blank workspace is filled without --force" "$ECX" demo "$T/blank.ecx" --responses 20
expect_eq "blank workspace filled" "$(sql "$T/blank.ecx" 'SELECT count(*) FROM response')" "20"
out=$("$ECX" --lang es demo "$T/z.ecx" --responses 0 2>&1)
expect_match "Spanish message" "$out" "número entero"
