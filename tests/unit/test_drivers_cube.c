/*
** Key-driver analysis on a cube: a synthetic workspace whose NPS answers are
** generated from known weights of four dimensions (plus a copy of one, for
** collinearity, and a benchmark row that must not count). Checks the exact
** moments against sums taken here, the recovered ranking, pairwise against
** listwise deletion, the documented errors and bootstrap determinism.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"
#include "../../src/base/err.h"
#include "../../src/base/util.h"
#include "../../src/engine/cube.h"
#include "../../src/engine/cube_moments.h"
#include "../../src/engine/drivers.h"
#include "../../src/model/entity.h"
#include "../../src/model/store.h"

#define N_ROW 600
#define N_DIM 5
static const char *azDim[N_DIM] = {"speed", "staff", "price", "app", "speed_copy"};

/* The data: aX[i][0] is the NPS answer, aX[i][1..5] the dimensions; -1 is
** unanswered. Row N_ROW is a benchmark rating of a competitor. */
typedef struct Data {
  int aX[N_ROW + 1][N_DIM + 1];
  char *zPath;
  Workspace *pWs;
  Cube *pCube;
} Data;

static double unit_normal(DriversRng *pR){
  double u = ((double)(drivers_rng_next(pR) >> 11) + 0.5)/9007199254740992.0;
  double v = ((double)(drivers_rng_next(pR) >> 11) + 0.5)/9007199254740992.0;
  return sqrt(-2*log(u))*cos(6.283185307179586*v);
}

/* NPS = round(0.9·speed + 0.6·staff + 0.3·price + 0·app + N(0, 0.8) - 0.5),
** clipped to 0..10; dimensions uniform on 1..5, independent; app unanswered
** in about 1 row of 8; speed_copy = speed. True order: speed, staff, price,
** app (each weight's share of variance is proportional to its square). */
static void data_make(Data *d){
  DriversRng rng;
  int i, j;
  drivers_rng_seed(&rng, 2024);
  for(i=0; i<N_ROW; i++){
    double y;
    for(j=1; j<=4; j++) d->aX[i][j] = 1 + (int)(drivers_rng_next(&rng) % 5);
    y = 0.9*d->aX[i][1] + 0.6*d->aX[i][2] + 0.3*d->aX[i][3] + 0.8*unit_normal(&rng) - 0.5;
    d->aX[i][0] = y<0 ? 0 : y>10 ? 10 : (int)lround(y);
    if( drivers_rng_next(&rng) % 8==0 ) d->aX[i][4] = -1;
    d->aX[i][5] = d->aX[i][1];
  }
  for(j=0; j<=N_DIM; j++) d->aX[N_ROW][j] = j==0 ? 0 : 5;
}

static void data_open(Data *d){
  Question aQ[N_DIM + 1];
  QuestionDef def;
  int64_t surveyId, compId, id, day0;
  int i, j;
  memset(d, 0, sizeof *d);
  data_make(d);
  d->zPath = test_tmp_path(".ecx");
  CHECK_INT(ws_init(d->zPath, 0, &d->pWs), ECX_OK);
  CHECK_INT(survey_ensure(d->pWs, "rel", "relational", &surveyId), ECX_OK);
  CHECK_INT(ent_ensure(d->pWs, ENT_COMPETITOR, "Movitel", &compId), ECX_OK);
  memset(&def, 0, sizeof def);
  def.zCode = "nps"; def.type = Q_NPS;
  CHECK_INT(question_ensure(d->pWs, surveyId, &def, &aQ[0]), ECX_OK);
  for(j=1; j<=N_DIM; j++){
    def.zCode = azDim[j - 1]; def.type = Q_RATING; def.scaleMin = 1; def.scaleMax = 5;
    def.zDimension = azDim[j - 1];
    CHECK_INT(question_ensure(d->pWs, surveyId, &def, &aQ[j]), ECX_OK);
  }
  CHECK_INT(util_parse_time("2026-01-01", &day0), ECX_OK);
  CHECK_INT(db_begin(d->pWs->pDb), ECX_OK);
  for(i=0; i<=N_ROW; i++){
    AnswerRec a[N_DIM + 1];
    ResponseRec r;
    char zSrc[32];
    int n = 0;
    for(j=0; j<=N_DIM; j++){
      if( d->aX[i][j]>=0 ) a[n++] = (AnswerRec){aQ[j].id, 1, d->aX[i][j], 0};
    }
    snprintf(zSrc, sizeof zSrc, "s%d", i);
    memset(&r, 0, sizeof r);
    r.surveyId = surveyId;
    r.competitorId = i==N_ROW ? compId : 0;
    r.ts = day0 + (int64_t)(i % 60)*86400 + 3600;   /* 10 rows a day, Jan-Feb */
    r.zSourceId = zSrc;
    r.nAnswer = n;
    r.aAnswer = a;
    CHECK_INT(store_response(d->pWs, &r, &id), ECX_OK);
  }
  CHECK_INT(db_commit(d->pWs->pDb), ECX_OK);
  CHECK_INT(cube_load(d->pWs, &d->pCube), ECX_OK);
}

