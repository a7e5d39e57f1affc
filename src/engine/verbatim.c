/*
** The verbatim index (verbatim.h): loading open-text answers beside the
** cube, and filtered word searches over them.
*/
#include <stdlib.h>
#include <string.h>

#include "verbatim.h"
#include "cube_int.h"
#include "../base/err.h"
#include "../base/fold.h"
#include "../base/i18n.h"

int verb_band_from_name(const char *z){
  if( !z || !z[0] ) return VERB_BAND_ALL;
  if( strcmp(z, "detractors")==0 ) return VERB_BAND_DETRACTOR;
  if( strcmp(z, "passives")==0 ) return VERB_BAND_PASSIVE;
  if( strcmp(z, "promoters")==0 ) return VERB_BAND_PROMOTER;
  return -1;
}

void verb_free(VerbIndex *p){
  if( !p ) return;
  free(p->aRow); free(p->aResp); free(p->aQuestion); free(p->aOff);
  free(p->aOrder); free(p->zText);
  free(p);
}

int64_t verb_bytes(const VerbIndex *p){
  return p->nAlloc*(int64_t)(sizeof(uint32_t)*2 + sizeof(int64_t)*3) + p->nTextAlloc;
}

static void grow_entries(VerbIndex *p){
  if( p->n + 1 < p->nAlloc ) return;
  int64_t n = p->nAlloc ? p->nAlloc*2 : 4096;
  p->aRow = ecx_realloc(p->aRow, sizeof(uint32_t)*(size_t)n);
  p->aResp = ecx_realloc(p->aResp, sizeof(int64_t)*(size_t)n);
  p->aQuestion = ecx_realloc(p->aQuestion, sizeof(int64_t)*(size_t)n);
  p->aOff = ecx_realloc(p->aOff, sizeof(int64_t)*(size_t)(n + 1));
  p->aOrder = ecx_realloc(p->aOrder, sizeof(uint32_t)*(size_t)n);
  p->nAlloc = n;
}

/* Append the folded text in b (plus its NUL) as the text of a new entry. */
static void add_entry(VerbIndex *p, uint32_t row, int64_t respId, int64_t qId, const Buf *b){
  grow_entries(p);
  if( p->nText + (int64_t)b->n + 1 > p->nTextAlloc ){
    int64_t n = p->nTextAlloc ? p->nTextAlloc : 1<<20;
    while( n < p->nText + (int64_t)b->n + 1 ) n *= 2;
    p->zText = ecx_realloc(p->zText, (size_t)n);
    p->nTextAlloc = n;
  }
  if( p->n==0 ) p->aOff[0] = p->nText;
  memcpy(p->zText + p->nText, buf_str(b), b->n);
  p->nText += (int64_t)b->n;
  p->zText[p->nText++] = 0;
  p->aRow[p->n] = row;
  p->aResp[p->n] = respId;
  p->aQuestion[p->n] = qId;
  p->n++;
  p->aOff[p->n] = p->nText;
}

/* Order of entries: day first, then row (both fit in 64 bits). */
static int64_t entry_key(const VerbIndex *p, const Cube *pC, uint32_t e){
  return ((int64_t)pC->aDay[p->aRow[e]] << 32) | (int64_t)p->aRow[e];
}

typedef struct SortCtx { const VerbIndex *p; const Cube *pC; } SortCtx;

static int cmp_entry(const void *a, const void *b, void *pArg){
  const SortCtx *c = pArg;
  int64_t x = entry_key(c->p, c->pC, *(const uint32_t*)a), y = entry_key(c->p, c->pC, *(const uint32_t*)b);
  return x < y ? -1 : x > y;
}

/* Put entries n0..n-1 into aOrder: sort them, then merge with the rest. */
static void order_new(VerbIndex *p, const Cube *pC, int64_t n0){
  int64_t nNew = p->n - n0, i = 0, j = 0, k = 0;
  SortCtx c = {p, pC};
  if( nNew<=0 ) return;
  uint32_t *aNew = ecx_malloc(sizeof(uint32_t)*(size_t)nNew);
  uint32_t *aOut = ecx_malloc(sizeof(uint32_t)*(size_t)p->n);
  for(int64_t e = 0; e < nNew; e++) aNew[e] = (uint32_t)(n0 + e);
  qsort_r(aNew, (size_t)nNew, sizeof(uint32_t), cmp_entry, &c);
  while( i < n0 || j < nNew ){
    if( j>=nNew || (i<n0 && entry_key(p, pC, p->aOrder[i]) <= entry_key(p, pC, aNew[j])) ) aOut[k++] = p->aOrder[i++];
    else aOut[k++] = aNew[j++];
  }
  memcpy(p->aOrder, aOut, sizeof(uint32_t)*(size_t)p->n);
  free(aOut);
  free(aNew);
}

