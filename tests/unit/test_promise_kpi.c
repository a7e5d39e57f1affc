/*
** Tests of the promise's KPIs, touchpoint matrix, alerts and area
** alignment (frameworks/promise_kpi.h): the status rule on given
** intervals, and a small workspace whose figures are computed here, from
** the rows, with the textbook formulas (Student t, Wilson, adjusted Wald)
** and checked against literal values worked out in the comments.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "../../src/base/err.h"
#include "../../src/base/util.h"
#include "../../src/engine/cube.h"
#include "../../src/frameworks/feasibility.h"
#include "../../src/frameworks/promise_kpi.h"
#include "../../src/model/entity.h"
#include "../../src/model/store.h"

static Estimate est(int64_t n, double v, double lo, double hi){
  Estimate e = {n, v, lo, hi, 1};
  return e;
}

TEST(promise_kpi_status_rule){
  Estimate e;
  /* The interval [3.2, 3.9] lies wholly below 4: significantly below. */
  e = est(10, 3.6, 3.2, 3.9);
  CHECK_INT(promise_kpi_status(&e, 4, 5), KPI_BELOW);
  /* [3.2, 4.2] reaches 4 while 3.6 < 4: below, not significantly. */
  e = est(10, 3.6, 3.2, 4.2);
  CHECK_INT(promise_kpi_status(&e, 4, 5), KPI_NOT_SIG);
  /* An upper end exactly at the target is not "wholly below". */
  e = est(10, 3.6, 3.2, 4.0);
  CHECK_INT(promise_kpi_status(&e, 4, 5), KPI_NOT_SIG);
  /* The estimate at the target reaches it. */
  e = est(10, 4.0, 3.5, 4.5);
  CHECK_INT(promise_kpi_status(&e, 4, 5), KPI_ON_TARGET);
  e = est(10, 4.8, 4.5, 5.0);
  CHECK_INT(promise_kpi_status(&e, 4, 5), KPI_ON_TARGET);
  /* NPS -10 with [-25, -2] against a target of 0: below. */
  e = est(200, -10, -25, -2);
  CHECK_INT(promise_kpi_status(&e, 0, 5), KPI_BELOW);
  /* Fewer answers than min_n, no interval (n = 1), nothing: no data. */
  e = est(4, 1.0, 0.5, 1.5);
  CHECK_INT(promise_kpi_status(&e, 4, 5), KPI_NO_DATA);
  e = est(1, 1.0, NAN, NAN);
  CHECK_INT(promise_kpi_status(&e, 4, 1), KPI_NO_DATA);
  e = est(0, NAN, NAN, NAN); e.ok = 0;
  CHECK_INT(promise_kpi_status(&e, 4, 1), KPI_NO_DATA);
  /* No target: nothing to compare with. */
  e = est(10, 3.6, 3.2, 3.9);
  CHECK_INT(promise_kpi_status(&e, NAN, 5), KPI_NO_TARGET);
}

TEST(promise_kpi_months){
  int64_t k = 0;
  CHECK_INT(promise_kpi_month("2026-03", &k), ECX_OK);
  CHECK_INT(k, 2026*12 + 2);
  CHECK_INT(promise_kpi_month("", &k), ECX_ENOTFOUND);
  CHECK_INT(promise_kpi_month("2026-13", &k), ECX_EINVAL);
  CHECK_INT(promise_kpi_month("2026-3", &k), ECX_EINVAL);
  CHECK_INT(promise_kpi_month("26-03-01", &k), ECX_EINVAL);
  err_clear();
}

/* ---- A workspace with known rows. ---- */

enum { TP_NONE, TP_CALL, TP_TIENDA, TP_WEB };
enum { D_RAP, D_AMA, D_PRE, D_APP, N_D };
static const char *azD[N_D] = {"Rapidez", "Amabilidad", "Precio", "App"};

