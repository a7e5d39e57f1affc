/*
** The web layer's public interface: requests, responses and the route table.
**
** Every URL the server answers is one row of aRoute[] (src/http/routes.c):
** method, path, handler, the set of roles allowed, whether a CSRF token is
** required and a description. The router (router.c) does, in order:
**   1. find the row: no path match gives 404, a path match with another
**      method gives 405 (with an Allow header);
**   2. authenticate (session cookie, or "Authorization: Bearer TOKEN" for
**      /api/ paths) and check the role set: anonymous -> 302 to /login for
**      pages, 401 for /api/; wrong role or missing token scope -> 403;
**   3. for POST and PUT rows with HTTP_CSRF and a cookie session, compare
**      the form field "csrf" (or the header X-CSRF-Token) with the
**      session's token (constant time): 403 if wrong;
**   4. call the handler. A handler fills the response through the helpers
**      below and returns ECX_OK, or returns an error code (after err_set()
**      or http_fail()) and the router writes the error: an HTML page for
**      pages, {"error":{"code","message","field"}} for /api/ paths, with
**      the status err_http_status(rc) unless http_fail() chose one.
**
** Handler skeleton (ARCHITECTURE.md, convention 4):
**
**   int page_thing(HttpReq *p){
**     int rc = ECX_OK;                   // permission already checked
**     const char *zName = http_form(p, "name");   // NULL when absent
**     if( !zName || !zName[0] ) return http_fail(p, 400, ECX_EINVAL, "name", _("name is required"));
**     ... change data (only POST routes with HTTP_CSRF may) ...
**     layout_begin(p, _("Title"));  buf_printf(&p->body, "<p>%h</p>", zName);  layout_end(p);
**   out:
**     ...free what you allocated...
**     return rc;
**   }
**
** Memory: everything in an HttpReq (strings, parameter arrays, the user)
** lives in p->arena and is released after the response is sent; handlers
** may allocate their own per-request memory with http_alloc()/http_strdup()
** and never free it. The response body p->body is handed to the server.
**
** Threads: a request runs wholly on one worker thread. p->pWs is that
** thread's own workspace connection (never share it); the analytics cube is
** shared and read under a lock: http_cube() / automatic release.
*/
#ifndef ECX_HTTP_H
#define ECX_HTTP_H

#include <stddef.h>
#include <stdint.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../model/workspace.h"
#include "../engine/cube.h"
#include "../engine/verbatim.h"

#define HTTP_MAX_BODY      (1024u*1024u)  /* request body limit: 413 beyond */
#define HTTP_MAX_PARAMS    256            /* fields per query string / form / cookie header */
#define HTTP_MAX_RESPONSE  (32u*1024u*1024u)  /* response body limit */

/* Methods (a route may list several, OR-ed). */
#define HTTP_GET   0x01
#define HTTP_POST  0x02
#define HTTP_HEAD  0x04   /* answered as GET without a body; never listed in routes */
#define HTTP_PUT   0x08

/* Roles, as bits. A route's role set is an OR of these; 0 means public. */
#define ROLE_ADMIN      0x01   /* everything */
#define ROLE_ANALYST    0x02   /* dashboards, exports, survey builder, api */
#define ROLE_AREA_LEAD  0x04   /* dashboards scoped to its area */
#define ROLE_FRONTLINE  0x08   /* only its touchpoints' pages */
#define ROLE_VIEWER     0x10   /* read dashboards */
#define ROLE_ANY  (ROLE_ADMIN|ROLE_ANALYST|ROLE_AREA_LEAD|ROLE_FRONTLINE|ROLE_VIEWER)
#define ROLE_PUBLIC 0          /* no login needed */

/* Route flags. */
#define HTTP_CSRF    0x01   /* POST/PUT refused (403) without the session's CSRF token */
#define HTTP_CSRF_LOGIN 0x02 /* public POST checked by its handler against a
                             ** pre-session double-submit token (the login form) */

