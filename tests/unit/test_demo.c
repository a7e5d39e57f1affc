/*
** Tests of the demo generator: the PRNG against published reference
** outputs, the verbatim templates, the calendar, and a generated workspace
** whose driver weights (by OLS and by the key-driver analysis), NPS,
** coverage of months and touchpoints, and determinism are checked from the
** data itself.
*/
#include <gsl/gsl_multifit.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"
#include "../../src/base/err.h"
#include "../../src/engine/cube.h"
#include "../../src/engine/drivers.h"
#include "../../src/model/demo_model.h"
#include "../../src/model/workspace.h"

TEST(demo_splitmix64_reference_outputs){
  /* The first four outputs of splitmix64 from state 0, as published with
  ** the reference implementation (prng.di.unimi.it/splitmix64.c). */
  uint64_t x = 0;
  CHECK(demo_splitmix64(&x)==0xE220A8397B1DCDAFULL);
  CHECK(demo_splitmix64(&x)==0x6E789E6AA1B965F4ULL);
  CHECK(demo_splitmix64(&x)==0x06C45D188009454FULL);
  CHECK(demo_splitmix64(&x)==0xF88BB8A8724C81ECULL);
}

TEST(demo_xoshiro_reference_outputs){
  /* State {1,2,3,4}. By hand: out1 = rotl(2*5, 7)*9 = 1280*9 = 11520; the
  ** update gives s1 = 2^(3^1) = 0, so out2 = 0; then s1 = 262146^7 = 262149
  ** and out3 = rotl(262149*5, 7)*9 = 167775360*9 = 1509978240. The fourth
  ** is the value published alongside these in many ports. */
  DemoRng r;
  demo_rng_set_state(&r, 1, 2, 3, 4);
  CHECK(demo_rng_next(&r)==11520ULL);
  CHECK(demo_rng_next(&r)==0ULL);
  CHECK(demo_rng_next(&r)==1509978240ULL);
  CHECK(demo_rng_next(&r)==1215971899390074240ULL);
}

TEST(demo_rng_draws_have_their_distributions){
  /* 200,000 normal draws: the mean has standard error 1/sqrt(2e5) = 0.0022
  ** and the variance about sqrt(2/2e5) = 0.0032; tolerances are 5 SE. */
  DemoRng r;
  demo_rng_seed(&r, 42);
  double s = 0, ss = 0;
  int n = 200000, aHit[3] = {0, 0, 0};
  for(int i = 0; i < n; i++){ double g = demo_rng_gauss(&r); s += g; ss += g*g; }
  CHECK_NEAR(s / n, 0.0, 0.011);
  CHECK_NEAR(ss / n - (s / n) * (s / n), 1.0, 0.016);
  /* Weighted pick with weights 1:2:1, shares 0.25/0.5/0.25, SE 0.0011. */
  static const double aW[3] = {1, 2, 1};
  for(int i = 0; i < n; i++) aHit[demo_rng_pick(&r, aW, 3)]++;
  CHECK_NEAR(aHit[1] / (double)n, 0.5, 0.006);
  CHECK_NEAR(aHit[0] / (double)n, 0.25, 0.006);
  uint32_t lo = 99, hi = 0;
  for(int i = 0; i < 1000; i++){
    uint32_t v = demo_rng_below(&r, 7);
    if( v < lo ) lo = v;
    if( v > hi ) hi = v;
  }
  CHECK_INT(lo, 0);
  CHECK_INT(hi, 6);
}

