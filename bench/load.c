/*
** HTTP load client for bench/run.sh: N connections (one thread each) run a
** closed loop of requests against an ecx server on loopback for a fixed
** time or count, keeping each connection alive unless the server closes it,
** and print requests/s, latency percentiles and the count of answers other
** than 2xx/303, one "key value" a line.
**
**   build/bench_load URL MODE [options]
**   URL is http://HOST:PORT (numeric IPv4). MODE:
**     get     GET --path (with -H "Cookie: ..." for a logged-in page)
**     api     POST /api/v1/responses, one response (or --batch K) a request,
**             each with a new source_id; needs -H "Authorization: Bearer T"
**     form    one respondent a cycle: a new connection from an address of
**             its own (127.T.X.Y), GET /s/TOKEN (form cookie, form token and
**             submission id from the page), POST the answers, expect 303
**   options: --connections N (8)  --seconds S (10, or 3600 with --count)
**     --count N (total cycles; whichever of the two ends first)  --path P  -H "Name: value"
**     (repeatable)  --survey CODE  --answers JSON-OBJECT  --batch K (1)
**     --token TOKEN (form: the public link's token)  --fields "q_a=1&..."
**     --id-prefix P (source ids P-THREAD-N-I; default from pid and time)
**
** Latencies are kept in a log histogram of 0.5% buckets (bounded memory);
** percentiles are the bucket's middle. For "form", the latency is the POST
** that commits the response; the GET is reported as get_p50_ms/get_p99_ms.
** "ok" counts only 2xx (and 303 for the form): answers sent after the
** server committed the response.
*/
#include <arpa/inet.h>
#include <errno.h>
#include <math.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_CONN    256
#define MAX_HDR     8
#define IN_CAP      (64*1024)      /* response headers must fit */
#define BODY_KEEP   (1024*1024)    /* form pages kept to read their fields */
#define REQ_CAP     (256*1024)     /* one request, headers and body */
#define HIST_BASE   1.005
#define HIST_N      4096           /* 1 us .. beyond 10 minutes */

typedef struct Hist { uint64_t a[HIST_N]; uint64_t n; double maxUs; } Hist;

static void hist_add(Hist *h, double us){
  int b = us <= 1.0 ? 0 : (int)(log(us) / log(HIST_BASE));
  if( b >= HIST_N ) b = HIST_N - 1;
  h->a[b]++;
  h->n++;
  if( us > h->maxUs ) h->maxUs = us;
}

static void hist_merge(Hist *pTo, const Hist *pFrom){
  for(int i = 0; i < HIST_N; i++) pTo->a[i] += pFrom->a[i];
  pTo->n += pFrom->n;
  if( pFrom->maxUs > pTo->maxUs ) pTo->maxUs = pFrom->maxUs;
}

/* The q-quantile in milliseconds (0 without samples). */
static double hist_ms(const Hist *h, double q){
  if( !h->n ) return 0;
  uint64_t want = (uint64_t)ceil(q * (double)h->n), seen = 0;
  if( want < 1 ) want = 1;
  for(int i = 0; i < HIST_N; i++){
    seen += h->a[i];
    if( seen >= want ){
      double us = i==0 ? 1.0 : pow(HIST_BASE, i + 0.5);
      return (us > h->maxUs ? h->maxUs : us) / 1000.0;
    }
  }
  return h->maxUs / 1000.0;
}

/* ---- options ---- */

typedef enum { M_GET, M_API, M_FORM } Mode;
static struct {
  Mode mode;
  struct sockaddr_in addr;
  char zHost[64];
  int nConn, batch;
  double seconds;
  long long count;
  const char *zPath, *zSurvey, *zAnswers, *zToken, *zFields;
  const char *azHdr[MAX_HDR];
  int nHdr;
  char zPrefix[64];
} O;

static atomic_llong nStarted;      /* cycles begun, against --count */
static atomic_int stop;

static double now_us(void){
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec*1e6 + (double)t.tv_nsec/1e3;
}

