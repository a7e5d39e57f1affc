/*
** The demo writer: puts the Telco Andina catalog (demo_catalog.c) into a
** workspace, then the respondents and the responses drawn by the score model
** (demo_model.c), in batches of one transaction each through store.h.
** demo_create() builds the file under a temporary name and renames it.
*/
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "catalog.h"
#include "demo_model.h"
#include "entity.h"
#include "store.h"
#include "../base/err.h"
#include "../base/i18n.h"

#define BATCH 20000

/* Question ids of one survey (0 when the survey does not ask it). */
typedef struct SurveyIds {
  int64_t id, nps, csat, ces, text;
  int64_t aDim[DEMO_NDIM];
} SurveyIds;

typedef struct Ids {
  int64_t aChannel[DEMO_NCHAN], aTp[DEMO_NTP], aDim[DEMO_NDIM], aComp[DEMO_NCOMP];
  int64_t aAttr[DEMO_NATTR];
  SurveyIds rel, bench, aTx[DEMO_NTP];
} Ids;

/* Run one statement with parameters bound from zTypes: 'i' an int64_t,
** 't' a string. */
static int sql_run(Db *pDb, const char *zSql, const char *zTypes, ...){
  Stmt *p;
  int rc = db_prepare(pDb, &p, zSql);
  if( rc ) return rc;
  va_list ap;
  va_start(ap, zTypes);
  for(int i = 0; zTypes[i]; i++){
    if( zTypes[i]=='i' ) db_bind_int(p, i + 1, va_arg(ap, int64_t));
    else db_bind_text(p, i + 1, va_arg(ap, const char *), -1);
  }
  va_end(ap);
  rc = db_step(p);
  db_finalize(p);
  return rc==DB_DONE ? ECX_OK : rc;
}

/* Create a named entity and set its description. */
static int ensure_described(Workspace *pWs, EntKind k, const char *zName,
                            const char *zDesc, int64_t *pId){
  int rc = ent_ensure(pWs, k, zName, pId);
  if( rc ) return rc;
  const char *zSql = k==ENT_AREA ? "UPDATE area SET description=?1 WHERE id=?2"
                   : "UPDATE dimension SET description=?1 WHERE id=?2";
  return sql_run(pWs->pDb, zSql, "ti", zDesc, *pId);
}

static int write_entities(Workspace *pWs, Ids *pIds){
  int64_t aArea[DEMO_NAREA];
  int rc = ECX_OK;
  for(int i = 0; i < DEMO_NCHAN && !rc; i++){
    rc = ent_ensure(pWs, ENT_CHANNEL, demo_azChannel[i], &pIds->aChannel[i]);
  }
  for(int i = 0; i < DEMO_NAREA && !rc; i++){
    rc = ensure_described(pWs, ENT_AREA, demo_aArea[i].zName, demo_aArea[i].zDesc, &aArea[i]);
  }
  for(int k = 0; k < DEMO_NDIM && !rc; k++){
    char zDesc[400];
    snprintf(zDesc, sizeof zDesc, "%s Área responsable: %s.", demo_aDim[k].zDesc,
             demo_aArea[demo_aDim[k].iArea].zName);
    rc = ensure_described(pWs, ENT_DIMENSION, demo_aDim[k].zName, zDesc, &pIds->aDim[k]);
  }
  for(int t = 0; t < DEMO_NTP && !rc; t++){
    rc = ent_ensure(pWs, ENT_TOUCHPOINT, demo_aTp[t].zName, &pIds->aTp[t]);
    if( !rc ) rc = sql_run(pWs->pDb, "UPDATE touchpoint SET channel_id=?1, description=?2"
                           " WHERE id=?3", "iti", pIds->aChannel[demo_aTp[t].iChannel],
                           demo_aTp[t].zDesc, pIds->aTp[t]);
    int64_t aId[DEMO_TP_NAREA];
    for(int a = 0; a < demo_aTp[t].nArea; a++) aId[a] = aArea[demo_aTp[t].aArea[a]];
    if( !rc ) rc = cat_tp_set_areas(pWs, pIds->aTp[t], demo_aTp[t].nArea, aId);
  }
  for(int c = 0; c < DEMO_NCOMP && !rc; c++){
    rc = ent_ensure(pWs, ENT_COMPETITOR, demo_aComp[c].zName, &pIds->aComp[c]);
  }
  for(int a = 0; a < DEMO_NATTR && !rc; a++){
    const DemoAttrDef *pA = &demo_aAttr[a];
    rc = ent_ensure(pWs, ENT_ATTRIBUTE, pA->zName, &pIds->aAttr[a]);
    if( !rc ) rc = sql_run(pWs->pDb, "UPDATE attribute SET kind=?1 WHERE id=?2", "ti",
                           pA->zKind, pIds->aAttr[a]);
    for(int v = 0; v < pA->nValue && !rc; v++){
      int64_t idValue;
      rc = ent_attr_value(pWs, pIds->aAttr[a], pA->azValue[v], &idValue);
    }
  }
  for(int s = 0; s < DEMO_NSEG && !rc; s++){
    rc = sql_run(pWs->pDb, "INSERT INTO segment(name, description, filter) VALUES(?1,?2,?3)",
                 "ttt", demo_aSeg[s].zName, demo_aSeg[s].zDesc, demo_aSeg[s].zFilter);
  }
  return rc;
}

