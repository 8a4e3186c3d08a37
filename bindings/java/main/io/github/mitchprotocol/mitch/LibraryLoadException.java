package io.github.mitchprotocol.mitch;

/**
 * libmitch or its JNI glue could not be loaded, or has the wrong major
 * version. The message lists every place that was tried and how to fix it;
 * every call that needs the library throws it again (never an
 * {@code UnsatisfiedLinkError} or {@code NoClassDefFoundError}).
 */
public class LibraryLoadException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** With the explanation. */
  public LibraryLoadException(String message) {
    super(message);
  }
}
