/*
** Fuzz target: POST /api/v1/responses end to end (api_json.c parsing, then
** api_responses.c checking every record against its survey and storing
** them in one transaction), with the input as the JSON body and a valid
** bearer token. Properties: the response properties of fuzz_http.h; a 201
** stored exactly as many responses as it says were created, anything else
** stored none; no transaction left open.
*/
#include "fuzz_http.h"

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t n){
  Workspace *pWs = fuzz_ws();
  FuzzReq q;
  fuzz_req_init(&q, pWs, "POST", "/api/v1/responses", "", "127.0.0.1");
  fuzz_req_header(&q, "Authorization", "Bearer " FUZZ_API_TOKEN);
  fuzz_req_header(&q, "Content-Type", "application/json");
  q.r.isApi = 1;
  if( fuzz_req_ready(&q, (const char*)aData, n, 0)==0 ){
    if( auth_request(&q.r) || !q.r.pUser ) abort();
    fuzz_req_handle(&q, api_responses_post);
    fuzz_req_check(&q);
    int64_t nResp = -1, nCreated = 0;
    if( db_int(pWs->pDb, &nResp, "SELECT count(*) FROM response", 0) ) abort();
    if( q.r.status==201 ){
      const char *c = strstr(buf_str(&q.r.body), "\"created\":[");
      if( !c ) abort();
      for(; (c = strstr(c, "true"))!=0; c += 4) nCreated++;
    }
    if( nResp!=nCreated ){
      fprintf(stderr, "status %d: %lld responses stored, %lld created\n", q.r.status, (long long)nResp, (long long)nCreated);
      abort();
    }
  }
  fuzz_req_free(&q);
  fuzz_ws_check_idle(pWs);
  fuzz_ws_restore();
  return 0;
}
