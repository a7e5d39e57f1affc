/*
** Parsing the body of POST /api/v1/responses with jansson (api_json.h).
** Bounded: the body is at most HTTP_MAX_BODY bytes, nesting is limited by
** the shape accepted, arrays by API_MAX_BATCH / API_MAX_ANSWERS / values.
*/
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "api_json.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"

typedef struct Ctx { Arena *pA; const char **pzField; } Ctx;

static int bad(Ctx *c, int i, const char *zField, const char *zMsg){
  char z[200];
  if( i >= 0 ) snprintf(z, sizeof z, "[%d]%s%s", i, zField[0] ? "." : "", zField);
  else snprintf(z, sizeof z, "%s", zField);
  *c->pzField = arena_strdup(c->pA, z);
  return err_set(ECX_EINVAL, "%s", zMsg);
}

static int toobig(void){
  return err_set(ECX_ETOOBIG, "%s", _("the request is too large to process"));
}

/* Optional string member: NULL when absent or null. */
static int opt_str(Ctx *c, int i, json_t *o, const char *zKey, const char **pz){
  json_t *v = json_object_get(o, zKey);
  *pz = 0;
  if( !v || json_is_null(v) ) return ECX_OK;
  if( !json_is_string(v) ) return bad(c, i, zKey, _("must be a string"));
  if( json_string_length(v) > 500 || strlen(json_string_value(v))!=json_string_length(v) ){
    return bad(c, i, zKey, _("too long or contains a NUL byte"));
  }
  *pz = arena_strdup(c->pA, json_string_value(v));
  return *pz ? ECX_OK : toobig();
}

/* One value as text: integers, strings (NUL-free, bounded). */
static int value_text(Ctx *c, int i, const char *zCode, json_t *v, const char **pz){
  char zF[160];
  snprintf(zF, sizeof zF, "answers.%s", zCode);
  if( json_is_integer(v) ){
    char a[32];
    snprintf(a, sizeof a, "%lld", (long long)json_integer_value(v));
    *pz = arena_strdup(c->pA, a);
    return *pz ? ECX_OK : toobig();
  }
  if( json_is_string(v) ){
    if( json_string_length(v) > 4000 || strlen(json_string_value(v))!=json_string_length(v) ){
      return bad(c, i, zF, _("too long or contains a NUL byte"));
    }
    *pz = arena_strdup(c->pA, json_string_value(v));
    return *pz ? ECX_OK : toobig();
  }
  return bad(c, i, zF, _("must be a whole number, a string or an array of them"));
}

static int one(Ctx *c, int i, json_t *o, ApiResponse *r){
  int rc;
  if( !json_is_object(o) ) return bad(c, i, "", _("each response must be an object"));
  const char *zKey;
  json_t *v;
  json_object_foreach(o, zKey, v){
    if( strcmp(zKey, "survey") && strcmp(zKey, "source_id") && strcmp(zKey, "ts") && strcmp(zKey, "touchpoint")
     && strcmp(zKey, "channel") && strcmp(zKey, "language") && strcmp(zKey, "answers") ){
      return bad(c, i, zKey, _("unknown field"));
    }
  }
  if( (rc = opt_str(c, i, o, "survey", &r->zSurvey))!=0 ) return rc;
  if( (rc = opt_str(c, i, o, "source_id", &r->zSourceId))!=0 ) return rc;
  if( (rc = opt_str(c, i, o, "touchpoint", &r->zTouchpoint))!=0 ) return rc;
  if( (rc = opt_str(c, i, o, "channel", &r->zChannel))!=0 ) return rc;
  if( (rc = opt_str(c, i, o, "language", &r->zLanguage))!=0 ) return rc;
  if( !r->zSurvey || !r->zSurvey[0] ) return bad(c, i, "survey", _("is required"));
  if( !r->zSourceId || !r->zSourceId[0] ) return bad(c, i, "source_id", _("is required"));
  v = json_object_get(o, "ts");
  if( !v ) return bad(c, i, "ts", _("is required"));
  if( json_is_integer(v) ){
    r->ts = (int64_t)json_integer_value(v);
    if( r->ts < 0 || r->ts > 32503680000LL ) return bad(c, i, "ts", _("is out of range"));
  }else if( json_is_string(v) ){
    if( util_parse_time(json_string_value(v), &r->ts) ) return bad(c, i, "ts", _("is not a date and time"));
  }else{
    return bad(c, i, "ts", _("must be Unix seconds or an ISO 8601 string"));
  }
  json_t *a = json_object_get(o, "answers");
  if( !a || !json_is_object(a) ) return bad(c, i, "answers", _("must be an object of question codes"));
  if( json_object_size(a) > API_MAX_ANSWERS ) return bad(c, i, "answers", _("too many answers"));
  r->aAnswer = arena_alloc(c->pA, sizeof(ApiAnswer) * (json_object_size(a) + 1));
  if( !r->aAnswer ) return toobig();
  json_object_foreach(a, zKey, v){
    ApiAnswer *x = &r->aAnswer[r->nAnswer++];
    x->zCode = arena_strdup(c->pA, zKey);
    if( !x->zCode ) return toobig();
    if( json_is_null(v) ){ x->nVal = 0; continue; }
    if( json_is_array(v) ){
      size_t k;
      json_t *e;
      if( json_array_size(v) > API_MAX_VALUES ) return bad(c, i, "answers", _("too many values"));
      x->azVal = arena_alloc(c->pA, sizeof(char*) * (json_array_size(v) + 1));
      if( !x->azVal ) return toobig();
      json_array_foreach(v, k, e){
        if( (rc = value_text(c, i, zKey, e, &x->azVal[x->nVal]))!=0 ) return rc;
        x->nVal++;
      }
    }else{
      x->azVal = arena_alloc(c->pA, sizeof(char*));
      if( !x->azVal ) return toobig();
      if( (rc = value_text(c, i, zKey, v, &x->azVal[0]))!=0 ) return rc;
      x->nVal = 1;
    }
  }
  return ECX_OK;
}

int api_parse_responses(Arena *pArena, const char *z, size_t n,
                        ApiResponse **paOut, int *pnOut, const char **pzField){
  json_error_t e;
  Ctx c = {pArena, pzField};
  int rc = ECX_OK;
  *paOut = 0;
  *pnOut = 0;
  *pzField = 0;
  json_t *pRoot = json_loadb(z, n, JSON_REJECT_DUPLICATES, &e);
  if( !pRoot ) return err_set(ECX_EINVAL, _("not valid JSON: %s (line %d)"), e.text, e.line);
  int isArray = json_is_array(pRoot);
  size_t nRec = isArray ? json_array_size(pRoot) : 1;
  if( nRec > API_MAX_BATCH ){
    rc = err_set(ECX_ETOOBIG, _("at most %d responses in one request"), API_MAX_BATCH);
  }else if( isArray && nRec==0 ){
    rc = err_set(ECX_EINVAL, "%s", _("the array is empty"));
  }else{
    ApiResponse *a = arena_alloc(pArena, sizeof(ApiResponse) * nRec);
    if( !a ) rc = toobig();
    for(size_t i = 0; i < nRec && rc==ECX_OK; i++){
      rc = one(&c, isArray ? (int)i : -1, isArray ? json_array_get(pRoot, i) : pRoot, &a[i]);
    }
    if( rc==ECX_OK ){ *paOut = a; *pnOut = (int)nRec; }
  }
  json_decref(pRoot);
  return rc;
}
