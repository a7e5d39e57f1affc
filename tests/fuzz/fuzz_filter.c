/*
** Fuzz target: the filter expression parser (src/engine/filter.c).
** Properties: no crash or sanitizer report; a parsed filter has non-empty
** keys and values, and parsing what it printed back gives the same filter.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../src/base/buf.h"
#include "../../src/engine/filter.h"

static void print_filter(const Filter *pF, Buf *b){
  int i, j;
  for(i=0; i<pF->nClause; i++){
    const FilterClause *c = &pF->aClause[i];
    buf_puts(b, i ? ",\"" : "\"");
    for(const char *z=c->zKey; *z; z++){ if( *z=='"' ) buf_putc(b, '"'); buf_putc(b, *z); }
    buf_puts(b, c->negate ? "\"!=" : "\"=");
    for(j=0; j<c->nValue; j++){
      buf_puts(b, j ? "|\"" : "\"");
      for(const char *z=c->azValue[j]; *z; z++){ if( *z=='"' ) buf_putc(b, '"'); buf_putc(b, *z); }
      buf_putc(b, '"');
    }
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t n){
  char *z = malloc(n + 1);
  Filter f, g;
  Buf b;
  int i, j;
  memcpy(z, aData, n);
  z[n] = 0;
  if( filter_parse(z, &f)==0 ){
    for(i=0; i<f.nClause; i++){
      if( f.aClause[i].zKey[0]==0 || f.aClause[i].nValue<1 ) abort();
      for(j=0; j<f.aClause[i].nValue; j++) if( f.aClause[i].azValue[j][0]==0 ) abort();
    }
    buf_init(&b, 0);
    print_filter(&f, &b);
    if( filter_parse(buf_str(&b), &g)!=0 || g.nClause!=f.nClause ) abort();
    filter_free(&g);
    buf_free(&b);
  }
  filter_free(&f);
  free(z);
  return 0;
}
