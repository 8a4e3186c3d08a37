// Ids.cs - ticker ids, packed assets and channel ids.
using System;

namespace Mitch
{
  /// <summary>
  /// The fields of a 64-bit ticker id: bits 63..60 instrument type, 59..56
  /// base class, 55..40 base id, 39..36 quote class, 35..20 quote id, 19..0
  /// sub-type.  Raw codes, so reserved types and classes can be represented.
  /// </summary>
  public readonly struct TickerFields : IEquatable<TickerFields>
  {
    /// <summary>0..15.</summary>
    public readonly byte InstrumentType;
    /// <summary>0..15.</summary>
    public readonly byte BaseClass;
    /// <summary>The base asset's id inside its class.</summary>
    public readonly ushort BaseId;
    /// <summary>0..15.</summary>
    public readonly byte QuoteClass;
    /// <summary>The quote asset's id inside its class.</summary>
    public readonly ushort QuoteId;
    /// <summary>0..2^20-1.</summary>
    public readonly uint SubType;

    /// <summary>The fields (their bit widths are checked by <see cref="Encode"/>).</summary>
    /// <param name="instrumentType">0..15</param>
    /// <param name="baseClass">0..15</param>
    /// <param name="baseId">base asset id</param>
    /// <param name="quoteClass">0..15</param>
    /// <param name="quoteId">quote asset id</param>
    /// <param name="subType">0..2^20-1</param>
    public TickerFields(byte instrumentType, byte baseClass, ushort baseId, byte quoteClass, ushort quoteId, uint subType)
    {
      InstrumentType = instrumentType;
      BaseClass = baseClass;
      BaseId = baseId;
      QuoteClass = quoteClass;
      QuoteId = quoteId;
      SubType = subType;
    }

    internal TickerFields(ref TickerFieldsNative n)
      : this(n.InstrumentType, n.BaseClass, n.BaseId, n.QuoteClass, n.QuoteId, n.SubType)
    {
    }

    /// <summary>The ticker id; a field too wide for its bits is status 6.</summary>
    public ulong Encode()
    {
      Loader.Ensure();
      var n = new TickerFieldsNative
      {
        InstrumentType = InstrumentType, BaseClass = BaseClass, BaseId = BaseId,
        QuoteClass = QuoteClass, QuoteId = QuoteId, SubType = SubType,
      };
      ulong id;
      Errors.Check(Native.TickerIdEncode(ref n, out id));
      return id;
    }

    /// <summary>Equality of every field.</summary>
    public bool Equals(TickerFields o)
    {
      return InstrumentType == o.InstrumentType && BaseClass == o.BaseClass && BaseId == o.BaseId
             && QuoteClass == o.QuoteClass && QuoteId == o.QuoteId && SubType == o.SubType;
    }

    /// <inheritdoc/>
    public override bool Equals(object obj) { return obj is TickerFields && Equals((TickerFields)obj); }
    /// <inheritdoc/>
    public override int GetHashCode() { return (BaseId << 16 | QuoteId) ^ (int)SubType; }
    /// <inheritdoc/>
    public override string ToString()
    {
      return "TickerFields[" + InstrumentType + ", " + BaseClass + "/" + BaseId + ", " + QuoteClass + "/" + QuoteId + ", " + SubType + "]";
    }
  }

  /// <summary>Ticker ids (unsigned 64-bit) through the library.</summary>
  public static class TickerId
  {
    /// <summary>Splits an id into its fields.</summary>
    public static TickerFields Decode(ulong tickerId)
    {
      Loader.Ensure();
      TickerFieldsNative n;
      Errors.Check(Native.TickerIdDecode(tickerId, out n));
      return new TickerFields(ref n);
    }

    /// <summary>Checks an id: a reserved instrument type or class, or base == quote, is status 4.</summary>
    public static void Validate(ulong tickerId)
    {
      Loader.Ensure();
      Errors.Check(Native.ValidateTickerId(tickerId));
    }

