/*
** Loading the cube from the workspace, and keeping it current.
**
** Loading is appending to an empty cube: dictionaries are extended with the
** values the database has and the cube lacks, then responses with an id
** above the last one loaded are appended, then their answers and their
** respondents' attributes are merged in by id order (the answer table is
** keyed by question, then response, so one question's answers arrive
** sorted). A change other than new responses (a new question, segment or
** attribute, or a deleted response) makes cube_refresh reload whole.
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <stdio.h>
#include "cube_int.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../model/entity.h"

enum { COL_SURVEY, COL_TOUCHPOINT, COL_CHANNEL, COL_LANGUAGE, COL_COMPETITOR, COL_SEGMENT, COL_NFIXED };

typedef struct Loader {
  Cube *pCube;
  Db *pDb;
  int64_t row0, nNew;   /* the rows being appended */
  int64_t *aId;         /* their response ids, ascending */
  int64_t *aResp;       /* their respondent ids (0: none) */
} Loader;

/* The signature of what the cube's shape depends on. Caller frees. */
static int shape_signature(Db *pDb, char **pz){
  return db_text(pDb, pz,
    "SELECT (SELECT count(*)||':'||coalesce(max(id),0)||':'||coalesce(sum(length(type)*7+"
    "coalesce(dimension_id,0)*13+coalesce(attribute_id,0)*17+coalesce(scale_min,0)*3+"
    "coalesce(scale_max,0)*5),0) FROM question)"
    "||'/'||(SELECT coalesce(group_concat(name||'='||filter, ';'),'') FROM"
    " (SELECT name, filter FROM segment ORDER BY id))"
    "||'/'||(SELECT coalesce(group_concat(id||'='||name, ';'),'') FROM"
    " (SELECT id, name FROM attribute ORDER BY id))"
    /* Labels and touchpoint order: a rename through the API reloads. */
    "||'/'||(SELECT coalesce(group_concat(id||'='||name||'@'||position, ';'),'') FROM"
    " (SELECT id, name, position FROM touchpoint ORDER BY id))"
    "||'/'||(SELECT coalesce(group_concat(id||'='||name, ';'),'') FROM"
    " (SELECT id, name FROM channel UNION ALL SELECT -id, name FROM competitor"
    "  UNION ALL SELECT 1000000000+id, name FROM dimension ORDER BY 1))", 0);
}

static void col_init(Cube *pCube, CubeColKind kind, const char *zName, int64_t attrId){
  CubeCol *p;
  pCube->aCol = ecx_realloc(pCube->aCol, sizeof(CubeCol)*(size_t)(pCube->nCol + 1));
  p = &pCube->aCol[pCube->nCol++];
  memset(p, 0, sizeof *p);
  p->zName = ecx_strdup(zName);
  p->kind = kind;
  p->width = 1;
  p->aCode = ecx_calloc((size_t)(pCube->nAlloc>0 ? pCube->nAlloc : 1), 1);
  p->azValue = ecx_calloc(1, sizeof(char*));
  p->aKey = ecx_calloc(1, sizeof(int64_t));
  p->aKey[0] = attrId;   /* attribute columns remember their attribute id here */
}

/* Add a metric fed by question qId, finding or creating it by name. */
static void met_add_question(Cube *pCube, CubeMetKind kind, const char *zName,
                             int lo, int hi, int64_t qId){
  CubeMetric *p = 0;
  char zAlt[300];
  int i;
  for(i=0; i<pCube->nMet; i++){
    CubeMetric *q = &pCube->aMet[i];
    if( strcmp(q->zName, zName)==0 && q->kind==kind && q->scaleMin==lo && q->scaleMax==hi ){
      p = q;
      break;
    }
  }
  if( p==0 && cube_met_find(pCube, zName)>=0 ){
    snprintf(zAlt, sizeof zAlt, "%s (%d-%d)", zName, lo, hi);
    zName = zAlt;
    i = cube_met_find(pCube, zName);
    if( i>=0 ) p = &pCube->aMet[i];
  }
  if( p==0 ){
    pCube->aMet = ecx_realloc(pCube->aMet, sizeof(CubeMetric)*(size_t)(pCube->nMet + 1));
    p = &pCube->aMet[pCube->nMet++];
    memset(p, 0, sizeof *p);
    p->zName = ecx_strdup(zName);
    p->kind = kind;
    p->scaleMin = lo;
    p->scaleMax = hi;
  }
  p->aQuestion = ecx_realloc(p->aQuestion, sizeof(int64_t)*(size_t)(p->nQuestion + 1));
  p->aQuestion[p->nQuestion++] = qId;
}

