/*
** Filter expressions, as written by users in --where, in segment definitions
** and in URLs:
**
**     KEY=V1|V2, KEY2!=V3
**
** Clauses are separated by commas and all must hold; a clause lists the
** accepted values of one key (any of them, '|') or with != the refused ones.
** A value may be written in double quotes to contain , | = or blanks at its
** ends ("a, b"); inside quotes "" stands for one quote. Keys and values are
** trimmed. The meaning of keys is given by the cube (filter_compile in
** cube.h); this module only parses.
*/
#ifndef ECX_FILTER_H
#define ECX_FILTER_H

typedef struct FilterClause {
  char *zKey;
  int negate;       /* 1 for != */
  int nValue;
  char **azValue;
} FilterClause;

typedef struct Filter {
  int nClause;
  FilterClause *aClause;
} Filter;

/* Parse z into *pF. An empty or NULL string gives an empty filter. On a
** syntax error returns ECX_EINVAL with a message naming the position, and
** *pF is left empty. The caller frees *pF with filter_free(). */
int filter_parse(const char *z, Filter *pF);
/* Append the clauses of pFrom to pTo (copies). */
void filter_append(Filter *pTo, const Filter *pFrom);
void filter_free(Filter *pF);

#endif
