/*
** The workspace schema and its versioned migrations.
**
** PRAGMA user_version holds the schema version and application_id marks the
** file as an ecx workspace. Migration k brings a file from version k-1 to k;
** each runs in the transaction of schema_migrate().
*/
#ifndef ECX_SCHEMA_H
#define ECX_SCHEMA_H

#include "../base/db.h"

#define SCHEMA_VERSION 7            /* version this ecx writes */
#define SCHEMA_APPLICATION_ID 0x65637821  /* "ecx!" */

/* Bring pDb from its current version up to version `target` (1..SCHEMA_VERSION)
** in one transaction. A file newer than SCHEMA_VERSION gives ECX_EVERSION; a
** SQLite file that is not an ecx workspace gives ECX_EFORMAT. */
int schema_migrate(Db *pDb, int target);

#endif
