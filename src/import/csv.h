/*
** A streaming RFC 4180 CSV reader.
**
** Reads one record at a time from a file (or a memory block, for tests)
** through a fixed 64 KiB buffer, so memory does not grow with file size.
** Handles UTF-8 with an optional byte-order mark, a comma or semicolon
** delimiter detected from the header line, quoted fields with embedded
** newlines and doubled quotes, CRLF or LF line ends, and blank lines
** (skipped). Each record remembers the physical line where it starts.
** Fields and records are bounded (CSV_MAX_FIELD, CSV_MAX_RECORD); a larger
** one gives ECX_ETOOBIG with "FILE:LINE: ..." in err_detail().
*/
#ifndef ECX_CSV_H
#define ECX_CSV_H

#include <stddef.h>
#include <stdint.h>

#define CSV_MAX_FIELD   (1u << 20)   /* 1 MiB per field */
#define CSV_MAX_RECORD  (8u << 20)   /* 8 MiB per record */
#define CSV_MAX_COLUMNS 4096

typedef struct CsvReader CsvReader;

/* Open a file. *pp is freed with csv_close(). ECX_EIO if it cannot be read. */
int csv_open(const char *zPath, CsvReader **pp);
/* Read from n bytes at z (not copied: keep them alive until csv_close).
** zName names the input in error messages. */
int csv_open_mem(const char *zName, const char *z, size_t n, CsvReader **pp);
void csv_close(CsvReader *p);

/* Read the next record. *pHave is 1 when a record is ready, 0 at the end.
** Returns ECX_ETOOBIG for an oversize field/record, ECX_EFORMAT for an
** unterminated quoted field or too many columns, ECX_EIO on a read error. */
int csv_next(CsvReader *p, int *pHave);

/* The current record's fields: number, texts (NUL-terminated, owned by
** the reader, valid until the next csv_next) and byte lengths. */
int csv_nfield(const CsvReader *p);
const char *const *csv_fields(const CsvReader *p);
const size_t *csv_lengths(const CsvReader *p);
/* Physical line (1-based) where the current record starts. */
int csv_line(const CsvReader *p);
/* The record's raw text as in the file, without its line end. Owned by the
** reader, valid until the next csv_next. */
const char *csv_raw(const CsvReader *p, size_t *pn);
/* Bytes consumed from the input so far. */
int64_t csv_offset(const CsvReader *p);
/* The delimiter in use (',' or ';'), known after the first csv_next. */
char csv_delim(const CsvReader *p);

/* 1 if z[0..n) is well-formed UTF-8 (no overlongs, surrogates, NULs). */
int csv_utf8_valid(const char *z, size_t n);
/* 64-bit FNV-1a hash of n bytes. */
uint64_t csv_fnv64(const char *z, size_t n);

#endif
