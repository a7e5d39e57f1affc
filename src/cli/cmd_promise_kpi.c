/*
** ecx promise, the subcommands after the definition (docs/promise.md):
**   save [ID] --json FILE   a new promise, or a new version of ID, from JSON
**   kpis ID                 the KPIs with value, interval, trend and status
**   kpi ID --dimension D --metric M --target T --area A [--from YYYY-MM] [--to YYYY-MM]
**   kpi-delete ID --dimension D
**   matrix ID               touchpoint x dimension against the targets
**   alerts [ID]             what is significantly below target
**   areas ID [--area A]     the areas' alignment
** Read subcommands take --format table|json.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "promise_cli.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../frameworks/promise_kpi.h"
#include "../model/entity.h"
#include "../report/promise_format.h"

int promise_cli_writes(const char *z){
  return strcmp(z, "save")==0 || strcmp(z, "kpi")==0 || strcmp(z, "kpi-delete")==0;
}

/* The whole of zFile ("-": standard input), at most 1 MiB. */
static int read_all(const char *zFile, Buf *b){
  FILE *in = strcmp(zFile, "-")==0 ? stdin : fopen(zFile, "rb");
  char a[8192];
  size_t n;
  int rc = ECX_OK;
  if( !in ) return err_set(ECX_EIO, _("cannot open %s"), zFile);
  while( rc==ECX_OK && (n = fread(a, 1, sizeof a, in))>0 ) rc = buf_append(b, a, n);
  if( rc==ECX_OK && ferror(in) ) rc = err_set(ECX_EIO, _("cannot read %s"), zFile);
  if( in!=stdin ) fclose(in);
  if( rc==ECX_ETOOBIG ) err_set(rc, _("%s is larger than 1 MiB"), zFile);
  return rc;
}

/* An area given by id or by name. */
static int area_of(Workspace *pWs, const char *z, int64_t *pId){
  if( !z ) return err_set(ECX_EUSAGE, "%s", _("--area names the owner area"));
  if( util_parse_int(z, pId)==ECX_OK ) return ECX_OK;
  if( ent_find(pWs, ENT_AREA, z, pId) ) return err_set(ECX_ENOTFOUND, _("no area \"%s\""), z);
  return ECX_OK;
}

static int save(Workspace *pWs, const PromiseArgs *a, int nArg, char **azArg, Buf *pOut){
  Promise p;
  Buf js;
  int64_t id = 0;
  int rc = nArg==1 ? promise_cli_id(azArg[0], &id) : ECX_OK;
  if( rc ) return rc;
  if( !a->zJson ) return err_set(ECX_EUSAGE, "%s", _("save reads the promise from --json FILE"));
  memset(&p, 0, sizeof p);
  buf_init(&js, 1u<<20);
  rc = read_all(a->zJson, &js);
  if( rc==ECX_OK ) rc = promise_from_json(buf_str(&js), &p);
  p.id = id;
  if( rc==ECX_OK ) rc = promise_save(pWs, &p, 0);
  if( rc==ECX_OK && a->json ) buf_printf(pOut, "{\"id\":%lld,\"version\":%d}\n", (long long)p.id, p.version);
  else if( rc==ECX_OK ) buf_printf(pOut, _("promise %lld saved as version %d\n"), (long long)p.id, p.version);
  promise_clear(&p);
  buf_free(&js);
  return rc;
}

static int kpi_set(Workspace *pWs, const PromiseArgs *a, int64_t id, Buf *pOut){
  Promise p;
  PromiseKpi k;
  int rc;
  memset(&k, 0, sizeof k);
  if( !a->zDim || !a->zTarget ) return err_set(ECX_EUSAGE, "%s", _("kpi needs --dimension, --target and --area"));
  rc = promise_kpi_metric_parse(a->zMetric ? a->zMetric : "mean", &k.metric);
  if( rc==ECX_OK && util_parse_double(a->zTarget, &k.target) ){
    rc = err_set(ECX_EINVAL, _("the target is a number, not \"%s\""), a->zTarget);
  }
  if( rc==ECX_OK ) rc = area_of(pWs, a->zArea, &k.areaId);
  if( rc ) return rc;
  k.zDim = (char*)a->zDim;
  k.zFrom = (char*)(a->zFrom ? a->zFrom : "");
  k.zTo = (char*)(a->zTo ? a->zTo : "");
  rc = promise_load(pWs, id, 0, &p);
  if( rc==ECX_OK ) rc = promise_kpi_set(pWs, &p, &k, 0);
  if( rc==ECX_OK ) buf_printf(pOut, _("KPI of %s saved\n"), a->zDim);
  promise_clear(&p);
  return rc;
}

/* The KPIs of pr and their evaluation on the cube. */
static int eval_one(Workspace *pWs, const Cube *pC, const Promise *pr, PromiseKpi **paK, int *pnK, PromiseEval *pE){
  int rc = promise_kpi_list(pWs, pr, paK, pnK);
  if( rc==ECX_OK ) rc = promise_eval(pC, pWs, pr, *paK, *pnK, ws_min_n(pWs), pE);
  if( rc ){ promise_kpi_list_free(*paK, *pnK); *paK = 0; *pnK = 0; }
  return rc;
}

