/*
** Writing a whole survey: settings and the list of questions (survey_put.h).
*/
#include <stdio.h>
#include <string.h>

#include "survey_put.h"
#include "../base/db.h"
#include "../base/err.h"
#include "../base/i18n.h"

#define SURVEY_MAX_QTEXT 2000

static int bad(char *zField, size_t n, int rc, const char *zWhere, int iQ){
  if( iQ >= 0 ) snprintf(zField, n, "questions[%d]%s%s", iQ, zWhere[0] ? "." : "", zWhere);
  else snprintf(zField, n, "%s", zWhere);
  return rc;
}

/* Run one statement binding an id in ?1 and optional integers in ?2, ?3. */
static int exec_ids(Workspace *pWs, const char *zSql, int64_t a, int n, int64_t b, int64_t c){
  Stmt *s = 0;
  int rc = db_cached(pWs->pDb, &s, zSql);
  if( rc ) return rc;
  db_bind_int(s, 1, a);
  if( n >= 1 ) db_bind_int(s, 2, b);
  if( n >= 2 ) db_bind_int(s, 3, c);
  rc = db_step(s);
  db_reset(s);
  return rc==DB_DONE ? ECX_OK : rc;
}

static int one_of(const char *z, const char *const *az){
  for(int i = 0; az[i]; i++) if( strcmp(z, az[i])==0 ) return 1;
  return 0;
}

static int has_answers(Workspace *pWs, int64_t qId, int *pHas){
  char zId[24];
  int64_t n = 0;
  snprintf(zId, sizeof zId, "%lld", (long long)qId);
  int rc = db_int(pWs->pDb, &n, "SELECT EXISTS(SELECT 1 FROM answer WHERE question_id=?1)", zId);
  *pHas = n!=0;
  return rc;
}

/* Check one question of the list (no database access). */
static int check_q(const SurveyQSpec *q, int iQ, const SurveySpec *pS, char *zF, size_t nF){
  if( !survey_code_valid(q->zCode) ){
    err_set(ECX_EINVAL, "%s", _("the code must be 1 to 64 letters, digits, '-', '_' or '.'"));
    return bad(zF, nF, ECX_EINVAL, "code", iQ);
  }
  for(int k = 0; k < iQ; k++){
    if( strcmp(pS->aQ[k].zCode, q->zCode)==0 ){
      err_set(ECX_EINVAL, _("the code \"%s\" is used by two questions"), q->zCode);
      return bad(zF, nF, ECX_EINVAL, "code", iQ);
    }
  }
  if( (q->zTextEs && strlen(q->zTextEs) > SURVEY_MAX_QTEXT) || (q->zTextEn && strlen(q->zTextEn) > SURVEY_MAX_QTEXT) ){
    err_set(ECX_EINVAL, _("a question's text has at most %d bytes"), SURVEY_MAX_QTEXT);
    return bad(zF, nF, ECX_EINVAL, q->zTextEs && strlen(q->zTextEs) > SURVEY_MAX_QTEXT ? "text_es" : "text_en", iQ);
  }
  if( q->type==Q_RATING ){
    if( !((q->scaleMin==1 && q->scaleMax==5) || (q->scaleMin==0 && q->scaleMax==10)) ){
      err_set(ECX_EINVAL, "%s", _("a rating question uses the scale 1-5 or 0-10"));
      return bad(zF, nF, ECX_EINVAL, "scale_min", iQ);
    }
    if( !q->zDimension || !q->zDimension[0] || strlen(q->zDimension) > 100 ){
      err_set(ECX_EINVAL, "%s", _("a rating question needs a dimension"));
      return bad(zF, nF, ECX_EINVAL, "dimension", iQ);
    }
  }
  if( q->type==Q_ATTRIBUTE && q->zAttribute && (!q->zAttribute[0] || strlen(q->zAttribute) > 100) ){
    err_set(ECX_EINVAL, "%s", _("the attribute needs a name of 1 to 100 characters"));
    return bad(zF, nF, ECX_EINVAL, "attribute", iQ);
  }
  if( q->type==Q_CHOICE || q->type==Q_MULTI ){
    if( q->nChoice < 1 || q->nChoice > SURVEY_MAX_CHOICES ){
      err_set(ECX_EINVAL, _("a choice question needs 1 to %d choices"), SURVEY_MAX_CHOICES);
      return bad(zF, nF, ECX_EINVAL, "choices", iQ);
    }
    for(int c = 0; c < q->nChoice; c++){
      const char *zV = q->aChoice[c].zValue;
      int dup = 0;
      for(int d = 0; d < c && !dup; d++) dup = strcmp(q->aChoice[d].zValue, zV)==0;
      if( !zV[0] || strlen(zV) > 200 || dup ){
        err_set(ECX_EINVAL, "%s", dup ? _("a choice value is repeated") : _("a choice value has 1 to 200 characters"));
        char z[40];
        snprintf(z, sizeof z, "choices[%d].value", c);
        return bad(zF, nF, ECX_EINVAL, z, iQ);
      }
    }
  }
  return ECX_OK;
}

