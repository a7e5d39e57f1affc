/*
** Competitor benchmark output (bench_format.h).
*/
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "bench_format.h"
#include "../base/err.h"
#include "../base/i18n.h"

int bench_query(const Cube *pC, const char *zWhere, const char *zSegment,
                const char *zFrom, const char *zTo, int minN, BenchResult *pRes){
  CubeWhere w;
  CubeQuery q;
  int rc;
  memset(&w, 0, sizeof w);
  memset(&q, 0, sizeof q);
  memset(pRes, 0, sizeof *pRes);
  q.dayFrom = INT64_MIN;
  q.dayTo = INT64_MAX;
  rc = zFrom && zFrom[0] ? report_parse_day(zFrom, "--from", &q.dayFrom) : ECX_OK;
  if( rc==ECX_OK && zTo && zTo[0] ) rc = report_parse_day(zTo, "--to", &q.dayTo);
  if( rc==ECX_OK ) rc = report_where_compile(pC, zWhere && zWhere[0] ? zWhere : 0,
                                             zSegment && zSegment[0] ? zSegment : 0, &w);
  q.pWhere = &w;
  q.withBenchmark = 1;
  if( rc==ECX_OK ) rc = report_guard(pC, &q, minN);
  if( rc==ECX_OK ) rc = bench_run(pC, &w, q.dayFrom, q.dayTo, pRes);
  cube_where_free(&w);
  return rc;
}

void report_cell(Buf *p, const char *z, int width){
  int n = 0, w = width<0 ? -width : width;
  for(const char *q=z; *q; q++) n += ((unsigned char)*q & 0xC0)!=0x80;
  if( width>0 ) buf_puts(p, z);
  for(; n<w; n++) buf_putc(p, ' ');
  if( width<0 ) buf_puts(p, z);
  buf_putc(p, ' ');
}

/* One row: a brand's cell (isOurs for our own row). */
static void row(Buf *p, ReportFormat fmt, const char *zDim, const char *zBrand,
                const BenchCell *c, int isOurs, int minN){
  int sup = c->m.n<minN || c->m.n<2;
  char a[64];
  if( fmt==REPORT_CSV ){
    buf_printf(p, "%q,%q,", zDim, zBrand);
    if( sup ){ buf_puts(p, ",,,,,,,,1\n"); return; }
    buf_printf(p, "%lld,%.4f,%.4f,%.4f,", (long long)c->m.n, c->e.value, c->e.lo, c->e.hi);
    if( isOurs || !c->c.ok ) buf_puts(p, ",,,,0\n");
    else buf_printf(p, "%.4f,%.4f,%.4f,%d,0\n", c->c.diff, c->c.lo, c->c.hi, c->c.significant);
    return;
  }
  report_cell(p, zDim, 32);
  report_cell(p, zBrand, 16);
  if( sup ){ report_cell(p, "", -6); buf_printf(p, "%s\n", _("suppressed")); return; }
  snprintf(a, sizeof a, "%lld", (long long)c->m.n); report_cell(p, a, -6);
  snprintf(a, sizeof a, "%.2f", c->e.value); report_cell(p, a, -5);
  snprintf(a, sizeof a, "[%.2f, %.2f]", c->e.lo, c->e.hi); report_cell(p, a, 12);
  if( !isOurs && c->c.ok ){
    snprintf(a, sizeof a, "%+.2f", c->c.diff); report_cell(p, a, -6);
    buf_printf(p, "[%+.2f, %+.2f]%s", c->c.lo, c->c.hi, c->c.significant ? " *" : "");
  }
  buf_putc(p, '\n');
}

void report_json_num(Buf *p, const char *zKey, double x){
  if( zKey ) buf_printf(p, "%j:", zKey);
  if( !isfinite(x) ) buf_puts(p, "null"); else buf_printf(p, "%.10g", x);
}

