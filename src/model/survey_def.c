/*
** Survey definitions: loading a survey with its questions and choices,
** creating and updating surveys, listing them (survey_def.h).
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "survey_def.h"
#include "../base/db.h"
#include "../base/err.h"
#include "../base/i18n.h"

static int load_choices(Workspace *pWs, SurveyQuestion *q){
  Stmt *p;
  int rc = db_cached(pWs->pDb, &p,
      "SELECT value, label_es, label_en FROM choice WHERE question_id=?1 ORDER BY position, value");
  if( rc ) return rc;
  db_bind_int(p, 1, q->id);
  while( (rc = db_step(p))==DB_ROW ){
    if( q->nChoice >= SURVEY_MAX_CHOICES ) continue;
    if( q->aChoice==0 ) q->aChoice = ecx_calloc(SURVEY_MAX_CHOICES, sizeof *q->aChoice);
    SurveyChoice *c = &q->aChoice[q->nChoice++];
    c->zValue = ecx_strdup(db_column_text(p, 0));
    c->zLabelEs = ecx_strdup(db_column_text(p, 1));
    c->zLabelEn = ecx_strdup(db_column_text(p, 2));
  }
  db_reset(p);
  return rc==DB_DONE ? ECX_OK : rc;
}

static int load_questions(Workspace *pWs, SurveyDef *s){
  Stmt *p;
  int rc = db_cached(pWs->pDb, &p,
      "SELECT q.id, q.code, q.type, coalesce(q.scale_min,0), coalesce(q.scale_max,0),"
      " coalesce(q.dimension_id,0), coalesce(q.attribute_id,0), coalesce(d.name,''),"
      " coalesce(a.name,''), q.text_es, q.text_en, q.required"
      " FROM question q LEFT JOIN dimension d ON d.id=q.dimension_id"
      " LEFT JOIN attribute a ON a.id=q.attribute_id"
      " WHERE q.survey_id=?1 ORDER BY q.position, q.id");
  if( rc ) return rc;
  db_bind_int(p, 1, s->id);
  int nAlloc = 0;
  while( (rc = db_step(p))==DB_ROW ){
    if( s->nQ==nAlloc ){
      nAlloc = nAlloc ? 2*nAlloc : 16;
      s->aQ = ecx_realloc(s->aQ, (size_t)nAlloc * sizeof *s->aQ);
    }
    SurveyQuestion *q = &s->aQ[s->nQ++];
    memset(q, 0, sizeof *q);
    q->id = db_column_int(p, 0);
    q->zCode = ecx_strdup(db_column_text(p, 1));
    int t = qtype_from_name(db_column_text(p, 2));
    q->type = t < 0 ? Q_TEXT : (QType)t;
    q->scaleMin = (int)db_column_int(p, 3);
    q->scaleMax = (int)db_column_int(p, 4);
    q->dimensionId = db_column_int(p, 5);
    q->attributeId = db_column_int(p, 6);
    q->zDimension = ecx_strdup(db_column_text(p, 7));
    q->zAttribute = ecx_strdup(db_column_text(p, 8));
    q->zTextEs = ecx_strdup(db_column_text(p, 9));
    q->zTextEn = ecx_strdup(db_column_text(p, 10));
    q->required = db_column_int(p, 11)!=0;
  }
  db_reset(p);
  if( rc!=DB_DONE ) return rc;
  for(int i = 0; i < s->nQ; i++){
    if( s->aQ[i].type!=Q_CHOICE && s->aQ[i].type!=Q_MULTI ) continue;
    rc = load_choices(pWs, &s->aQ[i]);
    if( rc ) return rc;
  }
  return ECX_OK;
}

/* Load the survey found by column zCol ("id", "code" or "public_token"). */
static int load_by(Workspace *pWs, const char *zSql, int64_t id, const char *zKey, SurveyDef *s){
  Stmt *p;
  memset(s, 0, sizeof *s);
  int rc = db_cached(pWs->pDb, &p, zSql);
  if( rc ) return rc;
  if( zKey ) db_bind_text(p, 1, zKey, -1); else db_bind_int(p, 1, id);
  rc = db_step(p);
  if( rc==DB_ROW ){
    s->id = db_column_int(p, 0);
    s->zCode = ecx_strdup(db_column_text(p, 1));
    s->zTitle = ecx_strdup(db_column_text(p, 2));
    s->zKind = ecx_strdup(db_column_text(p, 3));
    s->touchpointId = db_column_int(p, 4);
    s->channelId = db_column_int(p, 5);
    s->zStatus = ecx_strdup(db_column_text(p, 6));
    s->zToken = ecx_strdup(db_column_text(p, 7));
    rc = ECX_OK;
  }else if( rc==DB_DONE ){
    rc = err_set(ECX_ENOTFOUND, "%s", _("no such survey"));
  }
  db_reset(p);
  if( rc==ECX_OK ) rc = load_questions(pWs, s);
  if( rc ) survey_def_clear(s);
  return rc;
}

