/*
** Unit-test runner: runs every registered test (or those whose name
** contains argv[1]) and prints one TAP-like line per test.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"
#include "../../src/base/i18n.h"

#define MAX_TESTS 1024

static struct { const char *zName; void (*xTest)(void); const char *zFile; } aTest[MAX_TESTS];
static int nTest;
static int nFailInTest;

void test_register(const char *zName, void (*xTest)(void), const char *zFile){
  if( nTest >= MAX_TESTS ){ fprintf(stderr, "too many tests\n"); exit(2); }
  aTest[nTest].zName = zName;
  aTest[nTest].xTest = xTest;
  aTest[nTest].zFile = zFile;
  nTest++;
}

void test_fail(const char *zFile, int line, const char *zFmt, ...){
  va_list ap;
  fprintf(stdout, "#   %s:%d: ", zFile, line);
  va_start(ap, zFmt);
  vfprintf(stdout, zFmt, ap);
  va_end(ap);
  fputc('\n', stdout);
  nFailInTest++;
}

char *test_tmp_path(const char *zSuffix){
  static int seq;
  const char *zDir = getenv("TMPDIR");
  char *z = malloc(512);
  snprintf(z, 512, "%s/ecx-unit-%d-%d%s", zDir && zDir[0] ? zDir : "/tmp",
           (int)getpid(), ++seq, zSuffix);
  unlink(z);
  return z;
}

void test_remove_ws(const char *zPath){
  char a[600];
  unlink(zPath);
  snprintf(a, sizeof a, "%s-wal", zPath); unlink(a);
  snprintf(a, sizeof a, "%s-shm", zPath); unlink(a);
}


int main(int argc, char **argv){
  const char *zFilter = argc > 1 ? argv[1] : 0;
  int nPass = 0, nFail = 0;
  setenv("ECX_LANG", "en", 1);
  i18n_init("en");
  for(int i = 0; i < nTest; i++){
    if( zFilter && !strstr(aTest[i].zName, zFilter) ) continue;
    nFailInTest = 0;
    aTest[i].xTest();
    if( nFailInTest ){
      printf("not ok - %s (%s)\n", aTest[i].zName, aTest[i].zFile);
      nFail++;
    }else{
      printf("ok - %s\n", aTest[i].zName);
      nPass++;
    }
    fflush(stdout);
  }
  printf("# unit: %d passed, %d failed\n", nPass, nFail);
  return nFail ? 1 : 0;
}
