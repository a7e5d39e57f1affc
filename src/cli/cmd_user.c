/*
** ecx user (add, list, disable, enable, role, password): accounts for the
** web interface. Passwords come from ECX_PASSWORD or a
** prompt with echo off, never from the command line.
*/
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../http/auth.h"
#include "../model/user.h"

/* Read the password into z (size n): ECX_PASSWORD, else the terminal. */
static int read_password(char *z, size_t n){
  const char *zEnv = getenv("ECX_PASSWORD");
  if( zEnv ){
    if( strlen(zEnv) >= n ) return err_set(ECX_EINVAL, _("password too long"));
    snprintf(z, n, "%s", zEnv);
  }else{
    struct termios old, quiet;
    if( !isatty(0) || tcgetattr(0, &old)!=0 ){
      return err_set(ECX_EUSAGE, _("set ECX_PASSWORD or run on a terminal to type the password"));
    }
    quiet = old;
    quiet.c_lflag &= ~(tcflag_t)ECHO;
    fprintf(stderr, "%s", _("Password: "));
    tcsetattr(0, TCSAFLUSH, &quiet);
    char *r = fgets(z, (int)n, stdin);
    tcsetattr(0, TCSAFLUSH, &old);
    fputc('\n', stderr);
    if( !r ) return err_set(ECX_EIO, _("no password given"));
    z[strcspn(z, "\r\n")] = 0;
  }
  if( strlen(z) < 8 ) return err_set(ECX_EINVAL, _("a password needs at least 8 characters"));
  return ECX_OK;
}

/* --area NAME and --touchpoints A,B of `user add` and `user role`: the
** area's id into *pAreaId (0 without one), the touchpoints' ids into b. */
static int scope_args(Workspace *pWs, const char *zArea, const char *zTps, int64_t *pAreaId, Buf *b){
  int rc = ECX_OK;
  *pAreaId = 0;
  if( zArea ){
    rc = db_int(pWs->pDb, pAreaId, "SELECT id FROM area WHERE name=?1", zArea);
    if( rc ) return rc;
    if( !*pAreaId ) return err_set(ECX_ENOTFOUND, _("no area named \"%s\""), zArea);
  }
  return zTps ? user_touchpoint_ids(pWs, zTps, b) : ECX_OK;
}

/* Options of `user add` and `user role` (argv[0] is the subcommand's
** first word); the rest of the arguments stay from optind on. */
static int user_opts(int argc, char **argv, const char **pzRole, const char **pzName,
                     const char **pzArea, const char **pzTps){
  static const struct option aOpt[] = {
    {"role", required_argument, 0, 'r'}, {"name", required_argument, 0, 'n'},
    {"area", required_argument, 0, 'a'}, {"touchpoints", required_argument, 0, 't'},
    {0, 0, 0, 0}
  };
  int c;
  optind = 1;
  opterr = 0;
  while( (c = getopt_long(argc, argv, "", aOpt, 0))!=-1 ){
    switch( c ){
      case 'r': *pzRole = optarg; break;
      case 'n': *pzName = optarg; break;
      case 'a': *pzArea = optarg; break;
      case 't': *pzTps = optarg; break;
      default: return ECX_EUSAGE;
    }
  }
  return ECX_OK;
}

static int user_add_cmd(Workspace *pWs, int argc, char **argv){
  const char *zRole = 0, *zName = "", *zArea = 0, *zTps = 0;
  char zPw[256], zHash[AUTH_HASH_MAX];
  int64_t areaId = 0, id = 0;
  Buf tps;
  int rc = user_opts(argc, argv, &zRole, &zName, &zArea, &zTps);
  if( rc || optind!=argc-1 || !zRole ) return ECX_EUSAGE;
  if( strcmp(zRole, "area_lead")==0 && !zArea ) return err_set(ECX_EUSAGE, _("an area_lead needs --area"));
  if( strcmp(zRole, "frontline")==0 && !zTps ) return err_set(ECX_EUSAGE, _("a frontline user needs --touchpoints"));
  buf_init(&tps, 4096);
  rc = scope_args(pWs, zArea, zTps, &areaId, &tps);
  if( rc==ECX_OK ) rc = read_password(zPw, sizeof zPw);
  if( rc==ECX_OK ) rc = auth_hash_password(zPw, zHash);
  memset(zPw, 0, sizeof zPw);
  if( rc==ECX_OK ) rc = db_begin(pWs->pDb);
  if( rc==ECX_OK ){
    rc = user_add(pWs, argv[optind], zName, zHash, zRole, areaId, buf_str(&tps), &id);
    if( rc==ECX_OK ) rc = audit_add(pWs, 0, "user_add", argv[optind], zRole);
    if( rc==ECX_OK ) rc = db_commit(pWs->pDb); else db_rollback(pWs->pDb);
  }
  buf_free(&tps);
  if( rc==ECX_OK ) printf(_("user %s added (%s)\n"), argv[optind], zRole);
  return rc;
}

