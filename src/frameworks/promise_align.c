/*
** Aligning the internal areas with the promise (seed 004, step 5;
** promise_kpi.h): per area, the promise dimensions it affects, because it
** owns their KPI or rated their feasibility, with its ratings and the
** status of the KPIs it owns.
*/
#include <stdlib.h>
#include <string.h>
#include "promise_kpi.h"
#include "feasibility.h"
#include "../base/err.h"

static int area_fill(Workspace *pWs, const PromiseEval *pE, const int64_t *aDimId, PromiseArea *a){
  for(int k=0; k<pE->nDim && a->nDim<PROMISE_MAX_DIM; k++){
    const PromiseDimEval *d = &pE->aDim[k];
    PromiseAreaDim *x = &a->aDim[a->nDim];
    char *zS = 0, *zM = 0;
    int rc;
    memset(x, 0, sizeof *x);
    x->iDim = k;
    x->ownsKpi = d->pKpi && d->pKpi->areaId==a->id;
    if( aDimId[k]>0 ){
      rc = feas_get(pWs, a->id, aDimId[k], "short", &x->feaShort, &zS);
      if( rc==ECX_OK ) rc = feas_get(pWs, a->id, aDimId[k], "medium", &x->feaMedium, &zM);
      if( rc ){ free(zS); free(zM); return rc; }
    }
    x->zComment = ecx_strdup(zS && zS[0] ? zS : zM ? zM : "");
    free(zS);
    free(zM);
    if( !x->ownsKpi && !x->feaShort && !x->feaMedium ){ free(x->zComment); x->zComment = 0; continue; }
    a->nDim++;
    if( !x->ownsKpi ) continue;
    a->nKpi++;
    a->nOn += d->cur.status==KPI_ON_TARGET;
    a->nBelow += d->cur.status==KPI_BELOW;
    a->nNotSig += d->cur.status==KPI_NOT_SIG;
  }
  return ECX_OK;
}

int promise_areas(Workspace *pWs, const Promise *pr, const PromiseEval *pE, int64_t onlyId,
                  PromiseArea **paOut, int *pnOut){
  int64_t aDimId[PROMISE_MAX_DIM + 1];
  PromiseArea *a = 0;
  Stmt *s = 0;
  int n = 0, nAlloc = 0, rc = ECX_OK;
  *paOut = 0;
  *pnOut = 0;
  for(int k=0; k<pE->nDim && k<PROMISE_MAX_DIM && rc==ECX_OK; k++){
    aDimId[k] = 0;
    rc = db_int(pWs->pDb, &aDimId[k], "SELECT id FROM dimension WHERE name=?1", pr->azDim[k]);
  }
  if( rc==ECX_OK ) rc = db_prepare(pWs->pDb, &s, "SELECT id, name FROM area WHERE ?1=0 OR id=?1 ORDER BY name");
  if( rc ) return rc;
  db_bind_int(s, 1, onlyId);
  while( (rc = db_step(s))==DB_ROW ){
    if( n==nAlloc ){ nAlloc = nAlloc ? 2*nAlloc : 8; a = ecx_realloc(a, (size_t)nAlloc*sizeof *a); }
    memset(&a[n], 0, sizeof a[n]);
    a[n].id = db_column_int(s, 0);
    a[n].zName = ecx_strdup(db_column_text(s, 1));
    rc = area_fill(pWs, pE, aDimId, &a[n++]);
    if( rc ) break;
  }
  db_finalize(s);
  if( rc!=DB_DONE ){ promise_areas_free(a, n); return rc; }
  *paOut = a;
  *pnOut = n;
  return ECX_OK;
}

void promise_areas_free(PromiseArea *a, int n){
  for(int i=0; i<n; i++){
    for(int k=0; k<a[i].nDim; k++) free(a[i].aDim[k].zComment);
    free(a[i].zName);
  }
  free(a);
}
