/*
** Dashboard page bodies (dashboard.h): queries on the cube, figures from
** report.h, charts from svg.h, HTML through %h only.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "dash_int.h"
#include "svg.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../report/report.h"

int dq_init(DashQuery *d, const Cube *pC, const DashParams *pP){
  int rc;
  memset(d, 0, sizeof *d);
  d->q.dayFrom = INT64_MIN;
  d->q.dayTo = INT64_MAX;
  d->nFig = report_figures(pC, d->aFig, MAX_FIG);
  rc = pP->zFrom && pP->zFrom[0] ? report_parse_day(pP->zFrom, _("from"), &d->q.dayFrom) : ECX_OK;
  if( rc==ECX_OK && pP->zTo && pP->zTo[0] ) rc = report_parse_day(pP->zTo, _("to"), &d->q.dayTo);
  if( rc==ECX_OK ){
    rc = report_where_scoped(pC, pP->zScope, pP->zWhere && pP->zWhere[0] ? pP->zWhere : 0,
                             pP->zSegment && pP->zSegment[0] ? pP->zSegment : 0, &d->where);
  }
  d->q.pWhere = &d->where;
  if( rc==ECX_OK ) rc = report_guard(pC, &d->q, pP->minN);
  return rc;
}

void dq_free(DashQuery *d){ cube_where_free(&d->where); }

void dash_suppress(const CubeResult *pR, const Figure *aFig, int nFig, int minN,
                   unsigned char **paGroup, unsigned char **paCell){
  int64_t n = pR->nGroup, nH = (int64_t)pR->nMet*CUBE_HIST;
  const int64_t **aaHist = ecx_calloc((size_t)n + 1, sizeof(int64_t*));
  for(int64_t g = 0; g < n; g++) aaHist[g] = pR->aHist + g*nH;
  *paGroup = ecx_calloc((size_t)n + 1, 1);
  *paCell = ecx_calloc((size_t)(n*nFig) + 1, 1);
  report_suppress(n, pR->nBy, pR->aBy, pR->aKey, pR->aRows, aaHist, aFig, nFig, minN, *paGroup, *paCell);
  free(aaHist);
}

/* The figure named zId (default "nps", else the first), or NULL. */
static const Figure *dq_figure(const DashQuery *d, const char *zId){
  int i, dflt = zId==0 || zId[0]==0;
  if( dflt ) zId = "nps";
  for(i=0; i<d->nFig; i++) if( strcmp(d->aFig[i].zId, zId)==0 ) return &d->aFig[i];
  return dflt && d->nFig>0 ? &d->aFig[0] : 0;
}

/* The figure a page shows; when the workspace has none yet, say so on the
** page (*pDone = 1). ECX_EINVAL for a metric that does not exist. */
static int page_figure(Buf *p, const DashQuery *d, const char *zId, const Figure **ppF, int *pDone){
  *pDone = 0;
  *ppF = dq_figure(d, zId);
  if( *ppF ) return ECX_OK;
  if( zId && zId[0] ) return err_set(ECX_EINVAL, _("no metric \"%s\""), zId);
  buf_printf(p, "<p class=\"notice\">%h</p>\n", _("No rated answers yet: import survey data or publish a survey."));
  *pDone = 1;
  return ECX_OK;
}

static int fig_decimals(const Figure *f){ return f->kind==FIG_MEAN ? 2 : 1; }

static void put_value(Buf *p, const Figure *f, double v){
  buf_printf(p, f->kind==FIG_MEAN ? "%.2f" : "%.1f", v);
  if( f->kind==FIG_SHARE ) buf_putc(p, '%');
}

static void put_ci(Buf *p, const Figure *f, const Estimate *e){
  if( isnan(e->lo) ) return;
  buf_puts(p, "[");
  buf_printf(p, f->kind==FIG_MEAN ? "%.2f" : "%.1f", e->lo);
  buf_puts(p, ", ");
  buf_printf(p, f->kind==FIG_MEAN ? "%.2f" : "%.1f", e->hi);
  buf_puts(p, "]");
}