static void usage(void){
  fprintf(stderr, "usage: bench_load http://IP:PORT get|api|form [--connections N] [--seconds S] [--count N]\n"
                  "       [--path P] [-H 'Name: value'] [--survey CODE --answers JSON] [--batch K]\n"
                  "       [--token PUBLIC_TOKEN --fields 'q_x=1&...'] [--id-prefix P]\n");
  exit(2);
}

static long long num(const char *z, long long lo, long long hi){
  char *e = 0;
  errno = 0;
  long long v = strtoll(z, &e, 10);
  if( errno || !e || *e || v < lo || v > hi ){ fprintf(stderr, "bench_load: bad number %s\n", z); exit(2); }
  return v;
}

static void parse_args(int argc, char **argv){
  if( argc < 3 ) usage();
  const char *zUrl = argv[1];
  if( strncmp(zUrl, "http://", 7) ) usage();
  const char *h = zUrl + 7, *c = strchr(h, ':');
  if( !c || (size_t)(c - h) >= sizeof O.zHost ) usage();
  memcpy(O.zHost, h, (size_t)(c - h));
  O.zHost[c - h] = 0;
  size_t nPort = strcspn(c + 1, "/");
  char zPort[8];
  if( nPort==0 || nPort >= sizeof zPort ) usage();
  memcpy(zPort, c + 1, nPort);
  zPort[nPort] = 0;
  O.addr.sin_family = AF_INET;
  O.addr.sin_port = htons((uint16_t)num(zPort, 1, 65535));
  if( inet_pton(AF_INET, O.zHost, &O.addr.sin_addr)!=1 ) usage();
  if( strcmp(argv[2], "get")==0 ) O.mode = M_GET;
  else if( strcmp(argv[2], "api")==0 ) O.mode = M_API;
  else if( strcmp(argv[2], "form")==0 ) O.mode = M_FORM;
  else usage();
  O.nConn = 8; O.batch = 1; O.seconds = 0; O.zPath = "/";
  O.zAnswers = "{}"; O.zFields = "";
  snprintf(O.zPrefix, sizeof O.zPrefix, "load-%ld-%lld", (long)getpid(), (long long)time(0));
  for(int i = 3; i < argc; i++){
    const char *a = argv[i], *v = i + 1 < argc ? argv[i+1] : 0;
    if( !v ) usage();
    i++;
    if( strcmp(a, "--connections")==0 ) O.nConn = (int)num(v, 1, MAX_CONN);
    else if( strcmp(a, "--seconds")==0 ) O.seconds = (double)num(v, 1, 3600);
    else if( strcmp(a, "--count")==0 ) O.count = num(v, 1, 1000000000LL);
    else if( strcmp(a, "--batch")==0 ) O.batch = (int)num(v, 1, 1000);
    else if( strcmp(a, "--path")==0 ) O.zPath = v;
    else if( strcmp(a, "--survey")==0 ) O.zSurvey = v;
    else if( strcmp(a, "--answers")==0 ) O.zAnswers = v;
    else if( strcmp(a, "--token")==0 ) O.zToken = v;
    else if( strcmp(a, "--fields")==0 ) O.zFields = v;
    else if( strcmp(a, "--id-prefix")==0 ) snprintf(O.zPrefix, sizeof O.zPrefix, "%s", v);
    else if( strcmp(a, "-H")==0 ){ if( O.nHdr >= MAX_HDR ) usage(); O.azHdr[O.nHdr++] = v; }
    else usage();
  }
  if( O.seconds==0 ) O.seconds = O.count ? 3600 : 10;
  if( O.mode==M_API && !O.zSurvey ) usage();
  if( O.mode==M_FORM && (!O.zToken || strlen(O.zToken) > 128) ) usage();
}

/* ---- one connection ---- */

typedef struct Conn {
  int fd;
  size_t nIn;                /* bytes waiting in aIn */
  char aIn[IN_CAP];
} Conn;

/* A response: status, whether the server closes, what form mode reads. */
typedef struct Resp {
  int status;
  int close;
  char zCookie[160];         /* "ecx_form=VALUE" from Set-Cookie */
  char *zBody;               /* up to BODY_KEEP bytes when asked; owned by the caller's buffer */
  size_t nBody;
} Resp;

