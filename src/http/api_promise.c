/*
** The experience promise in the JSON API (docs/api.md):
**   GET  /api/v1/promises                  every promise's latest version
**   POST /api/v1/promises                  a new promise (201)
**   GET  /api/v1/promises/ID[?version=N]   one promise
**   POST /api/v1/promises/ID               a new version (201)
**   GET  /api/v1/promises/ID/versions      who saved which version, when
**   GET  /api/v1/promises/ID/criteria      criteria and recommendation
**   GET  /api/v1/promises/ID/kpis          KPIs: value, interval, trend, status
**   POST /api/v1/promises/ID/kpis          set KPIs (target null removes one)
**   GET  /api/v1/promises/ID/matrix        touchpoint x dimension against target
**   GET  /api/v1/promises/ID/alerts        what is significantly below target
**   GET  /api/v1/promises/ID/areas         the areas' alignment (a lead: its own)
**   GET  /api/v1/alerts                    every promise's alerts
*/
#include <stdio.h>
#include <string.h>

#include "http.h"
#include "http_int.h"
#include "api_promise_json.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../frameworks/promise_kpi.h"
#include "../model/entity.h"
#include "../report/promise_format.h"

static int json_reply(HttpReq *p, int status){
  p->zContentType = "application/json";
  p->status = status;
  return p->body.overflow ? ECX_ETOOBIG : ECX_OK;
}

/* An error with the detail of the last err_set(). */
static int fail_detail(HttpReq *p, int status, int rc, const char *zField){
  const char *zMsg = http_strdup(p, err_detail());
  return http_fail(p, status, rc, zField, "%s", zMsg);
}

/* Store *pr (id 0: a new promise) and answer 201 {"id", "version"}. */
static int save(HttpReq *p, int64_t id){
  Promise pr;
  const char *zField = 0;
  char zLoc[64];
  int rc = api_parse_promise(&p->arena, p->zBody, p->nBody, &pr, &zField);
  if( rc==ECX_OK ){
    int64_t n = 0;
    char zId[32];
    snprintf(zId, sizeof zId, "%lld", (long long)id);
    /* A missing promise is 404; the other refusals (an unknown dimension or
    ** segment, a dimension twice) are 400 and the message names the value. */
    if( id && db_int(p->pWs->pDb, &n, "SELECT count(*) FROM promise WHERE id=?1", zId)==ECX_OK && n==0 ){
      promise_clear(&pr);
      return http_fail(p, 404, ECX_ENOTFOUND, 0, _("no promise %lld"), (long long)id);
    }
    pr.id = id;
    rc = promise_save(p->pWs, &pr, p->pUser->id);
  }
  if( rc==ECX_ETOOBIG && zField ){ promise_clear(&pr); return fail_detail(p, 413, rc, zField); }
  if( rc==ECX_EINVAL || rc==ECX_ENOTFOUND || rc==ECX_ETOOBIG ){
    promise_clear(&pr);
    return fail_detail(p, 400, ECX_EINVAL, zField);
  }
  if( rc ){ promise_clear(&pr); return rc; }
  snprintf(zLoc, sizeof zLoc, "/api/v1/promises/%lld", (long long)pr.id);
  http_add_header(p, "Location", zLoc);
  buf_printf(&p->body, "{\"id\":%lld,\"version\":%d}\n", (long long)pr.id, pr.version);
  promise_clear(&pr);
  return json_reply(p, 201);
}

typedef struct ListCtx { Buf *b; int n; } ListCtx;

static int list_one(void *pArg, const Promise *pr){
  ListCtx *x = pArg;
  buf_puts(x->b, x->n++ ? ",\n" : "\n");
  return promise_json(x->b, pr);
}

int api_promises(HttpReq *p){
  ListCtx x = {&p->body, 0};
  int rc;
  if( p->method==HTTP_POST ) return save(p, 0);
  buf_puts(&p->body, "{\"promises\":[");
  rc = promise_each(p->pWs, list_one, &x);
  buf_puts(&p->body, "]}\n");
  return rc ? rc : json_reply(p, 200);
}

static int version_one(void *pArg, int version, int64_t ts, const char *zAuthor){
  ListCtx *x = pArg;
  char zTs[40];
  buf_printf(x->b, "%s{\"version\":%d,\"author\":%j,\"saved\":%j}", x->n++ ? "," : "", version, zAuthor,
             util_fmt_time(zTs, sizeof zTs, ts));
  return ECX_OK;
}

/* The promise's KPIs and their evaluation (freed by the caller). */
typedef struct Eval { PromiseKpi *aKpi; int nKpi; PromiseEval ev; const Cube *pC; } Eval;

