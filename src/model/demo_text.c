/*
** Demo verbatims: short open-text comments assembled from templates.
**
** A comment is an optional touchpoint context, an opener, one or two
** sentences built from a frame and a dimension phrase, and a closer. Positive
** comments praise the respondent's best-rated dimension, negative ones
** complain about the worst-rated one, mixed ones do both. Every dimension has
** three praising and three complaining phrases in Spanish (two each in
** English) that name the dimension's subject (señal, precio, boleta, app...),
** so that text analysis can link comments to dimensions.
**
** The tables are indexed in the dimension and touchpoint order of
** demo_catalog.c.
*/
#include <string.h>

#include "demo.h"
#include "../base/err.h"

#define NPHRASE_ES 3
#define NPHRASE_EN 2

/* Dimension order (demo_catalog.c): Cobertura de red, Velocidad de internet,
** Precio justo, Claridad de la factura, Rapidez de atención, Resolución al
** primer contacto, Amabilidad, Facilidad de la app, Transparencia,
** Reconocimiento de la antigüedad. Phrases start with an ASCII letter
** (lower-case ones are capitalized when they open a sentence). */
static const char *const azPraiseEs[DEMO_NDIM][NPHRASE_ES] = {
  {"la señal es excelente y estable", "tengo buena cobertura en todas partes",
   "nunca me quedo sin señal"},
  {"el internet es muy rápido", "la velocidad es la que contraté",
   "puedo ver videos sin cortes"},
  {"el precio es justo para lo que ofrecen", "el plan tiene muy buen precio",
   "pago un precio razonable"},
  {"la boleta es clara y fácil de entender", "entiendo perfectamente mi boleta",
   "el detalle de la factura es muy claro"},
  {"me atendieron rápido", "la atención fue muy rápida, sin esperas",
   "resolvieron todo con rapidez"},
  {"me resolvieron el problema en el primer contacto",
   "solucionaron todo en una sola llamada",
   "no tuve que volver a llamar: lo resolvieron a la primera"},
  {"el personal fue muy amable", "la ejecutiva fue amable y paciente",
   "me trataron con mucha amabilidad"},
  {"la app es muy fácil de usar", "pude hacer todo desde la app sin complicaciones",
   "pagar en la app es facilísimo"},
  {"no hay cobros sorpresa", "me dijeron todas las condiciones desde el principio",
   "nunca he tenido un cobro indebido"},
  {"valoran mis años como cliente", "me dieron un beneficio por mi antigüedad",
   "me ofrecieron un plan especial por ser cliente antiguo"},
};

static const char *const azComplainEs[DEMO_NDIM][NPHRASE_ES] = {
  {"la señal se cae a cada rato", "no hay cobertura en mi barrio",
   "me quedo sin señal dentro de mi casa"},
  {"el internet es lentísimo", "la velocidad no llega ni a la mitad de lo contratado",
   "internet se pone lento todas las noches"},
  {"el precio es demasiado caro para lo que dan", "me subieron el precio del plan sin razón",
   "pago mucho más que en otras compañías"},
  {"no se entiende nada en la boleta", "la factura es confusa",
   "nadie me explicó los conceptos de la boleta"},
  {"la espera fue eterna", "la atención es lentísima, esperé más de una hora",
   "todo demora demasiado"},
  {"tuve que llamar cuatro veces y nadie me resolvió el problema",
   "cada vez que llamo me derivan y nada se resuelve",
   "llevo semanas con el mismo problema sin solución"},
  {"la persona que me atendió fue poco amable", "me trataron con mala actitud",
   "falta amabilidad: me cortaron la llamada"},
  {"la app se cae y es difícil de usar", "no pude hacer el trámite por la app",
   "la app es un laberinto"},
  {"hay cobros ocultos", "me cobraron un servicio que nunca contraté",
   "la letra chica esconde condiciones"},
  {"no reconocen mis años como cliente",
   "a los clientes nuevos les dan mejores ofertas que a mí",
   "me tratan como un número más"},
};

static const char *const azPraiseEn[DEMO_NDIM][NPHRASE_EN] = {
  {"the signal is excellent and stable", "I have coverage everywhere"},
  {"the internet is very fast", "I get the speed I pay for"},
  {"the price is fair for what I get", "the plan is good value for money"},
  {"the bill is clear and easy to read", "I understand my bill perfectly"},
  {"they served me quickly", "there was no waiting at all"},
  {"they solved my problem on the first call", "everything was fixed at first contact"},
  {"the staff were very friendly", "the agent was kind and patient"},
  {"the app is very easy to use", "I did everything in the app without trouble"},
  {"there are no surprise charges", "they told me all the conditions up front"},
  {"they value my years as a customer", "I got a loyalty benefit"},
};