static int set_choices(Workspace *pWs, int64_t qId, const SurveyQSpec *q){
  int rc = exec_ids(pWs, "DELETE FROM choice WHERE question_id=?1", qId, 0, 0, 0);
  if( rc || (q->type!=Q_CHOICE && q->type!=Q_MULTI) ) return rc;
  Stmt *s = 0;
  rc = db_cached(pWs->pDb, &s,
      "INSERT INTO choice(question_id, value, position, label_es, label_en) VALUES(?1, ?2, ?3, ?4, ?5)");
  for(int c = 0; c < q->nChoice && rc==ECX_OK; c++){
    const SurveyChoice *ch = &q->aChoice[c];
    const char *zEs = ch->zLabelEs && ch->zLabelEs[0] ? ch->zLabelEs : ch->zValue;
    db_bind_int(s, 1, qId);
    db_bind_text(s, 2, ch->zValue, -1);
    db_bind_int(s, 3, c + 1);
    db_bind_text(s, 4, zEs, -1);
    db_bind_text(s, 5, ch->zLabelEn && ch->zLabelEn[0] ? ch->zLabelEn : zEs, -1);
    rc = db_step(s);
    db_reset(s);
    rc = rc==DB_DONE ? ECX_OK : rc;
  }
  return rc;
}

/* The ids the definition of q refers to: its dimension or attribute
** (created when new) and its scale. */
static int resolve(Workspace *pWs, const SurveyQSpec *q, Question *pQ){
  int rc = ECX_OK;
  memset(pQ, 0, sizeof *pQ);
  pQ->type = q->type;
  if( !qtype_scale(q->type, &pQ->scaleMin, &pQ->scaleMax) && q->type==Q_RATING ){
    pQ->scaleMin = q->scaleMin;
    pQ->scaleMax = q->scaleMax;
  }
  if( q->type==Q_RATING ) rc = ent_ensure(pWs, ENT_DIMENSION, q->zDimension, &pQ->dimensionId);
  if( q->type==Q_ATTRIBUTE ) rc = ent_ensure(pWs, ENT_ATTRIBUTE, q->zAttribute ? q->zAttribute : q->zCode, &pQ->attributeId);
  return rc;
}

/* Make the stored question `old` (answered or not) what q says. */
static int change_q(Workspace *pWs, const SurveyQuestion *old, const SurveyQSpec *q, int iQ,
                    char *zF, size_t nF){
  Question want;
  int rc = resolve(pWs, q, &want), answered = 0;
  if( rc ) return rc;
  const char *zWhat = old->type!=want.type ? "type"
    : (old->scaleMin!=want.scaleMin || old->scaleMax!=want.scaleMax) ? "scale_min"
    : old->dimensionId!=want.dimensionId ? "dimension"
    : old->attributeId!=want.attributeId ? "attribute" : 0;
  if( zWhat ){
    rc = has_answers(pWs, old->id, &answered);
    if( rc ) return rc;
    if( answered ){
      err_set(ECX_ECONFLICT, _("question \"%s\" has answers: its %s cannot change"), old->zCode,
              zWhat[0]=='t' ? _("type") : zWhat[0]=='s' ? _("scale") : zWhat[0]=='d' ? _("dimension") : _("attribute"));
      return bad(zF, nF, ECX_ECONFLICT, zWhat, iQ);
    }
    Stmt *s = 0;
    rc = db_cached(pWs->pDb, &s,
        "UPDATE question SET type=?2, scale_min=?3, scale_max=?4, dimension_id=?5, attribute_id=?6 WHERE id=?1");
    if( rc ) return rc;
    db_bind_int(s, 1, old->id);
    db_bind_text(s, 2, qtype_name(want.type), -1);
    if( want.scaleMax ){ db_bind_int(s, 3, want.scaleMin); db_bind_int(s, 4, want.scaleMax); }
    else{ db_bind_null(s, 3); db_bind_null(s, 4); }
    if( want.dimensionId ) db_bind_int(s, 5, want.dimensionId); else db_bind_null(s, 5);
    if( want.attributeId ) db_bind_int(s, 6, want.attributeId); else db_bind_null(s, 6);
    rc = db_step(s);
    db_reset(s);
    if( rc!=DB_DONE ) return rc;
  }
  return survey_question_set(pWs, old->id, q->zTextEs, q->zTextEn, q->required);
}