/* One question; *pId receives its id. */
static int add_question(Workspace *pWs, int64_t surveyId, QType type, const char *zCode,
                        const char *zDim, const char *zEs, const char *zEn, int64_t *pId){
  QuestionDef def = {0};
  Question q;
  def.zCode = zCode;
  def.type = type;
  def.zDimension = zDim;
  def.zTextEs = zEs;
  def.zTextEn = zEn;
  if( type==Q_RATING ){ def.scaleMin = 1; def.scaleMax = 5; }
  else qtype_scale(type, &def.scaleMin, &def.scaleMax);
  int rc = question_ensure(pWs, surveyId, &def, &q);
  if( rc==ECX_OK ) *pId = q.id;
  return rc;
}

/* A survey with NPS, CSAT, CES, a rating per asked dimension and a comment.
** Created on 2024-10-15 (a fixed date, so that reruns are identical). */
static int write_survey(Workspace *pWs, const Ids *pIds, const char *zCode, const char *zKind,
                        const char *zTitle, int iTp, uint32_t asked, SurveyIds *pS){
  memset(pS, 0, sizeof *pS);
  int rc = survey_ensure(pWs, zCode, zKind, &pS->id);
  if( rc ) return rc;
  rc = sql_run(pWs->pDb, "UPDATE survey SET title=?1, created=?2,"
               " touchpoint_id=nullif(?3,0), channel_id=nullif(?4,0) WHERE id=?5", "tiiii",
               zTitle, (int64_t)1728950400,
               iTp >= 0 ? pIds->aTp[iTp] : (int64_t)0,
               iTp >= 0 ? pIds->aChannel[demo_aTp[iTp].iChannel] : (int64_t)0, pS->id);
  int bBench = strcmp(zKind, "benchmark")==0;
  if( !rc ) rc = add_question(pWs, pS->id, Q_NPS, "nps", 0, bBench
      ? "¿Qué tan probable es que recomiende esa compañía a un familiar o amigo?"
      : "¿Qué tan probable es que recomiende Telco Andina a un familiar o amigo?", bBench
      ? "How likely are you to recommend that company to a friend or relative?"
      : "How likely are you to recommend Telco Andina to a friend or relative?", &pS->nps);
  if( !rc ) rc = add_question(pWs, pS->id, Q_CSAT, "csat", 0,
      "En general, ¿qué tan satisfecho está?", "Overall, how satisfied are you?", &pS->csat);
  if( !rc ) rc = add_question(pWs, pS->id, Q_CES, "ces", 0,
      "Fue fácil resolver lo que necesitaba.", "It was easy to get what I needed done.",
      &pS->ces);
  for(int k = 0; k < DEMO_NDIM && !rc; k++){
    if( !(asked & (1u << k)) ) continue;
    char zQCode[40], zEs[200], zEn[200];
    snprintf(zQCode, sizeof zQCode, "r_%s", demo_aDim[k].zCode);
    snprintf(zEs, sizeof zEs, "Califique de 1 a 5: %s", demo_aDim[k].zName);
    snprintf(zEn, sizeof zEn, "Rate from 1 to 5: %s", demo_aDim[k].zNameEn);
    rc = add_question(pWs, pS->id, Q_RATING, zQCode, demo_aDim[k].zName, zEs, zEn, &pS->aDim[k]);
  }
  if( !rc ) rc = add_question(pWs, pS->id, Q_TEXT, "comentario", 0,
      "¿Por qué nos da esa calificación?", "Why do you give us that score?", &pS->text);
  return rc;
}

