/*
** Writing a computed report as an aligned text table, CSV or JSON.
** One line per group and figure; the overall row comes first.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "report_int.h"
#include "../base/err.h"
#include "../base/i18n.h"

/* What is shown of one figure of one row. */
typedef struct Cell {
  Estimate e;
  Change c;
  int suppressed;   /* figure (or its group) under min n */
  int hasChange;
} Cell;

static void cell_compute(const ReportData *pD, const ReportRow *pRow, const Figure *f, Cell *p){
  int minN = pD->pSpec->minN;
  memset(p, 0, sizeof *p);
  if( pRow->aHist ){
    report_estimate(f, pRow->aHist, &p->e);
  }else{
    p->e.value = p->e.lo = p->e.hi = NAN;
  }
  int iFig = (int)(f - pD->aFig);
  p->suppressed = pRow->hidden || pRow->aHide[iFig];
  if( pD->hasCompare && pRow->aPrev && pRow->aHist && !p->suppressed && !pRow->aHidePrev[iFig] ){
    Estimate before;
    report_estimate(f, pRow->aPrev, &before);
    if( pRow->nPrevRows>=minN && before.n>=minN ){
      report_change(f, pRow->aHist, pRow->aPrev, &p->c);
      p->hasChange = p->c.ok;
    }
  }
}

/* Decimals shown for a figure's values. */
static int fig_decimals(const Figure *f){
  return f->kind==FIG_MEAN ? 2 : 1;
}

static void put_num(Buf *b, double x, int nDec){
  if( isnan(x) ) return;
  buf_printf(b, nDec==1 ? "%.1f" : nDec==2 ? "%.2f" : "%.4f", x);
}

/* ---- table ---- */

typedef struct Grid {
  int nCol;
  int64_t nCell;
  char **az;          /* row-major cells, owned */
} Grid;

static void grid_add(Grid *g, const char *z){
  g->az = ecx_realloc(g->az, sizeof(char*)*(size_t)(g->nCell + 1));
  g->az[g->nCell++] = ecx_strdup(z);
}

/* Display width of UTF-8 text: its code points. */
static int text_width(const char *z){
  int n = 0;
  for(; *z; z++) n += ((unsigned char)*z & 0xC0)!=0x80;
  return n;
}

static void grid_print(Grid *g, Buf *pOut){
  int *aW = ecx_calloc((size_t)g->nCol, sizeof(int)), c;
  int64_t i;
  for(i=0; i<g->nCell; i++){
    int w = text_width(g->az[i]);
    if( w>aW[i % g->nCol] ) aW[i % g->nCol] = w;
  }
  for(i=0; i<g->nCell; i++){
    c = (int)(i % g->nCol);
    buf_puts(pOut, g->az[i]);
    if( c<g->nCol - 1 ){
      int pad = aW[c] - text_width(g->az[i]) + 2;
      while( pad-->0 ) buf_putc(pOut, ' ');
    }else{
      while( pOut->n>0 && pOut->z[pOut->n-1]==' ' ) pOut->z[--pOut->n] = 0;
      buf_putc(pOut, '\n');
    }
    if( i==g->nCol - 1 ){
      int k, w = 0;
      for(k=0; k<g->nCol; k++) w += aW[k] + (k<g->nCol-1 ? 2 : 0);
      while( w-->0 ) buf_putc(pOut, '-');
      buf_putc(pOut, '\n');
    }
  }
  for(i=0; i<g->nCell; i++) free(g->az[i]);
  free(g->az);
  free(aW);
}

void report_filters_line(Buf *pOut, const char *zWhere, const char *zSegment,
                         const char *zFrom, const char *zTo){
  if( zWhere || zSegment || zFrom || zTo ){
    buf_printf(pOut, "%s:%s%s%s%s%s%s%s%s\n", _("filters"),
               zSegment ? " segment=" : "", zSegment ? zSegment : "",
               zWhere ? " " : "", zWhere ? zWhere : "",
               zFrom ? " >= " : "", zFrom ? zFrom : "",
               zTo ? " <= " : "", zTo ? zTo : "");
  }
}

