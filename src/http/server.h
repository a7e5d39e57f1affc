/*
** The HTTP server: GNU libmicrohttpd with an internal pool of worker
** threads, each with its own workspace connection, and one analytics cube
** shared by all of them behind a read-write lock.
**
** Limits (docs/web.md): connection limit, per-IP connection limit,
** connection timeout, a memory bound per connection (which bounds the
** request line and headers), request bodies up to HTTP_MAX_BODY (413 past).
*/
#ifndef ECX_SERVER_H
#define ECX_SERVER_H

typedef struct HttpOptions {
  const char *zWorkspace;   /* workspace file */
  const char *zListen;      /* "HOST:PORT"; port 0 picks a free port */
  const char *zCertFile;    /* PEM certificate, or NULL for plain HTTP */
  const char *zKeyFile;     /* PEM private key, or NULL */
  int nThread;              /* worker threads (default 4) */
  int connLimit;            /* total connections (default 256) */
  int perIpLimit;           /* connections per client address (default 32) */
  int timeoutSec;           /* idle connection timeout (default 30) */
} HttpOptions;

/* Serve until SIGINT or SIGTERM, then shut down cleanly. Prints
** "listening on http[s]://HOST:PORT/" on stdout once ready. */
int http_serve(const HttpOptions *pOpt);

#endif
