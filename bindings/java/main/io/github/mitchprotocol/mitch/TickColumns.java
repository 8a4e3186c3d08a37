package io.github.mitchprotocol.mitch;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Many {@link Tick}s as columns, one primitive array per field (the arrays
 * are shared, not copied: a decoder fills them in one native call).
 *
 * @param tickerIds ticker ids (unsigned)
 * @param bidPrices bid prices
 * @param askPrices ask prices
 * @param bidVolumes bid volumes (u32)
 * @param askVolumes ask volumes (u32)
 * @param timestamps each body's header timestamp when decoded from a capture, else null
 */
public record TickColumns(
    long[] tickerIds,
    double[] bidPrices,
    double[] askPrices,
    long[] bidVolumes,
    long[] askVolumes,
    long[] timestamps) {

  private static final int TYPE = 's';

  /**
   * Checks that every column is given (timestamps may be null); their
   * lengths are checked where they are used.
   */
  public TickColumns {
    Check.notNull("tickerIds", tickerIds);
    Check.notNull("bidPrices", bidPrices);
    Check.notNull("askPrices", askPrices);
    Check.notNull("bidVolumes", bidVolumes);
    Check.notNull("askVolumes", askVolumes);
  }

  /** Number of bodies. */
  public int size() {
    return tickerIds.length;
  }

  /** Body i as a record. */
  public Tick get(int i) {
    return (Tick) Columns.at(TYPE, columns(), i);
  }

  /**
   * A list view that builds each record on access (random access; the
   * columns are shared, not copied).
   *
   * @throws IllegalArgumentException if the columns' lengths differ
   */
  public List<Tick> asList() {
    return Columns.listView(TYPE, columns(), Tick.class);
  }

  /** Columns holding copies of the bodies' fields (timestamps null). */
  public static TickColumns of(List<Tick> bodies) {
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
  public static TickColumns decode(ByteBuffer bodies) {
    return from(Columns.decodeAll(TYPE, bodies), null);
  }

  /** Decodes {@code n} bodies from {@code in[offset, offset + length)}. */
  public static TickColumns decode(byte[] in, int offset, int length, int n) {
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
    return new Object[] {tickerIds, bidPrices, askPrices, bidVolumes, askVolumes};
  }

  static TickColumns from(Object[] c, long[] timestamps) {
    return new TickColumns((long[]) c[0], (double[]) c[1], (double[]) c[2], (long[]) c[3], (long[]) c[4], timestamps);
  }
}
