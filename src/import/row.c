/*
** Checking and storing one record (see row.h).
*/
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "row.h"
#include "csv.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../model/entity.h"
#include "../model/store.h"
#include "../model/store_batch.h"
#include "../base/strmap.h"

/* Ids of names already looked up (entities, attribute values), so that a
** row costs a database lookup only for a name not seen before. */
typedef StrMap EntCache;

struct RowCtx {
  Workspace *pWs;
  const Mapping *pMap;
  int64_t surveyId, tsDefault;
  Question *aQ;            /* per column; id 0 if not a question */
  AnswerRec *aAns;         /* answers of the current row */
  int *aAnsCol;            /* column of each answer */
  int *aSameQ;             /* per column: an earlier column of the same question, or -1 */
  int *aAnswered;          /* per column: answered in the current row */
  int nAns;
  int iId, iDate, iLang, iTp, iCh, iComp, iResp;   /* role columns or -1 */
  int64_t tpConst, chConst, compConst;             /* 0 when none */
  EntCache cTp, cCh, cComp;
  StrMap *aAttrCache;      /* per column: attribute value -> id */
  int64_t ts;              /* parsed date of the current row */
  StoreBatch *pBatch;      /* rows stored but not yet written */
  int64_t nNew, nDup;      /* of the rows written so far */
  char zReason[256];
  char zSource[48];
};

static QType role_qtype(Role r){
  switch( r ){
    case ROLE_NPS: return Q_NPS;
    case ROLE_CSAT: return Q_CSAT;
    case ROLE_CES: return Q_CES;
    case ROLE_RATING: return Q_RATING;
    case ROLE_CHOICE: return Q_CHOICE;
    case ROLE_MULTI: return Q_MULTI;
    case ROLE_TEXT: return Q_TEXT;
    default: return Q_ATTRIBUTE;
  }
}

static int const_id(Workspace *pWs, EntKind k, const char *zName, int64_t *pId){
  *pId = 0;
  return zName ? ent_ensure(pWs, k, zName, pId) : ECX_OK;
}

int row_prepare(Workspace *pWs, const Mapping *pMap, int64_t surveyId, int64_t tsDefault,
                RowCtx **pp){
  RowCtx *p = ecx_calloc(1, sizeof *p);
  int n = pMap->nCol;
  p->pWs = pWs; p->pMap = pMap; p->surveyId = surveyId; p->tsDefault = tsDefault;
  p->aQ = ecx_calloc((size_t)n, sizeof *p->aQ);
  p->aAns = ecx_calloc((size_t)n, sizeof *p->aAns);
  strmap_init(&p->cTp, 10000); strmap_init(&p->cCh, 10000); strmap_init(&p->cComp, 10000);
  p->aAttrCache = ecx_calloc((size_t)n + 1, sizeof(StrMap));
  for(int i = 0; i < n; i++) strmap_init(&p->aAttrCache[i], 10000);
  p->aAnsCol = ecx_calloc((size_t)n, sizeof *p->aAnsCol);
  p->aSameQ = ecx_calloc((size_t)n + 1, sizeof *p->aSameQ);
  p->aAnswered = ecx_calloc((size_t)n + 1, sizeof *p->aAnswered);
  p->iId = p->iDate = p->iLang = p->iTp = p->iCh = p->iComp = p->iResp = -1;
  p->pBatch = store_batch_new(pWs);
  *pp = p;
  int rc = ECX_OK;
  for(int i = 0; i < n && rc==ECX_OK; i++){
    const ColMap *c = &pMap->aCol[i];
    switch( c->role ){
      case ROLE_ID: p->iId = i; break;
      case ROLE_DATE: p->iDate = i; break;
      case ROLE_LANGUAGE: p->iLang = i; break;
      case ROLE_TOUCHPOINT: p->iTp = i; break;
      case ROLE_CHANNEL: p->iCh = i; break;
      case ROLE_COMPETITOR: p->iComp = i; break;
      case ROLE_RESPONDENT: p->iResp = i; break;
      default: break;
    }
    if( !role_is_question(c->role) ) continue;
    QuestionDef d = {0};
    d.zCode = c->zName;
    d.type = role_qtype(c->role);
    d.scaleMin = c->scaleMin; d.scaleMax = c->scaleMax;
    d.zDimension = c->zArg;
    d.zAttribute = c->zArg ? c->zArg : c->zName;
    d.zTextEs = d.zTextEn = c->zLabel;
    rc = question_ensure(pWs, surveyId, &d, &p->aQ[i]);
  }
  for(int i = 0; i < n; i++){
    p->aSameQ[i] = -1;
    for(int j = 0; j < i && p->aQ[i].id; j++) if( p->aQ[j].id==p->aQ[i].id ){ p->aSameQ[i] = j; break; }
  }
  if( rc==ECX_OK ) rc = const_id(pWs, ENT_TOUCHPOINT, pMap->k.zTouchpoint, &p->tpConst);
  if( rc==ECX_OK ) rc = const_id(pWs, ENT_CHANNEL, pMap->k.zChannel, &p->chConst);
  if( rc==ECX_OK ) rc = const_id(pWs, ENT_COMPETITOR, pMap->k.zCompetitor, &p->compConst);
  return rc;
}

