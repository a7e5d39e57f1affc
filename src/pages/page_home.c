/*
** / : a placeholder overview with the overall report figures (NPS, CSAT,
** CES, dimensions) and their 95% intervals. The real dashboards replace it.
*/
#include <math.h>
#include <stdint.h>

#include "pages.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../report/report.h"

int page_home(HttpReq *p){
  const Cube *pCube = 0;
  CubeResult res = {0};
  CubeQuery q = {0};
  Figure aFig[64];
  int rc = http_cube(p, &pCube);
  if( rc ) return rc;
  int minN = ws_min_n(p->pWs);
  q.dayFrom = INT64_MIN;
  q.dayTo = INT64_MAX;
  rc = cube_query(pCube, &q, &res);
  if( rc ) goto out;
  layout_begin(p, _("Overview"));
  if( res.nGroup==0 ){
    layout_notice(p, "", _("No responses yet. Import survey data with the ecx command line."));
  }else{
    int nFig = report_figures(pCube, aFig, (int)(sizeof aFig / sizeof aFig[0]));
    buf_printf(&p->body, "<p class=\"muted\">%h: %lld</p>\n<div class=\"figures\">\n",
               _("Responses"), (long long)res.aRows[0]);
    for(int i = 0; i < nFig; i++){
      Estimate e;
      report_estimate(&aFig[i], res.aHist, &e);
      int nDec = aFig[i].kind==FIG_MEAN ? 2 : 1;
      buf_printf(&p->body, "<div class=\"figure\"><div class=\"label\">%h</div>", aFig[i].zLabel);
      if( e.n < minN || !e.ok || isnan(e.value) ){
        buf_printf(&p->body, "<div class=\"value muted\">—</div><div class=\"n\">n = %lld (%h %d)</div>",
                   (long long)e.n, _("fewer than"), minN);
      }else{
        buf_printf(&p->body, nDec==1
          ? "<div class=\"value\">%.1f</div><div class=\"ci\">95%%: %.1f – %.1f</div>"
          : "<div class=\"value\">%.2f</div><div class=\"ci\">95%%: %.2f – %.2f</div>",
          e.value, e.lo, e.hi);
        buf_printf(&p->body, "<div class=\"n\">n = %lld</div>", (long long)e.n);
      }
      buf_printf(&p->body, "</div>\n");
    }
    buf_printf(&p->body, "</div>\n");
  }
  layout_end(p);
out:
  cube_result_free(&res);
  return rc;
}