static int eval_load(HttpReq *p, const Promise *pr, Eval *e){
  int rc;
  memset(e, 0, sizeof *e);
  rc = http_cube(p, &e->pC);
  if( rc==ECX_OK ) rc = promise_kpi_list(p->pWs, pr, &e->aKpi, &e->nKpi);
  if( rc==ECX_OK ) rc = promise_eval(e->pC, p->pWs, pr, e->aKpi, e->nKpi, ws_min_n(p->pWs), &e->ev);
  if( rc==ECX_EINVAL ) rc = fail_detail(p, 400, rc, "segment");   /* the target no longer compiles */
  return rc;
}

static void eval_free(Eval *e){
  promise_eval_free(&e->ev);
  promise_kpi_list_free(e->aKpi, e->nKpi);
}

/* The name of field zKey of KPI i of n in error answers: "[i].zKey" in an
** array, "zKey" for one object; zKey NULL names the whole KPI. */
static const char *kpi_field(HttpReq *p, int n, int i, const char *zKey){
  char z[64];
  if( n<=1 ) return zKey;
  if( zKey ) snprintf(z, sizeof z, "[%d].%s", i, zKey); else snprintf(z, sizeof z, "[%d]", i);
  return http_strdup(p, z);
}

/* POST /promises/ID/kpis: every KPI checked before any is stored. */
static int kpis_post(HttpReq *p, const Promise *pr){
  ApiKpi *a = 0;
  PromiseKpi *aK;
  const char *zField = 0;
  int n = 0, rc = api_parse_kpis(&p->arena, p->zBody, p->nBody, &a, &n, &zField);
  if( rc ) return fail_detail(p, rc==ECX_ETOOBIG ? 413 : 400, rc, zField);
  aK = http_alloc(p, sizeof(PromiseKpi)*(size_t)(n + 1));
  for(int i=0; i<n; i++){
    PromiseKpi *k = &aK[i];
    k->zDim = (char*)a[i].zDim;
    if( a[i].remove ) continue;
    rc = promise_kpi_metric_parse(a[i].zMetric ? a[i].zMetric : "mean", &k->metric);
    if( rc ) return fail_detail(p, 400, rc, kpi_field(p, n, i, "metric"));
    k->target = a[i].target;
    k->areaId = a[i].areaId;
    if( a[i].zArea && ent_find(p->pWs, ENT_AREA, a[i].zArea, &k->areaId) ){
      return http_fail(p, 400, ECX_EINVAL, kpi_field(p, n, i, "area"), _("no area \"%s\""), a[i].zArea);
    }
    k->zFrom = (char*)(a[i].zFrom ? a[i].zFrom : "");
    k->zTo = (char*)(a[i].zTo ? a[i].zTo : "");
    rc = promise_kpi_check(p->pWs, pr, k);
    if( rc ) return fail_detail(p, 400, ECX_EINVAL, kpi_field(p, n, i, 0));
  }
  for(int i=0; i<n && rc==ECX_OK; i++){
    if( !a[i].remove ){ rc = promise_kpi_set(p->pWs, pr, &aK[i], p->pUser->id); continue; }
    rc = promise_kpi_delete(p->pWs, pr->id, aK[i].zDim, p->pUser->id);
    if( rc==ECX_ENOTFOUND ){ err_clear(); rc = ECX_OK; }   /* removing what is not there is no error */
  }
  return rc;
}

