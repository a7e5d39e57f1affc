/*
** Evaluating a promise (promise_kpi.h): every dimension's KPI over the
** promise's target, its monthly trend, the touchpoint x dimension matrix
** and the alerts, all from one cube query grouped by touchpoint and month.
** Histograms of disjoint groups add up exactly, so each figure is the sum of
** the groups in its window (and at its touchpoint).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "promise_kpi.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../engine/disclosure.h"

/* The cube metric a KPI measures: the dimension itself, or the first
** metric of the NPS, CSAT or CES kind; -1 when there is none. */
static int kpi_metric_index(const Cube *pC, KpiMetric m, const char *zDim){
  CubeMetKind want = m==KPI_NPS ? CUBE_MET_NPS : m==KPI_CSAT ? CUBE_MET_CSAT : CUBE_MET_CES;
  if( m==KPI_MEAN || m==KPI_TOP2 ){
    int i = cube_met_find(pC, zDim);
    return i>=0 && pC->aMet[i].kind==CUBE_MET_RATING ? i : -1;
  }
  for(int i=0; i<pC->nMet; i++) if( pC->aMet[i].kind==want ) return i;
  return -1;
}

/* The estimate of metric m from one metric's histogram. */
static void kpi_estimate(const CubeMetric *pM, KpiMetric m, const int64_t *h, Estimate *pE){
  StatsNps nps;
  StatsProp prop;
  StatsMean mean;
  switch( m ){
    case KPI_NPS: cube_hist_nps(h, &nps); stats_nps(&nps, pE); break;
    case KPI_TOP2:
    case KPI_CSAT: cube_hist_share(h, pM->scaleMax - 1, &prop); stats_wilson(&prop, pE); break;
    default: cube_hist_mean(h, &mean); stats_mean(&mean, pE); break;
  }
}

static void value_of(const Cube *pC, const PromiseDimEval *d, const int64_t *h, int minN, KpiValue *pV){
  memset(pV, 0, sizeof *pV);
  pV->e.value = pV->e.lo = pV->e.hi = NAN;
  if( d->iMet>=0 ) kpi_estimate(&pC->aMet[d->iMet], d->metric, h, &pV->e);
  pV->status = promise_kpi_status(&pV->e, d->target, minN);
}

/* The window of a dimension: its KPI's period, or the default months up to
** the latest one (see promise_kpi.h). */
static void kpi_window(const PromiseKpi *k, int64_t last, int64_t *pFrom, int64_t *pTo){
  int64_t from = 0, to = 0;
  int hasFrom = k && promise_kpi_month(k->zFrom, &from)==ECX_OK;
  int hasTo = k && promise_kpi_month(k->zTo, &to)==ECX_OK;
  err_clear();
  if( !hasTo ) to = hasFrom && from>last ? from : last;
  if( !hasFrom ) from = to - (PROMISE_KPI_MONTHS - 1);
  if( to<from ) to = from;
  if( to - from>=PROMISE_KPI_MAX_MONTHS ) from = to - (PROMISE_KPI_MAX_MONTHS - 1);
  *pFrom = from;
  *pTo = to;
}

/* Matrix rows: the touchpoint codes present in the result, in the order of
** the touchpoints' positions; aRowOf[code] = row or -1. */
static int tp_rows(const Cube *pC, Workspace *pWs, int iCol, const CubeResult *r, int *aRowOf, PromiseEval *pOut){
  const CubeCol *pCol = &pC->aCol[iCol];
  uint8_t *aSeen = ecx_calloc((size_t)pCol->nValue + 2, 1);
  Stmt *s = 0;
  int rc;
  for(int64_t g=0; g<r->nGroup; g++){
    int64_t code = r->aKey[g*r->nBy];
    if( code>0 && code<=pCol->nValue ) aSeen[code] = 1;
  }
  pOut->azTp = ecx_calloc((size_t)pCol->nValue + 1, sizeof(char*));
  rc = db_prepare(pWs->pDb, &s, "SELECT id FROM touchpoint ORDER BY position, name");
  while( rc==ECX_OK && (rc = db_step(s))==DB_ROW ){
    int64_t id = db_column_int(s, 0);
    rc = ECX_OK;
    for(int c=1; c<=pCol->nValue; c++){
      if( pCol->aKey[c]!=id || aSeen[c]!=1 ) continue;
      aSeen[c] = 2;
      aRowOf[c] = pOut->nTp;
      pOut->azTp[pOut->nTp++] = ecx_strdup(pCol->azValue[c]);
    }
  }
  if( s ) db_finalize(s);
  if( rc==DB_DONE ) rc = ECX_OK;
  for(int c=1; rc==ECX_OK && c<=pCol->nValue; c++){   /* not in the table: last */
    if( aSeen[c]!=1 ) continue;
    aRowOf[c] = pOut->nTp;
    pOut->azTp[pOut->nTp++] = ecx_strdup(pCol->azValue[c]);
  }
  free(aSeen);
  return rc;
}

