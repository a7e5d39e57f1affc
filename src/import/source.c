/*
** Record sources: one interface over the CSV reader and the JSON lines
** reader, so that the import driver reads either one record at a time.
*/
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "csv.h"
#include "../base/err.h"

struct ImpSource {
  CsvReader *pCsv;
  JsonlReader *pJsonl;
};

int src_open(const char *zPath, int isJsonl, ImpSource **pp){
  ImpSource *p = ecx_calloc(1, sizeof *p);
  int rc = isJsonl ? jsonl_open(zPath, &p->pJsonl) : csv_open(zPath, &p->pCsv);
  if( rc ){ free(p); *pp = 0; return rc; }
  *pp = p;
  return ECX_OK;
}

void src_close(ImpSource *p){
  if( !p ) return;
  csv_close(p->pCsv);
  jsonl_close(p->pJsonl);
  free(p);
}

int src_next(ImpSource *p, ImpRecord *pRec, int *pHave){
  if( p->pJsonl ) return jsonl_next(p->pJsonl, pRec, pHave);
  memset(pRec, 0, sizeof *pRec);
  pRec->iErrCol = -1;
  int rc = csv_next(p->pCsv, pHave);
  if( rc || !*pHave ) return rc;
  pRec->nField = csv_nfield(p->pCsv);
  pRec->azField = csv_fields(p->pCsv);
  pRec->anLen = csv_lengths(p->pCsv);
  pRec->line = csv_line(p->pCsv);
  pRec->zRaw = csv_raw(p->pCsv, &pRec->nRaw);
  return ECX_OK;
}

int64_t src_offset(ImpSource *p){
  return p->pJsonl ? jsonl_offset(p->pJsonl) : csv_offset(p->pCsv);
}

const char *const *src_columns(ImpSource *p, int *pnCol){
  if( !p->pJsonl ){ *pnCol = 0; return 0; }
  return jsonl_columns(p->pJsonl, pnCol);
}
