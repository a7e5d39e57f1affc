/*
** Views of an evaluated promise shared by its pages and its printable
** report (promise_int.h): the KPI table with trend sparklines, the
** touchpoint x dimension matrix, the alerts and the areas' alignment.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "promise_int.h"
#include "svg.h"
#include "../base/err.h"
#include "../base/i18n.h"

const char *promise_status_class(KpiStatus s){
  switch( s ){
    case KPI_ON_TARGET: return "ecx-st-on";
    case KPI_BELOW:     return "ecx-st-below";
    case KPI_NOT_SIG:   return "ecx-st-ns";
    default:            return "ecx-st-none";
  }
}

static void status_span(Buf *b, KpiStatus s){
  buf_printf(b, "<span class=\"ecx-st %h\" data-status=\"%h\">%h</span>", promise_status_class(s),
             promise_kpi_status_name(s), promise_kpi_status_label(s));
}

/* "value [lo, hi]" of a figure, or "—". */
static void value_ci(Buf *b, KpiMetric m, const KpiValue *v){
  char a[32], lo[32], hi[32];
  if( v->status==KPI_NO_DATA ){ buf_puts(b, "—"); return; }
  promise_kpi_format(a, sizeof a, m, v->e.value);
  promise_kpi_format(lo, sizeof lo, m, v->e.lo);
  promise_kpi_format(hi, sizeof hi, m, v->e.hi);
  buf_printf(b, "%h <span class=\"ecx-ci\">[%h, %h]</span>", a, lo, hi);
}

static void window_label(Buf *b, const PromiseDimEval *d){
  char a[16], c[16];
  buf_printf(b, "%h – %h", cube_period_label(CUBE_PERIOD_MONTH, d->monthFrom, a, sizeof a),
             cube_period_label(CUBE_PERIOD_MONTH, d->monthTo, c, sizeof c));
}

static void sparkline(Buf *b, const PromiseDimEval *d){
  int n = d->nMonth;
  char (*aLabel)[16] = ecx_calloc((size_t)n + 1, 16);
  const char **az = ecx_calloc((size_t)n + 1, sizeof(char*));
  double *aY = ecx_calloc((size_t)n*3 + 1, sizeof(double)), *aLo = aY + n, *aHi = aLo + n;
  Buf title;
  buf_init(&title, 1024);
  buf_printf(&title, "%s: %s", d->zDim, _("trend by month"));
  for(int m=0; m<n; m++){
    const KpiValue *v = &d->aMonth[m];
    az[m] = cube_period_label(CUBE_PERIOD_MONTH, d->monthFrom + m, aLabel[m], 16);
    aY[m] = v->status==KPI_NO_DATA ? NAN : v->e.value;
    aLo[m] = v->status==KPI_NO_DATA ? NAN : v->e.lo;
    aHi[m] = v->status==KPI_NO_DATA ? NAN : v->e.hi;
  }
  {
    SvgTrend t = {buf_str(&title), n, az, aY, aLo, aHi, NAN, NAN, d->target, 160, 40};
    svg_sparkline(b, &t);
  }
  buf_free(&title);
  free(aLabel);
  free(az);
  free(aY);
}

void promise_kpi_table(Buf *b, const PromiseEval *e){
  buf_printf(b, "<table class=\"ecx-table ecx-kpis\"><thead><tr><th>%h</th><th>%h</th><th>%h</th><th>%h</th>"
             "<th>%h</th><th>%h</th><th>n</th><th>%h</th><th>%h</th></tr></thead><tbody>\n",
             _("dimension"), _("KPI"), _("target"), _("owner area"), _("period"), _("current (95% CI)"),
             _("status"), _("trend by month"));
  for(int k=0; k<e->nDim; k++){
    const PromiseDimEval *d = &e->aDim[k];
    char zT[32];
    promise_kpi_format(zT, sizeof zT, d->metric, d->target);
    buf_printf(b, "<tr data-dim=\"%h\"><td>%h</td><td>%h</td><td>%h</td><td>%h</td><td>", d->zDim, d->zDim,
               promise_kpi_metric_label(d->metric), d->pKpi ? zT : "—", d->pKpi ? d->pKpi->zArea : "—");
    window_label(b, d);
    buf_puts(b, "</td><td>");
    value_ci(b, d->metric, &d->cur);
    buf_printf(b, "</td><td>%lld</td><td>", (long long)d->cur.e.n);
    status_span(b, d->cur.status);
    buf_puts(b, "</td><td>");
    sparkline(b, d);
    buf_puts(b, "</td></tr>\n");
  }
  buf_printf(b, "</tbody></table>\n<p class=\"ecx-count\">%h</p>\n",
             _("Significantly below: the whole 95% interval lies under the target. Figures with fewer answers "
               "than the minimum are not shown. The dashed line of each trend is the target."));
}

