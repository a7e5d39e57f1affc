/*
** The HTTP server on GNU libmicrohttpd: an internal thread pool, bounded
** request bodies, one workspace connection per worker thread, one shared
** cube behind a read-write lock, one queue for the group commit of
** submissions (write_group.c), and shutdown on SIGINT/SIGTERM.
*/
#include <arpa/inet.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <microhttpd.h>

#include "server.h"
#include "http.h"
#include "http_int.h"
#include "auth.h"
#include "write_group.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"

#define MAX_WORKERS 64

struct HttpServer {
  HttpOptions opt;
  pthread_mutex_t wsMutex;          /* guards apWs */
  Workspace *apWs[MAX_WORKERS + 4]; /* every worker's connection, closed at exit */
  int nWs;
  pthread_rwlock_t cubeLock;        /* readers: requests; writer: refresh */
  pthread_mutex_t refreshMutex;     /* one refresher at a time */
  pthread_mutex_t verbMutex;        /* one builder of the verbatim index at a time */
  Cube *pCube;
  double cubeMs;                    /* when the cube was last refreshed */
  VerbIndex *pVerb;                 /* verbatims of the cube's rows, once asked for */
  _Atomic int stale;                /* data changed through this server: refresh at next use */
  WriteGroup writes;                /* group commit of submissions (write_group.c) */
};

WriteGroup *http_server_writes(HttpServer *s){ return &s->writes; }

static _Thread_local Workspace *tlWs;   /* this worker thread's connection */

/* Private per-request state around the public HttpReq. */
typedef struct ReqState {
  HttpReq req;          /* first: the handler's view */
  Buf in;               /* the body as it arrives */
  int started;          /* access handler has seen the headers */
  int tooBig;           /* body exceeded HTTP_MAX_BODY */
  const char *zRawUri;
} ReqState;

static double now_ms(void){
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec*1e3 + (double)t.tv_nsec/1e6;
}

/* ---- the shared cube ---- */

/* The verbatim index follows the cube. Appending to it happens under the
** cube's write lock, with the cube's refresh (no reader can be using it);
** after a reload it is dropped there. Building it (at first use or after a
** drop) takes a second per million responses, so it happens under the
** read lock, beside the readers of the dashboards, by one thread at a time
** (verbMutex), and is published when complete: no reader sees it before. */
static void verb_follow(HttpServer *s, Db *pDb, int reloaded){
  if( !s->pVerb ) return;
  if( reloaded || verb_update(s->pVerb, pDb, s->pCube) ){
    verb_free(s->pVerb);       /* rebuilt at its next use */
    s->pVerb = 0;
    err_clear();
  }
}

/* Build the verbatim index if there is none; the caller holds the cube's
** read lock. */
static int verb_build(HttpServer *s, Workspace *pWs){
  int rc = ECX_OK;
  pthread_mutex_lock(&s->verbMutex);
  if( !s->pVerb ){
    VerbIndex *pNew = 0;
    rc = verb_load(pWs->pDb, s->pCube, &pNew);
    if( rc==ECX_OK ) s->pVerb = pNew;
  }
  pthread_mutex_unlock(&s->verbMutex);
  return rc;
}

