/*
** Fuzz target: answering the public survey form (src/pages/page_public.c
** and survey_answer_check): POST /s/TOKEN with the input as the form body
** (after a valid form token), or, when the input starts with '?', its first
** line as the query string (?t=ONE_TIME). Properties: the response
** properties of fuzz_http.h; a redirect means exactly one response was
** stored, anything else means none; no transaction left open.
*/
#include "fuzz_http.h"
#include "../../src/pages/pages.h"

#define FORM_TOKEN "f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0"

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t n){
  static unsigned iCall;
  char zIp[32], zQuery[512] = "";
  Workspace *pWs = fuzz_ws();
  const char *z = (const char*)aData;
  if( n && z[0]=='?' ){
    const char *e = memchr(z, '\n', n);
    size_t k = e ? (size_t)(e - z) : n;
    if( k >= sizeof zQuery ) return 0;
    memcpy(zQuery, z + 1, k - 1);
    zQuery[k - 1] = 0;
    if( memchr(zQuery, 0, k - 1) ) return 0;
    z += k; n -= k;
    if( n ){ z++; n--; }
  }
  /* A new address each time: the per-address limit is not under test here. */
  iCall++;
  snprintf(zIp, sizeof zIp, "10.%u.%u.%u", (iCall >> 16) & 255, (iCall >> 8) & 255, iCall & 255);
  FuzzReq q;
  fuzz_req_init(&q, pWs, "POST", "/s/" FUZZ_PUBLIC_TOKEN, zQuery, zIp);
  fuzz_req_header(&q, "Cookie", "ecx_form=" FORM_TOKEN);
  q.r.zLang = (iCall & 1) ? "en" : "es";
  Buf body;
  buf_init(&body, 2*HTTP_MAX_BODY);
  buf_puts(&body, "form_token=" FORM_TOKEN "&");
  buf_append(&body, z, n);
  if( fuzz_req_ready(&q, body.z, body.n, 1)==0 ){
    fuzz_req_handle(&q, page_public);
    fuzz_req_check(&q);
    int64_t nResp = -1;
    if( db_int(pWs->pDb, &nResp, "SELECT count(*) FROM response", 0) ) abort();
    if( nResp!=(q.r.status==303 ? 1 : 0) ){
      fprintf(stderr, "status %d with %lld responses stored\n", q.r.status, (long long)nResp);
      abort();
    }
  }
  buf_free(&body);
  fuzz_req_free(&q);
  fuzz_ws_check_idle(pWs);
  fuzz_ws_restore();
  return 0;
}
