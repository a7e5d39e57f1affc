/*
** The demo workspace generator: a fictitious Spanish-speaking telecom,
** "Telco Andina", with segments, touchpoints, experience dimensions,
** competitors, internal areas and 24 months of survey responses drawn from a
** documented model (docs/demo.md) whose true driver weights are known.
**
** The parts, one concern each:
**   demo_rng.c      a small deterministic PRNG (splitmix64 seeding
**                   xoshiro256**) with uniform, bounded, weighted and
**                   Gaussian draws;
**   demo_catalog.c  the organization: attributes, segments, touchpoints,
**                   channels, dimensions, areas, competitors, true weights;
**   demo_model.c    the score model: respondents, months, ratings, NPS;
**   demo_text.c     Spanish (and some English) verbatims whose tone follows
**                   the scores;
**   demo_write.c    the writer: entities, surveys and batched inserts.
** demo_model.h declares what these parts share with each other.
** Everything is a pure function of (seed, number of responses): the same pair
** gives byte-identical rows in every table but setting.created.
** Default seed: DEMO_SEED_DEFAULT.
*/
#ifndef ECX_DEMO_H
#define ECX_DEMO_H

#include <stdint.h>
#include "workspace.h"
#include "../base/buf.h"

/* ---- PRNG ---------------------------------------------------------------
** xoshiro256** (Blackman and Vigna, 2018) with its 256-bit state filled by
** four outputs of splitmix64 (Steele, Lea and Flood, 2014) from the seed.
** Gaussians come from Marsaglia's polar method, which makes two per round;
** the second is kept for the next call. */
typedef struct DemoRng {
  uint64_t s[4];
  int hasSpare;
  double spare;
} DemoRng;

/* One splitmix64 step: advances *pState and returns the mixed output. */
uint64_t demo_splitmix64(uint64_t *pState);
void demo_rng_seed(DemoRng *p, uint64_t seed);
/* Set the raw xoshiro state (for reference-vector tests). */
void demo_rng_set_state(DemoRng *p, uint64_t a, uint64_t b, uint64_t c, uint64_t d);
uint64_t demo_rng_next(DemoRng *p);
/* Uniform double in [0, 1) with 53 random bits. */
double demo_rng_uniform(DemoRng *p);
/* Uniform integer in [0, n) for n >= 1 (multiply-high on 32 random bits;
** bias below n/2^32). */
uint32_t demo_rng_below(DemoRng *p, uint32_t n);
/* Index in [0, n) drawn with probability aW[i] / sum(aW); weights >= 0,
** at least one positive. */
int demo_rng_pick(DemoRng *p, const double *aW, int n);
/* Standard normal draw. */
double demo_rng_gauss(DemoRng *p);

/* ---- The organization and the model ------------------------------------ */
#define DEMO_NDIM 10        /* experience dimensions */
#define DEMO_NTP 10         /* touchpoints */
#define DEMO_NCOMP 2        /* competitors */
#define DEMO_MAX_RESPONSES 50000000
#define DEMO_SEED_DEFAULT 1

/* The fixed name of dimension k (0..DEMO_NDIM-1). Static string. */
const char *demo_dim_name(int k);
/* Population-level true weight of dimension k on NPS likelihood: the base
** weight plus the perfil-specific extra averaged over the perfil shares
** (docs/demo.md, "true weights"). */
double demo_dim_weight(int k);
/* The organization's name ("Telco Andina"). Static string. */
const char *demo_org_name(void);

typedef struct DemoOpts {
  int64_t nResponse;       /* 1..DEMO_MAX_RESPONSES */
  uint64_t seed;
  /* Called now and then with the number of responses written; may be NULL. */
  void (*xProgress)(void *pArg, int64_t nDone, int64_t nTotal);
  void *pProgressArg;
} DemoOpts;

typedef struct DemoSummary {
  int64_t nResponse;
  int64_t nRespondent;
  int64_t nAnswer;
  int64_t nText;           /* responses with an open-text answer */
} DemoSummary;

/* Fill an empty, freshly created workspace with the demo organization and
** pOpts->nResponse responses. Runs its own transactions. */
int demo_build(Workspace *pWs, const DemoOpts *pOpts, DemoSummary *pSum);

/* Create zPath as a demo workspace. The data is written into zPath.partial
** and renamed onto zPath at the end, so an interrupted run never leaves a
** half-written workspace under the real name. An existing zPath gives
** ECX_EEXIST unless it is blank (zero bytes, or a workspace without
** surveys, respondents or named entities, as ecx init leaves it) or bForce
** is set; it is then replaced, with its -wal/-shm. nResponse outside
** 1..DEMO_MAX_RESPONSES gives ECX_EINVAL before any file is touched. */
int demo_create(const char *zPath, const DemoOpts *pOpts, int bForce, DemoSummary *pSum);

/* ---- Verbatims (demo_text.c) ------------------------------------------- */
typedef enum { DEMO_TONE_NEG, DEMO_TONE_MIXED, DEMO_TONE_POS } DemoTone;

typedef struct DemoTextCtx {
  DemoTone tone;
  int bEnglish;            /* write in English instead of Spanish */
  int iBest;               /* dimension to praise (0..DEMO_NDIM-1) */
  int iWorst;              /* dimension to complain about */
  int iTouchpoint;         /* 0..DEMO_NTP-1, or -1 for the relationship */
} DemoTextCtx;

/* Append one verbatim to pOut (which the caller owns and frees). */
int demo_text(Buf *pOut, DemoRng *pRng, const DemoTextCtx *pCtx);

#endif
