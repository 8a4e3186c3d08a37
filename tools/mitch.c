/*
 * mitch.c - the mitch command-line tool: entry point and dispatch.
 *
 *   mitch decode [--json] [FILE|-]     binary MITCH stream -> one line per body
 *   mitch encode [-o OUT] [FILE|-]     JSON lines (from decode --json) -> bytes
 *   mitch info [--layouts] [--json]    versions, body sizes; the layout table
 *   mitch resolve SYMBOL... [--type T] [--json]
 *   mitch asset QUERY [--class C] [--min X] [--json]
 *   mitch provider QUERY [--min X] [--json]
 *   mitch channel PROVIDER TYPE
 *   mitch publish --redis URL ... FILE|-    (tools/cmd_redis.c)
 *   mitch subscribe --redis URL ...
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "mitch.h"

struct command {
  const char *name;
  int (*run)(int argc, char **argv);
  const char *summary;
};

static const struct command commands[] = {
    {"decode", cmd_decode, "print each body of a binary MITCH stream (text or --json lines)"},
    {"encode", cmd_encode, "turn JSON lines from 'decode --json' back into bytes"},
    {"info", cmd_info, "library and protocol versions, body sizes, --layouts"},
    {"resolve", cmd_resolve, "resolve trading symbols to ticker ids"},
    {"asset", cmd_asset, "look up an asset by name or symbol"},
    {"provider", cmd_provider, "look up a market provider"},
    {"channel", cmd_channel, "compute a pub/sub channel id"},
    {"publish", cmd_publish, "publish a MITCH stream on Redis channels or streams"},
    {"subscribe", cmd_subscribe, "write what Redis channels or streams carry as a MITCH stream"},
};

void cli_error(const char *cmd, const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "mitch %s: ", cmd);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

static void usage(FILE *to) {
  size_t i;
  fprintf(to, "usage: mitch COMMAND [ARGS...]\n\ncommands:\n");
  for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
    fprintf(to, "  %-9s %s\n", commands[i].name, commands[i].summary);
  fprintf(to, "\n'mitch COMMAND --help' describes a command; 'mitch --version' prints "
              "the version.\n");
}

int main(int argc, char **argv) {
  size_t i;
  char echo[CLI_ECHO_BUF];
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  /* Every command's output is checked here, once: a failed write is exit
     status 1 (tools/output.c). */
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
      strcmp(argv[1], "help") == 0) {
    usage(stdout);
    return cli_finish_stdout("--help", 0);
  }
  if (strcmp(argv[1], "--version") == 0) {
    printf("mitch %s (libmitch %s, MITCH protocol %s)\n", PACKAGE_VERSION, mitch_get_version(),
           mitch_get_protocol_version());
    return cli_finish_stdout("--version", 0);
  }
  for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
    if (strcmp(argv[1], commands[i].name) == 0)
      return cli_finish_stdout(commands[i].name, commands[i].run(argc - 1, argv + 1));
  fprintf(stderr, "mitch: unknown command '%s'\n\n", cli_echo(argv[1], echo));
  usage(stderr);
  return 2;
}
