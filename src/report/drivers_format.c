/*
** Key-driver analysis output (drivers_format.h). Predictors are listed by
** rank (largest Shapley share first). The table shows shares as % of R²
** with their bootstrap intervals; CSV and JSON carry raw values as well.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "drivers_format.h"
#include "../base/util.h"
#include "../base/err.h"
#include "../base/i18n.h"

#define N_COL 9

/* Predictors in rank order (pointers into pR). Caller frees. */
static const DriversPred **by_rank(const DriversResult *pR){
  const DriversPred **ap = ecx_calloc((size_t)pR->nPred + 1, sizeof *ap);
  int j;
  for(j=0; j<pR->nPred; j++){
    int r = pR->aPred[j].rank;
    ap[r>=1 && r<=pR->nPred ? r - 1 : j] = &pR->aPred[j];
  }
  return ap;
}

static void num(Buf *b, double x, int nDec){
  if( !isnan(x) ) buf_printf(b, nDec==1 ? "%.1f" : nDec==2 ? "%.2f" : "%.3f", x);
}

static void ci(Buf *b, double lo, double hi, int nDec){
  if( isnan(lo) || isnan(hi) ) return;
  buf_putc(b, '['); num(b, lo, nDec); buf_puts(b, ", "); num(b, hi, nDec); buf_putc(b, ']');
}

/* UTF-8 code points of z. */
static int width_of(const char *z){
  int n = 0;
  for(; *z; z++) n += ((unsigned char)*z & 0xC0)!=0x80;
  return n;
}

static void heading(const Cube *pCube, const DriversResult *pR, const DriversShow *pS, Buf *pOut){
  if( pS->zTitle ) buf_printf(pOut, "%s — ", pS->zTitle);
  buf_printf(pOut, "%s %s (%s)\n", _("key drivers of"), pCube->aMet[pR->iOutcome].zName,
             pR->pairwise ? _("pairwise deletion") : _("listwise deletion"));
  report_filters_line(pOut, pS->zWhere, pS->zSegment, pS->zFrom, pS->zTo);
  buf_printf(pOut, "%s: %lld   R² = %.3f", pR->pairwise ? _("smallest pair n") : _("responses used"),
             (long long)pR->n, pR->r2);
  if( !isnan(pR->r2Lo) ) buf_printf(pOut, " [%.3f, %.3f]", pR->r2Lo, pR->r2Hi);
  buf_putc(pOut, '\n');
  if( pR->nBoot>0 ){
    buf_printf(pOut, "%s: %d %s (%d %s), %s %llu\n", _("bootstrap"), pR->nBoot, _("replicates"),
               pR->nBootOk, _("usable"), _("seed"), (unsigned long long)pR->seed);
  }
  buf_putc(pOut, '\n');
}

static int write_table(const Cube *pCube, const DriversResult *pR, const DriversShow *pS, Buf *pOut){
  const DriversPred **ap = by_rank(pR);
  int nCell = (pR->nPred + 1)*N_COL, aW[N_COL] = {0}, i, j, c;
  char **az = ecx_calloc((size_t)nCell, sizeof(char*));
  Buf t;
  const char *azHead[N_COL] = {
    _("rank"), _("predictor"), "n", _("mean"), "r", _("rel. weight %"), _("95% CI"),
    _("Shapley %"), _("95% CI")
  };
  heading(pCube, pR, pS, pOut);
  buf_init(&t, 4096);
  for(c=0; c<N_COL; c++) az[c] = ecx_strdup(azHead[c]);
  for(i=0; i<pR->nPred; i++){
    const DriversPred *p = ap[i];
    char **a = az + (i + 1)*N_COL;
    for(c=0; c<N_COL; c++){
      buf_reset(&t);
      switch( c ){
        case 0: buf_printf(&t, "%d", p->rank); break;
        case 1: buf_puts(&t, pCube->aMet[p->iMet].zName); break;
        case 2: buf_printf(&t, "%lld", (long long)p->n); break;
        case 3: num(&t, p->mean, 2); break;
        case 4: num(&t, p->r, 3); break;
        case 5: num(&t, p->rw.pct, 1); break;
        case 6: ci(&t, p->rw.pctLo, p->rw.pctHi, 1); break;
        case 7: num(&t, p->shapley.pct, 1); break;
        default: ci(&t, p->shapley.pctLo, p->shapley.pctHi, 1); break;
      }
      a[c] = ecx_strdup(buf_str(&t));
    }
  }
  for(i=0; i<nCell; i++){
    int w = width_of(az[i]);
    if( w>aW[i % N_COL] ) aW[i % N_COL] = w;
  }
  for(i=0; i<=pR->nPred; i++){
    for(c=0; c<N_COL; c++){
      const char *z = az[i*N_COL + c];
      int pad = aW[c] - width_of(z), right = c!=1;
      if( right ) for(j=0; j<pad; j++) buf_putc(pOut, ' ');
      buf_puts(pOut, z);
      if( !right && c<N_COL - 1 ) for(j=0; j<pad; j++) buf_putc(pOut, ' ');
      buf_puts(pOut, c<N_COL - 1 ? "  " : "\n");
    }
  }
  buf_printf(pOut, "\n%s\n", _("rel. weight and Shapley: share of the explained variance (R²) due to"
             " each predictor; they add up to 100%."));
  for(i=0; i<nCell; i++) free(az[i]);
  free(az);
  free(ap);
  buf_free(&t);
  return ECX_OK;
}