TEST(demo_text_tone_and_dimension){
  /* Every complaint phrase about Cobertura de red (0) names "señal" or
  ** "cobertura"; every praise of Precio justo (2) names "precio". */
  DemoRng r;
  demo_rng_seed(&r, 3);
  Buf b;
  buf_init(&b, 4096);
  for(int i = 0; i < 60; i++){
    DemoTextCtx neg = {DEMO_TONE_NEG, 0, 2, 0, i % DEMO_NTP};
    buf_reset(&b);
    CHECK_INT(demo_text(&b, &r, &neg), ECX_OK);
    CHECK(strstr(buf_str(&b), "señal") || strstr(buf_str(&b), "cobertura"));
    CHECK(strstr(buf_str(&b), "precio")==0 || strstr(buf_str(&b), "Lo mejor")==0);
    DemoTextCtx pos = {DEMO_TONE_POS, 0, 2, 0, -1};
    buf_reset(&b);
    CHECK_INT(demo_text(&b, &r, &pos), ECX_OK);
    CHECK(strstr(buf_str(&b), "precio")!=0 || strstr(buf_str(&b), "Precio")!=0);
    DemoTextCtx mix = {DEMO_TONE_MIXED, 1, 2, 0, -1};
    buf_reset(&b);
    CHECK_INT(demo_text(&b, &r, &mix), ECX_OK);
    CHECK(strstr(buf_str(&b), "price") || strstr(buf_str(&b), "value for money"));
    CHECK(strstr(buf_str(&b), "signal") || strstr(buf_str(&b), "coverage"));
  }
  DemoTextCtx bad = {DEMO_TONE_POS, 0, DEMO_NDIM, 0, -1};
  CHECK_INT(demo_text(&b, &r, &bad), ECX_EINVAL);
  buf_free(&b);
}

TEST(demo_calendar_and_true_weights){
  int64_t a[DEMO_NMONTH], sum = 0;
  demo_month_counts(1000003, a);
  for(int m = 0; m < DEMO_NMONTH; m++) sum += a[m];
  CHECK_INT(sum, 1000003);
  /* Month 1 is December 2024, month 4 March 2025: peaks over neighbours. */
  CHECK(a[1] > a[0] && a[1] > a[2] && a[4] > a[3] && a[4] > a[5]);
  CHECK_INT(demo_month_start(0), 1730419200);    /* 2024-11-01T00:00:00Z */
  CHECK_INT(demo_month_start(24), 1793491200);   /* 2026-11-01T00:00:00Z */
  /* Perfil "precio" share = sum over edad of P(edad) P(precio | edad)
  ** = .16*.30 + .27*.28 + .23*.28 + .18*.30 + .16*.25 = 0.282, so the
  ** population weight of Precio justo is 0.35 + 0.282*0.30 = 0.4346. */
  CHECK_NEAR(demo_perfil_share(DP_PRECIO), 0.282, 1e-12);
  CHECK_NEAR(demo_dim_weight(D_PRECIO), 0.4346, 1e-12);
  CHECK_NEAR(demo_dim_weight(D_COBERTURA), 0.90, 1e-12);
}

/* FNV-1a over every row of the response and answer tables and the
** respondents' attributes, in key order. */
static uint64_t ws_checksum(const char *zPath){
  static const char *const azSql[] = {
    "SELECT id, survey_id, respondent_id, touchpoint_id, channel_id, ts, language,"
    " competitor_id, source_id FROM response ORDER BY id",
    "SELECT question_id, response_id, num, txt FROM answer ORDER BY 1, 2",
    "SELECT respondent_id, attribute_id, value_id FROM respondent_attribute ORDER BY 1, 2",
  };
  Workspace *pWs;
  uint64_t h = 0xcbf29ce484222325ULL;
  if( ws_open(zPath, WS_READONLY, &pWs) ) return 0;
  for(int q = 0; q < 3; q++){
    Stmt *p;
    if( db_prepare(pWs->pDb, &p, azSql[q]) ) break;
    while( db_step(p)==DB_ROW ){
      for(int i = 0; i < db_column_count(p); i++){
        const char *z = db_column_is_null(p, i) ? "\x01" : db_column_text(p, i);
        for(; *z; z++){ h ^= (unsigned char)*z; h *= 0x100000001b3ULL; }
        h ^= 0xff; h *= 0x100000001b3ULL;
      }
    }
    db_finalize(p);
  }
  ws_close(pWs);
  return h;
}