/* Create the columns and metrics of an empty cube. */
static int setup_shape(Cube *pCube, Db *pDb){
  static const char *const azFixed[] = {
    "survey", "touchpoint", "channel", "language", "competitor", "segment"
  };
  Stmt *pStmt = 0;
  int i, rc;
  for(i=0; i<COL_NFIXED; i++) col_init(pCube, (CubeColKind)i, azFixed[i], 0);
  rc = db_prepare(pDb, &pStmt, "SELECT id, name FROM attribute ORDER BY id");
  while( rc==ECX_OK && (rc = db_step(pStmt))==DB_ROW ){
    const char *zName = db_column_text(pStmt, 1);
    char zAlt[300];
    if( cube_col_find(pCube, zName)>=0 ){
      snprintf(zAlt, sizeof zAlt, "attribute:%s", zName);
      zName = zAlt;
    }
    col_init(pCube, CUBE_COL_ATTRIBUTE, zName, db_column_int(pStmt, 0));
    rc = ECX_OK;
  }
  if( rc==DB_DONE ) rc = ECX_OK;
  db_finalize(pStmt);
  if( rc ) return rc;
  rc = db_prepare(pDb, &pStmt,
    "SELECT q.id, q.type, coalesce(q.scale_min,0), coalesce(q.scale_max,0), q.code, d.name"
    " FROM question q LEFT JOIN dimension d ON d.id=q.dimension_id"
    " WHERE q.type IN ('nps','csat','ces','rating')"
    " ORDER BY CASE q.type WHEN 'nps' THEN 0 WHEN 'csat' THEN 1 WHEN 'ces' THEN 2 ELSE 3 END,"
    " coalesce(q.dimension_id, 1e18), q.id");
  while( rc==ECX_OK && (rc = db_step(pStmt))==DB_ROW ){
    int t = qtype_from_name(db_column_text(pStmt, 1));
    int lo = (int)db_column_int(pStmt, 2), hi = (int)db_column_int(pStmt, 3);
    const char *zName = db_column_is_null(pStmt, 5) ? db_column_text(pStmt, 4) : db_column_text(pStmt, 5);
    CubeMetKind k = t==Q_NPS ? CUBE_MET_NPS : t==Q_CSAT ? CUBE_MET_CSAT : t==Q_CES ? CUBE_MET_CES : CUBE_MET_RATING;
    if( k!=CUBE_MET_RATING ){
      qtype_scale((QType)t, &lo, &hi);
      zName = qtype_name((QType)t);
    }
    if( lo>=0 && hi<=10 && lo<hi ) met_add_question(pCube, k, zName, lo, hi, db_column_int(pStmt, 0));
    rc = ECX_OK;
  }
  if( rc==DB_DONE ) rc = ECX_OK;
  db_finalize(pStmt);
  if( rc ) return rc;
  cube_met_columns(pCube, pCube->nAlloc);
  rc = db_prepare(pDb, &pStmt, "SELECT name, filter FROM segment ORDER BY id");
  while( rc==ECX_OK && (rc = db_step(pStmt))==DB_ROW ){
    if( pCube->nSegment>=CUBE_MAX_SEGMENT ){
      rc = err_set(ECX_ETOOBIG, _("more than %d segments"), CUBE_MAX_SEGMENT);
      break;
    }
    pCube->azSegment = ecx_realloc(pCube->azSegment, sizeof(char*)*(size_t)(pCube->nSegment + 1));
    pCube->azSegmentFilter = ecx_realloc(pCube->azSegmentFilter, sizeof(char*)*(size_t)(pCube->nSegment + 1));
    pCube->azSegment[pCube->nSegment] = ecx_strdup(db_column_text(pStmt, 0));
    pCube->azSegmentFilter[pCube->nSegment++] = ecx_strdup(db_column_text(pStmt, 1));
    rc = ECX_OK;
  }
  if( rc==DB_DONE ) rc = ECX_OK;
  db_finalize(pStmt);
  return rc;
}

