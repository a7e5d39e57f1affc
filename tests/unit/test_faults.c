/*
** Regression tests for faults and hostile input: each one holds a bug
** that a fault-injection run, a fuzzer or a security test found.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "../../src/base/err.h"

/* An error detail that quotes the previous detail ("FILE:LINE: %s" with
** err_detail()) once read the buffer it was writing: the message of a
** failed import on a read-only workspace came out garbled. */
TEST(err_set_may_quote_the_previous_detail){
  err_set(ECX_EREADONLY, "attempt to write a readonly database (in: INSERT)");
  int rc = err_set(ECX_EREADONLY, "%s:%d: %s", "a.csv", 2, err_detail());
  CHECK_INT(rc, ECX_EREADONLY);
  CHECK_STR(err_detail(), "a.csv:2: attempt to write a readonly database (in: INSERT)");
  err_clear();
}
