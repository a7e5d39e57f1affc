# Shared by bench/pages.sh and bench/run.sh: serve a workspace on a free
# loopback port and log in to it with curl. Source it with ECX set.

# serve_user WS: add the admin login "bench" (password "password-bench")
# when missing.
serve_user() {
  if ! "$ECX" user list "$1" | grep -q '^bench '; then
    ECX_PASSWORD=password-bench "$ECX" user add "$1" bench --role admin > /dev/null
  fi
}

# serve_start WS [SERVE ARGS...]: start `ecx serve`; sets URL, SERVE_PID and
# SERVE_DIR (a temporary directory with the server's output, removed by
# serve_stop).
serve_start() {
  SERVE_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ecx-serve.XXXXXX")
  ws=$1; shift
  : > "$SERVE_DIR/out"
  "$ECX" serve "$ws" --listen 127.0.0.1:0 "$@" > "$SERVE_DIR/out" 2> "$SERVE_DIR/err" &
  SERVE_PID=$!
  URL=; n=0
  while [ $n -lt 200 ]; do
    URL=$(sed -n 's|^[a-z ]* \(http://[^ ]*\)/$|\1|p' "$SERVE_DIR/out")
    [ -n "$URL" ] && break
    sleep 0.05; n=$((n + 1))
  done
  [ -n "$URL" ] || { echo "the server did not start"; cat "$SERVE_DIR/err"; return 1; }
}

# serve_stop: stop the server started by serve_start and wait for it.
serve_stop() {
  [ -n "${SERVE_PID:-}" ] || return 0
  kill "$SERVE_PID" 2>/dev/null || true
  wait "$SERVE_PID" 2>/dev/null || true
  SERVE_PID=
  rm -rf "$SERVE_DIR"
}

# serve_login JAR: log in as "bench" into the cookie jar JAR. While the
# server loads a big workspace's cube the login may answer 503 (the
# workspace is busy): it is tried again for up to two minutes.
serve_login() {
  n=0
  while :; do
    curl -s -b "$1" -c "$1" "$URL/login" > "$SERVE_DIR/login"
    tok=$(sed -n 's/.*name="login_csrf" value="\([0-9a-f]*\)".*/\1/p' "$SERVE_DIR/login")
    st=$(curl -s -o /dev/null -w '%{http_code}' -b "$1" -c "$1" "$URL/login" \
      --data-urlencode login=bench --data-urlencode password=password-bench --data-urlencode "login_csrf=$tok")
    [ "$st" = 303 ] && return 0
    n=$((n + 1))
    [ "$st" = 503 ] && [ $n -lt 120 ] || { echo "login failed ($st)"; return 1; }
    sleep 1
  done
}

# serve_cookie JAR: the session cookie of JAR as a Cookie header value.
serve_cookie() {
  awk -F'\t' '$6 ~ /^ecx_/ && $7 != "" {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}' "$1"
}

# serve_csrf JAR: the session's CSRF token.
serve_csrf() {
  curl -s -b "$1" "$URL/account" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1
}
