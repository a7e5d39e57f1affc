/*
** GET /api/v1/drivers and GET /api/v1/benchmark: the key-driver analysis
** (the JSON of `ecx drivers --format json`) and the competitor benchmark
** (`ecx benchmark --format json`) over the live cube, with the dashboards'
** filters and their differencing guard. docs/api.md.
*/
#include <string.h>

#include "http.h"
#include "http_int.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../report/bench_format.h"
#include "../report/drivers_format.h"
#include "../pages/pages.h"

#define API_DRIVERS_BOOT 200   /* default bootstrap replicates */

/* A bad-request answer carrying the detail of the last error. */
static int api_invalid(HttpReq *p, int rc, const char *zField){
  const char *zMsg = http_strdup(p, err_detail());
  return http_fail(p, rc==ECX_ESMALL ? 422 : 400, rc, zField, "%s", zMsg);
}

/* An integer query parameter within lo..hi (default when absent). */
static int int_param(HttpReq *p, const char *zName, int64_t lo, int64_t hi, int64_t dflt, int64_t *pOut){
  const char *z = http_query(p, zName);
  *pOut = dflt;
  if( !z || !z[0] ) return ECX_OK;
  if( util_parse_int(z, pOut) || *pOut<lo || *pOut>hi ){
    return http_fail(p, 400, ECX_EINVAL, zName, _("%s must be a whole number from %lld to %lld"), zName,
                     (long long)lo, (long long)hi);
  }
  return ECX_OK;
}

int api_drivers_get(HttpReq *p){
  const Cube *pC = 0;
  DriversAsk ask;
  DriversSpec spec;
  DriversResult res;
  DriversShow show;
  CubeWhere w;
  CubeQuery q;
  int aiPred[DRIVERS_MAX_PRED], rc;
  int64_t nBoot = 0, seed = 0;
  const char *zPair = http_query(p, "pairwise"), *zLabel = 0;
  Buf scope;
  memset(&ask, 0, sizeof ask);
  memset(&w, 0, sizeof w);
  if( (rc = int_param(p, "bootstrap", 0, DRIVERS_MAX_BOOT, API_DRIVERS_BOOT, &nBoot)) ) return rc;
  if( (rc = int_param(p, "seed", 0, INT64_MAX, 1, &seed)) ) return rc;
  ask.zOutcome = http_query(p, "outcome");
  ask.zPredictors = http_query(p, "predictors");
  ask.zSegment = http_query(p, "segment");
  ask.zWhere = http_query(p, "where");
  ask.zFrom = http_query(p, "from");
  ask.zTo = http_query(p, "to");
  ask.zFromOpt = "from";
  ask.zToOpt = "to";
  ask.pairwise = zPair && (strcmp(zPair, "1")==0 || strcmp(zPair, "true")==0);
  ask.nBoot = (int)nBoot;
  ask.seed = (uint64_t)seed;
  rc = http_cube(p, &pC);
  if( rc ) return rc;
  /* Area leads analyse their area's touchpoints (dash_user_scope). */
  buf_init(&scope, 1u<<21);
  rc = dash_user_scope(p, pC, &scope, &zLabel);
  if( rc ){ buf_free(&scope); return rc; }
  ask.zScope = scope.n ? buf_str(&scope) : 0;
  rc = drivers_prepare(pC, &ask, &spec, aiPred, &w);
  if( rc==ECX_OK ){
    memset(&q, 0, sizeof q);
    q.pWhere = &w;
    q.dayFrom = spec.dayFrom;
    q.dayTo = spec.dayTo;
    rc = report_guard(pC, &q, ws_min_n(p->pWs));
  }
  if( rc==ECX_OK ) rc = drivers_run(pC, &spec, &res);
  buf_free(&scope);
  if( rc ){ cube_where_free(&w); return api_invalid(p, rc, 0); }
  memset(&show, 0, sizeof show);
  show.zWhere = ask.zWhere; show.zSegment = ask.zSegment; show.zFrom = ask.zFrom; show.zTo = ask.zTo;
  show.format = REPORT_JSON;
  p->zContentType = "application/json";
  rc = drivers_format(pC, &res, &show, &p->body);
  drivers_result_free(&res);
  cube_where_free(&w);
  return rc;
}

int api_benchmark_get(HttpReq *p){
  const Cube *pC = 0;
  BenchResult res;
  int minN = ws_min_n(p->pWs), rc = http_cube(p, &pC);
  if( rc ) return rc;
  rc = bench_query(pC, http_query(p, "where"), http_query(p, "segment"), http_query(p, "from"), http_query(p, "to"),
                   minN, &res);
  if( rc ) return api_invalid(p, rc, 0);
  p->zContentType = "application/json";
  rc = bench_format(pC, &res, minN, REPORT_JSON, &p->body);
  bench_result_free(&res);
  return rc;
}
