# Load soak on loopback: for ECX_SOAK_SECONDS (60 by default; longer runs
# by setting it), two clients post responses through the API, two answer
# the public form (each answer from an address of its own, so that the
# per-address limit stays out of the way) and two read the dashboards and
# the metrics API, all at once. Every response must be a success, the
# server's resident memory may not keep growing after the warm-up, every
# acknowledged response must be stored, and p50/p99 latencies are printed.
. "$(dirname "$0")/lib.sh"
SECS=${ECX_SOAK_SECONDS:-60}
WARM=$((SECS / 5))
W=$T/soak.ecx
"$ECX" init "$W" > /dev/null
sqlite3 -batch "$W" < "$ROOT/tests/cli/fixture_report.sql"
PUB=0123456789abcdef01234567
sqlite3 -batch "$W" "UPDATE survey SET status='open', public_token='$PUB' WHERE code='rel';"
add_user "$W" loader analyst
add_user "$W" vi viewer
INGEST=$("$ECX" token add "$W" loader --name in --scopes ingest 2>/dev/null | tail -1)
READ=$("$ECX" token add "$W" loader --name rd --scopes read 2>/dev/null | tail -1)
start_server "$W" --threads 4
login "$T/vi" vi password-vi > /dev/null
end=$(( $(date +%s) + SECS ))
mkdir -p "$T/log"

# Each client writes "CLASS STATUS SECONDS" lines, and acknowledged ids.
# client NAME STEP: run STEP NAME (with k counting) until the end.
client() {
  k=0
  while [ "$(date +%s)" -lt "$end" ]; do k=$((k + 1)); "$2" "$1"; done
}
api_step() {
  id="api$1-$k"
  r=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $INGEST" \
      -H 'Content-Type: application/json' -X POST "$URL/api/v1/responses" \
      --data "{\"survey\":\"rel\",\"source_id\":\"$id\",\"ts\":1767225600,\"answers\":{\"nps\":$((k % 11)),\"csat\":$((1 + k % 5))}}")
  echo "api $r" >> "$T/log/api$1"
  case "$r" in 201*) echo "$id" >> "$T/log/acked$1" ;; esac
}
form_step() {
  ip=127.$1.$(( (k / 250) % 250 + 1 )).$(( k % 250 + 1 ))
  jar=$T/log/jar$1; : > "$jar"
  curl -s --interface "$ip" -b "$jar" -c "$jar" -o "$T/log/html$1" -w 'get %{http_code} %{time_total}\n' "$URL/s/$PUB" >> "$T/log/form$1"
  ft=$(sed -n 's/.*name="form_token" value="\([0-9a-f]*\)".*/\1/p' "$T/log/html$1")
  sid=$(sed -n 's/.*name="sid" value="\([0-9a-f]*\)".*/\1/p' "$T/log/html$1")
  r=$(curl -s --interface "$ip" -b "$jar" -o /dev/null -w '%{http_code} %{time_total}' "$URL/s/$PUB" \
      --data "form_token=$ft&sid=$sid&q_nps=$((k % 11))&q_csat=$((1 + k % 5))")
  echo "form $r" >> "$T/log/form$1"
  case "$r" in 303*) echo "web:$sid" >> "$T/log/acked$1" ;; esac
}
read_step() {
  case $((k % 4)) in
    0) set -- "$1" -b "$T/vi" "$URL/" ;;
    1) set -- "$1" -b "$T/vi" "$URL/breakdown?by=touchpoint" ;;
    2) set -- "$1" -b "$T/vi" "$URL/heatmap" ;;
    3) set -- "$1" -H "Authorization: Bearer $READ" "$URL/api/v1/metrics?by=month" ;;
  esac
  n=$1; shift
  curl -s -o /dev/null -w 'page %{http_code} %{time_total}\n' "$@" >> "$T/log/read$n"
}
client 1 api_step & p1=$!
client 2 api_step & p2=$!
client 11 form_step & p3=$!
client 12 form_step & p4=$!
client 1 read_step & p5=$!
client 2 read_step & p6=$!
rss() { sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$SRV_PID/status"; }
sleep "$WARM"; rss0=$(rss)
sleep $(( (SECS - WARM) / 2 )); rss1=$(rss)
wait $p1 $p2 $p3 $p4 $p5 $p6
rss2=$(rss)
stop_server

cat "$T"/log/api* "$T"/log/form1* "$T"/log/read* > "$T/all"
n=$(wc -l < "$T/all" | tr -d ' ')
bad=$(awk '($1=="api" && $2!=201) || ($1=="get" && $2!=200) || ($1=="form" && $2!=303) || ($1=="page" && $2!=200)' "$T/all" | wc -l | tr -d ' ')
# pct CLASS P: the P-th percentile of CLASS's latencies, in milliseconds.
pct() { awk -v c="$1" '$1==c {print $3 * 1000}' "$T/all" | sort -n | awk -v p="$2" '{a[NR]=$1} END {i = int(NR * p / 100 + 0.999); if (i < 1) i = 1; printf "%.1f", a[i]}'; }
cnt() { awk -v c="$1" '$1==c' "$T/all" | wc -l | tr -d ' '; }
echo "# soak: $n requests in ${SECS}s ($((n / SECS))/s) with 6 clients"
for c in api get form page; do
  echo "#   $c: $(cnt $c) requests, p50 $(pct $c 50) ms, p99 $(pct $c 99) ms"
done
echo "#   server RSS: ${rss0} kB after ${WARM}s warm-up, ${rss1} kB midway, ${rss2} kB at the end"
expect_eq "no error response in $n requests" "$bad" "0"
awk '($1=="api" && $2!=201) || ($1=="get" && $2!=200) || ($1=="form" && $2!=303) || ($1=="page" && $2!=200)' "$T/all" | sort | uniq -c | head -5 | sed 's/^/#   /'
expect_eq "every kind of request was made" "$([ "$(cnt api)" -gt 0 ] && [ "$(cnt form)" -gt 0 ] && [ "$(cnt page)" -gt 0 ] && echo yes)" "yes"
# Memory: after the warm-up the server grows only by what it takes in (the
# cube holds every response, SQLite caches the growing file on each worker's
# connection): a few MiB here, never the requests' own memory (an arena of up
# to 3 MiB each): at most 16 MiB in all.
grow=$((rss2 - rss0))
expect_eq "resident memory stays bounded after the warm-up (+${grow} kB)" "$([ "$grow" -le 16384 ] && echo yes)" "yes"
cat "$T"/log/acked* | sort > "$T/acked"
sqlite3 "$W" "SELECT source_id FROM response" | sort > "$T/stored"
nAck=$(wc -l < "$T/acked" | tr -d ' ')
expect_eq "every acknowledged response is stored ($nAck)" "$(comm -23 "$T/acked" "$T/stored" | wc -l | tr -d ' ')" "0"
expect_eq "and nothing else was added" "$(sql "$W" "SELECT count(*) FROM response")" "$((nAck + 109))"
expect_eq "integrity_check ok after the soak" "$(sql "$W" "PRAGMA integrity_check")" "ok"
