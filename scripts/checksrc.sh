#!/bin/sh
# Source check: bans unsafe C library calls in ecx's own code.
# Prints one "ok -" or "not ok -" line per rule, like the other tests.
cd "$(dirname "$0")/.." || exit 2
status=0
for fn in sprintf vsprintf strcpy strcat atoi atol gets; do
  hits=$(grep -rnE "(^|[^_a-zA-Z0-9])$fn[[:space:]]*\(" src tests/unit bench 2>/dev/null | grep -v '^\s*\*' || true)
  if [ -n "$hits" ]; then
    echo "not ok - checksrc: $fn is banned"
    echo "$hits" | sed 's/^/#   /'
    status=1
  else
    echo "ok - checksrc: no $fn"
  fi
done
exit $status
