/*
** The differencing guard. Suppressing groups under min_n is not enough when
** a person can ask for two totals that differ by a handful of responses:
** "everyone" and "everyone except Lima" differ exactly by Lima. So a filter
** is refused when dropping any one of its conditions (a --where clause, the
** segment, a date bound) would add between 1 and min_n - 1 responses: the
** two answers together would describe fewer than min_n people.
**
** Date bounds have a second way in: two queries whose --to (or --from)
** dates differ by a day or two differ by the few responses of those days.
** So a bound may only fall where the responses of the filter, counted day
** by day from the first, have grown by min_n or more since the previous
** place a bound may fall (or not at all: days without responses). Any two
** allowed --to dates then enclose 0 or at least min_n responses, and so do
** any two --from dates; a window inside another differs from it by two such
** slices. The places are counted from the first day, so responses arriving
** later do not move them. They are checked for the whole filter and for the
** filter without each of its conditions, which a guard above already pairs
** it with.
**
** The terms of a reader's scope (the first CubeWhere.nFixed: a front-line
** user's or an area lead's touchpoints) are never dropped: that reader
** cannot ask a question without them, and a count outside the scope is not
** theirs to learn, even in a refusal.
*/
#include <stdlib.h>
#include <string.h>
#include "report.h"
#include "../base/util.h"
#include "../base/err.h"
#include "../base/i18n.h"

static int count_rows(const Cube *pC, const CubeQuery *pQ, int64_t *pN){
  return cube_count(pC, pQ, pN);
}

static int refuse(int64_t diff, int minN, const char *zWhat){
  return err_set(ECX_ESMALL, _("without %s the result would have %lld more responses, fewer than the "
                               "minimum of %d: together the two results would describe a group too "
                               "small to show; widen or drop that condition"),
                 zWhat, (long long)diff, minN);
}

/* Check the bounds of pQ against the allowed places for the filter pW:
** ECX_ESMALL naming the bound and the nearest allowed dates otherwise. */
static int bounds_allowed(const Cube *pC, const CubeQuery *pQ, const CubeWhere *pW, int minN){
  CubeQuery q = *pQ;
  CubeResult r;
  q.pWhere = pW;
  q.dayFrom = INT64_MIN;
  q.dayTo = INT64_MAX;
  q.nBy = 1;
  q.aBy[0].iCol = -1;
  q.aBy[0].period = CUBE_PERIOD_DAY;
  int rc = cube_query(pC, &q, &r);
  if( rc ) return rc;
  int64_t n = r.nGroup, nAll = 0, last = 0, cum = 0;
  for(int64_t g = 0; g < n; g++) nAll += r.aRows[g];
  /* aOk[g]: a bound may fall after day g (the g-th day with responses). */
  unsigned char *aOk = ecx_calloc((size_t)n + 1, 1);
  for(int64_t g = 0; g < n; g++){
    cum += r.aRows[g];
    if( cum - last >= minN ){ aOk[g] = 1; last = cum; }
  }
  for(int side = 0; side < 2 && rc==ECX_OK; side++){
    /* side 0: --to b cuts after the last day <= b; side 1: --from a cuts
    ** after the last day < a. */
    int64_t day = side==0 ? pQ->dayTo : pQ->dayFrom;
    if( side==0 ? day==INT64_MAX : day==INT64_MIN ) continue;
    int64_t lim = side==0 ? day : day - 1, g = -1, pos = 0;
    while( g + 1 < n && r.aKey[g + 1] <= lim ){ g++; pos += r.aRows[g]; }
    if( pos==0 || pos==nAll || aOk[g] ) continue;
    /* The nearest allowed places below and above, as dates to suggest. */
    int64_t lo = g, hi = g + 1;
    while( lo >= 0 && !aOk[lo] ) lo--;
    while( hi < n - 1 && !aOk[hi] ) hi++;
    char zDay[16], zLo[16], zHi[16];
    const char *zOpt = side==0 ? "--to" : "--from";
    util_fmt_day(zDay, sizeof zDay, day);
    util_fmt_day(zLo, sizeof zLo, lo >= 0 ? r.aKey[lo] + side : r.aKey[0] - 1 + side);
    util_fmt_day(zHi, sizeof zHi, r.aKey[hi] + side);
    rc = err_set(ECX_ESMALL, _("%s %s would set apart fewer than the minimum of %d responses from "
                               "what a nearby date gives: two results could be subtracted to describe "
                               "a group too small to show; use %s %s or %s %s"),
                 zOpt, zDay, minN, zOpt, zLo, zOpt, zHi);
  }
  free(aOk);
  cube_result_free(&r);
  return rc;
}

int report_guard(const Cube *pC, const CubeQuery *pQ, int minN){
  int64_t n, nWider;
  int t, rc;
  if( minN<=1 ) return ECX_OK;
  /* Nothing of the reader's to drop (only the scope, no date bound): no
  ** wider query to compare with. */
  if( (!pQ->pWhere || pQ->pWhere->nTerm==pQ->pWhere->nFixed)
   && pQ->dayFrom==INT64_MIN && pQ->dayTo==INT64_MAX ) return ECX_OK;
  rc = count_rows(pC, pQ, &n);
  if( rc ) return rc;
  if( pQ->pWhere ){
    for(t=pQ->pWhere->nFixed; t<pQ->pWhere->nTerm && rc==ECX_OK; t++){
      struct CubeWhereTerm aTerm[64];
      CubeWhere w = {0};
      CubeQuery q = *pQ;
      int k, m = 0;
      for(k=0; k<pQ->pWhere->nTerm && m<64; k++) if( k!=t ) aTerm[m++] = pQ->pWhere->aTerm[k];
      w.nTerm = m;
      w.aTerm = aTerm;
      q.pWhere = &w;
      rc = count_rows(pC, &q, &nWider);
      if( rc==ECX_OK && nWider>n && nWider - n<minN ){
        rc = refuse(nWider - n, minN, pC->aCol[pQ->pWhere->aTerm[t].iCol].zName);
      }
    }
  }
  if( rc==ECX_OK && pQ->dayFrom!=INT64_MIN ){
    CubeQuery q = *pQ;
    q.dayFrom = INT64_MIN;
    rc = count_rows(pC, &q, &nWider);
    if( rc==ECX_OK && nWider>n && nWider - n<minN ) rc = refuse(nWider - n, minN, "--from");
  }
  if( rc==ECX_OK && pQ->dayTo!=INT64_MAX ){
    CubeQuery q = *pQ;
    q.dayTo = INT64_MAX;
    rc = count_rows(pC, &q, &nWider);
    if( rc==ECX_OK && nWider>n && nWider - n<minN ) rc = refuse(nWider - n, minN, "--to");
  }
  if( rc==ECX_OK && (pQ->dayFrom!=INT64_MIN || pQ->dayTo!=INT64_MAX) ){
    /* Where the bounds may fall: for the filter, and without each term. */
    int nTerm = pQ->pWhere ? pQ->pWhere->nTerm : 0;
    rc = bounds_allowed(pC, pQ, pQ->pWhere, minN);
    for(t=pQ->pWhere ? pQ->pWhere->nFixed : 0; t<nTerm && rc==ECX_OK; t++){
      struct CubeWhereTerm aTerm[64];
      CubeWhere w = {0};
      int k, m = 0;
      for(k=0; k<nTerm && m<64; k++) if( k!=t ) aTerm[m++] = pQ->pWhere->aTerm[k];
      w.nTerm = m;
      w.aTerm = aTerm;
      rc = bounds_allowed(pC, pQ, &w, minN);
    }
  }
  return rc;
}