typedef struct AlertsArg { Workspace *pWs; const Cube *pC; const PromiseArgs *a; Buf *pOut; int n; } AlertsArg;

static int alerts_one(void *pArg, const Promise *pr){
  AlertsArg *x = pArg;
  PromiseKpi *aK = 0;
  PromiseEval e;
  int nK = 0, rc = eval_one(x->pWs, x->pC, pr, &aK, &nK, &e);
  if( rc ) return rc;
  if( x->a->json ) promise_alerts_json(x->pOut, pr, &e, &x->n);
  else{ promise_alerts_text(x->pOut, pr, &e); x->n += e.nAlert; }
  promise_eval_free(&e);
  promise_kpi_list_free(aK, nK);
  return ECX_OK;
}

/* kpis, matrix, areas, alerts: the evaluated promise id (0: every one, alerts only). */
static int show_eval(Workspace *pWs, const PromiseArgs *a, const char *zAct, int64_t id, Buf *pOut){
  Cube *pC = 0;
  Promise p;
  PromiseKpi *aK = 0;
  PromiseEval e;
  int nK = 0, rc = cube_load(pWs, &pC);
  memset(&p, 0, sizeof p);
  memset(&e, 0, sizeof e);
  if( rc==ECX_OK && strcmp(zAct, "alerts")==0 ){
    AlertsArg x = {pWs, pC, a, pOut, 0};
    if( a->json ) buf_puts(pOut, "{\"alerts\":[");
    if( id ){
      rc = promise_load(pWs, id, 0, &p);
      if( rc==ECX_OK ) rc = alerts_one(&x, &p);
    }else{
      rc = promise_each(pWs, alerts_one, &x);
    }
    if( a->json ) buf_puts(pOut, "]}\n");
    else if( rc==ECX_OK && x.n==0 ) buf_printf(pOut, "%s\n", _("No alerts: nothing is significantly below its target."));
    goto out;
  }
  if( rc==ECX_OK ) rc = promise_load(pWs, id, 0, &p);
  if( rc==ECX_OK ) rc = eval_one(pWs, pC, &p, &aK, &nK, &e);
  if( rc ) goto out;
  if( strcmp(zAct, "kpis")==0 ){
    if( a->json ) promise_kpis_json(pOut, &e); else promise_kpis_text(pOut, &e);
  }else if( strcmp(zAct, "matrix")==0 ){
    if( a->json ) promise_matrix_json(pOut, &e); else promise_matrix_text(pOut, &e);
  }else{
    PromiseArea *aA = 0;
    int64_t only = 0;
    int nA = 0;
    if( a->zArea ) rc = area_of(pWs, a->zArea, &only);
    if( rc==ECX_OK ) rc = promise_areas(pWs, &p, &e, only, &aA, &nA);
    if( rc==ECX_OK && a->json ) promise_areas_json(pOut, &e, aA, nA);
    else if( rc==ECX_OK ) promise_areas_text(pOut, &e, aA, nA);
    promise_areas_free(aA, nA);
  }
out:
  promise_eval_free(&e);
  promise_kpi_list_free(aK, nK);
  promise_clear(&p);
  if( pC ) cube_free(pC);
  return rc;
}

int promise_cli_run(Workspace *pWs, const PromiseArgs *a, const char *zAct, int nArg, char **azArg, Buf *pOut){
  int64_t id = 0;
  int rc;
  if( strcmp(zAct, "save")==0 && nArg<=1 ) return save(pWs, a, nArg, azArg, pOut);
  if( strcmp(zAct, "alerts")==0 && nArg<=1 ){
    rc = nArg ? promise_cli_id(azArg[0], &id) : ECX_OK;
    return rc ? rc : show_eval(pWs, a, zAct, id, pOut);
  }
  if( nArg!=1 ) return ECX_EUSAGE;
  if( strcmp(zAct, "kpi")==0 || strcmp(zAct, "kpi-delete")==0 || strcmp(zAct, "kpis")==0
   || strcmp(zAct, "matrix")==0 || strcmp(zAct, "areas")==0 ){
    rc = promise_cli_id(azArg[0], &id);
    if( rc ) return rc;
  }else{
    return ECX_EUSAGE;
  }
  if( strcmp(zAct, "kpi")==0 ) return kpi_set(pWs, a, id, pOut);
  if( strcmp(zAct, "kpi-delete")==0 ){
    if( !a->zDim ) return err_set(ECX_EUSAGE, "%s", _("kpi-delete needs --dimension"));
    rc = promise_kpi_delete(pWs, id, a->zDim, 0);
    if( rc==ECX_OK ) buf_printf(pOut, _("KPI of %s removed\n"), a->zDim);
    return rc;
  }
  return show_eval(pWs, a, zAct, id, pOut);
}
