/*
** Tests of the SVG charts: escaping, gaps for missing values, colour scale.
*/
#include <math.h>
#include <string.h>
#include "test.h"
#include "../../src/pages/svg.h"

static int count(const char *z, const char *zSub){
  int n = 0;
  for(z=strstr(z, zSub); z; z=strstr(z + 1, zSub)) n++;
  return n;
}

TEST(svg_trend_gaps_and_escaping){
  const char *azX[] = {"2026-01", "2026-02", "<script>alert(1)</script>", "2026-04", "2026-05"};
  double y[] = {10, 12, NAN, 15, 16}, lo[] = {5, 7, NAN, 10, 11}, hi[] = {15, 17, NAN, 20, 21};
  SvgTrend t = {"NPS \"mensual\"", 5, azX, y, lo, hi, NAN, NAN, 30, 600, 240};
  Buf b;
  buf_init(&b, 0);
  CHECK_INT(svg_trend(&b, &t), 0);
  CHECK(strstr(buf_str(&b), "<script")==0);
  CHECK(strstr(buf_str(&b), "&lt;script&gt;")!=0);
  CHECK(strstr(buf_str(&b), "aria-label=\"NPS &quot;mensual&quot;\"")!=0);
  /* The missing month splits the band in two and lifts the pen once. */
  CHECK_INT(count(buf_str(&b), "class=\"ecx-band\""), 2);
  CHECK_INT(count(buf_str(&b), "<circle"), 4);
  CHECK_INT(count(buf_str(&b), "class=\"ecx-target\""), 1);
  CHECK(strstr(buf_str(&b), "nan")==0 && strstr(buf_str(&b), "inf")==0);
  /* Axis labels: values 0 to 30 give ticks 0, 5, ... 30 at x = 52 - 6. */
  CHECK(strstr(buf_str(&b), "x=\"46.0\"")!=0);
  CHECK(strstr(buf_str(&b), ">30</text>")!=0);
  CHECK_INT(count(buf_str(&b), "<svg"), 1);
  CHECK_INT(count(buf_str(&b), "</svg>"), 1);
  buf_free(&b);
}

TEST(svg_bars_tones_and_missing){
  const char *az[] = {"Lima", "Cusco", "Piura"};
  double y[] = {40, 10, NAN}, lo[] = {35, 2, NAN}, hi[] = {45, 18, NAN};
  SvgBars g = {"NPS por región", 3, az, y, lo, hi, 0, 25, NAN, NAN, 1, 600};
  Buf b;
  buf_init(&b, 0);
  CHECK_INT(svg_bars(&b, &g), 0);
  CHECK_INT(count(buf_str(&b), "class=\"ecx-good\""), 1);
  CHECK_INT(count(buf_str(&b), "class=\"ecx-bad\""), 1);
  CHECK_INT(count(buf_str(&b), "class=\"ecx-na\""), 1);
  CHECK_INT(count(buf_str(&b), "class=\"ecx-whisker\""), 2);
  CHECK(strstr(buf_str(&b), ">40.0<")!=0);
  CHECK_INT(count(buf_str(&b), "height=\"18.0\""), 2);   /* row height 28 - 10, not a value */
  buf_free(&b);
}

TEST(svg_heatmap_scale){
  /* low 1 -> red rgb(192,57,43); mid 3 -> neutral rgb(246,244,238);
  ** high 5 -> green rgb(46,139,87); 4 is halfway to green:
  ** (246+46)/2 = 146, (244+139)/2 = 191.5 -> 191, (238+87)/2 = 162.5 -> 162. */
  const char *azR[] = {"Soporte"}, *azC[] = {"a", "b", "c", "d", "e"};
  double v[] = {1, 3, 5, 4, NAN};
  SvgHeatmap m = {"Mapa", 1, 5, azR, azC, v, 0, 1, 3, 5, 2, 0, 0, 0};
  Buf b;
  buf_init(&b, 0);
  CHECK_INT(svg_heatmap(&b, &m), 0);
  CHECK(strstr(buf_str(&b), "fill=\"rgb(192,57,43)\"")!=0);
  CHECK(strstr(buf_str(&b), "fill=\"rgb(246,244,238)\"")!=0);
  CHECK(strstr(buf_str(&b), "fill=\"rgb(46,139,87)\"")!=0);
  CHECK(strstr(buf_str(&b), "fill=\"rgb(146,191,162)\"")!=0);
  CHECK_INT(count(buf_str(&b), "class=\"ecx-na\""), 1);
  CHECK(strstr(buf_str(&b), "<title>Soporte × e: —</title>")!=0);
  /* The same NaN cell marked as suppressed says so. */
  unsigned char aSup[] = {0, 0, 0, 0, 1};
  m.aSuppressed = aSup;
  m.zSuppressed = "n < 5";
  buf_reset(&b);
  CHECK_INT(svg_heatmap(&b, &m), 0);
  CHECK(strstr(buf_str(&b), "<title>Soporte × e: n &lt; 5</title>")!=0);
  CHECK_INT(count(buf_str(&b), ">n &lt; 5</text>"), 1);
  buf_free(&b);
}

TEST(svg_quadrants_medians_and_classes){
  /* Importance 10,30,20,40,5 -> median 20; performance 4,3,4.5,2,2.5 -> median 3.
  ** A (10,4) low/high: excess; B (30,3) on the y line: keep; C (20,4.5) on the
  ** x line: keep; D (40,2): improve; E (5,2.5): low; F has no performance. */
  const char *az[] = {"A", "B", "C", "D", "E<b>", "F"};
  double x[] = {10, 30, 20, 40, 5, 25}, y[] = {4, 3, 4.5, 2, 2.5, NAN};
  SvgQuadrants q = {"IPM", 6, az, x, y, NAN, NAN, "importancia", "desempeño",
                    "mantener", "mejorar con prioridad", "posible exceso", "baja prioridad", 640, 420};
  Buf b;
  CHECK_NEAR(svg_median(6, y), 3.0, 1e-12);
  CHECK_NEAR(svg_median(4, x), 25.0, 1e-12);   /* 10,20,30,40 -> (20+30)/2 */
  CHECK(isnan(svg_median(1, (double[]){NAN})));
  CHECK_INT(svg_quadrant(30, 3, 20, 3), 0);
  CHECK_INT(svg_quadrant(40, 2, 20, 3), 1);
  CHECK_INT(svg_quadrant(10, 4, 20, 3), 2);
  CHECK_INT(svg_quadrant(5, 2.5, 20, 3), 3);
  buf_init(&b, 0);
  CHECK_INT(svg_quadrants(&b, &q), 0);
  CHECK_INT(count(buf_str(&b), "class=\"ecx-q-keep\""), 2);
  CHECK_INT(count(buf_str(&b), "class=\"ecx-q-improve\""), 1);
  CHECK_INT(count(buf_str(&b), "class=\"ecx-q-excess\""), 1);
  CHECK_INT(count(buf_str(&b), "class=\"ecx-q-low\""), 1);
  CHECK_INT(count(buf_str(&b), "<circle"), 5);
  CHECK(strstr(buf_str(&b), ">mejorar con prioridad</text>")!=0);
  CHECK(strstr(buf_str(&b), "E&lt;b&gt;")!=0 && strstr(buf_str(&b), "E<b>")==0);
  CHECK(strstr(buf_str(&b), "nan")==0);
  buf_free(&b);
}