static int write_surveys(Workspace *pWs, Ids *pIds){
  uint32_t all = (1u << DEMO_NDIM) - 1;
  int rc = write_survey(pWs, pIds, "relacional", "relational",
                        "Encuesta relacional Telco Andina", -1, all, &pIds->rel);
  for(int t = 0; t < DEMO_NTP && !rc; t++){
    char zCode[16], zTitle[200];
    uint32_t asked = 0;
    for(int j = 0; j < DEMO_TP_NDIM; j++) asked |= 1u << demo_aTp[t].aDim[j];
    snprintf(zCode, sizeof zCode, "tx-%02d", t + 1);
    snprintf(zTitle, sizeof zTitle, "Encuesta transaccional: %s", demo_aTp[t].zName);
    rc = write_survey(pWs, pIds, zCode, "transactional", zTitle, t, asked, &pIds->aTx[t]);
  }
  if( !rc ) rc = write_survey(pWs, pIds, "benchmark", "benchmark",
                              "Benchmark de competidores", -1, all, &pIds->bench);
  return rc;
}

/* Respondents 1..nRespondent with their attributes; ids must come out
** contiguous from the first one (a fresh workspace). */
static int write_respondents(Workspace *pWs, const Ids *pIds, uint64_t seed,
                             int64_t nRespondent, int64_t *pFirstId){
  int rc = ECX_OK;
  for(int64_t i = 0; i < nRespondent && !rc; i++){
    if( i % BATCH==0 && (rc = db_begin(pWs->pDb))!=ECX_OK ) break;
    DemoResp r;
    char zExt[32];
    int64_t id;
    demo_respondent(seed, i, &r);
    snprintf(zExt, sizeof zExt, "TA-%08lld", (long long)(i + 1));
    rc = store_respondent(pWs, zExt, &id);
    if( !rc && i==0 ) *pFirstId = id;
    if( !rc && id!=*pFirstId + i ) rc = err_set(ECX_EDB, "demo: respondent ids not contiguous");
    for(int a = 0; a < DEMO_NATTR && !rc; a++){
      rc = store_respondent_attr(pWs, id, pIds->aAttr[a], demo_aAttr[a].azValue[r.aVal[a]]);
    }
    if( !rc && ((i + 1) % BATCH==0 || i + 1==nRespondent) ) rc = db_commit(pWs->pDb);
  }
  if( rc ) db_rollback(pWs->pDb);
  return rc;
}

static void add_answer(AnswerRec *a, int *pn, int64_t questionId, int64_t num, const char *z){
  a[*pn].questionId = questionId;
  a[*pn].hasNum = z==0;
  a[*pn].num = num;
  a[*pn].zText = z;
  (*pn)++;
}

