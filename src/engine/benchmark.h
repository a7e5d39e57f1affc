/*
** Competitor benchmark: for every rated dimension, our mean against each
** competitor's mean (ratings given to competitors, responses with a
** competitor_id), each with its Student t interval, and the difference
** ours - competitor with a Welch t interval and a significance flag
** (stats_mean_change). One cube query grouped by the competitor column with
** withBenchmark=1: group "none" is us. docs/promise.md.
**
** Ownership: a BenchResult is freed with bench_result_free(); names point
** into the cube and live as long as it.
*/
#ifndef ECX_BENCHMARK_H
#define ECX_BENCHMARK_H

#include <stdint.h>
#include "cube.h"

typedef struct BenchCell {
  StatsMean m;          /* sufficient statistics of the ratings */
  Estimate e;           /* mean with its 95% t interval */
  double sd;            /* sample sd, NaN when n < 2 */
  Change c;             /* competitor cells: ours - this competitor (Welch) */
} BenchCell;

typedef struct BenchDim {
  int iMet;             /* the dimension's metric index */
  BenchCell ours;
  BenchCell *aComp;     /* nComp cells, in the order of BenchResult.azComp */
} BenchDim;

typedef struct BenchResult {
  int nComp;
  const char **azComp;  /* competitor names (the cube's strings) */
  int nDim;
  BenchDim *aDim;       /* every CUBE_MET_RATING metric, in cube order */
} BenchResult;

/* Run the benchmark on the cube rows that pass pWhere (may be NULL) and the
** day range. */
int bench_run(const Cube *pCube, const CubeWhere *pWhere, int64_t dayFrom, int64_t dayTo,
              BenchResult *pRes);
void bench_result_free(BenchResult *pRes);

/* Pooled standard deviation of two groups:
** sqrt(((n1-1) s1² + (n2-1) s2²) / (n1 + n2 - 2)); NaN when n1 + n2 < 3. */
double bench_pooled_sd(const StatsMean *a, const StatsMean *b);
/* Index of the competitor with the highest mean among those with at least
** minN ratings on dimension d, or -1. */
int bench_best_competitor(const BenchResult *pRes, int d, int minN);

#endif
