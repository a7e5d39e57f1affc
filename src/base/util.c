/*
** Strict number parsing and civil-calendar arithmetic (Howard Hinnant's
** days_from_civil algorithm, public domain description).
*/
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "err.h"

int util_parse_int(const char *z, int64_t *pOut){
  char *zEnd;
  if( !z ) return ECX_EINVAL;
  while( isspace((unsigned char)*z) ) z++;
  if( !*z ) return ECX_EINVAL;
  errno = 0;
  long long v = strtoll(z, &zEnd, 10);
  if( errno || zEnd==z ) return ECX_EINVAL;
  while( isspace((unsigned char)*zEnd) ) zEnd++;
  if( *zEnd ) return ECX_EINVAL;
  *pOut = v;
  return ECX_OK;
}

int util_parse_double(const char *z, double *pOut){
  char a[64];
  char *zEnd;
  if( !z ) return ECX_EINVAL;
  while( isspace((unsigned char)*z) ) z++;
  size_t n = strlen(z);
  while( n && isspace((unsigned char)z[n-1]) ) n--;
  if( n==0 || n >= sizeof a ) return ECX_EINVAL;
  memcpy(a, z, n);
  a[n] = 0;
  char *zComma = strchr(a, ',');
  if( zComma ){
    if( strchr(a, '.') || strchr(zComma+1, ',') ) return ECX_EINVAL;
    *zComma = '.';
  }
  for(size_t i = 0; i < n; i++){
    if( !(isdigit((unsigned char)a[i]) || a[i]=='.' || a[i]=='-' || a[i]=='+'
          || a[i]=='e' || a[i]=='E') ) return ECX_EINVAL;
  }
  errno = 0;
  double v = strtod(a, &zEnd);
  if( errno || zEnd==a || *zEnd || !isfinite(v) ) return ECX_EINVAL;
  *pOut = v;
  return ECX_OK;
}

char *util_fmt_int(char *a, size_t n, int64_t v){
  snprintf(a, n, "%lld", (long long)v);
  return a;
}

int64_t util_days_from_civil(int y, int m, int d){
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void util_civil_from_days(int64_t z, int *pY, int *pM, int *pD){
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  *pY = (int)(y + (m <= 2));
  *pM = (int)m;
  *pD = (int)d;
}

int64_t util_day_of_ts(int64_t ts){
  return ts >= 0 ? ts / 86400 : -((-ts + 86399) / 86400);
}

static int days_in_month(int y, int m){
  static const int a[] = {31,28,31,30,31,30,31,31,30,31,30,31};
  if( m==2 && ((y%4==0 && y%100!=0) || y%400==0) ) return 29;
  return a[m-1];
}

/* Read exactly n digits at *pz into *pV; advance. */
static int digits(const char **pz, int n, int *pV){
  int v = 0;
  for(int i = 0; i < n; i++){
    if( !isdigit((unsigned char)(*pz)[i]) ) return 0;
    v = v*10 + ((*pz)[i] - '0');
  }
  *pz += n;
  *pV = v;
  return 1;
}

/* Read 1 or 2 digits. */
static int digits12(const char **pz, int *pV){
  if( !isdigit((unsigned char)**pz) ) return 0;
  if( isdigit((unsigned char)(*pz)[1]) ) return digits(pz, 2, pV);
  return digits(pz, 1, pV);
}

int util_parse_time(const char *z, int64_t *pTs){
  int y, mo, d, h = 0, mi = 0, s = 0;
  int64_t off = 0;
  if( !z ) return ECX_EINVAL;
  while( isspace((unsigned char)*z) ) z++;
  const char *p = z;
  if( digits(&p, 4, &y) && (*p=='-' || *p=='/') ){
    char sep = *p++;
    if( !digits12(&p, &mo) || *p++!=sep || !digits12(&p, &d) ) return ECX_EINVAL;
  }else{
    p = z;
    if( digits12(&p, &d) && *p=='/' ){
      p++;
      if( !digits12(&p, &mo) || *p++!='/' || !digits(&p, 4, &y) ) return ECX_EINVAL;
    }else{
      int64_t v;
      /* Unix seconds up to 9999-12-31T23:59:59Z, so that every accepted
      ** time has a four-digit year when written back. */
      if( util_parse_int(z, &v)==ECX_OK && v >= 0 && v <= 253402300799 ){ *pTs = v; return ECX_OK; }
      return ECX_EINVAL;
    }
  }
  if( mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) ) return ECX_EINVAL;
  if( *p=='T' || *p==' ' ){
    p++;
    if( !digits12(&p, &h) || *p++!=':' || !digits(&p, 2, &mi) ) return ECX_EINVAL;
    if( *p==':' ){
      p++;
      if( !digits(&p, 2, &s) ) return ECX_EINVAL;
      if( *p=='.' ){ p++; while( isdigit((unsigned char)*p) ) p++; }
    }
    if( h > 23 || mi > 59 || s > 60 ) return ECX_EINVAL;
    if( *p=='Z' ){
      p++;
    }else if( *p=='+' || *p=='-' ){
      int sign = *p++=='-' ? -1 : 1;
      int oh, om = 0;
      if( !digits(&p, 2, &oh) ) return ECX_EINVAL;
      if( *p==':' ) p++;
      if( isdigit((unsigned char)*p) && !digits(&p, 2, &om) ) return ECX_EINVAL;
      if( oh > 14 || om > 59 ) return ECX_EINVAL;
      off = sign * (oh*3600 + om*60);
    }
  }
  while( isspace((unsigned char)*p) ) p++;
  if( *p ) return ECX_EINVAL;
  {
    /* Only times with a four-digit year once in UTC (0000..9999), so that
    ** every accepted time can be written back (found by fuzz_time). */
    int64_t ts = util_days_from_civil(y, mo, d)*86400 + h*3600 + mi*60 + s - off;
    if( ts < util_days_from_civil(0, 1, 1)*86400 || ts > 253402300799 ) return ECX_EINVAL;
    *pTs = ts;
  }
  return ECX_OK;
}

char *util_fmt_time(char *a, size_t n, int64_t ts){
  int y, m, d;
  int64_t day = util_day_of_ts(ts);
  int64_t sec = ts - day*86400;
  util_civil_from_days(day, &y, &m, &d);
  snprintf(a, n, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
           (int)(sec/3600), (int)(sec/60%60), (int)(sec%60));
  return a;
}

char *util_fmt_day(char *a, size_t n, int64_t day){
  int y, m, d;
  util_civil_from_days(day, &y, &m, &d);
  snprintf(a, n, "%04d-%02d-%02d", y, m, d);
  return a;
}

char *util_trim(char *z){
  size_t n = strlen(z);
  while( n && isspace((unsigned char)z[n-1]) ) z[--n] = 0;
  size_t k = 0;
  while( isspace((unsigned char)z[k]) ) k++;
  if( k ) memmove(z, z + k, n - k + 1);
  return z;
}
