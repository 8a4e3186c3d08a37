package io.github.mitchprotocol.mitch;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Many {@link Index}s as columns, one primitive array per field (the arrays
 * are shared, not copied: a decoder fills them in one native call).
 *
 * @param tickerIds ticker ids (unsigned)
 * @param mids mid prices
 * @param vBids aggregated bid volumes (u32)
 * @param vAsks aggregated ask volumes (u32)
 * @param mSpreads mean spreads
 * @param bBidOs best bid offsets
 * @param bAskOs best ask offsets
 * @param wBidOs worst bid offsets
 * @param wAskOs worst ask offsets
 * @param vForces volatility (u16)
 * @param lForces liquidity (u16)
 * @param tForces trend (i16)
 * @param mForces momentum (i16)
 * @param confidences confidence (u8)
 * @param rejected sources rejected (u8)
 * @param accepted sources accepted (u8)
 * @param timestamps each body's header timestamp when decoded from a capture, else null
 */
public record IndexColumns(
    long[] tickerIds,
    double[] mids,
    long[] vBids,
    long[] vAsks,
    int[] mSpreads,
    int[] bBidOs,
    int[] bAskOs,
    int[] wBidOs,
    int[] wAskOs,
    int[] vForces,
    int[] lForces,
    int[] tForces,
    int[] mForces,
    int[] confidences,
    int[] rejected,
    int[] accepted,
    long[] timestamps) {

  private static final int TYPE = 'i';

  /**
   * Checks that every column is given (timestamps may be null); their
   * lengths are checked where they are used.
   */
  public IndexColumns {
    Check.notNull("tickerIds", tickerIds);
    Check.notNull("mids", mids);
    Check.notNull("vBids", vBids);
    Check.notNull("vAsks", vAsks);
    Check.notNull("mSpreads", mSpreads);
    Check.notNull("bBidOs", bBidOs);
    Check.notNull("bAskOs", bAskOs);
    Check.notNull("wBidOs", wBidOs);
    Check.notNull("wAskOs", wAskOs);
    Check.notNull("vForces", vForces);
    Check.notNull("lForces", lForces);
    Check.notNull("tForces", tForces);
    Check.notNull("mForces", mForces);
    Check.notNull("confidences", confidences);
    Check.notNull("rejected", rejected);
    Check.notNull("accepted", accepted);
  }

  /** Number of bodies. */
  public int size() {
    return tickerIds.length;
  }

  /** Body i as a record. */
  public Index get(int i) {
    return (Index) Columns.at(TYPE, columns(), i);
  }

  /**
   * A list view that builds each record on access (random access; the
   * columns are shared, not copied).
   *
   * @throws IllegalArgumentException if the columns' lengths differ
   */
  public List<Index> asList() {
    return Columns.listView(TYPE, columns(), Index.class);
  }

  /** Columns holding copies of the bodies' fields (timestamps null). */
  public static IndexColumns of(List<Index> bodies) {
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
  public static IndexColumns decode(ByteBuffer bodies) {
    return from(Columns.decodeAll(TYPE, bodies), null);
  }

  /** Decodes {@code n} bodies from {@code in[offset, offset + length)}. */
  public static IndexColumns decode(byte[] in, int offset, int length, int n) {
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
    return new Object[] {tickerIds, mids, vBids, vAsks, mSpreads, bBidOs, bAskOs, wBidOs, wAskOs, vForces, lForces, tForces, mForces, confidences, rejected, accepted};
  }

  static IndexColumns from(Object[] c, long[] timestamps) {
    return new IndexColumns((long[]) c[0], (double[]) c[1], (long[]) c[2], (long[]) c[3], (int[]) c[4], (int[]) c[5], (int[]) c[6], (int[]) c[7], (int[]) c[8], (int[]) c[9], (int[]) c[10], (int[]) c[11], (int[]) c[12], (int[]) c[13], (int[]) c[14], (int[]) c[15], timestamps);
  }
}
