/*
** The competitor benchmark page (/benchmark): per dimension our mean and
** each competitor's with 95% intervals, the difference ours - competitor
** with its Welch interval, marked when significant. Filters as GET
** parameters, the same as the dashboards.
*/
#include <math.h>
#include <string.h>
#include "pages.h"
#include "dashboard.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../report/bench_format.h"

static void cell(Buf *b, const BenchCell *c, int minN, int isOurs){
  if( c->m.n<minN || c->m.n<2 ){
    buf_printf(b, "<td>&lt; %d</td><td colspan=\"%d\" class=\"ecx-suppressed\">%h</td>", minN, isOurs ? 2 : 3, _("suppressed"));
    return;
  }
  buf_printf(b, "<td>%lld</td><td>%.2f</td><td>[%.2f, %.2f]</td>", (long long)c->m.n, c->e.value, c->e.lo, c->e.hi);
  if( isOurs ) return;
  if( !c->c.ok ){ buf_puts(b, "<td></td>"); return; }
  buf_printf(b, "<td class=\"%s\">%s%.2f [%.2f, %.2f]%s</td>",
             !c->c.significant ? "ecx-mid" : c->c.diff>0 ? "ecx-good" : "ecx-bad",
             c->c.diff>=0 ? "+" : "", c->c.diff, c->c.lo, c->c.hi, c->c.significant ? " *" : "");
}

int page_benchmark(HttpReq *p){
  const Cube *pC = 0;
  DashParams d;
  BenchResult res;
  Buf body;
  int rc = http_cube(p, &pC), minN;
  if( rc ) return rc;
  memset(&d, 0, sizeof d);
  d.zWhere = http_query(p, "where");
  d.zSegment = http_query(p, "segment");
  d.zFrom = http_query(p, "from");
  d.zTo = http_query(p, "to");
  d.zBase = "/benchmark";
  minN = ws_min_n(p->pWs);
  buf_init(&body, HTTP_MAX_RESPONSE);
  dash_filter_form(&body, pC, &d);
  rc = bench_query(pC, d.zWhere, d.zSegment, d.zFrom, d.zTo, minN, &res);
  if( rc==ECX_OK ){
    buf_printf(&body, "<section class=\"ecx-card\"><table class=\"ecx-table\"><thead><tr><th>%h</th><th>%h</th>"
               "<th>n</th><th>%h</th><th>%h</th><th>%h</th></tr></thead><tbody>\n",
               _("dimension"), _("brand"), _("mean"), _("95% CI"), _("ours - brand (Welch 95% CI)"));
    for(int k=0; k<res.nDim; k++){
      const BenchDim *pD = &res.aDim[k];
      buf_printf(&body, "<tr><th>%h</th><td>%h</td>", pC->aMet[pD->iMet].zName, _("ours"));
      cell(&body, &pD->ours, minN, 1);
      buf_puts(&body, "<td></td></tr>\n");
      for(int c=0; c<res.nComp; c++){
        if( pD->aComp[c].m.n==0 ) continue;
        buf_printf(&body, "<tr><td></td><td>%h</td>", res.azComp[c]);
        cell(&body, &pD->aComp[c], minN, 0);
        buf_puts(&body, "</tr>\n");
      }
    }
    buf_printf(&body, "</tbody></table><p>%h</p></section>\n", _("* the difference is significant at 95% (Welch t)"));
    if( res.nComp==0 ) buf_printf(&body, "<p class=\"notice\">%h</p>\n", _("No competitor ratings yet: import a benchmark survey."));
    bench_result_free(&res);
  }
  {
    char *zMsg = rc ? http_strdup(p, err_detail()) : 0;
    layout_begin(p, _("Competitor benchmark"));
    if( zMsg ){ http_set_status(p, 400); layout_notice(p, "error", zMsg); }
  }
  buf_append(&p->body, buf_str(&body), body.n);
  layout_end(p);
  buf_free(&body);
  return ECX_OK;
}
