/*
** The promise builder pages: /promise (list and new) and /promise/ID (the
** criteria table, the recommendation and the form; every save is a new
** version). /promise/ID/print is in page_promise_view.c.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "promise_int.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"

/* Read the form into *pr (strings copied; promise_clear() frees them). */
static int read_form(HttpReq *p, Promise *pr){
  const char *z;
  memset(pr, 0, sizeof *pr);
  pr->zName = ecx_strdup((z = http_form(p, "name")) ? z : "");
  pr->zSegment = ecx_strdup((z = http_form(p, "segment")) ? z : "");
  pr->zWhere = ecx_strdup((z = http_form(p, "where")) ? z : "");
  pr->zTagline = ecx_strdup((z = http_form(p, "tagline")) ? z : "");
  util_trim(pr->zName);
  util_trim(pr->zTagline);
  z = http_form(p, "aspirations");
  while( z && *z && pr->nAsp<PROMISE_MAX_ASP ){
    const char *e = strchr(z, '\n');
    size_t n = e ? (size_t)(e - z) : strlen(z);
    char *zLine = ecx_strndup(z, n);
    if( util_trim(zLine)[0] ){ memmove(zLine, util_trim(zLine), strlen(util_trim(zLine)) + 1); pr->azAsp[pr->nAsp++] = zLine; }
    else free(zLine);
    z = e ? e + 1 : z + n;
  }
  for(int i=0; i<p->nForm; i++){
    if( strcmp(p->aForm[i].zName, "dim")!=0 ) continue;
    if( pr->nDim>PROMISE_MAX_DIM ){ pr->nDim++; continue; }   /* counted for the message */
    pr->azDim[pr->nDim++] = ecx_strdup(p->aForm[i].zValue);
  }
  {
    int nDim = pr->nDim;
    if( nDim>PROMISE_MAX_DIM + 1 ) pr->nDim = PROMISE_MAX_DIM + 1;   /* only that many were kept */
    z = http_form(p, "weights");
    pr->w.rel = pr->w.dif = pr->w.fea = 1;
    if( z && z[0] && promise_parse_weights(z, &pr->w) ) return ECX_EINVAL;
    return promise_check_count(nDim);
  }
}

static void form(HttpReq *p, const Cube *pC, const Promise *pr, const char *zAction){
  Buf *b = &p->body;
  int i;
  buf_printf(b, "<section class=\"ecx-card ecx-noprint\"><h2>%h</h2><form method=\"post\" action=\"%h\">\n",
             pr->id ? _("Edit (saves a new version)") : _("New promise"), zAction);
  layout_csrf(p);
  buf_printf(b, "<p><label>%h <input type=\"text\" name=\"name\" value=\"%h\" maxlength=\"200\" required></label></p>\n",
             _("Name"), pr->zName);
  buf_printf(b, "<p><label>%h <select name=\"segment\"><option value=\"\">%h</option>", _("Whom: segment"), _("All respondents"));
  for(i=0; i<pC->nSegment; i++){
    buf_printf(b, "<option%s>%h</option>", pr->zSegment && strcmp(pr->zSegment, pC->azSegment[i])==0 ? " selected" : "",
               pC->azSegment[i]);
  }
  buf_printf(b, "</select></label> <label>%h <input type=\"text\" name=\"where\" value=\"%h\" "
             "placeholder=\"edad=18-24|25-34, plan!=prepago\"></label></p>\n", _("or a filter"), pr->zWhere);
  buf_printf(b, "<p><label>%h<br><textarea name=\"aspirations\" rows=\"3\" cols=\"60\">", _("For what: aspirations, one per line"));
  for(i=0; i<pr->nAsp; i++) buf_printf(b, "%h\n", pr->azAsp[i]);
  buf_printf(b, "</textarea></label></p>\n<fieldset class=\"ecx-checks\"><legend>%h</legend>", _("How: 3 to 5 dimensions"));
  for(i=0; i<pC->nMet; i++){
    int on = 0;
    if( pC->aMet[i].kind!=CUBE_MET_RATING ) continue;
    for(int k=0; k<pr->nDim; k++) on |= strcmp(pr->azDim[k], pC->aMet[i].zName)==0;
    buf_printf(b, "<label><input type=\"checkbox\" name=\"dim\" value=\"%h\"%s> %h</label>",
               pC->aMet[i].zName, on ? " checked" : "", pC->aMet[i].zName);
  }
  buf_printf(b, "</fieldset>\n<p><label>%h <input type=\"text\" name=\"tagline\" value=\"%h\" maxlength=\"500\"></label></p>\n",
             _("Tagline"), pr->zTagline);
  buf_printf(b, "<p><label>%h <input type=\"text\" name=\"weights\" value=\"%g,%g,%g\"></label></p>\n",
             _("Weights: relevance, differentiation, feasibility"), pr->w.rel, pr->w.dif, pr->w.fea);
  buf_printf(b, "<button type=\"submit\">%h</button></form></section>\n", _("Save"));
}