static const char *const azComplainEn[DEMO_NDIM][NPHRASE_EN] = {
  {"the signal drops all the time", "there is no coverage in my area"},
  {"the internet is painfully slow", "I never get the speed I pay for"},
  {"the price is far too high", "they raised my plan price for no reason"},
  {"the bill is impossible to understand", "the invoice is confusing"},
  {"the wait was endless", "everything takes far too long"},
  {"I had to call four times and the problem is still not solved",
   "they keep transferring me and nothing gets solved"},
  {"the agent was rude", "nobody was friendly"},
  {"the app keeps crashing", "I could not finish the request in the app"},
  {"there are charges on my bill I do not recognize",
   "they charged me for a service I never ordered"},
  {"they do not value my years as a customer", "new customers get better deals than I do"},
};

/* What the comment is about, per touchpoint (demo_catalog.c order). */
static const char *const azContextEs[DEMO_NTP] = {
  "la búsqueda de planes", "la contratación en la tienda", "la instalación y activación",
  "la boleta", "el uso de la red", "el soporte técnico", "la app", "mi reclamo",
  "la renovación del plan", "la portabilidad",
};
static const char *const azContextEn[DEMO_NTP] = {
  "looking for plans", "signing up in the store", "the installation",
  "the bill", "using the network", "technical support", "the app", "my complaint",
  "renewing my plan", "switching providers",
};

/* Openers, frames (one %s) and closers by tone; "" means none. */
static const char *const azOpenPosEs[] = {
  "Excelente servicio.", "Muy buena experiencia.", "Estoy muy conforme.", "Todo muy bien.",
  "¡Felicitaciones!", "Quedé muy satisfecho.", "", "",
};
static const char *const azFramePosEs[] = {
  "%s.", "Destaco que %s.", "Lo mejor: %s.", "Algo que valoro: %s.", "Lo bueno es que %s.",
};
static const char *const azClosePosEs[] = {
  "Lo recomiendo.", "Seguiré con ustedes.", "Gracias.", "¡Sigan así!", "Muy recomendable.", "",
};
static const char *const azOpenNegEs[] = {
  "Pésimo servicio.", "Muy mala experiencia.", "Estoy muy molesto.", "Decepcionado.",
  "No estoy conforme.", "Una vergüenza.", "", "",
};
static const char *const azFrameNegEs[] = {
  "%s.", "El problema es que %s.", "Lo peor: %s.", "No puede ser: %s.", "Reclamo porque %s.",
};
static const char *const azCloseNegEs[] = {
  "Estoy pensando en cambiarme de compañía.", "Espero que lo solucionen.",
  "No volvería a contratar.", "Así no se puede.", "No lo recomiendo.", "",
};
static const char *const azCloseMixEs[] = {
  "Pueden mejorar.", "Hay cosas por mejorar.", "Ojalá mejoren.", "",
};
static const char *const azOpenPosEn[] = {
  "Great service.", "Very happy with the service.", "Excellent experience.", "",
};
static const char *const azFramePosEn[] = {
  "%s.", "What I liked most: %s.", "I appreciate that %s.",
};
static const char *const azClosePosEn[] = { "I recommend it.", "Thanks!", "" };
static const char *const azOpenNegEn[] = {
  "Terrible service.", "Very disappointed.", "Really bad experience.", "",
};
static const char *const azFrameNegEn[] = {
  "%s.", "The problem is that %s.", "Worst of all, %s.",
};
static const char *const azCloseNegEn[] = {
  "I am thinking of switching providers.", "Please fix this.", "",
};
static const char *const azCloseMixEn[] = { "Room for improvement.", "" };

/* A mixed comment: zA, first phrase, zB, second phrase, zC; bPosFirst says
** whether the praise comes first. */
typedef struct MixFrame { const char *zA; int bPosFirst; const char *zB, *zC; } MixFrame;
static const MixFrame aMixEs[] = {
  {"En general bien: ", 1, ", pero ", "."},
  {"", 1, ", aunque ", "."},
  {"", 1, "; lo malo es que ", "."},
  {"Lo bueno: ", 1, "; lo malo: ", "."},
  {"Regular. ", 0, ", aunque reconozco que ", "."},
};
static const MixFrame aMixEn[] = {
  {"Good overall: ", 1, ", but ", "."},
  {"", 1, ", although ", "."},
  {"It was OK. ", 0, ", although ", "."},
};

#define COUNT(a) ((uint32_t)(sizeof(a)/sizeof((a)[0])))
#define PICK(r, a) ((a)[demo_rng_below((r), COUNT(a))])

/* Append " " between sentences when the buffer already holds text. */
static int put_sep(Buf *p){
  return p->n > 0 ? buf_putc(p, ' ') : ECX_OK;
}

/* Append zPhrase, with its first letter upper-cased when bCap. */
static int put_phrase(Buf *p, const char *zPhrase, int bCap){
  if( bCap && zPhrase[0]>='a' && zPhrase[0]<='z' ){
    int rc = buf_putc(p, (char)(zPhrase[0] - 'a' + 'A'));
    return rc ? rc : buf_puts(p, zPhrase + 1);
  }
  return buf_puts(p, zPhrase);
}

