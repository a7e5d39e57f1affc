/*
** Parsing the promise API's bodies with jansson (api_promise_json.h).
** Bounded by the request body limit and by the counts checked here.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "api_promise_json.h"
#include "../base/err.h"
#include "../base/i18n.h"

typedef struct Ctx { Arena *pA; const char **pzField; } Ctx;

static int bad(Ctx *c, int i, const char *zField, const char *zMsg){
  char z[400];
  if( i>=0 ) snprintf(z, sizeof z, "[%d]%s%s", i, zField[0] ? "." : "", zField);
  else snprintf(z, sizeof z, "%s", zField);
  *c->pzField = arena_strdup(c->pA, z);
  return err_set(ECX_EINVAL, "%s", zMsg);
}

static json_t *load(Ctx *c, const char *z, size_t n, int *pRc){
  json_error_t e;
  json_t *o = json_loadb(z, n, JSON_REJECT_DUPLICATES, &e);
  *pRc = o ? ECX_OK : err_set(ECX_EINVAL, _("not valid JSON: %s (line %d)"), e.text, e.line);
  (void)c;
  return o;
}

/* 1 if every key of object o is in the NULL-terminated list az; else sets
** *pzBad to the first other key. */
static int known_keys(json_t *o, const char *const *az, const char **pzBad){
  const char *zKey;
  json_t *v;
  json_object_foreach(o, zKey, v){
    int ok = 0;
    for(int i=0; az[i] && !ok; i++) ok = strcmp(zKey, az[i])==0;
    if( !ok ){ *pzBad = zKey; return 0; }
  }
  return 1;
}

/* A string member (NUL-free, at most nMax bytes): *pz NULL when absent or
** null. */
static int get_str(Ctx *c, int i, json_t *o, const char *zKey, size_t nMax, const char **pz){
  json_t *v = json_object_get(o, zKey);
  *pz = 0;
  if( !v || json_is_null(v) ) return ECX_OK;
  if( !json_is_string(v) ) return bad(c, i, zKey, _("must be a string"));
  if( json_string_length(v)>nMax || strlen(json_string_value(v))!=json_string_length(v) ){
    return bad(c, i, zKey, _("too long or contains a NUL byte"));
  }
  *pz = arena_strdup(c->pA, json_string_value(v));
  return *pz ? ECX_OK : err_set(ECX_ETOOBIG, "%s", _("the request is too large to process"));
}

/* A name or an id member ("area"). */
static int get_name_or_id(Ctx *c, int i, json_t *o, const char *zKey, const char **pz, int64_t *pId){
  json_t *v = json_object_get(o, zKey);
  *pId = 0;
  if( v && json_is_integer(v) ){
    *pz = 0;
    *pId = (int64_t)json_integer_value(v);
    return *pId>0 ? ECX_OK : bad(c, i, zKey, _("an id is a positive number"));
  }
  if( v && !json_is_string(v) && !json_is_null(v) ) return bad(c, i, zKey, _("must be a name or an id"));
  return get_str(c, i, o, zKey, 200, pz);
}

static char *dup_or_empty(const char *z){ return ecx_strdup(z ? z : ""); }

