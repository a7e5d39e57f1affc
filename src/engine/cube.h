/*
** The analytics cube: responses held in memory as columns, for reports.
**
** Each response is one row. Categorical columns (survey, touchpoint,
** channel, language, competitor, the segment combination and every
** respondent attribute) hold dictionary codes, 1 or 2 bytes per row, code 0
** meaning "none". Dates are day numbers, 2 bytes per row relative to the
** first day. Every rated question family (NPS, CSAT, CES, each dimension) is
** half a byte per row holding the rating on its own scale, CUBE_MISSING when
** unanswered: metrics 2k and 2k+1 share one byte column, 2k in the low
** nibble (cube_rating reads one).
**
** A query groups rows by some columns (and a period of the date) and
** returns, per group and metric, the histogram of ratings: 16 counts. Every
** statistic (n, sums, sums of squares, promoters, top-2-box) follows exactly
** from a histogram, and histograms of disjoint row sets add up, so partial
** results of threads merge exactly.
**
** Segments may overlap. Rows carry the code of their combination of
** segments (the segment column: its aKey[code] is the set of segments, bit s
** for segment s, and its codes have no labels); grouping by segment groups by combination in the scan and then
** adds each combination's histograms into every segment it contains.
**
** Ownership: a Cube is freed with cube_free(); a CubeResult with
** cube_result_free(). Strings inside either belong to them.
*/
#ifndef ECX_CUBE_H
#define ECX_CUBE_H

#include <stdint.h>
#include "filter.h"
#include "stats.h"
#include "../model/workspace.h"

#define CUBE_MISSING 15
#define CUBE_ZONE 2048   /* rows per zone of the day column (Cube.aZoneLo) */
#define CUBE_HIST 16
#define CUBE_MAX_BY 6
#define CUBE_MAX_SEGMENT 62

typedef enum {
  CUBE_COL_SURVEY, CUBE_COL_TOUCHPOINT, CUBE_COL_CHANNEL, CUBE_COL_LANGUAGE,
  CUBE_COL_COMPETITOR, CUBE_COL_SEGMENT, CUBE_COL_ATTRIBUTE
} CubeColKind;

typedef struct CubeCol {
  char *zName;        /* "touchpoint", ..., or the attribute's name */
  CubeColKind kind;
  int width;          /* bytes per code: 1 or 2 */
  void *aCode;        /* nRow codes (uint8_t or uint16_t) */
  int nValue;         /* codes run 1..nValue */
  char **azValue;     /* azValue[code]: label; azValue[0] is NULL */
  int64_t *aKey;      /* aKey[code]: database id of the value (0 for none) */
  int64_t nCodeOfKey; /* for loading: database id -> code */
  unsigned *aCodeOfKey;
} CubeCol;

typedef enum { CUBE_MET_NPS, CUBE_MET_CSAT, CUBE_MET_CES, CUBE_MET_RATING } CubeMetKind;

typedef struct CubeMetric {
  char *zName;        /* "nps", "csat", "ces", or a dimension's name */
  CubeMetKind kind;
  int scaleMin, scaleMax;
  uint8_t *aVal;      /* nRow bytes shared with the paired metric: this
                      ** one's rating is (aVal[i]>>shift)&15, CUBE_MISSING
                      ** when unanswered (cube_rating) */
  int shift;          /* 0: low nibble, owns aVal; 4: high nibble, aVal
                      ** belongs to the metric before */
  int nQuestion;
  int64_t *aQuestion; /* ids of the questions feeding this metric */
} CubeMetric;

typedef struct Cube {
  int64_t nRow, nAlloc;
  int64_t dayBase;        /* day number of aDay[i]==0 */
  uint16_t *aDay;         /* nRow days since dayBase */
  int64_t nZone;          /* zones of CUBE_ZONE rows (the last may be short) */
  uint16_t *aZoneLo;      /* nZone: the smallest aDay of each zone, */
  uint16_t *aZoneHi;      /* and the largest (derived: cube_zones_update) */
  int nCol;
  CubeCol *aCol;
  int nMet;
  CubeMetric *aMet;
  int nSegment;
  char **azSegment;       /* segment names */
  char **azSegmentFilter; /* their filters */
  int64_t dayMin, dayMax; /* range of aDay over the rows (dayMin > dayMax if none) */
  int64_t maxResponseId;  /* highest response id loaded */
  int64_t nRowOurs;       /* rows about us (not benchmark ratings of competitors) */
  int nThread;            /* threads a scan may use */
  char *zSignature;       /* what the shape was built from (cube_refresh) */
} Cube;

/* Rating of row i in metric p, CUBE_MISSING when unanswered. */
static inline unsigned cube_rating(const CubeMetric *p, int64_t i){
  return (unsigned)(p->aVal[i] >> p->shift) & 15u;
}

