/*
** Queries over the cube: one pass over the needed columns, in chunks that
** stay in cache, on several threads each filling its own histograms, which
** are then added together.
**
** A chunk is processed column by column: first the accept mask (date range,
** benchmark rows, filter terms), then the group slot of every row (codes
** times strides, rejected rows sent to a trash slot), then one increment
** per row and rating byte (two metrics) into the slot's joint histogram of
** that byte (PairLayout). No branch depends on the data. The loops over a
** chunk are written to be vectorized (the Makefile builds this file with
** the compiler's full vectorizer). After the threads' counts are added,
** the joint counts are summed into 16-bin histograms per metric.
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cube_int.h"
#include "../base/err.h"
#include "../base/i18n.h"

#define CHUNK CUBE_ZONE   /* a chunk is a zone of the day column */
#define MAX_CELLS (64ll*1024*1024)   /* counters per thread */

/* How a rating byte (two metrics, cube.h) is counted: per slot, each byte
** column has one joint histogram of its two metrics, with a counter per
** pair of bins (a metric's bins are its scale's values, then unanswered),
** so that a row costs one increment per byte, not per metric. The joint
** counts are summed into the usual 16-bin histograms after the scan. */
typedef struct PairLayout {
  int iMet;          /* metric of the low nibble; iMet+1 the high one's, if any */
  int off, kLo, kHi; /* first counter within a slot; bins of each metric */
} PairLayout;

typedef struct Plan {
  const Cube *pCube;
  const CubeQuery *pQ;
  int64_t aCard[CUBE_MAX_BY];     /* codes per grouping (0 = none included) */
  uint32_t aStride[CUBE_MAX_BY];
  int64_t aPkMin[CUBE_MAX_BY];    /* first period key, for period groupings */
  uint16_t *aPeriodOf[CUBE_MAX_BY]; /* day - dayMin -> period code */
  int64_t nSlot;                  /* slots; slot nSlot is the trash */
  int64_t dayLo, dayHi;           /* accepted days (clamped to the data) */
  int iSegBy;                     /* grouping by segment, or -1 */
  int nPair;                      /* rating bytes: (nMet+1)/2 */
  PairLayout *aPair;
  uint16_t *aTab;                 /* nPair*256: byte -> counter within a slot */
  int nCell;                      /* counters per slot */
  uint32_t cellMul;               /* nCell, or 1 without metrics: aStride's factor */
} Plan;

typedef struct Part {
  const Plan *pPlan;
  int64_t i0, i1;
  uint32_t *aRows;   /* nSlot+1 */
  uint32_t *aHist;   /* (nSlot+1)*nCell joint counts; after the merge (in
                     ** aPart[0]), (nSlot+1)*nMet*CUBE_HIST histograms */
} Part;

