/*
** The database layer: statement wrapper over SQLite with error mapping.
*/
#include <errno.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "db.h"
#include "err.h"
#include "i18n.h"

#define DB_NCACHE 64

struct Stmt {
  sqlite3_stmt *pStmt;
  Db *pDb;
  const char *zSql;   /* for error messages; points into SQLite's copy */
};

struct Db {
  sqlite3 *db;
  char *zFile;
  Stmt aCache[DB_NCACHE];   /* statements handed out by db_cached() */
  const char *azCacheSql[DB_NCACHE];
  int nCache;
  int holdsWrite;           /* holds writeMutex: a transaction of db_begin is open */
  int msBusy;               /* how long db_begin waits for a writer */
};

/* Writers of one process queue here rather than in SQLite's busy handler,
** which sleeps in steps of milliseconds while another connection of the
** process holds the write lock (the server's worker threads each have one).
** Readers (db_begin_read) do not take it. Waiting is bounded by the busy
** timeout (then ECX_EBUSY, as SQLite would answer). Recursive, so that a
** thread beginning on a second connection while its first is open waits in
** SQLite as before instead of deadlocking. Other processes are still waited
** for by SQLite's busy timeout. */
static pthread_mutex_t writeMutex = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

/* Release writeMutex once pDb's transaction is over. */
static void write_release(Db *pDb, int force){
  if( pDb->holdsWrite && (force || sqlite3_get_autocommit(pDb->db)) ){
    pDb->holdsWrite = 0;
    pthread_mutex_unlock(&writeMutex);
  }
}

#ifdef ECX_FAULT
/* Test builds: SQLite allocates through ecx_fault_alloc() too (err.h). */
#include <pthread.h>
static sqlite3_mem_methods memDefault;
static void *fault_malloc(int n){ return ecx_fault_alloc() ? 0 : memDefault.xMalloc(n); }
static void *fault_realloc(void *p, int n){ return ecx_fault_alloc() ? 0 : memDefault.xRealloc(p, n); }
static void fault_install(void){
  sqlite3_mem_methods m;
  sqlite3_config(SQLITE_CONFIG_GETMALLOC, &memDefault);
  m = memDefault;
  m.xMalloc = fault_malloc;
  m.xRealloc = fault_realloc;
  sqlite3_config(SQLITE_CONFIG_MALLOC, &m);
}
static void db_fault_init(void){
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, fault_install);
}
#else
static void db_fault_init(void){}
#endif

/* Map an SQLite result code to an ecx code and record the detail. */
static int db_error(Db *pDb, int src, const char *zSql){
  int rc;
  switch( src & 0xff ){
    case SQLITE_FULL:      rc = ECX_EFULL; break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:    rc = ECX_EBUSY; break;
    case SQLITE_READONLY:  rc = ECX_EREADONLY; break;
    case SQLITE_NOMEM:     rc = ECX_ENOMEM; break;
    case SQLITE_CONSTRAINT:rc = ECX_EEXIST; break;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:     rc = (src==SQLITE_IOERR_NOMEM) ? ECX_ENOMEM : ECX_EIO; break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:   rc = ECX_EFORMAT; break;
    default:               rc = ECX_EDB; break;
  }
  if( (src & 0xff)==SQLITE_IOERR && pDb && pDb->db ){
    int e = sqlite3_system_errno(pDb->db);
    /* No space, a file-size limit or a disk quota: the disk is full for us. */
    if( e==ENOSPC || e==EFBIG || e==EDQUOT ) rc = ECX_EFULL;
  }
  err_set(rc, "%s%s%s%s", pDb && pDb->db ? sqlite3_errmsg(pDb->db) : sqlite3_errstr(src),
          zSql ? " (in: " : "", zSql ? zSql : "", zSql ? ")" : "");
  return rc;
}

/* "file:PATH?immutable=1" with the URI's special bytes escaped. Caller frees. */
static char *immutable_uri(const char *zPath){
  static const char zHex[] = "0123456789abcdef";
  size_t n = strlen(zPath);
  char *z = ecx_malloc(3*n + 32), *q = z;
  memcpy(q, "file:", 5); q += 5;
  for(const unsigned char *c = (const unsigned char*)zPath; *c; c++){
    if( *c=='%' || *c=='?' || *c=='#' || *c<=' ' || *c>=0x7f ){
      *q++ = '%'; *q++ = zHex[*c>>4]; *q++ = zHex[*c&15];
    }else{
      *q++ = (char)*c;
    }
  }
  memcpy(q, "?immutable=1", 13);
  return z;
}

