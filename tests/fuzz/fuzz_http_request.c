/*
** Fuzz target: whole requests through the router (src/http/router.c):
** route lookup, authentication from the Cookie and Authorization headers,
** Accept-Language, the role and CSRF checks, then the handler. The input
** is a request without the protocol version:
**   METHOD PATH[?QUERY]\n  Name: value\n ...  \n  BODY
** (urlencoded bodies become form fields, as in server.c). The workspace
** holds an admin session and an API token (fuzz_ws.h) for the seeds to
** use; pages that need the analytics cube fail cleanly here (no server).
** Properties: the response properties of fuzz_http.h; no transaction left
** open.
*/
#include "fuzz_http.h"

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t n){
  Workspace *pWs = fuzz_ws();
  const char *z = (const char*)aData, *zEnd = z + n;
  char zLine[2048];
  /* The request line. */
  const char *e = memchr(z, '\n', n);
  size_t k = e ? (size_t)(e - z) : n;
  if( k >= sizeof zLine || memchr(z, 0, n) ) return 0;
  memcpy(zLine, z, k);
  zLine[k] = 0;
  z += k + (e ? 1 : 0);
  char *zPath = strchr(zLine, ' ');
  if( !zPath || zPath[1]!='/' ) return 0;
  *zPath++ = 0;
  char *zQuery = strchr(zPath, '?');
  if( zQuery ) *zQuery++ = 0;
  FuzzReq q;
  fuzz_req_init(&q, pWs, zLine, zPath, zQuery, "127.0.0.1");
  /* Headers up to an empty line. */
  while( z < zEnd ){
    e = memchr(z, '\n', (size_t)(zEnd - z));
    k = e ? (size_t)(e - z) : (size_t)(zEnd - z);
    const char *zLineEnd = z + k;
    if( k==0 ){ z++; break; }
    char zName[128], zValue[1024];
    const char *c = memchr(z, ':', k);
    if( c && (size_t)(c - z) < sizeof zName && (size_t)(zLineEnd - c) < sizeof zValue ){
      memcpy(zName, z, (size_t)(c - z)); zName[c - z] = 0;
      c++;
      while( c < zLineEnd && *c==' ' ) c++;
      memcpy(zValue, c, (size_t)(zLineEnd - c)); zValue[zLineEnd - c] = 0;
      fuzz_req_header(&q, zName, zValue);
    }
    z = zLineEnd + (e ? 1 : 0);
  }
  if( z > zEnd ) z = zEnd;
  if( fuzz_req_ready(&q, z, (size_t)(zEnd - z), 0)==0 ){
    http_dispatch(&q.r);
    fuzz_req_check(&q);
  }
  int wasPost = q.r.method==HTTP_POST;
  fuzz_req_free(&q);
  fuzz_ws_check_idle(pWs);
  if( wasPost ) fuzz_ws_restore();
  return 0;
}
