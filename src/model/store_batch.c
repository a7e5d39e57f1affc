/*
** Batched response storage (see store_batch.h).
**
** A flush gives the batch's responses consecutive ids after the largest in
** the table (the caller's transaction holds the write lock, so nobody else
** can take them) and inserts them with "ON CONFLICT DO NOTHING"; when fewer
** rows went in than were queued, the ids present tell which did. Answers of
** the new responses are then sorted by (question, response) and inserted,
** STORE_CHUNK_ANSWERS rows per statement.
*/
#include <stdlib.h>
#include <string.h>

#include "store_batch.h"
#include "../base/buf.h"
#include "../base/db.h"
#include "../base/err.h"

#define STORE_CHUNK_RESPONSES 100   /* 9 parameters a row */
#define STORE_CHUNK_ANSWERS   250   /* 4 parameters a row */

typedef struct BResp {
  int64_t id, surveyId, respondentId, touchpointId, channelId, competitorId, ts;
  size_t oLang, oSource;     /* offsets of the texts in StoreBatch.text */
  int tag;
  int iAttr, nAttr;          /* its attribute values in aAttr */
  int isNew;
} BResp;

typedef struct BAns {
  int64_t questionId, responseId, num;
  size_t oText;              /* offset in StoreBatch.text, if hasText */
  int iResp;                 /* row in aResp */
  unsigned char hasNum, hasText;
} BAns;

typedef struct BAttr { int64_t respondentId, attrId, valueId; } BAttr;

struct StoreBatch {
  Workspace *pWs;
  BResp *aResp; int nResp;
  BAns *aAns; int nAns, nAnsAlloc;
  BAttr *aAttr; int nAttr, nAttrAlloc;
  Buf text;
  Stmt *pInsResp, *pInsAns;  /* full-chunk statements, prepared on first use */
};

StoreBatch *store_batch_new(Workspace *pWs){
  StoreBatch *p = ecx_calloc(1, sizeof *p);
  p->pWs = pWs;
  p->aResp = ecx_calloc(STORE_BATCH_ROWS, sizeof *p->aResp);
  /* Text past STORE_BATCH_BYTES asks for a flush; one record adds at most
  ** its own size (at most 8 MiB, src/import/csv.h) beyond that. */
  buf_init(&p->text, 4 * (size_t)STORE_BATCH_BYTES + (16u << 20));
  return p;
}

void store_batch_free(StoreBatch *p){
  if( !p ) return;
  db_finalize(p->pInsResp);
  db_finalize(p->pInsAns);
  free(p->aResp); free(p->aAns); free(p->aAttr);
  buf_free(&p->text);
  free(p);
}

static void batch_reset(StoreBatch *p){
  p->nResp = p->nAns = p->nAttr = 0;
  buf_reset(&p->text);
}

/* Copy z (with its terminator) into the text buffer; *pOff is its offset. */
static int put_text(StoreBatch *p, const char *z, size_t *pOff){
  *pOff = p->text.n;
  if( buf_append(&p->text, z, strlen(z) + 1) ){
    return err_set(ECX_ETOOBIG, "a batch of responses holds more than %zu bytes of text", p->text.nMax);
  }
  return ECX_OK;
}

static const char *text_at(const StoreBatch *p, size_t off){ return p->text.z + off; }

