package io.github.mitchprotocol.mitch;

/** Status {@link Status#SERIALIZATION}: encoding failed for another reason. */
public class SerializationException extends MitchException {
  private static final long serialVersionUID = 1L;

  /** With the library's message and details (may be null). */
  public SerializationException(String message, ErrorDetail detail) {
    super(Status.SERIALIZATION, message, detail);
  }
}
