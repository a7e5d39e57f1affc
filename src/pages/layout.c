/*
** The page layout: head, header with the navigation for the user's role,
** footer, error pages and small shared pieces (CSRF field, notices).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pages.h"
#include "../base/err.h"
#include "../base/i18n.h"

/* Navigation entries: path, label, roles that see the entry. */
static const struct { const char *zPath, *zLabel; int roles; } aNav[] = {
  {"/",            N_("Overview"), ROLE_ANY},
  {"/breakdown",   N_("Breakdown"), ROLE_ANY},
  {"/heatmap",     N_("Touchpoints × dimensions"), ROLE_ANY},
  {"/verbatims",   N_("Verbatims"), ROLE_ANY},
  {"/surveys",     N_("Surveys"),  ROLE_ADMIN|ROLE_ANALYST},
  {"/definitions", N_("Definitions"), ROLE_ADMIN|ROLE_ANALYST},
  {"/drivers",     N_("Key drivers"), ROLE_ANY & ~ROLE_FRONTLINE},
  {"/benchmark",   N_("Benchmark"), ROLE_ANY & ~ROLE_FRONTLINE},
  {"/feasibility", N_("Feasibility"), ROLE_ANY & ~ROLE_FRONTLINE},
  {"/promise",     N_("Promise"), ROLE_ANY & ~ROLE_FRONTLINE},
  {"/admin/users", N_("Users"),    ROLE_ADMIN},
  {"/admin/tokens", N_("API tokens"), ROLE_ADMIN},
  {"/admin/audit", N_("Audit log"), ROLE_ADMIN},
  {"/account",     N_("Account"),  ROLE_ANY},
};

void layout_begin(HttpReq *p, const char *zTitle){
  Buf *b = &p->body;
  char *zOrg = 0;
  if( p->pWs ) ws_setting_get(p->pWs, "org_name", &zOrg);
  err_clear();
  buf_printf(b,
    "<!DOCTYPE html>\n<html lang=\"%h\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<title>%h · ecx</title>\n<link rel=\"stylesheet\" href=\"/static/ecx.css\">\n"
    "</head>\n<body>\n<header class=\"top\">\n<a class=\"brand\" href=\"/\">ecx</a>",
    p->zLang, zTitle);
  if( zOrg && zOrg[0] ) buf_printf(b, " <span class=\"org\">%h</span>", zOrg);
  free(zOrg);
  if( p->pUser ){
    buf_printf(b, "\n<nav>");
    for(size_t i = 0; i < sizeof aNav / sizeof aNav[0]; i++){
      if( !(aNav[i].roles & p->pUser->role) ) continue;
      int here = strcmp(p->zPath, aNav[i].zPath)==0;
      buf_printf(b, "<a href=\"%h\"%s>%h</a> ", aNav[i].zPath,
                 here ? " aria-current=\"page\"" : "", _(aNav[i].zLabel));
    }
    buf_printf(b, "</nav>\n<form class=\"logout\" method=\"post\" action=\"/logout\">");
    layout_csrf(p);
    buf_printf(b, "<span class=\"who\">%h</span> <button type=\"submit\">%h</button></form>",
               p->pUser->zName[0] ? p->pUser->zName : p->pUser->zLogin, _("Log out"));
  }
  buf_printf(b, "\n</header>\n<main>\n<h1>%h</h1>\n", zTitle);
}

void layout_end(HttpReq *p){
  buf_printf(&p->body, "</main>\n<footer>ecx %h</footer>\n</body>\n</html>\n", ECX_VERSION);
}

void layout_csrf(HttpReq *p){
  buf_printf(&p->body, "<input type=\"hidden\" name=\"csrf\" value=\"%h\">", p->zCsrf ? p->zCsrf : "");
}

void layout_notice(HttpReq *p, const char *zClass, const char *zText){
  buf_printf(&p->body, "<p class=\"notice %h\" role=\"status\">%h</p>\n", zClass, zText);
}

void layout_error(HttpReq *p, int status, const char *zMessage){
  char zTitle[64];
  snprintf(zTitle, sizeof zTitle, "%s %d", _("Error"), status);
  /* zMessage is often err_detail(), which layout_begin() clears: copy it. */
  zMessage = http_strdup(p, zMessage ? zMessage : "");
  layout_begin(p, zTitle);
  layout_notice(p, "bad", zMessage);
  if( status==503 ){
    buf_printf(&p->body, "<p>%h</p>\n", _("Nothing from this request was saved. Please try again in a moment."));
  }
  if( status==401 || status==403 ){
    buf_printf(&p->body, "<p><a href=\"/\">%h</a></p>\n", _("Back to the overview"));
  }
  layout_end(p);
}

int page_css(HttpReq *p){
  p->zContentType = "text/css; charset=utf-8";
  http_add_header(p, "Cache-Control", "public, max-age=3600");
  buf_puts(&p->body, layout_css);
  return ECX_OK;
}
