/*
** Engine benchmark: load a workspace's cube once, then time a report query
** (segment x touchpoint x month by default) several times and print the
** median, so that engine time is measured apart from loading.
**   build/engine_bench FILE.ecx [BY] [RUNS] [THREADS]
** Prints: rows, bytes per row, load ms, median query ms, and a checksum of
** the histograms so that runs can be compared.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "../src/base/err.h"
#include "../src/base/util.h"
#include "../src/engine/cube.h"
#include "../src/model/workspace.h"

static double now_ms(void){
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec*1e3 + (double)t.tv_nsec/1e6;
}

static int cmp_double(const void *a, const void *b){
  double x = *(const double*)a, y = *(const double*)b;
  return x<y ? -1 : x>y;
}

int main(int argc, char **argv){
  Workspace *pWs;
  Cube *pCube;
  CubeQuery q;
  CubeResult r;
  const char *zBy = argc>2 ? argv[2] : "segment,touchpoint,month";
  int64_t nRun = 20, nThread = 0, i;
  double t0, tLoad, *aMs;
  char *zCopy, *zTok, *zSave = 0;
  uint64_t sum = 0;
  ecx_malloc_tune();
  if( argc<2 ){ fprintf(stderr, "usage: %s FILE.ecx [BY] [RUNS] [THREADS]\n", argv[0]); return 2; }
  if( argc>3 && util_parse_int(argv[3], &nRun) ) return 2;
  if( argc>4 && util_parse_int(argv[4], &nThread) ) return 2;
  if( ws_open(argv[1], WS_READONLY, &pWs) ){ fprintf(stderr, "%s\n", err_detail()); return 1; }
  t0 = now_ms();
  if( cube_load(pWs, &pCube) ){ fprintf(stderr, "%s\n", err_detail()); return 1; }
  tLoad = now_ms() - t0;
  if( nThread>0 ) pCube->nThread = (int)nThread;
  memset(&q, 0, sizeof q);
  q.dayFrom = INT64_MIN;
  q.dayTo = INT64_MAX;
  zCopy = strdup(zBy);
  for(zTok=strtok_r(zCopy, ",", &zSave); zTok && q.nBy<CUBE_MAX_BY; zTok=strtok_r(0, ",", &zSave)){
    CubePeriod p = cube_period_from_name(zTok);
    q.aBy[q.nBy].iCol = p==CUBE_PERIOD_NONE ? cube_col_find(pCube, zTok) : -1;
    q.aBy[q.nBy].period = p;
    if( p==CUBE_PERIOD_NONE && q.aBy[q.nBy].iCol<0 ){ fprintf(stderr, "no column %s\n", zTok); return 2; }
    q.nBy++;
  }
  aMs = calloc((size_t)nRun, sizeof(double));
  for(i=0; i<nRun; i++){
    t0 = now_ms();
    if( cube_query(pCube, &q, &r) ){ fprintf(stderr, "%s\n", err_detail()); return 1; }
    aMs[i] = now_ms() - t0;
    if( i==0 ){
      int64_t j;
      for(j=0; j<r.nGroup*r.nMet*CUBE_HIST; j++) sum = sum*31 + (uint64_t)r.aHist[j];
      printf("groups %lld\n", (long long)r.nGroup);
    }
    cube_result_free(&r);
  }
  qsort(aMs, (size_t)nRun, sizeof(double), cmp_double);
  printf("rows %lld\nbytes_per_row %.1f\nload_ms %.1f\nquery_ms_median %.2f\nquery_ms_min %.2f\nchecksum %016llx\n",
         (long long)pCube->nRow, (double)cube_bytes(pCube)/(double)(pCube->nRow ? pCube->nRow : 1),
         tLoad, aMs[nRun/2], aMs[0], (unsigned long long)sum);
  free(aMs);
  free(zCopy);
  cube_free(pCube);
  ws_close(pWs);
  return 0;
}
