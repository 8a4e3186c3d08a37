package io.github.mitchprotocol.mitch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public static method and constructor of every public class of the
 * package, and every public method of a valid instance of each, called with
 * arguments drawn from hostile values of the declared types (a fixed seed
 * per member, so a failure repeats). HostileInputTest and the other tests
 * pin the defects one by one; this sweep is what finds the next one.
 *
 * <p>Allowed outcomes: a normal return; a {@link MitchException} (what
 * libmitch refuses); or an argument exception the binding throws on
 * purpose, as java.util does: a NullPointerException from
 * {@code Objects.requireNonNull} called by the binding with a message, an
 * IndexOutOfBoundsException from {@code Objects.checkIndex} and friends
 * called by the binding, or an IllegalArgumentException,
 * ReadOnlyBufferException, NoSuchElementException or
 * UnsupportedOperationException thrown by the binding's own code. Anything
 * else (an exception from inside the JDK or the JVM on the binding's
 * behalf, a crash) fails, and so does an exception message longer than
 * {@link #MESSAGE_LIMIT} (it echoes the input), a failed call that changed
 * an array or buffer argument (contents, position or limit), and a NaN a
 * static function accepted. The objects a call returns are probed too (their
 * no-argument methods, the first elements of an Iterable), so that a value
 * constructed from hostile components is judged where it is used.
 *
 * <p>junit.sh runs the suite under -Xcheck:jni, so every JNI call of the
 * sweep is checked as well.
 */
class SweepTest {
  static final String PACKAGE = SweepTest.class.getPackageName();
  static final int TRIALS = 100;
  /** Longest exception message allowed: ~80 characters of input plus the explanation. */
  static final int MESSAGE_LIMIT = 400;
  static final String MEGABYTE = "A".repeat(1 << 20);
  static final long EURUSD = BodiesTest.EURUSD;

  /** Not swept: the compiler's enum methods (Enum.valueOf's rules are the language's). */
  static boolean swept(Method m) {
    if (m.isSynthetic() || m.isBridge() || !Modifier.isPublic(m.getModifiers())) {
      return false;
    }
    if (m.getDeclaringClass().isEnum() && Modifier.isStatic(m.getModifiers())
        && (m.getName().equals("values") || m.getName().equals("valueOf"))) {
      return false;
    }
    return m.getDeclaringClass().getPackageName().equals(PACKAGE);
  }

  // --- the classes of the binding (its jar or classes directory) -----------

  static final List<Class<?>> CLASSES = bindingClasses();
  static final Set<String> BINDING = CLASSES.stream().map(Class::getName)
      .collect(Collectors.toCollection(TreeSet::new));

  static List<Class<?>> bindingClasses() {
    List<String> names = new ArrayList<>();
    String dir = PACKAGE.replace('.', '/') + "/";
    try {
      Path where = Paths.get(Trade.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      if (Files.isDirectory(where)) {
        try (Stream<Path> files = Files.list(where.resolve(dir))) {
          files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".class"))
              .forEach(f -> names.add(f));
        }
      } else {
        try (JarFile jar = new JarFile(where.toFile())) {
          for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
            String n = e.nextElement().getName();
            if (n.startsWith(dir) && n.endsWith(".class") && n.indexOf('/', dir.length()) < 0) {
              names.add(n.substring(dir.length()));
            }
          }
        }
      }
      List<Class<?>> out = new ArrayList<>();
      Collections.sort(names);
      for (String file : names) {
        out.add(Class.forName(PACKAGE + "." + file.substring(0, file.length() - 6), false,
            SweepTest.class.getClassLoader()));
      }
      return out;
    } catch (Exception e) {
      throw new IllegalStateException("cannot list the binding's classes", e);
    }
  }

  static boolean isBinding(StackTraceElement frame) {
    String name = frame.getClassName();
    int nested = name.indexOf('$');
    return BINDING.contains(nested < 0 ? name : name.substring(0, nested));
  }

  static boolean isPublicApi(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return !c.isAnonymousClass() && !c.isSynthetic();
  }

  // --- classifying an outcome -------------------------------------------------

  /** Null when the exception is an allowed answer, else why not. */
  static String judge(Throwable t) {
    String message = t.getMessage();
    if (message != null && message.length() > MESSAGE_LIMIT) {
      return "a message of " + message.length() + " characters (echoes the input)";
    }
    if (t instanceof MitchException) {
      return null;
    }
    StackTraceElement[] st = t.getStackTrace();
    if (st.length == 0) {
      return "no stack trace";
    }
    if (t.getClass() == NullPointerException.class) {
      // Objects.requireNonNull(value, "name") called by the binding itself.
      if (message != null && st.length > 1 && isObjects(st[0], "requireNonNull")
          && isBinding(st[1])) {
        return null;
      }
      return "an incidental NullPointerException";
    }
    if (t.getClass() == IndexOutOfBoundsException.class) {
      // Objects.checkIndex / checkFromIndexSize / checkFromToIndex, called by the binding.
      int k = 0;
      while (k < st.length && (st[k].getClassName().startsWith("jdk.internal.util.Preconditions")
          || st[k].getClassName().equals("java.util.Objects"))) {
        k++;
      }
      if (k > 0 && k < st.length && isObjects(st[k - 1], "check") && isBinding(st[k])) {
        return null;
      }
      return isBinding(st[0]) ? null : "an incidental IndexOutOfBoundsException";
    }
    if ((t instanceof IllegalArgumentException || t instanceof ReadOnlyBufferException
        || t.getClass() == UnsupportedOperationException.class
        || t.getClass() == NoSuchElementException.class) && isBinding(st[0])) {
      return null; // thrown by the binding's own check
    }
    return "an incidental " + t.getClass().getName();
  }

  static boolean isObjects(StackTraceElement frame, String prefix) {
    return frame.getClassName().equals("java.util.Objects")
        && frame.getMethodName().startsWith(prefix);
  }

  // --- hostile values ------------------------------------------------------------

  static byte[] tradeBody() {
    return BodiesTest.samples().get(0).encode();
  }

  static byte[] damaged(byte[] good, int at, int value) {
    byte[] bad = good.clone();
    bad[Math.min(at, bad.length - 1)] = (byte) value;
    return bad;
  }

  /** Draws values for one member: fresh objects each time (calls may change them). */
  static final class Draw {
    final Random rng;
    /** The chance that a parameter gets a hostile value rather than a valid one. */
    double rate;

    Draw(long seed) {
      rng = new Random(seed);
    }

    <T> T pick(List<T> from) {
      return from.get(rng.nextInt(from.size()));
    }

    boolean bad() {
      return rng.nextDouble() < rate;
    }

    Object value(Type type) {
      Class<?> raw = raw(type);
      boolean bad = bad();
      if (!raw.isPrimitive() && bad && rng.nextInt(5) == 0) {
        return null;
      }
      if (raw == int.class || raw == Integer.class) {
        return bad ? pick(List.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 127, 128, 255,
            256, 65535, 65536, 14, 15, 101, (int) 'x', (int) 'T'))
            : pick(List.of(0, 1, 2, 3, 5, 100, (int) 't', (int) 'o', (int) 's', (int) 'i',
                (int) 'b'));
      }
      if (raw == long.class || raw == Long.class) {
        return bad ? pick(List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 0xFFFFFFFFL,
            1L << 32, 1L << 48, (1L << 48) - 1, BodiesTest.HIGH, Integer.MAX_VALUE + 1L,
            (long) Integer.MIN_VALUE))
            : pick(List.of(EURUSD, 1L, 5L, 100L, 0x0003_0000L | 840, 0x0002_0500L));
      }
      if (raw == double.class || raw == Double.class) {
        return bad ? pick(List.of(Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, -0.0, 0.0, -1.0, Double.MAX_VALUE, Double.MIN_VALUE,
            -Double.MAX_VALUE))
            : pick(List.of(1.5, 0.5, 0.8, 1.0875, 100.0, 1.0));
      }
      if (raw == char.class || raw == Character.class) {
        return pick(List.of('t', 'b', 'x', '\0', '\uffff'));
      }
      if (raw == boolean.class || raw == Boolean.class) {
        return rng.nextBoolean();
      }
      if (raw == byte.class || raw == Byte.class) {
        return pick(List.of((byte) 0, (byte) 1, (byte) -1, Byte.MIN_VALUE, Byte.MAX_VALUE));
      }
      if (raw == short.class || raw == Short.class) {
        return pick(List.of((short) 0, (short) 1, (short) -1, Short.MIN_VALUE, Short.MAX_VALUE));
      }
      if (raw == float.class || raw == Float.class) {
        return pick(List.of(0f, 1.5f, Float.NaN, Float.NEGATIVE_INFINITY));
      }
      if (raw == String.class) {
        return bad ? pick(List.of("", "\ud800", "EUR\udfffUSD", MEGABYTE, "EUR\0USD", "\0",
            "x".repeat(255), "x".repeat(256), "é".repeat(128), "-1", "0x", "0X-1", " ",
            "0x10000000000000000", "18446744073709551616", "+0", "zzzzqqqq"))
            : pick(List.of("EURUSD", "BTC-USDT", "Apple", "NYSE", "0x0305153138900000",
                "217721548154273792", "US Dollar"));
      }
      if (raw == byte[].class) {
        return bytes(bad);
      }
      if (raw == ByteBuffer.class) {
        return buffer(bytes(bad));
      }
      if (raw == long[].class) {
        int n = pick(List.of(0, 1, 3, 5, 300, 700));
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
          a[i] = bad ? (Long) value(long.class) : 100 * (i / 2 + 1);
        }
        return a;
      }
      if (raw == int[].class) {
        return new int[pick(List.of(0, 1, 3))];
      }
      if (raw == double[].class) {
        return new double[pick(List.of(0, 1, 3))];
      }
      if (raw == MessageType[].class) {
        return bad ? pick(List.<Supplier<Object>>of(() -> new MessageType[] {null},
            () -> new MessageType[] {MessageType.TRADE, MessageType.TRADE},
            () -> new MessageType[] {MessageType.TICK, null})).get()
            : pick(List.<Supplier<Object>>of(() -> new MessageType[0],
                () -> new MessageType[] {MessageType.TRADE}, MessageType::values,
                () -> new MessageType[] {MessageType.ORDER_BOOK, MessageType.INDEX})).get();
      }
      if (raw.isEnum()) {
        Object[] constants = raw.getEnumConstants();
        return constants[rng.nextInt(constants.length)];
      }
      if (raw == List.class) {
        return list(element(type), bad);
      }
      if (raw == Object.class) {
        return pick(List.of("x", 1, BodiesTest.samples().get(0), new byte[1]));
      }
      List<Supplier<Object>> from = instances(raw, bad);
      if (from.isEmpty()) {
        UNSUPPORTED.add(type.getTypeName());
        return null;
      }
      return pick(from).get();
    }

    byte[] bytes(boolean bad) {
      if (!bad) {
        return pick(List.<Supplier<byte[]>>of(SweepTest::tradeBody,
            () -> BodiesTest.samples().get(4).encode(), () -> BodiesTest.samples().get(5).encode(),
            () -> Header.of('t', 5, 1).encode(), CaptureTest::mixedCapture,
            () -> Message.encode(7, CaptureTest.trades(3)), () -> Channel.of(2, 't').pack()))
            .get();
      }
      switch (rng.nextInt(8)) {
        case 0: {
          byte[] junk = new byte[pick(List.of(0, 1, 7, 31, 33, 5000))];
          rng.nextBytes(junk);
          return junk;
        }
        case 1: return new byte[pick(List.of(0, 1, 7, 8, 31, 32, 33, 64, 5000))];
        case 2: return damaged(tradeBody(), rng.nextInt(32), rng.nextInt(256));
        case 3: {
          byte[] m = CaptureTest.mixedCapture();
          return damaged(m, rng.nextInt(m.length), rng.nextInt(256));
        }
        case 4: {
          byte[] m = CaptureTest.mixedCapture();
          return Arrays.copyOf(m, rng.nextInt(m.length));
        }
        case 5: return damaged(Header.of('t', 5, 1).encode(), rng.nextInt(8), rng.nextInt(256));
        case 6: {
          byte[] m = Message.encode(7, CaptureTest.trades(3));
          return damaged(m, 8 + 32 + 16, 0); // a quantity of 0 in the second trade
        }
        default: {
          byte[] junk = new byte[rng.nextInt(300)];
          rng.nextBytes(junk);
          return junk;
        }
      }
    }

    /** The bytes in a buffer of one of the shapes a caller may pass. */
    ByteBuffer buffer(byte[] bytes) {
      switch (rng.nextInt(9)) {
        case 0: return ByteBuffer.wrap(bytes);
        case 1: return direct(bytes);
        case 2: return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        case 3: return direct(bytes).asReadOnlyBuffer();
        case 4: { // a slice with an array offset
          byte[] bigger = new byte[bytes.length + 5];
          System.arraycopy(bytes, 0, bigger, 5, bytes.length);
          return ByteBuffer.wrap(bigger, 5, bytes.length).slice();
        }
        case 5: { // a direct slice
          ByteBuffer d = ByteBuffer.allocateDirect(bytes.length + 3);
          d.position(3);
          d.put(bytes);
          d.position(3);
          return d.slice();
        }
        case 6: { // position near the limit
          ByteBuffer b = rng.nextBoolean() ? ByteBuffer.wrap(bytes) : direct(bytes);
          return b.position(Math.max(0, bytes.length - 1 - rng.nextInt(3)));
        }
        case 7: { // position at the limit, limit below capacity
          ByteBuffer b = ByteBuffer.wrap(bytes);
          int limit = bytes.length / 2;
          return b.limit(limit).position(limit);
        }
        default: { // bytes at an odd position, limit below capacity
          ByteBuffer b = ByteBuffer.allocate(bytes.length + 9);
          b.position(4);
          b.put(bytes);
          return b.limit(4 + bytes.length).position(4);
        }
      }
    }

    static ByteBuffer direct(byte[] bytes) {
      return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    }

    Object list(Class<?> element, boolean bad) {
      if (element == Bin.class) {
        int n = bad ? pick(List.of(0, 127, 129, 128)) : 128;
        List<Bin> bins = new ArrayList<>(Collections.nCopies(n, new Bin(1, 2)));
        if (bad && n > 0 && rng.nextBoolean()) {
          bins.set(rng.nextInt(n), null);
        }
        return bins;
      }
      if (element == String.class) {
        return bad ? pick(List.of(List.of(), Arrays.asList("a", null), List.of(MEGABYTE)))
            : List.of("a", "b");
      }
      List<Body> of = new ArrayList<>();
      for (Body b : BodiesTest.samples()) {
        if (element.isInstance(b)) {
          of.add(b);
        }
      }
      if (of.isEmpty()) {
        UNSUPPORTED.add("List<" + element.getName() + ">");
        return null;
      }
      if (!bad) {
        List<Body> some = new ArrayList<>();
        for (int i = rng.nextInt(4); i >= 0; i--) {
          some.add(pick(of));
        }
        return some;
      }
      switch (rng.nextInt(5)) {
        case 0: return new ArrayList<>();
        case 1: return new ArrayList<>(Collections.nCopies(pick(List.of(255, 256, 300)),
            pick(of)));
        case 2: return Arrays.asList(pick(of), null);
        case 3: return element == Body.class ? List.of(pick(of), BodiesTest.samples().get(3))
            : Arrays.asList((Object) null);
        default: return List.of(hostileBody(of.get(0).getClass()));
      }
    }

    Body hostileBody(Class<?> kind) {
      return SweepTest.hostileBody(kind);
    }

    /** Values of a class of the binding: samples, and hostile ones. */
    List<Supplier<Object>> instances(Class<?> raw, boolean bad) {
      List<Supplier<Object>> out = new ArrayList<>();
      if (Body.class.isAssignableFrom(raw)) {
        for (Body b : BodiesTest.samples()) {
          if (raw.isInstance(b)) {
            out.add(() -> b);
          }
        }
        if (bad) {
          for (Class<?> kind : List.of(Trade.class, Order.class, Tick.class, Index.class,
              OrderBook.class)) {
            if (raw.isAssignableFrom(kind)) {
              out.add(() -> hostileBody(kind));
            }
          }
        }
      } else if (raw == Header.class) {
        out.add(() -> Header.of('t', 5, 1));
        out.add(() -> new Header(MessageType.ORDER_BOOK, -1, bad ? 0 : 255));
      } else if (raw == TickerFields.class) {
        out.add(() -> TickerId.decode(EURUSD));
        if (bad) {
          out.add(() -> new TickerFields(16, 0, 0, 0, 0, 0));
          out.add(() -> new TickerFields(-1, Integer.MAX_VALUE, 65536, -1, 0, 1L << 20));
          out.add(() -> new TickerFields(0, 3, 840, 3, 840, -1));
        }
      } else if (raw == ErrorDetail.class) {
        out.add(() -> ErrorDetail.NONE);
        out.add(() -> ErrorDetail.field(MEGABYTE, null, Double.NaN, null));
      } else if (Columns.class.getPackageName().equals(raw.getPackageName())
          && raw.getSimpleName().endsWith("Columns") && raw != CaptureColumns.class) {
        int type = columnsType(raw);
        out.add(() -> columns(type, Columns.allocate(type, 0)));
        out.add(() -> columns(type, Columns.of(type, samplesOf(type, 1 + rng.nextInt(3)))));
        if (bad) {
          out.add(() -> { // ragged: one column shorter
            Object[] c = Columns.of(type, samplesOf(type, 2));
            int k = rng.nextInt(c.length);
            c[k] = Columns.allocate(type, 1)[k];
            return columns(type, c);
          });
          out.add(() -> columns(type, Columns.allocate(type, 3))); // zeros: rules broken
        }
      } else {
        Object sample = SAMPLES.stream().filter(raw::isInstance).findFirst().orElse(null);
        if (sample != null) {
          out.add(() -> sample);
        }
      }
      return out;
    }
  }

  /** A body whose values fit their fields but break the protocol's rules. */
  static Body hostileBody(Class<?> kind) {
    if (kind == Trade.class) {
      return new Trade(0, Double.NaN, 0, 0, Side.BUY);
    } else if (kind == Order.class) {
      return new Order(EURUSD, 1, -1.0, 1, Side.SELL, OrderType.LIMIT, -1);
    } else if (kind == Tick.class) {
      return new Tick(EURUSD, 2.0, 1.0, 1, 1);
    } else if (kind == Index.class) {
      return new Index(EURUSD, Double.POSITIVE_INFINITY, 1, 1, 0, 0, 0, 0, 0, 65535, 0,
          -32768, 0, 255, 0, 0);
    }
    return OrderBook.empty(EURUSD, -0.0, BinAggregator.LINGAUSSIAN);
  }

  static int columnsType(Class<?> columns) {
    if (columns == TradeColumns.class) {
      return 't';
    } else if (columns == OrderColumns.class) {
      return 'o';
    } else if (columns == TickColumns.class) {
      return 's';
    } else if (columns == IndexColumns.class) {
      return 'i';
    }
    return 'b';
  }

  static List<Body> samplesOf(int type, int n) {
    Body one = BodiesTest.samples().stream().filter(b -> b.messageType().code() == type)
        .findFirst().orElseThrow();
    return Collections.nCopies(n, one);
  }

  static Object columns(int type, Object[] c) {
    switch (type) {
      case 't': return TradeColumns.from(c, null);
      case 'o': return OrderColumns.from(c, null);
      case 's': return TickColumns.from(c, null);
      case 'i': return IndexColumns.from(c, null);
      default: return OrderBookColumns.from(c, null);
    }
  }

  static Class<?> raw(Type type) {
    if (type instanceof Class) {
      return (Class<?>) type;
    }
    if (type instanceof ParameterizedType) {
      return (Class<?>) ((ParameterizedType) type).getRawType();
    }
    if (type instanceof WildcardType) {
      return raw(((WildcardType) type).getUpperBounds()[0]);
    }
    return Object.class;
  }

  static Class<?> element(Type type) {
    return type instanceof ParameterizedType
        ? raw(((ParameterizedType) type).getActualTypeArguments()[0]) : Object.class;
  }

  static final Set<String> UNSUPPORTED = Collections.synchronizedSet(new TreeSet<>());

  /** One valid object of each public class whose methods take or give something. */
  static final List<Object> SAMPLES = samples();

  static List<Object> samples() {
    List<Object> s = new ArrayList<>(BodiesTest.samples());
    // Bodies and a header that break the protocol's rules: encoding them must
    // fail without writing into the caller's array or buffer.
    for (Class<?> kind : List.of(Trade.class, Order.class, Tick.class, Index.class,
        OrderBook.class)) {
      s.add(hostileBody(kind));
    }
    s.add(new Header(MessageType.TRADE, 1L << 48, 0));
    byte[] capture = CaptureTest.mixedCapture();
    Ticker ticker = Registry.resolve("EURUSD");
    s.add(ticker);
    s.add(ticker.base());
    s.add(Registry.findAsset("Apple"));
    s.add(Registry.providers().get(0));
    s.add(Registry.findProvider("NYSE"));
    s.add(Registry.assetClass(3));
    s.add(Header.of('t', 5, 1));
    s.add(Channel.of(2, 't'));
    s.add(TickerId.decode(EURUSD));
    s.add(new Bin(1, 2));
    s.add(Bins.priceRange(1.5, BinAggregator.LINGAUSSIAN, BookSide.BID, 3));
    s.add(Capture.messages(capture));
    s.add(Capture.messages(capture).iterator().next());
    s.add(Capture.validate(ByteBuffer.wrap(capture)));
    CaptureColumns all = Capture.decode(ByteBuffer.wrap(capture));
    s.add(all);
    s.add(all.trades());
    s.add(all.orders());
    s.add(all.ticks());
    s.add(all.indices());
    s.add(all.orderBooks());
    s.add(((Tick) BodiesTest.samples().get(3)).metrics());
    s.add(((Index) BodiesTest.samples().get(4)).metrics());
    s.add(((OrderBook) BodiesTest.samples().get(5)).totals());
    try {
      Registry.findAsset("zzzzqqqq", null, 0.99);
    } catch (MitchException e) {
      s.add(e);
      s.add(e.detail());
    }
    s.add(new InvalidFieldValueException("x", null));
    s.add(ErrorDetail.NONE);
    for (Class<?> c : CLASSES) {
      if (c.isEnum()) {
        s.addAll(Arrays.asList(c.getEnumConstants()));
      }
    }
    return s;
  }

  // --- calling ----------------------------------------------------------------

  /** One member's failures, and what the sweep saw. */
  static final class Sweep {
    final List<String> failures = new ArrayList<>();
    /** One failure of each kind per member is reported (member, exception, frame). */
    final Set<String> kinds = new TreeSet<>();
    int calls;
    int returned;
    int refused;
    int argumentErrors;

    void add(String member, String why, String failure) {
      if (kinds.add(member + " " + why.replaceAll("\"[^\"]*\"|[0-9]+", ""))) {
        failures.add(failure);
      }
    }
  }

  static long seed(String member) {
    long h = 1125899906842597L; // stable across runs and JVMs (String.hashCode is too short)
    for (int i = 0; i < member.length(); i++) {
      h = 31 * h + member.charAt(i);
    }
    return h;
  }

  static String describe(Object v) {
    String s;
    if (v == null) {
      return "null";
    } else if (v instanceof byte[]) {
      byte[] b = (byte[]) v;
      s = "byte[" + b.length + "]";
    } else if (v instanceof long[]) {
      s = "long[" + ((long[]) v).length + "]";
    } else if (v instanceof int[]) {
      s = "int[" + ((int[]) v).length + "]";
    } else if (v instanceof double[]) {
      s = "double[" + ((double[]) v).length + "]";
    } else if (v instanceof Object[]) {
      s = Arrays.toString((Object[]) v);
    } else if (v instanceof ByteBuffer) {
      ByteBuffer b = (ByteBuffer) v;
      s = (b.isDirect() ? "direct " : "heap ") + (b.isReadOnly() ? "read-only " : "") + b;
    } else if (v instanceof String) {
      String t = (String) v;
      s = "\"" + (t.length() > 20 ? t.substring(0, 20) + "...\"(" + t.length() + " chars)"
          : t + "\"");
    } else if (v instanceof List) {
      s = "List(" + ((List<?>) v).size() + ")" + ((List<?>) v).stream().limit(2)
          .map(x -> x == null ? "null" : x.getClass().getSimpleName())
          .collect(Collectors.toList());
    } else {
      try {
        s = v.toString();
      } catch (RuntimeException e) {
        s = v.getClass().getSimpleName() + "(toString threw " + e + ")";
      }
    }
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }

  /** What a failed call must leave as it was. */
  static Object snapshot(Object v) {
    if (v instanceof ByteBuffer) {
      ByteBuffer b = (ByteBuffer) v;
      ByteBuffer all = b.duplicate().clear();
      byte[] bytes = new byte[all.remaining()];
      all.get(bytes);
      return List.of(b.position(), b.limit(), ByteBuffer.wrap(bytes));
    }
    if (v instanceof byte[]) {
      return ByteBuffer.wrap(((byte[]) v).clone());
    }
    if (v instanceof long[]) {
      return Arrays.toString((long[]) v);
    }
    if (v instanceof int[]) {
      return Arrays.toString((int[]) v);
    }
    if (v instanceof double[]) {
      return Arrays.toString((double[]) v);
    }
    return null;
  }

  /** Calls the member once; null if the outcome is allowed, else the failure. */
  static String call(Sweep sweep, Executable member, Object target, Object[] args, boolean probe) {
    Object[] before = new Object[args.length];
    for (int k = 0; k < args.length; k++) {
      before[k] = snapshot(args[k]);
    }
    sweep.calls++;
    Object result;
    try {
      if (member instanceof Method) {
        result = ((Method) member).invoke(target, args);
      } else {
        result = ((Constructor<?>) member).newInstance(args);
      }
    } catch (InvocationTargetException e) {
      Throwable t = e.getCause();
      String why = judge(t);
      if (why == null) {
        if (t instanceof MitchException) {
          sweep.refused++;
        } else {
          sweep.argumentErrors++;
        }
        for (int k = 0; k < args.length; k++) {
          if (before[k] != null && !before[k].equals(snapshot(args[k]))) {
            return "changed argument " + k + " (" + describe(args[k]) + ") and threw " + brief(t);
          }
        }
        return null;
      }
      return why + ": " + brief(t);
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      throw new AssertionError("the sweep cannot call " + member, e);
    }
    sweep.returned++;
    if (Modifier.isStatic(member.getModifiers()) && member instanceof Method
        && !member.getDeclaringClass().isRecord()) {
      for (Object a : args) {
        if (a instanceof Double && Double.isNaN((Double) a)) {
          return "accepted NaN and returned " + describe(result);
        }
      }
    }
    if (probe && result != null && BINDING.contains(result.getClass().getName().split("\\$")[0])) {
      return probe(sweep, result);
    }
    return null;
  }

  /** The no-argument methods of an object a call returned, and a few of its elements. */
  static String probe(Sweep sweep, Object result) {
    List<Object> objects = new ArrayList<>();
    objects.add(result);
    if (result instanceof Iterable) {
      try {
        Iterator<?> it = ((Iterable<?>) result).iterator();
        for (int i = 0; i < 20 && it.hasNext(); i++) {
          objects.add(it.next());
        }
      } catch (RuntimeException e) {
        String why = judge(e);
        if (why != null) {
          return "iterating the result: " + why + ": " + brief(e);
        }
      }
    }
    for (Object o : objects) {
      for (Method m : publicMethods(o.getClass())) {
        if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())) {
          String why = call(sweep, m, o, new Object[0], false);
          if (why != null) {
            return "then " + o.getClass().getSimpleName() + "." + m.getName() + "(): " + why;
          }
        }
      }
    }
    return null;
  }

  static List<Method> publicMethods(Class<?> c) {
    List<Method> out = new ArrayList<>();
    for (Method m : c.getMethods()) {
      if (swept(m) && isPublicApi(m.getDeclaringClass())) {
        out.add(m);
      }
    }
    out.sort((a, b) -> a.toString().compareTo(b.toString()));
    return out;
  }

  static String brief(Throwable t) {
    String m = String.valueOf(t.getMessage());
    StackTraceElement[] st = t.getStackTrace();
    return t.getClass().getName() + ": " + (m.length() > 120 ? m.substring(0, 120) + "..." : m)
        + (st.length > 0 ? " at " + st[0] : "") + (st.length > 1 ? " < " + st[1] : "");
  }

  static String name(Executable member) {
    return member.getDeclaringClass().getSimpleName() + "."
        + (member instanceof Constructor ? "<init>" : member.getName())
        + Arrays.stream(member.getParameterTypes()).map(Class::getSimpleName)
            .collect(Collectors.joining(",", "(", ")"));
  }

  /** TRIALS argument lists for one member (one call when it takes none). */
  static void sweep(Sweep sweep, Executable member, Object target, String label) {
    long seed = seed(label);
    Draw draw = new Draw(seed);
    Type[] types = member.getGenericParameterTypes();
    int trials = types.length == 0 ? 1 : TRIALS;
    for (int trial = 0; trial < trials; trial++) {
      draw.rate = List.of(0.15, 0.4, 0.8).get(trial % 3);
      Object[] args = new Object[types.length];
      for (int k = 0; k < types.length; k++) {
        args[k] = draw.value(types[k]);
      }
      String why = call(sweep, member, target, args, true);
      if (why != null) {
        sweep.add(label, why, label + " [seed " + seed + ", trial " + trial + "] ("
            + Arrays.stream(args).map(SweepTest::describe).collect(Collectors.joining(", "))
            + "): " + why);
      }
    }
  }

  static void report(Sweep sweep, String what) {
    System.out.println("sweep of " + what + ": " + sweep.calls + " calls, " + sweep.returned
        + " returned, " + sweep.refused + " MitchException, " + sweep.argumentErrors
        + " argument exceptions, " + sweep.failures.size() + " failures"
        + (UNSUPPORTED.isEmpty() ? "" : "; types drawn only as null: " + UNSUPPORTED));
    assertTrue(sweep.failures.isEmpty(), sweep.failures.size() + " failures:\n"
        + sweep.failures.stream().limit(100).collect(Collectors.joining("\n")));
  }

  // --- the tests ----------------------------------------------------------------

  @Test
  void theSweepSeesTheWholeBinding() {
    List<String> names = CLASSES.stream().filter(SweepTest::isPublicApi)
        .map(Class::getSimpleName).collect(Collectors.toList());
    assertTrue(names.containsAll(List.of("Trade", "Registry", "Capture", "Channel",
        "TickerId", "Bins", "PriceRange", "TradeColumns", "Message", "MitchException")), names
        .toString());
    assertTrue(judge(new IndexOutOfBoundsException("x")) != null, "not thrown by the binding");
    assertTrue(judge(new NullPointerException()) != null, "an NPE without a check");
    // The rules on arguments and NaN fire (on stand-ins that break them).
    Sweep sweep = new Sweep();
    try {
      assertTrue(call(sweep, Misbehaving.class.getMethod("scribble", byte[].class), null,
          new Object[] {new byte[4]}, false).startsWith("changed argument 0"));
      assertTrue(call(sweep, Misbehaving.class.getMethod("acceptNaN", double.class), null,
          new Object[] {Double.NaN}, false).startsWith("accepted NaN"));
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  /** Stand-ins for a binding function that breaks the sweep's rules. */
  public static final class Misbehaving {
    private Misbehaving() {}

    /** Writes into its argument, then fails. */
    public static void scribble(byte[] out) {
      out[0] = 1;
      throw new InvalidDataException("x", null);
    }

    /** Accepts NaN. */
    public static double acceptNaN(double x) {
      return x;
    }
  }

  @Test
  void staticMethodsAndConstructorsAnswerHostileArgumentsCleanly() {
    Sweep sweep = new Sweep();
    for (Class<?> c : CLASSES) {
      if (!isPublicApi(c)) {
        continue;
      }
      for (Method m : publicMethods(c)) {
        if (Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == c) {
          sweep(sweep, m, null, name(m));
        }
      }
      if (!Modifier.isAbstract(c.getModifiers())) {
        for (Constructor<?> k : c.getConstructors()) {
          sweep(sweep, k, null, name(k));
        }
      }
    }
    report(sweep, "static methods and constructors");
  }

  @Test
  void methodsOfValidInstancesAnswerHostileArgumentsCleanly() {
    Sweep sweep = new Sweep();
    Set<Class<?>> covered = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
    for (Object sample : SAMPLES) {
      covered.add(sample.getClass());
      for (Method m : publicMethods(sample.getClass())) {
        if (!Modifier.isStatic(m.getModifiers())) {
          sweep(sweep, m, sample, sample.getClass().getSimpleName() + "#" + SAMPLES.indexOf(sample)
              + "." + name(m).substring(name(m).indexOf('.') + 1));
        }
      }
    }
    // Every public class with instance methods of its own has a sample.
    List<String> missing = new ArrayList<>();
    for (Class<?> c : CLASSES) {
      if (isPublicApi(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())
          && Arrays.stream(c.getDeclaredMethods()).anyMatch(m -> swept(m)
              && !Modifier.isStatic(m.getModifiers()))
          && covered.stream().noneMatch(c::isAssignableFrom)) {
        missing.add(c.getSimpleName());
      }
    }
    assertTrue(missing.isEmpty(), "no sample instance of " + missing);
    report(sweep, "instance methods");
  }
}
