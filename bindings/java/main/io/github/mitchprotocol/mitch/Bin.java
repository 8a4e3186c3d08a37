package io.github.mitchprotocol.mitch;

/**
 * One order-book bin.
 *
 * @param count orders in the bin (u32)
 * @param volume volume in the bin (u32)
 */
public record Bin(long count, long volume) {
  /** An empty bin. */
  public static final Bin EMPTY = new Bin(0, 0);

  /**
   * Checks that both values fit u32.
   *
   * @throws InvalidFieldValueException if one does not
   */
  public Bin {
    Check.u32("count", count);
    Check.u32("volume", volume);
  }
}
