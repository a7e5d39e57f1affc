/*
** GET and PUT of surveys under /api/v1 (src/model/survey_put.h, docs/api.md).
**
**   GET /api/v1/surveys         {"items":[SURVEY, ...]}
**   GET /api/v1/surveys/CODE    SURVEY with its questions, or 404
**   PUT /api/v1/surveys/CODE    create (201) or change (200); "questions",
**                               when given, is the whole list in order.
**
** "id" and "public_link" are read-only: a PUT may carry them (so that a GET
** can be sent back as it is) and they are ignored.
*/
#include <stdlib.h>
#include <string.h>

#include "http.h"
#include "http_int.h"
#include "api_body.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../model/survey_put.h"

static void question_json(Buf *b, const SurveyQuestion *q){
  buf_printf(b, "{\"code\":%j,\"type\":%j,\"required\":%s,\"text_es\":%j,\"text_en\":%j",
             q->zCode, qtype_name(q->type), q->required ? "true" : "false", q->zTextEs, q->zTextEn);
  if( q->type==Q_RATING ){
    buf_printf(b, ",\"scale_min\":%d,\"scale_max\":%d,\"dimension\":%j", q->scaleMin, q->scaleMax, q->zDimension);
  }
  if( q->type==Q_ATTRIBUTE ) buf_printf(b, ",\"attribute\":%j", q->zAttribute);
  if( q->type==Q_CHOICE || q->type==Q_MULTI ){
    buf_puts(b, ",\"choices\":[");
    for(int c = 0; c < q->nChoice; c++){
      buf_printf(b, "%s{\"value\":%j,\"label_es\":%j,\"label_en\":%j}", c ? "," : "",
                 q->aChoice[c].zValue, q->aChoice[c].zLabelEs, q->aChoice[c].zLabelEn);
    }
    buf_putc(b, ']');
  }
  buf_putc(b, '}');
}

/* The name of row id in a table, or NULL (a request string). */
static const char *name_of(HttpReq *p, const char *zSql, int64_t id){
  char zId[24], *z = 0;
  if( id <= 0 ) return 0;
  snprintf(zId, sizeof zId, "%lld", (long long)id);
  if( db_text(p->pWs->pDb, &z, zSql, zId) ) return 0;
  const char *r = http_strdup(p, z);
  free(z);
  return r;
}

static void survey_json(HttpReq *p, Buf *b, const SurveyDef *s){
  const char *zTp = name_of(p, "SELECT name FROM touchpoint WHERE id=?1", s->touchpointId);
  const char *zCh = name_of(p, "SELECT name FROM channel WHERE id=?1", s->channelId);
  buf_printf(b, "{\"id\":%lld,\"code\":%j,\"title\":%j,\"kind\":%j,\"status\":%j,\"touchpoint\":%j,\"channel\":%j,",
             (long long)s->id, s->zCode, s->zTitle, s->zKind, s->zStatus, zTp, zCh);
  if( s->zToken[0] ) buf_printf(b, "\"public_link\":\"/s/%U\",", s->zToken);
  else buf_puts(b, "\"public_link\":null,");
  buf_puts(b, "\"questions\":[");
  for(int i = 0; i < s->nQ; i++){
    if( i ) buf_putc(b, ',');
    question_json(b, &s->aQ[i]);
  }
  buf_puts(b, "]}");
}

/* The JSON of survey zCode into a request string, or NULL if none. */
static int survey_text(HttpReq *p, const char *zCode, const char **pz){
  SurveyDef s;
  Buf b;
  *pz = 0;
  int rc = survey_def_by_code(p->pWs, zCode, &s);
  if( rc==ECX_ENOTFOUND ){ err_clear(); return ECX_OK; }
  if( rc ) return rc;
  buf_init(&b, HTTP_MAX_RESPONSE);
  survey_json(p, &b, &s);
  *pz = http_strdup(p, buf_str(&b));
  buf_free(&b);
  survey_def_clear(&s);
  return ECX_OK;
}

