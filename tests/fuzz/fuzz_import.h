/*
** Shared harness of the import fuzz targets (fuzz_import_*.c): a whole
** import (detection, a format's header rows, the mapping, inference from a
** prescan, checking and storing every row, the messages for bad rows) of
** the input as a file in one format, into a real workspace, as a dry run
** so that the workspace is the same for every input. With a mapping, the
** input is "MAPPING\n%%\nDATA". Properties: no crash or sanitizer report;
** the counts add up; a failed run sets an error detail; the workspace is
** left with no response stored.
*/
#ifndef ECX_FUZZ_IMPORT_H
#define ECX_FUZZ_IMPORT_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz_ws.h"
#include "../../src/base/err.h"
#include "../../src/import/import.h"

/* A memory file holding n bytes; its /proc path in zPath. -1 on failure. */
static int fuzz_memfile(int *pFd, const char *zName, const uint8_t *a, size_t n, char *zPath, size_t nPath){
  if( *pFd<0 ) *pFd = memfd_create(zName, 0);
  if( *pFd<0 ) return -1;
  if( ftruncate(*pFd, 0)!=0 || (n && pwrite(*pFd, a, n, 0)!=(ssize_t)n) ) return -1;
  snprintf(zPath, nPath, "/proc/self/fd/%d", *pFd);
  return 0;
}

static int fuzz_import(const uint8_t *aData, size_t n, const char *zFormat, int withMap){
  static int fdData = -1, fdMap = -1;
  static FILE *pNull;
  char zData[64], zMap[64];
  const uint8_t *aMap = 0;
  size_t nMap = 0;
  Workspace *pWs = fuzz_ws();
  if( !pNull ) pNull = fopen("/dev/null", "w");
  if( withMap ){
    /* Split at the first "\n%%\n"; no separator: the whole input is data. */
    for(size_t i = 0; i + 4 <= n; i++){
      if( memcmp(aData + i, "\n%%\n", 4)==0 ){
        aMap = aData; nMap = i + 1;
        aData += i + 4; n -= i + 4;
        break;
      }
    }
  }
  if( fuzz_memfile(&fdData, "fuzz.data", aData, n, zData, sizeof zData) ) return 0;
  if( aMap && fuzz_memfile(&fdMap, "fuzz.map", aMap, nMap, zMap, sizeof zMap) ) return 0;
  ImportOpts o;
  ImportResult r;
  memset(&o, 0, sizeof o);
  o.zFile = zData;
  o.zFormat = zFormat;
  o.exactFormat = 1;
  o.zMapFile = aMap ? zMap : 0;
  o.zSurvey = aMap ? 0 : "fuzz";
  o.skipBad = 1;
  o.dryRun = 1;
  o.pErr = pNull;
  o.nShow = 20;
  int rc = import_run(pWs, &o, &r);
  if( rc==ECX_OK && r.nNew + r.nDuplicate + r.nUnfinished + r.nRejected != r.nRead ) abort();
  if( rc && rc!=ECX_EREJECTED && err_detail()[0]==0 ) abort();
  import_result_free(&r);
  err_clear();
  fuzz_ws_check_idle(pWs);
  fuzz_ws_check_no_response(pWs);
  return 0;
}

#endif
