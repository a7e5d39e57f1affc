/*
** /account: change one's own password (the current one is required) and
** the interface language.
*/
#include <string.h>

#include "pages.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../http/auth.h"
#include "../model/user.h"

static int change(HttpReq *p, const char **pzDone){
  const char *zLang = http_form(p, "lang");
  const char *zOld = http_form(p, "old_password");
  const char *zNew = http_form(p, "new_password");
  int rc;
  if( zLang ){
    if( strcmp(zLang, "es")!=0 && strcmp(zLang, "en")!=0 && zLang[0] ){
      return http_fail(p, 400, ECX_EINVAL, "lang", "%s", _("choose a language"));
    }
    rc = db_begin(p->pWs->pDb);
    if( rc==ECX_OK ) rc = user_set_lang(p->pWs, p->pUser->id, zLang);
    if( rc==ECX_OK ) rc = audit_add(p->pWs, p->pUser->id, "language_change", p->pUser->zLogin, zLang);
    if( rc==ECX_OK ) rc = db_commit(p->pWs->pDb); else db_rollback(p->pWs->pDb);
    *pzDone = "lang";
    return rc;
  }
  UserRow r;
  char zHash[AUTH_HASH_MAX];
  if( !zOld || !zNew ) return http_fail(p, 400, ECX_EINVAL, "new_password", "%s", _("fill in both passwords"));
  if( strlen(zNew) < 8 ) return http_fail(p, 400, ECX_EINVAL, "new_password", "%s", _("a password needs at least 8 characters"));
  rc = user_by_id(p->pWs, p->pUser->id, &r);
  if( rc ) return rc;
  int ok = auth_check_password(r.zPwHash, zOld);
  user_row_clear(&r);
  if( !ok ) return http_fail(p, 400, ECX_EINVAL, "old_password", "%s", _("the current password is wrong"));
  rc = auth_hash_password(zNew, zHash);
  if( rc==ECX_OK ) rc = db_begin(p->pWs->pDb);
  if( rc ) return rc;
  rc = user_set_password(p->pWs, p->pUser->id, zHash);
  if( rc==ECX_OK ) rc = audit_add(p->pWs, p->pUser->id, "password_change", p->pUser->zLogin, "");
  if( rc==ECX_OK ) rc = db_commit(p->pWs->pDb); else db_rollback(p->pWs->pDb);
  *pzDone = "password";
  return rc;
}

int page_account(HttpReq *p){
  const char *zDone = 0, *zErr = 0;
  if( p->method==HTTP_POST ){
    int rc = change(p, &zDone);
    if( rc==ECX_OK ) return http_redirect(p, strcmp(zDone, "lang")==0 ? "/account?done=lang" : "/account?done=password");
    if( p->status < 400 ) return rc;
    zErr = http_strdup(p, err_detail());
    err_clear();
  }
  const char *zQ = http_query(p, "done");
  layout_begin(p, _("Account"));
  if( zErr ) layout_notice(p, "bad", zErr);
  else if( zQ && strcmp(zQ, "lang")==0 ) layout_notice(p, "ok", _("language saved"));
  else if( zQ && strcmp(zQ, "password")==0 ) layout_notice(p, "ok", _("password changed"));
  buf_printf(&p->body, "<p>%h: <strong>%h</strong> (%h)</p>\n", _("Logged in as"),
             p->pUser->zLogin, http_role_name(p->pUser->role));
  buf_printf(&p->body, "<h2>%h</h2>\n<form class=\"stack\" method=\"post\" action=\"/account\">", _("Language"));
  layout_csrf(p);
  const char *zL = p->pUser->zLang;
  buf_printf(&p->body, "<label>%h <select name=\"lang\">"
    "<option value=\"\"%s>%h</option><option value=\"es\"%s>Español</option>"
    "<option value=\"en\"%s>English</option></select></label>"
    "<button type=\"submit\">%h</button></form>\n",
    _("Interface language"), zL[0] ? "" : " selected", _("As the browser asks"),
    strcmp(zL, "es")==0 ? " selected" : "", strcmp(zL, "en")==0 ? " selected" : "", _("Save"));
  buf_printf(&p->body, "<h2>%h</h2>\n<form class=\"stack\" method=\"post\" action=\"/account\">", _("Password"));
  layout_csrf(p);
  buf_printf(&p->body,
    "<label>%h <input name=\"old_password\" type=\"password\" autocomplete=\"current-password\" required></label>"
    "<label>%h <input name=\"new_password\" type=\"password\" minlength=\"8\" autocomplete=\"new-password\" required></label>"
    "<button type=\"submit\">%h</button></form>\n", _("Current password"), _("New password"), _("Change password"));
  layout_end(p);
  return ECX_OK;
}
