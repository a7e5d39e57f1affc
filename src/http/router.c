/*
** The router: route lookup (404/405), authentication, the role check,
** CSRF, then the handler, and error rendering. Driven by aRoute[].
*/
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "http.h"
#include "http_int.h"
#include "auth.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../pages/pages.h"

static int path_match(const HttpRoute *r, const char *zPath){
  size_t n = strlen(r->zPath);
  if( n && r->zPath[n-1]=='*' ) return strncmp(r->zPath, zPath, n-1)==0;
  return strcmp(r->zPath, zPath)==0;
}

void http_render_error(HttpReq *p, int status, int rc, const char *zMessage){
  /* The message is often err_detail(), which layout_begin() clears: copy it. */
  zMessage = http_strdup(p, zMessage ? zMessage : "");
  buf_reset(&p->body);
  p->status = status;
  if( status==503 ){
    /* A passing condition (a lock held by another process, a full disk, a
    ** read-only or short-of-memory moment): nothing of the request was
    ** stored, and the client may send it again. */
    int have = 0;
    for(int i = 0; i < p->nHeader; i++) have |= strcasecmp(p->aHeader[i].zName, "Retry-After")==0;
    if( !have ) http_add_header(p, "Retry-After", rc==ECX_EBUSY ? "5" : "60");
  }
  if( p->isApi ){
    p->zContentType = "application/json";
    buf_printf(&p->body, "{\"error\":{\"code\":%j,\"message\":%j,\"field\":%j}}\n",
               err_name(rc), zMessage, p->zErrField);
  }else{
    p->zContentType = "text/html; charset=utf-8";
    layout_error(p, status, zMessage);
  }
}

/* The message shown for a failed handler: internal details (SQL, paths)
** go to the server log, not to the client. */
static const char *error_message(int status, int rc){
  const char *zDetail = err_detail();
  if( status >= 500 ){
    fprintf(stderr, "ecx serve: %s: %s\n", err_message(rc), zDetail);
    return err_message(rc);
  }
  return zDetail[0] ? zDetail : err_message(rc);
}

static void fail_status(HttpReq *p, int status, int rc){
  http_render_error(p, status, rc, err_message(rc));
}

