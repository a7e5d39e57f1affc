/*
** ecx report: the metrics of a workspace on the terminal, as CSV or JSON.
*/
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../model/workspace.h"
#include "../report/report.h"

static double now_ms(void){
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec*1e3 + (double)t.tv_nsec/1e6;
}

static int parse_format(const char *z, ReportFormat *pF){
  if( strcmp(z, "table")==0 ) *pF = REPORT_TABLE;
  else if( strcmp(z, "csv")==0 ) *pF = REPORT_CSV;
  else if( strcmp(z, "json")==0 ) *pF = REPORT_JSON;
  else return err_set(ECX_EUSAGE, _("--format must be table, csv or json, not \"%s\""), z);
  return ECX_OK;
}

int cmd_report(int argc, char **argv){
  static const struct option aOpt[] = {
    {"by", required_argument, 0, 'b'},
    {"where", required_argument, 0, 'w'},
    {"segment", required_argument, 0, 's'},
    {"from", required_argument, 0, 'f'},
    {"to", required_argument, 0, 't'},
    {"compare", required_argument, 0, 'c'},
    {"min-n", required_argument, 0, 'n'},
    {"format", required_argument, 0, 'F'},
    {"timing", no_argument, 0, 'T'},
    {"metrics", required_argument, 0, 'm'},
    {"help", no_argument, 0, 'h'},
    {0, 0, 0, 0}
  };
  ReportSpec spec;
  Workspace *pWs = 0;
  Cube *pCube = 0;
  char *zOrg = 0;
  Buf out;
  int c, rc = ECX_OK, timing = 0;
  int64_t minN = -1;
  double t0, t1, t2;
  memset(&spec, 0, sizeof spec);
  optind = 1;
  opterr = 0;
  while( (c = getopt_long(argc, argv, "h", aOpt, 0))!=-1 ){
    switch( c ){
      case 'b': spec.zBy = optarg; break;
      case 'w': spec.zWhere = optarg; break;
      case 's': spec.zSegment = optarg; break;
      case 'f': spec.zFrom = optarg; break;
      case 't': spec.zTo = optarg; break;
      case 'c':
        if( strcmp(optarg, "previous")!=0 ){
          err_set(ECX_EUSAGE, _("--compare accepts \"previous\", not \"%s\""), optarg);
          return cli_fail(ECX_EUSAGE);
        }
        spec.comparePrevious = 1;
        break;
      case 'n':
        if( util_parse_int(optarg, &minN) || minN<1 || minN>1000000 ){
          err_set(ECX_EUSAGE, _("--min-n must be a whole number from 1 to 1000000, not \"%s\""), optarg);
          return cli_fail(ECX_EUSAGE);
        }
        break;
      case 'F':
        rc = parse_format(optarg, &spec.format);
        if( rc ) return cli_fail(rc);
        break;
      case 'T': timing = 1; break;
      case 'm': spec.zMetrics = optarg; break;
      case 'h': return cmd_help(2, (char*[]){"help", "report", 0});
      default: return cli_usage("report");
    }
  }
  if( optind!=argc-1 ) return cli_usage("report");
  t0 = now_ms();
  rc = ws_open(argv[optind], WS_READONLY, &pWs);
  if( rc ) return cli_fail(rc);
  spec.minN = minN>0 ? (int)minN : ws_min_n(pWs);
  ws_setting_get(pWs, "org_name", &zOrg);
  spec.zTitle = zOrg;
  rc = cube_load(pWs, &pCube);
  t1 = now_ms();
  buf_init(&out, 0);
  if( rc==ECX_OK ) rc = report_run(pCube, &spec, &out);
  t2 = now_ms();
  if( rc==ECX_OK ){
    fwrite(buf_str(&out), 1, out.n, stdout);
    if( fflush(stdout) ) rc = err_set(ECX_EIO, _("cannot write the report"));
  }
  if( timing && pCube ){
    fprintf(stderr, "%s: %.1f ms, %lld %s, %.1f MB; %s: %.2f ms\n", _("load"), t1 - t0,
            (long long)pCube->nRow, _("rows"), (double)cube_bytes(pCube)/1e6, _("report"), t2 - t1);
  }
  buf_free(&out);
  cube_free(pCube);
  free(zOrg);
  ws_close(pWs);
  return rc ? cli_fail(rc) : 0;
}
