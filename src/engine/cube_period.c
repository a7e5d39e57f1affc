/*
** Calendar periods of the cube: each period of a kind has an integer key,
** consecutive periods having consecutive keys, so that a period's
** predecessor is key - 1. Weeks are ISO 8601 weeks (Monday first; the
** week belongs to the year of its Thursday).
*/
#include <stdio.h>
#include <string.h>
#include "cube.h"
#include "../base/util.h"

static int64_t floor_div(int64_t a, int64_t b){
  int64_t q = a/b;
  if( (a%b!=0) && ((a<0)!=(b<0)) ) q--;
  return q;
}

CubePeriod cube_period_from_name(const char *z){
  static const struct { const char *zName; CubePeriod p; } a[] = {
    {"day", CUBE_PERIOD_DAY}, {"dia", CUBE_PERIOD_DAY}, {"día", CUBE_PERIOD_DAY},
    {"week", CUBE_PERIOD_WEEK}, {"semana", CUBE_PERIOD_WEEK},
    {"month", CUBE_PERIOD_MONTH}, {"mes", CUBE_PERIOD_MONTH},
    {"quarter", CUBE_PERIOD_QUARTER}, {"trimestre", CUBE_PERIOD_QUARTER},
    {"year", CUBE_PERIOD_YEAR}, {"año", CUBE_PERIOD_YEAR}, {"ano", CUBE_PERIOD_YEAR},
  };
  size_t i;
  for(i=0; i<sizeof(a)/sizeof(a[0]); i++){
    if( strcmp(z, a[i].zName)==0 ) return a[i].p;
  }
  return CUBE_PERIOD_NONE;
}

int64_t cube_period_key(CubePeriod p, int64_t day){
  int y, m, d;
  switch( p ){
    case CUBE_PERIOD_DAY:  return day;
    case CUBE_PERIOD_WEEK: return floor_div(day + 3, 7);   /* 1969-12-29 was a Monday */
    default: break;
  }
  util_civil_from_days(day, &y, &m, &d);
  switch( p ){
    case CUBE_PERIOD_MONTH:   return (int64_t)y*12 + (m - 1);
    case CUBE_PERIOD_QUARTER: return (int64_t)y*4 + (m - 1)/3;
    case CUBE_PERIOD_YEAR:    return y;
    default: return 0;
  }
}

int64_t cube_period_start(CubePeriod p, int64_t key){
  switch( p ){
    case CUBE_PERIOD_DAY:     return key;
    case CUBE_PERIOD_WEEK:    return key*7 - 3;
    case CUBE_PERIOD_MONTH:   return util_days_from_civil((int)floor_div(key, 12), (int)(key - 12*floor_div(key, 12)) + 1, 1);
    case CUBE_PERIOD_QUARTER: return util_days_from_civil((int)floor_div(key, 4), 3*(int)(key - 4*floor_div(key, 4)) + 1, 1);
    case CUBE_PERIOD_YEAR:    return util_days_from_civil((int)key, 1, 1);
    default: return 0;
  }
}

char *cube_period_label(CubePeriod p, int64_t key, char *a, size_t n){
  int64_t start = cube_period_start(p, key);
  int y, m, d;
  util_civil_from_days(start, &y, &m, &d);
  switch( p ){
    case CUBE_PERIOD_DAY:
      util_fmt_day(a, n, start);
      break;
    case CUBE_PERIOD_WEEK: {
      int ty, tm, td;
      int64_t thursday = start + 3;
      util_civil_from_days(thursday, &ty, &tm, &td);
      snprintf(a, n, "%04d-W%02d", ty,
               (int)((thursday - util_days_from_civil(ty, 1, 1))/7 + 1));
      break;
    }
    case CUBE_PERIOD_MONTH:   snprintf(a, n, "%04d-%02d", y, m); break;
    case CUBE_PERIOD_QUARTER: snprintf(a, n, "%04d-Q%d", y, (m - 1)/3 + 1); break;
    case CUBE_PERIOD_YEAR:    snprintf(a, n, "%04d", y); break;
    default: if( n ) a[0] = 0; break;
  }
  return a;
}
