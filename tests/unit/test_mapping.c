/*
** Tests of import mappings: the mapping-file parser and its errors, and
** role inference from header keywords and prescan statistics.
*/
#include <string.h>

#include "test.h"
#include "../../src/base/err.h"
#include "../../src/import/mapping.h"

TEST(mapping_file_parses_roles_and_directives){
  MapFile f;
  const char *z =
    "# survey of shops\n"
    "@survey tiendas\n@kind transactional\n@touchpoint Tienda\n"
    "P1 = nps\n"
    "P2 = rating 1-5 Atención al cliente   # the staff\n"
    "Edad = attribute Edad\n"
    "Duration (in seconds) = ignore\n";
  CHECK_INT(map_file_parse("m.map", z, &f), ECX_OK);
  CHECK_INT(f.nRule, 4);
  CHECK_STR(f.k.zSurvey, "tiendas");
  CHECK_STR(f.k.zKind, "transactional");
  CHECK_STR(f.k.zTouchpoint, "Tienda");
  CHECK_INT(f.aRule[0].role, ROLE_NPS);
  CHECK_INT(f.aRule[1].role, ROLE_RATING);
  CHECK_INT(f.aRule[1].scaleMin, 1);
  CHECK_INT(f.aRule[1].scaleMax, 5);
  CHECK_STR(f.aRule[1].zArg, "Atención al cliente");
  CHECK_INT(f.aRule[1].line, 6);
  CHECK_STR(f.aRule[3].zCol, "Duration (in seconds)");
  map_file_free(&f);
}

static void expect_error(const char *zText, const char *zMsg){
  MapFile f;
  int rc = map_file_parse("m.map", zText, &f);
  if( rc!=ECX_EINVAL || !strstr(err_detail(), zMsg) ){
    test_fail(__FILE__, __LINE__, "\"%s\": rc %d, detail \"%s\", expected \"%s\"",
              zText, rc, err_detail(), zMsg);
  }
  map_file_free(&f);
}

TEST(mapping_file_errors_name_file_and_line){
  expect_error("a = nps\nb = score\n", "m.map:2: unknown role \"score\"");
  expect_error("a = rating 1-7 X\n", "m.map:1: rating needs a scale");
  expect_error("a = rating 0-10\n", "m.map:1: rating needs a dimension");
  expect_error("\n\na nps\n", "m.map:3: expected \"COLUMN = ROLE\"");
  expect_error("a = nps extra\n", "m.map:1: role nps takes no arguments");
  expect_error("@kind weekly\n", "m.map:1: @kind must be");
  expect_error("@colour red\n", "m.map:1: unknown directive");
  expect_error("@survey\n", "m.map:1: @survey needs a value");
}

TEST(mapping_apply_refuses_unknown_columns_and_personal_data){
  const char *az[] = {"id", "IPAddress", "P1"};
  Mapping m;
  map_init(&m, 3, az);
  m.aCol[1].locked = 1;
  MapFile f;
  CHECK_INT(map_file_parse("m.map", "P9 = nps\n", &f), ECX_OK);
  CHECK_INT(map_apply(&m, &f), ECX_EINVAL);
  CHECK(strstr(err_detail(), "m.map:1: the input has no column \"P9\"")!=0);
  map_file_free(&f);
  CHECK_INT(map_file_parse("m.map", "p1 = csat\nIPAddress = text\n", &f), ECX_OK);
  CHECK_INT(map_apply(&m, &f), ECX_EINVAL);
  CHECK(strstr(err_detail(), "personal data")!=0);
  CHECK_INT(m.aCol[2].role, ROLE_CSAT);   /* case-insensitive column match */
  map_file_free(&f);
  map_free(&m);
}

TEST(mapping_infers_roles_from_keywords_and_values){
  const char *az[] = {"ResponseId", "Fecha", "Canal", "Región", "¿Recomendaría?",
                      "Satisfacción", "Esfuerzo", "P7", "P8", "Comentario", "Motivo",
                      "Vacía", "Edad", "Por qué recomienda"};
  enum { N = 14 };
  const char *azRow[][N] = {
    {"R1", "2024-01-02", "web", "Norte", "9", "4", "2", "3", "10", "Muy buen trato del personal", "precio", "", "34", "porque sí"},
    {"R2", "05/01/2024", "tienda", "Sur", "0", "5", "7", "1", "0", "Nada que decir", "calidad", "", "51", "buen precio"},
  };
  ColStat aStat[N];
  memset(aStat, 0, sizeof aStat);
  for(int r = 0; r < 2; r++) for(int i = 0; i < N; i++) map_stat_add(&aStat[i], azRow[r][i]);
  Mapping m;
  map_init(&m, N, az);
  map_infer(&m, aStat, 0);
  CHECK_INT(m.aCol[0].role, ROLE_ID);
  CHECK_INT(m.aCol[1].role, ROLE_DATE);
  CHECK_INT(m.aCol[2].role, ROLE_CHANNEL);
  CHECK_INT(m.aCol[3].role, ROLE_ATTRIBUTE);
  CHECK_STR(m.aCol[3].zArg, "Región");
  CHECK_INT(m.aCol[4].role, ROLE_NPS);
  CHECK_INT(m.aCol[5].role, ROLE_CSAT);
  CHECK_INT(m.aCol[6].role, ROLE_CES);
  CHECK_INT(m.aCol[7].role, ROLE_RATING);   /* 1..3 fits 1-5 */
  CHECK_INT(m.aCol[7].scaleMax, 5);
  CHECK_INT(m.aCol[8].role, ROLE_RATING);   /* 0..10 */
  CHECK_INT(m.aCol[8].scaleMin, 0);
  CHECK_INT(m.aCol[9].role, ROLE_TEXT);
  CHECK_INT(m.aCol[10].role, ROLE_CHOICE);
  CHECK_INT(m.aCol[11].role, ROLE_IGNORE);
  CHECK_INT(m.aCol[12].role, ROLE_ATTRIBUTE);
  CHECK_INT(m.aCol[13].role, ROLE_TEXT);    /* "recomienda" but free text */
  Buf b;
  buf_init(&b, 0);
  CHECK_INT(map_print(&m, &b), ECX_OK);
  CHECK(strstr(buf_str(&b), "P7 = rating 1-5 P7\n")!=0);
  CHECK(strstr(buf_str(&b), "Región = attribute Región\n")!=0);
  /* The printed mapping parses back to the same roles. */
  MapFile f;
  CHECK_INT(map_file_parse("out.map", buf_str(&b), &f), ECX_OK);
  CHECK_INT(f.nRule, N);
  CHECK_INT(f.aRule[8].role, ROLE_RATING);
  map_file_free(&f);
  buf_free(&b);
  map_free(&m);
}

TEST(mapping_numeric_codes_as_choices_for_qualtrics){
  const char *az[] = {"Q1"};
  ColStat s = {0};
  map_stat_add(&s, "2");
  map_stat_add(&s, "4");
  Mapping m;
  map_init(&m, 1, az);
  map_infer(&m, &s, 1);
  CHECK_INT(m.aCol[0].role, ROLE_CHOICE);
  map_free(&m);
}
