/*
** Complementary suppression (src/report/suppress.c), worked by hand: what
** is hidden in every set of groups whose sum is shown elsewhere adds up to
** 0 or to at least min_n.
*/
#include <string.h>

#include "test.h"
#include "../../src/report/report.h"

/* One NPS figure; group g has aRows[g] responses, aNps[g] of them answered
** (all 10s). */
static void run_by(int64_t nGroup, int nBy, const CubeBy *aBy, const int64_t *aKey, const int64_t *aRows,
                   const int64_t *aNps, unsigned char *aGroup, unsigned char *aCell){
  static int64_t aHist[16][CUBE_HIST];
  const int64_t *aa[16];
  Figure f;
  memset(&f, 0, sizeof f);
  f.kind = FIG_NPS;
  f.iMet = 0;
  for(int64_t g = 0; g < nGroup; g++){
    memset(aHist[g], 0, sizeof aHist[g]);
    aHist[g][10] = aNps[g];
    aa[g] = aHist[g];
  }
  report_suppress(nGroup, nBy, aBy, aKey, aRows, aa, &f, 1, 5, aGroup, aCell);
}

/* The same without periods among the keys. */
static void run(int64_t nGroup, int nBy, const int64_t *aKey, const int64_t *aRows,
                const int64_t *aNps, unsigned char *aGroup, unsigned char *aCell){
  run_by(nGroup, nBy, 0, aKey, aRows, aNps, aGroup, aCell);
}

TEST(suppress_months_within_their_quarter){
  /* By month, 2026-01..06 (keys 2026*12 + 0..5): 10, 11, 2 | 7, 12, 13.
  ** The table's total alone: March's 2 is hidden, so the smallest other,
  ** April's 7, goes too (9 >= 5). But a table by quarter shows Q1 = 23:
  ** less January and February it gives March's 2, so within Q1 the
  ** smallest shown month, January's 10, is hidden too. Q2 then hides 7
  ** (>= 5) and the year 19: nothing more. */
  CubeBy by = {-1, CUBE_PERIOD_MONTH};
  int64_t aKey[6], aRows[] = {10, 11, 2, 7, 12, 13};
  unsigned char aG[6], aC[6];
  for(int i = 0; i < 6; i++) aKey[i] = 2026*12 + i;
  run_by(6, 1, &by, aKey, aRows, aRows, aG, aC);
  CHECK_INT(aG[0], 1); CHECK_INT(aG[1], 0); CHECK_INT(aG[2], 1);
  CHECK_INT(aG[3], 1); CHECK_INT(aG[4], 0); CHECK_INT(aG[5], 0);
  /* Without the months' nesting (a key that is no period), only the total
  ** is protected: March and April. */
  run(6, 1, aKey, aRows, aRows, aG, aC);
  CHECK_INT(aG[0] + aG[1] + aG[2] + aG[3] + aG[4] + aG[5], 2);
  CHECK_INT(aG[2], 1); CHECK_INT(aG[3], 1);
  /* Quarters within their year: 2025-Q4 (key 2025*4 + 3) is another year:
  ** 2026-Q1 2, Q2 30, 2025-Q4 40: the whole table hides 2 + the smallest
  ** (30); within 2026 the 2 and 30 are hidden already (32): nothing more;
  ** 2025 alone has nothing hidden. */
  CubeBy byQ = {-1, CUBE_PERIOD_QUARTER};
  int64_t aKeyQ[] = {2025*4 + 3, 2026*4, 2026*4 + 1}, aRowsQ[] = {40, 2, 30};
  unsigned char aGQ[3], aCQ[3];
  run_by(3, 1, &byQ, aKeyQ, aRowsQ, aRowsQ, aGQ, aCQ);
  CHECK_INT(aGQ[0], 0); CHECK_INT(aGQ[1], 1); CHECK_INT(aGQ[2], 1);
}

