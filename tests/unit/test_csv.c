/*
** Tests of the streaming CSV reader: quoting, embedded newlines, CRLF, BOM,
** delimiter detection, physical line numbers, size limits, UTF-8 checks.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "../../src/base/err.h"
#include "../../src/import/csv.h"

/* Read every record of z into a "|"-joined, "/"-separated string with the
** start line of each record: "1:a|b/2:c|d". */
static int read_all(const char *z, char *zOut, size_t nOut){
  CsvReader *p;
  csv_open_mem("t.csv", z, strlen(z), &p);
  int have, rc;
  size_t n = 0;
  zOut[0] = 0;
  while( (rc = csv_next(p, &have))==ECX_OK && have ){
    n += (size_t)snprintf(zOut + n, nOut - n, "%s%d:", n ? "/" : "", csv_line(p));
    for(int i = 0; i < csv_nfield(p); i++){
      n += (size_t)snprintf(zOut + n, nOut - n, "%s%s", i ? "|" : "", csv_fields(p)[i]);
    }
  }
  csv_close(p);
  return rc;
}

TEST(csv_plain_and_quoted_fields){
  char a[512];
  CHECK_INT(read_all("a,b,c\n1,\"x,y\",\"say \"\"hi\"\"\"\n", a, sizeof a), ECX_OK);
  CHECK_STR(a, "1:a|b|c/2:1|x,y|say \"hi\"");
}

TEST(csv_embedded_newlines_keep_physical_line_numbers){
  char a[512];
  CHECK_INT(read_all("h1,h2\n1,\"two\nlines\"\n2,\"three\r\nline\nfield\"\n3,x", a, sizeof a), ECX_OK);
  /* Record 2 starts on line 2 and spans 2 lines; record 3 starts on line 4
  ** and spans 3 lines; the last record (no final newline) is on line 7. */
  CHECK_STR(a, "1:h1|h2/2:1|two\nlines/4:2|three\r\nline\nfield/7:3|x");
}

TEST(csv_crlf_bom_blank_lines_and_empty_fields){
  char a[512];
  CHECK_INT(read_all("\xEF\xBB\xBFid,v\r\n\r\n1,\r\n,2\r\n", a, sizeof a), ECX_OK);
  CHECK_STR(a, "1:id|v/3:1|/4:|2");
}

TEST(csv_semicolon_detected_from_header){
  CsvReader *p;
  const char *z = "id;nota;texto\n1;7,5;\"a;b\"\n";
  csv_open_mem("t.csv", z, strlen(z), &p);
  int have;
  CHECK_INT(csv_next(p, &have), ECX_OK);
  CHECK_INT(csv_delim(p), ';');
  CHECK_INT(csv_nfield(p), 3);
  CHECK_INT(csv_next(p, &have), ECX_OK);
  CHECK_INT(have, 1);
  CHECK_STR(csv_fields(p)[1], "7,5");
  CHECK_STR(csv_fields(p)[2], "a;b");
  size_t n;
  const char *zRaw = csv_raw(p, &n);
  CHECK_INT(n, 11);
  CHECK(memcmp(zRaw, "1;7,5;\"a;b\"", 11)==0);
  CHECK_INT(csv_next(p, &have), ECX_OK);
  CHECK_INT(have, 0);
  csv_close(p);
}

TEST(csv_comma_wins_when_header_has_more_commas){
  CsvReader *p;
  const char *z = "a,b;c,d\n";
  csv_open_mem("t.csv", z, strlen(z), &p);
  int have;
  csv_next(p, &have);
  CHECK_INT(csv_delim(p), ',');
  CHECK_INT(csv_nfield(p), 3);
  csv_close(p);
}

TEST(csv_unterminated_quote_names_the_line){
  char a[512];
  CHECK_INT(read_all("a,b\n1,2\n3,\"open\nstill open\n", a, sizeof a), ECX_EFORMAT);
  CHECK(strstr(err_detail(), "t.csv:3:")!=0);
}

TEST(csv_oversize_field_is_refused_with_its_line){
  size_t n = CSV_MAX_FIELD + 100;
  char *z = malloc(n + 20);
  memcpy(z, "a,b\nx,", 6);
  memset(z + 6, 'y', n);
  memcpy(z + 6 + n, "\n", 2);
  CsvReader *p;
  csv_open_mem("big.csv", z, strlen(z), &p);
  int have;
  CHECK_INT(csv_next(p, &have), ECX_OK);
  CHECK_INT(csv_next(p, &have), ECX_ETOOBIG);
  CHECK(strstr(err_detail(), "big.csv:2: field 2")!=0);
  csv_close(p);
  free(z);
}

TEST(csv_reads_a_file_across_buffer_refills){
  char *zPath = test_tmp_path(".csv");
  FILE *f = fopen(zPath, "wb");
  fputs("id,text\n", f);
  /* 5000 records of ~40 bytes cross the 64 KiB buffer several times; every
  ** 100th record has a quoted field with a newline (one extra line). */
  for(int i = 1; i <= 5000; i++){
    if( i % 100==0 ) fprintf(f, "%d,\"line one\nline two %d\"\n", i, i);
    else fprintf(f, "%d,plain text number %d padding....\n", i, i);
  }
  fclose(f);
  CsvReader *p;
  CHECK_INT(csv_open(zPath, &p), ECX_OK);
  int have, n = 0, lastLine = 0, ok = 1;
  csv_next(p, &have);
  while( csv_next(p, &have)==ECX_OK && have ){
    n++;
    /* Record i starts on line 1 + i + (number of multi-line records before it). */
    int expect = 1 + n + (n - 1) / 100;
    if( csv_line(p)!=expect || strtol(csv_fields(p)[0], 0, 10)!=n ) ok = 0;
    lastLine = csv_line(p);
  }
  CHECK_INT(n, 5000);
  CHECK(ok);
  CHECK_INT(lastLine, 1 + 5000 + 49);
  CHECK(csv_offset(p) > 65536);
  csv_close(p);
  remove(zPath);
  free(zPath);
}

TEST(csv_missing_file_is_an_io_error){
  CsvReader *p;
  CHECK_INT(csv_open("/nonexistent/dir/x.csv", &p), ECX_EIO);
  CHECK(strstr(err_detail(), "/nonexistent/dir/x.csv")!=0);
}

TEST(csv_utf8_validation){
  CHECK(csv_utf8_valid("Atenci\xC3\xB3n", 9));
  CHECK(csv_utf8_valid("\xE2\x82\xAC \xF0\x9F\x98\x80", 8));
  CHECK(!csv_utf8_valid("caf\xE9", 4));            /* Latin-1 é */
  CHECK(!csv_utf8_valid("\xC0\xAF", 2));           /* overlong '/' */
  CHECK(!csv_utf8_valid("\xED\xA0\x80", 3));       /* surrogate */
  CHECK(!csv_utf8_valid("\xE2\x82", 2));           /* truncated */
  CHECK(!csv_utf8_valid("a\0b", 3));
}

TEST(csv_fnv64_known_values){
  /* FNV-1a 64 reference values (Fowler/Noll/Vo test vectors):
  ** "" -> cbf29ce484222325, "a" -> af63dc4c8601ec8c, "foobar" -> 85944171f73967e8. */
  CHECK(csv_fnv64("", 0)==0xcbf29ce484222325ull);
  CHECK(csv_fnv64("a", 1)==0xaf63dc4c8601ec8cull);
  CHECK(csv_fnv64("foobar", 6)==0x85944171f73967e8ull);
}