typedef struct Row { int tp; const char *zMonth; int empresas; int aD[3]; int nps; } Row;
/* Ratings of Rapidez, Amabilidad, Precio (-1: unanswered) and the NPS answer. */
static const Row aRow[] = {
  {TP_CALL,   "2026-01", 1, {2, 5, 3}, 3},
  {TP_CALL,   "2026-01", 1, {3, 4, 4}, 6},
  {TP_CALL,   "2026-01", 1, {2, 5, -1}, 9},
  {TP_CALL,   "2026-02", 1, {3, 3, 2}, 10},
  {TP_CALL,   "2026-02", 1, {2, 5, 3}, 5},
  {TP_CALL,   "2026-03", 1, {3, 4, 4}, 7},
  {TP_TIENDA, "2026-01", 1, {5, 2, 4}, 10},
  {TP_TIENDA, "2026-02", 1, {4, 3, 5}, 9},
  {TP_TIENDA, "2026-02", 1, {5, 2, 4}, 8},
  {TP_TIENDA, "2026-03", 1, {5, 5, -1}, 10},
  {TP_TIENDA, "2026-03", 1, {4, 4, 5}, 9},
  {TP_WEB,    "2026-03", 1, {4, 5, 3}, 9},
  {TP_CALL,   "2024-12", 1, {1, 1, 1}, 0},   /* outside every window */
  {TP_NONE,   "2026-02", 1, {1, 1, 1}, 0},   /* no touchpoint: in the KPIs, in no cell */
  {TP_CALL,   "2026-02", 0, {5, 5, 5}, 10},  /* not in the segment */
  {TP_TIENDA, "2026-03", 0, {1, 1, 1}, 0},   /* not in the segment */
};
#define N_ROWS ((int)(sizeof aRow / sizeof aRow[0]))

typedef struct Fix {
  char *zPath;
  Workspace *pWs;
  Cube *pCube;
  Promise pr;
  int64_t aArea[4];   /* Comercial, Legal, Operaciones, TI */
} Fix;

static void fix_open(Fix *f){
  static const char *azTp[] = {"", "Call center", "Tienda", "Web"};
  static const char *azArea[] = {"Comercial", "Legal", "Operaciones", "TI"};
  int64_t surveyId, attrId, aTp[4] = {0, 0, 0, 0}, id, dimPre = 0;
  Question aQ[5];
  QuestionDef def;
  memset(f, 0, sizeof *f);
  f->zPath = test_tmp_path("-kpi.ecx");
  CHECK_INT(ws_init(f->zPath, 0, &f->pWs), ECX_OK);
  Db *pDb = f->pWs->pDb;
  CHECK_INT(survey_ensure(f->pWs, "rel", "relational", &surveyId), ECX_OK);
  memset(&def, 0, sizeof def);
  def.zCode = "nps"; def.type = Q_NPS;
  CHECK_INT(question_ensure(f->pWs, surveyId, &def, &aQ[0]), ECX_OK);
  for(int j=0; j<N_D; j++){
    def.zCode = azD[j]; def.type = Q_RATING; def.scaleMin = 1; def.scaleMax = 5; def.zDimension = azD[j];
    CHECK_INT(question_ensure(f->pWs, surveyId, &def, &aQ[1 + j]), ECX_OK);
  }
  /* Created Tienda, Web, Call center; positions put Call center first. */
  CHECK_INT(ent_ensure(f->pWs, ENT_TOUCHPOINT, azTp[TP_TIENDA], &aTp[TP_TIENDA]), ECX_OK);
  CHECK_INT(ent_ensure(f->pWs, ENT_TOUCHPOINT, azTp[TP_WEB], &aTp[TP_WEB]), ECX_OK);
  CHECK_INT(ent_ensure(f->pWs, ENT_TOUCHPOINT, azTp[TP_CALL], &aTp[TP_CALL]), ECX_OK);
  CHECK_INT(db_exec(pDb, "UPDATE touchpoint SET position=CASE name WHEN 'Call center' THEN 1"
                         " WHEN 'Tienda' THEN 2 ELSE 3 END"), ECX_OK);
  for(int i=0; i<4; i++) CHECK_INT(ent_ensure(f->pWs, ENT_AREA, azArea[i], &f->aArea[i]), ECX_OK);
  CHECK_INT(ent_ensure(f->pWs, ENT_ATTRIBUTE, "plan", &attrId), ECX_OK);
  CHECK_INT(db_exec(pDb, "INSERT INTO segment(name, filter) VALUES('Empresas', 'plan=empresas')"), ECX_OK);
  CHECK_INT(db_begin(pDb), ECX_OK);
  for(int i=0; i<N_ROWS; i++){
    const Row *r = &aRow[i];
    AnswerRec a[4];
    ResponseRec rec;
    char zSrc[16], zDay[16];
    int n = 0;
    a[n++] = (AnswerRec){aQ[0].id, 1, r->nps, 0};
    for(int j=0; j<3; j++) if( r->aD[j]>=0 ) a[n++] = (AnswerRec){aQ[1 + j].id, 1, r->aD[j], 0};
    memset(&rec, 0, sizeof rec);
    CHECK_INT(store_respondent(f->pWs, 0, &rec.respondentId), ECX_OK);
    CHECK_INT(store_respondent_attr(f->pWs, rec.respondentId, attrId, r->empresas ? "empresas" : "hogar"), ECX_OK);
    snprintf(zSrc, sizeof zSrc, "r%d", i);
    snprintf(zDay, sizeof zDay, "%s-%02d", r->zMonth, 1 + i % 27);
    CHECK_INT(util_parse_time(zDay, &rec.ts), ECX_OK);
    rec.ts += 12*3600;
    rec.surveyId = surveyId;
    rec.touchpointId = aTp[r->tp];
    rec.zSourceId = zSrc;
    rec.nAnswer = n;
    rec.aAnswer = a;
    CHECK_INT(store_response(f->pWs, &rec, &id), ECX_OK);
  }
  CHECK_INT(db_commit(pDb), ECX_OK);
  /* TI rated Precio short 4, medium 5; Legal rated nothing. */
  CHECK_INT(ent_find(f->pWs, ENT_DIMENSION, "Precio", &dimPre), ECX_OK);
  CHECK_INT(feas_set(f->pWs, f->aArea[3], dimPre, "short", 4, "tarifario nuevo", 0), ECX_OK);
  CHECK_INT(feas_set(f->pWs, f->aArea[3], dimPre, "medium", 5, "", 0), ECX_OK);
  f->pr.zName = ecx_strdup("Empresas sin esperas");
  f->pr.zSegment = ecx_strdup("Empresas");
  f->pr.zWhere = ecx_strdup("");
  f->pr.zTagline = ecx_strdup("Rápido, siempre");
  for(int j=0; j<N_D; j++) f->pr.azDim[f->pr.nDim++] = ecx_strdup(azD[j]);
  f->pr.w.rel = f->pr.w.dif = f->pr.w.fea = 1;
  CHECK_INT(promise_save(f->pWs, &f->pr, 0), ECX_OK);
  CHECK_INT(cube_load(f->pWs, &f->pCube), ECX_OK);
}

