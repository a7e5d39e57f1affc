/*
** A small string -> integer map (open addressing, FNV-1a), for caches of
** names already looked up in the database. Bounded: past nMax entries
** strmap_put refuses (returns 0) and the caller simply looks up again.
** Keys are copied; everything is freed with strmap_free().
*/
#ifndef ECX_STRMAP_H
#define ECX_STRMAP_H

#include <stdint.h>

typedef struct StrMap {
  int nUsed, nSlot, nMax;
  char **azKey;
  int64_t *aVal;
} StrMap;

void strmap_init(StrMap *p, int nMax);
void strmap_free(StrMap *p);
/* 1 and *pVal if z is in the map, else 0. */
int strmap_get(const StrMap *p, const char *z, int64_t *pVal);
/* Add or replace; 0 if the map is full (nothing added). */
int strmap_put(StrMap *p, const char *z, int64_t v);

#endif
