/*
** Moments over the cube (cube_moments.h): one pass over the rating columns
** of the asked variables, in chunks of rows, on the cube's threads, each
** thread adding into its own per-block counters; the threads' counters are
** then added together. Integer sums: the result is exact and the same on
** any number of threads.
*/
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "cube_int.h"
#include "cube_moments.h"
#include "../base/err.h"
#include "../base/i18n.h"

#define CHUNK 2048
#define BLOCK_SEED 0x5eed0fd71e75ull

typedef struct MomPart {
  const Cube *pCube;
  const MomentsQuery *pQ;
  const Moments *pM;
  int64_t i0, i1, dayLo, dayHi;
  int64_t *aBlock;      /* nBlock*nStat, this thread's */
  uint8_t *aRating;     /* nVar*CHUNK: a chunk's ratings, one byte each */
} MomPart;

/* Block of row r: a fixed integer hash (splitmix64 finalizer). */
static int row_block(int64_t r){
  uint64_t z = (uint64_t)r + BLOCK_SEED;
  z = (z ^ (z >> 30))*0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27))*0x94d049bb133111ebull;
  z ^= z >> 31;
  return (int)(z % MOM_BLOCKS);
}

static void mom_chunk(MomPart *pP, int64_t i0, int n){
  const Cube *pC = pP->pCube;
  const MomentsQuery *pQ = pP->pQ;
  const Moments *pM = pP->pM;
  uint8_t aOk[CHUNK], aAll[CHUNK];
  int64_t *aBase[CHUNK];
  const uint8_t *aX[MOM_MAX_VAR];
  const uint16_t *aDay = pC->aDay + i0;
  int i, j, k, v = pM->nVar;
  memset(aOk, 1, (size_t)n);
  if( pP->dayLo>pC->dayMin || pP->dayHi<pC->dayMax ){
    uint16_t lo = (uint16_t)pP->dayLo, hi = (uint16_t)pP->dayHi;
    for(i=0; i<n; i++) aOk[i] &= (aDay[i]>=lo) & (aDay[i]<=hi);
  }
  for(i=0; i<n; i++) aOk[i] &= cube_code(&pC->aCol[CUBE_COL_COMPETITOR], i0 + i)==0;
  cube_where_eval(pC, pQ->pWhere, i0, n, aOk);
  for(i=0; i<n; i++) aBase[i] = pP->aBlock + (int64_t)row_block(i0 + i)*pM->nStat;
  for(j=0; j<v; j++){
    /* The chunk's ratings out of their nibbles, one byte each. */
    const CubeMetric *pMet = &pC->aMet[pQ->aiMet[j]];
    uint8_t *x = pP->aRating + (size_t)j*CHUNK;
    for(i=0; i<n; i++) x[i] = (uint8_t)cube_rating(pMet, i0 + i);
    aX[j] = x;
  }
  memcpy(aAll, aOk, (size_t)n);
  for(j=0; j<v; j++){
    const uint8_t *a = aX[j];
    int o = mom_uni(pM, j);
    for(i=0; i<n; i++){
      int64_t m = aOk[i] & (a[i]!=CUBE_MISSING), x = a[i];
      int64_t *s = aBase[i] + o;
      s[0] += m; s[1] += m*x; s[2] += m*x*x;
      aAll[i] &= a[i]!=CUBE_MISSING;
    }
  }
  {
    /* Listwise sums only over the rows where every variable is answered
    ** (often a minority): their indexes first, without branches. */
    int aIdx[CHUNK], nAll = 0, r;
    int o = mom_list(pM);
    for(i=0; i<n; i++){ aIdx[nAll] = i; nAll += aAll[i]; }
    for(r=0; r<nAll; r++) aBase[aIdx[r]][o] += 1;
    for(j=0; j<v; j++){
      const uint8_t *a = aX[j];
      for(r=0; r<nAll; r++){ i = aIdx[r]; aBase[i][o + 1 + j] += a[i]; }
      for(k=j; k<v; k++){
        const uint8_t *b = aX[k];
        int oc = mom_lcross(pM, j, k);
        for(r=0; r<nAll; r++){ i = aIdx[r]; aBase[i][oc] += (int64_t)(a[i]*b[i]); }
      }
    }
  }
  if( !pM->pairwise ) return;
  for(j=0; j<v; j++){
    for(k=j+1; k<v; k++){
      const uint8_t *a = aX[j], *b = aX[k];
      int o = mom_pair(pM, j, k);
      for(i=0; i<n; i++){
        int64_t m = aOk[i] & (a[i]!=CUBE_MISSING) & (b[i]!=CUBE_MISSING);
        int64_t x = a[i], y = b[i];
        int64_t *s = aBase[i] + o;
        s[0] += m; s[1] += m*x; s[2] += m*y;
        s[3] += m*x*x; s[4] += m*y*y; s[5] += m*x*y;
      }
    }
  }
}

