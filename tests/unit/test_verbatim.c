/*
** Tests of search folding and of the verbatim index: what a Spanish reader
** expects to find (accents and case ignored, words matched from their
** start), filters, NPS bands, newest-first order, paging and appending
** after new responses. Expected matches are worked out by hand from the
** table of comments below.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"
#include "../../src/base/err.h"
#include "../../src/base/fold.h"
#include "../../src/base/util.h"
#include "../../src/engine/cube.h"
#include "../../src/engine/verbatim.h"
#include "../../src/model/entity.h"
#include "../../src/model/store.h"
#include "../../src/report/report.h"

static char *folded(const char *z){
  Buf b;
  buf_init(&b, 4096);
  CHECK_INT(fold_text(&b, z, strlen(z)), ECX_OK);
  return buf_take(&b);
}

TEST(fold_case_accents_words){
  struct { const char *zIn, *zOut; } a[] = {
    {"Atención RÁPIDA, ¡gracias!", " atencion rapida gracias"},
    {"ÑANDÚ año", " nandu ano"},
    {"e\xcc\x81xito", " exito"},                  /* e + combining acute */
    {"  --  ", ""},
    {"Straße ﬁbra", " strasse fibra"},            /* case folding and ligature */
    {"precio:50%", " precio 50"},
    {"bad\xff byte", " bad byte"},                /* invalid UTF-8 separates */
    {"<script>alert(1)</script>", " script alert 1 script"},
    {"g \xcc\x81; x", " g x"},                  /* a mark with no letter: no word (found by fuzzing) */
  };
  for(size_t i = 0; i < sizeof a / sizeof a[0]; i++){
    char *z = folded(a[i].zIn);
    CHECK_STR(z, a[i].zOut);
    free(z);
  }
}

TEST(fold_next_word_ranges){
  const char *z = "¡Qué BUEN servicio!";
  size_t i = 0, s = 0, e = 0;
  Buf w;
  buf_init(&w, 256);
  CHECK(fold_next_word(z, strlen(z), &i, &s, &e, &w));
  CHECK_STR(buf_str(&w), "que");
  CHECK_INT(s, 2);          /* after the two bytes of "¡" */
  CHECK_INT(e, 6);          /* "Qué" is Q, u, and two bytes of é */
  CHECK(fold_next_word(z, strlen(z), &i, &s, &e, &w));
  CHECK_STR(buf_str(&w), "buen");
  CHECK(fold_next_word(z, strlen(z), &i, &s, &e, &w));
  CHECK_STR(buf_str(&w), "servicio");
  CHECK_INT(e, strlen(z) - 1);
  CHECK(!fold_next_word(z, strlen(z), &i, &s, &e, &w));
  buf_free(&w);
}

TEST(verb_terms_words_and_phrases){
  char *z = 0;
  int n = 0;
  CHECK_INT(verb_terms("Precio  \"muy LENTO\" atención", &z, &n), ECX_OK);
  CHECK_INT(n, 3);
  CHECK_STR(z, " precio");
  CHECK_STR(z + 8, " muy lento");
  CHECK_STR(z + 8 + 11, " atencion");
  free(z);
  CHECK_INT(verb_terms("a b c d e f g h i", &z, &n), ECX_EINVAL);
  CHECK_INT(verb_terms("  ", &z, &n), ECX_OK);
  CHECK_INT(n, 0);
  free(z);
}

/* The comments: touchpoint (0 compra, 1 soporte), date, NPS (-1 none),
** comment (NULL none), competitor rating (1). */
static const struct { int tp; const char *zDate; int nps; const char *zText; int comp; } aRow[] = {
  {0, "2026-01-05", 10, "Excelente atención en la tienda", 0},          /* 0 */
  {0, "2026-01-06",  9, 0, 0},                                          /* 1 */
  {1, "2026-01-07",  3, "El PRECIO es muy alto y la atencion lenta", 0},/* 2 */
  {1, "2026-01-08",  7, "Precios razonables", 0},                        /* 3 */
  {0, "2026-01-09",  2, "No me atendieron", 0},                          /* 4 */
  {1, "2026-01-04",  8, "Buena señal, precio justo", 0},                 /* 5: oldest */
  {0, "2026-01-10",  5, "precio del competidor", 1},                     /* 6: a competitor */
  {1, "2026-01-10", -1, "sin nota: precio", 0},                          /* 7 */
};
#define N_ROW ((int)(sizeof aRow / sizeof aRow[0]))

typedef struct VFix { char *zPath; Workspace *pWs; int64_t sv, aTp[2], comp; Question qNps, qTxt; } VFix;

