/*
** Bounded growable strings and the escaping formatter (see buf.h).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"

void buf_init(Buf *p, size_t nMax){
  memset(p, 0, sizeof *p);
  p->nMax = nMax ? nMax : BUF_MAX_DEFAULT;
}

void buf_free(Buf *p){
  free(p->z);
  p->z = 0;
  p->n = p->nAlloc = 0;
}

void buf_reset(Buf *p){
  p->n = 0;
  p->overflow = 0;
  if( p->z ) p->z[0] = 0;
}

int buf_append(Buf *p, const char *z, size_t n){
  if( n > p->nMax || p->n > p->nMax - n ){
    p->overflow = 1;
    return err_set(ECX_ETOOBIG, "text longer than %zu bytes", p->nMax);
  }
  if( p->n + n + 1 > p->nAlloc ){
    size_t nNew = p->nAlloc ? p->nAlloc : 64;
    while( nNew < p->n + n + 1 ) nNew *= 2;
    if( nNew > p->nMax + 1 ) nNew = p->nMax + 1;
    p->z = ecx_realloc(p->z, nNew);
    p->nAlloc = nNew;
  }
  if( n ) memcpy(p->z + p->n, z, n);
  p->n += n;
  p->z[p->n] = 0;
  return ECX_OK;
}

int buf_puts(Buf *p, const char *z){ return buf_append(p, z ? z : "", z ? strlen(z) : 0); }
int buf_putc(Buf *p, char c){ return buf_append(p, &c, 1); }

const char *buf_str(const Buf *p){ return p->z ? p->z : ""; }

char *buf_take(Buf *p){
  char *z = p->z ? p->z : ecx_strdup("");
  p->z = 0;
  p->n = p->nAlloc = 0;
  return z;
}

int buf_html(Buf *p, const char *z){
  int rc = ECX_OK;
  if( !z ) return rc;
  for(const char *s = z; *s && rc==ECX_OK; ){
    size_t k = strcspn(s, "<>&\"'");
    rc = buf_append(p, s, k);
    s += k;
    if( !*s || rc ) break;
    switch( *s ){
      case '<':  rc = buf_puts(p, "&lt;"); break;
      case '>':  rc = buf_puts(p, "&gt;"); break;
      case '&':  rc = buf_puts(p, "&amp;"); break;
      case '"':  rc = buf_puts(p, "&quot;"); break;
      default:   rc = buf_puts(p, "&#39;"); break;
    }
    s++;
  }
  return rc;
}

int buf_json(Buf *p, const char *z){
  if( !z ) return buf_puts(p, "null");
  int rc = buf_putc(p, '"');
  for(const unsigned char *s = (const unsigned char*)z; *s && rc==ECX_OK; s++){
    unsigned char c = *s;
    switch( c ){
      case '"':  rc = buf_puts(p, "\\\""); break;
      case '\\': rc = buf_puts(p, "\\\\"); break;
      case '\n': rc = buf_puts(p, "\\n"); break;
      case '\r': rc = buf_puts(p, "\\r"); break;
      case '\t': rc = buf_puts(p, "\\t"); break;
      case '<':  rc = buf_puts(p, "\\u003c"); break;  /* safe inside <script> */
      case '>':  rc = buf_puts(p, "\\u003e"); break;
      case '&':  rc = buf_puts(p, "\\u0026"); break;
      default:
        if( c < 0x20 ){
          char a[8];
          snprintf(a, sizeof a, "\\u%04x", c);
          rc = buf_puts(p, a);
        }else{
          rc = buf_putc(p, (char)c);
        }
    }
  }
  if( rc==ECX_OK ) rc = buf_putc(p, '"');
  return rc;
}

int buf_csv(Buf *p, const char *z){
  if( !z ) return ECX_OK;
  if( !z[strcspn(z, ",;\"\r\n")] && z[0]!=' ' ) return buf_puts(p, z);
  int rc = buf_putc(p, '"');
  for(const char *s = z; *s && rc==ECX_OK; s++){
    rc = *s=='"' ? buf_puts(p, "\"\"") : buf_putc(p, *s);
  }
  if( rc==ECX_OK ) rc = buf_putc(p, '"');
  return rc;
}

