/*
** The experience promise as JSON and text (promise_format.h).
*/
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "promise_format.h"
#include "bench_format.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"

int promise_json(Buf *pOut, const Promise *p){
  char zTs[40];
  Buf js;
  int rc;
  buf_init(&js, 1u<<20);
  rc = promise_to_json(p, &js);
  if( rc==ECX_OK ){
    /* The stored object, after the version's own fields. */
    buf_printf(pOut, "{\"id\":%lld,\"version\":%d,\"author\":%j,\"saved\":%j,", (long long)p->id, p->version,
               p->zAuthor ? p->zAuthor : "", util_fmt_time(zTs, sizeof zTs, p->ts));
    buf_puts(pOut, buf_str(&js) + 1);
  }
  buf_free(&js);
  return rc ? rc : pOut->overflow ? ECX_ETOOBIG : ECX_OK;
}

void promise_criteria_json(Buf *pOut, const PromiseCriteria *pc){
  Buf why;
  buf_init(&why, 4096);
  buf_puts(pOut, "{");
  report_json_num(pOut, "r2", pc->r2);
  buf_printf(pOut, ",\"n\":%lld,\"relevance_note\":%j,\"weights\":{", (long long)pc->nDrivers, pc->zRelNote);
  report_json_num(pOut, "relevance", pc->w.rel); buf_putc(pOut, ',');
  report_json_num(pOut, "differentiation", pc->w.dif); buf_putc(pOut, ',');
  report_json_num(pOut, "feasibility", pc->w.fea);
  buf_puts(pOut, "},\"candidates\":[");
  for(int r=1, nOut=0; r<=pc->n; r++){
    for(int i=0; i<pc->n; i++){
      const PromiseCand *c = &pc->a[i];
      if( c->rank!=r ) continue;
      buf_reset(&why);
      promise_reasons(c, &why);
      buf_printf(pOut, "%s\n{\"dimension\":%j,\"rank\":%d,\"recommended\":%s,", nOut++ ? "," : "", c->zName, c->rank,
                 c->recommended ? "true" : "false");
      report_json_num(pOut, "relevance_pct", c->relPct); buf_putc(pOut, ',');
      report_json_num(pOut, "our_mean", c->ourMean); buf_putc(pOut, ',');
      report_json_num(pOut, "differentiation", c->dif);
      buf_printf(pOut, ",\"best_competitor\":%j,\"difference_significant\":%s,", c->zBest, c->difSig ? "true" : "false");
      report_json_num(pOut, "feasibility", c->fea); buf_putc(pOut, ',');
      report_json_num(pOut, "feasibility_short", c->feaShort); buf_putc(pOut, ',');
      report_json_num(pOut, "feasibility_medium", c->feaMedium); buf_putc(pOut, ',');
      report_json_num(pOut, "scaled_relevance", c->nRel); buf_putc(pOut, ',');
      report_json_num(pOut, "scaled_differentiation", c->nDif); buf_putc(pOut, ',');
      report_json_num(pOut, "scaled_feasibility", c->nFea2); buf_putc(pOut, ',');
      report_json_num(pOut, "composite", c->composite);
      buf_printf(pOut, ",\"reasons\":%j}", buf_str(&why));
    }
  }
  buf_puts(pOut, "]}\n");
  buf_free(&why);
}

/* "n", "value", "ci_low", "ci_high", "status" of a figure (no braces). */
static void value_json(Buf *pOut, const KpiValue *v){
  int show = v->status!=KPI_NO_DATA;
  buf_printf(pOut, "\"n\":%lld,", (long long)v->e.n);
  report_json_num(pOut, "value", show ? v->e.value : NAN); buf_putc(pOut, ',');
  report_json_num(pOut, "ci_low", show ? v->e.lo : NAN); buf_putc(pOut, ',');
  report_json_num(pOut, "ci_high", show ? v->e.hi : NAN);
  buf_printf(pOut, ",\"status\":%j", promise_kpi_status_name(v->status));
  if( v->hidden ) buf_puts(pOut, ",\"hidden\":true");
}

static const char *month(char *a, size_t n, int64_t key){
  return cube_period_label(CUBE_PERIOD_MONTH, key, a, n);
}

