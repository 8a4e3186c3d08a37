package io.github.mitchprotocol.mitch;

import java.nio.ByteBuffer;

/**
 * A message body: {@link Trade}, {@link Order}, {@link Tick}, {@link Index}
 * or {@link OrderBook}. Bodies are plain values; encoding validates them
 * with the protocol's rules (in libmitch) and writes exactly
 * {@code messageType().bodySize()} bytes.
 */
public sealed interface Body permits Trade, Order, Tick, Index, OrderBook {
  /** The type of message that carries this body. */
  MessageType messageType();

  /** The 64-bit ticker id, to be read unsigned ({@link TickerId#toString(long)}). */
  long tickerId();

  /**
   * The body's wire bytes.
   *
   * @throws InvalidFieldValueException if a field breaks a rule
   */
  default byte[] encode() {
    return Codec.encode(this);
  }

  /**
   * Writes the body at the buffer's position and advances it.
   *
   * @throws BufferTooSmallException if fewer than {@code bodySize()} bytes remain
   */
  default void encode(ByteBuffer out) {
    Codec.encode(this, out);
  }

  /**
   * Writes the body to {@code out[offset..]}; returns the bytes written.
   *
   * @throws BufferTooSmallException if the body does not fit
   */
  default int encode(byte[] out, int offset) {
    return Codec.encode(this, out, offset);
  }

  /**
   * Checks the body against the protocol's rules without encoding it.
   *
   * @throws InvalidFieldValueException naming the field and the rule
   */
  default void validate() {
    encode(new byte[messageType().bodySize()], 0);
  }
}
