/*
** Export of the analysis dataset: one row per response with its date, its
** categories (survey, touchpoint, channel, language, competitor, every
** respondent attribute), a 0/1 column per segment and every rating metric
** (empty when unanswered), as CSV or JSON lines. Written from the cube, so it
** holds exactly what reports count. Open texts are not part of it.
*/
#ifndef ECX_EXPORT_H
#define ECX_EXPORT_H

#include <stdio.h>
#include "../engine/cube.h"

typedef enum { EXPORT_CSV, EXPORT_JSONL } ExportFormat;

/* Write the rows of pCube accepted by pWhere (may be NULL) with days in
** dayFrom..dayTo to out. *pnRow receives the number of rows written.
** ECX_EIO if writing fails. */
int export_rows(const Cube *pCube, const CubeWhere *pWhere, int64_t dayFrom, int64_t dayTo,
                ExportFormat fmt, FILE *out, int64_t *pnRow);

#endif
