/*
** The differencing guard. Suppressing groups under min_n is not enough when
** a person can ask for two totals that differ by a handful of responses:
** "everyone" and "everyone except Lima" differ exactly by Lima. So a filter
** is refused when dropping any one of its conditions (a --where clause, the
** segment, a date bound) would add between 1 and min_n - 1 responses: the
** two answers together would describe fewer than min_n people.
*/
#include <string.h>
#include "report.h"
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

int report_guard(const Cube *pC, const CubeQuery *pQ, int minN){
  int64_t n, nWider;
  int t, rc;
  if( minN<=1 ) return ECX_OK;
  rc = count_rows(pC, pQ, &n);
  if( rc ) return rc;
  if( pQ->pWhere ){
    for(t=0; t<pQ->pWhere->nTerm && rc==ECX_OK; t++){
      struct CubeWhereTerm aTerm[64];
      CubeWhere w;
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
  return rc;
}
