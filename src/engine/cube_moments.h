/*
** Moments over the cube: exact integer sufficient statistics (counts, sums,
** sums of squares and cross products) of several rating metrics, for
** correlations and regressions (key-driver analysis, drivers.h).
**
** One pass over the columns gives, for the rows that pass a query (filter,
** day range, benchmark rows excluded):
**   - per variable j: n_j, Σx_j, Σx_j² over the rows where j is answered;
**   - listwise: n, Σx_j and Σx_i·x_j over the rows where EVERY variable is
**     answered;
**   - pairwise (on request): per pair i<j, n_ij, Σx_i, Σx_j, Σx_i², Σx_j²,
**     Σx_i·x_j over the rows where both are answered.
** The same statistics are kept separately for MOM_BLOCKS blocks: row r goes
** to block hash(r) % MOM_BLOCKS (a fixed-seed integer hash of the row
** number, independent of the values). The totals are the sums of the blocks;
** resampling blocks with replacement is a fast bootstrap (docs/drivers.md).
**
** Ownership: a Moments is freed with moments_free().
*/
#ifndef ECX_CUBE_MOMENTS_H
#define ECX_CUBE_MOMENTS_H

#include <stdint.h>
#include "cube.h"

#define MOM_BLOCKS 200
#define MOM_MAX_VAR 32

typedef struct MomentsQuery {
  int nVar;
  int aiMet[MOM_MAX_VAR];     /* metric index of each variable */
  const CubeWhere *pWhere;    /* may be NULL */
  int64_t dayFrom, dayTo;     /* inclusive day range; INT64_MIN/MAX for none */
  int pairwise;               /* also gather the pairwise statistics */
} MomentsQuery;

typedef struct Moments {
  int nVar;
  int pairwise;
  int nStat;          /* int64 counters per block */
  int nBlock;
  int64_t *aBlock;    /* nBlock*nStat */
  int64_t *aTotal;    /* nStat: sum of the blocks */
} Moments;

/* Offsets into one statistics vector (a block or the total). */
/* Univariate j: [0] n_j, [1] Σx_j, [2] Σx_j². */
static inline int mom_uni(const Moments *p, int j){ (void)p; return 3*j; }
/* Listwise: [0] n, [1+j] Σx_j, then the cross products by mom_lcross. */
static inline int mom_list(const Moments *p){ return 3*p->nVar; }
/* Listwise Σx_i·x_j (i<=j; symmetric). */
static inline int mom_lcross(const Moments *p, int i, int j){
  int v = p->nVar, t;
  if( i>j ){ t = i; i = j; j = t; }
  return 3*v + 1 + v + i*v - i*(i - 1)/2 + (j - i);
}
/* Pairwise i!=j: [0] n_ij, [1] Σx_i, [2] Σx_j, [3] Σx_i², [4] Σx_j²,
** [5] Σx_i·x_j, where i is the smaller index of the two. */
static inline int mom_pair(const Moments *p, int i, int j){
  int v = p->nVar, t;
  if( i>j ){ t = i; i = j; j = t; }
  return 3*v + 1 + v + v*(v + 1)/2 + 6*(i*v - i*(i + 1)/2 + (j - i - 1));
}

/* Gather the moments of pQ's variables. ECX_EINVAL for a bad variable. */
int cube_moments(const Cube *pCube, const MomentsQuery *pQ, Moments *pM);
void moments_free(Moments *pM);

/* Add the statistics of block b, w times, into aStat (nStat counters). */
void moments_add_block(const Moments *pM, int b, int64_t w, int64_t *aStat);

/* Correlation matrix (nVar x nVar, row-major, 1 on the diagonal) and
** means from a statistics vector, listwise or pairwise as pM was asked.
** *pN is the listwise n or the smallest pairwise n. Returns ECX_OK, or
** ECX_ESMALL with *piConst set to a variable with no variance (or -1 when
** n < 2). aMean may be NULL. */
int moments_corr(const Moments *pM, const int64_t *aStat, int pairwise,
                 double *aR, double *aMean, int64_t *pN, int *piConst);

#endif