/* One element of "questions" into *q. */
static int parse_question(HttpReq *p, json_t *o, int i, SurveyQSpec *q){
  static const char *const azKey[] = {"code", "type", "required", "text_es", "text_en", "scale_min",
                                      "scale_max", "dimension", "attribute", "choices", 0};
  char zP[32], zF[64];
  const char *zType = 0;
  int64_t v = 0;
  int has = 0, rc;
  snprintf(zP, sizeof zP, "questions[%d]", i);
#define F(name) (snprintf(zF, sizeof zF, "%s.%s", zP, name), zF)
  if( !json_is_object(o) ) return http_fail(p, 400, ECX_EINVAL, zP, "%s", _("each question must be an object"));
  if( (rc = api_known_keys(p, o, azKey, zP))!=0 ) return rc;
  if( (rc = api_opt_string(p, o, "code", 64, 0, F("code"), &q->zCode))!=0 ) return rc;
  if( !q->zCode ) return http_fail(p, 400, ECX_EINVAL, F("code"), "%s", _("is required"));
  if( (rc = api_opt_string(p, o, "type", 16, 0, F("type"), &zType))!=0 ) return rc;
  int t = zType ? qtype_from_name(zType) : -1;
  if( t < 0 ) return http_fail(p, 400, ECX_EINVAL, F("type"), "%s",
                               _("must be nps, csat, ces, rating, choice, multi, text or attribute"));
  q->type = (QType)t;
  if( (rc = api_opt_bool(p, o, "required", F("required"), &q->required))!=0 ) return rc;
  if( (rc = api_opt_string(p, o, "text_es", 4000, 0, F("text_es"), &q->zTextEs))!=0 ) return rc;
  if( (rc = api_opt_string(p, o, "text_en", 4000, 0, F("text_en"), &q->zTextEn))!=0 ) return rc;
  if( (rc = api_opt_string(p, o, "dimension", 200, 0, F("dimension"), &q->zDimension))!=0 ) return rc;
  if( (rc = api_opt_string(p, o, "attribute", 200, 0, F("attribute"), &q->zAttribute))!=0 ) return rc;
  q->scaleMin = 1; q->scaleMax = 5;
  if( (rc = api_opt_int(p, o, "scale_min", 0, 10, F("scale_min"), &has, &v))!=0 ) return rc;
  if( has ) q->scaleMin = (int)v;
  if( (rc = api_opt_int(p, o, "scale_max", 0, 10, F("scale_max"), &has, &v))!=0 ) return rc;
  if( has ) q->scaleMax = (int)v;
  json_t *a = json_object_get(o, "choices");
  if( a ){
    size_t k;
    json_t *e;
    if( !json_is_array(a) ) return http_fail(p, 400, ECX_EINVAL, F("choices"), "%s", _("must be an array"));
    if( json_array_size(a) > SURVEY_MAX_CHOICES ){
      return http_fail(p, 413, ECX_ETOOBIG, F("choices"), _("at most %d choices"), SURVEY_MAX_CHOICES);
    }
    SurveyChoice *aC = http_alloc(p, sizeof(SurveyChoice) * (json_array_size(a) + 1));
    json_array_foreach(a, k, e){
      static const char *const azCh[] = {"value", "label_es", "label_en", 0};
      char zC[96];
      snprintf(zC, sizeof zC, "%s.choices[%d]", zP, (int)k);
      if( !json_is_object(e) ) return http_fail(p, 400, ECX_EINVAL, zC, "%s", _("each choice must be an object"));
      if( (rc = api_known_keys(p, e, azCh, zC))!=0 ) return rc;
      const char *zV = 0, *zEs = 0, *zEn = 0;
      char zCF[120];
      snprintf(zCF, sizeof zCF, "%s.value", zC);
      if( (rc = api_opt_string(p, e, "value", 200, 0, zCF, &zV))!=0 ) return rc;
      if( !zV ) return http_fail(p, 400, ECX_EINVAL, zCF, "%s", _("is required"));
      snprintf(zCF, sizeof zCF, "%s.label_es", zC);
      if( (rc = api_opt_string(p, e, "label_es", 400, 0, zCF, &zEs))!=0 ) return rc;
      snprintf(zCF, sizeof zCF, "%s.label_en", zC);
      if( (rc = api_opt_string(p, e, "label_en", 400, 0, zCF, &zEn))!=0 ) return rc;
      aC[k].zValue = (char*)zV;
      aC[k].zLabelEs = (char*)(zEs ? zEs : "");
      aC[k].zLabelEn = (char*)(zEn ? zEn : "");
    }
    q->nChoice = (int)json_array_size(a);
    q->aChoice = aC;
  }
#undef F
  return ECX_OK;
}

