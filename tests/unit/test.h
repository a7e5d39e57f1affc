/*
** A small unit-test harness. TEST(name) defines a test that registers
** itself; CHECK* macros record failures without stopping the test. The
** runner (tests/unit/main.c) prints "ok - NAME" or "not ok - NAME" per test.
*/
#ifndef ECX_TEST_H
#define ECX_TEST_H

#include <stdint.h>

void test_register(const char *zName, void (*xTest)(void), const char *zFile);
void test_fail(const char *zFile, int line, const char *zFmt, ...)
  __attribute__((format(printf, 3, 4)));
/* A fresh temporary path (not created) for a workspace; caller frees. */
char *test_tmp_path(const char *zSuffix);
/* Remove a workspace file and its -wal and -shm companions. */
void test_remove_ws(const char *zPath);

#define TEST(name) \
  static void name(void); \
  __attribute__((constructor)) static void reg_##name(void){ \
    test_register(#name, name, __FILE__); } \
  static void name(void)

#define CHECK(c) do{ if( !(c) ) test_fail(__FILE__, __LINE__, "%s", #c); }while(0)
#define CHECK_INT(a, b) do{ long long a_ = (long long)(a), b_ = (long long)(b); \
  if( a_!=b_ ) test_fail(__FILE__, __LINE__, "%s == %lld, expected %lld", #a, a_, b_); }while(0)
#define CHECK_NEAR(a, b, tol) do{ double a_ = (a), b_ = (b); \
  if( !(a_ - b_ <= (tol) && b_ - a_ <= (tol)) ) \
    test_fail(__FILE__, __LINE__, "%s == %.10g, expected %.10g (tol %g)", #a, a_, b_, (double)(tol)); }while(0)
#define CHECK_STR(a, b) do{ const char *a_ = (a), *b_ = (b); \
  if( !a_ || !b_ || strcmp(a_, b_)!=0 ) \
    test_fail(__FILE__, __LINE__, "%s == \"%s\", expected \"%s\"", #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); }while(0)

#endif
