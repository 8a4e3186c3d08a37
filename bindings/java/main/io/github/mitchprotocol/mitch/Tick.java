package io.github.mitchprotocol.mitch;

import java.nio.ByteBuffer;

/**
 * A top-of-book tick ({@code 's'}, 32 bytes on the wire).
 *
 * @param tickerId the instrument's 64-bit ticker id (read it unsigned); must not be 0
 * @param bidPrice finite and &gt; 0
 * @param askPrice finite and &gt; 0, not below the bid
 * @param bidVolume u32
 * @param askVolume u32
 */
public record Tick(long tickerId, double bidPrice, double askPrice, long bidVolume,
    long askVolume) implements Body {

  /**
   * Checks that the volumes fit u32; the protocol's rules are checked on encode.
   *
   * @throws InvalidFieldValueException if a value does not fit
   */
  public Tick {
    Check.u32("bid_volume", bidVolume);
    Check.u32("ask_volume", askVolume);
  }

  @Override
  public MessageType messageType() {
    return MessageType.TICK;
  }

  /** Mid, spread, spread in basis points, imbalance and total volume (libmitch computes them). */
  public TickMetrics metrics() {
    Native.ensureLoaded();
    double[] out = new double[5];
    Errors.check(Native.tickMetrics(toSlots(), out));
    return new TickMetrics(out[0], out[1], out[2], out[3], Double.doubleToRawLongBits(out[4]));
  }

  /** Decodes and validates the tick at the buffer's position, and advances it. */
  public static Tick decode(ByteBuffer in) {
    return fromSlots(Codec.decode('s', in));
  }

  /** Decodes the tick in {@code in[offset, offset + length)}. */
  public static Tick decode(byte[] in, int offset, int length) {
    return fromSlots(Codec.decode('s', Region.of(in, offset, length)));
  }

  /** Decodes the tick at the start of {@code in}. */
  public static Tick decode(byte[] in) {
    return decode(Check.notNull("in", in), 0, in.length);
  }

  long[] toSlots() {
    return new long[] {tickerId, Double.doubleToRawLongBits(bidPrice),
        Double.doubleToRawLongBits(askPrice), bidVolume, askVolume};
  }

  static Tick fromSlots(long[] s) {
    return new Tick(s[0], Double.longBitsToDouble(s[1]), Double.longBitsToDouble(s[2]), s[3],
        s[4]);
  }

  @Override
  public String toString() {
    return "Tick[tickerId=" + TickerId.toHex(tickerId) + ", bidPrice=" + bidPrice
        + ", askPrice=" + askPrice + ", bidVolume=" + bidVolume + ", askVolume=" + askVolume
        + "]";
  }
}
