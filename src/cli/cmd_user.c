/*
** ecx user (add, list, disable, enable, role, password) and ecx token add:
** accounts for the web interface. Passwords come from ECX_PASSWORD or a
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

/* Comma list of touchpoint names -> comma list of ids, into b. */
static int touchpoint_ids(Workspace *pWs, const char *zNames, Buf *b){
  char *zCopy = ecx_strdup(zNames), *zSave = 0;
  int rc = ECX_OK;
  for(char *z = strtok_r(zCopy, ",", &zSave); z && rc==ECX_OK; z = strtok_r(0, ",", &zSave)){
    int64_t id = 0;
    rc = db_int(pWs->pDb, &id, "SELECT id FROM touchpoint WHERE name=?1", z);
    if( rc==ECX_OK && id==0 ) rc = err_set(ECX_ENOTFOUND, _("no touchpoint named \"%s\""), z);
    if( rc==ECX_OK ) buf_printf(b, "%s%lld", b->n ? "," : "", (long long)id);
  }
  free(zCopy);
  return rc;
}

static int user_add_cmd(Workspace *pWs, int argc, char **argv){
  static const struct option aOpt[] = {
    {"role", required_argument, 0, 'r'}, {"name", required_argument, 0, 'n'},
    {"area", required_argument, 0, 'a'}, {"touchpoints", required_argument, 0, 't'},
    {0, 0, 0, 0}
  };
  const char *zRole = 0, *zName = "", *zArea = 0, *zTps = 0;
  char zPw[256], zHash[AUTH_HASH_MAX];
  int64_t areaId = 0, id = 0;
  Buf tps;
  int c, rc;
  optind = 1;
  opterr = 0;
  while( (c = getopt_long(argc, argv, "", aOpt, 0))!=-1 ){
    switch( c ){
      case 'r': zRole = optarg; break;
      case 'n': zName = optarg; break;
      case 'a': zArea = optarg; break;
      case 't': zTps = optarg; break;
      default: return ECX_EUSAGE;
    }
  }
  if( optind!=argc-1 || !zRole ) return ECX_EUSAGE;
  if( strcmp(zRole, "area_lead")==0 && !zArea ) return err_set(ECX_EUSAGE, _("an area_lead needs --area"));
  if( strcmp(zRole, "frontline")==0 && !zTps ) return err_set(ECX_EUSAGE, _("a frontline user needs --touchpoints"));
  if( zArea ){
    rc = db_int(pWs->pDb, &areaId, "SELECT id FROM area WHERE name=?1", zArea);
    if( rc ) return rc;
    if( !areaId ) return err_set(ECX_ENOTFOUND, _("no area named \"%s\""), zArea);
  }
  buf_init(&tps, 4096);
  rc = zTps ? touchpoint_ids(pWs, zTps, &tps) : ECX_OK;
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

/* user disable|enable|role|password WS LOGIN [ROLE] */
static int user_change(Workspace *pWs, const char *zSub, const char *zLogin, const char *zArg){
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
    }else if( strcmp(zSub, "role")==0 ){
      rc = user_set_role(pWs, r.id, zArg);
      if( rc==ECX_OK ) rc = session_revoke_user(pWs, r.id);
      if( rc==ECX_OK ) rc = audit_add(pWs, 0, "role_change", zLogin, zArg);
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
  if( isChange && argc!=(strcmp(zSub, "role")==0 ? 5 : 4) ) return cli_usage("user");
  rc = ws_open(argv[2], 0, &pWs);
  if( rc ) return cli_fail(rc);
  if( strcmp(zSub, "add")==0 ){
    /* getopt sees: "add" LOGIN options... */
    rc = user_add_cmd(pWs, argc - 2, argv + 2);
  }else if( strcmp(zSub, "list")==0 ){
    rc = user_each(pWs, list_row, 0);
  }else{
    rc = user_change(pWs, zSub, argv[3], argc > 4 ? argv[4] : 0);
  }
  ws_close(pWs);
  if( rc==ECX_EUSAGE && !err_detail()[0] ) return cli_usage("user");
  return rc ? cli_fail(rc) : 0;
}

int cmd_token(int argc, char **argv){
  static const struct option aOpt[] = {
    {"name", required_argument, 0, 'n'}, {"scopes", required_argument, 0, 's'}, {0, 0, 0, 0}
  };
  const char *zName = 0, *zScopes = "read";
  Workspace *pWs = 0;
  UserRow r;
  int c, rc;
  if( argc < 2 || strcmp(argv[1], "add")!=0 ) return cli_usage("token");
  optind = 1;
  opterr = 0;
  argc--; argv++;
  while( (c = getopt_long(argc, argv, "", aOpt, 0))!=-1 ){
    if( c=='n' ) zName = optarg;
    else if( c=='s' ) zScopes = optarg;
    else return cli_usage("token");
  }
  if( optind!=argc-2 || !zName ) return cli_usage("token");
  for(const char *z = zScopes; *z; ){
    size_t k = strcspn(z, ",");
    if( !((k==4 && strncmp(z, "read", 4)==0) || (k==6 && strncmp(z, "ingest", 6)==0)
       || (k==5 && strncmp(z, "admin", 5)==0)) ){
      err_set(ECX_EUSAGE, _("scopes are read, ingest and admin, comma-separated, not \"%s\""), zScopes);
      return cli_fail(ECX_EUSAGE);
    }
    z += k + (z[k]==',');
  }
  rc = ws_open(argv[optind], 0, &pWs);
  if( rc ) return cli_fail(rc);
  rc = user_by_login(pWs, argv[optind+1], &r);
  char zTok[AUTH_TOKEN_HEX], zDigest[65];
  if( rc==ECX_OK ){
    auth_random_token(zTok);
    auth_token_digest(zTok, zDigest);
    rc = db_begin(pWs->pDb);
    if( rc==ECX_OK ) rc = token_add(pWs, r.id, zName, zDigest, zScopes, 0);
    if( rc==ECX_OK ) rc = audit_add(pWs, 0, "token_create", r.zLogin, zName);
    if( rc==ECX_OK ) rc = db_commit(pWs->pDb); else db_rollback(pWs->pDb);
    if( rc==ECX_OK ){
      printf("%s\n", zTok);
      fprintf(stderr, "%s\n", _("This token is shown only once; store it now."));
    }
  }
  user_row_clear(&r);
  ws_close(pWs);
  return rc ? cli_fail(rc) : 0;
}