static void scan_chunk(const Plan *pP, Part *pPart, int64_t i0, int n){
  const Cube *pC = pP->pCube;
  const CubeQuery *pQ = pP->pQ;
  uint32_t aKey[CHUNK];
  uint8_t aOk[CHUNK];
  const uint16_t *aDay = pC->aDay + i0;
  uint32_t trash = (uint32_t)pP->nSlot*pP->cellMul;
  int64_t z = i0/CUBE_ZONE;
  uint16_t dLo = 65535, dHi = 0;   /* the chunk's days */
  int i, k, p;
  if( z<pC->nZone && i0%CUBE_ZONE==0 ){
    dLo = pC->aZoneLo[z];
    dHi = pC->aZoneHi[z];
  }else{
    for(i=0; i<n; i++){
      dLo = aDay[i]<dLo ? aDay[i] : dLo;
      dHi = aDay[i]>dHi ? aDay[i] : dHi;
    }
  }
  if( dHi<pP->dayLo || dLo>pP->dayHi ) return;   /* every row rejected: nothing to count */
  memset(aKey, 0, sizeof(uint32_t)*(size_t)n);
  memset(aOk, 1, (size_t)n);
  if( dLo<pP->dayLo || dHi>pP->dayHi ){
    uint16_t lo = (uint16_t)pP->dayLo, hi = (uint16_t)pP->dayHi;
    for(i=0; i<n; i++) aOk[i] &= (aDay[i]>=lo) & (aDay[i]<=hi);
  }
  if( !pQ->withBenchmark ){
    const CubeCol *pComp = &pC->aCol[CUBE_COL_COMPETITOR];
    if( pComp->width==1 ){
      const uint8_t *a = (const uint8_t*)pComp->aCode + i0;
      for(i=0; i<n; i++) aOk[i] &= a[i]==0;
    }else{
      const uint16_t *a = (const uint16_t*)pComp->aCode + i0;
      for(i=0; i<n; i++) aOk[i] &= a[i]==0;
    }
  }
  cube_where_eval(pC, pQ->pWhere, i0, n, aOk);
  for(k=0; k<pQ->nBy; k++){
    uint32_t stride = pP->aStride[k];
    if( pQ->aBy[k].iCol<0 ){
      const uint16_t *aPer = pP->aPeriodOf[k];
      int64_t dMin = pC->dayMin;
      if( aPer[dLo - dMin]==aPer[dHi - dMin] ){
        /* One period for the whole chunk (the table is monotonic). */
        uint32_t add = aPer[dLo - dMin]*stride;
        for(i=0; i<n; i++) aKey[i] += add;
      }else{
        for(i=0; i<n; i++) aKey[i] += aPer[aDay[i] - dMin]*stride;
      }
    }else{
      const CubeCol *pCol = &pC->aCol[pQ->aBy[k].iCol];
      if( pCol->width==1 ){
        const uint8_t *a = (const uint8_t*)pCol->aCode + i0;
        for(i=0; i<n; i++) aKey[i] += a[i]*stride;
      }else{
        const uint16_t *a = (const uint16_t*)pCol->aCode + i0;
        for(i=0; i<n; i++) aKey[i] += a[i]*stride;
      }
    }
  }
  for(i=0; i<n; i++) aKey[i] = aOk[i] ? aKey[i] : trash;
  if( pP->nPair==0 ){
    for(i=0; i<n; i++) pPart->aRows[aKey[i]]++;
    return;
  }
  /* aKey[i] is the row's slot times nCell (the strides hold the factor).
  ** A slot's row count is the total of its first joint histogram (every
  ** row falls in one of its cells): it is taken from there after the scan
  ** (hist_from_joint). Four, three, two, then one byte column per pass
  ** share the loads of the slot keys. */
  for(p=0; p+4<=pP->nPair; p+=4){
    const uint8_t *a0 = pC->aMet[2*p].aVal + i0, *a1 = pC->aMet[2*p+2].aVal + i0;
    const uint8_t *a2 = pC->aMet[2*p+4].aVal + i0, *a3 = pC->aMet[2*p+6].aVal + i0;
    const uint16_t *t0 = pP->aTab + p*256, *t1 = t0 + 256, *t2 = t0 + 512, *t3 = t0 + 768;
    uint32_t *h0 = pPart->aHist;
    for(i=0; i<n; i++){
      uint32_t *h = h0 + aKey[i];
      h[t0[a0[i]]]++; h[t1[a1[i]]]++; h[t2[a2[i]]]++; h[t3[a3[i]]]++;
    }
  }
  if( pP->nPair - p==3 ){
    const uint8_t *a0 = pC->aMet[2*p].aVal + i0, *a1 = pC->aMet[2*p+2].aVal + i0;
    const uint8_t *a2 = pC->aMet[2*p+4].aVal + i0;
    const uint16_t *t0 = pP->aTab + p*256, *t1 = t0 + 256, *t2 = t0 + 512;
    uint32_t *h0 = pPart->aHist;
    for(i=0; i<n; i++){
      uint32_t *h = h0 + aKey[i];
      h[t0[a0[i]]]++; h[t1[a1[i]]]++; h[t2[a2[i]]]++;
    }
    p += 3;
  }
  if( pP->nPair - p==2 ){
    const uint8_t *a0 = pC->aMet[2*p].aVal + i0, *a1 = pC->aMet[2*p+2].aVal + i0;
    const uint16_t *t0 = pP->aTab + p*256, *t1 = t0 + 256;
    uint32_t *h0 = pPart->aHist;
    for(i=0; i<n; i++){
      uint32_t *h = h0 + aKey[i];
      h[t0[a0[i]]]++; h[t1[a1[i]]]++;
    }
    p += 2;
  }
  if( p<pP->nPair ){
    const uint8_t *a0 = pC->aMet[2*p].aVal + i0;
    const uint16_t *t0 = pP->aTab + p*256;
    uint32_t *h0 = pPart->aHist;
    for(i=0; i<n; i++) h0[aKey[i] + t0[a0[i]]]++;
  }
}

