/*
** Complementary suppression's rule for one set (disclosure.h).
*/
#include "disclosure.h"

int disclosure_hide_one(int64_t nMember, const int64_t *aMember, const int64_t *aN, size_t stride,
                        unsigned char *aHide, int minN){
  int64_t nHidden = 0, best = -1;
  for(int64_t t = 0; t < nMember; t++){
    int64_t g = aMember ? aMember[t] : t;
    if( aN[g*stride]<=0 ) continue;
    if( aHide[g*stride] ) nHidden += aN[g*stride];
    else if( best<0 || aN[g*stride] < aN[best*stride] ) best = g;
  }
  if( nHidden>0 && nHidden<minN && best>=0 ){
    aHide[best*stride] = 1;
    return 1;
  }
  return 0;
}
