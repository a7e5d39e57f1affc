/*
** The survey builder, part 2: GET/POST /surveys/ID edits one survey: its
** settings (title, kind, touchpoint, channel, status), the public link,
** one-time links, and its questions (add, texts, required, choices, move
** up/down, delete). Every POST carries the session's CSRF field (checked
** by the router), runs in one transaction and writes an audit row.
*/
#include <stdio.h>
#include <string.h>

#include "pages.h"
#include "survey_pages.h"
#include "../base/db.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../http/auth.h"
#include "../model/survey_def.h"

#define SURVEY_MAX_LINKS 500   /* one-time links made in one request */

typedef struct SelCtx { HttpReq *p; int64_t sel; } SelCtx;

static int option_row(void *pArg, int64_t id, const char *zName){
  SelCtx *c = pArg;
  buf_printf(&c->p->body, "<option value=\"%lld\"%s>%h</option>", (long long)id,
             id==c->sel ? " selected" : "", zName);
  return 0;
}

static void ent_select(HttpReq *p, EntKind k, const char *zName, const char *zLabel, int64_t sel){
  SelCtx c = {p, sel};
  buf_printf(&p->body, "<label for=\"%h\">%h</label><select id=\"%h\" name=\"%h\"><option value=\"0\">%h</option>",
             zName, zLabel, zName, zName, _("(none)"));
  survey_ent_each(p->pWs, k, option_row, &c);
  buf_printf(&p->body, "</select>\n");
}

static int datalist_row(void *pArg, int64_t id, const char *zName){
  (void)id;
  buf_printf(&((HttpReq*)pArg)->body, "<option value=\"%h\">", zName);
  return 0;
}

static void question_form(HttpReq *p, const SurveyDef *s, int i){
  const SurveyQuestion *q = &s->aQ[i];
  Buf *b = &p->body;
  buf_printf(b, "<form method=\"post\" action=\"/surveys/%lld\" class=\"question\">\n<fieldset>"
             "<legend>%d. %h (%h", (long long)s->id, i + 1, q->zCode, qtype_name(q->type));
  if( q->type==Q_RATING ) buf_printf(b, " %d-%d, %h", q->scaleMin, q->scaleMax, q->zDimension);
  if( q->type==Q_ATTRIBUTE ) buf_printf(b, ", %h", q->zAttribute);
  buf_printf(b, ")</legend>");
  layout_csrf(p);
  buf_printf(b, "<input type=\"hidden\" name=\"qid\" value=\"%lld\">\n"
    "<label for=\"es%lld\">%h</label><textarea id=\"es%lld\" name=\"text_es\" rows=\"2\">%h</textarea>\n"
    "<label for=\"en%lld\">%h</label><textarea id=\"en%lld\" name=\"text_en\" rows=\"2\">%h</textarea>\n"
    "<label><input type=\"checkbox\" name=\"required\" value=\"1\"%s> %h</label>\n",
    (long long)q->id, (long long)q->id, _("Text (Spanish)"), (long long)q->id, q->zTextEs,
    (long long)q->id, _("Text (English)"), (long long)q->id, q->zTextEn,
    q->required ? " checked" : "", _("Required"));
  if( q->type==Q_CHOICE || q->type==Q_MULTI ){
    buf_printf(b, "<label for=\"ch%lld\">%h</label><textarea id=\"ch%lld\" name=\"choices\" rows=\"4\">",
               (long long)q->id, _("Choices, one a line: value|Spanish label|English label"), (long long)q->id);
    for(int k = 0; k < q->nChoice; k++){
      buf_printf(b, "%h|%h|%h\n", q->aChoice[k].zValue, q->aChoice[k].zLabelEs, q->aChoice[k].zLabelEn);
    }
    buf_printf(b, "</textarea>\n");
  }
  buf_printf(b, "<div class=\"actions\"><button name=\"action\" value=\"save_q\">%h</button>"
    " <button name=\"action\" value=\"up\"%s>%h</button> <button name=\"action\" value=\"down\"%s>%h</button>"
    " <button name=\"action\" value=\"delete\">%h</button></div>\n</fieldset></form>\n",
    _("Save question"), i==0 ? " disabled" : "", _("Move up"), i==s->nQ-1 ? " disabled" : "", _("Move down"),
    _("Delete"));
}

