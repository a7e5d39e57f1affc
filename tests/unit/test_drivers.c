/*
** Tests of key-driver analysis: Shapley/LMG against the published example of
** Azen & Budescu (2003) (and Johnson's relative weights of that example,
** computed independently), hand-worked 2- and 3-predictor cases, sums to R² on
** random matrices, collinearity. On a cube: tests/unit/test_drivers_cube.c.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "../../src/base/err.h"
#include "../../src/base/util.h"
#include "../../src/engine/drivers.h"

/* Azen, R., & Budescu, D. V. (2003). The dominance analysis approach for
** comparing predictors in multiple regression. Psychological Methods 8(2),
** 129-148: the worked example's correlations (y, x1..x4), as also used in
** the tests of the R package dominanceanalysis (test-daAzenBudescu2003.R). */
static const double aAB[5][5] = {
  {1.0, 0.6, 0.3, 0.4, 0.5},
  {0.6, 1.0, 0.8, 0.1, 0.3},
  {0.3, 0.8, 1.0, 0.1, 0.1},
  {0.4, 0.1, 0.1, 1.0, 0.5},
  {0.5, 0.3, 0.1, 0.5, 1.0},
};

static void ab_split(double *aRxx, double *aRxy){
  int i, j;
  for(i=0; i<4; i++){
    aRxy[i] = aAB[0][i + 1];
    for(j=0; j<4; j++) aRxx[i*4 + j] = aAB[i + 1][j + 1];
  }
}

TEST(drivers_azen_budescu_2003){
  /* The paper's table of average additional contributions by model size
  ** (levels 0-3), to the 3 decimals published: */
  static const double aLevel[4][4] = {
    {0.360, 0.090, 0.160, 0.250},
    {0.300, 0.074, 0.095, 0.152},
    {0.263, 0.069, 0.063, 0.073},
    {0.246, 0.071, 0.061, 0.010},
  };
  /* General dominance (the mean of the levels) worked in exact rational
  ** arithmetic (every subset's R² = r_S' R_SS⁻¹ r_S by Gaussian elimination
  ** on fractions, then the Shapley weights s!(p-s-1)!/p!), independently of
  ** this code: R² = 3249/5560 = 0.584352517986. */
  static const double aGen[4] = {0.292176177683, 0.075861351515, 0.094910880417, 0.121404108371};
  double aRxx[16], aRxy[4], aR2[16], aSh[4], r2, r2b;
  int j, s, m;
  ab_split(aRxx, aRxy);
  drivers_subset_r2(4, aRxx, aRxy, aR2);
  for(j=0; j<4; j++){
    double gen = 0;
    for(s=0; s<4; s++){
      /* Mean gain of x_j over the subsets of size s without it. */
      double tot = 0;
      int cnt = 0;
      for(m=0; m<16; m++){
        if( (m>>j)&1 || __builtin_popcount((unsigned)m)!=s ) continue;
        tot += aR2[m | (1<<j)] - aR2[m];
        cnt++;
      }
      CHECK_NEAR(tot/cnt, aLevel[s][j], 0.0005 + 1e-12);
      gen += tot/cnt/4;
    }
    CHECK_NEAR(gen, aGen[j], 1e-10);
  }
  CHECK_INT(drivers_shapley(4, aRxx, aRxy, aSh, &r2), ECX_OK);
  for(j=0; j<4; j++) CHECK_NEAR(aSh[j], aGen[j], 1e-10);
  CHECK_NEAR(r2, 3249.0/5560.0, 1e-12);
  CHECK_INT(drivers_r2(4, aRxx, aRxy, &r2b), ECX_OK);
  CHECK_NEAR(r2b, 3249.0/5560.0, 1e-12);
}

