/*
** Accounts storage: users, sessions, API tokens and the audit log.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "user.h"
#include "../base/err.h"
#include "../base/i18n.h"

/* Step a cached write statement once and give it back: ECX_OK when done. */
static int step_cached(Stmt *s){
  int rc = db_step(s);
  db_reset(s);
  return rc==DB_DONE ? ECX_OK : (rc==DB_ROW ? ECX_EDB : rc);
}

void user_row_clear(UserRow *p){
  free(p->zLogin); free(p->zName); free(p->zPwHash);
  free(p->zRole); free(p->zTouchpoints); free(p->zLang);
  memset(p, 0, sizeof *p);
}

static int role_ok(const char *z){
  static const char *const az[] = {"admin", "analyst", "area_lead", "frontline", "viewer"};
  for(size_t i = 0; i < sizeof az / sizeof az[0]; i++) if( strcmp(z, az[i])==0 ) return 1;
  return 0;
}

static int role_check(const char *zRole){
  if( zRole && role_ok(zRole) ) return ECX_OK;
  return err_set(ECX_EINVAL, _("role must be admin, analyst, area_lead, frontline or viewer, not \"%s\""),
                 zRole ? zRole : "");
}

/* 1 if the row `id` exists in zSql's table ("SELECT 1 FROM t WHERE id=?1"). */
static int row_exists(Workspace *pWs, const char *zSql, int64_t id, int *pFound){
  Stmt *s = 0;
  int rc = db_cached(pWs->pDb, &s, zSql);
  if( rc ) return rc;
  db_bind_int(s, 1, id);
  rc = db_step(s);
  *pFound = rc==DB_ROW;
  db_reset(s);
  return rc==DB_ROW || rc==DB_DONE ? ECX_OK : rc;
}

/* The scope a role needs, checked against the workspace: an area lead an
** existing area, a front-line user one or more existing touchpoints (a
** comma list of ids); the other roles none, so *pAreaId becomes 0 and
** *pzTouchpoints "". */
static int scope_check(Workspace *pWs, const char *zRole, int64_t *pAreaId, const char **pzTouchpoints){
  int isLead = strcmp(zRole, "area_lead")==0, isFront = strcmp(zRole, "frontline")==0, found = 0;
  const char *z = isFront && *pzTouchpoints ? *pzTouchpoints : "";
  int rc = ECX_OK;
  if( !isLead ) *pAreaId = 0;
  *pzTouchpoints = z;
  if( isLead ){
    if( *pAreaId > 0 ) rc = row_exists(pWs, "SELECT 1 FROM area WHERE id=?1", *pAreaId, &found);
    if( rc ) return rc;
    if( !found ) return err_set(ECX_EINVAL, _("an area_lead needs an area"));
  }
  if( isFront && !z[0] ) return err_set(ECX_EINVAL, _("a frontline user needs one or more touchpoints"));
  for(const char *q = z; *q; ){
    int64_t id = 0;
    int nDigit = 0;
    while( *q>='0' && *q<='9' && nDigit < 18 ){ id = id*10 + (*q - '0'); q++; nDigit++; }
    if( nDigit==0 || (*q && *q!=',') ) return err_set(ECX_EINVAL, _("touchpoints must be a comma list of ids"));
    if( *q==',' ) q++;
    rc = row_exists(pWs, "SELECT 1 FROM touchpoint WHERE id=?1", id, &found);
    if( rc ) return rc;
    if( !found ) return err_set(ECX_EINVAL, _("no touchpoint with id %lld"), (long long)id);
  }
  return ECX_OK;
}

