/* version.c - run-time versions (they must agree with mitch.h). */
#include <config.h>

#include "mitch.h"

static const char library_version[] = MITCH_VERSION_STRING;
static const char protocol_version[] = MITCH_PROTOCOL_VERSION_STRING;

const char *mitch_get_version(void) {
  return library_version;
}

size_t mitch_get_version_len(void) {
  return sizeof library_version - 1;
}

const char *mitch_get_protocol_version(void) {
  return protocol_version;
}

size_t mitch_get_protocol_version_len(void) {
  return sizeof protocol_version - 1;
}

unsigned mitch_get_version_number(void) {
  return MITCH_VERSION_NUMBER;
}