static void fix_close(Fix *f){
  cube_free(f->pCube);
  promise_clear(&f->pr);
  ws_close(f->pWs);
  test_remove_ws(f->zPath);
  free(f->zPath);
}

static PromiseKpi kpi(const char *zDim, KpiMetric m, double target, int64_t area, const char *zFrom, const char *zTo){
  PromiseKpi k;
  memset(&k, 0, sizeof k);
  k.zDim = (char*)zDim; k.metric = m; k.target = target; k.areaId = area;
  k.zFrom = (char*)zFrom; k.zTo = (char*)zTo;
  return k;
}

/* Student t quantiles t(0.975, df), df = 1..12 (published tables). */
static const double aT975[13] = {NAN, 12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912,
                                 2.364624, 2.306004, 2.262157, 2.228139, 2.200985, 2.178813};

/* Row i counts for a figure: in the segment, in months [zFrom, zTo] (by
** text comparison of "YYYY-MM"), at touchpoint tp (-1: any). */
static int row_in(int i, const char *zFrom, const char *zTo, int tp){
  const Row *r = &aRow[i];
  return r->empresas && strcmp(r->zMonth, zFrom)>=0 && strcmp(r->zMonth, zTo)<=0 && (tp<0 || r->tp==tp);
}

/* Mean and t interval of dimension j over the rows that count. */
static Estimate by_hand_mean(int j, const char *zFrom, const char *zTo, int tp){
  double s = 0, ss = 0, h;
  int n = 0;
  for(int i=0; i<N_ROWS; i++){
    if( !row_in(i, zFrom, zTo, tp) || aRow[i].aD[j]<0 ) continue;
    n++; s += aRow[i].aD[j]; ss += aRow[i].aD[j]*aRow[i].aD[j];
  }
  h = n>1 ? aT975[n - 1]*sqrt((ss - s*s/n)/(n - 1)/n) : NAN;
  return est(n, n ? s/n : NAN, s/n - h, s/n + h);
}