static void *mom_part(void *pArg){
  MomPart *pP = pArg;
  int64_t i0;
  for(i0=pP->i0; i0<pP->i1; i0+=CHUNK){
    int64_t n = pP->i1 - i0;
    mom_chunk(pP, i0, n<CHUNK ? (int)n : CHUNK);
  }
  return 0;
}

int cube_moments(const Cube *pCube, const MomentsQuery *pQ, Moments *pM){
  MomPart aPart[8];
  pthread_t aTid[8];
  int64_t dayLo, dayHi, per, nCell, s;
  int v = pQ->nVar, j, t, nPart, nStarted = 0;
  memset(pM, 0, sizeof *pM);
  if( v<1 || v>MOM_MAX_VAR ) return err_set(ECX_EINVAL, _("between 1 and %d variables are needed"), MOM_MAX_VAR);
  for(j=0; j<v; j++){
    if( pQ->aiMet[j]<0 || pQ->aiMet[j]>=pCube->nMet ) err_fatal("cube_moments: bad metric %d", pQ->aiMet[j]);
  }
  pM->nVar = v;
  pM->pairwise = pQ->pairwise!=0;
  pM->nStat = 3*v + 1 + v + v*(v + 1)/2 + (pM->pairwise ? 3*v*(v - 1) : 0);
  pM->nBlock = MOM_BLOCKS;
  nCell = (int64_t)pM->nBlock*pM->nStat;
  pM->aTotal = ecx_calloc((size_t)pM->nStat, sizeof(int64_t));
  dayLo = pQ->dayFrom>pCube->dayMin ? pQ->dayFrom : pCube->dayMin;
  dayHi = pQ->dayTo<pCube->dayMax ? pQ->dayTo : pCube->dayMax;
  if( pCube->nRow==0 || dayLo>dayHi ){
    pM->aBlock = ecx_calloc((size_t)nCell, sizeof(int64_t));
    return ECX_OK;
  }
  nPart = pCube->nThread;
  if( nPart>8 ) nPart = 8;
  if( nPart<1 || pCube->nRow<(int64_t)nPart*65536 ) nPart = 1;
  per = (pCube->nRow + nPart - 1)/nPart;
  per = (per + CHUNK - 1)/CHUNK*CHUNK;
  for(t=0; t<nPart; t++){
    MomPart *p = &aPart[t];
    p->pCube = pCube; p->pQ = pQ; p->pM = pM;
    p->dayLo = dayLo; p->dayHi = dayHi;   /* aDay holds day numbers, as in cube_scan.c */
    p->i0 = t*per < pCube->nRow ? t*per : pCube->nRow;
    p->i1 = (t+1)*per < pCube->nRow ? (t+1)*per : pCube->nRow;
    p->aBlock = ecx_calloc((size_t)nCell, sizeof(int64_t));
    p->aRating = ecx_malloc((size_t)v*CHUNK);
  }
  for(t=1; t<nPart; t++){
    if( pthread_create(&aTid[t], 0, mom_part, &aPart[t])!=0 ) break;
    nStarted = t;
  }
  for(t=nStarted+1; t<nPart; t++) mom_part(&aPart[t]);
  mom_part(&aPart[0]);
  for(t=1; t<=nStarted; t++) pthread_join(aTid[t], 0);
  for(t=1; t<nPart; t++){
    for(s=0; s<nCell; s++) aPart[0].aBlock[s] += aPart[t].aBlock[s];
    free(aPart[t].aBlock);
  }
  for(t=0; t<nPart; t++) free(aPart[t].aRating);
  pM->aBlock = aPart[0].aBlock;
  for(t=0; t<pM->nBlock; t++) moments_add_block(pM, t, 1, pM->aTotal);
  return ECX_OK;
}

