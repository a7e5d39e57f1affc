/*
** Feasibility ratings storage and summary (feasibility.h).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "feasibility.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../model/user.h"

static int horizon_ok(const char *z){ return z && (strcmp(z, "short")==0 || strcmp(z, "medium")==0); }

int feas_set(Workspace *pWs, int64_t areaId, int64_t dimId, const char *zHorizon,
             int score, const char *zComment, int64_t userId){
  Stmt *s = 0;
  int64_t n = 0;
  char zTarget[64], zDetail[32];
  int rc;
  if( !horizon_ok(zHorizon) ) return err_set(ECX_EINVAL, _("the horizon must be short or medium"));
  if( score<1 || score>5 ) return err_set(ECX_EINVAL, _("a feasibility score goes from 1 to 5"));
  if( zComment && strlen(zComment)>2000 ) return err_set(ECX_ETOOBIG, _("a comment has at most 2000 characters"));
  rc = db_begin(pWs->pDb);
  if( rc ) return rc;
  {
    char zId[32];
    snprintf(zId, sizeof zId, "%lld", (long long)areaId);
    rc = db_int(pWs->pDb, &n, "SELECT count(*) FROM area WHERE id=?1", zId);
    if( rc==ECX_OK && n==0 ) rc = err_set(ECX_ENOTFOUND, _("no area with id %lld"), (long long)areaId);
    snprintf(zId, sizeof zId, "%lld", (long long)dimId);
    if( rc==ECX_OK ) rc = db_int(pWs->pDb, &n, "SELECT count(*) FROM dimension WHERE id=?1", zId);
    if( rc==ECX_OK && n==0 ) rc = err_set(ECX_ENOTFOUND, _("no dimension with id %lld"), (long long)dimId);
  }
  if( rc==ECX_OK ) rc = db_prepare(pWs->pDb, &s,
    "INSERT INTO feasibility(area_id, dimension_id, horizon, score, comment, user_id, ts)"
    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    " ON CONFLICT(area_id, dimension_id, horizon) DO UPDATE SET"
    " score=excluded.score, comment=excluded.comment, user_id=excluded.user_id, ts=excluded.ts");
  if( rc==ECX_OK ){
    db_bind_int(s, 1, areaId);
    db_bind_int(s, 2, dimId);
    db_bind_text(s, 3, zHorizon, -1);
    db_bind_int(s, 4, score);
    db_bind_text(s, 5, zComment ? zComment : "", -1);
    if( userId>0 ) db_bind_int(s, 6, userId); else db_bind_null(s, 6);
    db_bind_int(s, 7, (int64_t)time(0));
    rc = db_step(s);
    rc = rc==DB_DONE ? ECX_OK : rc==DB_ROW ? ECX_EDB : rc;
    db_finalize(s);
  }
  snprintf(zTarget, sizeof zTarget, "area=%lld dimension=%lld", (long long)areaId, (long long)dimId);
  snprintf(zDetail, sizeof zDetail, "%s=%d", zHorizon, score);
  if( rc==ECX_OK ) rc = audit_add(pWs, userId, "feasibility_set", zTarget, zDetail);
  if( rc==ECX_OK ) rc = db_commit(pWs->pDb);
  if( rc ) db_rollback(pWs->pDb);
  return rc;
}

int feas_get(Workspace *pWs, int64_t areaId, int64_t dimId, const char *zHorizon,
             int *pScore, char **pzComment){
  Stmt *s = 0;
  int rc = db_cached(pWs->pDb, &s,
    "SELECT score, comment FROM feasibility WHERE area_id=?1 AND dimension_id=?2 AND horizon=?3");
  *pScore = 0;
  *pzComment = 0;
  if( rc ) return rc;
  db_bind_int(s, 1, areaId);
  db_bind_int(s, 2, dimId);
  db_bind_text(s, 3, zHorizon, -1);
  rc = db_step(s);
  if( rc==DB_ROW ){
    *pScore = (int)db_column_int(s, 0);
    *pzComment = ecx_strdup(db_column_text(s, 1));
  }
  db_reset(s);
  return rc==DB_ROW || rc==DB_DONE ? ECX_OK : rc;
}

int feas_summary(Workspace *pWs, FeasDim **paOut, int *pnOut){
  Stmt *s = 0;
  FeasDim *a = 0;
  int n = 0, nAlloc = 0, rc;
  *paOut = 0;
  *pnOut = 0;
  /* Per dimension and horizon: count, sum and sum of squares (integers). */
  rc = db_prepare(pWs->pDb, &s,
    "SELECT d.id, d.name, f.horizon, count(f.score), total(f.score), total(f.score*f.score)"
    " FROM dimension d LEFT JOIN feasibility f ON f.dimension_id=d.id"
    " GROUP BY d.id, f.horizon ORDER BY d.name, d.id");
  if( rc ) return rc;
  while( (rc = db_step(s))==DB_ROW ){
    int64_t id = db_column_int(s, 0), k = db_column_int(s, 3);
    double sum = db_column_double(s, 4), sq = db_column_double(s, 5);
    const char *zH = db_column_text(s, 2);
    FeasDim *p;
    if( n==0 || a[n-1].dimId!=id ){
      if( n==nAlloc ){ nAlloc = nAlloc ? nAlloc*2 : 16; a = ecx_realloc(a, (size_t)nAlloc*sizeof *a); }
      p = &a[n++];
      memset(p, 0, sizeof *p);
      p->dimId = id;
      p->zName = ecx_strdup(db_column_text(s, 1));
      p->mean = p->sd = p->meanShort = p->meanMedium = 0;
    }
    p = &a[n-1];
    if( k==0 ) continue;
    if( strcmp(zH, "short")==0 ){ p->nShort = k; p->meanShort = sum/(double)k; }
    else{ p->nMedium = k; p->meanMedium = sum/(double)k; }
    p->n += k;
    p->mean += sum;   /* running sum until the end */
    p->sd += sq;      /* running sum of squares */
  }
  db_finalize(s);
  if( rc!=DB_DONE ){ feas_summary_free(a, n); return rc; }
  for(int i=0; i<n; i++){
    FeasDim *p = &a[i];
    double sum = p->mean, sq = p->sd;
    p->mean = p->n ? sum/(double)p->n : NAN;
    p->sd = p->n>1 ? sqrt((sq - sum*sum/(double)p->n)/(double)(p->n - 1)) : NAN;
    if( p->nShort==0 ) p->meanShort = NAN;
    if( p->nMedium==0 ) p->meanMedium = NAN;
  }
  *paOut = a;
  *pnOut = n;
  return ECX_OK;
}

