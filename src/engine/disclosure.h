/*
** The rule behind complementary suppression, shared by the reports
** (report/suppress.c) and the promise's KPIs and matrix
** (frameworks/promise_eval.c): in a set of figures whose sum is shown
** somewhere (a total, a KPI over all touchpoints, a window over its months),
** what is hidden must add up to 0 or to at least min_n answers, or the total
** minus the shown members gives the hidden ones away.
*/
#ifndef ECX_DISCLOSURE_H
#define ECX_DISCLOSURE_H

#include <stddef.h>
#include <stdint.h>

/* One step over the set of nMember members aMember (indexes g; NULL for
** 0..nMember-1): member g
** has aN[g*stride] answers and is hidden when aHide[g*stride] is set. When
** the hidden members add up to between 1 and minN - 1, the smallest shown
** member with answers is hidden too and 1 is returned; else 0. Call until
** it returns 0 (each call hides one more or ends). */
int disclosure_hide_one(int64_t nMember, const int64_t *aMember, const int64_t *aN, size_t stride,
                        unsigned char *aHide, int minN);

#endif
