package io.github.mitchprotocol.mitch;

/**
 * The boundary tables an order book's 128 bins per side use.
 * Codes are the ordinals; the layout test checks them against the
 * library's list of values for {@code bin_aggregator}.
 */
public enum BinAggregator {
  /** 0: DEFAULT_LINGAUSSIAN, the recommended default. */
  LINGAUSSIAN,
  /** 1: DEFAULT_LINGEOFLAT. */
  LINGEOFLAT,
  /** 2: DEFAULT_BILINGEO. */
  BILINGEO,
  /** 3: DEFAULT_TRILINEAR. */
  TRILINEAR;

  private static final BinAggregator[] VALUES = values();

  /** The code on the wire / in the C API. */
  public int code() {
    return ordinal();
  }

  /**
   * The constant of a code.
   *
   * @throws InvalidFieldValueException (status 6) for a code the protocol does not define
   */
  public static BinAggregator fromCode(int code) {
    if (code < 0 || code >= VALUES.length) {
      throw Errors.badCode("bin_aggregator", code, "0..3");
    }
    return VALUES[code];
  }
}
