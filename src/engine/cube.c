/*
** The cube's columns and dictionaries, compiled filters, and the statistics
** of a histogram. Loading is in cube_load.c, queries in cube_scan.c.
*/
#include <stdlib.h>
#include <string.h>
#include "cube_int.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/i18n.h"

static void col_free(CubeCol *p){
  int i;
  for(i=0; i<=p->nValue; i++) free(p->azValue[i]);
  free(p->azValue);
  free(p->aKey);
  free(p->aCodeOfKey);
  free(p->aCode);
  free(p->zName);
}

void cube_free(Cube *pCube){
  int i;
  if( pCube==0 ) return;
  for(i=0; i<pCube->nCol; i++) col_free(&pCube->aCol[i]);
  free(pCube->aCol);
  for(i=0; i<pCube->nMet; i++){
    free(pCube->aMet[i].zName);
    if( (i&1)==0 ) free(pCube->aMet[i].aVal);   /* odd ones share it */
    free(pCube->aMet[i].aQuestion);
  }
  free(pCube->aMet);
  for(i=0; i<pCube->nSegment; i++){
    free(pCube->azSegment[i]);
    free(pCube->azSegmentFilter[i]);
  }
  free(pCube->azSegment);
  free(pCube->azSegmentFilter);
  free(pCube->aDay);
  free(pCube->aZoneLo);
  free(pCube->aZoneHi);
  free(pCube->zSignature);
  free(pCube);
}

int64_t cube_bytes(const Cube *pCube){
  int64_t n = pCube->nRow*(int64_t)sizeof(uint16_t);
  int i;
  for(i=0; i<pCube->nCol; i++) n += pCube->nRow*pCube->aCol[i].width;
  n += pCube->nRow*((pCube->nMet + 1)/2);
  return n;
}

void cube_zones_update(Cube *pCube, int64_t iFrom){
  int64_t nZone = (pCube->nRow + CUBE_ZONE - 1)/CUBE_ZONE, z;
  pCube->aZoneLo = ecx_realloc(pCube->aZoneLo, sizeof(uint16_t)*(size_t)(nZone + 1));
  pCube->aZoneHi = ecx_realloc(pCube->aZoneHi, sizeof(uint16_t)*(size_t)(nZone + 1));
  for(z=(iFrom>0 ? iFrom : 0)/CUBE_ZONE; z<nZone; z++){
    const uint16_t *a = pCube->aDay + z*CUBE_ZONE;
    int64_t n = pCube->nRow - z*CUBE_ZONE, i;
    uint16_t lo = 65535, hi = 0;
    if( n>CUBE_ZONE ) n = CUBE_ZONE;
    for(i=0; i<n; i++){
      lo = a[i]<lo ? a[i] : lo;
      hi = a[i]>hi ? a[i] : hi;
    }
    pCube->aZoneLo[z] = lo;
    pCube->aZoneHi[z] = hi;
  }
  pCube->nZone = nZone;
}

void cube_met_link(Cube *pCube){
  int i;
  for(i=0; i<pCube->nMet; i++){
    pCube->aMet[i].shift = (i&1) ? 4 : 0;
    if( i&1 ) pCube->aMet[i].aVal = pCube->aMet[i - 1].aVal;
  }
}

void cube_met_columns(Cube *pCube, int64_t n){
  int i;
  for(i=0; i<pCube->nMet; i+=2){
    pCube->aMet[i].aVal = ecx_realloc(pCube->aMet[i].aVal, (size_t)(n>0 ? n : 1));
  }
  cube_met_link(pCube);
}

int cube_col_find(const Cube *pCube, const char *zName){
  int i;
  for(i=0; i<pCube->nCol; i++){
    if( strcmp(pCube->aCol[i].zName, zName)==0 ) return i;
  }
  return -1;
}

int cube_met_find(const Cube *pCube, const char *zName){
  int i;
  for(i=0; i<pCube->nMet; i++){
    if( strcmp(pCube->aMet[i].zName, zName)==0 ) return i;
  }
  return -1;
}

/* Rewrite a column's codes from 1 to 2 bytes. */
static void col_widen(const Cube *pCube, CubeCol *p){
  uint16_t *a = ecx_malloc(sizeof(uint16_t)*(size_t)(pCube->nAlloc>0 ? pCube->nAlloc : 1));
  const uint8_t *aOld = p->aCode;
  int64_t i;
  for(i=0; i<pCube->nRow; i++) a[i] = aOld[i];
  free(p->aCode);
  p->aCode = a;
  p->width = 2;
}

int cube_col_add(Cube *pCube, CubeCol *p, const char *zLabel, int64_t key, unsigned *pCode){
  int code = p->nValue + 1;
  if( code>65535 ){
    return err_set(ECX_ETOOBIG, _("%s has more than 65535 distinct values"), p->zName);
  }
  if( code>255 && p->width==1 ) col_widen(pCube, p);
  p->azValue = ecx_realloc(p->azValue, sizeof(char*)*(size_t)(code + 1));
  p->aKey = ecx_realloc(p->aKey, sizeof(int64_t)*(size_t)(code + 1));
  p->azValue[code] = zLabel ? ecx_strdup(zLabel) : 0;
  p->aKey[code] = key;
  p->nValue = code;
  *pCode = (unsigned)code;
  return ECX_OK;
}

/* Code of the value labelled z in column p, or 0. */
static unsigned col_code_of_label(const CubeCol *p, const char *z){
  int i;
  for(i=1; i<=p->nValue; i++){
    if( p->azValue[i] && strcmp(p->azValue[i], z)==0 ) return (unsigned)i;
  }
  return 0;
}

