/*
** The command table: one row per ecx command, in the order --help lists them.
*/
#include "cli.h"
#include "../base/i18n.h"

const Command aCommand[] = {
  {"init",    cmd_init,    "FILE.ecx",
   N_("create a new, empty workspace file")},
  {"config",  cmd_config,  "FILE.ecx [KEY [VALUE]]",
   N_("show or change workspace settings (org_name, min_n)")},
  {"import",  cmd_import,  "FILE.ecx INPUT [--format F] [--map MAPFILE] [--survey CODE] [--skip-bad] [--rejects FILE] [--dry-run]",
   N_("import survey responses (Qualtrics, LimeSurvey, CSV, JSON lines)")},
  {"backup",  cmd_backup,  "FILE.ecx COPY.ecx",
   N_("write a consistent copy of a workspace")},
  {"report",  cmd_report,  "FILE.ecx [--by LIST] [--where FILTER] [--segment NAME] [--from DATE] [--to DATE] [--compare previous] [--metrics LIST] [--min-n N] [--format table|csv|json] [--timing]",
   N_("metrics with n and 95% confidence intervals, overall and by groups")},
  {"export",  cmd_export,  "FILE.ecx [--format csv|jsonl] [--where FILTER] [--segment NAME] [--from DATE] [--to DATE] [-o FILE]",
   N_("write one row per response (categories, segments, ratings) as CSV or JSON lines")},
  {"demo",    cmd_demo,    "FILE.ecx --responses N [--seed S] [--force]",
   N_("build a demo workspace for a fictitious telecom, Telco Andina")},
  {"render",  cmd_render,  "FILE.ecx overview|breakdown|heatmap [--where F] [--segment S] [--from D] [--to D] [--by G] [--metric M] [--period P] [--csv]",
   N_("print a dashboard page body as HTML, or its table as CSV")},
  {"serve",   cmd_serve,   "FILE.ecx [--listen HOST:PORT] [--tls-cert FILE --tls-key FILE] [--threads N] | --routes",
   N_("run the web interface (stop with Ctrl-C); --routes lists its pages")},
  {"user",    cmd_user,    "add FILE.ecx LOGIN --role ROLE [--name NAME] [--area AREA] [--touchpoints A,B] | list FILE.ecx | disable|enable|password FILE.ecx LOGIN | role FILE.ecx LOGIN ROLE [--area AREA] [--touchpoints A,B]",
   N_("manage web users (the password comes from ECX_PASSWORD or a prompt)")},
  {"token",   cmd_token,   "add FILE.ecx LOGIN --name NAME [--scopes read,ingest,admin] | list FILE.ecx [LOGIN] | revoke FILE.ecx ID",
   N_("create an API token for a user (printed once), list tokens, revoke one")},
  {"drivers", cmd_drivers, "FILE.ecx [--outcome nps|METRIC] [--predictors A,B,C] [--segment NAME] [--where FILTER] [--from DATE] [--to DATE] [--pairwise] [--bootstrap B] [--seed S] [--format table|csv|json]",
   N_("key-driver analysis: how much each rated dimension explains the NPS (or another outcome)")},
  {"benchmark", cmd_benchmark, "FILE.ecx [--segment NAME] [--where FILTER] [--from DATE] [--to DATE] [--format table|csv|json]",
   N_("our mean on every dimension against each competitor's, with Welch significance")},
  {"promise", cmd_promise, "FILE.ecx list | show ID | recommend [--segment NAME] [--where FILTER] [--weights R,D,F] | save [ID] --json FILE | kpis ID | kpi ID --dimension D --metric mean|top2|nps|csat|ces --target T --area A [--from YYYY-MM] [--to YYYY-MM] | kpi-delete ID --dimension D | matrix ID | alerts [ID] | areas ID [--area A] [--format table|json]",
   N_("experience promises: list, show, recommend dimensions (relevance, differentiation, feasibility), save, KPIs, touchpoint matrix, alerts, areas")},
  {"feasibility", cmd_feasibility, "FILE.ecx [list] [--area A] [--format table|json] | set --area A --dimension D --horizon short|medium --score 1-5 [--comment C]",
   N_("the areas' feasibility ratings of the dimensions: their spread, or set one")},
  {"version", cmd_version, "",
   N_("print the version of ecx and of its libraries")},
  {"help",    cmd_help,    "[COMMAND]",
   N_("list the commands, or explain one")},
};
const int nCommand = sizeof aCommand / sizeof aCommand[0];
