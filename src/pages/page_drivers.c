/*
** The key-drivers page (/drivers): outcome and predictors chosen in the
** form, the dashboards' filters as GET parameters; Shapley shares with
** bootstrap intervals (bars), R² with its interval, a table, and the
** importance-performance matrix (svg_quadrants).
*/
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "pages.h"
#include "svg.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../engine/drivers.h"
#include "../report/report.h"

#define DRV_BOOT 200

/* 1 if metric name z is among the query's "pred" values. */
static int pred_asked(const HttpReq *p, const char *z){
  for(int i=0; i<p->nQuery; i++){
    if( strcmp(p->aQuery[i].zName, "pred")==0 && strcmp(p->aQuery[i].zValue, z)==0 ) return 1;
  }
  return 0;
}

static int any_pred(const HttpReq *p){
  for(int i=0; i<p->nQuery; i++) if( strcmp(p->aQuery[i].zName, "pred")==0 ) return 1;
  return 0;
}

static void drivers_form(HttpReq *p, Buf *b, const Cube *pC, const char *zOutcome){
  const char *zSeg = http_query(p, "segment");
  int i, all = !any_pred(p);
  buf_puts(b, "<form class=\"ecx-filters\" method=\"get\" action=\"/drivers\">\n");
  buf_printf(b, "<label>%h <select name=\"segment\"><option value=\"\">%h</option>", _("Segment"), _("All respondents"));
  for(i=0; i<pC->nSegment; i++){
    buf_printf(b, "<option%s>%h</option>", zSeg && strcmp(zSeg, pC->azSegment[i])==0 ? " selected" : "", pC->azSegment[i]);
  }
  buf_puts(b, "</select></label>\n");
  buf_printf(b, "<label>%h <input type=\"date\" name=\"from\" value=\"%h\"></label>\n", _("From"), http_query(p, "from"));
  buf_printf(b, "<label>%h <input type=\"date\" name=\"to\" value=\"%h\"></label>\n", _("To"), http_query(p, "to"));
  buf_printf(b, "<label class=\"ecx-wide\">%h <input type=\"text\" name=\"where\" value=\"%h\"></label>\n",
             _("Filter"), http_query(p, "where"));
  buf_printf(b, "<label>%h <select name=\"outcome\">", _("Outcome"));
  for(i=0; i<pC->nMet; i++){
    buf_printf(b, "<option%s>%h</option>", strcmp(pC->aMet[i].zName, zOutcome)==0 ? " selected" : "", pC->aMet[i].zName);
  }
  buf_printf(b, "</select></label>\n<fieldset class=\"ecx-checks\"><legend>%h</legend>", _("Predictors"));
  for(i=0; i<pC->nMet; i++){
    if( pC->aMet[i].kind!=CUBE_MET_RATING ) continue;
    buf_printf(b, "<label><input type=\"checkbox\" name=\"pred\" value=\"%h\"%s> %h</label>", pC->aMet[i].zName,
               all || pred_asked(p, pC->aMet[i].zName) ? " checked" : "", pC->aMet[i].zName);
  }
  buf_printf(b, "</fieldset>\n<button type=\"submit\">%h</button></form>\n", _("Apply"));
}

static void pct_ci(Buf *b, const DriversWeight *w){
  buf_printf(b, "<td>%.1f</td><td>", w->pct);
  if( isfinite(w->pctLo) ) buf_printf(b, "[%.1f, %.1f]", w->pctLo, w->pctHi);
  buf_puts(b, "</td>");
}

