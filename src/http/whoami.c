/*
** GET /api/whoami: the caller's login, role and how it authenticated. A
** minimal API endpoint that shows the shape of API handlers (JSON through
** %j, scope "read") and lets clients check a token.
*/
#include "http.h"
#include "http_int.h"
#include "../base/err.h"

int http_whoami(HttpReq *p){
  HttpUser *u = p->pUser;
  p->zContentType = "application/json";
  buf_printf(&p->body, "{\"login\":%j,\"name\":%j,\"role\":%j,\"auth\":%j,\"scopes\":%j}\n",
             u->zLogin, u->zName, http_role_name(u->role), u->zScopes ? "token" : "session",
             u->zScopes);
  return ECX_OK;
}
