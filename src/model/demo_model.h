/*
** What the parts of the demo generator share: the catalog tables of the
** fictitious organization (demo_catalog.c) and the score model that draws
** one response at a time (demo_model.c). Only the demo_*.c files and the
** unit tests include this header; the public API is demo.h.
**
** All indexes below are positions in these tables (dimension k is
** demo_aDim[k], touchpoint t is demo_aTp[t], ...), never database ids.
*/
#ifndef ECX_DEMO_MODEL_H
#define ECX_DEMO_MODEL_H

#include <stdint.h>
#include "demo.h"

/* ---- Catalog (demo_catalog.c) ------------------------------------------ */
#define DEMO_NATTR 6
enum { DA_REGION, DA_EDAD, DA_PLAN, DA_ANTIG, DA_PERFIL, DA_MOTIV };
#define DEMO_MAXVAL 8
#define DEMO_NPERFIL 4
enum { DP_DIGITAL, DP_PRECIO, DP_TRADICIONAL, DP_FAMILIA };

typedef struct DemoAttrDef {
  const char *zName;             /* attribute.name */
  const char *zKind;             /* demographic | psychographic */
  int nValue;
  const char *azValue[DEMO_MAXVAL];
} DemoAttrDef;
extern const DemoAttrDef demo_aAttr[DEMO_NATTR];

typedef struct DemoSegDef { const char *zName, *zFilter, *zDesc; } DemoSegDef;
#define DEMO_NSEG 5
extern const DemoSegDef demo_aSeg[DEMO_NSEG];

#define DEMO_NCHAN 8
extern const char *const demo_azChannel[DEMO_NCHAN];

#define DEMO_NAREA 6
typedef struct DemoAreaDef { const char *zName, *zDesc; } DemoAreaDef;
extern const DemoAreaDef demo_aArea[DEMO_NAREA];

typedef struct DemoDimDef {
  const char *zName, *zNameEn;
  const char *zCode;             /* question code suffix, ASCII */
  const char *zDesc;
  int iArea;                     /* responsible area */
  double base;                   /* mean latent rating for Telco Andina */
  double weight;                 /* base weight on NPS likelihood */
} DemoDimDef;
extern const DemoDimDef demo_aDim[DEMO_NDIM];
enum { D_COBERTURA, D_VELOCIDAD, D_PRECIO, D_FACTURA, D_RAPIDEZ, D_RESOLUCION,
       D_AMABILIDAD, D_APP, D_TRANSPARENCIA, D_RECONOCIMIENTO };

/* Extra NPS weight of one dimension for the respondents of a perfil. */
typedef struct DemoPerfilWeight { int iDim; double extra; } DemoPerfilWeight;
extern const DemoPerfilWeight demo_aPerfilWeight[DEMO_NPERFIL];

#define DEMO_TP_NDIM 4
#define DEMO_TP_NAREA 3
typedef struct DemoTpDef {
  const char *zName, *zDesc;
  int iChannel;                  /* demo_azChannel index */
  int aDim[DEMO_TP_NDIM];        /* dimensions its survey asks about */
  double shift;                  /* shift of the common factor */
  double volume;                 /* relative share of transactional surveys */
  int nArea;                     /* internal areas answering for it: */
  int aArea[DEMO_TP_NAREA];      /* demo_aArea indexes */
} DemoTpDef;
extern const DemoTpDef demo_aTp[DEMO_NTP];

typedef struct DemoCompDef {
  const char *zName;
  const char *zProfile;          /* one line for docs and the description */
  double level;                  /* shift of the common factor */
  double aShift[DEMO_NDIM];      /* per-dimension shift against our base */
  double share;                  /* share of benchmark responses */
} DemoCompDef;
extern const DemoCompDef demo_aComp[DEMO_NCOMP];

/* NPS likelihood = DEMO_NPS_INTERCEPT + sum of weight*rating + noise. */
#define DEMO_NPS_INTERCEPT (-1.9)
/* Population share of a perfil implied by the conditional tables. */
double demo_perfil_share(int iPerfil);

/* ---- Calendar ------------------------------------------------------------
** 24 months, month 0 = November 2024 ... month 23 = October 2026. */
#define DEMO_NMONTH 24
#define DEMO_INCIDENT_MONTH 8     /* July 2025: the network incident */
/* Unix seconds of the first instant of month m (UTC). */
int64_t demo_month_start(int m);
/* Relative response volume of month m. */
double demo_month_volume(int m);
/* Split nTotal responses over the months in proportion to their volume
** (largest remainders); the counts sum to nTotal. */
void demo_month_counts(int64_t nTotal, int64_t aCount[DEMO_NMONTH]);

/* ---- Score model (demo_model.c) ----------------------------------------- */
enum { DEMO_LANG_ES, DEMO_LANG_EN, DEMO_LANG_QU };

typedef struct DemoResp {
  uint8_t aVal[DEMO_NATTR];      /* value index per attribute */
  uint8_t lang;                  /* DEMO_LANG_* */
  double latent;                 /* satisfaction with Telco Andina */
} DemoResp;

/* Respondent idx of a run, a pure function of (seed, idx). */
void demo_respondent(uint64_t seed, int64_t idx, DemoResp *p);
/* How many respondents a run of nResponse responses has. */
int64_t demo_respondent_count(int64_t nResponse);

typedef enum { DEMO_SV_REL, DEMO_SV_TX, DEMO_SV_BENCH } DemoSurveyKind;

/* Bits of DemoDraw.missing beyond the dimension bits 0..DEMO_NDIM-1. */
#define DEMO_MISS_NPS  (1u << DEMO_NDIM)
#define DEMO_MISS_CSAT (1u << (DEMO_NDIM + 1))
#define DEMO_MISS_CES  (1u << (DEMO_NDIM + 2))

typedef struct DemoDraw {
  int64_t iRespondent;           /* 0-based */
  DemoSurveyKind kind;
  int iTp;                       /* touchpoint, or -1 */
  int iComp;                     /* competitor rated, or -1 for us */
  int iChannel;
  uint32_t asked;                /* bit k: dimension k is asked */
  uint32_t missing;              /* bit k / DEMO_MISS_*: left unanswered */
  int aRating[DEMO_NDIM];        /* 1..5 for every dimension (asked or not) */
  int nps, csat, ces;            /* 0..10, 1..5, 1..7 */
  int lang;                      /* DEMO_LANG_* of the respondent */
  int bText;                     /* has a verbatim; then ctx is set */
  DemoTextCtx ctx;
} DemoDraw;

/* Draw one response of month m about a respondent drawn from nRespondent. */
void demo_draw(DemoRng *pRng, uint64_t seed, int64_t nRespondent, int m, DemoDraw *pD);

#endif
