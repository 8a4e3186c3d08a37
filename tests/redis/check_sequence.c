/*
 * check_sequence.c - the consumer-group kill test's verdict:
 *   check_sequence N FILE...
 * Every FILE must be a valid MITCH stream of one-trade messages (whole
 * messages only) whose trade ids rise strictly (each consumer writes its
 * share in stream order); together they must hold each trade id 1..N
 * exactly once.  Prints the counts; exit 0 only if all of that holds.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mitch.h"

int main(int argc, char **argv) {
  unsigned long n, missing = 0, duplicated = 0, total = 0, i;
  unsigned char *seen;
  char *end;
  int f, bad = 0;
  if (argc < 3 || (n = strtoul(argv[1], &end, 10)) == 0 || *end) {
    fprintf(stderr, "usage: check_sequence N FILE...\n");
    return 2;
  }
  seen = calloc(n + 1, 1);
  if (!seen)
    return 2;
  for (f = 2; f < argc; f++) {
    FILE *in = fopen(argv[f], "rb");
    uint8_t *data;
    long size;
    mitch_reader rd;
    mitch_message m;
    unsigned long count = 0, last = 0;
    if (!in) {
      perror(argv[f]);
      return 1;
    }
    fseek(in, 0, SEEK_END);
    size = ftell(in);
    rewind(in);
    data = malloc(size ? (size_t)size : 1);
    if (!data || fread(data, 1, (size_t)size, in) != (size_t)size) {
      fprintf(stderr, "%s: cannot read\n", argv[f]);
      return 1;
    }
    fclose(in);
    if (mitch_stream_validate(data, (size_t)size, MITCH_MSG_TRADE, NULL) != MITCH_OK) {
      fprintf(stderr, "%s: not a valid stream of trade messages\n", argv[f]);
      bad = 1;
    }
    mitch_reader_init(&rd, data, (size_t)size);
    while (mitch_reader_next(&rd, &m) == MITCH_OK) {
      mitch_trade t;
      if (m.header.count != 1 || mitch_trade_decode(m.bodies, m.body_size, &t) != MITCH_OK ||
          t.trade_id == 0 || t.trade_id > n) {
        fprintf(stderr, "%s: message at %zu is not one of the test's trades\n", argv[f],
                m.offset);
        bad = 1;
        break;
      }
      if (t.trade_id <= last) {
        fprintf(stderr, "%s: trade %u after %lu: out of order\n", argv[f], t.trade_id, last);
        bad = 1;
      }
      last = t.trade_id;
      if (seen[t.trade_id]++)
        duplicated++;
      count++;
    }
    printf("%s: %lu messages\n", argv[f], count);
    total += count;
    free(data);
  }
  for (i = 1; i <= n; i++)
    if (!seen[i])
      missing++;
  printf("total %lu of %lu: %lu missing, %lu duplicated\n", total, n, missing, duplicated);
  free(seen);
  return bad || missing || duplicated ? 1 : 0;
}