static void vadd(VFix *f, int i){
  AnswerRec a[2];
  ResponseRec r;
  int64_t id = 0, ts = 0;
  int n = 0;
  char zSrc[16];
  memset(&r, 0, sizeof r);
  CHECK_INT(util_parse_time(aRow[i].zDate, &ts), ECX_OK);
  if( aRow[i].nps >= 0 ) a[n++] = (AnswerRec){f->qNps.id, 1, aRow[i].nps, 0};
  if( aRow[i].zText ) a[n++] = (AnswerRec){f->qTxt.id, 0, 0, aRow[i].zText};
  snprintf(zSrc, sizeof zSrc, "v%d", i);
  r.surveyId = f->sv;
  r.touchpointId = f->aTp[aRow[i].tp];
  r.competitorId = aRow[i].comp ? f->comp : 0;
  r.ts = ts;
  r.zSourceId = zSrc;
  r.nAnswer = n;
  r.aAnswer = a;
  CHECK_INT(store_response(f->pWs, &r, &id), ECX_OK);
}

static void vfix_open(VFix *f, int nFirst){
  QuestionDef d;
  memset(f, 0, sizeof *f);
  f->zPath = test_tmp_path(".ecx");
  CHECK_INT(ws_init(f->zPath, 0, &f->pWs), ECX_OK);
  CHECK_INT(ent_ensure(f->pWs, ENT_TOUCHPOINT, "compra", &f->aTp[0]), ECX_OK);
  CHECK_INT(ent_ensure(f->pWs, ENT_TOUCHPOINT, "soporte", &f->aTp[1]), ECX_OK);
  CHECK_INT(ent_ensure(f->pWs, ENT_COMPETITOR, "Movitel", &f->comp), ECX_OK);
  CHECK_INT(survey_ensure(f->pWs, "rel", "relational", &f->sv), ECX_OK);
  memset(&d, 0, sizeof d);
  d.zCode = "nps"; d.type = Q_NPS;
  CHECK_INT(question_ensure(f->pWs, f->sv, &d, &f->qNps), ECX_OK);
  d.zCode = "why"; d.type = Q_TEXT;
  CHECK_INT(question_ensure(f->pWs, f->sv, &d, &f->qTxt), ECX_OK);
  for(int i = 0; i < nFirst; i++) vadd(f, i);
}

static void vfix_close(VFix *f){
  ws_close(f->pWs);
  test_remove_ws(f->zPath);
  free(f->zPath);
}

/* The source rows (aRow indexes) of the hits, as "i,j,k". */
static void hits(const VerbIndex *pIdx, const VerbResult *pR, char *a, size_t n){
  size_t k = 0;
  a[0] = 0;
  for(int h = 0; h < pR->nHit && k < n; h++){
    k += (size_t)snprintf(a + k, n - k, "%s%lld", h ? "," : "", (long long)pIdx->aRow[pR->aHit[h]]);
  }
}

static void run(const VerbIndex *pIdx, const Cube *pC, const char *zSearch, const char *zWhere,
                int band, int64_t iFirst, int nMax, const char *zExpect, int64_t nExpect){
  VerbQuery q;
  VerbResult r;
  CubeWhere w;
  char a[256];
  memset(&q, 0, sizeof q);
  memset(&w, 0, sizeof w);
  q.dayFrom = INT64_MIN; q.dayTo = INT64_MAX;
  q.zSearch = zSearch;
  q.band = (VerbBand)band;
  q.iFirst = iFirst;
  q.nMax = nMax;
  if( zWhere ){
    CHECK_INT(report_where_compile(pC, zWhere, 0, &w), ECX_OK);
    q.pWhere = &w;
  }
  CHECK_INT(verb_query(pIdx, pC, &q, &r), ECX_OK);
  hits(pIdx, &r, a, sizeof a);
  if( strcmp(a, zExpect)!=0 || r.nMatch!=nExpect ){
    test_fail(__FILE__, __LINE__, "search \"%s\" where \"%s\" band %d: hits %s (%lld), expected %s (%lld)",
              zSearch ? zSearch : "", zWhere ? zWhere : "", band, a, (long long)r.nMatch, zExpect, (long long)nExpect);
  }
  verb_result_free(&r);
  cube_where_free(&w);
}

TEST(verbatim_search_filters_order){
  VFix f;
  Cube *pC = 0;
  VerbIndex *pIdx = 0;
  vfix_open(&f, N_ROW);
  CHECK_INT(cube_load(f.pWs, &pC), ECX_OK);
  CHECK_INT(verb_load(f.pWs->pDb, pC, &pIdx), ECX_OK);
  if( !pIdx ){ cube_free(pC); vfix_close(&f); return; }
  /* Rows are responses in id order; row 1 has no comment, row 6 rates a
  ** competitor: 6 comments. Newest first: 7 (01-10), 4 (01-09), 3, 2, 0, 5. */
  CHECK_INT(pIdx->n, 6);
  run(pIdx, pC, 0, 0, 0, 0, 10, "7,4,3,2,0,5", 6);
  /* "precio" starts a word in rows 2 ("PRECIO"), 3 ("Precios"), 5, 7. */
  run(pIdx, pC, "precio", 0, 0, 0, 10, "7,3,2,5", 4);
  /* Accents and case: "ATENCIÓN" finds "atención" and "atencion", not "atendieron". */
  run(pIdx, pC, "ATENCIÓN", 0, 0, 0, 10, "2,0", 2);
  /* Only word starts: "cio" is inside "precio" and finds nothing. */
  run(pIdx, pC, "cio", 0, 0, 0, 10, "", 0);
  /* Every term must be there; a phrase keeps its order. */
  run(pIdx, pC, "precio lenta", 0, 0, 0, 10, "2", 1);
  run(pIdx, pC, "\"precio justo\"", 0, 0, 0, 10, "5", 1);
  run(pIdx, pC, "\"justo precio\"", 0, 0, 0, 10, "", 0);
  /* Filters: touchpoint, and the NPS bands (row 7 has no NPS). */
  run(pIdx, pC, "precio", "touchpoint=soporte", 0, 0, 10, "7,3,2,5", 4);
  run(pIdx, pC, 0, "touchpoint=compra", 0, 0, 10, "4,0", 2);
  run(pIdx, pC, 0, 0, VERB_BAND_DETRACTOR, 0, 10, "4,2", 2);
  run(pIdx, pC, 0, 0, VERB_BAND_PASSIVE, 0, 10, "3,5", 2);
  run(pIdx, pC, 0, 0, VERB_BAND_PROMOTER, 0, 10, "0", 1);
  /* Paging: the window moves, the count stays. */
  run(pIdx, pC, 0, 0, 0, 2, 2, "3,2", 6);
  run(pIdx, pC, 0, 0, 0, 6, 2, "", 6);
  verb_free(pIdx);
  cube_free(pC);
  vfix_close(&f);
}

