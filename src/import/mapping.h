/*
** Column-to-role mapping for imports.
**
** Every input column gets one role: where its value goes (the response's
** id, date, touchpoint, ...) or which kind of question it answers (nps,
** csat, rating 1-5 DIMENSION, text, attribute NAME, ...). Roles come from a
** format's defaults, from header keywords plus a prescan of the data
** (map_infer), and finally from a mapping file (map_file_parse/map_apply),
** which always wins. map_print writes a mapping in the mapping-file syntax.
**
** Mapping file syntax, one item a line, '#' starts a comment:
**   COLUMN = ROLE [ARGS]          e.g.  P3 = rating 1-5 Atención
**   @survey CODE  @kind KIND  @touchpoint NAME  @channel NAME  @competitor NAME
*/
#ifndef ECX_MAPPING_H
#define ECX_MAPPING_H

#include <stdint.h>
#include "../base/buf.h"

typedef enum {
  ROLE_UNSET = 0,   /* not decided yet (becomes ignore or inferred) */
  ROLE_ID, ROLE_DATE, ROLE_TOUCHPOINT, ROLE_CHANNEL, ROLE_LANGUAGE,
  ROLE_RESPONDENT, ROLE_COMPETITOR,
  ROLE_NPS, ROLE_CSAT, ROLE_CES, ROLE_RATING, ROLE_CHOICE, ROLE_MULTI,
  ROLE_TEXT, ROLE_ATTRIBUTE,
  ROLE_IGNORE,
  ROLE_NROLE
} Role;

/* Name of a role as written in mapping files ("nps", ...). Static string. */
const char *role_name(Role r);
/* 1 if answers in this role are stored as questions. */
int role_is_question(Role r);

typedef struct ColMap {
  char *zName;         /* column header; owned */
  char *zLabel;        /* question text from a label row, or NULL; owned */
  Role role;
  int scaleMin, scaleMax;   /* ROLE_RATING: 1-5 or 0-10 */
  char *zArg;          /* ROLE_RATING: dimension; ROLE_ATTRIBUTE: name; owned */
  int fromFile;        /* role set by the mapping file */
  int locked;          /* personal data: always ignored, no mapping may change it */
} ColMap;

/* Constants for all rows (from directives). All owned, NULL when unset. */
typedef struct MapConst {
  char *zSurvey, *zKind, *zTouchpoint, *zChannel, *zCompetitor;
} MapConst;

typedef struct Mapping {
  int nCol;
  ColMap *aCol;        /* owned */
  MapConst k;
  int iUnfinishedZero; /* column whose value "0" marks an unfinished row, or -1 */
  int iUnfinishedEmpty;/* column whose empty value marks an unfinished row, or -1 */
} Mapping;

/* Start a mapping for nCol columns with these names (copied). Free with
** map_free(). */
void map_init(Mapping *p, int nCol, const char *const *azName);
void map_free(Mapping *p);
/* Index of the column named zName (exact, then case-insensitive), or -1. */
int map_find(const Mapping *p, const char *zName);
/* Set a column's role (zArg copied; may be NULL). */
void map_set(Mapping *p, int iCol, Role r, int scaleMin, int scaleMax, const char *zArg);

/* A parsed mapping file. */
typedef struct MapRule {
  char *zCol; Role role; int scaleMin, scaleMax; char *zArg; int line;
} MapRule;
typedef struct MapFile {
  int nRule;
  MapRule *aRule;
  MapConst k;
  char *zPath;
} MapFile;

/* Parse mapping-file text; errors read "FILE:LINE: ...". Free with
** map_file_free() (also after an error). */
int map_file_parse(const char *zPath, const char *zText, MapFile *pFile);
/* Read and parse a mapping file. */
int map_file_load(const char *zPath, MapFile *pFile);
void map_file_free(MapFile *pFile);
/* Apply the rules and directives of a file to a mapping. A rule for a
** column not in the input gives ECX_EINVAL. */
int map_apply(Mapping *p, const MapFile *pFile);

/* Per-column statistics from a prescan of the first rows. */
typedef struct ColStat {
  int nValue;          /* non-empty values */
  int nInt;            /* values that are whole numbers */
  int64_t iMin, iMax;  /* range of the whole numbers */
  int nTime;           /* values that parse as dates */
  int nLong;           /* values longer than 40 bytes */
  int nSpace;          /* values containing a blank */
} ColStat;
void map_stat_add(ColStat *s, const char *zValue);

/* Give every column still ROLE_UNSET a role from its name/label keywords and
** its prescan statistics aStat (nCol entries). numericAsChoice: small whole
** numbers are choice codes (Qualtrics) rather than rating scales. */
void map_infer(Mapping *p, const ColStat *aStat, int numericAsChoice);

/* Write the mapping in mapping-file syntax. */
int map_print(const Mapping *p, Buf *pOut);

#endif
