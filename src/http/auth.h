/*
** Authentication: password hashing, random tokens, sessions, API tokens,
** the login rate limiter and CSRF comparison. libsodium does the
** cryptography: argon2id (crypto_pwhash_str, interactive limits), SHA-256
** for stored token digests, randombytes_buf for tokens, sodium_memcmp for
** constant-time comparison. docs/security.md explains the model.
*/
#ifndef ECX_AUTH_H
#define ECX_AUTH_H

#include <stdint.h>
#include "http.h"

#define AUTH_SESSION_COOKIE "ecx_session"
#define AUTH_IDLE_SECONDS   (8*3600)      /* session ends after 8 h unused */
#define AUTH_MAX_SECONDS    (7*24*3600)   /* and 7 days after login at most */
#define AUTH_TOKEN_BYTES    32            /* random bytes in a session/API token */
#define AUTH_TOKEN_HEX      (2*AUTH_TOKEN_BYTES + 1)
#define AUTH_HASH_MAX       128           /* room for a crypto_pwhash_str string */
#define AUTH_RATE_FAILS     5             /* failed logins per IP ... */
#define AUTH_RATE_WINDOW    300           /* ... within this many seconds -> 429 */

/* Initialize libsodium (idempotent). ECX_EIO if it cannot start. */
int auth_init(void);

/* argon2id hash of a password into zOut (AUTH_HASH_MAX bytes). */
int auth_hash_password(const char *zPassword, char zOut[AUTH_HASH_MAX]);
/* 1 if the password matches the stored hash, 0 if not (or hash invalid). */
int auth_check_password(const char *zHash, const char *zPassword);
/* A fresh random token as lowercase hex into zOut (AUTH_TOKEN_HEX bytes). */
void auth_random_token(char zOut[AUTH_TOKEN_HEX]);
/* Hex SHA-256 of a token into zOut (65 bytes): what the database stores. */
void auth_token_digest(const char *zToken, char zOut[65]);
/* Constant-time equality of two NUL-terminated strings (length may leak). */
int auth_equal(const char *a, const char *b);

/* Login rate limiter, in memory, shared by all threads. auth_rate_blocked()
** is 1 when zIp has AUTH_RATE_FAILS failures in the last AUTH_RATE_WINDOW
** seconds; auth_rate_fail() records one failure; auth_rate_reset() forgets
** an address (after a successful login). */
int auth_rate_blocked(const char *zIp, int64_t now);
void auth_rate_fail(const char *zIp, int64_t now);
void auth_rate_reset(const char *zIp);

/* Authenticate a request from its session cookie or (for /api/ paths) its
** bearer token. Sets p->pUser, p->zCsrf and p->zSessionHash when valid and
** slides the session's idle expiry. Leaves p->pUser NULL otherwise. */
int auth_request(HttpReq *p);

/* Log a user in: check password (and the rate limit), create a session,
** set the cookie, write the audit row. Returns ECX_OK, or ECX_EINVAL for a
** wrong login/password (the rate limiter counts it) after http_fail(). */
int auth_login(HttpReq *p, const char *zLogin, const char *zPassword);
/* Revoke the request's session, clear the cookie and audit it. */
int auth_logout(HttpReq *p);

#endif
