package io.github.mitchprotocol.mitch.conformance;

import io.github.mitchprotocol.mitch.AssetClass;
import io.github.mitchprotocol.mitch.AssetMatch;
import io.github.mitchprotocol.mitch.Bin;
import io.github.mitchprotocol.mitch.Body;
import io.github.mitchprotocol.mitch.Channel;
import io.github.mitchprotocol.mitch.Header;
import io.github.mitchprotocol.mitch.Index;
import io.github.mitchprotocol.mitch.InstrumentType;
import io.github.mitchprotocol.mitch.Library;
import io.github.mitchprotocol.mitch.LibraryLoadException;
import io.github.mitchprotocol.mitch.MessageType;
import io.github.mitchprotocol.mitch.MitchException;
import io.github.mitchprotocol.mitch.NotFoundException;
import io.github.mitchprotocol.mitch.Order;
import io.github.mitchprotocol.mitch.OrderBook;
import io.github.mitchprotocol.mitch.BinAggregator;
import io.github.mitchprotocol.mitch.ProviderMatch;
import io.github.mitchprotocol.mitch.Registry;
import io.github.mitchprotocol.mitch.Tick;
import io.github.mitchprotocol.mitch.Ticker;
import io.github.mitchprotocol.mitch.TickerFields;
import io.github.mitchprotocol.mitch.TickerId;
import io.github.mitchprotocol.mitch.Trade;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.InvalidPathException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The conformance runner: pushes every row of a vectors directory (format:
 * tests/vectors/README.md) through the binding's public API and prints one
 * closing line {@code N passed, N failed}, one count per data row.
 *
 * <p>A missing file, a file with no data rows (empty, or its header line
 * only) and a file that cannot be read (not UTF-8, an I/O error, a directory)
 * are one failure each, on a line of their own naming the file; the rows read
 * before the damage still count, and the other files still run.
 *
 * <p>Usage: {@code java -jar mitch-conformance.jar DIR}. Exit status 0 when
 * every row passed, 1 when anything failed, 2 for a usage error (no
 * argument, or DIR is not a directory).
 */
public final class Conformance {
  private static final String[] MESSAGE_FILES = {"trade.tsv", "order.tsv", "tick.tsv",
      "index.tsv", "header.tsv", "ticker_id.tsv", "channel.tsv", "order_book.tsv"};
  private static final String[] RESOLUTION_FILES = {"tickers.tsv", "assets.tsv",
      "providers.tsv"};
  private static final int SHOWN_FAILURES = 20;
  /** Characters of a cell or message quoted in a failure line, at most. */
  private static final int QUOTED = 200;

  private final PrintStream log;
  private int passed;
  private int failed;

  private Conformance(PrintStream log) {
    this.log = log;
  }