/* Complementary suppression over the n figures a[0], a[stride], ... whose
** total is shown (disclosure.h): the ones it hides get status no data and
** are marked hidden. */
static void hide_complements(KpiValue *a, int n, size_t stride, int minN){
  int64_t *aN = ecx_calloc((size_t)n + 1, sizeof(int64_t));
  unsigned char *aHide = ecx_calloc((size_t)n + 1, 1);
  for(int i=0; i<n; i++){
    aN[i] = a[i*stride].e.n;
    aHide[i] = a[i*stride].status==KPI_NO_DATA;
  }
  while( disclosure_hide_one(n, 0, aN, 1, aHide, minN) ){}
  for(int i=0; i<n; i++){
    KpiValue *v = &a[i*stride];
    if( aHide[i] && v->status!=KPI_NO_DATA ){
      v->status = KPI_NO_DATA;
      v->hidden = 1;
    }
  }
  free(aHide);
  free(aN);
}

static void add_hist(int64_t *aTo, const int64_t *aFrom){
  for(int x=0; x<CUBE_HIST; x++) aTo[x] += aFrom[x];
}

int promise_eval(const Cube *pC, Workspace *pWs, const Promise *pr, const PromiseKpi *aKpi, int nKpi,
                 int minN, PromiseEval *pOut){
  CubeWhere w;
  CubeQuery q;
  CubeResult r;
  int64_t last, *aCur = 0, *aCell = 0, **aaMonth = 0;
  int *aRowOf = 0, iTp = cube_col_find(pC, "touchpoint"), rc, nDim = pr->nDim, nMet = pC->nMet;
  memset(pOut, 0, sizeof *pOut);
  memset(&w, 0, sizeof w);
  memset(&q, 0, sizeof q);
  memset(&r, 0, sizeof r);
  pOut->minN = minN;
  last = pC->dayMin<=pC->dayMax ? cube_period_key(CUBE_PERIOD_MONTH, pC->dayMax)
                                : cube_period_key(CUBE_PERIOD_MONTH, util_day_of_ts((int64_t)time(0)));
  pOut->nDim = nDim;
  pOut->aDim = ecx_calloc((size_t)nDim + 1, sizeof(PromiseDimEval));
  for(int k=0; k<nDim; k++){
    PromiseDimEval *d = &pOut->aDim[k];
    d->zDim = pr->azDim[k];
    for(int i=0; i<nKpi; i++) if( strcmp(aKpi[i].zDim, d->zDim)==0 ) d->pKpi = &aKpi[i];
    d->metric = d->pKpi ? d->pKpi->metric : KPI_MEAN;
    d->target = d->pKpi ? d->pKpi->target : NAN;
    d->iMet = kpi_metric_index(pC, d->metric, d->zDim);
    kpi_window(d->pKpi, last, &d->monthFrom, &d->monthTo);
    d->nMonth = (int)(d->monthTo - d->monthFrom + 1);
    d->aMonth = ecx_calloc((size_t)d->nMonth + 1, sizeof(KpiValue));
  }
  rc = promise_target_where(pC, pr->zSegment, pr->zWhere, &w);
  if( rc ) goto out;
  q.pWhere = &w;
  q.dayFrom = INT64_MIN;
  q.dayTo = INT64_MAX;
  q.aBy[q.nBy].iCol = iTp;
  q.nBy += iTp>=0;
  q.aBy[q.nBy].iCol = -1;
  q.aBy[q.nBy++].period = CUBE_PERIOD_MONTH;
  rc = cube_query(pC, &q, &r);
  if( rc ) goto out;
  aRowOf = ecx_malloc(sizeof(int)*((size_t)(iTp>=0 ? pC->aCol[iTp].nValue : 0) + 2));
  for(int c=0; c<=(iTp>=0 ? pC->aCol[iTp].nValue : 0); c++) aRowOf[c] = -1;
  if( iTp>=0 ) rc = tp_rows(pC, pWs, iTp, &r, aRowOf, pOut);
  if( rc ) goto out;
  /* Sum the groups into each dimension's window, month and cell. */
  aCur = ecx_calloc((size_t)nDim*CUBE_HIST + 1, sizeof(int64_t));
  aCell = ecx_calloc((size_t)(pOut->nTp*nDim)*CUBE_HIST + 1, sizeof(int64_t));
  aaMonth = ecx_calloc((size_t)nDim + 1, sizeof(int64_t*));
  for(int k=0; k<nDim; k++) aaMonth[k] = ecx_calloc((size_t)pOut->aDim[k].nMonth*CUBE_HIST + 1, sizeof(int64_t));
  for(int64_t g=0; g<r.nGroup; g++){
    int64_t code = iTp>=0 ? r.aKey[g*r.nBy] : 0, month = r.aKey[g*r.nBy + r.nBy - 1];
    int row = iTp>=0 && code>=0 && code<=pC->aCol[iTp].nValue ? aRowOf[code] : -1;
    for(int k=0; k<nDim; k++){
      const PromiseDimEval *d = &pOut->aDim[k];
      const int64_t *h;
      if( d->iMet<0 || month<d->monthFrom || month>d->monthTo ) continue;
      h = r.aHist + (g*nMet + d->iMet)*CUBE_HIST;
      add_hist(aCur + k*CUBE_HIST, h);
      add_hist(aaMonth[k] + (month - d->monthFrom)*CUBE_HIST, h);
      if( row>=0 ) add_hist(aCell + (row*nDim + k)*CUBE_HIST, h);
    }
  }
  pOut->aCell = ecx_calloc((size_t)(pOut->nTp*nDim) + 1, sizeof(KpiValue));
  pOut->aAlert = ecx_calloc((size_t)((pOut->nTp + 1)*nDim) + 1, sizeof(PromiseAlert));
  for(int k=0; k<nDim; k++){
    PromiseDimEval *d = &pOut->aDim[k];
    value_of(pC, d, aCur + k*CUBE_HIST, minN, &d->cur);
    for(int m=0; m<d->nMonth; m++) value_of(pC, d, aaMonth[k] + m*CUBE_HIST, minN, &d->aMonth[m]);
    hide_complements(d->aMonth, d->nMonth, 1, minN);
    if( d->cur.status==KPI_BELOW ) pOut->aAlert[pOut->nAlert++] = (PromiseAlert){k, -1};
  }
  for(int i=0; i<pOut->nTp; i++){
    for(int k=0; k<nDim; k++){
      value_of(pC, &pOut->aDim[k], aCell + (i*nDim + k)*CUBE_HIST, minN, &pOut->aCell[i*nDim + k]);
    }
  }
  for(int k=0; k<nDim; k++) hide_complements(pOut->aCell + k, pOut->nTp, (size_t)nDim, minN);
  for(int i=0; i<pOut->nTp; i++){
    for(int k=0; k<nDim; k++){
      if( pOut->aCell[i*nDim + k].status==KPI_BELOW ) pOut->aAlert[pOut->nAlert++] = (PromiseAlert){k, i};
    }
  }
out:
  if( aaMonth ) for(int k=0; k<nDim; k++) free(aaMonth[k]);
  free(aaMonth);
  free(aCur);
  free(aCell);
  free(aRowOf);
  cube_result_free(&r);
  cube_where_free(&w);
  if( rc ) promise_eval_free(pOut);
  return rc;
}

void promise_eval_free(PromiseEval *p){
  for(int k=0; k<p->nDim; k++) free(p->aDim[k].aMonth);
  free(p->aDim);
  for(int i=0; i<p->nTp; i++) free(p->azTp[i]);
  free(p->azTp);
  free(p->aCell);
  free(p->aAlert);
  memset(p, 0, sizeof *p);
}

const KpiValue *promise_alert_value(const PromiseEval *p, const PromiseAlert *a){
  return a->iTp<0 ? &p->aDim[a->iDim].cur : &p->aCell[a->iTp*p->nDim + a->iDim];
}