static int write_table(const ReportData *pD, Buf *pOut){
  const ReportSpec *pS = pD->pSpec;
  Grid g = {0, 0, 0};
  Buf t;
  int64_t r;
  int k, i, anySig = 0, anySup = 0;
  buf_init(&t, 4096);
  buf_printf(pOut, "%s%s%s: %lld\n", pS->zTitle ? pS->zTitle : "", pS->zTitle ? " — " : "",
             _("responses"), (long long)(pD->nRow ? pD->aRow[0].nRows : 0));
  report_filters_line(pOut, pS->zWhere, pS->zSegment, pS->zFrom, pS->zTo);
  buf_putc(pOut, '\n');
  g.nCol = (pD->nBy ? pD->nBy : 1) + 4 + (pD->hasCompare ? 2 : 0);
  if( pD->nBy==0 ) grid_add(&g, "");
  for(k=0; k<pD->nBy; k++) grid_add(&g, pD->azBy[k]);
  grid_add(&g, _("metric")); grid_add(&g, "n"); grid_add(&g, _("value")); grid_add(&g, _("95% CI"));
  if( pD->hasCompare ){ grid_add(&g, _("change")); grid_add(&g, _("95% CI of change")); }
  for(r=0; r<pD->nRow; r++){
    const ReportRow *pRow = &pD->aRow[r];
    int groupShown = 0;
    for(i=0; i<pD->nFig; i++){
      Cell c;
      const Figure *f = &pD->aFig[i];
      int nDec = fig_decimals(f);
      cell_compute(pD, pRow, f, &c);
      if( c.e.n==0 && !pRow->hidden ) continue;
      if( pRow->hidden && groupShown ) break;
      groupShown = 1;
      if( pD->nBy==0 ) grid_add(&g, pRow->azKey[0]);
      for(k=0; k<pD->nBy; k++) grid_add(&g, r>0 && pRow->azKey[k][0]==0 ? _("(none)") : pRow->azKey[k]);
      if( pRow->hidden ){
        char z[64];
        /* A group hidden so that the total does not give away a smaller
        ** one has min_n or more: its n is hidden all the same. */
        snprintf(z, sizeof z, pRow->nRows<pS->minN ? "< %d" : "—", pS->minN);
        anySup = 1;
        grid_add(&g, _("(all)")); grid_add(&g, z); grid_add(&g, _("suppressed")); grid_add(&g, "");
        if( pD->hasCompare ){ grid_add(&g, ""); grid_add(&g, ""); }
        continue;
      }
      grid_add(&g, f->zLabel);
      buf_reset(&t); buf_printf(&t, "%lld", (long long)c.e.n); grid_add(&g, buf_str(&t));
      if( c.suppressed ){
        anySup = 1;
        grid_add(&g, _("suppressed")); grid_add(&g, "");
      }else{
        buf_reset(&t); put_num(&t, c.e.value, nDec); if( f->kind==FIG_SHARE ) buf_putc(&t, '%');
        grid_add(&g, buf_str(&t));
        buf_reset(&t);
        if( !isnan(c.e.lo) ){
          buf_putc(&t, '['); put_num(&t, c.e.lo, nDec); buf_puts(&t, ", "); put_num(&t, c.e.hi, nDec); buf_putc(&t, ']');
        }
        grid_add(&g, buf_str(&t));
      }
      if( pD->hasCompare ){
        buf_reset(&t);
        if( c.hasChange ){
          if( c.c.diff>=0 ) buf_putc(&t, '+');
          put_num(&t, c.c.diff, nDec);
          if( c.c.significant ){ buf_puts(&t, " *"); anySig = 1; }
        }
        grid_add(&g, buf_str(&t));
        buf_reset(&t);
        if( c.hasChange ){
          buf_putc(&t, '['); put_num(&t, c.c.lo, nDec); buf_puts(&t, ", "); put_num(&t, c.c.hi, nDec); buf_putc(&t, ']');
        }
        grid_add(&g, buf_str(&t));
      }
    }
    if( !groupShown ){
      /* No rated answers in this group: still say how many responses. */
      if( pD->nBy==0 ) grid_add(&g, pRow->azKey[0]);
      for(k=0; k<pD->nBy; k++) grid_add(&g, r>0 && pRow->azKey[k][0]==0 ? _("(none)") : pRow->azKey[k]);
      grid_add(&g, _("responses (no ratings)"));
      buf_reset(&t);
      if( pRow->hidden && r>0 ) buf_printf(&t, pRow->nRows<pS->minN ? "< %d" : "—", pS->minN);
      else buf_printf(&t, "%lld", (long long)pRow->nRows);
      grid_add(&g, buf_str(&t)); grid_add(&g, ""); grid_add(&g, "");
      if( pD->hasCompare ){ grid_add(&g, ""); grid_add(&g, ""); }
    }
  }
  grid_print(&g, pOut);
  if( anySig ) buf_printf(pOut, "\n* %s\n", _("significant change at 95% confidence"));
  if( anySup ) buf_printf(pOut, "%s%s\n", anySig ? "" : "\n", _("suppressed: fewer answers than the workspace minimum (min_n)"));
  buf_free(&t);
  return pOut->overflow ? err_set(ECX_ETOOBIG, _("report too large")) : ECX_OK;
}

/* ---- CSV ---- */

static void csv_num(Buf *b, double x, int ok){
  buf_putc(b, ',');
  if( ok && !isnan(x) ) buf_printf(b, "%.4f", x);
}

