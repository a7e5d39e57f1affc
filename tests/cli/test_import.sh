# ecx import: every format, mappings, inference, idempotence, validation
# errors (each leaving the workspace unchanged), --skip-bad, streaming memory.
. "$(dirname "$0")/lib.sh"

W="$T/w.ecx"
"$ECX" init "$W" >/dev/null

# ---- Qualtrics fixtures -------------------------------------------------
out=$("$ECX" import "$W" "$FIXTURES/qualtrics/sample.csv" 2>&1)
expect_match "Qualtrics sample imports one response" "$out" "1 new, 0 already present"
expect_eq "source id is ResponseId" "$(sql "$W" "SELECT source_id FROM response r JOIN survey s ON s.id=r.survey_id WHERE s.code='sample'")" "R_2YPOQ602ER1jkf1"
expect_eq "language from UserLanguage" "$(sql "$W" "SELECT language FROM response WHERE source_id='R_2YPOQ602ER1jkf1'")" "DE"
expect_eq "Q1 answer stored" "$(sql "$W" "SELECT a.num FROM answer a JOIN question q ON q.id=a.question_id WHERE q.code='Q1'")" "2"
expect_eq "Q2 free text stored" "$(sql "$W" "SELECT a.txt FROM answer a JOIN question q ON q.id=a.question_id WHERE q.code='Q2'")" "Hello World!"
expect_eq "label row is the question text" "$(sql "$W" "SELECT text_en FROM question WHERE code='Q1'")" "This is a multiple choice question."
expect_eq "timestamp from RecordedDate" "$(sql "$W" "SELECT ts FROM response WHERE source_id='R_2YPOQ602ER1jkf1'")" "$(date -u -d '2017-07-18 08:28:48' +%s)"
expect_eq "IP address never stored" "$(sqlite3 "$W" .dump | grep -c '130.92.34.66')" "0"
expect_eq "import_log row written" "$(sql "$W" "SELECT format||','||rows_read||','||rows_stored FROM import_log")" "qualtrics,1,1"
out=$("$ECX" report "$W" --by language --min-n 1)
expect_match "the sample's response is in the report" "$out" "responses: 1"
expect_match "the report groups it by its language" "$out" "DE +responses \(no ratings\) +1"
out=$("$ECX" import "$W" "$FIXTURES/qualtrics/sample.csv" 2>&1)
expect_match "re-import adds nothing" "$out" "0 new, 1 already present"
expect_eq "still one response" "$(sql "$W" "SELECT count(*) FROM response")" "1"

out=$("$ECX" import "$W" "$FIXTURES/qualtrics/sample_legacy.csv" 2>&1)
expect_match "legacy Qualtrics detected" "$out" "qualtrics-legacy"
expect_match "legacy Qualtrics imports one response" "$out" "1 new"
expect_eq "legacy Q1 answer" "$(sql "$W" "SELECT a.num FROM answer a JOIN question q ON q.id=a.question_id JOIN survey s ON s.id=q.survey_id WHERE s.code='sample_legacy' AND q.code='Q1'")" "2"

# A larger file of the current Qualtrics shape: 2000 rows, every 10th unfinished.
Q="$T/big_qualtrics.csv"
head -3 "$FIXTURES/qualtrics/sample.csv" > "$Q"
awk 'BEGIN{for(i=1;i<=2000;i++) printf "2024-03-01 10:00:00,2024-03-01 10:05:00,0,10.0.0.%d,100,300,%d,2024-03-01 10:05:%02d,R_%06d,Doe,Jane,j@x.org,,40.4,-3.7,email,ES,%d,\"Texto, con coma\nen dos líneas\",\n", i%250, (i%10?1:0), i%60, i, 1+i%4}' >> "$Q"
out=$("$ECX" import "$W" "$Q" --survey qbig 2>&1)
expect_match "generated Qualtrics: unfinished skipped and counted" "$out" "skipped \(unfinished\): 200"
expect_match "generated Qualtrics: 1800 stored" "$out" "1800 new"
expect_eq "multi-line text kept" "$(sql "$W" "SELECT count(*) FROM answer WHERE txt='Texto, con coma
en dos líneas'")" "1800"