void feas_summary_free(FeasDim *a, int n){
  for(int i=0; i<n; i++) free(a[i].zName);
  free(a);
}

int feas_list(Workspace *pWs, int64_t areaId, FeasRating **paOut, int *pnOut){
  Stmt *s = 0;
  FeasRating *a = 0;
  int n = 0, nAlloc = 0, rc = db_prepare(pWs->pDb, &s,
    "SELECT f.area_id, a.name, f.dimension_id, d.name, f.horizon, f.score, f.comment, f.ts"
    " FROM feasibility f JOIN area a ON a.id=f.area_id JOIN dimension d ON d.id=f.dimension_id"
    " WHERE ?1=0 OR f.area_id=?1 ORDER BY a.name, d.name, f.horizon DESC");
  *paOut = 0;
  *pnOut = 0;
  if( rc ) return rc;
  db_bind_int(s, 1, areaId);
  while( (rc = db_step(s))==DB_ROW ){
    FeasRating *r;
    if( n==nAlloc ){ nAlloc = nAlloc ? 2*nAlloc : 16; a = ecx_realloc(a, (size_t)nAlloc*sizeof *a); }
    r = &a[n++];
    r->areaId = db_column_int(s, 0);
    r->zArea = ecx_strdup(db_column_text(s, 1));
    r->dimId = db_column_int(s, 2);
    r->zDim = ecx_strdup(db_column_text(s, 3));
    r->zHorizon = ecx_strdup(db_column_text(s, 4));
    r->score = (int)db_column_int(s, 5);
    r->zComment = ecx_strdup(db_column_text(s, 6));
    r->ts = db_column_int(s, 7);
  }
  db_finalize(s);
  if( rc!=DB_DONE ){ feas_list_free(a, n); return rc; }
  *paOut = a;
  *pnOut = n;
  return ECX_OK;
}

void feas_list_free(FeasRating *a, int n){
  for(int i=0; i<n; i++){ free(a[i].zArea); free(a[i].zDim); free(a[i].zHorizon); free(a[i].zComment); }
  free(a);
}
