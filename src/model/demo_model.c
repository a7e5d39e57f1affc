/*
** The demo score model (docs/demo.md, "The score model").
**
** A respondent has attributes drawn from conditional shares (perfil depends
** on edad, plan on perfil, ...) and a latent satisfaction with Telco Andina
** built from attribute effects plus noise. A response adds a common factor
** (respondent latent + month trend/incident + touchpoint shift + noise); each
** dimension's latent rating is its base + respondent/month shifts + the
** common factor + its own noise, rounded into 1..5. The NPS likelihood is
** DEMO_NPS_INTERCEPT + sum(weight * rating) + noise, rounded into 0..10,
** with the weights of demo_catalog.c (plus the perfil's extra weight).
*/
#include <math.h>

#include "demo_model.h"
#include "../base/util.h"

/* ---- Respondents ---------------------------------------------------------- */
static const double aRegionShare[8] = {.38, .12, .10, .09, .09, .08, .07, .07};
static const double aEdadShare[5] = {.16, .27, .23, .18, .16};
/* perfil | edad */
static const double aPerfilByEdad[5][DEMO_NPERFIL] = {
  {.55, .30, .03, .12}, {.42, .28, .05, .25}, {.22, .28, .15, .35},
  {.12, .30, .30, .28}, {.06, .25, .52, .17},
};
/* plan | perfil */
static const double aPlanByPerfil[DEMO_NPERFIL][4] = {
  {.35, .45, .12, .08}, {.62, .20, .14, .04}, {.30, .35, .27, .08}, {.15, .30, .50, .05},
};
/* antiguedad | edad */
static const double aAntigByEdad[5][3] = {
  {.45, .40, .15}, {.28, .40, .32}, {.18, .32, .50}, {.14, .28, .58}, {.10, .25, .65},
};
/* motivacion | perfil */
static const double aMotivByPerfil[DEMO_NPERFIL][5] = {
  {.30, .10, .35, .20, .05}, {.20, .55, .10, .10, .05},
  {.45, .15, .05, .10, .25}, {.20, .15, .15, .10, .40},
};
/* Share answering in Quechua and in English, per region. */
static const double aQuechua[8] = {0, 0, 0, .14, 0, 0, .08, .16};
static const double aEnglish[8] = {.05, .02, .01, .08, .01, .01, .01, .02};

/* Effects on the latent satisfaction. */
static const double aPerfilEffect[DEMO_NPERFIL] = {-0.05, -0.25, 0.20, 0.05};
static const double aPlanEffect[4] = {-0.10, 0.10, -0.15, 0.05};
static const double aAntigEffect[3] = {0.20, -0.10, 0.00};
static const double aEdadEffect[5] = {-0.10, -0.05, 0.00, 0.05, 0.20};
/* Network coverage shift per region (the south highlands are worse). */
static const double aRegionCoverage[8] = {0.20, 0.10, 0.00, -0.50, -0.10, 0.00, -0.30, -0.60};

#define SD_RESPONDENT 0.55   /* respondent latent noise */
#define SD_OCCASION   0.40   /* per-response noise of the common factor */
#define SD_DIM        0.75   /* each dimension's own noise */
#define SD_NPS        1.10   /* noise of the NPS likelihood */
#define MISS_RATING   0.05
#define MISS_CORE     0.02   /* NPS, CSAT and CES */

double demo_perfil_share(int iPerfil){
  double s = 0.0;
  for(int e = 0; e < 5; e++) s += aEdadShare[e] * aPerfilByEdad[e][iPerfil];
  return s;
}

int64_t demo_respondent_count(int64_t nResponse){
  int64_t n = (nResponse * 2 + 4) / 5;
  return n < 1 ? 1 : n;
}

