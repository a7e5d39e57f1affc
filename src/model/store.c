/*
** Response storage through cached prepared statements.
*/
#include "store.h"
#include "entity.h"
#include "../base/err.h"

int store_response(Workspace *pWs, const ResponseRec *pRec, int64_t *pId){
  Db *pDb = pWs->pDb;
  Stmt *p;
  *pId = 0;
  int rc = db_cached(pDb, &p,
      "INSERT INTO response(survey_id, respondent_id, touchpoint_id, channel_id, ts,"
      " language, competitor_id, source_id) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)"
      " ON CONFLICT(survey_id, source_id) DO NOTHING");
  if( rc ) return rc;
  db_bind_int(p, 1, pRec->surveyId);
  if( pRec->respondentId ) db_bind_int(p, 2, pRec->respondentId);
  if( pRec->touchpointId ) db_bind_int(p, 3, pRec->touchpointId);
  if( pRec->channelId ) db_bind_int(p, 4, pRec->channelId);
  db_bind_int(p, 5, pRec->ts);
  db_bind_text(p, 6, pRec->zLanguage ? pRec->zLanguage : "", -1);
  if( pRec->competitorId ) db_bind_int(p, 7, pRec->competitorId);
  db_bind_text(p, 8, pRec->zSourceId, -1);
  rc = db_step(p);
  db_reset(p);
  if( rc!=DB_DONE ) return rc;
  if( db_changes(pDb)==0 ) return ECX_OK;   /* duplicate source id */
  int64_t id = db_last_rowid(pDb);
  rc = db_cached(pDb, &p, "INSERT INTO answer(question_id, response_id, num, txt) VALUES(?1,?2,?3,?4)");
  if( rc ) return rc;
  for(int i = 0; i < pRec->nAnswer; i++){
    const AnswerRec *a = &pRec->aAnswer[i];
    db_bind_int(p, 1, a->questionId);
    db_bind_int(p, 2, id);
    if( a->hasNum ) db_bind_int(p, 3, a->num);
    if( a->zText ) db_bind_text(p, 4, a->zText, -1);
    rc = db_step(p);
    db_reset(p);
    if( rc!=DB_DONE ){
      if( rc==ECX_EEXIST ) rc = err_set(ECX_EINVAL, "two answers to the same question in one response");
      return rc;
    }
  }
  *pId = id;
  return ECX_OK;
}

int store_respondent(Workspace *pWs, const char *zExternalId, int64_t *pId){
  Stmt *p;
  int rc;
  if( zExternalId && zExternalId[0] ){
    rc = db_cached(pWs->pDb, &p, "SELECT id FROM respondent WHERE external_id=?1");
    if( rc ) return rc;
    db_bind_text(p, 1, zExternalId, -1);
    rc = db_step(p);
    if( rc==DB_ROW ) *pId = db_column_int(p, 0);
    db_reset(p);
    if( rc==DB_ROW ) return ECX_OK;
    if( rc!=DB_DONE ) return rc;
  }
  rc = db_cached(pWs->pDb, &p, "INSERT INTO respondent(external_id) VALUES(?1)");
  if( rc ) return rc;
  if( zExternalId && zExternalId[0] ) db_bind_text(p, 1, zExternalId, -1);
  rc = db_step(p);
  db_reset(p);
  if( rc!=DB_DONE ) return rc;
  *pId = db_last_rowid(pWs->pDb);
  return ECX_OK;
}

int store_respondent_attr(Workspace *pWs, int64_t respondentId, int64_t attrId,
                          const char *zValue){
  int64_t valueId;
  int rc = ent_attr_value(pWs, attrId, zValue, &valueId);
  if( rc ) return rc;
  Stmt *p;
  rc = db_cached(pWs->pDb, &p,
      "INSERT INTO respondent_attribute(respondent_id, attribute_id, value_id)"
      " VALUES(?1,?2,?3) ON CONFLICT(respondent_id, attribute_id)"
      " DO UPDATE SET value_id=excluded.value_id");
  if( rc ) return rc;
  db_bind_int(p, 1, respondentId);
  db_bind_int(p, 2, attrId);
  db_bind_int(p, 3, valueId);
  rc = db_step(p);
  db_reset(p);
  return rc==DB_DONE ? ECX_OK : rc;
}