#define SURVEY_COLS "SELECT id, code, title, kind, coalesce(touchpoint_id,0)," \
  " coalesce(channel_id,0), status, coalesce(public_token,'') FROM survey "

int survey_def_load(Workspace *pWs, int64_t id, SurveyDef *p){
  return load_by(pWs, SURVEY_COLS "WHERE id=?1", id, 0, p);
}
int survey_def_by_code(Workspace *pWs, const char *zCode, SurveyDef *p){
  return load_by(pWs, SURVEY_COLS "WHERE code=?1", 0, zCode, p);
}
int survey_def_by_token(Workspace *pWs, const char *zToken, SurveyDef *p){
  if( !zToken || !zToken[0] ){ memset(p, 0, sizeof *p); return err_set(ECX_ENOTFOUND, "%s", _("no such survey")); }
  return load_by(pWs, SURVEY_COLS "WHERE public_token=?1", 0, zToken, p);
}

void survey_def_clear(SurveyDef *s){
  for(int i = 0; i < s->nQ; i++){
    SurveyQuestion *q = &s->aQ[i];
    for(int k = 0; k < q->nChoice; k++){
      free(q->aChoice[k].zValue); free(q->aChoice[k].zLabelEs); free(q->aChoice[k].zLabelEn);
    }
    free(q->aChoice);
    free(q->zCode); free(q->zDimension); free(q->zAttribute); free(q->zTextEs); free(q->zTextEn);
  }
  free(s->aQ);
  free(s->zCode); free(s->zTitle); free(s->zKind); free(s->zStatus); free(s->zToken);
  memset(s, 0, sizeof *s);
}

const SurveyQuestion *survey_def_question(const SurveyDef *p, const char *zCode){
  for(int i = 0; i < p->nQ; i++) if( strcmp(p->aQ[i].zCode, zCode)==0 ) return &p->aQ[i];
  return 0;
}

int survey_code_valid(const char *z){
  size_t n = z ? strlen(z) : 0;
  if( n==0 || n > 64 ) return 0;
  for(size_t i = 0; i < n; i++){
    char c = z[i];
    if( !((c>='a' && c<='z') || (c>='A' && c<='Z') || (c>='0' && c<='9') || c=='-' || c=='_' || c=='.') ) return 0;
  }
  return 1;
}

static int bad_kind(const char *zKind){
  return err_set(ECX_EINVAL, _("survey kind \"%s\" is not one of relational, transactional, benchmark, employee"),
                 zKind ? zKind : "");
}

int survey_def_create(Workspace *pWs, const char *zCode, const char *zTitle,
                      const char *zKind, int64_t *pId){
  Stmt *p;
  int rc = db_cached(pWs->pDb, &p,
      "INSERT INTO survey(code, title, kind, created) VALUES(?1, ?2, ?3, ?4)");
  if( rc ) return rc;
  db_bind_text(p, 1, zCode, -1);
  db_bind_text(p, 2, zTitle && zTitle[0] ? zTitle : zCode, -1);
  db_bind_text(p, 3, zKind && zKind[0] ? zKind : "relational", -1);
  db_bind_int(p, 4, (int64_t)time(0));
  rc = db_step(p);
  db_reset(p);
  if( rc==DB_DONE ){ *pId = db_last_rowid(pWs->pDb); return ECX_OK; }
  if( rc==ECX_EEXIST ){
    int64_t id = 0;
    if( db_int(pWs->pDb, &id, "SELECT id FROM survey WHERE code=?1", zCode)==ECX_OK && id ){
      return err_set(ECX_EEXIST, _("a survey with the code \"%s\" already exists"), zCode);
    }
    return bad_kind(zKind);
  }
  return rc;
}

