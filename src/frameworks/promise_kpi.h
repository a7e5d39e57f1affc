/*
** The promise after its definition (seed 004, steps 3 to 5):
**
**   KPIs       one strategic indicator per promise dimension: a metric (the
**              dimension's mean, its top-2-box share, or the NPS, CSAT or
**              CES), a target, an owner area and an optional period of
**              months; its current value over the promise's target segment
**              with n and 95% interval, a trend by month and a status;
**   matrix     touchpoint x promise dimension: each dimension's KPI measured
**              at each touchpoint, against the same target;
**   alerts     every KPI and every matrix cell significantly below target;
**   areas      per internal area the promise dimensions it affects (it owns
**              their KPI or rated their feasibility), with its KPIs' status.
**
** Status of a figure against its target t, with its 95% interval [lo, hi]:
**   no data          fewer than min_n answers (or no interval);
**   below target     hi < t: the interval lies wholly below the target;
**   on target        the estimate reaches the target (value >= t);
**   not significant  value < t <= hi: below, but within the uncertainty.
** Every metric is "higher is better". docs/promise.md.
**
** Window: a KPI's period "YYYY-MM".."YYYY-MM"; without one, the
** PROMISE_KPI_MONTHS months up to the month of the latest response; only a
** "to" month: the PROMISE_KPI_MONTHS months up to it; only a "from" month:
** from it to the latest month.
**
** Ownership: PromiseKpi strings are freed with promise_kpi_clear() (arrays
** from promise_kpi_list() with promise_kpi_list_free()); a PromiseEval with
** promise_eval_free(); PromiseArea arrays with promise_areas_free().
*/
#ifndef ECX_PROMISE_KPI_H
#define ECX_PROMISE_KPI_H

#include <stddef.h>
#include <stdint.h>
#include "promise.h"
#include "../engine/stats.h"

#define PROMISE_KPI_MONTHS 12      /* the default window */
#define PROMISE_KPI_MAX_MONTHS 120 /* the longest period */

typedef enum { KPI_MEAN, KPI_TOP2, KPI_NPS, KPI_CSAT, KPI_CES, KPI_NMETRIC } KpiMetric;
typedef enum { KPI_NO_DATA, KPI_NO_TARGET, KPI_ON_TARGET, KPI_NOT_SIG, KPI_BELOW } KpiStatus;

/* "mean", "top2", "nps", "csat", "ces" (static). */
const char *promise_kpi_metric_name(KpiMetric m);
/* ECX_EINVAL with a message for an unknown name. */
int promise_kpi_metric_parse(const char *z, KpiMetric *pM);
/* For people: "mean (1-5)", "top-2-box %"... translated, static. */
const char *promise_kpi_metric_label(KpiMetric m);
/* A figure as text into a (n bytes): 2 decimals for means (mean, ces), 1
** for percentages and the NPS; "—" when not finite. */
void promise_kpi_format(char *a, size_t n, KpiMetric m, double v);
/* "no_data", "no_target", "on_target", "not_significant", "below_target". */
const char *promise_kpi_status_name(KpiStatus s);
/* Translated words for a status. */
const char *promise_kpi_status_label(KpiStatus s);
/* The status of an estimate against a target (NaN: no target), with the
** rule above. */
KpiStatus promise_kpi_status(const Estimate *pE, double target, int minN);
/* Parse "YYYY-MM" into a month key (year*12 + month - 1); "" gives
** ECX_ENOTFOUND, anything else that is not a month ECX_EINVAL. */
int promise_kpi_month(const char *z, int64_t *pKey);

typedef struct PromiseKpi {
  char *zDim;               /* the promise dimension (a dimension's name) */
  KpiMetric metric;
  double target;
  int64_t areaId;           /* the owner area */
  char *zArea;              /* its name (set by promise_kpi_list) */
  char *zFrom, *zTo;        /* the period's months "YYYY-MM", or "" */
  int64_t userId, ts;       /* who set it, when */
} PromiseKpi;

