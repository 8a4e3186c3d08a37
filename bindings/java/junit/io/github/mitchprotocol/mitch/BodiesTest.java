package io.github.mitchprotocol.mitch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Single bodies and headers: round trips, buffers, widths and raw codes. */
class BodiesTest {
  static final long EURUSD = 0x0305153138900000L;
  /** A ticker id with the top bit set: negative as a Java long. */
  static final long HIGH = 0xA736CD3D9A9E202EL;

  static List<Body> samples() {
    List<Bin> bids = new ArrayList<>();
    List<Bin> asks = new ArrayList<>();
    for (int i = 0; i < 128; i++) {
      bids.add(new Bin(i, 0xFFFFFFFFL - i));
      asks.add(new Bin(1000 + i, i * 7L));
    }
    return List.of(
        new Trade(EURUSD, 1.0875, 4294967295L, 1, Side.SELL),
        new Order(HIGH, 7, 1.5, 100, Side.BUY, OrderType.LIMIT, 0xFFFFFFFFFFFFL),
        new Order(EURUSD, 8, 0.0, 0, Side.SELL, OrderType.CANCEL, 0),
        new Tick(EURUSD, 1.0850, 1.0852, 0, 4294967295L),
        new Index(HIGH, 100.25, 1, 2, -3, Integer.MIN_VALUE, Integer.MAX_VALUE, 6, 7, 10000, 0,
            -10000, 10000, 100, 255, 255),
        new OrderBook(EURUSD, 1.08, BinAggregator.TRILINEAR, bids, asks));
  }

  @Test
  void everyBodyRoundTripsThroughArraysAndBuffers() {
    for (Body body : samples()) {
      byte[] wire = body.encode();
      assertEquals(body.messageType().bodySize(), wire.length, body.toString());
      assertEquals(body, decode(body.messageType(), ByteBuffer.wrap(wire)));
      ByteBuffer direct = ByteBuffer.allocateDirect(wire.length + 3);
      direct.position(3);
      body.encode(direct);
      assertEquals(wire.length + 3, direct.position(), "encode advances the position");
      direct.position(3);
      assertEquals(body, decode(body.messageType(), direct));
      assertEquals(wire.length + 3, direct.position(), "decode advances the position");
      ByteBuffer readOnly = ByteBuffer.wrap(wire).asReadOnlyBuffer();
      assertEquals(body, decode(body.messageType(), readOnly));
      byte[] into = new byte[wire.length + 5];
      assertEquals(wire.length, body.encode(into, 5));
      byte[] back = new byte[wire.length];
      System.arraycopy(into, 5, back, 0, wire.length);
      assertArrayEquals(wire, back);
    }
  }

  static Body decode(MessageType type, ByteBuffer in) {
    switch (type) {
      case TRADE: return Trade.decode(in);
      case ORDER: return Order.decode(in);
      case TICK: return Tick.decode(in);
      case INDEX: return Index.decode(in);
      default: return OrderBook.decode(in);
    }
  }

  @Test
  void theTradeBytesAreTheProtocols() {
    // protocol.md: ticker id, price, quantity, trade id, side, 7 bytes padding.
    byte[] wire = new Trade(EURUSD, 1.0875, 1000, 1, Side.BUY).encode();
    assertEquals("0000903831150503" // ticker id 0x0305153138900000, little-endian
        + "666666666666f13f" // 1.0875 = 0x3ff1666666666666
        + "e8030000" // 1000
        + "01000000" // 1
        + "00" // buy
        + "00000000000000", HexFormat.of().formatHex(wire));
  }

  @Test
  void unsignedTickerIdsSurvive() {
    Trade t = new Trade(HIGH, 2.0, 1, 1, Side.BUY);
    Trade back = Trade.decode(t.encode());
    assertEquals(HIGH, back.tickerId());
    assertEquals("12049043517547094062", TickerId.toString(back.tickerId()));
    assertEquals("0xa736cd3d9a9e202e", TickerId.toHex(back.tickerId()));
    assertEquals(HIGH, TickerId.parse("12049043517547094062"));
    assertTrue(TickerId.compare(HIGH, EURUSD) > 0, "unsigned: the high id is larger");
    assertTrue(back.toString().contains("0xa736cd3d9a9e202e"));
  }

