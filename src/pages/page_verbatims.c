/*
** The verbatims page (/verbatims): open-text answers, newest first, with a
** word search (case and accents ignored, docs/dashboards.md), the
** dashboards' filters (segment, dates, where) and its own (touchpoint,
** channel, NPS band), 25 to a page. Each comment shows its date,
** touchpoint, channel and NPS score; search words are marked. format=csv
** gives the matching comments (at most VERB_CSV_MAX, newest first) as CSV.
** Front-line users see only their touchpoints' comments. When fewer
** responses than the workspace's min_n match the filters, no comment is
** shown: the group is suppressed, as on the other pages.
**
** The search runs over the in-memory verbatim index (src/engine/verbatim.h),
** never over the answer table; only the comments shown are read from the
** database, by primary key.
*/
#include <stdlib.h>
#include <string.h>

#include "pages.h"
#include "dash_int.h"
#include "../base/err.h"
#include "../base/fold.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../engine/cube_int.h"

#define VERB_PAGE     25
#define VERB_CSV_MAX  10000
#define VERB_MAX_PAGE 1000000

typedef struct VerbPage {
  HttpReq *p;
  const Cube *pC;
  const VerbIndex *pIdx;
  DashParams d;            /* as the user wrote them: for the form and links */
  Buf where;               /* the filter applied: where, touchpoint, channel (and d.zScope) */
  int64_t page;            /* 1-based */
  char *zTerms;            /* folded search terms, for marking */
  int nTerm;
  int iNps, iTp, iCh, iSurvey;   /* cube metric and columns, or -1 */
  int64_t nCode;           /* distinct codes of text questions: shown when > 1 */
} VerbPage;

/* The original text of entry e (owned by the request), or "". */
static const char *entry_text(VerbPage *v, int64_t e){
  Stmt *s = 0;
  const char *z = "";
  if( db_cached(v->p->pWs->pDb, &s, "SELECT txt FROM answer WHERE question_id=?1 AND response_id=?2") ) return z;
  db_bind_int(s, 1, v->pIdx->aQuestion[e]);
  db_bind_int(s, 2, v->pIdx->aResp[e]);
  if( db_step(s)==DB_ROW ) z = http_strdup(v->p, db_column_text(s, 0));
  db_reset(s);
  return z;
}

/* The code of question qId (owned by the request), or "". */
static const char *question_code(VerbPage *v, int64_t qId){
  Stmt *s = 0;
  const char *z = "";
  if( db_cached(v->p->pWs->pDb, &s, "SELECT code FROM question WHERE id=?1") ) return z;
  db_bind_int(s, 1, qId);
  if( db_step(s)==DB_ROW ) z = http_strdup(v->p, db_column_text(s, 0));
  db_reset(s);
  return z;
}

static const char *col_label(const VerbPage *v, int iCol, uint32_t row){
  if( iCol < 0 ) return "";
  unsigned c = cube_code(&v->pC->aCol[iCol], row);
  return c ? v->pC->aCol[iCol].azValue[c] : "";
}

/* The NPS score of a row, or -1. */
static int row_nps(const VerbPage *v, uint32_t row){
  if( v->iNps < 0 ) return -1;
  int x = (int)cube_rating(&v->pC->aMet[v->iNps], row);
  return x==CUBE_MISSING ? -1 : x;
}

/* z[0..n) escaped for HTML. */
static void html_n(Buf *b, const char *z, size_t n){
  char a[512];
  while( n ){
    size_t k = n < sizeof a - 1 ? n : sizeof a - 1;
    memcpy(a, z, k);
    a[k] = 0;
    buf_html(b, a);
    z += k;
    n -= k;
  }
}

/* 1 if the folded word w starts with one of the words of the search. */
static int word_matches(const VerbPage *v, const Buf *w){
  const char *t = v->zTerms;
  for(int k = 0; k < v->nTerm; k++, t += strlen(t) + 1){
    for(const char *q = t; *q; ){
      q++;                                   /* the space before each word */
      size_t n = strcspn(q, " ");
      if( n && w->n >= n && memcmp(w->z, q, n)==0 ) return 1;
      q += n;
    }
  }
  return 0;
}

/* The comment as HTML, search words in <mark>. */
static void put_marked(VerbPage *v, Buf *b, const char *z){
  size_t n = strlen(z), i = 0, last = 0, s, e;
  Buf w;
  if( v->nTerm==0 ){ buf_html(b, z); return; }
  buf_init(&w, 1u<<16);
  while( fold_next_word(z, n, &i, &s, &e, &w) ){
    if( !word_matches(v, &w) ) continue;
    html_n(b, z + last, s - last);
    buf_puts(b, "<mark>");
    html_n(b, z + s, e - s);
    buf_puts(b, "</mark>");
    last = e;
  }
  html_n(b, z + last, n - last);
  buf_free(&w);
}