void dash_query_string(Buf *p, const DashParams *pP, const char *zKey, const char *zVal){
  const char *azK[] = {"where", "segment", "from", "to", "by", "metric", "period",
                       "q", "touchpoint", "channel", "band"};
  const char *azV[] = {pP->zWhere, pP->zSegment, pP->zFrom, pP->zTo, pP->zBy, pP->zMetric, pP->zPeriod,
                       pP->zSearch, pP->zTouchpoint, pP->zChannel, pP->zBand};
  int i, n = 0;
  for(i=0; i<(int)(sizeof azK / sizeof azK[0]); i++){
    if( azV[i]==0 || azV[i][0]==0 || (zKey && strcmp(zKey, azK[i])==0) ) continue;
    buf_printf(p, "%c%s=%U", n++ ? '&' : '?', azK[i], azV[i]);
  }
  if( zKey ) buf_printf(p, "%c%s=%U", n++ ? '&' : '?', zKey, zVal);
}

void dash_where_clause(Buf *b, const char *zKey, const char *zValue){
  if( b->n ) buf_puts(b, ", ");
  buf_printf(b, "%s=\"", zKey);
  for(const char *q = zValue; *q; q++){ if( *q=='"' ) buf_putc(b, '"'); buf_putc(b, *q); }
  buf_putc(b, '"');
}

/* A <select> of the values of cube column zCol, with "all" first. */
static void col_select(Buf *p, const Cube *pC, const char *zCol, const char *zLabel, const char *zCur){
  int iCol = cube_col_find(pC, zCol);
  buf_printf(p, "<label>%h <select name=\"%h\"><option value=\"\">%h</option>", zLabel, zCol, _("All"));
  for(int c=1; iCol>=0 && c<=pC->aCol[iCol].nValue; c++){
    const char *z = pC->aCol[iCol].azValue[c];
    buf_printf(p, "<option%s>%h</option>", zCur && strcmp(zCur, z)==0 ? " selected" : "", z);
  }
  buf_puts(p, "</select></label>\n");
}

/* The verbatims page's search, touchpoint, channel and NPS band. */
static void verbatim_fields(Buf *p, const Cube *pC, const DashParams *pP){
  static const char *const azBand[] = {"detractors", "passives", "promoters"};
  const char *azLabel[] = {_("Detractors (0-6)"), _("Passives (7-8)"), _("Promoters (9-10)")};
  buf_printf(p, "<label class=\"ecx-wide\">%h <input type=\"search\" name=\"q\" value=\"%h\" "
             "placeholder=\"%h\"></label>\n", _("Search"), pP->zSearch, _("words, or \"a phrase\""));
  col_select(p, pC, "touchpoint", _("Touchpoint"), pP->zTouchpoint);
  col_select(p, pC, "channel", _("Channel"), pP->zChannel);
  buf_printf(p, "<label>%h <select name=\"band\"><option value=\"\">%h</option>", _("Score"), _("All"));
  for(int i=0; i<3; i++){
    buf_printf(p, "<option value=\"%h\"%s>%h</option>", azBand[i],
               pP->zBand && strcmp(pP->zBand, azBand[i])==0 ? " selected" : "", azLabel[i]);
  }
  buf_puts(p, "</select></label>\n");
}

