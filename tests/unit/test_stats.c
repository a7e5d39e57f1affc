/*
** Tests of the metrics and intervals against values worked out by hand
** (the computation is written next to each check) or published examples.
*/
#include <math.h>
#include <string.h>
#include "test.h"
#include "../../src/engine/stats.h"

static StatsNps nps_of(int64_t nPro, int64_t nPas, int64_t nDet){
  StatsNps s = {0, 0, 0};
  int64_t i;
  for(i=0; i<nPro; i++) stats_nps_add(&s, i%2 ? 9 : 10);
  for(i=0; i<nPas; i++) stats_nps_add(&s, i%2 ? 7 : 8);
  for(i=0; i<nDet; i++) stats_nps_add(&s, (int)(i%7));
  return s;
}

TEST(stats_nps_adjusted_wald){
  /* 50 promoters, 30 passives, 20 detractors: NPS = 100*(50-20)/100 = 30.
  ** Adjusted: n' = 103, p' = 50.75/103 = 0.492718, d' = 20.75/103 = 0.201456,
  ** p'-d' = 0.291262, var = (0.694175 - 0.084834)/103 = 0.0059159,
  ** se = 0.076915, 1.96*se = 0.150752 -> 14.05 .. 44.20. */
  StatsNps s = nps_of(50, 30, 20);
  Estimate e;
  CHECK_INT(s.n, 100); CHECK_INT(s.nPro, 50); CHECK_INT(s.nDet, 20);
  stats_nps(&s, &e);
  CHECK(e.ok);
  CHECK_NEAR(e.value, 30.0, 1e-9);
  CHECK_NEAR(e.lo, 14.05, 0.005);
  CHECK_NEAR(e.hi, 44.20, 0.005);
}

TEST(stats_nps_edges){
  /* No answers: nothing to say. Five passives: NPS 0; adjusted n' = 8,
  ** p' = d' = 0.09375, var = 0.1875/8 = 0.0234375, 1.96*se = 0.300057. */
  StatsNps s = nps_of(0, 0, 0);
  Estimate e;
  stats_nps(&s, &e);
  CHECK(!e.ok); CHECK(isnan(e.value));
  s = nps_of(0, 5, 0);
  stats_nps(&s, &e);
  CHECK_NEAR(e.value, 0.0, 1e-12);
  CHECK_NEAR(e.lo, -30.0057, 0.0001);
  CHECK_NEAR(e.hi, 30.0057, 0.0001);
  /* All promoters: the interval never leaves -100..100. */
  s = nps_of(3, 0, 0);
  stats_nps(&s, &e);
  CHECK_NEAR(e.value, 100.0, 1e-12);
  CHECK(e.hi<=100.0 && e.lo<100.0);
}

TEST(stats_wilson_newcombe_examples){
  /* Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 3
  ** (Wilson score without continuity correction). */
  struct { int64_t x, n; double lo, hi; } a[] = {
    { 81, 263, 25.53, 36.62 },
    { 15, 148,  6.24, 16.05 },
    {  0,  20,  0.00, 16.11 },
    {  1,  29,  0.61, 17.18 },
  };
  size_t i;
  for(i=0; i<sizeof(a)/sizeof(a[0]); i++){
    StatsProp p = { a[i].n, a[i].x };
    Estimate e;
    stats_wilson(&p, &e);
    CHECK(e.ok);
    CHECK_NEAR(e.value, 100.0*(double)a[i].x/(double)a[i].n, 1e-9);
    CHECK_NEAR(e.lo, a[i].lo, 0.006);
    CHECK_NEAR(e.hi, a[i].hi, 0.006);
  }
}

TEST(stats_mean_student_t){
  /* Ratings 4,5,3,5,4,4,2,5: mean 32/8 = 4; sum of squares 136,
  ** s^2 = (136 - 32*32/8)/7 = 8/7 = 1.142857; se = sqrt(1.142857/8) = 0.377964;
  ** t(0.975, 7) = 2.364624 (tables); half width 0.893740 -> 3.106260 .. 4.893740. */
  int v[] = {4, 5, 3, 5, 4, 4, 2, 5};
  StatsMean m = {0, 0, 0};
  Estimate e;
  size_t i;
  for(i=0; i<8; i++) stats_mean_add(&m, v[i]);
  CHECK_INT(m.sum, 32); CHECK_INT(m.sumSq, 136);
  stats_mean(&m, &e);
  CHECK_NEAR(e.value, 4.0, 1e-12);
  CHECK_NEAR(stats_mean_sd(&m), sqrt(8.0/7.0), 1e-12);
  CHECK_NEAR(e.lo, 3.106260, 1e-5);
  CHECK_NEAR(e.hi, 4.893740, 1e-5);
  /* One observation: a value but no interval. */
  m = (StatsMean){1, 3, 9};
  stats_mean(&m, &e);
  CHECK(e.ok); CHECK_NEAR(e.value, 3.0, 0); CHECK(isnan(e.lo));
}

TEST(stats_t_quantiles){
  /* Student t table values. */
  CHECK_NEAR(stats_t_quantile(0.975, 1), 12.7062, 1e-4);
  CHECK_NEAR(stats_t_quantile(0.975, 9), 2.262157, 1e-6);
  CHECK_NEAR(stats_t_quantile(0.975, 30), 2.042272, 1e-6);
  CHECK_NEAR(stats_t_quantile(0.975, 1e9), 1.959964, 1e-6);
}

