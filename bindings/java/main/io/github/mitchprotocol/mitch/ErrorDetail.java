package io.github.mitchprotocol.mitch;

/**
 * What the library (or this binding's width checks) said about a failure:
 * the fields at fault, the rule, their values and where the damage is.
 * Absent strings are null, absent numbers -1 (values NaN).
 *
 * @param field the protocol name of the field at fault
 * @param otherField the second field of a rule between two fields
 * @param rule the rule broken, in words
 * @param value the field's value as a number
 * @param otherValue the second field's value
 * @param index which body of a batch, or message of a stream, is at fault
 * @param offset byte offset of the damage from the start of the caller's input
 * @param messageOffset for streams, the offset of the damaged message
 * @param text the library's one-line explanation
 */
public record ErrorDetail(String field, String otherField, String rule, double value,
    double otherValue, long index, long offset, long messageOffset, String text) {

  /** Nothing known. */
  public static final ErrorDetail NONE =
      new ErrorDetail(null, null, null, Double.NaN, Double.NaN, -1, -1, -1, null);

  /** Only an offset (and the index of the message or body) are known. */
  static ErrorDetail at(long index, long offset, long messageOffset) {
    return new ErrorDetail(null, null, null, Double.NaN, Double.NaN, index, offset,
        messageOffset, null);
  }

  /** The same detail with another text. */
  ErrorDetail withText(String newText) {
    return new ErrorDetail(field, otherField, rule, value, otherValue, index, offset,
        messageOffset, newText);
  }

  /** A field that breaks a rule, named by this binding. */
  static ErrorDetail field(String field, String rule, double value, String text) {
    return new ErrorDetail(field, null, rule, value, Double.NaN, -1, -1, -1, text);
  }
}
