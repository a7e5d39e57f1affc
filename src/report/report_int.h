/*
** Internals shared by report.c (computing) and report_format.c (writing).
*/
#ifndef ECX_REPORT_INT_H
#define ECX_REPORT_INT_H

#include "report.h"

#define REPORT_MAX_FIG 64

typedef struct ReportRow {
  char *azKey[CUBE_MAX_BY];  /* labels of the group's keys (owned) */
  int64_t nRows;             /* responses in the group */
  const int64_t *aHist;      /* the group's histograms */
  const int64_t *aPrev;      /* the previous period's, or NULL */
  int64_t nPrevRows;
  int64_t aKey[CUBE_MAX_BY]; /* the group's cube keys */
  unsigned char hidden;      /* the whole group is suppressed (report_suppress) */
  unsigned char aHide[REPORT_MAX_FIG];      /* figure suppressed */
  unsigned char aHidePrev[REPORT_MAX_FIG];  /* the previous period's figure may not be revealed */
} ReportRow;

typedef struct ReportData {
  const Cube *pCube;
  const ReportSpec *pSpec;
  int nBy;
  CubeBy aBy[CUBE_MAX_BY];        /* the groupings (periods among them) */
  const char *azBy[CUBE_MAX_BY];  /* grouping names */
  int nFig;
  Figure aFig[REPORT_MAX_FIG];
  int64_t nRow;
  ReportRow *aRow;                /* the overall row first, then the groups */
  int hasCompare;
} ReportData;

/* Append the report to pOut in the spec's format. */
int report_write(const ReportData *pD, Buf *pOut);

#endif
