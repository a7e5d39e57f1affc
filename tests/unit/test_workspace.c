/*
** Tests of the workspace store: creation, migrations, refusal of newer or
** foreign files, entities and response storage with de-duplication, the
** catalog's responsible areas of touchpoints.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"
#include "../../src/base/err.h"
#include "../../src/model/catalog.h"
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
  /* And the latest migration's table (7: touchpoints' responsible areas). */
  db_int(pWs->pDb, &n, "SELECT count(*) FROM sqlite_schema WHERE name='touchpoint_area'", 0);
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

TEST(catalog_touchpoint_areas){
  char *z = test_tmp_path(".ecx");
  Workspace *pWs = 0;
  CatPut np;
  CatItem it;
  const char *zField = 0, *azOps[] = {"Ventas", "Operaciones", "Ventas"}, *azBad[] = {"Operaciones", "Nadie"};
  char *zArea = 0, *zIds = 0;
  int created = 0;
  int64_t idOps = 0, idVentas = 0, idTienda = 0, idWeb = 0;
  CHECK_INT(ws_init(z, 0, &pWs), ECX_OK);
  CHECK_INT(ent_ensure(pWs, ENT_AREA, "Operaciones", &idOps), ECX_OK);
  CHECK_INT(ent_ensure(pWs, ENT_AREA, "Ventas", &idVentas), ECX_OK);
  /* A new touchpoint with two areas (one named twice), at position 2. */
  memset(&np, 0, sizeof np);
  np.hasPosition = 1; np.position = 2;
  np.hasAreas = 1; np.nArea = 3; np.azArea = azOps;
  CHECK_INT(cat_put(pWs, CAT_TOUCHPOINT, "Web", &np, &created, &zField), ECX_OK);
  CHECK_INT(created, 1);
  CHECK_INT(cat_get(pWs, CAT_TOUCHPOINT, "Web", &it), ECX_OK);
  idWeb = it.id;
  CHECK_INT(it.nArea, 2);
  if( it.nArea==2 ){ CHECK_STR(it.azArea[0], "Operaciones"); CHECK_STR(it.azArea[1], "Ventas"); }
  cat_item_clear(&it);
  /* Another before it on the journey, of Operaciones only. */
  memset(&np, 0, sizeof np);
  np.hasPosition = 1; np.position = 1;
  np.hasAreas = 1; np.nArea = 1; np.azArea = azOps + 1;
  CHECK_INT(cat_put(pWs, CAT_TOUCHPOINT, "Tienda", &np, &created, &zField), ECX_OK);
  CHECK_INT(cat_get(pWs, CAT_TOUCHPOINT, "Tienda", &it), ECX_OK);
  idTienda = it.id;
  cat_item_clear(&it);
  /* An area's touchpoints, in journey order. */
  char zWant[64];
  CHECK_INT(cat_area_touchpoints(pWs, idOps, &zArea, &zIds), ECX_OK);
  snprintf(zWant, sizeof zWant, "%lld,%lld", (long long)idTienda, (long long)idWeb);
  CHECK_STR(zArea, "Operaciones");
  CHECK_STR(zIds, zWant);
  free(zArea); free(zIds);
  CHECK_INT(cat_area_touchpoints(pWs, idVentas, &zArea, &zIds), ECX_OK);
  snprintf(zWant, sizeof zWant, "%lld", (long long)idWeb);
  CHECK_STR(zIds, zWant);
  free(zArea); free(zIds);
  CHECK_INT(cat_area_touchpoints(pWs, 999, &zArea, &zIds), ECX_ENOTFOUND);
  CHECK(zArea==0 && zIds==0);
  /* An unknown area is refused naming the field, before anything changes;
  ** left out, the areas stay; an empty list clears them. */
  memset(&np, 0, sizeof np);
  np.hasAreas = 1; np.nArea = 2; np.azArea = azBad;
  CHECK_INT(cat_put(pWs, CAT_TOUCHPOINT, "Web", &np, &created, &zField), ECX_EINVAL);
  CHECK_STR(zField, "areas");
  CHECK(strstr(err_detail(), "Nadie")!=0);
  memset(&np, 0, sizeof np);
  np.zDescription = "en línea";
  CHECK_INT(cat_put(pWs, CAT_TOUCHPOINT, "Web", &np, &created, &zField), ECX_OK);
  CHECK_INT(cat_get(pWs, CAT_TOUCHPOINT, "Web", &it), ECX_OK);
  CHECK_INT(it.nArea, 2);
  cat_item_clear(&it);
  np.hasAreas = 1; np.nArea = 0; np.azArea = 0;
  CHECK_INT(cat_put(pWs, CAT_TOUCHPOINT, "Web", &np, &created, &zField), ECX_OK);
  CHECK_INT(cat_get(pWs, CAT_TOUCHPOINT, "Web", &it), ECX_OK);
  CHECK_INT(it.nArea, 0);
  cat_item_clear(&it);
  /* Positions out of range are refused by the catalog itself. */
  memset(&np, 0, sizeof np);
  np.hasPosition = 1; np.position = CAT_MAX_POSITION + 1;
  CHECK_INT(cat_put(pWs, CAT_TOUCHPOINT, "Web", &np, &created, &zField), ECX_EINVAL);
  CHECK_STR(zField, "position");
  ws_close(pWs);
  test_remove_ws(z);
  free(z);
}

TEST(db_read_snapshot_does_not_block_writers){
  /* A cube load reads under db_begin_read: a writer on another connection
  ** commits meanwhile, and the reader keeps the snapshot it started with
  ** until it ends its transaction. */
  char *z = test_tmp_path(".ecx");
  Workspace *pWs = 0, *pW2 = 0;
  int64_t n = -1;
  CHECK_INT(ws_init(z, 0, &pWs), ECX_OK);
  CHECK_INT(ws_open(z, 0, &pW2), ECX_OK);
  CHECK_INT(db_begin_read(pWs->pDb), ECX_OK);
  CHECK_INT(db_int(pWs->pDb, &n, "SELECT count(*) FROM area", 0), ECX_OK);
  CHECK_INT(n, 0);
  CHECK_INT(db_begin(pW2->pDb), ECX_OK);
  CHECK_INT(db_exec(pW2->pDb, "INSERT INTO area(name) VALUES('Ventas')"), ECX_OK);
  CHECK_INT(db_commit(pW2->pDb), ECX_OK);
  CHECK_INT(db_int(pWs->pDb, &n, "SELECT count(*) FROM area", 0), ECX_OK);
  CHECK_INT(n, 0);
  CHECK_INT(db_rollback(pWs->pDb), ECX_OK);
  CHECK_INT(db_int(pWs->pDb, &n, "SELECT count(*) FROM area", 0), ECX_OK);
  CHECK_INT(n, 1);
  ws_close(pW2);
  ws_close(pWs);
  test_remove_ws(z);
  free(z);
}
