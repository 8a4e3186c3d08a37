// Registry.cs - assets, providers, classes and symbol resolution, as the
// registry compiled into libmitch has them.
using System;
using System.Collections.Generic;

namespace Mitch
{
  /// <summary>A registry asset, with the registry's own spelling ("US Dollar", "S&amp;P 500").</summary>
  public sealed class Asset : IEquatable<Asset>
  {
    internal Asset(ref AssetNative n)
    {
      Id = n.AssetId;
      ClassId = n.ClassId;
      AssetClass = (AssetClass)n.AssetClass;
      Name = Utf8.FromC(n.Name);
      Symbol = Utf8.FromC(n.Symbol) ?? "";
      Aliases = Array.AsReadOnly(Utf8.Split(Utf8.FromC(n.Aliases)));
    }

    /// <summary>The packed id: (AssetClass &lt;&lt; 16) | ClassId.</summary>
    public uint Id { get; }
    /// <summary>The id inside the class.</summary>
    public ushort ClassId { get; }
    /// <summary>The class.</summary>
    public AssetClass AssetClass { get; }
    /// <summary>The registry name.</summary>
    public string Name { get; }
    /// <summary>The primary symbol (first alias), "" if none.</summary>
    public string Symbol { get; }
    /// <summary>Every alias.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Same id, name, symbol and aliases.</summary>
    public bool Equals(Asset other)
    {
      return other != null && Id == other.Id && Name == other.Name && Symbol == other.Symbol
             && string.Join("|", Aliases) == string.Join("|", other.Aliases);
    }

    /// <inheritdoc/>
    public override bool Equals(object obj) { return Equals(obj as Asset); }
    /// <inheritdoc/>
    public override int GetHashCode() { return (int)Id; }
    /// <inheritdoc/>
    public override string ToString() { return "Asset[" + AssetClass + "/" + ClassId + " " + Name + "]"; }
  }

  /// <summary>A market-data provider of the registry.</summary>
  public sealed class Provider : IEquatable<Provider>
  {
    internal Provider(ref ProviderNative n)
    {
      Id = n.Id;
      Name = Utf8.FromC(n.Name);
      Abbreviations = Array.AsReadOnly(Utf8.Split(Utf8.FromC(n.Abbreviations)));
    }

    /// <summary>The provider id, as channels carry it.</summary>
    public ushort Id { get; }
    /// <summary>The registry name, e.g. "New York Stock Exchange".</summary>
    public string Name { get; }
    /// <summary>Abbreviations, e.g. "NYSE".</summary>
    public IReadOnlyList<string> Abbreviations { get; }

    /// <summary>Same id, name and abbreviations.</summary>
    public bool Equals(Provider other)
    {
      return other != null && Id == other.Id && Name == other.Name
             && string.Join("|", Abbreviations) == string.Join("|", other.Abbreviations);
    }

    /// <inheritdoc/>
    public override bool Equals(object obj) { return Equals(obj as Provider); }
    /// <inheritdoc/>
    public override int GetHashCode() { return Id; }
    /// <inheritdoc/>
    public override string ToString() { return "Provider[" + Id + " " + Name + "]"; }
  }

  /// <summary>An asset class or instrument type as the registry names it.</summary>
  public sealed class ClassInfo
  {
    internal ClassInfo(ref ClassInfoNative n)
    {
      Id = n.Id;
      Name = Utf8.FromC(n.Name);
      Code = Utf8.FromC(n.Code) ?? "";
    }

    /// <summary>0..15.</summary>
    public byte Id { get; }
    /// <summary>e.g. "Forex", "*Reserved*".</summary>
    public string Name { get; }
    /// <summary>e.g. "FX", "" for reserved ones.</summary>
    public string Code { get; }
    /// <summary>Whether the registry reserves the code (14 and 15).</summary>
    public bool Reserved { get { return Code.Length == 0; } }
  }