void dash_filter_form(Buf *p, const Cube *pC, const DashParams *pP){
  int i, isVerb = pP->zBase && strcmp(pP->zBase, "/verbatims")==0;
  buf_printf(p, "<form class=\"ecx-filters\" method=\"get\" action=\"%h\">\n", pP->zBase ? pP->zBase : "/");
  if( isVerb ) verbatim_fields(p, pC, pP);
  buf_printf(p, "<label>%h <select name=\"segment\"><option value=\"\">%h</option>", _("Segment"), _("All respondents"));
  for(i=0; i<pC->nSegment; i++){
    int sel = pP->zSegment && strcmp(pP->zSegment, pC->azSegment[i])==0;
    buf_printf(p, "<option%s>%h</option>", sel ? " selected" : "", pC->azSegment[i]);
  }
  buf_puts(p, "</select></label>\n");
  buf_printf(p, "<label>%h <input type=\"date\" name=\"from\" value=\"%h\"></label>\n", _("From"), pP->zFrom);
  buf_printf(p, "<label>%h <input type=\"date\" name=\"to\" value=\"%h\"></label>\n", _("To"), pP->zTo);
  buf_printf(p, "<label class=\"ecx-wide\">%h <input type=\"text\" name=\"where\" value=\"%h\" "
             "placeholder=\"region=Lima|Cusco, plan!=prepago\"></label>\n", _("Filter"), pP->zWhere);
  if( pP->zBase && strcmp(pP->zBase, "/heatmap")!=0 && strcmp(pP->zBase, "/benchmark")!=0 && !isVerb ){
    Figure aFig[MAX_FIG];
    int nFig = report_figures(pC, aFig, MAX_FIG);
    const char *zCur = pP->zMetric && pP->zMetric[0] ? pP->zMetric : "nps";
    buf_printf(p, "<label>%h <select name=\"metric\">", _("Metric"));
    for(i=0; i<nFig; i++){
      buf_printf(p, "<option value=\"%h\"%s>%h</option>", aFig[i].zId,
                 strcmp(aFig[i].zId, zCur)==0 ? " selected" : "", aFig[i].zLabel);
    }
    buf_puts(p, "</select></label>\n");
  }
  if( pP->zBase && strcmp(pP->zBase, "/breakdown")==0 ){
    static const char *const azPer[] = {"week", "month", "quarter", "year"};
    const char *zCur = pP->zBy && pP->zBy[0] ? pP->zBy : "touchpoint";
    buf_printf(p, "<label>%h <select name=\"by\">", _("Group by"));
    for(i=0; i<pC->nCol; i++){
      buf_printf(p, "<option%s>%h</option>", strcmp(pC->aCol[i].zName, zCur)==0 ? " selected" : "", pC->aCol[i].zName);
    }
    for(i=0; i<4; i++) buf_printf(p, "<option%s>%h</option>", strcmp(azPer[i], zCur)==0 ? " selected" : "", azPer[i]);
    buf_puts(p, "</select></label>\n");
  }
  buf_printf(p, "<button type=\"submit\">%h</button></form>\n", _("Apply"));
}

void dash_csv_link(Buf *p, const DashParams *pP){
  buf_printf(p, "<p class=\"ecx-export\"><a href=\"%h", pP->zBase ? pP->zBase : "/");
  {
    Buf q;
    buf_init(&q, 8192);
    dash_query_string(&q, pP, "format", "csv");
    buf_printf(p, "%h\">%h</a></p>\n", buf_str(&q), _("Download CSV"));
    buf_free(&q);
  }
}

static CubePeriod page_period(const DashParams *pP){
  CubePeriod per = pP->zPeriod && pP->zPeriod[0] ? cube_period_from_name(pP->zPeriod) : CUBE_PERIOD_MONTH;
  return per==CUBE_PERIOD_NONE ? CUBE_PERIOD_MONTH : per;
}

