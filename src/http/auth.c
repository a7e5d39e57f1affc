/*
** Authentication with libsodium: argon2id passwords, random tokens stored
** as SHA-256 digests, sessions, API bearer tokens, the login rate limiter.
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "auth.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../model/user.h"

int auth_init(void){
  if( sodium_init() < 0 ) return err_set(ECX_EIO, "libsodium could not start");
  return ECX_OK;
}

int auth_hash_password(const char *zPassword, char zOut[AUTH_HASH_MAX]){
  _Static_assert(crypto_pwhash_STRBYTES <= AUTH_HASH_MAX, "hash buffer");
  if( auth_init() ) return ECX_EIO;
  if( crypto_pwhash_str_alg(zOut, zPassword, strlen(zPassword),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13)!=0 ){
    return err_set(ECX_ENOMEM, "password hashing ran out of memory");
  }
  return ECX_OK;
}

int auth_check_password(const char *zHash, const char *zPassword){
  if( auth_init() ) return 0;
  return crypto_pwhash_str_verify(zHash, zPassword, strlen(zPassword))==0;
}

void auth_random_token(char zOut[AUTH_TOKEN_HEX]){
  unsigned char a[AUTH_TOKEN_BYTES];
  if( auth_init() ) err_fatal("libsodium could not start");
  randombytes_buf(a, sizeof a);
  sodium_bin2hex(zOut, AUTH_TOKEN_HEX, a, sizeof a);
  sodium_memzero(a, sizeof a);
}

void auth_token_digest(const char *zToken, char zOut[65]){
  unsigned char a[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(a, (const unsigned char*)zToken, strlen(zToken));
  sodium_bin2hex(zOut, 65, a, sizeof a);
}

int auth_equal(const char *a, const char *b){
  size_t n = strlen(a);
  if( n!=strlen(b) ) return 0;
  return sodium_memcmp(a, b, n)==0;
}

/* ---- login rate limiter: a small table of addresses, LRU-evicted ---- */
#define RATE_SLOTS 1024
static struct RateSlot {
  char zIp[64];
  int64_t aTs[AUTH_RATE_FAILS];   /* ring of the latest failure times */
  int iNext;
  int64_t last;
} aRate[RATE_SLOTS];
static pthread_mutex_t rateMutex = PTHREAD_MUTEX_INITIALIZER;

static struct RateSlot *rate_find(const char *zIp, int create, int64_t now){
  struct RateSlot *pOld = &aRate[0];
  for(int i = 0; i < RATE_SLOTS; i++){
    if( strcmp(aRate[i].zIp, zIp)==0 ) return &aRate[i];
    if( aRate[i].last < pOld->last ) pOld = &aRate[i];
  }
  if( !create ) return 0;
  memset(pOld, 0, sizeof *pOld);
  snprintf(pOld->zIp, sizeof pOld->zIp, "%s", zIp);
  pOld->last = now;
  return pOld;
}

int auth_rate_blocked(const char *zIp, int64_t now){
  int n = 0;
  pthread_mutex_lock(&rateMutex);
  struct RateSlot *s = rate_find(zIp, 0, now);
  if( s ){
    for(int i = 0; i < AUTH_RATE_FAILS; i++){
      if( s->aTs[i] && now - s->aTs[i] < AUTH_RATE_WINDOW ) n++;
    }
  }
  pthread_mutex_unlock(&rateMutex);
  return n >= AUTH_RATE_FAILS;
}

void auth_rate_fail(const char *zIp, int64_t now){
  pthread_mutex_lock(&rateMutex);
  struct RateSlot *s = rate_find(zIp, 1, now);
  s->aTs[s->iNext] = now;
  s->iNext = (s->iNext + 1) % AUTH_RATE_FAILS;
  s->last = now;
  pthread_mutex_unlock(&rateMutex);
}

void auth_rate_reset(const char *zIp){
  pthread_mutex_lock(&rateMutex);
  struct RateSlot *s = rate_find(zIp, 0, 0);
  if( s ) memset(s, 0, sizeof *s);
  pthread_mutex_unlock(&rateMutex);
}

/* ---- request authentication ---- */

/* Load user `id` into the request arena. */
static int load_user(HttpReq *p, int64_t id, const char *zScopes){
  UserRow r;
  int rc = user_by_id(p->pWs, id, &r);
  if( rc ) return rc;
  if( !r.disabled ){
    HttpUser *u = http_alloc(p, sizeof *u);
    u->id = r.id;
    u->zLogin = http_strdup(p, r.zLogin);
    u->zName = http_strdup(p, r.zName);
    u->role = http_role_from_name(r.zRole);
    u->areaId = r.areaId;
    u->zTouchpoints = http_strdup(p, r.zTouchpoints);
    u->zLang = http_strdup(p, r.zLang);
    u->zScopes = zScopes ? http_strdup(p, zScopes) : 0;
    p->pUser = u;
  }
  user_row_clear(&r);
  return ECX_OK;
}

static int is_hex_token(const char *z){
  size_t n = strlen(z);
  if( n!=AUTH_TOKEN_HEX - 1 ) return 0;
  for(size_t i = 0; i < n; i++){
    if( !((z[i]>='0' && z[i]<='9') || (z[i]>='a' && z[i]<='f')) ) return 0;
  }
  return 1;
}