/* The ids of the responses of cube rows from p->nRow on, into *paId. */
static int new_ids(VerbIndex *p, Db *pDb, const Cube *pC, int64_t **paId){
  int64_t nNew = pC->nRow - p->nRow, k = 0;
  int64_t *aId = ecx_malloc(sizeof(int64_t)*(size_t)(nNew + 1));
  Stmt *s = 0;
  int rc = db_prepare(pDb, &s, "SELECT id FROM response WHERE id>?1 AND id<=?2 ORDER BY id");
  if( rc==ECX_OK ){ db_bind_int(s, 1, p->maxResponseId); db_bind_int(s, 2, pC->maxResponseId); }
  while( rc==ECX_OK && (rc = db_step(s))==DB_ROW ){
    rc = ECX_OK;
    if( k < nNew ) aId[k] = db_column_int(s, 0);
    k++;
  }
  if( rc==DB_DONE ) rc = ECX_OK;
  db_finalize(s);
  if( rc==ECX_OK && k!=nNew ) rc = err_set(ECX_EBUSY, "the responses changed while the verbatims were loading");
  if( rc ){ free(aId); aId = 0; }
  *paId = aId;
  return rc;
}

/* Load the answers to text question qId of the new rows. */
static int load_question(VerbIndex *p, Db *pDb, const Cube *pC, int64_t qId, const int64_t *aId,
                         int64_t nNew, Buf *b){
  const CubeCol *pComp = &pC->aCol[CUBE_COL_COMPETITOR];
  int64_t j = 0;
  Stmt *s = 0;
  int rc = db_prepare(pDb, &s,
    "SELECT response_id, txt FROM answer WHERE question_id=?1 AND response_id>?2 AND response_id<=?3"
    " AND txt IS NOT NULL");
  if( rc ) return rc;
  db_bind_int(s, 1, qId);
  db_bind_int(s, 2, p->maxResponseId);
  db_bind_int(s, 3, aId[nNew - 1]);
  while( (rc = db_step(s))==DB_ROW ){
    int64_t id = db_column_int(s, 0);
    const char *z = db_column_text(s, 1);
    rc = ECX_OK;
    while( j < nNew && aId[j] < id ) j++;
    if( j>=nNew || aId[j]!=id || !z[0] ) continue;
    uint32_t row = (uint32_t)(p->nRow + j);
    if( cube_code(pComp, row)!=0 ) continue;      /* a rating of a competitor */
    buf_reset(b);
    if( fold_text(b, z, strlen(z)) ) continue;   /* cannot happen: b is bounded above any answer */
    add_entry(p, row, id, qId, b);
  }
  db_finalize(s);
  return rc==DB_DONE ? ECX_OK : rc;
}

int verb_update(VerbIndex *p, Db *pDb, const Cube *pC){
  int64_t *aId = 0, n0 = p->n, nNew = pC->nRow - p->nRow;
  int64_t aQ[256];
  int nQ = 0, rc;
  Buf b;
  if( nNew==0 ) return ECX_OK;
  if( nNew < 0 ) return err_set(ECX_EBUSY, "the cube was reloaded");
  rc = db_savepoint(pDb, "verbatims");      /* one read snapshot, no write lock */
  if( rc ) return rc;
  rc = new_ids(p, pDb, pC, &aId);
  if( rc==ECX_OK ){
    Stmt *s = 0;
    rc = db_prepare(pDb, &s, "SELECT id FROM question WHERE type='text' ORDER BY id");
    while( rc==ECX_OK && (rc = db_step(s))==DB_ROW ){
      rc = ECX_OK;
      if( nQ < (int)(sizeof aQ / sizeof aQ[0]) ) aQ[nQ++] = db_column_int(s, 0);
    }
    if( rc==DB_DONE ) rc = ECX_OK;
    db_finalize(s);
  }
  buf_init(&b, 1u<<20);
  for(int q = 0; q < nQ && rc==ECX_OK; q++) rc = load_question(p, pDb, pC, aQ[q], aId, nNew, &b);
  buf_free(&b);
  db_release(pDb, "verbatims");
  free(aId);
  if( rc ) return rc;
  order_new(p, pC, n0);
  p->nRow = pC->nRow;
  p->maxResponseId = pC->maxResponseId;
  return ECX_OK;
}

int verb_load(Db *pDb, const Cube *pC, VerbIndex **pp){
  VerbIndex *p = ecx_calloc(1, sizeof *p);
  int rc = verb_update(p, pDb, pC);
  if( rc ){ verb_free(p); p = 0; }
  *pp = p;
  return rc;
}

/* ---- queries ---- */

