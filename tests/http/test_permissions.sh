# Authorization for every route and role, generated from the route table
# (ecx serve --routes) and checked against the reviewed expectations in
# tests/http/routes.expect: a route missing there, or whose roles, CSRF
# flag or token scope differ, fails naming it. Then every route is
# requested as every role: an allowed role gets its page (GET 200/303) or
# at least past the permission check (POST), any other role gets 403;
# anonymous clients get the login redirect (page GET) or 401 (POST, PUT, API);
# every CSRF route refuses a POST without the session's token; on /api/
# paths a token passes only with its route's scope and an allowed role,
# and elsewhere a token counts for nothing.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/routes_lib.sh"
W=$T/w.ecx
"$ECX" init "$W" > /dev/null
sqlite3 "$W" "INSERT INTO area(name) VALUES('Operaciones'); INSERT INTO touchpoint(name) VALUES('Tienda'), ('Web');
  INSERT INTO touchpoint_area(touchpoint_id, area_id) SELECT t.id, a.id FROM touchpoint t, area a WHERE t.name='Web';"
# A survey for the builder (/surveys/*) and public (/s/*) rows.
PUB=0123456789abcdef01234567
sqlite3 "$W" "INSERT INTO survey(code, created, status, public_token) VALUES('perm', 0, 'open', '$PUB');"
SID=$(sqlite3 "$W" "SELECT id FROM survey WHERE code='perm'")
ROLES="admin analyst area_lead frontline viewer"
# Answers for the analysis routes (/api/v1/drivers needs 11 complete ones,
# at Web, which the area lead's area answers for)
# and a promise for /api/v1/promises/*.
sqlite3 "$W" "INSERT INTO survey(code, created) VALUES('data', 0);
  INSERT INTO dimension(name) VALUES('d1'), ('d2'), ('d3');
  INSERT INTO question(survey_id, code, position, type, scale_min, scale_max)
    SELECT id, 'rec', 1, 'nps', 0, 10 FROM survey WHERE code='data';
  INSERT INTO question(survey_id, code, position, type, scale_min, scale_max, dimension_id)
    SELECT id, 'q1', 2, 'rating', 1, 5, (SELECT id FROM dimension WHERE name='d1') FROM survey WHERE code='data';
  WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 20)
    INSERT INTO response(survey_id, touchpoint_id, ts, source_id) SELECT (SELECT id FROM survey WHERE code='data'),
      (SELECT id FROM touchpoint WHERE name='Web'), 1767225600 + i*86400, 'r' || i FROM k;
  INSERT INTO answer(question_id, response_id, num) SELECT q.id, r.id, r.id % 11 FROM question q, response r WHERE q.code='rec';
  INSERT INTO answer(question_id, response_id, num) SELECT q.id, r.id, 1 + r.id % 5 FROM question q, response r WHERE q.code='q1';
  INSERT INTO promise(id, name, created) VALUES(1, 'p', 0);
  INSERT INTO promise_version(promise_id, version, ts, json) VALUES(1, 1, 0, '{\"name\":\"p\",\"dimensions\":[\"d1\",\"d2\",\"d3\"]}');"
add_user "$W" u_admin admin
add_user "$W" u_analyst analyst
add_user "$W" u_area_lead area_lead --area Operaciones
add_user "$W" u_frontline frontline --touchpoints Tienda,Web
add_user "$W" u_viewer viewer
expect_eq "frontline touchpoints stored as ids" "$(sql "$W" "SELECT touchpoints FROM user WHERE login='u_frontline'")" \
  "$(sql "$W" "SELECT group_concat(id, ',') FROM (SELECT id FROM touchpoint ORDER BY name)")"