/* Inverse of the 4x4 matrix a into o by Gauss-Jordan elimination with
** partial pivoting (independent of the code under test). */
static void inv4(const double *a, double *o){
  double m[4][8];
  int i, j, k;
  for(i=0; i<4; i++) for(j=0; j<8; j++) m[i][j] = j<4 ? a[i*4 + j] : (j - 4==i);
  for(k=0; k<4; k++){
    int piv = k;
    for(i=k + 1; i<4; i++) if( fabs(m[i][k])>fabs(m[piv][k]) ) piv = i;
    for(j=0; j<8; j++){ double t = m[k][j]; m[k][j] = m[piv][j]; m[piv][j] = t; }
    for(j=7; j>=k; j--) m[k][j] /= m[k][k];
    for(i=0; i<4; i++){
      if( i==k ) continue;
      for(j=7; j>=k; j--) m[i][j] -= m[i][k]*m[k][j];
    }
  }
  for(i=0; i<4; i++) for(j=0; j<4; j++) o[i*4 + j] = m[i][j + 4];
}

TEST(drivers_azen_budescu_relative_weights){
  /* Johnson's relative weights of the same example, computed here without
  ** an eigen-decomposition: the symmetric square root L = R_xx^½ by the
  ** Denman-Beavers iteration (Y ← (Y + Z⁻¹)/2, Z ← (Z + Y⁻¹)/2 from Y = R_xx,
  ** Z = I), β = L⁻¹ r_xy, ε_j = Σ_k L_jk² β_k². To 4 decimals: .2908,
  ** .0761, .0976, .1199 (close to the general dominance weights .2922,
  ** .0759, .0949, .1214); they add up to R² = 3249/5560 = .5844, as the
  ** Shapley values do. */
  static const double aRw4[4] = {0.2908, 0.0761, 0.0976, 0.1199};
  double aRxx[16], aRxy[4], aY[16], aZ[16], aYi[16], aZi[16], aLi[16], aB[4], aEps[4], aRw[4], aSh[4], r2;
  double sRw = 0, sSh = 0;
  int i, j, k, it;
  ab_split(aRxx, aRxy);
  for(i=0; i<16; i++){ aY[i] = aRxx[i]; aZ[i] = (i%5==0); }
  for(it=0; it<40; it++){
    inv4(aY, aYi);
    inv4(aZ, aZi);
    for(i=0; i<16; i++){ aY[i] = (aY[i] + aZi[i])/2; aZ[i] = (aZ[i] + aYi[i])/2; }
  }
  /* L·L = R_xx. */
  for(i=0; i<4; i++) for(j=0; j<4; j++){
    double s = 0;
    for(k=0; k<4; k++) s += aY[i*4 + k]*aY[k*4 + j];
    CHECK_NEAR(s, aRxx[i*4 + j], 1e-12);
  }
  inv4(aY, aLi);
  for(i=0; i<4; i++){ aB[i] = 0; for(k=0; k<4; k++) aB[i] += aLi[i*4 + k]*aRxy[k]; }
  for(j=0; j<4; j++){ aEps[j] = 0; for(k=0; k<4; k++) aEps[j] += aY[j*4 + k]*aY[j*4 + k]*aB[k]*aB[k]; }
  CHECK_INT(drivers_relweights(4, aRxx, aRxy, aRw), ECX_OK);
  CHECK_INT(drivers_shapley(4, aRxx, aRxy, aSh, &r2), ECX_OK);
  for(j=0; j<4; j++){
    CHECK_NEAR(aRw[j], aEps[j], 1e-10);
    CHECK_NEAR(aRw[j], aRw4[j], 0.00005);
    sRw += aRw[j];
    sSh += aSh[j];
  }
  CHECK_NEAR(sRw, 3249.0/5560.0, 1e-10);
  CHECK_NEAR(sSh, 3249.0/5560.0, 1e-10);
  CHECK_NEAR(sRw, 0.5844, 0.00005);
}

