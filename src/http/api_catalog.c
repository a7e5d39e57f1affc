/*
** GET and PUT of the catalog under /api/v1: segments, touchpoints,
** dimensions, areas and competitors (src/model/catalog.h, docs/api.md).
**
**   GET /api/v1/KIND          {"items":[OBJECT, ...]}
**   GET /api/v1/KIND/NAME     OBJECT, or 404
**   PUT /api/v1/KIND/NAME     create (201) or change (200) the object named
**                             NAME; members left out keep their value; a
**                             different "name" renames it. The same PUT
**                             again changes nothing and is not audited.
**                             "id" is read-only (accepted, ignored).
**
** A segment's filter is checked against the cube like a dashboard filter
** (unknown attributes refused, values not seen yet allowed), so that a
** stored segment never breaks the dashboards. A touchpoint's "areas" are
** the names of the internal areas that answer for it (all must exist).
**
** The change itself (checks, transaction, audit) is api_catalog_store(),
** which the definitions page (src/pages/page_definitions.c) calls too.
*/
#include <string.h>

#include "http.h"
#include "http_int.h"
#include "api_body.h"
#include "api_catalog.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../engine/filter.h"
#include "../model/catalog.h"

/* An item as JSON into b (only the fields its kind has). */
static void item_json(Buf *b, CatKind k, const CatItem *it){
  int f = cat_fields(k);
  buf_printf(b, "{\"id\":%lld,\"name\":%j", (long long)it->id, it->zName);
  if( f & CAT_F_DESCRIPTION ) buf_printf(b, ",\"description\":%j", it->zDescription);
  if( f & CAT_F_FILTER ) buf_printf(b, ",\"filter\":%j", it->zFilter);
  if( f & CAT_F_POSITION ) buf_printf(b, ",\"position\":%lld", (long long)it->position);
  if( f & CAT_F_CHANNEL ) buf_printf(b, ",\"channel\":%j", it->zChannel[0] ? it->zChannel : NULL);
  if( f & CAT_F_AREAS ){
    buf_puts(b, ",\"areas\":[");
    for(int i = 0; i < it->nArea; i++) buf_printf(b, "%s%j", i ? "," : "", it->azArea[i]);
    buf_putc(b, ']');
  }
  buf_putc(b, '}');
}

typedef struct ListCtx { Buf *b; CatKind k; int n; } ListCtx;

static int list_row(void *pArg, const CatItem *it){
  ListCtx *c = pArg;
  if( c->n++ ) buf_putc(c->b, ',');
  item_json(c->b, c->k, it);
  return 0;
}

/* The JSON of item zName into a request string, or NULL if there is none. */
static int item_text(HttpReq *p, CatKind k, const char *zName, const char **pz){
  CatItem it;
  Buf b;
  *pz = 0;
  int rc = cat_get(p->pWs, k, zName, &it);
  if( rc==ECX_ENOTFOUND ){ err_clear(); return ECX_OK; }
  if( rc ) return rc;
  buf_init(&b, 1u<<20);
  item_json(&b, k, &it);
  *pz = http_strdup(p, buf_str(&b));
  buf_free(&b);
  cat_item_clear(&it);
  return ECX_OK;
}

/* A segment's filter must parse and name only what the cube knows. */
static int check_filter(HttpReq *p, const char *zFilter, int isNew){
  const Cube *pC = 0;
  Filter f;
  CubeWhere w;
  int rc = filter_parse(zFilter, &f);
  if( rc==ECX_OK ){
    rc = http_cube(p, &pC);
    if( rc==ECX_OK ){
      memset(&w, 0, sizeof w);
      rc = cube_where_compile(pC, &f, 1, &w);
      cube_where_free(&w);
      if( rc==ECX_OK && isNew && pC->nSegment >= CUBE_MAX_SEGMENT ){
        rc = http_fail(p, 409, ECX_ECONFLICT, "name", _("a workspace has at most %d segments"), CUBE_MAX_SEGMENT);
      }
    }
    http_cube_release(p);    /* the change below makes the cube reload */
  }
  filter_free(&f);
  if( rc && p->status < 400 ){
    const char *zMsg = http_strdup(p, err_detail());
    return http_fail(p, 400, ECX_EINVAL, "filter", "%s", zMsg);
  }
  return rc;
}

int api_catalog_store(HttpReq *p, CatKind k, const char *zName, const CatPut *pNew,
                      int *pCreated, int *pChanged, const char **pzAfter){
  const char *zBefore = 0, *zAfter = 0, *zField = 0;
  int rc, created = 0;
  *pCreated = *pChanged = 0;
  *pzAfter = 0;
  if( pNew->zFilter ){
    const char *zOld = 0;
    rc = item_text(p, k, zName, &zOld);
    if( rc==ECX_OK && !zOld && pNew->zName ) rc = item_text(p, k, pNew->zName, &zOld);
    if( rc==ECX_OK ) rc = check_filter(p, pNew->zFilter, zOld==0);
    if( rc ) return rc;
  }
  rc = db_begin(p->pWs->pDb);
  if( rc ) return rc;
  rc = item_text(p, k, zName, &zBefore);
  if( rc==ECX_OK && !zBefore && pNew->zName ) rc = item_text(p, k, pNew->zName, &zBefore);
  if( rc==ECX_OK ) rc = cat_put(p->pWs, k, zName, pNew, &created, &zField);
  if( rc==ECX_OK ) rc = item_text(p, k, pNew->zName ? pNew->zName : zName, &zAfter);
  if( rc==ECX_OK && !zAfter ) rc = err_set(ECX_EDB, "the %s was not stored", cat_singular(k));
  if( rc ) return api_change_failed(p, rc, zField);
  char zAction[40], zTarget[CAT_MAX_NAME + 16];
  snprintf(zAction, sizeof zAction, "%s_put", cat_singular(k));
  snprintf(zTarget, sizeof zTarget, "%s", pNew->zName ? pNew->zName : zName);
  rc = api_put_commit(p, created ? 0 : zBefore, zAfter, zAction, zTarget, pChanged);
  if( rc ) return rc;
  *pCreated = created;
  *pzAfter = zAfter;
  return ECX_OK;
}

