/*
** Stored promises (promise.h): every save is a new row of promise_version
** holding the whole promise as JSON, with who and when.
*/
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "promise.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../model/user.h"

void promise_clear(Promise *p){
  free(p->zAuthor); free(p->zName); free(p->zSegment); free(p->zWhere); free(p->zTagline);
  for(int i=0; i<p->nAsp; i++) free(p->azAsp[i]);
  for(int i=0; i<p->nDim; i++) free(p->azDim[i]);
  memset(p, 0, sizeof *p);
}

int promise_validate(Workspace *pWs, const Promise *p){
  int64_t n = 0;
  int rc;
  if( !p->zName || !p->zName[0] ) return err_set(ECX_EINVAL, _("a promise needs a name"));
  if( strlen(p->zName)>200 || (p->zTagline && strlen(p->zTagline)>500) ){
    return err_set(ECX_ETOOBIG, _("the name has at most 200 characters and the tagline 500"));
  }
  rc = promise_check_count(p->nDim);
  if( rc ) return rc;
  for(int i=0; i<p->nDim; i++){
    for(int j=0; j<i; j++){
      if( strcmp(p->azDim[i], p->azDim[j])==0 ) return err_set(ECX_EINVAL, _("dimension \"%s\" is chosen twice"), p->azDim[i]);
    }
    rc = db_int(pWs->pDb, &n, "SELECT count(*) FROM dimension WHERE name=?1", p->azDim[i]);
    if( rc ) return rc;
    if( n==0 ) return err_set(ECX_ENOTFOUND, _("no dimension \"%s\""), p->azDim[i]);
  }
  if( p->zSegment && p->zSegment[0] ){
    rc = db_int(pWs->pDb, &n, "SELECT count(*) FROM segment WHERE name=?1", p->zSegment);
    if( rc ) return rc;
    if( n==0 ) return err_set(ECX_ENOTFOUND, _("no segment \"%s\""), p->zSegment);
  }
  return ECX_OK;
}

int promise_to_json(const Promise *p, Buf *pOut){
  json_t *o = json_object(), *asp = json_array(), *dim = json_array();
  char *z;
  for(int i=0; i<p->nAsp; i++) json_array_append_new(asp, json_string(p->azAsp[i]));
  for(int i=0; i<p->nDim; i++) json_array_append_new(dim, json_string(p->azDim[i]));
  json_object_set_new(o, "name", json_string(p->zName ? p->zName : ""));
  json_object_set_new(o, "segment", json_string(p->zSegment ? p->zSegment : ""));
  json_object_set_new(o, "where", json_string(p->zWhere ? p->zWhere : ""));
  json_object_set_new(o, "aspirations", asp);
  json_object_set_new(o, "dimensions", dim);
  json_object_set_new(o, "tagline", json_string(p->zTagline ? p->zTagline : ""));
  json_object_set_new(o, "weights", json_pack("{s:f,s:f,s:f}", "relevance", p->w.rel,
                                              "differentiation", p->w.dif, "feasibility", p->w.fea));
  z = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
  json_decref(o);
  if( !z ) return err_set(ECX_EINVAL, _("a promise's text is not valid UTF-8"));
  buf_puts(pOut, z);
  free(z);
  return pOut->overflow ? ECX_ETOOBIG : ECX_OK;
}

static char *jstr(json_t *o, const char *zKey){
  const char *z = json_string_value(json_object_get(o, zKey));
  return ecx_strdup(z ? z : "");
}

int promise_from_json(const char *z, Promise *p){
  json_error_t e;
  json_t *o = json_loads(z, 0, &e), *a, *w;
  size_t i;
  if( !o || !json_is_object(o) ){ json_decref(o); return err_set(ECX_EFORMAT, "promise: bad JSON: %s", e.text); }
  p->zName = jstr(o, "name");
  p->zSegment = jstr(o, "segment");
  p->zWhere = jstr(o, "where");
  p->zTagline = jstr(o, "tagline");
  a = json_object_get(o, "aspirations");
  for(i=0; i<json_array_size(a) && p->nAsp<PROMISE_MAX_ASP; i++){
    const char *s = json_string_value(json_array_get(a, i));
    if( s ) p->azAsp[p->nAsp++] = ecx_strdup(s);
  }
  a = json_object_get(o, "dimensions");
  for(i=0; i<json_array_size(a) && p->nDim<PROMISE_MAX_DIM; i++){
    const char *s = json_string_value(json_array_get(a, i));
    if( s ) p->azDim[p->nDim++] = ecx_strdup(s);
  }
  w = json_object_get(o, "weights");
  p->w.rel = json_number_value(json_object_get(w, "relevance"));
  p->w.dif = json_number_value(json_object_get(w, "differentiation"));
  p->w.fea = json_number_value(json_object_get(w, "feasibility"));
  if( p->w.rel + p->w.dif + p->w.fea <= 0 ) p->w.rel = p->w.dif = p->w.fea = 1;
  json_decref(o);
  return ECX_OK;
}