/* Share of 4-5 of dimension j with the Wilson interval, in %. */
static Estimate by_hand_top2(int j, const char *zFrom, const char *zTo, int tp){
  double z = 1.959963984540054, p, c, h;
  int n = 0, k = 0;
  for(int i=0; i<N_ROWS; i++){
    if( !row_in(i, zFrom, zTo, tp) || aRow[i].aD[j]<0 ) continue;
    n++; k += aRow[i].aD[j]>=4;
  }
  p = (double)k/n;
  c = (p + z*z/(2*n))/(1 + z*z/n);
  h = z*sqrt(p*(1 - p)/n + z*z/(4.0*n*n))/(1 + z*z/n);
  return est(n, 100*p, 100*(c - h), 100*(c + h));
}

/* NPS with the adjusted-Wald interval (0.75 added to promoters and to
** detractors, 3 to n). */
static Estimate by_hand_nps(const char *zFrom, const char *zTo, int tp){
  double z = 1.959963984540054, pa, da, v;
  int n = 0, pro = 0, det = 0;
  for(int i=0; i<N_ROWS; i++){
    if( !row_in(i, zFrom, zTo, tp) ) continue;
    n++; pro += aRow[i].nps>=9; det += aRow[i].nps<=6;
  }
  pa = (pro + 0.75)/(n + 3.0);
  da = (det + 0.75)/(n + 3.0);
  v = (pa + da - (pa - da)*(pa - da))/(n + 3.0);
  return est(n, 100.0*(pro - det)/n, 100*(pa - da - z*sqrt(v)), 100*(pa - da + z*sqrt(v)));
}

static void check_est(const KpiValue *v, Estimate e, const char *zWhat){
  if( v->e.n!=e.n ) test_fail(__FILE__, __LINE__, "%s: n %lld, expected %lld", zWhat, (long long)v->e.n, (long long)e.n);
  CHECK_NEAR(v->e.value, e.value, 1e-9);
  CHECK_NEAR(v->e.lo, e.lo, 1e-5);
  CHECK_NEAR(v->e.hi, e.hi, 1e-5);
}

TEST(promise_kpi_store_and_check){
  Fix f;
  PromiseKpi k, *a = 0;
  int n = 0;
  fix_open(&f);
  k = kpi("Rapidez", KPI_MEAN, 11, f.aArea[2], "", "");
  CHECK_INT(promise_kpi_set(f.pWs, &f.pr, &k, 0), ECX_EINVAL);     /* a mean target of 11 */
  k = kpi("Cobertura", KPI_MEAN, 4, f.aArea[2], "", "");
  CHECK_INT(promise_kpi_set(f.pWs, &f.pr, &k, 0), ECX_EINVAL);     /* not a promise dimension */
  k = kpi("Rapidez", KPI_NPS, -101, f.aArea[2], "", "");
  CHECK_INT(promise_kpi_set(f.pWs, &f.pr, &k, 0), ECX_EINVAL);
  k = kpi("Rapidez", KPI_MEAN, 4, 999, "", "");
  CHECK_INT(promise_kpi_set(f.pWs, &f.pr, &k, 0), ECX_ENOTFOUND);  /* no such area */
  k = kpi("Rapidez", KPI_MEAN, 4, f.aArea[2], "2026-03", "2026-01");
  CHECK_INT(promise_kpi_set(f.pWs, &f.pr, &k, 0), ECX_EINVAL);     /* from after to */
  k = kpi("Rapidez", KPI_MEAN, 4, f.aArea[2], "2026-1", "");
  CHECK_INT(promise_kpi_set(f.pWs, &f.pr, &k, 0), ECX_EINVAL);
  err_clear();
  k = kpi("Amabilidad", KPI_TOP2, 70, f.aArea[0], "", "");
  CHECK_INT(promise_kpi_set(f.pWs, &f.pr, &k, 0), ECX_OK);
  k = kpi("Rapidez", KPI_MEAN, 4, f.aArea[2], "2026-01", "2026-03");
  CHECK_INT(promise_kpi_set(f.pWs, &f.pr, &k, 0), ECX_OK);
  k = kpi("Amabilidad", KPI_TOP2, 80, f.aArea[2], "2026-02", "2026-03");
  CHECK_INT(promise_kpi_set(f.pWs, &f.pr, &k, 0), ECX_OK);           /* replaces the first */
  CHECK_INT(promise_kpi_list(f.pWs, &f.pr, &a, &n), ECX_OK);
  CHECK_INT(n, 2);
  if( n==2 ){
    CHECK_STR(a[0].zDim, "Rapidez");      /* in the promise's order */
    CHECK_STR(a[1].zDim, "Amabilidad");
    CHECK_NEAR(a[1].target, 80, 0);
    CHECK_STR(a[1].zArea, "Operaciones");
    CHECK_STR(a[1].zFrom, "2026-02");
  }
  promise_kpi_list_free(a, n);
  int64_t nAudit = 0;
  CHECK_INT(db_int(f.pWs->pDb, &nAudit, "SELECT count(*) FROM audit WHERE action='promise_kpi_set'", 0), ECX_OK);
  CHECK_INT(nAudit, 3);
  CHECK_INT(promise_kpi_delete(f.pWs, f.pr.id, "Amabilidad", 0), ECX_OK);
  CHECK_INT(promise_kpi_delete(f.pWs, f.pr.id, "Amabilidad", 0), ECX_ENOTFOUND);
  err_clear();
  fix_close(&f);
}

