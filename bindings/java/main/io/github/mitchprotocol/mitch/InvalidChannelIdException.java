package io.github.mitchprotocol.mitch;

/** Status {@link Status#INVALID_CHANNEL_ID}: a channel id fails validation. */
public class InvalidChannelIdException extends MitchException {
  private static final long serialVersionUID = 1L;

  /** With the library's message and details (may be null). */
  public InvalidChannelIdException(String message, ErrorDetail detail) {
    super(Status.INVALID_CHANNEL_ID, message, detail);
  }
}