/* Role name ("admin", ...) of one role bit; "" if not a single role. Static. */
const char *http_role_name(int role);
/* Role bit of a name, or 0 if unknown. */
int http_role_from_name(const char *zName);

typedef struct HttpParam { const char *zName, *zValue; } HttpParam;

/* The logged-in user (or the owner of the API token). Strings in the arena. */
typedef struct HttpUser {
  int64_t id;
  const char *zLogin;
  const char *zName;
  int role;                /* one ROLE_* bit */
  int64_t areaId;          /* area_lead: its area; 0 otherwise */
  const char *zTouchpoints;/* frontline: comma list of touchpoint ids; "" otherwise */
  const char *zLang;       /* "es", "en" or "" (follow Accept-Language) */
  const char *zScopes;     /* API token scopes ("ingest,read"); NULL for a session */
} HttpUser;

typedef struct HttpServer HttpServer;   /* server.c; opaque to handlers */
typedef struct HttpRoute HttpRoute;

typedef struct HttpReq {
  Arena arena;              /* per-request memory, freed after the response */
  /* --- request --- */
  int method;               /* HTTP_GET, HTTP_POST, HTTP_PUT or HTTP_HEAD; 0 for others */
  const char *zMethod;      /* as received */
  const char *zPath;        /* decoded path, without the query string */
  const char *zQuery;       /* raw query string after '?', or "" */
  int nQuery;  HttpParam *aQuery;   /* decoded query parameters, in order */
  int nForm;   HttpParam *aForm;    /* decoded urlencoded POST body fields */
  int nCookie; HttpParam *aCookie;  /* cookies of the Cookie header */
  const char *zBody;  size_t nBody; /* raw body (NUL-terminated), "" if none */
  const char *zIp;          /* client address */
  int isTls;                /* request came over HTTPS */
  int isApi;                /* path starts with /api/ */
  const char *zLang;        /* language of this response: "es" or "en" */
  HttpUser *pUser;          /* NULL when not logged in */
  const char *zCsrf;        /* the session's CSRF token (for forms), or "" */
  const char *zSessionHash; /* hex SHA-256 of the session id, or NULL */
  const HttpRoute *pRoute;  /* the matched route */
  Workspace *pWs;           /* this worker thread's workspace connection */
  HttpServer *pSrv;
  void *pConn;              /* struct MHD_Connection*, for header lookup */
  int nReqHeader;           /* without a connection (unit tests, fuzzing): */
  const HttpParam *aReqHeader;  /* the request headers http_header() reads */
  /* --- response --- */
  int status;               /* 200 unless changed */
  const char *zContentType; /* default "text/html; charset=utf-8" */
  Buf body;                 /* the response body; bounded by HTTP_MAX_RESPONSE */
  int nHeader; HttpParam aHeader[16];   /* extra response headers */
  const char *zErrField;    /* set by http_fail(): the offending field */
  int cubeLocked;           /* 1 while this request holds the cube's read lock */
} HttpReq;

typedef int (*HttpHandler)(HttpReq *p);

struct HttpRoute {
  int methods;              /* HTTP_GET, HTTP_POST and/or HTTP_PUT */
  const char *zPath;        /* exact path, or a prefix ending in '*' */
  HttpHandler xHandler;
  int roles;                /* ROLE_* set allowed; ROLE_PUBLIC for anyone */
  int flags;                /* HTTP_CSRF */
  const char *zScope;       /* API token scope needed ("read", "ingest"), or NULL:
                            ** tokens are refused on routes without a scope */
  const char *zDescription; /* one line, English */
};

extern const HttpRoute aRoute[];
extern const int nRoute;

