/*
** The cube cache: a loaded cube written next to its workspace (FILE.ecx.cube)
** so that the next process starts from it instead of reading every answer
** from SQLite again. It is derived data: deleting it loses nothing.
**
** The file holds a 16-byte header (magic with the format version, then the
** size of the metadata block), the metadata block (the shape signature, a
** fingerprint of the responses table, row count, last response id, the
** dictionaries, segments and metrics), then the row columns back to back,
** exactly as they are in memory, so that each is one read straight into
** its place, with no work per row. It is used only when the signature
** matches and the workspace still has exactly those responses up to that id
** (new responses are then appended by cube_refresh); anything else rebuilds
** it. Every length is checked against the file size: the metadata must
** fill its block exactly and the columns the rest of the file.
*/
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cube_int.h"
#include "../base/err.h"

#define CACHE_MAGIC "ECXCUBE\x02"
#define HEADER_BYTES 16          /* the magic, then the metadata's size */
int64_t cube_cache_min_rows = 200000;

/* Parsing the metadata block, in memory: every read is bounds-checked and
** a short one marks the reader bad (and yields zeros). */
typedef struct Reader { const uint8_t *p; int64_t nLeft; int bad; } Reader;

static void w_bytes(FILE *f, const void *p, size_t n){ if( n ) fwrite(p, 1, n, f); }
static void w_i64(FILE *f, int64_t v){ w_bytes(f, &v, sizeof v); }
static void w_str(FILE *f, const char *z){
  int64_t n = z ? (int64_t)strlen(z) : -1;
  w_i64(f, n);
  if( n>0 ) w_bytes(f, z, (size_t)n);
}

