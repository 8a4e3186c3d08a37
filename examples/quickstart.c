/* quickstart.c - encode a trade message, read it back, resolve a symbol.
   Build: cc quickstart.c $(pkg-config --cflags --libs mitch) */
#include <inttypes.h>
#include <stdio.h>

#include <mitch.h>

int main(void) {
  uint64_t eurusd;
  uint8_t buf[MITCH_HEADER_SIZE + 2 * MITCH_TRADE_SIZE];
  size_t size;
  mitch_trade trades[2] = {
      {0, 1.0875, 1000000, 1, MITCH_SIDE_BUY},
      {0, 1.08752, 250000, 2, MITCH_SIDE_SELL},
  };
  mitch_reader reader;
  mitch_message msg;
  mitch_resolution r;
  int st;

  /* What a trader types, resolved to the registry's EUR/USD spot ticker */
  st = mitch_resolve("EURUSD.m", MITCH_SPOT, &r);
  if (st != MITCH_OK) {
    fprintf(stderr, "resolve: %s\n", mitch_strerror(st));
    return 1;
  }
  printf("EURUSD.m is %s/%s (steps: %s)\n", r.base.name, r.quote.name, r.steps);
  eurusd = r.ticker_id;
  trades[0].ticker_id = trades[1].ticker_id = eurusd;

  st = mitch_message_encode(MITCH_MSG_TRADE, 34200000000000 /* 09:30 */, trades, 2, buf,
                            sizeof buf, &size);
  if (st != MITCH_OK) {
    fprintf(stderr, "encode: %s\n", mitch_strerror(st));
    return 1;
  }

  mitch_reader_init(&reader, buf, size);
  while ((st = mitch_reader_next(&reader, &msg)) == MITCH_OK) {
    size_t i;
    for (i = 0; i < msg.header.count; i++) {
      mitch_trade t;
      st = mitch_trade_decode(msg.bodies + i * msg.body_size, msg.body_size, &t);
      if (st != MITCH_OK)
        break;
      printf("trade %" PRIu32 ": %s %" PRIu32 " @ %.5f (ticker 0x%016" PRIx64 ")\n",
             t.trade_id, t.side == MITCH_SIDE_BUY ? "buy" : "sell", t.quantity, t.price,
             t.ticker_id);
    }
  }
  if (st != MITCH_END) {
    fprintf(stderr, "offset %zu: %s\n", reader.error_offset, mitch_strerror(st));
    return 1;
  }
  return 0;
}
