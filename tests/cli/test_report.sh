# ecx report on a workspace with known answers written through the sqlite3
# shell, so that every expected figure is worked out by hand here.
. "$(dirname "$0")/lib.sh"

W=$T/r.ecx
"$ECX" init "$W" --name "Telco Prueba" >/dev/null
# 100 responses in January 2026 at touchpoint "compra": NPS answers 10 (x50),
# 8 (x30), 3 (x20); 6 responses in February at "soporte", NPS 10,10,10,9,0,7;
# 3 responses in February at "tienda" (under min_n 5), NPS 10.
sqlite3 -batch "$W" < "$(dirname "$0")/fixture_report.sql"

# January alone: 50 promoters, 20 detractors of 100 -> NPS 30, adjusted-Wald
# 95% CI 14.05 .. 44.20 (see tests/unit/test_stats.c for the arithmetic).
out=$("$ECX" report "$W" --to 2026-01-31 --format csv)
expect_match "csv header" "$out" "^metric,n,value,ci_low,ci_high,suppressed$"
expect_match "January NPS 30 with its adjusted-Wald interval" "$out" "^nps,100,30\.0000,14\.05[0-9]*,44\.20[0-9]*,0$"

# By touchpoint: tienda has 3 responses, under the minimum of 5: suppressed,
# its n not shown. Soporte (6) is suppressed with it, or the total (109)
# minus compra (100) and soporte (6) would give tienda's 3 (docs/metrics.md).
out=$("$ECX" report "$W" --by touchpoint --format csv)
expect_match "tienda suppressed" "$out" "^tienda,nps,,,,,1$"
expect_match "the smallest other group is suppressed with it" "$out" "^soporte,nps,,,,,1$"
expect_match "compra is shown" "$out" "^compra,nps,100,30\.0000,"
# Soporte: 4 promoters, 1 detractor of 6 -> 50 (at min_n 3 nothing is hidden).
out=$("$ECX" report "$W" --by touchpoint --min-n 3 --format csv)
expect_match "soporte NPS 50 of 6" "$out" "^soporte,nps,6,50\.0000,"
expect_match "--min-n 3 shows tienda" "$out" "^tienda,nps,3,100\.0000,"
# CSAT in February: 2 of 3 answers at 4-5, but n 3 < 5: the figure is
# suppressed inside its shown group (9 responses).
out=$("$ECX" report "$W" --by month --format csv)
expect_match "small figure suppressed inside a shown group" "$out" "^2026-02,csat,3,,,,1$"
"$ECX" config "$W" min_n 7 >/dev/null
out=$("$ECX" report "$W" --by touchpoint --format csv)
expect_match "workspace min_n 7 suppresses soporte" "$out" "^soporte,nps,,,,,1$"
"$ECX" config "$W" min_n 5 >/dev/null

# Total: 50+4+3 promoters, 20+1 detractors of 109 -> 100*36/109 = 33.0275.
out=$("$ECX" report "$W" --format csv)
expect_match "overall NPS 33.03" "$out" "^nps,109,33\.027[0-9],"

# By month with the change: February (soporte+tienda: 7 promoters, 1 detractor
# of 9 -> 66.67) against January (30): +36.67.
out=$("$ECX" report "$W" --by month --compare previous --format csv)
expect_match "month rows" "$out" "^2026-02,nps,9,66\.666[0-9],"
expect_match "change against January" "$out" "^2026-02,nps,9,66\.666[0-9],[-0-9.]+,[-0-9.]+,36\.666[0-9],"

json=$("$ECX" report "$W" --by touchpoint,month --format json)
expect_match "json has keys per group" "$json" '"keys":\{"touchpoint":"soporte","month":"2026-02"\}'
expect "json is valid, with n and an interval on every row" python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert d["overall"]["n"]==109; assert all("ci_low" in f and "n" in f for g in d["groups"] for f in g["figures"].values())' "$json"

out=$("$ECX" report "$W" --by touchpoint)
expect_match "table has a heading with the organization" "$out" "^Telco Prueba — responses: 109"
expect_match "table marks suppressed groups" "$out" "tienda +\(all\) +< 5 +suppressed"

out=$("$ECX" report "$W" --where "touchpoint=soporte|tienda" --format csv)
expect_match "--where keeps two touchpoints" "$out" "^nps,9,66\.666[0-9],"
out=$("$ECX" report "$W" --where "touchpoint!=compra" --from 2026-02-01 --format csv)
expect_match "--where != with --from" "$out" "^nps,9,66\.666[0-9],"

