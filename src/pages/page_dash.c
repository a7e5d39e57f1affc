/*
** Dashboard pages: the overview (/), the breakdown (/breakdown) and the
** touchpoint x dimension heatmap (/heatmap). Filters are GET parameters
** (where, segment, from, to, by, metric, period), so a view is shared by its
** URL; format=csv gives the page's table as CSV. Front-line users see only
** their touchpoints: their scope is added to every filter.
*/
#include <string.h>
#include "pages.h"
#include "dashboard.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../engine/cube_int.h"

int dash_user_scope(HttpReq *p, const Cube *pC, Buf *b){
  const CubeCol *pTp;
  const char *z;
  int n = 0, iCol = cube_col_find(pC, "touchpoint");
  if( p->pUser==0 || p->pUser->role!=ROLE_FRONTLINE ) return ECX_OK;
  pTp = iCol>=0 ? &pC->aCol[iCol] : 0;
  buf_puts(b, "touchpoint=");
  for(z=p->pUser->zTouchpoints; z && *z; ){
    int64_t id = 0;
    int c;
    while( *z>='0' && *z<='9' ){ id = id*10 + (*z - '0'); z++; }
    while( *z && (*z<'0' || *z>'9') ) z++;
    for(c=1; pTp && c<=pTp->nValue; c++){
      if( pTp->aKey[c]==id ){
        const char *q;
        buf_puts(b, n++ ? "|\"" : "\"");
        for(q=pTp->azValue[c]; *q; q++){ if( *q=='"' ) buf_putc(b, '"'); buf_putc(b, *q); }
        buf_putc(b, '"');
      }
    }
  }
  if( n==0 ) return http_fail(p, 403, ECX_EINVAL, 0, "%s", _("no touchpoints are assigned to this account"));
  return ECX_OK;
}

static int dash_page(HttpReq *p, const char *zPage, const char *zBase, const char *zTitle){
  const Cube *pC = 0;
  DashParams d;
  Buf scope, where, body;
  const char *zFormat = http_query(p, "format");
  int rc = http_cube(p, &pC);
  if( rc ) return rc;
  memset(&d, 0, sizeof d);
  buf_init(&scope, 1u<<16);
  buf_init(&where, 1u<<16);
  buf_init(&body, HTTP_MAX_RESPONSE);
  d.zWhere = http_query(p, "where");
  d.zSegment = http_query(p, "segment");
  d.zFrom = http_query(p, "from");
  d.zTo = http_query(p, "to");
  d.zBy = http_query(p, "by");
  d.zMetric = http_query(p, "metric");
  d.zPeriod = http_query(p, "period");
  d.zBase = zBase;
  d.minN = ws_min_n(p->pWs);
  rc = dash_user_scope(p, pC, &scope);
  if( rc ) goto out;
  if( scope.n ){
    /* The user's filter and the scope, both of which must hold. */
    if( d.zWhere && d.zWhere[0] ) buf_printf(&where, "%s, ", d.zWhere);
    buf_puts(&where, buf_str(&scope));
    d.zWhere = buf_str(&where);
  }
  if( zFormat && strcmp(zFormat, "csv")==0 ){
    rc = dash_csv(&body, pC, &d, zPage);
    if( rc ){ rc = http_fail(p, 400, rc, 0, "%s", err_detail()); goto out; }
    http_set_type(p, "text/csv; charset=utf-8");
    http_add_header(p, "Content-Disposition", strcmp(zPage, "overview")==0
                    ? "attachment; filename=\"ecx-overview.csv\"" : strcmp(zPage, "breakdown")==0
                    ? "attachment; filename=\"ecx-breakdown.csv\"" : "attachment; filename=\"ecx-heatmap.csv\"");
    http_set_body(p, &body);
    goto out;
  }
  if( scope.n ) d.zWhere = http_query(p, "where");   /* the form shows what the user typed */
  dash_filter_form(&body, pC, &d);
  if( scope.n ) d.zWhere = buf_str(&where);
  if( strcmp(zPage, "overview")==0 ) rc = dash_overview(&body, pC, &d);
  else if( strcmp(zPage, "breakdown")==0 ) rc = dash_breakdown(&body, pC, &d);
  else rc = dash_heatmap(&body, pC, &d);
  if( rc ){
    /* layout_begin() clears the error detail: keep the message first. */
    char *zMsg = http_strdup(p, err_detail());
    layout_begin(p, zTitle);
    http_set_status(p, 400);
    layout_notice(p, "error", zMsg);
    rc = ECX_OK;
  }else{
    layout_begin(p, zTitle);
  }
  buf_append(&p->body, buf_str(&body), body.n);
  layout_end(p);
out:
  buf_free(&scope);
  buf_free(&where);
  buf_free(&body);
  return rc;
}

int page_home(HttpReq *p){ return dash_page(p, "overview", "/", _("Overview")); }
int page_breakdown(HttpReq *p){ return dash_page(p, "breakdown", "/breakdown", _("Breakdown")); }
int page_heatmap(HttpReq *p){ return dash_page(p, "heatmap", "/heatmap", _("Touchpoints × dimensions")); }