/* Refresh the shared cube when the last refresh is a second old (or data
** changed through this server), through pWs. A routine refresh does not
** wait for readers (a long page, the verbatim index being built): it is
** skipped while they hold the cube, unless the cube is 5 s old. */
static int cube_refresh_shared(HttpServer *s, Workspace *pWs){
  int rc = ECX_OK;
  pthread_mutex_lock(&s->refreshMutex);
  int stale = atomic_exchange(&s->stale, 0);
  double age = now_ms() - s->cubeMs;
  if( !s->pCube || stale || age >= 1000.0 ){
    int64_t nAdded = 0;
    int reloaded = 0;
    int urgent = !s->pCube || stale || age >= 5000.0;
    if( urgent ){
      pthread_rwlock_wrlock(&s->cubeLock);
    }else if( pthread_rwlock_trywrlock(&s->cubeLock)!=0 ){
      pthread_mutex_unlock(&s->refreshMutex);
      return ECX_OK;
    }
    if( s->pCube ){
      rc = cube_refresh(s->pCube, pWs, &nAdded);
      reloaded = nAdded < 0;
    }
    if( !s->pCube || rc ){
      cube_free(s->pCube);
      s->pCube = 0;
      reloaded = 1;
      rc = cube_load(pWs, &s->pCube);
      if( rc ){ cube_free(s->pCube); s->pCube = 0; }
    }
    if( rc==ECX_OK ) verb_follow(s, pWs->pDb, reloaded);
    s->cubeMs = now_ms();
    pthread_rwlock_unlock(&s->cubeLock);
  }
  pthread_mutex_unlock(&s->refreshMutex);
  return rc;
}

/* Read-lock the shared cube, after a refresh when it is due. */
static int cube_acquire(HttpReq *p){
  HttpServer *s = p->pSrv;
  int rc = cube_refresh_shared(s, p->pWs);
  if( rc ) return rc;
  pthread_rwlock_rdlock(&s->cubeLock);
  if( !s->pCube ){
    pthread_rwlock_unlock(&s->cubeLock);
    return err_set(ECX_EDB, "the analytics cube could not be loaded");
  }
  p->cubeLocked = 1;
  return ECX_OK;
}

/* At start, in the background: load the cube, then the verbatim index, so
** that the first visitors do not wait for them. Failures are left for
** requests to report. */
static void *warm_up(void *pArg){
  HttpServer *s = pArg;
  Workspace *pWs = 0;
  if( ws_open(s->opt.zWorkspace, 0, &pWs)==ECX_OK && cube_refresh_shared(s, pWs)==ECX_OK ){
    pthread_rwlock_rdlock(&s->cubeLock);
    if( s->pCube && verb_build(s, pWs) ) fprintf(stderr, "ecx serve: warm-up: %s\n", err_detail());
    pthread_rwlock_unlock(&s->cubeLock);
  }
  ws_close(pWs);
  err_clear();
  return 0;
}

void http_cube_touch(HttpReq *p){
  if( p->pSrv ) atomic_store(&p->pSrv->stale, 1);
}

int http_cube(HttpReq *p, const Cube **ppCube){
  *ppCube = 0;
  /* Requests built without a server (the request fuzzer) have no cube. */
  if( !p->pSrv ) return err_set(ECX_EDB, "the analytics cube needs the server");
  if( !p->cubeLocked ){
    int rc = cube_acquire(p);
    if( rc ) return rc;
  }
  *ppCube = p->pSrv->pCube;
  return ECX_OK;
}

int http_verbatims(HttpReq *p, const Cube **ppCube, const VerbIndex **ppIdx){
  const Cube *pC = 0;
  *ppCube = 0;
  *ppIdx = 0;
  int rc = http_cube(p, &pC);
  if( rc==ECX_OK ) rc = verb_build(p->pSrv, p->pWs);
  if( rc ) return rc;
  *ppCube = pC;
  *ppIdx = p->pSrv->pVerb;
  return ECX_OK;
}

void http_cube_release(HttpReq *p){
  if( p->cubeLocked ){
    pthread_rwlock_unlock(&p->pSrv->cubeLock);
    p->cubeLocked = 0;
  }
}

/* ---- per-thread workspace ---- */

