/*
** Competitor benchmark (benchmark.h): one grouped cube query, then means,
** intervals and Welch comparisons from the histograms.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "benchmark.h"
#include "../base/err.h"

static void cell_fill(const int64_t *aHist, BenchCell *c){
  memset(c, 0, sizeof *c);
  if( aHist ) cube_hist_mean(aHist, &c->m);
  stats_mean(&c->m, &c->e);
  c->sd = stats_mean_sd(&c->m);
}

int bench_run(const Cube *pC, const CubeWhere *pWhere, int64_t dayFrom, int64_t dayTo,
              BenchResult *pRes){
  const CubeCol *pCol = &pC->aCol[CUBE_COL_COMPETITOR];
  CubeQuery q;
  CubeResult r;
  int rc, d, k;
  int64_t g;
  memset(pRes, 0, sizeof *pRes);
  memset(&q, 0, sizeof q);
  memset(&r, 0, sizeof r);
  q.nBy = 1;
  q.aBy[0].iCol = CUBE_COL_COMPETITOR;
  q.aBy[0].period = CUBE_PERIOD_NONE;
  q.pWhere = pWhere;
  q.dayFrom = dayFrom;
  q.dayTo = dayTo;
  q.withBenchmark = 1;
  rc = cube_query(pC, &q, &r);
  if( rc ) return rc;
  pRes->nComp = pCol->nValue;
  pRes->azComp = ecx_calloc((size_t)pCol->nValue + 1, sizeof(char*));
  for(k=0; k<pCol->nValue; k++) pRes->azComp[k] = pCol->azValue[k + 1];
  for(d=0; d<pC->nMet; d++) pRes->nDim += pC->aMet[d].kind==CUBE_MET_RATING;
  pRes->aDim = ecx_calloc((size_t)pRes->nDim + 1, sizeof(BenchDim));
  for(d=0, k=0; d<pC->nMet; d++){
    if( pC->aMet[d].kind!=CUBE_MET_RATING ) continue;
    pRes->aDim[k].iMet = d;
    pRes->aDim[k].aComp = ecx_calloc((size_t)pRes->nComp + 1, sizeof(BenchCell));
    cell_fill(0, &pRes->aDim[k].ours);
    for(int c=0; c<pRes->nComp; c++) cell_fill(0, &pRes->aDim[k].aComp[c]);
    k++;
  }
  /* Groups are keyed by competitor code; code 0 is our own responses. */
  for(g=0; g<r.nGroup; g++){
    int64_t code = r.aKey[g];
    for(k=0; k<pRes->nDim; k++){
      const int64_t *h = r.aHist + (g*r.nMet + pRes->aDim[k].iMet)*CUBE_HIST;
      if( code==0 ) cell_fill(h, &pRes->aDim[k].ours);
      else if( code<=pRes->nComp ) cell_fill(h, &pRes->aDim[k].aComp[code - 1]);
    }
  }
  for(k=0; k<pRes->nDim; k++){
    for(int c=0; c<pRes->nComp; c++){
      BenchCell *p = &pRes->aDim[k].aComp[c];
      stats_mean_change(&pRes->aDim[k].ours.m, &p->m, &p->c);
    }
  }
  cube_result_free(&r);
  return ECX_OK;
}

void bench_result_free(BenchResult *pRes){
  for(int k=0; k<pRes->nDim; k++) free(pRes->aDim[k].aComp);
  free(pRes->aDim);
  free((void*)pRes->azComp);
  memset(pRes, 0, sizeof *pRes);
}

double bench_pooled_sd(const StatsMean *a, const StatsMean *b){
  double ssA, ssB;
  if( a->n + b->n < 3 ) return NAN;
  /* Centred sums of squares: Σx² - (Σx)²/n for each group. */
  ssA = a->n>0 ? (double)a->sumSq - (double)a->sum*(double)a->sum/(double)a->n : 0;
  ssB = b->n>0 ? (double)b->sumSq - (double)b->sum*(double)b->sum/(double)b->n : 0;
  return sqrt((ssA + ssB)/(double)(a->n + b->n - 2));
}

int bench_best_competitor(const BenchResult *pRes, int d, int minN){
  int best = -1;
  for(int c=0; c<pRes->nComp; c++){
    const BenchCell *p = &pRes->aDim[d].aComp[c];
    if( p->m.n<minN || p->m.n<1 ) continue;
    if( best<0 || p->e.value>pRes->aDim[d].aComp[best].e.value ) best = c;
  }
  return best;
}