static int list_row(void *pArg, const Promise *pr){
  Buf *b = pArg;
  buf_printf(b, "<tr><td><a href=\"/promise/%lld\">%h</a></td><td>%h</td><td>v%d</td><td>%h</td></tr>\n",
             (long long)pr->id, pr->zName, pr->zSegment[0] ? pr->zSegment : _("All respondents"), pr->version, pr->zTagline);
  return ECX_OK;
}

/* POST: save the form as promise id (0: new), then go to its page. */
static int save(HttpReq *p, int64_t id){
  Promise pr;
  char zNext[48];
  int rc = read_form(p, &pr);
  pr.id = id;
  if( rc==ECX_OK ) rc = promise_save(p->pWs, &pr, p->pUser->id);
  if( rc ){
    rc = http_fail(p, rc==ECX_ENOTFOUND && id ? 404 : 400, rc, "dim", "%s", err_detail());
    promise_clear(&pr);
    return rc;
  }
  snprintf(zNext, sizeof zNext, "/promise/%lld?saved=%d", (long long)pr.id, pr.version);
  promise_clear(&pr);
  return http_redirect(p, zNext);
}

int page_promise_list(HttpReq *p){
  const Cube *pC = 0;
  Promise empty;
  Buf rows;
  int rc, canEdit = http_has_role(p, ROLE_ADMIN|ROLE_ANALYST);
  if( p->method==HTTP_POST ) return save(p, 0);
  rc = http_cube(p, &pC);
  if( rc ) return rc;
  buf_init(&rows, HTTP_MAX_RESPONSE);
  rc = promise_each(p->pWs, list_row, &rows);
  if( rc ){ buf_free(&rows); return rc; }
  layout_begin(p, _("Experience promise"));
  buf_printf(&p->body, "<p>%h</p>\n", _("Whom, for what, how: 3 to 5 dimensions that are relevant to the customers, "
             "set us apart from the competitors and are feasible for the company."));
  buf_printf(&p->body, "<table class=\"ecx-table\"><thead><tr><th>%h</th><th>%h</th><th>%h</th><th>%h</th></tr></thead><tbody>\n%s</tbody></table>\n",
             _("Name"), _("Segment"), _("version"), _("Tagline"), buf_str(&rows));
  buf_free(&rows);
  if( canEdit ){
    memset(&empty, 0, sizeof empty);
    empty.w.rel = empty.w.dif = empty.w.fea = 1;
    form(p, pC, &empty, "/promise");
  }
  layout_end(p);
  return ECX_OK;
}

static void versions(HttpReq *p, int64_t id){
  Stmt *s = 0;
  if( db_prepare(p->pWs->pDb, &s, "SELECT v.version, v.ts, coalesce(u.login, '') FROM promise_version v"
                 " LEFT JOIN user u ON u.id=v.user_id WHERE v.promise_id=?1 ORDER BY v.version DESC") ) return;
  db_bind_int(s, 1, id);
  buf_printf(&p->body, "<section class=\"ecx-card ecx-noprint\"><h2>%h</h2><ul>\n", _("Versions"));
  while( db_step(s)==DB_ROW ){
    char zDay[32];
    int64_t ts = db_column_int(s, 1), day = ts/86400;
    int y, m, d;
    util_civil_from_days(day, &y, &m, &d);
    snprintf(zDay, sizeof zDay, "%04d-%02d-%02d", y, m, d);
    buf_printf(&p->body, "<li>v%lld · %h · %h</li>\n", (long long)db_column_int(s, 0), zDay, db_column_text(s, 2));
  }
  db_finalize(s);
  buf_puts(&p->body, "</ul></section>\n");
}