static void conn_close(Conn *c){
  if( c->fd >= 0 ) close(c->fd);
  c->fd = -1;
  c->nIn = 0;
}

/* Connect, from zSrc when given (a loopback address to bind). */
static int conn_open(Conn *c, const char *zSrc){
  c->nIn = 0;
  c->fd = socket(AF_INET, SOCK_STREAM, 0);
  if( c->fd < 0 ) return -1;
  int one = 1;
  setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if( zSrc ){
    struct sockaddr_in s;
    memset(&s, 0, sizeof s);
    s.sin_family = AF_INET;
    if( inet_pton(AF_INET, zSrc, &s.sin_addr)!=1 || bind(c->fd, (struct sockaddr*)&s, sizeof s) ){
      conn_close(c);
      return -1;
    }
  }
  if( connect(c->fd, (struct sockaddr*)&O.addr, sizeof O.addr) ){ conn_close(c); return -1; }
  return 0;
}

static int send_all(Conn *c, const char *z, size_t n){
  while( n ){
    ssize_t k = send(c->fd, z, n, MSG_NOSIGNAL);
    if( k < 0 && errno==EINTR ) continue;
    if( k <= 0 ) return -1;
    z += k; n -= (size_t)k;
  }
  return 0;
}

/* Read more into aIn; -1 at EOF, error or a full buffer. */
static int conn_fill(Conn *c){
  if( c->nIn >= IN_CAP ) return -1;
  for(;;){
    ssize_t k = recv(c->fd, c->aIn + c->nIn, IN_CAP - c->nIn, 0);
    if( k < 0 && errno==EINTR ) continue;
    if( k <= 0 ) return -1;
    c->nIn += (size_t)k;
    return 0;
  }
}

static void conn_drop(Conn *c, size_t n){
  memmove(c->aIn, c->aIn + n, c->nIn - n);
  c->nIn -= n;
}

/* Consume n body bytes (n<0: until EOF), keeping what fits in r. */
static int body_take(Conn *c, Resp *r, long long n, char *zKeep){
  while( n ){
    if( !c->nIn ){
      if( conn_fill(c) ) return n < 0 ? 0 : -1;
    }
    size_t k = c->nIn;
    if( n > 0 && (long long)k > n ) k = (size_t)n;
    if( zKeep && r->nBody < BODY_KEEP ){
      size_t m = k < BODY_KEEP - r->nBody ? k : BODY_KEEP - r->nBody;
      memcpy(zKeep + r->nBody, c->aIn, m);
      r->nBody += m;
      zKeep[r->nBody] = 0;
    }
    conn_drop(c, k);
    if( n > 0 ) n -= (long long)k;
  }
  return 0;
}

/* One CRLF-ended line into z (without CRLF). */
static int line_take(Conn *c, char *z, size_t nZ){
  for(;;){
    char *e = memchr(c->aIn, '\n', c->nIn);
    if( e ){
      size_t n = (size_t)(e - c->aIn);
      size_t m = n && c->aIn[n-1]=='\r' ? n - 1 : n;
      if( m >= nZ ) return -1;
      memcpy(z, c->aIn, m);
      z[m] = 0;
      conn_drop(c, n + 1);
      return 0;
    }
    if( conn_fill(c) ) return -1;
  }
}

