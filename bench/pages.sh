#!/bin/sh
# Time every dashboard page of a served workspace with curl, over repeated
# requests, and say which answer in more than 200 ms. Not part of make check.
#   bench/pages.sh [WORKSPACE.ecx] [RUNS]
# Without a workspace, builds /tmp/web1m.ecx with 1,000,000 demo responses
# (about a minute). Adds the login "bench" when missing, starts the server
# on a free loopback port, logs in, and prints for each URL the first
# request (it may build the cube or the verbatim index) and the minimum,
# median, 95th percentile and maximum of RUNS more (default 20), in ms.
set -eu
cd "$(dirname "$0")/.."
WS=${1:-/tmp/web1m.ecx}
RUNS=${2:-20}
ECX=${ECX:-build/ecx}
LIMIT_MS=200
[ -x "$ECX" ] || make -s all
if [ ! -f "$WS" ]; then
  echo "== $WS: generating 1,000,000 demo responses"
  "$ECX" demo "$WS" --responses 1000000
fi
. bench/serve_lib.sh
serve_user "$WS"
serve_start "$WS"
T=$SERVE_DIR
trap serve_stop EXIT
J=$T/jar
serve_login "$J"

echo "# $WS, $("$ECX" report "$WS" --format csv --metrics nps 2>/dev/null | awk -F, 'NR==2 {print $2}') NPS answers; $RUNS runs per page; ms"
printf '%-58s %6s %6s %6s %6s %6s  %s\n' "page" "first" "min" "median" "p95" "max" ""
slow=0
for p in \
  "/" \
  "/?period=week" \
  "/breakdown" \
  "/breakdown?by=region" \
  "/breakdown?by=segment" \
  "/breakdown?by=month&metric=csat" \
  "/breakdown?by=channel&segment=J%C3%B3venes%20digitales" \
  "/heatmap" \
  "/verbatims" \
  "/verbatims?q=precio" \
  "/verbatims?q=se%C3%B1al%20lenta" \
  "/verbatims?q=%22me%20atendieron%20r%C3%A1pido%22" \
  "/verbatims?q=xyzzy" \
  "/verbatims?band=detractors&touchpoint=Soporte%20t%C3%A9cnico" \
  "/verbatims?q=app&where=region%3DLima&page=20" \
  "/verbatims?q=internet&format=csv" \
  "/drivers" \
  "/benchmark"; do
  first=$(curl -s -o "$T/body" -b "$J" -w '%{http_code} %{time_total}' "$URL$p")
  code=${first% *}
  [ "$code" = 200 ] || { echo "$p answered $code"; slow=1; continue; }
  : > "$T/times"
  i=0
  while [ $i -lt "$RUNS" ]; do
    curl -s -o /dev/null -b "$J" -w '%{time_total}\n' "$URL$p" >> "$T/times"
    i=$((i + 1))
  done
  line=$(sort -n "$T/times" | awk -v f="${first#* }" -v lim=$LIMIT_MS '
    {a[NR] = $1 * 1000}
    END {
      p95 = a[int(NR * 0.95 + 0.999)]; if (p95 == "") p95 = a[NR]
      printf "%6.1f %6.1f %6.1f %6.1f %6.1f  %s", f * 1000, a[1], a[int((NR + 1) / 2)], p95, a[NR],
             (a[int((NR + 1) / 2)] > lim ? "SLOW" : "")
    }')
  printf '%-58s %s\n' "$p" "$line"
  case "$line" in *SLOW) slow=1 ;; esac
done
[ $slow -eq 0 ] && echo "# every page's median is under $LIMIT_MS ms" || echo "# some pages are over $LIMIT_MS ms"
