/*
** ecx promise: list the experience promises, show one, or recommend
** dimensions for a target segment by relevance, differentiation and
** feasibility (docs/promise.md); the other subcommands are in
** cmd_promise_kpi.c.
*/
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../frameworks/promise.h"
#include "../model/workspace.h"
#include "../report/bench_format.h"
#include "../report/promise_format.h"
#include "promise_cli.h"

static int list_row(void *pArg, const Promise *p){
  Buf *b = pArg;
  buf_printf(b, "%lld\t%s\tv%d\t%d %s\t%s\n", (long long)p->id, p->zName, p->version, p->nDim,
             _("dimensions"), p->zTagline);
  return ECX_OK;
}

static void show(Buf *b, const Promise *p){
  buf_printf(b, "%s %lld: %s (v%d, %s)\n", _("promise"), (long long)p->id, p->zName, p->version,
             p->zAuthor[0] ? p->zAuthor : "-");
  buf_printf(b, "%s: %s%s%s\n", _("whom"), p->zSegment[0] ? p->zSegment : _("all respondents"),
             p->zWhere[0] ? " · " : "", p->zWhere);
  buf_printf(b, "%s:\n", _("for what"));
  for(int i=0; i<p->nAsp; i++) buf_printf(b, "  - %s\n", p->azAsp[i]);
  buf_printf(b, "%s:\n", _("how"));
  for(int i=0; i<p->nDim; i++) buf_printf(b, "  %d. %s\n", i + 1, p->azDim[i]);
  buf_printf(b, "%s: %s\n", _("tagline"), p->zTagline);
}

static void put_num(Buf *b, double v, int w, int dec){
  char a[64];
  if( isfinite(v) ) snprintf(a, sizeof a, "%.*f", dec, v); else snprintf(a, sizeof a, "—");
  report_cell(b, a, -w);
}

static void recommend(Buf *b, const PromiseCriteria *pc){
  if( pc->zRelNote ) buf_printf(b, "%s: %s\n", _("relevance not available"), pc->zRelNote);
  else buf_printf(b, "R² = %.3f, n = %lld\n", pc->r2, (long long)pc->nDrivers);
  report_cell(b, _("rank"), 4);
  report_cell(b, _("dimension"), 32);
  report_cell(b, "shapley%", -8);
  report_cell(b, "d", -6);
  report_cell(b, _("feas."), -5);
  report_cell(b, "R", -4); report_cell(b, "D", -4); report_cell(b, "F", -4);
  report_cell(b, _("score"), -6);
  buf_printf(b, "  %s\n", _("reasons"));
  for(int r=1; r<=pc->n; r++){
    for(int i=0; i<pc->n; i++){
      const PromiseCand *c = &pc->a[i];
      if( c->rank!=r ) continue;
      char a[16];
      snprintf(a, sizeof a, "%d", c->rank);
      report_cell(b, a, 4);
      report_cell(b, c->zName, 32);
      put_num(b, c->relPct, 8, 1);
      put_num(b, c->dif, 6, 2);
      put_num(b, c->fea, 5, 2);
      put_num(b, c->nRel, 4, 0);
      put_num(b, c->nDif, 4, 0);
      put_num(b, c->nFea2, 4, 0);
      put_num(b, c->composite, 6, 1);
      buf_puts(b, c->recommended ? "* " : "  ");
      promise_reasons(c, b);
      buf_putc(b, '\n');
    }
  }
  buf_printf(b, "%s\n", _("* recommended"));
}

int promise_cli_id(const char *z, int64_t *pId){
  if( util_parse_int(z, pId) || *pId<=0 ) return err_set(ECX_EUSAGE, _("a promise id is a number, not \"%s\""), z);
  return ECX_OK;
}

typedef struct ListJson { Buf *b; int n; } ListJson;

static int list_json(void *pArg, const Promise *p){
  ListJson *x = pArg;
  buf_puts(x->b, x->n++ ? ",\n" : "\n");
  return promise_json(x->b, p);
}