static void data_close(Data *d){
  char a[600];
  cube_free(d->pCube);
  ws_close(d->pWs);
  unlink(d->zPath);
  snprintf(a, sizeof a, "%s-wal", d->zPath); unlink(a);
  snprintf(a, sizeof a, "%s-shm", d->zPath); unlink(a);
  free(d->zPath);
}

static DriversSpec spec_of(const Cube *pCube, int *aiPred, int nPred, const int *aDim){
  DriversSpec s;
  int j;
  memset(&s, 0, sizeof s);
  s.iOutcome = cube_met_find(pCube, "nps");
  for(j=0; j<nPred; j++) aiPred[j] = cube_met_find(pCube, azDim[aDim[j]]);
  s.nPred = nPred;
  s.aiPred = aiPred;
  s.dayFrom = INT64_MIN;
  s.dayTo = INT64_MAX;
  s.seed = 1;
  return s;
}

TEST(drivers_cube_moments_exact){
  Data d;
  MomentsQuery q;
  Moments m;
  int64_t n = 0, aSum[N_DIM + 1] = {0}, aCross[N_DIM + 1][N_DIM + 1] = {{0}};
  int64_t nPair = 0, sPair[6] = {0};
  int i, j, k;
  data_open(&d);
  memset(&q, 0, sizeof q);
  q.nVar = N_DIM + 1;
  q.aiMet[0] = cube_met_find(d.pCube, "nps");
  for(j=1; j<=N_DIM; j++) q.aiMet[j] = cube_met_find(d.pCube, azDim[j - 1]);
  q.dayFrom = INT64_MIN; q.dayTo = INT64_MAX; q.pairwise = 1;
  CHECK_INT(cube_moments(d.pCube, &q, &m), ECX_OK);
  /* Direct sums over our rows (the benchmark row N_ROW excluded). */
  for(i=0; i<N_ROW; i++){
    int all = 1;
    for(j=0; j<=N_DIM; j++) all &= d.aX[i][j]>=0;
    if( d.aX[i][4]>=0 ){
      int64_t x = d.aX[i][0], y = d.aX[i][4];
      nPair++; sPair[1] += x; sPair[2] += y; sPair[3] += x*x; sPair[4] += y*y; sPair[5] += x*y;
    }
    if( !all ) continue;
    n++;
    for(j=0; j<=N_DIM; j++){
      aSum[j] += d.aX[i][j];
      for(k=0; k<=N_DIM; k++) aCross[j][k] += d.aX[i][j]*d.aX[i][k];
    }
  }
  CHECK(n>450 && n<N_ROW);
  CHECK_INT(m.aTotal[mom_list(&m)], n);
  for(j=0; j<=N_DIM; j++){
    CHECK_INT(m.aTotal[mom_list(&m) + 1 + j], aSum[j]);
    for(k=j; k<=N_DIM; k++) CHECK_INT(m.aTotal[mom_lcross(&m, j, k)], aCross[j][k]);
  }
  CHECK_INT(m.aTotal[mom_pair(&m, 0, 4)], nPair);
  for(k=1; k<6; k++) CHECK_INT(m.aTotal[mom_pair(&m, 0, 4) + k], sPair[k]);
  CHECK_INT(m.aTotal[mom_uni(&m, 0)], N_ROW);
  /* 600 rows hashed into 200 blocks, 3 a block on average: about
  ** 200·e^-3 = 10 blocks stay empty (Poisson), none gets 15 or more. */
  for(k=0, i=0, j=0; k<m.nBlock; k++){
    int64_t nb = m.aBlock[(int64_t)k*m.nStat + mom_uni(&m, 0)];
    i += nb>0;
    if( nb>j ) j = (int)nb;
  }
  CHECK(i>=180 && i<MOM_BLOCKS);
  CHECK(j<15);
  moments_free(&m);
  data_close(&d);
}

