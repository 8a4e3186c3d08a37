// SweepTests.cs - every public member of Mitch.dll, fed hostile arguments
// (in the spirit of python/tests/test_hostile_sweep.py).  By reflection:
// every public static method and constructor of every public type, and the
// public instance methods and properties of valid (and hostile) samples of
// each type.  Members that take a Span, ReadOnlySpan or Memory cannot be
// invoked by reflection (a span cannot be boxed): a hand-written table
// below calls each of them, and a test checks that the table names every
// such member, so a new one cannot slip past the sweep.
//
// The arguments are drawn with a fixed seed per member (a stable hash of
// its name), so a failure repeats; each failure names the member, the seed,
// the trial and the arguments (each cut to 60 characters, escaped).  What
// may come out: a normal return, a MitchException, or an ArgumentException
// (or subclass) thrown by the binding itself (the innermost frame is
// Mitch's), with a message that neither echoes an unbounded input nor
// holds a control character or lone surrogate.  Anything else -
// NullReferenceException, IndexOutOfRangeException, OverflowException, a
// corlib ArgumentException from inside the binding, a crash - is a failure.
// Encoders must leave the caller's output untouched when they throw, and
// write only what they report; what the encoders accept must decode back
// bit for bit (nothing wrapped, cut or rewritten on the way).
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Text;
using NUnit.Framework;

namespace Mitch.Tests
{
  [TestFixture]
  public class SweepTests
  {
    const int Trials = 100;
    /// <summary>A message longer than this echoes too much of its input.</summary>
    const int MessageLimit = 1000;
    const ulong Eurusd = BodiesTests.Eurusd;

    static readonly string Huge = new string('A', 1 << 20);
    static readonly Assembly Mitch = typeof(Trade).Assembly;

    // ---- hostile values -------------------------------------------------

    static readonly string[] Strings =
    {
      null, "", "\ud800", "EUR\uD800USD", Huge, "EUR\0USD", "\0", "EURUSD", "EURUSD.m", "BTC", "binance",
      "Apple Inc.", new string('x', 255), new string('x', 256), "t", "\u00e9\u00e9\u00e9", "USD",
      "a" + string.Concat(Enumerable.Repeat("\U0001F600", 60)), "EUR\nUSD", "\u001b[31mEURUSD", "\udc00EUR",
    };

    static byte[] Random(Random rng, int n)
    {
      var b = new byte[n];
      rng.NextBytes(b);
      return b;
    }

    static byte[] Damaged(Random rng, byte[] valid)
    {
      var copy = (byte[])valid.Clone();
      if (copy.Length > 0)
        copy[rng.Next(copy.Length)] ^= (byte)(1 + rng.Next(255));
      return copy;
    }

    static readonly byte[] TradeWire = BodiesTests.SampleTrade(1).Encode();
    static readonly byte[] BookWire = BodiesTests.SampleBook.Encode();
    static readonly byte[] IndexWire = BodiesTests.SampleIndex.Encode();
    static readonly byte[] TradeMessage = Message.Encode(5, new[] { BodiesTests.SampleTrade(0), BodiesTests.SampleTrade(1) });
    static readonly byte[] MixedCapture = CaptureTests.Mixed();

    static byte[] Bytes(Random rng)
    {
      switch (rng.Next(16))
      {
        case 0: return null;
        case 1: return new byte[0];
        case 2: return Random(rng, 1);
        case 3: return Random(rng, 7);
        case 4: return Random(rng, 31);
        case 5: return Random(rng, 33);
        case 6: return Random(rng, 5000);
        case 7: return (byte[])TradeWire.Clone();
        case 8: return Damaged(rng, TradeWire);
        case 9: return (byte[])TradeMessage.Clone();
        case 10: return Damaged(rng, TradeMessage);
        case 11: return (byte[])MixedCapture.Clone();
        case 12: return Damaged(rng, MixedCapture);
        case 13: return Damaged(rng, BookWire);
        case 14: return MixedCapture.Take(rng.Next(MixedCapture.Length)).ToArray();
        default: return Damaged(rng, IndexWire);
      }
    }

    /// <summary>Bytes that are never null (for a span: null is the empty span).</summary>
    static byte[] SpanBytes(Random rng)
    {
      return Bytes(rng) ?? new byte[0];
    }

    static readonly double[] Doubles =
    {
      double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 0.0, 1.0, -1.0, 1.5, 100.0,
      double.MaxValue, double.MinValue, double.Epsilon, 1e-300, 0.8, 1.0850,
    };

    static readonly long[] Integers =
    {
      0, 1, -1, 2, 7, 31, 32, 33, 100, 127, 128, 255, 256, 5000, 10000, 10001, 65535, 65536, int.MaxValue,
      int.MinValue, (long)uint.MaxValue, 1L << 48, long.MaxValue, long.MinValue,
    };

    static readonly ulong[] TickerIds = { 0, 1, Eurusd, BodiesTests.High, ulong.MaxValue, 0xF000000000000000UL, 1UL << 48, (1UL << 48) - 1 };

