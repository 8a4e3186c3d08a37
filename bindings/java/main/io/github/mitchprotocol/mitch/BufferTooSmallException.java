package io.github.mitchprotocol.mitch;

/** Status {@link Status#BUFFER_TOO_SMALL}: the input is shorter than what it must hold, or the output is too short. */
public class BufferTooSmallException extends MitchException {
  private static final long serialVersionUID = 1L;

  /** With the library's message and details (may be null). */
  public BufferTooSmallException(String message, ErrorDetail detail) {
    super(Status.BUFFER_TOO_SMALL, message, detail);
  }
}