  @Test
  void valuesThatDoNotFitTheirFieldAreRefused() {
    InvalidFieldValueException e = assertThrows(InvalidFieldValueException.class,
        () -> new Trade(EURUSD, 1, 4294967296L, 1, Side.BUY));
    assertEquals("quantity", e.field());
    assertEquals(Status.INVALID_FIELD_VALUE, e.status());
    assertEquals("trade_id", assertThrows(InvalidFieldValueException.class,
        () -> new Trade(EURUSD, 1, 1, -1, Side.BUY)).field());
    assertEquals("confidence", assertThrows(InvalidFieldValueException.class,
        () -> new Index(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 256, 0, 0)).field());
    assertEquals("t_force", assertThrows(InvalidFieldValueException.class,
        () -> new Index(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 40000, 0, 0, 0, 0)).field());
    assertEquals("count", assertThrows(InvalidFieldValueException.class,
        () -> new Header(MessageType.TRADE, 0, 256)).field());
    assertEquals("bids", assertThrows(InvalidFieldValueException.class,
        () -> new OrderBook(1, 1, BinAggregator.LINGAUSSIAN, List.of(Bin.EMPTY),
            Collections.nCopies(128, Bin.EMPTY))).field());
  }

  @Test
  void rawCodesTheProtocolDoesNotDefineAreStatus6Or2() {
    assertEquals("side", assertThrows(InvalidFieldValueException.class,
        () -> Trade.of(1, 1, 1, 1, 2)).field());
    assertEquals("order_type", assertThrows(InvalidFieldValueException.class,
        () -> Order.of(1, 1, 1, 1, 0, 4, 0)).field());
    assertEquals(Side.SELL, Trade.of(1, 1, 1, 1, 1).side());
    assertEquals(Status.INVALID_MESSAGE_TYPE, assertThrows(InvalidMessageTypeException.class,
        () -> Header.of('T', 0, 1)).status());
    assertEquals(Status.INVALID_MESSAGE_TYPE, assertThrows(MitchException.class,
        () -> MessageType.fromCode(0)).status());
    assertThrows(InvalidFieldValueException.class, () -> BinAggregator.fromCode(4));
    assertThrows(InvalidFieldValueException.class, () -> Side.fromCode(-1));
  }

  @Test
  void protocolRulesAreTheLibrarys() {
    // Representable but invalid: refused at encode, with the library's status.
    assertEquals(Status.INVALID_FIELD_VALUE, assertThrows(InvalidFieldValueException.class,
        () -> new Trade(EURUSD, Double.NaN, 1, 1, Side.BUY).encode()).status());
    assertThrows(InvalidFieldValueException.class,
        () -> new Trade(0, 1.0, 1, 1, Side.BUY).encode());
    assertThrows(InvalidFieldValueException.class,
        () -> new Tick(EURUSD, 2.0, 1.0, 1, 1).encode());
    assertThrows(InvalidFieldValueException.class,
        () -> new Header(MessageType.TRADE, 1L << 48, 1).encode());
    assertThrows(InvalidFieldValueException.class,
        () -> new Header(MessageType.TRADE, 0, 0).encode());
    assertThrows(InvalidFieldValueException.class,
        () -> new Trade(EURUSD, 1.0, 0, 1, Side.BUY).validate());
  }

