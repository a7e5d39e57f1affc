/*
** Survey definitions as the builder, the public form and the API see them:
** a survey with its status and public link token, its questions in order
** and the choices of choice questions; one-time response links; checking
** one answer against its question; storing a checked response.
** Schema migration 4 adds survey.status, survey.public_token and the
** response_token table (docs/schema.md, docs/surveys.md).
*/
#ifndef ECX_SURVEY_DEF_H
#define ECX_SURVEY_DEF_H

#include <stdint.h>
#include "../base/arena.h"
#include "entity.h"
#include "store.h"
#include "workspace.h"

#define SURVEY_MAX_CHOICES 100     /* options of one choice question */
#define SURVEY_MAX_TEXT    4000    /* bytes of one open-text answer */

typedef struct SurveyChoice { char *zValue, *zLabelEs, *zLabelEn; } SurveyChoice;

typedef struct SurveyQuestion {
  int64_t id;
  char *zCode;
  QType type;
  int scaleMin, scaleMax;     /* 0,0 for types without a scale */
  int64_t dimensionId, attributeId;
  char *zDimension;           /* rating: dimension name; "" otherwise */
  char *zAttribute;           /* attribute: attribute name; "" otherwise */
  char *zTextEs, *zTextEn;
  int required;
  int nChoice;
  SurveyChoice *aChoice;
} SurveyQuestion;

typedef struct SurveyDef {
  int64_t id;
  char *zCode, *zTitle, *zKind, *zStatus;  /* status: draft, open, closed */
  char *zToken;                /* public link token, "" if none */
  int64_t touchpointId, channelId;          /* 0 if none */
  int nQ;
  SurveyQuestion *aQ;          /* in position order */
} SurveyDef;

/* Load a survey with its questions and choices by id, by code or by public
** token; ECX_ENOTFOUND if there is none. Free with survey_def_clear(). */
int survey_def_load(Workspace *pWs, int64_t id, SurveyDef *p);
int survey_def_by_code(Workspace *pWs, const char *zCode, SurveyDef *p);
int survey_def_by_token(Workspace *pWs, const char *zToken, SurveyDef *p);
void survey_def_clear(SurveyDef *p);
/* The question with this code, or NULL. */
const SurveyQuestion *survey_def_question(const SurveyDef *p, const char *zCode);

/* 1 if z is a usable survey or question code: 1 to 64 letters, digits,
** '-', '_' or '.'. */
int survey_code_valid(const char *z);

/* Create a new survey (ECX_EEXIST if the code is taken). */
int survey_def_create(Workspace *pWs, const char *zCode, const char *zTitle,
                      const char *zKind, int64_t *pId);
/* Update title, kind, touchpoint, channel (0 = none) and status. */
int survey_def_update(Workspace *pWs, int64_t id, const char *zTitle, const char *zKind,
                      int64_t touchpointId, int64_t channelId, const char *zStatus);
/* Set the public link token (NULL clears it). */
int survey_def_set_token(Workspace *pWs, int64_t id, const char *zToken);
/* Call xRow(pArg, id, code, title, kind, status, nQuestion, nResponse) for
** every survey by code; stops on a non-zero return, which it returns. */
int survey_def_each(Workspace *pWs, int (*xRow)(void*, int64_t, const char*, const char*,
                    const char*, const char*, int64_t, int64_t), void *pArg);

/* Call xRow(pArg, id, name) for every row of an entity table, by name
** (touchpoints by position); stops on a non-zero return. */
int survey_ent_each(Workspace *pWs, EntKind k, int (*xRow)(void*, int64_t, const char*), void *pArg);

/* Questions. Texts of an existing question can change; its type cannot. */
int survey_question_set(Workspace *pWs, int64_t qId, const char *zTextEs,
                        const char *zTextEn, int required);
/* Move a question one place up (dir<0) or down (dir>0); no-op at the ends. */
int survey_question_move(Workspace *pWs, int64_t surveyId, int64_t qId, int dir);
/* Delete a question that has no answers (ECX_EEXIST if it has). */
int survey_question_delete(Workspace *pWs, int64_t surveyId, int64_t qId);
/* Replace the choices of a question from lines "value|label es|label en"
** (labels optional; value defaults the labels). ECX_EINVAL for an empty or
** repeated value or more than SURVEY_MAX_CHOICES lines. */
int survey_choices_set(Workspace *pWs, int64_t qId, const char *zSpec);

/* One-time response links, stored by digest. State: 0 unknown, 1 unused,
** 2 used. survey_link_use marks a link used by a response (ECX_EEXIST when
** it was used already). */
int survey_link_add(Workspace *pWs, int64_t surveyId, const char *zHash);
int survey_link_state(Workspace *pWs, int64_t surveyId, const char *zHash, int *pState);
int survey_link_use(Workspace *pWs, int64_t surveyId, const char *zHash, int64_t responseId);

/* Check the raw values given for one question (nVal of them; several only
** for multi) and fill *pA. *pHas is 0 when nothing was given (allowed for
** optional questions). ECX_EINVAL with a translated err_detail() when the
** answer is missing but required, off the scale, not a choice, too long.
** Strings of *pA live in pArena. */
int survey_answer_check(Arena *pArena, const SurveyQuestion *q, int nVal,
                        const char *const *azVal, AnswerRec *pA, int *pHas);

/* Store a response whose answers were checked (aQ[i] is the question of
** aAnswer[i]): attribute answers become values of an anonymous respondent.
** *pId is 0 when the source id was already stored. The caller holds the
** transaction. */
int survey_store(Workspace *pWs, ResponseRec *pRec, const SurveyQuestion *const *aQ,
                 int64_t *pId);

/* The id of the response with this source id in the survey, or 0. */
int survey_response_id(Workspace *pWs, int64_t surveyId, const char *zSourceId, int64_t *pId);

#endif
