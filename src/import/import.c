/*
** The import driver: picks the format, builds the column mapping, then
** streams the file through row_check/row_store inside one transaction,
** reporting bad rows as "FILE:LINE: column NAME (N): value "X": REASON".
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "import.h"
#include "format.h"
#include "csv.h"
#include "row.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../model/entity.h"

#define PRESCAN_ROWS 1000

static const struct { const char *zName; const ImpFormat *pFmt; } aFormat[] = {
  {"qualtrics", &fmt_qualtrics}, {"qualtrics-legacy", &fmt_qualtrics_legacy},
  {"limesurvey", &fmt_limesurvey}, {"csv", &fmt_csv}, {"jsonl", &fmt_jsonl},
};

static const ImpFormat *find_format(const char *zName){
  for(size_t i = 0; i < sizeof aFormat / sizeof aFormat[0]; i++){
    if( strcmp(aFormat[i].zName, zName)==0 ) return aFormat[i].pFmt;
  }
  return 0;
}

static double now_seconds(void){
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* The survey code a file gives by default: its base name, no extension. */
static char *default_survey(const char *zFile){
  const char *zBase = strrchr(zFile, '/');
  zBase = zBase ? zBase + 1 : zFile;
  const char *zDot = strrchr(zBase, '.');
  size_t n = zDot && zDot > zBase ? (size_t)(zDot - zBase) : strlen(zBase);
  return ecx_strndup(zBase, n);
}

/* Build the mapping: format header, mapping file, then inference from a
** prescan for whatever is still unset. *pnHeader: header records. */
static int build_mapping(const ImpFormat *pFmt, const ImportOpts *o, const MapFile *pFile,
                         Mapping *pMap, int *pnHeader){
  ImpSource *pSrc;
  int rc = src_open(o->zFile, pFmt->isJsonl, &pSrc);
  if( rc ) return rc;
  rc = pFmt->xHeader(pSrc, o->zFile, pMap, pnHeader);
  if( rc==ECX_OK && pFile ) rc = map_apply(pMap, pFile);
  int nUnset = 0;
  for(int i = 0; rc==ECX_OK && i < pMap->nCol; i++) nUnset += pMap->aCol[i].role==ROLE_UNSET;
  if( rc==ECX_OK && nUnset ){
    ColStat *aStat = ecx_calloc((size_t)pMap->nCol, sizeof *aStat);
    ImpRecord r;
    int have = 1;
    for(int n = 0; n < PRESCAN_ROWS && have; n++){
      rc = src_next(pSrc, &r, &have);
      if( rc ) break;
      if( !have ) break;
      if( r.zError ) continue;
      for(int i = 0; i < r.nField && i < pMap->nCol; i++) map_stat_add(&aStat[i], r.azField[i]);
    }
    /* A CSV error here is reported again, with its line, by the main pass. */
    if( rc!=ECX_EIO ) rc = ECX_OK;
    map_infer(pMap, aStat, pFmt->numericAsChoice);
    free(aStat);
  }
  src_close(pSrc);
  return rc;
}

/* Append a value for a message: about 60 bytes; control bytes, quotes and
** (when the value is not valid UTF-8) every non-ASCII byte as \xNN. */
static void put_value(Buf *b, const char *z, size_t n){
  int utf8 = csv_utf8_valid(z, n);
  size_t i = 0;
  for(; i < n && (i < 60 || ((unsigned char)z[i] & 0xC0)==0x80); i++){
    unsigned char c = (unsigned char)z[i];
    if( c < 0x20 || c==0x7f || c=='"' || c=='\\' || (c >= 0x80 && !utf8) ){
      buf_printf(b, "\\x%02x", c);
    }else{
      buf_putc(b, (char)c);
    }
  }
  if( i < n ) buf_puts(b, "...");
}

/* State of one run. */
typedef struct Run {
  const ImportOpts *o;
  ImportResult *pRes;
  Mapping map;
  FILE *pRej;              /* reject file, or NULL */
  Buf msg;                 /* reusable message/reject line */
  int64_t fileSize;
  double t0, tLast;
  int progressShown;
} Run;

static void progress_clear(Run *p){
  if( p->progressShown ){ fputs("\r\033[K", p->o->pErr); p->progressShown = 0; }
}

static void progress(Run *p, int64_t offset){
  double t = now_seconds();
  if( t - p->tLast < 0.2 ) return;
  p->tLast = t;
  double pct = p->fileSize > 0 ? 100.0 * (double)offset / (double)p->fileSize : 0;
  double rate = (double)p->pRes->nRead / (t - p->t0 > 0 ? t - p->t0 : 1);
  fprintf(p->o->pErr, "\r\033[K%5.1f%%  %.1f/%.1f MB  %.0f %s", pct, (double)offset / 1e6,
          (double)p->fileSize / 1e6, rate, _("rows/s"));
  fflush(p->o->pErr);
  p->progressShown = 1;
}