  /// <summary>A resolved trading symbol.</summary>
  public sealed class Ticker
  {
    internal unsafe Ticker(string symbol, ref ResolutionNative r)
    {
      Id = r.TickerId;
      Symbol = symbol;
      InstrumentType = (InstrumentType)r.InstrumentType;
      Base = new Asset(ref r.Base);
      Quote = new Asset(ref r.Quote);
      Confidence = r.Confidence;
      fixed (byte* steps = r.Steps)
        Steps = Utf8.FromC((IntPtr)steps, ResolutionNative.StepsSize);
    }

    /// <summary>The 64-bit ticker id (instrument type, base, quote, sub-type 0).</summary>
    public ulong Id { get; }
    /// <summary>The symbol as given.</summary>
    public string Symbol { get; }
    /// <summary>As given.</summary>
    public InstrumentType InstrumentType { get; }
    /// <summary>The base asset.</summary>
    public Asset Base { get; }
    /// <summary>The quote asset.</summary>
    public Asset Quote { get; }
    /// <summary>1.0 for exact legs, else the fuzzy score.</summary>
    public double Confidence { get; }
    /// <summary>What the resolver did, e.g. "stripped \".m\"".</summary>
    public string Steps { get; }

    /// <inheritdoc/>
    public override string ToString()
    {
      return "Ticker[0x" + Id.ToString("x16") + " " + Symbol + ": " + Base.Name + " / " + Quote.Name + "]";
    }
  }

  /// <summary>
  /// The registry compiled into libmitch (docs/resolution.md).  Lookups
  /// that match nothing throw <see cref="NotFoundException"/> (status 9).
  /// </summary>
  public static unsafe class Registry
  {
    /// <summary>The default fuzzy threshold.</summary>
    public const double DefaultMinConfidence = 0.8;

    /// <summary>Resolves a trading symbol ("EURUSD.m", "BTC-USDT", "^SPX") to its legs and ticker id.</summary>
    /// <exception cref="InvalidDataException">an empty, too long (over 255 bytes) or unusable symbol</exception>
    /// <exception cref="NotFoundException">nothing matches, or base equals quote ("USD")</exception>
    public static Ticker Resolve(string symbol, InstrumentType type = InstrumentType.Spot)
    {
      Loader.Ensure();
      byte[] text = Utf8.ToC("symbol", symbol);
      ResolutionNative r;
      int status;
      fixed (byte* s = text)
        status = Native.Resolve(s, (byte)type, out r);
      if (status != Status.Ok)
        throw QueryError(status, "symbol", symbol);
      return new Ticker(symbol, ref r);
    }

    /// <summary>Finds an asset: exact key, cleaned key, then fuzzy at or above minConfidence.</summary>
    /// <param name="query">a name or symbol</param>
    /// <param name="assetClass">the class to search, or null for any</param>
    /// <param name="minConfidence">0..1</param>
    /// <param name="confidence">1.0 for an exact hit, else the fuzzy score</param>
    public static Asset FindAsset(string query, AssetClass? assetClass, double minConfidence, out double confidence)
    {
      Loader.Ensure();
      byte[] text = Utf8.ToC("query", query);
      AssetNative a;
      int status;
      fixed (byte* q = text)
        status = Native.AssetFind(q, assetClass.HasValue ? (int)assetClass.Value : -1, minConfidence, out a, out confidence);
      if (status != Status.Ok)
        throw QueryError(status, "query", query);
      return new Asset(ref a);
    }

    /// <summary>The asset best matching the query in any class, at 0.8.</summary>
    public static Asset FindAsset(string query)
    {
      double confidence;
      return FindAsset(query, null, DefaultMinConfidence, out confidence);
    }

    /// <summary>The asset with this class and id.</summary>
    public static Asset GetAsset(AssetClass assetClass, ushort classId)
    {
      Loader.Ensure();
      AssetNative a;
      Errors.Check(Native.AssetGet((byte)assetClass, classId, out a));
      return new Asset(ref a);
    }

    /// <summary>The asset of a packed id.</summary>
    public static Asset GetAsset(uint packedId)
    {
      Loader.Ensure();
      AssetNative a;
      Errors.Check(Native.AssetGetPacked(packedId, out a));
      return new Asset(ref a);
    }

