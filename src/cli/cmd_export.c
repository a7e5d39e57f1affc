/*
** ecx export: the analysis dataset (one row per response) as CSV or JSON lines.
*/
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../model/workspace.h"
#include "../report/export.h"
#include "../report/report.h"

int cmd_export(int argc, char **argv){
  static const struct option aOpt[] = {
    {"format", required_argument, 0, 'F'},
    {"where", required_argument, 0, 'w'},
    {"segment", required_argument, 0, 's'},
    {"from", required_argument, 0, 'f'},
    {"to", required_argument, 0, 't'},
    {"output", required_argument, 0, 'o'},
    {"help", no_argument, 0, 'h'},
    {0, 0, 0, 0}
  };
  const char *zWhere = 0, *zSegment = 0, *zFrom = 0, *zTo = 0, *zOut = 0;
  ExportFormat fmt = EXPORT_CSV;
  Workspace *pWs = 0;
  Cube *pCube = 0;
  CubeWhere where;
  FILE *out = stdout;
  int64_t dayFrom = INT64_MIN, dayTo = INT64_MAX, nRow = 0;
  int c, rc;
  optind = 1;
  opterr = 0;
  while( (c = getopt_long(argc, argv, "o:h", aOpt, 0))!=-1 ){
    switch( c ){
      case 'F':
        if( strcmp(optarg, "csv")==0 ) fmt = EXPORT_CSV;
        else if( strcmp(optarg, "jsonl")==0 ) fmt = EXPORT_JSONL;
        else{
          err_set(ECX_EUSAGE, _("--format must be csv or jsonl, not \"%s\""), optarg);
          return cli_fail(ECX_EUSAGE);
        }
        break;
      case 'w': zWhere = optarg; break;
      case 's': zSegment = optarg; break;
      case 'f': zFrom = optarg; break;
      case 't': zTo = optarg; break;
      case 'o': zOut = optarg; break;
      case 'h': return cmd_help(2, (char*[]){"help", "export", 0});
      default: return cli_usage("export");
    }
  }
  if( optind!=argc-1 ) return cli_usage("export");
  memset(&where, 0, sizeof where);
  rc = zFrom ? report_parse_day(zFrom, "--from", &dayFrom) : ECX_OK;
  if( rc==ECX_OK && zTo ) rc = report_parse_day(zTo, "--to", &dayTo);
  if( rc==ECX_OK ) rc = ws_open(argv[optind], WS_READONLY, &pWs);
  if( rc==ECX_OK ) rc = cube_load(pWs, &pCube);
  if( rc==ECX_OK ) rc = report_where_compile(pCube, zWhere, zSegment, &where);
  if( rc==ECX_OK && zOut ){
    out = fopen(zOut, "w");
    if( out==0 ) rc = err_set(ECX_EIO, _("cannot create %s"), zOut);
  }
  if( rc==ECX_OK ) rc = export_rows(pCube, &where, dayFrom, dayTo, fmt, out, &nRow);
  if( out && out!=stdout && fclose(out) && rc==ECX_OK ) rc = err_set(ECX_EIO, _("cannot write %s"), zOut);
  if( rc==ECX_OK && zOut ) fprintf(stderr, _("%lld rows written to %s\n"), (long long)nRow, zOut);
  cube_where_free(&where);
  cube_free(pCube);
  ws_close(pWs);
  return rc ? cli_fail(rc) : 0;
}
