/*
** Workspace schema: the migrations, in order. Never edit a released
** migration; add a new one and raise SCHEMA_VERSION.
*/
#include <stdio.h>

#include "schema.h"
#include "../base/err.h"

static const char *const azMigration[SCHEMA_VERSION + 1] = {
  [1] =
  "CREATE TABLE setting(\n"
  "  key TEXT PRIMARY KEY,\n"
  "  value TEXT NOT NULL\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE channel(\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL UNIQUE\n"
  ");\n"
  "CREATE TABLE touchpoint(\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL UNIQUE,\n"
  "  position INTEGER NOT NULL DEFAULT 0,\n"
  "  channel_id INTEGER REFERENCES channel(id),\n"
  "  description TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE TABLE dimension(\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL UNIQUE,\n"
  "  description TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE TABLE competitor(\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL UNIQUE\n"
  ");\n"
  "CREATE TABLE area(\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL UNIQUE,\n"
  "  description TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE TABLE attribute(\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL UNIQUE,\n"
  "  kind TEXT NOT NULL DEFAULT 'demographic'\n"
  "    CHECK(kind IN ('demographic','psychographic','other'))\n"
  ");\n"
  "CREATE TABLE attribute_value(\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  attribute_id INTEGER NOT NULL REFERENCES attribute(id),\n"
  "  value TEXT NOT NULL,\n"
  "  UNIQUE(attribute_id, value)\n"
  ");\n"
  "CREATE TABLE segment(\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL UNIQUE,\n"
  "  description TEXT NOT NULL DEFAULT '',\n"
  "  filter TEXT NOT NULL\n"
  ");\n"
  "CREATE TABLE survey(\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  code TEXT NOT NULL UNIQUE,\n"
  "  title TEXT NOT NULL DEFAULT '',\n"
  "  kind TEXT NOT NULL DEFAULT 'relational'\n"
  "    CHECK(kind IN ('relational','transactional','benchmark','employee')),\n"
  "  touchpoint_id INTEGER REFERENCES touchpoint(id),\n"
  "  channel_id INTEGER REFERENCES channel(id),\n"
  "  created INTEGER NOT NULL\n"
  ");\n"
  "CREATE TABLE question(\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  survey_id INTEGER NOT NULL REFERENCES survey(id),\n"
  "  code TEXT NOT NULL,\n"
  "  position INTEGER NOT NULL,\n"
  "  type TEXT NOT NULL CHECK(type IN\n"
  "    ('nps','csat','ces','rating','choice','multi','text','attribute')),\n"
  "  scale_min INTEGER,\n"
  "  scale_max INTEGER,\n"
  "  dimension_id INTEGER REFERENCES dimension(id),\n"
  "  attribute_id INTEGER REFERENCES attribute(id),\n"
  "  text_es TEXT NOT NULL DEFAULT '',\n"
  "  text_en TEXT NOT NULL DEFAULT '',\n"
  "  required INTEGER NOT NULL DEFAULT 0,\n"
  "  UNIQUE(survey_id, code)\n"
  ");\n"
  "CREATE TABLE choice(\n"
  "  question_id INTEGER NOT NULL REFERENCES question(id),\n"
  "  value TEXT NOT NULL,\n"
  "  position INTEGER NOT NULL DEFAULT 0,\n"
  "  label_es TEXT NOT NULL DEFAULT '',\n"
  "  label_en TEXT NOT NULL DEFAULT '',\n"
  "  PRIMARY KEY(question_id, value)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE respondent(\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  external_id TEXT UNIQUE\n"
  ");\n"
  "CREATE TABLE respondent_attribute(\n"
  "  respondent_id INTEGER NOT NULL REFERENCES respondent(id),\n"
  "  attribute_id INTEGER NOT NULL REFERENCES attribute(id),\n"
  "  value_id INTEGER NOT NULL REFERENCES attribute_value(id),\n"
  "  PRIMARY KEY(respondent_id, attribute_id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE response(\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  survey_id INTEGER NOT NULL REFERENCES survey(id),\n"
  "  respondent_id INTEGER REFERENCES respondent(id),\n"
  "  touchpoint_id INTEGER REFERENCES touchpoint(id),\n"
  "  channel_id INTEGER REFERENCES channel(id),\n"
  "  ts INTEGER NOT NULL,\n"
  "  language TEXT NOT NULL DEFAULT '',\n"
  "  competitor_id INTEGER REFERENCES competitor(id),\n"
  "  source_id TEXT NOT NULL,\n"
  "  UNIQUE(survey_id, source_id)\n"
  ");\n"
  "CREATE TABLE answer(\n"
  "  question_id INTEGER NOT NULL REFERENCES question(id),\n"
  "  response_id INTEGER NOT NULL REFERENCES response(id),\n"
  "  num INTEGER,\n"
  "  txt TEXT,\n"
  "  PRIMARY KEY(question_id, response_id)\n"
  ") WITHOUT ROWID;\n",

  [2] =
  "CREATE TABLE import_log(\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  file TEXT NOT NULL,\n"
  "  format TEXT NOT NULL,\n"
  "  survey_id INTEGER REFERENCES survey(id),\n"
  "  started INTEGER NOT NULL,\n"
  "  rows_read INTEGER NOT NULL,\n"
  "  rows_stored INTEGER NOT NULL,\n"
  "  rows_duplicate INTEGER NOT NULL,\n"
  "  rows_rejected INTEGER NOT NULL\n"
  ");\n"
  "CREATE INDEX response_ts ON response(ts);\n"
  "INSERT OR IGNORE INTO setting(key, value) VALUES('min_n', '5');\n",

  [3] =
  "CREATE TABLE user(\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  login TEXT NOT NULL UNIQUE,\n"
  "  name TEXT NOT NULL DEFAULT '',\n"
  "  pw_hash TEXT NOT NULL,\n"
  "  role TEXT NOT NULL\n"
  "    CHECK(role IN ('admin','analyst','area_lead','frontline','viewer')),\n"
  "  area_id INTEGER REFERENCES area(id),\n"
  "  touchpoints TEXT NOT NULL DEFAULT '',\n"
  "  lang TEXT NOT NULL DEFAULT '',\n"
  "  created INTEGER NOT NULL,\n"
  "  disabled INTEGER NOT NULL DEFAULT 0\n"
  ");\n"
  "CREATE TABLE session(\n"
  "  id_hash TEXT PRIMARY KEY,\n"
  "  user_id INTEGER NOT NULL REFERENCES user(id),\n"
  "  csrf TEXT NOT NULL,\n"
  "  created INTEGER NOT NULL,\n"
  "  expires INTEGER NOT NULL,\n"
  "  revoked INTEGER NOT NULL DEFAULT 0\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX session_user ON session(user_id);\n"
  "CREATE TABLE audit(\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  ts INTEGER NOT NULL,\n"
  "  user_id INTEGER REFERENCES user(id),\n"
  "  action TEXT NOT NULL,\n"
  "  target TEXT NOT NULL DEFAULT '',\n"
  "  detail TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE TABLE api_token(\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  user_id INTEGER NOT NULL REFERENCES user(id),\n"
  "  name TEXT NOT NULL,\n"
  "  token_hash TEXT NOT NULL UNIQUE,\n"
  "  scopes TEXT NOT NULL DEFAULT '',\n"
  "  created INTEGER NOT NULL,\n"
  "  revoked INTEGER NOT NULL DEFAULT 0\n"
  ");\n",

  [4] =
  "ALTER TABLE survey ADD COLUMN status TEXT NOT NULL DEFAULT 'draft'\n"
  "  CHECK(status IN ('draft','open','closed'));\n"
  "ALTER TABLE survey ADD COLUMN public_token TEXT;\n"
  "CREATE UNIQUE INDEX survey_public_token ON survey(public_token);\n"
  "CREATE TABLE response_token(\n"
  "  token_hash TEXT PRIMARY KEY,\n"
  "  survey_id INTEGER NOT NULL REFERENCES survey(id),\n"
  "  created INTEGER NOT NULL,\n"
  "  used INTEGER,\n"
  "  response_id INTEGER REFERENCES response(id)\n"
  ") WITHOUT ROWID;\n",

  /* The experience promise: areas' feasibility ratings of the dimensions,
  ** and promises kept as numbered versions (docs/promise.md). */
  [5] =
  "CREATE TABLE feasibility(\n"
  "  area_id INTEGER NOT NULL REFERENCES area(id),\n"
  "  dimension_id INTEGER NOT NULL REFERENCES dimension(id),\n"
  "  horizon TEXT NOT NULL CHECK(horizon IN ('short','medium')),\n"
  "  score INTEGER NOT NULL CHECK(score BETWEEN 1 AND 5),\n"
  "  comment TEXT NOT NULL DEFAULT '',\n"
  "  user_id INTEGER REFERENCES user(id),\n"
  "  ts INTEGER NOT NULL,\n"
  "  PRIMARY KEY(area_id, dimension_id, horizon)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE promise(\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL,\n"
  "  created INTEGER NOT NULL\n"
  ");\n"
  "CREATE TABLE promise_version(\n"
  "  promise_id INTEGER NOT NULL REFERENCES promise(id),\n"
  "  version INTEGER NOT NULL,\n"
  "  user_id INTEGER REFERENCES user(id),\n"
  "  ts INTEGER NOT NULL,\n"
  "  json TEXT NOT NULL,\n"
  "  PRIMARY KEY(promise_id, version)\n"
  ") WITHOUT ROWID;\n",

  /* The promise's strategic KPIs: one per promise dimension, with its
  ** metric, target, owner area and optional period (docs/promise.md). */
  [6] =
  "CREATE TABLE promise_kpi(\n"
  "  promise_id INTEGER NOT NULL REFERENCES promise(id),\n"
  "  dimension TEXT NOT NULL,\n"
  "  metric TEXT NOT NULL CHECK(metric IN ('mean','top2','nps','csat','ces')),\n"
  "  target REAL NOT NULL,\n"
  "  area_id INTEGER NOT NULL REFERENCES area(id),\n"
  "  period_from TEXT NOT NULL DEFAULT '',\n"
  "  period_to TEXT NOT NULL DEFAULT '',\n"
  "  user_id INTEGER REFERENCES user(id),\n"
  "  ts INTEGER NOT NULL,\n"
  "  PRIMARY KEY(promise_id, dimension)\n"
  ") WITHOUT ROWID;\n",

  /* Which internal areas answer for which touchpoints (many to many): an
  ** area lead's dashboards show its area's touchpoints (docs/security.md). */
  [7] =
  "CREATE TABLE touchpoint_area(\n"
  "  touchpoint_id INTEGER NOT NULL REFERENCES touchpoint(id),\n"
  "  area_id INTEGER NOT NULL REFERENCES area(id),\n"
  "  PRIMARY KEY(touchpoint_id, area_id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX touchpoint_area_area ON touchpoint_area(area_id, touchpoint_id);\n",
};

