/*
** Importing survey responses from files into a workspace.
**
** import_run detects (or takes) the file's format, maps its columns to
** roles (format defaults, header keywords and a prescan, a mapping file),
** validates every row and stores the good ones, all in one transaction:
** by default one bad row means nothing is stored (ECX_EREJECTED); with
** skipBad the good rows are stored and the bad ones written to a reject
** file. Responses are keyed by (survey, source id), so importing the same
** file twice adds nothing. The file is read one record at a time.
*/
#ifndef ECX_IMPORT_H
#define ECX_IMPORT_H

#include <stdint.h>
#include <stdio.h>
#include "../model/workspace.h"

typedef struct ImportOpts {
  const char *zFile;       /* input file */
  const char *zFormat;     /* qualtrics, limesurvey, csv, jsonl; NULL: detect */
  const char *zMapFile;    /* mapping file or NULL */
  const char *zSurvey;     /* survey code or NULL (mapping @survey, else file name) */
  const char *zRejects;    /* reject file or NULL (FILE.rejects.csv) */
  int skipBad;             /* store good rows, write bad ones to the reject file */
  int dryRun;              /* validate and report; store nothing */
  int progress;            /* draw a progress bar on pErr */
  FILE *pErr;              /* where row errors are reported (stderr) */
  int nShow;               /* how many row errors to print (20) */
  int exactFormat;         /* read as zFormat whatever the file looks like; also
                           ** accepts "qualtrics-legacy" (for tests and fuzzing) */
} ImportOpts;

typedef struct ImportResult {
  const char *zFormat;     /* format used; static string */
  char *zSurvey;           /* survey code; owned */
  char *zMapping;          /* the mapping used, in mapping-file syntax; owned */
  char *zRejects;          /* reject file written, or NULL; owned */
  int64_t nRead;           /* data records read */
  int64_t nNew;            /* responses stored */
  int64_t nDuplicate;      /* already present (same survey and source id) */
  int64_t nUnfinished;     /* skipped as unfinished */
  int64_t nRejected;       /* bad rows */
  double seconds;          /* time taken */
} ImportResult;

/* Run an import. pRes is filled also on ECX_EREJECTED; free its strings
** with import_result_free(). */
int import_run(Workspace *pWs, const ImportOpts *pOpts, ImportResult *pRes);
void import_result_free(ImportResult *pRes);

/* The format name for a file ("qualtrics", "qualtrics-legacy",
** "limesurvey", "csv" or "jsonl"), from its extension and first rows. */
int import_detect(const char *zFile, const char **pzFormat);

#endif
