package io.github.mitchprotocol.mitch;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An order-book snapshot ({@code 'b'}, 2072 bytes on the wire): 128 bins
 * per side whose price ranges the aggregator's table gives ({@link Bins}).
 *
 * @param tickerId the instrument's 64-bit ticker id (read it unsigned); must not be 0
 * @param midPrice finite and &gt; 0
 * @param binAggregator which boundary table the bins use
 * @param bids exactly 128 bins, nearest to mid first (an immutable copy)
 * @param asks exactly 128 bins, nearest to mid first (an immutable copy)
 */
public record OrderBook(long tickerId, double midPrice, BinAggregator binAggregator,
    List<Bin> bids, List<Bin> asks) implements Body {

  /** Bins on each side. */
  public static final int BINS_PER_SIDE = 128;

  /**
   * Copies the sides and checks that each has 128 bins.
   *
   * @throws InvalidFieldValueException if a side does not have 128 bins
   */
  public OrderBook {
    Check.notNull("bin_aggregator", binAggregator);
    bids = side("bids", bids);
    asks = side("asks", asks);
  }

  /** A book with every bin empty. */
  public static OrderBook empty(long tickerId, double midPrice, BinAggregator aggregator) {
    List<Bin> none = Collections.nCopies(BINS_PER_SIDE, Bin.EMPTY);
    return new OrderBook(tickerId, midPrice, aggregator, none, none);
  }

  private static List<Bin> side(String name, List<Bin> bins) {
    List<Bin> copy = Check.listCopy(name, bins);
    if (copy.size() != BINS_PER_SIDE) {
      throw (InvalidFieldValueException) Errors.error(Status.INVALID_FIELD_VALUE,
          ErrorDetail.field(name, "must hold exactly 128 bins", copy.size(),
              name + " holds " + copy.size() + " bins, not 128"));
    }
    return copy;
  }

  @Override
  public MessageType messageType() {
    return MessageType.ORDER_BOOK;
  }

  /** Total volume and orders of each side (64-bit sums). */
  public BookTotals totals() {
    Native.ensureLoaded();
    long[] out = new long[4];
    Errors.check(Native.orderBookTotals(toSlots(), out));
    return new BookTotals(out[0], out[1], out[2], out[3]);
  }

  /** Decodes and validates the book at the buffer's position, and advances it. */
  public static OrderBook decode(ByteBuffer in) {
    return fromSlots(Codec.decode('b', in));
  }

  /** Decodes the book in {@code in[offset, offset + length)}. */
  public static OrderBook decode(byte[] in, int offset, int length) {
    return fromSlots(Codec.decode('b', Region.of(in, offset, length)));
  }

  /** Decodes the book at the start of {@code in}. */
  public static OrderBook decode(byte[] in) {
    return decode(Check.notNull("in", in), 0, in.length);
  }

  long[] toSlots() {
    long[] s = new long[3 + 4 * BINS_PER_SIDE];
    s[0] = tickerId;
    s[1] = Double.doubleToRawLongBits(midPrice);
    s[2] = binAggregator.code();
    for (int i = 0; i < BINS_PER_SIDE; i++) {
      s[3 + 2 * i] = bids.get(i).count();
      s[4 + 2 * i] = bids.get(i).volume();
      s[3 + 2 * BINS_PER_SIDE + 2 * i] = asks.get(i).count();
      s[4 + 2 * BINS_PER_SIDE + 2 * i] = asks.get(i).volume();
    }
    return s;
  }

  static OrderBook fromSlots(long[] s) {
    return new OrderBook(s[0], Double.longBitsToDouble(s[1]),
        BinAggregator.fromCode((int) s[2]), bins(s, 3), bins(s, 3 + 2 * BINS_PER_SIDE));
  }

  private static List<Bin> bins(long[] s, int from) {
    List<Bin> bins = new ArrayList<>(BINS_PER_SIDE);
    for (int i = 0; i < BINS_PER_SIDE; i++) {
      bins.add(new Bin(s[from + 2 * i], s[from + 2 * i + 1]));
    }
    return bins;
  }

  @Override
  public String toString() {
    return "OrderBook[tickerId=" + TickerId.toHex(tickerId) + ", midPrice=" + midPrice
        + ", binAggregator=" + binAggregator + ", bids=" + bids + ", asks=" + asks + "]";
  }
}
