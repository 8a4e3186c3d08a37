/* MITCH over Redis from C: subscribe, publish, receive validated messages.
   Run with a server URL: redis_quickstart redis://127.0.0.1:6379
   (The README shows this file; the test suite runs it.) */
#include <stdio.h>
#include <string.h>

#include <mitch-redis.h>

int main(int argc, char **argv) {
  const char *url = argc > 1 ? argv[1] : "redis://127.0.0.1:6379";
  char why[MITCH_REDIS_ERROR_SIZE];
  mitch_redis_subscriber *sub;
  mitch_redis *pub;
  mitch_redis_delivery d;
  uint32_t channel;
  uint8_t wire[64];
  size_t size;
  mitch_trade trade = {0x0305153138900000u, 1.0850, 1000000, 1, MITCH_SIDE_BUY};

  /* Binance (101) trades: channel id 6648832, the Redis channel "6648832". */
  mitch_create_channel(101, MITCH_MSG_TRADE, &channel);
  if (mitch_redis_subscriber_open(url, 2000, &sub, why, sizeof why) != MITCH_OK ||
      mitch_redis_connect(url, 2000, &pub, why, sizeof why) != MITCH_OK) {
    fprintf(stderr, "%s\n", why);
    return 1;
  }
  mitch_redis_subscribe(sub, channel, 0);

  /* One message: a header (09:30:00, 1 body) and the trade. */
  mitch_message_encode(MITCH_MSG_TRADE, 34200000000000u, &trade, 1, wire, sizeof wire, &size);
  mitch_redis_publish(pub, channel, wire, size, 0);

  /* The subscriber hands out whole, validated messages only. */
  if (mitch_redis_receive(sub, 2000, &d) == MITCH_OK && d.kind == MITCH_REDIS_MESSAGE) {
    mitch_trade got;
    mitch_trade_decode(d.data + MITCH_HEADER_SIZE, d.size - MITCH_HEADER_SIZE, &got);
    printf("channel %u: %zu bytes, trade %u: %u @ %.4f\n", (unsigned)d.channel_id, d.size,
           (unsigned)got.trade_id, (unsigned)got.quantity, got.price);
  }

  /* Damaged bytes are never sent: the price (bytes 16..23) zeroed. */
  memset(wire + 16, 0, 8);
  if (mitch_redis_publish(pub, channel, wire, size, 0) != MITCH_OK)
    printf("%s\n", mitch_redis_last_error(pub));

  mitch_redis_close(pub);
  mitch_redis_subscriber_close(sub);
  return 0;
}
