#!/bin/sh
# Build the demo workspace (build/demo.ecx) when missing, show a report on
# the terminal, create a demo login and serve the dashboards.
#   DEMO_RESPONSES  responses to generate (default 200000)
#   DEMO_SEED       generator seed (default 1)
#   DEMO_LISTEN     address to serve on (default 127.0.0.1:8080)
set -eu
cd "$(dirname "$0")/.."
ECX=build/ecx
WS=build/demo.ecx
N=${DEMO_RESPONSES:-200000}
SEED=${DEMO_SEED:-1}
LISTEN=${DEMO_LISTEN:-127.0.0.1:8080}
if [ ! -f "$WS" ]; then
  echo "== ecx demo $WS --responses $N --seed $SEED"
  "$ECX" demo "$WS" --responses "$N" --seed "$SEED"
fi
echo
echo "== ecx report $WS --by touchpoint --metrics nps,csat,ces"
"$ECX" report "$WS" --by touchpoint --metrics nps,csat,ces --timing
echo
echo "== ecx drivers $WS --bootstrap 200"
"$ECX" drivers "$WS" --bootstrap 200
# Demo logins, created once: an analyst, and the lead of the area Red, who
# sees only the touchpoints Red answers for.
if ! "$ECX" user list "$WS" 2>/dev/null | grep -q '^demo\b'; then
  ECX_PASSWORD=demo-ecx-2026 "$ECX" user add "$WS" demo --role analyst --name "Analista demo" >/dev/null
fi
if ! "$ECX" user list "$WS" 2>/dev/null | grep -q '^red\b'; then
  ECX_PASSWORD=demo-ecx-2026 "$ECX" user add "$WS" red --role area_lead --area Red --name "Jefa de Red" >/dev/null
fi
echo
echo "== ecx serve $WS --listen $LISTEN"
echo "Open http://$LISTEN/ and log in as: demo / demo-ecx-2026   (stop with Ctrl-C)"
echo "  or as the lead of the area Red, who sees only its touchpoints: red / demo-ecx-2026"
exec "$ECX" serve "$WS" --listen "$LISTEN"
