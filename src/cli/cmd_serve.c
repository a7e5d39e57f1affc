/*
** ecx serve: run the web interface on a workspace.
*/
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../http/http_int.h"
#include "../http/server.h"

int cmd_serve(int argc, char **argv){
  static const struct option aOpt[] = {
    {"listen", required_argument, 0, 'l'},
    {"tls-cert", required_argument, 0, 'c'},
    {"tls-key", required_argument, 0, 'k'},
    {"threads", required_argument, 0, 't'},
    {"routes", no_argument, 0, 'r'},
    {"help", no_argument, 0, 'h'},
    {0, 0, 0, 0}
  };
  HttpOptions opt;
  int c, routes = 0;
  int64_t n;
  memset(&opt, 0, sizeof opt);
  opt.zListen = "127.0.0.1:8080";
  optind = 1;
  opterr = 0;
  while( (c = getopt_long(argc, argv, "h", aOpt, 0))!=-1 ){
    switch( c ){
      case 'l': opt.zListen = optarg; break;
      case 'c': opt.zCertFile = optarg; break;
      case 'k': opt.zKeyFile = optarg; break;
      case 't':
        if( util_parse_int(optarg, &n) || n < 1 || n > 64 ){
          err_set(ECX_EUSAGE, _("--threads must be a whole number from 1 to 64, not \"%s\""), optarg);
          return cli_fail(ECX_EUSAGE);
        }
        opt.nThread = (int)n;
        break;
      case 'r': routes = 1; break;
      case 'h': return cmd_help(2, (char*[]){"help", "serve", 0});
      default: return cli_usage("serve");
    }
  }
  if( routes ){
    if( optind!=argc ) return cli_usage("serve");
    http_print_routes();
    return 0;
  }
  if( optind!=argc-1 ) return cli_usage("serve");
  opt.zWorkspace = argv[optind];
  int rc = http_serve(&opt);
  return rc ? cli_fail(rc) : 0;
}
