/*
** Feasibility ratings (seed 004, third criterion): each internal area rates
** how feasible it is for the company to deliver each experience dimension,
** at a short or medium horizon, from 1 (not feasible) to 5 (fully
** feasible), with a comment. One rating per (area, dimension, horizon): a
** new rating replaces the old. docs/promise.md.
*/
#ifndef ECX_FEASIBILITY_H
#define ECX_FEASIBILITY_H

#include <stdint.h>
#include "../model/workspace.h"

/* Store a rating (replacing one for the same area, dimension, horizon) and
** an audit row "feasibility_set", in one transaction. zHorizon is "short"
** or "medium"; score 1..5. ECX_EINVAL with a message otherwise;
** ECX_ENOTFOUND for an unknown area or dimension. */
int feas_set(Workspace *pWs, int64_t areaId, int64_t dimId, const char *zHorizon,
             int score, const char *zComment, int64_t userId);

/* Spread of the ratings of one dimension across areas. */
typedef struct FeasDim {
  int64_t dimId;
  char *zName;
  int64_t n, nShort, nMedium;   /* ratings: all, short, medium */
  double mean, sd;              /* over every rating; NaN when none (sd: n < 2) */
  double meanShort, meanMedium; /* NaN when none */
} FeasDim;

/* Every dimension (by name order) with its ratings' summary. *paOut is
** freed with feas_summary_free(). */
int feas_summary(Workspace *pWs, FeasDim **paOut, int *pnOut);
void feas_summary_free(FeasDim *a, int n);

/* One area's current rating of a dimension at a horizon: *pScore 0 and
** *pzComment NULL when none. *pzComment freed by the caller. */
int feas_get(Workspace *pWs, int64_t areaId, int64_t dimId, const char *zHorizon,
             int *pScore, char **pzComment);

/* One stored rating. */
typedef struct FeasRating {
  int64_t areaId, dimId;
  char *zArea, *zDim, *zHorizon, *zComment;
  int score;
  int64_t ts;
} FeasRating;

/* The ratings of one area (areaId > 0) or of every area (0), by area and
** dimension name. *paOut is freed with feas_list_free(). */
int feas_list(Workspace *pWs, int64_t areaId, FeasRating **paOut, int *pnOut);
void feas_list_free(FeasRating *a, int n);

#endif