static void *scan_part(void *pArg){
  Part *pPart = pArg;
  int64_t i0;
  for(i0=pPart->i0; i0<pPart->i1; i0+=CHUNK){
    int64_t n = pPart->i1 - i0;
    scan_chunk(pPart->pPlan, pPart, i0, n<CHUNK ? (int)n : CHUNK);
  }
  return 0;
}

/* Bins of a metric: its scale's values, then one for unanswered (and, in a
** damaged cache, anything off the scale); 16 raw bins for a scale that
** does not fit a nibble. */
static int met_bins(const CubeMetric *p){
  return p->scaleMin>=0 && p->scaleMax<CUBE_MISSING && p->scaleMin<=p->scaleMax
         ? p->scaleMax - p->scaleMin + 2 : CUBE_HIST;
}
static int met_bin(const CubeMetric *p, unsigned v){
  int k = met_bins(p);
  if( k==CUBE_HIST ) return (int)v;
  return (int)v>=p->scaleMin && (int)v<=p->scaleMax ? (int)v - p->scaleMin : k - 1;
}
/* The rating of bin b (met_bin's inverse; unanswered for the last). */
static int met_bin_value(const CubeMetric *p, int b){
  int k = met_bins(p);
  if( k==CUBE_HIST ) return b;
  return b<k - 1 ? p->scaleMin + b : CUBE_MISSING;
}

/* The joint histograms' layout and the byte tables. */
static void plan_pairs(const Cube *pC, Plan *pP){
  int p, b, off = 0;
  pP->nPair = (pC->nMet + 1)/2;
  pP->aPair = ecx_calloc((size_t)pP->nPair + 1, sizeof(PairLayout));
  pP->aTab = ecx_malloc(sizeof(uint16_t)*256*(size_t)(pP->nPair + 1));
  for(p=0; p<pP->nPair; p++){
    PairLayout *q = &pP->aPair[p];
    const CubeMetric *pLo = &pC->aMet[2*p];
    const CubeMetric *pHi = 2*p + 1<pC->nMet ? &pC->aMet[2*p + 1] : 0;
    q->iMet = 2*p;
    q->off = off;
    q->kLo = met_bins(pLo);
    q->kHi = pHi ? met_bins(pHi) : 1;
    for(b=0; b<256; b++){
      int iHi = pHi ? met_bin(pHi, (unsigned)b >> 4) : 0;
      pP->aTab[p*256 + b] = (uint16_t)(off + met_bin(pLo, (unsigned)b & 15)*q->kHi + iHi);
    }
    off += q->kLo*q->kHi;
  }
  pP->nCell = off;
}

