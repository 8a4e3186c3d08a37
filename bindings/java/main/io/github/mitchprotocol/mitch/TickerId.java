package io.github.mitchprotocol.mitch;

/**
 * Ticker ids: unsigned 64-bit values held in a {@code long}. Print them
 * with {@link #toString(long)} or {@link #toHex(long)} and compare them with
 * {@link #compare(long, long)} (both unsigned), never with {@code <}.
 */
public final class TickerId {
  private TickerId() {}

  /** Splits an id into its fields (never fails). */
  public static TickerFields decode(long tickerId) {
    Native.ensureLoaded();
    long[] f = new long[6];
    Native.tickerIdDecode(tickerId, f);
    return new TickerFields((int) f[0], (int) f[1], (int) f[2], (int) f[3], (int) f[4], f[5]);
  }

  /**
   * Builds an id from its fields.
   *
   * @throws InvalidFieldValueException if a field is too wide for its bits
   */
  public static long encode(TickerFields fields) {
    return Check.notNull("fields", fields).encode();
  }

  /**
   * Checks an id.
   *
   * @throws InvalidTickerIdException for a reserved instrument type or class, or base == quote
   */
  public static void validate(long tickerId) {
    Native.ensureLoaded();
    int status = Native.tickerIdValidate(tickerId);
    if (status != Status.OK) {
      throw Errors.error(status, null);
    }
  }

  /** Whether {@link #validate} would accept the id. */
  public static boolean isValid(long tickerId) {
    Native.ensureLoaded();
    return Native.tickerIdValidate(tickerId) == Status.OK;
  }

  /** Instrument type Spot. */
  public static boolean isSpot(long tickerId) {
    Native.ensureLoaded();
    return Native.tickerIdIs(0, tickerId) != 0;
  }

  /** Both legs Forex. */
  public static boolean isForex(long tickerId) {
    Native.ensureLoaded();
    return Native.tickerIdIs(1, tickerId) != 0;
  }

  /** Base leg Crypto. */
  public static boolean isCrypto(long tickerId) {
    Native.ensureLoaded();
    return Native.tickerIdIs(2, tickerId) != 0;
  }

  /** Base leg Equities. */
  public static boolean isEquity(long tickerId) {
    Native.ensureLoaded();
    return Native.tickerIdIs(3, tickerId) != 0;
  }

  /** Unsigned decimal, e.g. "217721548154273792". */
  public static String toString(long tickerId) {
    return Long.toUnsignedString(tickerId);
  }

  /** "0x" and 16 lower-case hex digits, e.g. "0x0305153138900000". */
  public static String toHex(long tickerId) {
    return String.format("0x%016x", tickerId);
  }

  /**
   * Parses unsigned decimal or "0x" hex (up to 2^64 - 1).
   *
   * @throws NumberFormatException for anything else (its message quotes at most 80 characters)
   */
  public static long parse(String text) {
    Check.notNull("text", text);
    try {
      if (text.startsWith("0x") || text.startsWith("0X")) {
        return Long.parseUnsignedLong(text.substring(2), 16);
      }
      return Long.parseUnsignedLong(text);
    } catch (NumberFormatException e) {
      throw new NumberFormatException("ticker id \"" + Errors.echo(text)
          + "\" is not unsigned decimal or 0x hex up to 2^64 - 1");
    }
  }

  /** Unsigned comparison, as {@link Long#compareUnsigned}. */
  public static int compare(long a, long b) {
    return Long.compareUnsigned(a, b);
  }

  /**
   * A packed asset id: {@code (assetClass << 16) | classId}.
   *
   * @throws InvalidFieldValueException for a class above 15 or an id above 65535
   */
  public static long packAsset(int assetClass, int classId) {
    Native.ensureLoaded();
    Check.u8("asset_class", assetClass);
    Check.u16("class_id", classId);
    long[] out = new long[1];
    Errors.check(Native.packAsset(assetClass, classId, out));
    return out[0];
  }
}
