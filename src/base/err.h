/*
** Error codes shared by every layer.
**
** Functions return 0 (ECX_OK) or one of these stable codes and give their
** results through out-parameters. One table maps each code to a name, a
** message, a CLI exit code and an HTTP status. A human-readable detail for
** the most recent error (file, line, column, SQL, ...) is kept per thread
** with err_set() and read with err_detail().
*/
#ifndef ECX_ERR_H
#define ECX_ERR_H

#include <stddef.h>

enum {
  ECX_OK = 0,
  ECX_EUSAGE,     /* wrong command-line usage */
  ECX_ENOMEM,     /* allocation failed or a bounded buffer is full */
  ECX_EIO,        /* file could not be read or written */
  ECX_EDB,        /* unexpected database error */
  ECX_ENOTFOUND,  /* a named thing does not exist */
  ECX_EEXIST,     /* a thing that must be new already exists */
  ECX_EINVAL,     /* a value is not valid */
  ECX_EFORMAT,    /* a file is not in the expected format */
  ECX_EVERSION,   /* workspace written by a newer ecx */
  ECX_EBUSY,      /* database locked by another process */
  ECX_EFULL,      /* disk full */
  ECX_EREADONLY,  /* workspace is read-only */
  ECX_ETOOBIG,    /* input over a size limit */
  ECX_EREJECTED,  /* an import found bad rows and stored nothing */
  ECX_ESMALL,     /* too few observations for a statistic */
  ECX_EAUTH,      /* not logged in, or bad credentials (HTTP 401) */
  ECX_EPERM,      /* logged in but not allowed (HTTP 403) */
  ECX_ELIMIT,     /* too many attempts; retry later (HTTP 429) */
  ECX_ECONFLICT,  /* a change conflicts with data already stored (HTTP 409) */
  ECX_NERR
};

/* Stable short name such as "invalid". Static string. */
const char *err_name(int rc);
/* Translated one-line message for a code. Static string. */
const char *err_message(int rc);
/* Process exit code for a code (0 for ECX_OK). */
int err_exit_code(int rc);
/* HTTP status for a code (200 for ECX_OK). */
int err_http_status(int rc);

/* Record a printf-style detail for the current error; returns rc so that
** callers can write "return err_set(ECX_EINVAL, ...)". */
int err_set(int rc, const char *zFmt, ...) __attribute__((format(printf, 2, 3)));
/* The detail recorded last on this thread, or "" if none. Valid until the
** next err_set() or err_clear() on this thread; the caller does not free. */
const char *err_detail(void);
void err_clear(void);

/* Abort with a message: programmer errors and out-of-memory only. */
_Noreturn void err_fatal(const char *zFmt, ...) __attribute__((format(printf, 1, 2)));

/* Tune the allocator for ecx's pattern of large, short-lived scan buffers;
** called once at the start of a program. */
void ecx_malloc_tune(void);

/* Out of memory: print a message and end the process with the exit code of
** ECX_ENOMEM. Committed data is safe (an unfinished transaction is rolled
** back by the next opener, as after any crash). */
_Noreturn void ecx_oom(size_t n);

/* Fault injection, in test builds only (compiled with -DECX_FAULT: `make
** oom`). ECX_FAIL_ALLOC=N makes the Nth allocation fail, counting every
** call of the wrappers below and of SQLite's allocator (src/base/db.c);
** with ECX_FAIL_ALLOC_PERSIST=1 every later one fails too. At exit the
** count is written to stderr as "ecx-fault: N allocations". Returns 1 when
** the allocation being made is to fail; always 0 in normal builds. */
#ifdef ECX_FAULT
int ecx_fault_alloc(void);
#else
#define ecx_fault_alloc() 0
#endif

/* Allocation wrappers that end the process on out-of-memory (ecx_oom).
** Callers free with free(). */
void *ecx_malloc(size_t n);
void *ecx_calloc(size_t nElem, size_t nSize);
void *ecx_realloc(void *p, size_t n);
char *ecx_strdup(const char *z);
char *ecx_strndup(const char *z, size_t n);

#endif
