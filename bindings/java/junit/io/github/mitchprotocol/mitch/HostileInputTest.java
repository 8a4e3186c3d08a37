package io.github.mitchprotocol.mitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Garbage, nulls, huge and odd inputs: a clear exception, never a crash. */
class HostileInputTest {
  @Test
  void randomBytesNeverCrashTheDecoders() {
    Random random = new Random(42);
    int refused = 0;
    for (int round = 0; round < 2000; round++) {
      byte[] junk = new byte[random.nextInt(200)];
      random.nextBytes(junk);
      for (MessageType type : MessageType.values()) {
        try {
          BodiesTest.decode(type, ByteBuffer.wrap(junk));
        } catch (MitchException e) {
          refused++;
          assertTrue(e.status() == Status.BUFFER_TOO_SMALL
              || e.status() == Status.INVALID_FIELD_VALUE, e.toString());
        }
      }
      try {
        Capture.messages(junk).stream().forEach(Message::bodies);
      } catch (MitchException e) {
        refused++;
      }
    }
    assertTrue(refused > 2000, "most junk is refused");
  }

  @Test
  void textThatCIsNotGivenUnchangedIsRefused() {
    assertEquals(Status.INVALID_DATA, assertThrows(InvalidDataException.class,
        () -> Registry.resolve("EUR\0USD")).status());
    assertThrows(InvalidDataException.class, () -> Registry.resolve("EUR\uD800USD"));
    assertThrows(InvalidDataException.class, () -> Registry.findAsset("\uDFFF"));
    assertThrows(InvalidDataException.class, () -> Registry.resolve(""));
    assertThrows(NullPointerException.class, () -> Registry.resolve(null));
  }

  @Test
  void megabyteStringsAreRefusedAndNotEchoed() {
    String huge = "A".repeat(1 << 20);
    MitchException e = assertThrows(InvalidDataException.class, () -> Registry.resolve(huge));
    assertTrue(e.getMessage().length() < 400, "the message cuts the input");
    assertThrows(InvalidDataException.class, () -> Registry.findAsset(huge));
    assertThrows(InvalidDataException.class, () -> Registry.findProvider(huge, 0.5));
    assertThrows(InvalidDataException.class, () -> Registry.nameKey(huge));
    assertThrows(InvalidDataException.class, () -> Registry.jaroWinkler(huge, "a"));
    // 255 bytes is the longest query; 256 is refused, not cut to 255.
    String limit = "x".repeat(255);
    assertThrows(NotFoundException.class, () -> Registry.findAsset(limit, null, 0.99));
    assertThrows(InvalidDataException.class, () -> Registry.findAsset(limit + "y", null, 0.99));
    // Multi-byte UTF-8 counts in bytes: 128 x "é" is 256 bytes.
    assertThrows(InvalidDataException.class, () -> Registry.nameKey("é".repeat(128)));
    assertEquals("é".repeat(127), Registry.nameKey("é".repeat(127)));
  }

  @Test
  void nanAndOutOfRangeArguments() {
    assertThrows(InvalidFieldValueException.class,
        () -> Registry.findAsset("BTC", null, Double.NaN));
    assertThrows(InvalidFieldValueException.class, () -> Registry.assetClass(256));
    assertThrows(InvalidFieldValueException.class, () -> Registry.provider(70000));
    assertThrows(InvalidFieldValueException.class,
        () -> Bins.priceRange(Double.NaN, BinAggregator.LINGAUSSIAN, BookSide.BID, 0));
    assertThrows(InvalidFieldValueException.class, () -> new Channel(-1));
    assertThrows(NullPointerException.class, () -> new Trade(1, 1, 1, 1, null));
    assertThrows(NullPointerException.class, () -> Trade.decode((byte[]) null));
  }

  @Test
  void theGlueChecksRegionsItself() {
    // Package-private entry points, called wrongly on purpose: a status, not a crash.
    Native.ensureLoaded();
    long[] slots = new long[5];
    assertEquals(Status.INVALID_DATA, Native.decodeBody('t', null, new byte[32], 1, 32, slots));
    assertEquals(Status.INVALID_DATA, Native.decodeBody('t', null, new byte[32], -1, 2, slots));
    assertEquals(Status.INVALID_DATA, Native.decodeBody('t', null, null, 0, 0, slots));
    assertEquals(Status.INVALID_DATA,
        Native.decodeBody('t', ByteBuffer.allocateDirect(8), new byte[8], 0, 8, slots));
    assertEquals(Status.INVALID_DATA,
        Native.decodeBody('t', ByteBuffer.allocateDirect(16), null, 0, 32, slots));
    assertEquals(Status.INVALID_DATA, Native.decodeBody('t', null, new byte[32], 0, 32,
        new long[2]));
    assertEquals(Status.INVALID_MESSAGE_TYPE,
        Native.decodeBody('x', null, new byte[32], 0, 32, slots));
    assertEquals(Status.INVALID_FIELD_VALUE,
        Native.encodeBody('t', new long[] {1, Double.doubleToLongBits(1), -1, 1, 0}, null,
            new byte[32], 0, 32));
    assertEquals(Status.INVALID_DATA, Native.decodeColumns('t', null, new byte[64], 0, 64, 2,
        new Object[] {new long[1], new double[2], new long[2], new long[2], new byte[2]},
        new long[1]));
    assertEquals(Status.INVALID_DATA, Native.readMessage(null, new byte[8], 0, 8, 9,
        new long[8]));
    assertEquals(Status.INVALID_DATA, Native.resolve(new byte[] {'E', 'U'}, 0, new long[8],
        new Object[7], new double[1]));
  }

