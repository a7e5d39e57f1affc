/*
** Key-driver analysis: how much of the variation of an outcome (the NPS
** likelihood to recommend, or any rating) each predictor (the dimensions
** rated by customers) accounts for. docs/drivers.md.
**
** From the correlation matrix of outcome and predictors:
**   R²                 of the OLS regression of the outcome on all predictors;
**   relative weights   (Johnson 2000): R_xx = V Λ V', L = V Λ^½ V',
**                      β = L⁻¹ r_xy, ε_j = Σ_k L_jk² β_k²; Σ ε_j = R²;
**   Shapley / LMG      (general dominance): the average over orderings of
**                      the R² a predictor adds, exact over all 2^p subsets;
**                      Σ share_j = R²;
**   correlation        of each predictor with the outcome;
**   mean               of each predictor (performance, for importance-
**                      performance maps).
** Bootstrap 95% percentile intervals resample MOM_BLOCKS blocks of rows
** (cube_moments.h) with a seeded generator: the same seed, the same output.
**
** Ownership: a DriversResult is freed with drivers_result_free().
*/
#ifndef ECX_DRIVERS_H
#define ECX_DRIVERS_H

#include <stdint.h>
#include "cube.h"

#define DRIVERS_MAX_PRED 20      /* Shapley enumerates 2^p subsets */
#define DRIVERS_MIN_TOL 1e-6     /* tolerance 1 - R²_j below this: collinear */
#define DRIVERS_EXTRA_N 10       /* at least p + 10 observations */
#define DRIVERS_MAX_BOOT 100000

/* ---- On a correlation matrix (p predictors; row-major p x p R_xx and the
** p correlations r_xy with the outcome). ---- */

/* Tolerance of each predictor: 1 - R² of its regression on the others
** (near-dependent predictors are skipped while factoring, so a singular
** matrix gives tolerances near 0 instead of failing). aTol has p entries. */
void drivers_tolerance(int p, const double *aRxx, double *aTol);
/* R² = r_xy' R_xx⁻¹ r_xy through a Cholesky factorization (GSL).
** ECX_EINVAL when R_xx is not positive definite. */
int drivers_r2(int p, const double *aRxx, const double *aRxy, double *pR2);
/* Johnson's relative weights into aEps (p). ECX_EINVAL when R_xx is not
** positive definite. */
int drivers_relweights(int p, const double *aRxx, const double *aRxy, double *aEps);
/* R² of every subset: aR2[mask] for mask in 0..2^p-1 (bit j: predictor j),
** aR2[0] = 0. Predictors dependent on those before them in a subset add
** nothing. */
void drivers_subset_r2(int p, const double *aRxx, const double *aRxy, double *aR2);
/* Shapley (LMG) shares into aShare (p); *pR2 (may be NULL) gets the R² of
** all predictors. ECX_EINVAL if p is out of 1..DRIVERS_MAX_PRED. */
int drivers_shapley(int p, const double *aRxx, const double *aRxy, double *aShare, double *pR2);

/* ---- On the cube. ---- */

typedef struct DriversSpec {
  int iOutcome;              /* metric index of the outcome */
  int nPred;
  const int *aiPred;         /* metric indexes of the predictors */
  const CubeWhere *pWhere;   /* may be NULL */
  int64_t dayFrom, dayTo;    /* inclusive; INT64_MIN/MAX for none */
  int pairwise;              /* pairwise instead of listwise deletion */
  int nBoot;                 /* bootstrap replicates; 0 for none */
  uint64_t seed;
} DriversSpec;

/* A weight, as a raw share of variance and as % of R², with intervals
** (NaN without bootstrap). */
typedef struct DriversWeight {
  double raw, lo, hi;
  double pct, pctLo, pctHi;
} DriversWeight;

typedef struct DriversPred {
  int iMet;
  int64_t n;                 /* answers to the predictor (filter applied) */
  double mean;               /* performance: mean over those answers */
  double r;                  /* correlation with the outcome */
  DriversWeight rw;          /* relative weight */
  DriversWeight shapley;     /* Shapley / LMG share */
  int rank;                  /* 1 = largest Shapley share */
} DriversPred;

typedef struct DriversResult {
  int iOutcome;
  int pairwise;
  int64_t n;                 /* listwise n, or smallest pairwise n */
  int64_t nOutcome;          /* answers to the outcome */
  double outcomeMean;
  double r2, r2Lo, r2Hi;
  int nPred;
  DriversPred *aPred;        /* in the order asked */
  double *aCorr;             /* (nPred+1)^2, outcome first */
  int nBoot, nBootOk;        /* replicates asked, and usable */
  uint64_t seed;
} DriversResult;

/* Run the analysis. ECX_ESMALL when n < p + 10 or a variable does not
** vary; ECX_EINVAL for collinear predictors (naming them) or a bad spec. */
int drivers_run(const Cube *pCube, const DriversSpec *pSpec, DriversResult *pRes);
void drivers_result_free(DriversResult *pRes);

/* A deterministic generator (xoshiro256**, seeded through splitmix64). */
typedef struct DriversRng { uint64_t s[4]; } DriversRng;
void drivers_rng_seed(DriversRng *p, uint64_t seed);
uint64_t drivers_rng_next(DriversRng *p);

#endif
