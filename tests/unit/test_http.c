/*
** Unit tests for the web layer's parsers (urlencoded forms and query
** strings, cookies, Accept-Language), password hashing, token digests,
** constant-time comparison and the login rate limiter.
*/
#include <string.h>

#include "test.h"
#include "../../src/base/arena.h"
#include "../../src/base/err.h"
#include "../../src/http/auth.h"
#include "../../src/http/http.h"

TEST(http_urlencoded_decodes){
  Arena a;
  HttpParam *ap = 0;
  int n = 0;
  arena_init(&a, 0);
  const char *z = "a=1&b=x+y%21&empty=&flag&%C3%B1=%c3%b1&&last=%3D%26";
  CHECK_INT(http_parse_urlencoded(&a, z, strlen(z), 16, &ap, &n), ECX_OK);
  CHECK_INT(n, 6);   /* the empty field between "&&" is skipped */
  if( n==6 ){
    CHECK_STR(ap[0].zName, "a");      CHECK_STR(ap[0].zValue, "1");
    CHECK_STR(ap[1].zName, "b");      CHECK_STR(ap[1].zValue, "x y!");
    CHECK_STR(ap[2].zName, "empty");  CHECK_STR(ap[2].zValue, "");
    CHECK_STR(ap[3].zName, "flag");   CHECK_STR(ap[3].zValue, "");
    CHECK_STR(ap[4].zName, "\xc3\xb1"); CHECK_STR(ap[4].zValue, "\xc3\xb1");
    CHECK_STR(ap[5].zName, "last");   CHECK_STR(ap[5].zValue, "=&");
  }
  /* Only the first n bytes count: the body is not NUL-terminated there. */
  CHECK_INT(http_parse_urlencoded(&a, "k=vvv", 3, 16, &ap, &n), ECX_OK);
  CHECK_INT(n, 1);
  CHECK_STR(ap[0].zValue, "v");
  CHECK_INT(http_parse_urlencoded(&a, "", 0, 16, &ap, &n), ECX_OK);
  CHECK_INT(n, 0);
  arena_free(&a);
}

TEST(http_urlencoded_refuses){
  Arena a;
  HttpParam *ap = 0;
  int n = 0;
  arena_init(&a, 0);
  CHECK_INT(http_parse_urlencoded(&a, "a=%zz", 5, 16, &ap, &n), ECX_EINVAL);
  CHECK_INT(http_parse_urlencoded(&a, "a=%4", 4, 16, &ap, &n), ECX_EINVAL);
  CHECK_INT(http_parse_urlencoded(&a, "a=%", 3, 16, &ap, &n), ECX_EINVAL);
  CHECK_INT(http_parse_urlencoded(&a, "a=%00", 5, 16, &ap, &n), ECX_EINVAL);
  CHECK_INT(http_parse_urlencoded(&a, "a&b&c&d", 7, 3, &ap, &n), ECX_ETOOBIG);
  CHECK_INT(http_parse_urlencoded(&a, "a&b&c", 5, 3, &ap, &n), ECX_OK);
  arena_free(&a);
  /* A tiny arena bound turns a large form into ECX_ETOOBIG, not growth. */
  char zBig[20000];
  memset(zBig, 'x', sizeof zBig);
  arena_init(&a, 16384);
  CHECK_INT(http_parse_urlencoded(&a, zBig, sizeof zBig, 16, &ap, &n), ECX_ETOOBIG);
  arena_free(&a);
}

TEST(http_cookies_parse){
  Arena a;
  HttpParam *ap = 0;
  int n = 0;
  arena_init(&a, 0);
  CHECK_INT(http_parse_cookies(&a, "ecx_session=abc; theme = dark ;q=\"quoted\";novalue;=x", 16, &ap, &n), ECX_OK);
  CHECK_INT(n, 3);
  if( n==3 ){
    CHECK_STR(ap[0].zName, "ecx_session"); CHECK_STR(ap[0].zValue, "abc");
    CHECK_STR(ap[1].zName, "theme");       CHECK_STR(ap[1].zValue, "dark");
    CHECK_STR(ap[2].zName, "q");           CHECK_STR(ap[2].zValue, "quoted");
  }
  CHECK_INT(http_parse_cookies(&a, 0, 16, &ap, &n), ECX_OK);
  CHECK_INT(n, 0);
  CHECK_INT(http_parse_cookies(&a, "a=1;b=2;c=3", 2, &ap, &n), ECX_ETOOBIG);
  arena_free(&a);
}