static void edit_page(HttpReq *p, const SurveyDef *s, const char *zError, const char *zLinks){
  Buf *b = &p->body;
  static const char *const azStatus[] = {"draft", "open", "closed"};
  buf_reset(b);
  layout_begin(p, s->zTitle[0] ? s->zTitle : s->zCode);
  if( zError ) layout_notice(p, "bad", zError);
  buf_printf(b, "<p><a href=\"/surveys\">%h</a> · %h <code>%h</code></p>\n", _("All surveys"), _("Code"), s->zCode);
  buf_printf(b, "<h2>%h</h2>\n<form class=\"stack\" method=\"post\" action=\"/surveys/%lld\">",
             _("Settings"), (long long)s->id);
  layout_csrf(p);
  buf_printf(b, "<label for=\"title\">%h</label><input id=\"title\" name=\"title\" maxlength=\"200\" value=\"%h\">\n"
             "<label for=\"kind\">%h</label>", _("Title"), s->zTitle, _("Kind"));
  survey_kind_select(p, s->zKind);
  buf_putc(b, '\n');
  ent_select(p, ENT_TOUCHPOINT, "touchpoint", _("Touchpoint"), s->touchpointId);
  ent_select(p, ENT_CHANNEL, "channel", _("Channel"), s->channelId);
  buf_printf(b, "<label for=\"status\">%h</label><select id=\"status\" name=\"status\">", _("Status"));
  for(int i = 0; i < 3; i++){
    buf_printf(b, "<option value=\"%h\"%s>%h</option>", azStatus[i],
               strcmp(s->zStatus, azStatus[i])==0 ? " selected" : "", survey_status_label(azStatus[i]));
  }
  buf_printf(b, "</select>\n<button name=\"action\" value=\"meta\">%h</button>\n</form>\n", _("Save settings"));

  buf_printf(b, "<h2>%h</h2>\n", _("Links"));
  if( s->zToken[0] ){
    buf_printf(b, "<p>%h <a id=\"public-link\" href=\"/s/%h\">/s/%h</a></p>\n", _("Public link:"), s->zToken, s->zToken);
  }else{
    buf_printf(b, "<p>%h</p>\n", _("No public link yet."));
  }
  if( strcmp(s->zStatus, "open")!=0 ) buf_printf(b, "<p>%h</p>\n", _("The survey takes answers only while it is open."));
  buf_printf(b, "<form class=\"inline\" method=\"post\" action=\"/surveys/%lld\">", (long long)s->id);
  layout_csrf(p);
  buf_printf(b, "<button name=\"action\" value=\"token\">%h</button></form>\n",
             s->zToken[0] ? _("Replace the public link") : _("Make a public link"));
  if( s->zToken[0] ){
    buf_printf(b, "<form class=\"inline\" method=\"post\" action=\"/surveys/%lld\">", (long long)s->id);
    layout_csrf(p);
    buf_printf(b, "<label for=\"nlinks\">%h</label> <input id=\"nlinks\" name=\"n\" type=\"number\" min=\"1\" max=\"%d\" value=\"1\">"
               " <button name=\"action\" value=\"links\">%h</button></form>\n",
               _("One-time links"), SURVEY_MAX_LINKS, _("Make links"));
  }
  if( zLinks ) buf_printf(b, "<p>%h</p>\n<pre id=\"links\">\n%h</pre>\n",
                          _("Copy these links now; they are not shown again."), zLinks);

  buf_printf(b, "<h2>%h</h2>\n", _("Questions"));
  for(int i = 0; i < s->nQ; i++) question_form(p, s, i);
  buf_printf(b, "<h2>%h</h2>\n<form class=\"stack\" method=\"post\" action=\"/surveys/%lld\">",
             _("Add a question"), (long long)s->id);
  layout_csrf(p);
  buf_printf(b, "<label for=\"qcode\">%h</label><input id=\"qcode\" name=\"code\" required maxlength=\"64\">\n"
             "<label for=\"qtype\">%h</label><select id=\"qtype\" name=\"type\">", _("Code"), _("Type"));
  for(int t = 0; t < Q_NTYPE; t++) buf_printf(b, "<option>%h</option>", qtype_name((QType)t));
  buf_printf(b, "</select>\n<label for=\"scale\">%h</label><select id=\"scale\" name=\"scale\">"
    "<option>1-5</option><option>0-10</option></select>\n"
    "<label for=\"dimension\">%h</label><input id=\"dimension\" name=\"dimension\" list=\"dims\" maxlength=\"100\">"
    "<datalist id=\"dims\">", _("Scale (rating)"), _("Dimension (rating)"));
  survey_ent_each(p->pWs, ENT_DIMENSION, datalist_row, p);
  buf_printf(b, "</datalist>\n<label for=\"attribute\">%h</label><input id=\"attribute\" name=\"attribute\" list=\"attrs\" maxlength=\"100\">"
             "<datalist id=\"attrs\">", _("Attribute (attribute questions)"));
  survey_ent_each(p->pWs, ENT_ATTRIBUTE, datalist_row, p);
  buf_printf(b, "</datalist>\n"
    "<label for=\"qes\">%h</label><textarea id=\"qes\" name=\"text_es\" rows=\"2\"></textarea>\n"
    "<label for=\"qen\">%h</label><textarea id=\"qen\" name=\"text_en\" rows=\"2\"></textarea>\n"
    "<label for=\"qch\">%h</label><textarea id=\"qch\" name=\"choices\" rows=\"4\"></textarea>\n"
    "<label><input type=\"checkbox\" name=\"required\" value=\"1\"> %h</label>\n"
    "<button name=\"action\" value=\"add\">%h</button>\n</form>\n",
    _("Text (Spanish)"), _("Text (English)"), _("Choices (choice and multi), one a line: value|Spanish label|English label"),
    _("Required"), _("Add question"));
  layout_end(p);
}