TEST(stats_merge_is_exact){
  /* Splitting the observations in two and merging gives the same sums. */
  StatsMean a = {0,0,0}, b = {0,0,0}, all = {0,0,0};
  StatsNps na = {0,0,0}, nb = {0,0,0}, nall = {0,0,0};
  StatsProp pa = {0,0}, pb = {0,0}, pall = {0,0};
  int i;
  for(i=0; i<1000; i++){
    int x = (i*7919)%11;
    StatsMean *pm = i<377 ? &a : &b;
    StatsNps *pn = i<377 ? &na : &nb;
    StatsProp *pp = i<377 ? &pa : &pb;
    stats_mean_add(pm, x); stats_mean_add(&all, x);
    stats_nps_add(pn, x); stats_nps_add(&nall, x);
    stats_prop_add(pp, x>=4); stats_prop_add(&pall, x>=4);
  }
  stats_mean_merge(&a, &b);
  stats_nps_merge(&na, &nb);
  stats_prop_merge(&pa, &pb);
  CHECK(memcmp(&a, &all, sizeof a)==0);
  CHECK(memcmp(&na, &nall, sizeof na)==0);
  CHECK(memcmp(&pa, &pall, sizeof pa)==0);
}

TEST(stats_nps_change_adjusted_wald){
  /* Now 50/30/20 (NPS 30), before 40/30/30 (NPS 10): diff 20.
  ** Now: centre 0.291262, var 0.0059159. Before: p' = 40.75/103 = 0.395631,
  ** d' = 30.75/103 = 0.298544, centre 0.097087, var (0.694175 - 0.009426)/103
  ** = 0.0066480. se = sqrt(0.0125639) = 0.112089, 1.96*se = 0.219690:
  ** 100*(0.194175 -/+ 0.219690) = -2.55 .. 41.39, not significant. */
  StatsNps now = nps_of(50, 30, 20), before = nps_of(40, 30, 30);
  Change c;
  stats_nps_change(&now, &before, &c);
  CHECK(c.ok);
  CHECK_NEAR(c.diff, 20.0, 1e-9);
  CHECK_NEAR(c.lo, -2.55, 0.01);
  CHECK_NEAR(c.hi, 41.39, 0.01);
  CHECK(!c.significant);
  /* Against 20/30/50 (NPS -30): centre diff 0.582524, before var equals now's
  ** by symmetry: se = sqrt(2*0.0059159) = 0.108774, 1.96*se = 0.213194:
  ** 36.93 .. 79.57, significant. */
  before = nps_of(20, 30, 50);
  stats_nps_change(&now, &before, &c);
  CHECK_NEAR(c.diff, 60.0, 1e-9);
  CHECK_NEAR(c.lo, 36.93, 0.01);
  CHECK_NEAR(c.hi, 79.57, 0.01);
  CHECK(c.significant);
  before = nps_of(0, 0, 0);
  stats_nps_change(&now, &before, &c);
  CHECK(!c.ok); CHECK(!c.significant);
}

TEST(stats_prop_change_newcombe){
  /* Newcombe (1998), Statistics in Medicine 17:873-890, Table II example (a):
  ** 56/70 - 48/80 = 0.2333, method 10 (hybrid score): 0.0524 .. 0.3339. */
  StatsProp now = {70, 56}, before = {80, 48};
  Change c;
  stats_prop_change(&now, &before, &c);
  CHECK_NEAR(c.diff, 20.0, 1e-9);
  CHECK_NEAR(c.lo, 5.24, 0.006);
  CHECK_NEAR(c.hi, 33.39, 0.006);
  CHECK(c.significant);
}

TEST(stats_mean_change_welch){
  /* a = 4,5,3,5,4,4,2,5 (mean 4, s^2 8/7); b = 3,2,4,3,3,1,2 (mean 18/7,
  ** sum of squares 52, s^2 = (52 - 324/7)/6 = 20/21). diff = 10/7 = 1.428571.
  ** va/na = 0.142857, vb/nb = 0.136054, se = sqrt(0.278912) = 0.528121;
  ** Welch df = 0.278912^2/(0.142857^2/7 + 0.136054^2/6) = 12.964, so the
  ** t quantile lies between t(0.975,13) = 2.160369 and t(0.975,12) = 2.178813. */
  int a[] = {4, 5, 3, 5, 4, 4, 2, 5}, b[] = {3, 2, 4, 3, 3, 1, 2};
  StatsMean ma = {0,0,0}, mb = {0,0,0};
  Change c;
  size_t i;
  double tq;
  for(i=0; i<8; i++) stats_mean_add(&ma, a[i]);
  for(i=0; i<7; i++) stats_mean_add(&mb, b[i]);
  stats_mean_change(&ma, &mb, &c);
  CHECK_NEAR(c.diff, 10.0/7.0, 1e-12);
  tq = (c.hi - c.diff)/0.528121;
  CHECK(tq>2.160369 && tq<2.178813);
  CHECK_NEAR(tq, 2.1606, 0.0005);
  CHECK_NEAR(c.diff - c.lo, c.hi - c.diff, 1e-12);
  CHECK(c.significant);
}