static int plan_make(const Cube *pC, const CubeQuery *pQ, Plan *pP){
  int k;
  int64_t nSlot = 1, cells;
  memset(pP, 0, sizeof *pP);
  pP->pCube = pC;
  pP->pQ = pQ;
  pP->iSegBy = -1;
  pP->dayLo = pQ->dayFrom>pC->dayMin ? pQ->dayFrom : pC->dayMin;
  pP->dayHi = pQ->dayTo<pC->dayMax ? pQ->dayTo : pC->dayMax;
  plan_pairs(pC, pP);
  for(k=0; k<pQ->nBy; k++){
    const CubeBy *pBy = &pQ->aBy[k];
    if( pBy->iCol<0 ){
      int64_t pkLo, pkHi, d;
      if( pC->nRow==0 || pP->dayLo>pP->dayHi ){
        pP->aCard[k] = 1;
      }else{
        pkLo = cube_period_key(pBy->period, pP->dayLo);
        pkHi = cube_period_key(pBy->period, pP->dayHi);
        pP->aPkMin[k] = pkLo;
        pP->aCard[k] = pkHi - pkLo + 1;
        if( pP->aCard[k]>65535 ) return err_set(ECX_ETOOBIG, _("too many periods to group by"));
        pP->aPeriodOf[k] = ecx_malloc(sizeof(uint16_t)*(size_t)(pC->dayMax - pC->dayMin + 1));
        /* Days outside the range (their rows are rejected) take the
        ** nearest period, so the table never decreases (scan_chunk). */
        for(d=pC->dayMin; d<=pC->dayMax; d++){
          int64_t dd = d<pP->dayLo ? pP->dayLo : d>pP->dayHi ? pP->dayHi : d;
          pP->aPeriodOf[k][d - pC->dayMin] = (uint16_t)(cube_period_key(pBy->period, dd) - pkLo);
        }
      }
    }else{
      pP->aCard[k] = pC->aCol[pBy->iCol].nValue + 1;
      if( pC->aCol[pBy->iCol].kind==CUBE_COL_SEGMENT ) pP->iSegBy = k;
    }
    nSlot *= pP->aCard[k];
    if( nSlot>MAX_CELLS ) break;
  }
  cells = (nSlot + 1)*((pP->nCell>pC->nMet*CUBE_HIST ? pP->nCell : pC->nMet*CUBE_HIST) + 1);
  if( nSlot>MAX_CELLS || cells>MAX_CELLS ){
    return err_set(ECX_ETOOBIG, _("too many groups (%lld): group by fewer or coarser columns"),
                   (long long)nSlot);
  }
  pP->nSlot = nSlot;
  pP->cellMul = pP->nPair ? (uint32_t)pP->nCell : 1;
  for(k=pQ->nBy-1, nSlot=1; k>=0; k--){
    pP->aStride[k] = (uint32_t)nSlot*pP->cellMul;
    nSlot *= pP->aCard[k];
  }
  return ECX_OK;
}

static void plan_free(Plan *pP){
  int k;
  for(k=0; k<CUBE_MAX_BY; k++) free(pP->aPeriodOf[k]);
  free(pP->aPair);
  free(pP->aTab);
}

