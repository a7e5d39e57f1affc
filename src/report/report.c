/*
** Computing a report: the groupings and filters of a ReportSpec become cube
** queries; groups are matched with the previous period for changes.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "report_int.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"

int report_figures(const Cube *pCube, Figure *aFig, int nMax){
  int m, n = 0;
  for(m=0; m<pCube->nMet; m++){
    const CubeMetric *pM = &pCube->aMet[m];
    Figure f = { m, FIG_MEAN, 0, pM->zName, pM->zName };
    switch( pM->kind ){
      case CUBE_MET_NPS:  f.kind = FIG_NPS; f.zLabel = "NPS"; break;
      case CUBE_MET_CSAT: f.kind = FIG_SHARE; f.xMin = 4; f.zLabel = _("CSAT (% top-2-box)"); break;
      case CUBE_MET_CES:  f.zLabel = _("CES (mean)"); break;
      default: break;
    }
    if( n<nMax ) aFig[n++] = f;
    if( pM->kind==CUBE_MET_CES && n<nMax ){
      Figure g = { m, FIG_SHARE, 5, "ces_agree", _("CES (% agreeing, 5-7)") };
      aFig[n++] = g;
    }
  }
  return n;
}

void report_estimate(const Figure *f, const int64_t *aHist, Estimate *pE){
  static const int64_t aZero[CUBE_HIST];
  const int64_t *h = aHist ? aHist + f->iMet*CUBE_HIST : aZero;
  StatsNps nps;
  StatsProp prop;
  StatsMean mean;
  switch( f->kind ){
    case FIG_NPS:   cube_hist_nps(h, &nps); stats_nps(&nps, pE); break;
    case FIG_SHARE: cube_hist_share(h, f->xMin, &prop); stats_wilson(&prop, pE); break;
    case FIG_MEAN:  cube_hist_mean(h, &mean); stats_mean(&mean, pE); break;
  }
}

void report_change(const Figure *f, const int64_t *aNow, const int64_t *aBefore, Change *pC){
  const int64_t *h1 = aNow + f->iMet*CUBE_HIST, *h0 = aBefore + f->iMet*CUBE_HIST;
  StatsNps n1, n0;
  StatsProp p1, p0;
  StatsMean m1, m0;
  switch( f->kind ){
    case FIG_NPS:
      cube_hist_nps(h1, &n1); cube_hist_nps(h0, &n0); stats_nps_change(&n1, &n0, pC); break;
    case FIG_SHARE:
      cube_hist_share(h1, f->xMin, &p1); cube_hist_share(h0, f->xMin, &p0);
      stats_prop_change(&p1, &p0, pC); break;
    case FIG_MEAN:
      cube_hist_mean(h1, &m1); cube_hist_mean(h0, &m0); stats_mean_change(&m1, &m0, pC); break;
  }
}

/* Parse the comma-separated groupings into pQ and azName (pointing into
** the copy *pzCopy, which the caller frees). */
static int parse_by(const Cube *pCube, const char *zBy, CubeQuery *pQ,
                    const char **azName, char **pzCopy, int *piPeriod){
  char *z, *zTok, *zSave = 0;
  *piPeriod = -1;
  if( zBy==0 || zBy[0]==0 ) return ECX_OK;
  z = *pzCopy = ecx_strdup(zBy);
  for(zTok=strtok_r(z, ",", &zSave); zTok; zTok=strtok_r(0, ",", &zSave)){
    char *zName = util_trim(zTok);
    CubePeriod p = cube_period_from_name(zName);
    int iCol = cube_col_find(pCube, zName);
    if( zName[0]==0 ) continue;
    if( pQ->nBy>=CUBE_MAX_BY ){
      return err_set(ECX_EINVAL, _("at most %d groupings in --by"), CUBE_MAX_BY);
    }
    if( p!=CUBE_PERIOD_NONE ){
      if( *piPeriod>=0 ) return err_set(ECX_EINVAL, _("only one period in --by"));
      *piPeriod = pQ->nBy;
      pQ->aBy[pQ->nBy].iCol = -1;
      pQ->aBy[pQ->nBy].period = p;
    }else if( iCol>=0 ){
      pQ->aBy[pQ->nBy].iCol = iCol;
      pQ->aBy[pQ->nBy].period = CUBE_PERIOD_NONE;
      if( pCube->aCol[iCol].kind==CUBE_COL_COMPETITOR ) pQ->withBenchmark = 1;
    }else{
      Buf b;
      int i, rc;
      buf_init(&b, 4096);
      for(i=0; i<pCube->nCol; i++) buf_printf(&b, "%s, ", pCube->aCol[i].zName);
      buf_puts(&b, "day, week, month, quarter, year");
      rc = err_set(ECX_EINVAL, _("cannot group by \"%s\" (choose from: %s)"), zName, buf_str(&b));
      buf_free(&b);
      return rc;
    }
    azName[pQ->nBy++] = zName;
  }
  return ECX_OK;
}

