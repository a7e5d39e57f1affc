/*
** The cube cache: a loaded cube written next to its workspace (FILE.ecx.cube)
** so that the next process starts from it instead of reading every answer
** from SQLite again. It is derived data: deleting it loses nothing.
**
** The file holds a header (magic, version, the shape signature, row count,
** last response id, and a fingerprint of the responses table) followed by
** the dictionaries, segments, metrics and columns. It is used only when the
** signature matches and the workspace still has exactly those responses up
** to that id (new responses are then appended by cube_refresh); anything
** else rebuilds it. Every length read is checked against the file size.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cube_int.h"
#include "../base/err.h"

#define CACHE_MAGIC "ECXCUBE\x01"
int64_t cube_cache_min_rows = 200000;

typedef struct Reader { FILE *f; int64_t nLeft; int bad; } Reader;

static void w_bytes(FILE *f, const void *p, size_t n){ if( n ) fwrite(p, 1, n, f); }
static void w_i64(FILE *f, int64_t v){ w_bytes(f, &v, sizeof v); }
static void w_str(FILE *f, const char *z){
  int64_t n = z ? (int64_t)strlen(z) : -1;
  w_i64(f, n);
  if( n>0 ) w_bytes(f, z, (size_t)n);
}

static void r_bytes(Reader *r, void *p, int64_t n){
  if( r->bad || n<0 || n>r->nLeft || (n && fread(p, 1, (size_t)n, r->f)!=(size_t)n) ){
    r->bad = 1;
    if( n>0 ) memset(p, 0, (size_t)n);
    return;
  }
  r->nLeft -= n;
}
static int64_t r_i64(Reader *r){ int64_t v = 0; r_bytes(r, &v, sizeof v); return v; }
/* A string the caller frees, or NULL. */
static char *r_str(Reader *r){
  int64_t n = r_i64(r);
  char *z;
  if( n<0 || r->bad || n>r->nLeft ){ if( n!=-1 ) r->bad = 1; return 0; }
  z = ecx_malloc((size_t)n + 1);
  r_bytes(r, z, n);
  z[n] = 0;
  return z;
}
/* An array of n elements of size sz that the caller frees. */
static void *r_array(Reader *r, int64_t n, size_t sz){
  void *p;
  if( r->bad || n<0 || n>r->nLeft/(int64_t)(sz ? sz : 1) ){ r->bad = 1; return ecx_calloc(1, 1); }
  p = ecx_malloc((size_t)n*sz + 1);
  r_bytes(r, p, n*(int64_t)sz);
  return p;
}

/* What the responses table looks like up to the cube's last id. */
static int fingerprint(Db *pDb, int64_t maxId, int64_t a[4]){
  Stmt *pStmt = 0;
  int rc = db_prepare(pDb, &pStmt,
    "SELECT count(*), coalesce(min(id),0), (SELECT coalesce(ts,0) FROM response WHERE id=?1),"
    " (SELECT coalesce(ts,0) FROM response ORDER BY id LIMIT 1) FROM response WHERE id<=?1");
  if( rc==ECX_OK ) rc = db_bind_int(pStmt, 1, maxId);
  if( rc==ECX_OK && (rc = db_step(pStmt))==DB_ROW ){
    int i;
    for(i=0; i<4; i++) a[i] = db_column_int(pStmt, i);
    rc = ECX_OK;
  }
  db_finalize(pStmt);
  return rc;
}

static char *cache_path(Db *pDb){
  size_t n = strlen(db_filename(pDb)) + 8;
  char *z = ecx_malloc(n);
  snprintf(z, n, "%s.cube", db_filename(pDb));
  return z;
}

int cube_cache_write(const Cube *pC, Db *pDb){
  char *zPath, *zTmp;
  int64_t fp[4];
  FILE *f;
  int i, k, ok;
  size_t n;
  if( pC->nRow<cube_cache_min_rows || getenv("ECX_NO_CUBE_CACHE") ) return ECX_OK;
  if( fingerprint(pDb, pC->maxResponseId, fp) ) return ECX_OK;
  zPath = cache_path(pDb);
  n = strlen(zPath) + 8;
  zTmp = ecx_malloc(n);
  snprintf(zTmp, n, "%s.tmp", zPath);
  f = fopen(zTmp, "wb");
  if( f==0 ){ free(zPath); free(zTmp); return ECX_OK; }   /* read-only place: no cache */
  w_bytes(f, CACHE_MAGIC, 8);
  w_str(f, pC->zSignature);
  for(i=0; i<4; i++) w_i64(f, fp[i]);
  w_i64(f, pC->nRow); w_i64(f, pC->maxResponseId); w_i64(f, pC->nRowOurs);
  w_i64(f, pC->dayMin); w_i64(f, pC->dayMax);
  w_i64(f, pC->nCol); w_i64(f, pC->nMet); w_i64(f, pC->nSegment);
  for(i=0; i<pC->nSegment; i++){ w_str(f, pC->azSegment[i]); w_str(f, pC->azSegmentFilter[i]); }
  for(i=0; i<pC->nCol; i++){
    const CubeCol *p = &pC->aCol[i];
    w_str(f, p->zName); w_i64(f, p->kind); w_i64(f, p->width); w_i64(f, p->nValue);
    for(k=1; k<=p->nValue; k++) w_str(f, p->azValue[k]);
    w_bytes(f, p->aKey, sizeof(int64_t)*(size_t)(p->nValue + 1));
    w_i64(f, p->nCodeOfKey);
    w_bytes(f, p->aCodeOfKey, sizeof(unsigned)*(size_t)p->nCodeOfKey);
    w_bytes(f, p->aCode, (size_t)(pC->nRow*p->width));
  }
  for(i=0; i<pC->nMet; i++){
    const CubeMetric *p = &pC->aMet[i];
    w_str(f, p->zName); w_i64(f, p->kind); w_i64(f, p->scaleMin); w_i64(f, p->scaleMax);
    w_i64(f, p->nQuestion);
    w_bytes(f, p->aQuestion, sizeof(int64_t)*(size_t)p->nQuestion);
    w_bytes(f, p->aVal, (size_t)pC->nRow);
  }
  w_bytes(f, pC->aDay, sizeof(uint16_t)*(size_t)pC->nRow);
  ok = !ferror(f);
  ok = (fclose(f)==0) && ok;
  if( ok ) ok = rename(zTmp, zPath)==0;
  if( !ok ) unlink(zTmp);
  free(zPath);
  free(zTmp);
  return ECX_OK;
}

