/*
** /account: change one's own password (the current one is required; it
** ends the account's other sessions), the interface language, and see and
** end one's own sessions.
*/
#include <string.h>
#include <time.h>

#include "pages.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../http/auth.h"
#include "../model/user.h"

/* End one of the user's own sessions (sid: its handle), or all the others. */
static int end_sessions(HttpReq *p, const char *zAction, const char **pzDone){
  const char *zSid = http_form(p, "sid");
  int rc = db_begin(p->pWs->pDb);
  if( rc ) return rc;
  if( strcmp(zAction, "end_others")==0 ){
    rc = session_revoke_others(p->pWs, p->pUser->id, p->zSessionHash);
    if( rc==ECX_OK ) rc = audit_add(p->pWs, p->pUser->id, "session_revoke", p->pUser->zLogin, "others");
  }else{
    rc = session_revoke_handle(p->pWs, p->pUser->id, zSid ? zSid : "");
    if( rc==ECX_ENOTFOUND ) rc = http_fail(p, 404, rc, "sid", "%s", _("no such session"));
    if( rc==ECX_OK ) rc = audit_add(p->pWs, p->pUser->id, "session_revoke", p->pUser->zLogin, zSid);
  }
  if( rc==ECX_OK ) rc = db_commit(p->pWs->pDb); else db_rollback(p->pWs->pDb);
  *pzDone = "sessions";
  return rc;
}

static int change(HttpReq *p, const char **pzDone){
  const char *zAction = http_form(p, "action");
  if( zAction && (strcmp(zAction, "end_session")==0 || strcmp(zAction, "end_others")==0) ){
    return end_sessions(p, zAction, pzDone);
  }
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
  if( rc==ECX_OK ) rc = session_revoke_others(p->pWs, p->pUser->id, p->zSessionHash);
  if( rc==ECX_OK ) rc = audit_add(p->pWs, p->pUser->id, "password_change", p->pUser->zLogin, "");
  if( rc==ECX_OK ) rc = db_commit(p->pWs->pDb); else db_rollback(p->pWs->pDb);
  *pzDone = "password";
  return rc;
}

typedef struct SessCtx { HttpReq *p; int n; } SessCtx;

static int session_row(void *pArg, const SessionRow *r){
  SessCtx *c = pArg;
  HttpReq *p = c->p;
  char zCreated[32], zSeen[32], zEnds[32];
  int64_t seen = r->expires - AUTH_IDLE_SECONDS;
  int self = p->zSessionHash && strncmp(p->zSessionHash, r->zHandle, 16)==0;
  if( seen < r->created ) seen = r->created;
  util_fmt_time(zCreated, sizeof zCreated, r->created);
  util_fmt_time(zSeen, sizeof zSeen, seen);
  util_fmt_time(zEnds, sizeof zEnds, r->expires);
  buf_printf(&p->body, "<tr><td><code>%h</code>%s%h</td><td>%h</td><td>%h</td><td>%h</td><td>",
             r->zHandle, self ? " " : "", self ? _("(this one)") : "", zCreated, zSeen, zEnds);
  buf_printf(&p->body, "<form class=\"inline\" method=\"post\" action=\"/account\">");
  layout_csrf(p);
  buf_printf(&p->body, "<input type=\"hidden\" name=\"action\" value=\"end_session\">"
             "<input type=\"hidden\" name=\"sid\" value=\"%h\">"
             "<button class=\"quiet\" type=\"submit\">%h</button></form></td></tr>\n",
             r->zHandle, self ? _("Log out here") : _("End"));
  c->n++;
  return 0;
}

/* The user's live sessions, each with a button that ends it. */
static int sessions_html(HttpReq *p){
  SessCtx c = {p, 0};
  buf_printf(&p->body, "<h2>%h</h2>\n<p class=\"muted\">%h</p>\n"
             "<table>\n<tr><th>%h</th><th>%h</th><th>%h</th><th>%h</th><th></th></tr>\n",
             _("Sessions"), _("Where this account is logged in. A session ends after 8 hours without use, and 7 days after logging in at most."),
             _("Session"), _("Started (UTC)"), _("Last used (UTC, to the minute)"), _("Ends (UTC)"));
  int rc = session_each(p->pWs, p->pUser->id, (int64_t)time(0), session_row, &c);
  if( rc ) return rc;
  buf_puts(&p->body, "</table>\n");
  if( c.n > 1 ){
    buf_printf(&p->body, "<form method=\"post\" action=\"/account\">");
    layout_csrf(p);
    buf_printf(&p->body, "<input type=\"hidden\" name=\"action\" value=\"end_others\">"
               "<button type=\"submit\">%h</button></form>\n", _("End all other sessions"));
  }
  return ECX_OK;
}

int page_account(HttpReq *p){
  const char *zDone = 0, *zErr = 0;
  if( p->method==HTTP_POST ){
    int rc = change(p, &zDone);
    if( rc==ECX_OK ){
      return http_redirect(p, strcmp(zDone, "lang")==0 ? "/account?done=lang"
                            : strcmp(zDone, "sessions")==0 ? "/account?done=sessions" : "/account?done=password");
    }
    if( p->status < 400 ) return rc;
    zErr = http_strdup(p, err_detail());
    err_clear();
  }
  const char *zQ = http_query(p, "done");
  layout_begin(p, _("Account"));
  if( zErr ) layout_notice(p, "bad", zErr);
  else if( zQ && strcmp(zQ, "lang")==0 ) layout_notice(p, "ok", _("language saved"));
  else if( zQ && strcmp(zQ, "password")==0 ) layout_notice(p, "ok", _("password changed; your other sessions have ended"));
  else if( zQ && strcmp(zQ, "sessions")==0 ) layout_notice(p, "ok", _("sessions ended"));
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
  int rc = sessions_html(p);
  if( rc ) return rc;
  layout_end(p);
  return ECX_OK;
}
