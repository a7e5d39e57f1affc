/*
** LimeSurvey response exports (CSV, question codes as headings): `id` is
** the source id, `submitdate` the time (empty means the response was not
** completed: skipped and counted), `startlanguage` the language; tool
** metadata (lastpage, seed, startdate, datestamp, ipaddr, refurl, token)
** is ignored, ipaddr and token locked as personal data. Sub-question
** columns such as Q2[SQ001] are each a question of their own.
*/
#include "format.h"
#include "../base/err.h"
#include "../base/i18n.h"

static const char *const azMeta[] = {
  "lastpage", "seed", "startdate", "datestamp", "refurl",
};
static const char *const azPii[] = { "ipaddr", "token" };

static int ls_header(ImpSource *pSrc, const char *zFile, Mapping *pMap, int *pnHeader){
  int rc = fmt_csv.xHeader(pSrc, zFile, pMap, pnHeader);
  if( rc ) return rc;
  for(size_t i = 0; i < sizeof azMeta / sizeof azMeta[0]; i++) fmt_role(pMap, azMeta[i], ROLE_IGNORE);
  for(size_t i = 0; i < sizeof azPii / sizeof azPii[0]; i++){
    int k = fmt_role(pMap, azPii[i], ROLE_IGNORE);
    if( k >= 0 ) pMap->aCol[k].locked = 1;
  }
  fmt_role(pMap, "id", ROLE_ID);
  pMap->iUnfinishedEmpty = fmt_role(pMap, "submitdate", ROLE_DATE);
  fmt_role(pMap, "startlanguage", ROLE_LANGUAGE);
  return ECX_OK;
}

const ImpFormat fmt_limesurvey = {"limesurvey", 0, 0, ls_header};
