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
  {"version", cmd_version, "",
   N_("print the version of ecx and of its libraries")},
  {"help",    cmd_help,    "[COMMAND]",
   N_("list the commands, or explain one")},
};
const int nCommand = sizeof aCommand / sizeof aCommand[0];
