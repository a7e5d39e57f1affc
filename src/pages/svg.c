/*
** SVG charts (svg.h). Coordinates are computed in doubles and written with
** one decimal; every label is escaped.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "svg.h"
#include "../base/err.h"

/* Format x with nDec decimals into a (size 32). */
static const char *num(char *a, double x, int nDec){
  snprintf(a, 32, "%.*f", nDec, x);
  return a;
}

/* A range [lo, hi] around the finite values of up to three arrays, padded,
** or [0, 1] when there is none. */
static void auto_range(int n, const double *a, const double *b, const double *c,
                       double *pLo, double *pHi){
  double lo = INFINITY, hi = -INFINITY, pad;
  int i;
  for(i=0; i<n; i++){
    if( a && isfinite(a[i]) ){ if( a[i]<lo ) lo = a[i]; if( a[i]>hi ) hi = a[i]; }
    if( b && isfinite(b[i]) ){ if( b[i]<lo ) lo = b[i]; if( b[i]>hi ) hi = b[i]; }
    if( c && isfinite(c[i]) ){ if( c[i]<lo ) lo = c[i]; if( c[i]>hi ) hi = c[i]; }
  }
  if( !isfinite(lo) ){ lo = 0; hi = 1; }
  if( hi-lo<1e-9 ){ lo -= 1; hi += 1; }
  pad = (hi - lo)*0.08;
  *pLo = lo - pad;
  *pHi = hi + pad;
}

/* A step of 1, 2 or 5 times a power of ten giving about five ticks. */
static double tick_step(double lo, double hi){
  double raw = (hi - lo)/5, mag = pow(10, floor(log10(raw))), f = raw/mag;
  return (f<1.5 ? 1 : f<3.5 ? 2 : f<7.5 ? 5 : 10)*mag;
}

static void open_svg(Buf *p, int w, int h, const char *zTitle){
  buf_printf(p, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ecx-chart\" viewBox=\"0 0 %d %d\" "
             "role=\"img\" aria-label=\"%h\"><title>%h</title>\n", w, h, zTitle, zTitle);
}

/* Where a trend's points go: x of point i, y of value v. */
typedef struct TrendFrame { double L, R, T, B, w, h, lo, hi, dx; int n; } TrendFrame;

static double tf_x(const TrendFrame *f, int i){ return f->L + (f->n>1 ? i*f->dx : (f->w - f->L - f->R)/2); }
static double tf_y(const TrendFrame *f, double v){ return f->T + (f->hi - v)/(f->hi - f->lo)*(f->h - f->T - f->B); }

static void tf_init(TrendFrame *f, const SvgTrend *t, double L, double R, double T, double B, double w, double h){
  f->L = L; f->R = R; f->T = T; f->B = B; f->w = w; f->h = h; f->n = t->n;
  f->lo = t->yMin; f->hi = t->yMax;
  if( isnan(f->lo) || isnan(f->hi) ) auto_range(t->n, t->aY, t->aLo, t->aHi, &f->lo, &f->hi);
  if( isfinite(t->target) ){ if( t->target<f->lo ) f->lo = t->target; if( t->target>f->hi ) f->hi = t->target; }
  f->dx = t->n>1 ? (w - L - R)/(t->n - 1) : 0;
}

/* The confidence band (one polygon per run of points with an interval),
** the target line and the line through the values. */
static void tf_band_line(Buf *p, const TrendFrame *f, const SvgTrend *t){
  char a[32], b[32], c[32];
  int i, pen = 0;
  if( t->aLo && t->aHi ){
    for(i=0; i<t->n; ){
      int j = i, k;
      while( j<t->n && isfinite(t->aLo[j]) && isfinite(t->aHi[j]) ) j++;
      if( j>i ){
        buf_puts(p, "<path class=\"ecx-band\" d=\"");
        for(k=i; k<j; k++) buf_printf(p, "%c%s %s ", k==i ? 'M' : 'L', num(a, tf_x(f, k), 1), num(b, tf_y(f, t->aHi[k]), 1));
        for(k=j-1; k>=i; k--) buf_printf(p, "L%s %s ", num(a, tf_x(f, k), 1), num(b, tf_y(f, t->aLo[k]), 1));
        buf_puts(p, "Z\"/>\n");
      }
      i = j>i ? j : i + 1;
    }
  }
  if( isfinite(t->target) ){
    buf_printf(p, "<line class=\"ecx-target\" x1=\"%s\" x2=\"%s\" y1=\"%s\" y2=\"%s\"/>\n",
               num(a, f->L, 1), num(b, f->w - f->R, 1), num(c, tf_y(f, t->target), 1), c);
  }
  buf_puts(p, "<path class=\"ecx-line\" fill=\"none\" d=\"");
  for(i=0; i<t->n; i++){
    if( !isfinite(t->aY[i]) ){ pen = 0; continue; }
    buf_printf(p, "%c%s %s ", pen ? 'L' : 'M', num(a, tf_x(f, i), 1), num(b, tf_y(f, t->aY[i]), 1));
    pen = 1;
  }
  buf_puts(p, "\"/>\n");
}

