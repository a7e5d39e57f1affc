/*
** POST /api/v1/responses: store one response or a batch (JSON, parsed by
** api_json.c). Every record is checked first, against its survey, like an
** import row (known survey, known question codes, scales, choices,
** required answers, existing touchpoint and channel); one bad record
** refuses the whole request (400 naming the field) and nothing is stored.
** Otherwise all records are stored in one transaction (shared with
** concurrent submissions, http_write); a source id already
** stored in that survey is not stored again, so retries are idempotent.
** 201 {"ids":[...], "created":[true|false,...]}.
*/
#include <stdio.h>
#include <string.h>

#include "http.h"
#include "http_int.h"
#include "api_json.h"
#include "../base/db.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../model/entity.h"
#include "../model/survey_def.h"

#define API_MAX_SURVEYS 16   /* distinct surveys in one batch */

typedef struct Checked {
  ResponseRec rec;
  const SurveyQuestion **aQ;
  const SurveyDef *pDef;
} Checked;

static int field_fail(HttpReq *p, int i, const char *zField, int isArray){
  char z[200];
  const char *zMsg = http_strdup(p, err_detail());
  if( isArray ) snprintf(z, sizeof z, "[%d].%s", i, zField); else snprintf(z, sizeof z, "%s", zField);
  return http_fail(p, 400, ECX_EINVAL, z, "%s", zMsg);
}

/* The loaded survey with this code (cached in aDef). */
static int find_survey(HttpReq *p, SurveyDef *aDef, int *pnDef, const char *zCode, const SurveyDef **ppDef){
  for(int i = 0; i < *pnDef; i++) if( strcmp(aDef[i].zCode, zCode)==0 ){ *ppDef = &aDef[i]; return ECX_OK; }
  if( *pnDef >= API_MAX_SURVEYS ) return err_set(ECX_EINVAL, _("at most %d surveys in one request"), API_MAX_SURVEYS);
  int rc = survey_def_by_code(p->pWs, zCode, &aDef[*pnDef]);
  if( rc ) return rc;
  *ppDef = &aDef[(*pnDef)++];
  return ECX_OK;
}

static int check_one(HttpReq *p, const ApiResponse *r, SurveyDef *aDef, int *pnDef, Checked *c,
                     const char **pzField){
  int rc = find_survey(p, aDef, pnDef, r->zSurvey, &c->pDef);
  if( rc==ECX_ENOTFOUND ){ *pzField = "survey"; return err_set(ECX_EINVAL, _("no survey \"%s\""), r->zSurvey); }
  if( rc ){ *pzField = "survey"; return rc; }
  const SurveyDef *s = c->pDef;
  memset(&c->rec, 0, sizeof c->rec);
  c->rec.surveyId = s->id;
  c->rec.ts = r->ts;
  c->rec.zSourceId = r->zSourceId;
  c->rec.zLanguage = r->zLanguage;
  c->rec.touchpointId = s->touchpointId;
  c->rec.channelId = s->channelId;
  if( r->zLanguage && strlen(r->zLanguage) > 16 ){ *pzField = "language"; return err_set(ECX_EINVAL, "%s", _("is too long")); }
  if( r->zTouchpoint && ent_find(p->pWs, ENT_TOUCHPOINT, r->zTouchpoint, &c->rec.touchpointId) ){
    *pzField = "touchpoint";
    return err_set(ECX_EINVAL, _("no touchpoint \"%s\""), r->zTouchpoint);
  }
  if( r->zChannel && ent_find(p->pWs, ENT_CHANNEL, r->zChannel, &c->rec.channelId) ){
    *pzField = "channel";
    return err_set(ECX_EINVAL, _("no channel \"%s\""), r->zChannel);
  }
  AnswerRec *aA = http_alloc(p, sizeof(AnswerRec) * (size_t)(s->nQ + 1));
  c->aQ = http_alloc(p, sizeof(SurveyQuestion*) * (size_t)(s->nQ + 1));
  for(int k = 0; k < r->nAnswer; k++){
    if( !survey_def_question(s, r->aAnswer[k].zCode) ){
      *pzField = http_strdup(p, r->aAnswer[k].zCode);
      return err_set(ECX_EINVAL, _("the survey has no question \"%s\""), r->aAnswer[k].zCode);
    }
  }
  for(int i = 0; i < s->nQ; i++){
    const SurveyQuestion *q = &s->aQ[i];
    const ApiAnswer *x = 0;
    int has = 0;
    for(int k = 0; k < r->nAnswer && !x; k++) if( strcmp(r->aAnswer[k].zCode, q->zCode)==0 ) x = &r->aAnswer[k];
    rc = survey_answer_check(&p->arena, q, x ? x->nVal : 0, x ? x->azVal : 0, &aA[c->rec.nAnswer], &has);
    if( rc ){
      char z[160];
      snprintf(z, sizeof z, "answers.%s", q->zCode);
      *pzField = http_strdup(p, z);
      return rc;
    }
    if( has ) c->aQ[c->rec.nAnswer++] = q;
  }
  c->rec.aAnswer = aA;
  return ECX_OK;
}

