// LayoutTests.cs - every struct this binding hands to libmitch against the
// library's own description (`mitch info --layouts --json`, MITCH_TOOL):
// size, and each member's offset and size; the public body structs also
// by field names, order and kinds; the enums by the values the table names.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using NUnit.Framework;

namespace Mitch.Tests
{
  [TestFixture]
  public class LayoutTests
  {
    Dictionary<string, JsonObject> layouts;

    [TestFixtureSetUp]
    public void ReadTheTable()
    {
      string json;
      int status = TestEnv.Run(TestEnv.Tool, "info --layouts --json", out json);
      Assert.AreEqual(0, status, json);
      var top = (JsonObject)Json.Parse(json);
      Assert.AreEqual(Library.Version, top["library_version"]);
      layouts = ((List<object>)top["layouts"]).Cast<JsonObject>().ToDictionary(l => (string)l["name"]);
    }

    static readonly Dictionary<string, Type> Structs = new Dictionary<string, Type>
    {
      { "header", typeof(Header) }, { "trade", typeof(Trade) }, { "order", typeof(Order) },
      { "tick", typeof(Tick) }, { "index", typeof(Index) }, { "order_book", typeof(OrderBookNative) },
      { "bin", typeof(Bin) }, { "stream_info", typeof(StreamInfoNative) }, { "error", typeof(ErrorNative) },
      { "capture_sink", typeof(CaptureSinkNative) }, { "ticker_fields", typeof(TickerFieldsNative) },
      { "asset", typeof(AssetNative) }, { "provider", typeof(ProviderNative) },
      { "resolution", typeof(ResolutionNative) }, { "class_info", typeof(ClassInfoNative) },
      { "tick_metrics", typeof(TickMetricsNative) }, { "index_metrics", typeof(IndexMetricsNative) },
      { "message", typeof(MessageNative) }, { "reader", typeof(ReaderNative) },
    };

    internal static string Pascal(string snake)
    {
      return string.Concat(snake.Split('_').Select(w => w.Length == 0 ? "" : char.ToUpperInvariant(w[0]) + w.Substring(1)));
    }

    static IEnumerable<JsonObject> Fields(JsonObject layout)
    {
      return ((List<object>)layout["fields"]).Cast<JsonObject>();
    }

    /// <summary>The C# types a member of this kind may have.</summary>
    static bool KindFits(string kind, Type t)
    {
      Type u = t.IsEnum ? Enum.GetUnderlyingType(t) : t;
      switch (kind)
      {
        case "u8": case "bits": return u == typeof(byte);
        case "i8": return u == typeof(sbyte);
        case "u16": return u == typeof(ushort);
        case "i16": return u == typeof(short);
        case "u32": return u == typeof(uint);
        case "i32": case "int": return u == typeof(int);
        case "u48": case "u64": return u == typeof(ulong);
        case "f64": return u == typeof(double);
        case "size": return u == typeof(UIntPtr);
        case "pointer": return u == typeof(IntPtr) || u.IsPointer;
        case "chars": case "bins": return u.IsValueType && !u.IsPrimitive; // fixed buffers
        case "struct": return u.IsValueType && !u.IsPrimitive;
        default: return false;
      }
    }

