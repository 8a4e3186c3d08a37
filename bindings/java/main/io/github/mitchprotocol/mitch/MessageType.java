package io.github.mitchprotocol.mitch;

/**
 * The five body types and their type bytes (case-sensitive ASCII).
 * The layout test checks codes and sizes against the library's table.
 */
public enum MessageType {
  /** {@code 't'}: {@link Trade}, 32 bytes. */
  TRADE('t', 32),
  /** {@code 'o'}: {@link Order}, 32 bytes. */
  ORDER('o', 32),
  /** {@code 's'}: {@link Tick}, 32 bytes. */
  TICK('s', 32),
  /** {@code 'i'}: {@link Index}, 64 bytes. */
  INDEX('i', 64),
  /** {@code 'b'}: {@link OrderBook}, 2072 bytes. */
  ORDER_BOOK('b', 2072);

  private final char code;
  private final int bodySize;

  MessageType(char code, int bodySize) {
    this.code = code;
    this.bodySize = bodySize;
  }

  /** The type byte. */
  public char code() {
    return code;
  }

  /** Bytes of one body on the wire. */
  public int bodySize() {
    return bodySize;
  }

  /**
   * The type of a type byte.
   *
   * @throws InvalidMessageTypeException (status 2) for any other code, e.g. {@code 'T'}
   */
  public static MessageType fromCode(int code) {
    for (MessageType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    throw (InvalidMessageTypeException) Errors.error(Status.INVALID_MESSAGE_TYPE,
        ErrorDetail.field("message_type", "must be one of t o s i b", code,
            "message type " + code + " is not one of t o s i b"));
  }
}
