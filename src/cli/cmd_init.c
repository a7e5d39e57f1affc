/*
** ecx init and ecx version.
*/
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "../base/db.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../model/schema.h"
#include "../model/workspace.h"

#ifndef ECX_VERSION
#define ECX_VERSION "0.1.0"
#endif

int cmd_init(int argc, char **argv){
  static const struct option aOpt[] = {
    {"schema", required_argument, 0, 's'},
    {"name",   required_argument, 0, 'n'},
    {"help",   no_argument,       0, 'h'},
    {0, 0, 0, 0}
  };
  int64_t version = 0;
  const char *zName = 0;
  int c;
  optind = 1;
  while( (c = getopt_long(argc, argv, "h", aOpt, 0))!=-1 ){
    switch( c ){
      case 's':
        if( util_parse_int(optarg, &version) || version < 1 || version > SCHEMA_VERSION ){
          fprintf(stderr, _("ecx: --schema must be between 1 and %d\n"), SCHEMA_VERSION);
          return err_exit_code(ECX_EUSAGE);
        }
        break;
      case 'n': zName = optarg; break;
      case 'h':
        printf("ecx init FILE.ecx [--name ORGANIZATION]\n");
        printf(_("  --name TEXT     the organization's name\n"));
        printf(_("  --schema N      write schema version N (to test upgrades)\n"));
        return 0;
      default: return cli_usage("init");
    }
  }
  if( optind != argc - 1 ) return cli_usage("init");
  Workspace *pWs;
  int rc = ws_init(argv[optind], (int)version, &pWs);
  if( rc ) return cli_fail(rc);
  if( zName ) rc = ws_setting_set(pWs, "org_name", zName);
  ws_close(pWs);
  if( rc ) return cli_fail(rc);
  printf(_("created workspace %s\n"), argv[optind]);
  return 0;
}

int cmd_version(int argc, char **argv){
  (void)argc; (void)argv;
  printf("ecx %s (schema %d, SQLite %s)\n", ECX_VERSION, SCHEMA_VERSION, db_lib_version());
  return 0;
}