void promise_matrix_view(Buf *b, const PromiseEval *e){
  int nR = e->nTp, nC = e->nDim;
  const char **azCol = ecx_calloc((size_t)nC + 1, sizeof(char*)), **azClass;
  char (*aCol)[300] = ecx_calloc((size_t)nC + 1, 300);
  double *aV = ecx_calloc((size_t)(nR*nC)*2 + 1, sizeof(double)), *aS = aV + nR*nC;
  azClass = ecx_calloc((size_t)(nR*nC) + 1, sizeof(char*));
  for(int k=0; k<nC; k++){
    char zT[32];
    promise_kpi_format(zT, sizeof zT, e->aDim[k].metric, e->aDim[k].target);
    if( e->aDim[k].pKpi ) snprintf(aCol[k], 300, "%s (≥ %s)", e->aDim[k].zDim, zT);
    else snprintf(aCol[k], 300, "%s", e->aDim[k].zDim);
    azCol[k] = aCol[k];
  }
  for(int i=0; i<nR*nC; i++){
    const KpiValue *v = &e->aCell[i];
    aV[i] = aS[i] = v->status==KPI_NO_DATA ? NAN : v->e.value;
    azClass[i] = promise_status_class(v->status);
  }
  if( nR==0 ){
    buf_printf(b, "<p class=\"notice\">%h</p>\n", _("No answers at any touchpoint for this promise's customers yet."));
  }else{
    /* The chart names the dimensions only; the table below has the targets. */
    const char **azName = ecx_calloc((size_t)nC + 1, sizeof(char*));
    for(int k=0; k<nC; k++) azName[k] = e->aDim[k].zDim;
    SvgHeatmap h = {_("Touchpoints × promise dimensions"), nR, nC, (const char *const*)e->azTp, azName,
                    aV, aS, 0, 0.5, 1, 1, 0, 0, 0};
    svg_heatmap_classes(b, &h, azClass);
    free(azName);
  }
  buf_printf(b, "<table class=\"ecx-table ecx-matrix\"><thead><tr><th>%h</th>", _("touchpoint"));
  for(int k=0; k<nC; k++) buf_printf(b, "<th>%h</th>", azCol[k]);
  buf_puts(b, "</tr></thead><tbody>\n");
  for(int i=0; i<nR; i++){
    buf_printf(b, "<tr><th>%h</th>", e->azTp[i]);
    for(int k=0; k<nC; k++){
      const KpiValue *v = &e->aCell[i*nC + k];
      if( v->hidden ){
        buf_printf(b, "<td class=\"ecx-suppressed\" data-status=\"no_data\" data-hidden=\"1\">%h</td>", _("hidden"));
        continue;
      }
      if( v->status==KPI_NO_DATA ){
        buf_printf(b, "<td class=\"ecx-suppressed\" data-status=\"no_data\">n &lt; %d</td>", e->minN);
        continue;
      }
      buf_printf(b, "<td class=\"%h\" data-status=\"%h\">", promise_status_class(v->status), promise_kpi_status_name(v->status));
      value_ci(b, e->aDim[k].metric, v);
      buf_printf(b, " <span class=\"ecx-ci\">n = %lld</span></td>", (long long)v->e.n);
    }
    buf_puts(b, "</tr>\n");
  }
  buf_printf(b, "</tbody></table>\n<p class=\"ecx-count\">%h ", _("Each cell is the dimension's KPI measured at that "
             "touchpoint, over the KPI's period: green on target, amber below but not significantly, red "
             "significantly below, grey without a target; cells with fewer answers than"));
  buf_printf(b, "%d %h</p>\n", e->minN, _("are not shown, nor, marked hidden, the cells that would give "
             "one of them away through the KPI's total."));
  free(azCol); free(aCol); free(aV); free(azClass);
}

