/*
** Tests of the cube: loading from a workspace, grouping, filters, segments,
** periods, refresh after new responses, and exact merging across threads.
** Expected figures are counted by hand from the table of responses below.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "test.h"
#include "../../src/base/err.h"
#include "../../src/base/util.h"
#include "../../src/engine/cube.h"
#include "../../src/model/entity.h"
#include "../../src/model/store.h"
#include "../../src/report/report.h"

/* tp 0 = compra, 1 = soporte; -1 = unanswered. */
static const struct {
  int tp; const char *zRegion; const char *zDate; int nps, csat, ces, rapidez, comp;
} aResp[] = {
  {0, "Lima",  "2026-01-05", 10, 5, 6, 5, 0},
  {0, "Lima",  "2026-01-06",  9, 4, 5, 4, 0},
  {0, "Cusco", "2026-01-07",  6, 2, 3, 2, 0},
  {1, "Lima",  "2026-01-20",  8, 4,-1, 3, 0},
  {1, "Cusco", "2026-01-21",  3, 1, 2, 1, 0},
  {1, 0,       "2026-01-22", 10, 5, 7,-1, 0},
  {0, "Lima",  "2026-02-02",  7, 3, 4, 3, 0},
  {0, "Cusco", "2026-02-03",  9, 5, 6, 5, 0},
  {1, "Lima",  "2026-02-10",  2, 1, 1, 1, 0},
  {1, "Lima",  "2026-02-11", -1, 4, 5, 4, 0},
  {1, "Cusco", "2026-02-12", 10, 5, 7, 5, 0},
  {0, "Lima",  "2026-02-13",  9, 4, 6, 4, 1},   /* a rating of competitor Movitel */
};
#define N_RESP ((int)(sizeof aResp/sizeof aResp[0]))

typedef struct Fixture {
  char *zPath;
  Workspace *pWs;
  int64_t surveyId, aTp[2], regionId, compId;
  Question qNps, qCsat, qCes, qRap, qAma;   /* qAma: only where a test adds it */
} Fixture;

static void add_response_ama(Fixture *f, int i, int tp, const char *zRegion, const char *zDate,
                             int nps, int csat, int ces, int rap, int ama, int comp){
  AnswerRec a[5];
  ResponseRec r;
  int64_t id = 0, ts = 0, respondent = 0;
  int n = 0;
  char zSrc[32];
  memset(&r, 0, sizeof r);
  if( zRegion ){
    CHECK_INT(store_respondent(f->pWs, 0, &respondent), ECX_OK);
    CHECK_INT(store_respondent_attr(f->pWs, respondent, f->regionId, zRegion), ECX_OK);
  }
  CHECK_INT(util_parse_time(zDate, &ts), ECX_OK);
  if( nps>=0 ) a[n++] = (AnswerRec){f->qNps.id, 1, nps, 0};
  if( csat>=0 ) a[n++] = (AnswerRec){f->qCsat.id, 1, csat, 0};
  if( ces>=0 ) a[n++] = (AnswerRec){f->qCes.id, 1, ces, 0};
  if( rap>=0 ) a[n++] = (AnswerRec){f->qRap.id, 1, rap, 0};
  if( ama>=0 ) a[n++] = (AnswerRec){f->qAma.id, 1, ama, 0};
  snprintf(zSrc, sizeof zSrc, "r%d", i);
  r.surveyId = f->surveyId;
  r.respondentId = respondent;
  r.touchpointId = f->aTp[tp];
  r.competitorId = comp ? f->compId : 0;
  r.ts = ts;
  r.zLanguage = "es";
  r.zSourceId = zSrc;
  r.nAnswer = n;
  r.aAnswer = a;
  CHECK_INT(store_response(f->pWs, &r, &id), ECX_OK);
  CHECK(id>0);
}

static void add_response(Fixture *f, int i, int tp, const char *zRegion, const char *zDate,
                         int nps, int csat, int ces, int rap, int comp){
  add_response_ama(f, i, tp, zRegion, zDate, nps, csat, ces, rap, -1, comp);
}

