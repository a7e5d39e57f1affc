/*
** Fuzz target: search folding (src/base/fold.c) and the search parser of
** the verbatim index (verb_terms). Properties: no crash; a folded text is
** " word word": no double, leading-only or trailing blanks, no ASCII
** capitals or punctuation; folding is idempotent; the words of
** fold_next_word, each after a blank, are exactly fold_text's output; every
** search term starts with a blank.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../src/base/err.h"
#include "../../src/base/fold.h"
#include "../../src/engine/verbatim.h"

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t n){
  const char *z = (const char*)aData;
  Buf a, b, c, w;
  buf_init(&a, 1u<<20);
  buf_init(&b, 1u<<20);
  buf_init(&c, 1u<<20);
  buf_init(&w, 1u<<20);
  if( fold_text(&a, z, n)==ECX_OK ){
    const char *f = buf_str(&a);
    if( a.n && (f[0]!=' ' || f[a.n-1]==' ' || strstr(f, "  ")) ) abort();
    for(size_t i = 0; i < a.n; i++){
      unsigned char ch = (unsigned char)f[i];
      if( ch==0 || (ch>='A' && ch<='Z') || (ch<0x80 && ch!=' ' && !((ch>='a' && ch<='z') || (ch>='0' && ch<='9'))) ) abort();
    }
    if( fold_text(&b, f, a.n)!=ECX_OK || b.n!=a.n || memcmp(buf_str(&b), f, a.n)!=0 ) abort();
    size_t i = 0, s = 0, e = 0;
    while( fold_next_word(z, n, &i, &s, &e, &w) ){
      if( s>=e || e>n ) abort();
      buf_putc(&c, ' ');
      buf_append(&c, buf_str(&w), w.n);
    }
    if( c.n!=a.n || memcmp(buf_str(&c), f, a.n)!=0 ) abort();
  }
  char *zCopy = malloc(n + 1), *zTerms = 0;
  int nTerm = 0;
  memcpy(zCopy, z, n);
  zCopy[n] = 0;
  if( verb_terms(zCopy, &zTerms, &nTerm)==ECX_OK ){
    const char *t = zTerms;
    for(int k = 0; k < nTerm; k++, t += strlen(t) + 1) if( t[0]!=' ' ) abort();
  }
  free(zTerms);
  free(zCopy);
  err_clear();
  buf_free(&a); buf_free(&b); buf_free(&c); buf_free(&w);
  return 0;
}
