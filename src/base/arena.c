/*
** Region allocator: bump allocation in chained blocks, one release.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "err.h"

#define ARENA_BLOCK 8192u
#define ARENA_ALIGN 16u

struct ArenaBlock {
  ArenaBlock *pNext;
  size_t nUsed, nSize;      /* bytes used and available in a[] */
  _Alignas(16) unsigned char a[];
};

void arena_init(Arena *p, size_t nMax){
  p->pHead = 0;
  p->nTotal = 0;
  p->nMax = nMax ? nMax : 64u*1024u*1024u;
}

void arena_free(Arena *p){
  ArenaBlock *b = p->pHead;
  while( b ){
    ArenaBlock *pNext = b->pNext;
    free(b);
    b = pNext;
  }
  p->pHead = 0;
  p->nTotal = 0;
}

void *arena_alloc(Arena *p, size_t n){
  ArenaBlock *b = p->pHead;
  size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
  if( need < n ) return 0;
  if( !b || b->nSize - b->nUsed < need ){
    size_t nSize = need > ARENA_BLOCK ? need : ARENA_BLOCK;
    if( nSize > p->nMax || p->nTotal > p->nMax - nSize ) return 0;
    b = ecx_malloc(sizeof *b + nSize);
    b->nUsed = 0;
    b->nSize = nSize;
    p->nTotal += nSize;
    /* A big one-off block goes behind the head so the head keeps its room. */
    if( p->pHead && need > ARENA_BLOCK ){
      b->pNext = p->pHead->pNext;
      p->pHead->pNext = b;
    }else{
      b->pNext = p->pHead;
      p->pHead = b;
    }
  }
  void *r = b->a + b->nUsed;
  b->nUsed += need;
  memset(r, 0, n);
  return r;
}

char *arena_strndup(Arena *p, const char *z, size_t n){
  if( !z ) return 0;
  char *r = arena_alloc(p, n + 1);
  if( !r ) return 0;
  memcpy(r, z, n);
  r[n] = 0;
  return r;
}

char *arena_strdup(Arena *p, const char *z){
  return z ? arena_strndup(p, z, strlen(z)) : 0;
}