    static object Integer(Random rng, Type t)
    {
      if (t == typeof(ulong) && rng.Next(3) == 0)
        return TickerIds[rng.Next(TickerIds.Length)];
      long v = Integers[rng.Next(Integers.Length)];
      if (t == typeof(byte)) return unchecked((byte)v);
      if (t == typeof(sbyte)) return unchecked((sbyte)v);
      if (t == typeof(short)) return unchecked((short)v);
      if (t == typeof(ushort)) return unchecked((ushort)v);
      if (t == typeof(int)) return unchecked((int)v);
      if (t == typeof(uint)) return unchecked((uint)v);
      if (t == typeof(long)) return v;
      return unchecked((ulong)v);
    }

    static object EnumValue(Random rng, Type t)
    {
      Array defined = Enum.GetValues(t);
      Type u = Enum.GetUnderlyingType(t);
      switch (rng.Next(5))
      {
        case 0: return Enum.ToObject(t, Convert.ChangeType(99, u));
        case 1: return Enum.ToObject(t, Integer(rng, u));
        case 2: return Enum.ToObject(t, Convert.ChangeType((byte)'x', u));
        default: return defined.GetValue(rng.Next(defined.Length));
      }
    }

    static Bin[] Bins(Random rng)
    {
      switch (rng.Next(6))
      {
        case 0: return null;
        case 1: return new Bin[0];
        case 2: return new Bin[127];
        case 3: return new Bin[129];
        default: return BodiesTests.Side((uint)rng.Next(1000));
      }
    }

    /// <summary>A hostile value of type t (depth stops the recursion through constructors).</summary>
    static object Draw(Random rng, Type t, int depth = 0)
    {
      if (t.IsByRef)
        return t.GetElementType().IsValueType ? Activator.CreateInstance(t.GetElementType()) : null;
      if (t == typeof(string)) return Strings[rng.Next(Strings.Length)];
      if (t == typeof(byte[])) return Bytes(rng);
      if (t == typeof(bool)) return rng.Next(2) == 0;
      if (t == typeof(double)) return Doubles[rng.Next(Doubles.Length)];
      if (t == typeof(float)) return (float)Doubles[rng.Next(Doubles.Length)];
      if (t.IsEnum) return EnumValue(rng, t);
      if (t.IsPrimitive && t != typeof(char) && t != typeof(IntPtr) && t != typeof(UIntPtr)) return Integer(rng, t);
      if (t == typeof(ArraySegment<byte>))
      {
        byte[] b = SpanBytes(rng);
        if (rng.Next(4) == 0) return default(ArraySegment<byte>);
        int off = rng.Next(b.Length + 1);
        return new ArraySegment<byte>(b, off, rng.Next(b.Length - off + 1));
      }
      Type nullable = Nullable.GetUnderlyingType(t);
      if (nullable != null)
        return rng.Next(3) == 0 ? null : Draw(rng, nullable, depth);
      if (t == typeof(IReadOnlyList<Bin>) || t == typeof(Bin[])) return Bins(rng);
      if (t.IsArray)
      {
        if (rng.Next(4) == 0) return null;
        int n = new[] { 0, 1, 2, 3, 5, 256 }[rng.Next(6)];
        Array a = Array.CreateInstance(t.GetElementType(), n);
        for (int i = 0; i < n; i++)
          a.SetValue(Draw(rng, t.GetElementType(), depth + 1), i);
        return a;
      }
      if (t == typeof(object) || t == typeof(IBody))
      {
        object[] any = { null, "x", 1, BodiesTests.SampleTrade(0), BodiesTests.SampleBook, default(OrderBook), new Bin(1, 2) };
        return any[rng.Next(any.Length)];
      }
      if (t == typeof(ErrorDetail))
        return rng.Next(2) == 0 ? null : ErrorDetail.None;
      // A Mitch struct or class: a sample, a default, or one built by a
      // public constructor from hostile fields.
      List<object> samples = SamplesOf(t);
      if (depth < 2 && rng.Next(2) == 0)
      {
        ConstructorInfo[] ctors = t.GetConstructors().Where(c => Invocable(c)).ToArray();
        if (ctors.Length > 0)
        {
          ConstructorInfo c = ctors[rng.Next(ctors.Length)];
          try { return c.Invoke(c.GetParameters().Select(p => Draw(rng, p.ParameterType, depth + 1)).ToArray()); }
          catch (TargetInvocationException) { /* the constructor refused: use a sample */ }
        }
      }
      if (samples.Count > 0 && rng.Next(4) != 0)
        return samples[rng.Next(samples.Count)];
      return t.IsValueType ? Activator.CreateInstance(t) : null;
    }

    // ---- samples --------------------------------------------------------

    static Dictionary<Type, List<object>> samples;

    static List<object> SamplesOf(Type t)
    {
      if (samples == null)
        samples = BuildSamples();
      List<object> found;
      return samples.TryGetValue(t, out found) ? found : new List<object>();
    }