int promise_save(Workspace *pWs, Promise *p, int64_t userId){
  Buf js;
  Stmt *s = 0;
  int64_t v = 0;
  char zId[32], zDetail[32];
  int rc = promise_validate(pWs, p);
  if( rc ) return rc;
  buf_init(&js, 1u<<20);
  rc = promise_to_json(p, &js);
  if( rc==ECX_OK ) rc = db_begin(pWs->pDb);
  if( rc ){ buf_free(&js); return rc; }
  if( p->id==0 ){
    rc = db_prepare(pWs->pDb, &s, "INSERT INTO promise(name, created) VALUES(?1, ?2)");
    if( rc==ECX_OK ){
      db_bind_text(s, 1, p->zName, -1);
      db_bind_int(s, 2, (int64_t)time(0));
      rc = db_step(s)==DB_DONE ? ECX_OK : ECX_EDB;
      db_finalize(s);
      p->id = db_last_rowid(pWs->pDb);
    }
  }else{
    snprintf(zId, sizeof zId, "%lld", (long long)p->id);
    rc = db_int(pWs->pDb, &v, "SELECT count(*) FROM promise WHERE id=?1", zId);
    if( rc==ECX_OK && v==0 ) rc = err_set(ECX_ENOTFOUND, _("no promise %lld"), (long long)p->id);
  }
  snprintf(zId, sizeof zId, "%lld", (long long)p->id);
  if( rc==ECX_OK ) rc = db_int(pWs->pDb, &v, "SELECT coalesce(max(version), 0) + 1 FROM promise_version WHERE promise_id=?1", zId);
  if( rc==ECX_OK ) rc = db_prepare(pWs->pDb, &s,
    "INSERT INTO promise_version(promise_id, version, user_id, ts, json) VALUES(?1, ?2, ?3, ?4, ?5)");
  if( rc==ECX_OK ){
    db_bind_int(s, 1, p->id);
    db_bind_int(s, 2, v);
    if( userId>0 ) db_bind_int(s, 3, userId); else db_bind_null(s, 3);
    db_bind_int(s, 4, (int64_t)time(0));
    db_bind_text(s, 5, buf_str(&js), (int)js.n);
    rc = db_step(s)==DB_DONE ? ECX_OK : ECX_EDB;
    db_finalize(s);
  }
  if( rc==ECX_OK ){
    s = 0;
    rc = db_prepare(pWs->pDb, &s, "UPDATE promise SET name=?1 WHERE id=?2");
    if( rc==ECX_OK ){
      db_bind_text(s, 1, p->zName, -1);
      db_bind_int(s, 2, p->id);
      rc = db_step(s)==DB_DONE ? ECX_OK : ECX_EDB;
      db_finalize(s);
    }
  }
  snprintf(zDetail, sizeof zDetail, "version %lld", (long long)v);
  if( rc==ECX_OK ) rc = audit_add(pWs, userId, "promise_save", zId, zDetail);
  if( rc==ECX_OK ) rc = db_commit(pWs->pDb);
  if( rc ) db_rollback(pWs->pDb);
  else p->version = (int)v;
  buf_free(&js);
  return rc;
}

#define PV_SELECT "SELECT v.promise_id, v.version, coalesce(v.user_id, 0), v.ts, v.json, coalesce(u.login, '')" \
  " FROM promise_version v LEFT JOIN user u ON u.id=v.user_id"

static int row_read(Stmt *s, Promise *p){
  memset(p, 0, sizeof *p);
  p->id = db_column_int(s, 0);
  p->version = (int)db_column_int(s, 1);
  p->userId = db_column_int(s, 2);
  p->ts = db_column_int(s, 3);
  p->zAuthor = ecx_strdup(db_column_text(s, 5));
  return promise_from_json(db_column_text(s, 4), p);
}

int promise_load(Workspace *pWs, int64_t id, int version, Promise *p){
  Stmt *s = 0;
  int rc = db_prepare(pWs->pDb, &s, PV_SELECT " WHERE v.promise_id=?1 AND (?2=0 OR v.version=?2)"
                      " ORDER BY v.version DESC LIMIT 1");
  memset(p, 0, sizeof *p);
  if( rc ) return rc;
  db_bind_int(s, 1, id);
  db_bind_int(s, 2, version);
  rc = db_step(s);
  if( rc==DB_ROW ) rc = row_read(s, p);
  else if( rc==DB_DONE ) rc = version ? err_set(ECX_ENOTFOUND, _("promise %lld has no version %d"), (long long)id, version)
                                      : err_set(ECX_ENOTFOUND, _("no promise %lld"), (long long)id);
  db_finalize(s);
  if( rc ) promise_clear(p);
  return rc;
}

int promise_each(Workspace *pWs, int (*xRow)(void *pArg, const Promise *p), void *pArg){
  Stmt *s = 0;
  int rc = db_prepare(pWs->pDb, &s, PV_SELECT
    " WHERE v.version=(SELECT max(version) FROM promise_version w WHERE w.promise_id=v.promise_id)"
    " ORDER BY v.promise_id DESC");
  if( rc ) return rc;
  while( (rc = db_step(s))==DB_ROW ){
    Promise p;
    rc = row_read(s, &p);
    if( rc==ECX_OK ) rc = xRow(pArg, &p);
    promise_clear(&p);
    if( rc ) break;
  }
  db_finalize(s);
  return rc==DB_DONE ? ECX_OK : rc;
}

int promise_versions(Workspace *pWs, int64_t id,
                     int (*xRow)(void *pArg, int version, int64_t ts, const char *zAuthor), void *pArg){
  Stmt *s = 0;
  int rc = db_prepare(pWs->pDb, &s, "SELECT v.version, v.ts, coalesce(u.login, '') FROM promise_version v"
                      " LEFT JOIN user u ON u.id=v.user_id WHERE v.promise_id=?1 ORDER BY v.version DESC");
  if( rc ) return rc;
  db_bind_int(s, 1, id);
  while( (rc = db_step(s))==DB_ROW ){
    rc = xRow(pArg, (int)db_column_int(s, 0), db_column_int(s, 1), db_column_text(s, 2));
    if( rc ) break;
  }
  db_finalize(s);
  return rc==DB_DONE ? ECX_OK : rc;
}