/* Read one response; the body goes to zKeep (BODY_KEEP+1 bytes) if given. */
static int read_response(Conn *c, Resp *r, char *zKeep){
  char *e;
  memset(r, 0, sizeof *r);
  r->zBody = zKeep;
  if( zKeep ) zKeep[0] = 0;
  while( !(e = memmem(c->aIn, c->nIn, "\r\n\r\n", 4)) ){
    if( conn_fill(c) ) return -1;
  }
  size_t nHead = (size_t)(e - c->aIn) + 4;
  char *zH = malloc(nHead + 1);
  if( !zH ) return -1;
  memcpy(zH, c->aIn, nHead);
  zH[nHead] = 0;
  conn_drop(c, nHead);
  long long len = -1;
  int chunked = 0, http10 = strncmp(zH, "HTTP/1.0", 8)==0;
  if( strncmp(zH, "HTTP/1.", 7) || strlen(zH) < 12 ){ free(zH); return -1; }
  r->status = (int)strtol(zH + 9, 0, 10);
  r->close = http10;
  for(char *l = strstr(zH, "\r\n"); l && l[2]; l = strstr(l + 2, "\r\n")){
    char *v = l + 2, *colon = strchr(v, ':'), *end = strstr(v, "\r\n");
    if( !colon || !end || colon > end ) continue;
    size_t nName = (size_t)(colon - v);
    char *val = colon + 1;
    while( *val==' ' ) val++;
    size_t nVal = (size_t)(end - val);
    if( nName==14 && strncasecmp(v, "Content-Length", 14)==0 ) len = strtoll(val, 0, 10);
    else if( nName==17 && strncasecmp(v, "Transfer-Encoding", 17)==0 && nVal >= 7 && strncasecmp(val, "chunked", 7)==0 ) chunked = 1;
    else if( nName==10 && strncasecmp(v, "Connection", 10)==0 ){
      if( nVal >= 5 && strncasecmp(val, "close", 5)==0 ) r->close = 1;
      if( nVal >= 10 && strncasecmp(val, "keep-alive", 10)==0 ) r->close = 0;
    }else if( nName==10 && strncasecmp(v, "Set-Cookie", 10)==0 && strncmp(val, "ecx_form=", 9)==0 ){
      size_t n = strcspn(val, ";\r");
      if( n < sizeof r->zCookie ){ memcpy(r->zCookie, val, n); r->zCookie[n] = 0; }
    }
  }
  free(zH);
  int rc = 0;
  if( r->status==204 || r->status==304 || (r->status>=100 && r->status<200) ) return 0;
  if( chunked ){
    char zLine[64];
    for(;;){
      if( line_take(c, zLine, sizeof zLine) ) return -1;
      long long n = strtoll(zLine, 0, 16);
      if( n < 0 ) return -1;
      if( n==0 ){
        do{ if( line_take(c, zLine, sizeof zLine) ) return -1; }while( zLine[0] );
        break;
      }
      if( body_take(c, r, n, zKeep) || line_take(c, zLine, sizeof zLine) ) return -1;
    }
  }else if( len >= 0 ){
    rc = body_take(c, r, len, zKeep);
  }else{
    r->close = 1;
    rc = body_take(c, r, -1, zKeep);
  }
  return rc;
}

/* ---- the workers ---- */

typedef struct Worker {
  pthread_t t;
  int id;
  Hist h, hGet;
  long long nReq, nOk, nBad, nErr;
  int lastBad;               /* a status other than success, for the report */
  char *zReq;                /* REQ_CAP bytes */
  char *zKeep;               /* BODY_KEEP+1 bytes */
  Conn c;
} Worker;

/* Append to the request buffer; -1 when it would not fit. */
static int put(char *z, size_t *pN, const char *zFmt, ...) __attribute__((format(printf, 3, 4)));
static int put(char *z, size_t *pN, const char *zFmt, ...){
  va_list ap;
  va_start(ap, zFmt);
  int k = vsnprintf(z + *pN, REQ_CAP - *pN, zFmt, ap);
  va_end(ap);
  if( k < 0 || (size_t)k >= REQ_CAP - *pN ) return -1;
  *pN += (size_t)k;
  return 0;
}

static int put_headers(char *z, size_t *pN){
  for(int i = 0; i < O.nHdr; i++) if( put(z, pN, "%s\r\n", O.azHdr[i]) ) return -1;
  return 0;
}

/* Copy the value of `name="NAME" value="..."` from the page; 0 if found. */
static int field_value(const char *zPage, const char *zName, char *z, size_t nZ){
  char zPat[80];
  snprintf(zPat, sizeof zPat, "name=\"%s\" value=\"", zName);
  const char *p = strstr(zPage, zPat);
  if( !p ) return -1;
  p += strlen(zPat);
  size_t n = strcspn(p, "\"");
  if( n==0 || n >= nZ ) return -1;
  memcpy(z, p, n);
  z[n] = 0;
  return 0;
}

