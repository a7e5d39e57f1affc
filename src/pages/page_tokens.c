/*
** /admin/tokens: API tokens (admin only, route table). Create one for a
** user with its scopes (read, ingest, admin): the token is shown once, on
** the page that answers the POST, and only its SHA-256 is stored; list
** every token; revoke one. Each change is audited (docs/security.md).
*/
#include <stdlib.h>
#include <string.h>

#include "pages.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../http/auth.h"
#include "../model/user.h"

static const char *const azScope[] = {"read", "ingest", "admin"};

static int token_row_html(void *pArg, const TokenRow *t){
  HttpReq *p = pArg;
  char zTs[32];
  util_fmt_time(zTs, sizeof zTs, t->created);
  buf_printf(&p->body, "<tr><td>%lld</td><td>%h</td><td>%h</td><td>%h</td><td>%h</td><td>%h</td><td>",
             (long long)t->id, t->zLogin, t->zName, t->zScopes, zTs, t->revoked ? _("revoked") : _("active"));
  if( !t->revoked ){
    buf_printf(&p->body, "<form class=\"inline\" method=\"post\" action=\"/admin/tokens\">");
    layout_csrf(p);
    buf_printf(&p->body, "<input type=\"hidden\" name=\"action\" value=\"revoke\">"
               "<input type=\"hidden\" name=\"id\" value=\"%lld\">"
               "<button class=\"quiet\" type=\"submit\">%h</button></form>", (long long)t->id, _("Revoke"));
  }
  buf_puts(&p->body, "</td></tr>\n");
  return 0;
}

static int login_option(void *pArg, const UserRow *r){
  HttpReq *p = pArg;
  if( !r->disabled ) buf_printf(&p->body, "<option>%h</option>", r->zLogin);
  return 0;
}

/* Create a token from the form; *pzToken gets it (request memory). */
static int create(HttpReq *p, const char **pzToken){
  const char *zLogin = http_form(p, "login"), *zName = http_form(p, "name");
  Buf scopes;
  UserRow r;
  int rc;
  if( !zName || !zName[0] || strlen(zName) > 100 ){
    return http_fail(p, 400, ECX_EINVAL, "name", "%s", _("give the token a name of 1 to 100 characters"));
  }
  buf_init(&scopes, 64);
  for(int i = 0; i < p->nForm; i++){
    if( strcmp(p->aForm[i].zName, "scope")!=0 ) continue;
    for(int k = 0; k < 3; k++){
      if( strcmp(p->aForm[i].zValue, azScope[k])==0 && !strstr(buf_str(&scopes), azScope[k]) ){
        buf_printf(&scopes, "%s%s", scopes.n ? "," : "", azScope[k]);
      }
    }
  }
  if( !token_scopes_valid(buf_str(&scopes)) ){
    buf_free(&scopes);
    return http_fail(p, 400, ECX_EINVAL, "scope", "%s", _("choose at least one scope"));
  }
  rc = user_by_login(p->pWs, zLogin ? zLogin : "", &r);
  if( rc ){ buf_free(&scopes); return http_fail(p, 400, ECX_EINVAL, "login", "%s", _("no such user")); }
  char zTok[AUTH_TOKEN_HEX], zDigest[65];
  auth_random_token(zTok);
  auth_token_digest(zTok, zDigest);
  rc = db_begin(p->pWs->pDb);
  if( rc==ECX_OK ) rc = token_add(p->pWs, r.id, zName, zDigest, buf_str(&scopes), 0);
  if( rc==ECX_OK ) rc = audit_add(p->pWs, p->pUser->id, "token_create", r.zLogin, zName);
  if( rc==ECX_OK ) rc = db_commit(p->pWs->pDb); else db_rollback(p->pWs->pDb);
  if( rc==ECX_OK ) *pzToken = http_strdup(p, zTok);
  user_row_clear(&r);
  buf_free(&scopes);
  return rc;
}

