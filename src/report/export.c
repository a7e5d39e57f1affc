/*
** Writing the analysis dataset (export.h), in chunks of rows filtered like
** a report's.
*/
#include <string.h>
#include "export.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../engine/cube_int.h"

#define CHUNK 1024

static void write_header(const Cube *pC, ExportFormat fmt, Buf *b){
  int k;
  if( fmt!=EXPORT_CSV ) return;
  buf_puts(b, "date");
  for(k=0; k<pC->nCol; k++){
    if( pC->aCol[k].kind!=CUBE_COL_SEGMENT ) buf_printf(b, ",%q", pC->aCol[k].zName);
  }
  for(k=0; k<pC->nSegment; k++){
    Buf t;
    buf_init(&t, 1024);
    buf_printf(&t, "segment:%s", pC->azSegment[k]);
    buf_printf(b, ",%q", buf_str(&t));
    buf_free(&t);
  }
  for(k=0; k<pC->nMet; k++) buf_printf(b, ",%q", pC->aMet[k].zName);
  buf_putc(b, '\n');
}

static void write_row(const Cube *pC, int64_t i, ExportFormat fmt, Buf *b){
  char zDay[16];
  uint64_t mask = (uint64_t)pC->aCol[CUBE_COL_SEGMENT].aKey[cube_code(&pC->aCol[CUBE_COL_SEGMENT], i)];
  int k;
  util_fmt_day(zDay, sizeof zDay, pC->aDay[i]);
  if( fmt==EXPORT_CSV ) buf_puts(b, zDay); else buf_printf(b, "{\"date\":%j", zDay);
  for(k=0; k<pC->nCol; k++){
    const CubeCol *p = &pC->aCol[k];
    unsigned c;
    if( p->kind==CUBE_COL_SEGMENT ) continue;
    c = cube_code(p, i);
    if( fmt==EXPORT_CSV ) buf_printf(b, ",%q", c ? p->azValue[c] : "");
    else buf_printf(b, ",%j:%j", p->zName, c ? p->azValue[c] : 0);
  }
  for(k=0; k<pC->nSegment; k++){
    int in = (mask>>k) & 1;
    if( fmt==EXPORT_CSV ) buf_printf(b, ",%d", in);
    else{
      Buf t;
      buf_init(&t, 1024);
      buf_printf(&t, "segment:%s", pC->azSegment[k]);
      buf_printf(b, ",%j:%s", buf_str(&t), in ? "true" : "false");
      buf_free(&t);
    }
  }
  for(k=0; k<pC->nMet; k++){
    int v = (int)cube_rating(&pC->aMet[k], i);
    if( fmt==EXPORT_CSV ){
      if( v==CUBE_MISSING ) buf_putc(b, ','); else buf_printf(b, ",%d", v);
    }else{
      buf_printf(b, ",%j:", pC->aMet[k].zName);
      if( v==CUBE_MISSING ) buf_puts(b, "null"); else buf_printf(b, "%d", v);
    }
  }
  buf_puts(b, fmt==EXPORT_CSV ? "\n" : "}\n");
}

int export_rows(const Cube *pC, const CubeWhere *pWhere, int64_t dayFrom, int64_t dayTo,
                ExportFormat fmt, FILE *out, int64_t *pnRow){
  Buf b;
  uint8_t aOk[CHUNK];
  int64_t i0, n = 0;
  int rc = ECX_OK;
  buf_init(&b, 0);
  write_header(pC, fmt, &b);
  for(i0=0; i0<pC->nRow && rc==ECX_OK; i0+=CHUNK){
    int m = pC->nRow - i0 < CHUNK ? (int)(pC->nRow - i0) : CHUNK, i;
    memset(aOk, 1, sizeof aOk);
    cube_where_eval(pC, pWhere, i0, m, aOk);
    for(i=0; i<m; i++){
      int64_t d = pC->aDay[i0 + i];
      if( !aOk[i] || d<dayFrom || d>dayTo ) continue;
      write_row(pC, i0 + i, fmt, &b);
      n++;
    }
    if( b.n>(1u<<20) || i0 + CHUNK>=pC->nRow ){
      if( b.n && fwrite(b.z, 1, b.n, out)!=b.n ) rc = err_set(ECX_EIO, _("cannot write the export"));
      buf_reset(&b);
    }
  }
  if( rc==ECX_OK && pC->nRow==0 && b.n && fwrite(b.z, 1, b.n, out)!=b.n ){
    rc = err_set(ECX_EIO, _("cannot write the export"));
  }
  if( rc==ECX_OK && fflush(out) ) rc = err_set(ECX_EIO, _("cannot write the export"));
  buf_free(&b);
  *pnRow = n;
  return rc;
}
