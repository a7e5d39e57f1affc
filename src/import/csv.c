/*
** The streaming CSV reader (see csv.h): a byte-at-a-time state machine over
** a fixed input buffer, collecting fields into one reusable text block.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "../base/err.h"
#include "../base/i18n.h"

#define CSV_CHUNK 65536

struct CsvReader {
  FILE *in;                /* NULL for a memory source */
  const unsigned char *zMem;
  char *zName;             /* input name for messages; owned */
  unsigned char *aBuf;     /* input window (points into zMem for memory) */
  size_t iBuf, nBuf;
  int eof;
  int64_t nBase;           /* input offset of aBuf[0] */
  char cDelim;             /* 0 until detected */
  int line;                /* physical line at the read position */
  int recLine;             /* line where the current record starts */
  char *zText; size_t nText, nTextAlloc;   /* fields, NUL-separated */
  char *zRaw; size_t nRaw, nRawAlloc;      /* raw record text */
  size_t *aOff; size_t *aLen; const char **az;
  int nField, nFieldAlloc;
};

static int refill(CsvReader *p){
  if( p->eof ) return 0;
  if( !p->in ){ p->eof = 1; return 0; }
  p->nBase += (int64_t)p->nBuf;
  p->nBuf = fread(p->aBuf, 1, CSV_CHUNK, p->in);
  p->iBuf = 0;
  if( p->nBuf==0 ){
    p->eof = 1;
    if( ferror(p->in) ) return -1;
    return 0;
  }
  return 1;
}

/* Next byte (appended to the raw record) or -1 at end, -2 on read error. */
static inline int get_byte(CsvReader *p){
  if( p->iBuf >= p->nBuf ){
    int r = refill(p);
    if( r <= 0 ) return r < 0 ? -2 : -1;
  }
  unsigned char c = p->aBuf[p->iBuf++];
  if( p->nRaw + 1 >= p->nRawAlloc ){
    if( p->nRawAlloc >= CSV_MAX_RECORD ) return -3;
    p->nRawAlloc = p->nRawAlloc ? p->nRawAlloc*2 : 1024;
    p->zRaw = ecx_realloc(p->zRaw, p->nRawAlloc);
  }
  p->zRaw[p->nRaw++] = (char)c;
  return c;
}

static inline int peek_byte(CsvReader *p){
  if( p->iBuf >= p->nBuf && refill(p) <= 0 ) return -1;
  return p->aBuf[p->iBuf];
}

static inline int put_text(CsvReader *p, int c){
  if( p->nText + 1 >= p->nTextAlloc ){
    if( p->nTextAlloc >= CSV_MAX_RECORD ) return 1;
    p->nTextAlloc = p->nTextAlloc ? p->nTextAlloc*2 : 1024;
    p->zText = ecx_realloc(p->zText, p->nTextAlloc);
  }
  p->zText[p->nText++] = (char)c;
  return 0;
}

/* Count delimiters outside quotes on the first line in the buffer. */
static void detect_delim(CsvReader *p){
  int nComma = 0, nSemi = 0, inQ = 0;
  for(size_t i = p->iBuf; i < p->nBuf; i++){
    unsigned char c = p->aBuf[i];
    if( c=='"' ) inQ = !inQ;
    else if( !inQ && (c=='\n' || c=='\r') ) break;
    else if( !inQ && c==',' ) nComma++;
    else if( !inQ && c==';' ) nSemi++;
  }
  p->cDelim = nSemi > nComma ? ';' : ',';
}

static int start(CsvReader *p, const char *zName){
  p->zName = ecx_strdup(zName);
  p->line = 1;
  if( p->in && refill(p) < 0 ) return err_set(ECX_EIO, _("cannot read %s"), zName);
  if( p->nBuf >= 3 && memcmp(p->aBuf, "\xEF\xBB\xBF", 3)==0 ) p->iBuf = 3;
  detect_delim(p);
  return ECX_OK;
}

int csv_open(const char *zPath, CsvReader **pp){
  *pp = 0;
  FILE *in = fopen(zPath, "rb");
  if( !in ) return err_set(ECX_EIO, _("cannot open %s: %s"), zPath, strerror(errno));
  CsvReader *p = ecx_calloc(1, sizeof *p);
  p->in = in;
  p->aBuf = ecx_malloc(CSV_CHUNK);
  int rc = start(p, zPath);
  if( rc ){ csv_close(p); return rc; }
  *pp = p;
  return ECX_OK;
}

int csv_open_mem(const char *zName, const char *z, size_t n, CsvReader **pp){
  CsvReader *p = ecx_calloc(1, sizeof *p);
  p->zMem = (const unsigned char *)z;
  p->aBuf = (unsigned char *)z;
  p->nBuf = n;
  start(p, zName);
  *pp = p;
  return ECX_OK;
}

void csv_close(CsvReader *p){
  if( !p ) return;
  if( p->in ){ fclose(p->in); free(p->aBuf); }
  free(p->zName); free(p->zText); free(p->zRaw);
  free(p->aOff); free(p->aLen); free(p->az);
  free(p);
}