static void drivers_body(Buf *b, const Cube *pC, const DriversResult *r){
  const char *azLabel[DRIVERS_MAX_PRED];
  double aY[DRIVERS_MAX_PRED], aLo[DRIVERS_MAX_PRED], aHi[DRIVERS_MAX_PRED], aM[DRIVERS_MAX_PRED];
  double xMid, yMid;
  static const char *const azQuad[4] = {N_("keep"), N_("improve first"), N_("possible excess"), N_("low priority")};
  int i;
  for(i=0; i<r->nPred; i++){
    azLabel[i] = pC->aMet[r->aPred[i].iMet].zName;
    aY[i] = r->aPred[i].shapley.pct;
    aLo[i] = r->aPred[i].shapley.pctLo;
    aHi[i] = r->aPred[i].shapley.pctHi;
    aM[i] = r->aPred[i].mean;
  }
  buf_printf(b, "<p class=\"ecx-count\">R² = %.3f", r->r2);
  if( isfinite(r->r2Lo) ) buf_printf(b, " [%.3f, %.3f]", r->r2Lo, r->r2Hi);
  buf_printf(b, " · n = %lld · %h: %d</p>\n", (long long)r->n, _("bootstrap replicates"), r->nBootOk);
  {
    SvgBars g = {_("Shapley share of R² (%)"), r->nPred, azLabel, aY, aLo, aHi, 0, NAN, 0, NAN, 1, 760};
    buf_printf(b, "<section class=\"ecx-card\"><h2>%h</h2>\n", _("Shapley share of R² (%)"));
    svg_bars(b, &g);
  }
  xMid = svg_median(r->nPred, aY);
  yMid = svg_median(r->nPred, aM);
  buf_printf(b, "<table class=\"ecx-table\"><thead><tr><th>#</th><th>%h</th><th>n</th><th>%h</th><th>r</th>"
             "<th>Shapley %%</th><th>%h</th><th>%h %%</th><th>%h</th><th>%h</th></tr></thead><tbody>\n",
             _("predictor"), _("mean"), _("95% CI"), _("relative weight"), _("95% CI"), _("quadrant"));
  for(i=0; i<r->nPred; i++){
    const DriversPred *d = &r->aPred[i];
    buf_printf(b, "<tr><td>%d</td><td>%h</td><td>%lld</td><td>%.2f</td><td>%.3f</td>", d->rank, azLabel[i],
               (long long)d->n, d->mean, d->r);
    pct_ci(b, &d->shapley);
    pct_ci(b, &d->rw);
    buf_printf(b, "<td>%h</td></tr>\n", _(azQuad[svg_quadrant(aY[i], aM[i], xMid, yMid)]));
  }
  buf_puts(b, "</tbody></table></section>\n");
  {
    SvgQuadrants q = {_("Importance–performance matrix"), r->nPred, azLabel, aY, aM, xMid, yMid,
                      _("importance (Shapley %)"), _("performance (mean)"),
                      _(azQuad[0]), _(azQuad[1]), _(azQuad[2]), _(azQuad[3]), 760, 460};
    buf_printf(b, "<section class=\"ecx-card\"><h2>%h</h2>\n", _("Importance–performance matrix"));
    svg_quadrants(b, &q);
    buf_printf(b, "<p>%h</p></section>\n", _("Lines at the medians. Act first on high importance with low performance."));
  }
}

int page_drivers(HttpReq *p){
  const Cube *pC = 0;
  const char *zOutcome = http_query(p, "outcome");
  CubeWhere w;
  CubeQuery q;
  DriversSpec spec;
  DriversResult res;
  int ai[DRIVERS_MAX_PRED], rc, i;
  const char *zLabel = 0;
  Buf body, scope;
  memset(&w, 0, sizeof w);
  memset(&q, 0, sizeof q);
  memset(&spec, 0, sizeof spec);
  if( !zOutcome || !zOutcome[0] ) zOutcome = "nps";
  rc = http_cube(p, &pC);
  if( rc ) return rc;
  /* Area leads and front-line staff analyse their own touchpoints. */
  buf_init(&scope, 1u<<21);
  rc = dash_user_scope(p, pC, &scope, &zLabel);
  if( rc ){ buf_free(&scope); return rc; }
  buf_init(&body, HTTP_MAX_RESPONSE);
  drivers_form(p, &body, pC, zOutcome);
  q.dayFrom = INT64_MIN;
  q.dayTo = INT64_MAX;
  spec.iOutcome = cube_met_find(pC, zOutcome);
  if( spec.iOutcome<0 ) rc = err_set(ECX_EINVAL, _("No rated answers yet: import survey data or publish a survey."));
  for(i=0; rc==ECX_OK && i<pC->nMet && spec.nPred<DRIVERS_MAX_PRED; i++){
    if( pC->aMet[i].kind!=CUBE_MET_RATING || i==spec.iOutcome ) continue;
    if( !any_pred(p) || pred_asked(p, pC->aMet[i].zName) ) ai[spec.nPred++] = i;
  }
  if( rc==ECX_OK && spec.nPred==0 ) rc = err_set(ECX_EINVAL, _("choose at least one predictor"));
  if( rc==ECX_OK && http_query(p, "from") && http_query(p, "from")[0] ) rc = report_parse_day(http_query(p, "from"), _("from"), &q.dayFrom);
  if( rc==ECX_OK && http_query(p, "to") && http_query(p, "to")[0] ) rc = report_parse_day(http_query(p, "to"), _("to"), &q.dayTo);
  if( rc==ECX_OK ){
    const char *zW = http_query(p, "where"), *zS = http_query(p, "segment");
    rc = report_where_scoped(pC, scope.n ? buf_str(&scope) : 0, zW && zW[0] ? zW : 0, zS && zS[0] ? zS : 0, &w);
  }
  q.pWhere = &w;
  if( rc==ECX_OK ) rc = report_guard(pC, &q, ws_min_n(p->pWs));
  spec.aiPred = ai;
  spec.pWhere = &w;
  spec.dayFrom = q.dayFrom;
  spec.dayTo = q.dayTo;
  spec.nBoot = DRV_BOOT;
  spec.seed = 1;
  if( rc==ECX_OK ) rc = drivers_run(pC, &spec, &res);
  if( rc==ECX_OK ){
    drivers_body(&body, pC, &res);
    drivers_result_free(&res);
  }
  {
    char *zMsg = rc ? http_strdup(p, err_detail()) : 0;
    layout_begin(p, _("Key drivers"));
    dash_scope_note(p, zLabel);
    if( zMsg ) layout_notice(p, "error", zMsg);
  }
  buf_append(&p->body, buf_str(&body), body.n);
  layout_end(p);
  cube_where_free(&w);
  buf_free(&body);
  buf_free(&scope);
  return ECX_OK;
}
