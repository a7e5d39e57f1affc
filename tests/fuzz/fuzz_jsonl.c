/*
** Fuzz target: the JSON lines reader of imports (src/import/jsonl.c),
** through an in-memory file. Properties: no crash; records have as many
** fields as the first line has keys, or an error.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#include "../../src/import/format.h"

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t n){
  static int fd = -1;
  char zPath[64];
  ImpSource *p = 0;
  ImpRecord r;
  int have = 0, nCol = 0;
  if( fd<0 ) fd = memfd_create("fuzz.jsonl", 0);
  if( fd<0 ) return 0;
  if( ftruncate(fd, 0)!=0 || pwrite(fd, aData, n, 0)!=(ssize_t)n ) return 0;
  snprintf(zPath, sizeof zPath, "/proc/self/fd/%d", fd);
  if( src_open(zPath, 1, &p)!=0 ) return 0;
  while( src_next(p, &r, &have)==0 && have ){
    src_columns(p, &nCol);
    if( r.zError==0 && r.nField!=nCol ) abort();
  }
  src_close(p);
  return 0;
}
