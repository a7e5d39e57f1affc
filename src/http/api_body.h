/*
** Helpers of the JSON API's PUT handlers: the request body as a JSON object
** (jansson), typed members with the offending field named on error, and
** the common answer of a PUT (docs/api.md).
**
** Every helper that fails has already called http_fail() with status 400
** (or 413) and the field, so a handler returns its code as it is.
*/
#ifndef ECX_API_BODY_H
#define ECX_API_BODY_H

#include <jansson.h>
#include "http.h"

/* The body as a JSON object; the caller json_decref()s it. */
int api_body_object(HttpReq *p, json_t **ppObj);
/* 400 naming the first member of o not in the NULL-terminated azKnown. */
int api_known_keys(HttpReq *p, json_t *o, const char *const *azKnown, const char *zPrefix);
/* Optional string member (NULL when absent; "" for null if nullable, else
** 400), at most nMax bytes, no NUL. zField names it in errors. */
int api_opt_string(HttpReq *p, json_t *o, const char *zKey, size_t nMax, int nullable,
                   const char *zField, const char **pz);
/* Optional integer member in [lo, hi]: *pHas 0 when absent. */
int api_opt_int(HttpReq *p, json_t *o, const char *zKey, int64_t lo, int64_t hi,
                const char *zField, int *pHas, int64_t *pV);
/* Optional boolean member: *pV unchanged when absent. */
int api_opt_bool(HttpReq *p, json_t *o, const char *zKey, const char *zField, int *pV);
/* The name after the collection's path ("/api/v1/segments/NAME" -> "NAME"),
** or NULL for the collection itself. 404 for an empty name. */
const char *api_path_name(HttpReq *p, const char *zCollection);
/* Finish a change in an open transaction: if the object's JSON after
** (zAfter) equals the one before (zBefore, NULL for a new one) roll back
** (nothing changed, nothing audited: *pChanged 0); else write the audit
** row (zAction, zTarget, "created"/"updated"), commit and make the cube
** reload (*pChanged 1). Rolled back on failure. */
int api_put_commit(HttpReq *p, const char *zBefore, const char *zAfter, const char *zAction,
                   const char *zTarget, int *pChanged);
/* Finish a PUT through api_put_commit and answer 201 for a new object or
** 200. The body is zAfter. */
int api_put_finish(HttpReq *p, const char *zBefore, const char *zAfter, const char *zAction,
                   const char *zTarget);
/* The error code of a failed change, with status 409 for conflicts
** (ECX_EEXIST, ECX_ECONFLICT) and 400 for invalid values, after rolling
** back; zField is the offending field or NULL. */
int api_change_failed(HttpReq *p, int rc, const char *zField);

#endif
