/*
** One change of the catalog (src/model/catalog.h: segments, touchpoints,
** dimensions, areas, competitors) as both the JSON API's PUT
** (api_catalog.c) and the definitions page (src/pages/page_definitions.c)
** make it, so that they check and record it the same way.
*/
#ifndef ECX_API_CATALOG_H
#define ECX_API_CATALOG_H

#include "http.h"
#include "../model/catalog.h"

/* Create or change the item zName of kind k with pNew (cat_put): a
** segment's filter is checked against the cube first (a bad one is 400,
** field "filter"; a segment past the cube's limit 409); then, in one
** transaction, the change, and unless it changed nothing (*pChanged 0,
** rolled back) the audit row KIND_put (target the name, detail "created"
** or "updated"). *pCreated is 1 for a new item; *pzAfter gets the item's
** JSON (in the request's arena). On failure nothing is stored and
** http_fail() has chosen the status (400 with the field for bad input,
** 409 for a taken name, 413) unless the error is unexpected. */
int api_catalog_store(HttpReq *p, CatKind k, const char *zName, const CatPut *pNew,
                      int *pCreated, int *pChanged, const char **pzAfter);

#endif
