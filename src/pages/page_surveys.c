/*
** The survey builder, part 1: GET/POST /surveys lists the surveys and
** creates one. Editing a survey is page_survey_edit.c. Analysts and
** admins only (route table); every change writes an audit row.
*/
#include <stdio.h>
#include <string.h>

#include "pages.h"
#include "survey_pages.h"
#include "../base/db.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../model/survey_def.h"
#include "../model/user.h"

static const char *const azKind[] = {"relational", "transactional", "benchmark", "employee"};

const char *survey_kind_label(const char *zKind){
  if( strcmp(zKind, "relational")==0 ) return _("relational");
  if( strcmp(zKind, "transactional")==0 ) return _("transactional");
  if( strcmp(zKind, "benchmark")==0 ) return _("benchmark");
  if( strcmp(zKind, "employee")==0 ) return _("employee");
  return zKind;
}

const char *survey_status_label(const char *zStatus){
  if( strcmp(zStatus, "draft")==0 ) return _("draft");
  if( strcmp(zStatus, "open")==0 ) return _("open");
  if( strcmp(zStatus, "closed")==0 ) return _("closed");
  return zStatus;
}

void survey_kind_select(HttpReq *p, const char *zSel){
  buf_printf(&p->body, "<select id=\"kind\" name=\"kind\">");
  for(size_t i = 0; i < sizeof azKind / sizeof azKind[0]; i++){
    buf_printf(&p->body, "<option value=\"%h\"%s>%h</option>", azKind[i],
               zSel && strcmp(zSel, azKind[i])==0 ? " selected" : "", survey_kind_label(azKind[i]));
  }
  buf_printf(&p->body, "</select>");
}

int survey_audit(HttpReq *p, const char *zAction, const char *zTarget, const char *zDetail){
  return audit_add(p->pWs, p->pUser ? p->pUser->id : 0, zAction, zTarget, zDetail ? zDetail : "");
}

static int list_row(void *pArg, int64_t id, const char *zCode, const char *zTitle,
                    const char *zKind, const char *zStatus, int64_t nQ, int64_t nR){
  HttpReq *p = pArg;
  buf_printf(&p->body,
    "<tr><td><a href=\"/surveys/%lld\">%h</a></td><td>%h</td><td>%h</td><td>%h</td>"
    "<td class=\"num\">%lld</td><td class=\"num\">%lld</td></tr>\n",
    (long long)id, zCode, zTitle, survey_kind_label(zKind), survey_status_label(zStatus),
    (long long)nQ, (long long)nR);
  return 0;
}

static int list_page(HttpReq *p, const char *zError, const char *zCode, const char *zTitle){
  layout_begin(p, _("Surveys"));
  if( zError ) layout_notice(p, "bad", zError);
  buf_printf(&p->body,
    "<table><thead><tr><th scope=\"col\">%h</th><th scope=\"col\">%h</th><th scope=\"col\">%h</th>"
    "<th scope=\"col\">%h</th><th scope=\"col\">%h</th><th scope=\"col\">%h</th></tr></thead><tbody>\n",
    _("Code"), _("Title"), _("Kind"), _("Status"), _("Questions"), _("Responses"));
  int rc = survey_def_each(p->pWs, list_row, p);
  if( rc ) return rc;
  buf_printf(&p->body, "</tbody></table>\n<h2>%h</h2>\n"
    "<form class=\"stack\" method=\"post\" action=\"/surveys\">", _("New survey"));
  layout_csrf(p);
  buf_printf(&p->body,
    "<label for=\"code\">%h</label><input id=\"code\" name=\"code\" required maxlength=\"64\" value=\"%h\">\n"
    "<label for=\"title\">%h</label><input id=\"title\" name=\"title\" maxlength=\"200\" value=\"%h\">\n"
    "<label for=\"kind\">%h</label>",
    _("Code (letters, digits, - and _)"), zCode ? zCode : "", _("Title"), zTitle ? zTitle : "", _("Kind"));
  survey_kind_select(p, "relational");
  buf_printf(&p->body, "\n<button type=\"submit\">%h</button>\n</form>\n", _("Create survey"));
  layout_end(p);
  return ECX_OK;
}

/* 1 if z is a usable code: 1-64 of letters, digits, '-', '_', '.'. */
int survey_code_ok(const char *z){ return survey_code_valid(z); }

int page_surveys(HttpReq *p){
  if( p->method!=HTTP_POST ) return list_page(p, 0, 0, 0);
  const char *zCode = http_form(p, "code");
  const char *zTitle = http_form(p, "title");
  const char *zKind = http_form(p, "kind");
  int64_t id = 0;
  int rc;
  if( !survey_code_ok(zCode) ){
    err_set(ECX_EINVAL, "%s", _("the code must be 1 to 64 letters, digits, '-', '_' or '.'"));
    rc = ECX_EINVAL;
  }else if( zTitle && strlen(zTitle) > 200 ){
    rc = err_set(ECX_EINVAL, "%s", _("the title is too long"));
  }else{
    rc = db_begin(p->pWs->pDb);
    if( rc ) return rc;
    rc = survey_def_create(p->pWs, zCode, zTitle, zKind, &id);
    if( rc==ECX_OK ) rc = survey_audit(p, "survey_create", zCode, zKind);
    if( rc==ECX_OK ) rc = db_commit(p->pWs->pDb);
    if( rc ) db_rollback(p->pWs->pDb);
  }
  if( rc==ECX_EINVAL || rc==ECX_EEXIST ){
    char *zMsg = http_strdup(p, err_detail());
    err_clear();
    buf_reset(&p->body);
    rc = list_page(p, zMsg, zCode, zTitle);
    p->status = 400;
    return rc;
  }
  if( rc ) return rc;
  char zPath[48];
  snprintf(zPath, sizeof zPath, "/surveys/%lld", (long long)id);
  return http_redirect(p, zPath);
}