static void fixture_open(Fixture *f){
  QuestionDef d;
  int i;
  memset(f, 0, sizeof *f);
  f->zPath = test_tmp_path(".ecx");
  CHECK_INT(ws_init(f->zPath, 0, &f->pWs), ECX_OK);
  CHECK_INT(ent_ensure(f->pWs, ENT_TOUCHPOINT, "compra", &f->aTp[0]), ECX_OK);
  CHECK_INT(ent_ensure(f->pWs, ENT_TOUCHPOINT, "soporte", &f->aTp[1]), ECX_OK);
  CHECK_INT(ent_ensure(f->pWs, ENT_ATTRIBUTE, "region", &f->regionId), ECX_OK);
  CHECK_INT(ent_ensure(f->pWs, ENT_COMPETITOR, "Movitel", &f->compId), ECX_OK);
  CHECK_INT(survey_ensure(f->pWs, "rel", "relational", &f->surveyId), ECX_OK);
  memset(&d, 0, sizeof d);
  d.zCode = "nps"; d.type = Q_NPS;
  CHECK_INT(question_ensure(f->pWs, f->surveyId, &d, &f->qNps), ECX_OK);
  d.zCode = "csat"; d.type = Q_CSAT;
  CHECK_INT(question_ensure(f->pWs, f->surveyId, &d, &f->qCsat), ECX_OK);
  d.zCode = "ces"; d.type = Q_CES;
  CHECK_INT(question_ensure(f->pWs, f->surveyId, &d, &f->qCes), ECX_OK);
  d.zCode = "q_rap"; d.type = Q_RATING; d.scaleMin = 1; d.scaleMax = 5; d.zDimension = "rapidez";
  CHECK_INT(question_ensure(f->pWs, f->surveyId, &d, &f->qRap), ECX_OK);
  CHECK_INT(db_exec(f->pWs->pDb,
    "INSERT INTO segment(name, filter) VALUES('Limeños', 'region=Lima'),"
    " ('Soporte', 'touchpoint=soporte')"), ECX_OK);
  CHECK_INT(db_begin(f->pWs->pDb), ECX_OK);
  for(i=0; i<N_RESP; i++){
    add_response(f, i, aResp[i].tp, aResp[i].zRegion, aResp[i].zDate, aResp[i].nps,
                 aResp[i].csat, aResp[i].ces, aResp[i].rapidez, aResp[i].comp);
  }
  CHECK_INT(db_commit(f->pWs->pDb), ECX_OK);
}

static void fixture_close(Fixture *f){
  char a[600];
  ws_close(f->pWs);
  unlink(f->zPath);
  snprintf(a, sizeof a, "%s-wal", f->zPath); unlink(a);
  snprintf(a, sizeof a, "%s-shm", f->zPath); unlink(a);
  free(f->zPath);
}

static CubeQuery query_all(void){
  CubeQuery q;
  memset(&q, 0, sizeof q);
  q.dayFrom = INT64_MIN;
  q.dayTo = INT64_MAX;
  return q;
}

/* NPS of group g of a result. */
static double nps_of(const Cube *pCube, const CubeResult *pR, int64_t g, int64_t *pN){
  StatsNps s;
  Estimate e;
  cube_hist_nps(pR->aHist + (g*pR->nMet + cube_met_find(pCube, "nps"))*CUBE_HIST, &s);
  stats_nps(&s, &e);
  *pN = s.n;
  return e.value;
}

TEST(cube_overall_and_by_touchpoint){
  Fixture f;
  Cube *pCube = 0;
  CubeQuery q = query_all();
  CubeResult r;
  StatsProp p;
  StatsMean m;
  int64_t n;
  fixture_open(&f);
  CHECK_INT(cube_load(f.pWs, &pCube), ECX_OK);
  CHECK_INT(pCube->nRow, 12);
  CHECK_INT(pCube->nRowOurs, 11);
  CHECK_INT(pCube->nMet, 4);
  /* Overall, benchmark row excluded: NPS answers 10,9,6,8,3,10,7,9,2,10:
  ** n 10, promoters 5, detractors 3 -> NPS 20. */
  CHECK_INT(cube_query(pCube, &q, &r), ECX_OK);
  CHECK_INT(r.nGroup, 1);
  CHECK_INT(r.aRows[0], 11);
  CHECK_NEAR(nps_of(pCube, &r, 0, &n), 20.0, 1e-9);
  CHECK_INT(n, 10);
  /* CSAT 5,4,2,4,1,5,3,5,1,4,5: 7 of 11 at 4-5. */
  cube_hist_share(r.aHist + cube_met_find(pCube, "csat")*CUBE_HIST, 4, &p);
  CHECK_INT(p.n, 11); CHECK_INT(p.nHit, 7);
  /* rapidez 5,4,2,3,1,3,5,1,4,5: n 10, sum 33, squares 25+16+4+9+1+9+25+1+16+25 = 131. */
  cube_hist_mean(r.aHist + cube_met_find(pCube, "rapidez")*CUBE_HIST, &m);
  CHECK_INT(m.n, 10); CHECK_INT(m.sum, 33); CHECK_INT(m.sumSq, 131);
  cube_result_free(&r);
  /* By touchpoint: compra 10,9,6,7,9 -> 40 (n 5); soporte 8,3,10,2,10 -> 0. */
  q.nBy = 1;
  q.aBy[0].iCol = cube_col_find(pCube, "touchpoint");
  CHECK_INT(cube_query(pCube, &q, &r), ECX_OK);
  CHECK_INT(r.nGroup, 2);
  {
    char a[64];
    CHECK_STR(cube_result_label(pCube, &r, 0, 0, a, sizeof a), "compra");
    CHECK_NEAR(nps_of(pCube, &r, 0, &n), 40.0, 1e-9); CHECK_INT(n, 5);
    CHECK_STR(cube_result_label(pCube, &r, 1, 0, a, sizeof a), "soporte");
    CHECK_NEAR(nps_of(pCube, &r, 1, &n), 0.0, 1e-9); CHECK_INT(n, 5);
  }
  cube_result_free(&r);
  cube_free(pCube);
  fixture_close(&f);
}

