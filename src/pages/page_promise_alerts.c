/*
** /promise/alerts: every promise's KPIs and touchpoint cells that are
** significantly below their target, with the figures that triggered them.
*/
#include "promise_int.h"
#include "../base/err.h"
#include "../base/i18n.h"

typedef struct AlertsCtx { HttpReq *p; const Cube *pC; Buf *b; int nAlert; } AlertsCtx;

static int one_promise(void *pArg, const Promise *pr){
  AlertsCtx *x = pArg;
  PromiseKpi *a = 0;
  PromiseEval e;
  int n = 0, rc = promise_kpi_list(x->p->pWs, pr, &a, &n);
  if( rc==ECX_OK ) rc = promise_eval(x->pC, x->p->pWs, pr, a, n, ws_min_n(x->p->pWs), &e);
  if( rc==ECX_OK ){
    promise_alerts_view(x->b, &e, pr, 1);
    x->nAlert += e.nAlert;
    promise_eval_free(&e);
  }else if( rc==ECX_EINVAL || rc==ECX_ENOTFOUND ){
    /* A promise whose target no longer compiles (a renamed attribute): say so, go on. */
    buf_printf(x->b, "<p class=\"notice bad\"><a href=\"/promise/%lld\">%h</a>: %h</p>\n", (long long)pr->id,
               pr->zName, err_detail());
    err_clear();
    rc = ECX_OK;
  }
  promise_kpi_list_free(a, n);
  return rc;
}

int promise_alerts_page(HttpReq *p){
  AlertsCtx x = {p, 0, 0, 0};
  Buf b;
  int rc = http_cube(p, &x.pC);
  if( rc ) return rc;
  buf_init(&b, HTTP_MAX_RESPONSE);
  x.b = &b;
  rc = promise_each(p->pWs, one_promise, &x);
  if( rc ){ buf_free(&b); return rc; }
  layout_begin(p, _("Promise alerts"));
  buf_printf(&p->body, "<p>%h</p>\n", _("KPIs and touchpoints significantly below target: the whole 95% interval lies "
             "under the target."));
  if( x.nAlert==0 ) layout_notice(p, "ok", _("No alerts: nothing is significantly below its target."));
  buf_append(&p->body, buf_str(&b), b.n);
  layout_end(p);
  buf_free(&b);
  return ECX_OK;
}
