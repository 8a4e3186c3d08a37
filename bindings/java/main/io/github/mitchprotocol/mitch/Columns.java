package io.github.mitchprotocol.mitch;

import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Bodies as columns: one primitive array per field, in record-component
 * order (package-private plumbing of the {@code *Columns} records and the
 * glue's decodeColumns/encodeColumns/captureDecode).
 *
 * <p>Array types: u64/u48/u32 fields {@code long[]}, f64 {@code double[]},
 * i32/u16/i16/u8 {@code int[]}, enum codes {@code byte[]}; an order book's
 * bins are one {@code int[]} of 512 values per book (count and volume of
 * bids 0..127, then of asks; u32 values, read them unsigned).
 */
final class Columns {
  private Columns() {}

  static final int BOOK_BIN_VALUES = 4 * OrderBook.BINS_PER_SIDE;

  static Object[] allocate(int type, int n) {
    switch (type) {
      case 't':
        return new Object[] {new long[n], new double[n], new long[n], new long[n], new byte[n]};
      case 'o':
        return new Object[] {new long[n], new long[n], new double[n], new long[n], new byte[n],
            new byte[n], new long[n]};
      case 's':
        return new Object[] {new long[n], new double[n], new double[n], new long[n],
            new long[n]};
      case 'i': {
        Object[] c = new Object[16];
        c[0] = new long[n];
        c[1] = new double[n];
        c[2] = new long[n];
        c[3] = new long[n];
        for (int k = 4; k < 16; k++) {
          c[k] = new int[n];
        }
        return c;
      }
      case 'b':
        return new Object[] {new long[n], new double[n], new byte[n],
            new int[Math.multiplyExact(n, BOOK_BIN_VALUES)]};
      default:
        throw new IllegalArgumentException("type " + type);
    }
  }

  /** Columns holding the given bodies, all of {@code type}. */
  static Object[] of(int type, List<? extends Body> bodies) {
    int n = Check.notNull("bodies", bodies).size();
    Object[] c = allocate(type, n);
    for (int i = 0; i < n; i++) {
      Body body = bodies.get(i);
      if (body == null || body.messageType().code() != type) {
        throw Errors.error(Status.INVALID_DATA, ErrorDetail.at(i, -1, -1)
            .withText("body " + i + " is " + (body == null ? "null"
                : "a " + body.messageType()) + ", not a " + MessageType.fromCode(type)));
      }
      set(type, c, i, Codec.slots(body));
    }
    return c;
  }

  private static void set(int type, Object[] c, int i, long[] s) {
    if (type == 'b') {
      ((long[]) c[0])[i] = s[0];
      ((double[]) c[1])[i] = Double.longBitsToDouble(s[1]);
      ((byte[]) c[2])[i] = (byte) s[2];
      int[] bins = (int[]) c[3];
      for (int k = 0; k < BOOK_BIN_VALUES; k++) {
        bins[i * BOOK_BIN_VALUES + k] = (int) s[3 + k];
      }
      return;
    }
    for (int k = 0; k < c.length; k++) {
      Object col = c[k];
      if (col instanceof long[]) {
        ((long[]) col)[i] = s[k];
      } else if (col instanceof double[]) {
        ((double[]) col)[i] = Double.longBitsToDouble(s[k]);
      } else if (col instanceof int[]) {
        ((int[]) col)[i] = (int) s[k];
      } else {
        ((byte[]) col)[i] = (byte) s[k];
      }
    }
  }

  /** Body i of columns a caller may have built: their shape and the index checked first. */
  static Body at(int type, Object[] c, int i) {
    int n = size(type, c);
    checkShape(type, c, n);
    java.util.Objects.checkIndex(i, n);
    return get(type, c, i);
  }

  /**
   * A list view of columns a caller may have built, each record built on
   * access.  Their shape is checked once, here (an array's length never
   * changes), so each get checks only its index.
   */
  static <B extends Body> List<B> listView(int type, Object[] c, Class<B> kind) {
    int n = size(type, c);
    checkShape(type, c, n);
    return new ColumnList<>(type, c, n, kind);
  }

  private static final class ColumnList<B extends Body> extends AbstractList<B>
      implements RandomAccess {
    private final int type;
    private final Object[] columns;
    private final int n;
    private final Class<B> kind;

    ColumnList(int type, Object[] columns, int n, Class<B> kind) {
      this.type = type;
      this.columns = columns;
      this.n = n;
      this.kind = kind;
    }

    @Override
    public B get(int i) {
      java.util.Objects.checkIndex(i, n);
      return kind.cast(Columns.get(type, columns, i));
    }

    @Override
    public int size() {
      return n;
    }
  }

  /** Body i of the columns. */
  static Body get(int type, Object[] c, int i) {
    long[] s = new long[Codec.slotCount(type)];
    if (type == 'b') {
      s[0] = ((long[]) c[0])[i];
      s[1] = Double.doubleToRawLongBits(((double[]) c[1])[i]);
      s[2] = ((byte[]) c[2])[i] & 0xFF;
      int[] bins = (int[]) c[3];
      for (int k = 0; k < BOOK_BIN_VALUES; k++) {
        s[3 + k] = Integer.toUnsignedLong(bins[i * BOOK_BIN_VALUES + k]);
      }
    } else {
      for (int k = 0; k < c.length; k++) {
        Object col = c[k];
        if (col instanceof long[]) {
          s[k] = ((long[]) col)[i];
        } else if (col instanceof double[]) {
          s[k] = Double.doubleToRawLongBits(((double[]) col)[i]);
        } else if (col instanceof int[]) {
          s[k] = ((int[]) col)[i];
        } else {
          s[k] = ((byte[]) col)[i] & 0xFF;
        }
      }
    }
    return Codec.fromSlots(type, s);
  }

  static int size(int type, Object[] c) {
    if (type == 'b') {
      return ((long[]) c[0]).length;
    }
    return java.lang.reflect.Array.getLength(c[0]);
  }

  /** Checks that every column has n entries (the glue checks again). */
  static void checkShape(int type, Object[] c, int n) {
    for (int k = 0; k < c.length; k++) {
      long want = type == 'b' && k == 3 ? (long) n * BOOK_BIN_VALUES : n;
      int have = java.lang.reflect.Array.getLength(c[k]);
      if (have != want) {
        throw new IllegalArgumentException("column " + k + " has " + have + " entries, not "
            + want);
      }
    }
  }

  /** n wire bodies back to back, decoded and validated in one native call. */
  static Object[] decode(int type, Region in, int n) {
    Native.ensureLoaded();
    if (n < 0) {
      throw new IllegalArgumentException("n < 0");
    }
    int size = Codec.size(type);
    long fit = in.length / size;
    if (n > fit) { // the library's first check, before anything is allocated for n bodies
      throw Errors.error(Status.BUFFER_TOO_SMALL, ErrorDetail.at(fit, fit * size, -1)
          .withText(n + " bodies need " + (long) n * size + " bytes, " + in.length + " given"));
    }
    Object[] c = allocate(type, n);
    long[] done = new long[1];
    int status = Native.decodeColumns(type, in.direct, in.array, in.offset, in.length, n, c,
        done);
    if (status != Status.OK) {
      throw Codec.wireError(status, type, in, n, done[0]);
    }
    return c;
  }

  /** All whole bodies of the buffer's remaining bytes (a partial last body is status 3). */
  static Object[] decodeAll(int type, ByteBuffer in) {
    int size = Codec.size(type);
    Region region = Region.reading(in);
    long n = region.length / size;
    if (region.length % size != 0) {
      throw Errors.error(Status.BUFFER_TOO_SMALL, ErrorDetail.at(n, n * size, -1)
          .withText("the last body is cut short: " + region.length % size + " of " + size
              + " bytes"));
    }
    Object[] c = decode(type, region, (int) n);
    in.position(in.position() + (int) region.length);
    return c;
  }

  /** The bodies' wire bytes back to back, validated first. */
  static byte[] encode(int type, Object[] c) {
    Native.ensureLoaded();
    int n = size(type, c);
    checkShape(type, c, n);
    byte[] out = new byte[Math.multiplyExact(n, Codec.size(type))];
    long[] done = new long[1];
    int status = Native.encodeColumns(type, c, n, null, out, 0, out.length, done);
    if (status != Status.OK) {
      throw columnsError(status, type, c, n, done[0]);
    }
    return out;
  }

  /** After a failed encode from columns: details from mitch_check_values, else the index. */
  static MitchException columnsError(int status, int type, Object[] c, int n, long index) {
    if (Errors.hasApi11() && status == Status.INVALID_FIELD_VALUE) {
      long[] err = new long[9];
      Object[] strings = new Object[4];
      if (Native.checkColumns(type, c, n, err, strings) == status) {
        return Errors.error(status, Errors.detail(err, strings));
      }
    }
    return Errors.error(status, ErrorDetail.at(index, -1, -1)
        .withText("body " + index));
  }
}
