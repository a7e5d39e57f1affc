/*
** JSON bodies and answers of the API's PUT handlers (api_body.h).
*/
#include <string.h>

#include "api_body.h"
#include "../base/db.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../model/user.h"

int api_body_object(HttpReq *p, json_t **ppObj){
  json_error_t e;
  *ppObj = json_loadb(p->zBody, p->nBody, JSON_REJECT_DUPLICATES, &e);
  if( !*ppObj ) return http_fail(p, 400, ECX_EINVAL, 0, _("not valid JSON: %s (line %d)"), e.text, e.line);
  if( !json_is_object(*ppObj) ){
    json_decref(*ppObj);
    *ppObj = 0;
    return http_fail(p, 400, ECX_EINVAL, 0, "%s", _("the body must be a JSON object"));
  }
  return ECX_OK;
}

/* "prefix.key" or "key" into a. */
static const char *field_name(char *a, size_t n, const char *zPrefix, const char *zKey){
  snprintf(a, n, "%s%s%s", zPrefix ? zPrefix : "", zPrefix && zPrefix[0] ? "." : "", zKey);
  return a;
}

int api_known_keys(HttpReq *p, json_t *o, const char *const *azKnown, const char *zPrefix){
  const char *zKey;
  json_t *v;
  json_object_foreach(o, zKey, v){
    int known = 0;
    for(int i = 0; azKnown[i] && !known; i++) known = strcmp(zKey, azKnown[i])==0;
    if( !known ){
      char a[300];
      return http_fail(p, 400, ECX_EINVAL, field_name(a, sizeof a, zPrefix, zKey), "%s", _("unknown field"));
    }
  }
  return ECX_OK;
}

int api_opt_string(HttpReq *p, json_t *o, const char *zKey, size_t nMax, int nullable,
                   const char *zField, const char **pz){
  json_t *v = json_object_get(o, zKey);
  *pz = 0;
  if( !v ) return ECX_OK;
  if( json_is_null(v) && nullable ){ *pz = ""; return ECX_OK; }
  if( !json_is_string(v) ) return http_fail(p, 400, ECX_EINVAL, zField, "%s", _("must be a string"));
  if( json_string_length(v) > nMax || strlen(json_string_value(v))!=json_string_length(v) ){
    return http_fail(p, 400, ECX_EINVAL, zField, _("at most %zu bytes, without NUL"), nMax);
  }
  *pz = http_strdup(p, json_string_value(v));
  return ECX_OK;
}

int api_opt_int(HttpReq *p, json_t *o, const char *zKey, int64_t lo, int64_t hi,
                const char *zField, int *pHas, int64_t *pV){
  json_t *v = json_object_get(o, zKey);
  *pHas = 0;
  if( !v ) return ECX_OK;
  if( !json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi ){
    return http_fail(p, 400, ECX_EINVAL, zField, _("must be a whole number from %lld to %lld"),
                     (long long)lo, (long long)hi);
  }
  *pHas = 1;
  *pV = (int64_t)json_integer_value(v);
  return ECX_OK;
}

int api_opt_bool(HttpReq *p, json_t *o, const char *zKey, const char *zField, int *pV){
  json_t *v = json_object_get(o, zKey);
  if( !v ) return ECX_OK;
  if( !json_is_boolean(v) ) return http_fail(p, 400, ECX_EINVAL, zField, "%s", _("must be true or false"));
  *pV = json_is_true(v);
  return ECX_OK;
}

const char *api_path_name(HttpReq *p, const char *zCollection){
  size_t n = strlen(zCollection);
  if( strncmp(p->zPath, zCollection, n)!=0 || p->zPath[n]==0 ) return 0;
  if( p->zPath[n]!='/' || p->zPath[n+1]==0 ){
    http_fail(p, 404, ECX_ENOTFOUND, 0, "%s", _("no such object"));
    return "";
  }
  return p->zPath + n + 1;
}

int api_put_commit(HttpReq *p, const char *zBefore, const char *zAfter, const char *zAction,
                   const char *zTarget, int *pChanged){
  Db *pDb = p->pWs->pDb;
  int rc = ECX_OK;
  *pChanged = 0;
  if( zBefore && strcmp(zBefore, zAfter)==0 ){
    db_rollback(pDb);
    return ECX_OK;
  }
  rc = audit_add(p->pWs, p->pUser->id, zAction, zTarget, zBefore ? "updated" : "created");
  if( rc==ECX_OK ) rc = db_commit(pDb);
  if( rc ){ db_rollback(pDb); return rc; }
  http_cube_touch(p);
  *pChanged = 1;
  return ECX_OK;
}

int api_put_finish(HttpReq *p, const char *zBefore, const char *zAfter, const char *zAction,
                   const char *zTarget){
  int changed = 0;
  int rc = api_put_commit(p, zBefore, zAfter, zAction, zTarget, &changed);
  if( rc ) return rc;
  p->zContentType = "application/json";
  p->status = zBefore ? 200 : 201;
  buf_puts(&p->body, zAfter);
  buf_putc(&p->body, '\n');
  return ECX_OK;
}

int api_change_failed(HttpReq *p, int rc, const char *zField){
  char *zMsg = http_strdup(p, err_detail());
  db_rollback(p->pWs->pDb);
  if( p->status >= 400 ) return rc;          /* a helper already chose the answer */
  if( rc==ECX_EEXIST || rc==ECX_ECONFLICT ) return http_fail(p, 409, rc, zField, "%s", zMsg);
  if( rc==ECX_EINVAL ) return http_fail(p, 400, rc, zField, "%s", zMsg);
  if( rc==ECX_ETOOBIG ) return http_fail(p, 413, rc, zField, "%s", zMsg);
  return rc;
}
