/*
** /admin/users (list, add, disable/enable, change role, revoke sessions)
** and /admin/audit (the audit log). Admin only (route table).
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pages.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../http/auth.h"
#include "../model/user.h"

static const char *const azRoles[] = {"admin", "analyst", "area_lead", "frontline", "viewer"};

static void role_select(HttpReq *p, const char *zCurrent){
  buf_printf(&p->body, "<select name=\"role\">");
  for(int i = 0; i < 5; i++){
    buf_printf(&p->body, "<option value=\"%h\"%s>%h</option>", azRoles[i],
               zCurrent && strcmp(zCurrent, azRoles[i])==0 ? " selected" : "", azRoles[i]);
  }
  buf_printf(&p->body, "</select>");
}

static int user_row_html(void *pArg, const UserRow *r){
  HttpReq *p = pArg;
  Buf *b = &p->body;
  buf_printf(b, "<tr><td>%h</td><td>%h</td><td>", r->zLogin, r->zName);
  buf_printf(b, "<form class=\"inline\" method=\"post\" action=\"/admin/users\">");
  layout_csrf(p);
  buf_printf(b, "<input type=\"hidden\" name=\"action\" value=\"role\">"
                "<input type=\"hidden\" name=\"login\" value=\"%h\">", r->zLogin);
  role_select(p, r->zRole);
  int64_t nSess = 0;
  session_count(p->pWs, r->id, (int64_t)time(0), &nSess);
  buf_printf(b, "<button class=\"quiet\" type=\"submit\">%h</button></form></td><td>%h</td><td>%lld</td><td>",
             _("Change"), r->disabled ? _("disabled") : _("active"), (long long)nSess);
  static const char *const azAct[] = {"disable", "revoke"};
  for(int i = 0; i < 2; i++){
    const char *zAct = i==0 ? (r->disabled ? "enable" : "disable") : azAct[i];
    const char *zLabel = i==0 ? (r->disabled ? _("Enable") : _("Disable")) : _("End sessions");
    buf_printf(b, "<form class=\"inline\" method=\"post\" action=\"/admin/users\">");
    layout_csrf(p);
    buf_printf(b, "<input type=\"hidden\" name=\"action\" value=\"%h\">"
                  "<input type=\"hidden\" name=\"login\" value=\"%h\">"
                  "<button class=\"quiet\" type=\"submit\">%h</button></form> ", zAct, r->zLogin, zLabel);
  }
  buf_printf(b, "</td></tr>\n");
  return 0;
}

/* Carry out one POST action; the audit row goes in the same transaction. */
static int do_action(HttpReq *p, const char *zAction, const char **pzDone){
  const char *zLogin = http_form(p, "login");
  const char *zRole = http_form(p, "role");
  UserRow r = {0};
  int rc;
  if( !zLogin || !zLogin[0] ) return http_fail(p, 400, ECX_EINVAL, "login", "%s", _("a login is required"));
  if( strcmp(zAction, "add")==0 ){
    const char *zPw = http_form(p, "password");
    const char *zName = http_form(p, "name");
    const char *zArea = http_form(p, "area");
    int64_t areaId = 0;
    char zHash[AUTH_HASH_MAX];
    if( !zRole || !http_role_from_name(zRole) ) return http_fail(p, 400, ECX_EINVAL, "role", "%s", _("choose a role"));
    if( !zPw || strlen(zPw) < 8 ) return http_fail(p, 400, ECX_EINVAL, "password", "%s", _("a password needs at least 8 characters"));
    if( zArea && zArea[0] && (util_parse_int(zArea, &areaId) || areaId < 0) ){
      return http_fail(p, 400, ECX_EINVAL, "area", "%s", _("choose an area"));
    }
    if( strcmp(zRole, "area_lead")==0 && areaId==0 ) return http_fail(p, 400, ECX_EINVAL, "area", "%s", _("an area_lead needs an area"));
    rc = auth_hash_password(zPw, zHash);
    if( rc==ECX_OK ) rc = db_begin(p->pWs->pDb);
    if( rc ) return rc;
    rc = user_add(p->pWs, zLogin, zName, zHash, zRole, areaId, "", 0);
    if( rc==ECX_OK ) rc = audit_add(p->pWs, p->pUser->id, "user_add", zLogin, zRole);
    *pzDone = _("user added");
  }else{
    rc = user_by_login(p->pWs, zLogin, &r);
    if( rc ) return http_fail(p, 404, rc, "login", "%s", _("no such user"));
    if( r.id==p->pUser->id && strcmp(zAction, "revoke")!=0 ){
      user_row_clear(&r);
      return http_fail(p, 400, ECX_EINVAL, "login", "%s", _("you cannot disable yourself or change your own role"));
    }
    rc = db_begin(p->pWs->pDb);
    if( rc ){ user_row_clear(&r); return rc; }
    if( strcmp(zAction, "disable")==0 || strcmp(zAction, "enable")==0 ){
      int off = zAction[0]=='d';
      rc = user_set_disabled(p->pWs, r.id, off);
      if( rc==ECX_OK && off ) rc = session_revoke_user(p->pWs, r.id);
      if( rc==ECX_OK ) rc = audit_add(p->pWs, p->pUser->id, off ? "user_disable" : "user_enable", zLogin, "");
      *pzDone = off ? _("user disabled") : _("user enabled");
    }else if( strcmp(zAction, "role")==0 ){
      if( !zRole || !http_role_from_name(zRole) ) rc = http_fail(p, 400, ECX_EINVAL, "role", "%s", _("choose a role"));
      if( rc==ECX_OK ) rc = user_set_role(p->pWs, r.id, zRole);
      if( rc==ECX_OK ) rc = session_revoke_user(p->pWs, r.id);
      if( rc==ECX_OK ) rc = audit_add(p->pWs, p->pUser->id, "role_change", zLogin, zRole);
      *pzDone = _("role changed");
    }else if( strcmp(zAction, "revoke")==0 ){
      rc = session_revoke_user(p->pWs, r.id);
      if( rc==ECX_OK ) rc = audit_add(p->pWs, p->pUser->id, "session_revoke", zLogin, "");
      *pzDone = _("sessions ended");
    }else{
      rc = http_fail(p, 400, ECX_EINVAL, "action", "%s", _("unknown action"));
    }
  }
  if( rc==ECX_OK ) rc = db_commit(p->pWs->pDb);
  else db_rollback(p->pWs->pDb);
  user_row_clear(&r);
  return rc;
}