void row_free(RowCtx *p){
  if( !p ) return;
  store_batch_free(p->pBatch);
  free(p->aQ); free(p->aAns); free(p->aAnsCol); free(p->aSameQ); free(p->aAnswered);
  strmap_free(&p->cTp); strmap_free(&p->cCh); strmap_free(&p->cComp);
  if( p->aAttrCache ){
    for(int i = 0; i < p->pMap->nCol; i++) strmap_free(&p->aAttrCache[i]);
    free(p->aAttrCache);
  }
  free(p);
}

static const char *field(const ImpRecord *pRec, int i){
  return i >= 0 && i < pRec->nField ? pRec->azField[i] : "";
}

int row_unfinished(const RowCtx *p, const ImpRecord *pRec){
  const Mapping *m = p->pMap;
  if( m->iUnfinishedZero >= 0 ){
    const char *z = field(pRec, m->iUnfinishedZero);
    if( strcmp(z, "0")==0 || strcmp(z, "false")==0 || strcmp(z, "False")==0 ) return 1;
  }
  if( m->iUnfinishedEmpty >= 0 && field(pRec, m->iUnfinishedEmpty)[0]==0 ) return 1;
  return 0;
}

/* Record a reason and return 1 (a bad row). */
static int bad(RowCtx *p, int iCol, int *piCol, const char **pzReason, const char *zReason){
  snprintf(p->zReason, sizeof p->zReason, "%s", zReason);
  *piCol = iCol;
  *pzReason = p->zReason;
  return 1;
}

int row_check(RowCtx *p, const ImpRecord *pRec, int *piCol, const char **pzReason){
  const Mapping *m = p->pMap;
  char a[200];
  if( pRec->zError ) return bad(p, pRec->iErrCol, piCol, pzReason, pRec->zError);
  if( pRec->nField != m->nCol ){
    snprintf(a, sizeof a, _("the record has %d columns, the header has %d"), pRec->nField, m->nCol);
    return bad(p, pRec->nField < m->nCol ? pRec->nField : m->nCol, piCol, pzReason, a);
  }
  p->nAns = 0;
  p->ts = p->tsDefault;
  for(int i = 0; i < m->nCol; i++){
    const ColMap *c = &m->aCol[i];
    const char *z = pRec->azField[i];
    if( c->role==ROLE_IGNORE || c->role==ROLE_UNSET ) continue;
    if( !csv_utf8_valid(z, pRec->anLen[i]) ) return bad(p, i, piCol, pzReason, _("invalid UTF-8"));
    if( c->role==ROLE_ID && !z[0] ) return bad(p, i, piCol, pzReason, _("the id is empty"));
    if( c->role==ROLE_DATE ){
      if( !z[0] ) return bad(p, i, piCol, pzReason, _("the date is empty"));
      if( util_parse_time(z, &p->ts) ){
        return bad(p, i, piCol, pzReason,
                   _("not a date (use YYYY-MM-DD, YYYY-MM-DD HH:MM:SS or DD/MM/YYYY)"));
      }
    }
    if( !role_is_question(c->role) || !z[0] ) continue;
    const Question *q = &p->aQ[i];
    AnswerRec *ans = &p->aAns[p->nAns];
    ans->questionId = q->id;
    ans->hasNum = 0;
    ans->zText = 0;
    int64_t v;
    if( c->role <= ROLE_RATING ){
      if( util_parse_int(z, &v) ) return bad(p, i, piCol, pzReason, _("not a whole number"));
      if( v < q->scaleMin || v > q->scaleMax ){
        snprintf(a, sizeof a, _("outside the scale %d-%d"), q->scaleMin, q->scaleMax);
        return bad(p, i, piCol, pzReason, a);
      }
      ans->hasNum = 1;
      ans->num = v;
    }else if( c->role==ROLE_CHOICE && util_parse_int(z, &v)==0 ){
      ans->hasNum = 1;
      ans->num = v;
    }else{
      ans->zText = z;
    }
    p->aAnsCol[p->nAns++] = i;
  }
  return 0;
}

