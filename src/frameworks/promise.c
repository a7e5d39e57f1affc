/*
** The promise's criteria: relevance, differentiation and feasibility per
** candidate dimension, their normalization, composite and recommendation
** (promise.h).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "promise.h"
#include "feasibility.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../engine/benchmark.h"
#include "../engine/drivers.h"

void promise_normalize(int n, const double *a, double *aOut){
  double lo = INFINITY, hi = -INFINITY;
  int i;
  for(i=0; i<n; i++){
    if( !isfinite(a[i]) ) continue;
    if( a[i]<lo ) lo = a[i];
    if( a[i]>hi ) hi = a[i];
  }
  for(i=0; i<n; i++){
    if( !isfinite(a[i]) ) aOut[i] = NAN;
    else if( hi - lo < 1e-12 ) aOut[i] = 50;
    else aOut[i] = 100*(a[i] - lo)/(hi - lo);
  }
}

double promise_composite(double r, double d, double f, const PromiseWeights *pW){
  double sw = 0, s = 0;
  if( isfinite(r) ){ s += pW->rel*r; sw += pW->rel; }
  if( isfinite(d) ){ s += pW->dif*d; sw += pW->dif; }
  if( isfinite(f) ){ s += pW->fea*f; sw += pW->fea; }
  return sw>0 ? s/sw : NAN;
}

int promise_check_count(int n){
  if( n<PROMISE_MIN_DIM ){
    return err_set(ECX_EINVAL, _("a promise rests on 3 to 5 dimensions, not %d: fewer leaves out what "
                   "customers want (relevance) or what sets us apart (differentiation)"), n);
  }
  if( n>PROMISE_MAX_DIM ){
    return err_set(ECX_EINVAL, _("a promise rests on 3 to 5 dimensions, not %d: a promise needs focus, "
                   "and more dimensions spread the company's efforts and investments thin"), n);
  }
  return ECX_OK;
}

static int cmp_cand(const void *pa, const void *pb, void *pArg){
  const PromiseCand *aC = pArg;
  const PromiseCand *a = &aC[*(const int*)pa], *b = &aC[*(const int*)pb];
  int fa = isfinite(a->composite), fb = isfinite(b->composite);
  if( fa!=fb ) return fb - fa;
  if( fa && a->composite!=b->composite ) return a->composite > b->composite ? -1 : 1;
  return *(const int*)pa - *(const int*)pb;
}

void promise_rank(int n, PromiseCand *a){
  int *ai = ecx_calloc((size_t)n + 1, sizeof(int)), i;
  double third = NAN;
  for(i=0; i<n; i++) ai[i] = i;
  qsort_r(ai, (size_t)n, sizeof(int), cmp_cand, a);   /* glibc's: thread-safe context */
  for(i=0; i<n; i++){
    PromiseCand *c = &a[ai[i]];
    c->rank = i + 1;
    c->recommended = 0;
    if( !isfinite(c->composite) ) continue;
    if( i<PROMISE_MIN_DIM ){ c->recommended = 1; third = c->composite; }
    else if( i<PROMISE_MAX_DIM && isfinite(third) && c->composite >= third - PROMISE_NEAR ) c->recommended = 1;
  }
  free(ai);
}

int promise_parse_weights(const char *z, PromiseWeights *pW){
  double v[3];
  char *zCopy = ecx_strdup(z), *p = zCopy, *e;
  int i, rc = ECX_OK;
  for(i=0; i<3 && rc==ECX_OK; i++){
    e = strchr(p, ',');
    if( (e==0) != (i==2) ){ rc = ECX_EINVAL; break; }
    if( e ) *e = 0;
    if( util_parse_double(util_trim(p), &v[i]) || !(v[i]>=0) || v[i]>1e6 ) rc = ECX_EINVAL;
    if( e ) p = e + 1;
  }
  free(zCopy);
  if( rc==ECX_OK && v[0] + v[1] + v[2] <= 0 ) rc = ECX_EINVAL;
  if( rc ) return err_set(ECX_EINVAL, _("weights are three non-negative numbers, not all zero: "
                                        "relevance,differentiation,feasibility (\"%s\")"), z);
  pW->rel = v[0]; pW->dif = v[1]; pW->fea = v[2];
  return ECX_OK;
}