  @Test
  void shortBuffersAreStatus3AndLeaveTheBufferAlone() {
    Trade t = new Trade(EURUSD, 1.0875, 1, 1, Side.BUY);
    ByteBuffer small = ByteBuffer.allocateDirect(31);
    assertEquals(Status.BUFFER_TOO_SMALL,
        assertThrows(BufferTooSmallException.class, () -> t.encode(small)).status());
    assertEquals(0, small.position());
    for (int i = 0; i < 31; i++) {
      assertEquals(0, small.get(i), "nothing written");
    }
    assertThrows(BufferTooSmallException.class, () -> Trade.decode(new byte[31]));
    ByteBuffer in = ByteBuffer.wrap(t.encode(), 0, 31);
    assertThrows(BufferTooSmallException.class, () -> Trade.decode(in));
    assertEquals(0, in.position());
    assertThrows(BufferTooSmallException.class, () -> t.encode(new byte[40], 9));
    assertThrows(IndexOutOfBoundsException.class, () -> t.encode(new byte[40], 41));
    assertThrows(IndexOutOfBoundsException.class, () -> Trade.decode(new byte[40], 20, 21));
    assertThrows(ReadOnlyBufferException.class,
        () -> t.encode(ByteBuffer.allocate(32).asReadOnlyBuffer()));
    assertThrows(BufferTooSmallException.class, () -> Header.decode(new byte[7]));
  }

  @Test
  void damagedBytesAreRefusedOnDecode() {
    byte[] wire = new Trade(EURUSD, 1.0875, 1, 1, Side.BUY).encode();
    wire[24] = 2; // side
    assertThrows(InvalidFieldValueException.class, () -> Trade.decode(wire));
    byte[] zero = new byte[32];
    assertThrows(InvalidFieldValueException.class, () -> Tick.decode(zero));
  }

  @Test
  void headersRoundTripWithUnsignedTimestamps() {
    Header h = new Header(MessageType.ORDER_BOOK, 0xFFFFFFFFFFFFL, 255);
    byte[] wire = h.encode();
    assertEquals(8, wire.length);
    assertEquals('b', wire[0]);
    assertEquals(h, Header.decode(wire));
    assertEquals(8 + 255L * 2072, h.messageSize());
    ByteBuffer buffer = ByteBuffer.allocateDirect(8);
    h.encode(buffer);
    assertEquals(h, Header.decode(buffer.flip()));
  }

  @Test
  void metricsAndTotalsComeFromTheLibrary() {
    TickMetrics m = new Tick(EURUSD, 1.0, 3.0, 1, 3).metrics();
    assertEquals(2.0, m.mid());
    assertEquals(2.0, m.spread());
    assertEquals(10000.0, m.spreadBps());
    assertEquals(0.5, m.imbalance());
    assertEquals(4, m.totalVolume());
    assertEquals(8589934590L, new Tick(EURUSD, 1, 1, 4294967295L, 4294967295L).metrics()
        .totalVolume());
    IndexMetrics im = new Index(1, 100.0, 0, 0, 0, 10_000_000, 0, 0, 0, 5000, 0, -10000, 0,
        96, 0, 1).metrics();
    assertEquals(101.0, im.bestBidPrice(), 1e-12);
    assertEquals(0.5, im.volatility());
    assertEquals(-1.0, im.trend());
    assertEquals("very high", im.confidenceBand());
    OrderBook book = (OrderBook) samples().get(5);
    BookTotals totals = book.totals();
    long bidVolume = 0;
    for (Bin b : book.bids()) {
      bidVolume += b.volume();
    }
    assertEquals(bidVolume, totals.bidVolume());
    assertEquals(128 * 1000 + 127 * 64, totals.askCount());
  }

