/*
** Helpers shared by the survey builder pages (page_surveys.c,
** page_survey_edit.c) and the public survey page (page_public.c).
*/
#ifndef ECX_SURVEY_PAGES_H
#define ECX_SURVEY_PAGES_H

#include "../http/http.h"

/* Translated label of a survey kind or status; static or the input. */
const char *survey_kind_label(const char *zKind);
const char *survey_status_label(const char *zStatus);
/* A <select id="kind" name="kind"> of the survey kinds. */
void survey_kind_select(HttpReq *p, const char *zSel);
/* Audit row for the request's user. */
int survey_audit(HttpReq *p, const char *zAction, const char *zTarget, const char *zDetail);
/* 1 if z is a usable survey or question code. */
int survey_code_ok(const char *z);

#endif
