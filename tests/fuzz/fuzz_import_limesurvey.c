/*
** Fuzz target: a whole import of the input as a limesurvey file, through fuzz_import.h.
*/
#include "fuzz_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t n){
  return fuzz_import(aData, n, "limesurvey", 0);
}
