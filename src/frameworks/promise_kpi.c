/*
** The promise's KPIs: metric and status names, the status rule, and their
** storage in promise_kpi (promise_kpi.h).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "promise_kpi.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../model/user.h"

static const char *const azMetric[KPI_NMETRIC] = {"mean", "top2", "nps", "csat", "ces"};

const char *promise_kpi_metric_name(KpiMetric m){
  return m>=0 && m<KPI_NMETRIC ? azMetric[m] : "";
}

int promise_kpi_metric_parse(const char *z, KpiMetric *pM){
  for(int i=0; i<KPI_NMETRIC; i++){
    if( z && strcmp(z, azMetric[i])==0 ){ *pM = (KpiMetric)i; return ECX_OK; }
  }
  return err_set(ECX_EINVAL, _("a KPI's metric is mean, top2, nps, csat or ces, not \"%s\""), z ? z : "");
}

const char *promise_kpi_metric_label(KpiMetric m){
  switch( m ){
    case KPI_MEAN: return _("mean rating");
    case KPI_TOP2: return _("top-2-box %");
    case KPI_NPS:  return "NPS";
    case KPI_CSAT: return _("CSAT (% top-2-box)");
    case KPI_CES:  return _("CES (mean)");
    default: return "";
  }
}

void promise_kpi_format(char *a, size_t n, KpiMetric m, double v){
  if( !isfinite(v) ) snprintf(a, n, "—");
  else snprintf(a, n, m==KPI_MEAN || m==KPI_CES ? "%.2f" : "%.1f", v);
}

const char *promise_kpi_status_name(KpiStatus s){
  static const char *const az[] = {"no_data", "no_target", "on_target", "not_significant", "below_target"};
  return s>=KPI_NO_DATA && s<=KPI_BELOW ? az[s] : "";
}

const char *promise_kpi_status_label(KpiStatus s){
  switch( s ){
    case KPI_NO_DATA:   return _("too few answers");
    case KPI_NO_TARGET: return _("no target");
    case KPI_ON_TARGET: return _("on target");
    case KPI_NOT_SIG:   return _("below, not significantly");
    case KPI_BELOW:     return _("significantly below target");
  }
  return "";
}

KpiStatus promise_kpi_status(const Estimate *pE, double target, int minN){
  if( !pE->ok || pE->n<minN || pE->n<1 || !isfinite(pE->value) ) return KPI_NO_DATA;
  if( !isfinite(target) ) return KPI_NO_TARGET;
  if( !isfinite(pE->lo) || !isfinite(pE->hi) ) return KPI_NO_DATA;
  if( pE->hi < target ) return KPI_BELOW;
  if( pE->value >= target ) return KPI_ON_TARGET;
  return KPI_NOT_SIG;
}

int promise_kpi_month(const char *z, int64_t *pKey){
  int64_t y, m;
  char a[8];
  if( !z || !z[0] ) return ECX_ENOTFOUND;
  if( strlen(z)!=7 || z[4]!='-' ) goto bad;
  memcpy(a, z, 4); a[4] = 0;
  if( util_parse_int(a, &y) || y<1900 || y>9999 ) goto bad;
  if( util_parse_int(z + 5, &m) || m<1 || m>12 ) goto bad;
  *pKey = y*12 + m - 1;
  return ECX_OK;
bad:
  return err_set(ECX_EINVAL, _("a period month is written YYYY-MM, not \"%s\""), z);
}

void promise_kpi_clear(PromiseKpi *k){
  free(k->zDim); free(k->zArea); free(k->zFrom); free(k->zTo);
  memset(k, 0, sizeof *k);
}

static int has_dim(const Promise *pr, const char *z){
  for(int i=0; i<pr->nDim; i++) if( z && strcmp(pr->azDim[i], z)==0 ) return 1;
  return 0;
}

int promise_kpi_check(Workspace *pWs, const Promise *pr, const PromiseKpi *k){
  static const double aLo[KPI_NMETRIC] = {0, 0, -100, 0, 1}, aHi[KPI_NMETRIC] = {10, 100, 100, 100, 7};
  int64_t from = 0, to = 0, n = 0;
  int rcF, rcT, rc;
  char zId[32];
  if( !has_dim(pr, k->zDim) ){
    return err_set(ECX_EINVAL, _("\"%s\" is not one of the promise's dimensions"), k->zDim ? k->zDim : "");
  }
  if( k->metric<0 || k->metric>=KPI_NMETRIC ) return err_set(ECX_EINVAL, "%s", _("a KPI needs a metric"));
  if( !isfinite(k->target) || k->target<aLo[k->metric] || k->target>aHi[k->metric] ){
    return err_set(ECX_EINVAL, _("a %s target goes from %g to %g"), azMetric[k->metric],
                   aLo[k->metric], aHi[k->metric]);
  }
  rcF = promise_kpi_month(k->zFrom, &from);
  if( rcF==ECX_EINVAL ) return rcF;
  rcT = promise_kpi_month(k->zTo, &to);
  if( rcT==ECX_EINVAL ) return rcT;
  if( rcF==ECX_OK && rcT==ECX_OK && (to<from || to - from>=PROMISE_KPI_MAX_MONTHS) ){
    return err_set(ECX_EINVAL, _("the period runs from a month to the same or a later one, at most %d months"),
                   PROMISE_KPI_MAX_MONTHS);
  }
  snprintf(zId, sizeof zId, "%lld", (long long)k->areaId);
  rc = db_int(pWs->pDb, &n, "SELECT count(*) FROM area WHERE id=?1", zId);
  if( rc ) return rc;
  if( n==0 ) return err_set(ECX_ENOTFOUND, _("a KPI needs an owner area: no area with id %lld"), (long long)k->areaId);
  return ECX_OK;
}

/* Run one statement with the promise id and dimension bound as ?1, ?2
** (and the KPI's fields as ?3.. when k is not NULL). */
static int kpi_write(Workspace *pWs, const char *zSql, int64_t promiseId, const char *zDim,
                     const PromiseKpi *k, int64_t userId){
  Stmt *s = 0;
  int rc = db_prepare(pWs->pDb, &s, zSql);
  if( rc ) return rc;
  db_bind_int(s, 1, promiseId);
  db_bind_text(s, 2, zDim, -1);
  if( k ){
    db_bind_text(s, 3, azMetric[k->metric], -1);
    db_bind_double(s, 4, k->target);
    db_bind_int(s, 5, k->areaId);
    db_bind_text(s, 6, k->zFrom ? k->zFrom : "", -1);
    db_bind_text(s, 7, k->zTo ? k->zTo : "", -1);
    if( userId>0 ) db_bind_int(s, 8, userId); else db_bind_null(s, 8);
    db_bind_int(s, 9, (int64_t)time(0));
  }
  rc = db_step(s);
  rc = rc==DB_DONE ? ECX_OK : rc==DB_ROW ? ECX_EDB : rc;
  db_finalize(s);
  return rc;
}

