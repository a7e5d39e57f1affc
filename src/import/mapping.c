/*
** Column-to-role mappings: the mapping-file parser, keyword and prescan
** inference, and printing (see mapping.h).
*/
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mapping.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"

static const char *const azRole[ROLE_NROLE] = {
  [ROLE_UNSET] = "unset", [ROLE_ID] = "id", [ROLE_DATE] = "date",
  [ROLE_TOUCHPOINT] = "touchpoint", [ROLE_CHANNEL] = "channel",
  [ROLE_LANGUAGE] = "language", [ROLE_RESPONDENT] = "respondent",
  [ROLE_COMPETITOR] = "competitor", [ROLE_NPS] = "nps", [ROLE_CSAT] = "csat",
  [ROLE_CES] = "ces", [ROLE_RATING] = "rating", [ROLE_CHOICE] = "choice",
  [ROLE_MULTI] = "multi", [ROLE_TEXT] = "text", [ROLE_ATTRIBUTE] = "attribute",
  [ROLE_IGNORE] = "ignore",
};

const char *role_name(Role r){ return azRole[r]; }
int role_is_question(Role r){ return r >= ROLE_NPS && r <= ROLE_ATTRIBUTE; }

static void const_free(MapConst *k){
  free(k->zSurvey); free(k->zKind); free(k->zTouchpoint); free(k->zChannel); free(k->zCompetitor);
  memset(k, 0, sizeof *k);
}

void map_init(Mapping *p, int nCol, const char *const *azName){
  memset(p, 0, sizeof *p);
  p->nCol = nCol;
  p->aCol = ecx_calloc((size_t)nCol, sizeof *p->aCol);
  for(int i = 0; i < nCol; i++) p->aCol[i].zName = ecx_strdup(azName[i]);
  p->iUnfinishedZero = p->iUnfinishedEmpty = -1;
}

void map_free(Mapping *p){
  for(int i = 0; i < p->nCol; i++){
    free(p->aCol[i].zName); free(p->aCol[i].zLabel); free(p->aCol[i].zArg);
  }
  free(p->aCol);
  const_free(&p->k);
  memset(p, 0, sizeof *p);
}

int map_find(const Mapping *p, const char *zName){
  for(int i = 0; i < p->nCol; i++) if( strcmp(p->aCol[i].zName, zName)==0 ) return i;
  for(int i = 0; i < p->nCol; i++) if( strcasecmp(p->aCol[i].zName, zName)==0 ) return i;
  return -1;
}

void map_set(Mapping *p, int iCol, Role r, int scaleMin, int scaleMax, const char *zArg){
  ColMap *c = &p->aCol[iCol];
  c->role = r;
  c->scaleMin = scaleMin;
  c->scaleMax = scaleMax;
  free(c->zArg);
  c->zArg = zArg ? ecx_strdup(zArg) : 0;
}

/* ---- mapping files ---------------------------------------------------- */

static int parse_role(const char *zPath, int line, char *zSpec, MapRule *r){
  char *zArgs = zSpec;
  while( *zArgs && !isspace((unsigned char)*zArgs) ) zArgs++;
  if( *zArgs ) *zArgs++ = 0;
  zArgs = util_trim(zArgs);
  int role = -1;
  for(int i = ROLE_ID; i < ROLE_NROLE; i++) if( strcmp(zSpec, azRole[i])==0 ) role = i;
  if( role < 0 ){
    return err_set(ECX_EINVAL, _("%s:%d: unknown role \"%s\" (roles: id, date, touchpoint, "
                   "channel, language, respondent, competitor, nps, csat, ces, rating, "
                   "choice, multi, text, attribute, ignore)"), zPath, line, zSpec);
  }
  r->role = (Role)role;
  if( role==ROLE_RATING ){
    char *zDim = zArgs;
    while( *zDim && !isspace((unsigned char)*zDim) ) zDim++;
    if( *zDim ) *zDim++ = 0;
    zDim = util_trim(zDim);
    if( strcmp(zArgs, "1-5")==0 ){ r->scaleMin = 1; r->scaleMax = 5; }
    else if( strcmp(zArgs, "0-10")==0 ){ r->scaleMin = 0; r->scaleMax = 10; }
    else return err_set(ECX_EINVAL, _("%s:%d: rating needs a scale 1-5 or 0-10 and a dimension, "
                        "as in \"rating 1-5 Atención\""), zPath, line);
    if( !zDim[0] ) return err_set(ECX_EINVAL, _("%s:%d: rating needs a dimension name after the scale"),
                                  zPath, line);
    r->zArg = ecx_strdup(zDim);
  }else if( role==ROLE_ATTRIBUTE ){
    if( zArgs[0] ) r->zArg = ecx_strdup(zArgs);
  }else if( zArgs[0] ){
    return err_set(ECX_EINVAL, _("%s:%d: role %s takes no arguments, found \"%s\""),
                   zPath, line, zSpec, zArgs);
  }
  return ECX_OK;
}

