package io.github.mitchprotocol.mitch;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Many {@link Trade}s as columns, one primitive array per field (the arrays
 * are shared, not copied: a decoder fills them in one native call).
 *
 * @param tickerIds ticker ids (unsigned)
 * @param prices prices
 * @param quantities quantities (u32)
 * @param tradeIds trade ids (u32)
 * @param sides side codes ({@link Side#fromCode})
 * @param timestamps each body's header timestamp when decoded from a capture, else null
 */
public record TradeColumns(
    long[] tickerIds,
    double[] prices,
    long[] quantities,
    long[] tradeIds,
    byte[] sides,
    long[] timestamps) {

  private static final int TYPE = 't';

  /**
   * Checks that every column is given (timestamps may be null); their
   * lengths are checked where they are used.
   */
  public TradeColumns {
    Check.notNull("tickerIds", tickerIds);
    Check.notNull("prices", prices);
    Check.notNull("quantities", quantities);
    Check.notNull("tradeIds", tradeIds);
    Check.notNull("sides", sides);
  }

  /** Number of bodies. */
  public int size() {
    return tickerIds.length;
  }

  /** Body i as a record. */
  public Trade get(int i) {
    return (Trade) Columns.at(TYPE, columns(), i);
  }

  /**
   * A list view that builds each record on access (random access; the
   * columns are shared, not copied).
   *
   * @throws IllegalArgumentException if the columns' lengths differ
   */
  public List<Trade> asList() {
    return Columns.listView(TYPE, columns(), Trade.class);
  }

  /** Columns holding copies of the bodies' fields (timestamps null). */
  public static TradeColumns of(List<Trade> bodies) {
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
  public static TradeColumns decode(ByteBuffer bodies) {
    return from(Columns.decodeAll(TYPE, bodies), null);
  }

  /** Decodes {@code n} bodies from {@code in[offset, offset + length)}. */
  public static TradeColumns decode(byte[] in, int offset, int length, int n) {
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
    return new Object[] {tickerIds, prices, quantities, tradeIds, sides};
  }

  static TradeColumns from(Object[] c, long[] timestamps) {
    return new TradeColumns((long[]) c[0], (double[]) c[1], (long[]) c[2], (long[]) c[3], (byte[]) c[4], timestamps);
  }
}