int user_add(Workspace *pWs, const char *zLogin, const char *zName, const char *zPwHash,
             const char *zRole, int64_t areaId, const char *zTouchpoints, int64_t *pId){
  Stmt *s = 0;
  int64_t n = 0;
  int rc = role_check(zRole);
  if( rc==ECX_OK ) rc = scope_check(pWs, zRole, &areaId, &zTouchpoints);
  if( rc ) return rc;
  if( !zLogin[0] || strlen(zLogin) > 64 ) return err_set(ECX_EINVAL, _("a login has 1 to 64 characters"));
  rc = db_int(pWs->pDb, &n, "SELECT count(*) FROM user WHERE login=?1", zLogin);
  if( rc ) return rc;
  if( n ) return err_set(ECX_EEXIST, _("user \"%s\" already exists"), zLogin);
  rc = db_prepare(pWs->pDb, &s,
    "INSERT INTO user(login, name, pw_hash, role, area_id, touchpoints, created)"
    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if( rc ) return rc;
  db_bind_text(s, 1, zLogin, -1);
  db_bind_text(s, 2, zName ? zName : "", -1);
  db_bind_text(s, 3, zPwHash, -1);
  db_bind_text(s, 4, zRole, -1);
  if( areaId > 0 ) db_bind_int(s, 5, areaId); else db_bind_null(s, 5);
  db_bind_text(s, 6, zTouchpoints ? zTouchpoints : "", -1);
  db_bind_int(s, 7, (int64_t)time(0));
  rc = db_step(s);
  db_finalize(s);
  if( rc!=DB_DONE ) return rc==DB_ROW ? ECX_EDB : rc;
  if( pId ) *pId = db_last_rowid(pWs->pDb);
  return ECX_OK;
}

#define USER_COLS "id, login, name, pw_hash, role, area_id, touchpoints, lang, created, disabled"

static void row_read(Stmt *s, UserRow *p){
  p->id = db_column_int(s, 0);
  p->zLogin = ecx_strdup(db_column_text(s, 1));
  p->zName = ecx_strdup(db_column_text(s, 2));
  p->zPwHash = ecx_strdup(db_column_text(s, 3));
  p->zRole = ecx_strdup(db_column_text(s, 4));
  p->areaId = db_column_int(s, 5);
  p->zTouchpoints = ecx_strdup(db_column_text(s, 6));
  p->zLang = ecx_strdup(db_column_text(s, 7));
  p->created = db_column_int(s, 8);
  p->disabled = (int)db_column_int(s, 9);
}

static int user_find(Workspace *pWs, const char *zSql, const char *zText, int64_t id, UserRow *p){
  Stmt *s = 0;
  memset(p, 0, sizeof *p);
  int rc = db_cached(pWs->pDb, &s, zSql);
  if( rc ) return rc;
  if( zText ) db_bind_text(s, 1, zText, -1); else db_bind_int(s, 1, id);
  rc = db_step(s);
  if( rc==DB_ROW ){ row_read(s, p); rc = ECX_OK; }
  else if( rc==DB_DONE ) rc = err_set(ECX_ENOTFOUND, _("no such user"));
  db_reset(s);
  return rc;
}

int user_by_login(Workspace *pWs, const char *zLogin, UserRow *p){
  return user_find(pWs, "SELECT " USER_COLS " FROM user WHERE login=?1", zLogin, 0, p);
}
int user_by_id(Workspace *pWs, int64_t id, UserRow *p){
  return user_find(pWs, "SELECT " USER_COLS " FROM user WHERE id=?1", 0, id, p);
}

/* Run one UPDATE/INSERT/DELETE with an id and an optional text in ?2. */
static int exec_id_text(Workspace *pWs, const char *zSql, int64_t id, const char *zText){
  Stmt *s = 0;
  int rc = db_cached(pWs->pDb, &s, zSql);
  if( rc ) return rc;
  db_bind_int(s, 1, id);
  if( zText ) db_bind_text(s, 2, zText, -1);
  rc = step_cached(s);
  if( rc ) return rc;
  return db_changes(pWs->pDb) ? ECX_OK : err_set(ECX_ENOTFOUND, _("no such user"));
}

int user_set_disabled(Workspace *pWs, int64_t id, int disabled){
  return exec_id_text(pWs, disabled ? "UPDATE user SET disabled=1 WHERE id=?1"
                                    : "UPDATE user SET disabled=0 WHERE id=?1", id, 0);
}
int user_set_role(Workspace *pWs, int64_t id, const char *zRole, int64_t areaId, const char *zTouchpoints){
  Stmt *s = 0;
  int rc = role_check(zRole);
  if( rc==ECX_OK ) rc = scope_check(pWs, zRole, &areaId, &zTouchpoints);
  if( rc==ECX_OK ) rc = db_cached(pWs->pDb, &s, "UPDATE user SET role=?2, area_id=?3, touchpoints=?4 WHERE id=?1");
  if( rc ) return rc;
  db_bind_int(s, 1, id);
  db_bind_text(s, 2, zRole, -1);
  if( areaId > 0 ) db_bind_int(s, 3, areaId); else db_bind_null(s, 3);
  db_bind_text(s, 4, zTouchpoints, -1);
  rc = step_cached(s);
  if( rc ) return rc;
  return db_changes(pWs->pDb) ? ECX_OK : err_set(ECX_ENOTFOUND, _("no such user"));
}

int user_touchpoint_ids(Workspace *pWs, const char *zNames, Buf *b){
  char *zCopy = ecx_strdup(zNames), *zSave = 0;
  int rc = ECX_OK;
  for(char *z = strtok_r(zCopy, ",", &zSave); z && rc==ECX_OK; z = strtok_r(0, ",", &zSave)){
    int64_t id = 0;
    rc = db_int(pWs->pDb, &id, "SELECT id FROM touchpoint WHERE name=?1", z);
    if( rc==ECX_OK && id==0 ) rc = err_set(ECX_ENOTFOUND, _("no touchpoint named \"%s\""), z);
    if( rc==ECX_OK ) buf_printf(b, "%s%lld", b->n ? "," : "", (long long)id);
  }
  free(zCopy);
  return rc;
}
int user_set_password(Workspace *pWs, int64_t id, const char *zPwHash){
  return exec_id_text(pWs, "UPDATE user SET pw_hash=?2 WHERE id=?1", id, zPwHash);
}
int user_set_lang(Workspace *pWs, int64_t id, const char *zLang){
  return exec_id_text(pWs, "UPDATE user SET lang=?2 WHERE id=?1", id, zLang);
}

int user_each(Workspace *pWs, int (*xRow)(void *pArg, const UserRow *p), void *pArg){
  Stmt *s = 0;
  int rc = db_prepare(pWs->pDb, &s, "SELECT " USER_COLS " FROM user ORDER BY login");
  if( rc ) return rc;
  while( (rc = db_step(s))==DB_ROW ){
    UserRow r;
    row_read(s, &r);
    int stop = xRow(pArg, &r);
    user_row_clear(&r);
    if( stop ){ rc = DB_DONE; break; }
  }
  db_finalize(s);
  return rc==DB_DONE ? ECX_OK : rc;
}

int session_create(Workspace *pWs, const char *zIdHash, int64_t userId, const char *zCsrf,
                   int64_t now, int64_t expires){
  Stmt *s = 0;
  int rc = db_cached(pWs->pDb, &s,
    "INSERT INTO session(id_hash, user_id, csrf, created, expires) VALUES(?1, ?2, ?3, ?4, ?5)");
  if( rc ) return rc;
  db_bind_text(s, 1, zIdHash, -1);
  db_bind_int(s, 2, userId);
  db_bind_text(s, 3, zCsrf, -1);
  db_bind_int(s, 4, now);
  db_bind_int(s, 5, expires);
  return step_cached(s);
}

int session_find(Workspace *pWs, const char *zIdHash, int64_t now, int64_t *pUserId,
                 char **pzCsrf, int64_t *pCreated, int64_t *pExpires){
  Stmt *s = 0;
  *pzCsrf = 0;
  int rc = db_cached(pWs->pDb, &s,
    "SELECT s.user_id, s.csrf, s.created, s.expires FROM session s JOIN user u ON u.id=s.user_id"
    " WHERE s.id_hash=?1 AND s.revoked=0 AND s.expires>?2 AND u.disabled=0");
  if( rc ) return rc;
  db_bind_text(s, 1, zIdHash, -1);
  db_bind_int(s, 2, now);
  rc = db_step(s);
  if( rc==DB_ROW ){
    *pUserId = db_column_int(s, 0);
    *pzCsrf = ecx_strdup(db_column_text(s, 1));
    if( pCreated ) *pCreated = db_column_int(s, 2);
    if( pExpires ) *pExpires = db_column_int(s, 3);
    rc = ECX_OK;
  }else if( rc==DB_DONE ){
    rc = ECX_ENOTFOUND;
  }
  db_reset(s);
  return rc;
}

/* Run one statement binding a text ?1 and an optional integer ?2. */
static int exec_text_int(Workspace *pWs, const char *zSql, const char *zText, int64_t v, int hasV){
  Stmt *s = 0;
  int rc = db_cached(pWs->pDb, &s, zSql);
  if( rc ) return rc;
  db_bind_text(s, 1, zText, -1);
  if( hasV ) db_bind_int(s, 2, v);
  return step_cached(s);
}

int session_touch(Workspace *pWs, const char *zIdHash, int64_t expires){
  return exec_text_int(pWs, "UPDATE session SET expires=?2 WHERE id_hash=?1", zIdHash, expires, 1);
}
int session_revoke(Workspace *pWs, const char *zIdHash){
  return exec_text_int(pWs, "UPDATE session SET revoked=1 WHERE id_hash=?1", zIdHash, 0, 0);
}
int session_revoke_user(Workspace *pWs, int64_t userId){
  int rc = exec_id_text(pWs, "UPDATE session SET revoked=1 WHERE user_id=?1 AND revoked=0", userId, 0);
  return rc==ECX_ENOTFOUND ? (err_clear(), ECX_OK) : rc;
}

int token_add(Workspace *pWs, int64_t userId, const char *zName, const char *zHash,
              const char *zScopes, int64_t *pId){
  Stmt *s = 0;
  int rc = db_prepare(pWs->pDb, &s,
    "INSERT INTO api_token(user_id, name, token_hash, scopes, created) VALUES(?1, ?2, ?3, ?4, ?5)");
  if( rc ) return rc;
  db_bind_int(s, 1, userId);
  db_bind_text(s, 2, zName, -1);
  db_bind_text(s, 3, zHash, -1);
  db_bind_text(s, 4, zScopes, -1);
  db_bind_int(s, 5, (int64_t)time(0));
  rc = db_step(s);
  db_finalize(s);
  if( rc!=DB_DONE ) return rc==DB_ROW ? ECX_EDB : rc;
  if( pId ) *pId = db_last_rowid(pWs->pDb);
  return ECX_OK;
}

int token_find(Workspace *pWs, const char *zHash, int64_t *pUserId, char **pzScopes){
  Stmt *s = 0;
  *pzScopes = 0;
  int rc = db_cached(pWs->pDb, &s,
    "SELECT t.user_id, t.scopes FROM api_token t JOIN user u ON u.id=t.user_id"
    " WHERE t.token_hash=?1 AND t.revoked=0 AND u.disabled=0");
  if( rc ) return rc;
  db_bind_text(s, 1, zHash, -1);
  rc = db_step(s);
  if( rc==DB_ROW ){
    *pUserId = db_column_int(s, 0);
    *pzScopes = ecx_strdup(db_column_text(s, 1));
    rc = ECX_OK;
  }else if( rc==DB_DONE ){
    rc = ECX_ENOTFOUND;
  }
  db_reset(s);
  return rc;
}

int token_revoke(Workspace *pWs, int64_t id){
  return exec_id_text(pWs, "UPDATE api_token SET revoked=1 WHERE id=?1", id, 0);
}

int session_each(Workspace *pWs, int64_t userId, int64_t now,
                 int (*xRow)(void *pArg, const SessionRow *p), void *pArg){
  Stmt *s = 0;
  int rc = db_prepare(pWs->pDb, &s,
    "SELECT substr(id_hash, 1, 16), user_id, created, expires FROM session"
    " WHERE revoked=0 AND expires>?2 AND (?1=0 OR user_id=?1) ORDER BY created DESC LIMIT 1000");
  if( rc ) return rc;
  db_bind_int(s, 1, userId);
  db_bind_int(s, 2, now);
  while( (rc = db_step(s))==DB_ROW ){
    SessionRow r;
    memset(&r, 0, sizeof r);
    snprintf(r.zHandle, sizeof r.zHandle, "%s", db_column_text(s, 0));
    r.userId = db_column_int(s, 1);
    r.created = db_column_int(s, 2);
    r.expires = db_column_int(s, 3);
    if( xRow(pArg, &r) ){ rc = DB_DONE; break; }
  }
  db_finalize(s);
  return rc==DB_DONE ? ECX_OK : rc;
}

int session_revoke_handle(Workspace *pWs, int64_t userId, const char *zHandle){
  if( strlen(zHandle)!=16 ) return err_set(ECX_ENOTFOUND, "%s", _("no such session"));
  int rc = exec_id_text(pWs, "UPDATE session SET revoked=1 WHERE user_id=?1 AND revoked=0"
                             " AND substr(id_hash, 1, 16)=?2", userId, zHandle);
  return rc==ECX_ENOTFOUND ? err_set(ECX_ENOTFOUND, "%s", _("no such session")) : rc;
}

int session_revoke_others(Workspace *pWs, int64_t userId, const char *zKeepHash){
  int rc = exec_id_text(pWs, "UPDATE session SET revoked=1 WHERE user_id=?1 AND revoked=0 AND id_hash<>?2",
                        userId, zKeepHash ? zKeepHash : "");
  return rc==ECX_ENOTFOUND ? (err_clear(), ECX_OK) : rc;
}

int session_count(Workspace *pWs, int64_t userId, int64_t now, int64_t *pN){
  Stmt *s = 0;
  *pN = 0;
  int rc = db_cached(pWs->pDb, &s, "SELECT count(*) FROM session WHERE user_id=?1 AND revoked=0 AND expires>?2");
  if( rc ) return rc;
  db_bind_int(s, 1, userId);
  db_bind_int(s, 2, now);
  rc = db_step(s);
  if( rc==DB_ROW ) *pN = db_column_int(s, 0);
  db_reset(s);
  return rc==DB_ROW ? ECX_OK : rc;
}

int token_each(Workspace *pWs, int64_t userId, int (*xRow)(void *pArg, const TokenRow *p), void *pArg){
  Stmt *s = 0;
  int rc = db_prepare(pWs->pDb, &s,
    "SELECT t.id, t.user_id, u.login, t.name, t.scopes, t.created, t.revoked FROM api_token t"
    " JOIN user u ON u.id=t.user_id WHERE ?1=0 OR t.user_id=?1 ORDER BY t.id DESC");
  if( rc ) return rc;
  db_bind_int(s, 1, userId);
  while( (rc = db_step(s))==DB_ROW ){
    TokenRow r;
    r.id = db_column_int(s, 0);
    r.userId = db_column_int(s, 1);
    r.zLogin = db_column_text(s, 2);
    r.zName = db_column_text(s, 3);
    r.zScopes = db_column_text(s, 4);
    r.created = db_column_int(s, 5);
    r.revoked = (int)db_column_int(s, 6);
    if( xRow(pArg, &r) ){ rc = DB_DONE; break; }
  }
  db_finalize(s);
  return rc==DB_DONE ? ECX_OK : rc;
}

int token_owner(Workspace *pWs, int64_t id, char **pzLogin, char **pzName){
  Stmt *s = 0;
  *pzLogin = *pzName = 0;
  int rc = db_cached(pWs->pDb, &s,
    "SELECT u.login, t.name FROM api_token t JOIN user u ON u.id=t.user_id WHERE t.id=?1");
  if( rc ) return rc;
  db_bind_int(s, 1, id);
  rc = db_step(s);
  if( rc==DB_ROW ){
    *pzLogin = ecx_strdup(db_column_text(s, 0));
    *pzName = ecx_strdup(db_column_text(s, 1));
    rc = ECX_OK;
  }else if( rc==DB_DONE ){
    rc = err_set(ECX_ENOTFOUND, "%s", _("no such token"));
  }
  db_reset(s);
  return rc;
}

int token_scopes_valid(const char *z){
  static const char *const az[] = {"read", "ingest", "admin"};
  int seen = 0;
  if( !z || !z[0] ) return 0;
  while( *z ){
    size_t k = strcspn(z, ",");
    int found = -1;
    for(int i = 0; i < 3; i++) if( strlen(az[i])==k && strncmp(z, az[i], k)==0 ) found = i;
    if( found < 0 || (seen & (1<<found)) ) return 0;
    seen |= 1<<found;
    z += k;
    if( *z==',' && !*++z ) return 0;
  }
  return 1;
}

int audit_add(Workspace *pWs, int64_t userId, const char *zAction, const char *zTarget,
              const char *zDetail){
  Stmt *s = 0;
  int rc = db_cached(pWs->pDb, &s,
    "INSERT INTO audit(ts, user_id, action, target, detail) VALUES(?1, ?2, ?3, ?4, ?5)");
  if( rc ) return rc;
  db_bind_int(s, 1, (int64_t)time(0));
  if( userId > 0 ) db_bind_int(s, 2, userId); else db_bind_null(s, 2);
  db_bind_text(s, 3, zAction, -1);
  db_bind_text(s, 4, zTarget ? zTarget : "", -1);
  db_bind_text(s, 5, zDetail ? zDetail : "", -1);
  return step_cached(s);
}
