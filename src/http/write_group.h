/*
** Group commit for the server's submissions (write_group.c): requests that
** store data at the same time share one transaction, so that a burst of
** submissions costs one commit instead of one each.
*/
#ifndef ECX_WRITE_GROUP_H
#define ECX_WRITE_GROUP_H

#include <pthread.h>

#include "http.h"

typedef struct WriteJob WriteJob;

/* The queue of one server. */
typedef struct WriteGroup {
  pthread_mutex_t mutex;
  pthread_cond_t done;       /* a group committed or failed */
  WriteJob *pHead, *pTail;   /* waiting for the next group */
  int busy;                  /* a thread is running a group */
} WriteGroup;

void write_group_init(WriteGroup *g);
void write_group_destroy(WriteGroup *g);
/* Run xWrite in the next group's transaction on pWs (the connection of
** whichever thread runs the group); see http_write() in http.h. */
int write_group_run(WriteGroup *g, Workspace *pWs, HttpWriteFn xWrite, void *pArg);

/* The queue of the server (server.c). */
WriteGroup *http_server_writes(HttpServer *s);

#endif