void promise_kpis_json(Buf *pOut, const PromiseEval *e){
  char a[16], b[16];
  buf_printf(pOut, "{\"min_n\":%d,\"kpis\":[", e->minN);
  for(int k=0; k<e->nDim; k++){
    const PromiseDimEval *d = &e->aDim[k];
    const PromiseKpi *x = d->pKpi;
    buf_printf(pOut, "%s\n{\"dimension\":%j,\"has_kpi\":%s,\"metric\":%j,", k ? "," : "", d->zDim,
               x ? "true" : "false", promise_kpi_metric_name(d->metric));
    report_json_num(pOut, "target", d->target);
    buf_printf(pOut, ",\"area\":%j,\"area_id\":", x ? x->zArea : 0);
    if( x ) buf_printf(pOut, "%lld", (long long)x->areaId); else buf_puts(pOut, "null");
    buf_printf(pOut, ",\"from\":%j,\"to\":%j,\"window\":{\"from\":%j,\"to\":%j},", x ? x->zFrom : "", x ? x->zTo : "",
               month(a, sizeof a, d->monthFrom), month(b, sizeof b, d->monthTo));
    value_json(pOut, &d->cur);
    buf_puts(pOut, ",\"trend\":[");
    for(int m=0; m<d->nMonth; m++){
      buf_printf(pOut, "%s{\"month\":%j,", m ? "," : "", month(a, sizeof a, d->monthFrom + m));
      value_json(pOut, &d->aMonth[m]);
      buf_putc(pOut, '}');
    }
    buf_puts(pOut, "]}");
  }
  buf_puts(pOut, "]}\n");
}

void promise_matrix_json(Buf *pOut, const PromiseEval *e){
  buf_printf(pOut, "{\"min_n\":%d,\"dimensions\":[", e->minN);
  for(int k=0; k<e->nDim; k++){
    buf_printf(pOut, "%s{\"name\":%j,\"metric\":%j,", k ? "," : "", e->aDim[k].zDim, promise_kpi_metric_name(e->aDim[k].metric));
    report_json_num(pOut, "target", e->aDim[k].target);
    buf_putc(pOut, '}');
  }
  buf_puts(pOut, "],\"touchpoints\":[");
  for(int i=0; i<e->nTp; i++){
    buf_printf(pOut, "%s\n{\"name\":%j,\"cells\":[", i ? "," : "", e->azTp[i]);
    for(int k=0; k<e->nDim; k++){
      buf_printf(pOut, "%s{\"dimension\":%j,", k ? "," : "", e->aDim[k].zDim);
      value_json(pOut, &e->aCell[i*e->nDim + k]);
      buf_putc(pOut, '}');
    }
    buf_puts(pOut, "]}");
  }
  buf_puts(pOut, "]}\n");
}

void promise_alerts_json(Buf *pOut, const Promise *p, const PromiseEval *e, int *pnSoFar){
  for(int i=0; i<e->nAlert; i++){
    const PromiseAlert *a = &e->aAlert[i];
    const PromiseDimEval *d = &e->aDim[a->iDim];
    buf_printf(pOut, "%s\n{\"promise_id\":%lld,\"promise\":%j,\"kind\":%j,\"touchpoint\":%j,\"dimension\":%j,\"metric\":%j,",
               (*pnSoFar)++ ? "," : "", (long long)p->id, p->zName, a->iTp<0 ? "kpi" : "touchpoint",
               a->iTp<0 ? 0 : e->azTp[a->iTp], d->zDim, promise_kpi_metric_name(d->metric));
    report_json_num(pOut, "target", d->target);
    buf_putc(pOut, ',');
    value_json(pOut, promise_alert_value(e, a));
    buf_putc(pOut, '}');
  }
}

void promise_areas_json(Buf *pOut, const PromiseEval *e, const PromiseArea *a, int n){
  buf_puts(pOut, "{\"areas\":[");
  for(int i=0; i<n; i++){
    const PromiseArea *x = &a[i];
    buf_printf(pOut, "%s\n{\"id\":%lld,\"name\":%j,\"kpis\":%d,\"on_target\":%d,\"not_significant\":%d,"
               "\"below_target\":%d,\"dimensions\":[", i ? "," : "", (long long)x->id, x->zName, x->nKpi, x->nOn,
               x->nNotSig, x->nBelow);
    for(int k=0; k<x->nDim; k++){
      const PromiseAreaDim *ad = &x->aDim[k];
      const PromiseDimEval *d = &e->aDim[ad->iDim];
      buf_printf(pOut, "%s{\"dimension\":%j,\"owns_kpi\":%s,\"status\":%j,", k ? "," : "", d->zDim,
                 ad->ownsKpi ? "true" : "false", ad->ownsKpi ? promise_kpi_status_name(d->cur.status) : 0);
      report_json_num(pOut, "value", ad->ownsKpi && d->cur.status!=KPI_NO_DATA ? d->cur.e.value : NAN);
      buf_puts(pOut, ",\"feasibility_short\":");
      if( ad->feaShort ) buf_printf(pOut, "%d", ad->feaShort); else buf_puts(pOut, "null");
      buf_puts(pOut, ",\"feasibility_medium\":");
      if( ad->feaMedium ) buf_printf(pOut, "%d", ad->feaMedium); else buf_puts(pOut, "null");
      buf_printf(pOut, ",\"comment\":%j}", ad->zComment ? ad->zComment : "");
    }
    buf_puts(pOut, "]}");
  }
  buf_puts(pOut, "]}\n");
}