TEST(cube_months_filters_and_benchmark){
  Fixture f;
  Cube *pCube = 0;
  CubeQuery q = query_all();
  CubeResult r;
  CubeWhere w;
  Filter flt;
  int64_t n;
  char a[64];
  fixture_open(&f);
  CHECK_INT(cube_load(f.pWs, &pCube), ECX_OK);
  /* January 10,9,6,8,3,10 -> 3 promoters, 2 detractors of 6 = 16.67;
  ** February 7,9,2,10 -> 2 and 1 of 4 = 25. */
  q.nBy = 1;
  q.aBy[0].iCol = -1;
  q.aBy[0].period = CUBE_PERIOD_MONTH;
  CHECK_INT(cube_query(pCube, &q, &r), ECX_OK);
  CHECK_INT(r.nGroup, 2);
  CHECK_STR(cube_result_label(pCube, &r, 0, 0, a, sizeof a), "2026-01");
  CHECK_NEAR(nps_of(pCube, &r, 0, &n), 100.0/6.0, 1e-9); CHECK_INT(n, 6);
  CHECK_STR(cube_result_label(pCube, &r, 1, 0, a, sizeof a), "2026-02");
  CHECK_NEAR(nps_of(pCube, &r, 1, &n), 25.0, 1e-9); CHECK_INT(n, 4);
  {
    /* The months' total: 10 answers, 5 promoters, 3 detractors = 20, and
    ** every count as the query without groupings gives. */
    CubeResult rTot, rAll;
    CubeQuery qAll = query_all();
    cube_result_total(&r, &rTot);
    CHECK_INT(cube_query(pCube, &qAll, &rAll), ECX_OK);
    CHECK_INT(rTot.nBy, 0); CHECK_INT(rTot.nGroup, 1);
    CHECK_NEAR(nps_of(pCube, &rTot, 0, &n), 20.0, 1e-9); CHECK_INT(n, 10);
    CHECK_INT(rTot.aRows[0], rAll.aRows[0]);
    CHECK(memcmp(rTot.aHist, rAll.aHist, sizeof(int64_t)*(size_t)(rAll.nMet*CUBE_HIST))==0);
    cube_result_free(&rTot);
    cube_result_free(&rAll);
  }
  cube_result_free(&r);
  /* From 2026-02-01 on, overall: February only. */
  q.nBy = 0;
  q.dayFrom = util_days_from_civil(2026, 2, 1);
  CHECK_INT(cube_query(pCube, &q, &r), ECX_OK);
  CHECK_NEAR(nps_of(pCube, &r, 0, &n), 25.0, 1e-9);
  cube_result_free(&r);
  q.dayFrom = INT64_MIN;
  /* region!=Lima keeps Cusco and no region: 6,3,10,9,10 -> 3 and 2 of 5 = 20. */
  CHECK_INT(filter_parse("region != Lima", &flt), ECX_OK);
  CHECK_INT(cube_where_compile(pCube, &flt, 0, &w), ECX_OK);
  q.pWhere = &w;
  CHECK_INT(cube_query(pCube, &q, &r), ECX_OK);
  CHECK_NEAR(nps_of(pCube, &r, 0, &n), 20.0, 1e-9); CHECK_INT(n, 5);
  cube_result_free(&r);
  cube_where_free(&w);
  filter_free(&flt);
  q.pWhere = 0;
  /* Unknown keys and values are refused with the known ones listed. */
  CHECK_INT(filter_parse("regio=Lima", &flt), ECX_OK);
  CHECK_INT(cube_where_compile(pCube, &flt, 0, &w), ECX_EINVAL);
  CHECK(strstr(err_detail(), "region")!=0);
  filter_free(&flt);
  CHECK_INT(filter_parse("region=Lma", &flt), ECX_OK);
  CHECK_INT(cube_where_compile(pCube, &flt, 0, &w), ECX_EINVAL);
  CHECK(strstr(err_detail(), "Cusco")!=0);
  filter_free(&flt);
  /* By competitor with benchmark rows: ours (none) and Movitel's one 9. */
  q.nBy = 1;
  q.aBy[0].iCol = cube_col_find(pCube, "competitor");
  q.withBenchmark = 1;
  CHECK_INT(cube_query(pCube, &q, &r), ECX_OK);
  CHECK_INT(r.nGroup, 2);
  CHECK_INT(r.aRows[0], 11);
  CHECK_STR(cube_result_label(pCube, &r, 1, 0, a, sizeof a), "Movitel");
  CHECK_NEAR(nps_of(pCube, &r, 1, &n), 100.0, 1e-9); CHECK_INT(n, 1);
  cube_result_free(&r);
  cube_free(pCube);
  fixture_close(&f);
}

