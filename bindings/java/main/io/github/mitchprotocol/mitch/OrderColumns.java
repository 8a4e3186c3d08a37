package io.github.mitchprotocol.mitch;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Many {@link Order}s as columns, one primitive array per field (the arrays
 * are shared, not copied: a decoder fills them in one native call).
 *
 * @param tickerIds ticker ids (unsigned)
 * @param orderIds order ids (u32)
 * @param prices prices
 * @param quantities quantities (u32)
 * @param orderTypes order type codes ({@link OrderType#fromCode})
 * @param sides side codes
 * @param expiryMs expiries (Unix ms, below 2^48)
 * @param timestamps each body's header timestamp when decoded from a capture, else null
 */
public record OrderColumns(
    long[] tickerIds,
    long[] orderIds,
    double[] prices,
    long[] quantities,
    byte[] orderTypes,
    byte[] sides,
    long[] expiryMs,
    long[] timestamps) {

  private static final int TYPE = 'o';

  /**
   * Checks that every column is given (timestamps may be null); their
   * lengths are checked where they are used.
   */
  public OrderColumns {
    Check.notNull("tickerIds", tickerIds);
    Check.notNull("orderIds", orderIds);
    Check.notNull("prices", prices);
    Check.notNull("quantities", quantities);
    Check.notNull("orderTypes", orderTypes);
    Check.notNull("sides", sides);
    Check.notNull("expiryMs", expiryMs);
  }

  /** Number of bodies. */
  public int size() {
    return tickerIds.length;
  }

  /** Body i as a record. */
  public Order get(int i) {
    return (Order) Columns.at(TYPE, columns(), i);
  }

  /**
   * A list view that builds each record on access (random access; the
   * columns are shared, not copied).
   *
   * @throws IllegalArgumentException if the columns' lengths differ
   */
  public List<Order> asList() {
    return Columns.listView(TYPE, columns(), Order.class);
  }

  /** Columns holding copies of the bodies' fields (timestamps null). */
  public static OrderColumns of(List<Order> bodies) {
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
  public static OrderColumns decode(ByteBuffer bodies) {
    return from(Columns.decodeAll(TYPE, bodies), null);
  }

  /** Decodes {@code n} bodies from {@code in[offset, offset + length)}. */
  public static OrderColumns decode(byte[] in, int offset, int length, int n) {
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
    return new Object[] {tickerIds, orderIds, prices, quantities, orderTypes, sides, expiryMs};
  }

  static OrderColumns from(Object[] c, long[] timestamps) {
    return new OrderColumns((long[]) c[0], (long[]) c[1], (double[]) c[2], (long[]) c[3], (byte[]) c[4], (byte[]) c[5], (long[]) c[6], timestamps);
  }
}
