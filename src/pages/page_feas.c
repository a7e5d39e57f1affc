/*
** The feasibility page (/feasibility): an area lead rates, for its own area,
** how feasible each experience dimension is at a short and a medium horizon
** (1-5, with a comment); an admin may pick any area. Below, the spread of the
** ratings across areas: mean, sd and n per dimension.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pages.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../frameworks/feasibility.h"

/* The area this request works on: the area lead's own; for an admin the
** "area" parameter (0 when none). */
static int64_t page_area(HttpReq *p){
  int64_t id = 0;
  const char *z;
  if( p->pUser->role==ROLE_AREA_LEAD ) return p->pUser->areaId;
  z = http_param(p, "area");
  if( z && util_parse_int(z, &id) ) id = 0;
  return id;
}

static void score_select(Buf *b, const char *zName, int cur){
  buf_printf(b, "<select name=\"%h\"><option value=\"\">—</option>", zName);
  for(int s=1; s<=5; s++) buf_printf(b, "<option%s>%d</option>", s==cur ? " selected" : "", s);
  buf_puts(b, "</select>");
}

static int save(HttpReq *p, int64_t areaId){
  FeasDim *a = 0;
  int n = 0, rc = feas_summary(p->pWs, &a, &n);
  for(int i=0; rc==ECX_OK && i<n; i++){
    static const char *const azH[2] = {"short", "medium"};
    char zKey[48];
    for(int h=0; h<2 && rc==ECX_OK; h++){
      const char *zScore, *zComment;
      int64_t score;
      snprintf(zKey, sizeof zKey, "%c%lld", azH[h][0], (long long)a[i].dimId);
      zScore = http_form(p, zKey);
      if( !zScore || !zScore[0] ) continue;
      snprintf(zKey, sizeof zKey, "c%lld", (long long)a[i].dimId);
      zComment = http_form(p, zKey);
      if( util_parse_int(zScore, &score) ) score = 0;
      rc = feas_set(p->pWs, areaId, a[i].dimId, azH[h], (int)score, zComment, p->pUser->id);
    }
  }
  feas_summary_free(a, n);
  return rc;
}

static void summary(Buf *b, const FeasDim *a, int n){
  buf_printf(b, "<section class=\"ecx-card\"><h2>%h</h2><table class=\"ecx-table\"><thead><tr><th>%h</th>"
             "<th>n</th><th>%h</th><th>sd</th><th>%h</th><th>%h</th></tr></thead><tbody>\n",
             _("Across areas"), _("dimension"), _("mean"), _("short term"), _("medium term"));
  for(int i=0; i<n; i++){
    buf_printf(b, "<tr><td>%h</td><td>%lld</td>", a[i].zName, (long long)a[i].n);
    if( a[i].n==0 ){ buf_puts(b, "<td>—</td><td>—</td><td>—</td><td>—</td></tr>\n"); continue; }
    buf_printf(b, "<td>%.2f</td>", a[i].mean);
    if( isfinite(a[i].sd) ) buf_printf(b, "<td>%.2f</td>", a[i].sd); else buf_puts(b, "<td>—</td>");
    if( isfinite(a[i].meanShort) ) buf_printf(b, "<td>%.2f</td>", a[i].meanShort); else buf_puts(b, "<td>—</td>");
    if( isfinite(a[i].meanMedium) ) buf_printf(b, "<td>%.2f</td></tr>\n", a[i].meanMedium); else buf_puts(b, "<td>—</td></tr>\n");
  }
  buf_puts(b, "</tbody></table></section>\n");
}

