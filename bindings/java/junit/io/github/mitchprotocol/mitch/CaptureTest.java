package io.github.mitchprotocol.mitch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Messages, captures and columns: one native call for many bodies. */
class CaptureTest {
  static final long EURUSD = BodiesTest.EURUSD;

  static List<Trade> trades(int n) {
    List<Trade> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Trade(i % 2 == 0 ? EURUSD : BodiesTest.HIGH, 1.0 + i / 1024.0, i + 1,
          0xFFFFFFFFL - i, i % 3 == 0 ? Side.SELL : Side.BUY));
    }
    return out;
  }

  /** A capture of mixed types: trades, ticks, one order book, orders. */
  static byte[] mixedCapture() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Body> samples = BodiesTest.samples();
    out.writeBytes(Message.encode(100, trades(3)));
    out.writeBytes(Message.encode(200, List.of(samples.get(3), samples.get(3))));
    out.writeBytes(Message.encode(300, List.of(samples.get(5))));
    out.writeBytes(Message.encode(400, List.of(samples.get(1), samples.get(2))));
    out.writeBytes(Message.encode(500, List.of(samples.get(4))));
    return out.toByteArray();
  }

  @Test
  void iterationDeliversEveryMessageInPlace() {
    byte[] capture = mixedCapture();
    List<Message> messages = new ArrayList<>();
    for (Message m : Capture.messages(capture)) {
      messages.add(m);
    }
    assertEquals(5, messages.size());
    assertEquals(List.of(MessageType.TRADE, MessageType.TICK, MessageType.ORDER_BOOK,
        MessageType.ORDER, MessageType.INDEX),
        messages.stream().map(Message::type).collect(Collectors.toList()));
    assertEquals(trades(3), messages.get(0).bodies());
    assertEquals(100, messages.get(0).header().timestamp());
    assertEquals(0, messages.get(0).offset());
    assertEquals(8 + 3 * 32, messages.get(1).offset());
    assertEquals(List.of(BodiesTest.samples().get(5)), messages.get(2).bodies());
    long total = 0;
    for (Message m : messages) {
      total += m.size();
      assertTrue(m.wire().isReadOnly());
    }
    assertEquals(capture.length, total);
    // The same through a direct buffer, as a stream.
    ByteBuffer direct = ByteBuffer.allocateDirect(capture.length).put(capture).flip();
    assertEquals(5, Capture.messages(direct).stream().count());
    assertEquals(List.of(100L, 200L, 300L, 400L, 500L), Capture.messages(direct).stream()
        .map(m -> m.header().timestamp()).collect(Collectors.toList()));
    assertEquals(0, direct.position(), "iterating does not move the caller's buffer");
    StreamInfo info = Capture.validate(direct);
    assertEquals(5, info.messages());
    assertEquals(3 + 2 + 1 + 2 + 1, info.bodies());
  }

  @Test
  void damageEndsIterationWithTheOffsetAfterTheGoodMessages() {
    byte[] capture = mixedCapture();
    int second = 8 + 3 * 32;
    capture[second] = 'T'; // the tick message's type byte
    Iterator<Message> it = Capture.messages(capture).iterator();
    assertEquals(MessageType.TRADE, it.next().type());
    MitchException e = assertThrows(InvalidMessageTypeException.class, it::hasNext);
    assertEquals(second, e.offset());
    assertEquals(1, e.index());
    assertFalse(it.hasNext(), "the iteration is over");

    byte[] body = mixedCapture();
    body[8 + 32 + 24] = 7; // side of the second trade
    Iterator<Message> bad = Capture.messages(body).iterator();
    MitchException fieldError = assertThrows(InvalidFieldValueException.class, bad::next);
    assertEquals(8 + 32 + 24, fieldError.offset(), "the side's byte");
    assertEquals("side", fieldError.field());
    assertEquals(0, fieldError.index());

    byte[] cut = java.util.Arrays.copyOf(mixedCapture(), 8 + 3 * 32 + 5);
    Iterator<Message> truncated = Capture.messages(cut).iterator();
    truncated.next();
    assertThrows(BufferTooSmallException.class, truncated::next);
    assertThrows(BufferTooSmallException.class, () -> Capture.validate(ByteBuffer.wrap(cut)));
    assertThrows(InvalidMessageTypeException.class,
        () -> Capture.validate(ByteBuffer.wrap(mixedCapture()), MessageType.TRADE));
  }

  @Test
  void anEmptyCaptureHasNoMessages() {
    assertFalse(Capture.messages(new byte[0]).iterator().hasNext());
    assertEquals(new StreamInfo(0, 0), Capture.validate(ByteBuffer.allocateDirect(0)));
  }

  @Test
  void messagesEncodeOneTypeOnly() {
    List<Body> mixed = List.of(trades(1).get(0), BodiesTest.samples().get(3));
    assertEquals(Status.INVALID_DATA,
        assertThrows(InvalidDataException.class, () -> Message.encode(0, mixed)).status());
    assertThrows(InvalidFieldValueException.class, () -> Message.encode(0, List.of()));
    assertThrows(InvalidFieldValueException.class, () -> Message.encode(0, trades(256)));
    assertEquals(8 + 255 * 32, Message.encode(0, trades(255)).length);
    List<Trade> bad = new ArrayList<>(trades(3));
    bad.set(2, new Trade(EURUSD, -1, 1, 1, Side.BUY));
    assertThrows(InvalidFieldValueException.class, () -> Message.encode(0, bad));
    assertThrows(InvalidFieldValueException.class, () -> Message.encode(1L << 48, trades(1)));
  }

  @Test
  void columnsDecodeAndEncodeInOneCall() {
    List<Trade> trades = trades(1000);
    TradeColumns columns = TradeColumns.of(trades);
    byte[] wire = columns.encode();
    assertEquals(1000 * 32, wire.length);
    for (int i = 0; i < 1000; i += 97) {
      assertArrayEquals(trades.get(i).encode(), java.util.Arrays.copyOfRange(wire, i * 32,
          i * 32 + 32));
    }
    ByteBuffer direct = ByteBuffer.allocateDirect(wire.length).put(wire).flip();
    TradeColumns back = TradeColumns.decode(direct);
    assertEquals(wire.length, direct.position());
    assertEquals(trades, back.asList());
    assertNull(back.timestamps());
    assertEquals(trades.get(999), back.get(999));
    assertEquals(trades, TradeColumns.decode(wire, 0, wire.length, 1000).asList());
    // Every type through its columns.
    for (Body body : BodiesTest.samples()) {
      List<Body> three = List.of(body, body, body);
      byte[] bodies = new byte[3 * body.messageType().bodySize()];
      for (int i = 0; i < 3; i++) {
        body.encode(bodies, i * body.messageType().bodySize());
      }
      Object[] c = Columns.decode(body.messageType().code(), Region.of(bodies), 3);
      assertEquals(body, Columns.get(body.messageType().code(), c, 2));
      assertArrayEquals(bodies, Columns.encode(body.messageType().code(),
          Columns.of(body.messageType().code(), three)));
    }
    assertEquals(BodiesTest.samples().get(5), OrderBookColumns.of(List.of(
        (OrderBook) BodiesTest.samples().get(5))).get(0));
  }

  @Test
  void aBadBodyInABatchNamesItsIndex() {
    byte[] wire = TradeColumns.of(trades(600)).encode();
    wire[517 * 32 + 24] = 9;
    MitchException e = assertThrows(InvalidFieldValueException.class,
        () -> TradeColumns.decode(ByteBuffer.wrap(wire)));
    assertEquals(517, e.index());
    assertEquals(517 * 32 + 24, e.offset(), "the side's byte");
    assertEquals("side", e.field());
    assertThrows(BufferTooSmallException.class,
        () -> TradeColumns.decode(ByteBuffer.wrap(new byte[33])));
    assertThrows(BufferTooSmallException.class,
        () -> TradeColumns.decode(new byte[64], 0, 64, 3));

    TradeColumns columns = TradeColumns.of(trades(300));
    columns.quantities()[250] = 1L << 32; // does not fit u32
    MitchException wide = assertThrows(InvalidFieldValueException.class, columns::encode);
    assertEquals(250, wide.index());
    columns.quantities()[250] = 5;
    columns.sides()[299] = 2;
    assertEquals(299, assertThrows(InvalidFieldValueException.class, columns::encode).index());
    TradeColumns ragged = new TradeColumns(new long[2], new double[2], new long[2], new long[1],
        new byte[2], null);
    assertThrows(IllegalArgumentException.class, ragged::encode);
  }

  @Test
  void captureDecodeGivesColumnsWithTimestamps() {
    byte[] capture = mixedCapture();
    CaptureColumns all = Capture.decode(ByteBuffer.wrap(capture));
    assertEquals(5, all.messages());
    assertEquals(9, all.bodies());
    assertEquals(trades(3), all.trades().asList());
    assertArrayEquals(new long[] {100, 100, 100}, all.trades().timestamps());
    assertEquals(2, all.ticks().size());
    assertArrayEquals(new long[] {200, 200}, all.ticks().timestamps());
    assertEquals(BodiesTest.samples().get(5), all.orderBooks().get(0));
    assertEquals(List.of(BodiesTest.samples().get(1), BodiesTest.samples().get(2)),
        all.orders().asList());
    assertEquals(BodiesTest.samples().get(4), all.indices().get(0));

    CaptureColumns ticksOnly = Capture.decode(ByteBuffer.wrap(capture), MessageType.TICK);
    assertNull(ticksOnly.trades());
    assertEquals(2, ticksOnly.ticks().size());

    byte[] damaged = mixedCapture();
    int bid = 8 + 3 * 32 + 8 + 32 + 8; // the second tick's bid price
    for (int k = 0; k < 8; k++) {
      damaged[bid + k] = 0; // 0.0: a bid must be > 0
    }
    MitchException e = assertThrows(InvalidFieldValueException.class,
        () -> Capture.decode(ByteBuffer.wrap(damaged)));
    assertEquals(bid, e.offset());
    assertEquals("bid_price", e.field());
    assertTrue(e.rule() != null && !e.rule().isEmpty());
  }

  @Test
  void captureEncodeStartsAMessageWhenTheTimestampChanges() {
    TradeColumns columns = TradeColumns.of(trades(300));
    long[] timestamps = new long[300];
    for (int i = 0; i < 300; i++) {
      timestamps[i] = i < 10 ? 5 : 6;
    }
    byte[] wire = Capture.encode(columns, timestamps);
    List<Message> messages = Capture.messages(wire).stream().collect(Collectors.toList());
    // 10 at t=5, then 290 at t=6 in messages of at most 255.
    assertEquals(List.of(10, 255, 35), messages.stream().map(m -> m.header().count())
        .collect(Collectors.toList()));
    CaptureColumns back = Capture.decode(ByteBuffer.wrap(wire), MessageType.TRADE);
    assertEquals(columns.asList(), back.trades().asList());
    assertArrayEquals(timestamps, back.trades().timestamps());
    columns.prices()[123] = Double.NaN;
    MitchException e = assertThrows(InvalidFieldValueException.class,
        () -> Capture.encode(columns, timestamps));
    assertEquals("price", e.field());
    assertEquals(123, e.index());
  }

  @Test
  void columnsCheckTheirIndexAndShapeBeforeReading() {
    // Found by SweepTest: get(i) read the arrays directly
    // (ArrayIndexOutOfBoundsException), and a null column failed wherever it was used.
    TradeColumns columns = TradeColumns.of(trades(3));
    assertEquals(IndexOutOfBoundsException.class,
        assertThrows(IndexOutOfBoundsException.class, () -> columns.get(3)).getClass());
    assertEquals(IndexOutOfBoundsException.class,
        assertThrows(IndexOutOfBoundsException.class, () -> columns.get(-1)).getClass());
    assertEquals(IndexOutOfBoundsException.class, assertThrows(IndexOutOfBoundsException.class,
        () -> columns.asList().get(Integer.MIN_VALUE)).getClass());
    assertEquals(trades(3).get(2), columns.get(2));
    TradeColumns ragged = new TradeColumns(new long[2], new double[2], new long[2], new long[1],
        new byte[2], null);
    assertThrows(IllegalArgumentException.class, () -> ragged.get(1));
    // The list view checks the shape once, when it is made (lengths never change).
    assertThrows(IllegalArgumentException.class, ragged::asList);
    assertTrue(columns.asList() instanceof java.util.RandomAccess);
    assertEquals(IndexOutOfBoundsException.class,
        assertThrows(IndexOutOfBoundsException.class, () -> columns.asList().get(3)).getClass());
    OrderBookColumns books = new OrderBookColumns(new long[1], new double[1], new byte[1],
        new int[511], null);
    assertThrows(IllegalArgumentException.class, () -> books.get(0));
    assertThrows(IllegalArgumentException.class, books::asList);
    assertEquals("prices", assertThrows(NullPointerException.class,
        () -> new TradeColumns(new long[1], null, new long[1], new long[1], new byte[1], null))
        .getMessage());
    assertEquals("bins", assertThrows(NullPointerException.class,
        () -> new OrderBookColumns(new long[1], new double[1], new byte[1], null, null))
        .getMessage());
    assertEquals("header", assertThrows(NullPointerException.class,
        () -> new Message(null, 0, ByteBuffer.allocate(0))).getMessage());
    assertEquals("wire", assertThrows(NullPointerException.class,
        () -> new Message(Header.of('t', 1, 1), 0, null)).getMessage());
  }

  @Test
  void aCountTheInputCannotHoldIsRefusedBeforeAnythingIsAllocated() {
    // Found by SweepTest: n = Integer.MAX_VALUE allocated the columns first
    // (OutOfMemoryError: Requested array size exceeds VM limit).
    byte[] wire = TradeColumns.of(trades(2)).encode();
    MitchException e = assertThrows(BufferTooSmallException.class,
        () -> TradeColumns.decode(wire, 0, wire.length, Integer.MAX_VALUE));
    assertEquals(2, e.index(), "the first body that is not there");
    assertEquals(64, e.offset());
    assertThrows(BufferTooSmallException.class,
        () -> IndexColumns.decode(new byte[2400], 0, 2400, Integer.MAX_VALUE));
    assertThrows(BufferTooSmallException.class,
        () -> OrderBookColumns.decode(new byte[2400], 1, 3, Integer.MAX_VALUE));
    assertEquals(trades(2), TradeColumns.decode(wire, 0, wire.length, 2).asList());
  }
}