    /// <summary>Valid objects of every public type, and some hostile ones (a default struct, NaN fields).</summary>
    static Dictionary<Type, List<object>> BuildSamples()
    {
      var all = new List<object>
      {
        BodiesTests.SampleTrade(0), BodiesTests.SampleTrade(1), BodiesTests.SampleOrder, BodiesTests.SampleTick,
        BodiesTests.SampleIndex, BodiesTests.SampleBook, new Header(MessageType.Trade, 5, 2), new Bin(1, 2),
        new Trade(Eurusd, double.NaN, 0, 0, (Side)99), new Order(0, 0, double.NegativeInfinity, 0, (OrderType)99, (Side)2, ulong.MaxValue),
        new Tick(Eurusd, double.NaN, double.PositiveInfinity, 0, 0),
        new Index(0, -0.0, 0, 0, int.MinValue, 0, 0, 0, 0, ushort.MaxValue, ushort.MaxValue, short.MinValue, short.MaxValue, 255, 0, 0),
        new OrderBook(Eurusd, double.NaN, (BinAggregator)99, BodiesTests.Side(0), BodiesTests.Side(0)),
        new Header((MessageType)99, ulong.MaxValue, 0),
        default(Trade), default(Order), default(Tick), default(Index), default(OrderBook), default(Header), default(Bin),
        default(Message), default(TickerFields), default(Channel), default(BookTotals), default(StreamInfo),
        default(TickMetrics), default(IndexMetrics),
        BodiesTests.SampleBook.Totals(), BodiesTests.SampleTick.Metrics(), BodiesTests.SampleIndex.Metrics(),
        new Index(Eurusd, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 101, 0, 0).Metrics(),
        Capture.Validate(MixedCapture), Capture.Decode(MixedCapture), Capture.Decode(MixedCapture, MessageType.Tick),
        new TickerFields(0, 3, 1301, 3, 5001, 0), new TickerFields(255, 255, 65535, 255, 65535, uint.MaxValue),
        Channel.Create(101, MessageType.Tick), Registry.Resolve("EURUSD.m"), Registry.FindAsset("BTC"),
        Registry.FindProvider("binance"), Registry.AssetClassInfo(3), Registry.AssetClassInfo(15),
        Registry.InstrumentTypeInfo(0), ErrorDetail.None, MitchException.ForStatus(42, "x", null),
      };
      all.AddRange(Capture.Messages(MixedCapture).Cast<object>());
      foreach (int status in new[] { 1, 2, 3, 4, 5, 6, 7, 9, 99 })
        all.Add(MitchException.ForStatus(status, "x", ErrorDetail.None));
      try { Registry.Resolve("USD"); } catch (MitchException e) { all.Add(e); all.Add(e.Detail); }
      try { Trade.DecodeAll(Damaged(new Random(1), new byte[64])); } catch (MitchException e) { all.Add(e); all.Add(e.Detail); }
      all.Add(new LibraryLoadException("x"));
      var byType = new Dictionary<Type, List<object>>();
      foreach (object o in all)
      {
        List<object> list;
        if (!byType.TryGetValue(o.GetType(), out list))
          byType[o.GetType()] = list = new List<object>();
        list.Add(o);
      }
      return byType;
    }

    // ---- members --------------------------------------------------------

    static IEnumerable<Type> PublicTypes()
    {
      return Mitch.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal);
    }

    static bool IsSpanLike(Type t)
    {
      if (t.IsByRef)
        t = t.GetElementType();
      if (!t.IsGenericType)
        return false;
      Type g = t.GetGenericTypeDefinition();
      return g == typeof(Span<>) || g == typeof(ReadOnlySpan<>) || g == typeof(Memory<>) || g == typeof(ReadOnlyMemory<>);
    }

    static bool Invocable(MethodBase m)
    {
      return !m.ContainsGenericParameters && !m.GetParameters().Any(p => IsSpanLike(p.ParameterType))
             && !(m is MethodInfo && IsSpanLike(((MethodInfo)m).ReturnType));
    }