static void put_one(VerbPage *v, Buf *b, int64_t e){
  uint32_t row = v->pIdx->aRow[e];
  char zDay[16];
  int x = row_nps(v, row);
  const char *zTp = col_label(v, v->iTp, row), *zCh = col_label(v, v->iCh, row);
  util_fmt_day(zDay, sizeof zDay, v->pC->dayBase + v->pC->aDay[row]);
  buf_puts(b, "<li><blockquote>");
  put_marked(v, b, entry_text(v, e));
  buf_printf(b, "</blockquote>\n<p class=\"ecx-meta\"><time datetime=\"%h\">%h</time>", zDay, zDay);
  if( zTp[0] ) buf_printf(b, " · %h", zTp);
  if( zCh[0] ) buf_printf(b, " · %h", zCh);
  if( v->iSurvey>=0 && v->pC->aCol[v->iSurvey].nValue > 1 ){
    buf_printf(b, " · %h", col_label(v, v->iSurvey, row));
  }
  if( v->nCode > 1 ) buf_printf(b, " · %h", question_code(v, v->pIdx->aQuestion[e]));
  if( x >= 0 ){
    buf_printf(b, " · <span class=\"ecx-score %s\">NPS %d</span>",
               x <= 6 ? "ecx-bad" : x <= 8 ? "ecx-mid" : "ecx-good", x);
  }
  buf_puts(b, "</p></li>\n");
}

/* Links to the previous and next pages. */
static void pager(VerbPage *v, Buf *b, int64_t nMatch){
  int64_t nPage = (nMatch + VERB_PAGE - 1)/VERB_PAGE;
  char zN[24];
  if( nPage <= 1 ) return;
  buf_printf(b, "<nav class=\"ecx-pager\" aria-label=\"%h\">", _("pages"));
  for(int k = 0; k < 2; k++){
    int64_t to = k==0 ? v->page - 1 : v->page + 1;
    if( to < 1 || to > nPage ) continue;
    Buf q;
    buf_init(&q, 1u<<16);
    util_fmt_int(zN, sizeof zN, to);
    dash_query_string(&q, &v->d, "page", zN);
    buf_printf(b, "<a href=\"/verbatims%h\" rel=\"%s\">%h</a> ", buf_str(&q), k==0 ? "prev" : "next",
               k==0 ? _("« newer") : _("older »"));
    buf_free(&q);
  }
  buf_printf(b, "<span class=\"muted\">");
  buf_printf(b, _("page %lld of %lld"), (long long)v->page, (long long)nPage);
  buf_puts(b, "</span></nav>\n");
}

static void put_csv(VerbPage *v, Buf *b, const VerbResult *r){
  buf_puts(b, "date,survey,touchpoint,channel,nps,question,comment\r\n");
  /* Stop short of the response limit rather than fail (very long comments). */
  for(int h = 0; h < r->nHit && b->n < HTTP_MAX_RESPONSE - 65536; h++){
    int64_t e = r->aHit[h];
    uint32_t row = v->pIdx->aRow[e];
    char zDay[16], zNps[8] = "";
    int x = row_nps(v, row);
    if( x >= 0 ) util_fmt_int(zNps, sizeof zNps, x);
    util_fmt_day(zDay, sizeof zDay, v->pC->dayBase + v->pC->aDay[row]);
    buf_printf(b, "%q,%q,%q,%q,%q,%q,%q\r\n", zDay, col_label(v, v->iSurvey, row), col_label(v, v->iTp, row),
               col_label(v, v->iCh, row), zNps, question_code(v, v->pIdx->aQuestion[e]), entry_text(v, e));
  }
}

/* The filters as parsed and the responses they select; then the comments. */
static int run(VerbPage *v, Buf *b, int isCsv){
  DashParams dq = v->d;
  DashQuery q;
  VerbResult r;
  int64_t nResp = 0;
  int rc, band = verb_band_from_name(v->d.zBand);
  memset(&q, 0, sizeof q);
  memset(&r, 0, sizeof r);
  if( band < 0 ) return err_set(ECX_EINVAL, "%s", _("the score band is detractors, passives or promoters"));
  dq.zWhere = buf_str(&v->where);
  rc = dq_init(&q, v->pC, &dq);
  if( rc==ECX_OK ) rc = cube_count(v->pC, &q.q, &nResp);
  if( rc==ECX_OK ) rc = verb_terms(v->d.zSearch, &v->zTerms, &v->nTerm);
  if( rc==ECX_OK && nResp > 0 && nResp < v->d.minN ){
    if( isCsv ){
      rc = err_set(ECX_EINVAL, _("fewer than %d responses match these filters: their comments are not shown"), v->d.minN);
    }else{
      buf_printf(b, "<p class=\"notice ecx-suppressed\" role=\"status\">");
      buf_printf(b, _("Suppressed: fewer than %d responses match these filters, so their comments are not shown."), v->d.minN);
      buf_puts(b, "</p>\n");
    }
    goto out;
  }
  if( rc==ECX_OK ){
    VerbQuery vq;
    memset(&vq, 0, sizeof vq);
    vq.pWhere = &q.where;
    vq.dayFrom = q.q.dayFrom;
    vq.dayTo = q.q.dayTo;
    vq.band = (VerbBand)band;
    vq.zSearch = v->d.zSearch;
    vq.iFirst = isCsv ? 0 : (v->page - 1)*VERB_PAGE;
    vq.nMax = isCsv ? VERB_CSV_MAX : VERB_PAGE;
    rc = verb_query(v->pIdx, v->pC, &vq, &r);
  }
  if( rc ) goto out;
  if( isCsv ){ put_csv(v, b, &r); goto out; }
  buf_printf(b, "<p class=\"ecx-count\">");
  buf_printf(b, _("Comments found: %lld, among %lld responses that match the filters."),
             (long long)r.nMatch, (long long)nResp);
  buf_puts(b, "</p>\n");
  if( r.nHit==0 ){
    buf_printf(b, "<p class=\"notice\">%h</p>\n", r.nMatch ? _("There is no such page of comments.")
                                                          : _("No comment matches."));
  }else{
    buf_printf(b, "<ol class=\"ecx-verbatims\" start=\"%lld\">\n", (long long)((v->page - 1)*VERB_PAGE + 1));
    for(int h = 0; h < r.nHit; h++) put_one(v, b, r.aHit[h]);
    buf_puts(b, "</ol>\n");
  }
  pager(v, b, r.nMatch);
  if( r.nMatch ){
    dash_csv_link(b, &v->d);
    if( r.nMatch > VERB_CSV_MAX ){
      buf_printf(b, "<p class=\"muted\">");
      buf_printf(b, _("The CSV holds the newest %d of these comments."), VERB_CSV_MAX);
      buf_puts(b, "</p>\n");
    }
  }
out:
  verb_result_free(&r);
  dq_free(&q);
  return rc;
}

