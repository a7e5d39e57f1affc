/*
** The JSON parser of POST /api/v1/responses: one response object or an
** array of them, into plain records. Pure (no database), so that it can be
** fuzzed (tests/fuzz/fuzz_api_json.c). Checking answers against the survey
** happens afterwards (api_responses.c).
*/
#ifndef ECX_API_JSON_H
#define ECX_API_JSON_H

#include <stddef.h>
#include <stdint.h>
#include "../base/arena.h"

#define API_MAX_BATCH    1000   /* responses in one request */
#define API_MAX_ANSWERS  200    /* answers in one response */
#define API_MAX_VALUES   100    /* values of one multi answer */

typedef struct ApiAnswer {
  const char *zCode;
  int nVal;
  const char **azVal;     /* numbers as decimal text; strings as given */
} ApiAnswer;

typedef struct ApiResponse {
  const char *zSurvey, *zSourceId, *zTouchpoint, *zChannel, *zLanguage;  /* NULL if absent */
  int64_t ts;             /* Unix seconds (from a number or an ISO string) */
  int nAnswer;
  ApiAnswer *aAnswer;
} ApiResponse;

/* Parse z (n bytes). On success *paOut has *pnOut records, all memory in
** pArena. On failure ECX_EINVAL (or ECX_ETOOBIG for too many records) with
** err_detail() set and *pzField naming the offending field ("[3].answers.q1")
** in pArena, or NULL. */
int api_parse_responses(Arena *pArena, const char *z, size_t n,
                        ApiResponse **paOut, int *pnOut, const char **pzField);

#endif
