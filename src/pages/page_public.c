/*
** The public survey page: GET/POST /s/TOKEN, GET /s/TOKEN/thanks. No login.
** Mobile-first and accessible: every scale is a fieldset with a legend and
** native radio buttons (arrow keys move within a group), every field has a
** label, errors are tied to their field with aria-describedby. Spanish or
** English by Accept-Language. Optional ?t=ONE_TIME links allow one
** response each. Cross-site posting is refused by a double-submit form
** token (cookie "ecx_form" + field "form_token", like the login form);
** a hidden random submission id is the response's source id, so a form
** sent twice stores one response. Stored responses per address are
** limited by the login limiter (key "survey:IP"). docs/surveys.md.
*/
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "pages.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../http/auth.h"
#include "../model/survey_def.h"

#define FORM_COOKIE "ecx_form"

typedef struct PubCtx {
  HttpReq *p;
  SurveyDef s;
  char zToken[64];          /* the survey's public token from the path */
  const char *zOne;         /* ?t= one-time link token, or NULL */
  const char **azErr;       /* per question: error message or NULL */
} PubCtx;

static void pub_begin(HttpReq *p, const char *zTitle){
  buf_printf(&p->body,
    "<!DOCTYPE html>\n<html lang=\"%h\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<title>%h</title>\n<link rel=\"stylesheet\" href=\"/static/ecx.css\">\n</head>\n<body>\n"
    "<main class=\"public\">\n<h1>%h</h1>\n", p->zLang, zTitle, zTitle);
}

static void pub_end(HttpReq *p){
  buf_puts(&p->body, "</main>\n</body>\n</html>\n");
}

/* A page with only a message, with the given status. */
static int pub_message(HttpReq *p, int status, const char *zTitle, const char *zText){
  buf_reset(&p->body);
  p->status = status;
  pub_begin(p, zTitle);
  buf_printf(&p->body, "<p role=\"status\">%h</p>\n", zText);
  pub_end(p);
  return ECX_OK;
}

static int is_en(HttpReq *p){ return strcmp(p->zLang, "en")==0; }

static const char *qtext(HttpReq *p, const SurveyQuestion *q){
  const char *z = is_en(p) ? q->zTextEn : q->zTextEs;
  if( !z[0] ) z = is_en(p) ? q->zTextEs : q->zTextEn;
  return z[0] ? z : q->zCode;
}

/* 1 if the request posted value zV for question q (field "q_CODE"). */
static int posted(HttpReq *p, const SurveyQuestion *q, const char *zV){
  if( p->method!=HTTP_POST ) return 0;
  for(int i = 0; i < p->nForm; i++){
    const char *zN = p->aForm[i].zName;
    if( strncmp(zN, "q_", 2)==0 && strcmp(zN + 2, q->zCode)==0 && strcmp(p->aForm[i].zValue, zV)==0 ) return 1;
  }
  return 0;
}

static const char *posted1(HttpReq *p, const SurveyQuestion *q){
  if( p->method!=HTTP_POST ) return "";
  for(int i = 0; i < p->nForm; i++){
    const char *zN = p->aForm[i].zName;
    if( strncmp(zN, "q_", 2)==0 && strcmp(zN + 2, q->zCode)==0 ) return p->aForm[i].zValue;
  }
  return "";
}

