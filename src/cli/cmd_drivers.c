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

static int run(Workspace *pWs, const DrvArgs *pA, Buf *pOut){
  Cube *pCube = 0;
  CubeWhere where;
  DriversSpec spec;
  DriversResult res;
  DriversShow show;
  DriversAsk ask;
  int aiPred[DRIVERS_MAX_PRED], rc;
  char *zOrg = 0;
  memset(&where, 0, sizeof where);
  memset(&ask, 0, sizeof ask);
  rc = cube_load(pWs, &pCube);
  if( rc ) return rc;
  ask.zOutcome = pA->zOutcome; ask.zPredictors = pA->zPredictors;
  ask.zSegment = pA->zSegment; ask.zWhere = pA->zWhere;
  ask.zFrom = pA->zFrom; ask.zTo = pA->zTo;
  ask.zFromOpt = "--from"; ask.zToOpt = "--to";
  ask.pairwise = pA->pairwise;
  ask.nBoot = (int)pA->nBoot;
  ask.seed = (uint64_t)pA->seed;
  rc = drivers_prepare(pCube, &ask, &spec, aiPred, &where);
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
