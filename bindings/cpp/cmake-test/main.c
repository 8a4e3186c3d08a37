/* The C side of the CMake package test: mitch.h through mitch::mitch. */
#include <stdio.h>

#include <mitch.h>

int main(void) {
  uint8_t out[MITCH_HEADER_SIZE];
  int st = mitch_pack_header(MITCH_MSG_TRADE, 1, 1, out);
  printf("c: libmitch %s, header status %d\n", mitch_get_version(), st);
  return st;
}