# ---- LimeSurvey ---------------------------------------------------------
L="$T/lime.csv"
{ echo 'id,submitdate,lastpage,startlanguage,seed,ipaddr,Q1,Q2[SQ001],Q2[SQ002],Q3'
  awk 'BEGIN{for(i=1;i<=300;i++) printf "%d,%s,3,es,12345,10.1.1.1,%d,%d,%d,\"comentario %d\"\n", i, (i%15? sprintf("2024-02-%02d 12:00:00", 1+i%28) : ""), i%11, 1+i%5, 1+(i+1)%5, i}'; } > "$L"
out=$("$ECX" import "$W" "$L" 2>&1)
expect_match "LimeSurvey detected" "$out" "\(limesurvey\)"
expect_match "LimeSurvey: incomplete rows skipped" "$out" "skipped \(unfinished\): 20"
expect_match "LimeSurvey: 280 stored" "$out" "280 new"
expect_eq "sub-questions are questions of their own" "$(sql "$W" "SELECT group_concat(code) FROM (SELECT q.code FROM question q JOIN survey s ON s.id=q.survey_id WHERE s.code='lime' ORDER BY q.position)")" "Q1,Q2[SQ001],Q2[SQ002],Q3"
expect_eq "LimeSurvey id is the source id" "$(sql "$W" "SELECT count(*) FROM response r JOIN survey s ON s.id=r.survey_id WHERE s.code='lime' AND source_id='7'")" "1"
expect_eq "ipaddr never stored" "$(sqlite3 "$W" .dump | grep -c '10.1.1.1')" "0"

# ---- generic CSV with a mapping file -------------------------------------
G="$T/tiendas.csv"
cat > "$G" <<'CSV'
ref,cuando,p_nps,p_trato,edad,opinion,extra
A1,2024-05-01,9,4,35-44,Todo bien,x
A2,2024-05-02,6,2,18-24,Lento,y
A3,2024-05-03,10,5,35-44,,z
CSV
M="$T/tiendas.map"
cat > "$M" <<'MAP'
# shops survey
@survey tiendas2024
@kind transactional
@touchpoint Tienda
@channel Presencial
ref = id
cuando = date
p_nps = nps
p_trato = rating 1-5 Trato
edad = attribute Edad
opinion = text
extra = ignore
MAP
out=$("$ECX" import "$W" "$G" --map "$M" 2>&1)
expect_match "generic CSV with a mapping imports" "$out" "3 new"
expect_eq "survey code from @survey" "$(sql "$W" "SELECT kind FROM survey WHERE code='tiendas2024'")" "transactional"
expect_eq "constant touchpoint on every row" "$(sql "$W" "SELECT count(*) FROM response r JOIN touchpoint t ON t.id=r.touchpoint_id WHERE t.name='Tienda'")" "3"
expect_eq "rating dimension created" "$(sql "$W" "SELECT q.scale_max||d.name FROM question q JOIN dimension d ON d.id=q.dimension_id WHERE q.code='p_trato'")" "5Trato"
expect_eq "NPS values" "$(sql "$W" "SELECT group_concat(num) FROM (SELECT a.num FROM answer a JOIN question q ON q.id=a.question_id WHERE q.code='p_nps' ORDER BY a.num)")" "6,9,10"
expect_eq "attribute values" "$(sql "$W" "SELECT count(DISTINCT value) FROM attribute_value v JOIN attribute t ON t.id=v.attribute_id WHERE t.name='Edad'")" "2"
expect_eq "ignored column not a question" "$(sql "$W" "SELECT count(*) FROM question WHERE code='extra'")" "0"

# ---- generic semicolon CSV with inference ---------------------------------
S="$T/encuesta.csv"
printf 'fecha;canal;región;recomendación;satisfacción;comentario\r\n' > "$S"
awk 'BEGIN{for(i=1;i<=50;i++) printf "%02d/03/2024;%s;%s;%d;%d;%s\r\n", 1+i%28, (i%2?"web":"app"), (i%3?"Norte":"Sur"), i%11, 1+i%5, (i%4? "" : "me gustó mucho la atención recibida")}' >> "$S"
out=$("$ECX" import "$W" "$S" --dry-run 2>&1)
expect_match "inferred mapping printed: nps" "$out" "recomendación = nps"
expect_match "inferred mapping printed: date" "$out" "fecha = date"
expect_match "inferred mapping printed: channel" "$out" "canal = channel"
expect_match "inferred mapping printed: attribute" "$out" "región = attribute región"
expect_eq "dry run stores nothing" "$(sql "$W" "SELECT count(*) FROM survey WHERE code='encuesta'")" "0"
out=$("$ECX" import "$W" "$S" 2>&1)
expect_match "semicolon CSV imports by inference" "$out" "50 new"
expect_eq "DD/MM/YYYY dates" "$(sql "$W" "SELECT min(ts) FROM response r JOIN survey s ON s.id=r.survey_id WHERE s.code='encuesta'")" "$(date -u -d 2024-03-01 +%s)"
out=$("$ECX" import "$W" "$S" 2>&1)
expect_match "file without id column: re-import adds nothing" "$out" "0 new, 50 already present"
expect_match "source id from line and hash" "$(sql "$W" "SELECT source_id FROM response r JOIN survey s ON s.id=r.survey_id WHERE s.code='encuesta' LIMIT 1")" '^line:[0-9]+:[0-9a-f]{16}$'

