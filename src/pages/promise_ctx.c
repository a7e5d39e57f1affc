/*
** Loading a promise for its pages (promise_int.h): the latest version, the
** shared cube, the KPIs and their evaluation over the promise's target.
*/
#include <string.h>
#include "promise_int.h"
#include "../base/err.h"

int promise_ctx_load(HttpReq *p, int64_t id, PromiseCtx *c){
  int rc;
  memset(c, 0, sizeof *c);
  rc = promise_load(p->pWs, id, 0, &c->pr);
  if( rc==ECX_OK ) rc = http_cube(p, &c->pC);
  if( rc==ECX_OK ) rc = promise_kpi_list(p->pWs, &c->pr, &c->aKpi, &c->nKpi);
  if( rc==ECX_OK ) rc = promise_eval(c->pC, p->pWs, &c->pr, c->aKpi, c->nKpi, ws_min_n(p->pWs), &c->ev);
  if( rc ) promise_ctx_free(c);
  return rc;
}

void promise_ctx_free(PromiseCtx *c){
  promise_eval_free(&c->ev);
  promise_kpi_list_free(c->aKpi, c->nKpi);
  promise_clear(&c->pr);
  memset(c, 0, sizeof *c);
}

int64_t promise_user_area(const HttpReq *p){
  /* An area lead without an area sees none (-1 matches no area). */
  if( !p->pUser || p->pUser->role!=ROLE_AREA_LEAD ) return 0;
  return p->pUser->areaId>0 ? p->pUser->areaId : -1;
}
