package io.github.mitchprotocol.mitch;

/**
 * Asset classes (4 bits of a ticker id's legs and of a packed asset).
 * Codes are the ordinals; a test checks them against the registry's
 * {@code mitch_asset_class_get} (14 and 15 reserved).
 */
public enum AssetClass {
  /** Code 0. */
  EQUITIES,
  /** Code 1. */
  CORPORATE_BONDS,
  /** Code 2. */
  SOVEREIGN_DEBT,
  /** Code 3. */
  FOREX,
  /** Code 4. */
  COMMODITIES,
  /** Code 5. */
  REAL_ESTATE,
  /** Code 6. */
  CRYPTO,
  /** Code 7. */
  PRIVATE_MARKETS,
  /** Code 8. */
  COLLECTIBLES,
  /** Code 9. */
  INFRASTRUCTURE,
  /** Code 10. */
  INDICES,
  /** Code 11. */
  STRUCTURED_PRODUCTS,
  /** Code 12. */
  CASH,
  /** Code 13. */
  LOANS;

  private static final AssetClass[] VALUES = values();

  /** The code on the wire / in the C API. */
  public int code() {
    return ordinal();
  }

  /**
   * The constant of a code.
   *
   * @throws InvalidFieldValueException (status 6) for a code the protocol does not define
   */
  public static AssetClass fromCode(int code) {
    if (code < 0 || code >= VALUES.length) {
      throw Errors.badCode("asset_class", code, "0..13 (14 and 15 are reserved)");
    }
    return VALUES[code];
  }
}
