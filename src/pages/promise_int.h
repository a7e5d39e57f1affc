/*
** Internals shared by the promise pages (page_promise*.c, promise_*.c).
*/
#ifndef ECX_PROMISE_INT_H
#define ECX_PROMISE_INT_H

#include "pages.h"
#include "../frameworks/promise.h"
#include "../frameworks/promise_kpi.h"

/* The criteria table (rank, dimension, the three criteria raw and
** normalized, composite, recommended, reasons); rows of chosen dimensions
** (azDim, nDim; may be 0) are marked. */
void promise_criteria_table(Buf *b, const PromiseCriteria *pc, char *const *azDim, int nDim);
/* The importance-performance matrix of the candidates (x relevance %,
** y our mean). */
void promise_ipm(Buf *b, const PromiseCriteria *pc);
/* Compute the criteria for a promise's target and weights; on failure a
** notice on the page and *pOk = 0. */
void promise_page_criteria(HttpReq *p, const Cube *pC, const Promise *pr, PromiseCriteria *pc, int *pOk);
/* GET /promise/ID/print. */
int promise_print(HttpReq *p, int64_t id);

/* A promise loaded for a page (promise_ctx.c): its latest version, the
** cube, its KPIs and their evaluation. ECX_ENOTFOUND when there is no such
** promise. Free with promise_ctx_free(). */
typedef struct PromiseCtx {
  Promise pr;
  const Cube *pC;
  PromiseKpi *aKpi;
  int nKpi;
  PromiseEval ev;
} PromiseCtx;
int promise_ctx_load(HttpReq *p, int64_t id, PromiseCtx *c);
void promise_ctx_free(PromiseCtx *c);
/* The area whose view an area lead sees (its own; -1 when it has none), or
** 0 (every area) for the other roles. */
int64_t promise_user_area(const HttpReq *p);

/* Views of the evaluated promise (promise_kpi_view.c). */
const char *promise_status_class(KpiStatus s);
/* The KPI table: metric, target, owner, window, value [CI], n, status, trend. */
void promise_kpi_table(Buf *b, const PromiseEval *e);
/* The touchpoint x dimension matrix (chart and table with n and CI). */
void promise_matrix_view(Buf *b, const PromiseEval *e);
/* The alerts as a list with the figures that triggered them, each led by
** the promise's name and link when withName; "no alerts" when none. */
void promise_alerts_view(Buf *b, const PromiseEval *e, const Promise *pr, int withName);
/* Each area's dimensions, ratings and KPIs. */
void promise_areas_view(Buf *b, const PromiseEval *e, const PromiseArea *a, int n);

/* Subpages of /promise/ID and the alerts list. */
int promise_kpi_page(HttpReq *p, int64_t id);       /* GET/POST /promise/ID/kpis */
int promise_matrix_page(HttpReq *p, int64_t id);    /* GET /promise/ID/touchpoints */
int promise_areas_page(HttpReq *p, int64_t id);     /* GET /promise/ID/areas */
int promise_alerts_page(HttpReq *p);                /* GET /promise/alerts */

#endif