TEST(cube_overlapping_segments){
  Fixture f;
  Cube *pCube = 0;
  CubeQuery q = query_all();
  CubeResult r;
  int64_t n;
  char a[64];
  fixture_open(&f);
  CHECK_INT(cube_load(f.pWs, &pCube), ECX_OK);
  CHECK_INT(pCube->nSegment, 2);
  /* Limeños (region=Lima): rows 0,1,3,6,8,9: NPS 10,9,8,7,2 -> 2 and 1 of 5 = 20.
  ** Soporte: rows 3,4,5,8,9,10: 8,3,10,2,10 -> 2 and 2 of 5 = 0. Rows 3, 8 and 9
  ** are in both and count in both. */
  q.nBy = 1;
  q.aBy[0].iCol = cube_col_find(pCube, "segment");
  CHECK_INT(cube_query(pCube, &q, &r), ECX_OK);
  CHECK_INT(r.nGroup, 2);
  CHECK_STR(cube_result_label(pCube, &r, 0, 0, a, sizeof a), "Limeños");
  CHECK_INT(r.aRows[0], 6);
  CHECK_NEAR(nps_of(pCube, &r, 0, &n), 20.0, 1e-9); CHECK_INT(n, 5);
  CHECK_STR(cube_result_label(pCube, &r, 1, 0, a, sizeof a), "Soporte");
  CHECK_INT(r.aRows[1], 6);
  CHECK_NEAR(nps_of(pCube, &r, 1, &n), 0.0, 1e-9);
  cube_result_free(&r);
  /* Segment by touchpoint: Limeños x compra = rows 0,1,6: 10,9,7 -> 66.67. */
  q.nBy = 2;
  q.aBy[1].iCol = cube_col_find(pCube, "touchpoint");
  CHECK_INT(cube_query(pCube, &q, &r), ECX_OK);
  CHECK_INT(r.nGroup, 3);   /* Limeños x compra, Limeños x soporte, Soporte x soporte */
  CHECK_NEAR(nps_of(pCube, &r, 0, &n), 200.0/3.0, 1e-9);
  CHECK_INT(r.aRows[2], 6);
  cube_result_free(&r);
  cube_free(pCube);
  fixture_close(&f);
}

TEST(cube_refresh_appends_and_reloads){
  Fixture f;
  Cube *pCube = 0;
  CubeQuery q = query_all();
  CubeResult r;
  int64_t n, nAdded = 0;
  fixture_open(&f);
  CHECK_INT(cube_load(f.pWs, &pCube), ECX_OK);
  CHECK_INT(cube_refresh(pCube, f.pWs, &nAdded), ECX_OK);
  CHECK_INT(nAdded, 0);
  /* One more detractor from a new region: 5 promoters, 4 detractors of 11. */
  add_response(&f, 100, 0, "Piura", "2026-02-20", 0, 1, 1, 1, 0);
  CHECK_INT(cube_refresh(pCube, f.pWs, &nAdded), ECX_OK);
  CHECK_INT(nAdded, 1);
  CHECK_INT(pCube->nRow, 13);
  CHECK_INT(cube_query(pCube, &q, &r), ECX_OK);
  CHECK_NEAR(nps_of(pCube, &r, 0, &n), 100.0/11.0, 1e-9); CHECK_INT(n, 11);
  cube_result_free(&r);
  CHECK(cube_col_find(pCube, "region")>=0);
  CHECK_INT(pCube->aCol[cube_col_find(pCube, "region")].nValue, 3);
  /* A new segment changes the shape: the cube reloads whole. */
  CHECK_INT(db_exec(f.pWs->pDb, "INSERT INTO segment(name, filter) VALUES('Norte', 'region=Piura')"), ECX_OK);
  CHECK_INT(cube_refresh(pCube, f.pWs, &nAdded), ECX_OK);
  CHECK_INT(nAdded, -1);
  CHECK_INT(pCube->nSegment, 3);
  CHECK_INT(pCube->nRow, 13);
  cube_free(pCube);
  fixture_close(&f);
}