# Errors: each names what is wrong and exits non-zero.
expect_fail "unknown grouping fails" "$ECX" report "$W" --by colour
out=$("$ECX" report "$W" --by colour 2>&1)
expect_match "unknown grouping lists the choices" "$out" 'cannot group by "colour".*touchpoint'
out=$("$ECX" report "$W" --where "touchpoint=kiosko" 2>&1)
expect_match "unknown value lists the known ones" "$out" 'no value "kiosko".*compra'
out=$("$ECX" report "$W" --where "touchpoint" 2>&1)
expect_match "filter syntax error points at the place" "$out" "at character"
expect_fail "bad format refused" "$ECX" report "$W" --format xml
expect_fail "bad date refused" "$ECX" report "$W" --from 2026-13-01
out=$("$ECX" report "$W" --compare previous 2>&1)
expect_match "--compare needs a period" "$out" "needs a period"
expect_fail "missing workspace" "$ECX" report "$T/none.ecx"

# ecx export: the same rows reports count.
out=$("$ECX" export "$W")
expect_eq "export has a header and one row per response" "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" "110"
expect_match "export header" "$out" "^date,survey,touchpoint,channel,language,competitor,nps,csat$"
expect_eq "export counts promoters like the report" \
  "$(printf '%s\n' "$out" | awk -F, 'NR>1 && $7>=9' | wc -l | tr -d ' ')" "57"
out=$("$ECX" export "$W" --where "touchpoint=soporte" --format jsonl)
expect_eq "export --where keeps 6 rows" "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" "6"
expect "jsonl rows are JSON" python3 -c 'import json,sys; [json.loads(l) for l in sys.argv[1].splitlines()]' "$out"
expect_fail "export refuses a bad format" "$ECX" export "$W" --format xml
expect_fail "export refuses an unwritable output" "$ECX" export "$W" -o "$T/no/such/dir/x.csv"

out=$("$ECX" report "$W" --metrics csat --format csv)
expect_eq "--metrics keeps only the named figure" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1 | sort -u)" "csat"
out=$("$ECX" report "$W" --metrics nps,colour 2>&1)
expect_match "--metrics names unknown metrics and lists the known" "$out" 'no metric "colour".*nps, csat'

# Import to report, end to end: a semicolon CSV with a mapping file.
# NPS answers 10,9,9,8,7,6,3,10 -> 4 promoters, 2 detractors of 8 = 25;
# CSAT 5,4,4,3,2,1,5,4 -> 5 of 8 at 4-5 = 62.5%.
I=$T/imp.ecx
"$ECX" init "$I" >/dev/null
printf 'folio;fecha;canal;recomendacion;satisfaccion\n' > "$T/enc.csv"
i=0
for v in "10 5" "9 4" "9 4" "8 3" "7 2" "6 1" "3 5" "10 4"; do
  i=$((i+1)); set -- $v
  printf 'F%d;0%d/03/2026;web;%s;%s\n' "$i" "$i" "$1" "$2" >> "$T/enc.csv"
done
printf 'folio = id\nfecha = date\ncanal = channel\nrecomendacion = nps\nsatisfaccion = csat\n@survey marzo\n' > "$T/enc.map"
expect "generic CSV imports with a mapping" "$ECX" import "$I" "$T/enc.csv" --map "$T/enc.map"
out=$("$ECX" report "$I" --format csv --by channel)
expect_match "imported NPS is 25 over 8 answers" "$out" "^web,nps,8,25\.0000,"
expect_match "imported CSAT is 62.5% over 8 answers" "$out" "^web,csat,8,62\.5000,"

# Differencing: "everyone" and "everyone but tienda" differ by tienda's 3
# responses, under min_n 5; the narrower question is refused (both ways).
out=$("$ECX" report "$W" --where "touchpoint!=tienda" --format csv 2>&1); rc=$?
expect_eq "a filter that leaves out fewer than min_n is refused" "$([ $rc -ne 0 ] && echo refused)" "refused"
expect_match "the refusal explains why" "$out" "3 more responses, fewer than the minimum of 5"
# January's compra and tienda: dropping --to would add tienda's 3 February answers.
out=$("$ECX" report "$W" --to 2026-01-31 --where "touchpoint=compra|tienda" 2>&1)
expect_match "a date bound that leaves out fewer than min_n is refused" "$out" "without --to the result would have 3 more"
expect "a filter that leaves out enough is answered" "$ECX" report "$W" --where "touchpoint!=compra"
out=$("$ECX" render "$W" overview --where "touchpoint!=tienda" 2>&1)
expect_match "the dashboards refuse it too" "$out" "fewer than the minimum"
