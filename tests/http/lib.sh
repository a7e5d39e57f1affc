# Helpers for HTTP tests: start the real binary on a free loopback port
# (it binds port 0 and prints the port it got), drive it with curl, stop it.
# Sources tests/cli/lib.sh for ok/fail/expect_* and $ECX, $T.
. "$(dirname "$0")/../cli/lib.sh"
SRV_PID=
URL=
trap 'stop_server; rm -rf "$T"' EXIT

# start_server WS [ARGS...]: serve WS in the background; sets URL.
start_server() {
  : > "$T/serve.out"   # exists before the first poll below
  "$ECX" serve "$@" --listen 127.0.0.1:0 > "$T/serve.out" 2> "$T/serve.err" &
  SRV_PID=$!
  # The poll counter has a name of its own: shell functions share the
  # caller's variables, and a caller's loop counter must survive this call.
  _srv_poll=0
  while [ $_srv_poll -lt 100 ]; do
    URL=$(sed -n 's|^listening on \(http[s]*://[^ ]*\)/$|\1|p' "$T/serve.out")
    [ -n "$URL" ] && return 0
    kill -0 "$SRV_PID" 2>/dev/null || break
    sleep 0.05
    _srv_poll=$((_srv_poll + 1))
  done
  echo "not ok - server did not start"
  sed 's/^/#   /' "$T/serve.err"
  exit 1
}

# stop_server: SIGTERM and wait; the server must exit 0.
stop_server() {
  [ -n "$SRV_PID" ] || return 0
  kill -TERM "$SRV_PID" 2>/dev/null
  wait "$SRV_PID"
  SRV_RC=$?
  SRV_PID=
  # Sanitizer builds report on stderr: surface it as a failure.
  if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:' "$T/serve.err"; then
    fail "server ran without sanitizer reports" "$(cat "$T/serve.err")"
  fi
}

# code JAR METHOD PATH [CURL ARGS...]: print the HTTP status.
code() {
  jar=$1; m=$2; path=$3; shift 3
  curl -s -o "$T/last.body" -D "$T/last.head" -w '%{http_code}' -b "$jar" -c "$jar" -X "$m" "$@" "$URL$path"
}

# login JAR LOGIN PASSWORD: log in through the form; prints the status
# (303 on success). The login form's own CSRF token comes from GET /login.
login() {
  jar=$1
  : > "$jar"
  curl -s -b "$jar" -c "$jar" "$URL/login" > "$T/login.html"
  tok=$(sed -n 's/.*name="login_csrf" value="\([0-9a-f]*\)".*/\1/p' "$T/login.html")
  code "$jar" POST /login --data-urlencode "login=$2" --data-urlencode "password=$3" \
       --data-urlencode "login_csrf=$tok"
}

# csrf JAR: the session's CSRF token, read from the account page's form.
csrf() {
  curl -s -b "$1" "$URL/account" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1
}

# add_user WS LOGIN ROLE [ARGS...]: password is "password-LOGIN".
add_user() {
  ws=$1; lg=$2; role=$3; shift 3
  ECX_PASSWORD="password-$lg" "$ECX" user add "$ws" "$lg" --role "$role" "$@" > /dev/null
}