/* Report a bad row on pErr (the first nShow) and in the reject file. */
static int report_bad(Run *p, const ImpRecord *r, int iCol, const char *zReason){
  const ImportOpts *o = p->o;
  Buf *b = &p->msg;
  if( p->pRes->nRejected <= o->nShow ){
    buf_reset(b);
    buf_printf(b, "%s:%d: ", o->zFile, r->line);
    if( iCol >= 0 ){
      const char *zName = iCol < p->map.nCol ? p->map.aCol[iCol].zName : "";
      if( zName[0] ) buf_printf(b, _("column %s (%d): value \""), zName, iCol + 1);
      else buf_printf(b, _("column (%d): value \""), iCol + 1);
      if( iCol < r->nField ) put_value(b, r->azField[iCol], r->anLen[iCol]);
      buf_puts(b, "\": ");
    }
    buf_printf(b, "%s\n", zReason);
    progress_clear(p);
    fputs(buf_str(b), o->pErr);
  }
  if( !p->pRej ) return ECX_OK;
  buf_reset(b);
  for(int i = 0; i < r->nField; i++) buf_printf(b, "%q,", r->azField[i]);
  buf_printf(b, "%d,%q\n", r->line, zReason);
  if( fwrite(b->z, 1, b->n, p->pRej)!=b->n ){
    return err_set(ECX_EIO, _("cannot write %s: %s"), p->pRes->zRejects, strerror(errno));
  }
  return ECX_OK;
}

static int open_rejects(Run *p){
  const ImportOpts *o = p->o;
  ImportResult *pRes = p->pRes;
  if( o->zRejects ){
    pRes->zRejects = ecx_strdup(o->zRejects);
  }else{
    Buf b;
    buf_init(&b, 0);
    buf_printf(&b, "%s.rejects.csv", o->zFile);
    pRes->zRejects = buf_take(&b);
  }
  p->pRej = fopen(pRes->zRejects, "w");
  if( !p->pRej ) return err_set(ECX_EIO, _("cannot write reject file %s: %s"), pRes->zRejects, strerror(errno));
  Buf *b = &p->msg;
  buf_reset(b);
  for(int i = 0; i < p->map.nCol; i++) buf_printf(b, "%q,", p->map.aCol[i].zName);
  buf_puts(b, "line,reason\n");
  fwrite(b->z, 1, b->n, p->pRej);
  return ECX_OK;
}

/* The main pass: every data record, checked and (while no error forbids
** it) stored. */
static int main_pass(Run *p, const ImpFormat *pFmt, RowCtx *pRow, int nHeader){
  const ImportOpts *o = p->o;
  ImportResult *pRes = p->pRes;
  ImpSource *pSrc;
  int rc = src_open(o->zFile, pFmt->isJsonl, &pSrc);
  if( rc ) return rc;
  ImpRecord r;
  int have = 1;
  for(int i = 0; i < nHeader && rc==ECX_OK && have; i++) rc = src_next(pSrc, &r, &have);
  while( rc==ECX_OK ){
    rc = src_next(pSrc, &r, &have);
    if( rc || !have ) break;
    pRes->nRead++;
    if( o->progress && (pRes->nRead & 1023)==0 ) progress(p, src_offset(pSrc));
    if( row_unfinished(pRow, &r) ){ pRes->nUnfinished++; continue; }
    int iCol;
    const char *zReason;
    if( row_check(pRow, &r, &iCol, &zReason) ){
      pRes->nRejected++;
      rc = report_bad(p, &r, iCol, zReason);
      continue;
    }
    if( pRes->nRejected && !o->skipBad ) continue;   /* validate only from here on */
    int line = r.line;
    rc = row_store(pRow, &r, &line);
    if( rc ) rc = err_set(rc, "%s:%d: %s", o->zFile, line, err_detail());
  }
  if( rc==ECX_OK && !(pRes->nRejected && !o->skipBad) ){   /* else all is rolled back */
    int line = 0;
    rc = row_flush(pRow, &line);
    if( rc && line ) rc = err_set(rc, "%s:%d: %s", o->zFile, line, err_detail());
    else if( rc ) rc = err_set(rc, "%s: %s", o->zFile, err_detail());
  }
  row_counts(pRow, &pRes->nNew, &pRes->nDuplicate);
  progress_clear(p);
  src_close(pSrc);
  return rc;
}

static int write_log(Workspace *pWs, const Run *p, int64_t surveyId, int64_t started){
  Stmt *s;
  int rc = db_cached(pWs->pDb, &s, "INSERT INTO import_log(file, format, survey_id, started,"
                     " rows_read, rows_stored, rows_duplicate, rows_rejected)"
                     " VALUES(?1,?2,?3,?4,?5,?6,?7,?8)");
  if( rc ) return rc;
  const ImportResult *r = p->pRes;
  db_bind_text(s, 1, p->o->zFile, -1);
  db_bind_text(s, 2, r->zFormat, -1);
  db_bind_int(s, 3, surveyId);
  db_bind_int(s, 4, started);
  db_bind_int(s, 5, r->nRead);
  db_bind_int(s, 6, r->nNew);
  db_bind_int(s, 7, r->nDuplicate);
  db_bind_int(s, 8, r->nRejected);
  rc = db_step(s);
  db_reset(s);
  return rc==DB_DONE ? ECX_OK : rc;
}