int auth_request(HttpReq *p){
  int64_t now = (int64_t)time(0), userId = 0, created = 0, expires = 0;
  char zDigest[65];
  int rc;
  p->zCsrf = "";
  if( p->isApi ){
    const char *zAuth = http_header(p, "Authorization");
    if( zAuth && strncmp(zAuth, "Bearer ", 7)==0 ){
      char *zScopes = 0;
      rc = ECX_ENOTFOUND;
      if( is_hex_token(zAuth + 7) ){
        auth_token_digest(zAuth + 7, zDigest);
        rc = token_find(p->pWs, zDigest, &userId, &zScopes);
        if( rc==ECX_OK ) rc = load_user(p, userId, zScopes);
        free(zScopes);
      }
      if( rc==ECX_ENOTFOUND || (rc==ECX_OK && !p->pUser) ){
        /* A wrong token: counted per address like failed logins, and
        ** refused with 429 once there are too many (401 until then). */
        char zKey[96];
        snprintf(zKey, sizeof zKey, "api:%s", p->zIp);
        if( auth_rate_blocked(zKey, now) ){
          return err_set(ECX_ELIMIT, "%s", _("too many requests with a wrong token; try again in a few minutes"));
        }
        auth_rate_fail(zKey, now);
        rc = ECX_OK;
      }
      return rc;
    }
  }
  const char *zCookie = http_cookie(p, AUTH_SESSION_COOKIE);
  if( !zCookie || !is_hex_token(zCookie) ) return ECX_OK;
  char *zCsrf = 0;
  auth_token_digest(zCookie, zDigest);
  rc = session_find(p->pWs, zDigest, now, &userId, &zCsrf, &created, &expires);
  if( rc==ECX_ENOTFOUND ) return ECX_OK;
  if( rc==ECX_OK ) rc = load_user(p, userId, 0);
  if( rc==ECX_OK && p->pUser ){
    p->zCsrf = http_strdup(p, zCsrf);
    p->zSessionHash = http_strdup(p, zDigest);
    /* Slide the idle expiry, capped at AUTH_MAX_SECONDS after login; write
    ** only when it moves by a minute or more to spare the database. */
    int64_t next = now + AUTH_IDLE_SECONDS;
    if( next > created + AUTH_MAX_SECONDS ) next = created + AUTH_MAX_SECONDS;
    /* Sliding the expiry is a courtesy: a workspace locked by another
    ** process or a full disk must not stop a reader from reading. */
    if( next - expires >= 60 && session_touch(p->pWs, zDigest, next) ) err_clear();
  }
  free(zCsrf);
  return rc;
}

/* A hash to verify against when the login does not exist, so that a wrong
** login costs as much time as a wrong password. */
static char zDummyHash[AUTH_HASH_MAX];
static pthread_once_t dummyOnce = PTHREAD_ONCE_INIT;
static void dummy_init(void){
  char zTok[AUTH_TOKEN_HEX];
  auth_random_token(zTok);
  if( auth_hash_password(zTok, zDummyHash) ) zDummyHash[0] = 0;
}

int auth_login(HttpReq *p, const char *zLogin, const char *zPassword){
  int64_t now = (int64_t)time(0);
  UserRow r;
  int rc, ok = 0;
  if( auth_rate_blocked(p->zIp, now) ){
    http_add_header(p, "Retry-After", "300");
    return http_fail(p, 429, ECX_ELIMIT, 0, "%s", _("too many failed logins; try again in a few minutes"));
  }
  rc = user_by_login(p->pWs, zLogin, &r);
  if( rc==ECX_OK ){
    ok = auth_check_password(r.zPwHash, zPassword) && !r.disabled;
  }else if( rc==ECX_ENOTFOUND ){
    pthread_once(&dummyOnce, dummy_init);
    if( zDummyHash[0] ) auth_check_password(zDummyHash, zPassword);
    err_clear();
  }else{
    return rc;
  }
  if( !ok ){
    auth_rate_fail(p->zIp, now);
    audit_add(p->pWs, rc==ECX_OK ? r.id : 0, "login_failed", zLogin, p->zIp);
    user_row_clear(&r);
    return http_fail(p, 401, ECX_EAUTH, "password", "%s", _("wrong login or password"));
  }
  auth_rate_reset(p->zIp);
  char zSession[AUTH_TOKEN_HEX], zCsrf[AUTH_TOKEN_HEX], zDigest[65];
  auth_random_token(zSession);
  auth_random_token(zCsrf);
  auth_token_digest(zSession, zDigest);
  rc = db_begin(p->pWs->pDb);
  if( rc==ECX_OK ) rc = session_create(p->pWs, zDigest, r.id, zCsrf, now, now + AUTH_IDLE_SECONDS);
  if( rc==ECX_OK ) rc = audit_add(p->pWs, r.id, "login", r.zLogin, p->zIp);
  if( rc==ECX_OK ) rc = db_commit(p->pWs->pDb); else db_rollback(p->pWs->pDb);
  if( rc==ECX_OK ){
    rc = http_set_cookie(p, AUTH_SESSION_COOKIE, zSession, AUTH_MAX_SECONDS);
    p->zCsrf = http_strdup(p, zCsrf);
    p->zSessionHash = http_strdup(p, zDigest);
  }
  sodium_memzero(zSession, sizeof zSession);
  user_row_clear(&r);
  return rc;
}

int auth_logout(HttpReq *p){
  int rc = ECX_OK;
  if( p->zSessionHash ){
    rc = db_begin(p->pWs->pDb);
    if( rc==ECX_OK ) rc = session_revoke(p->pWs, p->zSessionHash);
    if( rc==ECX_OK ) rc = audit_add(p->pWs, p->pUser ? p->pUser->id : 0, "logout",
                                    p->pUser ? p->pUser->zLogin : "", p->zIp);
    if( rc==ECX_OK ) rc = db_commit(p->pWs->pDb); else db_rollback(p->pWs->pDb);
  }
  if( rc==ECX_OK ) rc = http_set_cookie(p, AUTH_SESSION_COOKIE, "", 0);
  return rc;
}