static int write_csv(const ReportData *pD, Buf *pOut){
  int64_t r;
  int k, i;
  for(k=0; k<pD->nBy; k++) buf_printf(pOut, "%q,", pD->azBy[k]);
  buf_puts(pOut, "metric,n,value,ci_low,ci_high");
  if( pD->hasCompare ) buf_puts(pOut, ",change,change_low,change_high,significant");
  buf_puts(pOut, ",suppressed\n");
  for(r=0; r<pD->nRow; r++){
    const ReportRow *pRow = &pD->aRow[r];
    for(i=0; i<pD->nFig; i++){
      const Figure *f = &pD->aFig[i];
      int show;
      Cell c;
      cell_compute(pD, pRow, f, &c);
      show = !c.suppressed;
      for(k=0; k<pD->nBy; k++) buf_printf(pOut, "%q,", r==0 ? "*" : pRow->azKey[k]);
      buf_printf(pOut, "%q,", f->zId);
      if( !pRow->hidden ) buf_printf(pOut, "%lld", (long long)c.e.n);
      csv_num(pOut, c.e.value, show); csv_num(pOut, c.e.lo, show); csv_num(pOut, c.e.hi, show);
      if( pD->hasCompare ){
        csv_num(pOut, c.c.diff, c.hasChange); csv_num(pOut, c.c.lo, c.hasChange); csv_num(pOut, c.c.hi, c.hasChange);
        buf_printf(pOut, ",%s", c.hasChange ? (c.c.significant ? "1" : "0") : "");
      }
      buf_printf(pOut, ",%d\n", c.suppressed);
    }
  }
  return pOut->overflow ? err_set(ECX_ETOOBIG, _("report too large")) : ECX_OK;
}

/* ---- JSON ---- */

static void json_num(Buf *b, const char *zKey, double x, int ok){
  buf_printf(b, ",%j:", zKey);
  if( ok && !isnan(x) ) buf_printf(b, "%.4f", x); else buf_puts(b, "null");
}

static void json_row(const ReportData *pD, const ReportRow *pRow, int isGroup, Buf *pOut){
  int k, i, small = pRow->hidden;
  buf_putc(pOut, '{');
  if( isGroup ){
    buf_puts(pOut, "\"keys\":{");
    for(k=0; k<pD->nBy; k++){
      buf_printf(pOut, "%s%j:%j", k ? "," : "", pD->azBy[k], pRow->azKey[k][0] ? pRow->azKey[k] : 0);
    }
    buf_puts(pOut, "},");
  }
  if( small ) buf_puts(pOut, "\"n\":null"); else buf_printf(pOut, "\"n\":%lld", (long long)pRow->nRows);
  buf_printf(pOut, ",\"suppressed\":%s,\"figures\":{", small ? "true" : "false");
  for(i=0; i<pD->nFig; i++){
    const Figure *f = &pD->aFig[i];
    Cell c;
    cell_compute(pD, pRow, f, &c);
    buf_printf(pOut, "%s%j:{\"n\":", i ? "," : "", f->zId);
    if( small ) buf_puts(pOut, "null"); else buf_printf(pOut, "%lld", (long long)c.e.n);
    json_num(pOut, "value", c.e.value, !c.suppressed);
    json_num(pOut, "ci_low", c.e.lo, !c.suppressed);
    json_num(pOut, "ci_high", c.e.hi, !c.suppressed);
    buf_printf(pOut, ",\"suppressed\":%s", c.suppressed ? "true" : "false");
    if( pD->hasCompare ){
      if( c.hasChange ){
        buf_puts(pOut, ",\"change\":{\"diff\":");
        buf_printf(pOut, "%.4f", c.c.diff);
        json_num(pOut, "ci_low", c.c.lo, 1);
        json_num(pOut, "ci_high", c.c.hi, 1);
        buf_printf(pOut, ",\"significant\":%s}", c.c.significant ? "true" : "false");
      }else{
        buf_puts(pOut, ",\"change\":null");
      }
    }
    buf_putc(pOut, '}');
  }
  buf_puts(pOut, "}}");
}

static int write_json(const ReportData *pD, Buf *pOut){
  const ReportSpec *pS = pD->pSpec;
  int64_t r;
  int k;
  buf_printf(pOut, "{\"title\":%j,\"min_n\":%d,\"by\":[", pS->zTitle, pS->minN);
  for(k=0; k<pD->nBy; k++) buf_printf(pOut, "%s%j", k ? "," : "", pD->azBy[k]);
  buf_printf(pOut, "],\"where\":%j,\"segment\":%j,\"from\":%j,\"to\":%j,\"compare\":%j,\"overall\":",
             pS->zWhere, pS->zSegment, pS->zFrom, pS->zTo, pD->hasCompare ? "previous" : 0);
  json_row(pD, &pD->aRow[0], 0, pOut);
  buf_puts(pOut, ",\"groups\":[");
  for(r=1; r<pD->nRow; r++){
    if( r>1 ) buf_putc(pOut, ',');
    buf_putc(pOut, '\n');
    json_row(pD, &pD->aRow[r], 1, pOut);
  }
  buf_puts(pOut, "]}\n");
  return pOut->overflow ? err_set(ECX_ETOOBIG, _("report too large")) : ECX_OK;
}

int report_write(const ReportData *pD, Buf *pOut){
  switch( pD->pSpec->format ){
    case REPORT_CSV:  return write_csv(pD, pOut);
    case REPORT_JSON: return write_json(pD, pOut);
    default:          return write_table(pD, pOut);
  }
}