  /** The parameter's name, as Objects.requireNonNull(value, "name") gives it. */
  private static void assertNamedNull(String name, org.junit.jupiter.api.function.Executable call) {
    assertEquals(name, assertThrows(NullPointerException.class, call).getMessage());
  }

  @Test
  void nullArgumentsAreRefusedByName() {
    // Found by SweepTest: each was an NPE from dereferencing inside the binding.
    Body trade = BodiesTest.samples().get(0);
    assertNamedNull("aggregator", () -> Bins.table(null));
    assertNamedNull("aggregator", () -> Bins.name(null));
    assertNamedNull("aggregator", () -> Bins.priceRange(1.5, null, BookSide.BID, 0));
    assertNamedNull("side", () -> Bins.priceRange(1.5, BinAggregator.BILINGEO, null, 0));
    assertNamedNull("side", () -> Bins.binForPrice(1.5, BinAggregator.BILINGEO, null, 1.4));
    assertNamedNull("capture", () -> Capture.messages((byte[]) null));
    assertNamedNull("only", () -> Capture.validate(ByteBuffer.wrap(new byte[8]), null));
    assertNamedNull("types", () -> Capture.decode(ByteBuffer.wrap(new byte[8]),
        (MessageType[]) null));
    assertNamedNull("types[1]", () -> Capture.decode(ByteBuffer.wrap(new byte[8]),
        MessageType.TICK, null));
    assertNamedNull("trades", () -> Capture.encode((TradeColumns) null, new long[0]));
    assertNamedNull("books", () -> Capture.encode((OrderBookColumns) null, new long[0]));
    assertNamedNull("timestamps", () -> Capture.encode(TradeColumns.of(CaptureTest.trades(2)),
        null));
    assertNamedNull("type", () -> Channel.of(2, (MessageType) null));
    assertNamedNull("type", () -> Registry.resolve("EURUSD", null));
    assertNamedNull("assetClass", () -> Registry.asset(null, 1));
    assertNamedNull("assetClass", () -> Registry.assets(null));
    assertNamedNull("type", () -> TickerFields.of(null, AssetClass.FOREX, 1, AssetClass.FOREX,
        2));
    assertNamedNull("quoteClass", () -> TickerFields.of(InstrumentType.SPOT, AssetClass.FOREX,
        1, null, 2));
    assertNamedNull("fields", () -> TickerId.encode(null));
    assertNamedNull("text", () -> TickerId.parse(null));
    assertNamedNull("bodies", () -> Message.encode(1, null));
    assertNamedNull("bodies", () -> TradeColumns.of(null));
    assertNamedNull("bodies", () -> OrderBookColumns.of(null));
    assertNamedNull("out", () -> trade.encode(null, 0));
    assertNamedNull("in", () -> Trade.decode((byte[]) null));
    assertNamedNull("in", () -> Order.decode((byte[]) null));
    assertNamedNull("in", () -> Tick.decode((byte[]) null));
    assertNamedNull("in", () -> Index.decode((byte[]) null));
    assertNamedNull("in", () -> OrderBook.decode((byte[]) null));
    assertNamedNull("in", () -> Header.decode((byte[]) null));
  }

  @Test
  void tickerIdParseRefusesWithoutEchoingTheInput() {
    // Found by SweepTest: Long.parseUnsignedLong's message quoted all of a 1 MB string.
    String huge = "x".repeat(1 << 20);
    NumberFormatException e = assertThrows(NumberFormatException.class,
        () -> TickerId.parse(huge));
    assertTrue(e.getMessage().length() < 200, "the message cuts the input");
    assertTrue(e.getMessage().contains("x".repeat(80) + "..."), e.getMessage());
    assertThrows(NumberFormatException.class, () -> TickerId.parse("0x"));
    assertThrows(NumberFormatException.class, () -> TickerId.parse("18446744073709551616"));
    assertThrows(NumberFormatException.class, () -> TickerId.parse("-1"));
    assertEquals(-1L, TickerId.parse("18446744073709551615"));
    assertEquals(BodiesTest.EURUSD, TickerId.parse("0x0305153138900000"));
  }
}
