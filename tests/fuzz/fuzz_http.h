/*
** Requests for fuzz targets of the web layer, built without a server: the
** parts a server fills in (method, path, query, headers, cookies, body and
** its urlencoded fields) set directly on an HttpReq, then handed to a
** handler or to the router. fuzz_req_check() holds the properties every
** response must have.
*/
#ifndef ECX_FUZZ_HTTP_H
#define ECX_FUZZ_HTTP_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fuzz_ws.h"
#include "../../src/base/i18n.h"
#include "../../src/http/http.h"
#include "../../src/http/http_int.h"

#define FUZZ_MAX_HEADERS 32

typedef struct FuzzReq {
  HttpReq r;
  HttpParam aHdr[FUZZ_MAX_HEADERS];
} FuzzReq;

/* Start a request. zBody (nBody bytes, copied) is parsed as a form when
** the Content-Type header set later says urlencoded: call fuzz_req_body()
** after the headers. */
static __attribute__((unused)) void fuzz_req_init(FuzzReq *q, Workspace *pWs, const char *zMethod, const char *zPath,
                          const char *zQuery, const char *zIp){
  HttpReq *p = &q->r;
  memset(q, 0, sizeof *q);
  arena_init(&p->arena, 2*HTTP_MAX_BODY + 1024*1024);
  buf_init(&p->body, HTTP_MAX_RESPONSE);
  p->zMethod = arena_strdup(&p->arena, zMethod);
  p->method = strcmp(zMethod, "GET")==0 ? HTTP_GET : strcmp(zMethod, "POST")==0 ? HTTP_POST
            : strcmp(zMethod, "HEAD")==0 ? HTTP_HEAD : 0;
  p->zPath = arena_strdup(&p->arena, zPath);
  p->zQuery = arena_strdup(&p->arena, zQuery ? zQuery : "");
  p->zIp = zIp;
  p->zBody = "";
  p->zCsrf = "";
  p->zLang = "es";
  p->status = 200;
  p->pWs = pWs;
  p->aReqHeader = q->aHdr;
}

/* Add a request header (copied); ignored past FUZZ_MAX_HEADERS. */
static __attribute__((unused)) void fuzz_req_header(FuzzReq *q, const char *zName, const char *zValue){
  if( q->r.nReqHeader >= FUZZ_MAX_HEADERS ) return;
  q->aHdr[q->r.nReqHeader].zName = arena_strdup(&q->r.arena, zName);
  q->aHdr[q->r.nReqHeader].zValue = arena_strdup(&q->r.arena, zValue);
  q->r.nReqHeader++;
}

/* Parse the query and the Cookie header, set the body (n bytes, copied) and
** parse it as a form when the Content-Type is urlencoded (or bForm). 0 when
** the server would go on to dispatch the request, -1 when it would refuse
** it first (as server.c does: too many fields, a malformed escape). */
static __attribute__((unused)) int fuzz_req_ready(FuzzReq *q, const char *zBody, size_t n, int bForm){
  HttpReq *p = &q->r;
  if( n > HTTP_MAX_BODY ) return -1;
  char *z = arena_alloc(&p->arena, n + 1);
  memcpy(z, zBody, n);
  z[n] = 0;
  p->zBody = z;
  p->nBody = n;
  if( http_parse_urlencoded(&p->arena, p->zQuery, strlen(p->zQuery), HTTP_MAX_PARAMS, &p->aQuery, &p->nQuery) ) return -1;
  if( http_parse_cookies(&p->arena, http_header(p, "Cookie"), HTTP_MAX_PARAMS, &p->aCookie, &p->nCookie) ) return -1;
  const char *zType = http_header(p, "Content-Type");
  if( p->method==HTTP_POST && (bForm || (zType && strncasecmp(zType, "application/x-www-form-urlencoded", 33)==0)) ){
    if( http_parse_urlencoded(&p->arena, p->zBody, p->nBody, HTTP_MAX_PARAMS, &p->aForm, &p->nForm) ) return -1;
  }
  return 0;
}

/* Every response: a real status, a body within bounds, a local redirect,
** a content type, error JSON for the API. */
static __attribute__((unused)) void fuzz_req_check(FuzzReq *q){
  HttpReq *p = &q->r;
  static int debug = -1;
  if( debug<0 ) debug = getenv("FUZZ_DEBUG")!=0;   /* FUZZ_DEBUG=1 fuzz_X FILE: what a seed gets */
  if( debug ) fprintf(stderr, "%s %s -> %d %.300s\n", p->zMethod, p->zPath, p->status, buf_str(&p->body));
  if( p->status < 200 || p->status > 599 ){ fprintf(stderr, "status %d\n", p->status); abort(); }
  if( p->body.overflow ) abort();
  if( p->status>=300 && p->status<400 ){
    const char *zLoc = 0;
    for(int i = 0; i < p->nHeader; i++) if( strcasecmp(p->aHeader[i].zName, "Location")==0 ) zLoc = p->aHeader[i].zValue;
    if( !zLoc || zLoc[0]!='/' || zLoc[1]=='/' || zLoc[1]=='\\' ){ fprintf(stderr, "redirect to %s\n", zLoc ? zLoc : "(none)"); abort(); }
  }
  if( p->isApi && p->status>=400 && strncmp(buf_str(&p->body), "{\"error\":{\"code\":", 17)!=0 ){
    fprintf(stderr, "API error without a JSON error body\n");
    abort();
  }
}

/* Run a handler as the router would after its checks, rendering a failure. */
static __attribute__((unused)) void fuzz_req_handle(FuzzReq *q, int (*xHandler)(HttpReq*)){
  HttpReq *p = &q->r;
  i18n_thread_lang(p->zLang);
  int rc = xHandler(p);
  if( rc ){
    int status = p->status >= 400 ? p->status : err_http_status(rc);
    http_render_error(p, status, rc, err_detail());
  }
  err_clear();
}

static __attribute__((unused)) void fuzz_req_free(FuzzReq *q){
  http_cube_release(&q->r);
  buf_free(&q->r.body);
  arena_free(&q->r.arena);
  i18n_thread_lang(0);
}

#endif