/* A point's circle with its label, value and interval as a tooltip. */
static void tf_point(Buf *p, const TrendFrame *f, const SvgTrend *t, int i, double r){
  char a[32], b[32], c[32];
  buf_printf(p, "<circle class=\"ecx-point\" cx=\"%s\" cy=\"%s\" r=\"%g\"><title>%h: %s",
             num(a, tf_x(f, i), 1), num(b, tf_y(f, t->aY[i]), 1), r, t->azX[i], num(c, t->aY[i], 1));
  if( t->aLo && isfinite(t->aLo[i]) ){
    buf_printf(p, " [%s, %s]", num(a, t->aLo[i], 1), num(b, t->aHi[i], 1));
  }
  buf_puts(p, "</title></circle>\n");
}

int svg_trend(Buf *p, const SvgTrend *t){
  double w = t->width>0 ? t->width : 720, h = t->height>0 ? t->height : 260, step, y;
  TrendFrame f;
  char a[32], b[32], c[32];
  int i, every;
  tf_init(&f, t, 52, 16, 14, 40, w, h);
  open_svg(p, (int)w, (int)h, t->zTitle);
  step = tick_step(f.lo, f.hi);
  for(y=ceil(f.lo/step)*step; y<=f.hi + 1e-9; y+=step){
    /* One call per element: each number needs its own buffer. */
    buf_printf(p, "<line class=\"ecx-grid\" x1=\"%s\" x2=\"%s\" y1=\"%s\" y2=\"%s\"/>",
               num(a, f.L, 1), num(b, w - f.R, 1), num(c, tf_y(&f, y), 1), c);
    buf_printf(p, "<text class=\"ecx-axis\" x=\"%s\" y=\"%s\" text-anchor=\"end\">%s</text>\n",
               num(a, f.L - 6, 1), num(b, tf_y(&f, y) + 4, 1), num(c, fabs(y)<1e-9 ? 0 : y, step<1 ? 1 : 0));
  }
  tf_band_line(p, &f, t);
  every = t->n>12 ? (t->n + 11)/12 : 1;
  for(i=0; i<t->n; i++){
    if( isfinite(t->aY[i]) ) tf_point(p, &f, t, i, 3);
    if( i%every==0 ){
      buf_printf(p, "<text class=\"ecx-axis\" x=\"%s\" y=\"%s\" text-anchor=\"middle\">%h</text>\n",
                 num(a, tf_x(&f, i), 1), num(b, h - f.B + 18, 1), t->azX[i]);
    }
  }
  buf_puts(p, "</svg>\n");
  return p->overflow ? ECX_ETOOBIG : ECX_OK;
}

int svg_sparkline(Buf *p, const SvgTrend *t){
  double w = t->width>0 ? t->width : 160, h = t->height>0 ? t->height : 40;
  TrendFrame f;
  int i, last = -1;
  tf_init(&f, t, 3, 3, 3, 3, w, h);
  buf_printf(p, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ecx-spark\" viewBox=\"0 0 %d %d\" "
             "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%h\"><title>%h</title>\n",
             (int)w, (int)h, (int)w, (int)h, t->zTitle, t->zTitle);
  tf_band_line(p, &f, t);
  for(i=0; i<t->n; i++){
    if( !isfinite(t->aY[i]) ) continue;
    last = i;
    tf_point(p, &f, t, i, 1.5);
  }
  if( last>=0 ) tf_point(p, &f, t, last, 2.5);
  buf_puts(p, "</svg>\n");
  return p->overflow ? ECX_ETOOBIG : ECX_OK;
}

