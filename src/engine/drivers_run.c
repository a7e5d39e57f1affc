/*
** Key-driver analysis of a cube (drivers.h): moments in one pass, the
** correlation matrix, the checks (n, variance, collinearity), R², relative
** weights, Shapley shares, and the block bootstrap of their intervals.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "cube_moments.h"
#include "drivers.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/i18n.h"

/* The figures of one sample (the data, or a bootstrap replicate). */
typedef struct Fit {
  double r2;
  double aRw[DRIVERS_MAX_PRED], aSh[DRIVERS_MAX_PRED];
} Fit;

/* Split a (p+1)^2 correlation matrix, outcome first, into R_xx and r_xy. */
static void split_corr(int p, const double *aR, double *aRxx, double *aRxy){
  int i, j, v = p + 1;
  for(i=0; i<p; i++){
    aRxy[i] = aR[(i + 1)*v];
    for(j=0; j<p; j++) aRxx[i*p + j] = aR[(i + 1)*v + j + 1];
  }
}

/* Fit the figures; quiet: no message (bootstrap replicates). On the data,
** collinear predictors are named. */
static int fit(const Cube *pCube, const DriversSpec *pS, const double *aR, int quiet, Fit *pF){
  int p = pS->nPred, j, rc, nBad = 0;
  double aRxx[DRIVERS_MAX_PRED*DRIVERS_MAX_PRED] = {0}, aRxy[DRIVERS_MAX_PRED] = {0};
  double aTol[DRIVERS_MAX_PRED] = {0};
  split_corr(p, aR, aRxx, aRxy);
  drivers_tolerance(p, aRxx, aTol);
  for(j=0; j<p; j++) nBad += !(aTol[j]>=DRIVERS_MIN_TOL);
  for(j=0; j<p; j++){
    if( aTol[j]<-1e-9 ){
      /* R²_j > 1: not a correlation matrix of one sample (pairwise deletion). */
      if( quiet ) return ECX_EINVAL;
      return err_set(ECX_EINVAL, _("the correlations of the predictors are inconsistent (not positive"
                     " definite), as pairwise deletion can produce: use listwise deletion"));
    }
  }
  if( nBad ){
    Buf b;
    if( quiet ) return ECX_EINVAL;
    buf_init(&b, 4096);
    for(j=0; j<p; j++){
      if( !(aTol[j]>=DRIVERS_MIN_TOL) ){
        buf_printf(&b, "%s%s", buf_str(&b)[0] ? ", " : "", pCube->aMet[pS->aiPred[j]].zName);
      }
    }
    rc = err_set(ECX_EINVAL, _("collinear predictors (each is almost a linear combination of the"
                 " others; tolerance under 1e-6): %s; leave one of them out"), buf_str(&b));
    buf_free(&b);
    return rc;
  }
  rc = drivers_r2(p, aRxx, aRxy, &pF->r2);
  if( rc==ECX_OK ) rc = drivers_relweights(p, aRxx, aRxy, pF->aRw);
  if( rc==ECX_OK ) rc = drivers_shapley(p, aRxx, aRxy, pF->aSh, 0);
  if( rc && quiet ) err_clear();
  return rc;
}

/* Percentile q (0..1) of n sorted values, interpolated between order
** statistics (Hyndman-Fan type 7). */
static double quantile(const double *a, int n, double q){
  double h = (n - 1)*q;
  int lo = (int)floor(h);
  if( n<1 ) return NAN;
  if( lo>=n - 1 ) return a[n - 1];
  return a[lo] + (h - lo)*(a[lo + 1] - a[lo]);
}

static int cmp_double(const void *a, const void *b){
  double x = *(const double*)a, y = *(const double*)b;
  return x<y ? -1 : x>y;
}

/* 2.5% and 97.5% percentiles of a[0..n) (sorted in place). */
static void interval(double *a, int n, double *pLo, double *pHi){
  if( n<2 ){ *pLo = *pHi = NAN; return; }
  qsort(a, (size_t)n, sizeof(double), cmp_double);
  *pLo = quantile(a, n, 0.025);
  *pHi = quantile(a, n, 0.975);
}

