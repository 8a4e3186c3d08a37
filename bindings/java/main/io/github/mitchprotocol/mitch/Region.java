package io.github.mitchprotocol.mitch;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Objects;

/**
 * A byte region as the glue takes it: a direct buffer or an array, an
 * offset and a length (see {@link Native}). Direct buffers and array-backed
 * buffers are passed without copying; a read-only heap buffer is copied
 * (Java gives no access to its array).
 */
final class Region {
  final ByteBuffer direct;
  final byte[] array;
  final long offset;
  final long length;

  private Region(ByteBuffer direct, byte[] array, long offset, long length) {
    this.direct = direct;
    this.array = array;
    this.offset = offset;
    this.length = length;
  }

  /** The buffer's remaining bytes, to read. */
  static Region reading(ByteBuffer buffer) {
    Objects.requireNonNull(buffer, "buffer");
    int position = buffer.position();
    int remaining = buffer.remaining();
    if (buffer.isDirect()) {
      return new Region(buffer, null, position, remaining);
    }
    if (buffer.hasArray()) {
      return new Region(null, buffer.array(), buffer.arrayOffset() + position, remaining);
    }
    byte[] copy = new byte[remaining];
    buffer.duplicate().get(copy);
    return new Region(null, copy, 0, remaining);
  }

  /** The buffer's remaining bytes, to write. */
  static Region writing(ByteBuffer buffer) {
    Objects.requireNonNull(buffer, "buffer");
    if (buffer.isReadOnly()) {
      throw new ReadOnlyBufferException();
    }
    int position = buffer.position();
    int remaining = buffer.remaining();
    if (buffer.isDirect()) {
      return new Region(buffer, null, position, remaining);
    }
    return new Region(null, buffer.array(), buffer.arrayOffset() + position, remaining);
  }

  /** array[offset, offset + length), bounds checked. */
  static Region of(byte[] array, int offset, int length) {
    Objects.requireNonNull(array, "array");
    Objects.checkFromIndexSize(offset, length, array.length);
    return new Region(null, array, offset, length);
  }

  static Region of(byte[] array) {
    return of(array, 0, array.length);
  }
}