/* Record that database id `key` has code c in column p. */
static void col_map_key(CubeCol *p, int64_t key, unsigned c){
  if( key<0 ) return;
  if( key>=p->nCodeOfKey ){
    int64_t n = key + 1 + key/2;
    p->aCodeOfKey = ecx_realloc(p->aCodeOfKey, sizeof(unsigned)*(size_t)n);
    memset(p->aCodeOfKey + p->nCodeOfKey, 0, sizeof(unsigned)*(size_t)(n - p->nCodeOfKey));
    p->nCodeOfKey = n;
  }
  p->aCodeOfKey[key] = c;
}

static unsigned col_code_of_key(const CubeCol *p, int64_t key){
  return key>0 && key<p->nCodeOfKey ? p->aCodeOfKey[key] : 0;
}

/* Extend column iCol with the (id, label) rows of zSql it lacks. For
** attribute values the query's third column names the attribute. */
static int extend_dict(Cube *pCube, Db *pDb, int iCol, const char *zSql){
  Stmt *pStmt = 0;
  int rc = db_prepare(pDb, &pStmt, zSql);
  while( rc==ECX_OK && (rc = db_step(pStmt))==DB_ROW ){
    int64_t id = db_column_int(pStmt, 0);
    CubeCol *p = &pCube->aCol[iCol];
    unsigned c;
    rc = ECX_OK;
    if( iCol<0 ){
      int64_t attrId = db_column_int(pStmt, 2);
      int k;
      for(k=COL_NFIXED; k<pCube->nCol && pCube->aCol[k].aKey[0]!=attrId; k++){}
      if( k==pCube->nCol ) continue;
      p = &pCube->aCol[k];
    }
    if( col_code_of_key(p, id) ) continue;
    rc = cube_col_add(pCube, p, db_column_text(pStmt, 1), id, &c);
    if( rc==ECX_OK ) col_map_key(p, id, c);
  }
  if( rc==DB_DONE ) rc = ECX_OK;
  db_finalize(pStmt);
  return rc;
}

static int extend_dicts(Cube *pCube, Db *pDb){
  int rc = extend_dict(pCube, pDb, COL_SURVEY, "SELECT id, code FROM survey ORDER BY id");
  if( rc==ECX_OK ) rc = extend_dict(pCube, pDb, COL_TOUCHPOINT, "SELECT id, name FROM touchpoint ORDER BY position, id");
  if( rc==ECX_OK ) rc = extend_dict(pCube, pDb, COL_CHANNEL, "SELECT id, name FROM channel ORDER BY id");
  if( rc==ECX_OK ) rc = extend_dict(pCube, pDb, COL_COMPETITOR, "SELECT id, name FROM competitor ORDER BY id");
  if( rc==ECX_OK ) rc = extend_dict(pCube, pDb, -1, "SELECT id, value, attribute_id FROM attribute_value ORDER BY id");
  return rc;
}

static void grow(Cube *pCube, int64_t nNeed){
  int64_t n = pCube->nAlloc;
  int i;
  if( nNeed<=n ) return;
  while( n<nNeed ) n = n<1024 ? 1024 : n*2;
  pCube->aDay = ecx_realloc(pCube->aDay, sizeof(uint16_t)*(size_t)n);
  for(i=0; i<pCube->nCol; i++){
    CubeCol *p = &pCube->aCol[i];
    p->aCode = ecx_realloc(p->aCode, (size_t)(n*p->width));
  }
  cube_met_columns(pCube, n);
  pCube->nAlloc = n;
}

/* Code of a language, added on first sight. */
static int language_code(Cube *pCube, const char *z, unsigned *pC){
  CubeCol *p = &pCube->aCol[COL_LANGUAGE];
  int i;
  if( z==0 || z[0]==0 ){ *pC = 0; return ECX_OK; }
  for(i=p->nValue; i>=1; i--){
    if( strcmp(p->azValue[i], z)==0 ){ *pC = (unsigned)i; return ECX_OK; }
  }
  return cube_col_add(pCube, p, z, 0, pC);
}