TEST(demo_same_seed_same_data){
  char *z1 = test_tmp_path("-d1.ecx"), *z2 = test_tmp_path("-d2.ecx");
  DemoOpts o = {3000, 11, 0, 0};
  DemoSummary s;
  CHECK_INT(demo_create(z1, &o, 0, &s), ECX_OK);
  CHECK_INT(s.nResponse, 3000);
  CHECK_INT(demo_create(z2, &o, 0, &s), ECX_OK);
  uint64_t h1 = ws_checksum(z1), h2 = ws_checksum(z2);
  CHECK(h1!=0 && h1==h2);
  /* An existing workspace with data is refused, --force replaces it. */
  o.seed = 12;
  CHECK_INT(demo_create(z2, &o, 0, &s), ECX_EEXIST);
  CHECK(ws_checksum(z2)==h1);
  CHECK_INT(demo_create(z2, &o, 1, &s), ECX_OK);
  CHECK(ws_checksum(z2)!=h1);
  /* A blank workspace (as ecx init leaves it) may be filled. */
  Workspace *pWs;
  test_remove_ws(z1);
  CHECK_INT(ws_init(z1, 0, &pWs), ECX_OK);
  ws_close(pWs);
  o.nResponse = 0;
  CHECK_INT(demo_create(z1, &o, 0, &s), ECX_EINVAL);
  o.nResponse = DEMO_MAX_RESPONSES + 1;
  CHECK_INT(demo_create(z1, &o, 0, &s), ECX_EINVAL);
  o.nResponse = 50;
  CHECK_INT(demo_create(z1, &o, 0, &s), ECX_OK);
  test_remove_ws(z1);
  test_remove_ws(z2);
  free(z1);
  free(z2);
}

/* One value from a query with no parameters. */
static int64_t q_int(Workspace *pWs, const char *zSql){
  int64_t v = -1;
  if( db_int(pWs->pDb, &v, zSql, 0) ) return -1;
  return v;
}

/* OLS of NPS likelihood on the ten ratings over complete relational
** responses; aBeta[0] is the intercept, aBeta[1+k] dimension k. */
static int fit_drivers(Workspace *pWs, double aBeta[DEMO_NDIM + 1], int64_t *pN){
  Stmt *p;
  int rc = db_prepare(pWs->pDb, &p,
      "SELECT a.response_id, q.type, d.name, a.num FROM answer a"
      " JOIN question q ON q.id=a.question_id JOIN survey s ON s.id=q.survey_id"
      " LEFT JOIN dimension d ON d.id=q.dimension_id"
      " WHERE s.code='relacional' AND q.type IN ('nps','rating') ORDER BY a.response_id");
  if( rc ) return rc;
  int nCap = 1 << 15, nRow = 0;
  double *aX = malloc(sizeof(double) * (DEMO_NDIM + 2) * nCap);
  double aCur[DEMO_NDIM + 2];     /* 0: nps, 1+k: dimension k; NAN missing */
  int64_t cur = -1;
  for(int more = 1; more; ){
    int step = db_step(p);
    more = step==DB_ROW;
    int64_t id = more ? db_column_int(p, 0) : -2;
    if( id!=cur ){
      int complete = cur >= 0;
      for(int i = 0; i <= DEMO_NDIM && complete; i++) complete = !isnan(aCur[i]);
      if( complete && nRow < nCap ) memcpy(&aX[(size_t)nRow++ * (DEMO_NDIM + 2)], aCur, sizeof aCur);
      for(int i = 0; i <= DEMO_NDIM; i++) aCur[i] = NAN;
      cur = id;
    }
    if( !more ) break;
    if( strcmp(db_column_text(p, 1), "nps")==0 ){ aCur[0] = (double)db_column_int(p, 3); continue; }
    for(int k = 0; k < DEMO_NDIM; k++){
      if( strcmp(db_column_text(p, 2), demo_dim_name(k))==0 ) aCur[1 + k] = (double)db_column_int(p, 3);
    }
  }
  db_finalize(p);
  gsl_matrix *X = gsl_matrix_alloc(nRow, DEMO_NDIM + 1), *C = gsl_matrix_alloc(DEMO_NDIM + 1, DEMO_NDIM + 1);
  gsl_vector *y = gsl_vector_alloc(nRow), *b = gsl_vector_alloc(DEMO_NDIM + 1);
  for(int i = 0; i < nRow; i++){
    const double *r = &aX[(size_t)i * (DEMO_NDIM + 2)];
    gsl_vector_set(y, i, r[0]);
    gsl_matrix_set(X, i, 0, 1.0);
    for(int k = 0; k < DEMO_NDIM; k++) gsl_matrix_set(X, i, 1 + k, r[1 + k]);
  }
  double chisq;
  gsl_multifit_linear_workspace *w = gsl_multifit_linear_alloc(nRow, DEMO_NDIM + 1);
  gsl_multifit_linear(X, y, b, C, &chisq, w);
  for(int k = 0; k <= DEMO_NDIM; k++) aBeta[k] = gsl_vector_get(b, k);
  gsl_multifit_linear_free(w);
  gsl_matrix_free(X); gsl_matrix_free(C); gsl_vector_free(y); gsl_vector_free(b);
  free(aX);
  *pN = nRow;
  return ECX_OK;
}

