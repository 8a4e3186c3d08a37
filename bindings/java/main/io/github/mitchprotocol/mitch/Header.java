package io.github.mitchprotocol.mitch;

import java.nio.ByteBuffer;

/**
 * A message header (8 bytes on the wire): the type of the bodies that
 * follow, a timestamp and how many bodies there are.
 *
 * @param messageType the type of every body in the message
 * @param timestamp nanoseconds since midnight UTC, below 2^48 (read it unsigned)
 * @param count bodies that follow, 1..255
 */
public record Header(MessageType messageType, long timestamp, int count) {
  /** Bytes of a header on the wire. */
  public static final int SIZE = 8;

  /**
   * Checks that the count fits a byte; the rules (count 1..255, timestamp
   * below 2^48) are checked on encode.
   *
   * @throws InvalidFieldValueException if the count does not fit
   */
  public Header {
    Check.notNull("message_type", messageType);
    Check.u8("count", count);
  }

  /**
   * A header from a raw type byte.
   *
   * @throws InvalidMessageTypeException (status 2) for a byte that is not one of t o s i b
   */
  public static Header of(int messageType, long timestamp, int count) {
    return new Header(MessageType.fromCode(messageType), timestamp, count);
  }

  /** Total message size: 8 + count * body size. */
  public long messageSize() {
    return SIZE + (long) count * messageType.bodySize();
  }

  /** The header's 8 wire bytes. */
  public byte[] encode() {
    byte[] out = new byte[SIZE];
    Codec.encode(Codec.HEADER, toSlots(), Region.of(out));
    return out;
  }

  /** Writes the header at the buffer's position and advances it. */
  public void encode(ByteBuffer out) {
    Codec.encode(Codec.HEADER, toSlots(), out);
  }

  /** Decodes and validates the header at the buffer's position, and advances it. */
  public static Header decode(ByteBuffer in) {
    return fromSlots(Codec.decode(Codec.HEADER, in));
  }

  /** Decodes the header in {@code in[offset, offset + length)}. */
  public static Header decode(byte[] in, int offset, int length) {
    return fromSlots(Codec.decode(Codec.HEADER, Region.of(in, offset, length)));
  }

  /** Decodes the header at the start of {@code in}. */
  public static Header decode(byte[] in) {
    return decode(Check.notNull("in", in), 0, in.length);
  }

  long[] toSlots() {
    return new long[] {messageType.code(), timestamp, count};
  }

  static Header fromSlots(long[] s) {
    return new Header(MessageType.fromCode((int) s[0]), s[1], (int) s[2]);
  }

  @Override
  public String toString() {
    return "Header[messageType=" + messageType + ", timestamp="
        + Long.toUnsignedString(timestamp) + ", count=" + count + "]";
  }
}
