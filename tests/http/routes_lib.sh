# Helpers for tests driven by the route table (ecx serve --routes) and the
# reviewed access rules in tests/http/routes.expect. Source after lib.sh;
# set SID (a survey id) and PUB (its public token) before calling
# route_path.
ROUTES_EXPECT=${ROUTES_EXPECT:-$ROOT/tests/http/routes.expect}

# routes_matrix OUT: the reviewed rows (METHOD PATH ROLES CSRF SCOPE
# [SAMPLE]) that match the table exactly, into OUT.
routes_matrix() {
  "$ECX" serve --routes > "$T/routes.table"
  grep -v '^#' "$ROUTES_EXPECT" | grep -v '^[[:space:]]*$' > "$T/routes.reviewed"
  awk 'NR==FNR { r[$1" "$2" "$3" "$4" "$5] = 1; next } ($1" "$2" "$3" "$4" "$5) in r' \
    "$T/routes.table" "$T/routes.reviewed" > "$1"
}

# route_path PATTERN SAMPLE: the concrete path to request for a route.
route_path() {
  if [ -n "$2" ]; then printf '%s' "$2" | sed "s|{SURVEY}|$SID|g; s|{PUBLIC}|$PUB|g"
  else printf '%s' "$1" | sed 's|\*$|x|'; fi
}