    static string Describe(MethodBase m)
    {
      string type = m.DeclaringType.Name;
      string name = m is ConstructorInfo ? "new " + type : type + "." + m.Name;
      return name + "(" + string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name)) + ")";
    }

    /// <summary>Public static methods and constructors (property getters included).</summary>
    static IEnumerable<MethodBase> StaticMembers(Type t)
    {
      const BindingFlags flags = BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly;
      IEnumerable<MethodBase> methods = t.GetMethods(flags).Cast<MethodBase>();
      if (!t.IsAbstract)
        methods = methods.Concat(t.GetConstructors());
      return methods.OrderBy(Describe, StringComparer.Ordinal);
    }

    /// <summary>Public instance methods and property getters a type declares, and object's.</summary>
    static IEnumerable<MethodInfo> InstanceMembers(Type t)
    {
      const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance;
      return t.GetMethods(flags).Where(m => m.DeclaringType.Assembly == Mitch || m.Name == "ToString"
                                             || m.Name == "Equals" || m.Name == "GetHashCode")
              .Where(m => m.Name != "GetType" && m.DeclaringType != typeof(Exception) && m.DeclaringType != typeof(object))
              .Concat(t.GetMethods(flags).Where(m => m.DeclaringType == typeof(Exception)
                                                     && (m.Name == "get_Message" || m.Name == "ToString")))
              .Distinct().OrderBy(Describe, StringComparer.Ordinal);
    }

    // ---- running and judging -------------------------------------------

    /// <summary>FNV-1a of the member's name: the same seed on every run and runtime.</summary>
    static int Seed(string name)
    {
      uint h = 2166136261;
      foreach (char c in name)
        h = (h ^ c) * 16777619;
      return (int)(h & 0x7fffffff);
    }

    static string Show(object v)
    {
      string s;
      if (v == null) s = "null";
      else if (v is string) s = "\"" + Escape((string)v, 40) + "\" (" + ((string)v).Length + " chars)";
      else if (v is byte[]) s = "byte[" + ((byte[])v).Length + "] " + BitConverter.ToString((byte[])v);
      else if (v is Array) s = v.GetType().GetElementType().Name + "[" + ((Array)v).Length + "]";
      else if (v is double) s = ((double)v).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
      else s = v.ToString();
      return s.Length <= 60 ? s : s.Substring(0, 60) + "...";
    }

    /// <summary>The first max characters of s with controls and surrogates as \\uXXXX (the report stays printable XML).</summary>
    static string Escape(string s, int max)
    {
      var b = new StringBuilder();
      foreach (char c in s.Length <= max ? s : s.Substring(0, max))
        b.Append(char.IsControl(c) || char.IsSurrogate(c) ? "\\u" + ((int)c).ToString("X4") : c.ToString());
      return b.ToString();
    }

    /// <summary>Null when the outcome is allowed, else what went wrong.</summary>
    internal static string Judge(Exception e)
    {
      if (e == null)
        return null;
      while (e is TargetInvocationException && e.InnerException != null)
        e = e.InnerException;
      string what = e.GetType().FullName + ": " + Escape(Cut(e.Message), 200);
      if (e.Message.Length > MessageLimit)
        return "a " + e.Message.Length + "-character message (it echoes its input): " + what;
      string bad = Unprintable(OwnMessage(e));
      if (bad != null)
        return "the message holds " + bad + ": " + what;
      if (e is MitchException)
        return null;
      if (e is ArgumentException)
      {
        var frames = new StackTrace(e, false).GetFrames();
        MethodBase thrower = frames == null || frames.Length == 0 ? null : frames[0].GetMethod();
        if (thrower != null && thrower.DeclaringType != null && thrower.DeclaringType.Assembly == Mitch)
          return null;
        return what + " (thrown inside " + (thrower == null ? "?" : thrower.DeclaringType + "." + thrower.Name) + ", not by the binding)";
      }
      return what + " at " + Escape(Cut((e.StackTrace ?? "").Trim().Split('\n')[0]), 200);
    }

    /// <summary>
    /// What in a message no log or terminal should receive (a control
    /// character, a lone surrogate: UTF-8 cannot hold it), or null.
    /// </summary>
    internal static string Unprintable(string message)
    {
      for (int i = 0; i < message.Length; i++)
      {
        char c = message[i];
        if (char.IsHighSurrogate(c) && i + 1 < message.Length && char.IsLowSurrogate(message[i + 1]))
          i++;
        else if (char.IsSurrogate(c) || char.IsControl(c))
          return "U+" + ((int)c).ToString("X4") + " at " + i;
      }
      return null;
    }

    /// <summary>The message without the line the runtime adds for an ArgumentException's ParamName.</summary>
    static string OwnMessage(Exception e)
    {
      var a = e as ArgumentException;
      string m = e.Message;
      if (a != null && a.ParamName != null && m.EndsWith(a.ParamName, StringComparison.Ordinal))
      {
        int line = m.LastIndexOf(Environment.NewLine, StringComparison.Ordinal);
        if (line >= 0)
          return m.Substring(0, line);
      }
      return m;
    }

    static string Cut(string s)
    {
      return s.Length <= 160 ? s : s.Substring(0, 160) + "...";
    }

    /// <summary>Outcomes of the current test's calls, by exception class ("ok": returned).</summary>
    static readonly Dictionary<string, int> Tally = new Dictionary<string, int>();

    [SetUp]
    public void ForgetTheTally()
    {
      Tally.Clear();
    }

    static void Count(string outcome)
    {
      int n;
      Tally.TryGetValue(outcome, out n);
      Tally[outcome] = n + 1;
    }

    static void Record(List<string> failures, string member, int seed, int trial, string args, string verdict)
    {
      if (verdict != null)
        failures.Add(member + " seed " + seed + " trial " + trial + " (" + args + "): " + verdict);
    }

    static void Sweep(List<string> failures, string name, object target, MethodBase m)
    {
      int seed = Seed(name);
      var rng = new Random(seed);
      ParameterInfo[] ps = m.GetParameters();
      int trials = ps.Length == 0 ? 1 : Trials;
      for (int trial = 0; trial < trials; trial++)
      {
        object[] args = ps.Select(p => Draw(rng, p.ParameterType)).ToArray();
        string shown = string.Join(", ", args.Select(Show));
        Exception error = null;
        try
        {
          if (m is ConstructorInfo)
            ((ConstructorInfo)m).Invoke(args);
          else
          {
            object result = m.Invoke(target, args);
            var sequence = result as IEnumerable<Message>;
            if (sequence != null)
              foreach (Message message in sequence)
                message.Bodies();
          }
        }
        catch (Exception e)
        {
          error = e;
        }
        Count(error == null ? "ok" : (error.InnerException ?? error).GetType().Name);
        Record(failures, name, seed, trial, shown, Judge(error));
      }
    }

    /// <summary>Fails with the first escapes; the draws must also have reached both answers.</summary>
    static void Report(List<string> failures)
    {
      string tally = string.Join(" ", Tally.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value));
      Console.WriteLine(TestContext.CurrentContext.Test.Name + ": " + tally);
      int returned;
      Tally.TryGetValue("ok", out returned);
      Assert.Greater(returned, 100, "calls that returned: " + tally);
      Assert.Greater(Tally.Values.Sum() - returned, 20, "calls that were refused: " + tally);
      if (failures.Count > 0)
        Assert.Fail(failures.Count + " hostile calls escaped:\n" + string.Join("\n", failures.Distinct().Take(40)));
    }

    [Test]
    public void EveryStaticMemberAndConstructorRefusesHostileArgumentsCleanly()
    {
      var failures = new List<string>();
      int swept = 0;
      foreach (Type t in PublicTypes())
        foreach (MethodBase m in StaticMembers(t).Where(Invocable))
        {
          Sweep(failures, Describe(m), null, m);
          swept++;
        }
      Assert.Greater(swept, 50, "the sweep found the public API");
      Report(failures);
    }

    [Test]
    public void EveryInstanceMemberOfEverySampleRefusesHostileArgumentsCleanly()
    {
      var failures = new List<string>();
      int swept = 0;
      foreach (Type t in PublicTypes())
      {
        List<object> objects = SamplesOf(t);
        for (int k = 0; k < objects.Count; k++)
          foreach (MethodInfo m in InstanceMembers(t).Where(Invocable))
          {
            Sweep(failures, Describe(m) + " on sample " + k, objects[k], m);
            swept++;
          }
      }
      Assert.Greater(swept, 200, "the sweep found the samples' members");
      Report(failures);
    }

    [Test]
    public void EveryPublicTypeButTheInterfaceEnumsAndStaticClassesHasSamples()
    {
      var missing = PublicTypes().Where(t => !t.IsEnum && !t.IsInterface && !(t.IsAbstract && t.IsSealed))
                                 .Where(t => SamplesOf(t).Count == 0).Select(t => t.Name).ToArray();
      CollectionAssert.IsEmpty(missing, "types whose instance members are not swept");
    }

    // ---- what is accepted comes back unchanged ---------------------------

    /// <summary>Decodes a body of the same type as the one encoded.</summary>
    static IBody DecodeAs(IBody body, byte[] wire)
    {
      switch (body.MessageType)
      {
        case MessageType.Trade: return Trade.Decode(wire);
        case MessageType.Order: return Order.Decode(wire);
        case MessageType.Tick: return Tick.Decode(wire);
        case MessageType.Index: return Index.Decode(wire);
        default: return OrderBook.Decode(wire);
      }
    }

    /// <summary>
    /// Bodies, headers, ticker fields and channels built from hostile
    /// fields: whatever the binding accepts must come back bit for bit (a
    /// value wrapped, cut or rewritten on the way is a failure), and
    /// Validate must agree with Encode.
    /// </summary>
    [Test]
    public void WhatIsAcceptedComesBackUnchanged()
    {
      var failures = new List<string>();
      int accepted = 0;
      foreach (Type t in new[] { typeof(Trade), typeof(Order), typeof(Tick), typeof(Index), typeof(OrderBook),
                                 typeof(Header), typeof(TickerFields) })
      {
        int seed = Seed("round trip " + t.Name);
        var rng = new Random(seed);
        ConstructorInfo ctor = t.GetConstructors().Single();
        for (int trial = 0; trial < 10 * Trials; trial++)
        {
          object[] args = ctor.GetParameters().Select(p => Draw(rng, p.ParameterType)).ToArray();
          object value;
          try { value = ctor.Invoke(args); }
          catch (TargetInvocationException e) { Record(failures, t.Name, seed, trial, "new", Judge(e)); continue; }
          string shown = Show(value);
          string verdict = null;
          try
          {
            var body = value as IBody;
            if (body != null)
            {
              bool valid;
              try { body.Validate(); valid = true; } catch (MitchException) { valid = false; }
              byte[] wire;
              try { wire = body.Encode(); }
              catch (MitchException e)
              {
                Count(e.GetType().Name);
                if (valid)
                  verdict = "Validate accepted what Encode refused";
                continue;
              }
              accepted++;
              Count("ok");
              if (!valid)
                verdict = "Encode accepted what Validate refused";
              else if (!DecodeAs(body, wire).Equals(body))
                verdict = "decoded as " + Show(DecodeAs(body, wire));
            }
            else if (value is Header)
            {
              var h = (Header)value;
              byte[] wire;
              try { wire = h.Encode(); } catch (MitchException e) { Count(e.GetType().Name); continue; }
              accepted++;
              Count("ok");
              if (!Header.Decode(wire).Equals(h))
                verdict = "decoded as " + Header.Decode(wire);
            }
            else
            {
              var f = (TickerFields)value;
              ulong id;
              try { id = f.Encode(); } catch (MitchException e) { Count(e.GetType().Name); continue; }
              accepted++;
              Count("ok");
              if (!TickerId.Decode(id).Equals(f))
                verdict = "decoded as " + TickerId.Decode(id);
            }
          }
          catch (Exception e)
          {
            verdict = Judge(e) ?? ("the round trip threw " + e.GetType().Name + ": " + Cut(e.Message));
          }
          finally
          {
            Record(failures, t.Name + " round trip", seed, trial, shown, verdict);
          }
        }
      }
      Assert.Greater(accepted, 100, "the sweep built valid values too");
      Report(failures);
    }

    /// <summary>Bodies with timestamps the capture and message encoders accept come back as they were.</summary>
    static void CaptureRoundTrips<T>(List<string> failures, Func<T[], ulong[], byte[]> capture,
                                     Func<CaptureColumns, T[]> bodiesOf, Func<CaptureColumns, ulong[]> stampsOf,
                                     MessageType type, Func<ulong, T[], byte[]> message) where T : struct, IBody
    {
      string name = "capture round trip " + typeof(T).Name;
      int seed = Seed(name);
      var rng = new Random(seed);
      for (int trial = 0; trial < Trials; trial++)
      {
        // half the trials all valid (so that the round trip is judged), half with some hostile values
        bool hostile = rng.Next(2) == 0;
        var bodies = new T[rng.Next(1, 300)];
        for (int i = 0; i < bodies.Length; i++)
          bodies[i] = (T)(hostile && rng.Next(50) == 0 ? Draw(rng, typeof(T)) : SamplesOf(typeof(T))[0]);
        ulong[] stamps = bodies.Select(b => hostile && rng.Next(50) == 0 ? (ulong)Integer(rng, typeof(ulong))
                                            : (ulong)rng.Next(3) << rng.Next(48)).ToArray();
        string shown = Show(bodies) + ", " + Show(stamps);
        string verdict = null;
        try
        {
          byte[] wire = capture(bodies, stamps);
          Count("ok");
          CaptureColumns back = Capture.Decode(wire, type);
          if (!bodiesOf(back).SequenceEqual(bodies) || !stampsOf(back).SequenceEqual(stamps))
            verdict = "Capture.Decode(Capture.Encode(x)) is not x";
        }
        catch (MitchException e) { Count(e.GetType().Name); }
        catch (Exception e) { verdict = Judge(e) ?? e.GetType().Name; }
        Record(failures, name, seed, trial, shown, verdict);
        verdict = null;
        ulong ts = stamps[0];
        T[] some = bodies.Take(rng.Next(1, 256)).ToArray();
        try
        {
          byte[] wire = message(ts, some);
          Count("ok");
          Message[] read = Capture.Messages(wire).ToArray();
          if (read.Length != 1 || read[0].Header.Timestamp != ts || read[0].Header.Count != some.Length
              || !read[0].Bodies().Cast<T>().SequenceEqual(some))
            verdict = "Capture.Messages(Message.Encode(x)) is not x";
        }
        catch (MitchException e) { Count(e.GetType().Name); }
        catch (Exception e) { verdict = Judge(e) ?? e.GetType().Name; }
        Record(failures, "message round trip " + typeof(T).Name, seed, trial, ts + ", " + Show(some), verdict);
      }
    }

    [Test]
    public void WhatCapturesAndMessagesAcceptComesBackUnchanged()
    {
      var failures = new List<string>();
      CaptureRoundTrips<Trade>(failures, (b, t) => Capture.Encode(b, t), c => c.Trades, c => c.TradeTimestamps,
                               MessageType.Trade, (t, b) => Message.Encode(t, b));
      CaptureRoundTrips<Order>(failures, (b, t) => Capture.Encode(b, t), c => c.Orders, c => c.OrderTimestamps,
                               MessageType.Order, (t, b) => Message.Encode(t, b));
      CaptureRoundTrips<Tick>(failures, (b, t) => Capture.Encode(b, t), c => c.Ticks, c => c.TickTimestamps,
                              MessageType.Tick, (t, b) => Message.Encode(t, b));
      CaptureRoundTrips<Index>(failures, (b, t) => Capture.Encode(b, t), c => c.Indices, c => c.IndexTimestamps,
                               MessageType.Index, (t, b) => Message.Encode(t, b));
      Report(failures);
    }

    // ---- the span members, by hand -------------------------------------

    static T[] BodyArray<T>(Random rng, T valid, T bad)
    {
      switch (rng.Next(7))
      {
        case 0: return null;
        case 1: return new T[0];
        case 2: return new[] { valid };
        case 3: return new[] { valid, bad, valid };
        case 4: return Enumerable.Repeat(valid, 256).ToArray();
        case 5: return new[] { (T)Draw(rng, typeof(T)), (T)Draw(rng, typeof(T)) };
        default: return Enumerable.Repeat(valid, 255).ToArray();
      }
    }

    static ulong[] Timestamps(Random rng, int n)
    {
      switch (rng.Next(5))
      {
        case 0: return null;
        case 1: return new ulong[Math.Max(0, n + (rng.Next(2) == 0 ? 1 : -1))];
        case 2: return Enumerable.Range(0, n).Select(i => ulong.MaxValue - (ulong)i).ToArray();
        default: return Enumerable.Range(0, n).Select(i => (ulong)(i / 3)).ToArray();
      }
    }

    /// <summary>An output buffer, filled with a pattern so that writes show.</summary>
    static byte[] Output(Random rng)
    {
      var o = new byte[new[] { 0, 1, 7, 31, 32, 33, 64, 100, 2072, 5000, 9000 }[rng.Next(11)]];
      for (int i = 0; i < o.Length; i++)
        o[i] = 0xA5;
      return o;
    }

    /// <summary>
    /// Encodes into output from offset; when it throws, output must be as
    /// it was, and when it returns n, only output[offset, offset + n) may
    /// have changed.
    /// </summary>
    static string Into(byte[] output, Func<byte[], int> encode, int offset = 0)
    {
      try
      {
        int n = encode(output);
        Count("ok");
        for (int i = 0; i < output.Length; i++)
          if ((i < offset || i >= offset + n) && output[i] != 0xA5)
            return "returned " + n + " from offset " + offset + " but wrote byte " + i;
        return null;
      }
      catch (Exception e)
      {
        Count(e.GetType().Name);
        string verdict = Judge(e);
        if (verdict == null && output.Any(b => b != 0xA5))
          verdict = "threw " + e.GetType().Name + " after writing to the caller's buffer";
        return verdict;
      }
    }

    static string Call(Action call)
    {
      try { call(); Count("ok"); return null; }
      catch (Exception e) { Count(e.GetType().Name); return Judge(e); }
    }


    delegate string SpanCall(Random rng, out string args);

    static KeyValuePair<string, SpanCall> Case(string name, SpanCall call)
    {
      return new KeyValuePair<string, SpanCall>(name, call);
    }

    delegate int EncodeInto<T>(T body, byte[] output, int offset);

    static IEnumerable<KeyValuePair<string, SpanCall>> BodyCases<T>(T valid, T bad, EncodeInto<T> encode,
      Func<byte[], T> decode, Func<byte[], T[], int> decodeBatch, Func<byte[], T[]> decodeAll,
      Func<T[], byte[], int> encodeBatch, Func<T[], byte[]> encodeAll, Func<ulong, T[], byte[]> message,
      Func<T[], ulong[], byte[]> capture) where T : struct
    {
      string n = typeof(T).Name;
      yield return Case(n + ".Encode(Span`1)", (Random rng, out string args) =>
      {
        T v = (T)Draw(rng, typeof(T));
        byte[] o = Output(rng);
        int off = rng.Next(o.Length + 1);
        args = Show(v) + ", byte[" + o.Length + "][" + off + "..]";
        // the bytes before the span's start are never touched either
        return Into(o, b => encode(v, b, off), off);
      });
      yield return Case(n + ".Encode(Span`1) via IBody", (Random rng, out string args) =>
      {
        IBody v = (IBody)Draw(rng, typeof(T));
        byte[] o = Output(rng);
        args = Show(v) + ", byte[" + o.Length + "]";
        return Into(o, b => v.Encode(b));
      });
      yield return Case(n + ".Decode(ReadOnlySpan`1)", (Random rng, out string args) =>
      {
        byte[] i = SpanBytes(rng);
        args = Show(i);
        return Call(() => decode(i));
      });
      if (decodeBatch != null)
        yield return Case(n + ".DecodeBatch(ReadOnlySpan`1, Span`1)", (Random rng, out string args) =>
        {
          byte[] i = SpanBytes(rng);
          var o = new T[new[] { 0, 1, 2, 157, 1000 }[rng.Next(5)]];
          args = Show(i) + ", " + n + "[" + o.Length + "]";
          return Call(() => decodeBatch(i, o));
        });
      yield return Case(n + ".DecodeAll(ReadOnlySpan`1)", (Random rng, out string args) =>
      {
        byte[] i = SpanBytes(rng);
        args = Show(i);
        return Call(() => decodeAll(i));
      });
      if (encodeBatch != null)
      {
        yield return Case(n + ".EncodeBatch(ReadOnlySpan`1, Span`1)", (Random rng, out string args) =>
        {
          T[] v = BodyArray(rng, valid, bad);
          byte[] o = Output(rng);
          args = Show(v) + ", byte[" + o.Length + "]";
          return Into(o, b => encodeBatch(v, b));
        });
        yield return Case(n + ".EncodeAll(ReadOnlySpan`1)", (Random rng, out string args) =>
        {
          T[] v = BodyArray(rng, valid, bad);
          args = Show(v);
          return Call(() => encodeAll(v));
        });
      }
      yield return Case("Message.Encode(UInt64, ReadOnlySpan`1) of " + n, (Random rng, out string args) =>
      {
        T[] v = BodyArray(rng, valid, bad);
        ulong ts = (ulong)Integer(rng, typeof(ulong));
        args = ts + ", " + Show(v);
        return Call(() => message(ts, v));
      });
      if (capture != null)
        yield return Case("Capture.Encode(ReadOnlySpan`1, ReadOnlySpan`1) of " + n, (Random rng, out string args) =>
        {
          T[] v = BodyArray(rng, valid, bad);
          ulong[] ts = Timestamps(rng, v == null ? 0 : v.Length);
          args = Show(v) + ", " + Show(ts);
          return Call(() => capture(v, ts));
        });
    }

    static List<KeyValuePair<string, SpanCall>> SpanCases()
    {
      var cases = new List<KeyValuePair<string, SpanCall>>();
      cases.AddRange(BodyCases(BodiesTests.SampleTrade(0), new Trade(Eurusd, double.NaN, 1, 1, Side.Buy),
        (v, o, off) => v.Encode(new Span<byte>(o, off, o.Length - off)), i => Trade.Decode(i),
        (i, o) => Trade.DecodeBatch(i, o), i => Trade.DecodeAll(i), (v, o) => Trade.EncodeBatch(v, o),
        v => Trade.EncodeAll(v), (ts, v) => Message.Encode(ts, v), (v, ts) => Capture.Encode(v, ts)));
      cases.AddRange(BodyCases(BodiesTests.SampleOrder, new Order(Eurusd, 1, 1, 1, OrderType.Limit, (Side)7, 0),
        (v, o, off) => v.Encode(new Span<byte>(o, off, o.Length - off)), i => Order.Decode(i),
        (i, o) => Order.DecodeBatch(i, o), i => Order.DecodeAll(i), (v, o) => Order.EncodeBatch(v, o),
        v => Order.EncodeAll(v), (ts, v) => Message.Encode(ts, v), (v, ts) => Capture.Encode(v, ts)));
      cases.AddRange(BodyCases(BodiesTests.SampleTick, new Tick(Eurusd, 2, 1, 1, 1),
        (v, o, off) => v.Encode(new Span<byte>(o, off, o.Length - off)), i => Tick.Decode(i),
        (i, o) => Tick.DecodeBatch(i, o), i => Tick.DecodeAll(i), (v, o) => Tick.EncodeBatch(v, o),
        v => Tick.EncodeAll(v), (ts, v) => Message.Encode(ts, v), (v, ts) => Capture.Encode(v, ts)));
      cases.AddRange(BodyCases(BodiesTests.SampleIndex, new Index(Eurusd, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0),
        (v, o, off) => v.Encode(new Span<byte>(o, off, o.Length - off)), i => Index.Decode(i),
        (i, o) => Index.DecodeBatch(i, o), i => Index.DecodeAll(i), (v, o) => Index.EncodeBatch(v, o),
        v => Index.EncodeAll(v), (ts, v) => Message.Encode(ts, v), (v, ts) => Capture.Encode(v, ts)));
      cases.AddRange(BodyCases(BodiesTests.SampleBook,
        new OrderBook(Eurusd, -1, BinAggregator.Lingaussian, BodiesTests.Side(0), BodiesTests.Side(0)),
        (v, o, off) => v.Encode(new Span<byte>(o, off, o.Length - off)), i => OrderBook.Decode(i),
        null, i => OrderBook.DecodeAll(i), null, null, (ts, v) => Message.Encode(ts, v), null));
      cases.Add(Case("Header.Encode(Span`1)", (Random rng, out string args) =>
      {
        Header h = (Header)Draw(rng, typeof(Header));
        byte[] o = Output(rng);
        args = Show(h) + ", byte[" + o.Length + "]";
        return Into(o, b => h.Encode(b));
      }));
      cases.Add(Case("Header.Decode(ReadOnlySpan`1)", (Random rng, out string args) =>
      {
        byte[] i = SpanBytes(rng);
        args = Show(i);
        return Call(() => Header.Decode(i));
      }));
      cases.Add(Case("Channel.Unpack(ReadOnlySpan`1)", (Random rng, out string args) =>
      {
        byte[] i = SpanBytes(rng);
        args = Show(i);
        return Call(() => Channel.Unpack(i));
      }));
      cases.Add(Case("Capture.Validate(ReadOnlySpan`1)", (Random rng, out string args) =>
      {
        byte[] i = SpanBytes(rng);
        args = Show(i);
        return Call(() => Capture.Validate(i));
      }));
      cases.Add(Case("Capture.Validate(ReadOnlySpan`1, MessageType)", (Random rng, out string args) =>
      {
        byte[] i = SpanBytes(rng);
        var only = (MessageType)Draw(rng, typeof(MessageType));
        args = Show(i) + ", " + only;
        return Call(() => Capture.Validate(i, only));
      }));
      cases.Add(Case("Capture.Decode(ReadOnlySpan`1, MessageType[])", (Random rng, out string args) =>
      {
        byte[] i = SpanBytes(rng);
        var types = (MessageType[])Draw(rng, typeof(MessageType[]));
        args = Show(i) + ", " + (types == null ? "null" : string.Join("|", types.Take(6)));
        return Call(() => Capture.Decode(i, types));
      }));
      return cases;
    }

    [Test]
    public void EverySpanMemberRefusesHostileArgumentsCleanly()
    {
      var failures = new List<string>();
      foreach (KeyValuePair<string, SpanCall> c in SpanCases())
      {
        int seed = Seed(c.Key);
        var rng = new Random(seed);
        for (int trial = 0; trial < Trials; trial++)
        {
          string args;
          string verdict = c.Value(rng, out args);
          Record(failures, c.Key, seed, trial, args, verdict);
        }
      }
      Report(failures);
    }

    [Test]
    public void TheHandWrittenCallsCoverEverySpanMember()
    {
      var covered = new HashSet<string>(SpanCases().Select(c => c.Key));
      var missing = new List<string>();
      foreach (Type t in PublicTypes())
      {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        foreach (MethodBase m in t.GetMethods(flags).Cast<MethodBase>().Concat(t.GetConstructors()).Where(x => !Invocable(x)))
        {
          string key = m.DeclaringType.Name + "." + m.Name + "("
                       + string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name)) + ")";
          bool found = covered.Contains(key) || covered.Any(k => k.StartsWith(key + " of ", StringComparison.Ordinal))
                       || (t.IsInterface && covered.Any(k => k.EndsWith(" via IBody", StringComparison.Ordinal)));
          if (!found)
            missing.Add(key);
        }
      }
      CollectionAssert.IsEmpty(missing, "span members the sweep does not call");
    }
  }
}