/* Row counts of the slots from their first joint histogram, then the
** joint counts summed into each metric's 16-bin histogram (slots with
** rows only; the trash slot is left empty). Replaces pAll->aHist. */
static void hist_from_joint(const Plan *pP, Part *pAll){
  const Cube *pC = pP->pCube;
  int nH = pC->nMet*CUBE_HIST, n0 = pP->aPair[0].kLo*pP->aPair[0].kHi, p, x, y, c;
  uint32_t *aOut = ecx_calloc((size_t)((pP->nSlot + 1)*nH), sizeof(uint32_t));
  /* Where each cell of a slot goes: two histogram bins (the second one a
  ** scratch counter, nH, for a lone last metric). */
  uint16_t *aLo = ecx_malloc(sizeof(uint16_t)*(size_t)pP->nCell*2), *aHi = aLo + pP->nCell;
  uint32_t *aTmp = ecx_malloc(sizeof(uint32_t)*(size_t)(nH + 1));
  int64_t s;
  for(p=0; p<pP->nPair; p++){
    const PairLayout *q = &pP->aPair[p];
    const CubeMetric *pLo = &pC->aMet[q->iMet];
    for(x=0; x<q->kLo; x++){
      for(y=0; y<q->kHi; y++){
        c = q->off + x*q->kHi + y;
        aLo[c] = (uint16_t)(q->iMet*CUBE_HIST + met_bin_value(pLo, x));
        aHi[c] = (uint16_t)(q->iMet + 1<pC->nMet ? (q->iMet + 1)*CUBE_HIST + met_bin_value(pLo + 1, y) : nH);
      }
    }
  }
  for(s=0; s<pP->nSlot; s++){
    const uint32_t *j = pAll->aHist + s*pP->nCell;
    uint32_t n = 0;
    for(c=0; c<n0; c++) n += j[c];
    pAll->aRows[s] = n;
    if( n==0 ) continue;
    memset(aTmp, 0, sizeof(uint32_t)*(size_t)(nH + 1));
    for(c=0; c<pP->nCell; c++){
      aTmp[aLo[c]] += j[c];
      aTmp[aHi[c]] += j[c];
    }
    memcpy(aOut + s*nH, aTmp, sizeof(uint32_t)*(size_t)nH);
  }
  pAll->aRows[pP->nSlot] = 0;
  free(aLo);
  free(aTmp);
  free(pAll->aHist);
  pAll->aHist = aOut;
}

/* Run the scan on the cube's threads; the sums end in aPart[0]. */
static void run_parts(const Plan *pP, Part *aPart, int nPart){
  const Cube *pC = pP->pCube;
  pthread_t aTid[8];
  int t, nStarted = 0;
  int64_t per = (pC->nRow + nPart - 1)/nPart, s, nCell;
  per = (per + CHUNK - 1)/CHUNK*CHUNK;
  nCell = (pP->nSlot + 1)*pP->nCell;
  for(t=0; t<nPart; t++){
    aPart[t].pPlan = pP;
    aPart[t].i0 = t*per < pC->nRow ? t*per : pC->nRow;
    aPart[t].i1 = (t+1)*per < pC->nRow ? (t+1)*per : pC->nRow;
    aPart[t].aRows = ecx_calloc((size_t)(pP->nSlot + 1), sizeof(uint32_t));
    aPart[t].aHist = ecx_calloc((size_t)nCell + 1, sizeof(uint32_t));
  }
  for(t=1; t<nPart; t++){
    if( pthread_create(&aTid[t], 0, scan_part, &aPart[t])==0 ){
      nStarted = t;
    }else{
      break;
    }
  }
  for(t=nStarted+1; t<nPart; t++) scan_part(&aPart[t]);   /* threads refused: do it here */
  scan_part(&aPart[0]);
  for(t=1; t<=nStarted; t++) pthread_join(aTid[t], 0);
  for(t=1; t<nPart; t++){
    if( pP->nPair==0 ) for(s=0; s<=pP->nSlot; s++) aPart[0].aRows[s] += aPart[t].aRows[s];
    for(s=0; s<nCell; s++) aPart[0].aHist[s] += aPart[t].aHist[s];
    free(aPart[t].aRows);
    free(aPart[t].aHist);
  }
  if( pP->nPair>0 ) hist_from_joint(pP, &aPart[0]);
}

/* Codes of slot s, one per grouping. */
static void slot_codes(const Plan *pP, int64_t s, int64_t *aCode){
  int k;
  for(k=0; k<pP->pQ->nBy; k++){
    aCode[k] = (s/(pP->aStride[k]/pP->cellMul)) % pP->aCard[k];
  }
}

