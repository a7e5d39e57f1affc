/*
** Folding text for search (fold.h), with utf8proc for non-ASCII text.
*/
#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "fold.h"
#include "err.h"

#define FOLD_OPTIONS (UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | \
                      UTF8PROC_STRIPMARK | UTF8PROC_IGNORE)
#define FOLD_MAXCP 32    /* codepoints one character may fold into */

/* Fold the character at z[*pi] (advancing *pi) into a (UTF-8) and *pn
** bytes; returns 1 for a letter or digit (a word character: *pn may be 0
** for a mark or an ignorable, which continue a word), 0 for a separator. */
static int fold_char(const char *z, size_t n, size_t *pi, char *a, size_t *pn){
  unsigned char c = (unsigned char)z[*pi];
  *pn = 0;
  if( c < 0x80 ){
    (*pi)++;
    if( c>='A' && c<='Z' ){ a[0] = (char)(c + 32); *pn = 1; return 1; }
    if( (c>='a' && c<='z') || (c>='0' && c<='9') ){ a[0] = (char)c; *pn = 1; return 1; }
    return 0;
  }
  utf8proc_int32_t cp = 0, aCp[FOLD_MAXCP];
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t*)z + *pi, (utf8proc_ssize_t)(n - *pi), &cp);
  if( k <= 0 ){ (*pi)++; return 0; }
  *pi += (size_t)k;
  int bound = 0;
  utf8proc_ssize_t m = utf8proc_decompose_char(cp, aCp, FOLD_MAXCP, FOLD_OPTIONS, &bound);
  if( m < 0 || m > FOLD_MAXCP ) return 0;
  if( m==0 ) return 1;    /* a mark or an ignorable: part of the word */
  int word = 0;
  for(utf8proc_ssize_t j = 0; j < m; j++){
    utf8proc_category_t cat = utf8proc_category(aCp[j]);
    if( (cat>=UTF8PROC_CATEGORY_LU && cat<=UTF8PROC_CATEGORY_LO)
     || (cat>=UTF8PROC_CATEGORY_ND && cat<=UTF8PROC_CATEGORY_NO) ){
      *pn += (size_t)utf8proc_encode_char(aCp[j], (utf8proc_uint8_t*)a + *pn);
      word = 1;
    }
  }
  return word;
}

int fold_text(Buf *p, const char *z, size_t n){
  char a[FOLD_MAXCP*4];
  size_t i = 0, k;
  int inWord = 0;
  while( i < n ){
    if( fold_char(z, n, &i, a, &k) ){
      /* A mark with no letter before it neither starts nor ends a word. */
      if( !inWord && k==0 ) continue;
      if( !inWord && buf_putc(p, ' ') ) return ECX_ETOOBIG;
      inWord = 1;
      if( k && buf_append(p, a, k) ) return ECX_ETOOBIG;
    }else{
      inWord = 0;
    }
  }
  return ECX_OK;
}

int fold_next_word(const char *z, size_t n, size_t *pi, size_t *pStart, size_t *pEnd, Buf *pWord){
  char a[FOLD_MAXCP*4];
  size_t i = *pi, k, at;
  buf_reset(pWord);
  /* Skip separators. */
  for(;;){
    if( i >= n ){ *pi = n; return 0; }
    at = i;
    if( fold_char(z, n, &i, a, &k) && k ) break;
  }
  *pStart = at;
  buf_append(pWord, a, k);
  for(;;){
    at = i;
    if( i >= n || !fold_char(z, n, &i, a, &k) ) break;
    buf_append(pWord, a, k);
  }
  *pEnd = at;
  *pi = i;
  return 1;
}
