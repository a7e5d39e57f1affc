# The permission matrix, generated from the route table (ecx serve --routes):
# for every role and every route (GET, POST and PUT), an allowed role gets
# its page (200/303) or at least past the permission check, any other role
# gets 403, and an anonymous client gets the login redirect (page GET) or
# 401 (POST, PUT, API).
. "$(dirname "$0")/lib.sh"
W=$T/w.ecx
"$ECX" init "$W" > /dev/null
sqlite3 "$W" "INSERT INTO area(name) VALUES('Operaciones'); INSERT INTO touchpoint(name) VALUES('Tienda'), ('Web');"
# A survey for the builder (/surveys/*) and public (/s/*) rows.
PUB=0123456789abcdef01234567
sqlite3 "$W" "INSERT INTO survey(code, created, status, public_token) VALUES('perm', 0, 'open', '$PUB');"
SID=$(sqlite3 "$W" "SELECT id FROM survey WHERE code='perm'")
# Answers for the analysis routes (/api/v1/drivers needs 11 complete ones)
# and a promise for /api/v1/promises/*.
sqlite3 "$W" "INSERT INTO survey(code, created) VALUES('data', 0);
  INSERT INTO dimension(name) VALUES('d1'), ('d2'), ('d3');
  INSERT INTO question(survey_id, code, position, type, scale_min, scale_max)
    SELECT id, 'rec', 1, 'nps', 0, 10 FROM survey WHERE code='data';
  INSERT INTO question(survey_id, code, position, type, scale_min, scale_max, dimension_id)
    SELECT id, 'q1', 2, 'rating', 1, 5, (SELECT id FROM dimension WHERE name='d1') FROM survey WHERE code='data';
  WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 20)
    INSERT INTO response(survey_id, ts, source_id) SELECT (SELECT id FROM survey WHERE code='data'), 1767225600 + i*86400, 'r' || i FROM k;
  INSERT INTO answer(question_id, response_id, num) SELECT q.id, r.id, r.id % 11 FROM question q, response r WHERE q.code='rec';
  INSERT INTO answer(question_id, response_id, num) SELECT q.id, r.id, 1 + r.id % 5 FROM question q, response r WHERE q.code='q1';
  INSERT INTO promise(id, name, created) VALUES(1, 'p', 0);
  INSERT INTO promise_version(promise_id, version, ts, json) VALUES(1, 1, 0, '{\"name\":\"p\",\"dimensions\":[\"d1\",\"d2\",\"d3\"]}');"
# path PATTERN: a concrete path for a route pattern.
path_of() { printf '%s' "$1" | sed "s|^/surveys/\*\$|/surveys/$SID|; s|^/s/\*\$|/s/$PUB|; s|^/api/v1/promises/\*\$|/api/v1/promises/1|; s|\*\$|x|"; }
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
"$ECX" serve --routes > "$T/routes"
expect_match "route list names the admin pages" "$(cat "$T/routes")" '^GET /admin/users admin - -$'
start_server "$W"

# check ROLE JAR: every route, POST /logout last (it ends the session).
check() {
  role=$1; jar=$2; tok=$(csrf "$jar")
  { grep -v ' /logout ' "$T/routes"; grep ' /logout ' "$T/routes"; } | while read -r m path roles flag scope; do
    p=$(path_of "$path")
    data=""
    [ "$flag" = csrf ] && data="csrf=$tok"
    use=$jar
    if [ "$flag" = login-csrf ]; then
      # The login form is public and carries its own pre-session token; a
      # logged-in browser is sent away from it, so post from a fresh jar.
      use=$T/fresh; : > "$use"
      data=$(curl -s -b "$use" -c "$use" "$URL$p" | sed -n 's/.*name="\(login_csrf\|form_token\)" value="\([0-9a-f]*\)".*/\1=\2/p' | head -1)
    fi
    if [ "$m" = GET ]; then st=$(code "$use" GET "$p")
    elif [ "$m" = PUT ]; then st=$(code "$use" PUT "$p" -H "X-CSRF-Token: $tok" --data '{}')
    else st=$(code "$use" "$m" "$p" --data "$data"); fi
    allowed=no
    case ",$roles," in *",$role,"*|",public,") allowed=yes ;; esac
    if [ "$allowed" = yes ]; then
      if [ "$m" = GET ]; then
        case "$st" in 200|303) ok "$role may $m $path ($st)" ;; *) fail "$role may $m $path" "got $st" ;; esac
      else
        case "$st" in 403|404|405) fail "$role may $m $path" "got $st" ;; *) ok "$role may $m $path ($st)" ;; esac
      fi
    else
      expect_eq "$role may not $m $path" "$st" "403"
    fi
  done
}

for role in admin analyst area_lead frontline viewer; do
  expect_eq "$role logs in" "$(login "$T/$role.jar" "u_$role" "password-u_$role")" "303"
  check "$role" "$T/$role.jar"
done

# Anonymous: public pages open, every other page GET redirects to /login
# and every other POST, and every /api/ request, is 401.
while read -r m path roles flag scope; do
  p=$(path_of "$path")
  data=x=1
  if [ "$flag" = login-csrf ]; then
    data=$(curl -s -b "$T/anon" -c "$T/anon" "$URL$p" | sed -n 's/.*name="\(login_csrf\|form_token\)" value="\([0-9a-f]*\)".*/\1=\2/p' | head -1)
  fi
  if [ "$m" = GET ]; then st=$(code "$T/anon" GET "$p"); else st=$(code "$T/anon" "$m" "$p" --data "$data"); fi
  if [ "$roles" = public ]; then
    case "$st" in 401|403|404|405) fail "anonymous may $m $path" "got $st" ;; *) ok "anonymous may $m $path ($st)" ;; esac
  elif [ "$m" = GET ] && [ "${path#/api/}" = "$path" ]; then
    expect_eq "anonymous $m $path goes to the login form" "$st" "303"
  else
    expect_eq "anonymous $m $path is 401" "$st" "401"
  fi
done < "$T/routes"
