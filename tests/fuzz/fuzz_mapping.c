/*
** Fuzz target: the mapping-file parser of imports (src/import/mapping.c).
** Properties: no crash; a parsed file's rules name a column and a role.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../src/import/mapping.h"

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t n){
  char *z = malloc(n + 1);
  MapFile f;
  int i;
  memcpy(z, aData, n);
  z[n] = 0;
  memset(&f, 0, sizeof f);
  if( map_file_parse("fuzz.map", z, &f)==0 ){
    for(i=0; i<f.nRule; i++){
      if( f.aRule[i].zCol==0 || f.aRule[i].zCol[0]==0 || f.aRule[i].role<=ROLE_UNSET || f.aRule[i].role>=ROLE_NROLE ) abort();
    }
  }
  map_file_free(&f);
  free(z);
  return 0;
}
