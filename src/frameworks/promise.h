/*
** The experience promise (seed 004): whom (a target segment: an existing
** segment or a filter over respondent attributes), for what (aspirations:
** short texts), how (3 to 5 experience dimensions) and a tagline.
**
** Candidate dimensions are scored on the seed's three criteria:
**   relevance        Shapley share of the NPS R² in the target segment (%);
**   differentiation  (our mean - best competitor's mean) / pooled sd, the
**                    best competitor being the one with the highest mean
**                    among those with at least min_n ratings;
**   feasibility      mean of the areas' 1-5 ratings (both horizons).
** Each is normalized to 0-100 across the candidates (min-max; all equal
** gives 50; a missing value stays missing), and the composite is their
** weighted mean over the criteria present (weights renormalized). The top 3
** are recommended, and the 4th and 5th too when their composite is within
** PROMISE_NEAR points of the 3rd's. docs/promise.md.
**
** Ownership: PromiseCriteria is freed with promise_criteria_free(); a
** Promise with promise_clear().
*/
#ifndef ECX_PROMISE_H
#define ECX_PROMISE_H

#include <stdint.h>
#include "../base/buf.h"
#include "../engine/cube.h"
#include "../model/workspace.h"

#define PROMISE_MIN_DIM 3
#define PROMISE_MAX_DIM 5
#define PROMISE_MAX_ASP 10
#define PROMISE_NEAR 10.0

typedef struct PromiseWeights { double rel, dif, fea; } PromiseWeights;

typedef struct PromiseCand {
  int iMet;
  const char *zName;        /* the cube's string */
  double rel, relPct;       /* Shapley raw share and % of R² */
  double ourMean;
  double dif;               /* standardized difference; NaN without competitor data */
  const char *zBest;        /* best competitor (cube's string), or NULL */
  int difSig, difDir;       /* Welch significant; sign of ours - best */
  double fea, feaShort, feaMedium;  /* NaN when not rated */
  int64_t nFea;
  double nRel, nDif, nFea2; /* normalized 0..100, NaN when missing */
  double composite;         /* NaN when every criterion is missing */
  int rank;                 /* 1 = best composite */
  int recommended;
} PromiseCand;

typedef struct PromiseCriteria {
  int n;
  PromiseCand *a;           /* in cube order */
  double r2;                /* of the drivers model, NaN if it failed */
  int64_t nDrivers;         /* responses the drivers model used */
  char *zRelNote;           /* why relevance is missing (drivers error), or NULL */
  PromiseWeights w;
} PromiseCriteria;

/* Min-max normalization of a (n) to 0..100 into aOut; NaN stays NaN; when
** every finite value is equal they all get 50. */
void promise_normalize(int n, const double *a, double *aOut);
/* Weighted mean of the non-NaN values among (r, d, f) with the weights
** renormalized over them; NaN when none is present or their weights add
** to 0. */
double promise_composite(double r, double d, double f, const PromiseWeights *pW);
/* ECX_OK when n is within 3..5; otherwise ECX_EINVAL with the seed's reason. */
int promise_check_count(int n);
/* Ranks by composite (NaN last) and marks the recommended set. */
void promise_rank(int n, PromiseCand *a);
/* Parse "R,D,F" (non-negative numbers, not all 0) into *pW. */
int promise_parse_weights(const char *z, PromiseWeights *pW);

/* Score every rated dimension of the cube for the target given by the
** filter (zSegment and zWhere may be NULL). The relevance needs an "nps"
** metric; when the drivers model cannot be fitted, relevance is missing and
** zRelNote says why (the other criteria are still computed). */
int promise_criteria(const Cube *pC, Workspace *pWs, const char *zSegment, const char *zWhere,
                     const PromiseWeights *pW, int minN, PromiseCriteria *pOut);
void promise_criteria_free(PromiseCriteria *p);
/* Compile a promise's target (zWhere and segment=zSegment; either may be
** NULL or "") against the cube; free with cube_where_free(). */
int promise_target_where(const Cube *pC, const char *zSegment, const char *zWhere, CubeWhere *pW);
/* The reasons of a candidate as one line of text ("alta relevancia,
** ventaja frente a X, factible a corto plazo"), translated. */
void promise_reasons(const PromiseCand *c, Buf *pOut);

/* ---- A stored promise (promise_store.c). ---- */
typedef struct Promise {
  int64_t id;
  int version;              /* the version read, or written by promise_save */
  int64_t userId, ts;       /* who saved that version, when */
  char *zAuthor;            /* that user's login ("" for the command line) */
  char *zName, *zSegment, *zWhere, *zTagline;
  int nAsp; char *azAsp[PROMISE_MAX_ASP];
  int nDim; char *azDim[PROMISE_MAX_DIM + 1];
  PromiseWeights w;
} Promise;

void promise_clear(Promise *p);
/* Check a promise before saving: a name, 3..5 distinct dimensions of the
** workspace, the segment (if any) exists; ECX_EINVAL with a message. */
int promise_validate(Workspace *pWs, const Promise *p);
/* Validate and save as a new version (p->id 0: a new promise); sets p->id
** and p->version; writes an audit row. */
int promise_save(Workspace *pWs, Promise *p, int64_t userId);
/* Load version `version` (0: the latest) of promise id. */
int promise_load(Workspace *pWs, int64_t id, int version, Promise *p);
/* The promise as JSON / from JSON (the promise_version.json column). */
int promise_to_json(const Promise *p, Buf *pOut);
int promise_from_json(const char *z, Promise *p);
/* Call xRow for each version of promise id, newest first, with who saved
** it ("" for the command line) and when. */
int promise_versions(Workspace *pWs, int64_t id,
                     int (*xRow)(void *pArg, int version, int64_t ts, const char *zAuthor), void *pArg);
/* Call xRow for each promise's latest version, newest first. */
int promise_each(Workspace *pWs, int (*xRow)(void *pArg, const Promise *p), void *pArg);

#endif
