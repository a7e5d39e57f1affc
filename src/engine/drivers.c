/*
** Key-driver analysis on a correlation matrix: R² by Cholesky, Johnson's
** relative weights by eigen-decomposition (both with GSL, its abort handler
** off for the process: stats_gsl_quiet), and the seeded
** generator of the bootstrap. Shapley shares are in drivers_shapley.c, the
** analysis of a cube in drivers_run.c.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_linalg.h>
#include "drivers.h"
#include "stats.h"
#include "../base/err.h"
#include "../base/i18n.h"

#define EIGEN_EPS 1e-12

int drivers_r2(int p, const double *aRxx, const double *aRxy, double *pR2){
  stats_gsl_quiet();
  gsl_matrix *A = gsl_matrix_alloc((size_t)p, (size_t)p);
  gsl_vector *b = gsl_vector_alloc((size_t)p), *x = gsl_vector_alloc((size_t)p);
  int i, j, rc = ECX_OK;
  for(i=0; i<p; i++){
    gsl_vector_set(b, (size_t)i, aRxy[i]);
    for(j=0; j<p; j++) gsl_matrix_set(A, (size_t)i, (size_t)j, aRxx[i*p + j]);
  }
  if( gsl_linalg_cholesky_decomp1(A) || gsl_linalg_cholesky_solve(A, b, x) ){
    rc = err_set(ECX_EINVAL, _("the correlation matrix of the predictors is not positive definite"));
  }else{
    double r2 = 0;
    for(i=0; i<p; i++) r2 += aRxy[i]*gsl_vector_get(x, (size_t)i);
    *pR2 = r2;
  }
  gsl_vector_free(x);
  gsl_vector_free(b);
  gsl_matrix_free(A);
  return rc;
}

int drivers_relweights(int p, const double *aRxx, const double *aRxy, double *aEps){
  stats_gsl_quiet();
  gsl_matrix *A = gsl_matrix_alloc((size_t)p, (size_t)p);
  gsl_matrix *V = gsl_matrix_alloc((size_t)p, (size_t)p);
  gsl_vector *ev = gsl_vector_alloc((size_t)p);
  gsl_eigen_symmv_workspace *pWork = gsl_eigen_symmv_alloc((size_t)p);
  double *aLam = ecx_malloc(sizeof(double)*(size_t)p*(size_t)p);
  double *aBeta = ecx_malloc(sizeof(double)*(size_t)p);
  double *aTmp = ecx_malloc(sizeof(double)*(size_t)p);
  int i, j, k, rc = ECX_OK;
  for(i=0; i<p; i++){
    for(j=0; j<p; j++) gsl_matrix_set(A, (size_t)i, (size_t)j, aRxx[i*p + j]);
  }
  if( gsl_eigen_symmv(A, ev, V, pWork) ){
    rc = err_set(ECX_EINVAL, _("the eigen-decomposition of the predictors' correlations failed"));
  }
  for(k=0; rc==ECX_OK && k<p; k++){
    if( !(gsl_vector_get(ev, (size_t)k)>EIGEN_EPS) ){
      rc = err_set(ECX_EINVAL, _("the correlation matrix of the predictors is not positive definite"));
    }
  }
  if( rc==ECX_OK ){
    /* Λ = V diag(√λ) V'; β = Λ⁻¹ r = V diag(1/√λ) V' r. */
    for(i=0; i<p; i++){
      for(j=0; j<p; j++){
        double s = 0;
        for(k=0; k<p; k++){
          s += gsl_matrix_get(V, (size_t)i, (size_t)k)*gsl_matrix_get(V, (size_t)j, (size_t)k)
               *sqrt(gsl_vector_get(ev, (size_t)k));
        }
        aLam[i*p + j] = s;
      }
    }
    for(k=0; k<p; k++){
      double s = 0;
      for(i=0; i<p; i++) s += gsl_matrix_get(V, (size_t)i, (size_t)k)*aRxy[i];
      aTmp[k] = s/sqrt(gsl_vector_get(ev, (size_t)k));
    }
    for(i=0; i<p; i++){
      double s = 0;
      for(k=0; k<p; k++) s += gsl_matrix_get(V, (size_t)i, (size_t)k)*aTmp[k];
      aBeta[i] = s;
    }
    for(j=0; j<p; j++){
      double s = 0;
      for(k=0; k<p; k++) s += aLam[j*p + k]*aLam[j*p + k]*aBeta[k]*aBeta[k];
      aEps[j] = s;
    }
  }
  free(aTmp);
  free(aBeta);
  free(aLam);
  gsl_eigen_symmv_free(pWork);
  gsl_vector_free(ev);
  gsl_matrix_free(V);
  gsl_matrix_free(A);
  return rc;
}

static uint64_t splitmix64(uint64_t *pX){
  uint64_t z = (*pX += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30))*0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27))*0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

void drivers_rng_seed(DriversRng *p, uint64_t seed){
  int i;
  for(i=0; i<4; i++) p->s[i] = splitmix64(&seed);
}

static uint64_t rotl(uint64_t x, int k){ return (x << k) | (x >> (64 - k)); }

uint64_t drivers_rng_next(DriversRng *p){
  uint64_t *s = p->s;
  uint64_t r = rotl(s[1]*5, 7)*9, t = s[1] << 17;
  s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return r;
}