/* Read the columns and dictionaries into pC (a zeroed cube). */
static void read_body(Reader *r, Cube *pC){
  int i, k;
  pC->nRow = r_i64(r); pC->maxResponseId = r_i64(r); pC->nRowOurs = r_i64(r);
  pC->dayMin = r_i64(r); pC->dayMax = r_i64(r);
  pC->nAlloc = pC->nRow;
  int64_t nCol = r_i64(r), nMet = r_i64(r), nSeg = r_i64(r);
  if( r->bad || pC->nRow<0 || nCol<0 || nCol>4096 || nMet<0 || nMet>4096 || nSeg<0 || nSeg>CUBE_MAX_SEGMENT ){
    r->bad = 1;
    return;
  }
  pC->azSegment = ecx_calloc((size_t)nSeg + 1, sizeof(char*));
  pC->azSegmentFilter = ecx_calloc((size_t)nSeg + 1, sizeof(char*));
  for(i=0; i<nSeg && !r->bad; i++){
    pC->nSegment = i + 1;
    pC->azSegment[i] = r_str(r);
    pC->azSegmentFilter[i] = r_str(r);
    if( !pC->azSegment[i] || !pC->azSegmentFilter[i] ) r->bad = 1;
  }
  pC->aCol = ecx_calloc((size_t)nCol + 1, sizeof(CubeCol));
  for(i=0; i<nCol && !r->bad; i++){
    CubeCol *p = &pC->aCol[i];
    pC->nCol = i + 1;
    p->zName = r_str(r); p->kind = (CubeColKind)r_i64(r); p->width = (int)r_i64(r);
    p->nValue = 0;
    int64_t nValue = r_i64(r);
    if( !p->zName || (p->width!=1 && p->width!=2) || nValue<0 || nValue>65535 ){
      p->azValue = ecx_calloc(1, sizeof(char*));
      r->bad = 1;
      break;
    }
    p->azValue = ecx_calloc((size_t)nValue + 1, sizeof(char*));
    for(k=1; k<=nValue; k++) p->azValue[k] = r_str(r);
    p->nValue = (int)nValue;
    p->aKey = r_array(r, nValue + 1, sizeof(int64_t));
    p->nCodeOfKey = r_i64(r);
    p->aCodeOfKey = r_array(r, p->nCodeOfKey, sizeof(unsigned));
    p->aCode = r_array(r, pC->nRow, (size_t)p->width);
  }
  pC->aMet = ecx_calloc((size_t)nMet + 1, sizeof(CubeMetric));
  for(i=0; i<nMet && !r->bad; i++){
    CubeMetric *p = &pC->aMet[i];
    pC->nMet = i + 1;
    p->zName = r_str(r); p->kind = (CubeMetKind)r_i64(r);
    p->scaleMin = (int)r_i64(r); p->scaleMax = (int)r_i64(r);
    p->nQuestion = (int)r_i64(r);
    p->aQuestion = r_array(r, p->nQuestion, sizeof(int64_t));
    p->aVal = r_array(r, pC->nRow, 1);
    if( !p->zName ) r->bad = 1;
  }
  pC->aDay = r_array(r, pC->nRow, sizeof(uint16_t));
  if( r->nLeft!=0 ) r->bad = 1;
}

int cube_cache_read(Db *pDb, const char *zSignature, Cube **ppCube){
  char *zPath = cache_path(pDb), magic[8], *zSig = 0;
  FILE *f = fopen(zPath, "rb");
  Reader r = {f, 0, 0};
  Cube *pC;
  int64_t fp[4], fpNow[4];
  int i;
  *ppCube = 0;
  free(zPath);
  if( f==0 || getenv("ECX_NO_CUBE_CACHE") ){ if( f ) fclose(f); return ECX_ENOTFOUND; }
  fseek(f, 0, SEEK_END);
  r.nLeft = ftell(f);
  fseek(f, 0, SEEK_SET);
  r_bytes(&r, magic, 8);
  zSig = r_str(&r);
  for(i=0; i<4; i++) fp[i] = r_i64(&r);
  pC = ecx_calloc(1, sizeof(Cube));
  if( r.bad || memcmp(magic, CACHE_MAGIC, 8)!=0 || zSig==0 || strcmp(zSig, zSignature)!=0 ){
    r.bad = 1;
  }else{
    read_body(&r, pC);
  }
  fclose(f);
  if( !r.bad && (fingerprint(pDb, pC->maxResponseId, fpNow) || memcmp(fp, fpNow, sizeof fp)!=0
                 || fp[0]!=pC->nRow) ){
    r.bad = 1;
  }
  if( r.bad ){
    free(zSig);
    cube_free(pC);
    return ECX_ENOTFOUND;
  }
  pC->zSignature = zSig;
  *ppCube = pC;
  return ECX_OK;
}
