/*
** Promise views shared by the pages: the criteria table with the
** recommendation, the importance-performance matrix of the candidates, and
** the printable promise report (/promise/ID/print): the criteria, the
** recommendation, the KPIs with their trends, the alerts, the touchpoint
** matrix and the areas' alignment.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "promise_int.h"
#include "svg.h"
#include "../base/err.h"
#include "../base/i18n.h"

static void td(Buf *b, double v, int dec){
  if( isfinite(v) ) buf_printf(b, dec==0 ? "<td>%.0f</td>" : dec==1 ? "<td>%.1f</td>" : "<td>%.2f</td>", v);
  else buf_puts(b, "<td>—</td>");
}

static int chosen(char *const *az, int n, const char *z){
  for(int i=0; i<n; i++) if( strcmp(az[i], z)==0 ) return 1;
  return 0;
}

void promise_criteria_table(Buf *b, const PromiseCriteria *pc, char *const *azDim, int nDim){
  if( pc->zRelNote ) buf_printf(b, "<p class=\"notice\">%h: %h</p>\n", _("relevance not available"), pc->zRelNote);
  else buf_printf(b, "<p>R² = %.3f · n = %lld</p>\n", pc->r2, (long long)pc->nDrivers);
  buf_printf(b, "<table class=\"ecx-table\"><thead><tr><th>#</th><th>%h</th><th>%h (Shapley %%)</th><th>%h (d)</th>"
             "<th>%h (1-5)</th><th>R</th><th>D</th><th>F</th><th>%h</th><th>%h</th><th>%h</th></tr></thead><tbody>\n",
             _("dimension"), _("relevance"), _("differentiation"), _("feasibility"), _("score"), _("recommended"), _("reasons"));
  for(int r=1; r<=pc->n; r++){
    for(int i=0; i<pc->n; i++){
      const PromiseCand *c = &pc->a[i];
      if( c->rank!=r ) continue;
      buf_printf(b, "<tr%s><td>%d</td><td>%h%s</td>", c->recommended ? " class=\"ecx-rec\"" : "", c->rank, c->zName,
                 chosen(azDim, nDim, c->zName) ? " ✓" : "");
      td(b, c->relPct, 1); td(b, c->dif, 2); td(b, c->fea, 2);
      td(b, c->nRel, 0); td(b, c->nDif, 0); td(b, c->nFea2, 0); td(b, c->composite, 1);
      buf_printf(b, "<td>%h</td><td>", c->recommended ? _("yes") : "");
      {
        Buf why;
        buf_init(&why, 4096);
        promise_reasons(c, &why);
        buf_printf(b, "%h</td></tr>\n", buf_str(&why));
        buf_free(&why);
      }
    }
  }
  buf_printf(b, "</tbody></table>\n<p>%h %.3g · %.3g · %.3g. %h</p>\n", _("Weights (relevance, differentiation, feasibility):"),
             pc->w.rel, pc->w.dif, pc->w.fea, _("✓ = in this promise. R, D, F: each criterion scaled 0-100 across the candidates."));
}

void promise_ipm(Buf *b, const PromiseCriteria *pc){
  const char **az = ecx_calloc((size_t)pc->n + 1, sizeof(char*));
  double *aX = ecx_calloc((size_t)pc->n*2 + 1, sizeof(double)), *aY = aX + pc->n;
  for(int i=0; i<pc->n; i++){ az[i] = pc->a[i].zName; aX[i] = pc->a[i].relPct; aY[i] = pc->a[i].ourMean; }
  {
    SvgQuadrants q = {_("Importance–performance matrix"), pc->n, az, aX, aY, NAN, NAN,
                      _("importance (Shapley %)"), _("performance (mean)"),
                      _("keep"), _("improve first"), _("possible excess"), _("low priority"), 760, 460};
    svg_quadrants(b, &q);
  }
  free(az);
  free(aX);
}

void promise_page_criteria(HttpReq *p, const Cube *pC, const Promise *pr, PromiseCriteria *pc, int *pOk){
  int rc = promise_criteria(pC, p->pWs, pr->zSegment, pr->zWhere, &pr->w, ws_min_n(p->pWs), pc);
  *pOk = rc==ECX_OK;
  if( rc ) layout_notice(p, "error", err_detail());
}

/* The composite bars of the promise's dimensions. */
static void composite_bars(Buf *b, const PromiseCriteria *pc, const Promise *pr){
  const char *az[PROMISE_MAX_DIM + 1];
  double aY[PROMISE_MAX_DIM + 1];
  int n = 0;
  for(int k=0; k<pr->nDim && n<=PROMISE_MAX_DIM; k++){
    for(int i=0; i<pc->n; i++){
      if( strcmp(pc->a[i].zName, pr->azDim[k])==0 ){ az[n] = pc->a[i].zName; aY[n++] = pc->a[i].composite; }
    }
  }
  SvgBars g = {_("Composite score (0-100)"), n, az, aY, 0, 0, 0, NAN, 0, 100, 1, 700};
  buf_printf(b, "<section class=\"ecx-card\"><h2>%h</h2>\n", _("Composite score (0-100)"));
  svg_bars(b, &g);
  buf_puts(b, "</section>\n");
}

