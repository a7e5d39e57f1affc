#!/bin/sh
# ecx against DuckDB and the sqlite3 shell on the same generated data, in one
# run; writes bench/RESULTS.md. Called by `make bench` (which installs the
# packages and builds first).
#   BENCH_N      responses to generate (default 10000000)
#   BENCH_RUNS   runs per measurement; medians are reported (default 5)
#   BENCH_HTTP_SECONDS  length of each P4 load run (default 10)
#   BENCH_SECTIONS      sections to run, e.g. "p4" (default: all)
set -eu
cd "$(dirname "$0")/.."
N=${BENCH_N:-10000000}
RUNS=${BENCH_RUNS:-5}
D=build/bench
ECX=build/ecx
mkdir -p "$D"
make -s all build/engine_bench build/bench_load
SECTIONS=${BENCH_SECTIONS:-p1 p2 p3 p4}
on() { case " $SECTIONS " in *" $1 "*) return 0 ;; esac; return 1; }
if on p1; then
  [ -d bench/node_modules/@duckdb/node-api ] || (cd bench && npm install --no-audit --no-fund --silent)
fi

WS=$D/demo-$N.ecx
CSV=$D/demo-$N.csv
if [ ! -f "$WS" ]; then
  echo "== generating $N responses"
  /usr/bin/time -f "%e s, %M KB" -o "$D/gen-$N.time" "$ECX" demo "$WS" --responses "$N" --seed 7
fi
if on p1 || on p3; then
  [ -f "$CSV" ] || "$ECX" export "$WS" -o "$CSV"
