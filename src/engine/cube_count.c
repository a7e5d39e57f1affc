/*
** Counting the rows a query accepts (cube.h: cube_count): the same accept
** rules as a scan (day range, benchmark rows, filter terms), without
** grouping or histograms, for the differencing guard and for pages that
** need only "how many responses match".
*/
#include <string.h>
#include "cube_int.h"
#include "../base/err.h"

#define COUNT_CHUNK 4096

int cube_count(const Cube *pC, const CubeQuery *pQ, int64_t *pN){
  int64_t lo = pQ->dayFrom>pC->dayMin ? pQ->dayFrom : pC->dayMin;
  int64_t hi = pQ->dayTo<pC->dayMax ? pQ->dayTo : pC->dayMax;
  const CubeCol *pComp = &pC->aCol[CUBE_COL_COMPETITOR];
  int needDays = lo>pC->dayMin || hi<pC->dayMax;
  uint8_t aOk[COUNT_CHUNK];
  int64_t n = 0;
  *pN = 0;
  if( pC->nRow==0 || lo>hi ) return ECX_OK;
  for(int64_t i0 = 0; i0 < pC->nRow; i0 += COUNT_CHUNK){
    int m = pC->nRow - i0 < COUNT_CHUNK ? (int)(pC->nRow - i0) : COUNT_CHUNK, i;
    const uint16_t *aDay = pC->aDay + i0;
    memset(aOk, 1, (size_t)m);
    if( needDays ){
      for(i=0; i<m; i++) aOk[i] &= (aDay[i]>=(uint16_t)lo) & (aDay[i]<=(uint16_t)hi);
    }
    if( !pQ->withBenchmark ){
      for(i=0; i<m; i++) aOk[i] &= cube_code(pComp, i0 + i)==0;
    }
    cube_where_eval(pC, pQ->pWhere, i0, m, aOk);
    for(i=0; i<m; i++) n += aOk[i];
  }
  *pN = n;
  return ECX_OK;
}
