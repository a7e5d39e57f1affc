/*
** Writing a key-driver analysis (engine/drivers.h) as an aligned text
** table, CSV (one row per predictor) or JSON. docs/drivers.md.
*/
#ifndef ECX_DRIVERS_FORMAT_H
#define ECX_DRIVERS_FORMAT_H

#include "report.h"
#include "../engine/drivers.h"

/* What the analysis was asked, for the heading. Strings may be NULL. */
typedef struct DriversShow {
  const char *zTitle;        /* organization name */
  const char *zWhere, *zSegment, *zFrom, *zTo;
  ReportFormat format;
} DriversShow;

/* Append the result to pOut. ECX_ETOOBIG if pOut's bound is reached. */
int drivers_format(const Cube *pCube, const DriversResult *pR, const DriversShow *pShow, Buf *pOut);

#endif