/* list, show and recommend. */
static int run_basic(Workspace *pWs, const PromiseArgs *a, const char *zAct, int nArg, char **azArg, Buf *pOut){
  int64_t id = 0;
  int rc;
  if( strcmp(zAct, "list")==0 && nArg==0 ){
    if( !a->json ) return promise_each(pWs, list_row, pOut);
    ListJson x = {pOut, 0};
    buf_puts(pOut, "{\"promises\":[");
    rc = promise_each(pWs, list_json, &x);
    buf_puts(pOut, "]}\n");
    return rc;
  }
  if( strcmp(zAct, "show")==0 && nArg==1 ){
    Promise p;
    rc = promise_cli_id(azArg[0], &id);
    if( rc==ECX_OK ) rc = promise_load(pWs, id, 0, &p);
    if( rc ) return rc;
    if( a->json ){ rc = promise_json(pOut, &p); buf_putc(pOut, '\n'); }
    else show(pOut, &p);
    promise_clear(&p);
    return rc;
  }
  if( strcmp(zAct, "recommend")==0 && nArg==0 ){
    Cube *pCube = 0;
    PromiseCriteria pc;
    rc = cube_load(pWs, &pCube);
    if( rc==ECX_OK ) rc = promise_criteria(pCube, pWs, a->zSegment, a->zWhere, &a->w, ws_min_n(pWs), &pc);
    if( rc==ECX_OK ){
      if( a->json ) promise_criteria_json(pOut, &pc); else recommend(pOut, &pc);
      promise_criteria_free(&pc);
    }
    if( pCube ) cube_free(pCube);
    return rc;
  }
  return promise_cli_run(pWs, a, zAct, nArg, azArg, pOut);
}

int cmd_promise(int argc, char **argv){
  static const struct option aOpt[] = {
    {"segment", required_argument, 0, 's'}, {"where", required_argument, 0, 'w'},
    {"weights", required_argument, 0, 'W'}, {"format", required_argument, 0, 'F'},
    {"dimension", required_argument, 0, 'd'}, {"metric", required_argument, 0, 'm'},
    {"target", required_argument, 0, 'T'}, {"area", required_argument, 0, 'a'},
    {"from", required_argument, 0, 'f'}, {"to", required_argument, 0, 't'},
    {"json", required_argument, 0, 'j'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}
  };
  PromiseArgs a;
  Workspace *pWs = 0;
  Buf out;
  int c, rc;
  memset(&a, 0, sizeof a);
  a.w.rel = a.w.dif = a.w.fea = 1;
  optind = 1;
  opterr = 0;
  while( (c = getopt_long(argc, argv, "h", aOpt, 0))!=-1 ){
    switch( c ){
      case 's': a.zSegment = optarg; break;
      case 'w': a.zWhere = optarg; break;
      case 'W': if( (rc = promise_parse_weights(optarg, &a.w))!=ECX_OK ) return cli_fail(rc); break;
      case 'F':
        if( strcmp(optarg, "json")==0 ) a.json = 1;
        else if( strcmp(optarg, "table")!=0 ) return cli_fail(err_set(ECX_EUSAGE, _("--format must be table or json, not \"%s\""), optarg));
        break;
      case 'd': a.zDim = optarg; break;
      case 'm': a.zMetric = optarg; break;
      case 'T': a.zTarget = optarg; break;
      case 'a': a.zArea = optarg; break;
      case 'f': a.zFrom = optarg; break;
      case 't': a.zTo = optarg; break;
      case 'j': a.zJson = optarg; break;
      case 'h': return cmd_help(2, (char*[]){"help", "promise", 0});
      default: return cli_usage("promise");
    }
  }
  if( optind>argc-2 ) return cli_usage("promise");
  rc = ws_open(argv[optind], promise_cli_writes(argv[optind + 1]) ? 0 : WS_READONLY, &pWs);
  if( rc ) return cli_fail(rc);
  buf_init(&out, 0);
  rc = run_basic(pWs, &a, argv[optind + 1], argc - optind - 2, argv + optind + 2, &out);
  if( rc==ECX_OK ){
    fwrite(buf_str(&out), 1, out.n, stdout);
    if( fflush(stdout) ) rc = err_set(ECX_EIO, _("cannot write the report"));
  }
  buf_free(&out);
  ws_close(pWs);
  if( rc==ECX_EUSAGE && !err_detail()[0] ) return cli_usage("promise");
  return rc ? cli_fail(rc) : 0;
}
