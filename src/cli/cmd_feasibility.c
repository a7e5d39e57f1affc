/*
** ecx feasibility: the areas' feasibility ratings of the dimensions (seed
** 004, third criterion): list them with their spread per dimension, or set
** one area's rating of a dimension at a horizon (docs/promise.md).
*/
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../frameworks/feasibility.h"
#include "../model/entity.h"
#include "../report/promise_format.h"

typedef struct FeasArgs { const char *zArea, *zDim, *zHorizon, *zScore, *zComment; int json; } FeasArgs;

static int find(Workspace *pWs, EntKind k, const char *z, const char *zOpt, int64_t *pId){
  if( !z ) return err_set(ECX_EUSAGE, _("%s is required"), zOpt);
  if( ent_find(pWs, k, z, pId) ) return err_set(ECX_ENOTFOUND, _("no %s \"%s\""), ent_table(k), z);
  return ECX_OK;
}

static int list(Workspace *pWs, const FeasArgs *a, Buf *pOut){
  FeasDim *aD = 0;
  FeasRating *aR = 0;
  int64_t area = 0;
  int nD = 0, nR = 0, rc = a->zArea ? find(pWs, ENT_AREA, a->zArea, "--area", &area) : ECX_OK;
  if( rc==ECX_OK ) rc = feas_summary(pWs, &aD, &nD);
  if( rc==ECX_OK ) rc = feas_list(pWs, area, &aR, &nR);
  if( rc==ECX_OK ){
    if( a->json ) feas_json(pOut, aD, nD, aR, nR); else feas_text(pOut, aD, nD, aR, nR);
  }
  feas_summary_free(aD, nD);
  feas_list_free(aR, nR);
  return rc;
}

static int set(Workspace *pWs, const FeasArgs *a, Buf *pOut){
  int64_t area = 0, dim = 0, score = 0;
  int rc = find(pWs, ENT_AREA, a->zArea, "--area", &area);
  if( rc==ECX_OK ) rc = find(pWs, ENT_DIMENSION, a->zDim, "--dimension", &dim);
  if( rc==ECX_OK && (!a->zScore || util_parse_int(a->zScore, &score)) ){
    rc = err_set(ECX_EUSAGE, "%s", _("--score is a whole number from 1 to 5"));
  }
  if( rc==ECX_OK ) rc = feas_set(pWs, area, dim, a->zHorizon ? a->zHorizon : "", (int)score, a->zComment, 0);
  if( rc==ECX_OK ) buf_printf(pOut, _("%s rated %s: %s %lld\n"), a->zArea, a->zDim, a->zHorizon, (long long)score);
  return rc;
}

int cmd_feasibility(int argc, char **argv){
  static const struct option aOpt[] = {
    {"area", required_argument, 0, 'a'}, {"dimension", required_argument, 0, 'd'},
    {"horizon", required_argument, 0, 'H'}, {"score", required_argument, 0, 's'},
    {"comment", required_argument, 0, 'c'}, {"format", required_argument, 0, 'F'},
    {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}
  };
  FeasArgs a;
  Workspace *pWs = 0;
  Buf out;
  const char *zAct;
  int c, rc;
  memset(&a, 0, sizeof a);
  optind = 1;
  opterr = 0;
  while( (c = getopt_long(argc, argv, "h", aOpt, 0))!=-1 ){
    switch( c ){
      case 'a': a.zArea = optarg; break;
      case 'd': a.zDim = optarg; break;
      case 'H': a.zHorizon = optarg; break;
      case 's': a.zScore = optarg; break;
      case 'c': a.zComment = optarg; break;
      case 'F':
        if( strcmp(optarg, "json")==0 ) a.json = 1;
        else if( strcmp(optarg, "table")!=0 ) return cli_fail(err_set(ECX_EUSAGE, _("--format must be table or json, not \"%s\""), optarg));
        break;
      case 'h': return cmd_help(2, (char*[]){"help", "feasibility", 0});
      default: return cli_usage("feasibility");
    }
  }
  if( optind!=argc-1 && optind!=argc-2 ) return cli_usage("feasibility");
  zAct = optind==argc-2 ? argv[optind + 1] : "list";
  if( strcmp(zAct, "list")!=0 && strcmp(zAct, "set")!=0 ) return cli_usage("feasibility");
  rc = ws_open(argv[optind], strcmp(zAct, "set")==0 ? 0 : WS_READONLY, &pWs);
  if( rc ) return cli_fail(rc);
  buf_init(&out, 0);
  rc = strcmp(zAct, "set")==0 ? set(pWs, &a, &out) : list(pWs, &a, &out);
  if( rc==ECX_OK ){
    fwrite(buf_str(&out), 1, out.n, stdout);
    if( fflush(stdout) ) rc = err_set(ECX_EIO, _("cannot write the report"));
  }
  buf_free(&out);
  ws_close(pWs);
  return rc ? cli_fail(rc) : 0;
}