TEST(cube_threads_merge_exactly){
  /* 150,000 responses: NPS value i % 11, touchpoint i % 2. Each value
  ** appears 13,636 or 13,637 times; the scan on 1 and on 2 threads must give
  ** identical histograms, equal to the counts made here. */
  Fixture f;
  Cube *pCube = 0;
  CubeQuery q = query_all();
  CubeResult r1, r2;
  int64_t aExpect[2][11], i;
  int v, t, iNps;
  memset(aExpect, 0, sizeof aExpect);
  fixture_open(&f);
  CHECK_INT(db_begin(f.pWs->pDb), ECX_OK);
  for(i=0; i<150000; i++){
    add_response(&f, 1000 + (int)i, (int)(i%2), 0, "2026-03-01", (int)(i%11), -1, -1, -1, 0);
    aExpect[i%2][i%11]++;
  }
  CHECK_INT(db_commit(f.pWs->pDb), ECX_OK);
  for(i=0; i<N_RESP; i++){
    if( aResp[i].comp==0 && aResp[i].nps>=0 ) aExpect[aResp[i].tp][aResp[i].nps]++;
  }
  CHECK_INT(cube_load(f.pWs, &pCube), ECX_OK);
  q.nBy = 1;
  q.aBy[0].iCol = cube_col_find(pCube, "touchpoint");
  pCube->nThread = 1;
  CHECK_INT(cube_query(pCube, &q, &r1), ECX_OK);
  pCube->nThread = 2;
  CHECK_INT(cube_query(pCube, &q, &r2), ECX_OK);
  iNps = cube_met_find(pCube, "nps");
  CHECK_INT(r1.nGroup, 2); CHECK_INT(r2.nGroup, 2);
  for(t=0; t<2; t++){
    for(v=0; v<=10; v++){
      CHECK_INT(r1.aHist[(t*r1.nMet + iNps)*CUBE_HIST + v], aExpect[t][v]);
      CHECK_INT(r2.aHist[(t*r2.nMet + iNps)*CUBE_HIST + v], aExpect[t][v]);
    }
  }
  CHECK(memcmp(r1.aHist, r2.aHist, sizeof(int64_t)*2*(size_t)r1.nMet*CUBE_HIST)==0);
  cube_result_free(&r1);
  cube_result_free(&r2);
  cube_free(pCube);
  fixture_close(&f);
}

/* Code of row i in column p, read directly. */
static unsigned code_at(const CubeCol *p, int64_t i){
  return p->width==1 ? ((const uint8_t*)p->aCode)[i] : ((const uint16_t*)p->aCode)[i];
}

/* Check a touchpoint x month result against counts made row by row. */
static void check_by_tp_month(const Cube *pC, const CubeQuery *pQ, const CubeResult *pR){
  enum { NMONTH = 8 };
  int iTp = cube_col_find(pC, "touchpoint"), m, b;
  int64_t aRows[3][NMONTH], *aHist, i, g, pk0 = cube_period_key(CUBE_PERIOD_MONTH, pC->dayMin), total = 0;
  aHist = calloc((size_t)3*NMONTH*(size_t)pC->nMet*CUBE_HIST, sizeof(int64_t));
  memset(aRows, 0, sizeof aRows);
  for(i=0; i<pC->nRow; i++){
    int64_t day = pC->dayBase + pC->aDay[i];
    int64_t mo = cube_period_key(CUBE_PERIOD_MONTH, day) - pk0;
    unsigned tp = code_at(&pC->aCol[iTp], i);
    if( day<pQ->dayFrom || day>pQ->dayTo ) continue;
    if( !pQ->withBenchmark && code_at(&pC->aCol[CUBE_COL_COMPETITOR], i)!=0 ) continue;
    CHECK(tp<3 && mo>=0 && mo<NMONTH);
    if( tp>=3 || mo<0 || mo>=NMONTH ) continue;
    aRows[tp][mo]++;
    for(m=0; m<pC->nMet; m++) aHist[((tp*NMONTH + mo)*pC->nMet + m)*CUBE_HIST + cube_rating(&pC->aMet[m], i)]++;
  }
  for(g=0; g<pR->nGroup; g++){
    int64_t tp = pR->aKey[g*2], mo = pR->aKey[g*2 + 1] - pk0;
    CHECK(tp>=0 && tp<3 && mo>=0 && mo<NMONTH);
    if( tp<0 || tp>=3 || mo<0 || mo>=NMONTH ) continue;
    CHECK_INT(pR->aRows[g], aRows[tp][mo]);
    total += pR->aRows[g];
    for(m=0; m<pC->nMet; m++){
      for(b=0; b<CUBE_HIST; b++){
        CHECK_INT(pR->aHist[(g*pR->nMet + m)*CUBE_HIST + b], aHist[((tp*NMONTH + mo)*pC->nMet + m)*CUBE_HIST + b]);
      }
    }
  }
  for(i=0; i<3*NMONTH; i++) total -= aRows[i/NMONTH][i%NMONTH];
  CHECK_INT(total, 0);   /* no group left out */
  free(aHist);
}

