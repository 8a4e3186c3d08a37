package io.github.mitchprotocol.mitch;

import io.github.mitchprotocol.mitch.conformance.Conformance;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;

/**
 * Every native method, on good and bad input, for the -Xcheck:jni run of
 * {@link CheckJniTest} (a separate JVM, so the checker sees nothing else).
 */
public final class CheckJniWorkload {
  private CheckJniWorkload() {}

  public static void main(String[] args) throws Exception {
    Conformance.Result r = Conformance.run(Paths.get(args[0]),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    System.out.println("conformance " + r.passed() + " passed, " + r.failed() + " failed");
    byte[] capture = CaptureTest.mixedCapture();
    ByteBuffer direct = ByteBuffer.allocateDirect(capture.length).put(capture).flip();
    for (ByteBuffer b : List.of(ByteBuffer.wrap(capture), direct,
        ByteBuffer.wrap(capture).asReadOnlyBuffer())) {
      Capture.messages(b).forEach(Message::bodies);
      Capture.validate(b);
      if (Errors.hasApi11()) {
        Capture.decode(b.duplicate());
      }
    }
    for (Body body : BodiesTest.samples()) {
      Columns.encode(body.messageType().code(), Columns.of(body.messageType().code(),
          List.of(body, body)));
      if (body instanceof Tick) {
        ((Tick) body).metrics();
      } else if (body instanceof Index) {
        ((Index) body).metrics();
      } else if (body instanceof OrderBook) {
        ((OrderBook) body).totals();
      }
    }
    TradeColumns trades = TradeColumns.of(CaptureTest.trades(700));
    TradeColumns.decode(ByteBuffer.wrap(trades.encode()));
    if (Errors.hasApi11()) {
      Capture.encode(trades, new long[700]);
    }
    // Failures on every path: exceptions must leave nothing pending in C.
    byte[] bad = capture.clone();
    bad[8 + 24] = 9;
    expectFailure(() -> Capture.messages(bad).forEach(Message::bodies));
    expectFailure(() -> Capture.validate(ByteBuffer.wrap(bad)));
    expectFailure(() -> TradeColumns.decode(ByteBuffer.wrap(bad, 8, 96)));
    expectFailure(() -> new Trade(1, Double.NaN, 1, 1, Side.BUY).encode());
    expectFailure(() -> new Trade(1, 1, 1, 1, Side.BUY).encode(ByteBuffer.allocateDirect(4)));
    expectFailure(() -> Registry.resolve("A".repeat(100_000)));
    expectFailure(() -> Registry.findAsset("zzzzqqqq", null, 0.99));
    expectFailure(() -> Registry.provider(65000));
    expectFailure(() -> Channel.unpack(new byte[2]));
    if (Errors.hasApi11()) {
      expectFailure(() -> Capture.decode(ByteBuffer.wrap(bad)));
      trades.prices()[5] = -1;
      expectFailure(() -> Capture.encode(trades, new long[700]));
    }
    Registry.providers();
    Registry.assets(AssetClass.CRYPTO);
    Registry.nameKey("The Apple Company Inc.");
    Registry.jaroWinkler("a", "b");
    Bins.table(BinAggregator.BILINGEO);
    Bins.priceRange(10, BinAggregator.BILINGEO, BookSide.BID, 127);
    TickerId.decode(BodiesTest.HIGH);
    TickerId.isValid(BodiesTest.HIGH);
    Library.path();
    new HostileInputTest().theGlueChecksRegionsItself();
    System.out.println("workload done");
  }

  private static void expectFailure(Runnable r) {
    try {
      r.run();
    } catch (MitchException e) {
      return;
    }
    throw new AssertionError("no MitchException");
  }
}
