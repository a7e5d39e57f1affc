/*
** The catalog of named things (catalog.h): one row of aKind per kind.
*/
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "entity.h"
#include "../base/err.h"
#include "../base/fold.h"
#include "../base/i18n.h"

/* Columns of the SELECTs: id, name, description, filter, position, channel.
** Parameters of the writes: ?1 id, ?2 name, ?3 description, ?4 filter,
** ?5 position, ?6 channel id (each only when the kind has the field). */
static const struct {
  const char *zPlural, *zSingular;
  int fields;
  const char *zSelect;     /* followed by zWhereName or zOrder */
  const char *zWhereName, *zOrder, *zNames;
  const char *zInsert, *zUpdate;
} aKind[CAT_NKIND] = {
  [CAT_SEGMENT] = {"segments", "segment", CAT_F_DESCRIPTION|CAT_F_FILTER,
    "SELECT id, name, description, filter, 0, '' FROM segment",
    " WHERE name=?1", " ORDER BY name", "SELECT id, name FROM segment",
    "INSERT INTO segment(name, description, filter) VALUES(?2, ?3, ?4)",
    "UPDATE segment SET name=?2, description=?3, filter=?4 WHERE id=?1"},
  [CAT_TOUCHPOINT] = {"touchpoints", "touchpoint", CAT_F_DESCRIPTION|CAT_F_POSITION|CAT_F_CHANNEL|CAT_F_AREAS,
    "SELECT t.id, t.name, t.description, '', t.position, coalesce(c.name,'')"
    " FROM touchpoint t LEFT JOIN channel c ON c.id=t.channel_id",
    " WHERE t.name=?1", " ORDER BY t.position, t.name", "SELECT id, name FROM touchpoint",
    "INSERT INTO touchpoint(name, description, position, channel_id) VALUES(?2, ?3, ?5, ?6)",
    "UPDATE touchpoint SET name=?2, description=?3, position=?5, channel_id=?6 WHERE id=?1"},
  [CAT_DIMENSION] = {"dimensions", "dimension", CAT_F_DESCRIPTION,
    "SELECT id, name, description, '', 0, '' FROM dimension",
    " WHERE name=?1", " ORDER BY name", "SELECT id, name FROM dimension",
    "INSERT INTO dimension(name, description) VALUES(?2, ?3)",
    "UPDATE dimension SET name=?2, description=?3 WHERE id=?1"},
  [CAT_AREA] = {"areas", "area", CAT_F_DESCRIPTION,
    "SELECT id, name, description, '', 0, '' FROM area",
    " WHERE name=?1", " ORDER BY name", "SELECT id, name FROM area",
    "INSERT INTO area(name, description) VALUES(?2, ?3)",
    "UPDATE area SET name=?2, description=?3 WHERE id=?1"},
  [CAT_COMPETITOR] = {"competitors", "competitor", 0,
    "SELECT id, name, '', '', 0, '' FROM competitor",
    " WHERE name=?1", " ORDER BY name", "SELECT id, name FROM competitor",
    "INSERT INTO competitor(name) VALUES(?2)",
    "UPDATE competitor SET name=?2 WHERE id=?1"},
};

const char *cat_plural(CatKind k){ return aKind[k].zPlural; }
const char *cat_singular(CatKind k){ return aKind[k].zSingular; }
int cat_fields(CatKind k){ return aKind[k].fields; }

int cat_kind_from_plural(const char *z){
  for(int k = 0; k < CAT_NKIND; k++) if( strcmp(z, aKind[k].zPlural)==0 ) return k;
  return -1;
}

void cat_item_clear(CatItem *p){
  free(p->zName); free(p->zDescription); free(p->zFilter); free(p->zChannel);
  for(int i = 0; i < p->nArea; i++) free(p->azArea[i]);
  free(p->azArea);
  memset(p, 0, sizeof *p);
}

/* One row of the kind's SELECT into *p, and the touchpoint's areas. */
static int item_read(Workspace *pWs, CatKind k, Stmt *s, CatItem *p){
  memset(p, 0, sizeof *p);
  p->id = db_column_int(s, 0);
  p->zName = ecx_strdup(db_column_text(s, 1));
  p->zDescription = ecx_strdup(db_column_text(s, 2));
  p->zFilter = ecx_strdup(db_column_text(s, 3));
  p->position = db_column_int(s, 4);
  p->zChannel = ecx_strdup(db_column_text(s, 5));
  return (aKind[k].fields & CAT_F_AREAS) ? cat_tp_read_areas(pWs, p->id, p) : ECX_OK;
}