int report_parse_day(const char *z, const char *zOpt, int64_t *pDay){
  int64_t ts;
  if( util_parse_time(z, &ts) ){
    return err_set(ECX_EINVAL, _("%s: \"%s\" is not a date (use YYYY-MM-DD)"), zOpt, z);
  }
  *pDay = util_day_of_ts(ts);
  return ECX_OK;
}

/* Index of the group of pR whose keys are aKey, or -1 (groups are sorted). */
static int64_t find_group(const CubeResult *pR, const int64_t *aKey){
  int64_t lo = 0, hi = pR->nGroup - 1;
  while( lo<=hi ){
    int64_t mid = (lo + hi)/2;
    const int64_t *x = pR->aKey + mid*pR->nBy;
    int k, c = 0;
    for(k=0; k<pR->nBy && c==0; k++) c = x[k]<aKey[k] ? -1 : x[k]>aKey[k] ? 1 : 0;
    if( c==0 ) return mid;
    if( c<0 ) lo = mid + 1; else hi = mid - 1;
  }
  return -1;
}

/* Keep only the figures named in zList (comma-separated ids). */
static int select_figures(ReportData *pD, const char *zList){
  Figure aKeep[REPORT_MAX_FIG];
  char *z = ecx_strdup(zList), *zTok, *zSave = 0;
  int n = 0, i, rc = ECX_OK;
  for(zTok=strtok_r(z, ",", &zSave); zTok && rc==ECX_OK; zTok=strtok_r(0, ",", &zSave)){
    char *zId = util_trim(zTok);
    for(i=0; i<pD->nFig && strcmp(pD->aFig[i].zId, zId)!=0; i++){}
    if( i==pD->nFig ){
      Buf b;
      buf_init(&b, 4096);
      for(i=0; i<pD->nFig; i++) buf_printf(&b, "%s%s", i ? ", " : "", pD->aFig[i].zId);
      rc = err_set(ECX_EINVAL, _("no metric \"%s\" (metrics: %s)"), zId, buf_str(&b));
      buf_free(&b);
    }else if( n<REPORT_MAX_FIG ){
      aKeep[n++] = pD->aFig[i];
    }
  }
  free(z);
  if( rc==ECX_OK ){
    memcpy(pD->aFig, aKeep, sizeof(Figure)*(size_t)n);
    pD->nFig = n;
  }
  return rc;
}

static ReportRow *add_row(ReportData *pD){
  ReportRow *p;
  pD->aRow = ecx_realloc(pD->aRow, sizeof(ReportRow)*(size_t)(pD->nRow + 1));
  p = &pD->aRow[pD->nRow++];
  memset(p, 0, sizeof *p);
  return p;
}

int report_where_compile(const Cube *pCube, const char *zWhere, const char *zSegment, CubeWhere *pW){
  Filter f;
  int rc = filter_parse(zWhere, &f);
  if( rc==ECX_OK && zSegment ){
    Filter s;
    FilterClause c;
    char *azVal[1];
    azVal[0] = (char*)zSegment;
    c.zKey = (char*)"segment"; c.negate = 0; c.nValue = 1; c.azValue = azVal;
    s.nClause = 1; s.aClause = &c;
    filter_append(&f, &s);
  }
  if( rc==ECX_OK ) rc = cube_where_compile(pCube, &f, 0, pW);
  filter_free(&f);
  return rc;
}

int report_where_scoped(const Cube *pCube, const char *zScope, const char *zWhere, const char *zSegment,
                        CubeWhere *pW){
  CubeWhere user;
  memset(&user, 0, sizeof user);     /* left as it is when the filter does not parse */
  int rc = report_where_compile(pCube, zWhere, zSegment, &user);
  if( rc || !zScope ){ *pW = user; return rc; }
  rc = report_where_compile(pCube, zScope, 0, pW);
  if( rc ){ cube_where_free(&user); return rc; }
  /* The scope's terms first, then the user's (their masks change hands). */
  pW->nFixed = pW->nTerm;
  pW->aTerm = ecx_realloc(pW->aTerm, sizeof(*pW->aTerm)*(size_t)(pW->nTerm + user.nTerm + 1));
  if( user.nTerm ) memcpy(pW->aTerm + pW->nTerm, user.aTerm, sizeof(*user.aTerm)*(size_t)user.nTerm);
  pW->nTerm += user.nTerm;
  free(user.aTerm);
  return ECX_OK;
}

