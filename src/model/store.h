/*
** Storing responses, their answers and respondents' attributes.
**
** Callers wrap many store_* calls in one db_begin()/db_commit() for speed;
** the functions themselves never open or close transactions.
*/
#ifndef ECX_STORE_H
#define ECX_STORE_H

#include <stdint.h>
#include "workspace.h"

typedef struct AnswerRec {
  int64_t questionId;
  int hasNum;            /* 1 if num holds the value (scales, choices) */
  int64_t num;
  const char *zText;     /* open text or choice label(s); NULL if none */
} AnswerRec;

typedef struct ResponseRec {
  int64_t surveyId;
  int64_t respondentId;  /* 0: none */
  int64_t touchpointId;  /* 0: none */
  int64_t channelId;     /* 0: none */
  int64_t competitorId;  /* 0: about us; else a benchmark rating of a competitor */
  int64_t ts;            /* Unix seconds, UTC */
  const char *zLanguage; /* "es", "en", ... or NULL */
  const char *zSourceId; /* unique within the survey; duplicates are skipped */
  int nAnswer;
  const AnswerRec *aAnswer;
} ResponseRec;

/* Insert a response and its answers. *pId is the new id, or 0 when a
** response with the same survey and source id already exists (nothing is
** written then). */
int store_response(Workspace *pWs, const ResponseRec *pRec, int64_t *pId);

/* Find a respondent by external id (or create one); zExternalId NULL always
** creates an anonymous respondent. */
int store_respondent(Workspace *pWs, const char *zExternalId, int64_t *pId);

/* Set (or replace) one attribute value of a respondent. */
int store_respondent_attr(Workspace *pWs, int64_t respondentId, int64_t attrId,
                          const char *zValue);

#endif
