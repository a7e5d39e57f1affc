/*
** Named entities, surveys and questions: lookup and creation.
*/
#include <string.h>
#include <time.h>

#include "entity.h"
#include "../base/err.h"

static const struct {
  const char *zTable;
  const char *zFind;
  const char *zInsert;
} aKind[ENT_NKIND] = {
  [ENT_CHANNEL] = {"channel", "SELECT id FROM channel WHERE name=?1",
                   "INSERT INTO channel(name) VALUES(?1)"},
  [ENT_TOUCHPOINT] = {"touchpoint", "SELECT id FROM touchpoint WHERE name=?1",
                   "INSERT INTO touchpoint(name, position)"
                   " VALUES(?1, (SELECT coalesce(max(position),0)+1 FROM touchpoint))"},
  [ENT_DIMENSION] = {"dimension", "SELECT id FROM dimension WHERE name=?1",
                   "INSERT INTO dimension(name) VALUES(?1)"},
  [ENT_COMPETITOR] = {"competitor", "SELECT id FROM competitor WHERE name=?1",
                   "INSERT INTO competitor(name) VALUES(?1)"},
  [ENT_AREA] = {"area", "SELECT id FROM area WHERE name=?1",
                   "INSERT INTO area(name) VALUES(?1)"},
  [ENT_ATTRIBUTE] = {"attribute", "SELECT id FROM attribute WHERE name=?1",
                   "INSERT INTO attribute(name) VALUES(?1)"},
};

const char *ent_table(EntKind k){ return aKind[k].zTable; }

int ent_kind_from_name(const char *zName){
  for(int k = 0; k < ENT_NKIND; k++){
    if( strcmp(zName, aKind[k].zTable)==0 ) return k;
  }
  return -1;
}

/* Run a cached one-row id lookup with one text parameter. */
static int lookup_id(Db *pDb, const char *zSql, const char *zArg, int64_t *pId){
  Stmt *p;
  int rc = db_cached(pDb, &p, zSql);
  if( rc ) return rc;
  db_bind_text(p, 1, zArg, -1);
  rc = db_step(p);
  if( rc==DB_ROW ){
    *pId = db_column_int(p, 0);
    rc = ECX_OK;
  }else if( rc==DB_DONE ){
    rc = ECX_ENOTFOUND;
  }
  db_reset(p);
  return rc;
}

int ent_find(Workspace *pWs, EntKind k, const char *zName, int64_t *pId){
  int rc = lookup_id(pWs->pDb, aKind[k].zFind, zName, pId);
  if( rc==ECX_ENOTFOUND ) err_set(rc, "no %s named \"%s\"", aKind[k].zTable, zName);
  return rc;
}

int ent_ensure(Workspace *pWs, EntKind k, const char *zName, int64_t *pId){
  if( !zName || !zName[0] ) return err_set(ECX_EINVAL, "empty %s name", aKind[k].zTable);
  int rc = lookup_id(pWs->pDb, aKind[k].zFind, zName, pId);
  if( rc!=ECX_ENOTFOUND ) return rc;
  Stmt *p;
  rc = db_cached(pWs->pDb, &p, aKind[k].zInsert);
  if( rc ) return rc;
  db_bind_text(p, 1, zName, -1);
  rc = db_step(p);
  db_reset(p);
  if( rc!=DB_DONE ) return rc;
  *pId = db_last_rowid(pWs->pDb);
  return ECX_OK;
}

int ent_attr_value(Workspace *pWs, int64_t attrId, const char *zValue, int64_t *pId){
  Stmt *p;
  int rc = db_cached(pWs->pDb, &p,
      "SELECT id FROM attribute_value WHERE attribute_id=?1 AND value=?2");
  if( rc ) return rc;
  db_bind_int(p, 1, attrId);
  db_bind_text(p, 2, zValue, -1);
  rc = db_step(p);
  if( rc==DB_ROW ) *pId = db_column_int(p, 0);
  db_reset(p);
  if( rc==DB_ROW ) return ECX_OK;
  if( rc!=DB_DONE ) return rc;
  rc = db_cached(pWs->pDb, &p, "INSERT INTO attribute_value(attribute_id, value) VALUES(?1, ?2)");
  if( rc ) return rc;
  db_bind_int(p, 1, attrId);
  db_bind_text(p, 2, zValue, -1);
  rc = db_step(p);
  db_reset(p);
  if( rc!=DB_DONE ) return rc;
  *pId = db_last_rowid(pWs->pDb);
  return ECX_OK;
}

static const char *const azQType[Q_NTYPE] = {
  "nps", "csat", "ces", "rating", "choice", "multi", "text", "attribute"
};

const char *qtype_name(QType t){ return azQType[t]; }

int qtype_from_name(const char *z){
  for(int t = 0; t < Q_NTYPE; t++){
    if( strcmp(z, azQType[t])==0 ) return t;
  }
  return -1;
}

int qtype_scale(QType t, int *pMin, int *pMax){
  switch( t ){
    case Q_NPS:  *pMin = 0; *pMax = 10; return 1;
    case Q_CSAT: *pMin = 1; *pMax = 5;  return 1;
    case Q_CES:  *pMin = 1; *pMax = 7;  return 1;
    default:     return 0;
  }
}

int survey_find(Workspace *pWs, const char *zCode, int64_t *pId){
  int rc = lookup_id(pWs->pDb, "SELECT id FROM survey WHERE code=?1", zCode, pId);
  if( rc==ECX_ENOTFOUND ) err_set(rc, "no survey with code \"%s\"", zCode);
  return rc;
}