/* GET/POST of one promise's resource zSub ("" for the promise itself). */
static int resource(HttpReq *p, const Promise *pr, const char *zSub){
  Eval e;
  int rc;
  if( zSub[0]==0 ){
    rc = promise_json(&p->body, pr);
    buf_putc(&p->body, '\n');
    return rc ? rc : json_reply(p, 200);
  }
  if( strcmp(zSub, "versions")==0 ){
    ListCtx x = {&p->body, 0};
    buf_printf(&p->body, "{\"id\":%lld,\"versions\":[", (long long)pr->id);
    rc = promise_versions(p->pWs, pr->id, version_one, &x);
    buf_puts(&p->body, "]}\n");
    return rc ? rc : json_reply(p, 200);
  }
  if( strcmp(zSub, "criteria")==0 ){
    const Cube *pC = 0;
    PromiseCriteria pc;
    rc = http_cube(p, &pC);
    if( rc==ECX_OK ) rc = promise_criteria(pC, p->pWs, pr->zSegment, pr->zWhere, &pr->w, ws_min_n(p->pWs), &pc);
    if( rc==ECX_EINVAL ) return fail_detail(p, 400, rc, "segment");
    if( rc ) return rc;
    promise_criteria_json(&p->body, &pc);
    promise_criteria_free(&pc);
    return json_reply(p, 200);
  }
  if( strcmp(zSub, "kpis") && strcmp(zSub, "matrix") && strcmp(zSub, "alerts") && strcmp(zSub, "areas") ){
    return http_fail(p, 404, ECX_ENOTFOUND, 0, "%s", _("no such resource of a promise"));
  }
  if( (rc = eval_load(p, pr, &e)) ){ eval_free(&e); return rc; }
  if( strcmp(zSub, "kpis")==0 ) promise_kpis_json(&p->body, &e.ev);
  else if( strcmp(zSub, "matrix")==0 ) promise_matrix_json(&p->body, &e.ev);
  else if( strcmp(zSub, "alerts")==0 ){
    int nOut = 0;
    buf_puts(&p->body, "{\"alerts\":[");
    promise_alerts_json(&p->body, pr, &e.ev, &nOut);
    buf_puts(&p->body, "]}\n");
  }else{
    PromiseArea *aA = 0;
    int nA = 0;
    int64_t only = p->pUser->role==ROLE_AREA_LEAD ? (p->pUser->areaId>0 ? p->pUser->areaId : -1) : 0;
    rc = promise_areas(p->pWs, pr, &e.ev, only, &aA, &nA);
    if( rc==ECX_OK ) promise_areas_json(&p->body, &e.ev, aA, nA);
    promise_areas_free(aA, nA);
  }
  eval_free(&e);
  return rc ? rc : json_reply(p, 200);
}

int api_promise(HttpReq *p){
  const char *zRest = p->zPath + strlen("/api/v1/promises/"), *zSlash = strchr(zRest, '/');
  char *zId = http_strdup(p, zRest);
  const char *zSub = zSlash ? zSlash + 1 : "", *zVer = http_query(p, "version");
  int64_t id = 0, version = 0;
  Promise pr;
  int rc;
  if( zSlash ) zId[zSlash - zRest] = 0;
  if( util_parse_int(zId, &id) || id<=0 ) return http_fail(p, 404, ECX_ENOTFOUND, 0, "%s", _("no such promise"));
  if( zVer && zVer[0] && (util_parse_int(zVer, &version) || version<1 || version>1000000) ){
    return http_fail(p, 400, ECX_EINVAL, "version", "%s", _("version must be a whole number from 1"));
  }
  if( p->method==HTTP_POST && zSub[0]==0 ) return save(p, id);
  if( p->method==HTTP_POST && strcmp(zSub, "kpis")!=0 ){
    http_add_header(p, "Allow", "GET, HEAD");
    return http_fail(p, 405, ECX_EUSAGE, 0, "%s", _("method not allowed"));
  }
  rc = promise_load(p->pWs, id, zSub[0] ? 0 : (int)version, &pr);
  if( rc==ECX_ENOTFOUND ) return fail_detail(p, 404, rc, 0);
  if( rc ) return rc;
  if( p->method==HTTP_POST ){
    rc = kpis_post(p, &pr);
    if( rc==ECX_OK ) rc = resource(p, &pr, "kpis");
  }else{
    rc = resource(p, &pr, zSub);
  }
  promise_clear(&pr);
  return rc;
}

typedef struct AlertsCtx { HttpReq *p; const Cube *pC; int n; } AlertsCtx;

static int alerts_one(void *pArg, const Promise *pr){
  AlertsCtx *x = pArg;
  PromiseKpi *aK = 0;
  PromiseEval e;
  int nK = 0, rc = promise_kpi_list(x->p->pWs, pr, &aK, &nK);
  if( rc==ECX_OK ) rc = promise_eval(x->pC, x->p->pWs, pr, aK, nK, ws_min_n(x->p->pWs), &e);
  if( rc==ECX_OK ){ promise_alerts_json(&x->p->body, pr, &e, &x->n); promise_eval_free(&e); }
  else if( rc==ECX_EINVAL ){ err_clear(); rc = ECX_OK; }   /* a target that no longer compiles: no alerts */
  promise_kpi_list_free(aK, nK);
  return rc;
}

int api_alerts_get(HttpReq *p){
  AlertsCtx x = {p, 0, 0};
  int rc = http_cube(p, &x.pC);
  if( rc ) return rc;
  buf_puts(&p->body, "{\"alerts\":[");
  rc = promise_each(p->pWs, alerts_one, &x);
  buf_puts(&p->body, "]}\n");
  return rc ? rc : json_reply(p, 200);
}
