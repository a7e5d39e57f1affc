/*
** Editing survey questions (texts, required flag, order, deletion), the
** choices of choice questions and one-time response links (survey_def.h).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "survey_def.h"
#include "../base/db.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"

/* Step a cached statement to completion and reset it. */
static int run(Stmt *p){
  int rc = db_step(p);
  db_reset(p);
  return rc==DB_DONE ? ECX_OK : rc;
}

int survey_question_set(Workspace *pWs, int64_t qId, const char *zTextEs,
                        const char *zTextEn, int required){
  Stmt *p;
  int rc = db_cached(pWs->pDb, &p, "UPDATE question SET text_es=?2, text_en=?3, required=?4 WHERE id=?1");
  if( rc ) return rc;
  db_bind_int(p, 1, qId);
  db_bind_text(p, 2, zTextEs ? zTextEs : "", -1);
  db_bind_text(p, 3, zTextEn ? zTextEn : "", -1);
  db_bind_int(p, 4, required!=0);
  return run(p);
}

int survey_question_move(Workspace *pWs, int64_t surveyId, int64_t qId, int dir){
  Stmt *p;
  int64_t aId[2] = {0, 0}, aPos[2] = {0, 0};
  /* Renumber 1..n first so that positions are distinct, then swap. */
  int rc = db_cached(pWs->pDb, &p,
      "UPDATE question SET position=(SELECT count(*) FROM question q2 WHERE q2.survey_id=?1"
      " AND (q2.position<question.position OR (q2.position=question.position AND q2.id<=question.id)))"
      " WHERE survey_id=?1");
  if( rc ) return rc;
  db_bind_int(p, 1, surveyId);
  if( (rc = run(p))!=0 ) return rc;
  rc = db_cached(pWs->pDb, &p, dir < 0
      ? "SELECT a.id, a.position, b.id, b.position FROM question a, question b"
        " WHERE a.id=?1 AND a.survey_id=?2 AND b.survey_id=?2 AND b.position<a.position"
        " ORDER BY b.position DESC LIMIT 1"
      : "SELECT a.id, a.position, b.id, b.position FROM question a, question b"
        " WHERE a.id=?1 AND a.survey_id=?2 AND b.survey_id=?2 AND b.position>a.position"
        " ORDER BY b.position LIMIT 1");
  if( rc ) return rc;
  db_bind_int(p, 1, qId);
  db_bind_int(p, 2, surveyId);
  rc = db_step(p);
  if( rc==DB_ROW ){
    aId[0] = db_column_int(p, 0); aPos[0] = db_column_int(p, 1);
    aId[1] = db_column_int(p, 2); aPos[1] = db_column_int(p, 3);
  }
  db_reset(p);
  if( rc!=DB_ROW ) return rc==DB_DONE ? ECX_OK : rc;
  rc = db_cached(pWs->pDb, &p, "UPDATE question SET position=?2 WHERE id=?1");
  if( rc ) return rc;
  for(int i = 0; i < 2 && rc==ECX_OK; i++){
    db_bind_int(p, 1, aId[i]);
    db_bind_int(p, 2, aPos[1-i]);
    rc = run(p);
  }
  return rc;
}

int survey_question_delete(Workspace *pWs, int64_t surveyId, int64_t qId){
  char zId[24];
  int64_t n = 0;
  snprintf(zId, sizeof zId, "%lld", (long long)qId);
  int rc = db_int(pWs->pDb, &n, "SELECT count(*) FROM answer WHERE question_id=?1", zId);
  if( rc ) return rc;
  if( n ) return err_set(ECX_EEXIST, "%s", _("the question has answers and cannot be deleted"));
  Stmt *p;
  rc = db_cached(pWs->pDb, &p, "DELETE FROM choice WHERE question_id=?1");
  if( rc ) return rc;
  db_bind_int(p, 1, qId);
  if( (rc = run(p))!=0 ) return rc;
  rc = db_cached(pWs->pDb, &p, "DELETE FROM question WHERE id=?1 AND survey_id=?2");
  if( rc ) return rc;
  db_bind_int(p, 1, qId);
  db_bind_int(p, 2, surveyId);
  return run(p);
}

