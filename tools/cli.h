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

/* tools/cmd_redis.c: MITCH over Redis (absent without libmitch-redis) */
int cmd_publish(int argc, char **argv);
int cmd_subscribe(int argc, char **argv);

/* tools/output.c: output files written aside and renamed on success, and
   standard output checked once.  An output file: */
typedef struct cli_output {
  FILE *file;       /* write here (stdout when there is no output file) */
  const char *path; /* as the user named it (NULL: standard output) */
  char *dest;       /* the regular file replaced on success, else NULL */
  char *tmp;        /* the temporary file beside it, else NULL */
} cli_output;

/* Open `path` for writing (NULL or "-": standard output, binary on
   Windows).  Refuses, with an error, a path that is the same file as
   `input` (any link to it; `input` may be NULL).  Returns 0, or 1 after
   printing an error. */
int cli_output_open(const char *cmd, const char *path, FILE *input, cli_output *o);

/* Finish an output: with `success`, make the file what was written (rename
   over the old one); without, or when a write failed, leave the old file
   as it was and remove what was written.  A failed write to a file is
   reported here.  Returns 0 when the output is complete, else 1. */
int cli_output_close(const char *cmd, cli_output *o, int success);

/* In main(), after the command: flush standard output; a write that
   failed makes the exit status 1, with "write error" on stderr unless the
   reader went away (a closed pipe ends the program quietly). */
int cli_finish_stdout(const char *cmd, int status);

/* Did a write fail because its reader went away (errno value `err`)? */
int cli_reader_gone(int err);

/* tools/echo.c: user input quoted back in a message is cut to about
   CLI_ECHO_MAX bytes (at a UTF-8 boundary, "..." and its length added);
   returns `s` itself when it is short enough, else `buf`. */
#define CLI_ECHO_MAX 80
#define CLI_ECHO_BUF (CLI_ECHO_MAX + 40)
const char *cli_echo(const char *s, char buf[CLI_ECHO_BUF]);

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