static int revoke(HttpReq *p){
  const char *zId = http_form(p, "id");
  int64_t id = 0;
  char *zLogin = 0, *zName = 0;
  if( !zId || util_parse_int(zId, &id) || id <= 0 ) return http_fail(p, 400, ECX_EINVAL, "id", "%s", _("no such token"));
  int rc = token_owner(p->pWs, id, &zLogin, &zName);
  if( rc==ECX_ENOTFOUND ) return http_fail(p, 404, rc, "id", "%s", _("no such token"));
  if( rc==ECX_OK ) rc = db_begin(p->pWs->pDb);
  if( rc==ECX_OK ){
    rc = token_revoke(p->pWs, id);
    if( rc==ECX_OK ) rc = audit_add(p->pWs, p->pUser->id, "token_revoke", zLogin, zName);
    if( rc==ECX_OK ) rc = db_commit(p->pWs->pDb); else db_rollback(p->pWs->pDb);
  }
  free(zLogin);
  free(zName);
  return rc;
}

int page_admin_tokens(HttpReq *p){
  const char *zToken = 0, *zErr = 0;
  int rc = ECX_OK;
  if( p->method==HTTP_POST ){
    const char *zAction = http_form(p, "action");
    if( zAction && strcmp(zAction, "revoke")==0 ){
      rc = revoke(p);
      if( rc==ECX_OK ) return http_redirect(p, "/admin/tokens?done=revoked");
    }else{
      rc = create(p, &zToken);
    }
    if( rc && p->status < 400 ) return rc;
    if( rc ){ zErr = http_strdup(p, err_detail()); err_clear(); }
  }
  layout_begin(p, _("API tokens"));
  if( zErr ) layout_notice(p, "bad", zErr);
  const char *zDone = http_query(p, "done");
  if( !zErr && zDone && strcmp(zDone, "revoked")==0 ) layout_notice(p, "ok", _("token revoked"));
  if( zToken ){
    /* Shown once: this answer is not cached (Cache-Control: no-store). */
    buf_printf(&p->body, "<section class=\"ecx-card\"><h2>%h</h2><p>%h</p>\n"
               "<p><code id=\"new-token\">%h</code></p></section>\n",
               _("New token"), _("Copy it now: it is shown only this once, and only its digest is kept."), zToken);
  }
  buf_printf(&p->body, "<table>\n<tr><th>id</th><th>%h</th><th>%h</th><th>%h</th><th>%h</th><th>%h</th><th></th></tr>\n",
             _("User"), _("Name"), _("Scopes"), _("Created (UTC)"), _("State"));
  rc = token_each(p->pWs, 0, token_row_html, p);
  if( rc ) return rc;
  buf_printf(&p->body, "</table>\n<h2>%h</h2>\n<form class=\"stack\" method=\"post\" action=\"/admin/tokens\">", _("Create a token"));
  layout_csrf(p);
  buf_printf(&p->body, "<input type=\"hidden\" name=\"action\" value=\"create\">"
             "<label>%h <select name=\"login\">", _("User"));
  rc = user_each(p->pWs, login_option, p);
  if( rc ) return rc;
  buf_printf(&p->body, "</select></label><label>%h <input name=\"name\" required maxlength=\"100\"></label>"
             "<fieldset class=\"ecx-checks\"><legend>%h</legend>", _("Name"), _("Scopes"));
  const char *azHelp[] = {_("read: metrics and definitions"), _("ingest: send responses"),
                          _("admin: change definitions")};
  for(int k = 0; k < 3; k++){
    buf_printf(&p->body, "<label><input type=\"checkbox\" name=\"scope\" value=\"%h\"%s> %h</label>",
               azScope[k], k==0 ? " checked" : "", azHelp[k]);
  }
  buf_printf(&p->body, "</fieldset><p class=\"muted\">%h</p><button type=\"submit\">%h</button></form>\n",
             _("A token acts as its user: the user's role still limits what it may do."), _("Create"));
  layout_end(p);
  return ECX_OK;
}