/* Replicates: resample the blocks nBoot times, refit, keep the figures. */
static void bootstrap(const Cube *pCube, const DriversSpec *pS, const Moments *pM,
                      DriversResult *pRes){
  int p = pS->nPred, v = p + 1, nBlock = pM->nBlock, b, k, j, nOk = 0, iConst;
  int64_t *aStat = ecx_malloc(sizeof(int64_t)*(size_t)pM->nStat), n;
  int64_t *aCount = ecx_malloc(sizeof(int64_t)*(size_t)nBlock);
  double *aR = ecx_malloc(sizeof(double)*(size_t)(v*v));
  double *aVal = ecx_malloc(sizeof(double)*(size_t)pS->nBoot*(size_t)(4*p + 1));
  double *aR2 = aVal, *aRw = aVal + pS->nBoot, *aSh = aRw + (size_t)pS->nBoot*p;
  double *aRwPct = aSh + (size_t)pS->nBoot*p, *aShPct = aRwPct + (size_t)pS->nBoot*p;
  DriversRng rng;
  Fit f;
  drivers_rng_seed(&rng, pS->seed);
  for(b=0; b<pS->nBoot; b++){
    memset(aCount, 0, sizeof(int64_t)*(size_t)nBlock);
    for(k=0; k<nBlock; k++) aCount[drivers_rng_next(&rng) % (uint64_t)nBlock]++;
    memset(aStat, 0, sizeof(int64_t)*(size_t)pM->nStat);
    for(k=0; k<nBlock; k++){
      if( aCount[k] ) moments_add_block(pM, k, aCount[k], aStat);
    }
    if( moments_corr(pM, aStat, pS->pairwise, aR, 0, &n, &iConst) ) continue;
    if( fit(pCube, pS, aR, 1, &f) || !(f.r2>0) ) continue;
    aR2[nOk] = f.r2;
    for(j=0; j<p; j++){
      aRw[j*pS->nBoot + nOk] = f.aRw[j];
      aSh[j*pS->nBoot + nOk] = f.aSh[j];
      aRwPct[j*pS->nBoot + nOk] = 100*f.aRw[j]/f.r2;
      aShPct[j*pS->nBoot + nOk] = 100*f.aSh[j]/f.r2;
    }
    nOk++;
  }
  pRes->nBootOk = nOk;
  interval(aR2, nOk, &pRes->r2Lo, &pRes->r2Hi);
  for(j=0; j<p; j++){
    DriversPred *pP = &pRes->aPred[j];
    interval(aRw + (size_t)j*pS->nBoot, nOk, &pP->rw.lo, &pP->rw.hi);
    interval(aSh + (size_t)j*pS->nBoot, nOk, &pP->shapley.lo, &pP->shapley.hi);
    interval(aRwPct + (size_t)j*pS->nBoot, nOk, &pP->rw.pctLo, &pP->rw.pctHi);
    interval(aShPct + (size_t)j*pS->nBoot, nOk, &pP->shapley.pctLo, &pP->shapley.pctHi);
  }
  free(aVal);
  free(aR);
  free(aCount);
  free(aStat);
}

static int check_spec(const Cube *pCube, const DriversSpec *pS){
  int j, k;
  if( pS->nPred<1 || pS->nPred>DRIVERS_MAX_PRED ){
    return err_set(ECX_EINVAL, _("between 1 and %d predictors are allowed, not %d"),
                   DRIVERS_MAX_PRED, pS->nPred);
  }
  if( pS->nBoot<0 || pS->nBoot>DRIVERS_MAX_BOOT ){
    return err_set(ECX_EINVAL, _("bootstrap replicates must be from 0 to %d"), DRIVERS_MAX_BOOT);
  }
  if( pS->iOutcome<0 || pS->iOutcome>=pCube->nMet ) err_fatal("drivers_run: bad outcome");
  for(j=0; j<pS->nPred; j++){
    if( pS->aiPred[j]<0 || pS->aiPred[j]>=pCube->nMet ) err_fatal("drivers_run: bad predictor");
    if( pS->aiPred[j]==pS->iOutcome ){
      return err_set(ECX_EINVAL, _("%s is the outcome; it cannot be a predictor too"),
                     pCube->aMet[pS->iOutcome].zName);
    }
    for(k=0; k<j; k++){
      if( pS->aiPred[k]==pS->aiPred[j] ){
        return err_set(ECX_EINVAL, _("predictor %s is named twice"), pCube->aMet[pS->aiPred[j]].zName);
      }
    }
  }
  return ECX_OK;
}

static int cmp_rank(const void *a, const void *b){
  const DriversPred *x = *(DriversPred *const*)a, *y = *(DriversPred *const*)b;
  if( x->shapley.raw!=y->shapley.raw ) return x->shapley.raw>y->shapley.raw ? -1 : 1;
  return x->iMet - y->iMet;
}

