package io.github.mitchprotocol.mitch;

/** Status {@link Status#INVALID_DATA}: a required input is missing, a text is not valid, or (in the flat ABI) nothing matched. */
public class InvalidDataException extends MitchException {
  private static final long serialVersionUID = 1L;

  /** With the library's message and details (may be null). */
  public InvalidDataException(String message, ErrorDetail detail) {
    super(Status.INVALID_DATA, message, detail);
  }
}
