/*
** Workspace files: create, open (with upgrade), settings.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "workspace.h"
#include "schema.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"

static Workspace *ws_new(Db *pDb, const char *zPath){
  Workspace *p = ecx_calloc(1, sizeof *p);
  p->pDb = pDb;
  p->zPath = ecx_strdup(zPath);
  return p;
}

int ws_init(const char *zPath, int version, Workspace **ppWs){
  struct stat st;
  Db *pDb = 0;
  *ppWs = 0;
  if( stat(zPath, &st)==0 ){
    return err_set(ECX_EEXIST, "%s already exists; ecx init never overwrites a file", zPath);
  }
  int rc = db_open(zPath, DB_CREATE, &pDb);
  if( rc ) return rc;
  rc = schema_migrate(pDb, version ? version : SCHEMA_VERSION);
  if( rc==ECX_OK ){
    char zNow[32];
    util_fmt_int(zNow, sizeof zNow, (int64_t)time(0));
    Workspace *p = ws_new(pDb, zPath);
    rc = ws_setting_set(p, "created", zNow);
    if( rc ){ ws_close(p); remove(zPath); return rc; }
    *ppWs = p;
    return ECX_OK;
  }
  db_close(pDb);
  remove(zPath);
  return rc;
}

int ws_open(const char *zPath, int flags, Workspace **ppWs){
  struct stat st;
  Db *pDb = 0;
  *ppWs = 0;
  if( stat(zPath, &st)!=0 ){
    return err_set(errno==ENOENT ? ECX_ENOTFOUND : ECX_EIO,
                   "cannot open workspace %s: %s (create one with: ecx init %s)",
                   zPath, strerror(errno), zPath);
  }
  int rc = db_open(zPath, (flags & WS_READONLY) ? DB_READONLY : 0, &pDb);
  if( rc==ECX_OK && !(flags & WS_READONLY) && db_readonly(pDb) ){
    db_close(pDb);
    rc = ECX_EREADONLY;
  }
  if( rc==ECX_EREADONLY ){
    /* Refuse at once and say what to fix, rather than fail at the first write. */
    return err_set(rc, _("cannot write %s: ecx needs write access to the file and to its "
                         "directory (for %s-wal and %s-shm); check their permissions and "
                         "that the disk is not mounted read-only"), zPath, zPath, zPath);
  }
  if( rc ) return rc;
  int version = 0;
  rc = db_user_version(pDb, &version);
  if( rc==ECX_OK && version > SCHEMA_VERSION ){
    rc = err_set(ECX_EVERSION,
                 "%s has schema version %d; this ecx reads up to version %d: upgrade ecx",
                 zPath, version, SCHEMA_VERSION);
  }else if( rc==ECX_OK && version==0 ){
    rc = err_set(ECX_EFORMAT, "%s is not an ecx workspace", zPath);
  }else if( rc==ECX_OK && version < SCHEMA_VERSION ){
    if( flags & WS_READONLY ){
      /* Upgrade through a writing connection, then open read-only again. */
      Workspace *pRw = 0;
      db_close(pDb);
      rc = ws_open(zPath, flags & ~WS_READONLY, &pRw);
      ws_close(pRw);
      if( rc ){
        return err_set(rc, "%s has schema version %d and must be upgraded, "
                       "which needs write access: %s", zPath, version, err_detail());
      }
      return ws_open(zPath, flags, ppWs);
    }else{
      rc = schema_migrate(pDb, SCHEMA_VERSION);
    }
  }
  if( rc ){
    db_close(pDb);
    return rc;
  }
  *ppWs = ws_new(pDb, zPath);
  return ECX_OK;
}

void ws_close(Workspace *pWs){
  if( !pWs ) return;
  db_close(pWs->pDb);
  free(pWs->zPath);
  free(pWs);
}

int ws_setting_get(Workspace *pWs, const char *zKey, char **pzValue){
  return db_text(pWs->pDb, pzValue, "SELECT value FROM setting WHERE key=?1", zKey);
}

int ws_setting_set(Workspace *pWs, const char *zKey, const char *zValue){
  Stmt *p;
  int rc = db_prepare(pWs->pDb, &p,
      "INSERT INTO setting(key, value) VALUES(?1, ?2)"
      " ON CONFLICT(key) DO UPDATE SET value=excluded.value");
  if( rc ) return rc;
  db_bind_text(p, 1, zKey, -1);
  db_bind_text(p, 2, zValue, -1);
  rc = db_step(p);
  db_finalize(p);
  return rc==DB_DONE ? ECX_OK : rc;
}

int ws_min_n(Workspace *pWs){
  char *z = 0;
  int64_t n = 5;
  if( ws_setting_get(pWs, "min_n", &z)==ECX_OK && z ){
    if( util_parse_int(z, &n)!=ECX_OK || n < 1 ) n = 5;
  }
  free(z);
  return (int)n;
}
