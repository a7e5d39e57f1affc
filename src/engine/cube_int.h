/*
** Internals shared by the cube's source files (not for other modules).
*/
#ifndef ECX_CUBE_INT_H
#define ECX_CUBE_INT_H

#include "cube.h"

/* Code of row i in column p. */
static inline unsigned cube_code(const CubeCol *p, int64_t i){
  return p->width==1 ? ((const uint8_t*)p->aCode)[i] : ((const uint16_t*)p->aCode)[i];
}
static inline void cube_set_code(CubeCol *p, int64_t i, unsigned c){
  if( p->width==1 ) ((uint8_t*)p->aCode)[i] = (uint8_t)c;
  else ((uint16_t*)p->aCode)[i] = (uint16_t)c;
}

/* Both nibbles of a rating byte unanswered (a new row's byte). */
#define CUBE_MISSING_PAIR ((uint8_t)(CUBE_MISSING | CUBE_MISSING<<4))

/* Set the rating of row i in metric p (v is 0..15). */
static inline void cube_set_rating(CubeMetric *p, int64_t i, unsigned v){
  p->aVal[i] = (uint8_t)((p->aVal[i] & ~(15u << p->shift)) | (v << p->shift));
}

/* Give every metric its byte column: metric 2k gets n bytes (realloc of
** what it has), metric 2k+1 the same column's high nibble. */
void cube_met_columns(Cube *pCube, int64_t n);
/* Point each odd metric at the column of the metric before it (shift 4);
** even metrics own their column (shift 0). */
void cube_met_link(Cube *pCube);

/* Recompute the day range of the zones from the one holding row iFrom to
** the end (after rows were appended, or read from the cache). */
void cube_zones_update(Cube *pCube, int64_t iFrom);

/* AND into aOk[0..n) whether rows i0..i0+n pass the filter pW. */
void cube_where_eval(const Cube *pCube, const CubeWhere *pW, int64_t i0, int n, uint8_t *aOk);

/* Add a value to a column's dictionary; its code is returned in *pCode.
** Widens the column to 2 bytes past 255 values; ECX_ETOOBIG past 65535. */
int cube_col_add(Cube *pCube, CubeCol *p, const char *zLabel, int64_t key, unsigned *pCode);

/* The number of responses with an id up to maxId, without a pass over
** them (cube_load.c). */
int cube_count_upto(Db *pDb, int64_t maxId, int64_t *pn);

/* The cube cache (cube_cache.c). cube_cache_read gives ECX_ENOTFOUND when
** there is no usable cache for this workspace and shape; cube_cache_write
** never fails (a cache that cannot be written is simply not there). */
int cube_cache_read(Db *pDb, const char *zSignature, Cube **ppCube);
int cube_cache_write(const Cube *pCube, Db *pDb);

#endif
