/*
** Folding text for search: case- and accent-insensitive matching of words.
**
** A folded text is the sequence of its words, each preceded by one space
** (" no me gusto el precio"): letters and digits are case folded and
** decomposed with their marks dropped (utf8proc: CASEFOLD, DECOMPOSE,
** STRIPMARK), so "Atención", "ATENCION" and "atencion" fold alike, and so
** do "ñ" and "n"; everything that is not a letter or a digit separates
** words. A word-prefix search for a folded term " term" is then a plain
** substring search (memmem) in the folded text.
**
** Plain ASCII takes a fast path; other characters go through utf8proc.
** Invalid UTF-8 bytes separate words.
*/
#ifndef ECX_FOLD_H
#define ECX_FOLD_H

#include <stddef.h>
#include "buf.h"

/* Append the folded form of z (n bytes) to p: " w1 w2 ...", nothing for a
** text without words. ECX_ETOOBIG if p is full. */
int fold_text(Buf *p, const char *z, size_t n);

/* Find the next word of z (n bytes) at or after byte *pi. On success sets
** *pStart and *pEnd to its byte range in z, appends its folded form (without
** the leading space) to pWord after emptying it, advances *pi past it and
** returns 1; returns 0 when no word is left. For highlighting matches in the
** original text. */
int fold_next_word(const char *z, size_t n, size_t *pi, size_t *pStart, size_t *pEnd, Buf *pWord);

#endif