# ---- JSON lines -------------------------------------------------------------
J="$T/app.jsonl"
cat > "$J" <<'JSON'
{"id": "j1", "date": "2024-06-01T10:00:00Z", "nps": 9, "language": "es", "comment": "Genial", "temas": ["precio", "envío"]}
{"id": "j2", "date": "2024-06-02T11:00:00Z", "nps": 3, "language": "en", "comment": null, "temas": []}

{"id": "j3", "date": "2024-06-03", "nps": 10, "language": "es", "comment": "Rápido"}
JSON
printf 'id = id\ndate = date\nnps = nps\nlanguage = language\ncomment = text\ntemas = multi\n' > "$T/app.map"
out=$("$ECX" import "$W" "$J" --map "$T/app.map" 2>&1)
expect_match "JSON lines import" "$out" "3 new"
expect_eq "JSON arrays joined for multi" "$(sql "$W" "SELECT a.txt FROM answer a JOIN question q ON q.id=a.question_id WHERE q.code='temas'")" "precio;envío"
expect_eq "JSON language" "$(sql "$W" "SELECT language FROM response WHERE source_id='j2'")" "en"

# ---- errors: each leaves the workspace unchanged ---------------------------
before=$(snapshot "$W")
check_refused() {  # DESC EXPECTED_EXIT REGEX CMD...
  desc=$1 code=$2 re=$3; shift 3
  out=$("$@" 2>&1); rc=$?
  expect_eq "$desc: exit code" "$rc" "$code"
  expect_match "$desc: message" "$out" "$re"
  expect_eq "$desc: workspace unchanged" "$(snapshot "$W")" "$before"
}
B="$T/bad.csv"
printf 'id,fecha,nps\n1,2024-01-01,9\n2,2024-01-02,11\n3,2024-01-03,7\n' > "$B"
check_refused "NPS 11" 15 "bad.csv:3: column nps \(3\): value \"11\": outside the scale 0-10" "$ECX" import "$W" "$B"
printf 'id,fecha,nps\n1,2024-01-01,9\n2,2024-13-45,5\n' > "$B"
check_refused "bad date" 15 "bad.csv:3: column fecha \(2\): value \"2024-13-45\": not a date" "$ECX" import "$W" "$B" --map /dev/stdin <<'MAP'
id = id
fecha = date
nps = nps
MAP
printf 'id,fecha,nps\n1,2024-01-01,9\n2,2024-01-02\n3,2024-01-03,5,extra\n' > "$B"
out=$("$ECX" import "$W" "$B" 2>&1)
check_refused "column count" 15 "bad.csv:3: column nps \(3\): value \"\": the record has 2 columns, the header has 3" "$ECX" import "$W" "$B"
expect_match "column count: too many named too" "$out" "bad.csv:4: column \(4\): value \"extra\": the record has 4 columns"
printf 'id,fecha,nps,texto\n1,2024-01-01,9,bien\n2,2024-01-02,8,caf\351\n' > "$B"
check_refused "invalid UTF-8" 15 'bad.csv:3: column texto \(4\): value "caf\\xe9": invalid UTF-8' "$ECX" import "$W" "$B"
printf 'id = id\nnps = promoter\n' > "$T/bad.map"
printf 'id,fecha,nps\n1,2024-01-01,9\n' > "$B"
check_refused "unknown role in mapping" 8 'bad.map:2: unknown role "promoter"' "$ECX" import "$W" "$B" --map "$T/bad.map"
check_refused "missing file" 4 "cannot open $T/nope.csv" "$ECX" import "$W" "$T/nope.csv"
check_refused "unknown --format" 2 'unknown format "spss"' "$ECX" import "$W" "$B" --format spss
check_refused "unwritable rejects path" 4 "cannot write reject file $T/no/such/dir/r.csv" "$ECX" import "$W" "$B" --skip-bad --rejects "$T/no/such/dir/r.csv"
printf 'id,nps\n1,"9\n' > "$B"
check_refused "unterminated quote" 9 "bad.csv:2: quoted field never closed" "$ECX" import "$W" "$B"
printf 'id = id\nnps = nps\nfecha = date\n' > "$T/wrongcol.map"
printf 'id,nps\n1,9\n' > "$B"
check_refused "mapping names a missing column" 8 'wrongcol.map:3: the input has no column "fecha"' "$ECX" import "$W" "$B" --map "$T/wrongcol.map"
printf '{"id": "1", "nps": 5}\n{"id": "2", "nps": 50}\n{"id": "3", "nps": 5, "otro": 1}\nnot json\n' > "$T/bad.jsonl"
check_refused "JSON lines errors" 15 'bad.jsonl:2: column nps \(2\): value "50": outside the scale 0-10' "$ECX" import "$W" "$T/bad.jsonl"
out=$("$ECX" import "$W" "$T/bad.jsonl" 2>&1)
expect_match "JSON lines: unknown key reported" "$out" 'bad.jsonl:3: key "otro" is not in the first line'
expect_match "JSON lines: bad line reported" "$out" 'bad.jsonl:4: not a JSON object'

