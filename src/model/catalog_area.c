/*
** Which internal areas answer for which touchpoints (table touchpoint_area,
** schema migration 7): read and written with a touchpoint (catalog.h), and
** read by area for an area lead's dashboard scope.
*/
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "entity.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/i18n.h"

int cat_area_ids(Workspace *pWs, int n, const char *const *az, int64_t *aId){
  if( n > CAT_MAX_AREAS ){
    return err_set(ECX_EINVAL, _("at most %d areas per touchpoint"), CAT_MAX_AREAS);
  }
  for(int i = 0; i < n; i++){
    aId[i] = 0;
    int rc = ent_find(pWs, ENT_AREA, az[i], &aId[i]);
    if( rc==ECX_ENOTFOUND ){
      err_clear();
      return err_set(ECX_EINVAL, _("no area named \"%s\""), az[i]);
    }
    if( rc ) return rc;
  }
  return ECX_OK;
}

int cat_tp_set_areas(Workspace *pWs, int64_t tpId, int n, const int64_t *aId){
  Stmt *s = 0;
  int rc = db_prepare(pWs->pDb, &s, "DELETE FROM touchpoint_area WHERE touchpoint_id=?1");
  if( rc ) return rc;
  db_bind_int(s, 1, tpId);
  rc = db_step(s);
  db_finalize(s);
  if( rc!=DB_DONE ) return rc;
  rc = db_prepare(pWs->pDb, &s, "INSERT OR IGNORE INTO touchpoint_area(touchpoint_id, area_id) VALUES(?1, ?2)");
  if( rc ) return rc;
  for(int i = 0; i < n && rc==ECX_OK; i++){
    db_bind_int(s, 1, tpId);
    db_bind_int(s, 2, aId[i]);
    rc = db_step(s);
    rc = rc==DB_DONE ? ECX_OK : rc;
    db_reset(s);
  }
  db_finalize(s);
  return rc;
}

int cat_tp_read_areas(Workspace *pWs, int64_t tpId, CatItem *p){
  Stmt *s = 0;
  int rc = db_prepare(pWs->pDb, &s, "SELECT a.name FROM touchpoint_area ta JOIN area a ON a.id=ta.area_id"
                                    " WHERE ta.touchpoint_id=?1 ORDER BY a.name");
  if( rc ) return rc;
  db_bind_int(s, 1, tpId);
  while( (rc = db_step(s))==DB_ROW ){
    p->azArea = ecx_realloc(p->azArea, sizeof(char*)*(size_t)(p->nArea + 1));
    p->azArea[p->nArea++] = ecx_strdup(db_column_text(s, 0));
  }
  db_finalize(s);
  return rc==DB_DONE ? ECX_OK : rc;
}

int cat_area_touchpoints(Workspace *pWs, int64_t areaId, char **pzArea, char **pzIds){
  Stmt *s = 0;
  Buf b;
  *pzArea = 0;
  *pzIds = 0;
  int rc = db_prepare(pWs->pDb, &s, "SELECT name FROM area WHERE id=?1");
  if( rc ) return rc;
  db_bind_int(s, 1, areaId);
  rc = db_step(s);
  if( rc==DB_ROW ) *pzArea = ecx_strdup(db_column_text(s, 0));
  db_finalize(s);
  if( rc==DB_DONE ) return err_set(ECX_ENOTFOUND, _("no area with id %lld"), (long long)areaId);
  if( rc!=DB_ROW ) return rc;
  rc = db_prepare(pWs->pDb, &s, "SELECT t.id FROM touchpoint_area ta JOIN touchpoint t ON t.id=ta.touchpoint_id"
                                " WHERE ta.area_id=?1 ORDER BY t.position, t.id");
  if( rc ){ free(*pzArea); *pzArea = 0; return rc; }
  buf_init(&b, 1u<<20);
  db_bind_int(s, 1, areaId);
  while( (rc = db_step(s))==DB_ROW ) buf_printf(&b, "%s%lld", b.n ? "," : "", (long long)db_column_int(s, 0));
  db_finalize(s);
  *pzIds = buf_take(&b);
  if( rc==DB_DONE ) return ECX_OK;
  free(*pzArea); free(*pzIds);
  *pzArea = *pzIds = 0;
  return rc;
}
