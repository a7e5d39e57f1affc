/*
** Fuzz target: survey definitions from the builder's form posts
** (src/pages/page_survey_edit.c: settings, questions of every type, choice
** lines "value|label es|label en", order, one-time links): POST /surveys/1
** with the input as the form body, as an admin. After a change the
** builder page and the public form are drawn from the new definition.
** Properties: the response properties of fuzz_http.h on all three; no
** transaction left open.
*/
#include "fuzz_http.h"
#include "../../src/pages/pages.h"

static void get(Workspace *pWs, const char *zPath, int (*xHandler)(HttpReq*)){
  FuzzReq q;
  fuzz_req_init(&q, pWs, "GET", zPath, "", "127.0.0.1");
  fuzz_req_header(&q, "Cookie", "ecx_session=" FUZZ_SESSION);
  if( fuzz_req_ready(&q, "", 0, 0)==0 ){
    if( auth_request(&q.r) ) abort();
    fuzz_req_handle(&q, xHandler);
    fuzz_req_check(&q);
  }
  fuzz_req_free(&q);
}

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t n){
  Workspace *pWs = fuzz_ws();
  FuzzReq q;
  int changed = 0;
  fuzz_req_init(&q, pWs, "POST", "/surveys/1", "", "127.0.0.1");
  fuzz_req_header(&q, "Cookie", "ecx_session=" FUZZ_SESSION);
  if( fuzz_req_ready(&q, (const char*)aData, n, 1)==0 ){
    if( auth_request(&q.r) || !q.r.pUser ) abort();
    q.r.zLang = n && (aData[0] & 1) ? "en" : "es";
    fuzz_req_handle(&q, page_survey_edit);
    fuzz_req_check(&q);
    changed = q.r.status==303 || q.r.status==200;
  }
  fuzz_req_free(&q);
  fuzz_ws_check_idle(pWs);
  if( changed ){
    get(pWs, "/surveys/1", page_survey_edit);
    get(pWs, "/s/" FUZZ_PUBLIC_TOKEN, page_public);
  }
  fuzz_ws_restore();
  return 0;
}
