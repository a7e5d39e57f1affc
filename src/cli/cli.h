/*
** The command table and helpers shared by command handlers.
**
** Every command is one row of aCommand[] in commands.c: its name, handler,
** synopsis and one-line summary drive dispatch and --help.
*/
#ifndef ECX_CLI_H
#define ECX_CLI_H

typedef struct Command {
  const char *zName;
  int (*xRun)(int argc, char **argv);   /* argv[0] is the command name */
  const char *zUsage;                   /* synopsis after "ecx NAME " */
  const char *zSummary;                 /* one line, translated at print time */
} Command;

extern const Command aCommand[];
extern const int nCommand;

/* Print "ecx: MESSAGE: DETAIL" on stderr for an error code and return the
** process exit code for it. */
int cli_fail(int rc);
/* Print usage of a command on stderr and return the usage exit code. */
int cli_usage(const char *zCmd);
/* Command handlers. */
int cmd_init(int argc, char **argv);
int cmd_version(int argc, char **argv);
int cmd_help(int argc, char **argv);
int cmd_config(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_token(int argc, char **argv);
int cmd_drivers(int argc, char **argv);
int cmd_benchmark(int argc, char **argv);
int cmd_promise(int argc, char **argv);
int cmd_feasibility(int argc, char **argv);

#endif
