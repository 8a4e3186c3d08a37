/*
 * cli.h - what the subcommands of the mitch tool share.
 *
 * Each subcommand is one function taking the arguments after the tool name
 * (argv[0] is the subcommand itself) and returning the process exit status:
 * 0 on success, 1 when the input was bad or nothing was found, 2 on a usage
 * error.  Errors go to stderr as "mitch SUBCOMMAND: message".
 */
#ifndef MITCH_CLI_H
#define MITCH_CLI_H

#include <stdio.h>

/* tools/cmd_stream.c: binary streams */
int cmd_decode(int argc, char **argv);
int cmd_encode(int argc, char **argv);

/* tools/cmd_info.c: versions, sizes, the layout table */
int cmd_info(int argc, char **argv);

/* tools/cmd_registry.c: registry and resolution */
int cmd_resolve(int argc, char **argv);
int cmd_asset(int argc, char **argv);
int cmd_provider(int argc, char **argv);
int cmd_channel(int argc, char **argv);

/* Print "mitch CMD: <formatted message>\n" to stderr. */
void cli_error(const char *cmd, const char *fmt, ...)
#if defined(__MINGW32__)
    /* MinGW's C99 stdio (config.h asks for it): %zu & co. work */
    __attribute__((format(gnu_printf, 2, 3)))
#elif defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#endif
