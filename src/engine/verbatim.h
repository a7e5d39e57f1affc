/*
** The verbatim index: every open-text answer of the cube's responses,
** folded for search (src/base/fold.h) and held in memory beside the cube.
**
** Entry e is one non-empty answer to a question of type text: its cube row
** (so that the cube's columns give its date, touchpoint, channel, segments,
** attributes and scores), its response and question ids, and its folded
** text. Folded texts are stored one after the other in one buffer, each
** followed by a NUL, so that one memmem over the whole buffer finds every
** entry holding a word; the original text is read from the database only
** for the entries shown. Benchmark ratings of competitors are left out.
**
** The index follows the cube it was built for: verb_update() appends the
** answers of rows the cube has appended since; after the cube reloads
** (rows may have moved) the index is built again.
**
** A query filters by the cube's filter terms, a day range and an NPS band,
** and searches words: every term of the search must start a word of the
** text ("precio" finds "Precios"; "atencion" finds "atención"), and a term
** in double quotes is a phrase. Matches come newest first (by date, then
** by arrival).
**
** Memory: a VerbIndex is freed with verb_free(); a VerbResult with
** verb_result_free().
*/
#ifndef ECX_VERBATIM_H
#define ECX_VERBATIM_H

#include <stdint.h>
#include "cube.h"

typedef struct VerbIndex {
  int64_t n, nAlloc;       /* entries */
  uint32_t *aRow;          /* cube row of each entry */
  int64_t *aResp;          /* response id */
  int64_t *aQuestion;      /* question id */
  int64_t *aOff;           /* start of the folded text in zText (n+1 offsets) */
  uint32_t *aOrder;        /* entries by (day, row), oldest first */
  char *zText;             /* folded texts, each NUL-terminated */
  int64_t nText, nTextAlloc;
  int64_t nRow;            /* cube rows covered */
  int64_t maxResponseId;   /* highest response id covered */
} VerbIndex;

/* Bands of the NPS score (0-6, 7-8, 9-10). */
typedef enum { VERB_BAND_ALL, VERB_BAND_DETRACTOR, VERB_BAND_PASSIVE, VERB_BAND_PROMOTER } VerbBand;

/* Band named "detractors", "passives" or "promoters" ("" or NULL for all);
** -1 for another name. */
int verb_band_from_name(const char *z);

/* A new index covering every row of pCube. Free with verb_free(). */
int verb_load(Db *pDb, const Cube *pCube, VerbIndex **ppIdx);
/* Append the answers of the rows pCube has beyond pIdx->nRow. ECX_EBUSY if
** the database no longer matches the cube (the caller builds again). */
int verb_update(VerbIndex *pIdx, Db *pDb, const Cube *pCube);
void verb_free(VerbIndex *pIdx);
/* Bytes of memory the index takes. */
int64_t verb_bytes(const VerbIndex *pIdx);

#define VERB_MAX_TERMS 8

typedef struct VerbQuery {
  const CubeWhere *pWhere;   /* may be NULL */
  int64_t dayFrom, dayTo;    /* inclusive; INT64_MIN/MAX for none */
  VerbBand band;
  const char *zSearch;       /* words and "phrases", or NULL/"" for all */
  int64_t iFirst;            /* the window of matches to return ... */
  int nMax;                  /* ... from match iFirst (0-based), at most nMax */
} VerbQuery;

typedef struct VerbResult {
  int64_t nMatch;            /* entries matching the query in all */
  int nHit;                  /* entries in the window */
  int64_t *aHit;             /* their entry numbers, newest first */
} VerbResult;

/* Run a query. ECX_EINVAL for a search with more than VERB_MAX_TERMS terms
** or an NPS band when the cube has no NPS. */
int verb_query(const VerbIndex *pIdx, const Cube *pCube, const VerbQuery *pQ, VerbResult *pR);
void verb_result_free(VerbResult *pR);

/* The folded search terms of z: each " word" or " a phrase", into the
** NUL-separated list *pzTerms (caller frees), *pnTerm of them. */
int verb_terms(const char *z, char **pzTerms, int *pnTerm);

#endif