/* Everything that needs no database: format, mapping, reject file. */
static int setup(Run *p, const ImpFormat **ppFmt, int *pnHeader){
  const ImportOpts *o = p->o;
  if( o->zFormat && (!find_format(o->zFormat)
                     || (!o->exactFormat && strcmp(o->zFormat, "qualtrics-legacy")==0)) ){
    return err_set(ECX_EUSAGE, _("unknown format \"%s\" (formats: qualtrics, limesurvey, csv, jsonl)"),
                   o->zFormat);
  }
  struct stat st;
  if( stat(o->zFile, &st)!=0 || access(o->zFile, R_OK)!=0 ){
    return err_set(ECX_EIO, _("cannot open %s: %s"), o->zFile, strerror(errno));
  }
  if( S_ISDIR(st.st_mode) ) return err_set(ECX_EIO, _("%s is a directory"), o->zFile);
  p->fileSize = (int64_t)st.st_size;
  const char *zName = o->zFormat;
  const char *zDetected = 0;
  int rc = import_detect(o->zFile, &zDetected);
  if( rc ) return rc;
  if( !zName ) zName = zDetected;
  else if( !o->exactFormat && strcmp(zName, "qualtrics")==0 && strcmp(zDetected, "qualtrics-legacy")==0 ){
    zName = zDetected;
  }
  *ppFmt = find_format(zName);
  if( !*ppFmt ) return err_set(ECX_EUSAGE, _("unknown format \"%s\" (formats: qualtrics, limesurvey, csv, jsonl)"), zName);
  p->pRes->zFormat = (*ppFmt)->zName;
  MapFile mf;
  int haveFile = o->zMapFile!=0;
  if( haveFile ){
    rc = map_file_load(o->zMapFile, &mf);
    if( rc ){ map_file_free(&mf); return rc; }
  }
  rc = build_mapping(*ppFmt, o, haveFile ? &mf : 0, &p->map, pnHeader);
  if( haveFile ) map_file_free(&mf);
  if( rc ) return rc;
  if( o->zSurvey ){ free(p->map.k.zSurvey); p->map.k.zSurvey = ecx_strdup(o->zSurvey); }
  if( !p->map.k.zSurvey ) p->map.k.zSurvey = default_survey(o->zFile);
  p->pRes->zSurvey = ecx_strdup(p->map.k.zSurvey);
  Buf b;
  buf_init(&b, 0);
  map_print(&p->map, &b);
  p->pRes->zMapping = buf_take(&b);
  if( o->skipBad && !o->dryRun ) return open_rejects(p);
  return ECX_OK;
}

int import_run(Workspace *pWs, const ImportOpts *o, ImportResult *pRes){
  Run run = {0};
  run.o = o;
  run.pRes = pRes;
  memset(pRes, 0, sizeof *pRes);
  buf_init(&run.msg, 1u << 20);
  run.t0 = run.tLast = now_seconds();
  int64_t started = (int64_t)time(0);
  const ImpFormat *pFmt = 0;
  int nHeader = 0;
  RowCtx *pRow = 0;
  int inTxn = 0, bulk = 0;
  int rc = setup(&run, &pFmt, &nHeader);
  if( rc ) goto out;
  rc = db_bulk(pWs->pDb, 1);
  if( rc ) goto out;
  bulk = 1;
  rc = db_begin(pWs->pDb);
  if( rc ) goto out;
  inTxn = 1;
  int64_t surveyId = 0;
  rc = survey_ensure(pWs, run.map.k.zSurvey, run.map.k.zKind, &surveyId);
  if( rc==ECX_OK ) rc = row_prepare(pWs, &run.map, surveyId, started, &pRow);
  if( rc==ECX_OK ) rc = main_pass(&run, pFmt, pRow, nHeader);
  if( rc ) goto out;
  if( pRes->nRejected && !o->skipBad ){
    rc = err_set(ECX_EREJECTED, _("%lld bad rows in %s (fix them, or use --skip-bad "
                 "to store the good rows)"),
                 (long long)pRes->nRejected, o->zFile);
    goto out;
  }
  if( o->dryRun ) goto out;
  rc = write_log(pWs, &run, surveyId, started);
  if( rc==ECX_OK ) rc = db_commit(pWs->pDb);
  if( rc==ECX_OK ) inTxn = 0;
out:
  if( inTxn ) db_rollback(pWs->pDb);
  if( bulk ) db_bulk(pWs->pDb, 0);
  row_free(pRow);
  if( run.pRej ){
    if( fclose(run.pRej)!=0 && rc==ECX_OK ) rc = err_set(ECX_EIO, _("cannot write %s"), pRes->zRejects);
    if( pRes->nRejected==0 || rc ){
      remove(pRes->zRejects);
      free(pRes->zRejects);
      pRes->zRejects = 0;
    }
  }
  map_free(&run.map);
  buf_free(&run.msg);
  pRes->seconds = now_seconds() - run.t0;
  return rc;
}

void import_result_free(ImportResult *pRes){
  free(pRes->zSurvey);
  free(pRes->zMapping);
  free(pRes->zRejects);
  memset(pRes, 0, sizeof *pRes);
}
