/*
 * Bench.java - what the Java binding costs over C (make bench-java).
 *
 *   java -cp mitch.jar:. Bench [--c-baseline PATH] [--scalar N] [--bulk N]
 *
 * In one invocation: scalar pack and unpack of a trade (through byte[] and
 * through a direct ByteBuffer), the bulk decode of N trade bodies into
 * columns (from a direct buffer, and from a byte[] pinned as a critical
 * region), then the C baseline program doing the identical work.  Every
 * figure is the median of 5 runs, with the min and max (the noise), after
 * a warm-up run the JIT compiles on.
 */
import io.github.mitchprotocol.mitch.Side;
import io.github.mitchprotocol.mitch.Trade;
import io.github.mitchprotocol.mitch.TradeColumns;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.util.Arrays;

public final class Bench {
  static final int RUNS = 5;
  static volatile long sink;

  interface Work {
    void run(long n);
  }

  static void measure(String name, long n, Work work) {
    work.run(n); // warm-up
    double[] t = new double[RUNS];
    for (int r = 0; r < RUNS; r++) {
      long start = System.nanoTime();
      work.run(n);
      t[r] = (System.nanoTime() - start) / (double) n;
    }
    Arrays.sort(t);
    System.out.printf("java  %-22s %9.3f ns  (min %.3f, max %.3f)%n", name, t[RUNS / 2], t[0],
        t[RUNS - 1]);
  }

  public static void main(String[] args) throws Exception {
    String baseline = null;
    long scalar = 5_000_000;
    int bulk = 1_000_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--c-baseline": baseline = args[++i]; break;
        case "--scalar": scalar = Long.parseLong(args[++i]); break;
        case "--bulk": bulk = Integer.parseInt(args[++i]); break;
        default: throw new IllegalArgumentException(args[i]);
      }
    }
    byte[] bodies = new byte[bulk * 32];
    for (int i = 0; i < bulk; i++) {
      new Trade(0x0305153138900000L + (i & 7), 1.0 + (i % 1000) / 1024.0, (i % 100000) + 1,
          i + 1, (i & 1) == 0 ? Side.BUY : Side.SELL).encode(bodies, i * 32);
    }
    ByteBuffer direct = ByteBuffer.allocateDirect(bodies.length).put(bodies).flip();
    byte[] out = new byte[32];
    ByteBuffer directOut = ByteBuffer.allocateDirect(32);

    measure("JNI floor (a no-op call)", scalar, n -> {
      for (long i = 0; i < n; i++) {
        sink += io.github.mitchprotocol.mitch.Library.versionNumber();
      }
    });
    measure("pack (byte[])", scalar, n -> {
      for (long i = 0; i < n; i++) {
        new Trade(0x0305153138900000L, 1.0850, (i & 0xffff) + 1, 7, Side.BUY).encode(out, 0);
        sink += out[16];
      }
    });
    measure("pack (direct buffer)", scalar, n -> {
      for (long i = 0; i < n; i++) {
        directOut.clear();
        new Trade(0x0305153138900000L, 1.0850, (i & 0xffff) + 1, 7, Side.BUY).encode(directOut);
        sink += directOut.get(16);
      }
    });
    measure("unpack (byte[])", scalar, n -> {
      for (long i = 0; i < n; i++) {
        sink += Trade.decode(bodies, (int) (i & 1023) * 32, 32).quantity();
      }
    });
    measure("unpack (direct buffer)", scalar, n -> {
      for (long i = 0; i < n; i++) {
        direct.position((int) (i & 1023) * 32);
        sink += Trade.decode(direct).quantity();
      }
    });
    direct.position(0);
    measure("bulk (direct buffer)", bulk, n -> {
      TradeColumns c = TradeColumns.decode(direct.duplicate());
      sink += c.tradeIds()[c.size() - 1];
    });
    measure("bulk (byte[], critical)", bulk, n -> {
      TradeColumns c = TradeColumns.decode(ByteBuffer.wrap(bodies));
      sink += c.tradeIds()[c.size() - 1];
    });
    if (baseline != null) {
      Process p = new ProcessBuilder(baseline, Long.toString(scalar), Integer.toString(bulk))
          .redirectErrorStream(true).start();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
        for (String line; (line = r.readLine()) != null; ) {
          String[] f = line.split(" ");
          System.out.printf("C     %-22s %9s ns  (min %s, max %s)%n", f[0], f[1], f[2], f[3]);
        }
      }
      if (p.waitFor() != 0) {
        throw new IllegalStateException("the C baseline failed");
      }
    }
  }
}