# Objects named "x" for the API's /KIND/* rows (after the check above,
# which counts the touchpoints).
sqlite3 "$W" "INSERT INTO segment(name, filter) VALUES('x', ''); INSERT INTO touchpoint(name) VALUES('x');
  INSERT INTO dimension(name) VALUES('x'); INSERT INTO area(name) VALUES('x'); INSERT INTO competitor(name) VALUES('x');
  INSERT INTO survey(code, created) VALUES('x', 0);"

# ---- the table against the expectations
routes_matrix "$T/matrix"
cp "$T/routes.table" "$T/routes"; cp "$T/routes.reviewed" "$T/expect"
expect_eq "the route table is not empty" "$([ -s "$T/routes" ] && echo yes)" "yes"
unreviewed=0
while read -r m path roles flag scope; do
  want=$(awk -v m="$m" -v p="$path" '$1==m && $2==p {print $3, $4, $5}' "$T/expect")
  if [ -z "$want" ]; then
    fail "route $m $path has an access rule in tests/http/routes.expect" \
      "none: review who may use it and add: $m $path $roles $flag $scope"
    unreviewed=$((unreviewed + 1))
  elif [ "$want" != "$roles $flag $scope" ]; then
    fail "route $m $path has the reviewed access rule" "the table says [$roles $flag $scope], routes.expect says [$want]"
    unreviewed=$((unreviewed + 1))
  fi
done < "$T/routes"
while read -r m path rest; do
  awk -v m="$m" -v p="$path" '$1==m && $2==p {f=1} END {exit !f}' "$T/routes" || fail "routes.expect line $m $path is a route" "no such route in the table: remove the line"
done < "$T/expect"
expect_eq "every route's access rule was reviewed" "$unreviewed" "0"

path_of() { route_path "$@"; }
# send JAR METHOD PATH DATA [CURL ARGS]: the status of one request.
# A PUT carries a JSON body and the session's CSRF token (when DATA is
# "csrf=TOKEN") in the X-CSRF-Token header, as the API asks of sessions.
send() {
  jar=$1; m=$2; p=$3; data=$4; shift 4
  case "$m" in
    GET) code "$jar" GET "$p" "$@" ;;
    PUT) code "$jar" PUT "$p" -H "Content-Type: application/json" -H "X-CSRF-Token: ${data#csrf=}" --data '{}' "$@" ;;
    *) code "$jar" "$m" "$p" --data "$data" "$@" ;;
  esac
}
# pre_token JAR PATH: the pre-session token of a public form (login,
# survey), fetched into the empty cookie jar JAR.
pre_token() {
  : > "$1"
  curl -s -b "$1" -c "$1" "$URL$2" | sed -n 's/.*name="\(login_csrf\|form_token\)" value="\([0-9a-f]*\)".*/\1=\2/p' | head -1
}
# passed STATUS: 1 if a request got past the permission check.
passed() { case "$1" in 401|403) echo 0 ;; *) echo 1 ;; esac; }

start_server "$W"

# ---- every role, with a session
check() {
  role=$1; jar=$2; tok=$(csrf "$jar")
  { grep -v ' /logout ' "$T/matrix"; grep ' /logout ' "$T/matrix"; } | while read -r m path roles flag scope sample; do
    p=$(path_of "$path" "$sample")
    data=x=1; use=$jar
    [ "$flag" = csrf ] && data="csrf=$tok"
    if [ "$flag" = login-csrf ]; then
      # A public form with its own pre-session token; a logged-in browser
      # is sent away from the login form, so post from a fresh jar.
      use=$T/fresh; data=$(pre_token "$use" "$p")
    fi
    st=$(send "$use" "$m" "$p" "$data")
    allowed=no
    case ",$roles," in *",$role,"*|",public,") allowed=yes ;; esac
    if [ "$allowed" = yes ]; then
      if [ "$m" = GET ]; then
        case "$st" in 200|303) ok "$role may $m $path ($st)" ;; *) fail "$role may $m $path" "got $st" ;; esac
      else
        case "$st" in 401|403|404|405) fail "$role may $m $path" "got $st" ;; *) ok "$role may $m $path ($st)" ;; esac
      fi
    else
      expect_eq "$role may not $m $path" "$st" "403"
    fi
  done
}
for role in $ROLES; do
  expect_eq "$role logs in" "$(login "$T/$role.jar" "u_$role" "password-u_$role")" "303"
  check "$role" "$T/$role.jar"
