/*
** A simple region allocator: many small allocations, one release.
**
** Blocks are chained; arena_free() releases every allocation at once. Used
** for per-request memory in the web server (conventions 5). An arena has a
** maximum total size; past it arena_alloc() returns NULL (callers report
** ECX_ETOOBIG) instead of growing without bound.
*/
#ifndef ECX_ARENA_H
#define ECX_ARENA_H

#include <stddef.h>

typedef struct ArenaBlock ArenaBlock;
typedef struct Arena {
  ArenaBlock *pHead;   /* current block (newest first) */
  size_t nTotal;       /* bytes allocated from malloc so far */
  size_t nMax;         /* most bytes this arena may take; 0 means 64 MiB */
} Arena;

void arena_init(Arena *p, size_t nMax);
/* Release every block; the arena may be used again. */
void arena_free(Arena *p);
/* n bytes aligned for any type, zeroed. Owned by the arena (never free()
** them). NULL only when the arena's maximum would be exceeded. */
void *arena_alloc(Arena *p, size_t n);
/* Copies owned by the arena; NULL when over the maximum (or z is NULL). */
char *arena_strdup(Arena *p, const char *z);
char *arena_strndup(Arena *p, const char *z, size_t n);

#endif
