/*
** Reports: the metrics of the cube, overall and by groups, with n, 95%
** confidence intervals, small-group suppression and changes against the
** previous period, written as an aligned table, CSV or JSON.
**
** Every report is "tidy": one row per group and figure. The figures are
** NPS (nps), CSAT top-2-box share (csat), CES mean (ces) and share agreeing
** 5-7 (ces_agree), and the mean of every dimension. docs/report.md.
*/
#ifndef ECX_REPORT_H
#define ECX_REPORT_H

#include "../base/buf.h"
#include "../engine/cube.h"

typedef enum { REPORT_TABLE, REPORT_CSV, REPORT_JSON } ReportFormat;

typedef struct ReportSpec {
  const char *zBy;          /* comma-separated groupings, or NULL */
  const char *zWhere;       /* filter expression (filter.h), or NULL */
  const char *zSegment;     /* shorthand for segment=NAME, or NULL */
  const char *zFrom, *zTo;  /* date range (inclusive days), or NULL */
  int comparePrevious;      /* add the change against the previous period */
  int minN;                 /* groups and figures with fewer are suppressed */
  ReportFormat format;
  const char *zTitle;       /* organization name for the heading, or NULL */
  const char *zMetrics;     /* comma-separated figure ids to show, or NULL for all */
  const char *zScope;       /* the reader's scope (a filter that always holds and
                            ** that the guard never drops), or NULL */
} ReportSpec;

typedef enum { FIG_NPS, FIG_SHARE, FIG_MEAN } FigureKind;

/* One figure of a report: which metric, and how it is summarized. */
typedef struct Figure {
  int iMet;
  FigureKind kind;
  int xMin;                 /* FIG_SHARE: answers >= xMin count as hits */
  const char *zId;          /* stable id ("nps", "csat", a dimension) */
  const char *zLabel;       /* label for people (translated) */
} Figure;

/* The figures the cube can report, in report order; returns how many were
** written to aFig (at most nMax). Strings belong to the cube or are static. */
int report_figures(const Cube *pCube, Figure *aFig, int nMax);
/* Estimate of figure f from a group's histograms (nMet*CUBE_HIST counts);
** aHist NULL stands for a group without rows (n = 0). */
void report_estimate(const Figure *f, const int64_t *aHist, Estimate *pE);
/* Change of figure f between two groups' histograms. */
void report_change(const Figure *f, const int64_t *aNow, const int64_t *aBefore, Change *pC);

/* Compile a --where filter and a --segment shorthand (either may be NULL)
** against the cube; free with cube_where_free(). */
int report_where_compile(const Cube *pCube, const char *zWhere, const char *zSegment, CubeWhere *pW);
/* The same with a scope filter zScope (NULL for none) in front, its terms
** counted in pW->nFixed. Errors name what the user wrote, not the scope. */
int report_where_scoped(const Cube *pCube, const char *zScope, const char *zWhere, const char *zSegment,
                        CubeWhere *pW);
/* Day number of the date z (YYYY-MM-DD or DD/MM/YYYY); ECX_EINVAL naming
** the option zOpt if it is not a date. */
int report_parse_day(const char *z, const char *zOpt, int64_t *pDay);
/* Append "filters: segment=S WHERE >= FROM <= TO" and a newline when any
** of them is set (each may be NULL). */
void report_filters_line(Buf *pOut, const char *zWhere, const char *zSegment,
                         const char *zFrom, const char *zTo);

/* The differencing guard (guard.c): ECX_ESMALL with a message when
** dropping one condition of pQ's filter (a where term or a date bound) would
** add between 1 and minN - 1 responses. */
int report_guard(const Cube *pCube, const CubeQuery *pQ, int minN);

/* Complementary suppression (suppress.c) of nGroup groups with nBy keys
** each (aKey, nGroup*nBy; aBy says which keys are periods: months and
** quarters are also checked within each quarter and year; NULL for none),
** their response counts and histograms: aGroup[g]
** is set when group g must be hidden (under minN, or needed to keep the
** hidden groups of a row, column or the whole table from adding up to
** fewer than minN), aCell[g*nFig + f] when figure f of group g must be
** (the group is hidden, the figure has fewer than minN answers, or again to
** keep hidden answers from adding up to fewer than minN). The caller
** allocates both arrays. */
int report_suppress(int64_t nGroup, int nBy, const CubeBy *aBy, const int64_t *aKey, const int64_t *aRows,
                    const int64_t *const *aaHist, const Figure *aFig, int nFig, int minN,
                    unsigned char *aGroup, unsigned char *aCell);

/* Compute the report and append it to pOut. ECX_EINVAL (with a message)
** for a bad grouping, filter or date. */
int report_run(const Cube *pCube, const ReportSpec *pSpec, Buf *pOut);

#endif