static int thread_ws(HttpServer *s, Workspace **ppWs){
  if( !tlWs ){
    Workspace *pWs = 0;
    int rc = ws_open(s->opt.zWorkspace, 0, &pWs);
    if( rc ) return rc;
    pthread_mutex_lock(&s->wsMutex);
    if( s->nWs >= (int)(sizeof s->apWs / sizeof s->apWs[0]) ){
      pthread_mutex_unlock(&s->wsMutex);
      ws_close(pWs);
      return err_set(ECX_EIO, "too many worker threads");
    }
    s->apWs[s->nWs++] = pWs;
    pthread_mutex_unlock(&s->wsMutex);
    tlWs = pWs;
  }
  *ppWs = tlWs;
  return ECX_OK;
}

/* ---- libmicrohttpd callbacks ---- */

static void *on_uri(void *cls, const char *zUri, struct MHD_Connection *pConn){
  (void)cls; (void)pConn;
  ReqState *st = ecx_calloc(1, sizeof *st);
  arena_init(&st->req.arena, 2*HTTP_MAX_BODY + 1024*1024);
  buf_init(&st->in, HTTP_MAX_BODY);
  buf_init(&st->req.body, HTTP_MAX_RESPONSE);
  st->zRawUri = arena_strdup(&st->req.arena, zUri ? zUri : "/");
  return st;
}

static void on_completed(void *cls, struct MHD_Connection *pConn, void **ppCls,
                         enum MHD_RequestTerminationCode toe){
  (void)cls; (void)pConn; (void)toe;
  ReqState *st = *ppCls;
  if( !st ) return;
  http_cube_release(&st->req);
  buf_free(&st->in);
  buf_free(&st->req.body);
  arena_free(&st->req.arena);
  free(st);
  *ppCls = 0;
}

/* Send p's response. */
static enum MHD_Result send_response(struct MHD_Connection *pConn, HttpReq *p){
  size_t n = p->body.n;
  char *z = buf_take(&p->body);
  struct MHD_Response *r = MHD_create_response_from_buffer(n, z, MHD_RESPMEM_MUST_FREE);
  int hasCache = 0;
  if( !r ){ free(z); return MHD_NO; }
  MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
                          p->zContentType ? p->zContentType : "text/html; charset=utf-8");
  for(int i = 0; i < p->nHeader; i++){
    MHD_add_response_header(r, p->aHeader[i].zName, p->aHeader[i].zValue);
    if( strcasecmp(p->aHeader[i].zName, "Cache-Control")==0 ) hasCache = 1;
  }
  if( !hasCache ) MHD_add_response_header(r, "Cache-Control", "no-store");
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(r, "X-Frame-Options", "DENY");
  MHD_add_response_header(r, "Referrer-Policy", "same-origin");
  MHD_add_response_header(r, "Content-Security-Policy",
                          "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'");
  if( p->isTls ) MHD_add_response_header(r, "Strict-Transport-Security", "max-age=31536000");
  enum MHD_Result ret = MHD_queue_response(pConn, (unsigned)p->status, r);
  MHD_destroy_response(r);
  return ret;
}

