#!/bin/sh
# Browser tests: Debian's chromium driven by playwright-core (npm, installed
# here on first use). Builds a small demo workspace, starts the real server,
# runs every tests/browser/*.mjs but the shared lib.mjs and keeps
# screenshots in build/test-output/screenshots/.
. "$(dirname "$0")/../http/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
if [ ! -x /usr/bin/chromium ]; then echo "not ok - browser tests need /usr/bin/chromium (scripts/deps.sh test)"; exit 0; fi
if [ ! -d "$HERE/node_modules/playwright-core" ]; then
  (cd "$HERE" && npm install --no-audit --no-fund --silent) || { echo "not ok - npm install playwright-core"; exit 0; }
fi
SHOTS=$ROOT/build/test-output/screenshots
mkdir -p "$SHOTS"
W=$T/b.ecx
"$ECX" demo "$W" --responses 20000 --seed 3 > /dev/null 2>&1 || { echo "not ok - demo workspace for the browser"; exit 0; }
add_user "$W" ana analyst
start_server "$W"
for t in "$HERE"/*.mjs; do
  case "$t" in */lib.mjs) continue ;; esac
  # A test that fails prints its "not ok" lines; one that cannot even run
  # must fail too.
  node "$t" "$URL" ana password-ana "$SHOTS" 2>&1 || echo "not ok - browser: $(basename "$t") ended with an error"
done
stop_server