int api_parse_promise(Arena *pArena, const char *z, size_t n, Promise *p, const char **pzField){
  static const char *const azKey[] = {"name", "segment", "where", "aspirations", "dimensions", "tagline", "weights", 0};
  Ctx c = {pArena, pzField};
  const char *zBad = 0, *zName, *zSeg, *zWhere, *zTag;
  json_t *o, *a, *w;
  size_t k;
  int rc;
  memset(p, 0, sizeof *p);
  *pzField = 0;
  o = load(&c, z, n, &rc);
  if( !o ) return rc;
  if( !json_is_object(o) ){ rc = bad(&c, -1, "", _("the promise must be an object")); goto out; }
  if( !known_keys(o, azKey, &zBad) ){ rc = bad(&c, -1, zBad, _("unknown field")); goto out; }
  if( (rc = get_str(&c, -1, o, "name", 200, &zName)) ) goto out;
  if( (rc = get_str(&c, -1, o, "segment", 200, &zSeg)) ) goto out;
  if( (rc = get_str(&c, -1, o, "where", 2000, &zWhere)) ) goto out;
  if( (rc = get_str(&c, -1, o, "tagline", 500, &zTag)) ) goto out;
  p->zName = dup_or_empty(zName);
  p->zSegment = dup_or_empty(zSeg);
  p->zWhere = dup_or_empty(zWhere);
  p->zTagline = dup_or_empty(zTag);
  if( !zName || !zName[0] ){ rc = bad(&c, -1, "name", _("a promise needs a name")); goto out; }
  a = json_object_get(o, "aspirations");
  if( a && !json_is_null(a) ){
    if( !json_is_array(a) ){ rc = bad(&c, -1, "aspirations", _("must be an array of strings")); goto out; }
    if( json_array_size(a)>PROMISE_MAX_ASP ){ rc = bad(&c, -1, "aspirations", _("at most 10 aspirations")); goto out; }
    for(k=0; k<json_array_size(a); k++){
      json_t *v = json_array_get(a, k);
      if( !json_is_string(v) || json_string_length(v)>500 || strlen(json_string_value(v))!=json_string_length(v) ){
        rc = bad(&c, -1, "aspirations", _("must be an array of strings of at most 500 bytes"));
        goto out;
      }
      p->azAsp[p->nAsp++] = ecx_strdup(json_string_value(v));
    }
  }
  a = json_object_get(o, "dimensions");
  if( !a || !json_is_array(a) ){ rc = bad(&c, -1, "dimensions", _("must be an array of 3 to 5 dimension names")); goto out; }
  for(k=0; k<json_array_size(a); k++){
    json_t *v = json_array_get(a, k);
    if( !json_is_string(v) || json_string_length(v)>200 || strlen(json_string_value(v))!=json_string_length(v) ){
      rc = bad(&c, -1, "dimensions", _("must be an array of 3 to 5 dimension names"));
      goto out;
    }
    if( p->nDim<=PROMISE_MAX_DIM ) p->azDim[p->nDim++] = ecx_strdup(json_string_value(v));
  }
  if( (rc = promise_check_count((int)json_array_size(a))) ){
    *pzField = arena_strdup(pArena, "dimensions");
    goto out;
  }
  p->w.rel = p->w.dif = p->w.fea = 1;
  w = json_object_get(o, "weights");
  if( w && !json_is_null(w) ){
    static const char *const azW[] = {"relevance", "differentiation", "feasibility", 0};
    double *apW[3] = {&p->w.rel, &p->w.dif, &p->w.fea};
    if( !json_is_object(w) || !known_keys(w, azW, &zBad) ){
      rc = bad(&c, -1, "weights", _("weights are {\"relevance\", \"differentiation\", \"feasibility\"}"));
      goto out;
    }
    for(int i=0; i<3; i++){
      json_t *v = json_object_get(w, azW[i]);
      if( !v ) continue;
      if( !json_is_number(v) || !(json_number_value(v)>=0) || json_number_value(v)>1e6 ){
        rc = bad(&c, -1, "weights", _("a weight is a number from 0 to 1000000"));
        goto out;
      }
      *apW[i] = json_number_value(v);
    }
    if( p->w.rel + p->w.dif + p->w.fea<=0 ){ rc = bad(&c, -1, "weights", _("the weights may not all be zero")); goto out; }
  }
out:
  json_decref(o);
  return rc;
}

static int one_kpi(Ctx *c, int i, json_t *o, ApiKpi *k){
  static const char *const azKey[] = {"dimension", "metric", "target", "area", "from", "to", 0};
  const char *zBad = 0;
  json_t *t;
  int rc;
  memset(k, 0, sizeof *k);
  if( !json_is_object(o) ) return bad(c, i, "", _("each KPI must be an object"));
  if( !known_keys(o, azKey, &zBad) ) return bad(c, i, zBad, _("unknown field"));
  if( (rc = get_str(c, i, o, "dimension", 200, &k->zDim)) ) return rc;
  if( !k->zDim || !k->zDim[0] ) return bad(c, i, "dimension", _("is required"));
  if( (rc = get_str(c, i, o, "metric", 16, &k->zMetric)) ) return rc;
  if( (rc = get_str(c, i, o, "from", 16, &k->zFrom)) ) return rc;
  if( (rc = get_str(c, i, o, "to", 16, &k->zTo)) ) return rc;
  t = json_object_get(o, "target");
  if( !t ) return bad(c, i, "target", _("is required (null removes the KPI)"));
  if( json_is_null(t) ){ k->remove = 1; return ECX_OK; }
  if( !json_is_number(t) || !isfinite(json_number_value(t)) ) return bad(c, i, "target", _("must be a number"));
  k->target = json_number_value(t);
  if( (rc = get_name_or_id(c, i, o, "area", &k->zArea, &k->areaId)) ) return rc;
  if( !k->zArea && !k->areaId ) return bad(c, i, "area", _("a KPI needs an owner area"));
  return ECX_OK;
}

