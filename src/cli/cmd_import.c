/*
** ecx import: load survey responses from a Qualtrics, LimeSurvey, generic
** CSV or JSON lines file into a workspace.
*/
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../import/import.h"
#include "../model/workspace.h"

static void print_help(void){
  printf("ecx import FILE.ecx INPUT [--format qualtrics|limesurvey|csv|jsonl] [--map MAPFILE]\n"
         "           [--survey CODE] [--skip-bad] [--rejects FILE] [--dry-run]\n");
  printf(_("  --format F     the input's format (default: detected)\n"
           "  --map FILE     column roles: lines \"COLUMN = ROLE [ARGS]\" (see docs/import.md)\n"
           "  --survey CODE  survey code (default: the input's name without extension)\n"
           "  --skip-bad     store the good rows; write bad ones to the reject file\n"
           "  --rejects FILE reject file (default: INPUT.rejects.csv)\n"
           "  --dry-run      check everything and print the mapping; store nothing\n"));
}

static void print_summary(const ImportOpts *o, const ImportResult *r){
  printf(_("%s (%s) into survey %s%s\n"), o->zFile, r->zFormat, r->zSurvey,
         o->dryRun ? _(" (dry run: nothing stored)") : "");
  printf(_("rows read:            %lld\n"), (long long)r->nRead);
  printf(_("stored:               %lld new, %lld already present\n"),
         (long long)r->nNew, (long long)r->nDuplicate);
  printf(_("skipped (unfinished): %lld\n"), (long long)r->nUnfinished);
  printf(_("rejected:             %lld\n"), (long long)r->nRejected);
  if( r->zRejects ) printf(_("rejected rows written to %s\n"), r->zRejects);
  printf(_("time:                 %.2f s (%.0f rows/s)\n"), r->seconds,
         r->seconds > 0 ? (double)r->nRead / r->seconds : 0.0);
}

int cmd_import(int argc, char **argv){
  static const struct option aOpt[] = {
    {"format", required_argument, 0, 'f'}, {"map", required_argument, 0, 'm'},
    {"survey", required_argument, 0, 's'}, {"skip-bad", no_argument, 0, 'k'},
    {"rejects", required_argument, 0, 'r'}, {"dry-run", no_argument, 0, 'n'},
    {"help", no_argument, 0, 'h'}, {0, 0, 0, 0},
  };
  ImportOpts o = {0};
  o.pErr = stderr;
  o.nShow = 20;
  optind = 1;
  int c;
  while( (c = getopt_long(argc, argv, "hf:m:s:kr:n", aOpt, 0))!=-1 ){
    switch( c ){
      case 'f': o.zFormat = optarg; break;
      case 'm': o.zMapFile = optarg; break;
      case 's': o.zSurvey = optarg; break;
      case 'k': o.skipBad = 1; break;
      case 'r': o.zRejects = optarg; break;
      case 'n': o.dryRun = 1; break;
      case 'h': print_help(); return 0;
      default: return cli_usage("import");
    }
  }
  if( argc - optind != 2 ) return cli_usage("import");
  const char *zWs = argv[optind];
  o.zFile = argv[optind + 1];
  o.progress = isatty(2);
  Workspace *pWs;
  int rc = ws_open(zWs, 0, &pWs);
  if( rc ) return cli_fail(rc);
  ImportResult r;
  rc = import_run(pWs, &o, &r);
  ws_close(pWs);
  if( rc==ECX_OK || rc==ECX_EREJECTED ){
    if( o.dryRun && r.zMapping ){
      printf(_("# mapping (save it, edit it, and pass it with --map):\n%s\n"), r.zMapping);
    }
    print_summary(&o, &r);
  }
  if( rc==ECX_EREJECTED && r.nRejected > o.nShow ){
    fprintf(stderr, _("... and %lld more bad rows\n"), (long long)(r.nRejected - o.nShow));
  }
  import_result_free(&r);
  return rc ? cli_fail(rc) : 0;
}