TEST(cube_scan_matches_row_by_row){
  /* Five metrics (two share a byte, the fifth is alone in its own), every
  ** rating and unanswered, months crossing chunks, a day range inside the
  ** data: the histograms must be the counts made row by row. */
  Fixture f;
  Cube *pCube = 0;
  CubeQuery q = query_all();
  CubeResult r;
  QuestionDef d;
  int64_t i, t0 = 0, t1 = 0;
  fixture_open(&f);
  memset(&d, 0, sizeof d);
  d.zCode = "q_ama"; d.type = Q_RATING; d.scaleMin = 1; d.scaleMax = 5; d.zDimension = "amabilidad";
  CHECK_INT(question_ensure(f.pWs, f.surveyId, &d, &f.qAma), ECX_OK);
  CHECK_INT(db_begin(f.pWs->pDb), ECX_OK);
  for(i=0; i<9000; i++){
    char zDate[16];
    util_fmt_day(zDate, sizeof zDate, util_days_from_civil(2026, 1, 1) + i*150/9000);
    add_response_ama(&f, 5000 + (int)i, (int)(i%2), i%3 ? "Lima" : 0, zDate,
                     (int)(i%12)==11 ? -1 : (int)(i%12), (int)((i*7)%6) ? (int)((i*7)%6) : -1,
                     (int)(i%8) ? (int)(i%8) : -1, (int)((i*3)%6) ? (int)((i*3)%6) : -1,
                     (int)((i*5)%7)<6 && (i*5)%7 ? (int)((i*5)%7) : -1, i%37==0);
  }
  CHECK_INT(db_commit(f.pWs->pDb), ECX_OK);
  CHECK_INT(cube_load(f.pWs, &pCube), ECX_OK);
  CHECK_INT(pCube->nMet, 5);
  q.nBy = 2;
  q.aBy[0].iCol = cube_col_find(pCube, "touchpoint");
  q.aBy[1].iCol = -1;
  q.aBy[1].period = CUBE_PERIOD_MONTH;
  CHECK_INT(cube_query(pCube, &q, &r), ECX_OK);
  check_by_tp_month(pCube, &q, &r);
  cube_result_free(&r);
  CHECK_INT(util_parse_time("2026-02-10", &t0), ECX_OK);
  CHECK_INT(util_parse_time("2026-04-20", &t1), ECX_OK);
  q.dayFrom = util_day_of_ts(t0);
  q.dayTo = util_day_of_ts(t1);
  q.withBenchmark = 1;
  CHECK_INT(cube_query(pCube, &q, &r), ECX_OK);
  check_by_tp_month(pCube, &q, &r);
  CHECK(r.nGroup>=6);
  cube_result_free(&r);
  cube_free(pCube);
  fixture_close(&f);
}

TEST(cube_periods){
  char a[32];
  /* 2026-03-15 is a Sunday of ISO week 11; 2021-01-01 (a Friday) belongs to
  ** ISO week 53 of 2020. */
  int64_t d = util_days_from_civil(2026, 3, 15);
  CHECK_STR(cube_period_label(CUBE_PERIOD_WEEK, cube_period_key(CUBE_PERIOD_WEEK, d), a, sizeof a), "2026-W11");
  CHECK_INT(cube_period_start(CUBE_PERIOD_WEEK, cube_period_key(CUBE_PERIOD_WEEK, d)), util_days_from_civil(2026, 3, 9));
  d = util_days_from_civil(2021, 1, 1);
  CHECK_STR(cube_period_label(CUBE_PERIOD_WEEK, cube_period_key(CUBE_PERIOD_WEEK, d), a, sizeof a), "2020-W53");
  d = util_days_from_civil(2026, 11, 30);
  CHECK_STR(cube_period_label(CUBE_PERIOD_MONTH, cube_period_key(CUBE_PERIOD_MONTH, d), a, sizeof a), "2026-11");
  CHECK_STR(cube_period_label(CUBE_PERIOD_QUARTER, cube_period_key(CUBE_PERIOD_QUARTER, d), a, sizeof a), "2026-Q4");
  CHECK_STR(cube_period_label(CUBE_PERIOD_YEAR, cube_period_key(CUBE_PERIOD_YEAR, d), a, sizeof a), "2026");
  /* The month before January 2026 is December 2025. */
  CHECK_STR(cube_period_label(CUBE_PERIOD_MONTH, cube_period_key(CUBE_PERIOD_MONTH, util_days_from_civil(2026, 1, 3)) - 1, a, sizeof a), "2025-12");
  CHECK_INT(cube_period_from_name("mes"), CUBE_PERIOD_MONTH);
  CHECK_INT(cube_period_from_name("fortnight"), CUBE_PERIOD_NONE);
}

