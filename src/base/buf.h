/*
** Bounded growable strings and the escaping formatter.
**
** A Buf grows on demand up to nMax bytes; past that every append fails with
** ECX_ETOOBIG and the buffer keeps what it had (like curl's dynbuf). The text
** is always NUL-terminated. Owned by the Buf: release with buf_free().
**
** buf_printf() conversions:
**   %d %i %u %ld %lu %lld %llu %zu %x   integers (printf semantics)
**   %f %g %e with optional precision      doubles, always with '.' decimals
**   %c                                   one byte
**   %s   raw text: for terminal output only, never for HTML/JSON/CSV/URLs
**   %h   text escaped for HTML element content and attribute values
**   %j   text as a JSON string, quotes included ("null" for NULL)
**   %q   text as a CSV field, quoted when needed
**   %U   text percent-encoded for a URL query component
**   %%   a percent sign
** A NULL string prints as "" for %s %h %q %U.
*/
#ifndef ECX_BUF_H
#define ECX_BUF_H

#include <stdarg.h>
#include <stddef.h>

#define BUF_MAX_DEFAULT (64u*1024u*1024u)

typedef struct Buf {
  char *z;        /* text, NUL-terminated; NULL until the first append */
  size_t n;       /* bytes used, not counting the terminator */
  size_t nAlloc;  /* bytes allocated */
  size_t nMax;    /* most bytes this buffer may ever hold */
  int overflow;   /* set when an append did not fit (until buf_reset) */
} Buf;

void buf_init(Buf *p, size_t nMax);
void buf_free(Buf *p);
void buf_reset(Buf *p);                  /* empty it, keep the memory */
int buf_append(Buf *p, const char *z, size_t n);
int buf_puts(Buf *p, const char *z);
int buf_putc(Buf *p, char c);
int buf_printf(Buf *p, const char *zFmt, ...);
int buf_vprintf(Buf *p, const char *zFmt, va_list ap);
/* The text; "" for an empty buffer. Owned by the Buf. */
const char *buf_str(const Buf *p);
/* Hand the text to the caller, who frees it with free(); the Buf is left
** empty. Never NULL. */
char *buf_take(Buf *p);

/* Escapers, usable on their own. Each appends to p. */
int buf_html(Buf *p, const char *z);
int buf_json(Buf *p, const char *z);
int buf_csv(Buf *p, const char *z);
int buf_url(Buf *p, const char *z);

#endif
