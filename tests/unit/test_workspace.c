/*
** Tests of the workspace store: creation, migrations, refusal of newer or
** foreign files, entities and response storage with de-duplication.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"
#include "../../src/base/err.h"
#include "../../src/model/entity.h"
#include "../../src/model/schema.h"
#include "../../src/model/store.h"
#include "../../src/model/workspace.h"

TEST(ws_init_creates_current_schema_and_refuses_existing){
  char *z = test_tmp_path(".ecx");
  Workspace *pWs = 0;
  CHECK_INT(ws_init(z, 0, &pWs), ECX_OK);
  int v = 0;
  db_user_version(pWs->pDb, &v);
  CHECK_INT(v, SCHEMA_VERSION);
  CHECK_INT(ws_min_n(pWs), 5);
  ws_close(pWs);
  CHECK_INT(ws_init(z, 0, &pWs), ECX_EEXIST);
  test_remove_ws(z);
  free(z);
}

TEST(ws_open_upgrades_first_schema_version){
  char *z = test_tmp_path(".ecx");
  Workspace *pWs = 0;
  CHECK_INT(ws_init(z, 1, &pWs), ECX_OK);
  int v = 0;
  db_user_version(pWs->pDb, &v);
  CHECK_INT(v, 1);
  int64_t n = -1;
  db_int(pWs->pDb, &n, "SELECT count(*) FROM sqlite_schema WHERE name='import_log'", 0);
  CHECK_INT(n, 0);
  ws_close(pWs);
  CHECK_INT(ws_open(z, 0, &pWs), ECX_OK);
  db_user_version(pWs->pDb, &v);
  CHECK_INT(v, SCHEMA_VERSION);
  db_int(pWs->pDb, &n, "SELECT count(*) FROM sqlite_schema WHERE name='import_log'", 0);
  CHECK_INT(n, 1);
  ws_close(pWs);
  test_remove_ws(z);
  free(z);
}

TEST(ws_open_refuses_newer_and_foreign_files){
  char *z = test_tmp_path(".ecx");
  Workspace *pWs = 0;
  CHECK_INT(ws_init(z, 0, &pWs), ECX_OK);
  db_set_user_version(pWs->pDb, SCHEMA_VERSION + 1);
  ws_close(pWs);
  CHECK_INT(ws_open(z, 0, &pWs), ECX_EVERSION);
  CHECK(strstr(err_detail(), "newer")!=0 || strstr(err_detail(), "upgrade ecx")!=0);
  test_remove_ws(z);
  Db *pDb = 0;
  CHECK_INT(db_open(z, DB_CREATE, &pDb), ECX_OK);
  db_exec(pDb, "CREATE TABLE t(x); PRAGMA user_version=1;");
  db_close(pDb);
  CHECK_INT(ws_open(z, 0, &pWs), ECX_EFORMAT);
  test_remove_ws(z);
  CHECK_INT(ws_open(z, 0, &pWs), ECX_ENOTFOUND);
  free(z);
}

TEST(store_skips_duplicate_source_ids){
  char *z = test_tmp_path(".ecx");
  Workspace *pWs = 0;
  CHECK_INT(ws_init(z, 0, &pWs), ECX_OK);
  int64_t survey = 0, tp = 0, tp2 = 0;
  CHECK_INT(survey_ensure(pWs, "rel", "relational", &survey), ECX_OK);
  CHECK_INT(ent_ensure(pWs, ENT_TOUCHPOINT, "Compra", &tp), ECX_OK);
  CHECK_INT(ent_ensure(pWs, ENT_TOUCHPOINT, "Compra", &tp2), ECX_OK);
  CHECK_INT(tp, tp2);
  QuestionDef def = {.zCode = "Q1", .type = Q_NPS};
  Question q;
  CHECK_INT(question_ensure(pWs, survey, &def, &q), ECX_OK);
  CHECK_INT(q.scaleMax, 10);
  QuestionDef bad = {.zCode = "Q1", .type = Q_TEXT};
  Question q2;
  CHECK_INT(question_ensure(pWs, survey, &bad, &q2), ECX_EINVAL);
  AnswerRec a = {.questionId = q.id, .hasNum = 1, .num = 9};
  ResponseRec r = {.surveyId = survey, .touchpointId = tp, .ts = 1500000000,
                   .zSourceId = "R_1", .nAnswer = 1, .aAnswer = &a};
  int64_t id = 0;
  CHECK_INT(store_response(pWs, &r, &id), ECX_OK);
  CHECK(id > 0);
  CHECK_INT(store_response(pWs, &r, &id), ECX_OK);
  CHECK_INT(id, 0);
  int64_t n = 0;
  db_int(pWs->pDb, &n, "SELECT count(*) FROM answer", 0);
  CHECK_INT(n, 1);
  ws_close(pWs);
  test_remove_ws(z);
  free(z);
}