void promise_alerts_view(Buf *b, const PromiseEval *e, const Promise *pr, int withName){
  if( e->nAlert==0 ){
    if( !withName ) buf_printf(b, "<p class=\"notice ok\">%h</p>\n", _("No alerts: nothing is significantly below its target."));
    return;
  }
  buf_puts(b, "<ul class=\"ecx-alerts\">\n");
  for(int i=0; i<e->nAlert; i++){
    const PromiseAlert *a = &e->aAlert[i];
    const PromiseDimEval *d = &e->aDim[a->iDim];
    const KpiValue *v = promise_alert_value(e, a);
    char zT[32];
    promise_kpi_format(zT, sizeof zT, d->metric, d->target);
    buf_puts(b, "<li class=\"ecx-alert\">");
    if( withName ) buf_printf(b, "<a href=\"/promise/%lld\">%h</a>: ", (long long)pr->id, pr->zName);
    if( a->iTp<0 ) buf_printf(b, "<strong>%h</strong> %h (%h): ", _("KPI"), d->zDim, promise_kpi_metric_label(d->metric));
    else buf_printf(b, "<strong>%h</strong> × %h (%h): ", e->azTp[a->iTp], d->zDim, promise_kpi_metric_label(d->metric));
    value_ci(b, d->metric, v);
    buf_printf(b, ", n = %lld, %h %h — ", (long long)v->e.n, _("target"), zT);
    status_span(b, v->status);
    buf_puts(b, "</li>\n");
  }
  buf_puts(b, "</ul>\n");
}

static void fea_cell(Buf *b, int s){
  if( s ) buf_printf(b, "<td>%d</td>", s); else buf_puts(b, "<td>—</td>");
}

void promise_areas_view(Buf *b, const PromiseEval *e, const PromiseArea *a, int n){
  if( n==0 ) buf_printf(b, "<p class=\"notice\">%h</p>\n", _("No area to show."));
  for(int i=0; i<n; i++){
    const PromiseArea *x = &a[i];
    buf_printf(b, "<section class=\"ecx-card ecx-area\" data-area=\"%h\"><h3>%h</h3>\n", x->zName, x->zName);
    if( x->nDim==0 ){
      buf_printf(b, "<p class=\"muted\">%h</p></section>\n", _("Owns no KPI of this promise and rated none of its "
                 "dimensions' feasibility."));
      continue;
    }
    buf_printf(b, "<p>%h: %d · %h: %d · %h: %d · %h: %d</p>\n", _("KPIs owned"), x->nKpi, _("on target"), x->nOn,
               _("below, not significantly"), x->nNotSig, _("significantly below target"), x->nBelow);
    buf_printf(b, "<table class=\"ecx-table\"><thead><tr><th>%h</th><th>%h</th><th>%h</th><th>%h</th>"
               "<th>%h</th><th>%h</th><th>%h</th></tr></thead><tbody>\n", _("dimension"), _("KPI"),
               _("current (95% CI)"), _("status"), _("short term"), _("medium term"), _("comment"));
    for(int k=0; k<x->nDim; k++){
      const PromiseAreaDim *ad = &x->aDim[k];
      const PromiseDimEval *d = &e->aDim[ad->iDim];
      buf_printf(b, "<tr><td>%h</td>", d->zDim);
      if( ad->ownsKpi ){
        char zT[32];
        promise_kpi_format(zT, sizeof zT, d->metric, d->target);
        buf_printf(b, "<td>%h ≥ %h</td><td>", promise_kpi_metric_label(d->metric), zT);
        value_ci(b, d->metric, &d->cur);
        buf_puts(b, "</td><td>");
        status_span(b, d->cur.status);
        buf_puts(b, "</td>");
      }else{
        buf_printf(b, "<td class=\"muted\">%h</td><td></td><td></td>",
                   d->pKpi ? _("owned by another area") : _("no KPI yet"));
      }
      fea_cell(b, ad->feaShort);
      fea_cell(b, ad->feaMedium);
      buf_printf(b, "<td>%h</td></tr>\n", ad->zComment ? ad->zComment : "");
    }
    buf_puts(b, "</tbody></table></section>\n");
  }
}
