/*
** Request accessors and response helpers for handlers (http.h).
*/
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <microhttpd.h>

#include "http.h"
#include "../base/err.h"

static const char *const azRole[] = {"admin", "analyst", "area_lead", "frontline", "viewer"};

const char *http_role_name(int role){
  for(int i = 0; i < 5; i++) if( role==(1<<i) ) return azRole[i];
  return "";
}

int http_role_from_name(const char *zName){
  for(int i = 0; i < 5; i++) if( zName && strcmp(zName, azRole[i])==0 ) return 1<<i;
  return 0;
}

static const char *param_find(const HttpParam *a, int n, const char *zName){
  for(int i = 0; i < n; i++) if( strcmp(a[i].zName, zName)==0 ) return a[i].zValue;
  return 0;
}

const char *http_query(HttpReq *p, const char *zName){ return param_find(p->aQuery, p->nQuery, zName); }
const char *http_form(HttpReq *p, const char *zName){ return param_find(p->aForm, p->nForm, zName); }
const char *http_cookie(HttpReq *p, const char *zName){ return param_find(p->aCookie, p->nCookie, zName); }
const char *http_param(HttpReq *p, const char *zName){
  const char *z = p->method==HTTP_POST ? http_form(p, zName) : 0;
  return z ? z : http_query(p, zName);
}

const char *http_header(HttpReq *p, const char *zName){
  if( !p->pConn ){
    for(int i = 0; i < p->nReqHeader; i++){
      if( strcasecmp(p->aReqHeader[i].zName, zName)==0 ) return p->aReqHeader[i].zValue;
    }
    return 0;
  }
  return MHD_lookup_connection_value((struct MHD_Connection*)p->pConn, MHD_HEADER_KIND, zName);
}

void *http_alloc(HttpReq *p, size_t n){
  void *r = arena_alloc(&p->arena, n);
  if( !r ) err_fatal("request arena exhausted (%zu bytes)", n);
  return r;
}

char *http_strdup(HttpReq *p, const char *z){
  if( !z ) return 0;
  size_t n = strlen(z);
  char *r = http_alloc(p, n + 1);
  memcpy(r, z, n + 1);
  return r;
}

int http_has_role(const HttpReq *p, int mask){
  return p->pUser && (p->pUser->role & mask)!=0;
}

void http_set_status(HttpReq *p, int status){ p->status = status; }
void http_set_type(HttpReq *p, const char *zContentType){ p->zContentType = zContentType; }

int http_add_header(HttpReq *p, const char *zName, const char *zValue){
  if( p->nHeader >= (int)(sizeof p->aHeader / sizeof p->aHeader[0]) ){
    err_fatal("too many response headers");
  }
  /* Header values never carry line breaks: refuse response splitting. */
  if( strpbrk(zName, "\r\n:") || strpbrk(zValue, "\r\n") ){
    return err_set(ECX_EINVAL, "line break in a response header");
  }
  p->aHeader[p->nHeader].zName = http_strdup(p, zName);
  p->aHeader[p->nHeader].zValue = http_strdup(p, zValue);
  p->nHeader++;
  return ECX_OK;
}

int http_set_cookie(HttpReq *p, const char *zName, const char *zValue, int64_t maxAge){
  char z[512];
  int n = snprintf(z, sizeof z, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s", zName, zValue,
                   p->isTls ? "; Secure" : "");
  if( n < 0 || (size_t)n >= sizeof z ) return err_set(ECX_ETOOBIG, "cookie too long");
  if( maxAge >= 0 ){
    snprintf(z + n, sizeof z - (size_t)n, "; Max-Age=%lld", (long long)maxAge);
  }
  return http_add_header(p, MHD_HTTP_HEADER_SET_COOKIE, z);
}

int http_redirect(HttpReq *p, const char *zPath){
  /* Only local paths: "//host" would leave the site. */
  if( zPath[0]!='/' || zPath[1]=='/' || zPath[1]=='\\' ) zPath = "/";
  p->status = 303;
  buf_reset(&p->body);
  return http_add_header(p, MHD_HTTP_HEADER_LOCATION, zPath);
}

void http_set_body(HttpReq *p, Buf *b){
  buf_free(&p->body);
  p->body = *b;
  buf_init(b, b->nMax);
}

int http_fail(HttpReq *p, int status, int rc, const char *zField, const char *zFmt, ...){
  char z[1024];
  va_list ap;
  va_start(ap, zFmt);
  vsnprintf(z, sizeof z, zFmt, ap);
  va_end(ap);
  p->status = status;
  p->zErrField = zField ? http_strdup(p, zField) : 0;
  return err_set(rc ? rc : ECX_EINVAL, "%s", z);
}
