/*
** /promise/ID/touchpoints: tangibilizing the promise at the touchpoints
** (seed 004, step 4): each promise dimension's KPI measured at each
** touchpoint over the promise's target, coloured against its target, with
** n and the 95% interval per cell, and the cells that raise an alert.
*/
#include <stdio.h>
#include "promise_int.h"
#include "../base/err.h"
#include "../base/i18n.h"

int promise_matrix_page(HttpReq *p, int64_t id){
  PromiseCtx c;
  Buf t;
  int rc = promise_ctx_load(p, id, &c);
  if( rc==ECX_ENOTFOUND ){ err_clear(); return http_redirect(p, "/promise"); }
  if( rc ) return rc;
  buf_init(&t, 1024);
  buf_printf(&t, "%s: %s", _("Touchpoints"), c.pr.zName);
  layout_begin(p, buf_str(&t));
  buf_free(&t);
  buf_printf(&p->body, "<p class=\"ecx-links\"><a href=\"/promise/%lld\">%h</a><a href=\"/promise/%lld/kpis\">%h</a></p>\n",
             (long long)id, _("Back to the promise"), (long long)id, _("KPIs"));
  buf_printf(&p->body, "<p>%h: %h%s%h</p>\n", _("Whom"), c.pr.zSegment[0] ? c.pr.zSegment : _("All respondents"),
             c.pr.zWhere[0] ? " · " : "", c.pr.zWhere);
  buf_printf(&p->body, "<section class=\"ecx-card\"><h2>%h</h2>\n", _("Touchpoints × promise dimensions"));
  promise_matrix_view(&p->body, &c.ev);
  buf_printf(&p->body, "</section>\n<section class=\"ecx-card\"><h2>%h</h2>\n", _("Alerts"));
  promise_alerts_view(&p->body, &c.ev, &c.pr, 0);
  buf_puts(&p->body, "</section>\n");
  layout_end(p);
  promise_ctx_free(&c);
  return ECX_OK;
}
