/*
** Internals shared by the server (server.c) and the router (router.c).
*/
#ifndef ECX_HTTP_INT_H
#define ECX_HTTP_INT_H

#include "http.h"

/* Give back the cube's read lock if this request holds it. */
void http_cube_release(HttpReq *p);
/* Render an error response (HTML page, or JSON for /api/) for rc with the
** given status and message; replaces any body. */
void http_render_error(HttpReq *p, int status, int rc, const char *zMessage);
/* GET /api/whoami (whoami.c). */
int http_whoami(HttpReq *p);
/* POST /api/v1/responses (api_responses.c). */
int api_responses_post(HttpReq *p);
/* GET /api/v1/metrics (api_metrics.c). */
int api_metrics_get(HttpReq *p);
/* GET /api/v1/drivers, GET /api/v1/benchmark (api_analysis.c). */
int api_drivers_get(HttpReq *p);
int api_benchmark_get(HttpReq *p);
/* GET/POST /api/v1/feasibility (api_feas.c). */
int api_feasibility(HttpReq *p);
/* /api/v1/promises, /api/v1/promises/ID[/...], /api/v1/alerts (api_promise.c). */
int api_promises(HttpReq *p);
int api_promise(HttpReq *p);
int api_alerts_get(HttpReq *p);
/* Print the route table: one "METHOD PATH ROLES CSRF" line per method. */
void http_print_routes(void);

#endif
