#!/bin/sh
# MITCH over Redis with the mitch tool: a subscriber writes what arrives as
# a MITCH stream; a publisher sends a stream on its channels.
# (The README shows this file; the test suite runs it with URL set.)
set -e
mitch subscribe --redis "$URL" --provider Binance --type all --count 6 -o received.mitch &
# Wait until it listens (order books, 6644224, are the last channel it takes).
until [ "$(redis-cli -u "$URL" pubsub numsub 6644224 | tail -n 1)" = 1 ]; do sleep 0.1; done
mitch publish --redis "$URL" --provider Binance data/sample.mitch
wait
cmp data/sample.mitch received.mitch && echo "received the sample, byte for byte"

# Durable: append to the channels' streams, read them through a consumer group.
mitch publish --redis "$URL" --provider Binance --stream --maxlen 100000 data/sample.mitch
mitch subscribe --redis "$URL" --provider Binance --type all \
  --stream --group readers --consumer reader-1 --count 6 -o durable.mitch
mitch decode durable.mitch | tail -n +2 | wc -l