/* The optional member "areas": a list of area names. */
static int opt_areas(HttpReq *p, json_t *o, CatPut *pNew){
  json_t *a = json_object_get(o, "areas");
  if( !a ) return ECX_OK;
  if( !json_is_array(a) ) return http_fail(p, 400, ECX_EINVAL, "areas", "%s", _("must be a list of area names"));
  size_t n = json_array_size(a);
  if( n > CAT_MAX_AREAS ) return http_fail(p, 400, ECX_EINVAL, "areas", _("at most %d areas per touchpoint"), CAT_MAX_AREAS);
  const char **az = http_alloc(p, sizeof(char*)*(n + 1));
  for(size_t i = 0; i < n; i++){
    json_t *v = json_array_get(a, i);
    if( !json_is_string(v) || json_string_length(v) > CAT_MAX_NAME
     || strlen(json_string_value(v))!=json_string_length(v) ){
      return http_fail(p, 400, ECX_EINVAL, "areas", "%s", _("must be a list of area names"));
    }
    az[i] = http_strdup(p, json_string_value(v));
  }
  pNew->hasAreas = 1;
  pNew->nArea = (int)n;
  pNew->azArea = az;
  return ECX_OK;
}

static int put_item(HttpReq *p, CatKind k, const char *zName){
  static const char *const azKey[] = {"id", "name", "description", "filter", "position", "channel", "areas", 0};
  static const char *const azFieldKey[] = {"name", "description", "filter", "position", "channel", "areas"};
  static const int aFieldBit[] = {0, CAT_F_DESCRIPTION, CAT_F_FILTER, CAT_F_POSITION, CAT_F_CHANNEL, CAT_F_AREAS};
  json_t *o = 0;
  CatPut np;
  const char *zAfter = 0;
  int rc, created = 0, changed = 0, f = cat_fields(k);
  memset(&np, 0, sizeof np);
  rc = api_body_object(p, &o);
  if( rc ) return rc;
  rc = api_known_keys(p, o, azKey, 0);
  /* Fields the kind does not have are unknown too. */
  for(int i = 1; i < 6 && rc==ECX_OK; i++){
    if( !(f & aFieldBit[i]) && json_object_get(o, azFieldKey[i]) ){
      rc = http_fail(p, 400, ECX_EINVAL, azFieldKey[i], _("a %s has no %s"), cat_singular(k), azFieldKey[i]);
    }
  }
  if( rc==ECX_OK ) rc = api_opt_string(p, o, "name", CAT_MAX_NAME, 0, "name", &np.zName);
  if( rc==ECX_OK ) rc = api_opt_string(p, o, "description", CAT_MAX_TEXT, 0, "description", &np.zDescription);
  if( rc==ECX_OK ) rc = api_opt_string(p, o, "filter", CAT_MAX_TEXT, 0, "filter", &np.zFilter);
  if( rc==ECX_OK ) rc = api_opt_string(p, o, "channel", CAT_MAX_NAME, 1, "channel", &np.zChannel);
  if( rc==ECX_OK ) rc = api_opt_int(p, o, "position", 0, CAT_MAX_POSITION, "position", &np.hasPosition, &np.position);
  if( rc==ECX_OK ) rc = opt_areas(p, o, &np);
  json_decref(o);
  if( rc ) return rc;
  rc = api_catalog_store(p, k, zName, &np, &created, &changed, &zAfter);
  if( rc ) return rc;
  p->zContentType = "application/json";
  p->status = created ? 201 : 200;
  buf_puts(&p->body, zAfter);
  buf_putc(&p->body, '\n');
  return ECX_OK;
}

int api_catalog(HttpReq *p){
  const char *zRest = p->zPath + strlen("/api/v1/");
  char zKind[32];
  size_t n = strcspn(zRest, "/");
  int k;
  if( n >= sizeof zKind ) return http_fail(p, 404, ECX_ENOTFOUND, 0, "%s", _("no such object"));
  memcpy(zKind, zRest, n);
  zKind[n] = 0;
  k = cat_kind_from_plural(zKind);
  if( k < 0 ) return http_fail(p, 404, ECX_ENOTFOUND, 0, "%s", _("no such object"));
  char zColl[48];
  snprintf(zColl, sizeof zColl, "/api/v1/%s", zKind);
  const char *zName = api_path_name(p, zColl);
  if( zName && !zName[0] ) return ECX_ENOTFOUND;
  if( p->method==HTTP_PUT ){
    if( !zName ) return http_fail(p, 405, ECX_EUSAGE, 0, "%s", _("method not allowed"));
    return put_item(p, (CatKind)k, zName);
  }
  p->zContentType = "application/json";
  if( !zName ){
    ListCtx c = {&p->body, (CatKind)k, 0};
    buf_puts(&p->body, "{\"items\":[");
    int rc = cat_each(p->pWs, (CatKind)k, list_row, &c);
    if( rc ) return rc;
    buf_puts(&p->body, "]}\n");
    return ECX_OK;
  }
  const char *z = 0;
  int rc = item_text(p, (CatKind)k, zName, &z);
  if( rc ) return rc;
  if( !z ) return http_fail(p, 404, ECX_ENOTFOUND, 0, _("no %s named \"%s\""), cat_singular((CatKind)k), zName);
  buf_puts(&p->body, z);
  buf_putc(&p->body, '\n');
  return ECX_OK;
}
