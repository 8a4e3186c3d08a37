package io.github.mitchprotocol.mitch;

import java.nio.ByteBuffer;

/**
 * A trade ({@code 't'}, 32 bytes on the wire).
 *
 * @param tickerId the instrument's 64-bit ticker id (read it unsigned); must not be 0
 * @param price the trade price; finite and &gt; 0
 * @param quantity u32, &gt; 0
 * @param tradeId u32, &gt; 0
 * @param side the aggressor's side
 */
public record Trade(long tickerId, double price, long quantity, long tradeId, Side side)
    implements Body {

  /**
   * Checks that every value fits its field (u32 for quantity and trade id);
   * the protocol's rules are checked on encode.
   *
   * @throws InvalidFieldValueException if a value does not fit
   */
  public Trade {
    Check.u32("quantity", quantity);
    Check.u32("trade_id", tradeId);
    Check.notNull("side", side);
  }

  /**
   * A trade from raw codes, as they come from another system.
   *
   * @throws InvalidFieldValueException (status 6) for a side code other than 0 or 1
   */
  public static Trade of(long tickerId, double price, long quantity, long tradeId, int side) {
    return new Trade(tickerId, price, quantity, tradeId, Side.fromCode(side));
  }

  @Override
  public MessageType messageType() {
    return MessageType.TRADE;
  }

  /**
   * Decodes and validates the trade at the buffer's position, and advances it.
   *
   * @throws BufferTooSmallException if fewer than 32 bytes remain
   * @throws InvalidFieldValueException if the bytes break a rule
   */
  public static Trade decode(ByteBuffer in) {
    return fromSlots(Codec.decode('t', in));
  }

  /** Decodes the trade in {@code in[offset, offset + length)} (extra bytes are ignored). */
  public static Trade decode(byte[] in, int offset, int length) {
    return fromSlots(Codec.decode('t', Region.of(in, offset, length)));
  }

  /** Decodes the trade at the start of {@code in}. */
  public static Trade decode(byte[] in) {
    return decode(Check.notNull("in", in), 0, in.length);
  }

  long[] toSlots() {
    return new long[] {tickerId, Double.doubleToRawLongBits(price), quantity, tradeId,
        side.code()};
  }

  static Trade fromSlots(long[] s) {
    return new Trade(s[0], Double.longBitsToDouble(s[1]), s[2], s[3], Side.fromCode((int) s[4]));
  }

  @Override
  public String toString() {
    return "Trade[tickerId=" + TickerId.toHex(tickerId) + ", price=" + price + ", quantity="
        + quantity + ", tradeId=" + tradeId + ", side=" + side + "]";
  }
}