int survey_def_update(Workspace *pWs, int64_t id, const char *zTitle, const char *zKind,
                      int64_t touchpointId, int64_t channelId, const char *zStatus){
  Stmt *p;
  int rc = db_cached(pWs->pDb, &p,
      "UPDATE survey SET title=?2, kind=?3, touchpoint_id=?4, channel_id=?5, status=?6 WHERE id=?1");
  if( rc ) return rc;
  db_bind_int(p, 1, id);
  db_bind_text(p, 2, zTitle, -1);
  db_bind_text(p, 3, zKind, -1);
  if( touchpointId ) db_bind_int(p, 4, touchpointId); else db_bind_null(p, 4);
  if( channelId ) db_bind_int(p, 5, channelId); else db_bind_null(p, 5);
  db_bind_text(p, 6, zStatus, -1);
  rc = db_step(p);
  db_reset(p);
  if( rc==DB_DONE ) return db_changes(pWs->pDb) ? ECX_OK : err_set(ECX_ENOTFOUND, "%s", _("no such survey"));
  if( rc==ECX_EEXIST ){
    if( strcmp(zStatus, "draft") && strcmp(zStatus, "open") && strcmp(zStatus, "closed") ){
      return err_set(ECX_EINVAL, _("status must be draft, open or closed, not \"%s\""), zStatus);
    }
    if( strcmp(zKind, "relational") && strcmp(zKind, "transactional") && strcmp(zKind, "benchmark")
     && strcmp(zKind, "employee") ) return bad_kind(zKind);
    return err_set(ECX_EINVAL, "%s", _("no such touchpoint or channel"));
  }
  return rc;
}

int survey_def_set_token(Workspace *pWs, int64_t id, const char *zToken){
  Stmt *p;
  int rc = db_cached(pWs->pDb, &p, "UPDATE survey SET public_token=?2 WHERE id=?1");
  if( rc ) return rc;
  db_bind_int(p, 1, id);
  db_bind_text(p, 2, zToken, -1);
  rc = db_step(p);
  db_reset(p);
  return rc==DB_DONE ? ECX_OK : rc;
}

int survey_def_each(Workspace *pWs, int (*xRow)(void*, int64_t, const char*, const char*,
                    const char*, const char*, int64_t, int64_t), void *pArg){
  Stmt *p;
  int rc = db_prepare(pWs->pDb, &p,
      "SELECT s.id, s.code, s.title, s.kind, s.status,"
      " (SELECT count(*) FROM question q WHERE q.survey_id=s.id),"
      " (SELECT count(*) FROM response r WHERE r.survey_id=s.id)"
      " FROM survey s ORDER BY s.code");
  if( rc ) return rc;
  while( (rc = db_step(p))==DB_ROW ){
    int r = xRow(pArg, db_column_int(p, 0), db_column_text(p, 1), db_column_text(p, 2),
                 db_column_text(p, 3), db_column_text(p, 4), db_column_int(p, 5), db_column_int(p, 6));
    if( r ){ rc = r; break; }
  }
  db_finalize(p);
  return rc==DB_DONE ? ECX_OK : rc;
}

int survey_ent_each(Workspace *pWs, EntKind k, int (*xRow)(void*, int64_t, const char*), void *pArg){
  static const char *const azSql[ENT_NKIND] = {
    "SELECT id, name FROM channel ORDER BY name",
    "SELECT id, name FROM touchpoint ORDER BY position, name",
    "SELECT id, name FROM dimension ORDER BY name",
    "SELECT id, name FROM competitor ORDER BY name",
    "SELECT id, name FROM area ORDER BY name",
    "SELECT id, name FROM attribute ORDER BY name",
  };
  Stmt *p;
  int rc = db_prepare(pWs->pDb, &p, azSql[k]);
  if( rc ) return rc;
  while( (rc = db_step(p))==DB_ROW ){
    int r = xRow(pArg, db_column_int(p, 0), db_column_text(p, 1));
    if( r ){ rc = r; break; }
  }
  db_finalize(p);
  return rc==DB_DONE ? ECX_OK : rc;
}
