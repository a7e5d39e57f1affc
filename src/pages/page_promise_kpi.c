/*
** /promise/ID/kpis: the promise's strategic KPIs (seed 004, step 3), one
** per promise dimension: metric, target, owner area and optional period,
** with the current value, its interval, the trend and the status; editors
** set them in one form (an empty target removes a dimension's KPI).
*/
#include <stdio.h>
#include <string.h>
#include "promise_int.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"

/* The KPI of row k of the form into *k (strings in the request's arena);
** ECX_ENOTFOUND when the row has no target. */
static int read_row(HttpReq *p, int i, PromiseKpi *k){
  char zKey[32];
  const char *z;
  int64_t area = 0;
  int rc;
  memset(k, 0, sizeof *k);
#define FIELD(name) (snprintf(zKey, sizeof zKey, name "_%d", i), http_form(p, zKey))
  k->zDim = (char*)FIELD("dim");
  if( !k->zDim ) return ECX_ENOTFOUND;
  z = FIELD("target");
  if( !z || !util_trim(http_strdup(p, z))[0] ) return ECX_ENOTFOUND;
  if( util_parse_double(util_trim(http_strdup(p, z)), &k->target) ){
    return err_set(ECX_EINVAL, _("%s: the target is a number, not \"%s\""), k->zDim, z);
  }
  rc = promise_kpi_metric_parse(FIELD("metric"), &k->metric);
  if( rc ) return rc;
  z = FIELD("area");
  if( !z || util_parse_int(z, &area) ) return err_set(ECX_EINVAL, _("%s: choose the owner area"), k->zDim);
  k->areaId = area;
  k->zFrom = (char*)((z = FIELD("from")) ? z : "");
  k->zTo = (char*)((z = FIELD("to")) ? z : "");
#undef FIELD
  return ECX_OK;
}

static int save(HttpReq *p, int64_t id){
  Promise pr;
  PromiseKpi a[PROMISE_MAX_DIM], *aOld = 0;
  int has[PROMISE_MAX_DIM], nOld = 0, rc = promise_load(p->pWs, id, 0, &pr);
  char zNext[64];
  if( rc ) return rc==ECX_ENOTFOUND ? http_fail(p, 404, rc, 0, "%s", err_detail()) : rc;
  /* Check every row before storing any. */
  for(int i=0; rc==ECX_OK && i<PROMISE_MAX_DIM; i++){
    rc = read_row(p, i, &a[i]);
    has[i] = rc==ECX_OK;
    if( rc==ECX_ENOTFOUND ){ rc = ECX_OK; continue; }
    if( rc==ECX_OK ) rc = promise_kpi_check(p->pWs, &pr, &a[i]);
  }
  if( rc==ECX_OK ) rc = promise_kpi_list(p->pWs, &pr, &aOld, &nOld);
  for(int i=0; rc==ECX_OK && i<PROMISE_MAX_DIM; i++){
    if( has[i] ){ rc = promise_kpi_set(p->pWs, &pr, &a[i], p->pUser->id); continue; }
    if( !a[i].zDim ) continue;
    for(int j=0; j<nOld && rc==ECX_OK; j++){
      if( strcmp(aOld[j].zDim, a[i].zDim)==0 ) rc = promise_kpi_delete(p->pWs, id, a[i].zDim, p->pUser->id);
    }
  }
  promise_kpi_list_free(aOld, nOld);
  promise_clear(&pr);
  if( rc ) return http_fail(p, rc==ECX_ENOTFOUND ? 404 : 400, rc, 0, "%s", err_detail());
  snprintf(zNext, sizeof zNext, "/promise/%lld/kpis?saved=1", (long long)id);
  return http_redirect(p, zNext);
}

static void option(Buf *b, const char *zValue, const char *zLabel, int on){
  buf_printf(b, "<option value=\"%h\"%s>%h</option>", zValue, on ? " selected" : "", zLabel);
}

