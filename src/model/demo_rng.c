/*
** The demo generator's deterministic PRNG: splitmix64 to seed, xoshiro256**
** to draw, Marsaglia's polar method for Gaussians. Written from the
** algorithms' published descriptions; the unit tests check the published
** reference outputs of both generators.
*/
#include <math.h>

#include "demo.h"

uint64_t demo_splitmix64(uint64_t *pState){
  uint64_t z = (*pState += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

void demo_rng_seed(DemoRng *p, uint64_t seed){
  uint64_t x = seed;
  for(int i = 0; i < 4; i++) p->s[i] = demo_splitmix64(&x);
  p->hasSpare = 0;
  p->spare = 0.0;
}

void demo_rng_set_state(DemoRng *p, uint64_t a, uint64_t b, uint64_t c, uint64_t d){
  p->s[0] = a; p->s[1] = b; p->s[2] = c; p->s[3] = d;
  p->hasSpare = 0;
  p->spare = 0.0;
}

static inline uint64_t rotl(uint64_t x, int k){
  return (x << k) | (x >> (64 - k));
}

uint64_t demo_rng_next(DemoRng *p){
  uint64_t *s = p->s;
  uint64_t result = rotl(s[1] * 5, 7) * 9;
  uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return result;
}

double demo_rng_uniform(DemoRng *p){
  return (double)(demo_rng_next(p) >> 11) * 0x1.0p-53;
}

uint32_t demo_rng_below(DemoRng *p, uint32_t n){
  /* The high 32 bits of a 32x32-bit product: uniform up to n/2^32 bias,
  ** which is far below anything the demo could show. */
  uint64_t x = demo_rng_next(p) >> 32;
  return (uint32_t)((x * (uint64_t)n) >> 32);
}

int demo_rng_pick(DemoRng *p, const double *aW, int n){
  double sum = 0.0;
  for(int i = 0; i < n; i++) sum += aW[i];
  double u = demo_rng_uniform(p) * sum;
  for(int i = 0; i < n; i++){
    if( u < aW[i] ) return i;
    u -= aW[i];
  }
  /* Rounding can leave u just above the last weight: take the last
  ** positive one. */
  for(int i = n - 1; i > 0; i--){
    if( aW[i] > 0.0 ) return i;
  }
  return 0;
}

double demo_rng_gauss(DemoRng *p){
  if( p->hasSpare ){
    p->hasSpare = 0;
    return p->spare;
  }
  double u, v, s;
  do{
    u = 2.0*demo_rng_uniform(p) - 1.0;
    v = 2.0*demo_rng_uniform(p) - 1.0;
    s = u*u + v*v;
  }while( s >= 1.0 || s == 0.0 );
  double f = sqrt(-2.0*log(s)/s);
  p->spare = v*f;
  p->hasSpare = 1;
  return u*f;
}