static int list_row(void *pArg, const UserRow *r){
  (void)pArg;
  printf("%-16s %-10s %-24s %s\n", r->zLogin, r->zRole, r->zName, r->disabled ? _("disabled") : "");
  return 0;
}

/* user role WS LOGIN ROLE [--area NAME] [--touchpoints A,B]; argv[0] is WS.
** The user's sessions end: the next login gets the new rights. */
static int user_role_cmd(Workspace *pWs, int argc, char **argv){
  const char *zRole = 0, *zName = 0, *zArea = 0, *zTps = 0;
  int64_t areaId = 0;
  UserRow r;
  Buf tps;
  int rc = user_opts(argc, argv, &zRole, &zName, &zArea, &zTps);
  if( rc || zRole || zName || optind!=argc-2 ) return ECX_EUSAGE;
  const char *zLogin = argv[optind];
  zRole = argv[optind + 1];
  rc = user_by_login(pWs, zLogin, &r);
  if( rc ) return rc;
  buf_init(&tps, 4096);
  rc = scope_args(pWs, zArea, zTps, &areaId, &tps);
  if( rc==ECX_OK ) rc = db_begin(pWs->pDb);
  if( rc==ECX_OK ){
    rc = user_set_role(pWs, r.id, zRole, areaId, buf_str(&tps));
    if( rc==ECX_OK ) rc = session_revoke_user(pWs, r.id);
    if( rc==ECX_OK ) rc = audit_add(pWs, 0, "role_change", zLogin, zRole);
    if( rc==ECX_OK ) rc = db_commit(pWs->pDb); else db_rollback(pWs->pDb);
  }
  buf_free(&tps);
  user_row_clear(&r);
  if( rc==ECX_OK ) printf(_("user %s is now %s\n"), zLogin, zRole);
  return rc;
}

/* user disable|enable|password WS LOGIN */
static int user_change(Workspace *pWs, const char *zSub, const char *zLogin){
  UserRow r;
  char zPw[256], zHash[AUTH_HASH_MAX];
  int rc = user_by_login(pWs, zLogin, &r);
  if( rc ) return rc;
  if( strcmp(zSub, "password")==0 ){
    rc = read_password(zPw, sizeof zPw);
    if( rc==ECX_OK ) rc = auth_hash_password(zPw, zHash);
    memset(zPw, 0, sizeof zPw);
  }
  if( rc==ECX_OK ) rc = db_begin(pWs->pDb);
  if( rc==ECX_OK ){
    if( strcmp(zSub, "disable")==0 || strcmp(zSub, "enable")==0 ){
      int off = zSub[0]=='d';
      rc = user_set_disabled(pWs, r.id, off);
      if( rc==ECX_OK && off ) rc = session_revoke_user(pWs, r.id);
      if( rc==ECX_OK ) rc = audit_add(pWs, 0, off ? "user_disable" : "user_enable", zLogin, "");
    }else{
      rc = user_set_password(pWs, r.id, zHash);
      if( rc==ECX_OK ) rc = session_revoke_user(pWs, r.id);
      if( rc==ECX_OK ) rc = audit_add(pWs, 0, "password_change", zLogin, "");
    }
    if( rc==ECX_OK ) rc = db_commit(pWs->pDb); else db_rollback(pWs->pDb);
  }
  user_row_clear(&r);
  return rc;
}

int cmd_user(int argc, char **argv){
  Workspace *pWs = 0;
  int rc;
  if( argc < 3 || strcmp(argv[1], "--help")==0 ) return cli_usage("user");
  const char *zSub = argv[1];
  int isChange = strcmp(zSub, "disable")==0 || strcmp(zSub, "enable")==0
              || strcmp(zSub, "password")==0 || strcmp(zSub, "role")==0;
  if( strcmp(zSub, "add")!=0 && strcmp(zSub, "list")!=0 && !isChange ) return cli_usage("user");
  if( strcmp(zSub, "list")==0 && argc!=3 ) return cli_usage("user");
  if( isChange && strcmp(zSub, "role")!=0 && argc!=4 ) return cli_usage("user");
  rc = ws_open(argv[2], 0, &pWs);
  if( rc ) return cli_fail(rc);
  if( strcmp(zSub, "add")==0 ){
    /* getopt sees: "add" LOGIN options... */
    rc = user_add_cmd(pWs, argc - 2, argv + 2);
  }else if( strcmp(zSub, "list")==0 ){
    rc = user_each(pWs, list_row, 0);
  }else if( strcmp(zSub, "role")==0 ){
    rc = user_role_cmd(pWs, argc - 2, argv + 2);
  }else{
    rc = user_change(pWs, zSub, argv[3]);
  }
  ws_close(pWs);
  if( rc==ECX_EUSAGE && !err_detail()[0] ) return cli_usage("user");
  return rc ? cli_fail(rc) : 0;
}
