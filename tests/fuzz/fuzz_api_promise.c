/*
** Fuzz target: the promise API's body parsers (src/http/api_promise_json.c)
** on the same input. Properties: no crash, no leak; on success a promise
** has a name and 3 to 5 dimensions, every KPI a dimension and either a
** removal or an owner area, every rating a dimension, a horizon and a
** score from 1 to 5.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../src/base/err.h"
#include "../../src/http/api_promise_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t n){
  Arena a;
  Promise p;
  ApiKpi *aK = 0;
  ApiRatings r;
  const char *zField = 0, *z = (const char*)aData;
  int nK = 0;
  arena_init(&a, 8u<<20);
  if( api_parse_promise(&a, z, n, &p, &zField)==ECX_OK ){
    if( !p.zName || !p.zName[0] || p.nDim<3 || p.nDim>5 ) abort();
  }
  promise_clear(&p);
  if( api_parse_kpis(&a, z, n, &aK, &nK, &zField)==ECX_OK ){
    for(int i=0; i<nK; i++){
      if( !aK[i].zDim || (!aK[i].remove && !aK[i].zArea && aK[i].areaId<=0) ) abort();
    }
  }
  if( api_parse_ratings(&a, z, n, &r, &zField)==ECX_OK ){
    for(int i=0; i<r.n; i++){
      if( !r.a[i].zDim || !r.a[i].zHorizon || r.a[i].score<1 || r.a[i].score>5 ) abort();
    }
  }
  err_clear();
  arena_free(&a);
  return 0;
}