void promise_kpi_clear(PromiseKpi *k);
/* Check k: a dimension of pr, a target in the metric's range (mean 0-10,
** top2 and csat 0-100, nps -100..100, ces 1-7), an existing area, months
** from <= to at most PROMISE_KPI_MAX_MONTHS apart. ECX_EINVAL (or
** ECX_ENOTFOUND for the area) with a message. */
int promise_kpi_check(Workspace *pWs, const Promise *pr, const PromiseKpi *k);
/* Check and store (replacing the dimension's KPI) with an audit row
** "promise_kpi_set", in one transaction. */
int promise_kpi_set(Workspace *pWs, const Promise *pr, const PromiseKpi *k, int64_t userId);
/* Remove the KPI of a dimension (audit "promise_kpi_delete"); ECX_ENOTFOUND
** when there is none. */
int promise_kpi_delete(Workspace *pWs, int64_t promiseId, const char *zDim, int64_t userId);
/* The KPIs of pr's current dimensions, in the promise's order (KPIs of
** dimensions a later version dropped are kept but not listed). */
int promise_kpi_list(Workspace *pWs, const Promise *pr, PromiseKpi **paOut, int *pnOut);
void promise_kpi_list_free(PromiseKpi *a, int n);

/* A figure and its status. */
typedef struct KpiValue {
  Estimate e;
  KpiStatus status;
  int hidden;      /* status no data although n >= min_n: shown, it would give
                   ** away a figure under min_n through the total (see below) */
} KpiValue;

/* One promise dimension evaluated. */
typedef struct PromiseDimEval {
  const char *zDim;         /* the promise's string */
  const PromiseKpi *pKpi;   /* its KPI, or NULL: measured by the mean, no target */
  KpiMetric metric;
  double target;            /* NaN without a KPI */
  int iMet;                 /* the cube metric measured, or -1 if the cube has none */
  int64_t monthFrom, monthTo;  /* the window (month keys, inclusive) */
  KpiValue cur;             /* over the window */
  int nMonth;               /* monthTo - monthFrom + 1 */
  KpiValue *aMonth;         /* the trend, one per month of the window */
} PromiseDimEval;

/* An alert: a KPI (iTp = -1) or a matrix cell significantly below target. */
typedef struct PromiseAlert { int iDim, iTp; } PromiseAlert;

typedef struct PromiseEval {
  int minN;
  int nDim;
  PromiseDimEval *aDim;     /* one per promise dimension, in its order */
  int nTp;
  char **azTp;              /* touchpoints (by their position), owned */
  KpiValue *aCell;          /* nTp*nDim, row-major */
  int nAlert;
  PromiseAlert *aAlert;     /* KPIs first, then cells by touchpoint */
} PromiseEval;

/* Evaluate pr's dimensions with the KPIs aKpi (from promise_kpi_list) over
** the promise's target (segment and filter) on the cube: one cube query
** grouped by touchpoint and month. Figures with fewer than minN answers are
** suppressed (status no data), and so are as many more as complementary
** suppression needs (disclosure.h): a KPI's current value is the total of
** its touchpoints' cells and of its months, so in each dimension's column
** of the matrix and in its trend what is hidden adds up to 0 or to at least
** minN answers (those are marked hidden). Touchpoints are ordered by their
** position. */
int promise_eval(const Cube *pC, Workspace *pWs, const Promise *pr, const PromiseKpi *aKpi, int nKpi,
                 int minN, PromiseEval *pOut);
void promise_eval_free(PromiseEval *p);
/* The figure of an alert (the KPI's current value or the cell). */
const KpiValue *promise_alert_value(const PromiseEval *p, const PromiseAlert *a);

/* One promise dimension as an area sees it. */
typedef struct PromiseAreaDim {
  int iDim;                 /* index into the promise's dimensions */
  int ownsKpi;              /* 1 if the area owns this dimension's KPI */
  int feaShort, feaMedium;  /* the area's feasibility ratings, 0 when none */
  char *zComment;           /* its comment, "" when none */
} PromiseAreaDim;

typedef struct PromiseArea {
  int64_t id;
  char *zName;
  int nDim;                 /* the dimensions it affects */
  PromiseAreaDim aDim[PROMISE_MAX_DIM];
  int nKpi, nOn, nBelow, nNotSig;   /* its KPIs and their status */
} PromiseArea;

/* Every area (by name), or only area onlyId when it is not 0, with the
** promise dimensions it affects. */
int promise_areas(Workspace *pWs, const Promise *pr, const PromiseEval *pE, int64_t onlyId,
                  PromiseArea **paOut, int *pnOut);
void promise_areas_free(PromiseArea *a, int n);

#endif
