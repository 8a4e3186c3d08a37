package io.github.mitchprotocol.mitch;

import java.nio.ByteBuffer;

/**
 * An order ({@code 'o'}, 32 bytes on the wire).
 *
 * @param tickerId the instrument's 64-bit ticker id (read it unsigned); must not be 0
 * @param orderId u32, &gt; 0
 * @param price finite and &gt; 0; a cancel needs only finite and &gt;= 0
 * @param quantity u32, &gt; 0; any value for a cancel
 * @param side buy or sell (bit 0 of the wire's type_and_side byte)
 * @param orderType market, limit, stop or cancel (its bits 1..7)
 * @param expiryMs Unix time in milliseconds, below 2^48; 0 = good till cancelled
 */
public record Order(long tickerId, long orderId, double price, long quantity, Side side,
    OrderType orderType, long expiryMs) implements Body {

  /**
   * Checks that every value fits its field; the protocol's rules are
   * checked on encode.
   *
   * @throws InvalidFieldValueException if a value does not fit
   */
  public Order {
    Check.u32("order_id", orderId);
    Check.u32("quantity", quantity);
    Check.notNull("side", side);
    Check.notNull("order_type", orderType);
  }

  /**
   * An order from raw codes.
   *
   * @throws InvalidFieldValueException (status 6) for a side above 1 or an order type above 3
   */
  public static Order of(long tickerId, long orderId, double price, long quantity, int side,
      int orderType, long expiryMs) {
    return new Order(tickerId, orderId, price, quantity, Side.fromCode(side),
        OrderType.fromCode(orderType), expiryMs);
  }

  @Override
  public MessageType messageType() {
    return MessageType.ORDER;
  }

  /** Decodes and validates the order at the buffer's position, and advances it. */
  public static Order decode(ByteBuffer in) {
    return fromSlots(Codec.decode('o', in));
  }

  /** Decodes the order in {@code in[offset, offset + length)}. */
  public static Order decode(byte[] in, int offset, int length) {
    return fromSlots(Codec.decode('o', Region.of(in, offset, length)));
  }

  /** Decodes the order at the start of {@code in}. */
  public static Order decode(byte[] in) {
    return decode(Check.notNull("in", in), 0, in.length);
  }

  long[] toSlots() {
    return new long[] {tickerId, orderId, Double.doubleToRawLongBits(price), quantity,
        orderType.code(), side.code(), expiryMs};
  }

  static Order fromSlots(long[] s) {
    return new Order(s[0], s[1], Double.longBitsToDouble(s[2]), s[3], Side.fromCode((int) s[5]),
        OrderType.fromCode((int) s[4]), s[6]);
  }

  @Override
  public String toString() {
    return "Order[tickerId=" + TickerId.toHex(tickerId) + ", orderId=" + orderId + ", price="
        + price + ", quantity=" + quantity + ", side=" + side + ", orderType=" + orderType
        + ", expiryMs=" + Long.toUnsignedString(expiryMs) + "]";
  }
}