/* One brand's cell as a JSON object (suppressed cells carry only n's bound). */
static void cell_json(Buf *p, const char *zBrand, const BenchCell *c, int isOurs, int minN){
  int sup = c->m.n<minN || c->m.n<2;
  buf_printf(p, "{\"brand\":%j,\"suppressed\":%s", zBrand, sup ? "true" : "false");
  if( sup ){ buf_putc(p, '}'); return; }
  buf_printf(p, ",\"n\":%lld,", (long long)c->m.n);
  report_json_num(p, "mean", c->e.value); buf_putc(p, ',');
  report_json_num(p, "ci_low", c->e.lo); buf_putc(p, ',');
  report_json_num(p, "ci_high", c->e.hi);
  if( !isOurs && c->c.ok ){
    buf_puts(p, ",\"diff\":{");
    report_json_num(p, "value", c->c.diff); buf_putc(p, ',');
    report_json_num(p, "ci_low", c->c.lo); buf_putc(p, ',');
    report_json_num(p, "ci_high", c->c.hi);
    buf_printf(p, ",\"significant\":%s}", c->c.significant ? "true" : "false");
  }
  buf_putc(p, '}');
}

static int bench_json(const Cube *pC, const BenchResult *pRes, int minN, Buf *pOut){
  buf_printf(pOut, "{\"min_n\":%d,\"competitors\":[", minN);
  for(int k=0; k<pRes->nComp; k++) buf_printf(pOut, "%s%j", k ? "," : "", pRes->azComp[k]);
  buf_puts(pOut, "],\"dimensions\":[");
  for(int d=0; d<pRes->nDim; d++){
    const BenchDim *pD = &pRes->aDim[d];
    buf_printf(pOut, "%s\n{\"dimension\":%j,\"ours\":", d ? "," : "", pC->aMet[pD->iMet].zName);
    cell_json(pOut, "ours", &pD->ours, 1, minN);
    buf_puts(pOut, ",\"competitors\":[");
    for(int k=0, n=0; k<pRes->nComp; k++){
      if( pD->aComp[k].m.n==0 ) continue;
      if( n++ ) buf_putc(pOut, ',');
      cell_json(pOut, pRes->azComp[k], &pD->aComp[k], 0, minN);
    }
    buf_puts(pOut, "]}");
  }
  buf_puts(pOut, "]}\n");
  return pOut->overflow ? ECX_ETOOBIG : ECX_OK;
}

int bench_format(const Cube *pC, const BenchResult *pRes, int minN, ReportFormat fmt, Buf *pOut){
  int d, k;
  if( fmt==REPORT_JSON ) return bench_json(pC, pRes, minN, pOut);
  if( fmt==REPORT_CSV ){
    buf_puts(pOut, "dimension,brand,n,mean,ci_low,ci_high,diff,diff_low,diff_high,significant,suppressed\n");
  }else{
    report_cell(pOut, _("dimension"), 32);
    report_cell(pOut, _("brand"), 16);
    report_cell(pOut, "n", -6);
    report_cell(pOut, _("mean"), -5);
    report_cell(pOut, _("95% CI"), 12);
    buf_printf(pOut, "%s\n", _("ours - brand (Welch 95% CI)"));
  }
  for(d=0; d<pRes->nDim; d++){
    const BenchDim *pD = &pRes->aDim[d];
    const char *zDim = pC->aMet[pD->iMet].zName;
    row(pOut, fmt, zDim, fmt==REPORT_CSV ? "ours" : _("ours"), &pD->ours, 1, minN);
    for(k=0; k<pRes->nComp; k++){
      if( pD->aComp[k].m.n==0 ) continue;
      row(pOut, fmt, zDim, pRes->azComp[k], &pD->aComp[k], 0, minN);
    }
  }
  if( fmt==REPORT_TABLE ) buf_printf(pOut, "%s\n", _("* the difference is significant at 95% (Welch t)"));
  return pOut->overflow ? ECX_ETOOBIG : ECX_OK;
}