    /// <summary>Every asset of a class, in id order.</summary>
    public static IReadOnlyList<Asset> Assets(AssetClass assetClass)
    {
      Loader.Ensure();
      ulong count = (ulong)Native.AssetCount((byte)assetClass);
      var all = new List<Asset>();
      for (ulong i = 0; i < count; i++)
      {
        AssetNative a;
        Errors.Check(Native.AssetAt((byte)assetClass, (UIntPtr)i, out a));
        all.Add(new Asset(ref a));
      }
      return all.AsReadOnly();
    }

    /// <summary>The registry's name and code of an asset class 0..15.</summary>
    public static ClassInfo AssetClassInfo(byte code)
    {
      Loader.Ensure();
      ClassInfoNative info;
      Errors.Check(Native.AssetClassGet(code, out info));
      return new ClassInfo(ref info);
    }

    /// <summary>The registry's name and code of an instrument type 0..15.</summary>
    public static ClassInfo InstrumentTypeInfo(byte code)
    {
      Loader.Ensure();
      ClassInfoNative info;
      Errors.Check(Native.InstrumentTypeGet(code, out info));
      return new ClassInfo(ref info);
    }

    /// <summary>Finds a provider: exact key, abbreviation, then fuzzy at minConfidence.</summary>
    public static Provider FindProvider(string query, double minConfidence, out double confidence)
    {
      Loader.Ensure();
      byte[] text = Utf8.ToC("query", query);
      ProviderNative p;
      int status;
      fixed (byte* q = text)
        status = Native.ProviderFind(q, minConfidence, out p, out confidence);
      if (status != Status.Ok)
        throw QueryError(status, "query", query);
      return new Provider(ref p);
    }

    /// <summary>The provider best matching the query, at 0.8.</summary>
    public static Provider FindProvider(string query)
    {
      double confidence;
      return FindProvider(query, DefaultMinConfidence, out confidence);
    }

    /// <summary>The provider with this id.</summary>
    public static Provider GetProvider(ushort id)
    {
      Loader.Ensure();
      ProviderNative p;
      Errors.Check(Native.ProviderGet(id, out p));
      return new Provider(ref p);
    }

    /// <summary>Every provider, in id order.</summary>
    public static IReadOnlyList<Provider> Providers()
    {
      Loader.Ensure();
      ulong count = (ulong)Native.ProviderCount();
      var all = new List<Provider>();
      for (ulong i = 0; i < count; i++)
      {
        ProviderNative p;
        Errors.Check(Native.ProviderAt((UIntPtr)i, out p));
        all.Add(new Provider(ref p));
      }
      return all.AsReadOnly();
    }

    /// <summary>The comparison key of a name ("Apple Inc." -> "apple").</summary>
    public static string NameKey(string name)
    {
      Loader.Ensure();
      byte[] text = Utf8.ToC("name", name);
      // A key is never longer than its name, and the library refuses names
      // over 255 bytes before it writes anything.
      const int KeyBuffer = 512;
      byte* key = stackalloc byte[KeyBuffer];
      UIntPtr length;
      fixed (byte* n = text)
        Errors.Check(Native.NameKey(n, key, (UIntPtr)KeyBuffer, out length));
      return Utf8.FromC((IntPtr)key);
    }

    /// <summary>Jaro-Winkler similarity (0..1) of two texts' UTF-8 bytes, case-sensitive.</summary>
    public static double JaroWinkler(string a, string b)
    {
      Loader.Ensure();
      byte[] ta = Utf8.ToC("a", a), tb = Utf8.ToC("b", b);
      double score;
      fixed (byte* pa = ta)
      fixed (byte* pb = tb)
        Errors.Check(Native.JaroWinkler(pa, pb, out score));
      return score;
    }

    static MitchException QueryError(int status, string field, string query)
    {
      return Errors.Error(status, new ErrorDetail(field, null, null, double.NaN, double.NaN, -1, -1, -1,
                                                  field + " \"" + Errors.Echo(query) + "\""));
    }
  }
}
