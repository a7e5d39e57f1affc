/*
** Internals shared by the promise pages (page_promise.c, page_promise_view.c).
*/
#ifndef ECX_PROMISE_INT_H
#define ECX_PROMISE_INT_H

#include "pages.h"
#include "../frameworks/promise.h"

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

#endif