int svg_bars(Buf *p, const SvgBars *g){
  const double L = 190, R = 70, T = 8, ROW = 28;
  double w = g->width>0 ? g->width : 640, h = T*2 + ROW*(g->n>0 ? g->n : 1);
  double lo = g->xMin, hi = g->xMax, base;
  char a[32], b[32], c[32], d[32], e[32];
  int i;
  if( isnan(lo) || isnan(hi) ){
    auto_range(g->n, g->aY, g->aLo, g->aHi, &lo, &hi);
    if( lo>0 ) lo = 0;
  }
  base = lo<0 && hi>0 ? 0 : lo;
#define X(v) (L + ((v) - lo)/(hi - lo)*(w - L - R))
  open_svg(p, (int)w, (int)h, g->zTitle);
  for(i=0; i<g->n; i++){
    double y0 = T + i*ROW, v = g->aY[i];
    const char *zTone = "ecx-mid";
    int tone = g->aTone ? g->aTone[i] : (isfinite(g->reference) && isfinite(v) ? (v>g->reference) - (v<g->reference) : 0);
    if( tone>0 ) zTone = "ecx-good"; else if( tone<0 ) zTone = "ecx-bad";
    buf_printf(p, "<text class=\"ecx-label\" x=\"%s\" y=\"%s\" text-anchor=\"end\">%h</text>\n",
               num(a, L - 8, 1), num(b, y0 + ROW/2 + 4, 1), g->azLabel[i]);
    if( !isfinite(v) ){
      buf_printf(p, "<text class=\"ecx-na\" x=\"%s\" y=\"%s\">—</text>\n", num(a, L + 4, 1), num(b, y0 + ROW/2 + 4, 1));
      continue;
    }
    buf_printf(p, "<rect class=\"%s\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"><title>%h: %s</title></rect>\n",
               zTone, num(a, X(v<base ? v : base), 1), num(b, y0 + 5, 1),
               num(c, fabs(X(v) - X(base)), 1), num(d, ROW - 10, 1), g->azLabel[i], num(e, v, g->decimals));
    if( g->aLo && g->aHi && isfinite(g->aLo[i]) && isfinite(g->aHi[i]) ){
      buf_printf(p, "<line class=\"ecx-whisker\" x1=\"%s\" x2=\"%s\" y1=\"%s\" y2=\"%s\"/>\n",
                 num(a, X(g->aLo[i]), 1), num(b, X(g->aHi[i]), 1), num(c, y0 + ROW/2, 1), c);
    }
    buf_printf(p, "<text class=\"ecx-value\" x=\"%s\" y=\"%s\">%s</text>\n",
               num(a, w - R + 6, 1), num(b, y0 + ROW/2 + 4, 1), num(c, v, g->decimals));
  }
#undef X
  buf_puts(p, "</svg>\n");
  return p->overflow ? ECX_ETOOBIG : ECX_OK;
}

/* Fill colour of a heatmap value: red below mid, green above, on a scale
** to low and high. */
static void heat_colour(const SvgHeatmap *m, double v, char *a, size_t n){
  double t = v>=m->mid ? (v - m->mid)/(m->high - m->mid) : -(m->mid - v)/(m->mid - m->low);
  int r0 = 246, g0 = 244, b0 = 238, r1, g1, b1;
  if( !isfinite(t) ) t = 0;
  if( t>1 ) t = 1;
  if( t<-1 ) t = -1;
  if( t>=0 ){ r1 = 46; g1 = 139; b1 = 87; } else { r1 = 192; g1 = 57; b1 = 43; t = -t; }
  snprintf(a, n, "rgb(%d,%d,%d)", (int)(r0 + (r1 - r0)*t), (int)(g0 + (g1 - g0)*t), (int)(b0 + (b1 - b0)*t));
}

/* Code points of z (UTF-8). */
static int n_chars(const char *z){
  int n = 0;
  for(; *z; z++) n += ((unsigned char)*z & 0xC0)!=0x80;
  return n;
}

