/*
 * gen_trades.c - N one-trade messages whose trade_id counts 1..N, for the
 * consumer-group kill test:  gen_trades N OUT
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mitch.h"

int main(int argc, char **argv) {
  unsigned long n, i;
  FILE *out;
  char *end;
  if (argc != 3 || (n = strtoul(argv[1], &end, 10)) == 0 || *end || n > 0xffffffffUL) {
    fprintf(stderr, "usage: gen_trades N OUT\n");
    return 2;
  }
  if (!(out = fopen(argv[2], "wb"))) {
    perror(argv[2]);
    return 1;
  }
  for (i = 1; i <= n; i++) {
    mitch_trade t;
    uint8_t m[MITCH_HEADER_SIZE + MITCH_TRADE_SIZE];
    size_t size;
    memset(&t, 0, sizeof t);
    t.ticker_id = 0x0305153138900000ull;
    t.price = 1.0 + (double)(i % 1000) * 1e-5;
    t.quantity = 1 + (uint32_t)(i % 97);
    t.trade_id = (uint32_t)i;
    t.side = (uint8_t)(i & 1);
    if (mitch_message_encode(MITCH_MSG_TRADE, i, &t, 1, m, sizeof m, &size) != MITCH_OK ||
        fwrite(m, 1, size, out) != size) {
      fprintf(stderr, "gen_trades: failed at %lu\n", i);
      return 1;
    }
  }
  return fclose(out) == 0 ? 0 : 1;
}