TEST(demo_workspace_recovers_its_model){
  char *z = test_tmp_path("-demo.ecx");
  DemoOpts o = {20000, 2026, 0, 0};
  DemoSummary s;
  CHECK_INT(demo_create(z, &o, 0, &s), ECX_OK);
  Workspace *pWs;
  CHECK_INT(ws_open(z, WS_READONLY, &pWs), ECX_OK);

  /* The three largest true weights, in order, against the OLS estimates:
  ** each must come out in the same rank, above every other dimension. */
  int aTop[3] = {-1, -1, -1};
  for(int j = 0; j < 3; j++){
    for(int k = 0; k < DEMO_NDIM; k++){
      if( k==aTop[0] || k==aTop[1] ) continue;
      if( aTop[j] < 0 || demo_dim_weight(k) > demo_dim_weight(aTop[j]) ) aTop[j] = k;
    }
  }
  CHECK(aTop[0]==D_COBERTURA && aTop[1]==D_RESOLUCION && aTop[2]==D_PRECIO);
  double aBeta[DEMO_NDIM + 1];
  int64_t nFit = 0;
  CHECK_INT(fit_drivers(pWs, aBeta, &nFit), ECX_OK);
  CHECK(nFit > 4000);
  CHECK(aBeta[1 + aTop[0]] > aBeta[1 + aTop[1]]);
  CHECK(aBeta[1 + aTop[1]] > aBeta[1 + aTop[2]]);
  for(int k = 0; k < DEMO_NDIM; k++){
    if( k==aTop[0] || k==aTop[1] || k==aTop[2] ) continue;
    CHECK(aBeta[1 + aTop[2]] > aBeta[1 + k]);
  }

  /* The key-driver analysis (ecx drivers: every dimension, listwise)
  ** ranks the same three first, in the same order, by Shapley share and by
  ** relative weight. */
  {
    Cube *pCube = 0;
    DriversSpec spec;
    DriversResult res;
    int aiPred[DEMO_NDIM], aIdx[DEMO_NDIM];
    memset(&spec, 0, sizeof spec);
    CHECK_INT(cube_load(pWs, &pCube), ECX_OK);
    spec.iOutcome = cube_met_find(pCube, "nps");
    for(int k = 0; k < DEMO_NDIM; k++){
      aIdx[k] = cube_met_find(pCube, demo_dim_name(k));
      CHECK(aIdx[k] >= 0);
      aiPred[spec.nPred++] = aIdx[k];
    }
    spec.aiPred = aiPred;
    spec.dayFrom = INT64_MIN;
    spec.dayTo = INT64_MAX;
    CHECK_INT(drivers_run(pCube, &spec, &res), ECX_OK);
    for(int j = 0; j < 3; j++){
      const DriversPred *d = &res.aPred[aTop[j]];   /* predictors in the order asked: dimension k */
      CHECK_INT(d->rank, j + 1);
      for(int k = 0; k < DEMO_NDIM; k++){
        int isTop = k==aTop[0] || k==aTop[1] || k==aTop[2];
        if( j < 2 && k==aTop[j + 1] ) CHECK(d->rw.raw > res.aPred[k].rw.raw);
        if( !isTop ) CHECK(res.aPred[aTop[2]].rw.raw > res.aPred[k].rw.raw);
      }
    }
    drivers_result_free(&res);
    cube_free(pCube);
  }

  /* NPS of our own responses, plausible range. */
  int64_t nPro = q_int(pWs, "SELECT count(*) FROM answer a JOIN question q ON q.id=a.question_id"
                      " JOIN response r ON r.id=a.response_id"
                      " WHERE q.type='nps' AND r.competitor_id IS NULL AND a.num>=9");
  int64_t nDet = q_int(pWs, "SELECT count(*) FROM answer a JOIN question q ON q.id=a.question_id"
                      " JOIN response r ON r.id=a.response_id"
                      " WHERE q.type='nps' AND r.competitor_id IS NULL AND a.num<=6");
  int64_t nNps = q_int(pWs, "SELECT count(*) FROM answer a JOIN question q ON q.id=a.question_id"
                      " JOIN response r ON r.id=a.response_id"
                      " WHERE q.type='nps' AND r.competitor_id IS NULL");
  double nps = 100.0 * (double)(nPro - nDet) / (double)nNps;
  CHECK(nps > -20 && nps < 60);

  /* Every touchpoint and every month of Nov 2024..Oct 2026 is present. */
  CHECK_INT(q_int(pWs, "SELECT count(DISTINCT touchpoint_id) FROM response"), DEMO_NTP);
  CHECK_INT(q_int(pWs, "SELECT count(DISTINCT strftime('%Y-%m', ts, 'unixepoch')) FROM response"
                       " WHERE ts >= 1730419200 AND ts < 1793491200"), DEMO_NMONTH);
  CHECK_INT(q_int(pWs, "SELECT count(*) FROM response"), 20000);
  /* Benchmark responses: about 8%, and only they name a competitor. */
  int64_t nBench = q_int(pWs, "SELECT count(*) FROM response WHERE competitor_id IS NOT NULL");
  CHECK(nBench > 1300 && nBench < 1900);
  CHECK_INT(q_int(pWs, "SELECT count(*) FROM response r JOIN survey s ON s.id=r.survey_id"
                       " WHERE (s.kind='benchmark') <> (r.competitor_id IS NOT NULL)"), 0);
  /* About 30% have a comment; about 5% of asked ratings are missing. */
  int64_t nText = q_int(pWs, "SELECT count(*) FROM answer a JOIN question q ON q.id=a.question_id"
                       " WHERE q.type='text'");
  CHECK(nText > 5000 && nText < 7000);
  int64_t nRel = q_int(pWs, "SELECT count(*) FROM response r JOIN survey s ON s.id=r.survey_id"
                       " WHERE s.code='relacional'");
  int64_t nRating = q_int(pWs, "SELECT count(*) FROM answer a JOIN question q ON q.id=a.question_id"
                       " JOIN survey s ON s.id=q.survey_id WHERE s.code='relacional' AND q.type='rating'");
  CHECK_NEAR((double)nRating / (double)(nRel * DEMO_NDIM), 0.95, 0.01);
  /* Languages: mostly Spanish, some English and Quechua; no Quechua text. */
  CHECK(q_int(pWs, "SELECT count(*) FROM response WHERE language='es'") > 17000);
  CHECK(q_int(pWs, "SELECT count(*) FROM response WHERE language='en'") > 100);
  CHECK(q_int(pWs, "SELECT count(*) FROM response WHERE language='qu'") > 100);
  CHECK_INT(q_int(pWs, "SELECT count(*) FROM answer a JOIN question q ON q.id=a.question_id"
                       " JOIN response r ON r.id=a.response_id"
                       " WHERE q.type='text' AND r.language='qu'"), 0);
  /* Segments with filters; the organization's name. */
  CHECK_INT(q_int(pWs, "SELECT count(*) FROM segment WHERE filter LIKE '%=%'"), DEMO_NSEG);
  char *zOrg = 0;
  ws_setting_get(pWs, "org_name", &zOrg);
  CHECK_STR(zOrg, "Telco Andina");
  free(zOrg);
  ws_close(pWs);
  test_remove_ws(z);
  free(z);
}