/* Load every response of the workspace. *ppCube is freed with cube_free().
** A cube of at least cube_cache_min_rows rows is also written to FILE.ecx.cube
** and read back from there by the next load while the workspace's responses
** are unchanged (docs/engine.md); ECX_NO_CUBE_CACHE in the environment
** turns this off. */
int cube_load(Workspace *pWs, Cube **ppCube);
extern int64_t cube_cache_min_rows;
/* Bring a loaded cube up to date: responses added since are appended; any
** other change (deletions, new segments, new questions) reloads it whole.
** *pnAdded says how many rows were appended (-1 after a reload). After an
** error the cube may be incomplete: free it and load again. */
int cube_refresh(Cube *pCube, Workspace *pWs, int64_t *pnAdded);
void cube_free(Cube *pCube);
/* Bytes of memory the columns take. */
int64_t cube_bytes(const Cube *pCube);

/* Column named zName ("touchpoint", "segment", an attribute...), or -1. */
int cube_col_find(const Cube *pCube, const char *zName);
/* Metric named zName, or -1. */
int cube_met_find(const Cube *pCube, const char *zName);

typedef enum {
  CUBE_PERIOD_NONE, CUBE_PERIOD_DAY, CUBE_PERIOD_WEEK, CUBE_PERIOD_MONTH,
  CUBE_PERIOD_QUARTER, CUBE_PERIOD_YEAR
} CubePeriod;

/* Period named "week", "month"..., or CUBE_PERIOD_NONE. */
CubePeriod cube_period_from_name(const char *z);
/* Period key of a day (consecutive integers for consecutive periods). */
int64_t cube_period_key(CubePeriod p, int64_t day);
/* The first day of the period with this key. */
int64_t cube_period_start(CubePeriod p, int64_t key);
/* Label of a period key ("2026-03", "2026-W09", "2026-Q1", "2026") into a. */
char *cube_period_label(CubePeriod p, int64_t key, char *a, size_t n);

/* One grouping: a column, or a period of the response date. */
typedef struct CubeBy {
  int iCol;             /* column index, or -1 for a period */
  CubePeriod period;
} CubeBy;

/* A filter compiled against a cube: per column the accepted codes. The
** first nFixed terms are a scope the reader cannot leave (a front-line
** user's or an area lead's touchpoints): the differencing guard
** (report_guard) never drops them. */
typedef struct CubeWhere {
  int nTerm;
  struct CubeWhereTerm { int iCol; uint8_t *aOk; } *aTerm;  /* aOk[code] */
  int nFixed;
} CubeWhere;

/* Compile pF. Unknown keys are an error; unknown values are an error too
** unless lenient (segment definitions may name values not seen yet).
** Free with cube_where_free(). */
int cube_where_compile(const Cube *pCube, const Filter *pF, int lenient, CubeWhere *pW);
void cube_where_free(CubeWhere *pW);

typedef struct CubeQuery {
  int nBy;
  CubeBy aBy[CUBE_MAX_BY];
  const CubeWhere *pWhere;    /* may be NULL */
  int64_t dayFrom, dayTo;     /* inclusive day range; INT64_MIN/MAX for none */
  int withBenchmark;          /* include ratings of competitors */
} CubeQuery;

/* The answer to a query: nGroup groups, each with its codes (one per by;
** period keys for periods, segment index+1 for segment), its row count and
** nMet histograms of CUBE_HIST counts. Groups are in key order and only
** groups with at least one row are listed. */
typedef struct CubeResult {
  int nBy;
  CubeBy aBy[CUBE_MAX_BY];
  int nMet;
  int64_t nGroup;
  int64_t *aKey;       /* nGroup*nBy keys */
  int64_t *aRows;      /* nGroup row counts */
  int64_t *aHist;      /* nGroup*nMet*CUBE_HIST counts */
} CubeResult;

int cube_query(const Cube *pCube, const CubeQuery *pQ, CubeResult *pR);
/* The number of rows pQ accepts (its groupings ignored): what cube_query
** would count over all groups, without building histograms. */
int cube_count(const Cube *pCube, const CubeQuery *pQ, int64_t *pN);
void cube_result_free(CubeResult *pR);
/* The total of pIn's groups as a result without groupings, the same as
** cube_query with nBy = 0 over the same rows (free with cube_result_free).
** Only for groupings that split the rows (not by segment, whose groups
** overlap): err_fatal otherwise. */
void cube_result_total(const CubeResult *pIn, CubeResult *pOut);
/* Label of group g's key for by-index k into a (size n); "" for none. */
const char *cube_result_label(const Cube *pCube, const CubeResult *pR, int64_t g, int k,
                              char *a, size_t n);

/* Sufficient statistics from one histogram. */
void cube_hist_nps(const int64_t *aHist, StatsNps *p);
void cube_hist_mean(const int64_t *aHist, StatsMean *p);
/* Share of answers at or above xMin. */
void cube_hist_share(const int64_t *aHist, int xMin, StatsProp *p);

#endif