    /// <summary>Whether <see cref="Validate"/> would accept the id.</summary>
    public static bool IsValid(ulong tickerId)
    {
      Loader.Ensure();
      return Native.ValidateTickerId(tickerId) == Status.Ok;
    }

    /// <summary>Instrument type Spot.</summary>
    public static bool IsSpot(ulong tickerId) { Loader.Ensure(); return Native.TickerIdIsSpot(tickerId) != 0; }
    /// <summary>Both legs Forex.</summary>
    public static bool IsForex(ulong tickerId) { Loader.Ensure(); return Native.TickerIdIsForex(tickerId) != 0; }
    /// <summary>Base leg Crypto.</summary>
    public static bool IsCrypto(ulong tickerId) { Loader.Ensure(); return Native.TickerIdIsCrypto(tickerId) != 0; }
    /// <summary>Base leg Equities.</summary>
    public static bool IsEquity(ulong tickerId) { Loader.Ensure(); return Native.TickerIdIsEquity(tickerId) != 0; }

    /// <summary>A packed asset id: (assetClass &lt;&lt; 16) | classId.</summary>
    public static uint PackAsset(byte assetClass, ushort classId)
    {
      Loader.Ensure();
      uint id;
      Errors.Check(Native.PackAsset(assetClass, classId, out id));
      return id;
    }
  }

  /// <summary>A pub/sub channel id: (provider &lt;&lt; 16) | (message type &lt;&lt; 8).</summary>
  public readonly struct Channel : IEquatable<Channel>
  {
    /// <summary>The channel id.</summary>
    public readonly uint Id;

    /// <summary>A channel id, validated (status 5 when it is not one).</summary>
    public Channel(uint id)
    {
      Loader.Ensure();
      Errors.Check(Native.ValidateChannel(id));
      Id = id;
    }

    /// <summary>The channel of a provider's messages of one type (any other type byte: status 2).</summary>
    public static Channel Create(ushort providerId, MessageType type)
    {
      Loader.Ensure();
      uint id;
      Errors.Check(Native.CreateChannel(providerId, (byte)type, out id));
      return new Channel(id);
    }

    /// <summary>The provider id (bits 31..16).</summary>
    public ushort ProviderId { get { ushort p; byte t; Decode(out p, out t); return p; } }

    /// <summary>The message type (bits 15..8).</summary>
    public MessageType MessageType { get { ushort p; byte t; Decode(out p, out t); return (MessageType)t; } }

    void Decode(out ushort provider, out byte type)
    {
      Loader.Ensure();
      Errors.Check(Native.ChannelDecode(Id, out provider, out type));
    }

    /// <summary>The 4 wire bytes (little-endian).</summary>
    public unsafe byte[] Pack()
    {
      Loader.Ensure();
      var bytes = new byte[4];
      fixed (byte* p = bytes)
        Errors.Check(Native.PackChannel(Id, p));
      return bytes;
    }

    /// <summary>Reads and validates a channel id from the first 4 bytes.</summary>
    public static unsafe Channel Unpack(ReadOnlySpan<byte> bytes)
    {
      Loader.Ensure();
      byte dummy;
      uint id;
      fixed (byte* p0 = &System.Runtime.InteropServices.MemoryMarshal.GetReference(bytes))
      {
        byte* p = p0 != null ? p0 : &dummy;
        Errors.Check(Native.UnpackChannel(p, (UIntPtr)bytes.Length, out id));
      }
      return new Channel(id);
    }

    /// <summary>The topic name transports use (decimal).</summary>
    public string Topic { get { return Id.ToString(System.Globalization.CultureInfo.InvariantCulture); } }

    /// <summary>Equality of the ids.</summary>
    public bool Equals(Channel other) { return Id == other.Id; }
    /// <inheritdoc/>
    public override bool Equals(object obj) { return obj is Channel && Equals((Channel)obj); }
    /// <inheritdoc/>
    public override int GetHashCode() { return (int)Id; }
    /// <inheritdoc/>
    public override string ToString() { return "Channel[" + Id + "]"; }
  }
}