TEST(http_accept_language_picks){
  CHECK_STR(http_accept_language("en-GB,en;q=0.9", "es"), "en");
  CHECK_STR(http_accept_language("fr-FR, es;q=0.8, en;q=0.9", "es"), "en");
  CHECK_STR(http_accept_language("fr, de", "es"), "es");
  CHECK_STR(http_accept_language("es-CL,es;q=0.9,en;q=0.5", "en"), "es");
  CHECK_STR(http_accept_language("en;q=0, es;q=0.1", "en"), "es");
  CHECK_STR(http_accept_language("eng, esperanto", "es"), "es");  /* not "en"/"es" tags */
  CHECK_STR(http_accept_language(0, "en"), "en");
}

TEST(http_roles){
  CHECK_INT(http_role_from_name("area_lead"), ROLE_AREA_LEAD);
  CHECK_INT(http_role_from_name("root"), 0);
  CHECK_STR(http_role_name(ROLE_VIEWER), "viewer");
  CHECK_STR(http_role_name(ROLE_ADMIN|ROLE_VIEWER), "");
}

TEST(auth_password_hash){
  char zHash[AUTH_HASH_MAX], zHash2[AUTH_HASH_MAX];
  CHECK_INT(auth_hash_password("correct horse", zHash), ECX_OK);
  CHECK(strncmp(zHash, "$argon2id$", 10)==0);
  CHECK(auth_check_password(zHash, "correct horse"));
  CHECK(!auth_check_password(zHash, "correct horsE"));
  CHECK(!auth_check_password(zHash, ""));
  CHECK(!auth_check_password("not a hash", "correct horse"));
  /* A fresh salt each time: same password, different hash, both verify. */
  CHECK_INT(auth_hash_password("correct horse", zHash2), ECX_OK);
  CHECK(strcmp(zHash, zHash2)!=0);
  CHECK(auth_check_password(zHash2, "correct horse"));
}

TEST(auth_tokens){
  char a[AUTH_TOKEN_HEX], b[AUTH_TOKEN_HEX], d[65];
  auth_random_token(a);
  auth_random_token(b);
  CHECK_INT(strlen(a), 64);
  CHECK(strspn(a, "0123456789abcdef")==64);
  CHECK(strcmp(a, b)!=0);
  /* SHA-256("abc"), FIPS 180-2 appendix B.1. */
  auth_token_digest("abc", d);
  CHECK_STR(d, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(auth_equal("abc", "abc"));
  CHECK(!auth_equal("abc", "abd"));
  CHECK(!auth_equal("abc", "abcd"));
  CHECK(!auth_equal("", "a"));
}

TEST(auth_rate_limit){
  const char *zIp = "192.0.2.77";   /* TEST-NET-1: no other test uses it */
  int64_t t = 1000000;
  auth_rate_reset(zIp);
  for(int i = 0; i < AUTH_RATE_FAILS - 1; i++) auth_rate_fail(zIp, t + i);
  CHECK(!auth_rate_blocked(zIp, t + 10));
  auth_rate_fail(zIp, t + 10);
  CHECK(auth_rate_blocked(zIp, t + 11));
  CHECK(!auth_rate_blocked("192.0.2.78", t + 11));
  /* The first failure (at t) leaves the window at t + 300. */
  CHECK(auth_rate_blocked(zIp, t + AUTH_RATE_WINDOW - 1));
  CHECK(!auth_rate_blocked(zIp, t + AUTH_RATE_WINDOW));
  auth_rate_reset(zIp);
  CHECK(!auth_rate_blocked(zIp, t + 11));
}

TEST(arena_bounds){
  Arena a;
  arena_init(&a, 20000);
  char *p = arena_alloc(&a, 100);
  CHECK(p!=0 && ((uintptr_t)p % 16)==0);
  CHECK(arena_alloc(&a, 9000)!=0);    /* a big block beside the head */
  CHECK(arena_alloc(&a, 50)!=0);      /* still served from the head */
  CHECK(arena_alloc(&a, 20000)==0);   /* over the bound */
  CHECK_STR(arena_strndup(&a, "hello", 4), "hell");
  arena_free(&a);
}