/* Fill in the request from the connection, parse query, cookies, form. */
static int prepare(HttpServer *s, ReqState *st, struct MHD_Connection *pConn,
                   const char *zUrl, const char *zMethod){
  HttpReq *p = &st->req;
  const union MHD_ConnectionInfo *ci;
  char zIp[INET6_ADDRSTRLEN] = "?";
  int rc;
  p->pSrv = s;
  p->pConn = pConn;
  p->status = 200;
  p->zMethod = arena_strdup(&p->arena, zMethod);
  p->method = strcmp(zMethod, "GET")==0 ? HTTP_GET : strcmp(zMethod, "POST")==0 ? HTTP_POST
            : strcmp(zMethod, "HEAD")==0 ? HTTP_HEAD : strcmp(zMethod, "PUT")==0 ? HTTP_PUT : 0;
  p->zPath = arena_strdup(&p->arena, zUrl);
  ci = MHD_get_connection_info(pConn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  if( ci && ci->client_addr ){
    const struct sockaddr *sa = ci->client_addr;
    if( sa->sa_family==AF_INET ) inet_ntop(AF_INET, &((const struct sockaddr_in*)sa)->sin_addr, zIp, sizeof zIp);
    else if( sa->sa_family==AF_INET6 ) inet_ntop(AF_INET6, &((const struct sockaddr_in6*)sa)->sin6_addr, zIp, sizeof zIp);
  }
  p->zIp = arena_strdup(&p->arena, zIp);
  p->isTls = s->opt.zCertFile!=0;
  p->zBody = "";
  p->zCsrf = "";
  const char *zQ = strchr(st->zRawUri, '?');
  p->zQuery = zQ ? zQ + 1 : "";
  rc = thread_ws(s, &p->pWs);
  if( rc ) return rc;
  rc = http_parse_urlencoded(&p->arena, p->zQuery, strlen(p->zQuery), HTTP_MAX_PARAMS,
                             &p->aQuery, &p->nQuery);
  if( rc==ECX_OK ){
    rc = http_parse_cookies(&p->arena, MHD_lookup_connection_value(pConn, MHD_HEADER_KIND, "Cookie"),
                            HTTP_MAX_PARAMS, &p->aCookie, &p->nCookie);
  }
  return rc;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *pConn, const char *zUrl,
                                  const char *zMethod, const char *zVersion,
                                  const char *zData, size_t *pnData, void **ppCls){
  HttpServer *s = cls;
  ReqState *st = *ppCls;
  HttpReq *p;
  (void)zVersion;
  if( !st ) return MHD_NO;
  p = &st->req;
  if( !st->started ){
    st->started = 1;
    const char *zLen = MHD_lookup_connection_value(pConn, MHD_HEADER_KIND, "Content-Length");
    int64_t nLen = 0;
    if( zLen && (util_parse_int(zLen, &nLen) || nLen < 0 || nLen > (int64_t)HTTP_MAX_BODY) ){
      st->tooBig = 1;
    }
    int rc = prepare(s, st, pConn, zUrl, zMethod);
    if( st->tooBig ){
      /* Refuse before reading the body (also answers "Expect: 100-continue"). */
      i18n_thread_lang(http_accept_language(http_header(p, "Accept-Language"), "es"));
      p->isApi = strncmp(p->zPath, "/api/", 5)==0;
      http_render_error(p, 413, ECX_ETOOBIG, _("the request body is larger than 1 MiB"));
      return send_response(pConn, p);
    }
    if( rc ){
      i18n_thread_lang("es");
      http_render_error(p, err_http_status(rc), rc, err_message(rc));
      return send_response(pConn, p);
    }
    return MHD_YES;
  }
  if( *pnData ){
    if( !st->tooBig && buf_append(&st->in, zData, *pnData) ) st->tooBig = 1;
    *pnData = 0;
    return MHD_YES;
  }
  /* The whole request is here. */
  if( st->tooBig ){
    http_render_error(p, 413, ECX_ETOOBIG, _("the request body is larger than 1 MiB"));
    return send_response(pConn, p);
  }
  p->zBody = buf_str(&st->in);
  p->nBody = st->in.n;
  const char *zType = MHD_lookup_connection_value(pConn, MHD_HEADER_KIND, "Content-Type");
  if( p->method==HTTP_POST && zType
   && strncasecmp(zType, "application/x-www-form-urlencoded", 33)==0 ){
    int rc = http_parse_urlencoded(&p->arena, p->zBody, p->nBody, HTTP_MAX_PARAMS, &p->aForm, &p->nForm);
    if( rc ){
      http_render_error(p, err_http_status(rc), rc, err_detail());
      return send_response(pConn, p);
    }
  }
  http_dispatch(p);
  if( p->body.overflow ){
    /* Never send a page cut short at the response bound. */
    fprintf(stderr, "ecx serve: response to %s over %u bytes\n", p->zPath, HTTP_MAX_RESPONSE);
    http_render_error(p, 500, ECX_ETOOBIG, err_message(ECX_ETOOBIG));
  }
  i18n_thread_lang(0);
  return send_response(pConn, p);
}

/* ---- start and stop ---- */

static int read_file(const char *zPath, char **pz){
  FILE *f = fopen(zPath, "rb");
  Buf b;
  char a[4096];
  size_t n;
  *pz = 0;
  if( !f ) return err_set(ECX_EIO, "cannot read %s", zPath);
  buf_init(&b, 1024*1024);
  while( (n = fread(a, 1, sizeof a, f)) > 0 ){
    if( buf_append(&b, a, n) ){ fclose(f); buf_free(&b); return err_set(ECX_ETOOBIG, "%s is too large", zPath); }
  }
  fclose(f);
  *pz = buf_take(&b);
  return ECX_OK;
}

/* Parse "HOST:PORT" or "[V6]:PORT" into an address. */
static int parse_listen(const char *z, struct sockaddr_storage *pSa, int *pV6){
  char zHost[128];
  const char *zPort;
  int64_t port;
  memset(pSa, 0, sizeof *pSa);
  if( z[0]=='[' ){
    const char *e = strchr(z, ']');
    if( !e || e[1]!=':' || (size_t)(e - z - 1) >= sizeof zHost ) goto bad;
    snprintf(zHost, sizeof zHost, "%.*s", (int)(e - z - 1), z + 1);
    zPort = e + 2;
  }else{
    const char *e = strrchr(z, ':');
    if( !e || (size_t)(e - z) >= sizeof zHost ) goto bad;
    snprintf(zHost, sizeof zHost, "%.*s", (int)(e - z), z);
    zPort = e + 1;
  }
  if( util_parse_int(zPort, &port) || port < 0 || port > 65535 ) goto bad;
  struct sockaddr_in *a4 = (struct sockaddr_in*)pSa;
  struct sockaddr_in6 *a6 = (struct sockaddr_in6*)pSa;
  if( inet_pton(AF_INET, zHost[0] ? zHost : "0.0.0.0", &a4->sin_addr)==1 ){
    a4->sin_family = AF_INET;
    a4->sin_port = htons((uint16_t)port);
    *pV6 = 0;
    return ECX_OK;
  }
  if( inet_pton(AF_INET6, zHost, &a6->sin6_addr)==1 ){
    a6->sin6_family = AF_INET6;
    a6->sin6_port = htons((uint16_t)port);
    *pV6 = 1;
    return ECX_OK;
  }
bad:
  return err_set(ECX_EUSAGE, _("--listen wants HOST:PORT with a numeric address, not \"%s\""), z);
}

int http_serve(const HttpOptions *pOpt){
  HttpServer *s = ecx_calloc(1, sizeof *s);
  struct sockaddr_storage sa;
  struct MHD_Daemon *d = 0;
  char *zCert = 0, *zKey = 0;
  Workspace *pWs = 0;
  sigset_t sigs;
  int rc, v6 = 0, sig = 0;
  s->opt = *pOpt;
  if( s->opt.nThread <= 0 ) s->opt.nThread = 4;
  if( s->opt.nThread > MAX_WORKERS ) s->opt.nThread = MAX_WORKERS;
  if( s->opt.connLimit <= 0 ) s->opt.connLimit = 256;
  if( s->opt.perIpLimit <= 0 ) s->opt.perIpLimit = 32;
  if( s->opt.timeoutSec <= 0 ) s->opt.timeoutSec = 30;
  pthread_mutex_init(&s->wsMutex, 0);
  pthread_mutex_init(&s->refreshMutex, 0);
  pthread_mutex_init(&s->verbMutex, 0);
  pthread_rwlock_init(&s->cubeLock, 0);
  write_group_init(&s->writes);

  rc = auth_init();
  if( rc==ECX_OK ) rc = parse_listen(s->opt.zListen ? s->opt.zListen : "127.0.0.1:8080", &sa, &v6);
  /* Open once here: upgrades the schema and reports a bad file early. */
  if( rc==ECX_OK ) rc = ws_open(s->opt.zWorkspace, 0, &pWs);
  ws_close(pWs);
  if( rc==ECX_OK && (s->opt.zCertFile!=0) != (s->opt.zKeyFile!=0) ){
    rc = err_set(ECX_EUSAGE, _("--tls-cert and --tls-key go together"));
  }
  if( rc==ECX_OK && s->opt.zCertFile ){
    if( MHD_is_feature_supported(MHD_FEATURE_TLS)!=MHD_YES ){
      rc = err_set(ECX_EUSAGE, _("this libmicrohttpd has no TLS support; use a reverse proxy"));
    }
    if( rc==ECX_OK ) rc = read_file(s->opt.zCertFile, &zCert);
    if( rc==ECX_OK ) rc = read_file(s->opt.zKeyFile, &zKey);
  }
  if( rc ) goto out;

  /* Workers inherit a mask without SIGINT/SIGTERM; this thread waits for them. */
  sigemptyset(&sigs);
  sigaddset(&sigs, SIGINT);
  sigaddset(&sigs, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &sigs, 0);
  signal(SIGPIPE, SIG_IGN);

  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG;
  if( v6 ) flags |= MHD_USE_IPv6;
  if( zCert ) flags |= MHD_USE_TLS;
  struct MHD_OptionItem aTls[] = {
    {zCert ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, 0, zCert},
    {zKey ? MHD_OPTION_HTTPS_MEM_KEY : MHD_OPTION_END, 0, zKey},
    {MHD_OPTION_END, 0, 0},
  };
  d = MHD_start_daemon(flags, 0, 0, 0, on_request, s,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr*)&sa,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)s->opt.nThread,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)s->opt.connLimit,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)s->opt.perIpLimit,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)s->opt.timeoutSec,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64*1024),
        MHD_OPTION_URI_LOG_CALLBACK, on_uri, s,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
        MHD_OPTION_ARRAY, aTls,
        MHD_OPTION_END);
  if( !d ){
    rc = err_set(ECX_EIO, _("cannot listen on %s (address in use or not allowed?)"),
                 s->opt.zListen ? s->opt.zListen : "127.0.0.1:8080");
    goto out;
  }
  const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
  char zHost[INET6_ADDRSTRLEN] = "";
  if( v6 ) inet_ntop(AF_INET6, &((struct sockaddr_in6*)&sa)->sin6_addr, zHost, sizeof zHost);
  else inet_ntop(AF_INET, &((struct sockaddr_in*)&sa)->sin_addr, zHost, sizeof zHost);
  printf(_("listening on %s://%s%s%s:%u/\n"), zCert ? "https" : "http", v6 ? "[" : "", zHost,
         v6 ? "]" : "", di ? (unsigned)di->port : 0u);
  fflush(stdout);
  pthread_t warm;
  int warming = pthread_create(&warm, 0, warm_up, s)==0;
  while( sigwait(&sigs, &sig)==0 && sig!=SIGINT && sig!=SIGTERM ){}
  MHD_stop_daemon(d);
  if( warming ) pthread_join(warm, 0);
  printf("%s\n", _("stopped"));
  fflush(stdout);
out:
  for(int i = 0; i < s->nWs; i++) ws_close(s->apWs[i]);
  verb_free(s->pVerb);
  cube_free(s->pCube);
  pthread_rwlock_destroy(&s->cubeLock);
  write_group_destroy(&s->writes);
  pthread_mutex_destroy(&s->refreshMutex);
  pthread_mutex_destroy(&s->verbMutex);
  pthread_mutex_destroy(&s->wsMutex);
  free(zCert);
  if( zKey ){ memset(zKey, 0, strlen(zKey)); free(zKey); }
  free(s);
  return rc;
}
