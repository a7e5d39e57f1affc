/*
** Generic CSV and JSON lines formats: one header row (or the first
** object's keys) names the columns; roles come from a mapping file or from
** inference. Also the small helpers every format adapter shares.
*/
#include <string.h>
#include <strings.h>

#include "format.h"
#include "../base/err.h"
#include "../base/i18n.h"

int fmt_read_header(ImpSource *pSrc, const char *zFile, const char *zWhat, ImpRecord *pRec){
  int have = 0;
  int rc = src_next(pSrc, pRec, &have);
  if( rc ) return rc;
  if( !have ) return err_set(ECX_EFORMAT, _("%s: missing %s"), zFile, zWhat);
  return ECX_OK;
}

int fmt_role(Mapping *pMap, const char *zName, Role role){
  int i = map_find(pMap, zName);
  if( i >= 0 ) map_set(pMap, i, role, 0, 0, 0);
  return i;
}

int fmt_check_names(const char *zFile, int line, int n, const char *const *az){
  for(int i = 0; i < n; i++){
    if( !az[i][0] ) return err_set(ECX_EFORMAT, _("%s:%d: column %d has no name"), zFile, line, i + 1);
    for(int j = 0; j < i; j++){
      if( strcmp(az[i], az[j])==0 ){
        return err_set(ECX_EFORMAT, _("%s:%d: column name \"%s\" appears twice"), zFile, line, az[i]);
      }
    }
  }
  return ECX_OK;
}

static int csv_header(ImpSource *pSrc, const char *zFile, Mapping *pMap, int *pnHeader){
  ImpRecord r;
  int rc = fmt_read_header(pSrc, zFile, _("header row"), &r);
  if( rc ) return rc;
  int n = r.nField;
  while( n > 1 && r.azField[n-1][0]==0 ) n--;   /* a trailing delimiter */
  rc = fmt_check_names(zFile, r.line, n, r.azField);
  if( rc ) return rc;
  map_init(pMap, r.nField, r.azField);
  for(int i = n; i < r.nField; i++) map_set(pMap, i, ROLE_IGNORE, 0, 0, 0);
  *pnHeader = 1;
  return ECX_OK;
}

static int jsonl_header(ImpSource *pSrc, const char *zFile, Mapping *pMap, int *pnHeader){
  int n = 0;
  const char *const *az = src_columns(pSrc, &n);
  if( !az ) return err_set(ECX_EFORMAT, _("%s: not JSON lines"), zFile);
  map_init(pMap, n, az);
  *pnHeader = 0;
  return ECX_OK;
}

const ImpFormat fmt_csv = {"csv", 0, 0, csv_header};
const ImpFormat fmt_jsonl = {"jsonl", 1, 0, jsonl_header};
