package io.github.mitchprotocol.mitch;

/** Status {@link Status#NOT_FOUND}: a registry lookup matched nothing. */
public class NotFoundException extends MitchException {
  private static final long serialVersionUID = 1L;

  /** With the library's message and details (may be null). */
  public NotFoundException(String message, ErrorDetail detail) {
    super(Status.NOT_FOUND, message, detail);
  }
}