/* Append group (codes aCode) with the counts of slot s to pR; if the last
** group has the same keys, add into it instead. */
static void result_add(CubeResult *pR, const int64_t *aKey,
                       const uint32_t *aRows, const uint32_t *aHist, int64_t s){
  int nH = pR->nMet*CUBE_HIST, k, j;
  int64_t g = pR->nGroup;
  for(k=0; k<pR->nBy; k++) pR->aKey[g*pR->nBy + k] = aKey[k];
  pR->aRows[g] = aRows[s];
  for(j=0; j<nH; j++) pR->aHist[g*nH + j] = aHist[s*nH + j];
  pR->nGroup++;
}

static int cmp_group(const void *a, const void *b, void *pArg){
  const int64_t *x = a, *y = b;
  int k, nKey = *(const int*)pArg;
  for(k=0; k<nKey; k++){
    if( x[k]!=y[k] ) return x[k]<y[k] ? -1 : 1;
  }
  return 0;
}

/* Fill pR from the summed scan. Groups by segment are expanded: each
** combination's counts go to every segment it contains. */
static void collect(const Plan *pP, const Part *pAll, CubeResult *pR){
  const Cube *pC = pP->pCube;
  int nBy = pP->pQ->nBy, nH = pC->nMet*CUBE_HIST, k, j;
  int64_t s, nOut = 0, aCode[CUBE_MAX_BY], aKey[CUBE_MAX_BY];
  for(s=0; s<pP->nSlot; s++){
    if( pAll->aRows[s]==0 ) continue;
    if( pP->iSegBy>=0 ){
      slot_codes(pP, s, aCode);
      nOut += __builtin_popcountll((uint64_t)pC->aCol[CUBE_COL_SEGMENT].aKey[aCode[pP->iSegBy]]);
    }else{
      nOut++;
    }
  }
  pR->aKey = ecx_malloc(sizeof(int64_t)*(size_t)(nOut*nBy + 1));
  pR->aRows = ecx_malloc(sizeof(int64_t)*(size_t)(nOut + 1));
  pR->aHist = ecx_malloc(sizeof(int64_t)*(size_t)(nOut*nH + 1));
  for(s=0; s<pP->nSlot; s++){
    if( pAll->aRows[s]==0 ) continue;
    slot_codes(pP, s, aCode);
    for(k=0; k<nBy; k++){
      aKey[k] = pP->pQ->aBy[k].iCol<0 ? pP->aPkMin[k] + aCode[k] : aCode[k];
    }
    if( pP->iSegBy<0 ){
      result_add(pR, aKey, pAll->aRows, pAll->aHist, s);
    }else{
      uint64_t mask = (uint64_t)pC->aCol[CUBE_COL_SEGMENT].aKey[aCode[pP->iSegBy]];
      for(j=0; j<pC->nSegment; j++){
        if( mask & ((uint64_t)1<<j) ){
          aKey[pP->iSegBy] = j + 1;
          result_add(pR, aKey, pAll->aRows, pAll->aHist, s);
        }
      }
    }
  }
  if( pP->iSegBy>=0 && pR->nGroup>1 ){
    /* Sort by keys (a row per group: keys, rows, histogram), then add up
    ** the entries with equal keys. */
    int w = nBy + 1 + nH;
    int64_t *aTmp = ecx_malloc(sizeof(int64_t)*(size_t)(pR->nGroup*w)), g, o;
    for(g=0; g<pR->nGroup; g++){
      memcpy(aTmp + g*w, pR->aKey + g*nBy, sizeof(int64_t)*(size_t)nBy);
      aTmp[g*w + nBy] = pR->aRows[g];
      memcpy(aTmp + g*w + nBy + 1, pR->aHist + g*nH, sizeof(int64_t)*(size_t)nH);
    }
    qsort_r(aTmp, (size_t)pR->nGroup, sizeof(int64_t)*(size_t)w, cmp_group, &nBy);
    for(g=0, o=-1; g<pR->nGroup; g++){
      int64_t *x = aTmp + g*w;
      if( o<0 || cmp_group(x, pR->aKey + o*nBy, &nBy)!=0 ){
        o++;
        memcpy(pR->aKey + o*nBy, x, sizeof(int64_t)*(size_t)nBy);
        pR->aRows[o] = 0;
        memset(pR->aHist + o*nH, 0, sizeof(int64_t)*(size_t)nH);
      }
      pR->aRows[o] += x[nBy];
      for(j=0; j<nH; j++) pR->aHist[o*nH + j] += x[nBy + 1 + j];
    }
    pR->nGroup = o + 1;
    free(aTmp);
  }
}

