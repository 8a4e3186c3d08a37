package io.github.mitchprotocol.mitch;

/**
 * Base class of every error libmitch reports: one unchecked subclass per
 * status code of {@code mitch.h} (see {@link #forStatus}).
 *
 * <p>Besides the status number and the text of {@code mitch_strerror}, an
 * exception carries what the library could say about the cause: the field
 * at fault ({@code "price"}), a second field for a rule between two fields
 * ({@code "bid_price"} for a crossed tick), the rule broken in words, the
 * byte offset of the damage in the caller's input and the index of the body
 * or message. Names are the protocol's ({@code snake_case}), as in
 * {@code protocol.md} and {@code mitch info --layouts}.
 */
public class MitchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The status code (serialized). */
  private final int status;
  /** The library's details (not serialized: a deserialized exception has none). */
  private final transient ErrorDetail detail;

  /** An exception for {@code status} with the given message and details (may be null). */
  protected MitchException(int status, String message, ErrorDetail detail) {
    super(message);
    this.status = status;
    this.detail = detail;
  }

  /** The libmitch status code (1..7, 9, 99; {@code mitch.h}'s {@code MITCH_ERR_*}). */
  public int status() {
    return status;
  }

  /** The protocol name of the field at fault, or null when none is known. */
  public String field() {
    return detail().field();
  }

  /** The second field of a rule between two fields, or null. */
  public String otherField() {
    return detail().otherField();
  }

  /** The rule that was broken, in words ({@code "must be finite and > 0"}), or null. */
  public String rule() {
    return detail().rule();
  }

  /**
   * Byte offset of the damage from the start of the caller's input (for
   * values, where the field would sit in the encoded bytes), or -1 when
   * unknown.
   */
  public long offset() {
    return detail().offset();
  }

  /** Which body (of a batch) or message (of a stream) is at fault, or -1. */
  public long index() {
    return detail().index();
  }

  /** Everything the library said about the failure. */
  public ErrorDetail detail() {
    return detail == null ? ErrorDetail.NONE : detail;
  }

  /** The exception class for a status code (unknown codes: {@link UnknownStatusException}). */
  public static MitchException forStatus(int status, String message, ErrorDetail detail) {
    switch (status) {
      case Status.INVALID_DATA: return new InvalidDataException(message, detail);
      case Status.INVALID_MESSAGE_TYPE: return new InvalidMessageTypeException(message, detail);
      case Status.BUFFER_TOO_SMALL: return new BufferTooSmallException(message, detail);
      case Status.INVALID_TICKER_ID: return new InvalidTickerIdException(message, detail);
      case Status.INVALID_CHANNEL_ID: return new InvalidChannelIdException(message, detail);
      case Status.INVALID_FIELD_VALUE: return new InvalidFieldValueException(message, detail);
      case Status.SERIALIZATION: return new SerializationException(message, detail);
      case Status.NOT_FOUND: return new NotFoundException(message, detail);
      default: return new UnknownStatusException(status, message, detail);
    }
  }
}
