/*
** Server-rendered pages: the layout shared by every page, the stylesheet,
** and the page handlers listed in the route table (src/http/routes.c).
**
** All HTML goes through buf_printf with %h for every value; raw markup is
** only in format strings. Pages work without JavaScript.
*/
#ifndef ECX_PAGES_H
#define ECX_PAGES_H

#include "../http/http.h"

/* Start a page: doctype, head (title, /static/ecx.css), header with the
** navigation for the user's role, and <main>. zTitle is plain text. */
void layout_begin(HttpReq *p, const char *zTitle);
/* Close <main>, add the footer and close the document. */
void layout_end(HttpReq *p);
/* A hidden input carrying the session's CSRF token, for POST forms. */
void layout_csrf(HttpReq *p);
/* A notice ("ok" or "error" class) with escaped text. */
void layout_notice(HttpReq *p, const char *zClass, const char *zText);
/* The full error page for a status and message (used by the router). */
void layout_error(HttpReq *p, int status, const char *zMessage);

/* The scope of a front-line user (its touchpoints) or an area lead (the
** touchpoints its area answers for, table touchpoint_area) as a filter
** ("touchpoint=A|B", names quoted) into b, which every dashboard query must
** add as DashParams.zScope; b stays empty for other roles. *pzLabel gets
** the line the page shows under its title ("Area: X — touchpoints: A, B"),
** plain text in the request's arena, or NULL for other roles. 403 (after
** http_fail) when the scope holds no touchpoint, saying what an admin must
** do. (page_dash.c) */
int dash_user_scope(HttpReq *p, const Cube *pC, Buf *b, const char **pzLabel);
/* Write that line (nothing for a NULL zLabel). */
void dash_scope_note(HttpReq *p, const char *zLabel);

/* The stylesheet, served from memory. */
extern const char layout_css[];

/* Handlers. */
int page_css(HttpReq *p);           /* GET /static/ecx.css */
int page_login(HttpReq *p);         /* GET/POST /login */
int page_logout(HttpReq *p);        /* POST /logout */
int page_home(HttpReq *p);          /* GET / : overview (page_dash.c) */
int page_breakdown(HttpReq *p);     /* GET /breakdown */
int page_heatmap(HttpReq *p);       /* GET /heatmap */
int page_account(HttpReq *p);       /* GET/POST /account */
int page_admin_users(HttpReq *p);   /* GET/POST /admin/users */
int page_admin_audit(HttpReq *p);   /* GET /admin/audit */
int page_surveys(HttpReq *p);       /* GET/POST /surveys: list, create */
int page_survey_edit(HttpReq *p);   /* GET/POST /surveys/ID: the builder */
int page_public(HttpReq *p);        /* GET/POST /s/TOKEN[/thanks]: answer a survey */
int page_drivers(HttpReq *p);       /* GET /drivers (page_drivers.c) */
int page_benchmark(HttpReq *p);     /* GET /benchmark (page_bench.c) */
int page_feasibility(HttpReq *p);   /* GET/POST /feasibility (page_feas.c) */
int page_promise_list(HttpReq *p);  /* GET/POST /promise (page_promise.c) */
int page_promise(HttpReq *p);       /* GET/POST /promise/ID, GET /promise/ID/print */
int page_verbatims(HttpReq *p);     /* GET /verbatims (page_verbatims.c) */
int page_admin_tokens(HttpReq *p);  /* GET/POST /admin/tokens (page_tokens.c) */
int page_definitions(HttpReq *p);   /* GET/POST /definitions (page_definitions.c) */

#endif