/* Compile the kind's SELECT with a suffix. */
static int prepare_select(Workspace *pWs, CatKind k, const char *zSuffix, Stmt **ps){
  char zSql[600];
  size_t n = strlen(aKind[k].zSelect), m = strlen(zSuffix);
  if( n + m + 1 > sizeof zSql ) err_fatal("catalog SQL too long");
  memcpy(zSql, aKind[k].zSelect, n);
  memcpy(zSql + n, zSuffix, m + 1);
  return db_prepare(pWs->pDb, ps, zSql);
}

int cat_get(Workspace *pWs, CatKind k, const char *zName, CatItem *p){
  Stmt *s = 0;
  memset(p, 0, sizeof *p);
  int rc = prepare_select(pWs, k, aKind[k].zWhereName, &s);
  if( rc ) return rc;
  db_bind_text(s, 1, zName, -1);
  rc = db_step(s);
  if( rc==DB_ROW ){
    rc = item_read(pWs, k, s, p);
    if( rc ) cat_item_clear(p);
  }
  else if( rc==DB_DONE ) rc = err_set(ECX_ENOTFOUND, _("no %s named \"%s\""), aKind[k].zSingular, zName);
  db_finalize(s);
  return rc;
}

int cat_each(Workspace *pWs, CatKind k, int (*xRow)(void*, const CatItem*), void *pArg){
  Stmt *s = 0;
  int rc = prepare_select(pWs, k, aKind[k].zOrder, &s);
  if( rc ) return rc;
  while( (rc = db_step(s))==DB_ROW ){
    CatItem it;
    int r = item_read(pWs, k, s, &it);
    if( r==ECX_OK ) r = xRow(pArg, &it);
    cat_item_clear(&it);
    if( r ){ rc = r; break; }
  }
  db_finalize(s);
  return rc==DB_DONE ? ECX_OK : rc;
}

int cat_name_clash(Workspace *pWs, const char *zSqlNames, int64_t self, const char *zName,
                   char **pzOther){
  Buf a, b;
  Stmt *s = 0;
  int clash = 0;
  *pzOther = 0;
  buf_init(&a, 1u<<16);
  buf_init(&b, 1u<<16);
  fold_text(&a, zName, strlen(zName));
  if( db_prepare(pWs->pDb, &s, zSqlNames)==ECX_OK ){
    while( !clash && db_step(s)==DB_ROW ){
      const char *z = db_column_text(s, 1);
      if( db_column_int(s, 0)==self ) continue;
      buf_reset(&b);
      fold_text(&b, z, strlen(z));
      if( strcmp(z, zName)==0 || (a.n && a.n==b.n && memcmp(a.z, b.z, a.n)==0) ){
        clash = 1;
        *pzOther = ecx_strdup(z);
      }
    }
    db_finalize(s);
  }
  buf_free(&a);
  buf_free(&b);
  return clash;
}

/* A name: 1 to CAT_MAX_NAME bytes, not only blanks, no control characters. */
static int name_ok(const char *z){
  size_t n = strlen(z);
  if( n==0 || n > CAT_MAX_NAME || strspn(z, " \t")==n || z[0]==' ' || z[n-1]==' ' ) return 0;
  for(const unsigned char *q = (const unsigned char*)z; *q; q++) if( *q < 0x20 || *q==0x7f ) return 0;
  return 1;
}

