/*
** Bounded parsers for request data: urlencoded forms and query strings,
** Cookie headers and Accept-Language. Results live in the request arena.
*/
#include <string.h>
#include <strings.h>

#include "http.h"
#include "../base/err.h"

static int hexval(char c){
  if( c>='0' && c<='9' ) return c - '0';
  if( c>='a' && c<='f' ) return c - 'a' + 10;
  if( c>='A' && c<='F' ) return c - 'A' + 10;
  return -1;
}

/* Decode z[0..n) ('+' is a space, %XX a byte) into a new arena string. */
static int url_decode(Arena *pA, const char *z, size_t n, const char **pzOut){
  char *r = arena_alloc(pA, n + 1);
  size_t j = 0;
  if( !r ) return err_set(ECX_ETOOBIG, "request too large");
  for(size_t i = 0; i < n; i++){
    char c = z[i];
    if( c=='+' ){
      c = ' ';
    }else if( c=='%' ){
      int hi = i+1 < n ? hexval(z[i+1]) : -1;
      int lo = i+2 < n ? hexval(z[i+2]) : -1;
      if( hi<0 || lo<0 ) return err_set(ECX_EINVAL, "malformed %%-escape in request");
      c = (char)(hi*16 + lo);
      i += 2;
    }
    if( c==0 ) return err_set(ECX_EINVAL, "NUL byte in request");
    r[j++] = c;
  }
  r[j] = 0;
  *pzOut = r;
  return ECX_OK;
}

int http_parse_urlencoded(Arena *pA, const char *z, size_t n, int nMax,
                          HttpParam **paOut, int *pnOut){
  int nField = 0, k = 0, rc;
  *paOut = 0;
  *pnOut = 0;
  if( n==0 ) return ECX_OK;
  for(size_t i = 0; i < n; i++) if( z[i]=='&' ) nField++;
  nField++;
  if( nField > nMax ) return err_set(ECX_ETOOBIG, "more than %d fields", nMax);
  HttpParam *a = arena_alloc(pA, sizeof(HttpParam)*(size_t)nField);
  if( !a ) return err_set(ECX_ETOOBIG, "request too large");
  size_t i = 0;
  while( i <= n ){
    size_t j = i;
    while( j < n && z[j]!='&' ) j++;
    if( j > i ){
      size_t e = i;
      while( e < j && z[e]!='=' ) e++;
      rc = url_decode(pA, z + i, e - i, &a[k].zName);
      if( rc==ECX_OK ) rc = url_decode(pA, z + (e<j ? e+1 : j), e<j ? j-e-1 : 0, &a[k].zValue);
      if( rc ) return rc;
      k++;
    }
    i = j + 1;
  }
  *paOut = a;
  *pnOut = k;
  return ECX_OK;
}

int http_parse_cookies(Arena *pA, const char *z, int nMax, HttpParam **paOut, int *pnOut){
  int nField = 1, k = 0;
  *paOut = 0;
  *pnOut = 0;
  if( !z || !z[0] ) return ECX_OK;
  for(const char *c = z; *c; c++) if( *c==';' ) nField++;
  if( nField > nMax ) return err_set(ECX_ETOOBIG, "more than %d cookies", nMax);
  HttpParam *a = arena_alloc(pA, sizeof(HttpParam)*(size_t)nField);
  if( !a ) return err_set(ECX_ETOOBIG, "request too large");
  while( *z ){
    while( *z==' ' || *z=='\t' || *z==';' ) z++;
    if( !*z ) break;
    const char *zEnd = strchr(z, ';');
    size_t n = zEnd ? (size_t)(zEnd - z) : strlen(z);
    const char *zEq = memchr(z, '=', n);
    if( zEq ){
      size_t nName = (size_t)(zEq - z), nVal = n - nName - 1;
      const char *zVal = zEq + 1;
      while( nName && (z[nName-1]==' ' || z[nName-1]=='\t') ) nName--;
      while( nVal && (zVal[0]==' ' || zVal[0]=='\t') ){ zVal++; nVal--; }
      while( nVal && (zVal[nVal-1]==' ' || zVal[nVal-1]=='\t') ) nVal--;
      if( nVal>=2 && zVal[0]=='"' && zVal[nVal-1]=='"' ){ zVal++; nVal -= 2; }
      if( nName ){
        a[k].zName = arena_strndup(pA, z, nName);
        a[k].zValue = arena_strndup(pA, zVal, nVal);
        if( !a[k].zName || !a[k].zValue ) return err_set(ECX_ETOOBIG, "request too large");
        k++;
      }
    }
    z += n;
  }
  *paOut = a;
  *pnOut = k;
  return ECX_OK;
}

const char *http_accept_language(const char *z, const char *zDefault){
  const char *zBest = 0;
  double qBest = -1;
  if( !z ) return zDefault;
  while( *z ){
    while( *z==' ' || *z==',' ) z++;
    if( !*z ) break;
    const char *zTag = z;
    while( *z && *z!=',' && *z!=';' ) z++;
    size_t nTag = (size_t)(z - zTag);
    double q = 1.0;
    while( *z==';' ){
      z++;
      while( *z==' ' ) z++;
      if( z[0]=='q' && z[1]=='=' ){
        q = 0;
        const char *c = z + 2;
        if( *c=='1' ) q = 1.0;
        else if( *c=='0' ){
          c++;
          if( *c=='.' ){ double f = 0.1; for(c++; *c>='0' && *c<='9'; c++, f/=10) q += (*c-'0')*f; }
        }
      }
      while( *z && *z!=',' && *z!=';' ) z++;
    }
    const char *zLang = 0;
    if( nTag>=2 && strncasecmp(zTag, "es", 2)==0 && (nTag==2 || zTag[2]=='-') ) zLang = "es";
    if( nTag>=2 && strncasecmp(zTag, "en", 2)==0 && (nTag==2 || zTag[2]=='-') ) zLang = "en";
    if( zLang && q > 0 && q > qBest ){ zBest = zLang; qBest = q; }
  }
  return zBest ? zBest : zDefault;
}
