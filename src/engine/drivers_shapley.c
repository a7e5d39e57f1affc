/*
** Shapley (LMG) decomposition of R² over all 2^p subsets of predictors, and
** the tolerance of each predictor; both from a correlation matrix.
**
** The subsets are visited depth first, adding predictors in increasing
** order, so the Cholesky factor of a subset's R_SS is its parent's with one
** row appended: with L L' = R_SS and z = L⁻¹ r_S, R²(S) = z'z; appending
** predictor j costs one forward substitution, l = L⁻¹ R_Sj, then
** d = √(1 - l'l), z_j = (r_j - l'z)/d and R²(S ∪ j) = R²(S) + z_j².
** A predictor with d² below 1e-12 (dependent on the ones before it) adds
** nothing and gets no row.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "drivers.h"
#include "../base/err.h"
#include "../base/i18n.h"

#define DEP_EPS 1e-12

typedef struct Walk {
  int p;
  const double *R, *r;   /* R_xx (p x p) and the target correlations */
  double *aR2;           /* 2^p results */
  int aIdx[DRIVERS_MAX_PRED];
  double L[DRIVERS_MAX_PRED][DRIVERS_MAX_PRED];
  double z[DRIVERS_MAX_PRED];
} Walk;

/* Try to append predictor j to the factor of depth rows; writes row depth.
** Returns the R² gained, and *pDep = 1 if j is dependent (row unusable). */
static double factor_append(Walk *w, int depth, int j, int *pDep){
  double *l = w->L[depth], ss = 0, d2, zj;
  int k, m;
  for(k=0; k<depth; k++){
    double s = w->R[w->aIdx[k]*w->p + j];
    for(m=0; m<k; m++) s -= w->L[k][m]*l[m];
    l[k] = s/w->L[k][k];
    ss += l[k]*l[k];
  }
  d2 = 1.0 - ss;
  if( d2<DEP_EPS ){ *pDep = 1; return 0; }
  *pDep = 0;
  l[depth] = sqrt(d2);
  zj = w->r[j];
  for(m=0; m<depth; m++) zj -= l[m]*w->z[m];
  zj /= l[depth];
  w->z[depth] = zj;
  w->aIdx[depth] = j;
  return zj*zj;
}

static void walk(Walk *w, unsigned mask, int depth, int next, double r2){
  int j, dep;
  for(j=next; j<w->p; j++){
    double gain = factor_append(w, depth, j, &dep);
    unsigned m2 = mask | (1u<<j);
    w->aR2[m2] = r2 + gain;
    walk(w, m2, depth + !dep, j + 1, w->aR2[m2]);
  }
}

void drivers_subset_r2(int p, const double *aRxx, const double *aRxy, double *aR2){
  Walk *w;
  if( p<1 || p>DRIVERS_MAX_PRED ) err_fatal("drivers_subset_r2: p=%d", p);
  w = ecx_calloc(1, sizeof *w);
  w->p = p; w->R = aRxx; w->r = aRxy; w->aR2 = aR2;
  aR2[0] = 0;
  walk(w, 0, 0, 0, 0.0);
  free(w);
}

int drivers_shapley(int p, const double *aRxx, const double *aRxy, double *aShare, double *pR2){
  double *aR2, aW[DRIVERS_MAX_PRED];
  unsigned mask, nMask;
  int j, s;
  if( p<1 || p>DRIVERS_MAX_PRED ){
    return err_set(ECX_EINVAL, _("between 1 and %d predictors are allowed"), DRIVERS_MAX_PRED);
  }
  nMask = 1u<<p;
  aR2 = ecx_malloc(sizeof(double)*nMask);
  drivers_subset_r2(p, aRxx, aRxy, aR2);
  /* Weight of a subset of size s not containing j: s!(p-s-1)!/p!, which is
  ** 1/(p * C(p-1, s)). */
  for(s=0; s<p; s++){
    double c = 1;
    int k;
    for(k=1; k<=s; k++) c = c*(p - 1 - s + k)/k;
    aW[s] = 1.0/(p*c);
  }
  memset(aShare, 0, sizeof(double)*(size_t)p);
  for(mask=0; mask<nMask; mask++){
    int size = __builtin_popcount(mask);
    for(j=0; j<p; j++){
      if( mask & (1u<<j) ) continue;
      aShare[j] += aW[size]*(aR2[mask | (1u<<j)] - aR2[mask]);
    }
  }
  if( pR2 ) *pR2 = aR2[nMask - 1];
  free(aR2);
  return ECX_OK;
}

void drivers_tolerance(int p, const double *aRxx, double *aTol){
  Walk *w = ecx_calloc(1, sizeof *w);
  double *aCol = ecx_malloc(sizeof(double)*(size_t)p);
  int j, k, depth, dep;
  w->p = p; w->R = aRxx; w->r = aCol;
  for(j=0; j<p; j++){
    double r2 = 0;
    for(k=0; k<p; k++) aCol[k] = aRxx[k*p + j];
    for(k=0, depth=0; k<p; k++){
      if( k==j ) continue;
      r2 += factor_append(w, depth, k, &dep);
      depth += !dep;
    }
    aTol[j] = 1.0 - r2;
  }
  free(aCol);
  free(w);
}
