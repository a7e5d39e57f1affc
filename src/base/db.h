/*
** The database layer: the only code in ecx that calls SQLite.
**
** A Stmt keeps its SQL so that errors name the statement that failed. SQLite
** result codes are mapped to ecx codes (err.h): SQLITE_FULL to ECX_EFULL,
** SQLITE_BUSY/LOCKED to ECX_EBUSY, SQLITE_READONLY to ECX_EREADONLY, ...
** Values always go through bound parameters, never into the SQL text.
*/
#ifndef ECX_DB_H
#define ECX_DB_H

#include <stdint.h>

typedef struct Db Db;
typedef struct Stmt Stmt;

#define DB_CREATE    0x01  /* create the file; fail if it exists */
#define DB_READONLY  0x02  /* open read-only */

#define DB_ROW  100        /* db_step(): a row is ready */
#define DB_DONE 101        /* db_step(): no more rows */

/* Open a database file. On success *ppDb owns the connection; close it with
** db_close(). Sets WAL, foreign keys and a busy timeout. */
int db_open(const char *zPath, int flags, Db **ppDb);
void db_close(Db *pDb);
const char *db_filename(Db *pDb);
/* 1 if the connection cannot write (a read-only file, directory or disk
** opened without DB_READONLY falls back to reading). */
int db_readonly(Db *pDb);

/* Run SQL without parameters (may hold several statements). */
int db_exec(Db *pDb, const char *zSql);

/* Compile one statement. *ppStmt is owned by the caller: db_finalize() it. */
int db_prepare(Db *pDb, Stmt **ppStmt, const char *zSql);
/* As db_prepare, but the statement is cached on the connection and must be
** given back with db_reset() only (never finalized by the caller). */
int db_cached(Db *pDb, Stmt **ppStmt, const char *zSql);
int db_bind_int(Stmt *p, int i, int64_t v);
int db_bind_double(Stmt *p, int i, double v);
/* Text is copied by SQLite; n<0 means NUL-terminated. NULL binds SQL NULL. */
int db_bind_text(Stmt *p, int i, const char *z, int n);
int db_bind_null(Stmt *p, int i);
/* DB_ROW, DB_DONE or an ecx error code. */
int db_step(Stmt *p);
int64_t db_column_int(Stmt *p, int i);
double db_column_double(Stmt *p, int i);
/* Text owned by the statement, valid until the next step/reset. Never NULL
** (an SQL NULL reads as ""); use db_column_is_null to tell them apart. */
const char *db_column_text(Stmt *p, int i);
int db_column_is_null(Stmt *p, int i);
int db_column_count(Stmt *p);
int db_reset(Stmt *p);
void db_finalize(Stmt *p);

/* Settings for one bulk load on this connection (ecx import), changed
** outside a transaction: on=1 turns foreign-key enforcement off (the loader
** only writes ids it created or read in its own transaction) and gives the
** page cache DB_BULK_CACHE_KIB; on=0 restores what db_open() set and cannot
** fail. Journal mode and synchronous are never touched: the load stays
** crash-safe. */
#define DB_BULK_CACHE_KIB 4096
int db_bulk(Db *pDb, int on);

/* Explicit transactions. db_begin starts BEGIN IMMEDIATE (a writer).
** db_begin_read starts a read transaction: its snapshot is taken at its
** first read and holds until db_rollback, while writers go on (WAL). */
int db_begin(Db *pDb);
int db_begin_read(Db *pDb);
int db_commit(Db *pDb);
int db_rollback(Db *pDb);
int db_savepoint(Db *pDb, const char *zName);
int db_release(Db *pDb, const char *zName);
int db_rollback_to(Db *pDb, const char *zName);

int64_t db_last_rowid(Db *pDb);
int db_changes(Db *pDb);

/* One-liners: the first column of the first row of zSql, with one optional
** text parameter zArg bound to ?1 (NULL for none). *pOut is left as it was
** when there is no row. */
int db_int(Db *pDb, int64_t *pOut, const char *zSql, const char *zArg);
/* *pzOut is set to a copy the caller frees with free(), or NULL if no row. */
int db_text(Db *pDb, char **pzOut, const char *zSql, const char *zArg);

/* PRAGMA user_version and application_id. */
int db_user_version(Db *pDb, int *pVersion);
int db_set_user_version(Db *pDb, int version);

/* The SQLite library version, e.g. "3.40.1". Static string. */
const char *db_lib_version(void);

/* Online backup of the whole database into zDest (overwritten). */
int db_backup(Db *pDb, const char *zDest);

#endif