int verb_terms(const char *z, char **pzTerms, int *pnTerm){
  Buf out, one;
  int n = 0, rc = ECX_OK;
  buf_init(&out, 1u<<16);
  buf_init(&one, 1u<<16);
  while( z && *z && rc==ECX_OK ){
    const char *e;
    if( *z==' ' || *z=='\t' ){ z++; continue; }
    if( *z=='"' ){ z++; e = strchr(z, '"'); if( !e ) e = z + strlen(z); }
    else e = z + strcspn(z, " \t\"");
    buf_reset(&one);
    if( fold_text(&one, z, (size_t)(e - z)) ){
      rc = err_set(ECX_ETOOBIG, "%s", _("the search is too long"));
    }else if( one.n ){
      if( ++n > VERB_MAX_TERMS ) rc = err_set(ECX_EINVAL, _("search for at most %d words or phrases"), VERB_MAX_TERMS);
      buf_append(&out, one.z, one.n + 1);   /* with its NUL */
    }
    z = *e=='"' ? e + 1 : e;
  }
  buf_free(&one);
  *pnTerm = rc ? 0 : n;
  *pzTerms = rc ? (buf_free(&out), NULL) : buf_take(&out);
  return rc;
}

/* 1 if the cube row passes the query's filter, days and band. */
static int row_ok(const Cube *pC, const VerbQuery *q, const CubeMetric *pNps, uint32_t row){
  int64_t day = pC->dayBase + pC->aDay[row];
  if( day < q->dayFrom || day > q->dayTo ) return 0;
  if( q->pWhere ){
    for(int t = 0; t < q->pWhere->nTerm; t++){
      const struct CubeWhereTerm *w = &q->pWhere->aTerm[t];
      if( !w->aOk[cube_code(&pC->aCol[w->iCol], row)] ) return 0;
    }
  }
  if( pNps ){
    int v = (int)cube_rating(pNps, row);
    if( v==CUBE_MISSING ) return 0;
    if( q->band==VERB_BAND_DETRACTOR && v > 6 ) return 0;
    if( q->band==VERB_BAND_PASSIVE && (v < 7 || v > 8) ) return 0;
    if( q->band==VERB_BAND_PROMOTER && v < 9 ) return 0;
  }
  return 1;
}

/* The entry whose text holds byte offset off. */
static int64_t entry_at(const VerbIndex *p, int64_t off){
  int64_t lo = 0, hi = p->n - 1;
  while( lo < hi ){
    int64_t mid = (lo + hi + 1)/2;
    if( p->aOff[mid] <= off ) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/* Mark the entries whose text holds every term: one pass over the whole
** text for the longest term, then the others within each candidate. */
static void mark_matches(const VerbIndex *p, const char *zTerms, int nTerm, uint8_t *aMark){
  const char *azT[VERB_MAX_TERMS];
  size_t anT[VERB_MAX_TERMS];
  int iLong = 0;
  for(int t = 0; t < nTerm; t++){
    azT[t] = zTerms;
    anT[t] = strlen(zTerms);
    zTerms += anT[t] + 1;
    if( anT[t] > anT[iLong] ) iLong = t;
  }
  const char *z = p->zText, *zEnd = p->zText + p->nText;
  while( z < zEnd ){
    const char *h = memmem(z, (size_t)(zEnd - z), azT[iLong], anT[iLong]);
    if( !h ) break;
    int64_t e = entry_at(p, h - p->zText);
    const char *zA = p->zText + p->aOff[e];
    size_t nA = (size_t)(p->aOff[e + 1] - p->aOff[e] - 1);
    int all = 1;
    for(int t = 0; t < nTerm && all; t++){
      if( t!=iLong && !memmem(zA, nA, azT[t], anT[t]) ) all = 0;
    }
    aMark[e] = (uint8_t)all;
    z = p->zText + p->aOff[e + 1];
  }
}

int verb_query(const VerbIndex *p, const Cube *pC, const VerbQuery *q, VerbResult *pR){
  char *zTerms = 0;
  int nTerm = 0, rc;
  const CubeMetric *pNps = 0;
  uint8_t *aMark = 0;
  memset(pR, 0, sizeof *pR);
  if( q->band!=VERB_BAND_ALL ){
    int m = cube_met_find(pC, "nps");
    if( m < 0 || pC->aMet[m].kind!=CUBE_MET_NPS ) return err_set(ECX_EINVAL, "%s", _("there is no NPS question to choose detractors, passives or promoters by"));
    pNps = &pC->aMet[m];
  }
  rc = verb_terms(q->zSearch, &zTerms, &nTerm);
  if( rc ) return rc;
  if( nTerm && p->n ){
    aMark = ecx_calloc((size_t)p->n, 1);
    mark_matches(p, zTerms, nTerm, aMark);
  }
  pR->aHit = ecx_malloc(sizeof(int64_t)*(size_t)(q->nMax > 0 ? q->nMax : 1));
  for(int64_t k = p->n - 1; k >= 0; k--){
    uint32_t e = p->aOrder[k];
    if( nTerm && !aMark[e] ) continue;
    if( !row_ok(pC, q, pNps, p->aRow[e]) ) continue;
    if( pR->nMatch >= q->iFirst && pR->nHit < q->nMax ) pR->aHit[pR->nHit++] = e;
    pR->nMatch++;
  }
  free(aMark);
  free(zTerms);
  return ECX_OK;
}

void verb_result_free(VerbResult *pR){
  free(pR->aHit);
  memset(pR, 0, sizeof *pR);
}
