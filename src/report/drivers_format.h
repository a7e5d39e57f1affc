/*
** Writing a key-driver analysis (engine/drivers.h) as an aligned text
** table, CSV (one row per predictor) or JSON. docs/drivers.md.
*/
#ifndef ECX_DRIVERS_FORMAT_H
#define ECX_DRIVERS_FORMAT_H

#include <stdint.h>
#include "report.h"
#include "../engine/drivers.h"

/* What the analysis was asked, for the heading. Strings may be NULL. */
typedef struct DriversShow {
  const char *zTitle;        /* organization name */
  const char *zWhere, *zSegment, *zFrom, *zTo;
  ReportFormat format;
} DriversShow;

/* What a caller asks of an analysis (the options of `ecx drivers`, the
** parameters of /api/v1/drivers). NULL or "" strings are defaults: outcome
** "nps", every dimension as predictor, no filter. */
typedef struct DriversAsk {
  const char *zOutcome, *zPredictors, *zSegment, *zWhere, *zFrom, *zTo;
  const char *zFromOpt, *zToOpt;   /* names of the date options, for messages */
  const char *zScope;              /* the reader's scope filter, or NULL (report_where_scoped) */
  int pairwise, nBoot;
  uint64_t seed;
} DriversAsk;

/* Resolve an ask against the cube into *pSpec: metric indexes in aiPred
** (room for DRIVERS_MAX_PRED), the filter compiled into *pW (free it with
** cube_where_free(), also after a failure). ECX_EINVAL with a message for
** an unknown metric or a bad filter or date. */
int drivers_prepare(const Cube *pCube, const DriversAsk *pA, DriversSpec *pSpec, int *aiPred, CubeWhere *pW);

/* Append the result to pOut. ECX_ETOOBIG if pOut's bound is reached. */
int drivers_format(const Cube *pCube, const DriversResult *pR, const DriversShow *pShow, Buf *pOut);

#endif