int promise_print(HttpReq *p, int64_t id){
  PromiseCtx c;
  PromiseCriteria pc;
  PromiseArea *aA = 0;
  int nA = 0, ok = 0, rc = promise_ctx_load(p, id, &c);
  Buf *b = &p->body;
  if( rc==ECX_ENOTFOUND ){ err_clear(); return http_redirect(p, "/promise"); }
  if( rc ) return rc;
  rc = promise_areas(p->pWs, &c.pr, &c.ev, promise_user_area(p), &aA, &nA);
  if( rc ){ promise_ctx_free(&c); return rc; }
  layout_begin(p, c.pr.zName);
  buf_printf(b, "<article class=\"ecx-promise-print\">\n<p class=\"ecx-tagline\">%h</p>\n", c.pr.zTagline);
  buf_printf(b, "<h2>%h</h2><p>%h%s%h</p>\n", _("Whom"), c.pr.zSegment[0] ? c.pr.zSegment : _("All respondents"),
             c.pr.zWhere[0] ? " · " : "", c.pr.zWhere);
  buf_printf(b, "<h2>%h</h2><ul>\n", _("For what"));
  for(int i=0; i<c.pr.nAsp; i++) buf_printf(b, "<li>%h</li>\n", c.pr.azAsp[i]);
  buf_printf(b, "</ul>\n<h2>%h</h2><ol>\n", _("How"));
  for(int i=0; i<c.pr.nDim; i++) buf_printf(b, "<li>%h</li>\n", c.pr.azDim[i]);
  buf_puts(b, "</ol>\n");
  promise_page_criteria(p, c.pC, &c.pr, &pc, &ok);
  if( ok ){
    composite_bars(b, &pc, &c.pr);
    buf_printf(b, "<section class=\"ecx-card\"><h2>%h</h2>\n", _("Criteria and recommendation"));
    promise_criteria_table(b, &pc, c.pr.azDim, c.pr.nDim);
    buf_printf(b, "</section>\n<section class=\"ecx-card\"><h2>%h</h2>\n", _("Importance–performance matrix"));
    promise_ipm(b, &pc);
    buf_puts(b, "</section>\n");
    promise_criteria_free(&pc);
  }
  buf_printf(b, "<section class=\"ecx-card\"><h2>%h</h2>\n", _("Strategic KPIs"));
  promise_kpi_table(b, &c.ev);
  buf_printf(b, "</section>\n<section class=\"ecx-card\"><h2>%h</h2>\n", _("Alerts"));
  promise_alerts_view(b, &c.ev, &c.pr, 0);
  buf_printf(b, "</section>\n<section class=\"ecx-card\"><h2>%h</h2>\n", _("Touchpoints × promise dimensions"));
  promise_matrix_view(b, &c.ev);
  buf_printf(b, "</section>\n<section class=\"ecx-card\"><h2>%h</h2>\n", _("Alignment of the areas"));
  promise_areas_view(b, &c.ev, aA, nA);
  buf_printf(b, "</section>\n<p>%h %d · %h</p></article>\n", _("version"), c.pr.version, c.pr.zAuthor);
  layout_end(p);
  promise_areas_free(aA, nA);
  promise_ctx_free(&c);
  return ECX_OK;
}
