/*
** Dashboard page bodies: the overview (headline figures and their trend with
** a confidence band), the breakdown of a figure by any grouping, and the
** touchpoint x dimension heatmap. Each writes an HTML fragment (the part
** inside the page layout) computed from the cube, through the escaping
** formatter only. Filters come as the same parameters as `ecx report` and
** travel in GET links, so that a view can be shared by its URL; every table
** shown has a CSV link (the route adds format=csv and calls dash_csv).
**
** Suppressed groups (under min n) are shown as such, never as numbers.
*/
#ifndef ECX_DASHBOARD_H
#define ECX_DASHBOARD_H

#include "../base/buf.h"
#include "../engine/cube.h"

typedef struct DashParams {
  const char *zWhere;    /* filter expression, or NULL */
  const char *zSegment;  /* segment name, or NULL */
  const char *zFrom;     /* dates YYYY-MM-DD, or NULL */
  const char *zTo;
  const char *zBy;       /* breakdown grouping (default touchpoint) */
  const char *zMetric;   /* figure id (default nps) */
  const char *zPeriod;   /* trend period: week, month (default), quarter, year */
  int minN;              /* suppression threshold */
  const char *zBase;     /* path of the page, for links ("/", "/breakdown") */
  /* The verbatims page's own filters (NULL elsewhere). */
  const char *zSearch;      /* words to search ("q") */
  const char *zTouchpoint;  /* one touchpoint's name */
  const char *zChannel;     /* one channel's name */
  const char *zBand;        /* detractors, passives or promoters */
  /* The reader's scope (dash_user_scope in pages.h): a filter added to
  ** every query, never shown in the form or links, never dropped by the
  ** differencing guard; NULL for readers who see everything. */
  const char *zScope;
} DashParams;

/* Page bodies. ECX_EINVAL (with a message) for bad parameters; the caller
** shows it on the page. */
int dash_overview(Buf *p, const Cube *pC, const DashParams *pP);
int dash_breakdown(Buf *p, const Cube *pC, const DashParams *pP);
int dash_heatmap(Buf *p, const Cube *pC, const DashParams *pP);
/* The CSV of a page's table: "overview" (the trend), "breakdown" or "heatmap". */
int dash_csv(Buf *p, const Cube *pC, const DashParams *pP, const char *zPage);

/* The filter form shared by the pages, with the current values filled in
** (the verbatims page adds its search, touchpoint, channel and band). */
void dash_filter_form(Buf *p, const Cube *pC, const DashParams *pP);
/* Append "?k=v&..." with the page's parameters (URL-escaped) and an extra
** pair zKey=zVal (zKey NULL for none). */
void dash_query_string(Buf *p, const DashParams *pP, const char *zKey, const char *zVal);
/* Append the filter clause KEY="VALUE" (quotes doubled inside) to b, after
** ", " when b is not empty. */
void dash_where_clause(Buf *b, const char *zKey, const char *zValue);

#endif
