/*
** ecx config (read and change workspace settings) and ecx backup.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../model/workspace.h"

/* The settings a user may change, with their validation. */
static const struct {
  const char *zKey;
  const char *zHelp;
  int isInt;
  int64_t iMin, iMax;
} aSetting[] = {
  {"org_name", N_("the organization's name"), 0, 0, 0},
  {"min_n", N_("smallest group size shown in reports (default 5)"), 1, 1, 1000000},
};
#define N_SETTING ((int)(sizeof aSetting / sizeof aSetting[0]))

static int find_setting(const char *zKey){
  for(int i = 0; i < N_SETTING; i++){
    if( strcmp(aSetting[i].zKey, zKey)==0 ) return i;
  }
  return -1;
}

static int print_setting(Workspace *pWs, int i){
  char *z = 0;
  int rc = ws_setting_get(pWs, aSetting[i].zKey, &z);
  if( rc ) return rc;
  if( strcmp(aSetting[i].zKey, "min_n")==0 ){
    printf("%s = %d\n", aSetting[i].zKey, ws_min_n(pWs));
  }else{
    printf("%s = %s\n", aSetting[i].zKey, z ? z : "");
  }
  free(z);
  return ECX_OK;
}

int cmd_config(int argc, char **argv){
  if( argc >= 2 && (strcmp(argv[1], "--help")==0 || strcmp(argv[1], "-h")==0) ){
    printf("ecx config FILE.ecx [KEY [VALUE]]\n");
    for(int i = 0; i < N_SETTING; i++) printf("  %-10s %s\n", aSetting[i].zKey, _(aSetting[i].zHelp));
    return 0;
  }
  if( argc < 2 || argc > 4 ) return cli_usage("config");
  int iKey = -1;
  if( argc >= 3 ){
    iKey = find_setting(argv[2]);
    if( iKey < 0 ){
      err_set(ECX_EINVAL, _("unknown setting \"%s\"; run \"ecx config --help\""), argv[2]);
      return cli_fail(ECX_EINVAL);
    }
  }
  if( argc==4 && aSetting[iKey].isInt ){
    int64_t v;
    if( util_parse_int(argv[3], &v) || v < aSetting[iKey].iMin || v > aSetting[iKey].iMax ){
      err_set(ECX_EINVAL, _("%s must be a whole number from %lld to %lld, not \"%s\""),
              argv[2], (long long)aSetting[iKey].iMin, (long long)aSetting[iKey].iMax, argv[3]);
      return cli_fail(ECX_EINVAL);
    }
  }
  Workspace *pWs;
  int rc = ws_open(argv[1], argc==4 ? 0 : WS_READONLY, &pWs);
  if( rc ) return cli_fail(rc);
  if( argc==4 ){
    rc = ws_setting_set(pWs, argv[2], argv[3]);
  }else if( argc==3 ){
    rc = print_setting(pWs, iKey);
  }else{
    for(int i = 0; i < N_SETTING && rc==ECX_OK; i++) rc = print_setting(pWs, i);
  }
  ws_close(pWs);
  return rc ? cli_fail(rc) : 0;
}

int cmd_backup(int argc, char **argv){
  if( argc==2 && (strcmp(argv[1], "--help")==0 || strcmp(argv[1], "-h")==0) ){
    printf("ecx backup FILE.ecx COPY.ecx\n");
    printf(_("  a consistent copy of the workspace, safe while others write to it\n"));
    return 0;
  }
  if( argc!=3 ) return cli_usage("backup");
  FILE *pTest = fopen(argv[2], "rb");
  if( pTest ){
    fclose(pTest);
    err_set(ECX_EEXIST, _("%s already exists; ecx backup never overwrites a file"), argv[2]);
    return cli_fail(ECX_EEXIST);
  }
  Workspace *pWs;
  int rc = ws_open(argv[1], WS_READONLY, &pWs);
  if( rc ) return cli_fail(rc);
  rc = db_backup(pWs->pDb, argv[2]);
  ws_close(pWs);
  if( rc ){
    remove(argv[2]);
    return cli_fail(rc);
  }
  printf(_("backup written to %s\n"), argv[2]);
  return 0;
}
