/*
** GET /api/v1/metrics: the report of `ecx report --format json` over the
** live cube, with the same parameters: by, where, segment, from, to,
** compare=previous, min_n. A caller may raise min_n above the workspace's
** setting, never lower it: the setting protects respondents from every
** reader of the API, so a smaller value is refused (400).
*/
#include <stdlib.h>
#include <string.h>

#include "http.h"
#include "http_int.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../report/report.h"

int api_metrics_get(HttpReq *p){
  ReportSpec spec;
  const Cube *pC = 0;
  const char *zCompare = http_query(p, "compare"), *zMinN = http_query(p, "min_n");
  char *zOrg = 0;
  int64_t minN = 0;
  Buf out;
  memset(&spec, 0, sizeof spec);
  spec.zBy = http_query(p, "by");
  spec.zWhere = http_query(p, "where");
  spec.zSegment = http_query(p, "segment");
  spec.zFrom = http_query(p, "from");
  spec.zTo = http_query(p, "to");
  spec.zMetrics = http_query(p, "metrics");
  spec.format = REPORT_JSON;
  if( zCompare && strcmp(zCompare, "previous")!=0 ){
    return http_fail(p, 400, ECX_EINVAL, "compare", _("compare accepts \"previous\", not \"%s\""), zCompare);
  }
  spec.comparePrevious = zCompare!=0;
  if( zMinN && (util_parse_int(zMinN, &minN) || minN < 1 || minN > 1000000) ){
    return http_fail(p, 400, ECX_EINVAL, "min_n", "%s", _("min_n must be a whole number from 1 to 1000000"));
  }
  int wsMin = ws_min_n(p->pWs);
  if( minN && minN < wsMin ){
    return http_fail(p, 400, ECX_EINVAL, "min_n", _("min_n cannot be lower than the workspace's minimum of %d"), wsMin);
  }
  spec.minN = minN ? (int)minN : wsMin;
  int rc = http_cube(p, &pC);
  if( rc ) return rc;
  ws_setting_get(p->pWs, "org_name", &zOrg);
  err_clear();
  spec.zTitle = zOrg;
  buf_init(&out, HTTP_MAX_RESPONSE);
  rc = report_run(pC, &spec, &out);
  free(zOrg);
  if( rc ){
    buf_free(&out);
    if( rc==ECX_EINVAL ){
      const char *zMsg = http_strdup(p, err_detail());
      return http_fail(p, 400, rc, 0, "%s", zMsg);
    }
    return rc;
  }
  p->zContentType = "application/json";
  http_set_body(p, &out);
  buf_free(&out);
  return ECX_OK;
}