/* "value [lo, hi]" or "—" for the terminal. */
static void value_text(Buf *pOut, KpiMetric m, const KpiValue *v, int width){
  char a[32], lo[32], hi[32], z[100];
  if( v->status==KPI_NO_DATA ) snprintf(z, sizeof z, "—");
  else{
    promise_kpi_format(a, sizeof a, m, v->e.value);
    promise_kpi_format(lo, sizeof lo, m, v->e.lo);
    promise_kpi_format(hi, sizeof hi, m, v->e.hi);
    snprintf(z, sizeof z, "%s [%s, %s]", a, lo, hi);
  }
  report_cell(pOut, z, width);
}

void promise_kpis_text(Buf *pOut, const PromiseEval *e){
  char a[16], b[16], z[64];
  report_cell(pOut, _("dimension"), 32); report_cell(pOut, _("KPI"), 20); report_cell(pOut, _("target"), -7);
  report_cell(pOut, _("owner area"), 20); report_cell(pOut, _("period"), 18); report_cell(pOut, _("current (95% CI)"), 24);
  report_cell(pOut, "n", -6);
  buf_printf(pOut, "%s\n", _("status"));
  for(int k=0; k<e->nDim; k++){
    const PromiseDimEval *d = &e->aDim[k];
    report_cell(pOut, d->zDim, 32);
    report_cell(pOut, promise_kpi_metric_label(d->metric), 20);
    promise_kpi_format(z, sizeof z, d->metric, d->target);
    report_cell(pOut, z, -7);
    report_cell(pOut, d->pKpi ? d->pKpi->zArea : "—", 20);
    snprintf(z, sizeof z, "%s..%s", month(a, sizeof a, d->monthFrom), month(b, sizeof b, d->monthTo));
    report_cell(pOut, z, 18);
    value_text(pOut, d->metric, &d->cur, 24);
    snprintf(z, sizeof z, "%lld", (long long)d->cur.e.n);
    report_cell(pOut, z, -6);
    buf_printf(pOut, "%s\n  %s:", promise_kpi_status_label(d->cur.status), _("trend by month"));
    for(int m=0; m<d->nMonth; m++){
      promise_kpi_format(z, sizeof z, d->metric, d->aMonth[m].status==KPI_NO_DATA ? NAN : d->aMonth[m].e.value);
      buf_printf(pOut, " %s %s", month(a, sizeof a, d->monthFrom + m), z);
    }
    buf_putc(pOut, '\n');
  }
}

void promise_matrix_text(Buf *pOut, const PromiseEval *e){
  char z[32];
  report_cell(pOut, _("touchpoint"), 28); report_cell(pOut, _("dimension"), 32);
  report_cell(pOut, _("current (95% CI)"), 24); report_cell(pOut, "n", -6); report_cell(pOut, _("target"), -7);
  buf_printf(pOut, "%s\n", _("status"));
  for(int i=0; i<e->nTp; i++){
    for(int k=0; k<e->nDim; k++){
      const KpiValue *v = &e->aCell[i*e->nDim + k];
      report_cell(pOut, e->azTp[i], 28);
      report_cell(pOut, e->aDim[k].zDim, 32);
      value_text(pOut, e->aDim[k].metric, v, 24);
      snprintf(z, sizeof z, "%lld", (long long)v->e.n);
      report_cell(pOut, z, -6);
      promise_kpi_format(z, sizeof z, e->aDim[k].metric, e->aDim[k].target);
      report_cell(pOut, z, -7);
      buf_printf(pOut, "%s\n", promise_kpi_status_label(v->status));
    }
  }
}

void promise_alerts_text(Buf *pOut, const Promise *p, const PromiseEval *e){
  for(int i=0; i<e->nAlert; i++){
    const PromiseAlert *a = &e->aAlert[i];
    const PromiseDimEval *d = &e->aDim[a->iDim];
    const KpiValue *v = promise_alert_value(e, a);
    char zT[32];
    promise_kpi_format(zT, sizeof zT, d->metric, d->target);
    buf_printf(pOut, "%lld\t%s\t%s\t%s\t%s\t", (long long)p->id, p->zName, a->iTp<0 ? "KPI" : e->azTp[a->iTp],
               d->zDim, promise_kpi_metric_name(d->metric));
    value_text(pOut, d->metric, v, 1);
    buf_printf(pOut, "\tn=%lld\t%s %s\t%s\n", (long long)v->e.n, _("target"), zT, promise_kpi_status_label(v->status));
  }
}

