package io.github.mitchprotocol.mitch;

/**
 * The fields of a 64-bit ticker id: bits 63..60 instrument type, 59..56
 * base class, 55..40 base id, 39..36 quote class, 35..20 quote id, 19..0
 * sub-type. Raw codes, so reserved types and classes (14, 15) can be
 * represented ({@link TickerId#validate} rejects them).
 *
 * @param instrumentType 0..15 ({@link InstrumentType} for 0..13)
 * @param baseClass 0..15 ({@link AssetClass} for 0..13)
 * @param baseId the base asset's id inside its class, 0..65535
 * @param quoteClass 0..15
 * @param quoteId 0..65535
 * @param subType 0..2^20-1
 */
public record TickerFields(int instrumentType, int baseClass, int baseId, int quoteClass,
    int quoteId, long subType) {

  /** From the enums, sub-type 0. */
  public static TickerFields of(InstrumentType type, AssetClass baseClass, int baseId,
      AssetClass quoteClass, int quoteId) {
    return new TickerFields(Check.notNull("type", type).code(),
        Check.notNull("baseClass", baseClass).code(), baseId,
        Check.notNull("quoteClass", quoteClass).code(), quoteId, 0);
  }

  /**
   * The ticker id ({@code mitch_ticker_id_encode}).
   *
   * @throws InvalidFieldValueException if a field is too wide for its bits
   */
  public long encode() {
    Native.ensureLoaded();
    long[] id = new long[1];
    long[] fields = {instrumentType, baseClass, baseId, quoteClass, quoteId, subType};
    int status = Native.tickerIdEncode(fields, id);
    if (status != Status.OK) {
      throw Errors.error(status, ErrorDetail.field(null, "every field must fit its bits",
          Double.NaN, "a ticker-id field is too wide for its bits"));
    }
    return id[0];
  }

  /** The instrument type as an enum; reserved codes throw status 6. */
  public InstrumentType instrument() {
    return InstrumentType.fromCode(instrumentType);
  }

  @Override
  public String toString() {
    return "TickerFields[instrumentType=" + instrumentType + ", baseClass=" + baseClass
        + ", baseId=" + baseId + ", quoteClass=" + quoteClass + ", quoteId=" + quoteId
        + ", subType=" + subType + "]";
  }
}
