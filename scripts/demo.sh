#!/bin/sh
# Build the demo workspace (build/demo.ecx) when missing and show it.
#   DEMO_RESPONSES  responses to generate (default 200000)
#   DEMO_SEED       generator seed (default 1)
set -eu
cd "$(dirname "$0")/.."
ECX=build/ecx
WS=build/demo.ecx
N=${DEMO_RESPONSES:-200000}
SEED=${DEMO_SEED:-1}
if [ ! -f "$WS" ]; then
  echo "== ecx demo $WS --responses $N --seed $SEED"
  "$ECX" demo "$WS" --responses "$N" --seed "$SEED"
fi
echo
echo "== ecx report $WS --by touchpoint --metrics nps,csat,ces"
"$ECX" report "$WS" --by touchpoint --metrics nps,csat,ces --timing
echo
echo "== ecx report $WS --by segment --metrics nps,csat --from 2026-08-01 --to 2026-10-31 --compare previous"
"$ECX" report "$WS" --by segment --metrics nps,csat --from 2026-08-01 --to 2026-10-31 --compare previous
echo
echo "== ecx report $WS --by quarter --metrics nps,csat,ces --compare previous --where plan=postpago"
"$ECX" report "$WS" --by quarter --metrics nps,csat,ces --compare previous --where plan=postpago
echo
echo "Workspace: $WS. Try: $ECX report $WS --by touchpoint,month --format json"