int promise_target_where(const Cube *pC, const char *zSegment, const char *zWhere, CubeWhere *pW){
  Buf b;
  Filter f;
  int rc;
  buf_init(&b, 1u<<16);
  if( zWhere && zWhere[0] ) buf_puts(&b, zWhere);
  if( zSegment && zSegment[0] ){
    buf_printf(&b, "%ssegment=\"", b.n ? "," : "");
    for(const char *z=zSegment; *z; z++){ if( *z=='"' ) buf_putc(&b, '"'); buf_putc(&b, *z); }
    buf_putc(&b, '"');
  }
  rc = filter_parse(buf_str(&b), &f);
  if( rc==ECX_OK ) rc = cube_where_compile(pC, &f, 0, pW);
  filter_free(&f);
  buf_free(&b);
  return rc;
}

/* Relevance: Shapley shares of the NPS R² (no bootstrap: the figure, not
** its interval, enters the composite). */
static void fill_relevance(const Cube *pC, const CubeWhere *pW, PromiseCriteria *pOut){
  DriversSpec spec;
  DriversResult res;
  int ai[DRIVERS_MAX_PRED], nPred = pOut->n < DRIVERS_MAX_PRED ? pOut->n : DRIVERS_MAX_PRED, rc;
  memset(&spec, 0, sizeof spec);
  for(int i=0; i<nPred; i++) ai[i] = pOut->a[i].iMet;
  spec.iOutcome = cube_met_find(pC, "nps");
  spec.nPred = nPred;
  spec.aiPred = ai;
  spec.pWhere = pW;
  spec.dayFrom = INT64_MIN;
  spec.dayTo = INT64_MAX;
  if( spec.iOutcome<0 ){
    pOut->zRelNote = ecx_strdup(_("no NPS answers: relevance cannot be derived"));
    return;
  }
  rc = drivers_run(pC, &spec, &res);
  if( rc ){
    pOut->zRelNote = ecx_strdup(err_detail());
    err_clear();
    return;
  }
  pOut->r2 = res.r2;
  pOut->nDrivers = res.n;
  for(int i=0; i<nPred; i++){
    pOut->a[i].rel = res.aPred[i].shapley.raw;
    pOut->a[i].relPct = res.aPred[i].shapley.pct;
  }
  drivers_result_free(&res);
}

static void fill_differentiation(const Cube *pC, const CubeWhere *pW, int minN, PromiseCriteria *pOut){
  BenchResult b;
  if( bench_run(pC, pW, INT64_MIN, INT64_MAX, &b) ){ err_clear(); return; }
  for(int d=0; d<b.nDim; d++){
    for(int i=0; i<pOut->n; i++){
      PromiseCand *c = &pOut->a[i];
      int best;
      if( c->iMet!=b.aDim[d].iMet ) continue;
      c->ourMean = b.aDim[d].ours.m.n>=minN ? b.aDim[d].ours.e.value : NAN;
      best = bench_best_competitor(&b, d, minN);
      if( best<0 || b.aDim[d].ours.m.n<minN ) continue;
      {
        const BenchCell *pB = &b.aDim[d].aComp[best];
        double sd = bench_pooled_sd(&b.aDim[d].ours.m, &pB->m);
        if( !(sd>0) ) continue;
        c->dif = (b.aDim[d].ours.e.value - pB->e.value)/sd;
        c->zBest = b.azComp[best];
        c->difSig = pB->c.ok && pB->c.significant;
        c->difDir = c->dif>0 ? 1 : c->dif<0 ? -1 : 0;
      }
    }
  }
  bench_result_free(&b);
}

