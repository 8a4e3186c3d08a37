package io.github.mitchprotocol.mitch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many threads through every kind of call at once, each checking its
 * results against the answers computed on one thread first: the glue and
 * the library share nothing mutable.
 */
class ThreadsTest {
  @Test
  void eightThreadsAgreeWithOne() throws Exception {
    byte[] capture = CaptureTest.mixedCapture();
    List<Trade> trades = CaptureTest.trades(2000);
    byte[] bodies = TradeColumns.of(trades).encode();
    Ticker ticker = Registry.resolve("BTC-USDT");
    AssetMatch asset = Registry.findAsset("Etherium");
    List<Body> samples = BodiesTest.samples();
    List<byte[]> wires = new ArrayList<>();
    for (Body b : samples) {
      wires.add(b.encode());
    }

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        final int seed = t;
        Callable<Integer> work = () -> {
          int checks = 0;
          for (int round = 0; round < 200; round++) {
            int k = (seed + round) % samples.size();
            assertEquals(samples.get(k), BodiesTest.decode(samples.get(k).messageType(),
                ByteBuffer.wrap(samples.get(k).encode())));
            org.junit.jupiter.api.Assertions.assertArrayEquals(wires.get(k),
                samples.get(k).encode());
            if (round % 20 == 0) {
              ByteBuffer direct = ByteBuffer.allocateDirect(bodies.length).put(bodies).flip();
              assertEquals(trades, TradeColumns.decode(direct).asList());
              assertEquals(5, Capture.messages(capture).stream().count());
              assertEquals(ticker, Registry.resolve("BTC-USDT"));
              assertEquals(asset, Registry.findAsset("Etherium"));
            }
            try {
              new Trade(1, -1, 1, 1, Side.BUY).encode();
            } catch (InvalidFieldValueException expected) {
              checks++;
            }
            checks++;
          }
          return checks;
        };
        results.add(pool.submit(work));
      }
      for (Future<Integer> f : results) {
        assertEquals(400, f.get(120, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