int page_feasibility(HttpReq *p){
  int64_t areaId = page_area(p);
  int canRate = p->pUser->role & (ROLE_ADMIN|ROLE_AREA_LEAD);
  FeasDim *a = 0;
  int n = 0, rc;
  char *zArea = 0;
  Buf *b = &p->body;
  if( p->method==HTTP_POST ){
    char zNext[64];
    if( areaId<=0 ) return http_fail(p, 400, ECX_EINVAL, "area", "%s", _("choose an area"));
    rc = save(p, areaId);
    if( rc ) return http_fail(p, 400, rc, 0, "%s", err_detail());
    snprintf(zNext, sizeof zNext, "/feasibility?area=%lld&saved=1", (long long)areaId);
    return http_redirect(p, zNext);
  }
  if( p->pUser->role==ROLE_AREA_LEAD && areaId<=0 ){
    return http_fail(p, 403, ECX_EPERM, 0, "%s", _("no area is assigned to this account"));
  }
  rc = feas_summary(p->pWs, &a, &n);
  if( rc ) return rc;
  if( areaId>0 ){
    char zId[32];
    snprintf(zId, sizeof zId, "%lld", (long long)areaId);
    if( db_text(p->pWs->pDb, &zArea, "SELECT name FROM area WHERE id=?1", zId) ) zArea = 0;
    err_clear();
  }
  layout_begin(p, _("Feasibility"));
  if( http_query(p, "saved") ) layout_notice(p, "ok", _("Ratings saved."));
  buf_printf(b, "<p>%h</p>\n", _("How feasible is it for the company to deliver each dimension? "
             "1 = not feasible, 5 = fully feasible, at a short (up to a year) and a medium horizon."));
  if( p->pUser->role==ROLE_ADMIN ){
    Stmt *s = 0;
    buf_printf(b, "<form class=\"ecx-filters\" method=\"get\" action=\"/feasibility\"><label>%h <select name=\"area\">", _("Area"));
    if( db_prepare(p->pWs->pDb, &s, "SELECT id, name FROM area ORDER BY name")==ECX_OK ){
      while( db_step(s)==DB_ROW ){
        buf_printf(b, "<option value=\"%lld\"%s>%h</option>", (long long)db_column_int(s, 0),
                   db_column_int(s, 0)==areaId ? " selected" : "", db_column_text(s, 1));
      }
      db_finalize(s);
    }
    buf_printf(b, "</select></label><button type=\"submit\">%h</button></form>\n", _("Apply"));
  }
  if( canRate && zArea ){
    buf_printf(b, "<section class=\"ecx-card\"><h2>%h: %h</h2>\n<form method=\"post\" action=\"/feasibility\">", _("Area"), zArea);
    layout_csrf(p);
    buf_printf(b, "<input type=\"hidden\" name=\"area\" value=\"%lld\">", (long long)areaId);
    buf_printf(b, "<table class=\"ecx-table\"><thead><tr><th>%h</th><th>%h</th><th>%h</th><th>%h</th></tr></thead><tbody>\n",
               _("dimension"), _("short term"), _("medium term"), _("comment"));
    for(int i=0; i<n; i++){
      int sS = 0, sM = 0;
      char *zC = 0, *zC2 = 0, zKey[48];
      feas_get(p->pWs, areaId, a[i].dimId, "short", &sS, &zC);
      feas_get(p->pWs, areaId, a[i].dimId, "medium", &sM, &zC2);
      buf_printf(b, "<tr><td>%h</td><td>", a[i].zName);
      snprintf(zKey, sizeof zKey, "s%lld", (long long)a[i].dimId); score_select(b, zKey, sS);
      buf_puts(b, "</td><td>");
      snprintf(zKey, sizeof zKey, "m%lld", (long long)a[i].dimId); score_select(b, zKey, sM);
      buf_printf(b, "</td><td><input type=\"text\" name=\"c%lld\" value=\"%h\" maxlength=\"2000\"></td></tr>\n",
                 (long long)a[i].dimId, zC2 && zC2[0] ? zC2 : zC ? zC : "");
      free(zC); free(zC2);
    }
    buf_printf(b, "</tbody></table><button type=\"submit\">%h</button></form></section>\n", _("Save"));
  }
  summary(b, a, n);
  layout_end(p);
  free(zArea);
  feas_summary_free(a, n);
  return ECX_OK;
}