/* One headline tile: the figure over the filtered data, and its change
** between the last two periods. */
static void tile(Buf *p, const Figure *f, const CubeResult *pAll, const CubeResult *pTrend, int minN,
                 const unsigned char *aHide, int nFig, int iFig){
  Estimate e;
  report_estimate(f, pAll->nGroup ? pAll->aHist : 0, &e);
  buf_printf(p, "<div class=\"ecx-tile\"><h3>%h</h3>", f->zLabel);
  if( pAll->nGroup==0 || e.n==0 ){
    buf_printf(p, "<p class=\"ecx-big\">—</p><p>%h</p></div>\n", _("no answers"));
    return;
  }
  if( e.n<minN ){
    buf_printf(p, "<p class=\"ecx-big ecx-suppressed\">%h</p><p>n &lt; %d</p></div>\n", _("suppressed"), minN);
    return;
  }
  buf_puts(p, "<p class=\"ecx-big\">"); put_value(p, f, e.value); buf_puts(p, "</p><p class=\"ecx-ci\">IC 95% ");
  put_ci(p, f, &e);
  buf_printf(p, " · n = %lld</p>", (long long)e.n);
  if( pTrend->nGroup>=2 ){
    int nH = pTrend->nMet*CUBE_HIST;
    const int64_t *h1 = pTrend->aHist + (pTrend->nGroup - 1)*nH, *h0 = h1 - nH;
    Estimate a, b;
    Change c;
    report_estimate(f, h1, &a);
    report_estimate(f, h0, &b);
    int64_t g1 = pTrend->nGroup - 1;
    if( a.n>=minN && b.n>=minN && !aHide[g1*nFig + iFig] && !aHide[(g1 - 1)*nFig + iFig] ){
      report_change(f, h1, h0, &c);
      buf_printf(p, "<p class=\"ecx-change %s\">%s", !c.significant ? "ecx-mid" : c.diff>0 ? "ecx-good" : "ecx-bad",
                 c.diff>=0 ? "+" : "");
      buf_printf(p, f->kind==FIG_MEAN ? "%.2f" : "%.1f", c.diff);
      buf_printf(p, " %h%s</p>", _("vs previous period"), c.significant ? " *" : "");
    }
  }
  buf_puts(p, "</div>\n");
}