int survey_ensure(Workspace *pWs, const char *zCode, const char *zKind, int64_t *pId){
  int rc = lookup_id(pWs->pDb, "SELECT id FROM survey WHERE code=?1", zCode, pId);
  if( rc!=ECX_ENOTFOUND ) return rc;
  Stmt *p;
  rc = db_cached(pWs->pDb, &p,
      "INSERT INTO survey(code, title, kind, created) VALUES(?1, ?1, ?2, ?3)");
  if( rc ) return rc;
  db_bind_text(p, 1, zCode, -1);
  db_bind_text(p, 2, zKind ? zKind : "relational", -1);
  db_bind_int(p, 3, (int64_t)time(0));
  rc = db_step(p);
  db_reset(p);
  if( rc!=DB_DONE ){
    if( rc==ECX_EEXIST ) rc = err_set(ECX_EINVAL, "survey kind \"%s\" is not one of "
                                      "relational, transactional, benchmark, employee", zKind);
    return rc;
  }
  *pId = db_last_rowid(pWs->pDb);
  return ECX_OK;
}

int question_find(Workspace *pWs, int64_t surveyId, const char *zCode, Question *pQ){
  Stmt *p;
  int rc = db_cached(pWs->pDb, &p,
      "SELECT id, type, coalesce(scale_min,0), coalesce(scale_max,0),"
      " coalesce(dimension_id,0), coalesce(attribute_id,0)"
      " FROM question WHERE survey_id=?1 AND code=?2");
  if( rc ) return rc;
  db_bind_int(p, 1, surveyId);
  db_bind_text(p, 2, zCode, -1);
  rc = db_step(p);
  if( rc==DB_ROW ){
    pQ->id = db_column_int(p, 0);
    pQ->type = (QType)qtype_from_name(db_column_text(p, 1));
    pQ->scaleMin = (int)db_column_int(p, 2);
    pQ->scaleMax = (int)db_column_int(p, 3);
    pQ->dimensionId = db_column_int(p, 4);
    pQ->attributeId = db_column_int(p, 5);
    rc = ECX_OK;
  }else if( rc==DB_DONE ){
    rc = err_set(ECX_ENOTFOUND, "no question \"%s\" in the survey", zCode);
  }
  db_reset(p);
  return rc;
}

int question_ensure(Workspace *pWs, int64_t surveyId, const QuestionDef *pDef, Question *pQ){
  int rc = question_find(pWs, surveyId, pDef->zCode, pQ);
  if( rc==ECX_OK ){
    if( pQ->type != pDef->type ){
      return err_set(ECX_EINVAL, "question %s is already of type %s, not %s",
                     pDef->zCode, qtype_name(pQ->type), qtype_name(pDef->type));
    }
    return ECX_OK;
  }
  if( rc!=ECX_ENOTFOUND ) return rc;
  memset(pQ, 0, sizeof *pQ);
  pQ->type = pDef->type;
  if( !qtype_scale(pDef->type, &pQ->scaleMin, &pQ->scaleMax) && pDef->type==Q_RATING ){
    pQ->scaleMin = pDef->scaleMin;
    pQ->scaleMax = pDef->scaleMax;
    if( !((pQ->scaleMin==1 && pQ->scaleMax==5) || (pQ->scaleMin==0 && pQ->scaleMax==10)) ){
      return err_set(ECX_EINVAL, "rating question %s must use a 1-5 or 0-10 scale", pDef->zCode);
    }
  }
  if( pDef->type==Q_RATING ){
    if( !pDef->zDimension ) return err_set(ECX_EINVAL, "rating question %s needs a dimension", pDef->zCode);
    rc = ent_ensure(pWs, ENT_DIMENSION, pDef->zDimension, &pQ->dimensionId);
    if( rc ) return rc;
  }
  if( pDef->type==Q_ATTRIBUTE ){
    rc = ent_ensure(pWs, ENT_ATTRIBUTE, pDef->zAttribute ? pDef->zAttribute : pDef->zCode,
                    &pQ->attributeId);
    if( rc ) return rc;
  }
  Stmt *p;
  rc = db_cached(pWs->pDb, &p,
      "INSERT INTO question(survey_id, code, position, type, scale_min, scale_max,"
      " dimension_id, attribute_id, text_es, text_en, required)"
      " VALUES(?1, ?2, (SELECT coalesce(max(position),0)+1 FROM question WHERE survey_id=?1),"
      " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  if( rc ) return rc;
  db_bind_int(p, 1, surveyId);
  db_bind_text(p, 2, pDef->zCode, -1);
  db_bind_text(p, 3, qtype_name(pDef->type), -1);
  if( pQ->scaleMax ){ db_bind_int(p, 4, pQ->scaleMin); db_bind_int(p, 5, pQ->scaleMax); }
  if( pQ->dimensionId ) db_bind_int(p, 6, pQ->dimensionId);
  if( pQ->attributeId ) db_bind_int(p, 7, pQ->attributeId);
  db_bind_text(p, 8, pDef->zTextEs ? pDef->zTextEs : "", -1);
  db_bind_text(p, 9, pDef->zTextEn ? pDef->zTextEn : "", -1);
  db_bind_int(p, 10, pDef->required);
  rc = db_step(p);
  db_reset(p);
  if( rc!=DB_DONE ) return rc;
  pQ->id = db_last_rowid(pWs->pDb);
  return ECX_OK;
}
