/*
** Internals shared by the dashboard page files.
*/
#ifndef ECX_DASH_INT_H
#define ECX_DASH_INT_H

#include "dashboard.h"
#include "../report/report.h"

#define MAX_FIG 64

/* A cube query with a page's filters; free with dq_free(). */
typedef struct DashQuery {
  CubeQuery q;
  CubeWhere where;
  Figure aFig[MAX_FIG];
  int nFig;
} DashQuery;

int dq_init(DashQuery *d, const Cube *pC, const DashParams *pP);
void dq_free(DashQuery *d);
/* Complementary suppression (report_suppress) of the groups of a result
** for the figures aFig: *paGroup (nGroup) and *paCell (nGroup*nFig), which
** the caller frees. */
void dash_suppress(const CubeResult *pR, const Figure *aFig, int nFig, int minN,
                   unsigned char **paGroup, unsigned char **paCell);
/* The "Download CSV" link of a page's table. */
void dash_csv_link(Buf *p, const DashParams *pP);

#endif