/* The id of entity field zName (0 = none); ECX_EINVAL if not a number. */
static int form_id(HttpReq *p, const char *zName, int64_t *pId){
  const char *z = http_form(p, zName);
  *pId = 0;
  if( !z || !z[0] ) return ECX_OK;
  if( util_parse_int(z, pId) || *pId < 0 ) return err_set(ECX_EINVAL, _("bad %s"), zName);
  return ECX_OK;
}

static int add_question(HttpReq *p, const SurveyDef *s){
  QuestionDef d;
  Question q;
  memset(&d, 0, sizeof d);
  d.zCode = http_form(p, "code");
  const char *zType = http_form(p, "type"), *zScale = http_form(p, "scale");
  int t = qtype_from_name(zType ? zType : "");
  if( !survey_code_ok(d.zCode) ) return err_set(ECX_EINVAL, "%s", _("the code must be 1 to 64 letters, digits, '-', '_' or '.'"));
  if( survey_def_question(s, d.zCode) ) return err_set(ECX_EINVAL, _("the survey already has a question \"%s\""), d.zCode);
  if( t < 0 ) return err_set(ECX_EINVAL, "%s", _("unknown question type"));
  d.type = (QType)t;
  d.scaleMin = zScale && strcmp(zScale, "0-10")==0 ? 0 : 1;
  d.scaleMax = d.scaleMin==0 ? 10 : 5;
  d.zDimension = http_form(p, "dimension");
  if( d.zDimension && !d.zDimension[0] ) d.zDimension = 0;
  if( d.type==Q_RATING && !d.zDimension ) return err_set(ECX_EINVAL, "%s", _("a rating question needs a dimension"));
  d.zAttribute = http_form(p, "attribute");
  if( d.zAttribute && !d.zAttribute[0] ) d.zAttribute = 0;
  if( (d.zDimension && strlen(d.zDimension) > 100) || (d.zAttribute && strlen(d.zAttribute) > 100) ){
    return err_set(ECX_EINVAL, "%s", _("the name is too long"));
  }
  d.zTextEs = http_form(p, "text_es");
  d.zTextEn = http_form(p, "text_en");
  d.required = http_form(p, "required")!=0;
  const char *zCh = http_form(p, "choices");
  if( (d.type==Q_CHOICE || d.type==Q_MULTI) && (!zCh || !zCh[strspn(zCh, " \t\r\n")]) ){
    return err_set(ECX_EINVAL, "%s", _("a choice question needs at least one choice"));
  }
  int rc = question_ensure(p->pWs, s->id, &d, &q);
  if( rc==ECX_OK && (d.type==Q_CHOICE || d.type==Q_MULTI) ) rc = survey_choices_set(p->pWs, q.id, zCh);
  if( rc==ECX_OK ) rc = survey_audit(p, "question_add", s->zCode, d.zCode);
  return rc;
}

