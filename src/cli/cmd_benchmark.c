/*
** ecx benchmark: our mean on every rated dimension against each
** competitor's, with intervals and Welch significance, as a table, CSV or JSON.
*/
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../model/workspace.h"
#include "../report/bench_format.h"

int cmd_benchmark(int argc, char **argv){
  static const struct option aOpt[] = {
    {"where", required_argument, 0, 'w'}, {"segment", required_argument, 0, 's'},
    {"from", required_argument, 0, 'f'}, {"to", required_argument, 0, 't'},
    {"format", required_argument, 0, 'F'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}
  };
  const char *zWhere = 0, *zSegment = 0, *zFrom = 0, *zTo = 0;
  ReportFormat fmt = REPORT_TABLE;
  Workspace *pWs = 0;
  Cube *pCube = 0;
  BenchResult res;
  Buf out;
  int c, rc;
  optind = 1;
  opterr = 0;
  while( (c = getopt_long(argc, argv, "h", aOpt, 0))!=-1 ){
    switch( c ){
      case 'w': zWhere = optarg; break;
      case 's': zSegment = optarg; break;
      case 'f': zFrom = optarg; break;
      case 't': zTo = optarg; break;
      case 'F':
        if( strcmp(optarg, "table")==0 ) fmt = REPORT_TABLE;
        else if( strcmp(optarg, "csv")==0 ) fmt = REPORT_CSV;
        else if( strcmp(optarg, "json")==0 ) fmt = REPORT_JSON;
        else return cli_fail(err_set(ECX_EUSAGE, _("--format must be table, csv or json, not \"%s\""), optarg));
        break;
      case 'h': return cmd_help(2, (char*[]){"help", "benchmark", 0});
      default: return cli_usage("benchmark");
    }
  }
  if( optind!=argc-1 ) return cli_usage("benchmark");
  rc = ws_open(argv[optind], WS_READONLY, &pWs);
  if( rc ) return cli_fail(rc);
  buf_init(&out, 0);
  rc = cube_load(pWs, &pCube);
  if( rc==ECX_OK ) rc = bench_query(pCube, zWhere, zSegment, zFrom, zTo, ws_min_n(pWs), &res);
  if( rc==ECX_OK ){
    rc = bench_format(pCube, &res, ws_min_n(pWs), fmt, &out);
    bench_result_free(&res);
  }
  if( rc==ECX_OK ){
    fwrite(buf_str(&out), 1, out.n, stdout);
    if( fflush(stdout) ) rc = err_set(ECX_EIO, _("cannot write the report"));
  }
  buf_free(&out);
  if( pCube ) cube_free(pCube);
  ws_close(pWs);
  return rc ? cli_fail(rc) : 0;
}
