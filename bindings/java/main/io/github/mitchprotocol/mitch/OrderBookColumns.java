package io.github.mitchprotocol.mitch;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Many {@link OrderBook}s as columns, one primitive array per field (the arrays
 * are shared, not copied: a decoder fills them in one native call).
 *
 * @param tickerIds ticker ids (unsigned)
 * @param midPrices mid prices
 * @param binAggregators aggregator codes ({@link BinAggregator#fromCode})
 * @param bins 512 u32 values per book (count and volume of bids 0..127, then of asks), read unsigned
 * @param timestamps each body's header timestamp when decoded from a capture, else null
 */
public record OrderBookColumns(
    long[] tickerIds,
    double[] midPrices,
    byte[] binAggregators,
    int[] bins,
    long[] timestamps) {

  private static final int TYPE = 'b';

  /**
   * Checks that every column is given (timestamps may be null); their
   * lengths are checked where they are used.
   */
  public OrderBookColumns {
    Check.notNull("tickerIds", tickerIds);
    Check.notNull("midPrices", midPrices);
    Check.notNull("binAggregators", binAggregators);
    Check.notNull("bins", bins);
  }

  /** Number of bodies. */
  public int size() {
    return tickerIds.length;
  }

  /** Body i as a record. */
  public OrderBook get(int i) {
    return (OrderBook) Columns.at(TYPE, columns(), i);
  }

  /**
   * A list view that builds each record on access (random access; the
   * columns are shared, not copied).
   *
   * @throws IllegalArgumentException if the columns' lengths differ
   */
  public List<OrderBook> asList() {
    return Columns.listView(TYPE, columns(), OrderBook.class);
  }

  /** Columns holding copies of the bodies' fields (timestamps null). */
  public static OrderBookColumns of(List<OrderBook> bodies) {
    return from(Columns.of(TYPE, bodies), null);
  }

  /**
   * Decodes and validates every body in the buffer's remaining bytes
   * (wire bodies back to back, no headers) in one native call, and
   * advances the buffer past them.
   *
   * @throws BufferTooSmallException if the last body is cut short
   * @throws InvalidFieldValueException naming the first bad body ({@link MitchException#index()})
   */
  public static OrderBookColumns decode(ByteBuffer bodies) {
    return from(Columns.decodeAll(TYPE, bodies), null);
  }

  /** Decodes {@code n} bodies from {@code in[offset, offset + length)}. */
  public static OrderBookColumns decode(byte[] in, int offset, int length, int n) {
    return from(Columns.decode(TYPE, Region.of(in, offset, length), n), null);
  }

  /**
   * The bodies' wire bytes back to back, every body validated before
   * anything is written.
   */
  public byte[] encode() {
    return Columns.encode(TYPE, columns());
  }

  Object[] columns() {
    return new Object[] {tickerIds, midPrices, binAggregators, bins};
  }

  static OrderBookColumns from(Object[] c, long[] timestamps) {
    return new OrderBookColumns((long[]) c[0], (double[]) c[1], (byte[]) c[2], (int[]) c[3], timestamps);
  }
}
