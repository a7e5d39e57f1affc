/*
** Internal interface of the import subsystem: record sources (CSV or JSON
** lines, one record at a time) and the format adapters (Qualtrics, legacy
** Qualtrics, LimeSurvey, generic CSV, JSON lines) that read header rows and
** give columns their default roles. Not used outside src/import.
*/
#ifndef ECX_IMPORT_FORMAT_H
#define ECX_IMPORT_FORMAT_H

#include <stddef.h>
#include <stdint.h>
#include "mapping.h"

/* One input record. Every pointer is owned by the source and valid until
** the next src_next(). */
typedef struct ImpRecord {
  int nField;
  const char *const *azField;
  const size_t *anLen;
  int line;                /* physical line where the record starts */
  const char *zRaw;        /* the record's text as in the file */
  size_t nRaw;
  const char *zError;      /* a problem with the record as a whole, or NULL */
  int iErrCol;             /* column the problem is about, or -1 */
} ImpRecord;

typedef struct ImpSource ImpSource;

/* Open zPath as CSV or as JSON lines. Free with src_close(). */
int src_open(const char *zPath, int isJsonl, ImpSource **pp);
void src_close(ImpSource *p);
/* Next record; *pHave is 0 at the end. */
int src_next(ImpSource *p, ImpRecord *pRec, int *pHave);
/* Bytes consumed so far. */
int64_t src_offset(ImpSource *p);
/* JSON lines: the column names (the first object's keys). NULL for CSV. */
const char *const *src_columns(ImpSource *p, int *pnCol);

/* JSON lines reader (jsonl.c), used through src_*. */
typedef struct JsonlReader JsonlReader;
int jsonl_open(const char *zPath, JsonlReader **pp);
void jsonl_close(JsonlReader *p);
int jsonl_next(JsonlReader *p, ImpRecord *pRec, int *pHave);
int64_t jsonl_offset(JsonlReader *p);
const char *const *jsonl_columns(JsonlReader *p, int *pnCol);

/* A format adapter. xHeader reads the header row(s) from a fresh source,
** initializes *pMap (map_init) with the column names and labels and sets
** the roles the format defines; *pnHeader is the number of records it read. */
typedef struct ImpFormat {
  const char *zName;
  int isJsonl;
  int numericAsChoice;     /* small whole numbers are choice codes */
  int (*xHeader)(ImpSource *pSrc, const char *zFile, Mapping *pMap, int *pnHeader);
} ImpFormat;

extern const ImpFormat fmt_qualtrics;
extern const ImpFormat fmt_qualtrics_legacy;
extern const ImpFormat fmt_limesurvey;
extern const ImpFormat fmt_csv;
extern const ImpFormat fmt_jsonl;

/* Read one header record into *pRec; ECX_EFORMAT "FILE: ..." if missing. */
int fmt_read_header(ImpSource *pSrc, const char *zFile, const char *zWhat, ImpRecord *pRec);
/* Set the role of the column named zName, if present; returns its index or -1. */
int fmt_role(Mapping *pMap, const char *zName, Role role);

/* Refuse empty and repeated column names (roles are given by name);
** errors read "FILE:LINE: ...". */
int fmt_check_names(const char *zFile, int line, int n, const char *const *az);

#endif