static int unknown_value(const Cube *pCube, const CubeCol *p, const char *z){
  Buf b;
  int i, n = 0, rc;
  buf_init(&b, 4096);
  if( p->kind==CUBE_COL_SEGMENT ){
    for(i=0; i<pCube->nSegment && n<12; i++, n++) buf_printf(&b, "%s%s", n ? ", " : "", pCube->azSegment[i]);
  }else{
    for(i=1; i<=p->nValue && n<12; i++, n++) buf_printf(&b, "%s%s", n ? ", " : "", p->azValue[i]);
  }
  rc = err_set(ECX_EINVAL, _("%s has no value \"%s\" (values: %s)"), p->zName, z,
               n ? buf_str(&b) : _("none yet"));
  buf_free(&b);
  return rc;
}

static int unknown_key(const Cube *pCube, const char *z){
  Buf b;
  int i, rc;
  buf_init(&b, 4096);
  for(i=0; i<pCube->nCol; i++) buf_printf(&b, "%s%s", i ? ", " : "", pCube->aCol[i].zName);
  rc = err_set(ECX_EINVAL, _("unknown filter key \"%s\" (keys: %s)"), z, buf_str(&b));
  buf_free(&b);
  return rc;
}

/* Fill aOk (65536 entries) with the codes of column p that clause pC accepts. */
static int compile_clause(const Cube *pCube, const CubeCol *p, const FilterClause *pC,
                          int lenient, uint8_t *aOk){
  uint8_t *aHit = ecx_calloc(65536, 1);
  int j, rc = ECX_OK;
  unsigned c;
  for(j=0; j<pC->nValue; j++){
    if( p->kind==CUBE_COL_SEGMENT ){
      int s;
      for(s=0; s<pCube->nSegment && strcmp(pCube->azSegment[s], pC->azValue[j]); s++){}
      if( s==pCube->nSegment ){
        if( !lenient ){ rc = unknown_value(pCube, p, pC->azValue[j]); break; }
        continue;
      }
      for(c=1; c<=(unsigned)p->nValue; c++){
        if( p->aKey[c] & ((int64_t)1<<s) ) aHit[c] = 1;
      }
    }else{
      c = col_code_of_label(p, pC->azValue[j]);
      if( c==0 ){
        if( !lenient ){ rc = unknown_value(pCube, p, pC->azValue[j]); break; }
        continue;
      }
      aHit[c] = 1;
    }
  }
  for(c=0; c<65536; c++) aOk[c] = pC->negate ? !aHit[c] : aHit[c];
  free(aHit);
  return rc;
}

int cube_where_compile(const Cube *pCube, const Filter *pF, int lenient, CubeWhere *pW){
  int i, rc = ECX_OK;
  memset(pW, 0, sizeof *pW);
  for(i=0; i<pF->nClause && rc==ECX_OK; i++){
    const FilterClause *pC = &pF->aClause[i];
    int iCol = cube_col_find(pCube, pC->zKey);
    struct CubeWhereTerm *pT;
    if( iCol<0 ){ rc = unknown_key(pCube, pC->zKey); break; }
    pW->aTerm = ecx_realloc(pW->aTerm, sizeof(*pW->aTerm)*(size_t)(pW->nTerm + 1));
    pT = &pW->aTerm[pW->nTerm++];
    pT->iCol = iCol;
    pT->aOk = ecx_malloc(65536);
    rc = compile_clause(pCube, &pCube->aCol[iCol], pC, lenient, pT->aOk);
  }
  if( rc ) cube_where_free(pW);
  return rc;
}

void cube_where_free(CubeWhere *pW){
  int i;
  for(i=0; i<pW->nTerm; i++) free(pW->aTerm[i].aOk);
  free(pW->aTerm);
  memset(pW, 0, sizeof *pW);
}

void cube_where_eval(const Cube *pCube, const CubeWhere *pW, int64_t i0, int n, uint8_t *aOk){
  int t, i;
  if( pW==0 ) return;
  for(t=0; t<pW->nTerm; t++){
    const CubeCol *p = &pCube->aCol[pW->aTerm[t].iCol];
    const uint8_t *aAccept = pW->aTerm[t].aOk;
    if( p->width==1 ){
      const uint8_t *a = (const uint8_t*)p->aCode + i0;
      for(i=0; i<n; i++) aOk[i] &= aAccept[a[i]];
    }else{
      const uint16_t *a = (const uint16_t*)p->aCode + i0;
      for(i=0; i<n; i++) aOk[i] &= aAccept[a[i]];
    }
  }
}

void cube_hist_nps(const int64_t *aHist, StatsNps *p){
  int x;
  memset(p, 0, sizeof *p);
  for(x=0; x<=10; x++){
    p->n += aHist[x];
    if( x>=9 ) p->nPro += aHist[x];
    if( x<=6 ) p->nDet += aHist[x];
  }
}

void cube_hist_mean(const int64_t *aHist, StatsMean *p){
  int x;
  memset(p, 0, sizeof *p);
  for(x=0; x<CUBE_MISSING; x++){
    p->n += aHist[x];
    p->sum += aHist[x]*x;
    p->sumSq += aHist[x]*x*x;
  }
}

void cube_hist_share(const int64_t *aHist, int xMin, StatsProp *p){
  int x;
  memset(p, 0, sizeof *p);
  for(x=0; x<CUBE_MISSING; x++){
    p->n += aHist[x];
    if( x>=xMin ) p->nHit += aHist[x];
  }
}
