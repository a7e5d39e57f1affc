/*
** Qualtrics response exports, current and legacy.
**
** Current: row 1 column names, row 2 question labels, row 3 a
** {"ImportId":...} cell per column, then responses. Legacy: row 1 V1..Vn
** (with Q codes for questions), row 2 the real names of the metadata
** columns and the question labels. Metadata and personal data columns are
** ignored (personal data locked so no mapping can store it); ResponseId is
** the source id, RecordedDate (or EndDate) the time, UserLanguage the
** language, and rows with Finished=0 are skipped as unfinished.
*/
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "../base/err.h"
#include "../base/i18n.h"

/* Personal data: never stored. */
static const char *const azPii[] = {
  "IPAddress", "RecipientLastName", "RecipientFirstName", "RecipientEmail",
  "LocationLatitude", "LocationLongitude", "LocationAccuracy", "Name", "EmailAddress",
  "ExternalReference", "ExternalDataReference",
};
/* Survey-tool metadata: ignored unless a mapping says otherwise. */
static const char *const azMeta[] = {
  "StartDate", "EndDate", "Status", "Progress", "Duration (in seconds)", "Finished",
  "DistributionChannel", "ResponseSet",
};

static void set_defaults(Mapping *pMap){
  for(size_t i = 0; i < sizeof azPii / sizeof azPii[0]; i++){
    int k = fmt_role(pMap, azPii[i], ROLE_IGNORE);
    if( k >= 0 ) pMap->aCol[k].locked = 1;
  }
  for(size_t i = 0; i < sizeof azMeta / sizeof azMeta[0]; i++) fmt_role(pMap, azMeta[i], ROLE_IGNORE);
  fmt_role(pMap, "ResponseId", ROLE_ID);
  if( fmt_role(pMap, "RecordedDate", ROLE_DATE) < 0 ) fmt_role(pMap, "EndDate", ROLE_DATE);
  fmt_role(pMap, "UserLanguage", ROLE_LANGUAGE);
  pMap->iUnfinishedZero = map_find(pMap, "Finished");
}

/* Names and labels from two header rows; azName[i] or azLabel[i] may be
** used as they come. A trailing empty column (from a trailing comma) is
** ignored. */
static int init_columns(const char *zFile, int line, int n, const char *const *azName,
                        const char *const *azLabel, int nLabel, Mapping *pMap){
  int nNamed = n;
  while( nNamed > 1 && azName[nNamed-1][0]==0 ) nNamed--;
  int rc = fmt_check_names(zFile, line, nNamed, azName);
  if( rc ) return rc;
  map_init(pMap, n, azName);
  for(int i = 0; i < n; i++){
    if( i >= nNamed ) map_set(pMap, i, ROLE_IGNORE, 0, 0, 0);
    else if( i < nLabel && azLabel[i][0] ) pMap->aCol[i].zLabel = ecx_strdup(azLabel[i]);
  }
  set_defaults(pMap);
  return ECX_OK;
}

/* Copies of a header record's fields (the next read invalidates them). */
static char **copy_fields(const ImpRecord *r){
  char **az = ecx_calloc((size_t)r->nField + 1, sizeof *az);
  for(int i = 0; i < r->nField; i++) az[i] = ecx_strdup(r->azField[i]);
  return az;
}
static void free_fields(char **az, int n){
  for(int i = 0; i < n; i++) free(az[i]);
  free(az);
}

/* Read nRow (2 or 3) header rows as copies: aaz[i] with an[i] fields;
** *pLine is the first row's line. On success free each with free_fields. */
static int read_rows(ImpSource *pSrc, const char *zFile, int nRow, char **aaz[], int an[], int *pLine){
  static const char *const azWhat[] = {N_("header row"), N_("label row"), N_("ImportId row")};
  ImpRecord r;
  for(int i = 0; i < nRow; i++){
    int rc = fmt_read_header(pSrc, zFile, _(azWhat[i]), &r);
    if( rc ){
      while( i-- > 0 ) free_fields(aaz[i], an[i]);
      return rc;
    }
    if( i==0 ) *pLine = r.line;
    aaz[i] = copy_fields(&r);
    an[i] = r.nField;
  }
  return ECX_OK;
}

static int current_header(ImpSource *pSrc, const char *zFile, Mapping *pMap, int *pnHeader){
  char **aaz[3];
  int an[3], line = 0;
  *pnHeader = 3;
  int rc = read_rows(pSrc, zFile, 3, aaz, an, &line);
  if( rc ) return rc;
  rc = init_columns(zFile, line, an[0], (const char *const *)aaz[0],
                    (const char *const *)aaz[1], an[1], pMap);
  for(int i = 0; i < 3; i++) free_fields(aaz[i], an[i]);
  return rc;
}

static int is_vcode(const char *z){
  if( z[0]!='V' || !isdigit((unsigned char)z[1]) ) return 0;
  for(z++; *z; z++) if( !isdigit((unsigned char)*z) ) return 0;
  return 1;
}

static int legacy_header(ImpSource *pSrc, const char *zFile, Mapping *pMap, int *pnHeader){
  char **aaz[2];
  int an[2], line = 0;
  *pnHeader = 2;
  int rc = read_rows(pSrc, zFile, 2, aaz, an, &line);
  if( rc ) return rc;
  /* V columns take their name from row 2; question columns keep their code
  ** and row 2 is their label. */
  int n = an[0];
  char **azName = ecx_calloc((size_t)n + 1, sizeof *azName);
  char **azLabel = ecx_calloc((size_t)n + 1, sizeof *azLabel);
  for(int i = 0; i < n; i++){
    const char *zRow2 = i < an[1] ? aaz[1][i] : "";
    int v = is_vcode(aaz[0][i]);
    azName[i] = ecx_strdup(v ? zRow2 : aaz[0][i]);
    azLabel[i] = ecx_strdup(v ? "" : zRow2);
  }
  rc = init_columns(zFile, line, n, (const char *const *)azName,
                    (const char *const *)azLabel, n, pMap);
  free_fields(azName, n);
  free_fields(azLabel, n);
  for(int i = 0; i < 2; i++) free_fields(aaz[i], an[i]);
  return rc;
}

const ImpFormat fmt_qualtrics = {"qualtrics", 0, 1, current_header};
const ImpFormat fmt_qualtrics_legacy = {"qualtrics-legacy", 0, 1, legacy_header};