TEST(filter_syntax){
  Filter f;
  CHECK_INT(filter_parse(" region = Lima|\"Cusco, sur\" , plan!=prepago", &f), ECX_OK);
  CHECK_INT(f.nClause, 2);
  CHECK_STR(f.aClause[0].zKey, "region");
  CHECK_INT(f.aClause[0].nValue, 2);
  CHECK_STR(f.aClause[0].azValue[1], "Cusco, sur");
  CHECK_INT(f.aClause[1].negate, 1);
  CHECK_STR(f.aClause[1].azValue[0], "prepago");
  filter_free(&f);
  CHECK_INT(filter_parse("", &f), ECX_OK);
  CHECK_INT(f.nClause, 0);
  CHECK_INT(filter_parse("region", &f), ECX_EINVAL);
  CHECK_INT(filter_parse("region=", &f), ECX_EINVAL);
  CHECK_INT(filter_parse("region=\"Lima", &f), ECX_EINVAL);
  CHECK_INT(filter_parse("region=Lima;edad=18", &f), ECX_OK);  /* ';' is part of a value */
  filter_free(&f);
  CHECK_INT(filter_parse("a=1,,b=2", &f), ECX_EINVAL);
  CHECK(strstr(err_detail(), "character")!=0);
}

TEST(cube_cache_round_trip_and_staleness){
  Fixture f;
  Cube *pA = 0, *pB = 0;
  CubeQuery q = query_all();
  CubeResult ra, rb;
  char zCache[600];
  int64_t n;
  FILE *fp;
  fixture_open(&f);
  snprintf(zCache, sizeof zCache, "%s.cube", f.zPath);
  cube_cache_min_rows = 1;
  CHECK_INT(cube_load(f.pWs, &pA), ECX_OK);      /* builds and writes the cache */
  CHECK(access(zCache, R_OK)==0);
  CHECK_INT(cube_load(f.pWs, &pB), ECX_OK);      /* reads it */
  q.nBy = 1;
  q.aBy[0].iCol = cube_col_find(pA, "segment");
  CHECK_INT(cube_query(pA, &q, &ra), ECX_OK);
  CHECK_INT(cube_query(pB, &q, &rb), ECX_OK);
  CHECK_INT(ra.nGroup, rb.nGroup);
  CHECK(memcmp(ra.aHist, rb.aHist, sizeof(int64_t)*(size_t)(ra.nGroup*ra.nMet*CUBE_HIST))==0);
  CHECK_INT(pB->nSegment, 2);
  cube_result_free(&ra); cube_result_free(&rb);
  cube_free(pB);
  /* A new response: the cache is still used and the response appended. */
  add_response(&f, 200, 0, "Lima", "2026-02-21", 0, 1, 1, 1, 0);
  CHECK_INT(cube_load(f.pWs, &pB), ECX_OK);
  CHECK_INT(pB->nRow, 13);
  q.nBy = 0;
  CHECK_INT(cube_query(pB, &q, &rb), ECX_OK);
  CHECK_NEAR(nps_of(pB, &rb, 0, &n), 100.0/11.0, 1e-9);
  cube_result_free(&rb);
  cube_free(pB);
  /* A deleted response makes the cache stale: the load rebuilds. */
  CHECK_INT(db_exec(f.pWs->pDb, "DELETE FROM answer WHERE response_id=1; DELETE FROM response WHERE id=1"), ECX_OK);
  CHECK_INT(cube_load(f.pWs, &pB), ECX_OK);
  CHECK_INT(pB->nRow, 12);
  cube_free(pB);
  /* A cache whose lengths are right but whose codes are off the
  ** dictionary is not used: the first row's survey code (the first byte
  ** after the header and the metadata block) set to 255. */
  fp = fopen(zCache, "r+b");
  CHECK(fp!=0);
  if( fp ){
    int64_t nMeta = 0;
    CHECK(fseek(fp, 8, SEEK_SET)==0 && fread(&nMeta, sizeof nMeta, 1, fp)==1);
    CHECK(fseek(fp, 16 + nMeta, SEEK_SET)==0);
    fputc(255, fp);
    fclose(fp);
  }
  CHECK_INT(cube_load(f.pWs, &pB), ECX_OK);
  CHECK_INT(pB->nRow, 12);
  CHECK(code_at(&pB->aCol[cube_col_find(pB, "survey")], 0)==1);
  cube_free(pB);
  /* Nor is one a byte short. */
  {
    struct stat st;
    CHECK(stat(zCache, &st)==0 && st.st_size>100);
    CHECK_INT(truncate(zCache, st.st_size - 1), 0);
  }
  CHECK_INT(cube_load(f.pWs, &pB), ECX_OK);
  CHECK_INT(pB->nRow, 12);
  CHECK(code_at(&pB->aCol[cube_col_find(pB, "survey")], 0)==1);
  cube_free(pB);
  /* A damaged cache file is ignored. */
  fp = fopen(zCache, "r+b");
  CHECK(fp!=0);
  if( fp ){ fseek(fp, 40, SEEK_SET); fputs("garbage", fp); fclose(fp); }
  CHECK_INT(truncate(zCache, 100), 0);
  CHECK_INT(cube_load(f.pWs, &pB), ECX_OK);
  CHECK_INT(pB->nRow, 12);
  cube_free(pB);
  cube_free(pA);
  cube_cache_min_rows = 200000;
  unlink(zCache);
  fixture_close(&f);
}

