/*
** Named workspace entities: channels, touchpoints, dimensions, competitors,
** internal areas, attributes; surveys and their questions.
**
** *_ensure functions find a row by its name and create it when missing,
** returning its id. Names are compared exactly (after the caller trims).
*/
#ifndef ECX_ENTITY_H
#define ECX_ENTITY_H

#include <stdint.h>
#include "workspace.h"

typedef enum {
  ENT_CHANNEL, ENT_TOUCHPOINT, ENT_DIMENSION, ENT_COMPETITOR, ENT_AREA,
  ENT_ATTRIBUTE, ENT_NKIND
} EntKind;

/* Table name of a kind ("channel", ...). Static string. */
const char *ent_table(EntKind k);
/* Kind named by zName ("touchpoint", ...), or -1. */
int ent_kind_from_name(const char *zName);

int ent_find(Workspace *pWs, EntKind k, const char *zName, int64_t *pId);
int ent_ensure(Workspace *pWs, EntKind k, const char *zName, int64_t *pId);
/* The id of a value of attribute attrId, created when missing. */
int ent_attr_value(Workspace *pWs, int64_t attrId, const char *zValue, int64_t *pId);

/* Question types as stored in question.type. */
typedef enum {
  Q_NPS, Q_CSAT, Q_CES, Q_RATING, Q_CHOICE, Q_MULTI, Q_TEXT, Q_ATTRIBUTE, Q_NTYPE
} QType;

const char *qtype_name(QType t);
/* Type named by z, or -1. */
int qtype_from_name(const char *z);
/* The fixed scale of a type (nps 0..10, csat 1..5, ces 1..7); 0 for types
** whose scale is per question or that have none. */
int qtype_scale(QType t, int *pMin, int *pMax);

typedef struct QuestionDef {
  const char *zCode;       /* unique within the survey */
  QType type;
  int scaleMin, scaleMax;  /* for Q_RATING: 1..5 or 0..10 */
  const char *zDimension;  /* for Q_RATING: dimension name (created if new) */
  const char *zAttribute;  /* for Q_ATTRIBUTE: attribute name (created if new) */
  const char *zTextEs, *zTextEn;
  int required;
} QuestionDef;

typedef struct Question {
  int64_t id;
  QType type;
  int scaleMin, scaleMax;
  int64_t dimensionId;     /* 0 if none */
  int64_t attributeId;     /* 0 if none */
} Question;

/* Find the survey with this code or create it (kind: relational,
** transactional, benchmark or employee). */
int survey_ensure(Workspace *pWs, const char *zCode, const char *zKind, int64_t *pId);
int survey_find(Workspace *pWs, const char *zCode, int64_t *pId);
/* Find a question by code in a survey; create it from pDef when missing.
** An existing question whose type differs from pDef->type gives ECX_EINVAL. */
int question_ensure(Workspace *pWs, int64_t surveyId, const QuestionDef *pDef, Question *pQ);
/* Look a question up by code; ECX_ENOTFOUND when absent. */
int question_find(Workspace *pWs, int64_t surveyId, const char *zCode, Question *pQ);

#endif