static int end_field(CsvReader *p, size_t off){
  if( p->nText - off > CSV_MAX_FIELD ){
    return err_set(ECX_ETOOBIG, _("%s:%d: field %d is longer than %u bytes"),
                   p->zName, p->recLine, p->nField + 1, CSV_MAX_FIELD);
  }
  if( put_text(p, 0) ) return -3;
  if( p->nField >= CSV_MAX_COLUMNS ){
    return err_set(ECX_EFORMAT, _("%s:%d: more than %d columns"),
                   p->zName, p->recLine, CSV_MAX_COLUMNS);
  }
  if( p->nField >= p->nFieldAlloc ){
    p->nFieldAlloc = p->nFieldAlloc ? p->nFieldAlloc*2 : 32;
    p->aOff = ecx_realloc(p->aOff, p->nFieldAlloc * sizeof *p->aOff);
    p->aLen = ecx_realloc(p->aLen, p->nFieldAlloc * sizeof *p->aLen);
    p->az = ecx_realloc(p->az, p->nFieldAlloc * sizeof *p->az);
  }
  p->aOff[p->nField] = off;
  p->aLen[p->nField] = p->nText - 1 - off;
  p->nField++;
  return ECX_OK;
}

/* Parse one record starting with byte c. */
static int parse_record(CsvReader *p, int c, int *pBlank){
  int quotedAny = 0;
  for(;;){
    size_t off = p->nText;
    if( c=='"' ){
      quotedAny = 1;
      for(;;){
        c = get_byte(p);
        if( c < 0 ){
          if( c==-3 ) goto toobig;
          return err_set(ECX_EFORMAT, _("%s:%d: quoted field never closed"), p->zName, p->recLine);
        }
        if( c=='"' ){
          if( peek_byte(p)!='"' ) break;
          get_byte(p);
        }else if( c=='\n' ){
          p->line++;
        }
        if( put_text(p, c) ) goto toobig;
        if( p->nText - off > CSV_MAX_FIELD ) return end_field(p, off);
      }
      c = get_byte(p);
    }
    /* Unquoted text (or stray text after a closing quote, kept as is). */
    while( c >= 0 && c!=p->cDelim && c!='\n' && c!='\r' ){
      if( put_text(p, c) ) goto toobig;
      if( p->nText - off > CSV_MAX_FIELD ) return end_field(p, off);
      c = get_byte(p);
    }
    if( c==-3 ) goto toobig;
    if( c==-2 ) return err_set(ECX_EIO, _("cannot read %s"), p->zName);
    int rc = end_field(p, off);
    if( rc==-3 ) goto toobig;
    if( rc ) return rc;
    if( c==p->cDelim ){ c = get_byte(p); continue; }
    if( c=='\r' && peek_byte(p)=='\n' ) get_byte(p);
    if( c=='\r' || c=='\n' ) p->line++;
    break;
  }
  *pBlank = p->nField==1 && p->aLen[0]==0 && !quotedAny;
  return ECX_OK;
toobig:
  return err_set(ECX_ETOOBIG, _("%s:%d: record is longer than %u bytes"),
                 p->zName, p->recLine, CSV_MAX_RECORD);
}

int csv_next(CsvReader *p, int *pHave){
  *pHave = 0;
  for(;;){
    p->nText = 0; p->nRaw = 0; p->nField = 0;
    p->recLine = p->line;
    int c = get_byte(p);
    if( c==-1 ) return ECX_OK;
    if( c==-2 ) return err_set(ECX_EIO, _("cannot read %s"), p->zName);
    int blank = 0;
    int rc = parse_record(p, c, &blank);
    if( rc ) return rc;
    if( blank ) continue;
    while( p->nRaw > 0 && (p->zRaw[p->nRaw-1]=='\n' || p->zRaw[p->nRaw-1]=='\r') ) p->nRaw--;
    for(int i = 0; i < p->nField; i++) p->az[i] = p->zText + p->aOff[i];
    *pHave = 1;
    return ECX_OK;
  }
}

int csv_nfield(const CsvReader *p){ return p->nField; }
const char *const *csv_fields(const CsvReader *p){ return p->az; }
const size_t *csv_lengths(const CsvReader *p){ return p->aLen; }
int csv_line(const CsvReader *p){ return p->recLine; }
const char *csv_raw(const CsvReader *p, size_t *pn){ *pn = p->nRaw; return p->zRaw ? p->zRaw : ""; }
int64_t csv_offset(const CsvReader *p){ return p->nBase + (int64_t)p->iBuf; }
char csv_delim(const CsvReader *p){ return p->cDelim; }

int csv_utf8_valid(const char *zIn, size_t n){
  const unsigned char *z = (const unsigned char *)zIn;
  size_t i = 0;
  while( i < n ){
    unsigned c = z[i];
    if( c < 0x80 ){ if( c==0 ) return 0; i++; continue; }
    int k; unsigned min, cp;
    if( c >= 0xC2 && c <= 0xDF ){ k = 1; min = 0x80; cp = c & 0x1F; }
    else if( c >= 0xE0 && c <= 0xEF ){ k = 2; min = 0x800; cp = c & 0x0F; }
    else if( c >= 0xF0 && c <= 0xF4 ){ k = 3; min = 0x10000; cp = c & 0x07; }
    else return 0;
    if( n - i <= (size_t)k ) return 0;
    for(int j = 1; j <= k; j++){
      unsigned d = z[i+j];
      if( (d & 0xC0)!=0x80 ) return 0;
      cp = (cp << 6) | (d & 0x3F);
    }
    if( cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ) return 0;
    i += (size_t)k + 1;
  }
  return 1;
}

uint64_t csv_fnv64(const char *z, size_t n){
  uint64_t h = 14695981039346656037ull;
  for(size_t i = 0; i < n; i++){
    h ^= (unsigned char)z[i];
    h *= 1099511628211ull;
  }
  return h;
}