int schema_migrate(Db *pDb, int target){
  int version = 0;
  int64_t appId = 0;
  int rc;
  if( target < 1 || target > SCHEMA_VERSION ) err_fatal("schema_migrate: bad target %d", target);
  rc = db_begin(pDb);
  if( rc ) return rc;
  rc = db_user_version(pDb, &version);
  if( rc==ECX_OK ) rc = db_int(pDb, &appId, "PRAGMA application_id", 0);
  if( rc ) goto out;
  if( version > SCHEMA_VERSION ){
    rc = err_set(ECX_EVERSION,
                 "%s has schema version %d; this ecx reads up to version %d: upgrade ecx",
                 db_filename(pDb), version, SCHEMA_VERSION);
    goto out;
  }
  if( version > 0 && appId != SCHEMA_APPLICATION_ID ){
    rc = err_set(ECX_EFORMAT, "%s is an SQLite file but not an ecx workspace", db_filename(pDb));
    goto out;
  }
  if( version==0 ){
    int64_t nTable = 0;
    rc = db_int(pDb, &nTable, "SELECT count(*) FROM sqlite_schema", 0);
    if( rc ) goto out;
    if( nTable > 0 ){
      rc = err_set(ECX_EFORMAT, "%s is an SQLite file but not an ecx workspace", db_filename(pDb));
      goto out;
    }
    char zSql[64];
    snprintf(zSql, sizeof zSql, "PRAGMA application_id=%d", SCHEMA_APPLICATION_ID);
    rc = db_exec(pDb, zSql);
    if( rc ) goto out;
  }
  for(int v = version + 1; v <= target && rc==ECX_OK; v++){
    rc = db_exec(pDb, azMigration[v]);
    if( rc==ECX_OK ) rc = db_set_user_version(pDb, v);
  }
out:
  if( rc==ECX_OK ) rc = db_commit(pDb);
  if( rc ) db_rollback(pDb);
  return rc;
}
