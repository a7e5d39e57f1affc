/*
** A workspace: one organization's SQLite file, opened and migrated.
*/
#ifndef ECX_WORKSPACE_H
#define ECX_WORKSPACE_H

#include <stdint.h>
#include "../base/db.h"

typedef struct Workspace {
  Db *pDb;          /* the connection; owned by the Workspace */
  char *zPath;      /* file name; owned */
} Workspace;

#define WS_READONLY 0x01

/* Create a new workspace file at zPath migrated to schema `version`
** (0 means the current one). Fails with ECX_EEXIST if the file exists.
** *ppWs is freed with ws_close(). */
int ws_init(const char *zPath, int version, Workspace **ppWs);

/* Open an existing workspace, upgrading an older schema. A file from a newer
** ecx gives ECX_EVERSION. *ppWs is freed with ws_close(). */
int ws_open(const char *zPath, int flags, Workspace **ppWs);
void ws_close(Workspace *pWs);

/* Setting value as a copy the caller frees, or NULL when unset. */
int ws_setting_get(Workspace *pWs, const char *zKey, char **pzValue);
int ws_setting_set(Workspace *pWs, const char *zKey, const char *zValue);
/* The minimum group size below which figures are suppressed (default 5). */
int ws_min_n(Workspace *pWs);

#endif
