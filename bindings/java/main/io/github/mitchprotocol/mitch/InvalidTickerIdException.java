package io.github.mitchprotocol.mitch;

/** Status {@link Status#INVALID_TICKER_ID}: ticker-id validation failed (reserved type or class, base equals quote). */
public class InvalidTickerIdException extends MitchException {
  private static final long serialVersionUID = 1L;

  /** With the library's message and details (may be null). */
  public InvalidTickerIdException(String message, ErrorDetail detail) {
    super(Status.INVALID_TICKER_ID, message, detail);
  }
}