# ---- 10,000 rows with one bad value at a known line -------------------------
TEN="$T/ten.csv"
awk 'BEGIN{print "id,fecha,canal,nps,csat"; for(i=1;i<=10000;i++){ n=(i==7321)?"x9":i%11; printf "r%d,2024-01-%02d,web,%s,%d\n", i, 1+i%28, n, 1+i%5 }}' > "$TEN"
check_refused "10k rows, one bad" 15 'ten.csv:7322: column nps \(4\): value "x9": not a whole number' "$ECX" import "$W" "$TEN"
out=$("$ECX" import "$W" "$TEN" 2>&1)
expect_match "refusal says nothing was stored" "$out" "nothing stored: 1 bad rows in .*ten.csv"
out=$("$ECX" import "$W" "$TEN" --skip-bad 2>&1)
expect_match "--skip-bad stores 9999" "$out" "9999 new"
expect_eq "9999 responses in the survey" "$(sql "$W" "SELECT count(*) FROM response r JOIN survey s ON s.id=r.survey_id WHERE s.code='ten'")" "9999"
expect_eq "reject file: header plus exactly one row" "$(wc -l < "$TEN.rejects.csv")" "2"
expect_eq "reject row keeps columns, line and reason" "$(tail -1 "$TEN.rejects.csv")" "r7321,2024-01-14,web,x9,2,7322,not a whole number"
expect_eq "import_log counts the rejected row" "$(sql "$W" "SELECT rows_read||','||rows_stored||','||rows_rejected FROM import_log ORDER BY id DESC LIMIT 1")" "10000,9999,1"
out=$("$ECX" import "$W" "$TEN" --skip-bad --rejects "$T/r2.csv" 2>&1)
expect_match "re-import with --skip-bad adds nothing" "$out" "0 new, 9999 already present"
expect_eq "--rejects path used" "$(wc -l < "$T/r2.csv")" "2"

# ---- more than 20 errors: first 20 shown, total counted ---------------------
awk 'BEGIN{print "id,nps"; for(i=1;i<=100;i++) printf "%d,%d\n", i, (i%4==0)?12:i%11}' > "$T/many.csv"
out=$("$ECX" import "$W" "$T/many.csv" 2>&1)
expect_eq "20 errors printed" "$(printf '%s\n' "$out" | grep -c 'many.csv:[0-9]*: column')" "20"
expect_match "the rest counted" "$out" "and 5 more bad rows"
expect_match "total in the refusal" "$out" "25 bad rows"