static void form(HttpReq *p, const PromiseCtx *c){
  Buf *b = &p->body;
  Stmt *s = 0;
  buf_printf(b, "<section class=\"ecx-card ecx-noprint\"><h2>%h</h2>\n<form method=\"post\" action=\"/promise/%lld/kpis\">",
             _("Set the KPIs"), (long long)c->pr.id);
  layout_csrf(p);
  buf_printf(b, "<table class=\"ecx-table\"><thead><tr><th>%h</th><th>%h</th><th>%h</th><th>%h</th><th>%h</th><th>%h</th>"
             "</tr></thead><tbody>\n", _("dimension"), _("metric"), _("target"), _("owner area"), _("from (month)"),
             _("to (month)"));
  for(int k=0; k<c->ev.nDim; k++){
    const PromiseDimEval *d = &c->ev.aDim[k];
    char zT[32] = "";
    if( d->pKpi ) snprintf(zT, sizeof zT, "%g", d->pKpi->target);
    buf_printf(b, "<tr><td>%h<input type=\"hidden\" name=\"dim_%d\" value=\"%h\"></td><td><select name=\"metric_%d\">",
               d->zDim, k, d->zDim, k);
    for(int m=0; m<KPI_NMETRIC; m++) option(b, promise_kpi_metric_name(m), promise_kpi_metric_label(m), (int)d->metric==m);
    buf_printf(b, "</select></td><td><input type=\"number\" step=\"any\" name=\"target_%d\" value=\"%h\"></td>"
               "<td><select name=\"area_%d\"><option value=\"\">—</option>", k, zT, k);
    if( db_prepare(p->pWs->pDb, &s, "SELECT id, name FROM area ORDER BY name")==ECX_OK ){
      while( db_step(s)==DB_ROW ){
        char zId[32];
        snprintf(zId, sizeof zId, "%lld", (long long)db_column_int(s, 0));
        option(b, zId, db_column_text(s, 1), d->pKpi && d->pKpi->areaId==db_column_int(s, 0));
      }
      db_finalize(s);
    }
    buf_printf(b, "</select></td><td><input type=\"month\" name=\"from_%d\" value=\"%h\" placeholder=\"YYYY-MM\"></td>"
               "<td><input type=\"month\" name=\"to_%d\" value=\"%h\" placeholder=\"YYYY-MM\"></td></tr>\n",
               k, d->pKpi ? d->pKpi->zFrom : "", k, d->pKpi ? d->pKpi->zTo : "");
  }
  buf_printf(b, "</tbody></table><p class=\"ecx-count\">%h</p><button type=\"submit\">%h</button></form></section>\n",
             _("Mean on the dimension's scale; top2, CSAT in % (0-100); NPS -100 to 100; CES 1-7. Without a period: "
               "the last 12 months. An empty target removes the KPI."), _("Save KPIs"));
}

int promise_kpi_page(HttpReq *p, int64_t id){
  PromiseCtx c;
  int rc;
  if( p->method==HTTP_POST ) return save(p, id);
  rc = promise_ctx_load(p, id, &c);
  if( rc==ECX_ENOTFOUND ){ err_clear(); return http_redirect(p, "/promise"); }
  if( rc ) return rc;
  {
    Buf t;
    buf_init(&t, 1024);
    buf_printf(&t, "%s: %s", _("KPIs"), c.pr.zName);
    layout_begin(p, buf_str(&t));
    buf_free(&t);
  }
  if( http_query(p, "saved") ) layout_notice(p, "ok", _("KPIs saved."));
  buf_printf(&p->body, "<p class=\"ecx-links\"><a href=\"/promise/%lld\">%h</a></p>\n", (long long)id, _("Back to the promise"));
  buf_printf(&p->body, "<section class=\"ecx-card\"><h2>%h</h2>\n", _("Strategic KPIs"));
  promise_kpi_table(&p->body, &c.ev);
  buf_puts(&p->body, "</section>\n");
  if( http_has_role(p, ROLE_ADMIN|ROLE_ANALYST) ) form(p, &c);
  layout_end(p);
  promise_ctx_free(&c);
  return ECX_OK;
}
