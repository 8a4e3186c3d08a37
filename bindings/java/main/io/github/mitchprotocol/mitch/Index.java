package io.github.mitchprotocol.mitch;

import java.nio.ByteBuffer;

/**
 * A synthetic index across venues ({@code 'i'}, 64 bytes on the wire).
 * Offsets are in 1e-9 of a price unit relative to mid; forces in 1e-4.
 *
 * @param tickerId the index's 64-bit ticker id (read it unsigned); must not be 0
 * @param mid finite and &gt; 0
 * @param vBid aggregated bid volume (u32)
 * @param vAsk aggregated ask volume (u32)
 * @param mSpread mean spread (i32)
 * @param bBidO best bid offset from mid (i32)
 * @param bAskO best ask offset (i32)
 * @param wBidO worst bid offset (i32)
 * @param wAskO worst ask offset (i32)
 * @param vForce volatility, u16, 0..10000
 * @param lForce liquidity, u16, 0..10000
 * @param tForce trend, i16, -10000..10000
 * @param mForce momentum, i16, -10000..10000
 * @param confidence u8, 0..100
 * @param rejected sources rejected (u8)
 * @param accepted sources accepted (u8); 0 requires confidence 0
 */
public record Index(long tickerId, double mid, long vBid, long vAsk, int mSpread, int bBidO,
    int bAskO, int wBidO, int wAskO, int vForce, int lForce, int tForce, int mForce,
    int confidence, int rejected, int accepted) implements Body {

  /**
   * Checks that every value fits its field; the protocol's rules (ranges
   * of the forces and of confidence) are checked on encode.
   *
   * @throws InvalidFieldValueException if a value does not fit
   */
  public Index {
    Check.u32("v_bid", vBid);
    Check.u32("v_ask", vAsk);
    Check.u16("v_force", vForce);
    Check.u16("l_force", lForce);
    Check.i16("t_force", tForce);
    Check.i16("m_force", mForce);
    Check.u8("confidence", confidence);
    Check.u8("rejected", rejected);
    Check.u8("accepted", accepted);
  }

  @Override
  public MessageType messageType() {
    return MessageType.INDEX;
  }

  /** Prices and forces derived from the index ({@code mitch_index_metrics_get}). */
  public IndexMetrics metrics() {
    Native.ensureLoaded();
    double[] out = new double[9];
    Object[] band = new Object[1];
    Errors.check(Native.indexMetrics(toSlots(), out, band));
    return new IndexMetrics(out[0], out[1], out[2], out[3], out[4], out[5], out[6], out[7],
        out[8], Errors.string(band[0]));
  }

  /** Decodes and validates the index at the buffer's position, and advances it. */
  public static Index decode(ByteBuffer in) {
    return fromSlots(Codec.decode('i', in));
  }

  /** Decodes the index in {@code in[offset, offset + length)}. */
  public static Index decode(byte[] in, int offset, int length) {
    return fromSlots(Codec.decode('i', Region.of(in, offset, length)));
  }

  /** Decodes the index at the start of {@code in}. */
  public static Index decode(byte[] in) {
    return decode(Check.notNull("in", in), 0, in.length);
  }

  long[] toSlots() {
    return new long[] {tickerId, Double.doubleToRawLongBits(mid), vBid, vAsk, mSpread, bBidO,
        bAskO, wBidO, wAskO, vForce, lForce, tForce, mForce, confidence, rejected, accepted};
  }

  static Index fromSlots(long[] s) {
    return new Index(s[0], Double.longBitsToDouble(s[1]), s[2], s[3], (int) s[4], (int) s[5],
        (int) s[6], (int) s[7], (int) s[8], (int) s[9], (int) s[10], (int) s[11], (int) s[12],
        (int) s[13], (int) s[14], (int) s[15]);
  }

  @Override
  public String toString() {
    return "Index[tickerId=" + TickerId.toHex(tickerId) + ", mid=" + mid + ", vBid=" + vBid
        + ", vAsk=" + vAsk + ", mSpread=" + mSpread + ", bBidO=" + bBidO + ", bAskO=" + bAskO
        + ", wBidO=" + wBidO + ", wAskO=" + wAskO + ", vForce=" + vForce + ", lForce="
        + lForce + ", tForce=" + tForce + ", mForce=" + mForce + ", confidence=" + confidence
        + ", rejected=" + rejected + ", accepted=" + accepted + "]";
  }
}