int buf_url(Buf *p, const char *z){
  static const char zHex[] = "0123456789ABCDEF";
  int rc = ECX_OK;
  if( !z ) return rc;
  for(const unsigned char *s = (const unsigned char*)z; *s && rc==ECX_OK; s++){
    unsigned char c = *s;
    if( (c>='a' && c<='z') || (c>='A' && c<='Z') || (c>='0' && c<='9')
     || c=='-' || c=='_' || c=='.' || c=='~' ){
      rc = buf_putc(p, (char)c);
    }else{
      char a[3] = {'%', zHex[c>>4], zHex[c&15]};
      rc = buf_append(p, a, 3);
    }
  }
  return rc;
}

/* Format one numeric conversion spec (zSpec, NUL-terminated, such as "%.2f")
** through snprintf into a fixed local array. */
static int put_number(Buf *p, const char *zSpec, char cType, int nLong, va_list *pap){
  char a[512];
  int n;
  if( cType=='f' || cType=='g' || cType=='e' ){
    n = snprintf(a, sizeof a, zSpec, va_arg(*pap, double));
  }else if( cType=='z' ){
    n = snprintf(a, sizeof a, zSpec, va_arg(*pap, size_t));
  }else if( cType=='u' || cType=='x' ){
    if( nLong==2 )      n = snprintf(a, sizeof a, zSpec, va_arg(*pap, unsigned long long));
    else if( nLong==1 ) n = snprintf(a, sizeof a, zSpec, va_arg(*pap, unsigned long));
    else                n = snprintf(a, sizeof a, zSpec, va_arg(*pap, unsigned));
  }else{
    if( nLong==2 )      n = snprintf(a, sizeof a, zSpec, va_arg(*pap, long long));
    else if( nLong==1 ) n = snprintf(a, sizeof a, zSpec, va_arg(*pap, long));
    else                n = snprintf(a, sizeof a, zSpec, va_arg(*pap, int));
  }
  if( n < 0 ) return ECX_EINVAL;
  if( (size_t)n >= sizeof a ) n = (int)sizeof a - 1;
  return buf_append(p, a, (size_t)n);
}

int buf_vprintf(Buf *p, const char *zFmt, va_list ap){
  va_list aq;
  int rc = ECX_OK;
  va_copy(aq, ap);
  for(const char *s = zFmt; *s && rc==ECX_OK; ){
    size_t k = strcspn(s, "%");
    rc = buf_append(p, s, k);
    s += k;
    if( !*s || rc ) break;
    /* Collect the spec: flags, width, precision, length, conversion. */
    char zSpec[32];
    size_t nSpec = 0;
    zSpec[nSpec++] = *s++;
    while( *s && strchr("-+ #0123456789.", *s) && nSpec < 20 ) zSpec[nSpec++] = *s++;
    int nLong = 0;
    int isSize = 0;
    while( *s=='l' && nSpec < 24 ){ zSpec[nSpec++] = *s++; nLong++; }
    if( *s=='z' ){ zSpec[nSpec++] = *s++; isSize = 1; }
    char c = *s;
    if( !c ) break;
    s++;
    zSpec[nSpec++] = c;
    zSpec[nSpec] = 0;
    switch( c ){
      case 'd': case 'i':
        rc = put_number(p, zSpec, 'd', nLong, &aq); break;
      case 'u': case 'x':
        rc = put_number(p, zSpec, isSize ? 'z' : c, nLong, &aq); break;
      case 'f': case 'g': case 'e':
        rc = put_number(p, zSpec, c, 0, &aq); break;
      case 'c': rc = buf_putc(p, (char)va_arg(aq, int)); break;
      case 's': rc = buf_puts(p, va_arg(aq, const char*)); break;
      case 'h': rc = buf_html(p, va_arg(aq, const char*)); break;
      case 'j': rc = buf_json(p, va_arg(aq, const char*)); break;
      case 'q': rc = buf_csv(p, va_arg(aq, const char*)); break;
      case 'U': rc = buf_url(p, va_arg(aq, const char*)); break;
      case '%': rc = buf_putc(p, '%'); break;
      default:
        err_fatal("buf_printf: unknown conversion %%%c in \"%s\"", c, zFmt);
    }
  }
  va_end(aq);
  return rc;
}

int buf_printf(Buf *p, const char *zFmt, ...){
  va_list ap;
  va_start(ap, zFmt);
  int rc = buf_vprintf(p, zFmt, ap);
  va_end(ap);
  return rc;
}