/* Append a frame with one "%s" filled by zPhrase (capitalized when the
** frame starts with it). */
static int put_frame(Buf *p, const char *zFrame, const char *zPhrase){
  const char *zAt = strstr(zFrame, "%s");
  if( !zAt ) return buf_puts(p, zFrame);
  int rc = buf_append(p, zFrame, (size_t)(zAt - zFrame));
  if( rc==ECX_OK ) rc = put_phrase(p, zPhrase, zAt==zFrame);
  if( rc==ECX_OK ) rc = buf_puts(p, zAt + 2);
  return rc;
}

static int put_text(Buf *p, const char *z){
  if( !z[0] ) return ECX_OK;
  int rc = put_sep(p);
  return rc ? rc : buf_puts(p, z);
}

int demo_text(Buf *pOut, DemoRng *pRng, const DemoTextCtx *pCtx){
  int en = pCtx->bEnglish;
  int best = pCtx->iBest, worst = pCtx->iWorst;
  if( best < 0 || best >= DEMO_NDIM || worst < 0 || worst >= DEMO_NDIM
   || pCtx->iTouchpoint >= DEMO_NTP ){
    return err_set(ECX_EINVAL, "demo_text: dimension or touchpoint out of range");
  }
  const char *zPraise = en ? azPraiseEn[best][demo_rng_below(pRng, NPHRASE_EN)]
                           : azPraiseEs[best][demo_rng_below(pRng, NPHRASE_ES)];
  const char *zComplain = en ? azComplainEn[worst][demo_rng_below(pRng, NPHRASE_EN)]
                             : azComplainEs[worst][demo_rng_below(pRng, NPHRASE_ES)];
  Buf b;
  buf_init(&b, 4096);
  int rc = ECX_OK;
  /* Half of the comments on a touchpoint say which moment they are about. */
  if( pCtx->iTouchpoint >= 0 && demo_rng_below(pRng, 2)==0 ){
    rc = buf_printf(&b, en ? "About %s:" : "Sobre %s:",
                    en ? azContextEn[pCtx->iTouchpoint] : azContextEs[pCtx->iTouchpoint]);
  }
  switch( pCtx->tone ){
    case DEMO_TONE_POS:
      if( rc==ECX_OK ) rc = put_text(&b, en ? PICK(pRng, azOpenPosEn) : PICK(pRng, azOpenPosEs));
      if( rc==ECX_OK ) rc = put_sep(&b);
      if( rc==ECX_OK ) rc = put_frame(&b, en ? PICK(pRng, azFramePosEn) : PICK(pRng, azFramePosEs),
                                      zPraise);
      if( rc==ECX_OK ) rc = put_text(&b, en ? PICK(pRng, azClosePosEn) : PICK(pRng, azClosePosEs));
      break;
    case DEMO_TONE_NEG:
      if( rc==ECX_OK ) rc = put_text(&b, en ? PICK(pRng, azOpenNegEn) : PICK(pRng, azOpenNegEs));
      if( rc==ECX_OK ) rc = put_sep(&b);
      if( rc==ECX_OK ) rc = put_frame(&b, en ? PICK(pRng, azFrameNegEn) : PICK(pRng, azFrameNegEs),
                                      zComplain);
      if( rc==ECX_OK ) rc = put_text(&b, en ? PICK(pRng, azCloseNegEn) : PICK(pRng, azCloseNegEs));
      break;
    case DEMO_TONE_MIXED: {
      const MixFrame *f = en ? &PICK(pRng, aMixEn) : &PICK(pRng, aMixEs);
      const char *z1 = f->bPosFirst ? zPraise : zComplain;
      const char *z2 = f->bPosFirst ? zComplain : zPraise;
      if( rc==ECX_OK ) rc = put_sep(&b);
      if( rc==ECX_OK ) rc = buf_puts(&b, f->zA);
      /* Capitalize the first phrase when it opens a sentence. */
      size_t nA = strlen(f->zA);
      int bCap = nA==0 || (nA >= 2 && f->zA[nA-2]=='.');
      if( rc==ECX_OK ) rc = put_phrase(&b, z1, bCap);
      if( rc==ECX_OK ) rc = buf_puts(&b, f->zB);
      if( rc==ECX_OK ) rc = put_phrase(&b, z2, 0);
      if( rc==ECX_OK ) rc = buf_puts(&b, f->zC);
      if( rc==ECX_OK ) rc = put_text(&b, en ? PICK(pRng, azCloseMixEn) : PICK(pRng, azCloseMixEs));
      break;
    }
  }
  if( rc==ECX_OK ) rc = buf_append(pOut, buf_str(&b), b.n);
  buf_free(&b);
  return rc;
}
