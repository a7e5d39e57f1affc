/*
** Format detection from a file's extension and first rows.
*/
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "import.h"
#include "format.h"
#include "../base/err.h"

static int has_cell(const ImpRecord *r, const char *zName){
  for(int i = 0; i < r->nField; i++) if( strcmp(r->azField[i], zName)==0 ) return 1;
  return 0;
}

static int ends_with(const char *z, const char *zSuffix){
  size_t n = strlen(z), m = strlen(zSuffix);
  return n >= m && strcasecmp(z + n - m, zSuffix)==0;
}

int import_detect(const char *zFile, const char **pzFormat){
  *pzFormat = "csv";
  if( ends_with(zFile, ".jsonl") || ends_with(zFile, ".ndjson") ){
    *pzFormat = "jsonl";
    return ECX_OK;
  }
  ImpSource *pSrc;
  int rc = src_open(zFile, 0, &pSrc);
  if( rc ) return rc;
  ImpRecord r;
  int have = 0;
  int qualtrics = 0, legacy = 0, lime = 0, row3 = 0;
  for(int iRow = 1; iRow <= 3; iRow++){
    if( src_next(pSrc, &r, &have) || !have ) break;
    if( iRow==1 ){
      if( r.nField > 0 && r.azField[0][0]=='{' ){ *pzFormat = "jsonl"; break; }
      qualtrics = has_cell(&r, "ResponseId");
      legacy = r.nField > 0 && strcmp(r.azField[0], "V1")==0;
      lime = has_cell(&r, "id") && has_cell(&r, "submitdate");
    }else if( iRow==2 ){
      legacy = legacy && has_cell(&r, "ResponseID");
    }else if( iRow==3 ){
      row3 = 1;
      qualtrics = qualtrics && r.nField > 0 && strncmp(r.azField[0], "{\"ImportId\"", 11)==0;
    }
  }
  if( strcmp(*pzFormat, "jsonl") ){
    if( qualtrics && row3 ) *pzFormat = "qualtrics";
    else if( legacy ) *pzFormat = "qualtrics-legacy";
    else if( lime ) *pzFormat = "limesurvey";
  }
  src_close(pSrc);
  return ECX_OK;
}