TEST(drivers_two_predictors_by_hand){
  /* r1 = .5, r2 = .3, r12 = .2.
  ** R² = (r1² + r2² - 2 r1 r2 r12)/(1 - r12²) = (.25 + .09 - .06)/.96 = .2916667.
  ** LMG_1 = (r1² + (R² - r2²))/2 = (.25 + .2016667)/2 = .2258333;
  ** LMG_2 = (r2² + (R² - r1²))/2 = (.09 + .0416667)/2 = .0658333.
  ** Relative weights: R_xx has eigenvalues 1±.2 with vectors (1,±1)/√2, so
  ** Λ = R_xx^½ = [[c,d],[d,c]], c = (√1.2+√.8)/2 = .9949362,
  ** d = (√1.2-√.8)/2 = .1005090; Λ⁻¹ = [[c',d'],[d',c']],
  ** c' = (1/√1.2+1/√.8)/2 = 1.0154525, d' = (1/√1.2-1/√.8)/2 = -.1025815;
  ** β = Λ⁻¹ r = (.4769518, .2533450);
  ** ε_1 = c²β_1² + d²β_2² = .2258333, ε_2 = d²β_1² + c²β_2² = .0658333
  ** (with two predictors the relative weights equal the LMG shares). */
  double aRxx[4] = {1, .2, .2, 1}, aRxy[2] = {.5, .3}, aSh[2], aRw[2], r2;
  CHECK_INT(drivers_shapley(2, aRxx, aRxy, aSh, &r2), ECX_OK);
  CHECK_NEAR(r2, 0.28/0.96, 1e-12);
  CHECK_NEAR(aSh[0], (0.25 + 0.28/0.96 - 0.09)/2, 1e-12);
  CHECK_NEAR(aSh[1], (0.09 + 0.28/0.96 - 0.25)/2, 1e-12);
  CHECK_INT(drivers_relweights(2, aRxx, aRxy, aRw), ECX_OK);
  CHECK_NEAR(aRw[0], 0.2258333333, 1e-9);
  CHECK_NEAR(aRw[1], 0.0658333333, 1e-9);
}

TEST(drivers_three_predictors_by_hand){
  /* x1, x2 as in the 2-predictor case (r12 = .2, r1 = .5, r2 = .3) and x3
  ** uncorrelated with both, r3 = .4. Then R²(S) = R²(S ∩ {1,2}) + .16·[3 ∈ S]:
  ** x3 always adds .16, and x1, x2 add what they add without x3. So the
  ** shares are .2258333, .0658333, .16, and R² = .2916667 + .16 = .4516667.
  ** Relative weights: R_xx is block-diagonal, its square root too, so the
  ** same: ε = (.2258333, .0658333, .16). */
  double aRxx[9] = {1, .2, 0, .2, 1, 0, 0, 0, 1}, aRxy[3] = {.5, .3, .4};
  double aSh[3], aRw[3], r2;
  CHECK_INT(drivers_shapley(3, aRxx, aRxy, aSh, &r2), ECX_OK);
  CHECK_NEAR(r2, 0.28/0.96 + 0.16, 1e-12);
  CHECK_NEAR(aSh[0], 0.2258333333, 1e-9);
  CHECK_NEAR(aSh[1], 0.0658333333, 1e-9);
  CHECK_NEAR(aSh[2], 0.16, 1e-12);
  CHECK_INT(drivers_relweights(3, aRxx, aRxy, aRw), ECX_OK);
  CHECK_NEAR(aRw[0], 0.2258333333, 1e-9);
  CHECK_NEAR(aRw[1], 0.0658333333, 1e-9);
  CHECK_NEAR(aRw[2], 0.16, 1e-12);
}

/* A normal deviate from the generator (Box-Muller). */
static double rng_normal(DriversRng *pR){
  double u = ((double)(drivers_rng_next(pR) >> 11) + 0.5)/9007199254740992.0;
  double v = ((double)(drivers_rng_next(pR) >> 11) + 0.5)/9007199254740992.0;
  return sqrt(-2*log(u))*cos(6.283185307179586*v);
}