int store_batch_add(StoreBatch *p, const ResponseRec *pRec, int tag, int *pFull){
  *pFull = 0;
  if( p->nResp >= STORE_BATCH_ROWS ) err_fatal("store_batch_add: the batch is full");
  size_t n0 = p->text.n;
  BResp *r = &p->aResp[p->nResp];
  memset(r, 0, sizeof *r);
  r->surveyId = pRec->surveyId;
  r->respondentId = pRec->respondentId;
  r->touchpointId = pRec->touchpointId;
  r->channelId = pRec->channelId;
  r->competitorId = pRec->competitorId;
  r->ts = pRec->ts;
  r->tag = tag;
  r->iAttr = p->nAttr;
  int rc = put_text(p, pRec->zLanguage ? pRec->zLanguage : "", &r->oLang);
  if( rc==ECX_OK ) rc = put_text(p, pRec->zSourceId, &r->oSource);
  if( rc==ECX_OK && p->nAns + pRec->nAnswer > p->nAnsAlloc ){
    int nNew = p->nAnsAlloc ? p->nAnsAlloc : 4096;
    while( nNew < p->nAns + pRec->nAnswer ) nNew *= 2;
    p->aAns = ecx_realloc(p->aAns, (size_t)nNew * sizeof *p->aAns);
    p->nAnsAlloc = nNew;
  }
  for(int i = 0; rc==ECX_OK && i < pRec->nAnswer; i++){
    const AnswerRec *a = &pRec->aAnswer[i];
    BAns *b = &p->aAns[p->nAns + i];
    b->questionId = a->questionId;
    b->responseId = 0;
    b->iResp = p->nResp;
    b->hasNum = (unsigned char)(a->hasNum!=0);
    b->num = a->hasNum ? a->num : 0;
    b->hasText = a->zText!=0;
    b->oText = 0;
    if( a->zText ) rc = put_text(p, a->zText, &b->oText);
  }
  if( rc ){
    p->text.n = n0;   /* drop the partial copy; the batch is as before */
    if( p->text.z ) p->text.z[n0] = 0;
    return rc;
  }
  p->nAns += pRec->nAnswer;
  p->nResp++;
  *pFull = p->nResp >= STORE_BATCH_ROWS || p->text.n >= STORE_BATCH_BYTES;
  return ECX_OK;
}

void store_batch_attr(StoreBatch *p, int64_t respondentId, int64_t attrId, int64_t valueId){
  if( p->nResp==0 ) err_fatal("store_batch_attr: no response queued");
  if( p->nAttr >= p->nAttrAlloc ){
    p->nAttrAlloc = p->nAttrAlloc ? 2 * p->nAttrAlloc : 1024;
    p->aAttr = ecx_realloc(p->aAttr, (size_t)p->nAttrAlloc * sizeof *p->aAttr);
  }
  p->aAttr[p->nAttr++] = (BAttr){respondentId, attrId, valueId};
  p->aResp[p->nResp - 1].nAttr++;
}

/* Binds row iRow's values to parameters iParam, iParam+1, ... */
typedef int (*BindRow)(StoreBatch *p, Stmt *s, int iParam, int iRow);

/* "HEAD TUPLE,TUPLE,...TUPLE TAIL" with n tuples. Caller frees. */
static char *multi_sql(const char *zHead, const char *zTuple, int n, const char *zTail){
  Buf b;
  buf_init(&b, 0);
  buf_puts(&b, zHead);
  for(int i = 0; i < n; i++){
    if( i ) buf_putc(&b, ',');
    buf_puts(&b, zTuple);
  }
  buf_puts(&b, zTail);
  return buf_take(&b);
}

/* Run one multi-row statement over rows [iRow, iRow+n). */
static int run_chunk(StoreBatch *p, Stmt *s, int nPerRow, int iRow, int n, BindRow xBind,
                     int64_t *pnChanged){
  int rc = ECX_OK;
  for(int i = 0; i < n && rc==ECX_OK; i++) rc = xBind(p, s, 1 + i * nPerRow, iRow + i);
  if( rc==ECX_OK ){
    rc = db_step(s);
    rc = rc==DB_DONE ? ECX_OK : rc;
  }
  if( rc==ECX_OK ) *pnChanged += db_changes(p->pWs->pDb);
  db_reset(s);
  return rc;
}