static void question_html(PubCtx *c, int i){
  HttpReq *p = c->p;
  const SurveyQuestion *q = &c->s.aQ[i];
  const char *zErr = c->azErr ? c->azErr[i] : 0;
  Buf *b = &p->body;
  char zReq[64] = "";
  if( q->required ) snprintf(zReq, sizeof zReq, " <span aria-hidden=\"true\">*</span>");
  char zInvalid[64] = "";
  if( zErr ) snprintf(zInvalid, sizeof zInvalid, " aria-invalid=\"true\" aria-describedby=\"e%d\"", i);
  if( q->type==Q_TEXT || q->type==Q_ATTRIBUTE ){
    buf_printf(b, "<div class=\"q\"><label for=\"f%d\">%h%s</label>", i, qtext(p, q), zReq);
    if( zErr ) buf_printf(b, "<p class=\"error\" id=\"e%d\">%h</p>", i, zErr);
    if( q->type==Q_TEXT ){
      buf_printf(b, "<textarea id=\"f%d\" name=\"q_%h\" rows=\"4\" maxlength=\"%d\"%s%s>%h</textarea>",
                 i, q->zCode, SURVEY_MAX_TEXT, q->required ? " required" : "", zInvalid, posted1(p, q));
    }else{
      buf_printf(b, "<input id=\"f%d\" name=\"q_%h\" maxlength=\"200\" value=\"%h\"%s%s>",
                 i, q->zCode, posted1(p, q), q->required ? " required" : "", zInvalid);
    }
    buf_printf(b, "</div>\n");
    return;
  }
  buf_printf(b, "<fieldset%s>\n<legend>%h%s</legend>\n", zInvalid, qtext(p, q), zReq);
  if( zErr ) buf_printf(b, "<p class=\"error\" id=\"e%d\">%h</p>\n", i, zErr);
  if( q->type==Q_CHOICE || q->type==Q_MULTI ){
    buf_printf(b, "<div class=\"options\">");
    for(int k = 0; k < q->nChoice; k++){
      const SurveyChoice *ch = &q->aChoice[k];
      buf_printf(b, "<label><input type=\"%s\" name=\"q_%h\" value=\"%h\"%s%s> %h</label>",
                 q->type==Q_CHOICE ? "radio" : "checkbox", q->zCode, ch->zValue,
                 posted(p, q, ch->zValue) ? " checked" : "",
                 q->required && q->type==Q_CHOICE && k==0 ? " required" : "",
                 is_en(p) ? ch->zLabelEn : ch->zLabelEs);
    }
    buf_printf(b, "</div>\n");
  }else{
    buf_printf(b, "<div class=\"scale\">");
    for(int v = q->scaleMin; v <= q->scaleMax; v++){
      char zV[16];
      snprintf(zV, sizeof zV, "%d", v);
      buf_printf(b, "<label><input type=\"radio\" name=\"q_%h\" value=\"%d\"%s%s> %d</label>",
                 q->zCode, v, posted(p, q, zV) ? " checked" : "",
                 q->required && v==q->scaleMin ? " required" : "", v);
    }
    buf_printf(b, "</div>\n<div class=\"ends\" aria-hidden=\"true\"><span>%h</span><span>%h</span></div>\n",
               q->type==Q_NPS ? _("not at all likely") : q->type==Q_CES ? _("very difficult") : _("very bad"),
               q->type==Q_NPS ? _("extremely likely") : q->type==Q_CES ? _("very easy") : _("very good"));
  }
  buf_printf(b, "</fieldset>\n");
}

/* The form; zSid is the submission id to carry (new on GET). */
static void form_html(PubCtx *c, const char *zSid, const char *zError){
  HttpReq *p = c->p;
  char zTok[AUTH_TOKEN_HEX];
  const char *zFormTok = http_cookie(p, FORM_COOKIE);
  if( !zFormTok || strlen(zFormTok)!=AUTH_TOKEN_HEX-1 ){
    auth_random_token(zTok);
    http_set_cookie(p, FORM_COOKIE, zTok, 24*3600);
    zFormTok = zTok;
  }
  buf_reset(&p->body);
  pub_begin(p, c->s.zTitle[0] ? c->s.zTitle : c->s.zCode);
  if( zError ) buf_printf(&p->body, "<p class=\"notice bad\" role=\"alert\">%h</p>\n", zError);
  buf_printf(&p->body, "<p class=\"muted\">%h</p>\n", _("Questions marked * need an answer."));
  buf_printf(&p->body, "<form method=\"post\" action=\"/s/%h%s%U\" novalidate>\n"
             "<input type=\"hidden\" name=\"form_token\" value=\"%h\">\n"
             "<input type=\"hidden\" name=\"sid\" value=\"%h\">\n",
             c->zToken, c->zOne ? "?t=" : "", c->zOne ? c->zOne : "", zFormTok, zSid);
  for(int i = 0; i < c->s.nQ; i++) question_html(c, i);
  buf_printf(&p->body, "<button type=\"submit\">%h</button>\n</form>\n", _("Send"));
  pub_end(p);
}

