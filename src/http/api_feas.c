/*
** /api/v1/feasibility: GET the spread of the feasibility ratings per
** dimension and the stored ratings (an area lead's own area only); POST
** ratings for an area (an area lead: its own; an admin: the area named in
** the body). Every rating is checked before any is stored; each writes an
** audit row feasibility_set. docs/api.md.
*/
#include <stdio.h>
#include <string.h>

#include "http.h"
#include "http_int.h"
#include "api_promise_json.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../frameworks/feasibility.h"
#include "../model/entity.h"
#include "../report/promise_format.h"

static int feas_get_all(HttpReq *p){
  FeasDim *aD = 0;
  FeasRating *aR = 0;
  int nD = 0, nR = 0;
  int64_t area = p->pUser->role==ROLE_AREA_LEAD ? (p->pUser->areaId>0 ? p->pUser->areaId : -1) : 0;
  int rc = feas_summary(p->pWs, &aD, &nD);
  if( rc==ECX_OK ) rc = feas_list(p->pWs, area, &aR, &nR);
  if( rc==ECX_OK ){
    p->zContentType = "application/json";
    feas_json(&p->body, aD, nD, aR, nR);
  }
  feas_summary_free(aD, nD);
  feas_list_free(aR, nR);
  return rc;
}

/* The area a POST rates: the lead's own; for an admin, the body's. */
static int post_area(HttpReq *p, const ApiRatings *r, int64_t *pId){
  int64_t id = r->areaId;
  if( r->zArea && ent_find(p->pWs, ENT_AREA, r->zArea, &id) ){
    return http_fail(p, 400, ECX_EINVAL, "area", _("no area \"%s\""), r->zArea);
  }
  if( p->pUser->role==ROLE_AREA_LEAD ){
    if( p->pUser->areaId<=0 ) return http_fail(p, 403, ECX_EPERM, 0, "%s", _("no area is assigned to this account"));
    if( id && id!=p->pUser->areaId ) return http_fail(p, 403, ECX_EPERM, "area", "%s", _("an area lead rates only its own area"));
    id = p->pUser->areaId;
  }
  if( id<=0 ) return http_fail(p, 400, ECX_EINVAL, "area", "%s", _("choose an area"));
  *pId = id;
  return ECX_OK;
}

static int feas_post(HttpReq *p){
  ApiRatings r;
  const char *zField = 0;
  int64_t area = 0, *aDim, n = 0;
  char zId[32];
  int rc = api_parse_ratings(&p->arena, p->zBody, p->nBody, &r, &zField);
  if( rc ){
    const char *zMsg = http_strdup(p, err_detail());
    return http_fail(p, rc==ECX_ETOOBIG ? 413 : 400, rc, zField, "%s", zMsg);
  }
  if( (rc = post_area(p, &r, &area)) ) return rc;
  snprintf(zId, sizeof zId, "%lld", (long long)area);
  rc = db_int(p->pWs->pDb, &n, "SELECT count(*) FROM area WHERE id=?1", zId);
  if( rc ) return rc;
  if( n==0 ) return http_fail(p, 400, ECX_EINVAL, "area", _("no area with id %lld"), (long long)area);
  aDim = http_alloc(p, sizeof(int64_t)*(size_t)(r.n + 1));
  for(int i=0; i<r.n; i++){
    if( ent_find(p->pWs, ENT_DIMENSION, r.a[i].zDim, &aDim[i]) ){
      char zF[40];
      snprintf(zF, sizeof zF, "ratings[%d].dimension", i);
      return http_fail(p, 400, ECX_EINVAL, zF, _("no dimension \"%s\""), r.a[i].zDim);
    }
  }
  for(int i=0; i<r.n && rc==ECX_OK; i++){
    rc = feas_set(p->pWs, area, aDim[i], r.a[i].zHorizon, r.a[i].score, r.a[i].zComment, p->pUser->id);
  }
  if( rc ) return rc;
  p->zContentType = "application/json";
  buf_printf(&p->body, "{\"area_id\":%lld,\"saved\":%d}\n", (long long)area, r.n);
  return ECX_OK;
}

int api_feasibility(HttpReq *p){
  return p->method==HTTP_POST ? feas_post(p) : feas_get_all(p);
}
