/*
** Complementary suppression (report.h: report_suppress). Hiding the groups
** under min_n is not enough when their total is shown: the total minus the
** shown groups is the hidden ones. The groups whose sum some query shows
** are, for a table by one key, all of them (their sum is the total row),
** and for a table by several keys every set of groups that agree on all
** keys but one (a row or a column of the table, whose sum the table by the
** other keys shows). In each such set what is hidden must add up to 0 or
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
} SupCtx;

/* Order groups by every key but ctx->skip. */
static int cmp_other_keys(const void *a, const void *b, void *pArg){
  const SupCtx *c = pArg;
  const int64_t *x = c->aKey + *(const int64_t*)a * c->nBy, *y = c->aKey + *(const int64_t*)b * c->nBy;
  for(int k = 0; k < c->nBy; k++){
    if( k==c->skip ) continue;
    if( x[k]!=y[k] ) return x[k] < y[k] ? -1 : 1;
  }
  return 0;
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

int report_suppress(int64_t nGroup, int nBy, const int64_t *aKey, const int64_t *aRows,
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
  /* The sets: one per key (nBy of them), or all groups for a single key. */
  int nSet = nBy > 1 ? nBy : 1;
  SupCtx aCtx[CUBE_MAX_BY];
  int64_t *aOrder = ecx_malloc(sizeof(int64_t) * (size_t)(nGroup*nSet + 1));
  for(int k = 0; k < nSet; k++){
    aCtx[k].nBy = nBy;
    aCtx[k].aKey = aKey;
    aCtx[k].skip = nBy > 1 ? k : 0;
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
