/*
** Tests of the server's group commit (src/http/write_group.c): concurrent
** jobs from several threads, each on its own connection, all stored once;
** a failing job and a job that asks to keep nothing leave no trace and do
** not disturb the others of their group; the failure comes back with its
** message to its own thread.
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "../../src/base/err.h"
#include "../../src/http/write_group.h"
#include "../../src/model/entity.h"
#include "../../src/model/workspace.h"

#define WG_THREADS 6
#define WG_JOBS 40

typedef struct WgThread {
  WriteGroup *g;
  const char *zPath;
  int t;
  int nOk, nFailSeen, nBadMsg, nOther;
} WgThread;

typedef struct WgJob { int t, i; } WgJob;

/* Adds touchpoint "tT-I"; every 10th (I%10==3) fails, I%10==7 keeps nothing. */
static int wg_job(Workspace *pWs, void *pArg, int *pKeep){
  WgJob *j = pArg;
  char z[32];
  int64_t id = 0;
  snprintf(z, sizeof z, "t%d-%d", j->t, j->i);
  int rc = ent_ensure(pWs, ENT_TOUCHPOINT, z, &id);
  if( rc ) return rc;
  if( j->i % 10==3 ) return err_set(ECX_EINVAL, "job %s refused", z);
  if( j->i % 10==7 ) *pKeep = 0;
  return ECX_OK;
}

static void *wg_thread(void *pArg){
  WgThread *w = pArg;
  Workspace *pWs = 0;
  if( ws_open(w->zPath, 0, &pWs) ){ w->nOther = WG_JOBS; return 0; }
  for(int i = 0; i < WG_JOBS; i++){
    WgJob j = {w->t, i};
    int rc = write_group_run(w->g, pWs, wg_job, &j);
    char zWant[48];
    snprintf(zWant, sizeof zWant, "job t%d-%d refused", w->t, i);
    if( i % 10==3 ){
      if( rc==ECX_EINVAL ) w->nFailSeen++;
      else w->nOther++;
      if( rc && strstr(err_detail(), zWant)==0 ) w->nBadMsg++;
      err_clear();
    }else if( rc==ECX_OK ){
      w->nOk++;
    }else{
      w->nOther++;
    }
  }
  ws_close(pWs);
  return 0;
}

TEST(write_group_concurrent_jobs_commit_each_once){
  char *z = test_tmp_path(".ecx");
  Workspace *pWs = 0;
  CHECK_INT(ws_init(z, 0, &pWs), ECX_OK);
  ws_close(pWs);
  WriteGroup g;
  write_group_init(&g);
  WgThread aT[WG_THREADS];
  pthread_t aId[WG_THREADS];
  for(int t = 0; t < WG_THREADS; t++){
    memset(&aT[t], 0, sizeof aT[t]);
    aT[t].g = &g;
    aT[t].zPath = z;
    aT[t].t = t;
    CHECK_INT(pthread_create(&aId[t], 0, wg_thread, &aT[t]), 0);
  }
  for(int t = 0; t < WG_THREADS; t++) pthread_join(aId[t], 0);
  write_group_destroy(&g);
  CHECK_INT(ws_open(z, 0, &pWs), ECX_OK);
  int nKept = 0, nWrong = 0;
  for(int t = 0; t < WG_THREADS; t++){
    CHECK_INT(aT[t].nOk, WG_JOBS - WG_JOBS/10);
    CHECK_INT(aT[t].nFailSeen, WG_JOBS/10);
    CHECK_INT(aT[t].nBadMsg, 0);
    CHECK_INT(aT[t].nOther, 0);
    for(int i = 0; i < WG_JOBS; i++){
      char zName[32];
      int64_t id = 0;
      snprintf(zName, sizeof zName, "t%d-%d", t, i);
      int found = ent_find(pWs, ENT_TOUCHPOINT, zName, &id)==ECX_OK;
      err_clear();
      int want = i % 10!=3 && i % 10!=7;
      if( found ) nKept++;
      if( found!=want ) nWrong++;
    }
  }
  CHECK_INT(nWrong, 0);
  CHECK_INT(nKept, WG_THREADS * (WG_JOBS - 2*WG_JOBS/10));
  ws_close(pWs);
  test_remove_ws(z);
  free(z);
}