static void csv_num(Buf *b, double x){
  buf_putc(b, ',');
  if( !isnan(x) ) buf_printf(b, "%.6f", x);
}

static void csv_weight(Buf *b, const DriversWeight *w){
  csv_num(b, w->raw); csv_num(b, w->lo); csv_num(b, w->hi);
  csv_num(b, w->pct); csv_num(b, w->pctLo); csv_num(b, w->pctHi);
}

static int write_csv(const Cube *pCube, const DriversResult *pR, Buf *pOut){
  const DriversPred **ap = by_rank(pR);
  int i;
  buf_puts(pOut, "outcome,deletion,n_used,r2,r2_low,r2_high,rank,predictor,n,mean,r,"
           "rw,rw_low,rw_high,rw_pct,rw_pct_low,rw_pct_high,"
           "shapley,shapley_low,shapley_high,shapley_pct,shapley_pct_low,shapley_pct_high\n");
  for(i=0; i<pR->nPred; i++){
    const DriversPred *p = ap[i];
    buf_printf(pOut, "%q,%s,%lld", pCube->aMet[pR->iOutcome].zName,
               pR->pairwise ? "pairwise" : "listwise", (long long)pR->n);
    csv_num(pOut, pR->r2); csv_num(pOut, pR->r2Lo); csv_num(pOut, pR->r2Hi);
    buf_printf(pOut, ",%d,%q,%lld", p->rank, pCube->aMet[p->iMet].zName, (long long)p->n);
    csv_num(pOut, p->mean); csv_num(pOut, p->r);
    csv_weight(pOut, &p->rw);
    csv_weight(pOut, &p->shapley);
    buf_putc(pOut, '\n');
  }
  free(ap);
  return ECX_OK;
}

static void json_num(Buf *b, const char *zKey, double x){
  if( zKey ) buf_printf(b, "%j:", zKey);
  if( isnan(x) ) buf_puts(b, "null"); else buf_printf(b, "%.6f", x);
}

static void json_weight(Buf *b, const char *zKey, const DriversWeight *w){
  buf_printf(b, ",%j:{", zKey);
  json_num(b, "value", w->raw); buf_putc(b, ',');
  json_num(b, "ci_low", w->lo); buf_putc(b, ',');
  json_num(b, "ci_high", w->hi); buf_putc(b, ',');
  json_num(b, "pct", w->pct); buf_putc(b, ',');
  json_num(b, "pct_low", w->pctLo); buf_putc(b, ',');
  json_num(b, "pct_high", w->pctHi); buf_putc(b, '}');
}

static int write_json(const Cube *pCube, const DriversResult *pR, const DriversShow *pS, Buf *pOut){
  const DriversPred **ap = by_rank(pR);
  int i, j, v = pR->nPred + 1;
  buf_printf(pOut, "{\"title\":%j,\"outcome\":%j,\"deletion\":%j,\"where\":%j,\"segment\":%j,"
             "\"from\":%j,\"to\":%j,\"n\":%lld,", pS->zTitle, pCube->aMet[pR->iOutcome].zName,
             pR->pairwise ? "pairwise" : "listwise", pS->zWhere, pS->zSegment, pS->zFrom, pS->zTo,
             (long long)pR->n);
  json_num(pOut, "r2", pR->r2); buf_putc(pOut, ',');
  json_num(pOut, "r2_low", pR->r2Lo); buf_putc(pOut, ',');
  json_num(pOut, "r2_high", pR->r2Hi);
  buf_printf(pOut, ",\"bootstrap\":{\"replicates\":%d,\"usable\":%d,\"seed\":%llu},\"predictors\":[",
             pR->nBoot, pR->nBootOk, (unsigned long long)pR->seed);
  for(i=0; i<pR->nPred; i++){
    const DriversPred *p = ap[i];
    buf_printf(pOut, "%s\n{\"name\":%j,\"rank\":%d,\"n\":%lld,", i ? "," : "",
               pCube->aMet[p->iMet].zName, p->rank, (long long)p->n);
    json_num(pOut, "mean", p->mean); buf_putc(pOut, ',');
    json_num(pOut, "r", p->r);
    json_weight(pOut, "relative_weight", &p->rw);
    json_weight(pOut, "shapley", &p->shapley);
    buf_putc(pOut, '}');
  }
  buf_puts(pOut, "],\n\"correlations\":{\"variables\":[");
  buf_printf(pOut, "%j", pCube->aMet[pR->iOutcome].zName);
  for(j=0; j<pR->nPred; j++) buf_printf(pOut, ",%j", pCube->aMet[pR->aPred[j].iMet].zName);
  buf_puts(pOut, "],\"matrix\":[");
  for(i=0; i<v; i++){
    buf_puts(pOut, i ? ",[" : "[");
    for(j=0; j<v; j++){
      if( j ) buf_putc(pOut, ',');
      json_num(pOut, 0, pR->aCorr[i*v + j]);
    }
    buf_putc(pOut, ']');
  }
  buf_puts(pOut, "]}}\n");
  free(ap);
  return ECX_OK;
}