TEST(promise_kpi_eval_by_hand){
  Fix f;
  PromiseKpi *a = 0, k;
  PromiseEval e;
  PromiseArea *aA = 0;
  int n = 0, nA = 0;
  fix_open(&f);
  k = kpi("Rapidez", KPI_MEAN, 4.5, f.aArea[2], "2026-01", "2026-03");
  CHECK_INT(promise_kpi_set(f.pWs, &f.pr, &k, 0), ECX_OK);
  k = kpi("Amabilidad", KPI_TOP2, 80, f.aArea[2], "2026-02", "2026-03");
  CHECK_INT(promise_kpi_set(f.pWs, &f.pr, &k, 0), ECX_OK);
  k = kpi("App", KPI_NPS, 30, f.aArea[0], "", "2026-03");   /* 2025-04..2026-03 */
  CHECK_INT(promise_kpi_set(f.pWs, &f.pr, &k, 0), ECX_OK);
  CHECK_INT(promise_kpi_list(f.pWs, &f.pr, &a, &n), ECX_OK);
  CHECK_INT(promise_eval(f.pCube, f.pWs, &f.pr, a, n, 3, &e), ECX_OK);

  CHECK_INT(e.nDim, 4);
  /* Rapidez, 2026-01..03, Empresas (13 rows, the one without touchpoint
  ** included): 2,3,2,3,2,3,5,4,5,5,4,4,1: sum 43, mean 3.307692; sum of
  ** squares 163, variance (163 - 43²/13)/12 = 1.730769, se 0.364877,
  ** t(.975, 12) = 2.178813: [2.512696, 4.102689]. 4.10 < 4.5: below. */
  check_est(&e.aDim[D_RAP].cur, by_hand_mean(0, "2026-01", "2026-03", -1), "rapidez");
  CHECK_NEAR(e.aDim[D_RAP].cur.e.value, 43.0/13, 1e-12);
  CHECK_NEAR(e.aDim[D_RAP].cur.e.hi, 4.102689, 1e-5);
  CHECK_INT(e.aDim[D_RAP].cur.status, KPI_BELOW);
  /* Its trend: January 2,3,2,5 (mean 3); February 3,2,4,5,1 (3); March
  ** 3,5,4,4 (4). */
  CHECK_INT(e.aDim[D_RAP].nMonth, 3);
  if( e.aDim[D_RAP].nMonth==3 ){
    CHECK_INT(e.aDim[D_RAP].aMonth[0].e.n, 4); CHECK_NEAR(e.aDim[D_RAP].aMonth[0].e.value, 3, 1e-12);
    CHECK_INT(e.aDim[D_RAP].aMonth[1].e.n, 5); CHECK_NEAR(e.aDim[D_RAP].aMonth[1].e.value, 3, 1e-12);
    CHECK_INT(e.aDim[D_RAP].aMonth[2].e.n, 4); CHECK_NEAR(e.aDim[D_RAP].aMonth[2].e.value, 4, 1e-12);
    check_est(&e.aDim[D_RAP].aMonth[1], by_hand_mean(0, "2026-02", "2026-02", -1), "rapidez feb");
  }
  /* Amabilidad top-2-box, Feb-Mar: 3,5,4,3,2,5,4,5,1: 5 of 9 = 55.6%,
  ** Wilson [26.67, 81.13]: 81.1 >= 80 -> not significantly below. */
  check_est(&e.aDim[D_AMA].cur, by_hand_top2(1, "2026-02", "2026-03", -1), "amabilidad");
  CHECK_NEAR(e.aDim[D_AMA].cur.e.value, 500.0/9, 1e-9);
  CHECK_INT(e.aDim[D_AMA].cur.status, KPI_NOT_SIG);
  /* Precio has no KPI: its mean over the last 12 months (2025-04..2026-03),
  ** 11 answers, sum 38; no target. */
  CHECK(e.aDim[D_PRE].pKpi==0);
  check_est(&e.aDim[D_PRE].cur, by_hand_mean(2, "2025-04", "2026-03", -1), "precio");
  CHECK_NEAR(e.aDim[D_PRE].cur.e.value, 38.0/11, 1e-12);
  CHECK_INT(e.aDim[D_PRE].cur.status, KPI_NO_TARGET);
  CHECK_INT(e.aDim[D_PRE].nMonth, 12);
  /* App is measured by the NPS: 13 answers, 7 promoters, 4 detractors:
  ** 23.08; adjusted Wald on 16: centre (7.75 - 4.75)/16 = 0.1875. */
  check_est(&e.aDim[D_APP].cur, by_hand_nps("2025-04", "2026-03", -1), "nps");
  CHECK_NEAR(e.aDim[D_APP].cur.e.value, 300.0/13, 1e-9);
  CHECK_INT(e.aDim[D_APP].cur.status, KPI_NOT_SIG);

  /* The matrix: touchpoints by position, Call center, Tienda, Web. */
  CHECK_INT(e.nTp, 3);
  if( e.nTp==3 ){
    CHECK_STR(e.azTp[0], "Call center");
    CHECK_STR(e.azTp[1], "Tienda");
    CHECK_STR(e.azTp[2], "Web");
    /* Call center x Rapidez: 2,3,2,3,2,3: mean 2.5, sd √0.3, t(.975, 5) =
    ** 2.570582: 2.5 ± 2.570582·√0.05 = [1.925201, 3.074799]: below 4.5. */
    const KpiValue *c = &e.aCell[0*N_D + D_RAP];
    CHECK_NEAR(c->e.value, 2.5, 1e-12);
    CHECK_NEAR(c->e.lo, 2.5 - 2.570582*sqrt(0.05), 1e-5);
    CHECK_INT(c->status, KPI_BELOW);
    check_est(c, by_hand_mean(0, "2026-01", "2026-03", TP_CALL), "call rapidez");
    /* Web has one answer each: under min_n 3, suppressed. */
    for(int k2=0; k2<N_D; k2++){
      CHECK_INT(e.aCell[2*N_D + k2].status, KPI_NO_DATA);
      CHECK_INT(e.aCell[2*N_D + k2].hidden, 0);
    }
    /* Complementary suppression: each KPI shows its column's total, which
    ** less the shown cells would give Web's one answer away. So in every
    ** column the smallest shown cell is hidden too, after which 4 or more
    ** answers are hidden (>= 3). Answers per column, Call center,
    ** Tienda, Web: Rapidez 6, 5, 1 -> Tienda; Amabilidad (Feb-Mar) 3, 4, 1 ->
    ** Call center; Precio 5, 4, 1 -> Tienda; App (NPS) 6, 5, 1 -> Tienda. */
    static const int aHiddenTp[N_D] = {1, 0, 1, 1};
    for(int k2=0; k2<N_D; k2++){
      for(int i=0; i<2; i++){
        const KpiValue *v = &e.aCell[i*N_D + k2];
        CHECK_INT(v->hidden, i==aHiddenTp[k2]);
        if( i==aHiddenTp[k2] ) CHECK_INT(v->status, KPI_NO_DATA);
        else CHECK(v->status!=KPI_NO_DATA);
      }
    }
    CHECK_INT(e.aCell[1*N_D + D_RAP].e.n, 5);
    CHECK_INT(e.aCell[0*N_D + D_AMA].e.n, 3);
    CHECK_INT(e.aCell[1*N_D + D_PRE].e.n, 4);
    CHECK_INT(e.aCell[1*N_D + D_APP].e.n, 5);
    /* The hidden cells' figures are still those computed by hand (what is
    ** shown of them is decided by their status). Tienda x Rapidez:
    ** 5,4,5,5,4: 4.6. Call center x Amabilidad, Feb-Mar: 3,5,4: 2 of 3.
    ** Tienda x App (NPS): 10,9,8,10,9 -> 80. */
    CHECK_NEAR(e.aCell[1*N_D + D_RAP].e.value, 4.6, 1e-12);
    check_est(&e.aCell[0*N_D + D_AMA], by_hand_top2(1, "2026-02", "2026-03", TP_CALL), "call amabilidad");
    check_est(&e.aCell[1*N_D + D_APP], by_hand_nps("2025-04", "2026-03", TP_TIENDA), "tienda nps");
    CHECK_NEAR(e.aCell[1*N_D + D_APP].e.value, 80, 1e-9);
    /* Call center x App, shown: 3,6,9,10,5,7: 2 promoters, 3 detractors of
    ** 6: -16.7. */
    check_est(&e.aCell[0*N_D + D_APP], by_hand_nps("2025-04", "2026-03", TP_CALL), "call nps");
    CHECK_NEAR(e.aCell[0*N_D + D_APP].e.value, -100.0/6, 1e-9);
    check_est(&e.aCell[0*N_D + D_PRE], by_hand_mean(2, "2025-04", "2026-03", TP_CALL), "call precio");
    /* The months of every trend have 3 or more answers: none hidden. */
    for(int k2=0; k2<N_D; k2++){
      for(int m=0; m<e.aDim[k2].nMonth; m++) CHECK_INT(e.aDim[k2].aMonth[m].hidden, 0);
    }
  }
  /* Alerts: the Rapidez KPI, then the Call center x Rapidez cell. */
  CHECK_INT(e.nAlert, 2);
  if( e.nAlert==2 ){
    CHECK_INT(e.aAlert[0].iDim, D_RAP); CHECK_INT(e.aAlert[0].iTp, -1);
    CHECK_INT(e.aAlert[1].iDim, D_RAP); CHECK_INT(e.aAlert[1].iTp, 0);
    CHECK_NEAR(promise_alert_value(&e, &e.aAlert[1])->e.value, 2.5, 1e-12);
  }

  /* Areas by name: Comercial owns the App KPI (not significant); Legal
  ** affects nothing; Operaciones owns Rapidez (below) and Amabilidad (not
  ** significant); TI rated Precio 4 and 5. */
  CHECK_INT(promise_areas(f.pWs, &f.pr, &e, 0, &aA, &nA), ECX_OK);
  CHECK_INT(nA, 4);
  if( nA==4 ){
    CHECK_STR(aA[0].zName, "Comercial");
    CHECK_INT(aA[0].nDim, 1); CHECK_INT(aA[0].aDim[0].iDim, D_APP); CHECK_INT(aA[0].nNotSig, 1);
    CHECK_INT(aA[1].nDim, 0);
    CHECK_INT(aA[2].nDim, 2); CHECK_INT(aA[2].nKpi, 2); CHECK_INT(aA[2].nBelow, 1); CHECK_INT(aA[2].nNotSig, 1);
    CHECK_INT(aA[3].nDim, 1); CHECK_INT(aA[3].aDim[0].iDim, D_PRE); CHECK_INT(aA[3].aDim[0].ownsKpi, 0);
    CHECK_INT(aA[3].aDim[0].feaShort, 4); CHECK_INT(aA[3].aDim[0].feaMedium, 5);
    CHECK_STR(aA[3].aDim[0].zComment, "tarifario nuevo");
  }
  promise_areas_free(aA, nA);
  CHECK_INT(promise_areas(f.pWs, &f.pr, &e, f.aArea[3], &aA, &nA), ECX_OK);
  CHECK_INT(nA, 1);
  if( nA==1 ) CHECK_STR(aA[0].zName, "TI");
  promise_areas_free(aA, nA);

  promise_eval_free(&e);
  promise_kpi_list_free(a, n);
  fix_close(&f);
}
