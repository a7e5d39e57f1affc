/*
** Checking one answer against its question (scale, choices, length,
** required) and storing a checked response with its attribute answers
** (survey_def.h). Shared by the public form and the JSON API.
*/
#include <stdio.h>
#include <string.h>

#include "survey_def.h"
#include "../base/db.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"

static int is_choice(const SurveyQuestion *q, const char *z){
  for(int k = 0; k < q->nChoice; k++) if( strcmp(q->aChoice[k].zValue, z)==0 ) return 1;
  return 0;
}

int survey_answer_check(Arena *pArena, const SurveyQuestion *q, int nVal,
                        const char *const *azVal, AnswerRec *pA, int *pHas){
  int nGiven = 0;
  memset(pA, 0, sizeof *pA);
  pA->questionId = q->id;
  *pHas = 0;
  for(int i = 0; i < nVal; i++) if( azVal[i] && azVal[i][0] ) nGiven++;
  if( nGiven==0 ){
    if( q->required ) return err_set(ECX_EINVAL, "%s", _("this question needs an answer"));
    return ECX_OK;
  }
  if( nGiven > 1 && q->type!=Q_MULTI ){
    return err_set(ECX_EINVAL, "%s", _("give one answer only"));
  }
  const char *z = 0;
  for(int i = 0; i < nVal && !z; i++) if( azVal[i] && azVal[i][0] ) z = azVal[i];
  if( strlen(z) > SURVEY_MAX_TEXT || (q->type!=Q_TEXT && strlen(z) > 200) ){
    return err_set(ECX_EINVAL, "%s", _("the answer is too long"));
  }
  switch( q->type ){
    case Q_NPS: case Q_CSAT: case Q_CES: case Q_RATING: {
      int64_t v;
      if( util_parse_int(z, &v) ) return err_set(ECX_EINVAL, "%s", _("not a whole number"));
      if( v < q->scaleMin || v > q->scaleMax ){
        return err_set(ECX_EINVAL, _("outside the scale %d-%d"), q->scaleMin, q->scaleMax);
      }
      pA->hasNum = 1;
      pA->num = v;
      break;
    }
    case Q_CHOICE: {
      int64_t v;
      if( !is_choice(q, z) ) return err_set(ECX_EINVAL, "%s", _("not one of the choices"));
      pA->zText = arena_strdup(pArena, z);
      if( util_parse_int(z, &v)==0 ){ pA->hasNum = 1; pA->num = v; }
      break;
    }
    case Q_MULTI: {
      /* Stored as the chosen values joined by ';' in choice order. */
      size_t n = 1;
      for(int i = 0; i < nVal; i++){
        if( !azVal[i] || !azVal[i][0] ) continue;
        if( !is_choice(q, azVal[i]) ) return err_set(ECX_EINVAL, "%s", _("not one of the choices"));
        n += strlen(azVal[i]) + 1;
      }
      char *zJoin = arena_alloc(pArena, n);
      size_t m = 0;
      zJoin[0] = 0;
      for(int k = 0; k < q->nChoice; k++){
        for(int i = 0; i < nVal; i++){
          if( azVal[i] && strcmp(azVal[i], q->aChoice[k].zValue)==0 ){
            m += (size_t)snprintf(zJoin + m, n - m, "%s%s", m ? ";" : "", azVal[i]);
            break;
          }
        }
      }
      pA->zText = zJoin;
      break;
    }
    case Q_TEXT: case Q_ATTRIBUTE: default:
      pA->zText = arena_strdup(pArena, z);
      break;
  }
  *pHas = 1;
  return ECX_OK;
}

int survey_store(Workspace *pWs, ResponseRec *pRec, const SurveyQuestion *const *aQ,
                 int64_t *pId){
  int rc, nAttr = 0;
  for(int i = 0; i < pRec->nAnswer; i++) nAttr += aQ[i]->type==Q_ATTRIBUTE;
  AnswerRec *aA = (AnswerRec*)pRec->aAnswer;
  if( nAttr && pRec->respondentId==0 ){
    rc = store_respondent(pWs, 0, &pRec->respondentId);
    if( rc ) return rc;
  }
  for(int i = 0; i < pRec->nAnswer; i++){
    if( aQ[i]->type!=Q_ATTRIBUTE ) continue;
    rc = ent_attr_value(pWs, aQ[i]->attributeId, aA[i].zText, &aA[i].num);
    if( rc ) return rc;
    aA[i].hasNum = 1;
  }
  rc = store_response(pWs, pRec, pId);
  if( rc || *pId==0 ) return rc;
  for(int i = 0; i < pRec->nAnswer; i++){
    if( aQ[i]->type!=Q_ATTRIBUTE ) continue;
    rc = store_respondent_attr(pWs, pRec->respondentId, aQ[i]->attributeId, aA[i].zText);
    if( rc ) return rc;
  }
  return ECX_OK;
}

int survey_response_id(Workspace *pWs, int64_t surveyId, const char *zSourceId, int64_t *pId){
  Stmt *p;
  int rc = db_cached(pWs->pDb, &p, "SELECT id FROM response WHERE survey_id=?1 AND source_id=?2");
  if( rc ) return rc;
  db_bind_int(p, 1, surveyId);
  db_bind_text(p, 2, zSourceId, -1);
  rc = db_step(p);
  *pId = rc==DB_ROW ? db_column_int(p, 0) : 0;
  db_reset(p);
  return rc==DB_ROW || rc==DB_DONE ? ECX_OK : rc;
}