static int append_responses(Loader *pL){
  Cube *pCube = pL->pCube;
  Stmt *pStmt = 0;
  int64_t nCap = 0;
  int rc = db_prepare(pL->pDb, &pStmt,
    "SELECT id, survey_id, coalesce(respondent_id,0), coalesce(touchpoint_id,0),"
    " coalesce(channel_id,0), ts, language, coalesce(competitor_id,0)"
    " FROM response WHERE id>?1 ORDER BY id");
  if( rc==ECX_OK ) rc = db_bind_int(pStmt, 1, pCube->maxResponseId);
  while( rc==ECX_OK && (rc = db_step(pStmt))==DB_ROW ){
    int64_t i = pCube->nRow, day = util_day_of_ts(db_column_int(pStmt, 5));
    int64_t k = pL->nNew;
    int m;
    unsigned c = 0;
    rc = ECX_OK;
    grow(pCube, i + 1);
    if( k>=nCap ){
      nCap = nCap ? nCap*2 : 4096;
      pL->aId = ecx_realloc(pL->aId, sizeof(int64_t)*(size_t)nCap);
      pL->aResp = ecx_realloc(pL->aResp, sizeof(int64_t)*(size_t)nCap);
    }
    pL->aId[k] = db_column_int(pStmt, 0);
    pL->aResp[k] = db_column_int(pStmt, 2);
    if( day<0 ) day = 0;
    if( day>65535 ) day = 65535;
    pCube->aDay[i] = (uint16_t)day;
    if( day<pCube->dayMin ) pCube->dayMin = day;
    if( day>pCube->dayMax ) pCube->dayMax = day;
    cube_set_code(&pCube->aCol[COL_SURVEY], i, col_code_of_key(&pCube->aCol[COL_SURVEY], db_column_int(pStmt, 1)));
    cube_set_code(&pCube->aCol[COL_TOUCHPOINT], i, col_code_of_key(&pCube->aCol[COL_TOUCHPOINT], db_column_int(pStmt, 3)));
    cube_set_code(&pCube->aCol[COL_CHANNEL], i, col_code_of_key(&pCube->aCol[COL_CHANNEL], db_column_int(pStmt, 4)));
    cube_set_code(&pCube->aCol[COL_COMPETITOR], i, col_code_of_key(&pCube->aCol[COL_COMPETITOR], db_column_int(pStmt, 7)));
    rc = language_code(pCube, db_column_text(pStmt, 6), &c);
    cube_set_code(&pCube->aCol[COL_LANGUAGE], i, c);
    for(m=COL_SEGMENT; m<pCube->nCol; m++) cube_set_code(&pCube->aCol[m], i, 0);
    for(m=0; m<pCube->nMet; m+=2) pCube->aMet[m].aVal[i] = CUBE_MISSING_PAIR;
    if( db_column_int(pStmt, 7)==0 ) pCube->nRowOurs++;
    pCube->maxResponseId = pL->aId[k];
    pCube->nRow++;
    pL->nNew++;
  }
  if( rc==DB_DONE ) rc = ECX_OK;
  db_finalize(pStmt);
  return rc;
}

/* Row of response id among the new rows, searching forward from *pj. */
static int64_t row_of_id(const Loader *pL, int64_t id, int64_t *pj){
  while( *pj<pL->nNew && pL->aId[*pj]<id ) (*pj)++;
  if( *pj<pL->nNew && pL->aId[*pj]==id ) return pL->row0 + *pj;
  return -1;
}

/* Load the answers of metric pairs iFirst, iFirst+step, ... through pDb
** (the two metrics of a pair share their bytes, so one reader does both). */
static int load_answers_part(const Loader *pL, Db *pDb, int iFirst, int step){
  Cube *pCube = pL->pCube;
  Stmt *pStmt = 0;
  int m, q, rc = db_prepare(pDb, &pStmt,
    "SELECT response_id, num FROM answer WHERE question_id=?1 AND response_id>?2 AND num IS NOT NULL");
  int64_t idFloor = pL->nNew ? pL->aId[0] - 1 : 0;
  for(m=2*iFirst; m<pCube->nMet && rc==ECX_OK; m += (m&1) ? 2*step - 1 : 1){
    CubeMetric *pM = &pCube->aMet[m];
    for(q=0; q<pM->nQuestion && rc==ECX_OK; q++){
      int64_t j = 0;
      db_reset(pStmt);
      db_bind_int(pStmt, 1, pM->aQuestion[q]);
      db_bind_int(pStmt, 2, idFloor);
      while( (rc = db_step(pStmt))==DB_ROW ){
        int64_t row = row_of_id(pL, db_column_int(pStmt, 0), &j);
        int64_t v = db_column_int(pStmt, 1);
        if( row>=0 && v>=pM->scaleMin && v<=pM->scaleMax ) cube_set_rating(pM, row, (unsigned)v);
      }
      rc = rc==DB_DONE ? ECX_OK : rc;
    }
  }
  db_finalize(pStmt);
  return rc;
}

