/*
** Fuzz target: the web layer's parsers of query strings and form bodies,
** Cookie headers and Accept-Language (src/http/parse.c). Properties: no
** crash; every parsed name and value is a NUL-terminated string within the
** bounds; Accept-Language always answers "es", "en" or the default.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../src/base/arena.h"
#include "../../src/http/http.h"

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t n){
  char *z = malloc(n + 1);
  Arena a;
  HttpParam *aP = 0;
  int nP = 0, i;
  const char *zLang;
  memcpy(z, aData, n);
  z[n] = 0;
  arena_init(&a, 1u<<20);
  if( http_parse_urlencoded(&a, z, n, 64, &aP, &nP)==0 ){
    if( nP<0 || nP>64 ) abort();
    for(i=0; i<nP; i++){ if( !aP[i].zName || !aP[i].zValue ) abort(); (void)strlen(aP[i].zValue); }
  }
  if( http_parse_cookies(&a, z, 64, &aP, &nP)==0 ){
    if( nP<0 || nP>64 ) abort();
    for(i=0; i<nP; i++){ if( !aP[i].zName || !aP[i].zValue ) abort(); }
  }
  zLang = http_accept_language(z, "es");
  if( strcmp(zLang, "es")!=0 && strcmp(zLang, "en")!=0 ) abort();
  arena_free(&a);
  free(z);
  return 0;
}
