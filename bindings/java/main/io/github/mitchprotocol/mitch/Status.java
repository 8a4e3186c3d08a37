package io.github.mitchprotocol.mitch;

import java.nio.charset.StandardCharsets;

/** The status codes of {@code mitch.h} and the flat ABI ({@code ffi.md}). */
public final class Status {
  private Status() {}

  /** Success. */
  public static final int OK = 0;
  /** A NULL pointer, a text that is not valid, nothing matched (flat ABI). */
  public static final int INVALID_DATA = 1;
  /** The type byte is not one of t o s i b. */
  public static final int INVALID_MESSAGE_TYPE = 2;
  /** Input shorter than needed, or output too short. */
  public static final int BUFFER_TOO_SMALL = 3;
  /** Ticker-id validation failed. */
  public static final int INVALID_TICKER_ID = 4;
  /** A channel id fails validation. */
  public static final int INVALID_CHANNEL_ID = 5;
  /** A field breaks a protocol rule. */
  public static final int INVALID_FIELD_VALUE = 6;
  /** Encoding failed for another reason. */
  public static final int SERIALIZATION = 7;
  /** Not an error: no more messages in the buffer. */
  public static final int END = 8;
  /** A registry lookup matched nothing. */
  public static final int NOT_FOUND = 9;
  /** Never returned on purpose. */
  public static final int UNKNOWN = 99;

  /** {@code mitch_strerror(status)}: a short English description, never null. */
  public static String text(int status) {
    Native.ensureLoaded();
    return new String(Native.strerror(status), StandardCharsets.UTF_8);
  }
}