/* Check a one-time link: ECX_OK, or a finished message page (*pDone=1). */
static int check_link(PubCtx *c, char zHash[65], int *pDone){
  int state = 0;
  *pDone = 0;
  if( !c->zOne ) return ECX_OK;
  auth_token_digest(c->zOne, zHash);
  int rc = survey_link_state(c->p->pWs, c->s.id, zHash, &state);
  if( rc ) return rc;
  if( state==1 ) return ECX_OK;
  *pDone = 1;
  return pub_message(c->p, state==0 ? 403 : 410, _("Survey"), state==0
    ? _("This link is not valid.") : _("This link has already been used to answer the survey. Thank you."));
}

static int valid_sid(const char *z){
  size_t n = z ? strlen(z) : 0;
  if( n < 16 || n > 64 ) return 0;
  for(size_t i = 0; i < n; i++) if( !((z[i]>='0' && z[i]<='9') || (z[i]>='a' && z[i]<='f')) ) return 0;
  return 1;
}

/* One submission, stored in a shared transaction (http_write): the
** response, and the one-time link marked used. */
typedef struct FormJob {
  ResponseRec *pRec;
  const SurveyQuestion **aQ;
  int64_t surveyId;
  const char *zOneHash;      /* the one-time link's digest, or NULL */
  int64_t id;                /* out: the response, 0 if its sid was stored before */
} FormJob;

static int store_form(Workspace *pWs, void *pArg, int *pKeep){
  FormJob *j = pArg;
  int rc = survey_store(pWs, j->pRec, j->aQ, &j->id);
  if( rc==ECX_OK && j->id && j->zOneHash ) rc = survey_link_use(pWs, j->surveyId, j->zOneHash, j->id);
  if( rc==ECX_OK && !j->id ) *pKeep = 0;
  return rc;
}

static int submit(PubCtx *c, const char *zOneHash){
  HttpReq *p = c->p;
  const char *zSid = http_form(p, "sid");
  int nBad = 0, n = 0, rc;
  char zKey[96];
  snprintf(zKey, sizeof zKey, "survey:%s", p->zIp);
  int64_t now = (int64_t)time(0);
  if( auth_rate_blocked(zKey, now) ){
    http_add_header(p, "Retry-After", "300");
    return pub_message(p, 429, _("Survey"), _("Too many answers were sent from this address; try again in a few minutes."));
  }
  if( !valid_sid(zSid) ) return http_fail(p, 400, ECX_EINVAL, "sid", "%s", _("the form is damaged; reload the page"));
  c->azErr = http_alloc(p, sizeof(char*) * (size_t)(c->s.nQ + 1));
  AnswerRec *aA = http_alloc(p, sizeof(AnswerRec) * (size_t)(c->s.nQ + 1));
  const SurveyQuestion **aQ = http_alloc(p, sizeof(SurveyQuestion*) * (size_t)(c->s.nQ + 1));
  const char **azVal = http_alloc(p, sizeof(char*) * (size_t)(p->nForm + 1));
  for(int i = 0; i < c->s.nQ; i++){
    const SurveyQuestion *q = &c->s.aQ[i];
    int nVal = 0, has = 0;
    for(int k = 0; k < p->nForm; k++){
      const char *zN = p->aForm[k].zName;
      if( strncmp(zN, "q_", 2)==0 && strcmp(zN + 2, q->zCode)==0 ) azVal[nVal++] = p->aForm[k].zValue;
    }
    rc = survey_answer_check(&p->arena, q, nVal, azVal, &aA[n], &has);
    if( rc ){ c->azErr[i] = http_strdup(p, err_detail()); err_clear(); nBad++; continue; }
    if( has ) aQ[n++] = q;
  }
  if( nBad ){
    form_html(c, zSid, nBad==1 ? _("One answer needs attention.") : _("Some answers need attention."));
    p->status = 400;
    return ECX_OK;
  }
  ResponseRec r;
  char zSource[80];
  int64_t id = 0;
  memset(&r, 0, sizeof r);
  snprintf(zSource, sizeof zSource, "web:%s", zSid);
  r.surveyId = c->s.id;
  r.touchpointId = c->s.touchpointId;
  r.channelId = c->s.channelId;
  r.ts = now;
  r.zLanguage = p->zLang;
  r.zSourceId = zSource;
  r.nAnswer = n;
  r.aAnswer = aA;
  FormJob job = {&r, aQ, c->s.id, zOneHash, 0};
  rc = http_write(p, store_form, &job);   /* a form sent again keeps nothing new */
  id = rc==ECX_OK ? job.id : 0;
  if( id ) http_cube_touch(p);
  if( rc==ECX_EEXIST ){
    err_clear();
    return pub_message(p, 410, _("Survey"), _("This link has already been used to answer the survey. Thank you."));
  }
  if( rc ) return rc;
  if( id ) auth_rate_fail(zKey, now);
  char zPath[128];
  snprintf(zPath, sizeof zPath, "/s/%s/thanks", c->zToken);
  return http_redirect(p, zPath);
}