/* The correlation matrix of n random rows of v correlated variables. */
static void random_corr(DriversRng *pR, int v, int n, double *aC){
  double *aX = malloc(sizeof(double)*(size_t)(n*v)), aM[32] = {0};
  int i, j, k;
  for(i=0; i<n; i++){
    double common = rng_normal(pR);
    for(j=0; j<v; j++) aX[i*v + j] = rng_normal(pR) + 0.5*common*(j % 3);
  }
  for(j=0; j<v; j++){ for(i=0; i<n; i++) aM[j] += aX[i*v + j]/n; }
  for(j=0; j<v; j++){
    for(k=0; k<v; k++){
      double s = 0;
      for(i=0; i<n; i++) s += (aX[i*v + j] - aM[j])*(aX[i*v + k] - aM[k]);
      aC[j*v + k] = s;
    }
  }
  for(j=0; j<v; j++){
    for(k=0; k<v; k++) if( j!=k ) aC[j*v + k] /= sqrt(aC[j*v + j]*aC[k*v + k]);
  }
  for(j=0; j<v; j++) aC[j*v + j] = 1;
  free(aX);
}

TEST(drivers_weights_sum_to_r2){
  DriversRng rng;
  int p, t;
  drivers_rng_seed(&rng, 42);
  for(p=2; p<=12; p+=2){
    for(t=0; t<3; t++){
      double aC[13*13], aRxx[144], aRxy[12], aSh[12], aRw[12], r2, r2b, sSh = 0, sRw = 0;
      int i, j;
      random_corr(&rng, p + 1, 60, aC);
      for(i=0; i<p; i++){
        aRxy[i] = aC[(i + 1)*(p + 1)];
        for(j=0; j<p; j++) aRxx[i*p + j] = aC[(i + 1)*(p + 1) + j + 1];
      }
      CHECK_INT(drivers_r2(p, aRxx, aRxy, &r2), ECX_OK);
      CHECK_INT(drivers_shapley(p, aRxx, aRxy, aSh, &r2b), ECX_OK);
      CHECK_INT(drivers_relweights(p, aRxx, aRxy, aRw), ECX_OK);
      for(i=0; i<p; i++){ sSh += aSh[i]; sRw += aRw[i]; CHECK(aRw[i]>=0); }
      CHECK_NEAR(r2b, r2, 1e-10);
      CHECK_NEAR(sSh, r2, 1e-10);
      CHECK_NEAR(sRw, r2, 1e-10);
    }
  }
}

TEST(drivers_collinear_matrix){
  /* x3 = (x1 + x2)/√(2(1+.2)): a linear combination, tolerance 0 for all three. */
  double k = 1/sqrt(2*1.2), c = (1 + .2)*k;
  double aRxx[9] = {1, .2, c, .2, 1, c, c, c, 1}, aRxy[3] = {.5, .3, (.5 + .3)*k}, aTol[3];
  double aRw[3], r2;
  drivers_tolerance(3, aRxx, aTol);
  CHECK(aTol[0]<1e-9 && aTol[1]<1e-9 && aTol[2]<1e-9);
  CHECK(drivers_relweights(3, aRxx, aRxy, aRw)==ECX_EINVAL || drivers_r2(3, aRxx, aRxy, &r2)==ECX_EINVAL);
  err_clear();
}

TEST(drivers_not_positive_definite){
  /* r12 = .9, r13 = .9, r23 = -.9 cannot come from one sample: x1 close to
  ** both x2 and x3 forces x2 and x3 to be positively related. det < 0:
  ** 1 - 3(.81) + 2(.9)(.9)(-.9) = -2.888. The regression of x1 on x2, x3
  ** gives R² = (.81 + .81 - 2(.9)(.9)(-.9))/(1 - .81) = 3.078/.19 > 1, so the
  ** tolerance of x1 is negative. */
  double aRxx[9] = {1, .9, .9, .9, 1, -.9, .9, -.9, 1}, aRxy[3] = {.3, .2, .1}, aTol[3], aRw[3];
  drivers_tolerance(3, aRxx, aTol);
  CHECK_NEAR(aTol[0], 1 - 3.078/0.19, 1e-9);
  CHECK_INT(drivers_relweights(3, aRxx, aRxy, aRw), ECX_EINVAL);
  err_clear();
}