int promise_kpi_set(Workspace *pWs, const Promise *pr, const PromiseKpi *k, int64_t userId){
  char zTarget[300], zDetail[120];
  int rc = promise_kpi_check(pWs, pr, k);
  if( rc ) return rc;
  rc = db_begin(pWs->pDb);
  if( rc ) return rc;
  rc = kpi_write(pWs,
    "INSERT INTO promise_kpi(promise_id, dimension, metric, target, area_id, period_from, period_to, user_id, ts)"
    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
    " ON CONFLICT(promise_id, dimension) DO UPDATE SET metric=excluded.metric, target=excluded.target,"
    " area_id=excluded.area_id, period_from=excluded.period_from, period_to=excluded.period_to,"
    " user_id=excluded.user_id, ts=excluded.ts", pr->id, k->zDim, k, userId);
  snprintf(zTarget, sizeof zTarget, "promise=%lld dimension=%s", (long long)pr->id, k->zDim);
  snprintf(zDetail, sizeof zDetail, "%s>=%g area=%lld %s..%s", azMetric[k->metric], k->target,
           (long long)k->areaId, k->zFrom ? k->zFrom : "", k->zTo ? k->zTo : "");
  if( rc==ECX_OK ) rc = audit_add(pWs, userId, "promise_kpi_set", zTarget, zDetail);
  if( rc==ECX_OK ) rc = db_commit(pWs->pDb);
  if( rc ) db_rollback(pWs->pDb);
  return rc;
}

int promise_kpi_delete(Workspace *pWs, int64_t promiseId, const char *zDim, int64_t userId){
  char zTarget[300];
  int rc = db_begin(pWs->pDb);
  if( rc ) return rc;
  rc = kpi_write(pWs, "DELETE FROM promise_kpi WHERE promise_id=?1 AND dimension=?2", promiseId, zDim, 0, 0);
  if( rc==ECX_OK && db_changes(pWs->pDb)==0 ) rc = err_set(ECX_ENOTFOUND, _("no KPI for \"%s\""), zDim);
  snprintf(zTarget, sizeof zTarget, "promise=%lld dimension=%s", (long long)promiseId, zDim);
  if( rc==ECX_OK ) rc = audit_add(pWs, userId, "promise_kpi_delete", zTarget, "");
  if( rc==ECX_OK ) rc = db_commit(pWs->pDb);
  if( rc ) db_rollback(pWs->pDb);
  return rc;
}

int promise_kpi_list(Workspace *pWs, const Promise *pr, PromiseKpi **paOut, int *pnOut){
  Stmt *s = 0;
  PromiseKpi *a = ecx_calloc(PROMISE_MAX_DIM + 1, sizeof(PromiseKpi));
  int n = 0, rc = db_prepare(pWs->pDb, &s,
    "SELECT k.metric, k.target, k.area_id, a.name, k.period_from, k.period_to, coalesce(k.user_id, 0), k.ts"
    " FROM promise_kpi k JOIN area a ON a.id=k.area_id WHERE k.promise_id=?1 AND k.dimension=?2");
  *paOut = 0;
  *pnOut = 0;
  for(int i=0; rc==ECX_OK && i<pr->nDim && i<PROMISE_MAX_DIM; i++){
    db_bind_int(s, 1, pr->id);
    db_bind_text(s, 2, pr->azDim[i], -1);
    rc = db_step(s);
    if( rc==DB_ROW ){
      PromiseKpi *k = &a[n++];
      k->zDim = ecx_strdup(pr->azDim[i]);
      if( promise_kpi_metric_parse(db_column_text(s, 0), &k->metric) ){ err_clear(); k->metric = KPI_MEAN; }
      k->target = db_column_double(s, 1);
      k->areaId = db_column_int(s, 2);
      k->zArea = ecx_strdup(db_column_text(s, 3));
      k->zFrom = ecx_strdup(db_column_text(s, 4));
      k->zTo = ecx_strdup(db_column_text(s, 5));
      k->userId = db_column_int(s, 6);
      k->ts = db_column_int(s, 7);
    }
    rc = rc==DB_ROW || rc==DB_DONE ? ECX_OK : rc;
    db_reset(s);
  }
  if( s ) db_finalize(s);
  if( rc ){ promise_kpi_list_free(a, n); return rc; }
  *paOut = a;
  *pnOut = n;
  return ECX_OK;
}

void promise_kpi_list_free(PromiseKpi *a, int n){
  for(int i=0; i<n; i++) promise_kpi_clear(&a[i]);
  free(a);
}