/* A reader's scope (report_where_scoped) comes first and is never dropped
** by the differencing guard; the guard still works inside it. Counts from
** the table at the top: soporte has 6 of our responses, 3 of them from
** Lima; compra has 5. */
TEST(guard_keeps_a_scope_fixed){
  Fixture f;
  Cube *pCube = 0;
  CubeQuery q = query_all();
  CubeWhere w;
  int64_t n = 0;
  fixture_open(&f);
  CHECK_INT(cube_load(f.pWs, &pCube), ECX_OK);
  /* The scope alone: 6 responses; nothing the reader could drop. */
  CHECK_INT(report_where_scoped(pCube, "touchpoint=soporte", 0, 0, &w), ECX_OK);
  CHECK_INT(w.nTerm, 1); CHECK_INT(w.nFixed, 1);
  q.pWhere = &w;
  CHECK_INT(cube_count(pCube, &q, &n), ECX_OK);
  CHECK_INT(n, 6);
  /* With min_n 7 the 5 responses outside it would refuse the same filter
  ** written by the reader (11 - 6 = 5 < 7), but not the scope. */
  CHECK_INT(report_guard(pCube, &q, 7), ECX_OK);
  cube_where_free(&w);
  CHECK_INT(report_where_compile(pCube, "touchpoint=soporte", 0, &w), ECX_OK);
  CHECK_INT(w.nFixed, 0);
  CHECK_INT(report_guard(pCube, &q, 7), ECX_ESMALL);
  CHECK(strstr(err_detail(), "5 more responses")!=0);
  cube_where_free(&w);
  /* Inside the scope: region=Lima leaves out 3 of soporte's 6, under 5. */
  CHECK_INT(report_where_scoped(pCube, "touchpoint=soporte", "region=Lima", 0, &w), ECX_OK);
  CHECK_INT(w.nTerm, 2); CHECK_INT(w.nFixed, 1);
  CHECK_INT(cube_count(pCube, &q, &n), ECX_OK);
  CHECK_INT(n, 3);
  CHECK_INT(report_guard(pCube, &q, 5), ECX_ESMALL);
  CHECK(strstr(err_detail(), "without region the result would have 3 more")!=0);
  cube_where_free(&w);
  /* The reader's filter narrows the scope, never widens it: compra|soporte
  ** inside soporte is soporte. */
  CHECK_INT(report_where_scoped(pCube, "touchpoint=soporte", "touchpoint=compra|soporte", 0, &w), ECX_OK);
  CHECK_INT(cube_count(pCube, &q, &n), ECX_OK);
  CHECK_INT(n, 6);
  cube_where_free(&w);
  /* A filter that does not parse is the reader's error, positions counted
  ** in what the reader wrote; nothing is left to free. */
  CHECK_INT(report_where_scoped(pCube, "touchpoint=soporte", "region=\"Lima", 0, &w), ECX_EINVAL);
  CHECK(strstr(err_detail(), "filter \"region=\"Lima\", at character")!=0);
  CHECK_INT(w.nTerm, 0);
  cube_where_free(&w);
  cube_free(pCube);
  fixture_close(&f);
}