static int cached_ent(RowCtx *p, EntCache *c, EntKind k, const char *z, int64_t konst, int64_t *pId){
  if( !z[0] ){ *pId = konst; return ECX_OK; }
  if( strmap_get(c, z, pId) ) return ECX_OK;
  int rc = ent_ensure(p->pWs, k, z, pId);
  if( rc==ECX_OK ) strmap_put(c, z, *pId);
  return rc;
}

/* The id of an attribute value, through the column's cache. */
static int cached_attr(RowCtx *p, int iCol, int64_t attrId, const char *z, int64_t *pId){
  StrMap *m = &p->aAttrCache[iCol];
  if( strmap_get(m, z, pId) ) return ECX_OK;
  int rc = ent_attr_value(p->pWs, attrId, z, pId);
  if( rc==ECX_OK ) strmap_put(m, z, *pId);
  return rc;
}

int row_store(RowCtx *p, const ImpRecord *pRec, int *pTag){
  ResponseRec r = {0};
  int rc;
  *pTag = pRec->line;
  r.surveyId = p->surveyId;
  r.ts = p->ts;
  rc = cached_ent(p, &p->cTp, ENT_TOUCHPOINT, field(pRec, p->iTp), p->tpConst, &r.touchpointId);
  if( rc==ECX_OK ) rc = cached_ent(p, &p->cCh, ENT_CHANNEL, field(pRec, p->iCh), p->chConst, &r.channelId);
  if( rc==ECX_OK ) rc = cached_ent(p, &p->cComp, ENT_COMPETITOR, field(pRec, p->iComp), p->compConst, &r.competitorId);
  if( rc ) return rc;
  for(int k = 0; k < p->nAns; k++) p->aAnswered[p->aAnsCol[k]] = 1;
  for(int k = 0; k < p->nAns && rc==ECX_OK; k++){
    int j = p->aSameQ[p->aAnsCol[k]];
    if( j >= 0 && p->aAnswered[j] ) rc = err_set(ECX_EINVAL, "two answers to the same question in one response");
  }
  for(int k = 0; k < p->nAns; k++) p->aAnswered[p->aAnsCol[k]] = 0;
  if( rc ) return rc;
  const char *zResp = field(pRec, p->iResp);
  if( zResp[0] && (rc = store_respondent(p->pWs, zResp, &r.respondentId))!=0 ) return rc;
  for(int k = 0; k < p->nAns; k++){
    const Question *q = &p->aQ[p->aAnsCol[k]];
    if( q->type!=Q_ATTRIBUTE ) continue;
    AnswerRec *ans = &p->aAns[k];
    rc = cached_attr(p, p->aAnsCol[k], q->attributeId, ans->zText, &ans->num);
    if( rc ) return rc;
    ans->hasNum = 1;
  }
  r.zLanguage = field(pRec, p->iLang);
  if( p->iId >= 0 ){
    r.zSourceId = field(pRec, p->iId);
  }else{
    snprintf(p->zSource, sizeof p->zSource, "line:%d:%016" PRIx64, pRec->line,
             csv_fnv64(pRec->zRaw, pRec->nRaw));
    r.zSourceId = p->zSource;
  }
  r.nAnswer = p->nAns;
  r.aAnswer = p->aAns;
  int full = 0;
  rc = store_batch_add(p->pBatch, &r, pRec->line, &full);
  for(int k = 0; rc==ECX_OK && k < p->nAns && r.respondentId; k++){
    const Question *q = &p->aQ[p->aAnsCol[k]];
    if( q->type==Q_ATTRIBUTE ) store_batch_attr(p->pBatch, r.respondentId, q->attributeId, p->aAns[k].num);
  }
  if( rc==ECX_OK && full ) rc = store_batch_flush(p->pBatch, &p->nNew, &p->nDup, pTag);
  return rc;
}

int row_flush(RowCtx *p, int *pTag){
  return store_batch_finish(p->pBatch, &p->nNew, &p->nDup, pTag);
}

void row_counts(const RowCtx *p, int64_t *pnNew, int64_t *pnDup){
  *pnNew = p->nNew;
  *pnDup = p->nDup;
}
