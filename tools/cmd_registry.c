/* cmd_registry.c - placeholder until the registry lands (issue 3). */
#include <config.h>

#include "cli.h"

static int not_yet(char **argv) {
  cli_error(argv[0], "the registry is not built into this library yet");
  return 1;
}

int cmd_resolve(int argc, char **argv) { (void)argc; return not_yet(argv); }
int cmd_asset(int argc, char **argv) { (void)argc; return not_yet(argv); }
int cmd_provider(int argc, char **argv) { (void)argc; return not_yet(argv); }
int cmd_channel(int argc, char **argv) { (void)argc; return not_yet(argv); }