static int fill_feasibility(Workspace *pWs, PromiseCriteria *pOut){
  FeasDim *a = 0;
  int n = 0, rc = feas_summary(pWs, &a, &n);
  if( rc ) return rc;
  for(int i=0; i<pOut->n; i++){
    for(int k=0; k<n; k++){
      if( strcmp(a[k].zName, pOut->a[i].zName)!=0 ) continue;
      pOut->a[i].fea = a[k].mean;
      pOut->a[i].feaShort = a[k].meanShort;
      pOut->a[i].feaMedium = a[k].meanMedium;
      pOut->a[i].nFea = a[k].n;
    }
  }
  feas_summary_free(a, n);
  return ECX_OK;
}

int promise_criteria(const Cube *pC, Workspace *pWs, const char *zSegment, const char *zWhere,
                     const PromiseWeights *pW, int minN, PromiseCriteria *pOut){
  CubeWhere w;
  double *aV, *aN;
  int i, rc;
  memset(pOut, 0, sizeof *pOut);
  memset(&w, 0, sizeof w);
  pOut->w = *pW;
  pOut->r2 = NAN;
  rc = promise_target_where(pC, zSegment, zWhere, &w);
  if( rc ) return rc;
  pOut->a = ecx_calloc((size_t)pC->nMet + 1, sizeof(PromiseCand));
  for(i=0; i<pC->nMet; i++){
    PromiseCand *c;
    if( pC->aMet[i].kind!=CUBE_MET_RATING || pOut->n==DRIVERS_MAX_PRED ) continue;
    c = &pOut->a[pOut->n++];
    c->iMet = i;
    c->zName = pC->aMet[i].zName;
    c->rel = c->relPct = c->ourMean = c->dif = c->fea = c->feaShort = c->feaMedium = NAN;
  }
  if( pOut->n ){
    fill_relevance(pC, &w, pOut);
    fill_differentiation(pC, &w, minN, pOut);
    rc = fill_feasibility(pWs, pOut);
  }
  cube_where_free(&w);
  if( rc ){ promise_criteria_free(pOut); return rc; }
  aV = ecx_calloc((size_t)pOut->n*2 + 1, sizeof(double));
  aN = aV + pOut->n;
  for(i=0; i<pOut->n; i++) aV[i] = pOut->a[i].rel;
  promise_normalize(pOut->n, aV, aN);
  for(i=0; i<pOut->n; i++){ pOut->a[i].nRel = aN[i]; aV[i] = pOut->a[i].dif; }
  promise_normalize(pOut->n, aV, aN);
  for(i=0; i<pOut->n; i++){ pOut->a[i].nDif = aN[i]; aV[i] = pOut->a[i].fea; }
  promise_normalize(pOut->n, aV, aN);
  for(i=0; i<pOut->n; i++){
    PromiseCand *c = &pOut->a[i];
    c->nFea2 = aN[i];
    c->composite = promise_composite(c->nRel, c->nDif, c->nFea2, pW);
  }
  free(aV);
  promise_rank(pOut->n, pOut->a);
  return ECX_OK;
}

void promise_criteria_free(PromiseCriteria *p){
  free(p->a);
  free(p->zRelNote);
  memset(p, 0, sizeof *p);
}

void promise_reasons(const PromiseCand *c, Buf *p){
  if( !isfinite(c->nRel) ) buf_puts(p, _("relevance unknown"));
  else if( c->nRel>=66.7 ) buf_puts(p, _("high relevance"));
  else if( c->nRel>=33.3 ) buf_puts(p, _("medium relevance"));
  else buf_puts(p, _("low relevance"));
  buf_puts(p, ", ");
  if( !c->zBest ) buf_puts(p, _("no competitor data"));
  else if( c->difSig && c->difDir>0 ) buf_printf(p, _("advantage over %s"), c->zBest);
  else if( c->difSig && c->difDir<0 ) buf_printf(p, _("behind %s"), c->zBest);
  else buf_printf(p, _("on a par with %s"), c->zBest);
  buf_puts(p, ", ");
  if( isfinite(c->feaShort) && c->feaShort>=3.5 ) buf_puts(p, _("feasible in the short term"));
  else if( isfinite(c->feaMedium) && c->feaMedium>=3.5 ) buf_puts(p, _("feasible in the medium term"));
  else if( isfinite(c->fea) ) buf_puts(p, _("hard to deliver"));
  else buf_puts(p, _("feasibility not rated"));
}
