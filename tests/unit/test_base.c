/*
** Tests of the base layer: bounded buffers and escaping, strict parsing,
** calendar arithmetic, error table.
*/
#include <string.h>
#include <stdlib.h>

#include "test.h"
#include "../../src/base/buf.h"
#include "../../src/base/err.h"
#include "../../src/base/util.h"
#include "../../src/base/strmap.h"
#include <stdio.h>

TEST(buf_escapes_html_json_csv_url){
  Buf b;
  buf_init(&b, 0);
  buf_printf(&b, "%h|%j|%q|%U", "<a href=\"x\">'&'</a>", "say \"hi\"\n<", "a,b\"c", "a b&c/ñ");
  CHECK_STR(buf_str(&b),
    "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;|"
    "\"say \\\"hi\\\"\\n\\u003c\"|"
    "\"a,b\"\"c\"|"
    "a%20b%26c%2F%C3%B1");
  buf_free(&b);
}

TEST(buf_formats_numbers_with_a_point){
  Buf b;
  buf_init(&b, 0);
  buf_printf(&b, "%d %lld %zu %.2f %s %%", -7, (long long)1234567890123LL, (size_t)42, 3.14159, "raw");
  CHECK_STR(buf_str(&b), "-7 1234567890123 42 3.14 raw %");
  buf_free(&b);
}

TEST(buf_refuses_past_its_maximum){
  Buf b;
  buf_init(&b, 8);
  CHECK_INT(buf_puts(&b, "12345678"), ECX_OK);
  CHECK_INT(buf_puts(&b, "9"), ECX_ETOOBIG);
  CHECK_STR(buf_str(&b), "12345678");
  char *z = buf_take(&b);
  CHECK_STR(z, "12345678");
  free(z);
  CHECK_STR(buf_str(&b), "");
}

TEST(util_parse_int_is_strict){
  int64_t v = 0;
  CHECK_INT(util_parse_int(" 42 ", &v), ECX_OK);
  CHECK_INT(v, 42);
  CHECK_INT(util_parse_int("-3", &v), ECX_OK);
  CHECK_INT(v, -3);
  CHECK(util_parse_int("4x", &v)!=ECX_OK);
  CHECK(util_parse_int("", &v)!=ECX_OK);
  CHECK(util_parse_int("99999999999999999999", &v)!=ECX_OK);
  CHECK(util_parse_int("4.5", &v)!=ECX_OK);
}

TEST(util_parse_double_accepts_comma_decimal){
  double d = 0;
  CHECK_INT(util_parse_double("4,5", &d), ECX_OK);
  CHECK_NEAR(d, 4.5, 1e-12);
  CHECK_INT(util_parse_double("-0.25", &d), ECX_OK);
  CHECK_NEAR(d, -0.25, 1e-12);
  CHECK(util_parse_double("1,000.5", &d)!=ECX_OK);
  CHECK(util_parse_double("nan", &d)!=ECX_OK);
  CHECK(util_parse_double("abc", &d)!=ECX_OK);
}

TEST(util_calendar_round_trips){
  /* 2000-03-01 is day 11017 (30 years of 365 days + 7 leap days + 59 + 1). */
  CHECK_INT(util_days_from_civil(1970, 1, 1), 0);
  CHECK_INT(util_days_from_civil(2000, 3, 1), 11017);
  for(int64_t d = -800; d < 30000; d += 37){
    int y, m, dd;
    util_civil_from_days(d, &y, &m, &dd);
    CHECK_INT(util_days_from_civil(y, m, dd), d);
  }
}

TEST(util_parse_time_formats){
  int64_t ts = 0;
  /* 2017-07-18 08:28:09 UTC: day 17365 (checked with `date -ud`). */
  CHECK_INT(util_parse_time("2017-07-18 08:28:09", &ts), ECX_OK);
  CHECK_INT(ts, 17365LL*86400 + 8*3600 + 28*60 + 9);
  CHECK_INT(util_parse_time("2017-07-18T10:28:09+02:00", &ts), ECX_OK);
  CHECK_INT(ts, 17365LL*86400 + 8*3600 + 28*60 + 9);
  CHECK_INT(util_parse_time("18/07/2017", &ts), ECX_OK);
  CHECK_INT(ts, 17365LL*86400);
  CHECK_INT(util_parse_time("2017-07-18T08:28:09.123Z", &ts), ECX_OK);
  CHECK_INT(ts, 17365LL*86400 + 8*3600 + 28*60 + 9);
  CHECK(util_parse_time("2017-02-30", &ts)!=ECX_OK);
  CHECK(util_parse_time("2017-13-01", &ts)!=ECX_OK);
  CHECK(util_parse_time("yesterday", &ts)!=ECX_OK);
  CHECK(util_parse_time("2017-07-18 25:00", &ts)!=ECX_OK);
  char a[32];
  CHECK_STR(util_fmt_time(a, sizeof a, 17365LL*86400 + 8*3600 + 28*60 + 9), "2017-07-18T08:28:09Z");
}

TEST(err_table_is_complete){
  for(int rc = 0; rc < ECX_NERR; rc++){
    CHECK(err_name(rc)[0]!=0);
    CHECK(err_message(rc)[0]!=0);
    CHECK(err_http_status(rc) >= 200);
  }
  CHECK_INT(err_exit_code(ECX_OK), 0);
  CHECK_INT(err_http_status(ECX_ETOOBIG), 413);
}

TEST(util_parse_time_unix_range){
  /* Found by fuzz_time: Unix seconds past year 9999 were accepted but could
  ** not be written back as a date. 253402300799 is 9999-12-31T23:59:59Z. */
  int64_t ts;
  char a[32];
  CHECK_INT(util_parse_time("2016722516500", &ts), ECX_EINVAL);
  CHECK_INT(util_parse_time("253402300799", &ts), ECX_OK);
  CHECK_STR(util_fmt_time(a, sizeof a, ts), "9999-12-31T23:59:59Z");
  CHECK_INT(util_parse_time("253402300800", &ts), ECX_EINVAL);
  /* Also found by fuzz_time: an offset that moves a date of year 0000 into
  ** year -1, or one of 9999 into 10000. */
  CHECK_INT(util_parse_time("1/1/0000T0:30+05:00", &ts), ECX_EINVAL);
  CHECK_INT(util_parse_time("9999-12-31T23:30:00-05:00", &ts), ECX_EINVAL);
  CHECK_INT(util_parse_time("0000-01-01T10:00:00+05:00", &ts), ECX_OK);
  CHECK_STR(util_fmt_time(a, sizeof a, ts), "0000-01-01T05:00:00Z");
}

TEST(strmap_put_get_bound){
  StrMap m;
  int64_t v = 0;
  int i;
  char z[32];
  strmap_init(&m, 100);
  CHECK(!strmap_get(&m, "a", &v));
  for(i=0; i<100; i++){ snprintf(z, sizeof z, "k%d", i); CHECK(strmap_put(&m, z, i*7)); }
  CHECK(!strmap_put(&m, "one too many", 1));      /* bounded */
  CHECK(strmap_put(&m, "k5", 99));               /* replacing is always allowed */
  for(i=0; i<100; i++){
    snprintf(z, sizeof z, "k%d", i);
    CHECK(strmap_get(&m, z, &v));
    CHECK_INT(v, i==5 ? 99 : i*7);
  }
  CHECK(!strmap_get(&m, "one too many", &v));
  strmap_free(&m);
}
