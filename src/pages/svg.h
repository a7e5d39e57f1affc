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
} SvgHeatmap;

int svg_trend(Buf *p, const SvgTrend *pT);
int svg_bars(Buf *p, const SvgBars *pB);
int svg_heatmap(Buf *p, const SvgHeatmap *pH);

#endif