void moments_free(Moments *pM){
  free(pM->aBlock);
  free(pM->aTotal);
  memset(pM, 0, sizeof *pM);
}

void moments_add_block(const Moments *pM, int b, int64_t w, int64_t *aStat){
  const int64_t *a = pM->aBlock + (int64_t)b*pM->nStat;
  int s;
  for(s=0; s<pM->nStat; s++) aStat[s] += w*a[s];
}

/* Correlation from n, sums, sums of squares and cross products, with the
** centred sums computed exactly in 128-bit integers. */
static int corr_of(int64_t n, int64_t sx, int64_t sy, int64_t sxx, int64_t syy,
                   int64_t sxy, double *pR){
  __int128 cxy = (__int128)n*sxy - (__int128)sx*sy;
  __int128 cxx = (__int128)n*sxx - (__int128)sx*sx;
  __int128 cyy = (__int128)n*syy - (__int128)sy*sy;
  if( cxx<=0 || cyy<=0 ) return cxx<=0 ? 1 : 2;
  *pR = (double)cxy/sqrt((double)cxx*(double)cyy);
  return 0;
}

int moments_corr(const Moments *pM, const int64_t *aStat, int pairwise,
                 double *aR, double *aMean, int64_t *pN, int *piConst){
  int v = pM->nVar, i, j, bad;
  const int64_t *L = aStat + mom_list(pM);
  *piConst = -1;
  if( pairwise && !pM->pairwise ) err_fatal("moments_corr: pairwise not gathered");
  if( aMean ){
    for(j=0; j<v; j++){
      const int64_t *u = aStat + mom_uni(pM, j);
      aMean[j] = u[0]>0 ? (double)u[1]/(double)u[0] : NAN;
    }
  }
  if( !pairwise ){
    *pN = L[0];
    if( L[0]<2 ) return ECX_ESMALL;
  }else{
    *pN = INT64_MAX;
    for(i=0; i<v; i++){
      for(j=i+1; j<v; j++){
        int64_t nij = aStat[mom_pair(pM, i, j)];
        if( nij<*pN ) *pN = nij;
      }
    }
    if( v==1 ) *pN = aStat[mom_uni(pM, 0)];
    if( *pN<2 ) return ECX_ESMALL;
  }
  for(i=0; i<v; i++){
    aR[i*v + i] = 1.0;
    for(j=i+1; j<v; j++){
      double r = 0;
      if( !pairwise ){
        bad = corr_of(L[0], L[1 + i], L[1 + j], L[mom_lcross(pM, i, i) - mom_list(pM)],
                      L[mom_lcross(pM, j, j) - mom_list(pM)],
                      L[mom_lcross(pM, i, j) - mom_list(pM)], &r);
      }else{
        const int64_t *P = aStat + mom_pair(pM, i, j);
        bad = corr_of(P[0], P[1], P[2], P[3], P[4], P[5], &r);
      }
      if( bad ){ *piConst = bad==1 ? i : j; return ECX_ESMALL; }
      aR[i*v + j] = aR[j*v + i] = r;
    }
  }
  return ECX_OK;
}