TEST(verbatim_update_appends){
  VFix f;
  Cube *pC = 0;
  VerbIndex *pIdx = 0;
  int64_t nAdded = 0;
  vfix_open(&f, 4);
  CHECK_INT(cube_load(f.pWs, &pC), ECX_OK);
  CHECK_INT(verb_load(f.pWs->pDb, pC, &pIdx), ECX_OK);
  if( !pIdx ){ cube_free(pC); vfix_close(&f); return; }
  CHECK_INT(pIdx->n, 3);
  for(int i = 4; i < N_ROW; i++) vadd(&f, i);
  /* The index follows the cube, not the database. */
  CHECK_INT(verb_update(pIdx, f.pWs->pDb, pC), ECX_OK);
  CHECK_INT(pIdx->n, 3);
  CHECK_INT(cube_refresh(pC, f.pWs, &nAdded), ECX_OK);
  CHECK_INT(nAdded, 4);
  CHECK_INT(verb_update(pIdx, f.pWs->pDb, pC), ECX_OK);
  CHECK_INT(pIdx->n, 6);
  /* The older row 5 (01-04) merged into its place by date. */
  run(pIdx, pC, 0, 0, 0, 0, 10, "7,4,3,2,0,5", 6);
  run(pIdx, pC, "precio", 0, 0, 0, 10, "7,3,2,5", 4);
  verb_free(pIdx);
  cube_free(pC);
  vfix_close(&f);
}

/* cube_count: rows accepted, counted by hand from aRow and against a scan. */
TEST(cube_count_matches_hand_and_scan){
  VFix f;
  Cube *pC = 0;
  vfix_open(&f, N_ROW);
  CHECK_INT(cube_load(f.pWs, &pC), ECX_OK);
  struct { const char *zWhere, *zFrom, *zTo; int bench; int64_t n; } a[] = {
    {0, 0, 0, 0, 7},                          /* 8 rows, one rates a competitor */
    {0, 0, 0, 1, 8},                          /* with benchmark rows */
    {"touchpoint=compra", 0, 0, 0, 3},        /* rows 0, 1, 4 */
    {"touchpoint=soporte", 0, 0, 0, 4},       /* rows 2, 3, 5, 7 */
    {0, "2026-01-06", "2026-01-09", 0, 4},    /* rows 1, 2, 3, 4 */
    {"touchpoint=soporte", "2026-01-08", 0, 0, 2},  /* rows 3, 7 */
    {0, "2026-02-01", 0, 0, 0},               /* after every row */
  };
  for(size_t i = 0; i < sizeof a / sizeof a[0]; i++){
    CubeQuery q;
    CubeWhere w;
    CubeResult r;
    int64_t n = -1;
    memset(&q, 0, sizeof q);
    memset(&w, 0, sizeof w);
    q.dayFrom = INT64_MIN; q.dayTo = INT64_MAX;
    if( a[i].zFrom ) CHECK_INT(report_parse_day(a[i].zFrom, "from", &q.dayFrom), ECX_OK);
    if( a[i].zTo ) CHECK_INT(report_parse_day(a[i].zTo, "to", &q.dayTo), ECX_OK);
    if( a[i].zWhere ){ CHECK_INT(report_where_compile(pC, a[i].zWhere, 0, &w), ECX_OK); q.pWhere = &w; }
    q.withBenchmark = a[i].bench;
    CHECK_INT(cube_count(pC, &q, &n), ECX_OK);
    CHECK_INT(n, a[i].n);
    CHECK_INT(cube_query(pC, &q, &r), ECX_OK);
    CHECK_INT(r.nGroup ? r.aRows[0] : 0, a[i].n);
    cube_result_free(&r);
    cube_where_free(&w);
  }
  cube_free(pC);
  vfix_close(&f);
}