/* The records of one request, stored in a shared transaction (http_write). */
typedef struct StoreJob {
  Checked *aC;
  int nR;
  int64_t *aId;              /* out: each record's response id */
  int *aNew;                 /* out: 1 when stored now, 0 when already there */
} StoreJob;

static int store_all(Workspace *pWs, void *pArg, int *pKeep){
  StoreJob *j = pArg;
  (void)pKeep;
  for(int i = 0; i < j->nR; i++){
    j->aNew[i] = 0;
    int rc = survey_response_id(pWs, j->aC[i].rec.surveyId, j->aC[i].rec.zSourceId, &j->aId[i]);
    if( rc ) return rc;
    if( j->aId[i] ) continue;
    rc = survey_store(pWs, &j->aC[i].rec, j->aC[i].aQ, &j->aId[i]);
    if( rc ) return rc;
    j->aNew[i] = 1;
  }
  return ECX_OK;
}

int api_responses_post(HttpReq *p){
  ApiResponse *aR = 0;
  SurveyDef aDef[API_MAX_SURVEYS];
  int nR = 0, nDef = 0, rc, isArray;
  const char *zField = 0;
  const char *z = p->zBody;
  while( *z==' ' || *z=='\t' || *z=='\r' || *z=='\n' ) z++;
  isArray = *z=='[';
  rc = api_parse_responses(&p->arena, p->zBody, p->nBody, &aR, &nR, &zField);
  if( rc ){
    const char *zMsg = http_strdup(p, err_detail());
    return http_fail(p, rc==ECX_ETOOBIG ? 413 : 400, rc, zField, "%s", zMsg);
  }
  Checked *aC = http_alloc(p, sizeof(Checked) * (size_t)nR);
  memset(aDef, 0, sizeof aDef);
  for(int i = 0; i < nR && rc==ECX_OK; i++){
    zField = 0;
    rc = check_one(p, &aR[i], aDef, &nDef, &aC[i], &zField);
    if( rc==ECX_EINVAL ) rc = field_fail(p, i, zField ? zField : "", isArray);
  }
  StoreJob job = {aC, nR, http_alloc(p, sizeof(int64_t) * (size_t)(nR + 1)),
                  http_alloc(p, sizeof(int) * (size_t)(nR + 1))};
  int64_t *aId = job.aId;
  int *aNew = job.aNew;
  if( rc==ECX_OK ) rc = http_write(p, store_all, &job);
  if( rc==ECX_OK ) http_cube_touch(p);
  for(int i = 0; i < nDef; i++) survey_def_clear(&aDef[i]);
  if( rc ) return rc;
  p->zContentType = "application/json";
  p->status = 201;
  buf_puts(&p->body, "{\"ids\":[");
  for(int i = 0; i < nR; i++) buf_printf(&p->body, "%s%lld", i ? "," : "", (long long)aId[i]);
  buf_puts(&p->body, "],\"created\":[");
  for(int i = 0; i < nR; i++) buf_printf(&p->body, "%s%s", i ? "," : "", aNew[i] ? "true" : "false");
  buf_puts(&p->body, "]}\n");
  return ECX_OK;
}
