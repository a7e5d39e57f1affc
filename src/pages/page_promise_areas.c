/*
** /promise/ID/areas: aligning the internal areas (seed 004, step 5): per
** area the promise dimensions it affects, because it owns their KPI or
** rated their feasibility, its ratings and its KPIs' status. An area lead
** sees only its own area.
*/
#include <stdio.h>
#include "promise_int.h"
#include "../base/err.h"
#include "../base/i18n.h"

int promise_areas_page(HttpReq *p, int64_t id){
  PromiseCtx c;
  PromiseArea *a = 0;
  int n = 0, rc = promise_ctx_load(p, id, &c);
  int64_t only = promise_user_area(p);
  Buf t;
  if( rc==ECX_ENOTFOUND ){ err_clear(); return http_redirect(p, "/promise"); }
  if( rc ) return rc;
  rc = promise_areas(p->pWs, &c.pr, &c.ev, only, &a, &n);
  if( rc ){ promise_ctx_free(&c); return rc; }
  buf_init(&t, 1024);
  buf_printf(&t, "%s: %s", only ? _("Your area") : _("Areas"), c.pr.zName);
  layout_begin(p, buf_str(&t));
  buf_free(&t);
  buf_printf(&p->body, "<p class=\"ecx-links\"><a href=\"/promise/%lld\">%h</a></p>\n", (long long)id, _("Back to the promise"));
  buf_printf(&p->body, "<p>%h</p>\n", _("Each area supports the experience the promise seeks: the dimensions whose KPI it owns "
             "and those whose feasibility it rated."));
  promise_areas_view(&p->body, &c.ev, a, n);
  layout_end(p);
  promise_areas_free(a, n);
  promise_ctx_free(&c);
  return ECX_OK;
}
