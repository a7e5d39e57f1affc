/*
** Fuzz target: the number and date parsers of src/base/util.c.
** Properties: no crash; a parsed time formats and parses back to itself;
** a parsed integer prints and parses back to itself.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../src/base/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t n){
  char *z = malloc(n + 1), a[64];
  int64_t ts, ts2, v, v2;
  double d;
  memcpy(z, aData, n);
  z[n] = 0;
  if( util_parse_time(z, &ts)==0 ){
    util_fmt_time(a, sizeof a, ts);
    if( util_parse_time(a, &ts2)!=0 || ts2!=ts ) abort();
  }
  if( util_parse_int(z, &v)==0 ){
    util_fmt_int(a, sizeof a, v);
    if( util_parse_int(a, &v2)!=0 || v2!=v ) abort();
  }
  (void)util_parse_double(z, &d);
  free(z);
  return 0;
}