int page_admin_users(HttpReq *p){
  const char *zDone = 0, *zErr = 0;
  int rc = ECX_OK;
  if( p->method==HTTP_POST ){
    const char *zAction = http_form(p, "action");
    rc = do_action(p, zAction ? zAction : "", &zDone);
    if( rc==ECX_OK ) return http_redirect(p, "/admin/users?done=1");
    if( p->status < 400 && (rc==ECX_EEXIST || rc==ECX_EINVAL) ) p->status = err_http_status(rc);
    if( p->status < 400 ) return rc;         /* unexpected: router renders it */
    zErr = http_strdup(p, err_detail());     /* a refused form: show it with the page */
    err_clear();
  }else if( http_query(p, "done") ){
    zDone = _("saved");
  }
  layout_begin(p, _("Users"));
  if( zErr ) layout_notice(p, "bad", zErr);
  else if( zDone ) layout_notice(p, "ok", zDone);
  buf_printf(&p->body, "<table>\n<tr><th>%h</th><th>%h</th><th>%h</th><th>%h</th><th>%h</th><th></th></tr>\n",
             _("Login"), _("Name"), _("Role"), _("State"), _("Sessions"));
  rc = user_each(p->pWs, user_row_html, p);
  if( rc ) return rc;
  buf_printf(&p->body, "</table>\n<h2>%h</h2>\n"
             "<form class=\"stack\" method=\"post\" action=\"/admin/users\">", _("Add a user"));
  layout_csrf(p);
  buf_printf(&p->body, "<input type=\"hidden\" name=\"action\" value=\"add\">"
    "<label>%h <input name=\"login\" required maxlength=\"64\"></label>"
    "<label>%h <input name=\"name\"></label><label>%h ", _("Login"), _("Name"), _("Role"));
  role_select(p, "viewer");
  buf_printf(&p->body, "</label><label>%h <select name=\"area\"><option value=\"\">—</option>", _("Area"));
  Stmt *s = 0;
  if( db_prepare(p->pWs->pDb, &s, "SELECT id, name FROM area ORDER BY name")==ECX_OK ){
    while( db_step(s)==DB_ROW ){
      buf_printf(&p->body, "<option value=\"%lld\">%h</option>", (long long)db_column_int(s, 0),
                 db_column_text(s, 1));
    }
    db_finalize(s);
  }
  buf_printf(&p->body, "</select></label>"
    "<label>%h <input name=\"password\" type=\"password\" minlength=\"8\" autocomplete=\"new-password\" required></label>"
    "<button type=\"submit\">%h</button></form>\n", _("Password"), _("Add"));
  layout_end(p);
  return ECX_OK;
}

int page_admin_audit(HttpReq *p){
  Stmt *s = 0;
  int rc = db_prepare(p->pWs->pDb, &s,
    "SELECT a.ts, coalesce(u.login, ''), a.action, a.target, a.detail FROM audit a"
    " LEFT JOIN user u ON u.id=a.user_id ORDER BY a.id DESC LIMIT 500");
  if( rc ) return rc;
  layout_begin(p, _("Audit log"));
  buf_printf(&p->body, "<table>\n<tr><th>%h</th><th>%h</th><th>%h</th><th>%h</th><th>%h</th></tr>\n",
             _("Time (UTC)"), _("User"), _("Action"), _("Target"), _("Detail"));
  while( (rc = db_step(s))==DB_ROW ){
    char zTs[32];
    util_fmt_time(zTs, sizeof zTs, db_column_int(s, 0));
    buf_printf(&p->body, "<tr><td>%h</td><td>%h</td><td>%h</td><td>%h</td><td>%h</td></tr>\n",
               zTs, db_column_text(s, 1), db_column_text(s, 2), db_column_text(s, 3), db_column_text(s, 4));
  }
  db_finalize(s);
  if( rc!=DB_DONE ) return rc;
  buf_printf(&p->body, "</table>\n");
  layout_end(p);
  return ECX_OK;
}