/* Send the request in zReq and time its response; -1 on a connection error. */
static int exchange(Worker *w, size_t n, Hist *h, Resp *r, char *zKeep){
  double t0 = now_us();
  if( send_all(&w->c, w->zReq, n) || read_response(&w->c, r, zKeep) ) return -1;
  hist_add(h, now_us() - t0);
  if( r->close ) conn_close(&w->c);
  return 0;
}

static int is_ok(int status){ return (status>=200 && status<300) || (O.mode==M_FORM && status==303); }

static void count(Worker *w, int status){
  if( is_ok(status) ) w->nOk++;
  else { w->nBad++; w->lastBad = status; }
}

static int cycle_get(Worker *w){
  size_t n = 0;
  Resp r;
  if( put(w->zReq, &n, "GET %s HTTP/1.1\r\nHost: %s\r\n", O.zPath, O.zHost) || put_headers(w->zReq, &n)
   || put(w->zReq, &n, "\r\n") ) return -1;
  if( w->c.fd < 0 && conn_open(&w->c, 0) ) return -1;
  if( exchange(w, n, &w->h, &r, 0) ) return -1;
  count(w, r.status);
  return 0;
}

static int cycle_api(Worker *w, long long k){
  char *zB = w->zKeep;             /* the JSON body first (REQ_CAP < BODY_KEEP) */
  size_t nB = 0;
  long long ts = (long long)time(0);
  int ok = 1;
  if( O.batch > 1 ) ok = !put(zB, &nB, "[");
  for(int i = 0; i < O.batch && ok; i++){
    ok = !put(zB, &nB, "%s{\"survey\":\"%s\",\"source_id\":\"%s-%d-%lld-%d\",\"ts\":%lld,\"answers\":%s}",
              i ? "," : "", O.zSurvey, O.zPrefix, w->id, k, i, ts, O.zAnswers);
  }
  if( ok && O.batch > 1 ) ok = !put(zB, &nB, "]");
  size_t n = 0;
  Resp r;
  if( !ok || put(w->zReq, &n, "POST /api/v1/responses HTTP/1.1\r\nHost: %s\r\n"
                 "Content-Type: application/json\r\nContent-Length: %zu\r\n", O.zHost, nB)
   || put_headers(w->zReq, &n) || put(w->zReq, &n, "\r\n") || n + nB >= REQ_CAP ) return -1;
  memcpy(w->zReq + n, zB, nB);
  n += nB;
  if( w->c.fd < 0 && conn_open(&w->c, 0) ) return -1;
  if( exchange(w, n, &w->h, &r, 0) ) return -1;
  count(w, r.status);
  return 0;
}

static int cycle_form(Worker *w, long long k){
  char zSrc[32], zFt[128], zSid[128];
  size_t n = 0;
  Resp r;
  /* A respondent of its own: the per-address limit of the public form
  ** (docs/surveys.md) is about one address, not the benchmark's. */
  snprintf(zSrc, sizeof zSrc, "127.%d.%lld.%lld", 1 + w->id % 250, 1 + (k / 250) % 250, 1 + k % 250);
  conn_close(&w->c);
  if( conn_open(&w->c, zSrc) ) return -1;
  if( put(w->zReq, &n, "GET /s/%s HTTP/1.1\r\nHost: %s\r\n", O.zToken, O.zHost) || put_headers(w->zReq, &n)
   || put(w->zReq, &n, "\r\n") ) return -1;
  if( exchange(w, n, &w->hGet, &r, w->zKeep) ) return -1;
  if( r.status!=200 || !r.zCookie[0] || field_value(w->zKeep, "form_token", zFt, sizeof zFt)
   || field_value(w->zKeep, "sid", zSid, sizeof zSid) ){
    count(w, r.status==200 ? 0 : r.status);
    return 0;
  }
  char zBody[4096];
  int nBody = snprintf(zBody, sizeof zBody, "form_token=%s&sid=%s%s%s", zFt, zSid, O.zFields[0] ? "&" : "", O.zFields);
  if( nBody < 0 || (size_t)nBody >= sizeof zBody ) return -1;
  n = 0;
  if( put(w->zReq, &n, "POST /s/%s HTTP/1.1\r\nHost: %s\r\nCookie: %s\r\n"
          "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n",
          O.zToken, O.zHost, r.zCookie, nBody)
   || put_headers(w->zReq, &n) || put(w->zReq, &n, "\r\n%s", zBody) ) return -1;
  if( w->c.fd < 0 && conn_open(&w->c, zSrc) ) return -1;
  if( exchange(w, n, &w->h, &r, 0) ) return -1;
  count(w, r.status);
  return 0;
}

