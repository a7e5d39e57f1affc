/*
** Accounts storage (schema migration 3): users, sessions, API tokens and
** the audit log. Only digests of session ids and API tokens are stored.
** Hashing and token generation live in src/http/auth.h; this module only
** reads and writes rows.
*/
#ifndef ECX_USER_H
#define ECX_USER_H

#include <stdint.h>
#include "workspace.h"
#include "../base/buf.h"

typedef struct UserRow {
  int64_t id;
  char *zLogin, *zName, *zPwHash, *zRole, *zTouchpoints, *zLang;
  int64_t areaId;           /* 0 when none */
  int64_t created;
  int disabled;
} UserRow;

/* Free the strings of a row (not the row itself). */
void user_row_clear(UserRow *p);

/* Insert a user; ECX_EEXIST if the login is taken, ECX_EINVAL for a bad
** role or scope: an area_lead needs an existing area, a frontline user one
** or more existing touchpoints (zTouchpoints, a comma list of ids); other
** roles are stored without either. *pId gets the new id (pId may be NULL). */
int user_add(Workspace *pWs, const char *zLogin, const char *zName, const char *zPwHash,
             const char *zRole, int64_t areaId, const char *zTouchpoints, int64_t *pId);
/* Look a user up by login or by id; ECX_ENOTFOUND if none. Clear *p with
** user_row_clear(). */
int user_by_login(Workspace *pWs, const char *zLogin, UserRow *p);
int user_by_id(Workspace *pWs, int64_t id, UserRow *p);
int user_set_disabled(Workspace *pWs, int64_t id, int disabled);
/* Change a user's role and scope, checked as for user_add(). */
int user_set_role(Workspace *pWs, int64_t id, const char *zRole, int64_t areaId, const char *zTouchpoints);
/* A comma list of touchpoint names -> a comma list of their ids, appended
** to b; ECX_ENOTFOUND naming the first unknown name. */
int user_touchpoint_ids(Workspace *pWs, const char *zNames, Buf *b);
int user_set_password(Workspace *pWs, int64_t id, const char *zPwHash);
int user_set_lang(Workspace *pWs, int64_t id, const char *zLang);
/* Call xRow for every user ordered by login; stops on a non-zero return. */
int user_each(Workspace *pWs, int (*xRow)(void *pArg, const UserRow *p), void *pArg);

/* Sessions, keyed by the hex SHA-256 of the cookie value. */
int session_create(Workspace *pWs, const char *zIdHash, int64_t userId, const char *zCsrf,
                   int64_t now, int64_t expires);
/* The session's user and CSRF token if it is live at `now` (not revoked,
** not expired, user not disabled); ECX_ENOTFOUND otherwise. *pzCsrf is
** freed by the caller; *pCreated and *pExpires may be NULL. */
int session_find(Workspace *pWs, const char *zIdHash, int64_t now, int64_t *pUserId,
                 char **pzCsrf, int64_t *pCreated, int64_t *pExpires);
int session_touch(Workspace *pWs, const char *zIdHash, int64_t expires);
int session_revoke(Workspace *pWs, const char *zIdHash);
/* Revoke every session of a user (on disable or role change). */
int session_revoke_user(Workspace *pWs, int64_t userId);

/* A live session, for listing: the first 16 hex digits of its id's digest
** identify it to its owner (zHandle), never the cookie itself. */
typedef struct SessionRow {
  char zHandle[17];
  int64_t userId, created, expires;
} SessionRow;
/* Call xRow for every live session (not revoked, not expired at `now`) of
** userId, or of every user when userId is 0; newest first. */
int session_each(Workspace *pWs, int64_t userId, int64_t now,
                 int (*xRow)(void *pArg, const SessionRow *p), void *pArg);
/* Revoke the live session of userId with this handle; ECX_ENOTFOUND if none. */
int session_revoke_handle(Workspace *pWs, int64_t userId, const char *zHandle);
/* Revoke every session of userId but the one whose digest is zKeepHash. */
int session_revoke_others(Workspace *pWs, int64_t userId, const char *zKeepHash);
/* Live sessions of a user. */
int session_count(Workspace *pWs, int64_t userId, int64_t now, int64_t *pN);

/* API tokens. */
int token_add(Workspace *pWs, int64_t userId, const char *zName, const char *zHash,
              const char *zScopes, int64_t *pId);
/* The user and scopes of a live token; *pzScopes freed by the caller. */
int token_find(Workspace *pWs, const char *zHash, int64_t *pUserId, char **pzScopes);
int token_revoke(Workspace *pWs, int64_t id);
typedef struct TokenRow {
  int64_t id, userId, created;
  const char *zLogin, *zName, *zScopes;   /* owned by the statement: copy to keep */
  int revoked;
} TokenRow;
/* Call xRow for every token (of userId, or all when 0), newest first. */
int token_each(Workspace *pWs, int64_t userId, int (*xRow)(void *pArg, const TokenRow *p), void *pArg);
/* The login of the owner and the name of token id into *pzLogin and
** *pzName (caller frees both); ECX_ENOTFOUND if there is no such token. */
int token_owner(Workspace *pWs, int64_t id, char **pzLogin, char **pzName);
/* 1 if z is a comma list of the scopes read, ingest and admin (each at
** most once, at least one). */
int token_scopes_valid(const char *z);

/* Append an audit row (userId 0 for the command line / anonymous). */
int audit_add(Workspace *pWs, int64_t userId, const char *zAction, const char *zTarget,
              const char *zDetail);

#endif