int page_verbatims(HttpReq *p){
  VerbPage v;
  Buf scope, body;
  const char *zFormat = http_query(p, "format"), *zPage = http_query(p, "page"), *zLabel = 0;
  int isCsv = zFormat && strcmp(zFormat, "csv")==0;
  memset(&v, 0, sizeof v);
  v.p = p;
  int rc = http_verbatims(p, &v.pC, &v.pIdx);
  if( rc ) return rc;
  v.d.zWhere = http_query(p, "where");
  v.d.zSegment = http_query(p, "segment");
  v.d.zFrom = http_query(p, "from");
  v.d.zTo = http_query(p, "to");
  v.d.zSearch = http_query(p, "q");
  v.d.zTouchpoint = http_query(p, "touchpoint");
  v.d.zChannel = http_query(p, "channel");
  v.d.zBand = http_query(p, "band");
  v.d.zBase = "/verbatims";
  v.d.minN = ws_min_n(p->pWs);
  v.iNps = cube_met_find(v.pC, "nps");
  if( v.iNps >= 0 && v.pC->aMet[v.iNps].kind!=CUBE_MET_NPS ) v.iNps = -1;
  v.iTp = cube_col_find(v.pC, "touchpoint");
  v.iCh = cube_col_find(v.pC, "channel");
  v.iSurvey = cube_col_find(v.pC, "survey");
  v.page = 1;
  db_int(p->pWs->pDb, &v.nCode, "SELECT count(DISTINCT code) FROM question WHERE type='text'", 0);
  if( zPage && (util_parse_int(zPage, &v.page) || v.page < 1 || v.page > VERB_MAX_PAGE) ) v.page = 1;
  buf_init(&scope, 1u<<21);
  buf_init(&v.where, 1u<<16);
  buf_init(&body, HTTP_MAX_RESPONSE);
  rc = dash_user_scope(p, v.pC, &scope, &zLabel);
  if( rc ) goto out;
  if( scope.n ) v.d.zScope = buf_str(&scope);
  if( v.d.zWhere && v.d.zWhere[0] ) buf_puts(&v.where, v.d.zWhere);
  if( v.d.zTouchpoint && v.d.zTouchpoint[0] ) dash_where_clause(&v.where, "touchpoint", v.d.zTouchpoint);
  if( v.d.zChannel && v.d.zChannel[0] ) dash_where_clause(&v.where, "channel", v.d.zChannel);
  if( isCsv ){
    rc = run(&v, &body, 1);
    if( rc ){ rc = http_fail(p, 400, rc, 0, "%s", err_detail()); goto out; }
    http_set_type(p, "text/csv; charset=utf-8");
    http_add_header(p, "Content-Disposition", "attachment; filename=\"ecx-verbatims.csv\"");
    http_set_body(p, &body);
    goto out;
  }
  dash_filter_form(&body, v.pC, &v.d);
  rc = run(&v, &body, 0);
  /* Bad filters and the differencing guard's refusals are shown on the page. */
  if( rc && rc!=ECX_EINVAL && rc!=ECX_ETOOBIG && rc!=ECX_ESMALL ) goto out;
  {
    char *zMsg = rc ? http_strdup(p, err_detail()) : 0;
    layout_begin(p, _("Verbatims"));
    dash_scope_note(p, zLabel);
    if( zMsg ){ http_set_status(p, 400); layout_notice(p, "error", zMsg); }
    rc = ECX_OK;
  }
  buf_append(&p->body, buf_str(&body), body.n);
  layout_end(p);
out:
  free(v.zTerms);
  buf_free(&scope);
  buf_free(&v.where);
  buf_free(&body);
  return rc;
}