TEST(suppress_months_by_touchpoint_within_quarters){
  /* Touchpoint x month: touchpoint 1 has Jan 20, Feb 20, Mar 3, Apr 6; the
  ** touchpoint's row (all four months) hides Mar 3 and then the smallest
  ** other, Apr 6 (9 >= 5) - but then its Q1 row (Jan, Feb, Mar, shown by
  ** a table by touchpoint x quarter) still has only 3 hidden: Jan or Feb
  ** (the first of equals, Jan) goes too. Touchpoint 2 has 50 in each month:
  ** March's column (3 hidden, 50 shown) hides touchpoint 2's March too;
  ** April's column already hides 6 (>= 5), so touchpoint 2's April stays. */
  CubeBy aBy[2] = {{1, CUBE_PERIOD_NONE}, {-1, CUBE_PERIOD_MONTH}};
  int64_t aKey[16], aRows[] = {20, 20, 3, 6, 50, 50, 50, 50};
  unsigned char aG[8], aC[8];
  for(int t = 0; t < 2; t++){
    for(int m = 0; m < 4; m++){ aKey[(t*4 + m)*2] = t + 1; aKey[(t*4 + m)*2 + 1] = 2026*12 + m; }
  }
  run_by(8, 2, aBy, aKey, aRows, aRows, aG, aC);
  CHECK_INT(aG[2], 1); CHECK_INT(aG[3], 1);
  CHECK_INT(aG[0] + aG[1], 1);
  /* Every set's hidden count is now 0 or >= 5: check the Q1 row of
  ** touchpoint 1 by hand. */
  CHECK((aG[0] ? 20 : 0) + (aG[1] ? 20 : 0) + 3 >= 5);
  CHECK_INT(aG[4], 0); CHECK_INT(aG[5], 0); CHECK_INT(aG[6], 1); CHECK_INT(aG[7], 0);
}

TEST(suppress_one_way_hides_the_smallest_other_group){
  /* 100, 6, 3: 3 is under 5; the total minus 100 and 6 would be 3, so the
  ** 6 goes too (hidden 9 >= 5). */
  int64_t aKey[] = {1, 2, 3}, aRows[] = {100, 6, 3};
  unsigned char aG[3], aC[3];
  run(3, 1, aKey, aRows, aRows, aG, aC);
  CHECK_INT(aG[0], 0); CHECK_INT(aG[1], 1); CHECK_INT(aG[2], 1);
  CHECK_INT(aC[0], 0); CHECK_INT(aC[1], 1); CHECK_INT(aC[2], 1);
}

TEST(suppress_one_way_stops_once_enough_is_hidden){
  /* 50, 4, 4, 20: the two 4s already hide 8 >= 5: nothing more. */
  int64_t aKey[] = {1, 2, 3, 4}, aRows[] = {50, 4, 4, 20};
  unsigned char aG[4], aC[4];
  run(4, 1, aKey, aRows, aRows, aG, aC);
  CHECK_INT(aG[0], 0); CHECK_INT(aG[1], 1); CHECK_INT(aG[2], 1); CHECK_INT(aG[3], 0);
  /* 50, 2, 2, 9: 2 + 2 = 4 < 5, so the 9 goes too (13). */
  int64_t aRows2[] = {50, 2, 2, 9};
  run(4, 1, aKey, aRows2, aRows2, aG, aC);
  CHECK_INT(aG[0], 0); CHECK_INT(aG[1], 1); CHECK_INT(aG[2], 1); CHECK_INT(aG[3], 1);
  /* Nothing small: nothing hidden. */
  int64_t aRows3[] = {50, 5, 7, 9};
  run(4, 1, aKey, aRows3, aRows3, aG, aC);
  CHECK_INT(aG[0] + aG[1] + aG[2] + aG[3], 0);
}

TEST(suppress_two_way_rows_and_columns){
  /* Touchpoint x channel: A-X 10, A-Y 3, B-X 10, B-Y 10. A-Y is hidden; row
  ** A would give it away with A's total (from a table by touchpoint), so
  ** A-X goes; column Y likewise, so B-Y goes. Row B and column X then hide
  ** 10 each: B-X stays. */
  int64_t aKey[] = {1,1, 1,2, 2,1, 2,2}, aRows[] = {10, 3, 10, 10};
  unsigned char aG[4], aC[4];
  run(4, 2, aKey, aRows, aRows, aG, aC);
  CHECK_INT(aG[0], 1); CHECK_INT(aG[1], 1); CHECK_INT(aG[2], 0); CHECK_INT(aG[3], 1);
}

TEST(suppress_figures_by_their_answers){
  /* Three groups of 20 responses; the NPS was answered 20, 3 and 20 times.
  ** The 3 answers are hidden; the total's NPS minus the others would give
  ** them, so the first of the two 20s is hidden as well. No group is. */
  int64_t aKey[] = {1, 2, 3}, aRows[] = {20, 20, 20}, aNps[] = {20, 3, 20};
  unsigned char aG[3], aC[3];
  run(3, 1, aKey, aRows, aNps, aG, aC);
  CHECK_INT(aG[0] + aG[1] + aG[2], 0);
  CHECK_INT(aC[0], 1); CHECK_INT(aC[1], 1); CHECK_INT(aC[2], 0);
  /* A figure nobody answered hides nothing and needs no company. */
  int64_t aNps2[] = {20, 0, 20};
  run(3, 1, aKey, aRows, aNps2, aG, aC);
  CHECK_INT(aC[0] + aC[1] + aC[2], 0);
}
