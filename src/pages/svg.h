/*
** SVG charts drawn by ecx for its pages: a trend line with its confidence
** band, horizontal bars with confidence whiskers, and a heatmap. Output is
** self-contained SVG markup (no scripts, no external resources) appended to
** a Buf; every text goes through HTML escaping. Colours come from CSS
** classes (ecx-good, ecx-bad, ecx-mid, ecx-band, ecx-line, ecx-axis...) so
** that the stylesheet and the print stylesheet decide them, except heatmap
** cells, whose fill is computed on a diverging scale.
**
** Values that are NaN are not drawn (a gap in a line, no bar, a hatched
** "suppressed" cell), so suppressed or missing figures never look like zero.
*/
#ifndef ECX_SVG_H
#define ECX_SVG_H

#include "../base/buf.h"

typedef struct SvgTrend {
  const char *zTitle;        /* accessible name (<title>) */
  int n;                     /* points */
  const char *const *azX;    /* n labels along the x axis (periods) */
  const double *aY;          /* n values; NaN = no value */
  const double *aLo, *aHi;   /* n interval bounds, or NULL for no band */
  double yMin, yMax;         /* axis range; both NaN for automatic */
  double target;             /* a horizontal target line, or NaN */
  int width, height;         /* pixels of the viewBox */
} SvgTrend;

typedef struct SvgBars {
  const char *zTitle;
  int n;
  const char *const *azLabel;
  const double *aY;
  const double *aLo, *aHi;   /* or NULL */
  const int *aTone;          /* n tones: 1 good, -1 bad, 0 neutral; or NULL to
                             ** compare with reference */
  double reference;          /* bars above are "good", below "bad"; NaN: all neutral */
  double xMin, xMax;         /* both NaN for automatic */
  int decimals;              /* for the value labels */
  int width;                 /* height follows from n */
} SvgBars;

typedef struct SvgHeatmap {
  const char *zTitle;
  int nRow, nCol;
  const char *const *azRow, *const *azCol;
  const double *aValue;      /* nRow*nCol, row-major, on the colour scale; NaN = suppressed or none */
  const double *aShown;      /* the values written in the cells, or NULL for aValue */
  double low, mid, high;     /* colour scale: low = red, mid = neutral, high = green */
  int decimals;
  const unsigned char *aSuppressed;  /* nRow*nCol: 1 where a NaN cell is under the minimum n,
                             ** 2 where it is hidden to protect another cell; or NULL */
  const char *zSuppressed;   /* the text cells marked 1 show ("n < 5") */
  const char *zHidden;       /* the text cells marked 2 show; NULL: as zSuppressed */
} SvgHeatmap;

/* An importance-performance matrix: one point per item at (importance,
** performance), lines at xMid and yMid (NaN: the median of the finite
** values), and a label in each quadrant. A point on a line counts as high.
** Each point's circle carries the class of its quadrant: ecx-q-keep (high
** x, high y), ecx-q-improve (high x, low y), ecx-q-excess (low x, high y),
** ecx-q-low (low, low). Points with a NaN coordinate are not drawn. */
typedef struct SvgQuadrants {
  const char *zTitle;
  int n;
  const char *const *azLabel;
  const double *aX, *aY;     /* importance, performance */
  double xMid, yMid;         /* quadrant lines, or NaN for the medians of the drawn points */
  const char *zXAxis, *zYAxis;  /* axis titles */
  const char *zKeep, *zImprove, *zExcess, *zLow;  /* quadrant labels */
  int width, height;
} SvgQuadrants;

/* Median of the finite values of a (n entries); NaN if there is none. */
double svg_median(int n, const double *a);
/* Quadrant of (x, y) against the lines: 0 keep, 1 improve, 2 excess, 3 low. */
int svg_quadrant(double x, double y, double xMid, double yMid);

int svg_trend(Buf *p, const SvgTrend *pT);
/* The same trend as a sparkline: band, target line and values in a small
** box (default 160 x 40) without axes; every point has its tooltip, the
** last one is larger. */
int svg_sparkline(Buf *p, const SvgTrend *pT);
int svg_quadrants(Buf *p, const SvgQuadrants *pQ);
int svg_bars(Buf *p, const SvgBars *pB);
int svg_heatmap(Buf *p, const SvgHeatmap *pH);
/* The same heatmap with each cell coloured by a CSS class (azClass, nRow*nCol;
** a NULL entry falls back to the colour scale), e.g. a status against a
** target. */
int svg_heatmap_classes(Buf *p, const SvgHeatmap *pH, const char *const *azClass);

#endif
