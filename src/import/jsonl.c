/*
** JSON lines input: one JSON object per line; the first object's keys name
** the columns and later objects give values by key (missing keys are empty;
** a key the first line did not have is an error for that record). Values:
** strings as they are, numbers in decimal, true/false as 1/0, null as
** empty, arrays of scalars joined with ';' (for multiple choice).
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "format.h"
#include "csv.h"
#include "../base/err.h"
#include "../base/i18n.h"

struct JsonlReader {
  FILE *in;
  char *zName;
  char *zLine; size_t nLineAlloc;   /* getline buffer, reused */
  int line;                         /* physical line of the last line read */
  int64_t nOffset;
  int nCol;
  char **azCol;                     /* column names; owned */
  json_t *pPending;                 /* first object, not yet returned */
  int pendingLine;
  char *zText; size_t nText, nTextAlloc;   /* field texts, NUL-separated */
  size_t *aOff, *aLen;
  const char **az;
  char zErr[300];
};

static void put_text(JsonlReader *p, const char *z, size_t n){
  if( p->nText + n + 1 > p->nTextAlloc ){
    while( p->nText + n + 1 > p->nTextAlloc ) p->nTextAlloc = p->nTextAlloc ? 2*p->nTextAlloc : 1024;
    p->zText = ecx_realloc(p->zText, p->nTextAlloc);
  }
  memcpy(p->zText + p->nText, z, n);
  p->nText += n;
  p->zText[p->nText] = 0;
}

/* Append the text form of a scalar; 0 if v is not a scalar. */
static int put_scalar(JsonlReader *p, json_t *v){
  char a[64];
  switch( json_typeof(v) ){
    case JSON_STRING: put_text(p, json_string_value(v), json_string_length(v)); return 1;
    case JSON_INTEGER: snprintf(a, sizeof a, "%lld", (long long)json_integer_value(v)); break;
    case JSON_REAL: snprintf(a, sizeof a, "%.17g", json_real_value(v)); break;
    case JSON_TRUE: a[0] = '1'; a[1] = 0; break;
    case JSON_FALSE: a[0] = '0'; a[1] = 0; break;
    case JSON_NULL: a[0] = 0; break;
    default: return 0;
  }
  put_text(p, a, strlen(a));
  return 1;
}

/* Read the next non-blank line; 0 at the end, -1 on error (err set). */
static int read_line(JsonlReader *p, size_t *pn){
  for(;;){
    errno = 0;
    ssize_t n = getline(&p->zLine, &p->nLineAlloc, p->in);
    if( n < 0 ){
      if( ferror(p->in) ){ err_set(ECX_EIO, _("cannot read %s"), p->zName); return -1; }
      return 0;
    }
    p->line++;
    p->nOffset += n;
    if( (size_t)n > CSV_MAX_RECORD ){
      err_set(ECX_ETOOBIG, _("%s:%d: line is longer than %u bytes"), p->zName, p->line, CSV_MAX_RECORD);
      return -1;
    }
    while( n > 0 && (p->zLine[n-1]=='\n' || p->zLine[n-1]=='\r') ) n--;
    p->zLine[n] = 0;
    size_t i = 0;
    while( i < (size_t)n && (p->zLine[i]==' ' || p->zLine[i]=='\t') ) i++;
    if( i==(size_t)n ) continue;
    *pn = (size_t)n;
    return 1;
  }
}

int jsonl_open(const char *zPath, JsonlReader **pp){
  *pp = 0;
  FILE *in = fopen(zPath, "rb");
  if( !in ) return err_set(ECX_EIO, _("cannot open %s: %s"), zPath, strerror(errno));
  JsonlReader *p = ecx_calloc(1, sizeof *p);
  p->in = in;
  p->zName = ecx_strdup(zPath);
  size_t n = 0;
  int r = read_line(p, &n);
  if( r < 0 ){ jsonl_close(p); return ECX_ETOOBIG; }
  if( r==0 ){ jsonl_close(p); return err_set(ECX_EFORMAT, _("%s: the file is empty"), zPath); }
  json_error_t e;
  const char *z = p->zLine;
  if( n >= 3 && memcmp(z, "\xEF\xBB\xBF", 3)==0 ){ z += 3; n -= 3; }
  json_t *pObj = json_loadb(z, n, 0, &e);
  if( !pObj || !json_is_object(pObj) ){
    int line = p->line;
    json_decref(pObj);
    jsonl_close(p);
    return err_set(ECX_EFORMAT, _("%s:%d: the first line must be a JSON object (%s)"),
                   zPath, line, pObj ? "not an object" : e.text);
  }
  p->nCol = (int)json_object_size(pObj);
  p->azCol = ecx_calloc((size_t)p->nCol + 1, sizeof *p->azCol);
  p->aOff = ecx_calloc((size_t)p->nCol + 1, sizeof *p->aOff);
  p->aLen = ecx_calloc((size_t)p->nCol + 1, sizeof *p->aLen);
  p->az = ecx_calloc((size_t)p->nCol + 1, sizeof *p->az);
  const char *zKey; json_t *v; int i = 0;
  json_object_foreach(pObj, zKey, v){ p->azCol[i++] = ecx_strdup(zKey); }
  p->pPending = pObj;
  p->pendingLine = p->line;
  *pp = p;
  return ECX_OK;
}

