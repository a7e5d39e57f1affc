/*
** Role inference for unmapped columns (header keywords plus a prescan of the
** first rows) and printing a mapping in mapping-file syntax.
*/
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "mapping.h"
#include "../base/err.h"
#include "../base/util.h"

void map_stat_add(ColStat *s, const char *zValue){
  size_t n = strlen(zValue);
  if( n==0 ) return;
  int64_t v, t;
  s->nValue++;
  if( util_parse_int(zValue, &v)==0 ){
    if( s->nInt==0 || v < s->iMin ) s->iMin = v;
    if( s->nInt==0 || v > s->iMax ) s->iMax = v;
    s->nInt++;
  }else if( util_parse_time(zValue, &t)==0 ){
    s->nTime++;
  }
  if( n > 40 ) s->nLong++;
  if( strchr(zValue, ' ') ) s->nSpace++;
}

/* How a keyword must match: a whole word, the start of a word, or anywhere. */
enum { KW_WORD, KW_PREFIX, KW_ANY };

static const struct {
  const char *zKw; int how; Role role;
} aKeyword[] = {
  /* Question roles first: they may also appear in a label row. */
  {"nps", KW_WORD, ROLE_NPS}, {"recomend", KW_ANY, ROLE_NPS},
  {"recommend", KW_ANY, ROLE_NPS}, {"likelihood", KW_ANY, ROLE_NPS},
  {"csat", KW_WORD, ROLE_CSAT}, {"satisf", KW_ANY, ROLE_CSAT},
  {"ces", KW_WORD, ROLE_CES}, {"esfuerzo", KW_ANY, ROLE_CES}, {"effort", KW_ANY, ROLE_CES},
  /* Roles matched on the column name only. */
  {"respondent", KW_PREFIX, ROLE_RESPONDENT}, {"encuestado", KW_PREFIX, ROLE_RESPONDENT},
  {"cliente", KW_WORD, ROLE_RESPONDENT}, {"customer", KW_WORD, ROLE_RESPONDENT},
  {"id", KW_WORD, ROLE_ID}, {"responseid", KW_WORD, ROLE_ID},
  {"fecha", KW_PREFIX, ROLE_DATE}, {"date", KW_ANY, ROLE_DATE}, {"timestamp", KW_ANY, ROLE_DATE},
  {"idioma", KW_PREFIX, ROLE_LANGUAGE}, {"language", KW_ANY, ROLE_LANGUAGE},
  {"lang", KW_WORD, ROLE_LANGUAGE}, {"lengua", KW_PREFIX, ROLE_LANGUAGE},
  {"touchpoint", KW_ANY, ROLE_TOUCHPOINT}, {"punto de contacto", KW_ANY, ROLE_TOUCHPOINT},
  {"canal", KW_PREFIX, ROLE_CHANNEL}, {"channel", KW_PREFIX, ROLE_CHANNEL},
  {"competidor", KW_PREFIX, ROLE_COMPETITOR}, {"competitor", KW_PREFIX, ROLE_COMPETITOR},
  {"marca", KW_WORD, ROLE_COMPETITOR}, {"brand", KW_WORD, ROLE_COMPETITOR},
  {"region", KW_PREFIX, ROLE_ATTRIBUTE}, {"región", KW_PREFIX, ROLE_ATTRIBUTE},
  {"edad", KW_PREFIX, ROLE_ATTRIBUTE}, {"age", KW_WORD, ROLE_ATTRIBUTE},
  {"plan", KW_WORD, ROLE_ATTRIBUTE}, {"segment", KW_PREFIX, ROLE_ATTRIBUTE},
  {"genero", KW_PREFIX, ROLE_ATTRIBUTE}, {"género", KW_PREFIX, ROLE_ATTRIBUTE},
  {"gender", KW_PREFIX, ROLE_ATTRIBUTE}, {"sexo", KW_WORD, ROLE_ATTRIBUTE},
  {"pais", KW_WORD, ROLE_ATTRIBUTE}, {"país", KW_WORD, ROLE_ATTRIBUTE},
  {"country", KW_PREFIX, ROLE_ATTRIBUTE}, {"ciudad", KW_PREFIX, ROLE_ATTRIBUTE},
  {"city", KW_WORD, ROLE_ATTRIBUTE}, {"provincia", KW_PREFIX, ROLE_ATTRIBUTE},
  {"tier", KW_WORD, ROLE_ATTRIBUTE}, {"sector", KW_PREFIX, ROLE_ATTRIBUTE},
};
#define N_KEYWORD ((int)(sizeof aKeyword / sizeof aKeyword[0]))

/* Does zKw occur in zText (ASCII-lowercased) as the "how" rule asks? Word
** boundaries are ASCII non-alphanumerics; UTF-8 bytes count as letters. */
static int kw_match(const char *zText, const char *zKw, int how){
  size_t nKw = strlen(zKw);
  for(const char *z = zText; *z; z++){
    size_t i = 0;
    while( i < nKw && z[i] && tolower((unsigned char)z[i])==(unsigned char)zKw[i] ) i++;
    if( i < nKw ) continue;
    if( how==KW_ANY ) return 1;
    int startOk = z==zText || !isalnum((unsigned char)z[-1]) || (z[-1]=='_');
    startOk = startOk && !(z > zText && ((unsigned char)z[-1] & 0x80));
    if( z > zText && islower((unsigned char)z[-1]) && isupper((unsigned char)z[0]) ) startOk = 1;
    if( !startOk ) continue;
    if( how==KW_PREFIX ) return 1;
    unsigned char e = (unsigned char)z[nKw];
    if( e==0 || (!isalnum(e) && !(e & 0x80)) ) return 1;
  }
  return 0;
}