TEST(drivers_cube_recovers_ranking){
  Data d;
  DriversResult r, r2;
  int aiPred[4], aDim[4] = {3, 2, 1, 0}, j;   /* app, price, staff, speed */
  DriversSpec s;
  double sRw = 0, sSh = 0;
  data_open(&d);
  s = spec_of(d.pCube, aiPred, 4, aDim);
  CHECK_INT(drivers_run(d.pCube, &s, &r), ECX_OK);
  CHECK_INT(r.nPred, 4);
  CHECK_INT(r.aPred[3].rank, 1);   /* speed */
  CHECK_INT(r.aPred[2].rank, 2);   /* staff */
  CHECK_INT(r.aPred[1].rank, 3);   /* price */
  CHECK_INT(r.aPred[0].rank, 4);   /* app */
  CHECK(r.aPred[3].rw.raw>r.aPred[2].rw.raw && r.aPred[2].rw.raw>r.aPred[1].rw.raw);
  CHECK(r.aPred[1].rw.raw>r.aPred[0].rw.raw);
  for(j=0; j<4; j++){
    sRw += r.aPred[j].rw.raw; sSh += r.aPred[j].shapley.raw;
    CHECK_NEAR(r.aPred[j].r, r.aCorr[j + 1], 0);
    CHECK(r.aPred[j].mean>2.5 && r.aPred[j].mean<3.5);
  }
  CHECK_NEAR(sRw, r.r2, 1e-10);
  CHECK_NEAR(sSh, r.r2, 1e-10);
  CHECK(r.r2>0.5 && r.r2<0.95);
  CHECK(isnan(r.aPred[0].rw.lo));            /* no bootstrap asked */
  /* Pairwise deletion on complete variables equals listwise. */
  s = spec_of(d.pCube, aiPred, 3, aDim + 1);
  CHECK_INT(drivers_run(d.pCube, &s, &r2), ECX_OK);
  s.pairwise = 1;
  drivers_result_free(&r);
  CHECK_INT(drivers_run(d.pCube, &s, &r), ECX_OK);
  CHECK_INT(r.n, N_ROW);
  CHECK_INT(r2.n, N_ROW);
  CHECK_NEAR(r.r2, r2.r2, 1e-12);
  for(j=0; j<3; j++) CHECK_NEAR(r.aPred[j].shapley.raw, r2.aPred[j].shapley.raw, 1e-12);
  drivers_result_free(&r);
  drivers_result_free(&r2);
  data_close(&d);
}

TEST(drivers_cube_errors){
  Data d;
  DriversResult r;
  int aiPred[5], aDim[5] = {0, 1, 2, 4};
  int64_t dayJan1, ts;
  DriversSpec s;
  data_open(&d);
  /* speed and speed_copy hold the same answers: both are named. */
  s = spec_of(d.pCube, aiPred, 4, aDim);
  CHECK_INT(drivers_run(d.pCube, &s, &r), ECX_EINVAL);
  CHECK(strstr(err_detail(), "speed,")!=0 || strstr(err_detail(), "speed ")!=0);
  CHECK(strstr(err_detail(), "speed_copy")!=0);
  CHECK(strstr(err_detail(), "staff")==0);
  /* One day holds 10 responses; 3 predictors need 13. */
  s = spec_of(d.pCube, aiPred, 3, aDim);
  CHECK_INT(util_parse_time("2026-01-01", &ts), ECX_OK);
  dayJan1 = util_day_of_ts(ts);
  s.dayFrom = s.dayTo = dayJan1;
  CHECK_INT(drivers_run(d.pCube, &s, &r), ECX_ESMALL);
  CHECK(strstr(err_detail(), "only 10 ")!=0);
  s.dayTo = dayJan1 + 1;   /* 20 responses: enough */
  CHECK_INT(drivers_run(d.pCube, &s, &r), ECX_OK);
  CHECK_INT(r.n, 20);
  drivers_result_free(&r);
  /* The outcome cannot be a predictor. */
  s = spec_of(d.pCube, aiPred, 3, aDim);
  aiPred[1] = s.iOutcome;
  CHECK_INT(drivers_run(d.pCube, &s, &r), ECX_EINVAL);
  err_clear();
  data_close(&d);
}