static int put_questions(Workspace *pWs, const SurveySpec *pS, const SurveyDef *pDef, char *zF, size_t nF){
  int rc = ECX_OK;
  /* Questions left out go, unless they have answers. */
  for(int i = 0; i < pDef->nQ && rc==ECX_OK; i++){
    const SurveyQuestion *old = &pDef->aQ[i];
    int kept = 0, answered = 0;
    for(int k = 0; k < pS->nQ && !kept; k++) kept = strcmp(pS->aQ[k].zCode, old->zCode)==0;
    if( kept ) continue;
    rc = has_answers(pWs, old->id, &answered);
    if( rc==ECX_OK && answered ){
      err_set(ECX_ECONFLICT, _("question \"%s\" has answers and cannot be removed"), old->zCode);
      return bad(zF, nF, ECX_ECONFLICT, "questions", -1);
    }
    if( rc==ECX_OK ) rc = survey_question_delete(pWs, pDef->id, old->id);
  }
  for(int k = 0; k < pS->nQ && rc==ECX_OK; k++){
    const SurveyQSpec *q = &pS->aQ[k];
    const SurveyQuestion *old = survey_def_question(pDef, q->zCode);
    Question made;
    if( old ){
      rc = change_q(pWs, old, q, k, zF, nF);
      made.id = old->id;
    }else{
      QuestionDef d;
      memset(&d, 0, sizeof d);
      d.zCode = q->zCode;
      d.type = q->type;
      d.scaleMin = q->scaleMin;
      d.scaleMax = q->scaleMax;
      d.zDimension = q->zDimension;
      d.zAttribute = q->zAttribute;
      d.zTextEs = q->zTextEs;
      d.zTextEn = q->zTextEn;
      d.required = q->required;
      rc = question_ensure(pWs, pDef->id, &d, &made);
      if( rc==ECX_EINVAL ) bad(zF, nF, rc, "", k);
    }
    if( rc==ECX_OK ) rc = set_choices(pWs, made.id, q);
    if( rc==ECX_OK ) rc = exec_ids(pWs, "UPDATE question SET position=?2 WHERE id=?1", made.id, 1, k + 1, 0);
  }
  return rc;
}

int survey_put(Workspace *pWs, const SurveySpec *pS, int *pCreated, char *zF, size_t nF){
  SurveyDef def;
  int64_t tpId = 0, chId = 0;
  int rc;
  zF[0] = 0;
  *pCreated = 0;
  if( !survey_code_valid(pS->zCode) ){
    err_set(ECX_EINVAL, "%s", _("the code must be 1 to 64 letters, digits, '-', '_' or '.'"));
    return bad(zF, nF, ECX_EINVAL, "code", -1);
  }
  if( pS->zTitle && strlen(pS->zTitle) > 200 ){
    err_set(ECX_EINVAL, "%s", _("the title is too long"));
    return bad(zF, nF, ECX_EINVAL, "title", -1);
  }
  static const char *const azKind[] = {"relational", "transactional", "benchmark", "employee", 0};
  static const char *const azStatus[] = {"draft", "open", "closed", 0};
  if( pS->zKind && !one_of(pS->zKind, azKind) ){
    err_set(ECX_EINVAL, _("survey kind \"%s\" is not one of relational, transactional, benchmark, employee"), pS->zKind);
    return bad(zF, nF, ECX_EINVAL, "kind", -1);
  }
  if( pS->zStatus && !one_of(pS->zStatus, azStatus) ){
    err_set(ECX_EINVAL, _("status must be draft, open or closed, not \"%s\""), pS->zStatus);
    return bad(zF, nF, ECX_EINVAL, "status", -1);
  }
  if( pS->nQ > SURVEY_MAX_QUESTIONS ){
    err_set(ECX_ETOOBIG, _("a survey has at most %d questions"), SURVEY_MAX_QUESTIONS);
    return bad(zF, nF, ECX_ETOOBIG, "questions", -1);
  }
  for(int k = 0; k < pS->nQ; k++){
    rc = check_q(&pS->aQ[k], k, pS, zF, nF);
    if( rc ) return rc;
  }
  rc = survey_def_by_code(pWs, pS->zCode, &def);
  if( rc==ECX_ENOTFOUND ){
    int64_t id = 0;
    err_clear();
    rc = survey_def_create(pWs, pS->zCode, pS->zTitle, pS->zKind, &id);
    if( rc==ECX_OK ) rc = survey_def_load(pWs, id, &def);
    *pCreated = 1;
  }
  if( rc ) return rc;
  tpId = def.touchpointId;
  chId = def.channelId;
  if( pS->zTouchpoint ){
    tpId = 0;
    if( pS->zTouchpoint[0] && ent_find(pWs, ENT_TOUCHPOINT, pS->zTouchpoint, &tpId) ){
      err_set(ECX_EINVAL, _("no touchpoint named \"%s\""), pS->zTouchpoint);
      rc = bad(zF, nF, ECX_EINVAL, "touchpoint", -1);
    }
  }
  if( rc==ECX_OK && pS->zChannel ){
    chId = 0;
    if( pS->zChannel[0] ) rc = ent_ensure(pWs, ENT_CHANNEL, pS->zChannel, &chId);
    if( rc ) bad(zF, nF, rc, "channel", -1);
  }
  if( rc==ECX_OK ){
    rc = survey_def_update(pWs, def.id, pS->zTitle ? pS->zTitle : def.zTitle, pS->zKind ? pS->zKind : def.zKind,
                           tpId, chId, pS->zStatus ? pS->zStatus : def.zStatus);
  }
  if( rc==ECX_OK && pS->hasQuestions ) rc = put_questions(pWs, pS, &def, zF, nF);
  survey_def_clear(&def);
  return rc;
}