int drivers_format(const Cube *pCube, const DriversResult *pR, const DriversShow *pS, Buf *pOut){
  switch( pS->format ){
    case REPORT_CSV:  write_csv(pCube, pR, pOut); break;
    case REPORT_JSON: write_json(pCube, pR, pS, pOut); break;
    default:          write_table(pCube, pR, pS, pOut); break;
  }
  return pOut->overflow ? err_set(ECX_ETOOBIG, _("report too large")) : ECX_OK;
}

static int unknown_metric(const Cube *pCube, const char *z){
  Buf b;
  int i, rc;
  buf_init(&b, 4096);
  for(i=0; i<pCube->nMet; i++) buf_printf(&b, "%s%s", i ? ", " : "", pCube->aMet[i].zName);
  rc = err_set(ECX_EINVAL, _("no rated metric \"%s\" (metrics: %s)"), z, i ? buf_str(&b) : _("none yet"));
  buf_free(&b);
  return rc;
}

/* Metric indexes of the comma-separated list z, or of every dimension
** other than the outcome when z is NULL. */
static int parse_predictors(const Cube *pCube, const char *z, int iOutcome, int *aiPred, int *pnPred){
  int n = 0, i;
  if( z==0 ){
    for(i=0; i<pCube->nMet; i++){
      if( pCube->aMet[i].kind!=CUBE_MET_RATING || i==iOutcome ) continue;
      if( n==DRIVERS_MAX_PRED ){
        return err_set(ECX_EINVAL, _("more than %d dimensions: name the predictors with --predictors"),
                       DRIVERS_MAX_PRED);
      }
      aiPred[n++] = i;
    }
    if( n==0 ) return err_set(ECX_EINVAL, _("the workspace has no rated dimensions to use as predictors"));
  }else{
    const char *p = z;
    while( *p ){
      const char *e = strchr(p, ',');
      size_t len = e ? (size_t)(e - p) : strlen(p);
      char *zName = ecx_strndup(p, len);
      int k = cube_met_find(pCube, util_trim(zName));
      if( k<0 ){ int rc = unknown_metric(pCube, util_trim(zName)); free(zName); return rc; }
      free(zName);
      if( n==DRIVERS_MAX_PRED ){
        return err_set(ECX_EINVAL, _("at most %d predictors are allowed"), DRIVERS_MAX_PRED);
      }
      aiPred[n++] = k;
      p += len + (e ? 1 : 0);
    }
    if( n==0 ) return err_set(ECX_EUSAGE, _("--predictors needs at least one name"));
  }
  *pnPred = n;
  return ECX_OK;
}

int drivers_prepare(const Cube *pCube, const DriversAsk *pA, DriversSpec *pSpec, int *aiPred, CubeWhere *pW){
  const char *zOutcome = pA->zOutcome && pA->zOutcome[0] ? pA->zOutcome : "nps";
  const char *zPred = pA->zPredictors && pA->zPredictors[0] ? pA->zPredictors : 0;
  int rc = ECX_OK;
  memset(pSpec, 0, sizeof *pSpec);
  memset(pW, 0, sizeof *pW);
  pSpec->iOutcome = cube_met_find(pCube, zOutcome);
  if( pSpec->iOutcome<0 ) rc = unknown_metric(pCube, zOutcome);
  if( rc==ECX_OK ) rc = parse_predictors(pCube, zPred, pSpec->iOutcome, aiPred, &pSpec->nPred);
  if( rc==ECX_OK ) rc = report_where_scoped(pCube, pA->zScope, pA->zWhere && pA->zWhere[0] ? pA->zWhere : 0,
                                            pA->zSegment && pA->zSegment[0] ? pA->zSegment : 0, pW);
  pSpec->aiPred = aiPred;
  pSpec->pWhere = pW;
  pSpec->dayFrom = INT64_MIN;
  pSpec->dayTo = INT64_MAX;
  if( rc==ECX_OK && pA->zFrom && pA->zFrom[0] ) rc = report_parse_day(pA->zFrom, pA->zFromOpt, &pSpec->dayFrom);
  if( rc==ECX_OK && pA->zTo && pA->zTo[0] ) rc = report_parse_day(pA->zTo, pA->zToOpt, &pSpec->dayTo);
  pSpec->pairwise = pA->pairwise;
  pSpec->nBoot = pA->nBoot;
  pSpec->seed = pA->seed;
  return rc;
}
