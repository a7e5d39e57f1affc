/*
** Customer-experience metrics with confidence intervals and tests of change.
** The formulas are stated in stats.h and derived in docs/metrics.md.
*/
#include <math.h>
#include <pthread.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include "stats.h"

void stats_nps_merge(StatsNps *pTo, const StatsNps *pFrom){
  pTo->n += pFrom->n;
  pTo->nPro += pFrom->nPro;
  pTo->nDet += pFrom->nDet;
}

void stats_prop_merge(StatsProp *pTo, const StatsProp *pFrom){
  pTo->n += pFrom->n;
  pTo->nHit += pFrom->nHit;
}

void stats_mean_merge(StatsMean *pTo, const StatsMean *pFrom){
  pTo->n += pFrom->n;
  pTo->sum += pFrom->sum;
  pTo->sumSq += pFrom->sumSq;
}

static pthread_once_t gslOnce = PTHREAD_ONCE_INIT;
static void gsl_quiet_once(void){ gsl_set_error_handler_off(); }
void stats_gsl_quiet(void){ pthread_once(&gslOnce, gsl_quiet_once); }

double stats_t_quantile(double p, double df){
  stats_gsl_quiet();
  return gsl_cdf_tdist_Pinv(p, df);
}

static double clamp(double x, double lo, double hi){
  return x<lo ? lo : (x>hi ? hi : x);
}

static void estimate_none(int64_t n, Estimate *pE){
  pE->n = n;
  pE->value = pE->lo = pE->hi = NAN;
  pE->ok = 0;
}

/* Adjusted-Wald centre and variance of (p - d) on the 0..1 scale. */
static void nps_adjusted(const StatsNps *p, double *pCentre, double *pVar){
  double na = (double)p->n + 3.0;
  double pa = ((double)p->nPro + 0.75)/na;
  double da = ((double)p->nDet + 0.75)/na;
  *pCentre = pa - da;
  *pVar = (pa + da - (pa - da)*(pa - da))/na;
}

void stats_nps(const StatsNps *p, Estimate *pE){
  double c, v, h;
  if( p->n<=0 ){ estimate_none(0, pE); return; }
  nps_adjusted(p, &c, &v);
  h = STATS_Z95*sqrt(v);
  pE->n = p->n;
  pE->value = 100.0*(double)(p->nPro - p->nDet)/(double)p->n;
  pE->lo = 100.0*clamp(c - h, -1.0, 1.0);
  pE->hi = 100.0*clamp(c + h, -1.0, 1.0);
  pE->ok = 1;
}

/* Wilson score interval on the 0..1 scale. */
static void wilson01(int64_t n, int64_t x, double *pLo, double *pHi){
  double z = STATS_Z95, z2 = z*z, nn = (double)n;
  double ph = (double)x/nn;
  double centre = (ph + z2/(2*nn))/(1 + z2/nn);
  double half = z*sqrt(ph*(1 - ph)/nn + z2/(4*nn*nn))/(1 + z2/nn);
  *pLo = x==0 ? 0.0 : clamp(centre - half, 0.0, 1.0);
  *pHi = x==n ? 1.0 : clamp(centre + half, 0.0, 1.0);
}

void stats_wilson(const StatsProp *p, Estimate *pE){
  double lo, hi;
  if( p->n<=0 ){ estimate_none(0, pE); return; }
  wilson01(p->n, p->nHit, &lo, &hi);
  pE->n = p->n;
  pE->value = 100.0*(double)p->nHit/(double)p->n;
  pE->lo = 100.0*lo;
  pE->hi = 100.0*hi;
  pE->ok = 1;
}

/* Sample variance from integer sums, with the numerator n*sumSq - sum^2
** computed exactly in 128 bits. */
static double mean_var(const StatsMean *p){
  __int128 num = (__int128)p->n*p->sumSq - (__int128)p->sum*p->sum;
  if( p->n<2 ) return NAN;
  if( num<0 ) num = 0;
  return (double)num/((double)p->n*(double)(p->n - 1));
}

double stats_mean_sd(const StatsMean *p){
  return sqrt(mean_var(p));
}

void stats_mean(const StatsMean *p, Estimate *pE){
  double h;
  if( p->n<=0 ){ estimate_none(0, pE); return; }
  pE->n = p->n;
  pE->value = (double)p->sum/(double)p->n;
  pE->ok = 1;
  if( p->n<2 ){ pE->lo = pE->hi = NAN; return; }
  h = stats_t_quantile(0.975, (double)(p->n - 1))*sqrt(mean_var(p)/(double)p->n);
  pE->lo = pE->value - h;
  pE->hi = pE->value + h;
}

static void change_none(Change *pC){
  pC->diff = pC->lo = pC->hi = NAN;
  pC->significant = 0;
  pC->ok = 0;
}

static void change_flag(Change *pC){
  pC->ok = 1;
  pC->significant = pC->lo>0.0 || pC->hi<0.0;
}

void stats_nps_change(const StatsNps *pNow, const StatsNps *pBefore, Change *pC){
  double c1, v1, c0, v0, h;
  if( pNow->n<=0 || pBefore->n<=0 ){ change_none(pC); return; }
  nps_adjusted(pNow, &c1, &v1);
  nps_adjusted(pBefore, &c0, &v0);
  h = STATS_Z95*sqrt(v1 + v0);
  pC->diff = 100.0*((double)(pNow->nPro - pNow->nDet)/(double)pNow->n
                  - (double)(pBefore->nPro - pBefore->nDet)/(double)pBefore->n);
  pC->lo = 100.0*(c1 - c0 - h);
  pC->hi = 100.0*(c1 - c0 + h);
  change_flag(pC);
}

void stats_prop_change(const StatsProp *pNow, const StatsProp *pBefore, Change *pC){
  double p1, p0, l1, u1, l0, u0;
  if( pNow->n<=0 || pBefore->n<=0 ){ change_none(pC); return; }
  p1 = (double)pNow->nHit/(double)pNow->n;
  p0 = (double)pBefore->nHit/(double)pBefore->n;
  wilson01(pNow->n, pNow->nHit, &l1, &u1);
  wilson01(pBefore->n, pBefore->nHit, &l0, &u0);
  pC->diff = 100.0*(p1 - p0);
  pC->lo = 100.0*(p1 - p0 - sqrt((p1 - l1)*(p1 - l1) + (u0 - p0)*(u0 - p0)));
  pC->hi = 100.0*(p1 - p0 + sqrt((u1 - p1)*(u1 - p1) + (p0 - l0)*(p0 - l0)));
  change_flag(pC);
}

void stats_mean_change(const StatsMean *pNow, const StatsMean *pBefore, Change *pC){
  double a, b, se, df, h;
  if( pNow->n<2 || pBefore->n<2 ){ change_none(pC); return; }
  a = mean_var(pNow)/(double)pNow->n;
  b = mean_var(pBefore)/(double)pBefore->n;
  pC->diff = (double)pNow->sum/(double)pNow->n - (double)pBefore->sum/(double)pBefore->n;
  se = sqrt(a + b);
  if( se==0.0 ){
    pC->lo = pC->hi = pC->diff;
    change_flag(pC);
    return;
  }
  df = (a + b)*(a + b)/(a*a/(double)(pNow->n - 1) + b*b/(double)(pBefore->n - 1));
  h = stats_t_quantile(0.975, df)*se;
  pC->lo = pC->diff - h;
  pC->hi = pC->diff + h;
  change_flag(pC);
}
