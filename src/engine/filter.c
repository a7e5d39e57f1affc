/*
** Parser of filter expressions (syntax in filter.h).
*/
#include <stdlib.h>
#include <string.h>
#include "filter.h"
#include "../base/err.h"
#include "../base/buf.h"
#include "../base/i18n.h"

typedef struct Lexer {
  const char *zIn;   /* the whole expression, for messages */
  const char *z;     /* current position */
} Lexer;

static void skip_blanks(Lexer *p){
  while( *p->z==' ' || *p->z=='\t' ) p->z++;
}

static int syntax_error(Lexer *p, const char *zWhat){
  return err_set(ECX_EINVAL, _("filter \"%s\", at character %d: %s"),
                 p->zIn, (int)(p->z - p->zIn) + 1, zWhat);
}

/* Read one key or value up to a character of zStop (outside quotes) into
** *pz, trimmed; the caller frees *pz. */
static int read_word(Lexer *p, const char *zStop, char **pz){
  Buf b;
  int rc = ECX_OK;
  buf_init(&b, 4096);
  skip_blanks(p);
  if( *p->z=='"' ){
    p->z++;
    for(;;){
      if( *p->z==0 ){ rc = syntax_error(p, _("unterminated quote")); break; }
      if( *p->z=='"' ){
        if( p->z[1]!='"' ){ p->z++; break; }
        p->z++;
      }
      if( buf_append(&b, p->z, 1) ) rc = syntax_error(p, _("value too long"));
      if( rc ) break;
      p->z++;
    }
    skip_blanks(p);
    if( rc==ECX_OK && *p->z && !strchr(zStop, *p->z) ){
      rc = syntax_error(p, _("unexpected text after a quoted value"));
    }
  }else{
    const char *zStart = p->z;
    size_t n;
    while( *p->z && !strchr(zStop, *p->z) ) p->z++;
    n = (size_t)(p->z - zStart);
    while( n>0 && (zStart[n-1]==' ' || zStart[n-1]=='\t') ) n--;
    if( buf_append(&b, zStart, n) ) rc = syntax_error(p, _("value too long"));
  }
  if( rc==ECX_OK && b.n==0 ) rc = syntax_error(p, _("empty name or value"));
  if( rc==ECX_OK ){
    *pz = ecx_strdup(buf_str(&b));
  }
  buf_free(&b);
  return rc;
}

static int parse_clause(Lexer *p, FilterClause *pC){
  int rc = read_word(p, "=!,|", &pC->zKey);
  if( rc ) return rc;
  if( p->z[0]=='!' && p->z[1]=='=' ){
    pC->negate = 1;
    p->z += 2;
  }else if( p->z[0]=='=' ){
    p->z++;
  }else{
    return syntax_error(p, _("expected = or != after the key"));
  }
  for(;;){
    char *zVal = 0;
    rc = read_word(p, ",|", &zVal);
    if( rc ) return rc;
    pC->azValue = ecx_realloc(pC->azValue, sizeof(char*)*(size_t)(pC->nValue + 1));
    pC->azValue[pC->nValue++] = zVal;
    if( *p->z!='|' ) break;
    p->z++;
  }
  return ECX_OK;
}

int filter_parse(const char *z, Filter *pF){
  Lexer lex;
  int rc = ECX_OK;
  memset(pF, 0, sizeof *pF);
  if( z==0 ) return ECX_OK;
  lex.zIn = lex.z = z;
  skip_blanks(&lex);
  if( *lex.z==0 ) return ECX_OK;
  for(;;){
    FilterClause *pC;
    pF->aClause = ecx_realloc(pF->aClause, sizeof(FilterClause)*(size_t)(pF->nClause + 1));
    pC = &pF->aClause[pF->nClause++];
    memset(pC, 0, sizeof *pC);
    rc = parse_clause(&lex, pC);
    if( rc ) break;
    if( *lex.z==0 ) break;
    if( *lex.z!=',' ){ rc = syntax_error(&lex, _("expected a comma between conditions")); break; }
    lex.z++;
  }
  if( rc ) filter_free(pF);
  return rc;
}

void filter_append(Filter *pTo, const Filter *pFrom){
  int i, j;
  for(i=0; i<pFrom->nClause; i++){
    const FilterClause *pS = &pFrom->aClause[i];
    FilterClause *pD;
    pTo->aClause = ecx_realloc(pTo->aClause, sizeof(FilterClause)*(size_t)(pTo->nClause + 1));
    pD = &pTo->aClause[pTo->nClause++];
    pD->zKey = ecx_strdup(pS->zKey);
    pD->negate = pS->negate;
    pD->nValue = pS->nValue;
    pD->azValue = ecx_malloc(sizeof(char*)*(size_t)(pS->nValue>0 ? pS->nValue : 1));
    for(j=0; j<pS->nValue; j++) pD->azValue[j] = ecx_strdup(pS->azValue[j]);
  }
}

void filter_free(Filter *pF){
  int i, j;
  for(i=0; i<pF->nClause; i++){
    FilterClause *pC = &pF->aClause[i];
    free(pC->zKey);
    for(j=0; j<pC->nValue; j++) free(pC->azValue[j]);
    free(pC->azValue);
  }
  free(pF->aClause);
  memset(pF, 0, sizeof *pF);
}