/* Roles of which one column is enough; a second match is ignored. */
static int single_role(Role r){
  return r==ROLE_ID || r==ROLE_DATE || r==ROLE_LANGUAGE || r==ROLE_TOUCHPOINT
      || r==ROLE_CHANNEL || r==ROLE_RESPONDENT || r==ROLE_COMPETITOR;
}

static Role keyword_role(const ColMap *c, const ColStat *s){
  int allInt = s->nValue > 0 && s->nInt==s->nValue;
  for(int k = 0; k < N_KEYWORD; k++){
    Role r = aKeyword[k].role;
    int isQ = r==ROLE_NPS || r==ROLE_CSAT || r==ROLE_CES;
    int hit = kw_match(c->zName, aKeyword[k].zKw, aKeyword[k].how)
           || (isQ && c->zLabel && kw_match(c->zLabel, aKeyword[k].zKw, aKeyword[k].how));
    if( !hit ) continue;
    if( isQ && !allInt && s->nValue > 0 ) continue;  /* e.g. "why would you recommend?" */
    if( r==ROLE_DATE && s->nValue > 0 && s->nTime + s->nInt < s->nValue ) continue;
    return r;
  }
  return ROLE_UNSET;
}

void map_infer(Mapping *p, const ColStat *aStat, int numericAsChoice){
  int taken[ROLE_NROLE] = {0};
  for(int i = 0; i < p->nCol; i++) if( p->aCol[i].role ) taken[p->aCol[i].role] = 1;
  for(int i = 0; i < p->nCol; i++){
    ColMap *c = &p->aCol[i];
    const ColStat *s = &aStat[i];
    if( c->role ) continue;
    Role r = keyword_role(c, s);
    if( r && single_role(r) && taken[r] ) r = ROLE_IGNORE;
    if( r==ROLE_ATTRIBUTE ){
      map_set(p, i, r, 0, 0, c->zName);
    }else if( r ){
      map_set(p, i, r, 0, 0, 0);
    }else if( s->nValue==0 ){
      map_set(p, i, ROLE_IGNORE, 0, 0, 0);
    }else if( s->nInt==s->nValue ){
      if( numericAsChoice ) map_set(p, i, ROLE_CHOICE, 0, 0, 0);
      else if( s->iMin >= 1 && s->iMax <= 5 ) map_set(p, i, ROLE_RATING, 1, 5, c->zName);
      else if( s->iMin >= 0 && s->iMax <= 10 ) map_set(p, i, ROLE_RATING, 0, 10, c->zName);
      else map_set(p, i, ROLE_ATTRIBUTE, 0, 0, c->zName);
    }else if( s->nTime==s->nValue && !taken[ROLE_DATE] ){
      map_set(p, i, ROLE_DATE, 0, 0, 0);
    }else if( s->nLong > 0 || s->nSpace*2 > s->nValue ){
      map_set(p, i, ROLE_TEXT, 0, 0, 0);
    }else{
      map_set(p, i, ROLE_CHOICE, 0, 0, 0);
    }
    taken[c->role] = 1;
  }
}

int map_print(const Mapping *p, Buf *pOut){
  int rc = 0;
  const MapConst *k = &p->k;
  if( k->zSurvey ) rc |= buf_printf(pOut, "@survey %s\n", k->zSurvey);
  if( k->zKind ) rc |= buf_printf(pOut, "@kind %s\n", k->zKind);
  if( k->zTouchpoint ) rc |= buf_printf(pOut, "@touchpoint %s\n", k->zTouchpoint);
  if( k->zChannel ) rc |= buf_printf(pOut, "@channel %s\n", k->zChannel);
  if( k->zCompetitor ) rc |= buf_printf(pOut, "@competitor %s\n", k->zCompetitor);
  for(int i = 0; i < p->nCol; i++){
    const ColMap *c = &p->aCol[i];
    Role r = c->role ? c->role : ROLE_IGNORE;
    if( !c->zName[0] ){
      rc |= buf_printf(pOut, "# column %d has no name: ignored\n", i + 1);
      continue;
    }
    rc |= buf_printf(pOut, "%s = %s", c->zName, role_name(r));
    if( r==ROLE_RATING ) rc |= buf_printf(pOut, " %d-%d %s", c->scaleMin, c->scaleMax, c->zArg);
    if( r==ROLE_ATTRIBUTE && c->zArg ) rc |= buf_printf(pOut, " %s", c->zArg);
    if( c->zLabel && c->zLabel[0] && role_is_question(r) ){
      rc |= buf_puts(pOut, "   # ");
      for(const char *z = c->zLabel; *z && (z - c->zLabel < 70 || (*z & 0xC0)==0x80); z++){
        rc |= buf_putc(pOut, (*z=='\n' || *z=='\r' || *z=='#') ? ' ' : *z);
      }
    }
    rc |= buf_putc(pOut, '\n');
  }
  return rc ? ECX_ETOOBIG : 0;
}