void demo_respondent(uint64_t seed, int64_t idx, DemoResp *p){
  DemoRng r;
  uint64_t st = seed ^ ((uint64_t)idx * 0xD1B54A32D192ED03ULL);
  demo_rng_seed(&r, demo_splitmix64(&st));
  int region = demo_rng_pick(&r, aRegionShare, 8);
  int edad = demo_rng_pick(&r, aEdadShare, 5);
  int perfil = demo_rng_pick(&r, aPerfilByEdad[edad], DEMO_NPERFIL);
  int plan = demo_rng_pick(&r, aPlanByPerfil[perfil], 4);
  int antig = demo_rng_pick(&r, aAntigByEdad[edad], 3);
  int motiv = demo_rng_pick(&r, aMotivByPerfil[perfil], 5);
  p->aVal[DA_REGION] = (uint8_t)region;
  p->aVal[DA_EDAD] = (uint8_t)edad;
  p->aVal[DA_PLAN] = (uint8_t)plan;
  p->aVal[DA_ANTIG] = (uint8_t)antig;
  p->aVal[DA_PERFIL] = (uint8_t)perfil;
  p->aVal[DA_MOTIV] = (uint8_t)motiv;
  double u = demo_rng_uniform(&r);
  p->lang = u < aQuechua[region] ? DEMO_LANG_QU
          : u < aQuechua[region] + aEnglish[region] ? DEMO_LANG_EN : DEMO_LANG_ES;
  p->latent = aPerfilEffect[perfil] + aPlanEffect[plan] + aAntigEffect[antig]
            + aEdadEffect[edad] + SD_RESPONDENT * demo_rng_gauss(&r);
}

/* ---- Calendar ------------------------------------------------------------- */
/* Volume by calendar month, January first: peaks in December (holiday
** sales) and March (back to school). */
static const double aSeason[12] = {1.00, 0.90, 1.45, 1.00, 1.00, 0.95,
                                   1.05, 1.00, 0.95, 1.00, 1.05, 1.70};

int64_t demo_month_start(int m){
  int y = 2024 + (m + 10) / 12;
  int mo = (m + 10) % 12 + 1;
  return util_days_from_civil(y, mo, 1) * 86400;
}

double demo_month_volume(int m){
  double v = aSeason[(m + 10) % 12] * (1.0 + 0.01 * m);
  return m==DEMO_INCIDENT_MONTH ? v * 1.2 : v;
}

void demo_month_counts(int64_t nTotal, int64_t aCount[DEMO_NMONTH]){
  double sum = 0.0, aRem[DEMO_NMONTH];
  int64_t nUsed = 0;
  for(int m = 0; m < DEMO_NMONTH; m++) sum += demo_month_volume(m);
  for(int m = 0; m < DEMO_NMONTH; m++){
    double x = (double)nTotal * demo_month_volume(m) / sum;
    aCount[m] = (int64_t)floor(x);
    aRem[m] = x - (double)aCount[m];
    nUsed += aCount[m];
  }
  /* Largest remainders; ties go to the earlier month. */
  while( nUsed < nTotal ){
    int best = 0;
    for(int m = 1; m < DEMO_NMONTH; m++) if( aRem[m] > aRem[best] ) best = m;
    aCount[best]++;
    aRem[best] = -1.0;
    nUsed++;
  }
}

/* ---- One response ---------------------------------------------------------- */
static int clamp_round(double x, int lo, int hi){
  double r = floor(x + 0.5);
  return r < lo ? lo : r > hi ? hi : (int)r;
}

/* Month effects on the common factor and on single dimensions. */
static double month_factor(int m){
  double f = 0.012 * (m - 12);             /* slow upward trend */
  return m==DEMO_INCIDENT_MONTH ? f - 0.10 : f;
}
static double month_dim_shift(int m, int k){
  if( m==DEMO_INCIDENT_MONTH ){
    if( k==D_COBERTURA ) return -0.80;
    if( k==D_VELOCIDAD ) return -0.60;
  }
  if( (m + 10) % 12==11 && k==D_RAPIDEZ ) return -0.30;   /* December queues */
  return 0.0;
}