int page_public(HttpReq *p){
  PubCtx c;
  const char *z = p->zPath + 3;
  size_t n = strcspn(z, "/");
  int rc, done = 0;
  char zHash[65];
  memset(&c, 0, sizeof c);
  c.p = p;
  if( n==0 || n >= sizeof c.zToken ) return http_fail(p, 404, ECX_ENOTFOUND, 0, "%s", _("no such survey"));
  memcpy(c.zToken, z, n);
  c.zToken[n] = 0;
  int thanks = strcmp(z + n, "/thanks")==0;
  if( z[n] && !thanks ) return http_fail(p, 404, ECX_ENOTFOUND, 0, "%s", _("no such survey"));
  rc = survey_def_by_token(p->pWs, c.zToken, &c.s);
  if( rc==ECX_ENOTFOUND ){ err_clear(); return http_fail(p, 404, rc, 0, "%s", _("no such survey")); }
  if( rc ) return rc;
  http_add_header(p, "Cache-Control", "no-store");
  http_add_header(p, "Referrer-Policy", "no-referrer");
  if( thanks ){
    rc = p->method==HTTP_POST ? http_fail(p, 405, ECX_EUSAGE, 0, "%s", _("method not allowed"))
       : pub_message(p, 200, c.s.zTitle[0] ? c.s.zTitle : c.s.zCode, _("Thank you! Your answers were saved."));
    goto out;
  }
  if( strcmp(c.s.zStatus, "open")!=0 ){
    rc = pub_message(p, 410, c.s.zTitle, _("This survey is not taking answers."));
    goto out;
  }
  c.zOne = http_query(p, "t");
  if( c.zOne && (!c.zOne[0] || strlen(c.zOne) > 128) ) c.zOne = "-";
  if( p->method==HTTP_POST ){
    const char *zGiven = http_form(p, "form_token"), *zCookie = http_cookie(p, FORM_COOKIE);
    if( !zGiven || !zCookie || !zCookie[0] || !auth_equal(zGiven, zCookie) ){
      rc = http_fail(p, 403, ECX_EPERM, 0, "%s",
                     _("the form has expired or did not come from this site; reload the page and try again"));
      goto out;
    }
  }
  rc = check_link(&c, zHash, &done);
  if( rc || done ) goto out;
  if( p->method==HTTP_POST ){
    rc = submit(&c, c.zOne ? zHash : 0);
  }else{
    char zSid[AUTH_TOKEN_HEX];
    auth_random_token(zSid);
    form_html(&c, zSid, 0);
  }
out:
  survey_def_clear(&c.s);
  return rc;
}
