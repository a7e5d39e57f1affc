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
  {"backup",  cmd_backup,  "FILE.ecx COPY.ecx",
   N_("write a consistent copy of a workspace")},
  {"report",  cmd_report,  "FILE.ecx [--by LIST] [--where FILTER] [--segment NAME] [--from DATE] [--to DATE] [--compare previous] [--min-n N] [--format table|csv|json] [--timing]",
   N_("metrics with n and 95% confidence intervals, overall and by groups")},
  {"drivers", cmd_drivers, "FILE.ecx [--outcome nps|METRIC] [--predictors A,B,C] [--segment NAME] [--where FILTER] [--from DATE] [--to DATE] [--pairwise] [--bootstrap B] [--seed S] [--format table|csv|json]",
   N_("key-driver analysis: how much each rated dimension explains the NPS (or another outcome)")},
  {"version", cmd_version, "",
   N_("print the version of ecx and of its libraries")},
  {"help",    cmd_help,    "[COMMAND]",
   N_("list the commands, or explain one")},
};
const int nCommand = sizeof aCommand / sizeof aCommand[0];