void promise_areas_text(Buf *pOut, const PromiseEval *e, const PromiseArea *a, int n){
  for(int i=0; i<n; i++){
    const PromiseArea *x = &a[i];
    buf_printf(pOut, "%s: %s %d, %s %d, %s %d, %s %d\n", x->zName, _("KPIs owned"), x->nKpi, _("on target"), x->nOn,
               _("below, not significantly"), x->nNotSig, _("significantly below target"), x->nBelow);
    for(int k=0; k<x->nDim; k++){
      const PromiseAreaDim *ad = &x->aDim[k];
      const PromiseDimEval *d = &e->aDim[ad->iDim];
      char z[64];
      buf_puts(pOut, "  ");
      report_cell(pOut, d->zDim, 32);
      report_cell(pOut, ad->ownsKpi ? promise_kpi_status_label(d->cur.status) : _("no KPI of this area"), 28);
      if( ad->feaShort || ad->feaMedium ){
        snprintf(z, sizeof z, "%s %d/%d", _("feasibility"), ad->feaShort, ad->feaMedium);
      }else{
        snprintf(z, sizeof z, "—");
      }
      report_cell(pOut, z, 18);
      buf_printf(pOut, "%s\n", ad->zComment ? ad->zComment : "");
    }
  }
}

void feas_json(Buf *pOut, const FeasDim *aD, int nD, const FeasRating *aR, int nR){
  buf_puts(pOut, "{\"summary\":[");
  for(int i=0; i<nD; i++){
    buf_printf(pOut, "%s\n{\"dimension_id\":%lld,\"dimension\":%j,\"n\":%lld,", i ? "," : "",
               (long long)aD[i].dimId, aD[i].zName, (long long)aD[i].n);
    report_json_num(pOut, "mean", aD[i].mean); buf_putc(pOut, ',');
    report_json_num(pOut, "sd", aD[i].sd); buf_putc(pOut, ',');
    report_json_num(pOut, "mean_short", aD[i].meanShort); buf_putc(pOut, ',');
    report_json_num(pOut, "mean_medium", aD[i].meanMedium);
    buf_putc(pOut, '}');
  }
  buf_puts(pOut, "],\n\"ratings\":[");
  for(int i=0; i<nR; i++){
    buf_printf(pOut, "%s\n{\"area_id\":%lld,\"area\":%j,\"dimension_id\":%lld,\"dimension\":%j,\"horizon\":%j,"
               "\"score\":%d,\"comment\":%j}", i ? "," : "", (long long)aR[i].areaId, aR[i].zArea,
               (long long)aR[i].dimId, aR[i].zDim, aR[i].zHorizon, aR[i].score, aR[i].zComment);
  }
  buf_puts(pOut, "]}\n");
}

void feas_text(Buf *pOut, const FeasDim *aD, int nD, const FeasRating *aR, int nR){
  char z[32];
  report_cell(pOut, _("dimension"), 32); report_cell(pOut, "n", -4); report_cell(pOut, _("mean"), -6);
  report_cell(pOut, "sd", -6); report_cell(pOut, _("short term"), -10);
  buf_printf(pOut, "%s\n", _("medium term"));
  for(int i=0; i<nD; i++){
    report_cell(pOut, aD[i].zName, 32);
    snprintf(z, sizeof z, "%lld", (long long)aD[i].n); report_cell(pOut, z, -4);
    promise_kpi_format(z, sizeof z, KPI_MEAN, aD[i].mean); report_cell(pOut, z, -6);
    promise_kpi_format(z, sizeof z, KPI_MEAN, aD[i].sd); report_cell(pOut, z, -6);
    promise_kpi_format(z, sizeof z, KPI_MEAN, aD[i].meanShort); report_cell(pOut, z, -10);
    promise_kpi_format(z, sizeof z, KPI_MEAN, aD[i].meanMedium);
    buf_printf(pOut, "%s\n", z);
  }
  if( nR ) buf_printf(pOut, "\n%s\n", _("ratings (area, dimension, horizon, score, comment):"));
  for(int i=0; i<nR; i++){
    buf_printf(pOut, "%s\t%s\t%s\t%d\t%s\n", aR[i].zArea, aR[i].zDim, aR[i].zHorizon, aR[i].score, aR[i].zComment);
  }
}
