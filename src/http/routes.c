/*
** The route table: every URL the server answers, one row each (http.h).
** Order matters only for prefixes: the first row whose path and method
** match wins. `ecx serve --routes` prints this table; tests/http derive
** their permission matrix from it.
*/
#include "http.h"
#include "http_int.h"
#include "../pages/pages.h"

#define STAFF (ROLE_ADMIN|ROLE_ANALYST|ROLE_AREA_LEAD|ROLE_FRONTLINE|ROLE_VIEWER)
#define READERS (ROLE_ADMIN|ROLE_ANALYST|ROLE_AREA_LEAD|ROLE_VIEWER)   /* not scoped to touchpoints */
#define EDITORS (ROLE_ADMIN|ROLE_ANALYST)

const HttpRoute aRoute[] = {
  /* methods            path              handler            roles        flags      scope  description */
  {HTTP_GET,            "/static/ecx.css", page_css,         ROLE_PUBLIC, 0,         0, "the stylesheet"},
  {HTTP_GET|HTTP_POST,  "/login",         page_login,        ROLE_PUBLIC, HTTP_CSRF_LOGIN,       0, "log in form and action"},
  {HTTP_POST,           "/logout",        page_logout,       STAFF,       HTTP_CSRF, 0, "end the session"},
  {HTTP_GET,            "/",              page_home,         STAFF,       0,         0, "overview: headline figures and their trend"},
  {HTTP_GET,            "/breakdown",     page_breakdown,    STAFF,       0,         0, "a figure by any grouping, with intervals"},
  {HTTP_GET,            "/heatmap",       page_heatmap,      STAFF,       0,         0, "touchpoint x dimension means"},
  {HTTP_GET,            "/drivers",       page_drivers,      READERS,     0,         0, "key drivers: Shapley shares, R², importance-performance matrix"},
  {HTTP_GET,            "/benchmark",     page_benchmark,    READERS,     0,         0, "our mean per dimension against each competitor's"},
  {HTTP_GET,            "/feasibility",   page_feasibility,  READERS,     0,         0, "feasibility of each dimension: own area's ratings and the spread"},
  {HTTP_POST,           "/feasibility",   page_feasibility,  ROLE_ADMIN|ROLE_AREA_LEAD, HTTP_CSRF, 0, "rate the feasibility of the dimensions for an area"},
  {HTTP_GET,            "/promise",       page_promise_list, READERS,     0,         0, "experience promises: list and new"},
  {HTTP_POST,           "/promise",       page_promise_list, EDITORS,     HTTP_CSRF, 0, "create an experience promise"},
  {HTTP_GET,            "/promise/*",     page_promise,      READERS,     0,         0, "a promise: criteria, recommendation, versions; /print"},
  {HTTP_POST,           "/promise/*",     page_promise,      EDITORS,     HTTP_CSRF, 0, "save a new version of a promise"},
  {HTTP_GET|HTTP_POST,  "/account",       page_account,      STAFF,       HTTP_CSRF, 0, "change own password and language"},
  {HTTP_GET|HTTP_POST,  "/admin/users",   page_admin_users,  ROLE_ADMIN,  HTTP_CSRF, 0, "list, add, disable users, change roles"},
  {HTTP_GET,            "/api/whoami",    http_whoami,       STAFF,       0,         "read", "the caller's login and role (JSON)"},
  {HTTP_GET|HTTP_POST,  "/surveys",       page_surveys,      ROLE_ADMIN|ROLE_ANALYST, HTTP_CSRF, 0, "list surveys, create one"},
  {HTTP_GET|HTTP_POST,  "/surveys/*",     page_survey_edit,  ROLE_ADMIN|ROLE_ANALYST, HTTP_CSRF, 0, "survey builder: settings, links, questions"},
  {HTTP_GET|HTTP_POST,  "/s/*",           page_public,       ROLE_PUBLIC, HTTP_CSRF_LOGIN, 0, "public survey form (/s/TOKEN, /s/TOKEN/thanks)"},
  {HTTP_POST,           "/api/v1/responses", api_responses_post, ROLE_ADMIN|ROLE_ANALYST, HTTP_CSRF, "ingest", "store responses (JSON object or array); idempotent by source_id"},
  {HTTP_GET,            "/api/v1/metrics", api_metrics_get,  ROLE_ADMIN|ROLE_ANALYST|ROLE_VIEWER, 0, "read", "the report of ecx report --format json"},
  {HTTP_GET,            "/admin/audit",   page_admin_audit,  ROLE_ADMIN,  0,         0, "read the audit log"},
  {HTTP_GET,            "/api/v1/drivers", api_drivers_get,  READERS,     0,         "read", "key-driver analysis (ecx drivers --format json)"},
  {HTTP_GET,            "/api/v1/benchmark", api_benchmark_get, READERS,  0,         "read", "competitor benchmark (ecx benchmark --format json)"},
  {HTTP_GET,            "/api/v1/feasibility", api_feasibility, READERS,  0,         "read", "feasibility spread per dimension and the ratings (area lead: its own)"},
  {HTTP_POST,           "/api/v1/feasibility", api_feasibility, ROLE_ADMIN|ROLE_AREA_LEAD, HTTP_CSRF, "admin", "store feasibility ratings of an area"},
  {HTTP_GET,            "/api/v1/promises", api_promises,    READERS,     0,         "read", "experience promises: the latest version of each"},
  {HTTP_POST,           "/api/v1/promises", api_promises,    EDITORS,     HTTP_CSRF, "admin", "create an experience promise"},
  {HTTP_GET,            "/api/v1/promises/*", api_promise,   READERS,     0,         "read", "a promise, its versions, criteria, KPIs, touchpoint matrix, alerts, areas"},
  {HTTP_POST,           "/api/v1/promises/*", api_promise,   EDITORS,     HTTP_CSRF, "admin", "a new version of a promise (/ID) or its KPIs (/ID/kpis)"},
  {HTTP_GET,            "/api/v1/alerts", api_alerts_get,    READERS,     0,         "read", "every promise's KPIs and touchpoints significantly below target"},
  {HTTP_GET,            "/verbatims",     page_verbatims,    STAFF,       0,         0, "open-text answers: search, filters, pages, CSV"},
  {HTTP_GET,            "/api/v1/segments", api_catalog, READERS, 0, "read", "list the segments (JSON)"},
  {HTTP_GET,            "/api/v1/segments/*", api_catalog, READERS, 0, "read", "one of the segments, by name"},
  {HTTP_PUT,            "/api/v1/segments/*", api_catalog, EDITORS, HTTP_CSRF, "admin", "create or change one of the segments (idempotent)"},
  {HTTP_GET,            "/api/v1/touchpoints", api_catalog, READERS, 0, "read", "list the touchpoints (JSON)"},
  {HTTP_GET,            "/api/v1/touchpoints/*", api_catalog, READERS, 0, "read", "one of the touchpoints, by name"},
  {HTTP_PUT,            "/api/v1/touchpoints/*", api_catalog, EDITORS, HTTP_CSRF, "admin", "create or change one of the touchpoints (idempotent)"},
  {HTTP_GET,            "/api/v1/dimensions", api_catalog, READERS, 0, "read", "list the dimensions (JSON)"},
  {HTTP_GET,            "/api/v1/dimensions/*", api_catalog, READERS, 0, "read", "one of the dimensions, by name"},
  {HTTP_PUT,            "/api/v1/dimensions/*", api_catalog, EDITORS, HTTP_CSRF, "admin", "create or change one of the dimensions (idempotent)"},
  {HTTP_GET,            "/api/v1/areas", api_catalog, READERS, 0, "read", "list the areas (JSON)"},
  {HTTP_GET,            "/api/v1/areas/*", api_catalog, READERS, 0, "read", "one of the areas, by name"},
  {HTTP_PUT,            "/api/v1/areas/*", api_catalog, EDITORS, HTTP_CSRF, "admin", "create or change one of the areas (idempotent)"},
  {HTTP_GET,            "/api/v1/competitors", api_catalog, READERS, 0, "read", "list the competitors (JSON)"},
  {HTTP_GET,            "/api/v1/competitors/*", api_catalog, READERS, 0, "read", "one of the competitors, by name"},
  {HTTP_PUT,            "/api/v1/competitors/*", api_catalog, EDITORS, HTTP_CSRF, "admin", "create or change one of the competitors (idempotent)"},
  {HTTP_GET,            "/api/v1/surveys", api_surveys, READERS, 0, "read", "list the surveys (JSON)"},
  {HTTP_GET,            "/api/v1/surveys/*", api_surveys, READERS, 0, "read", "one of the surveys, by code"},
  {HTTP_PUT,            "/api/v1/surveys/*", api_surveys, EDITORS, HTTP_CSRF, "admin", "create or change one of the surveys (idempotent)"},
  {HTTP_GET|HTTP_POST,  "/admin/tokens",  page_admin_tokens, ROLE_ADMIN,  HTTP_CSRF, 0, "API tokens: create (shown once), list, revoke"},
  {HTTP_GET|HTTP_POST,  "/definitions",   page_definitions,  EDITORS,     HTTP_CSRF, 0, "segments, touchpoints (with their areas), dimensions, areas, competitors: list, add, edit, rename"},
};
const int nRoute = sizeof aRoute / sizeof aRoute[0];
