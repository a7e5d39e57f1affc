/*
** ecx render: a dashboard page body as HTML on stdout (or its table as CSV),
** without a server: for checks, scripts and static exports.
*/
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../model/workspace.h"
#include "../pages/dashboard.h"

int cmd_render(int argc, char **argv){
  static const struct option aOpt[] = {
    {"where", required_argument, 0, 'w'}, {"segment", required_argument, 0, 's'},
    {"from", required_argument, 0, 'f'}, {"to", required_argument, 0, 't'},
    {"by", required_argument, 0, 'b'}, {"metric", required_argument, 0, 'm'},
    {"period", required_argument, 0, 'p'}, {"csv", no_argument, 0, 'c'},
    {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}
  };
  DashParams dp;
  Workspace *pWs = 0;
  Cube *pCube = 0;
  Buf out;
  const char *zPage;
  int c, rc, csv = 0;
  memset(&dp, 0, sizeof dp);
  optind = 1;
  opterr = 0;
  while( (c = getopt_long(argc, argv, "h", aOpt, 0))!=-1 ){
    switch( c ){
      case 'w': dp.zWhere = optarg; break;
      case 's': dp.zSegment = optarg; break;
      case 'f': dp.zFrom = optarg; break;
      case 't': dp.zTo = optarg; break;
      case 'b': dp.zBy = optarg; break;
      case 'm': dp.zMetric = optarg; break;
      case 'p': dp.zPeriod = optarg; break;
      case 'c': csv = 1; break;
      case 'h': return cmd_help(2, (char*[]){"help", "render", 0});
      default: return cli_usage("render");
    }
  }
  if( optind!=argc-2 ) return cli_usage("render");
  zPage = argv[optind + 1];
  if( strcmp(zPage, "overview") && strcmp(zPage, "breakdown") && strcmp(zPage, "heatmap") ){
    err_set(ECX_EUSAGE, _("page must be overview, breakdown or heatmap, not \"%s\""), zPage);
    return cli_fail(ECX_EUSAGE);
  }
  dp.zBase = strcmp(zPage, "overview")==0 ? "/" : strcmp(zPage, "breakdown")==0 ? "/breakdown" : "/heatmap";
  rc = ws_open(argv[optind], WS_READONLY, &pWs);
  if( rc ) return cli_fail(rc);
  dp.minN = ws_min_n(pWs);
  rc = cube_load(pWs, &pCube);
  buf_init(&out, 0);
  if( rc==ECX_OK && csv ) rc = dash_csv(&out, pCube, &dp, zPage);
  else if( rc==ECX_OK ){
    dash_filter_form(&out, pCube, &dp);
    if( strcmp(zPage, "overview")==0 ) rc = dash_overview(&out, pCube, &dp);
    else if( strcmp(zPage, "breakdown")==0 ) rc = dash_breakdown(&out, pCube, &dp);
    else rc = dash_heatmap(&out, pCube, &dp);
  }
  if( rc==ECX_OK ) fwrite(buf_str(&out), 1, out.n, stdout);
  buf_free(&out);
  cube_free(pCube);
  ws_close(pWs);
  return rc ? cli_fail(rc) : 0;
}
