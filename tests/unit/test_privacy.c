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
static void run(int64_t nGroup, int nBy, const int64_t *aKey, const int64_t *aRows,
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
  report_suppress(nGroup, nBy, aKey, aRows, aa, &f, 1, 5, aGroup, aCell);
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