  /** The counts of a run. */
  public record Result(int passed, int failed) {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: java -jar mitch-conformance.jar VECTORS_DIR");
      System.exit(2);
    }
    // Not a directory is a usage error: without this check a mistyped DIR
    // would be eleven "missing" failures, indistinguishable from a damaged copy.
    Path dir = null;
    try {
      dir = Paths.get(args[0]);
    } catch (InvalidPathException e) {
      // dir stays null: reported just below
    }
    if (dir == null || !Files.isDirectory(dir)) {
      System.err.println("mitch-conformance: " + bounded(args[0]) + " is not a directory");
      System.exit(2);
      return;
    }
    try {
      Library.version();
    } catch (LibraryLoadException e) {
      System.err.println("mitch-conformance: " + e.getMessage());
      System.exit(2);
    }
    Result result = run(dir, System.err);
    System.out.println(result.passed() + " passed, " + result.failed() + " failed");
    System.exit(result.failed() == 0 ? 0 : 1);
  }

  /**
   * Runs every file of {@code dir}; failures are described on {@code log}.
   * A damaged file is a failure, not an exception: the run always ends with
   * its counts.
   */
  public static Result run(Path dir, PrintStream log) {
    Conformance c = new Conformance(log);
    for (String name : MESSAGE_FILES) {
      c.file(dir, "messages/" + name);
    }
    for (String name : RESOLUTION_FILES) {
      c.file(dir, "resolution/" + name);
    }
    return new Result(c.passed, c.failed);
  }

  /** One file, {@code name} relative to {@code dir} (the name failure lines give). */
  private void file(Path dir, String name) {
    Path path = dir.resolve(name);
    if (!Files.exists(path)) {
      fileFailure(name + ": missing");
      return;
    }
    String file = path.getFileName().toString();
    String[] header = null;
    int line = 0;
    int rows = 0;
    // Read a line at a time, so that the rows before a damaged line are
    // checked and counted (a Reader decodes ahead in blocks and would lose
    // them when a later byte is not UTF-8).
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
      CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
      for (String text; (text = readLine(in, utf8)) != null; ) {
        line++;
        if (header == null) {
          header = text.split("\t", -1);
        } else if (!text.isEmpty()) {
          rows++;
          dataRow(file, name + ":" + line, header, text);
        }
      }
    } catch (IOException e) {
      // The rest of the file is one failure; the other files go on.
      fileFailure(name + ": unreadable after line " + line + ": " + describe(e));
      return;
    }
    if (rows == 0) {
      // No header or no rows: a file cut short, not a file of no vectors.
      fileFailure(name + ": no rows");
    }
  }

  /** Checks one data row; a failure is counted and (the first few) shown. */
  private void dataRow(String file, String where, String[] header, String text) {
    String[] cells = text.split("\t", -1);
    try {
      if (cells.length != header.length) {
        throw new AssertionError(cells.length + " cells, the header has " + header.length);
      }
      Map<String, String> row = new HashMap<>();
      for (int k = 0; k < header.length; k++) {
        row.put(header[k], cells[k]);
      }
      row(file, new Row(row));
      passed++;
    } catch (AssertionError | RuntimeException e) {
      failed++;
      if (failed <= SHOWN_FAILURES) {
        // A message may quote a cell, and a damaged cell can be megabytes long.
        log.println("FAIL " + where + ": " + bounded(e.toString()));
      }
    }
  }

  /**
   * A whole file's failure: always shown (there are at most eleven, and
   * each stands for rows that were never checked).
   */
  private void fileFailure(String line) {
    failed++;
    log.println(line);
  }

  /**
   * The next line of {@code in} without its terminator (LF, CRLF or CR, as
   * Files.readAllLines splits), or null at the end; a line that is not UTF-8
   * throws MalformedInputException.
   */
  private static String readLine(InputStream in, CharsetDecoder utf8) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int b = in.read();
    if (b < 0) {
      return null;
    }
    while (b >= 0 && b != '\n') {
      if (b == '\r') {
        in.mark(1);
        if (in.read() != '\n') {
          in.reset();
        }
        break;
      }
      bytes.write(b);
      b = in.read();
    }
    return utf8.decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + bounded(message));
  }

  /** {@code text}, cut to {@link #QUOTED} characters when longer. */
  private static String bounded(String text) {
    if (text.length() <= QUOTED) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(QUOTED - 1)) ? QUOTED - 1 : QUOTED;
    return text.substring(0, end) + "... (" + text.length() + " characters)";
  }

  private static void row(String file, Row r) {
    switch (file) {
      case "trade.tsv":
        body(r, () -> Trade.of(r.num("ticker_id"), r.f64("price"), r.num("quantity"),
            r.num("trade_id"), (int) r.num("side")), Trade::decode);
        break;
      case "order.tsv":
        body(r, () -> Order.of(r.num("ticker_id"), r.num("order_id"), r.f64("price"),
            r.num("quantity"), (int) r.num("side"), (int) r.num("order_type"),
            r.num("expiry_ms")), Order::decode);
        break;
      case "tick.tsv":
        body(r, () -> new Tick(r.num("ticker_id"), r.f64("bid_price"), r.f64("ask_price"),
            r.num("bid_volume"), r.num("ask_volume")), Tick::decode);
        break;
      case "index.tsv":
        body(r, () -> new Index(r.num("ticker_id"), r.f64("mid"), r.num("v_bid"),
            r.num("v_ask"), r.i32("m_spread"), r.i32("b_bid_o"), r.i32("b_ask_o"),
            r.i32("w_bid_o"), r.i32("w_ask_o"), r.i32("v_force"), r.i32("l_force"),
            r.i32("t_force"), r.i32("m_force"), r.i32("confidence"), r.i32("rejected"),
            r.i32("accepted")), Index::decode);
        break;
      case "order_book.tsv":
        orderBook(r);
        break;
      case "header.tsv":
        header(r);
        break;
      case "ticker_id.tsv":
        tickerId(r);
        break;
      case "channel.tsv":
        channel(r);
        break;
      case "tickers.tsv":
        ticker(r);
        break;
      case "assets.tsv":
        asset(r);
        break;
      case "providers.tsv":
        provider(r);
        break;
      default:
        throw new AssertionError("unknown file " + file);
    }
  }

  /** A value-producing step that may throw the error an ERRn row expects. */
  private interface Make<T> {
    T make();
  }

  private interface Decode<T> {
    T decode(byte[] bytes);
  }

  /** Encode (ERRn: the status), bytes, decode bit for bit, decode of a longer buffer. */
  private static <T extends Body> void body(Row r, Make<T> make, Decode<T> decode) {
    String expect = r.get("expect");
    if (expect.startsWith("ERR")) {
      expectStatus(expect, () -> make.make().encode());
      return;
    }
    T body = make.make();
    byte[] wire = HexFormat.of().parseHex(expect);
    check(Arrays.equals(body.encode(), wire), "encode gave "
        + HexFormat.of().formatHex(body.encode()));
    ByteBuffer direct = ByteBuffer.allocateDirect(wire.length);
    body.encode(direct);
    direct.flip();
    byte[] fromDirect = new byte[wire.length];
    direct.get(fromDirect);
    check(Arrays.equals(fromDirect, wire), "encode into a direct buffer differs");
    // Records compare doubles by their bits (Double.compare), so equality is
    // the bit-for-bit round trip the vectors ask for.
    check(decode.decode(wire).equals(body), "decode gave " + decode.decode(wire));
    byte[] longer = Arrays.copyOf(wire, wire.length + 9);
    Arrays.fill(longer, wire.length, longer.length, (byte) 0xff);
    check(decode.decode(longer).equals(body), "decode of a longer buffer differs");
  }

  private static void orderBook(Row r) {
    long seed = r.num("bins_seed");
    List<Bin> bids = new ArrayList<>();
    List<Bin> asks = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      long count = ((seed + 2L * i) * 2654435761L) & 0xFFFFFFFFL;
      long volume = ((seed + 2L * i + 1) * 2654435761L) & 0xFFFFFFFFL;
      (i < 128 ? bids : asks).add(new Bin(count, volume));
    }
    body(r, () -> new OrderBook(r.num("ticker_id"), r.f64("mid_price"),
        BinAggregator.fromCode((int) r.num("bin_aggregator")), bids, asks), OrderBook::decode);
  }

  private static void header(Row r) {
    String type = r.get("message_type");
    check(type.length() == 1, "message_type is not one character");
    long timestamp = r.num("timestamp");
    int count = (int) r.num("count");
    String expect = r.get("expect");
    if (expect.startsWith("ERR")) {
      expectStatus(expect, () -> Header.of(type.charAt(0), timestamp, count).encode());
      return;
    }
    Header header = Header.of(type.charAt(0), timestamp, count);
    byte[] wire = HexFormat.of().parseHex(expect);
    check(Arrays.equals(header.encode(), wire), "encode differs");
    check(Header.decode(wire).equals(header), "decode gave " + Header.decode(wire));
    check(Header.decode(wire).messageType().code() == type.charAt(0), "type differs");
  }

  private static void tickerId(Row r) {
    TickerFields fields = new TickerFields(r.i32("instrument_type"), r.i32("base_class"),
        r.i32("base_id"), r.i32("quote_class"), r.i32("quote_id"), r.num("sub_type"));
    String expect = r.get("expect");
    if (expect.startsWith("ERR")) {
      expectStatus(expect, fields::encode);
      return;
    }
    long id = r.num("expect");
    check(fields.encode() == id, "encode gave " + TickerId.toHex(fields.encode()));
    check(TickerId.decode(id).equals(fields), "decode gave " + TickerId.decode(id));
  }

  private static void channel(Row r) {
    int provider = r.i32("provider_id");
    String type = r.get("message_type");
    check(type.length() == 1, "message_type is not one character");
    long id = r.num("channel_id");
    byte[] wire = HexFormat.of().parseHex(r.get("bytes"));
    Channel channel = Channel.of(provider, type.charAt(0));
    check(channel.id() == id, "id " + channel.id());
    check(channel.providerId() == provider, "provider " + channel.providerId());
    check(channel.messageType() == MessageType.fromCode(type.charAt(0)), "type differs");
    check(Arrays.equals(channel.pack(), wire), "pack differs");
    check(Channel.unpack(wire).equals(channel), "unpack differs");
  }

  private static void ticker(Row r) {
    InstrumentType type = InstrumentType.fromCode(r.i32("instrument_type"));
    Ticker t = Registry.resolve(r.get("symbol"), type);
    check(t.id() == r.num("ticker_id"), "id " + TickerId.toHex(t.id()));
    check(t.instrumentType() == type, "type " + t.instrumentType());
    check(t.base().assetClass() == AssetClass.fromCode(r.i32("base_class"))
        && t.base().classId() == r.i32("base_id"), "base " + t.base());
    check(t.quote().assetClass() == AssetClass.fromCode(r.i32("quote_class"))
        && t.quote().classId() == r.i32("quote_id"), "quote " + t.quote());
    check(t.base().name().equals(r.get("base_name")), "base name " + t.base().name());
    check(t.quote().name().equals(r.get("quote_name")), "quote name " + t.quote().name());
    check(t.symbol().equals(r.get("symbol")), "symbol " + t.symbol());
    check(t.confidence() > 0 && t.confidence() <= 1, "confidence " + t.confidence());
  }

  private static void asset(Row r) {
    String filter = r.get("class_filter");
    AssetClass assetClass = filter.equals("-") ? null : AssetClass.fromCode(r.i32("class_filter"));
    double min = Double.parseDouble(r.get("min_confidence"));
    if (r.get("expect_class").equals("-")) {
      try {
        AssetMatch m = Registry.findAsset(r.get("query"), assetClass, min);
        throw new AssertionError("found " + m);
      } catch (NotFoundException expected) {
        return;
      }
    }
    AssetMatch m = Registry.findAsset(r.get("query"), assetClass, min);
    check(m.asset().assetClass().code() == r.i32("expect_class"), "class " + m.asset());
    check(m.asset().classId() == r.i32("expect_id"), "id " + m.asset());
    check(m.asset().name().equals(r.get("expect_name")), "name " + m.asset().name());
    check(m.asset().id() == TickerId.packAsset(r.i32("expect_class"), r.i32("expect_id")),
        "packed id " + m.asset().id());
    check(m.confidence() >= min && m.confidence() <= 1, "confidence " + m.confidence());
  }

  private static void provider(Row r) {
    double min = Double.parseDouble(r.get("min_confidence"));
    if (r.get("expect_id").equals("-")) {
      try {
        ProviderMatch m = Registry.findProvider(r.get("query"), min);
        throw new AssertionError("found " + m);
      } catch (NotFoundException expected) {
        return;
      }
    }
    ProviderMatch m = Registry.findProvider(r.get("query"), min);
    check(m.provider().id() == r.i32("expect_id"), "id " + m.provider());
    check(m.provider().name().equals(r.get("expect_name")), "name " + m.provider().name());
    check(m.confidence() >= min && m.confidence() <= 1, "confidence " + m.confidence());
    check(Registry.provider(m.provider().id()).equals(m.provider()), "by id differs");
  }

  private static void expectStatus(String expect, Runnable call) {
    int status = Integer.parseInt(expect.substring(3));
    try {
      call.run();
    } catch (MitchException e) {
      check(e.status() == status, "status " + e.status() + " (" + e.getMessage()
          + "), expected " + status);
      return;
    }
    throw new AssertionError("no error, expected status " + status);
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }

  /** One data row, its cells by column name. */
  private static final class Row {
    private final Map<String, String> cells;

    Row(Map<String, String> cells) {
      this.cells = cells;
    }

    String get(String column) {
      String value = cells.get(column);
      if (value == null) {
        throw new AssertionError("no column " + column);
      }
      return value;
    }

    /** Decimal, or 0x hex up to 2^64 - 1 (read into a long unsigned). */
    long num(String column) {
      String text = get(column);
      if (text.startsWith("0x")) {
        return Long.parseUnsignedLong(text.substring(2), 16);
      }
      return Long.parseLong(text);
    }

    int i32(String column) {
      return Math.toIntExact(num(column));
    }

    /** A C99 hex-float literal (Double.parseDouble reads them exactly), nan or inf. */
    double f64(String column) {
      return HexFloat.parse(get(column));
    }
  }
}
