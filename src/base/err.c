/*
** Error code table, per-thread error detail and aborting allocators.
*/
#include <stdarg.h>
#include <stdio.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef ECX_FAULT
#include <stdatomic.h>
#endif

#include "err.h"
#include "i18n.h"

static const struct {
  const char *zName;
  const char *zMsg;
  int exitCode;
  int httpStatus;
} aErr[ECX_NERR] = {
  [ECX_OK]        = {"ok", N_("success"), 0, 200},
  [ECX_EUSAGE]    = {"usage", N_("wrong usage"), 2, 400},
  [ECX_ENOMEM]    = {"nomem", N_("out of memory"), 3, 503},
  [ECX_EIO]       = {"io", N_("input/output error"), 4, 500},
  [ECX_EDB]       = {"database", N_("database error"), 5, 500},
  [ECX_ENOTFOUND] = {"not_found", N_("not found"), 6, 404},
  [ECX_EEXIST]    = {"exists", N_("already exists"), 7, 409},
  [ECX_EINVAL]    = {"invalid", N_("invalid value"), 8, 400},
  [ECX_EFORMAT]   = {"format", N_("unrecognized file format"), 9, 400},
  [ECX_EVERSION]  = {"version", N_("workspace is from a newer version of ecx"), 10, 500},
  [ECX_EBUSY]     = {"busy", N_("workspace is locked by another process"), 11, 503},
  [ECX_EFULL]     = {"disk_full", N_("disk is full"), 12, 503},
  [ECX_EREADONLY] = {"read_only", N_("workspace is read-only"), 13, 503},
  [ECX_ETOOBIG]   = {"too_big", N_("input is too large"), 14, 413},
  [ECX_EREJECTED] = {"rejected", N_("import refused: bad rows found, nothing stored"), 15, 422},
  [ECX_ESMALL]    = {"too_small", N_("too few observations"), 16, 422},
  [ECX_EAUTH]     = {"unauthorized", N_("not logged in or wrong credentials"), 17, 401},
  [ECX_EPERM]     = {"forbidden", N_("permission denied"), 18, 403},
  [ECX_ELIMIT]    = {"rate_limited", N_("too many attempts; try again later"), 19, 429},
  [ECX_ECONFLICT] = {"conflict", N_("the change conflicts with data already stored"), 20, 409},
};

static int valid(int rc){ return rc >= 0 && rc < ECX_NERR; }

const char *err_name(int rc){ return valid(rc) ? aErr[rc].zName : "unknown"; }
const char *err_message(int rc){ return valid(rc) ? _(aErr[rc].zMsg) : _("unknown error"); }
int err_exit_code(int rc){ return valid(rc) ? aErr[rc].exitCode : 1; }
int err_http_status(int rc){ return valid(rc) ? aErr[rc].httpStatus : 500; }

static _Thread_local char zDetail[2048];

int err_set(int rc, const char *zFmt, ...){
  /* Format into a copy first: callers often pass err_detail() itself as an
  ** argument ("FILE:LINE: %s"), and vsnprintf must not read the buffer it
  ** is writing. */
  char z[sizeof zDetail];
  va_list ap;
  va_start(ap, zFmt);
  vsnprintf(z, sizeof z, zFmt, ap);
  va_end(ap);
  memcpy(zDetail, z, sizeof z);
  return rc;
}

const char *err_detail(void){ return zDetail; }
void err_clear(void){ zDetail[0] = 0; }

_Noreturn void err_fatal(const char *zFmt, ...){
  va_list ap;
  fputs("ecx: fatal: ", stderr);
  va_start(ap, zFmt);
  vfprintf(stderr, zFmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  abort();
}

void ecx_malloc_tune(void){
  /* Scans allocate and free a few megabytes of counters per query. With
  ** glibc's default 128 KiB mmap threshold every such buffer is a fresh
  ** mapping whose pages fault in on each query; serving them from the heap
  ** instead makes repeated queries several times faster. */
  mallopt(M_MMAP_THRESHOLD, 64*1024*1024);
  mallopt(M_TRIM_THRESHOLD, 128*1024*1024);
}

_Noreturn void ecx_oom(size_t n){
  char z[128];
  /* No allocation from here on: format on the stack, write, leave. */
  int k = snprintf(z, sizeof z, "ecx: %s (%zu bytes)\n", err_message(ECX_ENOMEM), n);
  if( k > 0 && write(2, z, (size_t)k < sizeof z ? (size_t)k : sizeof z - 1) < 0 ){ /* nothing to do */ }
  _exit(err_exit_code(ECX_ENOMEM));
}

#ifdef ECX_FAULT
static atomic_long nFaultAlloc;       /* allocations so far */
static long iFaultFail = -1;          /* the one to fail (1-based), or -1 */
static int faultPersist;              /* fail every one from iFaultFail on */

static void fault_report(void){
  char z[64];
  int k = snprintf(z, sizeof z, "ecx-fault: %ld allocations\n", (long)atomic_load(&nFaultAlloc));
  if( k > 0 && write(2, z, (size_t)k) < 0 ){ /* nothing to do */ }
}

__attribute__((constructor)) static void fault_setup(void){
  const char *z = getenv("ECX_FAIL_ALLOC");
  if( !z ) return;
  iFaultFail = strtol(z, 0, 10);
  if( iFaultFail <= 0 ) iFaultFail = -1;
  z = getenv("ECX_FAIL_ALLOC_PERSIST");
  faultPersist = z && z[0]=='1';
  atexit(fault_report);
}

int ecx_fault_alloc(void){
  long i = atomic_fetch_add(&nFaultAlloc, 1) + 1;
  if( iFaultFail < 0 ) return 0;
  return i==iFaultFail || (faultPersist && i > iFaultFail);
}
#endif

void *ecx_malloc(size_t n){
  void *p = ecx_fault_alloc() ? 0 : malloc(n ? n : 1);
  if( !p ) ecx_oom(n);
  return p;
}
void *ecx_calloc(size_t nElem, size_t nSize){
  void *p = ecx_fault_alloc() ? 0 : calloc(nElem ? nElem : 1, nSize ? nSize : 1);
  if( !p ) ecx_oom(nElem*nSize);
  return p;
}
void *ecx_realloc(void *p, size_t n){
  void *q = ecx_fault_alloc() ? 0 : realloc(p, n ? n : 1);
  if( !q ) ecx_oom(n);
  return q;
}
char *ecx_strdup(const char *z){
  return ecx_strndup(z, strlen(z));
}
char *ecx_strndup(const char *z, size_t n){
  char *p = ecx_malloc(n + 1);
  memcpy(p, z, n);
  p[n] = 0;
  return p;
}
