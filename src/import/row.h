/*
** Checking and storing one input record (internal to src/import).
**
** row_check validates every value of a record against its column's role
** without touching the database; row_store then writes any new channel/
** touchpoint/competitor/attribute value and queues the response and its
** answers in a batch (src/model/store_batch.h); row_flush writes the rest.
** All buffers are allocated once in row_prepare or grow to the batch's
** bound, so the per-row path does not allocate (except for a name not
** seen before).
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

/* Store the record last checked good: its entities at once, the response
** itself in a batch written when full (src/model/store_batch.h). On an
** error *pLine is the input line of the row at fault. */
int row_store(RowCtx *p, const ImpRecord *pRec, int *pLine);
/* Write the rows still batched and finish the batch's work; once, after
** the last row_store (*pLine is 0 for an error no single row caused). */
int row_flush(RowCtx *p, int *pLine);
/* Responses written so far: new ones and duplicates skipped. */
void row_counts(const RowCtx *p, int64_t *pnNew, int64_t *pnDup);

#endif
