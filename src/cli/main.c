/*
** ecx entry point: global options, then dispatch through the command table.
*/
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "../base/err.h"
#include "../base/i18n.h"

static const Command *find_command(const char *zName){
  for(int i = 0; i < nCommand; i++){
    if( strcmp(aCommand[i].zName, zName)==0 ) return &aCommand[i];
  }
  return 0;
}

int cli_fail(int rc){
  const char *zDetail = err_detail();
  if( zDetail[0] ){
    fprintf(stderr, "ecx: %s: %s\n", err_message(rc), zDetail);
  }else{
    fprintf(stderr, "ecx: %s\n", err_message(rc));
  }
  return err_exit_code(rc);
}

int cli_usage(const char *zCmd){
  const Command *p = find_command(zCmd);
  if( p ){
    fprintf(stderr, "%s: ecx %s %s\n", _("usage"), p->zName, p->zUsage);
  }
  return err_exit_code(ECX_EUSAGE);
}

int cmd_help(int argc, char **argv){
  if( argc >= 2 ){
    const Command *p = find_command(argv[1]);
    if( !p ){
      fprintf(stderr, _("ecx: unknown command \"%s\"\n"), argv[1]);
      return err_exit_code(ECX_EUSAGE);
    }
    printf("ecx %s %s\n  %s\n", p->zName, p->zUsage, _(p->zSummary));
    printf(_("Run \"ecx %s --help\" for its options.\n"), p->zName);
    return 0;
  }
  printf(_("ecx: customer-experience management in one binary\n\n"));
  printf(_("usage: ecx [--lang es|en] COMMAND [ARGS]\n\ncommands:\n"));
  for(int i = 0; i < nCommand; i++){
    printf("  %-10s %s\n", aCommand[i].zName, _(aCommand[i].zSummary));
  }
  return 0;
}

int main(int argc, char **argv){
  ecx_malloc_tune();
  const char *zLang = 0;
  int i = 1;
  while( i < argc && argv[i][0]=='-' ){
    if( strcmp(argv[i], "--lang")==0 && i+1 < argc ){
      zLang = argv[i+1];
      i += 2;
    }else if( strncmp(argv[i], "--lang=", 7)==0 ){
      zLang = argv[i] + 7;
      i++;
    }else if( strcmp(argv[i], "--help")==0 || strcmp(argv[i], "-h")==0 ){
      i18n_init(zLang);
      return cmd_help(0, 0);
    }else if( strcmp(argv[i], "--version")==0 ){
      i18n_init(zLang);
      return cmd_version(0, 0);
    }else{
      break;
    }
  }
  i18n_init(zLang);
  if( i >= argc ){
    cmd_help(0, 0);
    return err_exit_code(ECX_EUSAGE);
  }
  const Command *p = find_command(argv[i]);
  if( !p ){
    fprintf(stderr, _("ecx: unknown command \"%s\"; run \"ecx help\"\n"), argv[i]);
    return err_exit_code(ECX_EUSAGE);
  }
  return p->xRun(argc - i, argv + i);
}
