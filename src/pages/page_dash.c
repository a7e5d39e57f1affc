/*
** Dashboard pages: the overview (/), the breakdown (/breakdown) and the
** touchpoint x dimension heatmap (/heatmap). Filters are GET parameters
** (where, segment, from, to, by, metric, period), so a view is shared by its
** URL; format=csv gives the page's table as CSV. Front-line users see only
** their touchpoints, area leads only their area's: that scope is added to
** every query, and the page says so under its title.
*/
#include <stdlib.h>
#include <string.h>
#include "pages.h"
#include "dashboard.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../engine/cube_int.h"
#include "../model/catalog.h"

int dash_user_scope(HttpReq *p, const Cube *pC, Buf *b, const char **pzLabel){
  const CubeCol *pTp;
  const char *z, *zIds;
  char *zArea = 0, *zAreaIds = 0;
  Buf names;
  int n = 0, more = 0, rc = ECX_OK, iCol = cube_col_find(pC, "touchpoint");
  *pzLabel = 0;
  if( p->pUser==0 ) return ECX_OK;
  if( p->pUser->role==ROLE_FRONTLINE ){
    zIds = p->pUser->zTouchpoints;
  }else if( p->pUser->role==ROLE_AREA_LEAD ){
    /* The touchpoints its area answers for (table touchpoint_area). */
    rc = p->pUser->areaId > 0 ? cat_area_touchpoints(p->pWs, p->pUser->areaId, &zArea, &zAreaIds)
                              : ECX_ENOTFOUND;
    if( rc==ECX_ENOTFOUND ){
      return http_fail(p, 403, ECX_EPERM, 0, "%s", _("no internal area is assigned to this account: "
                       "an administrator must add it as an area lead of its area (Users page)"));
    }
    if( rc ) return rc;
    zIds = zAreaIds;
  }else{
    return ECX_OK;
  }
  buf_init(&names, 1u<<16);
  pTp = iCol>=0 ? &pC->aCol[iCol] : 0;
  buf_puts(b, "touchpoint=");
  for(z=zIds; z && *z; ){
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
        /* The line under the title names the first ones only. */
        if( names.n < 2000 ) buf_printf(&names, "%s%s", names.n ? ", " : "", pTp->azValue[c]);
        else if( !more++ ) buf_puts(&names, ", ...");
      }
    }
  }
  if( n==0 && zArea ){
    rc = http_fail(p, 403, ECX_EPERM, 0, _("the area \"%s\" is not responsible for any touchpoint yet, so "
                   "there is nothing to show: an administrator or analyst must name it among the "
                   "responsible areas of its touchpoints, on the Definitions page (/definitions) or "
                   "through the API (PUT /api/v1/touchpoints/NAME with \"areas\")"), zArea);
  }else if( n==0 ){
    rc = http_fail(p, 403, ECX_EINVAL, 0, "%s", _("no touchpoints are assigned to this account"));
  }else{
    Buf lab;
    buf_init(&lab, 1u<<17);
    if( zArea ) buf_printf(&lab, _("Area: %s — touchpoints: %s"), zArea, buf_str(&names));
    else buf_printf(&lab, _("Touchpoints: %s"), buf_str(&names));
    *pzLabel = http_strdup(p, buf_str(&lab));
    buf_free(&lab);
  }
  buf_free(&names);
  free(zArea);
  free(zAreaIds);
  return rc;
}

void dash_scope_note(HttpReq *p, const char *zLabel){
  if( zLabel ) buf_printf(&p->body, "<p class=\"ecx-scope\">%h</p>\n", zLabel);
}

static int dash_page(HttpReq *p, const char *zPage, const char *zBase, const char *zTitle){
  const Cube *pC = 0;
  DashParams d;
  Buf scope, body;
  const char *zFormat = http_query(p, "format"), *zLabel = 0;
  int rc = http_cube(p, &pC);
  if( rc ) return rc;
  memset(&d, 0, sizeof d);
  buf_init(&scope, 1u<<21);
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
  rc = dash_user_scope(p, pC, &scope, &zLabel);
  if( rc ) goto out;
  if( scope.n ) d.zScope = buf_str(&scope);   /* holds beside the user's own filters */
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
  dash_filter_form(&body, pC, &d);
  if( strcmp(zPage, "overview")==0 ) rc = dash_overview(&body, pC, &d);
  else if( strcmp(zPage, "breakdown")==0 ) rc = dash_breakdown(&body, pC, &d);
  else rc = dash_heatmap(&body, pC, &d);
  if( rc ){
    /* layout_begin() clears the error detail: keep the message first. */
    char *zMsg = http_strdup(p, err_detail());
    layout_begin(p, zTitle);
    dash_scope_note(p, zLabel);
    http_set_status(p, 400);
    layout_notice(p, "error", zMsg);
    rc = ECX_OK;
  }else{
    layout_begin(p, zTitle);
    dash_scope_note(p, zLabel);
  }
  buf_append(&p->body, buf_str(&body), body.n);
  layout_end(p);
out:
  buf_free(&scope);
  buf_free(&body);
  return rc;
}

int page_home(HttpReq *p){ return dash_page(p, "overview", "/", _("Overview")); }
int page_breakdown(HttpReq *p){ return dash_page(p, "breakdown", "/breakdown", _("Breakdown")); }
int page_heatmap(HttpReq *p){ return dash_page(p, "heatmap", "/heatmap", _("Touchpoints × dimensions")); }
