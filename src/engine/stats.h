/*
** Customer-experience metrics with honest uncertainty.
**
** Every metric is computed from mergeable sufficient statistics (integer
** counts and sums), so partial results from chunks, threads or files add up
** exactly with the *_merge functions. Percentages are on a 0..100 scale.
**
**   NPS   = 100 * (promoters - detractors) / n; promoters 9-10, detractors 0-6.
**           95% CI: adjusted Wald (add 0.75 to promoters and to detractors,
**           3 to n; variance p + d - (p - d)^2 over the adjusted n).
**   share = Wilson score interval (CSAT top-2-box, CES share agreeing).
**   mean  = Student t interval with n-1 degrees of freedom.
** Changes between two independent groups:
**   NPS difference: adjusted-Wald for each group, z interval on the difference.
**   proportion difference: Newcombe's hybrid score interval (method 10).
**   mean difference: Welch t with Welch-Satterthwaite degrees of freedom.
** A change is significant when its 95% interval excludes zero.
*/
#ifndef ECX_STATS_H
#define ECX_STATS_H

#include <stdint.h>

#define STATS_Z95 1.959963984540054

typedef struct StatsNps  { int64_t n, nPro, nDet; } StatsNps;
typedef struct StatsProp { int64_t n, nHit; } StatsProp;
typedef struct StatsMean { int64_t n, sum, sumSq; } StatsMean;  /* integer ratings */

/* One estimate. ok is 0 when n is too small to say anything (n==0; for a
** mean's interval n<2: then value is set but lo/hi are NaN). */
typedef struct Estimate {
  int64_t n;
  double value, lo, hi;
  int ok;
} Estimate;

/* A change between now and before: diff = now - before. */
typedef struct Change {
  double diff, lo, hi;
  int significant;   /* 1 if the 95% interval excludes 0 */
  int ok;            /* 0 if either side has too few observations */
} Change;

/* Accumulate one observation. x is the rating on its own scale. */
static inline void stats_nps_add(StatsNps *p, int x){ p->n++; p->nPro += x>=9; p->nDet += x<=6; }
static inline void stats_prop_add(StatsProp *p, int hit){ p->n++; p->nHit += hit!=0; }
static inline void stats_mean_add(StatsMean *p, int x){ p->n++; p->sum += x; p->sumSq += (int64_t)x*x; }

void stats_nps_merge(StatsNps *pTo, const StatsNps *pFrom);
void stats_prop_merge(StatsProp *pTo, const StatsProp *pFrom);
void stats_mean_merge(StatsMean *pTo, const StatsMean *pFrom);

void stats_nps(const StatsNps *p, Estimate *pE);        /* value and CI in -100..100 */
void stats_wilson(const StatsProp *p, Estimate *pE);    /* value and CI in 0..100 */
void stats_mean(const StatsMean *p, Estimate *pE);      /* on the rating's scale */
/* Sample standard deviation (n-1); NaN when n<2. */
double stats_mean_sd(const StatsMean *p);

void stats_nps_change(const StatsNps *pNow, const StatsNps *pBefore, Change *pC);
void stats_prop_change(const StatsProp *pNow, const StatsProp *pBefore, Change *pC);
void stats_mean_change(const StatsMean *pNow, const StatsMean *pBefore, Change *pC);

/* Quantiles used above, exposed for tests: standard normal and Student t. */
double stats_t_quantile(double p, double df);

/* Turns GSL's abort-on-error handler off, once for the whole process; every
** GSL call's status is checked by its caller instead. Safe to call from any
** thread (pthread_once): the drivers and the t quantile call it first. */
void stats_gsl_quiet(void);

#endif
