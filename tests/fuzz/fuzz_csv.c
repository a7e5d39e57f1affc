/*
** Fuzz target: the streaming CSV reader of imports (src/import/csv.c).
** Properties: no crash; every record's fields have the lengths reported,
** contain no NUL before their end, and line numbers never go backwards.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../src/import/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t n){
  CsvReader *p = 0;
  int have = 0, lastLine = 0, i;
  if( csv_open_mem("fuzz.csv", (const char*)aData, n, &p)!=0 ) return 0;
  while( csv_next(p, &have)==0 && have ){
    const char *const *az = csv_fields(p);
    const size_t *an = csv_lengths(p);
    if( csv_line(p)<lastLine ) abort();
    lastLine = csv_line(p);
    for(i=0; i<csv_nfield(p); i++){
      if( strlen(az[i])>an[i] ) abort();
    }
  }
  csv_close(p);
  return 0;
}