static void *work(void *pArg){
  Worker *w = pArg;
  double end = now_us() + O.seconds * 1e6;
  for(long long k = 0; !atomic_load(&stop); k++){
    if( now_us() >= end ) break;
    if( O.count && atomic_fetch_add(&nStarted, 1) >= O.count ) break;
    w->nReq++;
    int rc = O.mode==M_GET ? cycle_get(w) : O.mode==M_API ? cycle_api(w, k) : cycle_form(w, k);
    if( rc ){ w->nErr++; conn_close(&w->c); }
  }
  conn_close(&w->c);
  return 0;
}

int main(int argc, char **argv){
  parse_args(argc, argv);
  signal(SIGPIPE, SIG_IGN);
  Worker *aW = calloc((size_t)O.nConn, sizeof *aW);
  Hist *pAll = calloc(2, sizeof *pAll);     /* [0] main, [1] form GETs */
  if( !aW || !pAll ){ fprintf(stderr, "bench_load: out of memory\n"); return 1; }
  double t0 = now_us();
  int nStartedThreads = 0;
  for(int i = 0; i < O.nConn; i++){
    aW[i].id = i;
    aW[i].c.fd = -1;
    aW[i].zReq = malloc(REQ_CAP);
    aW[i].zKeep = malloc(BODY_KEEP + 1);
    if( !aW[i].zReq || !aW[i].zKeep ){ fprintf(stderr, "bench_load: out of memory\n"); atomic_store(&stop, 1); break; }
    if( pthread_create(&aW[i].t, 0, work, &aW[i]) ){ fprintf(stderr, "bench_load: cannot start a thread\n"); atomic_store(&stop, 1); break; }
    nStartedThreads++;
  }
  long long nReq = 0, nOk = 0, nBad = 0, nErr = 0;
  int lastBad = 0;
  for(int i = 0; i < nStartedThreads; i++){
    pthread_join(aW[i].t, 0);
    hist_merge(&pAll[0], &aW[i].h);
    hist_merge(&pAll[1], &aW[i].hGet);
    nReq += aW[i].nReq; nOk += aW[i].nOk; nBad += aW[i].nBad; nErr += aW[i].nErr;
    if( aW[i].lastBad ) lastBad = aW[i].lastBad;
  }
  double secs = (now_us() - t0) / 1e6;
  for(int i = 0; i < O.nConn; i++){ free(aW[i].zReq); free(aW[i].zKeep); }
  int per = O.mode==M_API ? O.batch : 1;
  printf("mode %s\nconnections %d\nseconds %.2f\n", O.mode==M_GET ? "get" : O.mode==M_API ? "api" : "form", O.nConn, secs);
  printf("requests %lld\nok %lld\nnon2xx %lld\nerrors %lld\n", nReq, nOk, nBad, nErr);
  if( lastBad ) printf("last_non2xx_status %d\n", lastBad);
  printf("rps %.1f\n", (double)nOk / secs);
  printf("stored %lld\nstored_per_s %.1f\n", O.mode==M_GET ? 0 : nOk * per, O.mode==M_GET ? 0.0 : (double)(nOk * per) / secs);
  printf("p50_ms %.2f\np99_ms %.2f\nmax_ms %.2f\n", hist_ms(&pAll[0], 0.5), hist_ms(&pAll[0], 0.99), pAll[0].maxUs / 1000.0);
  if( O.mode==M_FORM ) printf("get_p50_ms %.2f\nget_p99_ms %.2f\n", hist_ms(&pAll[1], 0.5), hist_ms(&pAll[1], 0.99));
  free(aW);
  free(pAll);
  return 0;
}
