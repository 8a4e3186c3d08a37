/*
 * echo.c - user input as the mitch tool quotes it back in a message: whole
 * when it is short, else its beginning and its length.  A 2000-character
 * "symbol" must not turn one error line into 2000 characters.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "cli.h"

const char *cli_echo(const char *s, char buf[CLI_ECHO_BUF]) {
  size_t len = strlen(s), cut = CLI_ECHO_MAX - 3;
  if (len <= CLI_ECHO_MAX)
    return s;
  /* Back to the start of a UTF-8 character: never half of one. */
  while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
    cut--;
  snprintf(buf, CLI_ECHO_BUF, "%.*s... (%zu bytes)", (int)cut, s, len);
  return buf;
}
