/*
** Batched response storage (see store_batch.h).
**
** A flush gives the batch's responses consecutive ids after the largest in
** the table (the caller's transaction holds the write lock, so nobody else
** can take them) and inserts them with "INSERT OR IGNORE" (no statement
** journal: the only constraint that can fail is the (survey, source id)
** key); when fewer rows went in than were queued, the ids present tell
** which did.
**
** Answers take one of two ways, chosen at the first flush:
**  - staged, when no answer in the workspace belongs to a question with an
**    id as large as the batch's smallest (a new survey, the usual first
**    import): each question's answers are appended to a temporary table of
**    its own, in response order, and store_batch_finish() copies the tables
**    into `answer` question by question. Every insert then lands at the
**    right edge of the answer b-tree, several times cheaper than inserting
**    into the middle of it, where each leaf split rebalances full siblings;
**  - direct otherwise: each flush sorts its answers by (question, response)
**    and inserts them.
** Rows go in with multi-row INSERTs of 128, 16 and 1 rows.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_batch.h"
#include "../base/buf.h"
#include "../base/db.h"
#include "../base/err.h"

/* Rows per multi-row INSERT: as many of the largest as fit, then smaller. */
static const int aChunk[] = {128, 16, 1};
#define NCHUNK 3
/* Statements kept for at most this many staging tables (more are prepared
** for each flush). */
#define STAGE_KEEP 64

typedef struct MultiIns { Stmt *ap[NCHUNK]; } MultiIns;

typedef struct Stage {
  int64_t questionId;
  int iTable;                /* temp.ecx_stage_N */
  int nRow;                  /* answers of this flush (bucket size) */
  int iFirst;                /* their first slot in aOrder */
  MultiIns ins;
} Stage;

enum { MODE_UNDECIDED, MODE_DIRECT, MODE_STAGED };

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
  MultiIns insResp, insAns;  /* kept statements, prepared on first use */
  int mode;
  Stage *aStage; int nStage; /* staged mode: one per question, as seen */
  int *aOrder; int nOrderAlloc;   /* answer slots grouped by stage */
  int *aSlot; int nSlot;     /* open addressing: question id -> stage + 1 */
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

static void multi_free(MultiIns *m){
  for(int i = 0; i < NCHUNK; i++){ db_finalize(m->ap[i]); m->ap[i] = 0; }
}

