/*
** The competitor benchmark as a report: filters compiled and checked like
** `ecx report` (including the differencing guard), then a table or CSV with
** one row per dimension and brand. docs/promise.md.
*/
#ifndef ECX_BENCH_FORMAT_H
#define ECX_BENCH_FORMAT_H

#include "report.h"
#include "../engine/benchmark.h"

/* Compile the filters (each may be NULL), apply the guard and run the
** benchmark into *pRes (freed with bench_result_free()). */
int bench_query(const Cube *pCube, const char *zWhere, const char *zSegment,
                const char *zFrom, const char *zTo, int minN, BenchResult *pRes);
/* Append the benchmark as REPORT_TABLE, REPORT_CSV or REPORT_JSON ({"min_n",
** "competitors", "dimensions":[{"dimension", "ours", "competitors":[cells]}]},
** a cell {"brand", "suppressed", "n", "mean", "ci_low", "ci_high",
** "diff":{"value", "ci_low", "ci_high", "significant"}}). Cells under minN are
** suppressed. CSV columns: dimension, brand ("ours" for us), n, mean,
** ci_low, ci_high, diff (ours - brand), diff_low, diff_high, significant,
** suppressed. */
int bench_format(const Cube *pCube, const BenchResult *pRes, int minN, ReportFormat fmt, Buf *pOut);

/* Append "KEY":x (zKey NULL: only x) as a JSON number, null when x is
** not finite. */
void report_json_num(Buf *pOut, const char *zKey, double x);
/* Append z padded with spaces to |width| code points: left-aligned for a
** positive width, right-aligned for a negative one, then one space. */
void report_cell(Buf *pOut, const char *z, int width);

#endif