int cube_query(const Cube *pCube, const CubeQuery *pQ, CubeResult *pR){
  Plan plan;
  Part aPart[8];
  int nPart, rc;
  memset(pR, 0, sizeof *pR);
  if( pQ->nBy<0 || pQ->nBy>CUBE_MAX_BY ) err_fatal("cube_query: bad nBy %d", pQ->nBy);
  rc = plan_make(pCube, pQ, &plan);
  if( rc ){ plan_free(&plan); return rc; }
  pR->nBy = pQ->nBy;
  memcpy(pR->aBy, pQ->aBy, sizeof pQ->aBy);
  pR->nMet = pCube->nMet;
  nPart = pCube->nThread;
  if( nPart>8 ) nPart = 8;
  if( nPart<1 || pCube->nRow<(int64_t)nPart*65536 ) nPart = 1;
  if( pCube->nRow>0 && plan.dayLo<=plan.dayHi ){
    run_parts(&plan, aPart, nPart);
    collect(&plan, &aPart[0], pR);
    free(aPart[0].aRows);
    free(aPart[0].aHist);
  }else{
    pR->aKey = ecx_malloc(sizeof(int64_t));
    pR->aRows = ecx_malloc(sizeof(int64_t));
    pR->aHist = ecx_malloc(sizeof(int64_t));
  }
  plan_free(&plan);
  return ECX_OK;
}

void cube_result_free(CubeResult *pR){
  free(pR->aKey);
  free(pR->aRows);
  free(pR->aHist);
  memset(pR, 0, sizeof *pR);
}

void cube_result_total(const CubeResult *pIn, CubeResult *pOut){
  int64_t nH = (int64_t)pIn->nMet*CUBE_HIST, rows = 0;
  for(int k=0; k<pIn->nBy; k++){
    if( pIn->aBy[k].iCol==CUBE_COL_SEGMENT ) err_fatal("cube_result_total: segments overlap");
  }
  memset(pOut, 0, sizeof *pOut);
  pOut->nMet = pIn->nMet;
  pOut->aKey = ecx_malloc(sizeof(int64_t));
  pOut->aRows = ecx_calloc(1, sizeof(int64_t));
  pOut->aHist = ecx_calloc((size_t)nH + 1, sizeof(int64_t));
  for(int64_t g=0; g<pIn->nGroup; g++){
    rows += pIn->aRows[g];
    for(int64_t j=0; j<nH; j++) pOut->aHist[j] += pIn->aHist[g*nH + j];
  }
  pOut->aRows[0] = rows;
  pOut->nGroup = rows>0;
}

const char *cube_result_label(const Cube *pCube, const CubeResult *pR, int64_t g, int k,
                              char *a, size_t n){
  int64_t key = pR->aKey[g*pR->nBy + k];
  const CubeBy *pBy = &pR->aBy[k];
  const char *z = "";
  if( pBy->iCol<0 ){
    return cube_period_label(pBy->period, key, a, n);
  }
  if( pCube->aCol[pBy->iCol].kind==CUBE_COL_SEGMENT ){
    if( key>=1 && key<=pCube->nSegment ) z = pCube->azSegment[key - 1];
  }else if( key>=1 && key<=pCube->aCol[pBy->iCol].nValue ){
    z = pCube->aCol[pBy->iCol].azValue[key];
  }
  snprintf(a, n, "%s", z);
  return a;
}