fi

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ROWS=""
row() { ROWS="$ROWS$1
"; }

# ---- P1 dashboard ----
if on p1; then
echo "== P1 dashboard (segment x touchpoint x month)"
# The cube cache is derived data: a missing or older one is (re)built here,
# so that "with the cube cache" below measures a load from a valid one.
"$ECX" report "$WS" --metrics nps > /dev/null
build/engine_bench "$WS" segment,touchpoint,month "$((RUNS*4))" > "$D/engine.txt"
eng_ms=$(awk '/^query_ms_median/ {print $2}' "$D/engine.txt")
bpr=$(awk '/^bytes_per_row/ {print $2}' "$D/engine.txt")
load_ms=$(awk '/^load_ms/ {print $2}' "$D/engine.txt")
: > "$D/p1_proc.txt"
for i in $(seq "$RUNS"); do
  /usr/bin/time -f "%e %M" -o "$D/t.txt" "$ECX" report "$WS" --by segment,touchpoint,month --min-n 1 --format csv > "$D/ecx_p1.csv"
  cat "$D/t.txt" >> "$D/p1_proc.txt"
done
proc_s=$(awk '{print $1}' "$D/p1_proc.txt" | median)
proc_kb=$(awk '{print $2}' "$D/p1_proc.txt" | sort -n | tail -1)
/usr/bin/time -f "%M" -o "$D/duck.mem" node bench/duckdb_p1.mjs "$CSV" "$D/duck_p1.csv" "$RUNS" > "$D/duck.json"
duck_ms=$(node -e "console.log(JSON.parse(require('fs').readFileSync('$D/duck.json','utf8')).median_ms.toFixed(1))")
duck_load=$(node -e "console.log(JSON.parse(require('fs').readFileSync('$D/duck.json','utf8')).load_ms.toFixed(0))")
verdict() {  # verdict PEER.csv: "yes (N values)" or "NO: ..."
  node bench/compare_p1.mjs "$1" "$D/ecx_p1.csv" > "$D/cmp.json" && \
    node -e "const r=JSON.parse(require('fs').readFileSync('$D/cmp.json','utf8')); console.log('yes ('+r.checked+' values)')" || \
    node -e "const r=JSON.parse(require('fs').readFileSync('$D/cmp.json','utf8')); console.log('NO: '+r.mismatches[0])"
}
duck_ok=$(verdict "$D/duck_p1.csv")
rm -f "$D/s.db"
node bench/p1_sql.mjs "$CSV" create > "$D/create.sql"
/usr/bin/time -f "%e" -o "$D/sq_import.time" sqlite3 "$D/s.db" ".read $D/create.sql" ".mode csv" ".import --skip 1 $CSV t"
node bench/p1_sql.mjs "$CSV" query > "$D/p1.sql"
: > "$D/sq_times.txt"
for i in $(seq "$RUNS"); do
  /usr/bin/time -f "%e %M" -o "$D/t.txt" sqlite3 -csv -header "$D/s.db" ".read $D/p1.sql" > "$D/sq_p1.csv"
  cat "$D/t.txt" >> "$D/sq_times.txt"
done
sq_s=$(awk '{print $1}' "$D/sq_times.txt" | median)
sq_kb=$(awk '{print $2}' "$D/sq_times.txt" | sort -n | tail -1)
sq_ok=$(verdict "$D/sq_p1.csv")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f×", b/a }'; }
row "| P1 engine: query over loaded data | $eng_ms ms | $duck_ms ms (in-memory table) | $(awk -v s="$sq_s" 'BEGIN{printf "%.0f", s*1000}') ms (whole shell run) | $(ratio "$eng_ms" "$duck_ms") faster than DuckDB | DuckDB: $duck_ok; sqlite3: $sq_ok |"
row "| P1 process: \`ecx report\` from the workspace file | $proc_s s, peak $((proc_kb/1024)) MB | load $duck_load ms + query, peak $(( $(cat "$D/duck.mem")/1024 )) MB | peak $((sq_kb/1024)) MB | | |"
row "| P5 engine memory | $bpr bytes per response | | | target ≤ 32 | |"
cold_ms=$(ECX_NO_CUBE_CACHE=1 build/engine_bench "$WS" "" 1 | awk '/^load_ms/ {print $2}')
row "| Cold start: cube load from the workspace | $load_ms ms with the cube cache, $cold_ms ms without | | | | |"
fi

WS1=$D/demo-1000000.ecx
[ -f "$WS1" ] || "$ECX" demo "$WS1" --responses 1000000 --seed 7 > /dev/null

# ---- P2 drivers ----
if on p2; then
echo "== P2 key drivers on 1,000,000 responses"
"$ECX" report "$WS1" > /dev/null            # builds the cube cache
# p2run [DRIVERS ARGS...]: median seconds of RUNS whole runs into p2_s; the
# last run's CSV in $D/p2.out.
p2run() {
  : > "$D/p2.txt"
  for i in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$D/t.txt" "$ECX" drivers "$WS1" --bootstrap 500 --format csv "$@" > "$D/p2.out"
    cat "$D/t.txt" >> "$D/p2.txt"
  done
  p2_s=$(awk '{print $1}' "$D/p2.txt" | median)
  p2_np=$(($(wc -l < "$D/p2.out") - 1))
}
p2run
top3=$(awk -F, 'NR>1 && $7<=3 {printf "%s%s", (n++ ? ", " : ""), $8}' "$D/p2.out")
row "| P2 drivers: R², relative weights and exact Shapley over $p2_np dimensions, 500 bootstrap replicates, 1M responses (whole process) | $p2_s s | | | target ≤ 0.5 s | ranking: $top3 (the generator's three largest true weights, docs/demo.md) |"
# The target speaks of 12 predictors: every dimension, CSAT and CES.
p2run --predictors "$(sqlite3 "$WS1" "SELECT group_concat(name, ',') FROM dimension"),csat,ces"
row "| P2 drivers: the same over $p2_np predictors (the dimensions, CSAT and CES) | $p2_s s | | | target ≤ 0.5 s | |"
fi

# ---- P3 import ----
if on p3; then
echo "== P3 import of a 1,000,000-response CSV"
P3CSV=$D/p3.csv
head -1000001 "$CSV" > "$P3CSV"
# A mapping for the export's columns (docs/import.md): categories, attributes
# and ratings; segments are computed, not imported.
{
  echo "@survey bench"
  head -1 "$CSV" | tr ',' '\n' | tr -d '"' | awk -v dims=0 '
    $0=="date" || $0=="touchpoint" || $0=="channel" || $0=="language" || $0=="competitor" { print $0 " = " $0; next }
    $0=="survey" || /^segment:/ { print $0 " = ignore"; next }
    $0=="nps" { dims=1; print "nps = nps"; next }
    $0=="csat" || $0=="ces" { print $0 " = " $0; next }
    dims { print $0 " = rating 1-5 " $0; next }
    { print $0 " = attribute " $0 }'
} > "$D/bench.map"
rm -f "$D/import.ecx" "$D/import.ecx-wal" "$D/import.ecx-shm"
"$ECX" init "$D/import.ecx" > /dev/null
/usr/bin/time -f "%e %M" -o "$D/imp.time" "$ECX" import "$D/import.ecx" "$P3CSV" --map "$D/bench.map" > "$D/imp.out" 2>&1 || cat "$D/imp.out"
imp_s=$(awk '{print $1}' "$D/imp.time"); imp_kb=$(awk '{print $2}' "$D/imp.time")
rm -f "$D/p3.db"
/usr/bin/time -f "%e" -o "$D/sq_p3.time" sqlite3 "$D/p3.db" ".read $D/create.sql" ".mode csv" ".import --skip 1 $P3CSV t"
sq_imp_s=$(cat "$D/sq_p3.time")
rows=$(($(wc -l < "$P3CSV") - 1))
stored=$(sqlite3 "$D/import.ecx" "SELECT count(*) FROM response")
imp_ok=$([ "$stored" -eq "$rows" ] && echo "yes ($stored of $rows rows stored)" || echo "NO: $stored of $rows rows stored")
row "| P3 import: 1M-response CSV into a new workspace | $(awk -v r="$rows" -v s="$imp_s" 'BEGIN{printf "%.0f rows/s (%.1f s), peak %d MB", r/s, s, '"$imp_kb"'/1024}') | | $(awk -v r="$rows" -v s="$sq_imp_s" 'BEGIN{printf "%.0f rows/s (%.1f s) into one table, no validation", r/s, s}') | $(awk -v a="$imp_s" -v b="$sq_imp_s" 'BEGIN{printf "%.2f× the sqlite3 shell", b/a}') | $imp_ok |"
fi

# ---- P4 HTTP ----
if on p4; then
echo "== P4 HTTP on loopback: durable submissions, dashboard page"
. bench/serve_lib.sh
SECS=${BENCH_HTTP_SECONDS:-10}
P4WS=$D/p4.ecx
rm -f "$P4WS" "$P4WS-wal" "$P4WS-shm"
"$ECX" backup "$WS1" "$P4WS" > /dev/null
serve_user "$P4WS"
ING=$("$ECX" token add "$P4WS" bench --name bench-p4 --scopes ingest 2>/dev/null | tail -1)
nresp() { sqlite3 "$P4WS" "SELECT count(*) FROM response"; }
start0=$(nresp)
serve_start "$P4WS"
trap serve_stop EXIT
J=$D/p4.jar; rm -f "$J"
serve_login "$J"
# Open the survey tx-01 and make its public link, through the builder.
sv=$(sqlite3 -separator ' ' "$P4WS" "SELECT id, coalesce(touchpoint_id, 0), coalesce(channel_id, 0) FROM survey WHERE code='tx-01'")
title=$(sqlite3 "$P4WS" "SELECT title FROM survey WHERE code='tx-01'")
set -- $sv
t=$(serve_csrf "$J")
curl -s -o /dev/null -b "$J" "$URL/surveys/$1" --data-urlencode "csrf=$t" --data-urlencode action=meta \
  --data-urlencode "title=$title" --data-urlencode kind=transactional --data-urlencode status=open \
  --data-urlencode "touchpoint=$2" --data-urlencode "channel=$3"
curl -s -o /dev/null -b "$J" "$URL/surveys/$1" --data-urlencode "csrf=$t" --data-urlencode action=token
PUB=$(curl -s -b "$J" "$URL/surveys/$1" | sed -n 's|.*id="public-link" href="/s/\([0-9a-f]*\)".*|\1|p')
[ -n "$PUB" ] || { echo "P4: no public link"; exit 1; }
# The cube and the verbatim index are loaded before timing.
curl -s -o /dev/null -b "$J" "$URL/"
curl -s -o /dev/null -b "$J" "$URL/verbatims"
ANS='{"nps":9,"csat":4,"ces":6,"r_app":4,"r_precio":3}'
FIELDS='q_nps=9&q_csat=4&q_ces=6&q_r_app=4&q_r_precio=3'
kv() { awk -v k="$1" '$1==k {print $2}' "$D/load.txt"; }
# p4run LABEL ARGS...: one load run; its row, with the workspace's growth
# checked against the acknowledged submissions.
p4run() {
  label=$1; shift
  before=$(nresp)
  build/bench_load "$URL" "$@" --seconds "$SECS" > "$D/load.txt"
  grown=$(( $(nresp) - before ))
  acked=$(kv stored)
  extra=""; per="$(kv rps | awk '{printf "%.0f", $1}') requests/s"
  if [ "$(kv mode)" = form ]; then
    extra=" for the POST (the GET before it: p50 $(kv get_p50_ms) ms, p99 $(kv get_p99_ms) ms)"
    per="each a GET and a POST"
  fi
  same=$([ "$grown" -eq "$acked" ] && echo "yes: +$grown responses stored = $acked acknowledged" || echo "NO: +$grown responses stored, $acked acknowledged")
  row "| P4 HTTP: $label, $(kv connections) connections, $(kv seconds) s | $(kv stored_per_s | awk '{printf "%.0f", $1}') responses/s ($per), p50 $(kv p50_ms) ms, p99 $(kv p99_ms) ms$extra, $(kv non2xx) non-2xx, $(kv errors) errors | | | target ≥ 5,000/s, p99 ≤ 20 ms | $same |"
  P4ACKED=$((P4ACKED + acked))
}
P4ACKED=0
p4run "API ingest, one response a request (\`POST /api/v1/responses\`)" api --connections 8 \
  -H "Authorization: Bearer $ING" --survey tx-01 --answers "$ANS"
p4run "API ingest, 100 responses a request" api --connections 8 --batch 100 \
  -H "Authorization: Bearer $ING" --survey tx-01 --answers "$ANS"
p4run "public form, each respondent from its own address: GET \`/s/TOKEN\`, POST, 303" form --connections 8 \
  --token "$PUB" --fields "$FIELDS"
serve_stop
trap - EXIT
total=$(( $(nresp) - start0 ))
[ "$total" -eq "$P4ACKED" ] || { echo "P4: the workspace grew by $total, $P4ACKED acknowledged"; exit 1; }

# The dashboard's first page at N responses, through the same client.
serve_user "$WS"
serve_start "$WS"
trap serve_stop EXIT
rm -f "$J"
serve_login "$J"
curl -s -o /dev/null -b "$J" "$URL/"
curl -s -o /dev/null -b "$J" "$URL/verbatims"
build/bench_load "$URL" get --path / --connections 1 --count "$((RUNS * 20))" -H "Cookie: $(serve_cookie "$J")" > "$D/load.txt"
serve_stop
row "| P4 HTTP: dashboard page \`/\` at $N responses, $(kv requests) requests on 1 connection | p50 $(kv p50_ms) ms, p99 $(kv p99_ms) ms, $(kv non2xx) non-2xx | | | | |"
# Cold start: from \`ecx serve\` to the first dashboard page answered (200),
# with the session above (sessions are stored in the workspace).
t0=$(date +%s%N)
serve_start "$WS"
n=0
while [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$J" "$URL/")" != 200 ]; do
  n=$((n + 1)); [ $n -lt 6000 ] || { echo "cold start: no page after 2 minutes"; exit 1; }
  sleep 0.02
done
cold_serve_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
serve_stop
trap - EXIT
row "| Cold start: \`ecx serve\` to the first dashboard page at $N responses, cube cache present | $cold_serve_ms ms | | | | |"
fi

# ---- write the results ----
# A run of some sections only writes its table beside the data.
OUT=bench/RESULTS.md
[ -z "${BENCH_SECTIONS:-}" ] || OUT=$D/RESULTS.md
{
  echo "# Benchmark results"
  echo
  echo "Generated by \`make bench\` on $(date -u +%Y-%m-%d) with $N responses (\`ecx demo --seed 7\`), medians of $RUNS runs."
  echo
  echo "Machine: $(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2}'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)."
  echo "Peers: DuckDB $(cd bench && node -e "import('@duckdb/node-api').then(m=>console.log(m.version()))" 2>/dev/null || echo '?') (npm @duckdb/node-api), sqlite3 shell $(sqlite3 --version | cut -d' ' -f1); ecx $("$ECX" version | head -1)."
  echo
  echo "| benchmark | ecx | DuckDB | sqlite3 shell | ratio | same numbers |"
  echo "| --- | --- | --- | --- | --- | --- |"
  printf '%s' "$ROWS"
  echo
  echo "Data generation: $(cat "$D/gen-$N.time" 2>/dev/null || echo 'reused an existing workspace'). sqlite3 .import of the export: $(cat "$D/sq_import.time" 2>/dev/null || echo '?') s."
} > "$OUT"
cat "$OUT"