void jsonl_close(JsonlReader *p){
  if( !p ) return;
  if( p->in ) fclose(p->in);
  json_decref(p->pPending);
  for(int i = 0; i < p->nCol; i++) free(p->azCol[i]);
  free(p->azCol); free(p->zName); free(p->zLine); free(p->zText);
  free(p->aOff); free(p->aLen); free(p->az);
  free(p);
}

/* Fill the record's fields from an object. */
static void fill(JsonlReader *p, json_t *pObj, ImpRecord *pRec){
  int nFound = 0;
  p->nText = 0;
  for(int i = 0; i < p->nCol; i++){
    p->aOff[i] = p->nText;
    json_t *v = json_object_get(pObj, p->azCol[i]);
    if( v ){
      nFound++;
      if( json_is_array(v) ){
        size_t k; json_t *e;
        json_array_foreach(v, k, e){
          if( k > 0 ) put_text(p, ";", 1);
          if( !put_scalar(p, e) && !pRec->zError ){
            snprintf(p->zErr, sizeof p->zErr, "%s", _("nested JSON values are not supported"));
            pRec->zError = p->zErr; pRec->iErrCol = i;
          }
        }
      }else if( !put_scalar(p, v) && !pRec->zError ){
        snprintf(p->zErr, sizeof p->zErr, "%s", _("nested JSON values are not supported"));
        pRec->zError = p->zErr; pRec->iErrCol = i;
      }
    }
    put_text(p, "", 0);
    p->nText++;
    p->aLen[i] = p->nText - 1 - p->aOff[i];
  }
  for(int i = 0; i < p->nCol; i++) p->az[i] = p->zText + p->aOff[i];
  if( nFound < (int)json_object_size(pObj) && !pRec->zError ){
    const char *zKey; json_t *v;
    json_object_foreach(pObj, zKey, v){
      int known = 0;
      for(int i = 0; i < p->nCol && !known; i++) known = strcmp(p->azCol[i], zKey)==0;
      if( !known ){
        snprintf(p->zErr, sizeof p->zErr, _("key \"%.200s\" is not in the first line"), zKey);
        pRec->zError = p->zErr; pRec->iErrCol = -1;
        break;
      }
    }
  }
}

int jsonl_next(JsonlReader *p, ImpRecord *pRec, int *pHave){
  memset(pRec, 0, sizeof *pRec);
  pRec->iErrCol = -1;
  *pHave = 0;
  json_t *pObj = p->pPending;
  size_t n = strlen(p->zLine);
  if( pObj ){
    p->pPending = 0;
    pRec->line = p->pendingLine;
  }else{
    int r = read_line(p, &n);
    if( r < 0 ) return ECX_ETOOBIG;
    if( r==0 ) return ECX_OK;
    pRec->line = p->line;
    json_error_t e;
    pObj = json_loadb(p->zLine, n, 0, &e);
    if( !pObj || !json_is_object(pObj) ){
      snprintf(p->zErr, sizeof p->zErr, _("not a JSON object: %s"), pObj ? "" : e.text);
      pRec->zError = p->zErr;
    }
  }
  if( pObj && json_is_object(pObj) ){
    fill(p, pObj, pRec);
  }else{
    p->nText = 0;
    for(int i = 0; i < p->nCol; i++){ p->az[i] = ""; p->aLen[i] = 0; }
  }
  json_decref(pObj);
  pRec->nField = p->nCol;
  pRec->azField = p->az;
  pRec->anLen = p->aLen;
  pRec->zRaw = p->zLine;
  pRec->nRaw = n;
  *pHave = 1;
  return ECX_OK;
}

int64_t jsonl_offset(JsonlReader *p){ return p->nOffset; }
const char *const *jsonl_columns(JsonlReader *p, int *pnCol){
  *pnCol = p->nCol;
  return (const char *const *)p->azCol;
}
