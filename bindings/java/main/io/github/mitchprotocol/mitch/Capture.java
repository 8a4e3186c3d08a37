package io.github.mitchprotocol.mitch;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Whole captures: concatenated messages of any types, as a file or a
 * socket delivers them.
 */
public final class Capture {
  private Capture() {}

  /** The capture's messages, read in place from the buffer's remaining bytes. */
  public static Messages messages(ByteBuffer capture) {
    return new Messages(Objects.requireNonNull(capture, "capture"));
  }

  /** The capture's messages, read in place from the array. */
  public static Messages messages(byte[] capture) {
    return new Messages(ByteBuffer.wrap(Objects.requireNonNull(capture, "capture")));
  }

  /**
   * Frames and validates every message and body.
   *
   * @throws MitchException at the first damage, with its offset
   */
  public static StreamInfo validate(ByteBuffer capture) {
    return validate(Region.reading(capture), 0);
  }

  /**
   * Like {@link #validate(ByteBuffer)}, and a message of another type than
   * {@code only} is an error (status 2).
   */
  public static StreamInfo validate(ByteBuffer capture, MessageType only) {
    return validate(Region.reading(capture), Objects.requireNonNull(only, "only").code());
  }

  private static StreamInfo validate(Region in, int only) {
    Native.ensureLoaded();
    long[] info = new long[4];
    int status = Native.validateStream(in.direct, in.array, in.offset, in.length, only, info);
    if (status != Status.OK) {
      if (Errors.hasApi11()) {
        long[] err = new long[9];
        Object[] strings = new Object[4];
        if (Native.checkStream(in.direct, in.array, in.offset, in.length, only, err, strings)
            == status) {
          throw Errors.error(status, Errors.detail(err, strings));
        }
      }
      throw Errors.error(status, ErrorDetail.at(info[0], info[2], info[3]));
    }
    return new StreamInfo(info[0], info[1]);
  }

  /**
   * Decodes a whole capture into columns, one set per requested type, each
   * body with its header's timestamp: one native call
   * ({@code mitch_capture_decode}: a counting pass, then the decoding pass).
   * Messages of other types are validated and skipped.
   *
   * @param types the types to collect (none: all five)
   * @throws MitchException at the first damage (nothing is returned then)
   * @throws UnsupportedOperationException if the loaded libmitch is older than 1.1
   */
  public static CaptureColumns decode(ByteBuffer capture, MessageType... types) {
    Native.ensureLoaded();
    requireApi11("Capture.decode");
    MessageType[] wanted = Objects.requireNonNull(types, "types").length == 0
        ? MessageType.values() : types.clone();
    int[] codes = new int[wanted.length];
    for (int k = 0; k < wanted.length; k++) {
      codes[k] = Check.notNull("types[" + k + "]", wanted[k]).code();
      for (int j = 0; j < k; j++) {
        if (codes[j] == codes[k]) {
          throw new IllegalArgumentException(wanted[k] + " requested twice");
        }
      }
    }
    Region in = Region.reading(capture);
    Object[][] columns = new Object[codes.length][];
    for (int k = 0; k < codes.length; k++) {
      columns[k] = new Object[Columns.allocate(codes[k], 0).length + 1]; // + timestamps
    }
    long[] info = new long[4 + codes.length];
    long[] err = new long[9];
    Object[] strings = new Object[4];
    int status = Native.captureDecode(in.direct, in.array, in.offset, in.length, codes, columns,
        info, err, strings);
    if (status != Status.OK) {
      throw Errors.error(status, Errors.detail(err, strings));
    }
    TradeColumns trades = null;
    OrderColumns orders = null;
    TickColumns ticks = null;
    IndexColumns indices = null;
    OrderBookColumns books = null;
    for (int k = 0; k < codes.length; k++) {
      Object[] c = columns[k];
      Object[] fields = java.util.Arrays.copyOf(c, c.length - 1);
      long[] timestamps = (long[]) c[c.length - 1];
      switch (wanted[k]) {
        case TRADE: trades = TradeColumns.from(fields, timestamps); break;
        case ORDER: orders = OrderColumns.from(fields, timestamps); break;
        case TICK: ticks = TickColumns.from(fields, timestamps); break;
        case INDEX: indices = IndexColumns.from(fields, timestamps); break;
        default: books = OrderBookColumns.from(fields, timestamps); break;
      }
    }
    capture.position(capture.limit());
    return new CaptureColumns(trades, orders, ticks, indices, books, info[0], info[1]);
  }

  /**
   * Encodes bodies with one timestamp each into messages (a new message
   * when the timestamp changes or after 255 bodies), everything validated
   * before anything is written ({@code mitch_capture_encode}).
   *
   * @param timestamps one per body (nanoseconds since midnight, below 2^48)
   */
  public static byte[] encode(TradeColumns trades, long[] timestamps) {
    return encode('t', Objects.requireNonNull(trades, "trades").columns(), timestamps);
  }

  /** As {@link #encode(TradeColumns, long[])} for orders. */
  public static byte[] encode(OrderColumns orders, long[] timestamps) {
    return encode('o', Objects.requireNonNull(orders, "orders").columns(), timestamps);
  }

  /** As {@link #encode(TradeColumns, long[])} for ticks. */
  public static byte[] encode(TickColumns ticks, long[] timestamps) {
    return encode('s', Objects.requireNonNull(ticks, "ticks").columns(), timestamps);
  }

  /** As {@link #encode(TradeColumns, long[])} for indices. */
  public static byte[] encode(IndexColumns indices, long[] timestamps) {
    return encode('i', Objects.requireNonNull(indices, "indices").columns(), timestamps);
  }

  /** As {@link #encode(TradeColumns, long[])} for order books. */
  public static byte[] encode(OrderBookColumns books, long[] timestamps) {
    return encode('b', Objects.requireNonNull(books, "books").columns(), timestamps);
  }

  private static byte[] encode(int type, Object[] columns, long[] timestamps) {
    Native.ensureLoaded();
    requireApi11("Capture.encode");
    int n = Columns.size(type, columns);
    Columns.checkShape(type, columns, n);
    if (Objects.requireNonNull(timestamps, "timestamps").length != n) {
      throw new IllegalArgumentException(timestamps.length + " timestamps for " + n + " bodies");
    }
    long[] size = new long[1];
    long[] err = new long[9];
    Object[] strings = new Object[4];
    Errors.check(Native.captureEncode(type, columns, timestamps, n, null, null, 0, 0, size, err,
        strings));
    if (size[0] > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("the capture would exceed 2 GB: encode it in parts");
    }
    byte[] out = new byte[(int) size[0]];
    int status = Native.captureEncode(type, columns, timestamps, n, null, out, 0, out.length,
        size, err, strings);
    if (status != Status.OK) {
      throw Errors.error(status, Errors.detail(err, strings));
    }
    return out;
  }

  private static void requireApi11(String what) {
    if (!Errors.hasApi11()) {
      throw new UnsupportedOperationException(what + " needs libmitch 1.1 or later; "
          + Library.path() + " is " + Library.version());
    }
  }
}