/* The promise's KPIs and alerts on its page, with the links to its views. */
static void kpi_summary(HttpReq *p, const PromiseCtx *c){
  Buf *b = &p->body;
  long long id = (long long)c->pr.id;
  buf_printf(b, "<p class=\"ecx-links\"><a href=\"/promise/%lld/kpis\">%h</a><a href=\"/promise/%lld/touchpoints\">%h</a>"
             "<a href=\"/promise/%lld/areas\">%h</a><a href=\"/promise/%lld/print\">%h</a></p>\n",
             id, _("KPIs"), id, _("Touchpoints"), id, promise_user_area(p) ? _("Your area") : _("Areas"),
             id, _("Printable version"));
  buf_printf(b, "<section class=\"ecx-card\"><h2>%h</h2>\n", _("Alerts"));
  promise_alerts_view(b, &c->ev, &c->pr, 0);
  buf_printf(b, "</section>\n<section class=\"ecx-card\"><h2>%h</h2>\n", _("Strategic KPIs"));
  if( c->nKpi==0 ) buf_printf(b, "<p class=\"notice\">%h</p>\n", _("No KPI set yet: give each dimension a metric, a target and an owner area."));
  promise_kpi_table(b, &c->ev);
  buf_puts(b, "</section>\n");
}

/* The subpages of /promise/ID/...; *pHandled = 0 when zSub names none. */
static int sub_page(HttpReq *p, int64_t id, const char *zSub, int *pHandled){
  *pHandled = 1;
  if( strcmp(zSub, "/print")==0 && p->method!=HTTP_POST ) return promise_print(p, id);
  if( strcmp(zSub, "/kpis")==0 ) return promise_kpi_page(p, id);
  if( strcmp(zSub, "/touchpoints")==0 && p->method!=HTTP_POST ) return promise_matrix_page(p, id);
  if( strcmp(zSub, "/areas")==0 && p->method!=HTTP_POST ) return promise_areas_page(p, id);
  *pHandled = 0;
  return ECX_OK;
}

int page_promise(HttpReq *p){
  const char *zRest = p->zPath + strlen("/promise/"), *zSlash = strchr(zRest, '/');
  char *zId = zSlash ? http_strdup(p, zRest) : (char*)zRest;
  int64_t id = 0;
  PromiseCtx c;
  PromiseCriteria pc;
  int rc, ok = 0, handled = 0;
  if( strcmp(zRest, "alerts")==0 && p->method!=HTTP_POST ) return promise_alerts_page(p);
  if( zSlash ) zId[zSlash - zRest] = 0;
  if( util_parse_int(zId, &id) || id<=0 ) goto none;
  if( zSlash ){
    rc = sub_page(p, id, zSlash, &handled);
    if( handled ) return rc;
    goto none;
  }
  if( p->method==HTTP_POST ) return save(p, id);
  rc = promise_ctx_load(p, id, &c);
  if( rc==ECX_ENOTFOUND ){ err_clear(); return http_redirect(p, "/promise"); }
  if( rc ) return rc;
  layout_begin(p, c.pr.zName);
  if( http_query(p, "saved") ) layout_notice(p, "ok", _("Saved as a new version."));
  buf_printf(&p->body, "<p class=\"ecx-tagline\">%h</p>\n<p>v%d · %h</p>\n", c.pr.zTagline, c.pr.version, c.pr.zAuthor);
  kpi_summary(p, &c);
  promise_page_criteria(p, c.pC, &c.pr, &pc, &ok);
  if( ok ){
    buf_printf(&p->body, "<section class=\"ecx-card\"><h2>%h</h2>\n", _("Criteria and recommendation"));
    promise_criteria_table(&p->body, &pc, c.pr.azDim, c.pr.nDim);
    buf_puts(&p->body, "</section>\n");
    promise_criteria_free(&pc);
  }
  if( http_has_role(p, ROLE_ADMIN|ROLE_ANALYST) ){
    char zAction[48];
    snprintf(zAction, sizeof zAction, "/promise/%lld", (long long)id);
    form(p, c.pC, &c.pr, zAction);
  }
  versions(p, id);
  layout_end(p);
  promise_ctx_free(&c);
  return ECX_OK;
none:
  if( p->method==HTTP_POST ) return http_fail(p, 400, ECX_EINVAL, 0, "%s", _("no such promise"));
  return http_redirect(p, "/promise");
}
