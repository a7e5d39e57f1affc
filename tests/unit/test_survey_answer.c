/*
** Unit tests for survey_answer_check (src/model/survey_answer.c): scales,
** choices, multi joining in choice order, required, lengths.
*/
#include <string.h>
#include "test.h"
#include "../../src/base/err.h"
#include "../../src/model/survey_def.h"

static int check(Arena *pA, const SurveyQuestion *q, int n, const char *const *az, AnswerRec *r, int *pHas){
  int rc = survey_answer_check(pA, q, n, az, r, pHas);
  err_clear();
  return rc;
}

TEST(survey_answer_scales){
  Arena a;
  AnswerRec r;
  int has;
  SurveyQuestion q;
  memset(&q, 0, sizeof q);
  arena_init(&a, 1u<<20);
  q.id = 7; q.type = Q_NPS; q.scaleMin = 0; q.scaleMax = 10; q.required = 1;
  const char *az0[] = {"0"}, *az10[] = {"10"}, *az11[] = {"11"}, *azx[] = {"9.5"}, *azE[] = {""};
  CHECK_INT(check(&a, &q, 1, az0, &r, &has), ECX_OK);
  CHECK(has && r.hasNum && r.num==0 && r.questionId==7);
  CHECK_INT(check(&a, &q, 1, az10, &r, &has), ECX_OK);
  CHECK(r.num==10);
  CHECK_INT(check(&a, &q, 1, az11, &r, &has), ECX_EINVAL);
  CHECK_INT(check(&a, &q, 1, azx, &r, &has), ECX_EINVAL);
  CHECK_INT(check(&a, &q, 1, azE, &r, &has), ECX_EINVAL);   /* required */
  q.required = 0;
  CHECK_INT(check(&a, &q, 1, azE, &r, &has), ECX_OK);
  CHECK(has==0);
  CHECK_INT(check(&a, &q, 0, 0, &r, &has), ECX_OK);
  const char *az2[] = {"1", "2"};
  CHECK_INT(check(&a, &q, 2, az2, &r, &has), ECX_EINVAL);   /* one answer only */
  arena_free(&a);
}

TEST(survey_answer_choices){
  Arena a;
  AnswerRec r;
  int has;
  SurveyQuestion q;
  SurveyChoice ac[3] = {{"wifi", "", ""}, {"cafe", "", ""}, {"2", "", ""}};
  memset(&q, 0, sizeof q);
  arena_init(&a, 1u<<20);
  q.type = Q_MULTI; q.nChoice = 3; q.aChoice = ac;
  const char *az[] = {"2", "wifi"}, *azBad[] = {"wifi", "tea"};
  CHECK_INT(check(&a, &q, 2, az, &r, &has), ECX_OK);
  CHECK_STR(r.zText, "wifi;2");                 /* choice order, not given order */
  CHECK_INT(check(&a, &q, 2, azBad, &r, &has), ECX_EINVAL);
  q.type = Q_CHOICE;
  const char *az2[] = {"2"}, *azC[] = {"cafe"};
  CHECK_INT(check(&a, &q, 1, az2, &r, &has), ECX_OK);
  CHECK(r.hasNum && r.num==2);
  CHECK_STR(r.zText, "2");
  CHECK_INT(check(&a, &q, 1, azC, &r, &has), ECX_OK);
  CHECK(!r.hasNum);
  q.type = Q_TEXT;
  char zLong[SURVEY_MAX_TEXT + 2];
  memset(zLong, 'x', sizeof zLong - 1);
  zLong[sizeof zLong - 1] = 0;
  const char *azL[] = {zLong};
  CHECK_INT(check(&a, &q, 1, azL, &r, &has), ECX_EINVAL);
  arena_free(&a);
}
