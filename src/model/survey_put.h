/*
** A whole survey written at once, as the JSON API's PUT does it: create the
** survey or change it, and make its questions the given list, in order.
**
** Questions are matched by code. Texts, the required flag, choices and
** order may always change. What would change the meaning of answers
** already stored is refused with ECX_ECONFLICT: changing the type, the
** scale, the dimension or the attribute of a question that has answers,
** or leaving such a question out of the list. Questions without answers
** may change freely or be removed.
*/
#ifndef ECX_SURVEY_PUT_H
#define ECX_SURVEY_PUT_H

#include "survey_def.h"

#define SURVEY_MAX_QUESTIONS 200

typedef struct SurveyQSpec {
  const char *zCode;
  QType type;
  int scaleMin, scaleMax;         /* rating: 1-5 or 0-10 */
  const char *zDimension;         /* rating */
  const char *zAttribute;         /* attribute (default: the code) */
  const char *zTextEs, *zTextEn;
  int required;
  int nChoice;                    /* choice and multi */
  const SurveyChoice *aChoice;
} SurveyQSpec;

typedef struct SurveySpec {
  const char *zCode;
  const char *zTitle, *zKind, *zStatus;    /* NULL: keep (or the default) */
  const char *zTouchpoint, *zChannel;      /* NULL: keep; "": none */
  int hasQuestions;                        /* 0: leave the questions alone */
  int nQ;
  const SurveyQSpec *aQ;
} SurveySpec;

/* Write the survey. *pCreated is 1 for a new one. On ECX_EINVAL (a bad
** value), ECX_ECONFLICT or ECX_EEXIST, zField (size nField) names the
** member, like "questions[2].type". The caller holds the transaction. */
int survey_put(Workspace *pWs, const SurveySpec *pSpec, int *pCreated, char *zField, size_t nField);

#endif