/* Store one drawn response as response id iResp+1's worth of rows. */
static int write_response(Workspace *pWs, const Ids *pIds, int64_t firstRespondent,
                          int64_t iResp, int64_t ts, const DemoDraw *pD, const char *zText,
                          DemoSummary *pSum){
  static const char *const azLang[] = {"es", "en", "qu"};
  const SurveyIds *pS = pD->kind==DEMO_SV_REL ? &pIds->rel
                      : pD->kind==DEMO_SV_BENCH ? &pIds->bench : &pIds->aTx[pD->iTp];
  AnswerRec aAns[DEMO_NDIM + 4];
  int n = 0;
  if( !(pD->missing & DEMO_MISS_NPS) ) add_answer(aAns, &n, pS->nps, pD->nps, 0);
  if( !(pD->missing & DEMO_MISS_CSAT) ) add_answer(aAns, &n, pS->csat, pD->csat, 0);
  if( !(pD->missing & DEMO_MISS_CES) ) add_answer(aAns, &n, pS->ces, pD->ces, 0);
  for(int k = 0; k < DEMO_NDIM; k++){
    if( (pD->asked & ~pD->missing) & (1u << k) ) add_answer(aAns, &n, pS->aDim[k], pD->aRating[k], 0);
  }
  if( zText ) add_answer(aAns, &n, pS->text, 0, zText);
  char zSource[32];
  snprintf(zSource, sizeof zSource, "demo-%lld", (long long)(iResp + 1));
  ResponseRec rec = {
    .surveyId = pS->id, .respondentId = firstRespondent + pD->iRespondent,
    .touchpointId = pD->iTp >= 0 ? pIds->aTp[pD->iTp] : 0,
    .channelId = pIds->aChannel[pD->iChannel],
    .competitorId = pD->iComp >= 0 ? pIds->aComp[pD->iComp] : 0,
    .ts = ts, .zLanguage = azLang[pD->lang], .zSourceId = zSource,
    .nAnswer = n, .aAnswer = aAns,
  };
  int64_t id;
  int rc = store_response(pWs, &rec, &id);
  if( rc ) return rc;
  pSum->nResponse++;
  pSum->nAnswer += n;
  pSum->nText += zText!=0;
  return ECX_OK;
}

static int write_responses(Workspace *pWs, const Ids *pIds, const DemoOpts *pOpts,
                           int64_t nRespondent, int64_t firstRespondent, DemoSummary *pSum){
  DemoRng rng;
  int64_t aCount[DEMO_NMONTH], iResp = 0;
  Buf text;
  int rc = ECX_OK;
  demo_rng_seed(&rng, pOpts->seed);
  demo_month_counts(pOpts->nResponse, aCount);
  buf_init(&text, 4096);
  for(int m = 0; m < DEMO_NMONTH && !rc; m++){
    int64_t t0 = demo_month_start(m), len = demo_month_start(m + 1) - t0;
    for(int64_t j = 0; j < aCount[m] && !rc; j++, iResp++){
      if( iResp % BATCH==0 && (rc = db_begin(pWs->pDb))!=ECX_OK ) break;
      /* Stratified times: response j falls in the j-th slice of the month. */
      int64_t ts = t0 + (int64_t)(((double)j + demo_rng_uniform(&rng)) * (double)len
                                  / (double)aCount[m]);
      DemoDraw d;
      demo_draw(&rng, pOpts->seed, nRespondent, m, &d);
      buf_reset(&text);
      if( d.bText ) rc = demo_text(&text, &rng, &d.ctx);
      if( !rc ) rc = write_response(pWs, pIds, firstRespondent, iResp, ts, &d,
                                    d.bText ? buf_str(&text) : 0, pSum);
      if( !rc && ((iResp + 1) % BATCH==0 || iResp + 1==pOpts->nResponse) ){
        rc = db_commit(pWs->pDb);
        if( !rc && pOpts->xProgress ){
          pOpts->xProgress(pOpts->pProgressArg, iResp + 1, pOpts->nResponse);
        }
      }
    }
  }
  buf_free(&text);
  if( rc ) db_rollback(pWs->pDb);
  return rc;
}

static int count_ok(const DemoOpts *pOpts){
  return pOpts->nResponse >= 1 && pOpts->nResponse <= DEMO_MAX_RESPONSES;
}
static int count_error(void){
  return err_set(ECX_EINVAL, _("the number of responses must be between 1 and %d"),
                 DEMO_MAX_RESPONSES);
}