/* Respondent-specific shifts of a dimension (our company only). */
static double resp_dim_shift(const DemoResp *pR, int k){
  double s = 0.0;
  if( k==D_COBERTURA ) s += aRegionCoverage[pR->aVal[DA_REGION]];
  switch( pR->aVal[DA_PERFIL] ){
    case DP_DIGITAL:     s += k==D_APP ? 0.30 : 0.0; break;
    case DP_PRECIO:      s += k==D_PRECIO ? -0.40 : 0.0; break;
    case DP_TRADICIONAL: s += k==D_APP ? -0.50 : k==D_AMABILIDAD ? 0.20 : 0.0; break;
    case DP_FAMILIA:     s += k==D_FACTURA ? -0.20 : 0.0; break;
  }
  if( k==D_RECONOCIMIENTO ) s += pR->aVal[DA_ANTIG]==2 ? -0.50 : pR->aVal[DA_ANTIG]==0 ? 0.20 : 0.0;
  if( k==D_VELOCIDAD && pR->aVal[DA_PLAN]==2 ) s -= 0.20;   /* hogar: home internet speed */
  if( k==D_RAPIDEZ && pR->aVal[DA_PLAN]==3 ) s += 0.30;   /* empresas: dedicated desk */
  return s;
}

/* Pick the survey kind, touchpoint, competitor and channel. */
static void pick_context(DemoRng *pRng, int m, DemoDraw *pD){
  static const double aKind[3] = {0.45, 0.47, 0.08};
  static const double aRelChannel[DEMO_NCHAN] = {0, 0, .15, 0, .30, .20, .35, 0};
  pD->kind = (DemoSurveyKind)demo_rng_pick(pRng, aKind, 3);
  pD->iTp = -1;
  pD->iComp = -1;
  pD->asked = (1u << DEMO_NDIM) - 1;
  if( pD->kind==DEMO_SV_TX ){
    double aW[DEMO_NTP];
    for(int t = 0; t < DEMO_NTP; t++) aW[t] = demo_aTp[t].volume;
    if( m==DEMO_INCIDENT_MONTH ){ aW[5] *= 2.0; aW[7] *= 2.5; }
    if( (m + 10) % 12==11 ) aW[1] *= 1.8;         /* December sales */
    if( (m + 10) % 12==2 ) aW[1] *= 1.4;          /* March: back to school */
    pD->iTp = demo_rng_pick(pRng, aW, DEMO_NTP);
    pD->iChannel = demo_aTp[pD->iTp].iChannel;
    pD->asked = 0;
    for(int j = 0; j < DEMO_TP_NDIM; j++) pD->asked |= 1u << demo_aTp[pD->iTp].aDim[j];
  }else if( pD->kind==DEMO_SV_BENCH ){
    double aW[DEMO_NCOMP];
    for(int c = 0; c < DEMO_NCOMP; c++) aW[c] = demo_aComp[c].share;
    pD->iComp = demo_rng_pick(pRng, aW, DEMO_NCOMP);
    pD->iChannel = 1;                             /* Web panel */
  }else{
    pD->iChannel = demo_rng_pick(pRng, aRelChannel, DEMO_NCHAN);
  }
}

/* Best and worst answered dimensions among the asked ones; ties go to the
** dimension with the larger weight (what people talk about). */
static void pick_best_worst(const DemoDraw *pD, int *piBest, int *piWorst){
  uint32_t m = pD->asked & ~pD->missing;
  if( m==0 ) m = pD->asked;
  int best = -1, worst = -1;
  for(int k = 0; k < DEMO_NDIM; k++){
    if( !(m & (1u << k)) ) continue;
    if( best < 0 || pD->aRating[k] > pD->aRating[best]
     || (pD->aRating[k]==pD->aRating[best] && demo_aDim[k].weight > demo_aDim[best].weight) ){
      best = k;
    }
    if( worst < 0 || pD->aRating[k] < pD->aRating[worst]
     || (pD->aRating[k]==pD->aRating[worst] && demo_aDim[k].weight > demo_aDim[worst].weight) ){
      worst = k;
    }
  }
  *piBest = best;
  *piWorst = worst;
}

