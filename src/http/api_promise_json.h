/*
** The JSON bodies of the promise API (docs/api.md), parsed strictly
** (unknown fields refused, types checked, bounded) into plain records.
** Pure (no database), so that they can be fuzzed
** (tests/fuzz/fuzz_api_promise.c). On failure each parser returns
** ECX_EINVAL (or ECX_ETOOBIG) with err_detail() set and *pzField naming the
** offending field ("dimensions", "[1].target"), in pArena, or NULL.
*/
#ifndef ECX_API_PROMISE_JSON_H
#define ECX_API_PROMISE_JSON_H

#include <stddef.h>
#include <stdint.h>
#include "../base/arena.h"
#include "../frameworks/promise.h"

#define API_MAX_KPIS     PROMISE_MAX_DIM   /* KPIs in one request */
#define API_MAX_RATINGS  500               /* feasibility ratings in one request */

/* A promise: {"name", "segment", "where", "aspirations":[...],
** "dimensions":[3..5 names], "tagline", "weights":{"relevance",
** "differentiation", "feasibility"}}. The strings of *p are malloc'ed:
** promise_clear() frees them, also after a failure. A dimension count
** outside 3..5 is refused with the seed's reason (field "dimensions"). */
int api_parse_promise(Arena *pArena, const char *z, size_t n, Promise *p, const char **pzField);

/* One KPI of POST /promises/ID/kpis: {"dimension", "metric" (default
** "mean"), "target" (a number; null removes the KPI), "area" (a name or an
** id), "from", "to"}. Strings in the arena. */
typedef struct ApiKpi {
  const char *zDim, *zMetric, *zArea, *zFrom, *zTo;  /* NULL when absent */
  int64_t areaId;           /* when "area" is a number; else 0 */
  int remove;               /* "target": null */
  double target;
} ApiKpi;
/* One object or an array of at most API_MAX_KPIS. */
int api_parse_kpis(Arena *pArena, const char *z, size_t n, ApiKpi **paOut, int *pnOut, const char **pzField);

/* Feasibility ratings: {"area": name or id (optional), "ratings":[{"dimension",
** "horizon": "short"|"medium", "score": 1..5, "comment"}]}. */
typedef struct ApiRating { const char *zDim, *zHorizon, *zComment; int score; } ApiRating;
typedef struct ApiRatings {
  const char *zArea;        /* NULL when absent or a number */
  int64_t areaId;
  int n;
  ApiRating *a;
} ApiRatings;
int api_parse_ratings(Arena *pArena, const char *z, size_t n, ApiRatings *pOut, const char **pzField);

#endif
