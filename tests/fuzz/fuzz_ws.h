/*
** A workspace for fuzz targets that need a database: created once per
** process in a temporary directory (removed at exit) and filled with a
** fixture: survey "k" (id 1, open, public token FUZZ_PUBLIC_TOKEN) with a
** question of every type, a touchpoint, a channel, an area, an analyst
** "ana" (id 1) with an API token FUZZ_API_TOKEN (scopes ingest,read) and an
** admin "adm" (id 2) with a session FUZZ_SESSION whose CSRF token is
** FUZZ_CSRF. Targets that change data call fuzz_ws_restore() after each
** input, so every input meets the same workspace; fuzz_ws_check_idle()
** aborts if a transaction was left open.
*/
#ifndef ECX_FUZZ_WS_H
#define ECX_FUZZ_WS_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/base/buf.h"
#include "../../src/base/db.h"
#include "../../src/base/err.h"
#include "../../src/http/auth.h"
#include "../../src/model/workspace.h"

#define FUZZ_PUBLIC_TOKEN "0123456789abcdef01234567"
#define FUZZ_SESSION   "5e55105e55105e55105e55105e55105e55105e55105e55105e55105e55105e55"
#define FUZZ_CSRF      "c5cfc5cfc5cfc5cfc5cfc5cfc5cfc5cfc5cfc5cfc5cfc5cfc5cfc5cfc5cfc5cf"
#define FUZZ_API_TOKEN "70e470e470e470e470e470e470e470e470e470e470e470e470e470e470e470e4"

static const char zFuzzFixture[] =
  "INSERT INTO channel(id, name) VALUES(1, 'web');"
  "INSERT INTO touchpoint(id, name) VALUES(1, 'Tienda');"
  "INSERT INTO dimension(id, name) VALUES(1, 'Rapidez');"
  "INSERT INTO attribute(id, name) VALUES(1, 'Edad');"
  "INSERT INTO area(id, name) VALUES(1, 'Operaciones');"
  "INSERT INTO survey(id, code, title, created, status, public_token)"
  "  VALUES(1, 'k', 'Fuzz', 0, 'open', '" FUZZ_PUBLIC_TOKEN "');"
  "INSERT INTO question(id, survey_id, code, position, type, scale_min, scale_max, dimension_id, attribute_id, required) VALUES"
  "  (1, 1, 'rec', 1, 'nps', 0, 10, NULL, NULL, 1), (2, 1, 'sat', 2, 'csat', 1, 5, NULL, NULL, 0),"
  "  (3, 1, 'eff', 3, 'ces', 1, 7, NULL, NULL, 0), (4, 1, 'speed', 4, 'rating', 0, 10, 1, NULL, 0),"
  "  (5, 1, 'why', 5, 'choice', NULL, NULL, NULL, NULL, 0), (6, 1, 'extras', 6, 'multi', NULL, NULL, NULL, NULL, 0),"
  "  (7, 1, 'comment', 7, 'text', NULL, NULL, NULL, NULL, 0), (8, 1, 'age', 8, 'attribute', NULL, NULL, NULL, 1, 0);"
  "INSERT INTO choice(question_id, value, position, label_es, label_en) VALUES"
  "  (5, '1', 1, 'Precio', 'Price'), (5, '2', 2, 'Calidad', 'Quality'),"
  "  (6, 'wifi', 1, 'Wifi', 'Wifi'), (6, 'cafe', 2, 'Café', 'Coffee');"
  "INSERT INTO user(id, login, name, pw_hash, role, created) VALUES"
  "  (1, 'ana', 'Ana', 'x', 'analyst', 0), (2, 'adm', 'Adm', 'x', 'admin', 0);";

/* Tables the fixture and the targets touch, children first. */
static const char zFuzzClear[] =
  "DELETE FROM answer; DELETE FROM respondent_attribute; DELETE FROM attribute_value;"
  "DELETE FROM response_token; DELETE FROM response; DELETE FROM respondent;"
  "DELETE FROM choice; DELETE FROM question; DELETE FROM survey; DELETE FROM dimension;"
  "DELETE FROM attribute; DELETE FROM touchpoint; DELETE FROM channel; DELETE FROM competitor;"
  "DELETE FROM session; DELETE FROM api_token; DELETE FROM audit; DELETE FROM user; DELETE FROM area;";

static char zFuzzDir[64];
static char zFuzzPath[96];
static Workspace *pFuzzWs;

static void fuzz_ws_remove(void){
  char z[128];
  static const char *const azSuffix[] = {"", "-wal", "-shm", ".cube"};
  ws_close(pFuzzWs);
  pFuzzWs = 0;
  for(int i = 0; i < 4; i++){ snprintf(z, sizeof z, "%s%s", zFuzzPath, azSuffix[i]); unlink(z); }
  rmdir(zFuzzDir);
}

/* Put the fixture back: one transaction. */
static __attribute__((unused)) void fuzz_ws_restore(void){
  char zSess[65], zTok[65];
  Buf b;
  auth_token_digest(FUZZ_SESSION, zSess);
  auth_token_digest(FUZZ_API_TOKEN, zTok);
  buf_init(&b, 1u<<16);
  buf_printf(&b, "BEGIN IMMEDIATE; %s %s"
             "INSERT INTO session(id_hash, user_id, csrf, created, expires) VALUES('%s', 2, '" FUZZ_CSRF "', 0, 32503680000);"
             "INSERT INTO api_token(user_id, name, token_hash, scopes, created) VALUES(1, 'fuzz', '%s', 'ingest,read', 0);"
             "COMMIT;", zFuzzClear, zFuzzFixture, zSess, zTok);
  if( db_exec(pFuzzWs->pDb, buf_str(&b)) ){
    fprintf(stderr, "fuzz fixture: %s\n", err_detail());
    abort();
  }
  buf_free(&b);
  err_clear();
}

static Workspace *fuzz_ws(void){
  if( pFuzzWs ) return pFuzzWs;
  /* In memory where there is a /dev/shm: every input rewrites the fixture. */
  const char *zTmp = getenv("TMPDIR") ? getenv("TMPDIR") : access("/dev/shm", W_OK)==0 ? "/dev/shm" : "/tmp";
  snprintf(zFuzzDir, sizeof zFuzzDir, "%s/ecx-fuzz-XXXXXX", zTmp);
  if( !mkdtemp(zFuzzDir) ) abort();
  snprintf(zFuzzPath, sizeof zFuzzPath, "%s/w.ecx", zFuzzDir);
  atexit(fuzz_ws_remove);
  if( ws_init(zFuzzPath, 0, &pFuzzWs) ) abort();
  fuzz_ws_restore();
  return pFuzzWs;
}

/* Abort if a transaction is still open on the workspace. */
static __attribute__((unused)) void fuzz_ws_check_idle(Workspace *pWs){
  if( db_begin(pWs->pDb) ){ fprintf(stderr, "a transaction was left open: %s\n", err_detail()); abort(); }
  db_rollback(pWs->pDb);
}

/* Abort unless no response is stored (dry runs and refused requests). */
static __attribute__((unused)) void fuzz_ws_check_no_response(Workspace *pWs){
  int64_t n = -1;
  if( db_int(pWs->pDb, &n, "SELECT count(*) FROM response", 0) || n!=0 ){
    fprintf(stderr, "%lld responses stored\n", (long long)n);
    abort();
  }
}

#endif