    [Test]
    public void EveryStructHasTheLibrarysSizeAndOffsets()
    {
      var problems = new List<string>();
      foreach (var e in Structs)
      {
        Assert.IsTrue(layouts.ContainsKey(e.Key), "the library has no layout " + e.Key);
        JsonObject layout = layouts[e.Key];
        if (Marshal.SizeOf(e.Value) != (long)layout["struct_size"])
          problems.Add(e.Key + ": size " + Marshal.SizeOf(e.Value) + ", the library's " + layout["struct_size"]);
        foreach (JsonObject f in Fields(layout))
        {
          if (f["struct_offset"] == null)
            continue; // padding: no member
          string name = (string)f["name"];
          long offset = (long)f["struct_offset"], size = (long)f["struct_size"];
          string member = Pascal(name);
          long extra = 0;
          if (e.Value == typeof(OrderBookNative) && (name == "bids" || name == "asks"))
          {
            // Both sides live in one fixed buffer: bids, then asks.
            member = "Bins";
            extra = name == "asks" ? 4 * OrderBook.BinsPerSide * 2 : 0;
          }
          FieldInfo fi = e.Value.GetField(member, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
          if (fi == null)
          {
            problems.Add(e.Key + "." + name + ": no member " + member);
            continue;
          }
          long at = (long)Marshal.OffsetOf(e.Value, member) + extra;
          if (at != offset)
            problems.Add(e.Key + "." + name + ": offset " + at + ", the library's " + offset);
          if (!KindFits((string)f["kind"], fi.FieldType))
            problems.Add(e.Key + "." + name + ": " + fi.FieldType.Name + " for kind " + f["kind"]);
          Type plain = fi.FieldType.IsEnum ? Enum.GetUnderlyingType(fi.FieldType) : fi.FieldType;
          long have = fi.FieldType.IsPointer ? IntPtr.Size : Marshal.SizeOf(plain);
          if (member != "Bins" && have != size)
            problems.Add(e.Key + "." + name + ": " + have + " bytes, the library's " + size);
        }
      }
      CollectionAssert.IsEmpty(problems, string.Join("\n", problems));
    }

    [Test]
    public void ThePublicBodiesHaveTheLayoutsFieldsInOrder()
    {
      foreach (string name in new[] { "header", "trade", "order", "tick", "index", "bin" })
      {
        string[] want = Fields(layouts[name]).Where(f => f["struct_offset"] != null)
          .OrderBy(f => (long)f["struct_offset"]).Select(f => Pascal((string)f["name"])).ToArray();
        string[] have = Structs[name].GetFields(BindingFlags.Public | BindingFlags.Instance).Select(f => f.Name).ToArray();
        CollectionAssert.AreEqual(want, have, name);
      }
      string[] book = Fields(layouts["order_book"]).Where(f => f["struct_offset"] != null)
        .Select(f => Pascal((string)f["name"])).ToArray();
      CollectionAssert.AreEqual(new[] { "TickerId", "MidPrice", "BinAggregator", "Bids", "Asks" }, book);
      Assert.IsNotNull(typeof(OrderBook).GetProperty("Bids"));
      Assert.IsNotNull(typeof(OrderBook).GetProperty("Asks"));
    }

    [Test]
    public void TheEnumsHaveTheTablesValues()
    {
      var enums = new Dictionary<string, Type>
      {
        { "side", typeof(Side) }, { "order_type", typeof(OrderType) },
      };
      var seen = new HashSet<string>();
      foreach (string layout in new[] { "trade", "order", "order_book" })
      {
        foreach (JsonObject f in Fields(layouts[layout]))
        {
          string values = (string)f["values"];
          Type t;
          if (values.Length == 0 || !enums.TryGetValue((string)f["name"], out t))
            continue;
          string[] table = values.Split('|').Select(v => v.ToLowerInvariant().Replace("default_", "")).ToArray();
          string[] names = Enum.GetValues(t).Cast<object>().OrderBy(v => Convert.ToInt32(v))
            .Select(v => Enum.GetName(t, v).ToLowerInvariant()).ToArray();
          CollectionAssert.AreEqual(table, names, layout + "." + f["name"]);
          seen.Add((string)f["name"]);
        }
      }
      CollectionAssert.AreEquivalent(enums.Keys, seen);
      // The table names no values for bin_aggregator; the library names each table.
      foreach (BinAggregator a in Enum.GetValues(typeof(BinAggregator)))
        Assert.AreEqual("DEFAULT_" + a.ToString().ToUpperInvariant(), Derived.BinAggregatorName(a));
    }

    [Test]
    public void TheMessageTypesAreTheBodyLayouts()
    {
      var found = new List<MessageType>();
      foreach (JsonObject l in layouts.Values)
      {
        if (l["message_type"] == null)
          continue;
        var type = (MessageType)((string)l["message_type"])[0];
        Assert.IsTrue(Enum.IsDefined(typeof(MessageType), type), type.ToString());
        Assert.AreEqual((long)type, l["id"]);
        found.Add(type);
        FieldInfo size = Structs[(string)l["name"]] == typeof(OrderBookNative) ? typeof(OrderBook).GetField("Size")
          : Structs[(string)l["name"]].GetField("Size");
        Assert.AreEqual(l["wire_size"], (long)(int)size.GetValue(null), type.ToString());
      }
      CollectionAssert.AreEquivalent(Enum.GetValues(typeof(MessageType)), found);
      Assert.AreEqual((long)Header.Size, layouts["header"]["wire_size"]);
    }
  }
}