/* Copy field k (0-based, '|'-separated, trimmed) of line z into a. */
static void field(const char *z, size_t n, int k, char *a, size_t nA){
  size_t i = 0;
  for(int f = 0; f < k; f++){
    while( i < n && z[i]!='|' ) i++;
    if( i >= n ){ a[0] = 0; return; }
    i++;
  }
  size_t j = i;
  while( j < n && z[j]!='|' ) j++;
  size_t m = j - i < nA - 1 ? j - i : nA - 1;
  memcpy(a, z + i, m);
  a[m] = 0;
  char *t = util_trim(a);
  if( t!=a ) memmove(a, t, strlen(t) + 1);
}

int survey_choices_set(Workspace *pWs, int64_t qId, const char *zSpec){
  Stmt *pDel, *pIns;
  int rc = db_cached(pWs->pDb, &pDel, "DELETE FROM choice WHERE question_id=?1");
  if( rc ) return rc;
  db_bind_int(pDel, 1, qId);
  if( (rc = run(pDel))!=0 ) return rc;
  rc = db_cached(pWs->pDb, &pIns,
      "INSERT INTO choice(question_id, value, position, label_es, label_en) VALUES(?1, ?2, ?3, ?4, ?5)");
  if( rc ) return rc;
  int n = 0;
  for(const char *z = zSpec ? zSpec : ""; *z; ){
    size_t len = strcspn(z, "\r\n");
    char zV[200], zEs[400], zEn[400];
    int nBar = 0;
    for(size_t i = 0; i < len; i++) nBar += z[i]=='|';
    field(z, len, 0, zV, sizeof zV);
    if( nBar >= 1 ) field(z, len, 1, zEs, sizeof zEs); else zEs[0] = 0;
    if( nBar >= 2 ) field(z, len, 2, zEn, sizeof zEn); else zEn[0] = 0;
    z += len;
    while( *z=='\r' || *z=='\n' ) z++;
    if( !zV[0] && !zEs[0] && !zEn[0] ) continue;
    if( !zV[0] ) return err_set(ECX_EINVAL, "%s", _("every choice needs a value"));
    if( ++n > SURVEY_MAX_CHOICES ) return err_set(ECX_EINVAL, _("at most %d choices"), SURVEY_MAX_CHOICES);
    db_bind_int(pIns, 1, qId);
    db_bind_text(pIns, 2, zV, -1);
    db_bind_int(pIns, 3, n);
    db_bind_text(pIns, 4, zEs[0] ? zEs : zV, -1);
    db_bind_text(pIns, 5, zEn[0] ? zEn : (zEs[0] ? zEs : zV), -1);
    rc = run(pIns);
    if( rc==ECX_EEXIST ) return err_set(ECX_EINVAL, _("the choice value \"%s\" is repeated"), zV);
    if( rc ) return rc;
  }
  return ECX_OK;
}

int survey_link_add(Workspace *pWs, int64_t surveyId, const char *zHash){
  Stmt *p;
  int rc = db_cached(pWs->pDb, &p,
      "INSERT INTO response_token(token_hash, survey_id, created) VALUES(?1, ?2, ?3)");
  if( rc ) return rc;
  db_bind_text(p, 1, zHash, -1);
  db_bind_int(p, 2, surveyId);
  db_bind_int(p, 3, (int64_t)time(0));
  return run(p);
}

int survey_link_state(Workspace *pWs, int64_t surveyId, const char *zHash, int *pState){
  Stmt *p;
  int rc = db_cached(pWs->pDb, &p,
      "SELECT used IS NOT NULL FROM response_token WHERE token_hash=?1 AND survey_id=?2");
  if( rc ) return rc;
  db_bind_text(p, 1, zHash, -1);
  db_bind_int(p, 2, surveyId);
  rc = db_step(p);
  *pState = rc==DB_ROW ? 1 + (db_column_int(p, 0)!=0) : 0;
  db_reset(p);
  return rc==DB_ROW || rc==DB_DONE ? ECX_OK : rc;
}

int survey_link_use(Workspace *pWs, int64_t surveyId, const char *zHash, int64_t responseId){
  Stmt *p;
  int rc = db_cached(pWs->pDb, &p,
      "UPDATE response_token SET used=?3, response_id=?4"
      " WHERE token_hash=?1 AND survey_id=?2 AND used IS NULL");
  if( rc ) return rc;
  db_bind_text(p, 1, zHash, -1);
  db_bind_int(p, 2, surveyId);
  db_bind_int(p, 3, (int64_t)time(0));
  db_bind_int(p, 4, responseId);
  rc = run(p);
  if( rc ) return rc;
  return db_changes(pWs->pDb)==1 ? ECX_OK
       : err_set(ECX_EEXIST, "%s", _("this link has already been used to answer the survey"));
}
