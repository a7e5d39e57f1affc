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

/* The areas and touchpoints a user's scope is chosen from, loaded once per
** page (names in the request's arena). */
typedef struct ScopeChoices {
  int nArea, nTp;
  int64_t *aAreaId, *aTpId;
  const char **azArea, **azTp;
} ScopeChoices;

static int choices_load(HttpReq *p, ScopeChoices *c){
  static const char *const azSql[2] = {"SELECT id, name FROM area ORDER BY name",
                                       "SELECT id, name FROM touchpoint ORDER BY position, name"};
  memset(c, 0, sizeof *c);
  for(int k = 0; k < 2; k++){
    Stmt *s = 0;
    int n = 0, nAlloc = 16, rc = db_prepare(p->pWs->pDb, &s, azSql[k]);
    if( rc ) return rc;
    int64_t *aId = http_alloc(p, sizeof(int64_t)*(size_t)nAlloc);
    const char **az = http_alloc(p, sizeof(char*)*(size_t)nAlloc);
    while( (rc = db_step(s))==DB_ROW ){
      if( n==nAlloc ){
        int64_t *aNewId = http_alloc(p, sizeof(int64_t)*(size_t)nAlloc*2);
        const char **azNew = http_alloc(p, sizeof(char*)*(size_t)nAlloc*2);
        memcpy(aNewId, aId, sizeof(int64_t)*(size_t)n);
        memcpy(azNew, az, sizeof(char*)*(size_t)n);
        aId = aNewId; az = azNew; nAlloc *= 2;
      }
      aId[n] = db_column_int(s, 0);
      az[n++] = http_strdup(p, db_column_text(s, 1));
    }
    db_finalize(s);
    if( rc!=DB_DONE ) return rc;
    if( k==0 ){ c->nArea = n; c->aAreaId = aId; c->azArea = az; }
    else{ c->nTp = n; c->aTpId = aId; c->azTp = az; }
  }
  return ECX_OK;
}

/* 1 if id is in the comma list of ids z. */
static int id_listed(const char *z, int64_t id){
  while( z && *z ){
    int64_t v = 0;
    while( *z>='0' && *z<='9' ){ v = v*10 + (*z - '0'); z++; }
    if( v==id ) return 1;
    while( *z && (*z<'0' || *z>'9') ) z++;
  }
  return 0;
}

/* The scope fields of a form: the area (for an area lead) and the
** touchpoints (for front-line staff), preselected from the user's. */
static void scope_fields(HttpReq *p, const ScopeChoices *c, int64_t areaId, const char *zTps){
  Buf *b = &p->body;
  buf_printf(b, "<label>%h <select name=\"area\"><option value=\"\">—</option>", _("Area (area lead)"));
  for(int i = 0; i < c->nArea; i++){
    buf_printf(b, "<option value=\"%lld\"%s>%h</option>", (long long)c->aAreaId[i],
               c->aAreaId[i]==areaId ? " selected" : "", c->azArea[i]);
  }
  buf_printf(b, "</select></label><label>%h <select name=\"tp\" multiple size=\"3\">", _("Touchpoints (front line)"));
  for(int i = 0; i < c->nTp; i++){
    buf_printf(b, "<option value=\"%lld\"%s>%h</option>", (long long)c->aTpId[i],
               id_listed(zTps, c->aTpId[i]) ? " selected" : "", c->azTp[i]);
  }
  buf_printf(b, "</select></label>");
}

typedef struct RowCtx { HttpReq *p; const ScopeChoices *c; } RowCtx;

