/*
** ecx token add|list|revoke: API tokens (docs/security.md). A new token is
** printed once; the workspace keeps only its SHA-256. Every change is
** audited.
*/
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../http/auth.h"
#include "../model/user.h"

static int token_add_cmd(int argc, char **argv){
  static const struct option aOpt[] = {
    {"name", required_argument, 0, 'n'}, {"scopes", required_argument, 0, 's'}, {0, 0, 0, 0}
  };
  const char *zName = 0, *zScopes = "read";
  Workspace *pWs = 0;
  UserRow r;
  int c, rc;
  optind = 1;
  opterr = 0;
  while( (c = getopt_long(argc, argv, "", aOpt, 0))!=-1 ){
    if( c=='n' ) zName = optarg;
    else if( c=='s' ) zScopes = optarg;
    else return cli_usage("token");
  }
  if( optind!=argc-2 || !zName ) return cli_usage("token");
  if( !token_scopes_valid(zScopes) ){
    err_set(ECX_EUSAGE, _("scopes are read, ingest and admin, comma-separated, not \"%s\""), zScopes);
    return cli_fail(ECX_EUSAGE);
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

static int list_row(void *pArg, const TokenRow *t){
  char zTs[32];
  (void)pArg;
  util_fmt_time(zTs, sizeof zTs, t->created);
  printf("%-6lld %-16s %-20s %-18s %s %s\n", (long long)t->id, t->zLogin, t->zName, t->zScopes, zTs,
         t->revoked ? _("revoked") : _("active"));
  return 0;
}

static int token_list_cmd(Workspace *pWs, const char *zLogin){
  int64_t userId = 0;
  if( zLogin ){
    UserRow r;
    int rc = user_by_login(pWs, zLogin, &r);
    if( rc ) return rc;
    userId = r.id;
    user_row_clear(&r);
  }
  printf("%-6s %-16s %-20s %-18s %-20s %s\n", "id", _("login"), _("name"), _("scopes"), _("created"), _("state"));
  return token_each(pWs, userId, list_row, 0);
}

static int token_revoke_cmd(Workspace *pWs, const char *zId){
  int64_t id = 0;
  char *zLogin = 0, *zName = 0;
  if( util_parse_int(zId, &id) || id <= 0 ) return err_set(ECX_EUSAGE, _("a token id is a whole number, not \"%s\""), zId);
  int rc = token_owner(pWs, id, &zLogin, &zName);
  if( rc==ECX_OK ) rc = db_begin(pWs->pDb);
  if( rc==ECX_OK ){
    rc = token_revoke(pWs, id);
    if( rc==ECX_OK ) rc = audit_add(pWs, 0, "token_revoke", zLogin, zName);
    if( rc==ECX_OK ) rc = db_commit(pWs->pDb); else db_rollback(pWs->pDb);
  }
  if( rc==ECX_OK ) printf(_("token %lld (%s of %s) revoked\n"), (long long)id, zName, zLogin);
  free(zLogin);
  free(zName);
  return rc;
}

int cmd_token(int argc, char **argv){
  Workspace *pWs = 0;
  int rc;
  if( argc < 2 ) return cli_usage("token");
  if( strcmp(argv[1], "add")==0 ) return token_add_cmd(argc - 1, argv + 1);
  int isList = strcmp(argv[1], "list")==0, isRevoke = strcmp(argv[1], "revoke")==0;
  if( !(isList && (argc==3 || argc==4)) && !(isRevoke && argc==4) ) return cli_usage("token");
  rc = ws_open(argv[2], 0, &pWs);
  if( rc ) return cli_fail(rc);
  rc = isList ? token_list_cmd(pWs, argc==4 ? argv[3] : 0) : token_revoke_cmd(pWs, argv[3]);
  ws_close(pWs);
  if( rc==ECX_EUSAGE && !err_detail()[0] ) return cli_usage("token");
  return rc ? cli_fail(rc) : 0;
}
