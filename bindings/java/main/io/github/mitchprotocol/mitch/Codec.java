package io.github.mitchprotocol.mitch;

import java.nio.ByteBuffer;

/**
 * Single bodies through the glue's encodeBody/decodeBody (package-private
 * plumbing of {@link Body} and the records).
 *
 * <p>Slots: a body's fields as a {@code long[]} in record-component order,
 * doubles as raw bits, enums as codes, bins as (count, volume) pairs, bids
 * then asks. Only the glue and {@code toSlots}/{@code fromSlots} of each
 * record know them; the conformance vectors check both directions.
 */
final class Codec {
  private Codec() {}

  /** Type id of the header in the glue (MITCH_LAYOUT_HEADER). */
  static final int HEADER = 0;

  static int slotCount(int type) {
    switch (type) {
      case HEADER: return 3;
      case 't': return 5;
      case 'o': return 7;
      case 's': return 5;
      case 'i': return 16;
      case 'b': return 3 + 4 * 128;
      default: throw new IllegalArgumentException("type " + type);
    }
  }

  static int size(int type) {
    return type == HEADER ? 8 : MessageType.fromCode(type).bodySize();
  }

  static long[] slots(Body body) {
    if (body instanceof Trade) {
      return ((Trade) body).toSlots();
    } else if (body instanceof Order) {
      return ((Order) body).toSlots();
    } else if (body instanceof Tick) {
      return ((Tick) body).toSlots();
    } else if (body instanceof Index) {
      return ((Index) body).toSlots();
    }
    return ((OrderBook) body).toSlots();
  }

  static Body fromSlots(int type, long[] s) {
    switch (type) {
      case 't': return Trade.fromSlots(s);
      case 'o': return Order.fromSlots(s);
      case 's': return Tick.fromSlots(s);
      case 'i': return Index.fromSlots(s);
      default: return OrderBook.fromSlots(s);
    }
  }

  static byte[] encode(Body body) {
    int type = body.messageType().code();
    byte[] out = new byte[body.messageType().bodySize()];
    encode(type, slots(body), Region.of(out));
    return out;
  }

  static void encode(Body body, ByteBuffer out) {
    encode(body.messageType().code(), slots(body), out);
  }

  static int encode(Body body, byte[] out, int offset) {
    java.util.Objects.checkIndex(offset, Check.notNull("out", out).length + 1);
    int type = body.messageType().code();
    encode(type, slots(body), Region.of(out, offset, out.length - offset));
    return body.messageType().bodySize();
  }

  static void encode(int type, long[] slots, ByteBuffer out) {
    encode(type, slots, Region.writing(out));
    out.position(out.position() + size(type));
  }

  static void encode(int type, long[] slots, Region out) {
    Native.ensureLoaded();
    int status = Native.encodeBody(type, slots, out.direct, out.array, out.offset, out.length);
    if (status != Status.OK) {
      throw Errors.forValues(status, type, slots);
    }
  }

  /** Decodes at the buffer's position and advances it past the body. */
  static long[] decode(int type, ByteBuffer in) {
    long[] slots = decode(type, Region.reading(in));
    in.position(in.position() + size(type));
    return slots;
  }

  static long[] decode(int type, Region in) {
    Native.ensureLoaded();
    long[] slots = new long[slotCount(type)];
    int status = Native.decodeBody(type, in.direct, in.array, in.offset, in.length, slots);
    if (status != Status.OK) {
      throw wireError(status, type, in, 1, 0);
    }
    return slots;
  }

  /** After a failed decode of n bodies: the details from mitch_check_wire. */
  static MitchException wireError(int status, int type, Region in, long n, long index) {
    if (Errors.hasApi11() && status == Status.INVALID_FIELD_VALUE) {
      long[] err = new long[9];
      Object[] strings = new Object[4];
      if (Native.checkWire(type, in.direct, in.array, in.offset, in.length, n, err, strings)
          == status) {
        return Errors.error(status, Errors.detail(err, strings));
      }
    }
    if (index < 0) {
      return Errors.error(status, null);
    }
    return Errors.error(status, ErrorDetail.at(index, index * size(type), -1));
  }
}