void http_dispatch(HttpReq *p){
  const HttpRoute *r = 0;
  int allowed = 0, rc, method = p->method==HTTP_HEAD ? HTTP_GET : p->method;
  p->isApi = strncmp(p->zPath, "/api/", 5)==0 || strcmp(p->zPath, "/api")==0;
  rc = auth_request(p);
  const char *zLang = p->pUser && p->pUser->zLang[0] ? p->pUser->zLang
                    : http_accept_language(http_header(p, "Accept-Language"), "es");
  p->zLang = strcmp(zLang, "en")==0 ? "en" : "es";
  i18n_thread_lang(p->zLang);
  if( rc==ECX_ELIMIT ){
    http_add_header(p, "Retry-After", "300");
    http_render_error(p, 429, rc, err_detail());
    goto out;
  }
  if( rc ){ http_render_error(p, err_http_status(rc), rc, error_message(500, rc)); goto out; }

  for(int i = 0; i < nRoute; i++){
    if( !path_match(&aRoute[i], p->zPath) ) continue;
    allowed |= aRoute[i].methods;
    if( (aRoute[i].methods & method) && !r ) r = &aRoute[i];
  }
  if( !r && !allowed ){
    http_render_error(p, 404, ECX_ENOTFOUND, _("no such page"));
    goto out;
  }
  if( !r ){
    static const struct { int m; const char *z; } aM[] = {
      {HTTP_GET, "GET, HEAD"}, {HTTP_POST, "POST"}, {HTTP_PUT, "PUT"},
    };
    char zAllow[32] = "";
    size_t n = 0;
    for(size_t i = 0; i < sizeof aM / sizeof aM[0]; i++){
      if( allowed & aM[i].m ) n += (size_t)snprintf(zAllow + n, sizeof zAllow - n, "%s%s", n ? ", " : "", aM[i].z);
    }
    http_add_header(p, "Allow", zAllow);
    http_render_error(p, 405, ECX_EUSAGE, _("method not allowed"));
    goto out;
  }
  p->pRoute = r;

  /* Permission before anything else runs. */
  if( r->roles!=ROLE_PUBLIC ){
    if( !p->pUser ){
      if( p->isApi || method!=HTTP_GET ){ fail_status(p, 401, ECX_EAUTH); goto out; }
      char zNext[600];
      Buf b;
      buf_init(&b, 1024);
      buf_printf(&b, "/login?next=%U", p->zPath);
      snprintf(zNext, sizeof zNext, "%s", buf_str(&b));
      buf_free(&b);
      http_redirect(p, zNext);
      goto out;
    }
    if( (p->pUser->role & r->roles)==0 ){ fail_status(p, 403, ECX_EPERM); goto out; }
    if( p->pUser->zScopes ){
      /* A bearer token reaches only routes that name a scope it holds. */
      int ok = 0;
      if( r->zScope ){
        size_t n = strlen(r->zScope);
        for(const char *z = p->pUser->zScopes; *z; ){
          const char *e = strchr(z, ',');
          size_t k = e ? (size_t)(e - z) : strlen(z);
          if( k==n && strncmp(z, r->zScope, n)==0 ){ ok = 1; break; }
          z += k + (e ? 1 : 0);
        }
      }
      if( !ok ){ fail_status(p, 403, ECX_EPERM); goto out; }
    }
  }

  /* CSRF: every state-changing POST or PUT from a browser session carries
  ** the session's token, in the form field "csrf" or (for scripts sending
  ** JSON) the header X-CSRF-Token. Bearer tokens are not ambient
  ** credentials, so API calls with a token need none. */
  if( (method==HTTP_POST || method==HTTP_PUT) && (r->flags & HTTP_CSRF) && !(p->pUser && p->pUser->zScopes) ){
    const char *zGiven = method==HTTP_POST ? http_form(p, "csrf") : 0;
    if( !zGiven ) zGiven = http_header(p, "X-CSRF-Token");
    if( !p->zCsrf || !p->zCsrf[0] || !zGiven || !auth_equal(zGiven, p->zCsrf) ){
      http_render_error(p, 403, ECX_EPERM, _("the form has expired or did not come from this site; reload the page and try again"));
      goto out;
    }
  }

  p->status = 200;
  rc = r->xHandler(p);
  if( rc ){
    int status = p->status >= 400 ? p->status : err_http_status(rc);
    http_render_error(p, status, rc, error_message(status, rc));
  }
out:
  http_cube_release(p);
  err_clear();
}

/* Name of one method bit; a bit without a name here still prints (as
** "0xNN"), so that tests driven by --routes never miss a route. */
static const char *method_name(int m, char *zBuf, size_t nBuf){
  if( m==HTTP_GET ) return "GET";
  if( m==HTTP_POST ) return "POST";
  if( m==HTTP_PUT ) return "PUT";
  snprintf(zBuf, nBuf, "0x%02x", m);
  return zBuf;
}

void http_print_routes(void){
  for(int i = 0; i < nRoute; i++){
    const HttpRoute *r = &aRoute[i];
    for(int m = 1; m <= 0x80; m <<= 1){
      char zMethod[8];
      if( !(r->methods & m) || m==HTTP_HEAD ) continue;
      char zRoles[64] = "";
      size_t n = 0;
      for(int k = ROLE_ADMIN; k <= ROLE_VIEWER; k <<= 1){
        if( r->roles & k ){
          n += (size_t)snprintf(zRoles + n, sizeof zRoles - n, "%s%s", n ? "," : "", http_role_name(k));
          if( n >= sizeof zRoles ) n = sizeof zRoles - 1;
        }
      }
      printf("%s %s %s %s %s\n", method_name(m, zMethod, sizeof zMethod), r->zPath,
             r->roles==ROLE_PUBLIC ? "public" : zRoles,
             m==HTTP_GET ? "-" : (r->flags & HTTP_CSRF) ? "csrf"
                                : (r->flags & HTTP_CSRF_LOGIN) ? "login-csrf" : "-",
             r->zScope ? r->zScope : "-");
    }
  }
}