/* Insert nRow rows, nChunk per statement (*ppFull, prepared on first use),
** the rest with one statement of their own. *pnChanged: rows changed. */
static int insert_rows(StoreBatch *p, Stmt **ppFull, const char *zHead, const char *zTuple,
                       const char *zTail, int nPerRow, int nChunk, int nRow, BindRow xBind,
                       int64_t *pnChanged){
  int rc = ECX_OK, i = 0;
  *pnChanged = 0;
  if( nRow >= nChunk && !*ppFull ){
    char *zSql = multi_sql(zHead, zTuple, nChunk, zTail);
    rc = db_prepare(p->pWs->pDb, ppFull, zSql);
    free(zSql);
  }
  for(; rc==ECX_OK && i + nChunk <= nRow; i += nChunk){
    rc = run_chunk(p, *ppFull, nPerRow, i, nChunk, xBind, pnChanged);
  }
  if( rc==ECX_OK && i < nRow ){
    Stmt *s;
    char *zSql = multi_sql(zHead, zTuple, nRow - i, zTail);
    rc = db_prepare(p->pWs->pDb, &s, zSql);
    free(zSql);
    if( rc==ECX_OK ){
      rc = run_chunk(p, s, nPerRow, i, nRow - i, xBind, pnChanged);
      db_finalize(s);
    }
  }
  return rc;
}

static int bind_opt(Stmt *s, int i, int64_t v){ return v ? db_bind_int(s, i, v) : db_bind_null(s, i); }

static int bind_response(StoreBatch *p, Stmt *s, int k, int iRow){
  const BResp *r = &p->aResp[iRow];
  int rc = db_bind_int(s, k, r->id);
  if( rc==ECX_OK ) rc = db_bind_int(s, k + 1, r->surveyId);
  if( rc==ECX_OK ) rc = bind_opt(s, k + 2, r->respondentId);
  if( rc==ECX_OK ) rc = bind_opt(s, k + 3, r->touchpointId);
  if( rc==ECX_OK ) rc = bind_opt(s, k + 4, r->channelId);
  if( rc==ECX_OK ) rc = db_bind_int(s, k + 5, r->ts);
  if( rc==ECX_OK ) rc = db_bind_text(s, k + 6, text_at(p, r->oLang), -1);
  if( rc==ECX_OK ) rc = bind_opt(s, k + 7, r->competitorId);
  if( rc==ECX_OK ) rc = db_bind_text(s, k + 8, text_at(p, r->oSource), -1);
  return rc;
}

static int bind_answer(StoreBatch *p, Stmt *s, int k, int iRow){
  const BAns *a = &p->aAns[iRow];
  int rc = db_bind_int(s, k, a->questionId);
  if( rc==ECX_OK ) rc = db_bind_int(s, k + 1, a->responseId);
  if( rc==ECX_OK ) rc = a->hasNum ? db_bind_int(s, k + 2, a->num) : db_bind_null(s, k + 2);
  if( rc==ECX_OK ) rc = a->hasText ? db_bind_text(s, k + 3, text_at(p, a->oText), -1)
                                   : db_bind_null(s, k + 3);
  return rc;
}

static int cmp_answer(const void *pA, const void *pB){
  const BAns *a = pA, *b = pB;
  if( a->questionId!=b->questionId ) return a->questionId < b->questionId ? -1 : 1;
  return (a->responseId > b->responseId) - (a->responseId < b->responseId);
}