void store_batch_free(StoreBatch *p){
  if( !p ) return;
  multi_free(&p->insResp);
  multi_free(&p->insAns);
  for(int i = 0; i < p->nStage; i++) multi_free(&p->aStage[i].ins);
  free(p->aStage); free(p->aOrder); free(p->aSlot);
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

/* Insert rows [iFirst, iFirst+nRow) with "HEAD TUPLE,... TAIL" statements
** of aChunk[] rows, prepared on first use and kept in *m when keep is set
** (else finalized). *pnChanged is incremented by the rows changed. */
static int multi_insert(StoreBatch *p, MultiIns *m, int keep, const char *zHead,
                        const char *zTuple, const char *zTail, int nPerRow,
                        int iFirst, int nRow, BindRow xBind, int64_t *pnChanged){
  int rc = ECX_OK, i = iFirst, iEnd = iFirst + nRow;
  for(int c = 0; c < NCHUNK && rc==ECX_OK; c++){
    if( iEnd - i < aChunk[c] ) continue;
    if( !m->ap[c] ){
      char *zSql = multi_sql(zHead, zTuple, aChunk[c], zTail);
      rc = db_prepare(p->pWs->pDb, &m->ap[c], zSql);
      free(zSql);
    }
    for(; rc==ECX_OK && iEnd - i >= aChunk[c]; i += aChunk[c]){
      rc = run_chunk(p, m->ap[c], nPerRow, i, aChunk[c], xBind, pnChanged);
    }
  }
  if( !keep ) multi_free(m);
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
  rc = multi_insert(p, &p->insResp, 1,
      "INSERT OR IGNORE INTO response(id, survey_id, respondent_id, touchpoint_id, channel_id, ts,"
      " language, competitor_id, source_id) VALUES", "(?,?,?,?,?,?,?,?,?)", "",
      9, 0, p->nResp, bind_response, pnNew);
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

/* Keep the answers of new responses (in queue order), with their ids. */
static void keep_new_answers(StoreBatch *p){
  int n = 0;
  for(int i = 0; i < p->nAns; i++){
    const BResp *r = &p->aResp[p->aAns[i].iResp];
    if( !r->isNew ) continue;
    p->aAns[n] = p->aAns[i];
    p->aAns[n++].responseId = r->id;
  }
  p->nAns = n;
}

/* Direct mode: the flush's answers sorted by (question, response). */
static int write_direct(StoreBatch *p){
  int64_t nIns = 0;
  if( p->nAns > 1 ) qsort(p->aAns, (size_t)p->nAns, sizeof *p->aAns, cmp_answer);
  return multi_insert(p, &p->insAns, 1,
                      "INSERT OR IGNORE INTO answer(question_id, response_id, num, txt) VALUES",
                      "(?,?,?,?)", "", 4, 0, p->nAns, bind_answer, &nIns);
}

/* The stage of a question, created (table and all) when new. */
static int stage_of(StoreBatch *p, int64_t questionId, int *piStage){
  if( p->nStage * 2 >= p->nSlot ){
    int nSlot = p->nSlot ? 2 * p->nSlot : 256;
    int *aSlot = ecx_calloc((size_t)nSlot, sizeof *aSlot);
    for(int i = 0; i < p->nStage; i++){
      uint64_t h = (uint64_t)p->aStage[i].questionId * 0x9E3779B97F4A7C15ull;
      int k = (int)(h >> 40) & (nSlot - 1);
      while( aSlot[k] ) k = (k + 1) & (nSlot - 1);
      aSlot[k] = i + 1;
    }
    free(p->aSlot);
    p->aSlot = aSlot;
    p->nSlot = nSlot;
  }
  uint64_t h = (uint64_t)questionId * 0x9E3779B97F4A7C15ull;
  int k = (int)(h >> 40) & (p->nSlot - 1);
  while( p->aSlot[k] ){
    if( p->aStage[p->aSlot[k] - 1].questionId==questionId ){ *piStage = p->aSlot[k] - 1; return ECX_OK; }
    k = (k + 1) & (p->nSlot - 1);
  }
  char zSql[128];
  snprintf(zSql, sizeof zSql, "CREATE TEMP TABLE ecx_stage_%d(r INTEGER, num INTEGER, txt TEXT)",
           p->nStage);
  int rc = db_exec(p->pWs->pDb, zSql);
  if( rc ) return rc;
  p->aStage = ecx_realloc(p->aStage, (size_t)(p->nStage + 1) * sizeof *p->aStage);
  Stage *st = &p->aStage[p->nStage];
  memset(st, 0, sizeof *st);
  st->questionId = questionId;
  st->iTable = p->nStage;
  p->aSlot[k] = p->nStage + 1;
  *piStage = p->nStage++;
  return ECX_OK;
}

static int bind_staged(StoreBatch *p, Stmt *s, int k, int iRow){
  const BAns *a = &p->aAns[p->aOrder[iRow]];
  int rc = db_bind_int(s, k, a->responseId);
  if( rc==ECX_OK ) rc = a->hasNum ? db_bind_int(s, k + 1, a->num) : db_bind_null(s, k + 1);
  if( rc==ECX_OK ) rc = a->hasText ? db_bind_text(s, k + 2, text_at(p, a->oText), -1)
                                   : db_bind_null(s, k + 2);
  return rc;
}

/* Staged mode: append the flush's answers to their questions' tables. */
static int write_staged(StoreBatch *p){
  int rc = ECX_OK;
  if( p->nAns > p->nOrderAlloc ){
    p->nOrderAlloc = p->nAns;
    free(p->aOrder);
    p->aOrder = ecx_malloc((size_t)p->nOrderAlloc * sizeof *p->aOrder);
  }
  for(int i = 0; i < p->nStage; i++) p->aStage[i].nRow = 0;
  /* Bucket the answers by stage, keeping response order in each. */
  int *aStageOf = p->aOrder;   /* first pass: stage of each answer */
  for(int i = 0; i < p->nAns && rc==ECX_OK; i++){
    rc = stage_of(p, p->aAns[i].questionId, &aStageOf[i]);
    if( rc==ECX_OK ) p->aStage[aStageOf[i]].nRow++;
  }
  if( rc ) return rc;
  int n = 0;
  for(int i = 0; i < p->nStage; i++){ p->aStage[i].iFirst = n; n += p->aStage[i].nRow; p->aStage[i].nRow = 0; }
  /* iResp is not needed any more: it takes each answer's slot. */
  for(int i = 0; i < p->nAns; i++){
    Stage *st = &p->aStage[aStageOf[i]];
    p->aAns[i].iResp = st->iFirst + st->nRow++;
  }
  for(int i = 0; i < p->nAns; i++) p->aOrder[p->aAns[i].iResp] = i;
  for(int i = 0; i < p->nStage && rc==ECX_OK; i++){
    Stage *st = &p->aStage[i];
    if( st->nRow==0 ) continue;
    char zHead[96];
    int64_t nIns = 0;
    snprintf(zHead, sizeof zHead, "INSERT INTO temp.ecx_stage_%d(r, num, txt) VALUES", st->iTable);
    rc = multi_insert(p, &st->ins, i < STAGE_KEEP, zHead, "(?,?,?)", "", 3, st->iFirst, st->nRow,
                      bind_staged, &nIns);
  }
  return rc;
}

static int cmp_stage(const void *pA, const void *pB){
  const Stage *a = pA, *b = pB;
  return (a->questionId > b->questionId) - (a->questionId < b->questionId);
}

int store_batch_finish(StoreBatch *p, int64_t *pnNew, int64_t *pnDup, int *pTag){
  int rc = store_batch_flush(p, pnNew, pnDup, pTag);
  *pTag = 0;
  /* Question by question, in the key order of `answer`: each copy appends. */
  for(int i = 0; i < p->nStage; i++) multi_free(&p->aStage[i].ins);
  if( p->nStage > 1 ) qsort(p->aStage, (size_t)p->nStage, sizeof *p->aStage, cmp_stage);
  for(int i = 0; i < p->nStage && rc==ECX_OK; i++){
    char zSql[160];
    Stmt *s;
    snprintf(zSql, sizeof zSql, "INSERT OR IGNORE INTO answer(question_id, response_id, num, txt)"
             " SELECT ?1, r, num, txt FROM temp.ecx_stage_%d ORDER BY rowid", p->aStage[i].iTable);
    rc = db_prepare(p->pWs->pDb, &s, zSql);
    if( rc ) break;
    db_bind_int(s, 1, p->aStage[i].questionId);
    rc = db_step(s);
    rc = rc==DB_DONE ? ECX_OK : rc;
    db_finalize(s);
    snprintf(zSql, sizeof zSql, "DROP TABLE temp.ecx_stage_%d", p->aStage[i].iTable);
    if( rc==ECX_OK ) rc = db_exec(p->pWs->pDb, zSql);
  }
  free(p->aStage); p->aStage = 0; p->nStage = 0;
  free(p->aSlot); p->aSlot = 0; p->nSlot = 0;
  return rc;
}

/* At the first flush: staged if no answer has a question id as large as
** the smallest of this batch. */
static int choose_mode(StoreBatch *p){
  if( p->mode!=MODE_UNDECIDED || p->nAns==0 ) return ECX_OK;
  int64_t qMin = p->aAns[0].questionId, found = 0;
  for(int i = 1; i < p->nAns; i++) if( p->aAns[i].questionId < qMin ) qMin = p->aAns[i].questionId;
  Stmt *s;
  int rc = db_cached(p->pWs->pDb, &s, "SELECT EXISTS(SELECT 1 FROM answer WHERE question_id>=?1)");
  if( rc ) return rc;
  db_bind_int(s, 1, qMin);
  rc = db_step(s);
  if( rc==DB_ROW ) found = db_column_int(s, 0);
  db_reset(s);
  if( rc!=DB_ROW ) return rc;
  p->mode = found ? MODE_DIRECT : MODE_STAGED;
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
  int64_t nNew = 0;
  int rc = write_responses(p, &nNew);
  if( rc==ECX_OK ){
    keep_new_answers(p);
    rc = choose_mode(p);
  }
  if( rc==ECX_OK ) rc = p->mode==MODE_STAGED ? write_staged(p) : write_direct(p);
  if( rc==ECX_OK ) rc = write_attrs(p);
  if( rc==ECX_OK ){
    *pnNew += nNew;
    *pnDup += p->nResp - nNew;
  }
  batch_reset(p);
  return rc;
}