static int user_row_html(void *pArg, const UserRow *r){
  RowCtx *x = pArg;
  HttpReq *p = x->p;
  Buf *b = &p->body;
  buf_printf(b, "<tr><td>%h</td><td>%h</td><td>", r->zLogin, r->zName);
  buf_printf(b, "<form class=\"inline\" method=\"post\" action=\"/admin/users\">");
  layout_csrf(p);
  buf_printf(b, "<input type=\"hidden\" name=\"action\" value=\"role\">"
                "<input type=\"hidden\" name=\"login\" value=\"%h\">", r->zLogin);
  role_select(p, r->zRole);
  scope_fields(p, x->c, r->areaId, r->zTouchpoints);
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

/* The scope a form asks for: the area id (0 for none) and the touchpoint
** ids as a comma list in the arena. The model checks them against the
** role and the workspace. */
static int form_scope(HttpReq *p, int64_t *pAreaId, const char **pzTps){
  const char *zArea = http_form(p, "area");
  Buf b;
  *pAreaId = 0;
  if( zArea && zArea[0] && (util_parse_int(zArea, pAreaId) || *pAreaId <= 0) ){
    return http_fail(p, 400, ECX_EINVAL, "area", "%s", _("choose an area"));
  }
  buf_init(&b, 1u<<16);
  for(int i = 0; i < p->nForm; i++){
    int64_t id = 0;
    if( strcmp(p->aForm[i].zName, "tp")!=0 ) continue;
    if( util_parse_int(p->aForm[i].zValue, &id) || id <= 0 ){
      buf_free(&b);
      return http_fail(p, 400, ECX_EINVAL, "tp", "%s", _("choose touchpoints from the list"));
    }
    buf_printf(&b, "%s%lld", b.n ? "," : "", (long long)id);
  }
  *pzTps = http_strdup(p, buf_str(&b));
  buf_free(&b);
  return ECX_OK;
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
    const char *zTps = "";
    int64_t areaId = 0;
    char zHash[AUTH_HASH_MAX];
    if( !zRole || !http_role_from_name(zRole) ) return http_fail(p, 400, ECX_EINVAL, "role", "%s", _("choose a role"));
    if( !zPw || strlen(zPw) < 8 ) return http_fail(p, 400, ECX_EINVAL, "password", "%s", _("a password needs at least 8 characters"));
    rc = form_scope(p, &areaId, &zTps);
    if( rc==ECX_OK ) rc = auth_hash_password(zPw, zHash);
    if( rc==ECX_OK ) rc = db_begin(p->pWs->pDb);
    if( rc ) return rc;
    rc = user_add(p->pWs, zLogin, zName, zHash, zRole, areaId, zTps, 0);
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
      int64_t areaId = 0;
      const char *zTps = "";
      if( !zRole || !http_role_from_name(zRole) ) rc = http_fail(p, 400, ECX_EINVAL, "role", "%s", _("choose a role"));
      if( rc==ECX_OK ) rc = form_scope(p, &areaId, &zTps);
      if( rc==ECX_OK ) rc = user_set_role(p->pWs, r.id, zRole, areaId, zTps);
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
  ScopeChoices choices;
  rc = choices_load(p, &choices);
  if( rc ) return rc;
  RowCtx x = {p, &choices};
  buf_printf(&p->body, "<table>\n<tr><th>%h</th><th>%h</th><th>%h</th><th>%h</th><th>%h</th><th></th></tr>\n",
             _("Login"), _("Name"), _("Role and scope"), _("State"), _("Sessions"));
  rc = user_each(p->pWs, user_row_html, &x);
  if( rc ) return rc;
  buf_printf(&p->body, "</table>\n<h2>%h</h2>\n"
             "<form class=\"stack\" method=\"post\" action=\"/admin/users\">", _("Add a user"));
  layout_csrf(p);
  buf_printf(&p->body, "<input type=\"hidden\" name=\"action\" value=\"add\">"
    "<label>%h <input name=\"login\" required maxlength=\"64\"></label>"
    "<label>%h <input name=\"name\"></label><label>%h ", _("Login"), _("Name"), _("Role"));
  role_select(p, "viewer");
  buf_printf(&p->body, "</label>");
  scope_fields(p, &choices, 0, "");
  buf_printf(&p->body, "<label>%h <input name=\"password\" type=\"password\" minlength=\"8\" autocomplete=\"new-password\" required></label>"
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