static int heat_draw(Buf *p, const SvgHeatmap *m, const char *const *azClass){
  const double L = 200, CW = 84, CH = 30, CHAR = 6.6;   /* px per character at 12px */
  double T = 110, R = 90, w, h;
  char a[32], b[32], c[40];
  int i, j;
  /* Room above and to the right for the column labels, slanted by 35°
  ** (sin 0.574, cos 0.819), so that long names are not cut off. */
  for(j=0; j<m->nCol; j++){
    double len = CHAR*n_chars(m->azCol[j]);
    if( 0.574*len + 16>T ) T = 0.574*len + 16;
    if( 0.819*len - CW*(m->nCol - j - 0.5) + 12>R ) R = 0.819*len - CW*(m->nCol - j - 0.5) + 12;
  }
  w = L + CW*m->nCol + R;
  h = T + CH*m->nRow + 10;
  open_svg(p, (int)w, (int)h, m->zTitle);
  for(j=0; j<m->nCol; j++){
    double x = L + CW*j + CW/2;
    buf_printf(p, "<text class=\"ecx-axis\" transform=\"translate(%s %s) rotate(-35)\">%h</text>\n",
               num(a, x, 1), num(b, T - 8, 1), m->azCol[j]);
  }
  for(i=0; i<m->nRow; i++){
    double y = T + CH*i;
    buf_printf(p, "<text class=\"ecx-label\" x=\"%s\" y=\"%s\" text-anchor=\"end\">%h</text>\n",
               num(a, L - 8, 1), num(b, y + CH/2 + 4, 1), m->azRow[i]);
    for(j=0; j<m->nCol; j++){
      double v = m->aValue[i*m->nCol + j], x = L + CW*j;
      if( !isfinite(v) ){
        int mark = m->aSuppressed ? m->aSuppressed[i*m->nCol + j] : 0;
        const char *zMark = mark==2 && m->zHidden ? m->zHidden : m->zSuppressed;
        int sup = mark && zMark;
        buf_printf(p, "<rect class=\"ecx-na\" x=\"%s\" y=\"%s\" width=\"%d\" height=\"%d\"><title>%h × %h: %h</title></rect>\n",
                   num(a, x + 1, 1), num(b, y + 1, 1), (int)CW - 2, (int)CH - 2, m->azRow[i], m->azCol[j],
                   sup ? zMark : "—");
        if( sup ){
          buf_printf(p, "<text class=\"ecx-na\" x=\"%s\" y=\"%s\" text-anchor=\"middle\">%h</text>\n",
                     num(a, x + CW/2, 1), num(b, y + CH/2 + 4, 1), zMark);
        }
        continue;
      }
      double shown = m->aShown ? m->aShown[i*m->nCol + j] : v;
      if( azClass && azClass[i*m->nCol + j] ){
        buf_printf(p, "<rect class=\"%h\" x=\"%s\" y=\"%s\" width=\"%d\" height=\"%d\"><title>%h × %h: ",
                   azClass[i*m->nCol + j], num(a, x + 1, 1), num(b, y + 1, 1), (int)CW - 2, (int)CH - 2,
                   m->azRow[i], m->azCol[j]);
      }else{
        heat_colour(m, v, c, sizeof c);
        buf_printf(p, "<rect x=\"%s\" y=\"%s\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%h × %h: ",
                   num(a, x + 1, 1), num(b, y + 1, 1), (int)CW - 2, (int)CH - 2, c, m->azRow[i], m->azCol[j]);
      }
      buf_printf(p, "%s</title></rect><text class=\"ecx-cell\" x=\"%s\" y=\"%s\" text-anchor=\"middle\">",
                 num(a, shown, m->decimals), num(b, x + CW/2, 1), num(c, y + CH/2 + 4, 1));
      buf_printf(p, "%s</text>\n", num(a, shown, m->decimals));
    }
  }
  buf_puts(p, "</svg>\n");
  return p->overflow ? ECX_ETOOBIG : ECX_OK;
}

int svg_heatmap(Buf *p, const SvgHeatmap *m){ return heat_draw(p, m, 0); }

int svg_heatmap_classes(Buf *p, const SvgHeatmap *m, const char *const *azClass){
  return heat_draw(p, m, azClass);
}

static int cmp_double(const void *a, const void *b){
  double x = *(const double*)a, y = *(const double*)b;
  return (x>y) - (x<y);
}

double svg_median(int n, const double *a){
  double *v = ecx_calloc((size_t)n + 1, sizeof(double)), m;
  int k = 0, i;
  for(i=0; i<n; i++) if( isfinite(a[i]) ) v[k++] = a[i];
  qsort(v, (size_t)k, sizeof(double), cmp_double);
  m = k==0 ? NAN : k%2 ? v[k/2] : (v[k/2 - 1] + v[k/2])/2;
  free(v);
  return m;
}

int svg_quadrant(double x, double y, double xMid, double yMid){
  int hiX = x>=xMid, hiY = y>=yMid;
  return hiX ? (hiY ? 0 : 1) : (hiY ? 2 : 3);
}

