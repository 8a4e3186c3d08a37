package io.github.mitchprotocol.mitch;

/** A status code this binding does not know (99 is MITCH_ERR_UNKNOWN, never returned on purpose). */
public class UnknownStatusException extends MitchException {
  private static final long serialVersionUID = 1L;

  /** With the status number, the library's message and details (may be null). */
  public UnknownStatusException(int status, String message, ErrorDetail detail) {
    super(status, message, detail);
  }
}