/* Give the responses ids and insert them; set isNew on those stored. */
static int write_responses(StoreBatch *p, int64_t *pnNew){
  Db *pDb = p->pWs->pDb;
  Stmt *s;
  int64_t idMax = 0;
  int rc = db_cached(pDb, &s, "SELECT coalesce(max(id), 0) FROM response");
  if( rc ) return rc;
  rc = db_step(s);
  if( rc==DB_ROW ) idMax = db_column_int(s, 0);
  db_reset(s);
  if( rc!=DB_ROW ) return rc;
  for(int i = 0; i < p->nResp; i++){ p->aResp[i].id = idMax + 1 + i; p->aResp[i].isNew = 1; }
  rc = insert_rows(p, &p->pInsResp,
      "INSERT OR IGNORE INTO response(id, survey_id, respondent_id, touchpoint_id, channel_id, ts,"
      " language, competitor_id, source_id) VALUES", "(?,?,?,?,?,?,?,?,?)",
      "",
      9, STORE_CHUNK_RESPONSES, p->nResp, bind_response, pnNew);
  if( rc || *pnNew==p->nResp ) return rc;
  /* Some were duplicates: the ids that are present were stored. */
  for(int i = 0; i < p->nResp; i++) p->aResp[i].isNew = 0;
  rc = db_cached(pDb, &s, "SELECT id FROM response WHERE id BETWEEN ?1 AND ?2");
  if( rc ) return rc;
  db_bind_int(s, 1, idMax + 1);
  db_bind_int(s, 2, idMax + p->nResp);
  while( (rc = db_step(s))==DB_ROW ) p->aResp[db_column_int(s, 0) - idMax - 1].isNew = 1;
  db_reset(s);
  return rc==DB_DONE ? ECX_OK : rc;
}

/* Keep the answers of new responses, sorted by (question, response). */
static int sort_answers(StoreBatch *p, int *pTag){
  int n = 0;
  for(int i = 0; i < p->nAns; i++){
    const BResp *r = &p->aResp[p->aAns[i].iResp];
    if( !r->isNew ) continue;
    p->aAns[n] = p->aAns[i];
    p->aAns[n++].responseId = r->id;
  }
  p->nAns = n;
  qsort(p->aAns, (size_t)n, sizeof *p->aAns, cmp_answer);
  for(int i = 1; i < n; i++){
    if( p->aAns[i].questionId==p->aAns[i-1].questionId && p->aAns[i].responseId==p->aAns[i-1].responseId ){
      *pTag = p->aResp[p->aAns[i].iResp].tag;
      return err_set(ECX_EINVAL, "two answers to the same question in one response");
    }
  }
  return ECX_OK;
}

static int write_attrs(StoreBatch *p){
  Stmt *s;
  int rc = ECX_OK;
  for(int i = 0; i < p->nResp && rc==ECX_OK; i++){
    const BResp *r = &p->aResp[i];
    if( !r->isNew || r->nAttr==0 ) continue;
    rc = db_cached(p->pWs->pDb, &s,
        "INSERT INTO respondent_attribute(respondent_id, attribute_id, value_id)"
        " VALUES(?1,?2,?3) ON CONFLICT(respondent_id, attribute_id)"
        " DO UPDATE SET value_id=excluded.value_id");
    for(int k = r->iAttr; k < r->iAttr + r->nAttr && rc==ECX_OK; k++){
      const BAttr *a = &p->aAttr[k];
      db_bind_int(s, 1, a->respondentId);
      db_bind_int(s, 2, a->attrId);
      db_bind_int(s, 3, a->valueId);
      rc = db_step(s);
      db_reset(s);
      rc = rc==DB_DONE ? ECX_OK : rc;
    }
  }
  return rc;
}

int store_batch_flush(StoreBatch *p, int64_t *pnNew, int64_t *pnDup, int *pTag){
  if( p->nResp==0 ) return ECX_OK;
  *pTag = p->aResp[0].tag;
  int64_t nNew = 0, nAnsIns = 0;
  int rc = write_responses(p, &nNew);
  if( rc==ECX_OK ) rc = sort_answers(p, pTag);
  if( rc==ECX_OK ){
    rc = insert_rows(p, &p->pInsAns, "INSERT OR IGNORE INTO answer(question_id, response_id, num, txt) VALUES",
                     "(?,?,?,?)", "", 4, STORE_CHUNK_ANSWERS, p->nAns, bind_answer, &nAnsIns);
  }
  if( rc==ECX_OK ) rc = write_attrs(p);
  if( rc==ECX_OK ){
    *pnNew += nNew;
    *pnDup += p->nResp - nNew;
  }
  batch_reset(p);
  return rc;
}
