/*
** Batched response storage, for bulk loads (ecx import).
**
** A StoreBatch queues responses with their answers (copied) and writes them
** a batch at a time with multi-row INSERTs. Answers either go straight into
** `answer`, sorted by (question, response) per batch, or - for questions
** that have no answers yet at the end of the answer b-tree, such as a new
** survey's - into one temporary table per question that
** store_batch_finish() copies into `answer` question by question, so that
** every insert appends (store_batch.c explains the choice). Temporary
** tables live in SQLite's temporary files, not in memory. Duplicates of
** (survey, source id), in the workspace or earlier in the input, are
** skipped as store_response() skips them. A batch holds at most
** STORE_BATCH_ROWS responses and about STORE_BATCH_BYTES of text, so memory
** does not grow with the input. The caller makes sure that no response has
** two answers to one question.
**
** Like store_response(), the batch never opens or closes a transaction: the
** caller keeps one open from the first add to the last flush.
*/
#ifndef ECX_STORE_BATCH_H
#define ECX_STORE_BATCH_H

#include <stdint.h>
#include "store.h"

#define STORE_BATCH_ROWS  1024
#define STORE_BATCH_BYTES (4u << 20)

typedef struct StoreBatch StoreBatch;

/* A new empty batch writing through pWs. Freed with store_batch_free(). */
StoreBatch *store_batch_new(Workspace *pWs);
/* Free the batch; responses still queued are dropped, not written. */
void store_batch_free(StoreBatch *p);

/* Queue a response (every string is copied). tag is the caller's name for
** it (a line number), given back when a flush fails because of this row.
** *pFull is set to 1 when the batch should be flushed now. */
int store_batch_add(StoreBatch *p, const ResponseRec *pRec, int tag, int *pFull);

/* Queue a respondent attribute value for the response added last; it is
** set (replacing the respondent's value) only if that response is new. */
void store_batch_attr(StoreBatch *p, int64_t respondentId, int64_t attrId, int64_t valueId);

/* Write every queued response; the batch is empty afterwards, also on an
** error. *pnNew and *pnDup are incremented by the responses stored and
** skipped as duplicates. On an error *pTag is the tag of the row at fault
** (the first row of the batch when no single row is). */
int store_batch_flush(StoreBatch *p, int64_t *pnNew, int64_t *pnDup, int *pTag);

/* Flush, then move every staged answer into `answer`; call once, after the
** last add and before the commit. Same arguments as store_batch_flush (an
** error after the flush gives *pTag 0: no single row is at fault). */
int store_batch_finish(StoreBatch *p, int64_t *pnNew, int64_t *pnDup, int *pTag);

#endif
