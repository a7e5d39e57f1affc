/*
** Group commit. A request that stores data queues a job and waits. When no
** group is running, the first waiting thread takes every queued job (at
** most WG_MAX), runs each inside its own savepoint of one transaction on
** its own connection, commits, and wakes the owners; meanwhile new jobs
** queue for the next group. So a burst of N concurrent submissions costs
** about N/WG_MAX commits (each one WAL append) instead of N, and no thread
** sleeps in SQLite's busy handler. A job is on its owner's stack; the
** owner does not return before the job is marked done.
*/
#include <stdio.h>
#include <string.h>

#include "write_group.h"
#include "../base/db.h"
#include "../base/err.h"

#define WG_MAX 256

struct WriteJob {
  HttpWriteFn xWrite;
  void *pArg;
  int rc;
  int done;
  char zErr[256];            /* the error's message, set in the running thread */
  WriteJob *pNext;
};

void write_group_init(WriteGroup *g){
  memset(g, 0, sizeof *g);
  pthread_mutex_init(&g->mutex, 0);
  pthread_cond_init(&g->done, 0);
}

void write_group_destroy(WriteGroup *g){
  pthread_cond_destroy(&g->done);
  pthread_mutex_destroy(&g->mutex);
}

static void job_fail(WriteJob *j, int rc, const char *zErr){
  j->rc = rc;
  snprintf(j->zErr, sizeof j->zErr, "%s", zErr);
}

/* Run the jobs of one group in one transaction on pDb. */
static void run_group(Workspace *pWs, WriteJob *pList){
  Db *pDb = pWs->pDb;
  int rc = db_begin(pDb);
  for(WriteJob *j = pList; j; j = j->pNext){
    if( rc ){ job_fail(j, rc, err_detail()); continue; }
    int keep = 1;
    rc = db_savepoint(pDb, "wjob");
    if( rc ){ job_fail(j, rc, err_detail()); continue; }
    int rcJob = j->xWrite(pWs, j->pArg, &keep);
    if( rcJob ) job_fail(j, rcJob, err_detail());
    err_clear();
    if( rcJob || !keep ) rc = db_rollback_to(pDb, "wjob");
    if( rc==ECX_OK ) rc = db_release(pDb, "wjob");
    /* When the savepoint cannot be undone (SQLite rolled the whole
    ** transaction back), this job and every other one fail below. */
    if( rc && !rcJob ) job_fail(j, rc, err_detail());
  }
  if( rc==ECX_OK ) rc = db_commit(pDb);
  if( rc ){
    char zErr[256];
    snprintf(zErr, sizeof zErr, "%s", err_detail());
    db_rollback(pDb);
    for(WriteJob *j = pList; j; j = j->pNext) if( j->rc==ECX_OK ) job_fail(j, rc, zErr);
  }
  err_clear();
}

int write_group_run(WriteGroup *g, Workspace *pWs, HttpWriteFn xWrite, void *pArg){
  WriteJob job;
  memset(&job, 0, sizeof job);
  job.xWrite = xWrite;
  job.pArg = pArg;
  pthread_mutex_lock(&g->mutex);
  if( g->pTail ) g->pTail->pNext = &job; else g->pHead = &job;
  g->pTail = &job;
  while( !job.done ){
    if( g->busy ){
      pthread_cond_wait(&g->done, &g->mutex);
      continue;
    }
    /* Run the next group: up to WG_MAX jobs from the head (ours among them). */
    WriteJob *pList = g->pHead, *pLast = pList;
    for(int n = 1; n < WG_MAX && pLast->pNext; n++) pLast = pLast->pNext;
    g->pHead = pLast->pNext;
    if( !g->pHead ) g->pTail = 0;
    pLast->pNext = 0;
    g->busy = 1;
    pthread_mutex_unlock(&g->mutex);
    run_group(pWs, pList);
    pthread_mutex_lock(&g->mutex);
    for(WriteJob *j = pList, *pNext; j; j = pNext){ pNext = j->pNext; j->done = 1; }
    g->busy = 0;
    pthread_cond_broadcast(&g->done);
  }
  pthread_mutex_unlock(&g->mutex);
  if( job.rc ) return err_set(job.rc, "%s", job.zErr);
  return ECX_OK;
}

int http_write(HttpReq *p, HttpWriteFn xWrite, void *pArg){
  if( p->pSrv ) return write_group_run(http_server_writes(p->pSrv), p->pWs, xWrite, pArg);
  int keep = 1;
  int rc = db_begin(p->pWs->pDb);
  if( rc ) return rc;
  rc = xWrite(p->pWs, pArg, &keep);
  if( rc==ECX_OK && keep ) rc = db_commit(p->pWs->pDb);
  if( rc || !keep ) db_rollback(p->pWs->pDb);
  return rc;
}