int drivers_run(const Cube *pCube, const DriversSpec *pS, DriversResult *pRes){
  MomentsQuery q;
  Moments m;
  Fit f;
  DriversPred *apSort[DRIVERS_MAX_PRED];
  double aMean[MOM_MAX_VAR];
  int p = pS->nPred, v = p + 1, j, iConst, rc;
  memset(pRes, 0, sizeof *pRes);
  rc = check_spec(pCube, pS);
  if( rc ) return rc;
  memset(&q, 0, sizeof q);
  q.nVar = v;
  q.aiMet[0] = pS->iOutcome;
  for(j=0; j<p; j++) q.aiMet[j + 1] = pS->aiPred[j];
  q.pWhere = pS->pWhere;
  q.dayFrom = pS->dayFrom;
  q.dayTo = pS->dayTo;
  q.pairwise = pS->pairwise;
  rc = cube_moments(pCube, &q, &m);
  if( rc ) return rc;
  pRes->iOutcome = pS->iOutcome;
  pRes->pairwise = pS->pairwise;
  pRes->nPred = p;
  pRes->nBoot = pS->nBoot;
  pRes->seed = pS->seed;
  pRes->r2Lo = pRes->r2Hi = NAN;
  pRes->aPred = ecx_calloc((size_t)p, sizeof(DriversPred));
  pRes->aCorr = ecx_malloc(sizeof(double)*(size_t)(v*v));
  rc = moments_corr(&m, m.aTotal, pS->pairwise, pRes->aCorr, aMean, &pRes->n, &iConst);
  pRes->nOutcome = m.aTotal[mom_uni(&m, 0)];
  pRes->outcomeMean = aMean[0];
  for(j=0; j<p; j++){
    DriversPred *pP = &pRes->aPred[j];
    pP->iMet = pS->aiPred[j];
    pP->n = m.aTotal[mom_uni(&m, j + 1)];
    pP->mean = aMean[j + 1];
    pP->r = rc==ECX_OK ? pRes->aCorr[j + 1] : NAN;
    pP->rw.lo = pP->rw.hi = pP->rw.pctLo = pP->rw.pctHi = NAN;
    pP->shapley.lo = pP->shapley.hi = pP->shapley.pctLo = pP->shapley.pctHi = NAN;
  }
  if( rc==ECX_OK && pRes->n<(int64_t)p + DRIVERS_EXTRA_N ) rc = ECX_ESMALL;
  if( rc==ECX_ESMALL ){
    if( iConst>=0 && pRes->n>=(int64_t)p + DRIVERS_EXTRA_N ){
      err_set(rc, _("%s has the same answer in every selected response: it cannot explain or be"
              " explained"), pCube->aMet[q.aiMet[iConst]].zName);
    }else if( pS->pairwise ){
      err_set(rc, _("only %lld responses answer both of some pair of the variables; at least %d"
              " (predictors + %d) are needed"), (long long)pRes->n, p + DRIVERS_EXTRA_N, DRIVERS_EXTRA_N);
    }else{
      err_set(rc, _("only %lld responses answer the outcome and every predictor; at least %d"
              " (predictors + %d) are needed (try --pairwise or fewer predictors)"),
              (long long)pRes->n, p + DRIVERS_EXTRA_N, DRIVERS_EXTRA_N);
    }
  }
  if( rc==ECX_OK ) rc = fit(pCube, pS, pRes->aCorr, 0, &f);
  if( rc==ECX_OK ){
    pRes->r2 = f.r2;
    for(j=0; j<p; j++){
      DriversPred *pP = &pRes->aPred[j];
      pP->rw.raw = f.aRw[j];
      pP->shapley.raw = f.aSh[j];
      pP->rw.pct = f.r2>0 ? 100*f.aRw[j]/f.r2 : NAN;
      pP->shapley.pct = f.r2>0 ? 100*f.aSh[j]/f.r2 : NAN;
      apSort[j] = pP;
    }
    qsort(apSort, (size_t)p, sizeof apSort[0], cmp_rank);
    for(j=0; j<p; j++) apSort[j]->rank = j + 1;
    if( pS->nBoot>0 ) bootstrap(pCube, pS, &m, pRes);
  }
  moments_free(&m);
  if( rc ) drivers_result_free(pRes);
  return rc;
}

void drivers_result_free(DriversResult *pRes){
  free(pRes->aPred);
  free(pRes->aCorr);
  memset(pRes, 0, sizeof *pRes);
}
