/*
** /login and /logout. The login form carries its own CSRF token (a
** double-submit cookie "ecx_login") because there is no session yet.
*/
#include <string.h>

#include "pages.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../http/auth.h"

#define LOGIN_COOKIE "ecx_login"

/* A "next" target is followed only if it is a local path. */
static const char *safe_next(const char *z){
  if( !z || z[0]!='/' || z[1]=='/' || z[1]=='\\' || strpbrk(z, "\r\n") ) return "/";
  return z;
}

static void login_form(HttpReq *p, const char *zLogin, const char *zNext, const char *zError){
  char zTok[AUTH_TOKEN_HEX];
  auth_random_token(zTok);
  http_set_cookie(p, LOGIN_COOKIE, zTok, 3600);
  layout_begin(p, _("Log in"));
  if( zError ) layout_notice(p, "bad", zError);
  buf_printf(&p->body,
    "<form class=\"stack\" method=\"post\" action=\"/login\">\n"
    "<input type=\"hidden\" name=\"login_csrf\" value=\"%h\">\n"
    "<input type=\"hidden\" name=\"next\" value=\"%h\">\n"
    "<label>%h <input name=\"login\" autocomplete=\"username\" required value=\"%h\"></label>\n"
    "<label>%h <input name=\"password\" type=\"password\" autocomplete=\"current-password\" required></label>\n"
    "<button type=\"submit\">%h</button>\n</form>\n",
    zTok, zNext, _("Login"), zLogin ? zLogin : "", _("Password"), _("Log in"));
  layout_end(p);
}

int page_login(HttpReq *p){
  const char *zNext = safe_next(http_param(p, "next"));
  if( p->method!=HTTP_POST ){
    if( p->pUser ) return http_redirect(p, zNext);
    login_form(p, 0, zNext, 0);
    return ECX_OK;
  }
  const char *zGiven = http_form(p, "login_csrf");
  const char *zCookie = http_cookie(p, LOGIN_COOKIE);
  if( !zGiven || !zCookie || !zCookie[0] || !auth_equal(zGiven, zCookie) ){
    return http_fail(p, 403, ECX_EPERM, 0, "%s",
                     _("the form has expired or did not come from this site; reload the page and try again"));
  }
  const char *zLogin = http_form(p, "login");
  const char *zPw = http_form(p, "password");
  int rc;
  if( !zLogin || !zLogin[0] || !zPw || !zPw[0] ){
    rc = http_fail(p, 400, ECX_EINVAL, "login", "%s", _("enter your login and password"));
  }else{
    rc = auth_login(p, zLogin, zPw);
  }
  if( rc==ECX_EAUTH || rc==ECX_ELIMIT || rc==ECX_EINVAL ){
    int status = p->status;
    char *zMsg = http_strdup(p, err_detail());
    err_clear();
    login_form(p, zLogin, zNext, zMsg);
    p->status = status;
    return ECX_OK;
  }
  if( rc ) return rc;
  http_set_cookie(p, LOGIN_COOKIE, "", 0);
  return http_redirect(p, zNext);
}

int page_logout(HttpReq *p){
  int rc = auth_logout(p);
  if( rc ) return rc;
  return http_redirect(p, "/login");
}