typedef struct AnswerWorker {
  const Loader *pL;
  const char *zPath;
  int rc;
  char zErr[512];
} AnswerWorker;

/* A second reader: its own read-only connection (WAL lets readers run side
** by side) loads every other pair of metrics. Answers of responses it sees beyond
** the loaded ones are ignored by the id merge. */
static void *answer_worker(void *pArg){
  AnswerWorker *p = pArg;
  Db *pDb = 0;
  p->rc = db_open(p->zPath, DB_READONLY, &pDb);
  if( p->rc==ECX_OK ){
    p->rc = db_begin_read(pDb);
    if( p->rc==ECX_OK ) p->rc = load_answers_part(p->pL, pDb, 1, 2);
    db_rollback(pDb);
  }
  if( p->rc ) snprintf(p->zErr, sizeof p->zErr, "%s", err_detail());
  db_close(pDb);
  return 0;
}

static int load_answers(Loader *pL){
  AnswerWorker w;
  pthread_t tid;
  int rc;
  if( pL->pCube->nThread<2 || pL->nNew<100000 || pL->pCube->nMet<3 ){
    return load_answers_part(pL, pL->pDb, 0, 1);
  }
  memset(&w, 0, sizeof w);
  w.pL = pL;
  w.zPath = db_filename(pL->pDb);
  if( pthread_create(&tid, 0, answer_worker, &w)!=0 ){
    return load_answers_part(pL, pL->pDb, 0, 1);
  }
  rc = load_answers_part(pL, pL->pDb, 0, 2);
  pthread_join(tid, 0);
  if( rc==ECX_OK && w.rc ) rc = err_set(w.rc, "%s", w.zErr);
  return rc;
}