int demo_build(Workspace *pWs, const DemoOpts *pOpts, DemoSummary *pSum){
  Ids ids;
  int64_t nUsed = 0, firstRespondent = 0;
  memset(pSum, 0, sizeof *pSum);
  if( !count_ok(pOpts) ) return count_error();
  int rc = db_int(pWs->pDb, &nUsed, "SELECT (SELECT count(*) FROM survey)"
                  " + (SELECT count(*) FROM respondent)", 0);
  if( rc ) return rc;
  if( nUsed > 0 ) return err_set(ECX_EEXIST, _("the workspace already holds data"));
  char zSeed[32];
  snprintf(zSeed, sizeof zSeed, "%llu", (unsigned long long)pOpts->seed);
  rc = db_begin(pWs->pDb);
  if( !rc ) rc = ws_setting_set(pWs, "org_name", demo_org_name());
  if( !rc ) rc = ws_setting_set(pWs, "demo_seed", zSeed);
  if( !rc ) rc = write_entities(pWs, &ids);
  if( !rc ) rc = write_surveys(pWs, &ids);
  if( !rc ) rc = db_commit(pWs->pDb);
  if( rc ){ db_rollback(pWs->pDb); return rc; }
  int64_t nRespondent = demo_respondent_count(pOpts->nResponse);
  rc = write_respondents(pWs, &ids, pOpts->seed, nRespondent, &firstRespondent);
  if( !rc ) rc = write_responses(pWs, &ids, pOpts, nRespondent, firstRespondent, pSum);
  if( !rc ) pSum->nRespondent = nRespondent;
  return rc;
}

/* 1 if zPath is a zero-byte file or a workspace without surveys,
** respondents or named entities (what "ecx init" leaves). */
static int is_blank_workspace(const char *zPath, int64_t size){
  if( size==0 ) return 1;
  Workspace *pWs;
  if( ws_open(zPath, WS_READONLY, &pWs) ){
    err_clear();
    return 0;
  }
  int64_t n = 1;
  int rc = db_int(pWs->pDb, &n, "SELECT (SELECT count(*) FROM survey)"
                  " + (SELECT count(*) FROM respondent) + (SELECT count(*) FROM touchpoint)"
                  " + (SELECT count(*) FROM dimension) + (SELECT count(*) FROM segment)", 0);
  ws_close(pWs);
  return rc==ECX_OK && n==0;
}

/* Remove zBase and its -wal and -shm companions; missing files are fine. */
static void remove_db_files(const char *zBase){
  char z[4096];
  remove(zBase);
  if( snprintf(z, sizeof z, "%s-wal", zBase) < (int)sizeof z ) remove(z);
  if( snprintf(z, sizeof z, "%s-shm", zBase) < (int)sizeof z ) remove(z);
}

int demo_create(const char *zPath, const DemoOpts *pOpts, int bForce, DemoSummary *pSum){
  struct stat st;
  char zPartial[4096];
  memset(pSum, 0, sizeof *pSum);
  if( !count_ok(pOpts) ) return count_error();
  if( (size_t)snprintf(zPartial, sizeof zPartial, "%s.partial", zPath) >= sizeof zPartial ){
    return err_set(ECX_EINVAL, "file name too long");
  }
  if( stat(zPath, &st)==0 && !bForce && !is_blank_workspace(zPath, (int64_t)st.st_size) ){
    return err_set(ECX_EEXIST, _("%s already exists and is not empty; use --force to replace it"),
                   zPath);
  }
  remove_db_files(zPartial);
  Workspace *pWs;
  int rc = ws_init(zPartial, 0, &pWs);
  if( rc ) return rc;
  /* The file is thrown away if anything fails, so durability on every
  ** commit buys nothing here. */
  rc = db_exec(pWs->pDb, "PRAGMA synchronous=OFF; PRAGMA cache_size=-65536");
  if( !rc ) rc = demo_build(pWs, pOpts, pSum);
  if( !rc ) rc = db_exec(pWs->pDb, "PRAGMA wal_checkpoint(TRUNCATE)");
  ws_close(pWs);
  if( rc ){
    remove_db_files(zPartial);
    return rc;
  }
  remove_db_files(zPath);
  if( rename(zPartial, zPath)!=0 ){
    rc = err_set(ECX_EIO, "cannot rename %s to %s: %s", zPartial, zPath, strerror(errno));
    remove_db_files(zPartial);
  }
  return rc;
}
