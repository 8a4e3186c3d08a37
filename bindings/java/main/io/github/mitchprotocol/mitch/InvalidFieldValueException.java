package io.github.mitchprotocol.mitch;

/** Status {@link Status#INVALID_FIELD_VALUE}: a field breaks a rule of the protocol, or a value does not fit its field. */
public class InvalidFieldValueException extends MitchException {
  private static final long serialVersionUID = 1L;

  /** With the library's message and details (may be null). */
  public InvalidFieldValueException(String message, ErrorDetail detail) {
    super(Status.INVALID_FIELD_VALUE, message, detail);
  }
}
