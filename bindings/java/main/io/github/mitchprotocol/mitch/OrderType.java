package io.github.mitchprotocol.mitch;

/**
 * Order types (bits 1..7 of an order's {@code type_and_side} byte).
 * Codes are the ordinals; the layout test checks them against the
 * library's list of values for {@code order_type}.
 */
public enum OrderType {
  /** 0: market. */
  MARKET,
  /** 1: limit. */
  LIMIT,
  /** 2: stop. */
  STOP,
  /** 3: cancel (needs only a valid ticker id and order id). */
  CANCEL;

  private static final OrderType[] VALUES = values();

  /** The code on the wire / in the C API. */
  public int code() {
    return ordinal();
  }

  /**
   * The constant of a code.
   *
   * @throws InvalidFieldValueException (status 6) for a code the protocol does not define
   */
  public static OrderType fromCode(int code) {
    if (code < 0 || code >= VALUES.length) {
      throw Errors.badCode("order_type", code, "0..3 (market, limit, stop, cancel)");
    }
    return VALUES[code];
  }
}