/* Attributes from the respondent_attribute table, then from answers to
** attribute questions (which take precedence). */
static int load_attributes(Loader *pL){
  Cube *pCube = pL->pCube;
  int nAttr = pCube->nCol - COL_NFIXED, a, rc = ECX_OK;
  int64_t k, lo = INT64_MAX, hi = 0, j;
  Stmt *pStmt = 0;
  if( nAttr==0 || pL->nNew==0 ) return ECX_OK;
  for(k=0; k<pL->nNew; k++){
    if( pL->aResp[k]>0 && pL->aResp[k]<lo ) lo = pL->aResp[k];
    if( pL->aResp[k]>hi ) hi = pL->aResp[k];
  }
  if( hi>=lo ){
    uint16_t *aTab = ecx_calloc((size_t)(hi - lo + 1)*(size_t)nAttr, sizeof(uint16_t));
    rc = db_prepare(pL->pDb, &pStmt,
      "SELECT respondent_id, attribute_id, value_id FROM respondent_attribute"
      " WHERE respondent_id BETWEEN ?1 AND ?2");
    if( rc==ECX_OK ){ db_bind_int(pStmt, 1, lo); db_bind_int(pStmt, 2, hi); }
    while( rc==ECX_OK && (rc = db_step(pStmt))==DB_ROW ){
      int64_t attrId = db_column_int(pStmt, 1);
      rc = ECX_OK;
      for(a=0; a<nAttr && pCube->aCol[COL_NFIXED + a].aKey[0]!=attrId; a++){}
      if( a<nAttr ){
        aTab[(db_column_int(pStmt, 0) - lo)*nAttr + a] =
          (uint16_t)col_code_of_key(&pCube->aCol[COL_NFIXED + a], db_column_int(pStmt, 2));
      }
    }
    if( rc==DB_DONE ) rc = ECX_OK;
    db_finalize(pStmt);
    for(k=0; k<pL->nNew && rc==ECX_OK; k++){
      if( pL->aResp[k]<=0 ) continue;
      for(a=0; a<nAttr; a++){
        cube_set_code(&pCube->aCol[COL_NFIXED + a], pL->row0 + k, aTab[(pL->aResp[k] - lo)*nAttr + a]);
      }
    }
    free(aTab);
  }
  if( rc ) return rc;
  rc = db_prepare(pL->pDb, &pStmt,
    "SELECT a.response_id, a.txt, q.attribute_id FROM question q"
    " JOIN answer a ON a.question_id=q.id AND a.response_id>?1"
    " WHERE q.type='attribute' AND a.txt IS NOT NULL AND a.txt<>'' ORDER BY q.id, a.response_id");
  if( rc==ECX_OK ) rc = db_bind_int(pStmt, 1, pL->aId[0] - 1);
  j = 0;
  {
    int64_t attrPrev = -1;
    while( rc==ECX_OK && (rc = db_step(pStmt))==DB_ROW ){
      int64_t attrId = db_column_int(pStmt, 2), row;
      const char *z = db_column_text(pStmt, 1);
      CubeCol *p;
      unsigned c;
      int i;
      rc = ECX_OK;
      if( attrId!=attrPrev ){ j = 0; attrPrev = attrId; }
      for(a=0; a<nAttr && pCube->aCol[COL_NFIXED + a].aKey[0]!=attrId; a++){}
      row = row_of_id(pL, db_column_int(pStmt, 0), &j);
      if( a==nAttr || row<0 ) continue;
      p = &pCube->aCol[COL_NFIXED + a];
      for(i=1; i<=p->nValue && strcmp(p->azValue[i], z)!=0; i++){}
      c = (unsigned)i;
      if( i>p->nValue ) rc = cube_col_add(pCube, p, z, 0, &c);
      if( rc==ECX_OK ) cube_set_code(p, row, c);
    }
    if( rc==DB_DONE ) rc = ECX_OK;
  }
  db_finalize(pStmt);
  return rc;
}

/* Segment combination of each new row. */
static int assign_segments(Loader *pL){
  Cube *pCube = pL->pCube;
  CubeCol *pSeg = &pCube->aCol[COL_SEGMENT];
  CubeWhere *aW;
  uint8_t aOk[1024];
  uint64_t aMask[1024];
  int s, rc = ECX_OK;
  int64_t i0;
  if( pCube->nSegment==0 ) return ECX_OK;
  aW = ecx_calloc((size_t)pCube->nSegment, sizeof(CubeWhere));
  for(s=0; s<pCube->nSegment && rc==ECX_OK; s++){
    Filter f;
    rc = filter_parse(pCube->azSegmentFilter[s], &f);
    if( rc==ECX_OK ) rc = cube_where_compile(pCube, &f, 1, &aW[s]);
    filter_free(&f);
    if( rc ) rc = err_set(rc, _("segment \"%s\": %s"), pCube->azSegment[s], err_detail());
  }
  for(i0=pL->row0; rc==ECX_OK && i0<pCube->nRow; i0+=1024){
    int n = pCube->nRow - i0 < 1024 ? (int)(pCube->nRow - i0) : 1024, i;
    memset(aMask, 0, sizeof aMask);
    for(s=0; s<pCube->nSegment; s++){
      memset(aOk, 1, sizeof aOk);
      cube_where_eval(pCube, &aW[s], i0, n, aOk);
      for(i=0; i<n; i++) aMask[i] |= (uint64_t)aOk[i] << s;
    }
    for(i=0; i<n && rc==ECX_OK; i++){
      unsigned c;
      if( aMask[i]==0 ) continue;
      for(c=1; c<=(unsigned)pSeg->nValue && (uint64_t)pSeg->aKey[c]!=aMask[i]; c++){}
      if( c>(unsigned)pSeg->nValue ) rc = cube_col_add(pCube, pSeg, 0, (int64_t)aMask[i], &c);
      if( rc==ECX_OK ) cube_set_code(pSeg, i0 + i, c);
    }
  }
  for(s=0; s<pCube->nSegment; s++) cube_where_free(&aW[s]);
  free(aW);
  return rc;
}