int dash_overview(Buf *p, const Cube *pC, const DashParams *pP){
  DashQuery d;
  CubeResult rAll, rTrend;
  const Figure *f;
  CubePeriod per = page_period(pP);
  int rc = dq_init(&d, pC, pP), i, done = 0;
  memset(&rAll, 0, sizeof rAll);
  memset(&rTrend, 0, sizeof rTrend);
  if( rc==ECX_OK ) rc = page_figure(p, &d, pP->zMetric, &f, &done);
  if( rc==ECX_OK && done ){ dq_free(&d); return ECX_OK; }
  if( rc==ECX_OK ){
    /* One scan: the trend's periods split the rows, their total is rAll. */
    d.q.nBy = 1;
    d.q.aBy[0].iCol = -1;
    d.q.aBy[0].period = per;
    rc = cube_query(pC, &d.q, &rTrend);
    if( rc==ECX_OK ) cube_result_total(&rTrend, &rAll);
  }
  if( rc==ECX_OK ){
    int nPoint = (int)rTrend.nGroup, nH = rTrend.nMet*CUBE_HIST, iFig = (int)(f - d.aFig);
    unsigned char *aGroup, *aHide;
    /* The periods whose figures would let the total give away a small one. */
    dash_suppress(&rTrend, d.aFig, d.nFig, pP->minN, &aGroup, &aHide);
    char **azX = ecx_calloc((size_t)nPoint + 1, sizeof(char*));
    double *aY = ecx_calloc((size_t)nPoint + 1, sizeof(double) * 3);
    double *aLo = aY + nPoint, *aHi = aLo + nPoint;
    char zLabel[64];
    buf_printf(p, "<p class=\"ecx-count\">%h: %lld</p>\n", _("responses"), (long long)(rAll.nGroup ? rAll.aRows[0] : 0));
    buf_puts(p, "<section class=\"ecx-tiles\">\n");
    for(i=0; i<d.nFig; i++){
      if( d.aFig[i].iMet<pC->nMet && pC->aMet[d.aFig[i].iMet].kind!=CUBE_MET_RATING ) tile(p, &d.aFig[i], &rAll, &rTrend, pP->minN, aHide, d.nFig, i);
    }
    buf_puts(p, "</section>\n");
    for(i=0; i<nPoint; i++){
      Estimate e;
      azX[i] = ecx_strdup(cube_result_label(pC, &rTrend, i, 0, zLabel, sizeof zLabel));
      report_estimate(f, rTrend.aHist + (int64_t)i*nH, &e);
      int shown = e.n>=pP->minN && !aHide[i*d.nFig + iFig];
      aY[i] = shown ? e.value : NAN;
      aLo[i] = shown ? e.lo : NAN;
      aHi[i] = shown ? e.hi : NAN;
    }
    {
      SvgTrend t = {f->zLabel, nPoint, (const char *const*)azX, aY, aLo, aHi, NAN, NAN, NAN, 760, 280};
      buf_printf(p, "<section class=\"ecx-card\"><h2>%h</h2>\n", f->zLabel);
      svg_trend(p, &t);
    }
    buf_printf(p, "<table class=\"ecx-table\"><thead><tr><th>%h</th><th>n</th><th>%h</th><th>%h</th></tr></thead><tbody>\n",
               _("period"), _("value"), _("95% CI"));
    for(i=0; i<nPoint; i++){
      Estimate e;
      report_estimate(f, rTrend.aHist + (int64_t)i*nH, &e);
      buf_printf(p, "<tr><td>%h</td>", azX[i]);
      if( e.n<pP->minN || aHide[i*d.nFig + iFig] ){
        if( aGroup[i] || e.n<pP->minN ) buf_printf(p, "<td>%s%d</td>", e.n<pP->minN ? "&lt; " : "&ge; ", pP->minN);
        else buf_printf(p, "<td>%lld</td>", (long long)e.n);
        buf_printf(p, "<td colspan=\"2\" class=\"ecx-suppressed\">%h</td></tr>\n", _("suppressed"));
        continue;
      }
      buf_printf(p, "<td>%lld</td><td>", (long long)e.n); put_value(p, f, e.value);
      buf_puts(p, "</td><td>"); put_ci(p, f, &e); buf_puts(p, "</td></tr>\n");
    }
    buf_puts(p, "</tbody></table>\n");
    dash_csv_link(p, pP);
    buf_puts(p, "</section>\n");
    for(i=0; i<nPoint; i++) free(azX[i]);
    free(azX);
    free(aY);
    free(aGroup);
    free(aHide);
  }
  cube_result_free(&rAll);
  cube_result_free(&rTrend);
  dq_free(&d);
  return rc;
}

/* Resolve a single grouping name into pBy. */
static int parse_grouping(const Cube *pC, const char *z, CubeBy *pBy){
  CubePeriod per = cube_period_from_name(z);
  if( per!=CUBE_PERIOD_NONE ){ pBy->iCol = -1; pBy->period = per; return ECX_OK; }
  pBy->iCol = cube_col_find(pC, z);
  pBy->period = CUBE_PERIOD_NONE;
  return pBy->iCol<0 ? err_set(ECX_EINVAL, _("cannot group by \"%s\""), z) : ECX_OK;
}