  @Test
  void binsAndChannels() {
    double[] ends = Bins.table(BinAggregator.LINGAUSSIAN);
    assertEquals(128, ends.length);
    for (int i = 1; i < ends.length; i++) {
      assertTrue(ends[i] >= ends[i - 1], "non-decreasing");
    }
    ends[0] = -1; // a copy: the next call is unaffected
    assertTrue(Bins.table(BinAggregator.LINGAUSSIAN)[0] >= 0);
    assertEquals("DEFAULT_TRILINEAR", Bins.name(BinAggregator.TRILINEAR));
    Bins.PriceRange first = Bins.priceRange(100.0, BinAggregator.LINGAUSSIAN, BookSide.ASK, 0);
    assertEquals(100.0, first.start());
    assertEquals(0, Bins.binForPrice(100.0, BinAggregator.LINGAUSSIAN, BookSide.BID, 100.0));
    assertEquals(127, Bins.binForPrice(100.0, BinAggregator.LINGAUSSIAN, BookSide.ASK, 1e9));
    assertThrows(InvalidFieldValueException.class,
        () -> Bins.binForPrice(100.0, BinAggregator.LINGAUSSIAN, BookSide.ASK, 99.0));
    assertThrows(InvalidFieldValueException.class,
        () -> Bins.priceRange(100.0, BinAggregator.LINGAUSSIAN, BookSide.ASK, 128));
    assertEquals("very low", Bins.confidenceBand(0));

    Channel c = Channel.of(101, MessageType.TICK);
    assertEquals((101L << 16) | ('s' << 8), c.id());
    assertEquals(101, c.providerId());
    assertEquals(MessageType.TICK, c.messageType());
    assertEquals(c, Channel.unpack(c.pack()));
    assertEquals(Status.INVALID_MESSAGE_TYPE,
        assertThrows(MitchException.class, () -> Channel.of(1, 'x')).status());
    assertThrows(InvalidChannelIdException.class, () -> new Channel(0x00657301L));
    assertThrows(BufferTooSmallException.class, () -> Channel.unpack(new byte[3]));
  }

  @Test
  void tickerIdsThroughTheLibrary() {
    TickerFields f = TickerId.decode(EURUSD);
    assertEquals(new TickerFields(0, 3, 1301, 3, 5001, 0), f);
    assertEquals(EURUSD, f.encode());
    assertEquals(EURUSD, TickerFields.of(InstrumentType.SPOT, AssetClass.FOREX, 1301,
        AssetClass.FOREX, 5001).encode());
    assertTrue(TickerId.isForex(EURUSD) && TickerId.isSpot(EURUSD));
    assertTrue(!TickerId.isCrypto(EURUSD) && !TickerId.isEquity(EURUSD));
    TickerId.validate(EURUSD);
    assertThrows(InvalidTickerIdException.class, () -> TickerId.validate(0xF000000000000000L));
    assertThrows(InvalidFieldValueException.class,
        () -> new TickerFields(16, 0, 0, 0, 0, 0).encode());
    assertThrows(InvalidFieldValueException.class,
        () -> new TickerFields(256 + 1, 0, 0, 0, 0, 0).encode());
    assertEquals((3L << 16) | 1301, TickerId.packAsset(3, 1301));
  }

  @Test
  void errorsNameTheirStatus() {
    MitchException e = MitchException.forStatus(42, "x", null);
    assertTrue(e instanceof UnknownStatusException);
    assertEquals(42, e.status());
    assertNull(e.field());
    assertEquals(-1, e.offset());
    assertTrue(MitchException.forStatus(9, "x", null) instanceof NotFoundException);
    assertTrue(Status.text(3).length() > 0);
  }

  @Test
  void aNullBinIsRefusedByName() {
    // Found by SweepTest: List.copyOf's NullPointerException, without a message.
    List<Bin> bids = new ArrayList<>(Collections.nCopies(128, Bin.EMPTY));
    bids.set(5, null);
    List<Bin> asks = Collections.nCopies(128, Bin.EMPTY);
    assertEquals("bids[5]", assertThrows(NullPointerException.class,
        () -> new OrderBook(EURUSD, 1.5, BinAggregator.LINGAUSSIAN, bids, asks)).getMessage());
    assertEquals("asks", assertThrows(NullPointerException.class,
        () -> new OrderBook(EURUSD, 1.5, BinAggregator.LINGAUSSIAN, asks, null)).getMessage());
  }
}