int cat_put(Workspace *pWs, CatKind k, const char *zName, const CatPut *pNew, int *pCreated,
            const char **pzField){
  CatItem cur;
  int64_t channelId = 0, aAreaId[CAT_MAX_AREAS];
  char *zOther = 0;
  int f = aKind[k].fields, rc;
  *pCreated = 0;
  *pzField = 0;
  const char *zNewName = pNew->zName ? pNew->zName : zName;
  if( !name_ok(zNewName) ){
    *pzField = "name";
    return err_set(ECX_EINVAL, _("a name has 1 to %d characters, without blanks at the ends"), CAT_MAX_NAME);
  }
  if( (pNew->zDescription && strlen(pNew->zDescription) > CAT_MAX_TEXT)
   || (pNew->zFilter && strlen(pNew->zFilter) > CAT_MAX_TEXT) ){
    *pzField = pNew->zFilter && strlen(pNew->zFilter) > CAT_MAX_TEXT ? "filter" : "description";
    return err_set(ECX_EINVAL, _("at most %d characters"), CAT_MAX_TEXT);
  }
  if( pNew->hasPosition && (pNew->position < 0 || pNew->position > CAT_MAX_POSITION) ){
    *pzField = "position";
    return err_set(ECX_EINVAL, _("must be a whole number from %lld to %lld"), 0LL, (long long)CAT_MAX_POSITION);
  }
  if( pNew->zChannel && pNew->zChannel[0] && !name_ok(pNew->zChannel) ){
    *pzField = "channel";
    return err_set(ECX_EINVAL, _("a name has 1 to %d characters, without blanks at the ends"), CAT_MAX_NAME);
  }
  if( pNew->hasAreas && (f & CAT_F_AREAS) ){
    rc = cat_area_ids(pWs, pNew->nArea, pNew->azArea, aAreaId);
    if( rc ){ *pzField = "areas"; return rc; }
  }
  rc = cat_get(pWs, k, zName, &cur);
  if( rc==ECX_ENOTFOUND && strcmp(zNewName, zName)!=0 ){
    /* Renamed already (the same PUT sent again): change the new name's item. */
    rc = cat_get(pWs, k, zNewName, &cur);
  }
  if( rc==ECX_ENOTFOUND ){
    err_clear();
    rc = ECX_OK;
    if( (f & CAT_F_FILTER) && !pNew->zFilter ){
      *pzField = "filter";
      return err_set(ECX_EINVAL, "%s", _("a new segment needs a filter"));
    }
    cur.zName = ecx_strdup(zName);
    cur.zDescription = ecx_strdup("");
    cur.zFilter = ecx_strdup("");
    cur.zChannel = ecx_strdup("");
    if( f & CAT_F_POSITION ){
      rc = db_int(pWs->pDb, &cur.position, "SELECT coalesce(max(position),0)+1 FROM touchpoint", 0);
    }
    *pCreated = 1;
  }
  if( rc ){ cat_item_clear(&cur); return rc; }
  if( cat_name_clash(pWs, aKind[k].zNames, cur.id, zNewName, &zOther) ){
    rc = err_set(ECX_EEXIST, _("there is already a %s named \"%s\""), aKind[k].zSingular, zOther);
    *pzField = "name";
    free(zOther);
    cat_item_clear(&cur);
    return rc;
  }
  const char *zChannel = pNew->zChannel ? pNew->zChannel : cur.zChannel;
  if( (f & CAT_F_CHANNEL) && zChannel[0] ){
    rc = ent_ensure(pWs, ENT_CHANNEL, zChannel, &channelId);
    if( rc ){ *pzField = "channel"; cat_item_clear(&cur); return rc; }
  }
  Stmt *s = 0;
  rc = db_prepare(pWs->pDb, &s, *pCreated ? aKind[k].zInsert : aKind[k].zUpdate);
  if( rc==ECX_OK ){
    if( !*pCreated ) db_bind_int(s, 1, cur.id);
    db_bind_text(s, 2, zNewName, -1);
    if( f & CAT_F_DESCRIPTION ) db_bind_text(s, 3, pNew->zDescription ? pNew->zDescription : cur.zDescription, -1);
    if( f & CAT_F_FILTER ) db_bind_text(s, 4, pNew->zFilter ? pNew->zFilter : cur.zFilter, -1);
    if( f & CAT_F_POSITION ) db_bind_int(s, 5, pNew->hasPosition ? pNew->position : cur.position);
    if( f & CAT_F_CHANNEL ){ if( channelId ) db_bind_int(s, 6, channelId); else db_bind_null(s, 6); }
    rc = db_step(s);
    rc = rc==DB_DONE ? ECX_OK : rc;
    db_finalize(s);
  }
  if( rc==ECX_OK && pNew->hasAreas && (f & CAT_F_AREAS) ){
    rc = cat_tp_set_areas(pWs, *pCreated ? db_last_rowid(pWs->pDb) : cur.id, pNew->nArea, aAreaId);
  }
  cat_item_clear(&cur);
  return rc;
}
