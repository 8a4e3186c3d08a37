package io.github.mitchprotocol.mitch;

/** Status {@link Status#INVALID_MESSAGE_TYPE}: the message type is not one of t o s i b. */
public class InvalidMessageTypeException extends MitchException {
  private static final long serialVersionUID = 1L;

  /** With the library's message and details (may be null). */
  public InvalidMessageTypeException(String message, ErrorDetail detail) {
    super(Status.INVALID_MESSAGE_TYPE, message, detail);
  }
}