/* 1 if a read-only connection cannot read because SQLite cannot create the
** WAL index beside the file (a read-only directory or medium). */
static int wal_unreadable(Db *p){
  sqlite3_stmt *pS = 0;
  int src = sqlite3_prepare_v2(p->db, "SELECT count(*) FROM sqlite_master", -1, &pS, 0);
  if( src==SQLITE_OK ) src = sqlite3_step(pS);
  sqlite3_finalize(pS);
  src &= 0xff;
  return src==SQLITE_READONLY || src==SQLITE_CANTOPEN;
}

int db_open(const char *zPath, int flags, Db **ppDb){
  *ppDb = 0;
  int oflags = (flags & DB_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if( flags & DB_CREATE ) oflags |= SQLITE_OPEN_CREATE;
  oflags |= SQLITE_OPEN_NOMUTEX;
  db_fault_init();
  Db *p = ecx_calloc(1, sizeof *p);
  int src = sqlite3_open_v2(zPath, &p->db, oflags, 0);
  if( src==SQLITE_OK && (flags & DB_READONLY) && wal_unreadable(p) ){
    /* A WAL workspace in a directory we may not write: without a -wal file
    ** every committed change is in the main file, and nobody can be writing
    ** (a writer would need that directory too), so read it as immutable. */
    Buf wal;
    buf_init(&wal, 8192);
    buf_printf(&wal, "%s-wal", zPath);
    int haveWal = access(buf_str(&wal), F_OK)==0;
    buf_free(&wal);
    if( !haveWal ){
      char *zUri = immutable_uri(zPath);
      sqlite3_close(p->db);
      p->db = 0;
      src = sqlite3_open_v2(zUri, &p->db, oflags | SQLITE_OPEN_URI, 0);
      free(zUri);
    }
  }
  if( src!=SQLITE_OK ){
    int rc = db_error(p, src, 0);
    err_set(rc, "cannot open %s: %s", zPath, p->db ? sqlite3_errmsg(p->db) : sqlite3_errstr(src));
    sqlite3_close(p->db);
    free(p);
    return rc;
  }
  p->zFile = ecx_strdup(zPath);
  sqlite3_extended_result_codes(p->db, 1);
  /* How long a writer waits for another process's lock before ECX_EBUSY:
  ** 5 s, or ECX_BUSY_TIMEOUT milliseconds (docs/RELIABILITY.md). */
  int64_t msBusy = 5000;
  const char *zBusy = getenv("ECX_BUSY_TIMEOUT");
  if( zBusy ){
    char *zEnd = 0;
    long long v = strtoll(zBusy, &zEnd, 10);
    if( zEnd && *zEnd==0 && v >= 0 && v <= 600000 ) msBusy = v;
  }
  sqlite3_busy_timeout(p->db, (int)msBusy);
  p->msBusy = (int)msBusy;
  int rc = db_exec(p, "PRAGMA foreign_keys=ON;");
  if( rc==ECX_OK && !(flags & DB_READONLY) ){
    /* NORMAL: a committed transaction survives any crash of the process;
    ** ECX_SYNC=full also makes it survive a power cut (docs/RELIABILITY.md). */
    const char *zSync = getenv("ECX_SYNC");
    rc = db_exec(p, zSync && strcmp(zSync, "full")==0
                    ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                    : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
  }
  if( rc ){
    db_close(p);
    return rc;
  }
  *ppDb = p;
  return ECX_OK;
}

void db_close(Db *pDb){
  if( !pDb ) return;
  write_release(pDb, 1);
  for(int i = 0; i < pDb->nCache; i++) sqlite3_finalize(pDb->aCache[i].pStmt);
  sqlite3_close(pDb->db);
  free(pDb->zFile);
  free(pDb);
}

const char *db_filename(Db *pDb){ return pDb->zFile; }

int db_readonly(Db *pDb){ return sqlite3_db_readonly(pDb->db, "main")==1; }

int db_exec(Db *pDb, const char *zSql){
  char *zErr = 0;
  int src = sqlite3_exec(pDb->db, zSql, 0, 0, &zErr);
  sqlite3_free(zErr);
  return src==SQLITE_OK ? ECX_OK : db_error(pDb, src, zSql);
}

static int stmt_compile(Db *pDb, Stmt *pOut, const char *zSql){
  sqlite3_stmt *pS = 0;
  int src = sqlite3_prepare_v2(pDb->db, zSql, -1, &pS, 0);
  if( src!=SQLITE_OK ) return db_error(pDb, src, zSql);
  pOut->pStmt = pS;
  pOut->pDb = pDb;
  pOut->zSql = sqlite3_sql(pS);
  return ECX_OK;
}

int db_prepare(Db *pDb, Stmt **ppStmt, const char *zSql){
  Stmt s;
  *ppStmt = 0;
  int rc = stmt_compile(pDb, &s, zSql);
  if( rc ) return rc;
  *ppStmt = ecx_malloc(sizeof s);
  **ppStmt = s;
  return ECX_OK;
}

int db_cached(Db *pDb, Stmt **ppStmt, const char *zSql){
  for(int i = 0; i < pDb->nCache; i++){
    if( pDb->azCacheSql[i]==zSql || strcmp(pDb->azCacheSql[i], zSql)==0 ){
      *ppStmt = &pDb->aCache[i];
      return ECX_OK;
    }
  }
  if( pDb->nCache >= DB_NCACHE ) err_fatal("db_cached: more than %d cached statements", DB_NCACHE);
  int rc = stmt_compile(pDb, &pDb->aCache[pDb->nCache], zSql);
  if( rc ) return rc;
  pDb->azCacheSql[pDb->nCache] = pDb->aCache[pDb->nCache].zSql;
  *ppStmt = &pDb->aCache[pDb->nCache++];
  return ECX_OK;
}

static int bind_rc(Stmt *p, int src){
  return src==SQLITE_OK ? ECX_OK : db_error(p->pDb, src, p->zSql);
}
int db_bind_int(Stmt *p, int i, int64_t v){ return bind_rc(p, sqlite3_bind_int64(p->pStmt, i, v)); }
int db_bind_double(Stmt *p, int i, double v){ return bind_rc(p, sqlite3_bind_double(p->pStmt, i, v)); }
int db_bind_null(Stmt *p, int i){ return bind_rc(p, sqlite3_bind_null(p->pStmt, i)); }
int db_bind_text(Stmt *p, int i, const char *z, int n){
  if( !z ) return db_bind_null(p, i);
  return bind_rc(p, sqlite3_bind_text(p->pStmt, i, z, n, SQLITE_TRANSIENT));
}

int db_step(Stmt *p){
  int src = sqlite3_step(p->pStmt);
  if( src==SQLITE_ROW ) return DB_ROW;
  if( src==SQLITE_DONE ) return DB_DONE;
  int rc = db_error(p->pDb, src, p->zSql);
  sqlite3_reset(p->pStmt);
  return rc;
}

int64_t db_column_int(Stmt *p, int i){ return sqlite3_column_int64(p->pStmt, i); }
double db_column_double(Stmt *p, int i){ return sqlite3_column_double(p->pStmt, i); }
const char *db_column_text(Stmt *p, int i){
  const unsigned char *z = sqlite3_column_text(p->pStmt, i);
  return z ? (const char*)z : "";
}
int db_column_is_null(Stmt *p, int i){ return sqlite3_column_type(p->pStmt, i)==SQLITE_NULL; }
int db_column_count(Stmt *p){ return sqlite3_column_count(p->pStmt); }

int db_reset(Stmt *p){
  sqlite3_reset(p->pStmt);
  sqlite3_clear_bindings(p->pStmt);
  return ECX_OK;
}

void db_finalize(Stmt *p){
  if( !p ) return;
  sqlite3_finalize(p->pStmt);
  free(p);
}

int db_bulk(Db *pDb, int on){
  int fk = -1;
  /* Foreign keys through the API, which allocates nothing: turning them
  ** back on after a commit cannot fail half-way. */
  int src = sqlite3_db_config(pDb->db, SQLITE_DBCONFIG_ENABLE_FKEY, on ? 0 : 1, &fk);
  if( src!=SQLITE_OK ) return db_error(pDb, src, 0);
  if( on ){
    char zSql[64];
    snprintf(zSql, sizeof zSql, "PRAGMA cache_size=-%d;", DB_BULK_CACHE_KIB);
    return db_exec(pDb, zSql);
  }
  /* -2000 (2 MB) is SQLite's documented default. A failure (out of memory)
  ** only leaves the larger cache: nothing to report after a commit. */
  if( db_exec(pDb, "PRAGMA cache_size=-2000;") ) err_clear();
  return ECX_OK;
}

int db_begin(Db *pDb){
  int held = pDb->holdsWrite;
  if( !held ){
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    t.tv_sec += pDb->msBusy / 1000;
    t.tv_nsec += (long)(pDb->msBusy % 1000) * 1000000L;
    if( t.tv_nsec >= 1000000000L ){ t.tv_sec++; t.tv_nsec -= 1000000000L; }
    if( pthread_mutex_timedlock(&writeMutex, &t) ){
      return err_set(ECX_EBUSY, "%s", _("the workspace is busy with another write; try again"));
    }
  }
  int rc = db_exec(pDb, "BEGIN IMMEDIATE");
  if( !held ){
    if( rc ) pthread_mutex_unlock(&writeMutex);
    else pDb->holdsWrite = 1;
  }
  return rc;
}
int db_begin_read(Db *pDb){ return db_exec(pDb, "BEGIN DEFERRED"); }
int db_commit(Db *pDb){
  int rc = db_exec(pDb, "COMMIT");
  write_release(pDb, 0);
  return rc;
}
int db_rollback(Db *pDb){
  int rc = sqlite3_get_autocommit(pDb->db) ? ECX_OK : db_exec(pDb, "ROLLBACK");
  write_release(pDb, 0);
  return rc;
}

static int savepoint_op(Db *pDb, const char *zVerb, const char *zName){
  char zSql[128];
  for(const char *s = zName; *s; s++){
    if( !((*s>='a' && *s<='z') || *s=='_') ) err_fatal("bad savepoint name %s", zName);
  }
  snprintf(zSql, sizeof zSql, "%s %s", zVerb, zName);
  return db_exec(pDb, zSql);
}
int db_savepoint(Db *pDb, const char *zName){ return savepoint_op(pDb, "SAVEPOINT", zName); }
int db_release(Db *pDb, const char *zName){ return savepoint_op(pDb, "RELEASE", zName); }
int db_rollback_to(Db *pDb, const char *zName){ return savepoint_op(pDb, "ROLLBACK TO", zName); }

int64_t db_last_rowid(Db *pDb){ return sqlite3_last_insert_rowid(pDb->db); }
int db_changes(Db *pDb){ return sqlite3_changes(pDb->db); }

int db_int(Db *pDb, int64_t *pOut, const char *zSql, const char *zArg){
  Stmt *p;
  int rc = db_prepare(pDb, &p, zSql);
  if( rc ) return rc;
  if( zArg ) db_bind_text(p, 1, zArg, -1);
  rc = db_step(p);
  if( rc==DB_ROW ) *pOut = db_column_int(p, 0);
  db_finalize(p);
  return rc==DB_ROW || rc==DB_DONE ? ECX_OK : rc;
}

int db_text(Db *pDb, char **pzOut, const char *zSql, const char *zArg){
  Stmt *p;
  *pzOut = 0;
  int rc = db_prepare(pDb, &p, zSql);
  if( rc ) return rc;
  if( zArg ) db_bind_text(p, 1, zArg, -1);
  rc = db_step(p);
  if( rc==DB_ROW && !db_column_is_null(p, 0) ) *pzOut = ecx_strdup(db_column_text(p, 0));
  db_finalize(p);
  return rc==DB_ROW || rc==DB_DONE ? ECX_OK : rc;
}

int db_user_version(Db *pDb, int *pVersion){
  int64_t v = 0;
  int rc = db_int(pDb, &v, "PRAGMA user_version", 0);
  *pVersion = (int)v;
  return rc;
}

int db_set_user_version(Db *pDb, int version){
  char zSql[64];
  snprintf(zSql, sizeof zSql, "PRAGMA user_version=%d", version);
  return db_exec(pDb, zSql);
}

const char *db_lib_version(void){ return sqlite3_libversion(); }

int db_backup(Db *pDb, const char *zDest){
  sqlite3 *pTo = 0;
  int src = sqlite3_open(zDest, &pTo);
  if( src==SQLITE_OK ){
    sqlite3_backup *pB = sqlite3_backup_init(pTo, "main", pDb->db, "main");
    if( pB ){
      sqlite3_backup_step(pB, -1);
      sqlite3_backup_finish(pB);
    }
    src = sqlite3_errcode(pTo);
  }
  int rc = src==SQLITE_OK ? ECX_OK : err_set(ECX_EIO, "backup to %s failed: %s", zDest, sqlite3_errmsg(pTo));
  sqlite3_close(pTo);
  return rc;
}