int svg_quadrants(Buf *p, const SvgQuadrants *q){
  static const char *const azClass[4] = {"ecx-q-keep", "ecx-q-improve", "ecx-q-excess", "ecx-q-low"};
  const double L = 60, R = 20, T = 20, B = 48;
  double w = q->width>0 ? q->width : 640, h = q->height>0 ? q->height : 420;
  double xLo, xHi, yLo, yHi, xMid = q->xMid, yMid = q->yMid;
  char a[32], b[32], c[32], d[32];
  int i;
  auto_range(q->n, q->aX, 0, 0, &xLo, &xHi);
  auto_range(q->n, q->aY, 0, 0, &yLo, &yHi);
  if( isnan(xMid) || isnan(yMid) ){
    /* Medians over the points that are drawn (both coordinates known). */
    double *v = ecx_calloc((size_t)q->n*2 + 1, sizeof(double));
    int k = 0;
    for(i=0; i<q->n; i++){
      if( isfinite(q->aX[i]) && isfinite(q->aY[i]) ){ v[k] = q->aX[i]; v[q->n + k] = q->aY[i]; k++; }
    }
    if( isnan(xMid) ) xMid = svg_median(k, v);
    if( isnan(yMid) ) yMid = svg_median(k, v + q->n);
    free(v);
  }
  if( !isfinite(xMid) ) xMid = (xLo + xHi)/2;
  if( !isfinite(yMid) ) yMid = (yLo + yHi)/2;
#define X(v) (L + ((v) - xLo)/(xHi - xLo)*(w - L - R))
#define Y(v) (T + (yHi - (v))/(yHi - yLo)*(h - T - B))
  open_svg(p, (int)w, (int)h, q->zTitle);
  buf_printf(p, "<rect class=\"ecx-frame\" fill=\"none\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"/>\n",
             num(a, L, 1), num(b, T, 1), num(c, w - L - R, 1), num(d, h - T - B, 1));
  buf_printf(p, "<line class=\"ecx-target\" x1=\"%s\" x2=\"%s\" y1=\"%s\" y2=\"%s\"/>\n",
             num(a, X(xMid), 1), a, num(b, T, 1), num(c, h - B, 1));
  buf_printf(p, "<line class=\"ecx-target\" x1=\"%s\" x2=\"%s\" y1=\"%s\" y2=\"%s\"/>\n",
             num(a, L, 1), num(b, w - R, 1), num(c, Y(yMid), 1), c);
  /* Quadrant labels in the outer corners. */
  buf_printf(p, "<text class=\"ecx-quad\" x=\"%s\" y=\"%s\" text-anchor=\"end\">%h</text>\n",
             num(a, w - R - 6, 1), num(b, T + 16, 1), q->zKeep);
  buf_printf(p, "<text class=\"ecx-quad\" x=\"%s\" y=\"%s\" text-anchor=\"end\">%h</text>\n",
             num(a, w - R - 6, 1), num(b, h - B - 8, 1), q->zImprove);
  buf_printf(p, "<text class=\"ecx-quad\" x=\"%s\" y=\"%s\">%h</text>\n",
             num(a, L + 6, 1), num(b, T + 16, 1), q->zExcess);
  buf_printf(p, "<text class=\"ecx-quad\" x=\"%s\" y=\"%s\">%h</text>\n",
             num(a, L + 6, 1), num(b, h - B - 8, 1), q->zLow);
  buf_printf(p, "<text class=\"ecx-axis\" x=\"%s\" y=\"%s\" text-anchor=\"middle\">%h</text>\n",
             num(a, (L + w - R)/2, 1), num(b, h - 12, 1), q->zXAxis);
  buf_printf(p, "<text class=\"ecx-axis\" transform=\"translate(%s %s) rotate(-90)\" text-anchor=\"middle\">%h</text>\n",
             num(a, 16, 1), num(b, (T + h - B)/2, 1), q->zYAxis);
  for(i=0; i<q->n; i++){
    double x = q->aX[i], y = q->aY[i];
    if( !isfinite(x) || !isfinite(y) ) continue;
    buf_printf(p, "<circle class=\"%s\" cx=\"%s\" cy=\"%s\" r=\"5\"><title>%h: ",
               azClass[svg_quadrant(x, y, xMid, yMid)], num(a, X(x), 1), num(b, Y(y), 1), q->azLabel[i]);
    buf_printf(p, "%s; %s</title></circle>\n", num(a, x, 1), num(b, y, 2));
    buf_printf(p, "<text class=\"ecx-label\" x=\"%s\" y=\"%s\">%h</text>\n",
               num(a, X(x) + 8, 1), num(b, Y(y) + 4, 1), q->azLabel[i]);
  }
#undef X
#undef Y
  buf_puts(p, "</svg>\n");
  return p->overflow ? ECX_ETOOBIG : ECX_OK;
}