int api_parse_kpis(Arena *pArena, const char *z, size_t n, ApiKpi **paOut, int *pnOut, const char **pzField){
  Ctx c = {pArena, pzField};
  json_t *o;
  int rc, isArray;
  size_t nRec;
  *paOut = 0;
  *pnOut = 0;
  *pzField = 0;
  o = load(&c, z, n, &rc);
  if( !o ) return rc;
  isArray = json_is_array(o);
  nRec = isArray ? json_array_size(o) : 1;
  if( nRec>API_MAX_KPIS ) rc = err_set(ECX_ETOOBIG, _("at most %d KPIs in one request"), API_MAX_KPIS);
  else if( nRec==0 ) rc = err_set(ECX_EINVAL, "%s", _("the array is empty"));
  else{
    ApiKpi *a = arena_alloc(pArena, sizeof(ApiKpi)*nRec);
    if( !a ) rc = err_set(ECX_ETOOBIG, "%s", _("the request is too large to process"));
    for(size_t i=0; i<nRec && rc==ECX_OK; i++){
      rc = one_kpi(&c, isArray ? (int)i : -1, isArray ? json_array_get(o, i) : o, &a[i]);
    }
    if( rc==ECX_OK ){ *paOut = a; *pnOut = (int)nRec; }
  }
  json_decref(o);
  return rc;
}

static int one_rating(Ctx *c, int i, json_t *o, ApiRating *r){
  static const char *const azKey[] = {"dimension", "horizon", "score", "comment", 0};
  const char *zBad = 0;
  json_t *s;
  int rc;
  char zF[32];
  snprintf(zF, sizeof zF, "ratings[%d]", i);
  memset(r, 0, sizeof *r);
  if( !json_is_object(o) ) return bad(c, -1, zF, _("each rating must be an object"));
  if( !known_keys(o, azKey, &zBad) ){
    char z[300];
    snprintf(z, sizeof z, "%s.%.200s", zF, zBad);
    return bad(c, -1, z, _("unknown field"));
  }
  if( (rc = get_str(c, -1, o, "dimension", 200, &r->zDim)) ) return rc;
  if( (rc = get_str(c, -1, o, "horizon", 16, &r->zHorizon)) ) return rc;
  if( (rc = get_str(c, -1, o, "comment", 2000, &r->zComment)) ) return rc;
  if( !r->zDim ) return bad(c, -1, zF, _("a rating needs a dimension"));
  if( !r->zHorizon || (strcmp(r->zHorizon, "short") && strcmp(r->zHorizon, "medium")) ){
    return bad(c, -1, zF, _("the horizon must be short or medium"));
  }
  s = json_object_get(o, "score");
  if( !s || !json_is_integer(s) || json_integer_value(s)<1 || json_integer_value(s)>5 ){
    return bad(c, -1, zF, _("a feasibility score goes from 1 to 5"));
  }
  r->score = (int)json_integer_value(s);
  return ECX_OK;
}

int api_parse_ratings(Arena *pArena, const char *z, size_t n, ApiRatings *pOut, const char **pzField){
  static const char *const azKey[] = {"area", "ratings", 0};
  Ctx c = {pArena, pzField};
  const char *zBad = 0;
  json_t *o, *a;
  int rc;
  memset(pOut, 0, sizeof *pOut);
  *pzField = 0;
  o = load(&c, z, n, &rc);
  if( !o ) return rc;
  if( !json_is_object(o) ) rc = bad(&c, -1, "", _("the body must be an object"));
  else if( !known_keys(o, azKey, &zBad) ) rc = bad(&c, -1, zBad, _("unknown field"));
  else rc = get_name_or_id(&c, -1, o, "area", &pOut->zArea, &pOut->areaId);
  a = json_object_get(o, "ratings");
  if( rc==ECX_OK && (!a || !json_is_array(a) || json_array_size(a)==0) ){
    rc = bad(&c, -1, "ratings", _("must be a non-empty array of ratings"));
  }
  if( rc==ECX_OK && json_array_size(a)>API_MAX_RATINGS ){
    rc = err_set(ECX_ETOOBIG, _("at most %d ratings in one request"), API_MAX_RATINGS);
  }
  if( rc==ECX_OK ){
    pOut->a = arena_alloc(pArena, sizeof(ApiRating)*json_array_size(a));
    if( !pOut->a ) rc = err_set(ECX_ETOOBIG, "%s", _("the request is too large to process"));
    for(size_t i=0; i<json_array_size(a) && rc==ECX_OK; i++){
      rc = one_rating(&c, (int)i, json_array_get(a, i), &pOut->a[i]);
      if( rc==ECX_OK ) pOut->n++;
    }
  }
  json_decref(o);
  return rc;
}