/* --- request accessors (results owned by the request; NULL when absent) --- */
const char *http_query(HttpReq *p, const char *zName);
const char *http_form(HttpReq *p, const char *zName);
/* Form field on POST, else query parameter. */
const char *http_param(HttpReq *p, const char *zName);
const char *http_cookie(HttpReq *p, const char *zName);
/* Request header, case-insensitive name. */
const char *http_header(HttpReq *p, const char *zName);
/* Per-request memory, zeroed; aborts on exhaustion of the arena's bound. */
void *http_alloc(HttpReq *p, size_t n);
char *http_strdup(HttpReq *p, const char *z);
/* 1 if the request's user has one of the roles in mask. */
int http_has_role(const HttpReq *p, int mask);

/* --- response helpers --- */
void http_set_status(HttpReq *p, int status);
void http_set_type(HttpReq *p, const char *zContentType);  /* static string */
/* Add a response header; both strings copied into the arena. At most 16. */
int http_add_header(HttpReq *p, const char *zName, const char *zValue);
/* Set-Cookie with HttpOnly; SameSite=Lax; Path=/, Secure on TLS. maxAge<0
** omits Max-Age (session cookie); 0 deletes the cookie. */
int http_set_cookie(HttpReq *p, const char *zName, const char *zValue, int64_t maxAge);
/* 303 See Other to a local path (must start with '/'). Returns ECX_OK. */
int http_redirect(HttpReq *p, const char *zPath);
/* Replace the body with the bytes of b (b is left empty). */
void http_set_body(HttpReq *p, Buf *b);
/* Record a failure with an explicit HTTP status, error code, field (or NULL)
** and message (printf-style); returns rc for "return http_fail(...)". The
** router renders the error page or JSON error. */
int http_fail(HttpReq *p, int status, int rc, const char *zField, const char *zFmt, ...)
  __attribute__((format(printf, 5, 6)));

/* --- the shared analytics cube ---
** A read-locked, up-to-date (refreshed at most once a second) cube. Valid
** until the request ends (the router releases the lock); never modify it. */
int http_cube(HttpReq *p, const Cube **ppCube);
/* Say that this request stored data the cube shows (responses,
** definitions): the next request refreshes the cube at once instead of
** within a second. Never takes a lock. */
void http_cube_touch(HttpReq *p);
/* One request's writes: called inside a transaction on pWs, which may be
** another worker thread's connection (use it, not p->pWs, and nothing of
** the thread). Returns ECX_OK to keep its changes, or an error (set with
** err_set) to undo them; *pKeep=0 undoes them with ECX_OK. */
typedef int (*HttpWriteFn)(Workspace *pWs, void *pArg, int *pKeep);
/* Run xWrite in a transaction it shares with the writes of concurrent
** requests (group commit, write_group.c), and return once that
** transaction is committed (ECX_OK: xWrite's changes are durable) or
** failed (its error; nothing of xWrite is stored). One xWrite failing
** undoes only its own changes. Without a server, in a transaction of
** its own on p->pWs. */
int http_write(HttpReq *p, HttpWriteFn xWrite, void *pArg);
/* The same cube with its verbatim index (verbatim.h), built on first use
** and kept in step with the cube; both valid and read-locked until the
** request ends. */
int http_verbatims(HttpReq *p, const Cube **ppCube, const VerbIndex **ppIdx);

/* --- parsers (exposed for unit tests and the API) ---
** Decode application/x-www-form-urlencoded text (also query strings): '+'
** is a space, %XX a byte; a malformed escape is ECX_EINVAL; more than
** nMax fields is ECX_ETOOBIG. Arrays and strings live in the arena. */
int http_parse_urlencoded(Arena *pA, const char *z, size_t n, int nMax,
                          HttpParam **paOut, int *pnOut);
/* Parse a Cookie header ("a=1; b=2"). Same ownership and bounds. */
int http_parse_cookies(Arena *pA, const char *z, int nMax, HttpParam **paOut, int *pnOut);
/* "es" or "en" from an Accept-Language header (first supported wins, by q
** order); zDefault if neither is named. Static string or zDefault. */
const char *http_accept_language(const char *z, const char *zDefault);

/* --- the router (called by the server for each complete request) --- */
void http_dispatch(HttpReq *p);

#endif