/* 1 if the window [dayFrom, dayTo] with pQ's filter passes the guard: a
** change against it reveals its figures, so it must be a window a report
** could show. */
static int prev_allowed(const Cube *pCube, const CubeQuery *pQ, int64_t dayFrom, int64_t dayTo, int minN){
  CubeQuery q = *pQ;
  q.nBy = 0;
  q.dayFrom = dayFrom;
  q.dayTo = dayTo;
  int ok = report_guard(pCube, &q, minN)==ECX_OK;
  err_clear();
  return ok;
}

/* Which groups, figures and previous-period figures of the report may be
** shown: the total row by its own counts, the groups by report_suppress, so
** that the total minus the shown groups never describes fewer than minN. */
static void mark_hidden(ReportData *pD, int minN){
  ReportRow *a = pD->aRow;
  int64_t nG = pD->nRow - 1;
  int nBy = pD->nBy, f;
  Estimate e;
  a[0].hidden = a[0].nRows < minN;
  for(f = 0; f < pD->nFig; f++){
    report_estimate(&pD->aFig[f], a[0].aHist, &e);
    a[0].aHide[f] = a[0].hidden || (e.n > 0 && e.n < minN);
    report_estimate(&pD->aFig[f], a[0].aPrev, &e);
    a[0].aHidePrev[f] = a[0].nPrevRows < minN || e.n < minN;
  }
  if( nG<=0 ) return;
  int64_t *aKey = ecx_calloc((size_t)(nG*nBy) + 1, sizeof(int64_t));
  int64_t *aRows = ecx_calloc((size_t)nG + 1, sizeof(int64_t));
  const int64_t **aaHist = ecx_calloc((size_t)nG + 1, sizeof(int64_t*));
  unsigned char *aGroup = ecx_calloc((size_t)nG + 1, 1);
  unsigned char *aCell = ecx_calloc((size_t)(nG*pD->nFig) + 1, 1);
  for(int pass = 0; pass < (pD->hasCompare ? 2 : 1); pass++){
    /* Pass 0: the groups; pass 1: their previous periods, whose figures a
    ** change would reveal. */
    for(int64_t g = 0; g < nG; g++){
      const ReportRow *r = &a[g + 1];
      memcpy(aKey + g*nBy, r->aKey, sizeof(int64_t)*(size_t)nBy);
      aRows[g] = pass ? (r->aPrev ? r->nPrevRows : 0) : r->nRows;
      aaHist[g] = pass ? r->aPrev : r->aHist;
    }
    report_suppress(nG, nBy, pD->aBy, aKey, aRows, aaHist, pD->aFig, pD->nFig, minN, aGroup, aCell);
    for(int64_t g = 0; g < nG; g++){
      ReportRow *r = &a[g + 1];
      if( pass==0 ) r->hidden = aGroup[g];
      for(f = 0; f < pD->nFig; f++){
        if( pass==0 ) r->aHide[f] = aCell[g*pD->nFig + f]; else r->aHidePrev[f] = aCell[g*pD->nFig + f];
      }
    }
  }
  free(aKey); free(aRows); free(aaHist); free(aGroup); free(aCell);
}

