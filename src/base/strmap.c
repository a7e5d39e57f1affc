/*
** String -> integer map (strmap.h).
*/
#include <stdlib.h>
#include <string.h>
#include "strmap.h"
#include "err.h"

static uint64_t hash(const char *z){
  uint64_t h = 14695981039346656037ull;
  for(; *z; z++){ h ^= (unsigned char)*z; h *= 1099511628211ull; }
  return h;
}

void strmap_init(StrMap *p, int nMax){
  memset(p, 0, sizeof *p);
  p->nMax = nMax;
}

void strmap_free(StrMap *p){
  int i;
  for(i=0; i<p->nSlot; i++) free(p->azKey[i]);
  free(p->azKey);
  free(p->aVal);
  memset(p, 0, sizeof *p);
}

/* Slot of z, or of the empty slot where it would go. */
static int find(const StrMap *p, const char *z){
  int i = (int)(hash(z) & (uint64_t)(p->nSlot - 1));
  while( p->azKey[i] && strcmp(p->azKey[i], z)!=0 ) i = (i + 1) & (p->nSlot - 1);
  return i;
}

int strmap_get(const StrMap *p, const char *z, int64_t *pVal){
  int i;
  if( p->nSlot==0 ) return 0;
  i = find(p, z);
  if( p->azKey[i]==0 ) return 0;
  *pVal = p->aVal[i];
  return 1;
}

static void grow(StrMap *p){
  StrMap n;
  int i;
  n = *p;
  n.nSlot = p->nSlot ? p->nSlot*2 : 64;
  n.azKey = ecx_calloc((size_t)n.nSlot, sizeof(char*));
  n.aVal = ecx_calloc((size_t)n.nSlot, sizeof(int64_t));
  for(i=0; i<p->nSlot; i++){
    if( p->azKey[i] ){
      int j = find(&n, p->azKey[i]);
      n.azKey[j] = p->azKey[i];
      n.aVal[j] = p->aVal[i];
    }
  }
  free(p->azKey);
  free(p->aVal);
  *p = n;
}

int strmap_put(StrMap *p, const char *z, int64_t v){
  int i;
  if( p->nSlot>0 ){
    i = find(p, z);
    if( p->azKey[i] ){ p->aVal[i] = v; return 1; }
  }
  if( p->nUsed>=p->nMax ) return 0;
  if( p->nSlot==0 || (p->nUsed + 1)*2 > p->nSlot ) grow(p);
  i = find(p, z);
  if( p->azKey[i]==0 ){
    if( p->nUsed>=p->nMax ) return 0;
    p->azKey[i] = ecx_strdup(z);
    p->nUsed++;
  }
  p->aVal[i] = v;
  return 1;
}
