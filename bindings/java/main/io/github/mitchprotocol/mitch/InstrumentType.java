package io.github.mitchprotocol.mitch;

/**
 * Instrument types (bits 63..60 of a ticker id).
 * Codes are the ordinals; a test checks them against the registry's
 * {@code mitch_instrument_type_get} (14 and 15 reserved).
 */
public enum InstrumentType {
  /** Code 0. */
  SPOT,
  /** Code 1. */
  FUTURE,
  /** Code 2. */
  FORWARD,
  /** Code 3. */
  SWAP,
  /** Code 4. */
  PERPETUAL_SWAP,
  /** Code 5. */
  CFD,
  /** Code 6. */
  CALL_OPTION,
  /** Code 7. */
  PUT_OPTION,
  /** Code 8. */
  DIGITAL_OPTION,
  /** Code 9. */
  BARRIER_OPTION,
  /** Code 10. */
  WARRANT,
  /** Code 11. */
  PREDICTION_CONTRACT,
  /** Code 12. */
  FUND_OR_TRUST,
  /** Code 13. */
  STRUCTURED_PRODUCT;

  private static final InstrumentType[] VALUES = values();

  /** The code on the wire / in the C API. */
  public int code() {
    return ordinal();
  }

  /**
   * The constant of a code.
   *
   * @throws InvalidFieldValueException (status 6) for a code the protocol does not define
   */
  public static InstrumentType fromCode(int code) {
    if (code < 0 || code >= VALUES.length) {
      throw Errors.badCode("instrument_type", code, "0..13 (14 and 15 are reserved)");
    }
    return VALUES[code];
  }
}