static int parse_survey(HttpReq *p, json_t *o, const char *zCode, SurveySpec *s){
  static const char *const azKey[] = {"id", "code", "title", "kind", "status", "touchpoint", "channel",
                                      "public_link", "questions", 0};
  const char *zBodyCode = 0;
  int rc = api_known_keys(p, o, azKey, 0);
  if( rc==ECX_OK ) rc = api_opt_string(p, o, "code", 64, 0, "code", &zBodyCode);
  if( rc==ECX_OK && zBodyCode && strcmp(zBodyCode, zCode)!=0 ){
    rc = http_fail(p, 400, ECX_EINVAL, "code", "%s", _("the code in the body differs from the one in the path"));
  }
  s->zCode = zCode;
  if( rc==ECX_OK ) rc = api_opt_string(p, o, "title", 200, 0, "title", &s->zTitle);
  if( rc==ECX_OK ) rc = api_opt_string(p, o, "kind", 32, 0, "kind", &s->zKind);
  if( rc==ECX_OK ) rc = api_opt_string(p, o, "status", 16, 0, "status", &s->zStatus);
  if( rc==ECX_OK ) rc = api_opt_string(p, o, "touchpoint", 200, 1, "touchpoint", &s->zTouchpoint);
  if( rc==ECX_OK ) rc = api_opt_string(p, o, "channel", 200, 1, "channel", &s->zChannel);
  json_t *a = json_object_get(o, "questions");
  if( rc==ECX_OK && a ){
    if( !json_is_array(a) ) return http_fail(p, 400, ECX_EINVAL, "questions", "%s", _("must be an array"));
    if( json_array_size(a) > SURVEY_MAX_QUESTIONS ){
      return http_fail(p, 413, ECX_ETOOBIG, "questions", _("a survey has at most %d questions"), SURVEY_MAX_QUESTIONS);
    }
    SurveyQSpec *aQ = http_alloc(p, sizeof(SurveyQSpec) * (json_array_size(a) + 1));
    size_t k;
    json_t *e;
    json_array_foreach(a, k, e){
      rc = parse_question(p, e, (int)k, &aQ[k]);
      if( rc ) return rc;
    }
    s->hasQuestions = 1;
    s->nQ = (int)json_array_size(a);
    s->aQ = aQ;
  }
  return rc;
}

static int put_survey(HttpReq *p, const char *zCode){
  json_t *o = 0;
  SurveySpec s;
  const char *zBefore = 0, *zAfter = 0;
  char zField[120] = "";
  int created = 0;
  memset(&s, 0, sizeof s);
  int rc = api_body_object(p, &o);
  if( rc ) return rc;
  rc = parse_survey(p, o, zCode, &s);
  if( rc ){ json_decref(o); return rc; }
  rc = db_begin(p->pWs->pDb);
  if( rc==ECX_OK ) rc = survey_text(p, zCode, &zBefore);
  if( rc==ECX_OK ) rc = survey_put(p->pWs, &s, &created, zField, sizeof zField);
  if( rc==ECX_OK ) rc = survey_text(p, zCode, &zAfter);
  json_decref(o);                  /* the spec's strings are copies in the request */
  if( rc==ECX_OK && !zAfter ) rc = err_set(ECX_EDB, "the survey was not stored");
  if( rc ) return api_change_failed(p, rc, zField[0] ? zField : 0);
  return api_put_finish(p, created ? 0 : zBefore, zAfter, "survey_put", zCode);
}

typedef struct ListCtx { HttpReq *p; int n; int rc; } ListCtx;

static int list_row(void *pArg, int64_t id, const char *zCode, const char *zTitle, const char *zKind,
                    const char *zStatus, int64_t nQ, int64_t nR){
  ListCtx *c = pArg;
  SurveyDef s;
  (void)zCode; (void)zTitle; (void)zKind; (void)zStatus; (void)nQ; (void)nR;
  c->rc = survey_def_load(c->p->pWs, id, &s);
  if( c->rc ) return 1;
  if( c->n++ ) buf_putc(&c->p->body, ',');
  survey_json(c->p, &c->p->body, &s);
  survey_def_clear(&s);
  return 0;
}

int api_surveys(HttpReq *p){
  const char *zCode = api_path_name(p, "/api/v1/surveys");
  if( zCode && !zCode[0] ) return ECX_ENOTFOUND;
  if( p->method==HTTP_PUT ){
    if( !zCode ) return http_fail(p, 405, ECX_EUSAGE, 0, "%s", _("method not allowed"));
    return put_survey(p, zCode);
  }
  p->zContentType = "application/json";
  if( !zCode ){
    ListCtx c = {p, 0, 0};
    buf_puts(&p->body, "{\"items\":[");
    int rc = survey_def_each(p->pWs, list_row, &c);
    if( c.rc ) rc = c.rc;
    if( rc ) return rc;
    buf_puts(&p->body, "]}\n");
    return ECX_OK;
  }
  const char *z = 0;
  int rc = survey_text(p, zCode, &z);
  if( rc ) return rc;
  if( !z ) return http_fail(p, 404, ECX_ENOTFOUND, 0, _("no survey with the code \"%s\""), zCode);
  buf_puts(&p->body, z);
  buf_putc(&p->body, '\n');
  return ECX_OK;
}
