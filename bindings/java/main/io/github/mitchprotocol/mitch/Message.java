package io.github.mitchprotocol.mitch;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * One message of a capture: its header and its bodies' bytes, a read-only
 * view of the caller's buffer (nothing is copied until {@link #bodies()}).
 *
 * @param header the decoded, validated header
 * @param offset where the message starts in the buffer iterated over
 * @param wire the bodies' wire bytes ({@code header.count() * bodySize})
 */
public record Message(Header header, long offset, ByteBuffer wire) {

  /** Checks that the header and the bytes are given. */
  public Message {
    Check.notNull("header", header);
    Check.notNull("wire", wire);
  }

  /** The message's size in bytes: header and bodies. */
  public long size() {
    return header.messageSize();
  }

  /** The message type. */
  public MessageType type() {
    return header.messageType();
  }

  /**
   * Decodes every body (one native call for all of them).
   *
   * @throws InvalidFieldValueException if a body breaks a rule
   */
  public List<Body> bodies() {
    int type = header.messageType().code();
    Object[] columns = Columns.decode(type, Region.reading(wire), header.count());
    Body[] bodies = new Body[header.count()];
    for (int i = 0; i < bodies.length; i++) {
      bodies[i] = Columns.get(type, columns, i);
    }
    return List.of(bodies);
  }

  /**
   * Encodes one message: a header and 1..255 bodies of one type, validated
   * before anything is written, in one native call.
   *
   * @param timestamp nanoseconds since midnight UTC, below 2^48
   * @throws InvalidFieldValueException for no bodies, more than 255, or a body that breaks a rule
   * @throws InvalidDataException if the bodies are not all of one type
   */
  public static byte[] encode(long timestamp, List<? extends Body> bodies) {
    Native.ensureLoaded();
    if (Check.notNull("bodies", bodies).isEmpty()) {
      throw Errors.error(Status.INVALID_FIELD_VALUE, ErrorDetail.field("count",
          "must be 1..255", 0, "a message needs at least one body"));
    }
    int type = bodies.get(0).messageType().code();
    Object[] columns = Columns.of(type, bodies);
    int n = bodies.size();
    long size = Header.SIZE + (long) n * Codec.size(type);
    byte[] out = new byte[(int) Math.min(size, Integer.MAX_VALUE - 8)];
    long[] written = new long[1];
    int status = Native.encodeMessage(type, timestamp, columns, n, null, out, 0, out.length,
        written);
    if (status != Status.OK) {
      throw Columns.columnsError(status, type, columns, n, written[0]);
    }
    return out;
  }

  static Message of(ByteBuffer buffer, long bufferStart, long[] out) {
    Header header = new Header(MessageType.fromCode((int) out[0]), out[2], (int) out[1]);
    ByteBuffer view = buffer.duplicate();
    int start = (int) (bufferStart + out[3] + Header.SIZE);
    view.limit(start + (int) (out[4] - Header.SIZE)).position(start);
    ByteBuffer wire = view.slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    return new Message(header, out[3], wire);
  }
}