done

# ---- CSRF: an allowed role posting without the session's token, or with
# a wrong one, is refused before the handler runs.
for role in $ROLES; do login "$T/c_$role.jar" "u_$role" "password-u_$role" > /dev/null; done
while read -r m path roles flag scope sample; do
  [ "$m" = GET ] && continue
  p=$(path_of "$path" "$sample")
  case "$flag" in
    csrf)
      role=${roles%%,*}
      expect_eq "$m $path without the CSRF token is 403 (as $role)" "$(send "$T/c_$role.jar" "$m" "$p" "x=1")" "403"
      expect_eq "$m $path with a wrong CSRF token is 403 (as $role)" "$(send "$T/c_$role.jar" "$m" "$p" "csrf=$(printf '%064d' 0)")" "403"
      ;;
    login-csrf)
      : > "$T/nocsrf"
      expect_eq "$m $path without its form token is 403" "$(send "$T/nocsrf" "$m" "$p" "x=1")" "403"
      ;;
  esac
done < "$T/matrix"

# ---- anonymous: public pages open, every other page GET redirects to
# /login and every other POST, and every /api/ request, is 401.
while read -r m path roles flag scope sample; do
  p=$(path_of "$path" "$sample")
  data=x=1; : > "$T/anon"
  [ "$flag" = login-csrf ] && data=$(pre_token "$T/anon" "$p")
  st=$(send "$T/anon" "$m" "$p" "$data")
  if [ "$roles" = public ]; then
    case "$st" in 401|403|404|405) fail "anonymous may $m $path" "got $st" ;; *) ok "anonymous may $m $path ($st)" ;; esac
  elif [ "$m" = GET ] && [ "${path#/api/}" = "$path" ]; then
    expect_eq "anonymous $m $path goes to the login form" "$st" "303"
  else
    expect_eq "anonymous $m $path is 401" "$st" "401"
  fi
done < "$T/matrix"

# ---- API tokens: one per role and scope named in the table.
SCOPES=$(awk '$5!="-" {print $5}' "$T/matrix" | sort -u | tr '\n' ' ')
for role in $ROLES; do
  for sc in $SCOPES; do
    "$ECX" token add "$W" "u_$role" --name "$role-$sc" --scopes "$sc" 2>/dev/null | tail -1 > "$T/tok.$role.$sc"
  done
done
while read -r m path roles flag scope sample; do
  p=$(path_of "$path" "$sample")
  if [ "${path#/api/}" = "$path" ]; then
    # Outside /api/ a token is no credential: the request is anonymous.
    [ "$roles" = public ] && continue
    sc=${SCOPES%% *}
    st=$(send "$T/none" "$m" "$p" "x=1" -H "Authorization: Bearer $(cat "$T/tok.admin.$sc")")
    if [ "$m" = GET ]; then want=303; else want=401; fi
    expect_eq "a token does not open $m $path ($st)" "$st" "$want"
    continue
  fi
  for role in $ROLES; do
    for sc in $SCOPES; do
      st=$(send "$T/none" "$m" "$p" "x=1" -H "Authorization: Bearer $(cat "$T/tok.$role.$sc")")
      allowed=no
      case ",$roles," in *",$role,"*|",public,") [ "$sc" = "$scope" ] && allowed=yes ;; esac
      if [ "$allowed" = yes ]; then
        expect_eq "a $role token with scope $sc may $m $path ($st)" "$(passed "$st")" "1"
      else
        expect_eq "a $role token with scope $sc may not $m $path" "$st" "403"
      fi
    done
  done
done < "$T/matrix"
