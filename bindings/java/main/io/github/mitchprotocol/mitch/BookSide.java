package io.github.mitchprotocol.mitch;

/**
 * The two sides of an order book.
 * Codes are the ordinals, as {@code enum mitch_book_side} in mitch.h.
 */
public enum BookSide {
  /** 0: bids. */
  BID,
  /** 1: asks. */
  ASK;

  private static final BookSide[] VALUES = values();

  /** The code on the wire / in the C API. */
  public int code() {
    return ordinal();
  }

  /**
   * The constant of a code.
   *
   * @throws InvalidFieldValueException (status 6) for a code the protocol does not define
   */
  public static BookSide fromCode(int code) {
    if (code < 0 || code >= VALUES.length) {
      throw Errors.badCode("side", code, "0 (bid) or 1 (ask)");
    }
    return VALUES[code];
  }
}
