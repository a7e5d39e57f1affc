/*
** Fuzz target: the response-ingest JSON parser of the API
** (src/http/api_json.c). Properties: no crash; on success every record
** has a survey, a source id and answers whose values are non-NULL.
*/
#include <stdint.h>
#include <stdlib.h>
#include "../../src/base/err.h"
#include "../../src/http/api_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t n){
  Arena a;
  ApiResponse *aR = 0;
  int nR = 0;
  const char *zField = 0;
  arena_init(&a, 8u<<20);
  if( api_parse_responses(&a, (const char*)aData, n, &aR, &nR, &zField)==ECX_OK ){
    for(int i = 0; i < nR; i++){
      if( !aR[i].zSurvey || !aR[i].zSourceId ) abort();
      for(int k = 0; k < aR[i].nAnswer; k++){
        for(int j = 0; j < aR[i].aAnswer[k].nVal; j++) if( !aR[i].aAnswer[k].azVal[j] ) abort();
      }
    }
  }
  err_clear();
  arena_free(&a);
  return 0;
}
