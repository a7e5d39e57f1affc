/*
** Checking and storing one input record (internal to src/import).
**
** row_check validates every value of a record against its column's role
** without touching the database; row_store then writes the response, its
** answers and any new channel/touchpoint/competitor/attribute value. All
** buffers are allocated once in row_prepare, so the per-row path does not
** allocate (except when an entity name changes from the previous row).
*/
#ifndef ECX_IMPORT_ROW_H
#define ECX_IMPORT_ROW_H

#include <stdint.h>
#include "format.h"
#include "../model/workspace.h"

typedef struct RowCtx RowCtx;

/* Create or find the survey's questions for the mapping's question columns
** and resolve the mapping's constants. tsDefault is the time given to rows
** without a date column. *pp is freed with row_free(). */
int row_prepare(Workspace *pWs, const Mapping *pMap, int64_t surveyId, int64_t tsDefault,
                RowCtx **pp);
void row_free(RowCtx *p);

/* 1 if the record is an unfinished response the format says to skip. */
int row_unfinished(const RowCtx *p, const ImpRecord *pRec);

/* Validate a record. 0 if good; else 1 with *piCol the column at fault (-1
** for the record as a whole) and *pzReason a translated reason owned by the
** context (valid until the next call). */
int row_check(RowCtx *p, const ImpRecord *pRec, int *piCol, const char **pzReason);

/* Store the record last checked good. *pIsNew is 0 for a duplicate. */
int row_store(RowCtx *p, const ImpRecord *pRec, int *pIsNew);

#endif
