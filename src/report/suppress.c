/*
** Complementary suppression (report.h: report_suppress). Hiding the groups
** under min_n is not enough when their total is shown: the total minus the
** shown groups is the hidden ones. The groups whose sum some query shows
** are, for a table by one key, all of them (their sum is the total row),
** and for a table by several keys every set of groups that agree on all
** keys but one (a row or a column of the table, whose sum the table by the
** other keys shows), and for a period key also the groups that agree on
** the other keys and fall in one quarter or year (whose sum a table by the
** coarser period shows). In each such set what is hidden must add up to 0 or
** to at least min_n responses; when it does not, the smallest group still
** shown in the set is hidden too, and the sets are checked again until
** none needs more. Then the same for every figure, counted in answers:
** inside shown groups, a figure answered by fewer than min_n is hidden,
** and the hidden answers of each set must add up to 0 or to min_n or more.
*/
#include <stdlib.h>
#include <string.h>
#include "report.h"
#include "../base/err.h"
#include "../engine/disclosure.h"

typedef struct SupCtx {
  int nBy;
  const int64_t *aKey;   /* nGroup*nBy */
  int skip;              /* the key the groups of a set may differ in */
  int64_t div;           /* 0: freely; else only within one coarser period
                         ** (key / div: months in a quarter or a year...) */
} SupCtx;

static int64_t floor_div(int64_t a, int64_t b){ return a/b - (a%b!=0 && (a<0)!=(b<0)); }

/* Order groups by every key but ctx->skip (by its coarser period if div). */
static int cmp_other_keys(const void *a, const void *b, void *pArg){
  const SupCtx *c = pArg;
  const int64_t *x = c->aKey + *(const int64_t*)a * c->nBy, *y = c->aKey + *(const int64_t*)b * c->nBy;
  for(int k = 0; k < c->nBy; k++){
    int64_t u = x[k], v = y[k];
    if( k==c->skip ){
      if( c->div==0 ) continue;
      u = floor_div(u, c->div);
      v = floor_div(v, c->div);
    }
    if( u!=v ) return u < v ? -1 : 1;
  }
  return 0;
}

/* The coarser periods a grouping's period keys nest in, as divisors of
** the key (cube_period_key: months y*12 + m, quarters y*4 + q): a table
** by quarter or by year shows the sum of its months. Weeks and days do
** not nest by division and are left to their own table's sets. */
static int nest_divisors(const CubeBy *pBy, int64_t aDiv[2]){
  if( pBy==0 || pBy->iCol>=0 ) return 0;
  switch( pBy->period ){
    case CUBE_PERIOD_MONTH: aDiv[0] = 3; aDiv[1] = 12; return 2;
    case CUBE_PERIOD_QUARTER: aDiv[0] = 4; return 1;
    default: return 0;
  }
}

/* One pass over every set: for each set whose hidden count aN (where aHide
** is set) is between 1 and minN - 1, hide its smallest shown member with a
** count above 0 (disclosure_hide_one). aOrder[k*nGroup ...] holds the
** groups sorted for key k. Returns how many members it hid. */
static int64_t pass(int64_t nGroup, int nSet, const SupCtx *aCtx, const int64_t *aOrder,
                    const int64_t *aN, size_t stride, unsigned char *aHide, int minN){
  int64_t nNew = 0;
  for(int k = 0; k < nSet; k++){
    const int64_t *o = aOrder + (int64_t)k*nGroup;
    int64_t i = 0;
    while( i < nGroup ){
      int64_t j = i + 1;
      while( j < nGroup && cmp_other_keys(&o[i], &o[j], (void*)&aCtx[k])==0 ) j++;
      nNew += disclosure_hide_one(j - i, o + i, aN, stride, aHide, minN);
      i = j;
    }
  }
  return nNew;
}

int report_suppress(int64_t nGroup, int nBy, const CubeBy *aBy, const int64_t *aKey, const int64_t *aRows,
                    const int64_t *const *aaHist, const Figure *aFig, int nFig, int minN,
                    unsigned char *aGroup, unsigned char *aCell){
  int64_t g;
  int f;
  int64_t *aN = ecx_calloc((size_t)(nGroup*nFig) + 1, sizeof(int64_t));
  for(g = 0; g < nGroup; g++){
    aGroup[g] = aRows[g] < minN;
    for(f = 0; f < nFig; f++){
      Estimate e;
      report_estimate(&aFig[f], aaHist[g], &e);
      aN[g*nFig + f] = e.n;
    }
  }
  /* The sets: one per key (nBy of them), or all groups for a single key;
  ** then, for a period key, one per coarser period it nests in. */
  int nSet = 0;
  SupCtx aCtx[CUBE_MAX_BY*3];
  for(int k = 0; k < (nBy > 1 ? nBy : 1); k++){
    aCtx[nSet++] = (SupCtx){nBy, aKey, nBy > 1 ? k : 0, 0};
  }
  for(int k = 0; k < nBy; k++){
    int64_t aDiv[2];
    int nDiv = nest_divisors(aBy ? &aBy[k] : 0, aDiv);
    for(int i = 0; i < nDiv; i++) aCtx[nSet++] = (SupCtx){nBy, aKey, k, aDiv[i]};
  }
  int64_t *aOrder = ecx_malloc(sizeof(int64_t) * (size_t)(nGroup*nSet + 1));
  for(int k = 0; k < nSet; k++){
    for(g = 0; g < nGroup; g++) aOrder[k*nGroup + g] = g;
    qsort_r(aOrder + k*nGroup, (size_t)nGroup, sizeof(int64_t), cmp_other_keys, &aCtx[k]);
  }
  /* Groups, by responses; every pass hides at least one more or ends. */
  while( pass(nGroup, nSet, aCtx, aOrder, aRows, 1, aGroup, minN) ){}
  /* Figures, by answers. */
  for(g = 0; g < nGroup; g++){
    for(f = 0; f < nFig; f++){
      int64_t n = aN[g*nFig + f];
      aCell[g*nFig + f] = aGroup[g] || (n > 0 && n < minN);
    }
  }
  for(f = 0; f < nFig; f++){
    while( pass(nGroup, nSet, aCtx, aOrder, aN + f, (size_t)nFig, aCell + f, minN) ){}
  }
  free(aOrder);
  free(aN);
  return ECX_OK;
}