TEST(drivers_cube_bootstrap_deterministic){
  Data d;
  DriversResult a, b, c;
  int aiPred[3], aDim[3] = {0, 1, 2}, j, differ = 0;
  DriversSpec s;
  data_open(&d);
  s = spec_of(d.pCube, aiPred, 3, aDim);
  s.nBoot = 200;
  s.seed = 7;
  CHECK_INT(drivers_run(d.pCube, &s, &a), ECX_OK);
  CHECK_INT(drivers_run(d.pCube, &s, &b), ECX_OK);
  s.seed = 8;
  CHECK_INT(drivers_run(d.pCube, &s, &c), ECX_OK);
  CHECK_INT(a.nBootOk, 200);
  for(j=0; j<3; j++){
    CHECK(a.aPred[j].shapley.lo==b.aPred[j].shapley.lo);
    CHECK(a.aPred[j].shapley.hi==b.aPred[j].shapley.hi);
    CHECK(a.aPred[j].rw.pctLo==b.aPred[j].rw.pctLo);
    CHECK(a.aPred[j].rw.pctHi==b.aPred[j].rw.pctHi);
    CHECK(a.aPred[j].shapley.lo<=a.aPred[j].shapley.raw);
    CHECK(a.aPred[j].shapley.raw<=a.aPred[j].shapley.hi);
    differ += a.aPred[j].shapley.lo!=c.aPred[j].shapley.lo;
  }
  CHECK(a.r2Lo<=a.r2 && a.r2<=a.r2Hi);
  CHECK(differ>0);
  drivers_result_free(&a);
  drivers_result_free(&b);
  drivers_result_free(&c);
  data_close(&d);
}

/* A cube built in memory: nRow rows, nMet rating metrics with values 1..5
** (0..10 for metric 0) from a fixed generator, about 1 in 10 unanswered,
** every 50th row a benchmark rating. Freed with cube_free(). */
static Cube *cube_synthetic(int64_t nRow, int nMet){
  Cube *p = ecx_calloc(1, sizeof *p);
  DriversRng rng;
  int64_t i;
  int c, m;
  drivers_rng_seed(&rng, 99);
  p->nRow = p->nAlloc = nRow;
  p->aDay = ecx_calloc((size_t)nRow, sizeof(uint16_t));
  p->dayMin = p->dayMax = 0;
  p->nCol = CUBE_COL_COMPETITOR + 1;
  p->aCol = ecx_calloc((size_t)p->nCol, sizeof(CubeCol));
  for(c=0; c<p->nCol; c++){
    p->aCol[c].zName = ecx_strdup("col");
    p->aCol[c].width = 1;
    p->aCol[c].aCode = ecx_calloc((size_t)nRow, 1);
    p->aCol[c].azValue = ecx_calloc(1, sizeof(char*));
  }
  for(i=0; i<nRow; i+=50) ((uint8_t*)p->aCol[CUBE_COL_COMPETITOR].aCode)[i] = 1;
  p->nMet = nMet;
  p->aMet = ecx_calloc((size_t)nMet, sizeof(CubeMetric));
  for(m=0; m<nMet; m++){
    CubeMetric *pM = &p->aMet[m];
    pM->zName = ecx_strdup(m ? "dim" : "nps");
    /* Two metrics per byte column, as the cube lays them out (cube.h). */
    pM->shift = (m & 1)*4;
    pM->aVal = (m & 1) ? p->aMet[m - 1].aVal : ecx_calloc((size_t)nRow, 1);
    for(i=0; i<nRow; i++){
      uint64_t x = drivers_rng_next(&rng);
      unsigned v = x % 10==0 ? CUBE_MISSING : (unsigned)(m ? 1 + (x>>8) % 5 : (x>>8) % 11);
      pM->aVal[i] |= (uint8_t)(v << pM->shift);
    }
  }
  return p;
}

TEST(drivers_moments_threads_merge_exactly){
  /* 200,000 rows: two threads of 100,000 rows each, against one thread. */
  Cube *p = cube_synthetic(200000, 6);
  MomentsQuery q;
  Moments a, b;
  int j;
  memset(&q, 0, sizeof q);
  q.nVar = 6;
  for(j=0; j<6; j++) q.aiMet[j] = j;
  q.dayFrom = INT64_MIN; q.dayTo = INT64_MAX; q.pairwise = 1;
  p->nThread = 1;
  CHECK_INT(cube_moments(p, &q, &a), ECX_OK);
  p->nThread = 2;
  CHECK_INT(cube_moments(p, &q, &b), ECX_OK);
  CHECK_INT(a.nStat, b.nStat);
  CHECK(memcmp(a.aBlock, b.aBlock, sizeof(int64_t)*(size_t)a.nStat*MOM_BLOCKS)==0);
  CHECK(memcmp(a.aTotal, b.aTotal, sizeof(int64_t)*(size_t)a.nStat)==0);
  /* 4,000 benchmark rows out; of 196,000, metric 0 answered ~90%. */
  CHECK(a.aTotal[mom_uni(&a, 0)]>170000 && a.aTotal[mom_uni(&a, 0)]<182000);
  moments_free(&a);
  moments_free(&b);
  cube_free(p);
}
