/*
** ecx drivers: key-driver analysis of a workspace (which rated dimensions
** explain the NPS, or another outcome), as a table, CSV or JSON.
*/
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../engine/drivers.h"
#include "../model/workspace.h"
#include "../report/drivers_format.h"

typedef struct DrvArgs {
  const char *zOutcome, *zPredictors, *zSegment, *zWhere, *zFrom, *zTo;
  int pairwise;
  int64_t nBoot, seed;
  ReportFormat format;
} DrvArgs;

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

/* Compile --where and --segment into pW. */
static int compile_filter(const Cube *pCube, const DrvArgs *pA, CubeWhere *pW){
  Buf b;
  Filter f;
  int rc;
  buf_init(&b, 0);
  if( pA->zWhere ) buf_puts(&b, pA->zWhere);
  if( pA->zSegment ){
    const char *z;
    buf_printf(&b, "%ssegment=\"", pA->zWhere ? "," : "");
    for(z=pA->zSegment; *z; z++) buf_puts(&b, *z=='"' ? "\"\"" : (char[]){*z, 0});
    buf_putc(&b, '"');
  }
  rc = filter_parse(buf_str(&b), &f);
  if( rc==ECX_OK ) rc = cube_where_compile(pCube, &f, 0, pW);
  filter_free(&f);
  buf_free(&b);
  return rc;
}

static int run(Workspace *pWs, const DrvArgs *pA, Buf *pOut){
  Cube *pCube = 0;
  CubeWhere where;
  DriversSpec spec;
  DriversResult res;
  DriversShow show;
  int aiPred[DRIVERS_MAX_PRED], rc;
  char *zOrg = 0;
  memset(&where, 0, sizeof where);
  memset(&spec, 0, sizeof spec);
  rc = cube_load(pWs, &pCube);
  if( rc ) return rc;
  spec.iOutcome = cube_met_find(pCube, pA->zOutcome);
  if( spec.iOutcome<0 ) rc = unknown_metric(pCube, pA->zOutcome);
  if( rc==ECX_OK ) rc = parse_predictors(pCube, pA->zPredictors, spec.iOutcome, aiPred, &spec.nPred);
  if( rc==ECX_OK ) rc = compile_filter(pCube, pA, &where);
  spec.aiPred = aiPred;
  spec.pWhere = &where;
  spec.dayFrom = INT64_MIN;
  spec.dayTo = INT64_MAX;
  if( rc==ECX_OK && pA->zFrom ) rc = report_parse_day(pA->zFrom, "--from", &spec.dayFrom);
  if( rc==ECX_OK && pA->zTo ) rc = report_parse_day(pA->zTo, "--to", &spec.dayTo);
  spec.pairwise = pA->pairwise;
  spec.nBoot = (int)pA->nBoot;
  spec.seed = (uint64_t)pA->seed;
  if( rc==ECX_OK ) rc = drivers_run(pCube, &spec, &res);
  if( rc==ECX_OK ){
    ws_setting_get(pWs, "org_name", &zOrg);
    memset(&show, 0, sizeof show);
    show.zTitle = zOrg;
    show.zWhere = pA->zWhere; show.zSegment = pA->zSegment;
    show.zFrom = pA->zFrom; show.zTo = pA->zTo;
    show.format = pA->format;
    rc = drivers_format(pCube, &res, &show, pOut);
    drivers_result_free(&res);
  }
  free(zOrg);
  cube_where_free(&where);
  cube_free(pCube);
  return rc;
}

static int bad_number(const char *zOpt, const char *z, long long lo, long long hi){
  return err_set(ECX_EUSAGE, _("%s must be a whole number from %lld to %lld, not \"%s\""), zOpt, lo, hi, z);
}

int cmd_drivers(int argc, char **argv){
  static const struct option aOpt[] = {
    {"outcome", required_argument, 0, 'o'},
    {"predictors", required_argument, 0, 'p'},
    {"segment", required_argument, 0, 's'},
    {"where", required_argument, 0, 'w'},
    {"from", required_argument, 0, 'f'},
    {"to", required_argument, 0, 't'},
    {"pairwise", no_argument, 0, 'P'},
    {"bootstrap", required_argument, 0, 'b'},
    {"seed", required_argument, 0, 'S'},
    {"format", required_argument, 0, 'F'},
    {"help", no_argument, 0, 'h'},
    {0, 0, 0, 0}
  };
  DrvArgs a;
  Workspace *pWs = 0;
  Buf out;
  int c, rc;
  memset(&a, 0, sizeof a);
  a.zOutcome = "nps";
  a.nBoot = 500;
  a.seed = 1;
  optind = 1;
  opterr = 0;
  while( (c = getopt_long(argc, argv, "h", aOpt, 0))!=-1 ){
    switch( c ){
      case 'o': a.zOutcome = optarg; break;
      case 'p': a.zPredictors = optarg; break;
      case 's': a.zSegment = optarg; break;
      case 'w': a.zWhere = optarg; break;
      case 'f': a.zFrom = optarg; break;
      case 't': a.zTo = optarg; break;
      case 'P': a.pairwise = 1; break;
      case 'b':
        if( util_parse_int(optarg, &a.nBoot) || a.nBoot<0 || a.nBoot>DRIVERS_MAX_BOOT ){
          return cli_fail(bad_number("--bootstrap", optarg, 0, DRIVERS_MAX_BOOT));
        }
        break;
      case 'S':
        if( util_parse_int(optarg, &a.seed) || a.seed<0 ){
          return cli_fail(bad_number("--seed", optarg, 0, INT64_MAX));
        }
        break;
      case 'F':
        if( strcmp(optarg, "table")==0 ) a.format = REPORT_TABLE;
        else if( strcmp(optarg, "csv")==0 ) a.format = REPORT_CSV;
        else if( strcmp(optarg, "json")==0 ) a.format = REPORT_JSON;
        else{
          err_set(ECX_EUSAGE, _("--format must be table, csv or json, not \"%s\""), optarg);
          return cli_fail(ECX_EUSAGE);
        }
        break;
      case 'h': return cmd_help(2, (char*[]){"help", "drivers", 0});
      default: return cli_usage("drivers");
    }
  }
  if( optind!=argc-1 ) return cli_usage("drivers");
  rc = ws_open(argv[optind], WS_READONLY, &pWs);
  if( rc ) return cli_fail(rc);
  buf_init(&out, 0);
  rc = run(pWs, &a, &out);
  if( rc==ECX_OK ){
    fwrite(buf_str(&out), 1, out.n, stdout);
    if( fflush(stdout) ) rc = err_set(ECX_EIO, _("cannot write the report"));
  }
  buf_free(&out);
  ws_close(pWs);
  return rc ? cli_fail(rc) : 0;
}
