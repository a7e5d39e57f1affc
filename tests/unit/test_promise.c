/*
** Tests of the promise's criteria arithmetic (normalization, composite,
** recommendation rule, the 3-5 rule), the pooled sd of the benchmark and the
** JSON round trip of a promise. Expected values are worked out by hand in
** the comments.
*/
#include <math.h>
#include <string.h>
#include "test.h"
#include "../../src/base/err.h"
#include "../../src/engine/benchmark.h"
#include "../../src/frameworks/promise.h"

TEST(promise_normalize_min_max){
  /* min 2, max 8: (x - 2)/6*100 -> 0, 50, NaN, 100, 50. */
  double a[] = {2, 5, NAN, 8, 5}, o[5], e[] = {3, 3}, oe[2];
  promise_normalize(5, a, o);
  CHECK_NEAR(o[0], 0, 1e-12);
  CHECK_NEAR(o[1], 50, 1e-12);
  CHECK(isnan(o[2]));
  CHECK_NEAR(o[3], 100, 1e-12);
  CHECK_NEAR(o[4], 50, 1e-12);
  /* All equal: no spread to rank on, everyone in the middle. */
  promise_normalize(2, e, oe);
  CHECK_NEAR(oe[0], 50, 1e-12);
  CHECK_NEAR(oe[1], 50, 1e-12);
  /* Negative differentiation values: -1.3, -0.3, 0.2 -> 0, 1/1.5*100, 100. */
  double d[] = {-1.3, -0.3, 0.2}, od[3];
  promise_normalize(3, d, od);
  CHECK_NEAR(od[1], 66.666666666667, 1e-9);
}

TEST(promise_composite_weights){
  PromiseWeights eq = {1, 1, 1}, w = {2, 1, 1}, onlyF = {0, 0, 1};
  /* Equal weights, feasibility missing: (100 + 50)/2 = 75. */
  CHECK_NEAR(promise_composite(100, 50, NAN, &eq), 75, 1e-12);
  /* All present: (100 + 50 + 0)/3 = 50. */
  CHECK_NEAR(promise_composite(100, 50, 0, &eq), 50, 1e-12);
  /* Weights 2,1,1: (2*100 + 50 + 0)/4 = 62.5. */
  CHECK_NEAR(promise_composite(100, 50, 0, &w), 62.5, 1e-12);
  /* Weights 2,1,1 with d missing: (2*80 + 1*20)/3 = 60. */
  CHECK_NEAR(promise_composite(80, NAN, 20, &w), 60, 1e-12);
  CHECK(isnan(promise_composite(NAN, NAN, NAN, &eq)));
  CHECK(isnan(promise_composite(10, 20, NAN, &onlyF)));
}

TEST(promise_rank_recommends_three_to_five){
  /* Composites 40, 90, NaN, 85, 70, 62, 61, 30: ranks 90, 85, 70 (the
  ** third: 70), then 62 and 61 are within 10 points of 70: recommended;
  ** 40 and 30 are not; NaN ranks last and is never recommended. */
  double v[] = {40, 90, NAN, 85, 70, 62, 61, 30};
  int rank[] = {6, 1, 8, 2, 3, 4, 5, 7}, rec[] = {0, 1, 0, 1, 1, 1, 1, 0};
  PromiseCand a[8];
  memset(a, 0, sizeof a);
  for(int i=0; i<8; i++) a[i].composite = v[i];
  promise_rank(8, a);
  for(int i=0; i<8; i++){ CHECK_INT(a[i].rank, rank[i]); CHECK_INT(a[i].recommended, rec[i]); }
  /* 90, 85, 70, 59: the fourth is 11 points below the third: only 3. */
  double w[] = {90, 85, 70, 59};
  for(int i=0; i<4; i++) a[i].composite = w[i];
  promise_rank(4, a);
  CHECK_INT(a[0].recommended + a[1].recommended + a[2].recommended + a[3].recommended, 3);
  CHECK_INT(a[3].recommended, 0);
}

TEST(promise_three_to_five_rule){
  CHECK_INT(promise_check_count(2), ECX_EINVAL);
  CHECK(strstr(err_detail(), "3") && strstr(err_detail(), "5"));
  CHECK_INT(promise_check_count(6), ECX_EINVAL);
  CHECK(strstr(err_detail(), "focus")!=0);
  CHECK_INT(promise_check_count(3), ECX_OK);
  CHECK_INT(promise_check_count(4), ECX_OK);
  CHECK_INT(promise_check_count(5), ECX_OK);
  CHECK_INT(promise_check_count(0), ECX_EINVAL);
}

TEST(promise_parse_weights_strict){
  PromiseWeights w;
  CHECK_INT(promise_parse_weights("1, 2,0.5", &w), ECX_OK);
  CHECK_NEAR(w.rel, 1, 0); CHECK_NEAR(w.dif, 2, 0); CHECK_NEAR(w.fea, 0.5, 0);
  CHECK_INT(promise_parse_weights("1,2", &w), ECX_EINVAL);
  CHECK_INT(promise_parse_weights("1,2,3,4", &w), ECX_EINVAL);
  CHECK_INT(promise_parse_weights("0,0,0", &w), ECX_EINVAL);
  CHECK_INT(promise_parse_weights("-1,1,1", &w), ECX_EINVAL);
  CHECK_INT(promise_parse_weights("a,1,1", &w), ECX_EINVAL);
}

TEST(bench_pooled_sd_by_hand){
  /* A = {1,2,3}: SS = 14 - 36/3 = 2; B = {4,4,5,7}: SS = 106 - 400/4 = 6;
  ** pooled sd = sqrt((2 + 6)/(3 + 4 - 2)) = sqrt(1.6) = 1.2649110640673518. */
  StatsMean a = {3, 6, 14}, b = {4, 20, 106}, one = {1, 3, 9}, none = {0, 0, 0};
  CHECK_NEAR(bench_pooled_sd(&a, &b), 1.2649110640673518, 1e-12);
  CHECK(isnan(bench_pooled_sd(&one, &none)));
}

TEST(promise_json_round_trip){
  Promise p, q;
  Buf b;
  memset(&p, 0, sizeof p);
  memset(&q, 0, sizeof q);
  p.zName = "Red \"confiable\""; p.zSegment = "Empresas"; p.zWhere = "region=Lima";
  p.zTagline = "<Siempre> conectados";
  p.nAsp = 1; p.azAsp[0] = "trabajar sin cortes";
  p.nDim = 3; p.azDim[0] = "Cobertura de red"; p.azDim[1] = "Rapidez"; p.azDim[2] = "Amabilidad";
  p.w.rel = 2; p.w.dif = 1; p.w.fea = 1;
  buf_init(&b, 0);
  CHECK_INT(promise_to_json(&p, &b), ECX_OK);
  CHECK_INT(promise_from_json(buf_str(&b), &q), ECX_OK);
  CHECK_STR(q.zName, p.zName);
  CHECK_STR(q.zTagline, p.zTagline);
  CHECK_STR(q.zWhere, "region=Lima");
  CHECK_INT(q.nDim, 3);
  CHECK_STR(q.azDim[2], "Amabilidad");
  CHECK_INT(q.nAsp, 1);
  CHECK_NEAR(q.w.rel, 2, 0);
  { Promise r; memset(&r, 0, sizeof r); CHECK_INT(promise_from_json("[1]", &r), ECX_EFORMAT); promise_clear(&r); }
  promise_clear(&q);
  buf_free(&b);
}