int report_run(const Cube *pCube, const ReportSpec *pSpec, Buf *pOut){
  ReportData d;
  CubeQuery q, qAll;
  CubeWhere where;
  CubeResult rAll, rGroup, rPrev, rPrevAll;
  char *zByCopy = 0;
  int iPer = -1, rc, k;
  int64_t g, keyFrom = INT64_MIN, keyTo = INT64_MAX, aKey[CUBE_MAX_BY];
  memset(&d, 0, sizeof d);
  memset(&q, 0, sizeof q);
  memset(&where, 0, sizeof where);
  memset(&rAll, 0, sizeof rAll); memset(&rGroup, 0, sizeof rGroup);
  memset(&rPrev, 0, sizeof rPrev); memset(&rPrevAll, 0, sizeof rPrevAll);
  d.pCube = pCube;
  d.pSpec = pSpec;
  d.nFig = report_figures(pCube, d.aFig, REPORT_MAX_FIG);
  q.dayFrom = INT64_MIN;
  q.dayTo = INT64_MAX;
  rc = parse_by(pCube, pSpec->zBy, &q, d.azBy, &zByCopy, &iPer);
  if( rc==ECX_OK && pSpec->zMetrics ) rc = select_figures(&d, pSpec->zMetrics);
  if( rc==ECX_OK && pSpec->zFrom ) rc = report_parse_day(pSpec->zFrom, "--from", &q.dayFrom);
  if( rc==ECX_OK && pSpec->zTo ) rc = report_parse_day(pSpec->zTo, "--to", &q.dayTo);
  if( rc==ECX_OK && q.dayFrom>q.dayTo ) rc = err_set(ECX_EINVAL, _("--from is after --to"));
  if( rc==ECX_OK && pSpec->comparePrevious && iPer<0 && (!pSpec->zFrom || !pSpec->zTo) ){
    rc = err_set(ECX_EINVAL, _("--compare previous needs a period in --by (week, month...) or both --from and --to"));
  }
  if( rc==ECX_OK ) rc = report_where_scoped(pCube, pSpec->zScope, pSpec->zWhere, pSpec->zSegment, &where);
  if( rc ) goto out;
  d.nBy = q.nBy;
  memcpy(d.aBy, q.aBy, sizeof d.aBy);
  d.hasCompare = pSpec->comparePrevious;
  q.pWhere = &where;
  qAll = q;
  qAll.nBy = 0;
  rc = report_guard(pCube, &qAll, pSpec->minN);
  if( rc==ECX_OK ) rc = cube_query(pCube, &qAll, &rAll);
  if( rc==ECX_OK && pSpec->comparePrevious && pSpec->zFrom && pSpec->zTo
   && prev_allowed(pCube, &qAll, q.dayFrom - (q.dayTo - q.dayFrom + 1), q.dayFrom - 1, pSpec->minN) ){
    CubeQuery qp = qAll;
    qp.dayTo = q.dayFrom - 1;
    qp.dayFrom = q.dayFrom - (q.dayTo - q.dayFrom + 1);
    rc = cube_query(pCube, &qp, &rPrevAll);
    if( rc==ECX_OK && iPer<0 && q.nBy>0 ){
      qp.nBy = q.nBy;
      rc = cube_query(pCube, &qp, &rPrev);
    }
  }
  if( rc==ECX_OK && q.nBy>0 ){
    CubeQuery qg = q;
    if( iPer>=0 && pSpec->comparePrevious ){
      CubePeriod p = q.aBy[iPer].period;
      if( pSpec->zFrom ){
        keyFrom = cube_period_key(p, q.dayFrom);
        /* The period before the first one, for its change, if a report of
        ** that period alone would be allowed. */
        int64_t d0 = cube_period_start(p, keyFrom - 1);
        if( prev_allowed(pCube, &qAll, d0, cube_period_start(p, keyFrom) - 1, pSpec->minN) ) qg.dayFrom = d0;
      }
      if( pSpec->zTo ) keyTo = cube_period_key(p, q.dayTo);
    }
    rc = cube_query(pCube, &qg, &rGroup);
  }
  if( rc ) goto out;
  {
    ReportRow *pRow = add_row(&d);
    pRow->azKey[0] = ecx_strdup(_("Total"));
    for(k=1; k<d.nBy; k++) pRow->azKey[k] = ecx_strdup("");
    pRow->nRows = rAll.nGroup ? rAll.aRows[0] : 0;
    pRow->aHist = rAll.nGroup ? rAll.aHist : 0;
    if( rPrevAll.nGroup ){ pRow->aPrev = rPrevAll.aHist; pRow->nPrevRows = rPrevAll.aRows[0]; }
  }
  for(g=0; g<rGroup.nGroup; g++){
    const int64_t *x = rGroup.aKey + g*rGroup.nBy;
    int nH = rGroup.nMet*CUBE_HIST;
    ReportRow *pRow;
    int64_t j = -1;
    char zLabel[256];
    if( iPer>=0 && (x[iPer]<keyFrom || x[iPer]>keyTo) ) continue;
    pRow = add_row(&d);
    for(k=0; k<d.nBy; k++){
      pRow->azKey[k] = ecx_strdup(cube_result_label(pCube, &rGroup, g, k, zLabel, sizeof zLabel));
      pRow->aKey[k] = x[k];
    }
    pRow->nRows = rGroup.aRows[g];
    pRow->aHist = rGroup.aHist + g*nH;
    if( pSpec->comparePrevious && iPer>=0 ){
      memcpy(aKey, x, sizeof(int64_t)*(size_t)rGroup.nBy);
      aKey[iPer]--;
      j = find_group(&rGroup, aKey);
      if( j>=0 ){ pRow->aPrev = rGroup.aHist + j*nH; pRow->nPrevRows = rGroup.aRows[j]; }
    }else if( pSpec->comparePrevious ){
      j = find_group(&rPrev, x);
      if( j>=0 ){ pRow->aPrev = rPrev.aHist + j*nH; pRow->nPrevRows = rPrev.aRows[j]; }
    }
  }
  mark_hidden(&d, pSpec->minN);
  rc = report_write(&d, pOut);
out:
  for(g=0; g<d.nRow; g++){
    for(k=0; k<CUBE_MAX_BY; k++) free(d.aRow[g].azKey[k]);
  }
  free(d.aRow);
  cube_result_free(&rAll); cube_result_free(&rGroup);
  cube_result_free(&rPrev); cube_result_free(&rPrevAll);
  cube_where_free(&where);
  free(zByCopy);
  return rc;
}