# ---- batched storage: staged (new survey) and direct (survey with answers) --
# 5000 rows (several batches); rows 4001-5000 repeat the ids of rows 1-1000.
awk 'BEGIN{print "id,fecha,canal,region,nps,csat,comentario"; for(i=1;i<=5000;i++){ k=(i>4000)?i-4000:i; printf "b%d,2024-%02d-%02d,%s,%s,%s,%d,%s\n", k, 1+k%12, 1+k%28, (k%3?"web":"tienda"), (k%2?"Norte":"Sur"), (k%5?k%11:""), 1+k%5, (k%7?"":"texto " k) }}' > "$T/bat.csv"
head -2001 "$T/bat.csv" > "$T/bat1.csv"
{ head -1 "$T/bat.csv"; tail -n +2002 "$T/bat.csv"; } > "$T/bat2.csv"
"$ECX" init "$T/b1.ecx" >/dev/null; "$ECX" init "$T/b2.ecx" >/dev/null
out=$("$ECX" import "$T/b1.ecx" "$T/bat.csv" --survey s 2>&1)
expect_match "one pass: duplicates across batches skipped" "$out" "4000 new, 1000 already present"
"$ECX" import "$T/b2.ecx" "$T/bat1.csv" --survey s >/dev/null 2>&1
out=$("$ECX" import "$T/b2.ecx" "$T/bat2.csv" --survey s 2>&1)
expect_match "second file into a survey with answers" "$out" "2000 new, 1000 already present"
dump="SELECT q.code, r.source_id, r.ts, r.channel_id, coalesce(a.num, '-'), coalesce(a.txt, '-') FROM answer a JOIN question q ON q.id=a.question_id JOIN response r ON r.id=a.response_id ORDER BY 1, 2"
sql "$T/b1.ecx" "$dump" > "$T/b1.dump"; sql "$T/b2.ecx" "$dump" > "$T/b2.dump"
expect_eq "staged and direct storage give the same answers" "$(cmp -s "$T/b1.dump" "$T/b2.dump" && [ -s "$T/b1.dump" ] && echo same)" "same"
expect_eq "answers stored (4 questions, empty cells skipped)" "$(sql "$T/b1.ecx" "SELECT count(*) FROM answer")" \
  "$(awk -F, 'NR>1 && NR<=4001 { for(i=4;i<=7;i++) n+=($i!=""); } END {print n}' "$T/bat.csv")"
expect_eq "no dangling reference after a bulk load" "$(sql "$T/b1.ecx" "PRAGMA foreign_key_check")" ""
expect_eq "the workspace is sound after a bulk load" "$(sql "$T/b2.ecx" "PRAGMA integrity_check")" "ok"
expect_eq "no staging table is left behind" "$(sql "$T/b1.ecx" "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'ecx_stage%'")" "0"

# ---- streaming: memory does not grow with the file --------------------------
# (Skipped for sanitizer builds, whose allocator keeps freed memory.)
if [ -x /usr/bin/time ] && ! case "$ECX" in *asan*) true;; *) false;; esac; then
  awk 'BEGIN{print "id,fecha,canal,region,nps,csat,comentario"; for(i=1;i<=200000;i++) printf "%d,2024-%02d-%02d,%s,%s,%d,%d,%s\n", i, 1+i%12, 1+i%28, (i%3?"web":"tienda"), (i%2?"Norte":"Sur"), i%11, 1+i%5, (i%7?"":"comentario algo más largo que los demás")}' > "$T/big.csv"
  head -20001 "$T/big.csv" > "$T/small.csv"
  "$ECX" init "$T/m1.ecx" >/dev/null; "$ECX" init "$T/m2.ecx" >/dev/null
  /usr/bin/time -f %M -o "$T/rss1" "$ECX" import "$T/m1.ecx" "$T/small.csv" --survey s >/dev/null 2>&1
  /usr/bin/time -f %M -o "$T/rss2" "$ECX" import "$T/m2.ecx" "$T/big.csv" --survey s > "$T/big.out" 2>&1
  r1=$(tail -1 "$T/rss1"); r2=$(tail -1 "$T/rss2")
  expect_eq "200k rows stored" "$(sql "$T/m2.ecx" "SELECT count(*) FROM response")" "200000"
  if [ $((r2 - r1)) -lt 10240 ]; then ok "max RSS 20k rows ${r1} KB vs 200k rows ${r2} KB"; else fail "memory grows with file size" "20k: $r1 KB, 200k: $r2 KB"; fi
  grep 'rows/s' "$T/big.out" | sed 's/^/# 200k rows: /'
fi
