/*
** The experience promise as JSON (the API, `ecx promise ... --format json`)
** and as text for the terminal: a stored promise, its criteria and
** recommendation, its KPIs, the touchpoint matrix, the alerts and the
** areas' alignment. Figures carry n, the 95% interval and the status name
** (no_data, no_target, on_target, not_significant, below_target); a
** missing number is null. docs/api.md has the shapes.
*/
#ifndef ECX_PROMISE_FORMAT_H
#define ECX_PROMISE_FORMAT_H

#include "../base/buf.h"
#include "../frameworks/feasibility.h"
#include "../frameworks/promise_kpi.h"

/* {"id", "version", "author", "saved" (ISO time), "name", "segment", "where",
** "aspirations", "dimensions", "tagline", "weights"}. */
int promise_json(Buf *pOut, const Promise *p);
/* {"r2", "n", "relevance_note", "weights", "candidates":[...]} by rank. */
void promise_criteria_json(Buf *pOut, const PromiseCriteria *pc);
/* {"min_n", "kpis":[{"dimension", "has_kpi", "metric", "target", "area",
** "area_id", "from", "to", "window":{"from","to"}, "n", "value", "ci_low",
** "ci_high", "status", "trend":[{"month", "n", "value", ...}]}]}. */
void promise_kpis_json(Buf *pOut, const PromiseEval *e);
/* {"min_n", "dimensions":[{"name","metric","target"}], "touchpoints":[{"name",
** "cells":[{"dimension", "n", "value", "ci_low", "ci_high", "status"}]}]}. */
void promise_matrix_json(Buf *pOut, const PromiseEval *e);
/* The alerts as JSON objects {"promise_id", "promise", "kind" ("kpi" or
** "touchpoint"), "touchpoint", "dimension", "metric", "target", "n",
** "value", "ci_low", "ci_high", "status"}, each preceded by a comma when
** *pnSoFar > 0; *pnSoFar counts them. */
void promise_alerts_json(Buf *pOut, const Promise *p, const PromiseEval *e, int *pnSoFar);
/* {"areas":[{"id", "name", "kpis", "on_target", "not_significant",
** "below_target", "dimensions":[{"dimension", "owns_kpi", "status",
** "value", "feasibility_short", "feasibility_medium", "comment"}]}]}. */
void promise_areas_json(Buf *pOut, const PromiseEval *e, const PromiseArea *a, int n);

/* Feasibility: {"summary":[{"dimension_id", "dimension", "n", "mean", "sd",
** "mean_short", "mean_medium"}], "ratings":[{"area_id", "area",
** "dimension_id", "dimension", "horizon", "score", "comment"}]}. */
void feas_json(Buf *pOut, const FeasDim *aD, int nD, const FeasRating *aR, int nR);
/* The same as text. */
void feas_text(Buf *pOut, const FeasDim *aD, int nD, const FeasRating *aR, int nR);

/* Text tables for the terminal (translated headings). */
void promise_kpis_text(Buf *pOut, const PromiseEval *e);
void promise_matrix_text(Buf *pOut, const PromiseEval *e);
void promise_alerts_text(Buf *pOut, const Promise *p, const PromiseEval *e);
void promise_areas_text(Buf *pOut, const PromiseEval *e, const PromiseArea *a, int n);

#endif
