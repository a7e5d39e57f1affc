/*
** The catalog of named things the JSON API reads and writes by name:
** segments, touchpoints, dimensions, areas and competitors (docs/api.md).
** One table describes each kind: its fields and its SQL.
**
** Names are unique per kind, and also after folding (src/base/fold.h): a
** new name that differs from another item's only in case or accents
** ("tienda" beside "Tienda") is refused as a duplicate.
*/
#ifndef ECX_CATALOG_H
#define ECX_CATALOG_H

#include <stdint.h>
#include "workspace.h"

typedef enum { CAT_SEGMENT, CAT_TOUCHPOINT, CAT_DIMENSION, CAT_AREA, CAT_COMPETITOR, CAT_NKIND } CatKind;

/* Fields a kind has beyond its name. */
#define CAT_F_DESCRIPTION 0x01
#define CAT_F_FILTER      0x02   /* segments: the filter expression */
#define CAT_F_POSITION    0x04   /* touchpoints: order on the journey */
#define CAT_F_CHANNEL     0x08   /* touchpoints: a channel's name or none */
#define CAT_F_AREAS       0x10   /* touchpoints: the internal areas answering for it */

#define CAT_MAX_NAME 200
#define CAT_MAX_TEXT 4000
#define CAT_MAX_AREAS 100    /* areas named for one touchpoint */
#define CAT_MAX_POSITION 1000000

typedef struct CatItem {
  int64_t id;
  char *zName, *zDescription, *zFilter, *zChannel;   /* "" when the kind lacks the field */
  int64_t position;
  int nArea;                 /* touchpoints: the responsible areas' names, */
  char **azArea;             /* ordered by name (NULL when none) */
} CatItem;

/* A change: NULL strings (and hasPosition 0, hasAreas 0) keep the current
** value (or the default for a new item); zChannel "" clears the channel;
** hasAreas 1 makes azArea (nArea names, possibly none) the item's areas. */
typedef struct CatPut {
  const char *zName, *zDescription, *zFilter, *zChannel;
  int hasPosition;
  int64_t position;
  int hasAreas;
  int nArea;
  const char *const *azArea;
} CatPut;

/* The kind's plural as in URLs ("segments", ...), its singular ("segment"),
** its fields (CAT_F_*). Static strings. */
const char *cat_plural(CatKind k);
const char *cat_singular(CatKind k);
int cat_fields(CatKind k);
/* The kind of a plural, or -1. */
int cat_kind_from_plural(const char *z);

void cat_item_clear(CatItem *p);
/* The item named zName; ECX_ENOTFOUND if none. Clear *p with cat_item_clear. */
int cat_get(Workspace *pWs, CatKind k, const char *zName, CatItem *p);
/* Call xRow for every item (touchpoints by position, others by name);
** stops on a non-zero return, which it returns. */
int cat_each(Workspace *pWs, CatKind k, int (*xRow)(void*, const CatItem*), void *pArg);
/* Create the item zName, or change it (a different pNew->zName renames it;
** when zName is gone and pNew->zName exists, that one is changed, so that a
** renaming PUT sent twice does the same). *pCreated is 1 for a new item.
** ECX_EINVAL for a bad name or field (the field's name in *pzField,
** static), ECX_EEXIST for a name taken (or taken up to case and accents).
** Channels named are created when missing; areas must exist (an unknown
** one is ECX_EINVAL, field "areas"). The caller holds the transaction. */
int cat_put(Workspace *pWs, CatKind k, const char *zName, const CatPut *pNew, int *pCreated,
            const char **pzField);

/* 1 if zName equals another name of the table zTable (exactly or after
** folding), other than the row with id `self`; *pzOther gets that name
** (caller frees). For names of kinds without a catalog entry (surveys'
** codes are exact). */
int cat_name_clash(Workspace *pWs, const char *zSqlNames, int64_t self, const char *zName,
                   char **pzOther);

/* ---- Touchpoints' responsible areas (table touchpoint_area; catalog_area.c) */

/* The ids of the areas named in az (n of them, at most CAT_MAX_AREAS) into
** aId; ECX_EINVAL naming the first unknown one. */
int cat_area_ids(Workspace *pWs, int n, const char *const *az, int64_t *aId);
/* Make aId (n ids, repeats ignored) the areas of touchpoint tpId. */
int cat_tp_set_areas(Workspace *pWs, int64_t tpId, int n, const int64_t *aId);
/* The names of the areas of touchpoint tpId, by name, into p->azArea and
** p->nArea (freed by cat_item_clear). */
int cat_tp_read_areas(Workspace *pWs, int64_t tpId, CatItem *p);
/* The area areaId: its name into *pzArea, and the touchpoints it answers
** for, in journey order, as a comma list of ids ("3,7"; "" when none) into
** *pzIds. ECX_ENOTFOUND when there is no such area. The caller frees both. */
int cat_area_touchpoints(Workspace *pWs, int64_t areaId, char **pzArea, char **pzIds);

#endif