static int parse_directive(const char *zPath, int line, char *z, MapConst *k){
  char *zVal = z;
  while( *zVal && !isspace((unsigned char)*zVal) ) zVal++;
  if( *zVal ) *zVal++ = 0;
  zVal = util_trim(zVal);
  char **pz = 0;
  if( strcmp(z, "@survey")==0 ) pz = &k->zSurvey;
  else if( strcmp(z, "@kind")==0 ) pz = &k->zKind;
  else if( strcmp(z, "@touchpoint")==0 ) pz = &k->zTouchpoint;
  else if( strcmp(z, "@channel")==0 ) pz = &k->zChannel;
  else if( strcmp(z, "@competitor")==0 ) pz = &k->zCompetitor;
  else return err_set(ECX_EINVAL, _("%s:%d: unknown directive \"%s\" (directives: @survey, "
                      "@kind, @touchpoint, @channel, @competitor)"), zPath, line, z);
  if( !zVal[0] ) return err_set(ECX_EINVAL, _("%s:%d: %s needs a value"), zPath, line, z);
  if( pz==&k->zKind && strcmp(zVal, "relational") && strcmp(zVal, "transactional")
      && strcmp(zVal, "benchmark") && strcmp(zVal, "employee") ){
    return err_set(ECX_EINVAL, _("%s:%d: @kind must be relational, transactional, benchmark "
                   "or employee, not \"%s\""), zPath, line, zVal);
  }
  free(*pz);
  *pz = ecx_strdup(zVal);
  return ECX_OK;
}

int map_file_parse(const char *zPath, const char *zText, MapFile *pFile){
  memset(pFile, 0, sizeof *pFile);
  pFile->zPath = ecx_strdup(zPath);
  char *zCopy = ecx_strdup(zText);
  char *zLine = zCopy;
  int rc = ECX_OK;
  for(int line = 1; zLine && rc==ECX_OK; line++){
    char *zNext = strchr(zLine, '\n');
    if( zNext ) *zNext++ = 0;
    char *zHash = strchr(zLine, '#');
    if( zHash ) *zHash = 0;
    char *z = util_trim(zLine);
    zLine = zNext;
    if( !z[0] ) continue;
    if( z[0]=='@' ){
      rc = parse_directive(zPath, line, z, &pFile->k);
      continue;
    }
    char *zEq = strchr(z, '=');
    if( !zEq ){
      rc = err_set(ECX_EINVAL, _("%s:%d: expected \"COLUMN = ROLE\", found \"%s\""), zPath, line, z);
      break;
    }
    *zEq = 0;
    char *zCol = util_trim(z);
    char *zSpec = util_trim(zEq + 1);
    if( !zCol[0] || !zSpec[0] ){
      rc = err_set(ECX_EINVAL, _("%s:%d: expected \"COLUMN = ROLE\""), zPath, line);
      break;
    }
    pFile->aRule = ecx_realloc(pFile->aRule, (size_t)(pFile->nRule + 1) * sizeof *pFile->aRule);
    MapRule *r = &pFile->aRule[pFile->nRule++];
    memset(r, 0, sizeof *r);
    r->zCol = ecx_strdup(zCol);
    r->line = line;
    rc = parse_role(zPath, line, zSpec, r);
  }
  free(zCopy);
  return rc;
}

int map_file_load(const char *zPath, MapFile *pFile){
  memset(pFile, 0, sizeof *pFile);
  FILE *in = fopen(zPath, "rb");
  if( !in ) return err_set(ECX_EIO, _("cannot open mapping file %s: %s"), zPath, strerror(errno));
  Buf b;
  buf_init(&b, 1u << 20);
  char a[4096];
  size_t n;
  int rc = ECX_OK;
  while( rc==ECX_OK && (n = fread(a, 1, sizeof a, in)) > 0 ) rc = buf_append(&b, a, n);
  fclose(in);
  if( rc==ECX_OK ) rc = map_file_parse(zPath, buf_str(&b), pFile);
  buf_free(&b);
  return rc;
}

void map_file_free(MapFile *pFile){
  for(int i = 0; i < pFile->nRule; i++){ free(pFile->aRule[i].zCol); free(pFile->aRule[i].zArg); }
  free(pFile->aRule);
  free(pFile->zPath);
  const_free(&pFile->k);
  memset(pFile, 0, sizeof *pFile);
}

static void const_copy(char **pz, const char *zFrom){
  if( zFrom ){ free(*pz); *pz = ecx_strdup(zFrom); }
}

int map_apply(Mapping *p, const MapFile *pFile){
  for(int i = 0; i < pFile->nRule; i++){
    const MapRule *r = &pFile->aRule[i];
    int iCol = map_find(p, r->zCol);
    if( iCol < 0 ){
      return err_set(ECX_EINVAL, _("%s:%d: the input has no column \"%s\""),
                     pFile->zPath, r->line, r->zCol);
    }
    if( p->aCol[iCol].locked && r->role!=ROLE_IGNORE ){
      return err_set(ECX_EINVAL, _("%s:%d: column \"%s\" holds personal data and is never imported"),
                     pFile->zPath, r->line, r->zCol);
    }
    map_set(p, iCol, r->role, r->scaleMin, r->scaleMax, r->zArg);
    p->aCol[iCol].fromFile = 1;
  }
  const_copy(&p->k.zSurvey, pFile->k.zSurvey);
  const_copy(&p->k.zKind, pFile->k.zKind);
  const_copy(&p->k.zTouchpoint, pFile->k.zTouchpoint);
  const_copy(&p->k.zChannel, pFile->k.zChannel);
  const_copy(&p->k.zCompetitor, pFile->k.zCompetitor);
  return ECX_OK;
}
