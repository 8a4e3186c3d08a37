package io.github.mitchprotocol.mitch;

/**
 * The side of a trade's aggressor or of an order.
 * Codes are the ordinals; the layout test checks them against the
 * library's list of values for {@code side}.
 */
public enum Side {
  /** 0: buy (for a trade: the aggressor bought). */
  BUY,
  /** 1: sell. */
  SELL;

  private static final Side[] VALUES = values();

  /** The code on the wire / in the C API. */
  public int code() {
    return ordinal();
  }

  /**
   * The constant of a code.
   *
   * @throws InvalidFieldValueException (status 6) for a code the protocol does not define
   */
  public static Side fromCode(int code) {
    if (code < 0 || code >= VALUES.length) {
      throw Errors.badCode("side", code, "0 (buy) or 1 (sell)");
    }
    return VALUES[code];
  }
}