static void r_bytes(Reader *r, void *p, int64_t n){
  if( r->bad || n<0 || n>r->nLeft ){
    r->bad = 1;
    if( n>0 ) memset(p, 0, (size_t)n);
    return;
  }
  if( n ) memcpy(p, r->p, (size_t)n);
  r->p += n;
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

/* Read n bytes at offset off of fd into p, in as few read calls as the
** kernel allows; 0 on success. */
static int read_at(int fd, void *p, int64_t n, int64_t off){
  uint8_t *q = p;
  while( n>0 ){
    ssize_t k = pread(fd, q, (size_t)(n>(1<<30) ? (1<<30) : n), (off_t)off);
    if( k<0 && errno==EINTR ) continue;
    if( k<=0 ) return -1;
    q += k; n -= k; off += k;
  }
  return 0;
}

/* What the responses table looks like up to the cube's last id: how many
** (cube_count_upto), the first id, the last one's and the first one's ts. */
static int fingerprint(Db *pDb, int64_t maxId, int64_t a[4]){
  Stmt *pStmt = 0;
  int rc = cube_count_upto(pDb, maxId, &a[0]);
  if( rc==ECX_OK ) rc = db_prepare(pDb, &pStmt,
    "SELECT (SELECT coalesce(min(id),0) FROM response WHERE id<=?1),"
    " (SELECT coalesce(ts,0) FROM response WHERE id=?1),"
    " (SELECT coalesce(ts,0) FROM response ORDER BY id LIMIT 1)");
  if( rc==ECX_OK ) rc = db_bind_int(pStmt, 1, maxId);
  if( rc==ECX_OK && (rc = db_step(pStmt))==DB_ROW ){
    int i;
    for(i=0; i<3; i++) a[1 + i] = db_column_int(pStmt, i);
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

/* The row columns in file order, with their sizes: each column's codes,
** each even metric's byte column (it holds the odd one's nibbles too), the
** days. At most 2 + nCol + nMet entries. */
static int row_columns(Cube *pC, void ***apSlot, int64_t *aSize){
  int i, n = 0;
  for(i=0; i<pC->nCol; i++){
    apSlot[n] = &pC->aCol[i].aCode;
    aSize[n++] = pC->nRow*pC->aCol[i].width;
  }
  for(i=0; i<pC->nMet; i+=2){
    apSlot[n] = (void**)&pC->aMet[i].aVal;
    aSize[n++] = pC->nRow;
  }
  apSlot[n] = (void**)&pC->aDay;
  aSize[n++] = pC->nRow*(int64_t)sizeof(uint16_t);
  return n;
}

int cube_cache_write(const Cube *pC, Db *pDb){
  char *zPath, *zTmp;
  int64_t fp[4], nMeta, *aSize;
  void ***apSlot;
  FILE *f;
  int i, k, ok, nSlot;
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
  w_i64(f, 0);                                            /* nMeta, filled in below */
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
  }
  for(i=0; i<pC->nMet; i++){
    const CubeMetric *p = &pC->aMet[i];
    w_str(f, p->zName); w_i64(f, p->kind); w_i64(f, p->scaleMin); w_i64(f, p->scaleMax);
    w_i64(f, p->nQuestion);
    w_bytes(f, p->aQuestion, sizeof(int64_t)*(size_t)p->nQuestion);
  }
  nMeta = (int64_t)ftell(f) - HEADER_BYTES;
  apSlot = ecx_malloc(sizeof(void**)*(size_t)(pC->nCol + pC->nMet + 2));
  aSize = ecx_malloc(sizeof(int64_t)*(size_t)(pC->nCol + pC->nMet + 2));
  nSlot = row_columns((Cube*)pC, apSlot, aSize);   /* only read through here */
  for(i=0; i<nSlot; i++) w_bytes(f, *apSlot[i], (size_t)aSize[i]);
  free(apSlot);
  free(aSize);
  ok = !ferror(f) && nMeta>0 && fseek(f, 8, SEEK_SET)==0;
  if( ok ) w_i64(f, nMeta);
  ok = ok && !ferror(f);
  ok = (fclose(f)==0) && ok;
  if( ok ) ok = rename(zTmp, zPath)==0;
  if( !ok ) unlink(zTmp);
  free(zPath);
  free(zTmp);
  return ECX_OK;
}

/* Read the dictionaries, segments and metrics into pC (a zeroed cube). */
static void read_meta(Reader *r, Cube *pC){
  int i, k;
  pC->nRow = r_i64(r); pC->maxResponseId = r_i64(r); pC->nRowOurs = r_i64(r);
  pC->dayMin = r_i64(r); pC->dayMax = r_i64(r);
  pC->nAlloc = pC->nRow;
  int64_t nCol = r_i64(r), nMet = r_i64(r), nSeg = r_i64(r);
  if( r->bad || pC->nRow<0 || nCol<CUBE_COL_SEGMENT + 1 || nCol>4096 || nMet<0 || nMet>4096
      || nSeg<0 || nSeg>CUBE_MAX_SEGMENT ){
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
    if( !p->zName || (p->width!=1 && p->width!=2) || nValue<0 || nValue>65535
        || (p->width==1 && nValue>255) ){
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
  }
  pC->aMet = ecx_calloc((size_t)nMet + 1, sizeof(CubeMetric));
  for(i=0; i<nMet && !r->bad; i++){
    CubeMetric *p = &pC->aMet[i];
    pC->nMet = i + 1;
    p->zName = r_str(r); p->kind = (CubeMetKind)r_i64(r);
    p->scaleMin = (int)r_i64(r); p->scaleMax = (int)r_i64(r);
    p->nQuestion = (int)r_i64(r);
    p->aQuestion = r_array(r, p->nQuestion, sizeof(int64_t));
    if( !p->zName ) r->bad = 1;
  }
  if( r->nLeft!=0 ) r->bad = 1;
}

/* Whether the values of a column stay within what the dictionaries and
** the day range allow (a scan indexes tables by them): one pass that the
** compiler vectorizes, a few milliseconds per 10 million rows. */
static int codes_ok(const CubeCol *p, int64_t n){
  int64_t i;
  unsigned mx = 0;
  if( p->width==1 ){
    const uint8_t *a = p->aCode;
    uint8_t m = 0;
    for(i=0; i<n; i++) m = a[i]>m ? a[i] : m;
    mx = m;
  }else{
    const uint16_t *a = p->aCode;
    uint16_t m = 0;
    for(i=0; i<n; i++) m = a[i]>m ? a[i] : m;
    mx = m;
  }
  return mx<=(unsigned)p->nValue;
}
/* The days, through their zones (computed here). */
static int days_ok(Cube *pC){
  int64_t z;
  cube_zones_update(pC, 0);
  if( pC->nRow==0 ) return 1;
  if( pC->dayMin<0 || pC->dayMax>65535 || pC->dayMin>pC->dayMax ) return 0;
  for(z=0; z<pC->nZone; z++){
    if( pC->aZoneLo[z]<pC->dayMin || pC->aZoneHi[z]>pC->dayMax ) return 0;
  }
  return 1;
}

/* Read the row columns, stored from offset off, into pC: one read each,
** straight into the column's memory. The file must end exactly after
** them, and codes and days must be in range. 0 on success. */
static int read_rows(int fd, int64_t off, int64_t fileSize, Cube *pC){
  int n = pC->nCol + pC->nMet + 2, nSlot, i, bad = 0;
  void ***apSlot = ecx_malloc(sizeof(void**)*(size_t)n);
  int64_t *aSize = ecx_malloc(sizeof(int64_t)*(size_t)n), total = 0;
  if( pC->nRow>fileSize ) bad = 1;   /* also keeps the sizes below from overflowing */
  nSlot = bad ? 0 : row_columns(pC, apSlot, aSize);
  for(i=0; i<nSlot; i++) total += aSize[i];
  if( off + total!=fileSize ) bad = 1;
  for(i=0; i<nSlot && !bad; i++){
    *apSlot[i] = ecx_malloc((size_t)(aSize[i]>0 ? aSize[i] : 1));
    if( read_at(fd, *apSlot[i], aSize[i], off) ) bad = 1;
    off += aSize[i];
  }
  cube_met_link(pC);
  for(i=0; i<pC->nCol && !bad; i++) bad = !codes_ok(&pC->aCol[i], pC->nRow);
  if( !bad ) bad = !days_ok(pC);
  free(apSlot);
  free(aSize);
  return bad;
}

int cube_cache_read(Db *pDb, const char *zSignature, Cube **ppCube){
  char *zPath = cache_path(pDb), *zSig = 0;
  uint8_t head[HEADER_BYTES], *aMeta = 0;
  int fd = open(zPath, O_RDONLY | O_CLOEXEC);
  struct stat st;
  Reader r = {0, 0, 0};
  Cube *pC = 0;
  int64_t fp[4], fpNow[4], nMeta = 0, fileSize;
  int i, bad = 0;
  *ppCube = 0;
  free(zPath);
  if( fd<0 || getenv("ECX_NO_CUBE_CACHE") ){ if( fd>=0 ) close(fd); return ECX_ENOTFOUND; }
  fileSize = fstat(fd, &st)==0 ? (int64_t)st.st_size : -1;
  if( fileSize<HEADER_BYTES || read_at(fd, head, HEADER_BYTES, 0) || memcmp(head, CACHE_MAGIC, 8)!=0 ){
    bad = 1;
  }else{
    memcpy(&nMeta, head + 8, sizeof nMeta);
    if( nMeta<=0 || nMeta>fileSize - HEADER_BYTES ) bad = 1;
  }
  if( !bad ){
    aMeta = ecx_malloc((size_t)nMeta);
    bad = read_at(fd, aMeta, nMeta, HEADER_BYTES);
    r.p = aMeta; r.nLeft = bad ? 0 : nMeta;
    zSig = r_str(&r);
    for(i=0; i<4; i++) fp[i] = r_i64(&r);
    if( r.bad || zSig==0 || strcmp(zSig, zSignature)!=0 ) bad = 1;
  }
  if( !bad ){
    pC = ecx_calloc(1, sizeof(Cube));
    read_meta(&r, pC);
    bad = r.bad || read_rows(fd, HEADER_BYTES + nMeta, fileSize, pC);
  }
  free(aMeta);
  close(fd);
  if( !bad && (fingerprint(pDb, pC->maxResponseId, fpNow) || memcmp(fp, fpNow, sizeof fp)!=0
               || fp[0]!=pC->nRow) ){
    bad = 1;
  }
  if( bad ){
    free(zSig);
    cube_free(pC);
    return ECX_ENOTFOUND;
  }
  pC->zSignature = zSig;
  *ppCube = pC;
  return ECX_OK;
}