/* Apply one POST action; *pzLinks gets the one-time links made, if any. */
static int apply(HttpReq *p, const SurveyDef *s, const char *zAction, char **pzLinks){
  int64_t qId = 0, a = 0, c = 0;
  int rc = form_id(p, "qid", &qId);
  if( rc ) return rc;
  const SurveyQuestion *q = 0;
  for(int i = 0; i < s->nQ; i++) if( s->aQ[i].id==qId ) q = &s->aQ[i];
  if( strcmp(zAction, "meta")==0 ){
    const char *zTitle = http_form(p, "title"), *zKind = http_form(p, "kind"), *zStatus = http_form(p, "status");
    if( (rc = form_id(p, "touchpoint", &a))!=0 || (rc = form_id(p, "channel", &c))!=0 ) return rc;
    if( !zTitle || strlen(zTitle) > 200 ) return err_set(ECX_EINVAL, "%s", _("the title is too long"));
    rc = survey_def_update(p->pWs, s->id, zTitle, zKind ? zKind : s->zKind, a, c, zStatus ? zStatus : s->zStatus);
    if( rc==ECX_OK ) rc = survey_audit(p, "survey_update", s->zCode, zStatus);
  }else if( strcmp(zAction, "token")==0 ){
    char zTok[AUTH_TOKEN_HEX];
    auth_random_token(zTok);
    zTok[24] = 0;                       /* 96 random bits: short enough to share */
    rc = survey_def_set_token(p->pWs, s->id, zTok);
    if( rc==ECX_OK ) rc = survey_audit(p, "survey_token", s->zCode, "");
  }else if( strcmp(zAction, "links")==0 ){
    const char *zN = http_form(p, "n");
    int64_t n = 0;
    if( !zN || util_parse_int(zN, &n) || n < 1 || n > SURVEY_MAX_LINKS ){
      return err_set(ECX_EINVAL, _("the number of links must be 1 to %d"), SURVEY_MAX_LINKS);
    }
    if( !s->zToken[0] ) return err_set(ECX_EINVAL, "%s", _("make a public link first"));
    Buf b;
    buf_init(&b, 1u<<20);
    for(int64_t i = 0; i < n && rc==ECX_OK; i++){
      char zTok[AUTH_TOKEN_HEX], zHash[65];
      auth_random_token(zTok);
      auth_token_digest(zTok, zHash);
      rc = survey_link_add(p->pWs, s->id, zHash);
      buf_printf(&b, "/s/%s?t=%s\n", s->zToken, zTok);
    }
    *pzLinks = http_strdup(p, buf_str(&b));
    buf_free(&b);
    char zN2[24];
    snprintf(zN2, sizeof zN2, "%lld", (long long)n);
    if( rc==ECX_OK ) rc = survey_audit(p, "survey_links", s->zCode, zN2);
  }else if( strcmp(zAction, "add")==0 ){
    rc = add_question(p, s);
  }else if( !q ){
    rc = err_set(ECX_EINVAL, "%s", _("no such question"));
  }else if( strcmp(zAction, "save_q")==0 ){
    rc = survey_question_set(p->pWs, q->id, http_form(p, "text_es"), http_form(p, "text_en"),
                             http_form(p, "required")!=0);
    if( rc==ECX_OK && (q->type==Q_CHOICE || q->type==Q_MULTI) ) rc = survey_choices_set(p->pWs, q->id, http_form(p, "choices"));
    if( rc==ECX_OK ) rc = survey_audit(p, "question_update", s->zCode, q->zCode);
  }else if( strcmp(zAction, "up")==0 || strcmp(zAction, "down")==0 ){
    rc = survey_question_move(p->pWs, s->id, q->id, zAction[0]=='u' ? -1 : 1);
    if( rc==ECX_OK ) rc = survey_audit(p, "question_move", s->zCode, q->zCode);
  }else if( strcmp(zAction, "delete")==0 ){
    rc = survey_question_delete(p->pWs, s->id, q->id);
    if( rc==ECX_OK ) rc = survey_audit(p, "question_delete", s->zCode, q->zCode);
  }else{
    rc = err_set(ECX_EINVAL, "%s", _("unknown action"));
  }
  return rc;
}

int page_survey_edit(HttpReq *p){
  SurveyDef s;
  int64_t id = 0;
  char *zLinks = 0;
  const char *zId = p->zPath + strlen("/surveys/");
  if( util_parse_int(zId, &id) || id <= 0 ) return http_fail(p, 404, ECX_ENOTFOUND, 0, "%s", _("no such survey"));
  int rc = survey_def_load(p->pWs, id, &s);
  if( rc==ECX_ENOTFOUND ) return http_fail(p, 404, rc, 0, "%s", _("no such survey"));
  if( rc ) return rc;
  if( p->method==HTTP_POST ){
    const char *zAction = http_form(p, "action");
    rc = db_begin(p->pWs->pDb);
    if( rc==ECX_OK ){
      rc = apply(p, &s, zAction ? zAction : "", &zLinks);
      if( rc==ECX_OK ) rc = db_commit(p->pWs->pDb);
      if( rc ){ db_rollback(p->pWs->pDb); zLinks = 0; }
    }
    if( rc==ECX_EINVAL || rc==ECX_EEXIST || rc==ECX_ENOTFOUND ){
      char *zMsg = http_strdup(p, err_detail());
      err_clear();
      edit_page(p, &s, zMsg, 0);
      p->status = 400;
      rc = ECX_OK;
      goto out;
    }
    if( rc ) goto out;
    if( !zLinks ){
      char zPath[48];
      snprintf(zPath, sizeof zPath, "/surveys/%lld", (long long)id);
      rc = http_redirect(p, zPath);
      goto out;
    }
    survey_def_clear(&s);
    rc = survey_def_load(p->pWs, id, &s);
    if( rc ) return rc;
  }
  edit_page(p, &s, 0, zLinks);
out:
  survey_def_clear(&s);
  return rc;
}
