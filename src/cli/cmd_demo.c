/*
** ecx demo: build the Telco Andina demo workspace (src/model/demo.h).
*/
#include <getopt.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../model/demo.h"

/* Progress on stderr, "\r"-updated; only called when stderr is a terminal. */
static void show_progress(void *pArg, int64_t nDone, int64_t nTotal){
  (void)pArg;
  fprintf(stderr, _("\r%lld/%lld responses (%d%%)"), (long long)nDone, (long long)nTotal,
          (int)(nDone * 100 / nTotal));
  if( nDone==nTotal ) fputc('\n', stderr);
  fflush(stderr);
}

int cmd_demo(int argc, char **argv){
  static const struct option aOpt[] = {
    {"responses", required_argument, 0, 'n'},
    {"seed",      required_argument, 0, 's'},
    {"force",     no_argument,       0, 'f'},
    {"help",      no_argument,       0, 'h'},
    {0, 0, 0, 0}
  };
  DemoOpts opts = {0};
  int64_t v;
  int bForce = 0, c;
  opts.nResponse = -1;
  opts.seed = DEMO_SEED_DEFAULT;
  optind = 1;
  while( (c = getopt_long(argc, argv, "h", aOpt, 0))!=-1 ){
    switch( c ){
      case 'n':
        if( util_parse_int(optarg, &v) || v < 1 || v > DEMO_MAX_RESPONSES ){
          fprintf(stderr, _("ecx: --responses must be a whole number from 1 to %d, not \"%s\"\n"),
                  DEMO_MAX_RESPONSES, optarg);
          return err_exit_code(ECX_EUSAGE);
        }
        opts.nResponse = v;
        break;
      case 's':
        if( util_parse_int(optarg, &v) || v < 0 ){
          fprintf(stderr, _("ecx: --seed must be a whole number of 0 or more, not \"%s\"\n"),
                  optarg);
          return err_exit_code(ECX_EUSAGE);
        }
        opts.seed = (uint64_t)v;
        break;
      case 'f': bForce = 1; break;
      case 'h':
        printf("ecx demo FILE.ecx --responses N [--seed S] [--force]\n");
        printf(_("  --responses N   how many survey responses to generate (1 to %d)\n"),
               DEMO_MAX_RESPONSES);
        printf(_("  --seed S        seed of the generator (default %d); same seed, same data\n"),
               DEMO_SEED_DEFAULT);
        printf(_("  --force         replace FILE.ecx if it already holds data\n"));
        return 0;
      default: return cli_usage("demo");
    }
  }
  if( optind != argc - 1 ) return cli_usage("demo");
  if( opts.nResponse < 0 ){
    fprintf(stderr, _("ecx: --responses N is required\n"));
    return err_exit_code(ECX_EUSAGE);
  }
  if( isatty(2) ) opts.xProgress = show_progress;
  DemoSummary sum;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  int rc = demo_create(argv[optind], &opts, bForce, &sum);
  if( rc ) return cli_fail(rc);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  printf(_("created demo workspace %s for %s: %lld responses from %lld respondents,"
           " %lld answers, %lld comments (seed %llu, %.1f s)\n"),
         argv[optind], demo_org_name(), (long long)sum.nResponse, (long long)sum.nRespondent,
         (long long)sum.nAnswer, (long long)sum.nText, (unsigned long long)opts.seed, secs);
  return 0;
}
