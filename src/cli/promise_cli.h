/*
** Internals of `ecx promise` shared by cmd_promise.c (options, list, show,
** recommend) and cmd_promise_kpi.c (save, KPIs, matrix, alerts, areas).
*/
#ifndef ECX_PROMISE_CLI_H
#define ECX_PROMISE_CLI_H

#include "../base/buf.h"
#include "../frameworks/promise.h"

typedef struct PromiseArgs {
  const char *zSegment, *zWhere;           /* recommend */
  PromiseWeights w;
  const char *zDim, *zMetric, *zTarget, *zArea, *zFrom, *zTo;   /* kpi */
  const char *zJson;                       /* save: the file ("-": stdin) */
  int json;                                /* --format json */
} PromiseArgs;

/* 1 if subcommand zAct changes the workspace. */
int promise_cli_writes(const char *zAct);
/* Run subcommand zAct (save, kpis, kpi, kpi-delete, matrix, alerts, areas)
** with its nArg positional arguments; output appended to pOut. ECX_EUSAGE
** with no detail for an unknown subcommand or a wrong argument count. */
int promise_cli_run(Workspace *pWs, const PromiseArgs *a, const char *zAct, int nArg, char **azArg, Buf *pOut);
/* Parse a promise id; ECX_EUSAGE with a message. */
int promise_cli_id(const char *z, int64_t *pId);

#endif
