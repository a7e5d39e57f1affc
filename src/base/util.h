/*
** Small parsing and formatting helpers: strict numbers and calendar dates.
*/
#ifndef ECX_UTIL_H
#define ECX_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* Parse a whole string as a base-10 integer (surrounding blanks allowed).
** ECX_EINVAL if anything else is there or it overflows. */
int util_parse_int(const char *z, int64_t *pOut);
/* Parse a whole string as a finite decimal number ('.' or ',' as the point). */
int util_parse_double(const char *z, double *pOut);
/* Write v in decimal into a (of size n). Returns a. */
char *util_fmt_int(char *a, size_t n, int64_t v);

/* Days since 1970-01-01 for a proleptic Gregorian date. */
int64_t util_days_from_civil(int y, int m, int d);
/* The date of a day number. */
void util_civil_from_days(int64_t day, int *pY, int *pM, int *pD);
/* Day number of a Unix time (UTC). */
int64_t util_day_of_ts(int64_t ts);

/* Parse a timestamp into Unix seconds (UTC). Accepts
**   YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS[.fff]], YYYY-MM-DDTHH:MM[:SS[.fff]][Z|+hh:mm|-hh:mm],
**   YYYY/MM/DD ..., DD/MM/YYYY [HH:MM[:SS]] (day first, as used in Spanish),
**   and a plain integer of Unix seconds.
** ECX_EINVAL on anything else, including impossible dates. */
int util_parse_time(const char *z, int64_t *pTs);
/* Format Unix seconds as "YYYY-MM-DDTHH:MM:SSZ" into a (n >= 21). */
char *util_fmt_time(char *a, size_t n, int64_t ts);
/* Format a day number as "YYYY-MM-DD" into a (n >= 11). */
char *util_fmt_day(char *a, size_t n, int64_t day);

/* Trim blanks at both ends in place; returns z. */
char *util_trim(char *z);

#endif