static int cube_append(Cube *pCube, Db *pDb, int64_t *pnAdded){
  Loader l;
  int rc;
  memset(&l, 0, sizeof l);
  l.pCube = pCube;
  l.pDb = pDb;
  l.row0 = pCube->nRow;
  rc = extend_dicts(pCube, pDb);
  if( rc==ECX_OK ) rc = append_responses(&l);
  if( rc==ECX_OK && l.nNew ) rc = load_answers(&l);
  if( rc==ECX_OK && l.nNew ) rc = load_attributes(&l);
  if( rc==ECX_OK && l.nNew ) rc = assign_segments(&l);
  free(l.aId);
  free(l.aResp);
  *pnAdded = l.nNew;
  return rc;
}

int cube_load(Workspace *pWs, Cube **ppCube){
  Cube *pCube = 0;
  char *zSig = 0;
  int64_t nAdded = 0;
  long nCpu = sysconf(_SC_NPROCESSORS_ONLN);
  int rc, fromCache = 0;
  *ppCube = 0;
  rc = db_begin_read(pWs->pDb);   /* one read snapshot for the whole load; writers go on */
  if( rc==ECX_OK ) rc = shape_signature(pWs->pDb, &zSig);
  if( rc==ECX_OK && cube_cache_read(pWs->pDb, zSig, &pCube)==ECX_OK ){
    fromCache = 1;
    free(zSig);
  }else if( rc==ECX_OK ){
    pCube = ecx_calloc(1, sizeof(Cube));
    pCube->zSignature = zSig;
    pCube->dayMin = INT64_MAX;
    pCube->dayMax = INT64_MIN;
    rc = setup_shape(pCube, pWs->pDb);
  }else{
    free(zSig);
  }
  if( pCube ) pCube->nThread = nCpu<1 ? 1 : nCpu>8 ? 8 : (int)nCpu;
  if( rc==ECX_OK ) rc = cube_append(pCube, pWs->pDb, &nAdded);
  db_rollback(pWs->pDb);
  if( rc ){ cube_free(pCube); return rc; }
  if( !fromCache || nAdded>=cube_cache_min_rows/4 ) cube_cache_write(pCube, pWs->pDb);
  *ppCube = pCube;
  return ECX_OK;
}

int cube_count_upto(Db *pDb, int64_t maxId, int64_t *pn){
  /* A whole-table count(*) is answered from the pages of the smallest
  ** index, without stepping through rows; the responses above maxId are
  ** the few added since. */
  Stmt *pStmt = 0;
  int rc = db_prepare(pDb, &pStmt,
    "SELECT (SELECT count(*) FROM response) - (SELECT count(*) FROM response WHERE id>?1)");
  *pn = -1;
  if( rc==ECX_OK ) rc = db_bind_int(pStmt, 1, maxId);
  if( rc==ECX_OK && (rc = db_step(pStmt))==DB_ROW ){ *pn = db_column_int(pStmt, 0); rc = ECX_OK; }
  db_finalize(pStmt);
  return rc;
}

int cube_refresh(Cube *pCube, Workspace *pWs, int64_t *pnAdded){
  char *zSig = 0;
  int64_t nOld = -1;
  int rc = db_begin_read(pWs->pDb);
  if( rc==ECX_OK ) rc = shape_signature(pWs->pDb, &zSig);
  if( rc==ECX_OK ) rc = cube_count_upto(pWs->pDb, pCube->maxResponseId, &nOld);
  if( rc==ECX_OK && nOld==pCube->nRow && strcmp(zSig, pCube->zSignature)==0 ){
    rc = cube_append(pCube, pWs->pDb, pnAdded);
    db_rollback(pWs->pDb);
  }else if( rc==ECX_OK ){
    Cube *pNew = 0, tmp;
    db_rollback(pWs->pDb);
    rc = cube_load(pWs, &pNew);
    if( rc==ECX_OK ){
      tmp = *pCube; *pCube = *pNew; *pNew = tmp;
      cube_free(pNew);
      *pnAdded = -1;
    }
  }else{
    db_rollback(pWs->pDb);
  }
  free(zSig);
  return rc;
}