int dash_breakdown(Buf *p, const Cube *pC, const DashParams *pP){
  DashQuery d;
  CubeResult rAll, rBy;
  const Figure *f = 0;
  const char *zBy = pP->zBy && pP->zBy[0] ? pP->zBy : "touchpoint";
  int rc = dq_init(&d, pC, pP), i, done = 0;
  Estimate eAll;
  memset(&rAll, 0, sizeof rAll);
  memset(&rBy, 0, sizeof rBy);
  if( rc==ECX_OK ) rc = page_figure(p, &d, pP->zMetric, &f, &done);
  if( rc==ECX_OK && done ){ dq_free(&d); return ECX_OK; }
  if( rc==ECX_OK ) rc = cube_query(pC, &d.q, &rAll);
  if( rc==ECX_OK ){
    d.q.nBy = 1;
    rc = parse_grouping(pC, zBy, &d.q.aBy[0]);
    if( d.q.aBy[0].iCol>=0 && pC->aCol[d.q.aBy[0].iCol].kind==CUBE_COL_COMPETITOR ) d.q.withBenchmark = 1;
  }
  if( rc==ECX_OK ) rc = cube_query(pC, &d.q, &rBy);
  if( rc==ECX_OK ){
    int n = (int)rBy.nGroup, nH = rBy.nMet*CUBE_HIST;
    char **az = ecx_calloc((size_t)n + 1, sizeof(char*)), zLabel[256];
    double *aY = ecx_calloc((size_t)n*3 + 1, sizeof(double)), *aLo = aY + n, *aHi = aLo + n;
    int *aTone = ecx_calloc((size_t)n + 1, sizeof(int));
    unsigned char *aGroup, *aHide;
    dash_suppress(&rBy, f, 1, pP->minN, &aGroup, &aHide);
    report_estimate(f, rAll.nGroup ? rAll.aHist : 0, &eAll);
    for(i=0; i<n; i++){
      Estimate e;
      const char *z = cube_result_label(pC, &rBy, i, 0, zLabel, sizeof zLabel);
      az[i] = ecx_strdup(z[0] ? z : _("(none)"));
      report_estimate(f, rBy.aHist + (int64_t)i*nH, &e);
      if( aHide[i] ){ aY[i] = aLo[i] = aHi[i] = NAN; continue; }
      aY[i] = e.value; aLo[i] = e.lo; aHi[i] = e.hi;
      /* Good or bad only when the interval excludes the overall figure. */
      aTone[i] = eAll.n>0 && e.lo>eAll.value ? 1 : eAll.n>0 && e.hi<eAll.value ? -1 : 0;
    }
    buf_printf(p, "<section class=\"ecx-card\"><h2>%h · %h</h2>\n", f->zLabel, zBy);
    {
      SvgBars g = {f->zLabel, n, (const char *const*)az, aY, aLo, aHi, aTone, NAN, NAN, NAN, fig_decimals(f), 760};
      svg_bars(p, &g);
    }
    buf_printf(p, "<table class=\"ecx-table\"><thead><tr><th>%h</th><th>n</th><th>%h</th><th>%h</th><th>%h</th></tr></thead><tbody>\n",
               zBy, _("value"), _("95% CI"), _("vs total"));
    for(i=0; i<n; i++){
      Estimate e;
      report_estimate(f, rBy.aHist + (int64_t)i*nH, &e);
      buf_printf(p, "<tr><td>%h</td>", az[i]);
      if( aHide[i] ){
        /* A group hidden to protect a smaller one keeps its n hidden too. */
        if( aGroup[i] || e.n<pP->minN ) buf_printf(p, "<td>%s%d</td>", e.n<pP->minN ? "&lt; " : "&ge; ", pP->minN);
        else buf_printf(p, "<td>%lld</td>", (long long)e.n);
        buf_printf(p, "<td colspan=\"3\" class=\"ecx-suppressed\">%h</td></tr>\n", _("suppressed"));
        continue;
      }
      buf_printf(p, "<td>%lld</td><td>", (long long)e.n); put_value(p, f, e.value);
      buf_puts(p, "</td><td>"); put_ci(p, f, &e);
      buf_printf(p, "</td><td class=\"%s\">%h</td></tr>\n", aTone[i]>0 ? "ecx-good" : aTone[i]<0 ? "ecx-bad" : "ecx-mid",
                 aTone[i]>0 ? _("above") : aTone[i]<0 ? _("below") : _("no difference"));
    }
    buf_puts(p, "</tbody></table>\n");
    dash_csv_link(p, pP);
    buf_puts(p, "</section>\n");
    for(i=0; i<n; i++) free(az[i]);
    free(az); free(aY); free(aTone); free(aGroup); free(aHide);
  }
  cube_result_free(&rAll);
  cube_result_free(&rBy);
  dq_free(&d);
  return rc;
}