void demo_draw(DemoRng *pRng, uint64_t seed, int64_t nRespondent, int m, DemoDraw *pD){
  DemoResp r;
  pD->iRespondent = (int64_t)(demo_rng_uniform(pRng) * (double)nRespondent);
  if( pD->iRespondent >= nRespondent ) pD->iRespondent = nRespondent - 1;
  demo_respondent(seed, pD->iRespondent, &r);
  pick_context(pRng, m, pD);

  /* The common factor, then one latent per dimension. */
  double f;
  if( pD->iComp < 0 ){
    f = r.latent + month_factor(m) + SD_OCCASION * demo_rng_gauss(pRng);
    if( pD->iTp >= 0 ) f += demo_aTp[pD->iTp].shift;
  }else{
    f = demo_aComp[pD->iComp].level + 0.5 * month_factor(m)
      + (SD_RESPONDENT + SD_OCCASION) * demo_rng_gauss(pRng);
  }
  int perfil = r.aVal[DA_PERFIL];
  double y = DEMO_NPS_INTERCEPT;
  for(int k = 0; k < DEMO_NDIM; k++){
    double x = demo_aDim[k].base + f + SD_DIM * demo_rng_gauss(pRng);
    x += pD->iComp < 0 ? resp_dim_shift(&r, k) + month_dim_shift(m, k)
                       : demo_aComp[pD->iComp].aShift[k];
    pD->aRating[k] = clamp_round(x, 1, 5);
    double w = demo_aDim[k].weight;
    if( demo_aPerfilWeight[perfil].iDim==k ) w += demo_aPerfilWeight[perfil].extra;
    y += w * pD->aRating[k];
  }
  pD->nps = clamp_round(y + SD_NPS * demo_rng_gauss(pRng), 0, 10);

  /* CSAT follows the mean of the asked ratings; CES (7 = very easy) the
  ** service dimensions: rapidez, resolución and the app. */
  double sum = 0.0;
  int n = 0;
  for(int k = 0; k < DEMO_NDIM; k++){
    if( pD->asked & (1u << k) ){ sum += pD->aRating[k]; n++; }
  }
  pD->csat = clamp_round(sum / n + 0.5 * demo_rng_gauss(pRng), 1, 5);
  double ease = (pD->aRating[D_RAPIDEZ] + pD->aRating[D_RESOLUCION] + pD->aRating[D_APP]) / 3.0;
  pD->ces = clamp_round(1.0 + 1.5 * (ease - 1.0) + 0.8 * demo_rng_gauss(pRng), 1, 7);

  pD->missing = 0;
  for(int k = 0; k < DEMO_NDIM; k++){
    if( (pD->asked & (1u << k)) && demo_rng_uniform(pRng) < MISS_RATING ) pD->missing |= 1u << k;
  }
  if( demo_rng_uniform(pRng) < MISS_CORE ) pD->missing |= DEMO_MISS_NPS;
  if( demo_rng_uniform(pRng) < MISS_CORE ) pD->missing |= DEMO_MISS_CSAT;
  if( demo_rng_uniform(pRng) < MISS_CORE ) pD->missing |= DEMO_MISS_CES;

  /* Detractors write more often; Quechua answers come by voice (no text). */
  double pText = pD->nps <= 6 ? 0.40 : pD->nps <= 8 ? 0.22 : 0.28;
  pD->bText = r.lang!=DEMO_LANG_QU && demo_rng_uniform(pRng) < pText;
  pD->ctx.bEnglish = r.lang==DEMO_LANG_EN;
  pD->ctx.tone = pD->nps <= 6 ? DEMO_TONE_NEG : pD->nps <= 8 ? DEMO_TONE_MIXED : DEMO_TONE_POS;
  pD->ctx.iTouchpoint = pD->iTp;
  pick_best_worst(pD, &pD->ctx.iBest, &pD->ctx.iWorst);
  pD->lang = r.lang;
}
