// Conformance.cs - mitch-conformance.exe: every row of a vectors directory
// (tests/vectors/README.md) through the binding's public API, and one
// closing line "N passed, N failed" counting one per data row.  A file that
// is missing, cannot be read (not UTF-8, an I/O error, a directory) or has no
// data row is one failure line and one failed; the other files still run.
// Usage: mono mitch-conformance.exe DIR.  Exit 0 when every row passed, 1
// when one failed, 2 for a usage or loading error.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Mitch.Conformance
{
  public sealed class Runner
  {
    static readonly string[] MessageFiles = { "trade.tsv", "order.tsv", "tick.tsv", "index.tsv", "header.tsv",
                                              "ticker_id.tsv", "channel.tsv", "order_book.tsv" };
    static readonly string[] ResolutionFiles = { "tickers.tsv", "assets.tsv", "providers.tsv" };
    const int ShownFailures = 20;
    // The most characters of an exception's message (which may quote a cell,
    // and a damaged file's cell can be megabytes) on one failure line.
    const int ShownMessage = 200;
    // Strict: a byte that is not UTF-8 throws instead of becoming U+FFFD, so a
    // damaged file is reported as such rather than as rows that fail oddly.
    static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

    readonly TextWriter log;
    public int Passed { get; private set; }
    public int Failed { get; private set; }

    Runner(TextWriter log)
    {
      this.log = log;
    }

    public static int Main(string[] args)
    {
      if (args.Length != 1)
      {
        Console.Error.WriteLine("usage: mono mitch-conformance.exe VECTORS_DIR");
        return 2;
      }
      // A wrong DIR is a usage error, not eleven missing files.
      if (!Directory.Exists(args[0]))
      {
        Console.Error.WriteLine("mitch-conformance: " + args[0] + " is not a directory");
        return 2;
      }
      try
      {
        string version = Library.Version;
        if (version == null)
          return 2;
      }
      catch (LibraryLoadException e)
      {
        Console.Error.WriteLine("mitch-conformance: " + e.Message);
        return 2;
      }
      Runner r = Run(args[0], Console.Error);
      Console.WriteLine(r.Passed + " passed, " + r.Failed + " failed");
      return r.Failed == 0 ? 0 : 1;
    }

    /// <summary>Runs every file of dir; failures are described on log.  A
    /// damaged file is a failure, never an exception.</summary>
    public static Runner Run(string dir, TextWriter log)
    {
      var r = new Runner(log);
      foreach (string name in MessageFiles)
        r.File(dir, "messages", name);
      foreach (string name in ResolutionFiles)
        r.File(dir, "resolution", name);
      return r;
    }

    void File(string dir, string sub, string name)
    {
      List<string> lines = Lines(Path.Combine(dir, sub, name), sub + "/" + name);
      if (lines == null)
        return;
      string[] header = lines.Count > 0 ? lines[0].Split('\t') : new string[0];
      int rows = 0;
      for (int i = 1; i < lines.Count; i++)
      {
        if (lines[i].Length == 0)
          continue;
        rows++;
        string[] cells = lines[i].Split('\t');
        try
        {
          if (cells.Length != header.Length)
            throw new Exception(cells.Length + " cells, the header has " + header.Length);
          var row = new Row();
          for (int k = 0; k < header.Length; k++)
            row.Cells[header[k]] = cells[k];
          Check(name, row);
          Passed++;
        }
        catch (Exception e)
        {
          Failed++;
          if (Failed <= ShownFailures)
            log.WriteLine("FAIL " + name + ":" + (i + 1) + ": " + e.GetType().Name + ": " + Clip(e.Message));
        }
      }
      // No header or no data row: a file cut short, not a file of no vectors.
      if (rows == 0)
        FileFailed(sub + "/" + name, "no rows");
    }

    /// <summary>The lines of the file at path, strictly UTF-8; null (and one
    /// failure for shown, its name under the vectors directory) when it is
    /// missing or cannot be read.  The whole file is read before any row
    /// runs, so a damaged file counts no row, wherever its damage is.</summary>
    List<string> Lines(string path, string shown)
    {
      if (Directory.Exists(path))
      {
        FileFailed(shown, "unreadable: a directory, not a file");
        return null;
      }
      if (!System.IO.File.Exists(path))
      {
        FileFailed(shown, "missing");
        return null;
      }
      byte[] bytes;
      string text;
      try
      {
        bytes = System.IO.File.ReadAllBytes(path);
      }
      catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
      {
        FileFailed(shown, "unreadable: " + e.GetType().Name + ": " + Clip(e.Message));
        return null;
      }
      try
      {
        text = StrictUtf8.GetString(bytes);
      }
      catch (DecoderFallbackException e)
      {
        // Mono's e.Index is not the byte's offset: find the line by decoding each.
        FileFailed(shown, "unreadable: line " + FirstNonUtf8Line(bytes) + " is not UTF-8 (bytes "
                   + (e.BytesUnknown == null ? "?" : ToHex(e.BytesUnknown.Take(8).ToArray())) + ")");
        return null;
      }
      // A UTF-8 byte order mark is still UTF-8 (ReadAllLines, used before, dropped it too).
      if (text.Length > 0 && text[0] == '\uFEFF')
        text = text.Substring(1);
      // Lines as ReadAllLines splits them: \n, \r\n or \r.
      var lines = new List<string>();
      using (var reader = new StringReader(text))
      {
        string line;
        while ((line = reader.ReadLine()) != null)
          lines.Add(line);
      }
      return lines;
    }

    /// <summary>The number (from 1) of the first line of bytes that is not
    /// UTF-8.  No UTF-8 sequence contains a newline byte, so lines decode
    /// apart.</summary>
    static int FirstNonUtf8Line(byte[] bytes)
    {
      int line = 1, start = 0;
      for (int i = 0; i <= bytes.Length; i++)
      {
        if (i < bytes.Length && bytes[i] != (byte)'\n')
          continue;
        try
        {
          StrictUtf8.GetCharCount(bytes, start, i - start);
        }
        catch (DecoderFallbackException)
        {
          return line;
        }
        line++;
        start = i + 1;
      }
      return line - 1;
    }

    /// <summary>A failure of a whole file: always shown (there are at most
    /// eleven), unlike row failures after the first ShownFailures.</summary>
    void FileFailed(string shown, string why)
    {
      Failed++;
      log.WriteLine("FAIL " + shown + ": " + why);
    }

    /// <summary>message cut to ShownMessage characters (not inside a surrogate pair).</summary>
    static string Clip(string message)
    {
      if (message == null || message.Length <= ShownMessage)
        return message;
      int n = char.IsHighSurrogate(message[ShownMessage - 1]) ? ShownMessage - 1 : ShownMessage;
      return message.Substring(0, n) + "... (" + message.Length + " characters)";
    }

    static void Check(string file, Row r)
    {
      switch (file)
      {
        case "trade.tsv":
          Body(r, () => new Trade(r.U64("ticker_id"), r.F64("price"), r.U32("quantity"), r.U32("trade_id"),
                                  (Side)r.U8("side")), b => Trade.Decode(b));
          break;
        case "order.tsv":
          Body(r, () => new Order(r.U64("ticker_id"), r.U32("order_id"), r.F64("price"), r.U32("quantity"),
                                  (OrderType)r.U8("order_type"), (Side)r.U8("side"), r.U64("expiry_ms")),
               b => Order.Decode(b));
          break;
        case "tick.tsv":
          Body(r, () => new Tick(r.U64("ticker_id"), r.F64("bid_price"), r.F64("ask_price"), r.U32("bid_volume"),
                                 r.U32("ask_volume")), b => Tick.Decode(b));
          break;
        case "index.tsv":
          Body(r, () => new Index(r.U64("ticker_id"), r.F64("mid"), r.U32("v_bid"), r.U32("v_ask"),
                                  r.I32("m_spread"), r.I32("b_bid_o"), r.I32("b_ask_o"), r.I32("w_bid_o"),
                                  r.I32("w_ask_o"), checked((ushort)r.I64("v_force")), checked((ushort)r.I64("l_force")),
                                  checked((short)r.I64("t_force")), checked((short)r.I64("m_force")),
                                  r.U8("confidence"), r.U8("rejected"), r.U8("accepted")), b => Index.Decode(b));
          break;
        case "order_book.tsv":
          OrderBookRow(r);
          break;
        case "header.tsv":
          HeaderRow(r);
          break;
        case "ticker_id.tsv":
          TickerIdRow(r);
          break;
        case "channel.tsv":
          ChannelRow(r);
          break;
        case "tickers.tsv":
          TickerRow(r);
          break;
        case "assets.tsv":
          AssetRow(r);
          break;
        case "providers.tsv":
          ProviderRow(r);
          break;
        default:
          throw new Exception("unknown file " + file);
      }
    }

    /// <summary>Encode (ERRn: the status), bytes, decode bit for bit, decode of a longer buffer.</summary>
    static void Body<T>(Row r, Func<T> make, Func<byte[], T> decode) where T : IBody, IEquatable<T>
    {
      string expect = r["expect"];
      if (expect.StartsWith("ERR", StringComparison.Ordinal))
      {
        ExpectStatus(expect, () => make().Encode());
        return;
      }
      T body = make();
      byte[] wire = Hex(expect);
      Assert(body.Encode().SequenceEqual(wire), "encode gave " + ToHex(body.Encode()));
      var span = new byte[wire.Length + 5];
      Assert(body.Encode(new Span<byte>(span, 5, wire.Length)) == wire.Length, "Encode(Span) size");
      Assert(span.Skip(5).SequenceEqual(wire), "Encode(Span) bytes differ");
      // Equals compares doubles by their bits: the round trip is bit for bit.
      Assert(decode(wire).Equals(body), "decode gave " + decode(wire));
      var longer = wire.Concat(Enumerable.Repeat((byte)0xff, 9)).ToArray();
      Assert(decode(longer).Equals(body), "decode of a longer buffer differs");
    }

    static void OrderBookRow(Row r)
    {
      ulong seed = r.U64("bins_seed");
      var bids = new Bin[128];
      var asks = new Bin[128];
      for (uint i = 0; i < 256; i++)
      {
        uint count = unchecked((uint)((seed + 2 * i) * 2654435761UL));
        uint volume = unchecked((uint)((seed + 2 * i + 1) * 2654435761UL));
        if (i < 128)
          bids[i] = new Bin(count, volume);
        else
          asks[i - 128] = new Bin(count, volume);
      }
      Body(r, () => new OrderBook(r.U64("ticker_id"), r.F64("mid_price"), (BinAggregator)r.U8("bin_aggregator"),
                                  bids, asks), b => OrderBook.Decode(b));
    }

    static void HeaderRow(Row r)
    {
      string type = r["message_type"];
      Assert(type.Length == 1, "message_type is not one character");
      var header = new Header((MessageType)checked((byte)type[0]), r.U64("timestamp"), r.U8("count"));
      string expect = r["expect"];
      if (expect.StartsWith("ERR", StringComparison.Ordinal))
      {
        ExpectStatus(expect, () => header.Encode());
        return;
      }
      byte[] wire = Hex(expect);
      Assert(header.Encode().SequenceEqual(wire), "encode differs");
      Assert(Header.Decode(wire).Equals(header), "decode gave " + Header.Decode(wire));
    }

    static void TickerIdRow(Row r)
    {
      var fields = new TickerFields(r.U8("instrument_type"), r.U8("base_class"), checked((ushort)r.U64("base_id")),
                                    r.U8("quote_class"), checked((ushort)r.U64("quote_id")), r.U32("sub_type"));
      string expect = r["expect"];
      if (expect.StartsWith("ERR", StringComparison.Ordinal))
      {
        ExpectStatus(expect, () => fields.Encode());
        return;
      }
      ulong id = r.U64("expect");
      Assert(fields.Encode() == id, "encode gave 0x" + fields.Encode().ToString("x"));
      Assert(TickerId.Decode(id).Equals(fields), "decode gave " + TickerId.Decode(id));
    }

    static void ChannelRow(Row r)
    {
      string type = r["message_type"];
      Assert(type.Length == 1, "message_type is not one character");
      ushort provider = checked((ushort)r.U64("provider_id"));
      var channel = Channel.Create(provider, (MessageType)checked((byte)type[0]));
      Assert(channel.Id == r.U32("channel_id"), "id " + channel.Id);
      Assert(channel.ProviderId == provider, "provider " + channel.ProviderId);
      Assert(channel.MessageType == (MessageType)type[0], "type " + channel.MessageType);
      byte[] wire = Hex(r["bytes"]);
      Assert(channel.Pack().SequenceEqual(wire), "pack differs");
      Assert(Channel.Unpack(wire).Equals(channel), "unpack differs");
    }

    static void TickerRow(Row r)
    {
      var type = (InstrumentType)r.U8("instrument_type");
      Ticker t = Registry.Resolve(r["symbol"], type);
      Assert(t.Id == r.U64("ticker_id"), "id 0x" + t.Id.ToString("x16"));
      Assert(t.InstrumentType == type, "type " + t.InstrumentType);
      Assert((byte)t.Base.AssetClass == r.U8("base_class") && t.Base.ClassId == r.U64("base_id"), "base " + t.Base);
      Assert((byte)t.Quote.AssetClass == r.U8("quote_class") && t.Quote.ClassId == r.U64("quote_id"), "quote " + t.Quote);
      Assert(t.Base.Name == r["base_name"], "base name " + t.Base.Name);
      Assert(t.Quote.Name == r["quote_name"], "quote name " + t.Quote.Name);
      Assert(t.Symbol == r["symbol"], "symbol " + t.Symbol);
      Assert(t.Confidence > 0 && t.Confidence <= 1, "confidence " + t.Confidence);
    }

    static void AssetRow(Row r)
    {
      AssetClass? filter = r["class_filter"] == "-" ? (AssetClass?)null : (AssetClass)r.U8("class_filter");
      double min = double.Parse(r["min_confidence"], CultureInfo.InvariantCulture);
      double confidence;
      if (r["expect_class"] == "-")
      {
        try
        {
          Asset found = Registry.FindAsset(r["query"], filter, min, out confidence);
          throw new Exception("found " + found);
        }
        catch (NotFoundException)
        {
          return;
        }
      }
      Asset a = Registry.FindAsset(r["query"], filter, min, out confidence);
      Assert((byte)a.AssetClass == r.U8("expect_class"), "class " + a);
      Assert(a.ClassId == r.U64("expect_id"), "id " + a);
      Assert(a.Name == r["expect_name"], "name " + a.Name);
      Assert(a.Id == TickerId.PackAsset(r.U8("expect_class"), checked((ushort)r.U64("expect_id"))), "packed id " + a.Id);
      Assert(confidence >= min && confidence <= 1, "confidence " + confidence);
    }

    static void ProviderRow(Row r)
    {
      double min = double.Parse(r["min_confidence"], CultureInfo.InvariantCulture);
      double confidence;
      if (r["expect_id"] == "-")
      {
        try
        {
          Provider found = Registry.FindProvider(r["query"], min, out confidence);
          throw new Exception("found " + found);
        }
        catch (NotFoundException)
        {
          return;
        }
      }
      Provider p = Registry.FindProvider(r["query"], min, out confidence);
      Assert(p.Id == r.U64("expect_id"), "id " + p);
      Assert(p.Name == r["expect_name"], "name " + p.Name);
      Assert(confidence >= min && confidence <= 1, "confidence " + confidence);
      Assert(Registry.GetProvider(p.Id).Equals(p), "by id differs");
    }

    static void ExpectStatus(string expect, Action call)
    {
      int status = int.Parse(expect.Substring(3), CultureInfo.InvariantCulture);
      try
      {
        call();
      }
      catch (MitchException e)
      {
        Assert(e.Status == status, "status " + e.Status + " (" + e.Message + "), expected " + status);
        return;
      }
      throw new Exception("no error, expected status " + status);
    }

    static void Assert(bool ok, string what)
    {
      if (!ok)
        throw new Exception(what);
    }

    static byte[] Hex(string text)
    {
      if (text.Length % 2 != 0)
        throw new FormatException("odd hex length");
      var bytes = new byte[text.Length / 2];
      for (int i = 0; i < bytes.Length; i++)
        bytes[i] = byte.Parse(text.Substring(2 * i, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
      return bytes;
    }

    static string ToHex(byte[] bytes)
    {
      return string.Concat(bytes.Select(b => b.ToString("x2")));
    }

    /// <summary>One data row, its cells by column name.</summary>
    sealed class Row
    {
      internal readonly Dictionary<string, string> Cells = new Dictionary<string, string>();

      internal string this[string column]
      {
        get
        {
          string value;
          if (!Cells.TryGetValue(column, out value))
            throw new Exception("no column " + column);
          return value;
        }
      }

      /// <summary>Decimal, or 0x hex up to 2^64 - 1.</summary>
      internal ulong U64(string column)
      {
        string t = this[column];
        if (t.StartsWith("0x", StringComparison.Ordinal))
          return ulong.Parse(t.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        return ulong.Parse(t, NumberStyles.None, CultureInfo.InvariantCulture);
      }

      internal long I64(string column)
      {
        return long.Parse(this[column], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
      }

      internal uint U32(string column) { return checked((uint)U64(column)); }
      internal byte U8(string column) { return checked((byte)U64(column)); }
      internal int I32(string column) { return checked((int)I64(column)); }
      internal double F64(string column) { return HexFloat.Parse(this[column]); }
    }
  }
}
