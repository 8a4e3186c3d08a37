// BodiesSupport.cs - the header, order books, bins, and what the body
// types share (errors with the library's details).
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Runtime.InteropServices;

namespace Mitch
{
  /// <summary>A message header (8 bytes on the wire): type, timestamp, body count.</summary>
  [StructLayout(LayoutKind.Sequential)]
  public readonly struct Header : IEquatable<Header>
  {
    /// <summary>message_type: the type of every body in the message.</summary>
    public readonly MessageType MessageType;
    /// <summary>count: bodies that follow, 1..255.</summary>
    public readonly byte Count;
    /// <summary>timestamp: nanoseconds since midnight UTC, below 2^48.</summary>
    public readonly ulong Timestamp;

    /// <summary>Bytes of a header on the wire.</summary>
    public const int Size = 8;

    /// <summary>A header, in wire order (the rules are checked on encode).</summary>
    /// <param name="messageType">the bodies' type (any other byte is status 2 on encode)</param>
    /// <param name="timestamp">nanoseconds since midnight UTC, below 2^48</param>
    /// <param name="count">1..255</param>
    public Header(MessageType messageType, ulong timestamp, byte count)
    {
      MessageType = messageType;
      Count = count;
      Timestamp = timestamp;
    }

    /// <summary>The message's size: 8 + Count * body size (0 for an unknown type).</summary>
    public long MessageSize
    {
      get { int size = Bodies.SizeOf(MessageType); return size == 0 ? 0 : Size + (long)Count * size; }
    }

    /// <summary>The header's 8 wire bytes.</summary>
    public byte[] Encode()
    {
      var output = new byte[Size];
      Encode(output);
      return output;
    }

    /// <summary>Validates the header and writes it to the start of output.</summary>
    public unsafe int Encode(Span<byte> output)
    {
      Loader.Ensure();
      Header v = this;
      byte dummy;
      fixed (byte* p0 = &MemoryMarshal.GetReference(output))
      {
        byte* p = p0 != null ? p0 : &dummy;
        int status = Native.HeaderEncode(ref v, p, (UIntPtr)output.Length);
        if (status != Status.Ok)
          throw Bodies.ValuesError(status, 0, &v, 1, 0);
      }
      return Size;
    }

    /// <summary>Decodes and validates the header at the start of input.</summary>
    public static unsafe Header Decode(ReadOnlySpan<byte> input)
    {
      Loader.Ensure();
      byte dummy;
      fixed (byte* p0 = &MemoryMarshal.GetReference(input))
      {
        byte* p = p0 != null ? p0 : &dummy;
        Header v;
        int status = Native.HeaderDecode(p, (UIntPtr)input.Length, out v);
        if (status != Status.Ok)
          throw Bodies.WireError(status, 0, p, input.Length, 1, 0);
        return v;
      }
    }

    /// <summary>Field-by-field equality.</summary>
    public bool Equals(Header other)
    {
      return MessageType == other.MessageType && Count == other.Count && Timestamp == other.Timestamp;
    }

    /// <inheritdoc/>
    public override bool Equals(object obj) { return obj is Header && Equals((Header)obj); }

    /// <inheritdoc/>
    public override int GetHashCode() { return Timestamp.GetHashCode() ^ Count ^ ((int)MessageType << 8); }

    /// <inheritdoc/>
    public override string ToString()
    {
      return "Header[MessageType=" + MessageType + ", Timestamp=" + Timestamp + ", Count=" + Count + "]";
    }
  }

  /// <summary>One order-book bin: orders and volume in it.</summary>
  [StructLayout(LayoutKind.Sequential)]
  public readonly struct Bin : IEquatable<Bin>
  {
    /// <summary>count: orders in the bin.</summary>
    public readonly uint Count;
    /// <summary>volume: volume in the bin.</summary>
    public readonly uint Volume;

    /// <summary>A bin.</summary>
    /// <param name="count">orders in the bin</param>
    /// <param name="volume">volume in the bin</param>
    public Bin(uint count, uint volume)
    {
      Count = count;
      Volume = volume;
    }

    /// <summary>Equality of both values.</summary>
    public bool Equals(Bin other) { return Count == other.Count && Volume == other.Volume; }

    /// <inheritdoc/>
    public override bool Equals(object obj) { return obj is Bin && Equals((Bin)obj); }

    /// <inheritdoc/>
    public override int GetHashCode() { return (int)(Count * 31 + Volume); }

    /// <inheritdoc/>
    public override string ToString() { return "Bin[" + Count + ", " + Volume + "]"; }
  }

  /// <summary>
  /// An order-book snapshot ('b', 2072 bytes on the wire): 128 bins per
  /// side.  Immutable: the sides are copies.  Its C struct holds the bins
  /// inline, which a readonly struct cannot, so it travels to the library
  /// as <c>OrderBookNative</c>.
  /// </summary>
  public readonly struct OrderBook : IBody, IEquatable<OrderBook>
  {
    /// <summary>Bins on each side.</summary>
    public const int BinsPerSide = 128;
    /// <summary>Bytes of one body on the wire.</summary>
    public const int Size = 2072;

    /// <summary>ticker_id: the instrument's 64-bit ticker id; must not be 0.</summary>
    public readonly ulong TickerId;
    /// <summary>mid_price: finite and &gt; 0.</summary>
    public readonly double MidPrice;
    /// <summary>bin_aggregator: which boundary table the bins use.</summary>
    public readonly BinAggregator BinAggregator;
    readonly Bin[] bids;
    readonly Bin[] asks;

    /// <summary>A book; each side must have exactly 128 bins (else status 6).</summary>
    /// <param name="tickerId">the instrument's ticker id</param>
    /// <param name="midPrice">finite and &gt; 0</param>
    /// <param name="binAggregator">the boundary table</param>
    /// <param name="bids">128 bid bins, nearest to mid first</param>
    /// <param name="asks">128 ask bins, nearest to mid first</param>
    public OrderBook(ulong tickerId, double midPrice, BinAggregator binAggregator,
                     IReadOnlyList<Bin> bids, IReadOnlyList<Bin> asks)
    {
      TickerId = tickerId;
      MidPrice = midPrice;
      BinAggregator = binAggregator;
      this.bids = Side("bids", bids);
      this.asks = Side("asks", asks);
    }

    static Bin[] Side(string name, IReadOnlyList<Bin> bins)
    {
      if (bins == null)
        throw new ArgumentNullException(name);
      if (bins.Count != BinsPerSide)
        throw MitchException.ForStatus(Status.InvalidFieldValue, name + " holds " + bins.Count + " bins, not 128",
          new ErrorDetail(name, null, "must hold exactly 128 bins", bins.Count, double.NaN, -1, -1, -1, null));
      var copy = new Bin[BinsPerSide];
      for (int i = 0; i < BinsPerSide; i++)
        copy[i] = bins[i];
      return copy;
    }

    /// <summary>bids: 128 bins, nearest to mid first.</summary>
    public IReadOnlyList<Bin> Bids { get { return new ReadOnlyCollection<Bin>(bids ?? new Bin[BinsPerSide]); } }
    /// <summary>asks: 128 bins, nearest to mid first.</summary>
    public IReadOnlyList<Bin> Asks { get { return new ReadOnlyCollection<Bin>(asks ?? new Bin[BinsPerSide]); } }

    /// <inheritdoc/>
    public MessageType MessageType { get { return MessageType.OrderBook; } }

    ulong IBody.TickerId { get { return TickerId; } }

    internal unsafe OrderBookNative ToNative()
    {
      var n = new OrderBookNative { TickerId = TickerId, MidPrice = MidPrice, BinAggregator = BinAggregator };
      for (int i = 0; i < BinsPerSide; i++)
      {
        Bin b = bids == null ? default(Bin) : bids[i];
        Bin a = asks == null ? default(Bin) : asks[i];
        n.Bins[2 * i] = b.Count;
        n.Bins[2 * i + 1] = b.Volume;
        n.Bins[2 * BinsPerSide + 2 * i] = a.Count;
        n.Bins[2 * BinsPerSide + 2 * i + 1] = a.Volume;
      }
      return n;
    }

    internal static unsafe OrderBook FromNative(ref OrderBookNative n)
    {
      var bids = new Bin[BinsPerSide];
      var asks = new Bin[BinsPerSide];
      fixed (uint* bins = n.Bins)
      {
        for (int i = 0; i < BinsPerSide; i++)
        {
          bids[i] = new Bin(bins[2 * i], bins[2 * i + 1]);
          asks[i] = new Bin(bins[2 * BinsPerSide + 2 * i], bins[2 * BinsPerSide + 2 * i + 1]);
        }
      }
      return new OrderBook(n.TickerId, n.MidPrice, n.BinAggregator, bids, asks);
    }

    /// <inheritdoc/>
    public byte[] Encode()
    {
      var output = new byte[Size];
      Encode(output);
      return output;
    }

    /// <summary>Validates the book and writes its 2072 bytes to the start of output.</summary>
    public unsafe int Encode(Span<byte> output)
    {
      Loader.Ensure();
      OrderBookNative v = ToNative();
      byte dummy;
      fixed (byte* p0 = &MemoryMarshal.GetReference(output))
      {
        byte* p = p0 != null ? p0 : &dummy;
        int status = Native.OrderBookEncode(ref v, p, (UIntPtr)output.Length);
        if (status != Status.Ok)
          throw Bodies.ValuesError(status, MessageType.OrderBook, &v, 1, 0);
      }
      return Size;
    }

    /// <inheritdoc/>
    public void Validate()
    {
      Encode(new byte[Size]);
    }

    /// <summary>Decodes and validates the book at the start of input.</summary>
    public static unsafe OrderBook Decode(ReadOnlySpan<byte> input)
    {
      Loader.Ensure();
      byte dummy;
      fixed (byte* p0 = &MemoryMarshal.GetReference(input))
      {
        byte* p = p0 != null ? p0 : &dummy;
        OrderBookNative v;
        int status = Native.OrderBookDecode(p, (UIntPtr)input.Length, out v);
        if (status != Status.Ok)
          throw Bodies.WireError(status, MessageType.OrderBook, p, input.Length, 1, 0);
        return FromNative(ref v);
      }
    }

    /// <summary>Every body of input (its length a multiple of 2072), decoded in one call.</summary>
    public static unsafe OrderBook[] DecodeAll(ReadOnlySpan<byte> input)
    {
      Loader.Ensure();
      int n = Bodies.Count(input.Length, Size);
      var natives = new OrderBookNative[n];
      byte dummy;
      OrderBookNative none;
      fixed (byte* p0 = &MemoryMarshal.GetReference(input))
      fixed (OrderBookNative* v0 = natives)
      {
        byte* p = p0 != null ? p0 : &dummy;
        OrderBookNative* v = v0 != null ? v0 : &none;
        UIntPtr done;
        int status = Native.OrderBookDecodeBatch(p, (UIntPtr)input.Length, v, (UIntPtr)n, out done);
        if (status != Status.Ok)
          throw Bodies.WireError(status, MessageType.OrderBook, p, input.Length, n, (long)done);
      }
      var books = new OrderBook[n];
      for (int i = 0; i < n; i++)
        books[i] = FromNative(ref natives[i]);
      return books;
    }

    /// <summary>Total volume and orders of each side (64-bit sums).</summary>
    public BookTotals Totals()
    {
      Loader.Ensure();
      OrderBookNative v = ToNative();
      ulong bv, av, bc, ac;
      Errors.Check(Native.OrderBookTotals(ref v, out bv, out av, out bc, out ac));
      return new BookTotals(bv, av, bc, ac);
    }

    /// <summary>Equality of every field and bin.</summary>
    public bool Equals(OrderBook other)
    {
      if (TickerId != other.TickerId || BitConverter.DoubleToInt64Bits(MidPrice) != BitConverter.DoubleToInt64Bits(other.MidPrice)
          || BinAggregator != other.BinAggregator)
        return false;
      for (int i = 0; i < BinsPerSide; i++)
        if (!Bids[i].Equals(other.Bids[i]) || !Asks[i].Equals(other.Asks[i]))
          return false;
      return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object obj) { return obj is OrderBook && Equals((OrderBook)obj); }

    /// <inheritdoc/>
    public override int GetHashCode() { return TickerId.GetHashCode() ^ MidPrice.GetHashCode(); }

    /// <inheritdoc/>
    public override string ToString()
    {
      return "OrderBook[TickerId=0x" + TickerId.ToString("x16") + ", MidPrice=" + MidPrice.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
             + ", BinAggregator=" + BinAggregator + "]";
    }
  }

  /// <summary>Sums over an order book's sides.</summary>
  public readonly struct BookTotals
  {
    /// <summary>Volume of all bid bins.</summary>
    public readonly ulong BidVolume;
    /// <summary>Volume of all ask bins.</summary>
    public readonly ulong AskVolume;
    /// <summary>Orders in all bid bins.</summary>
    public readonly ulong BidCount;
    /// <summary>Orders in all ask bins.</summary>
    public readonly ulong AskCount;

    internal BookTotals(ulong bidVolume, ulong askVolume, ulong bidCount, ulong askCount)
    {
      BidVolume = bidVolume;
      AskVolume = askVolume;
      BidCount = bidCount;
      AskCount = askCount;
    }
  }

  /// <summary>What the body types share.</summary>
  internal static unsafe class Bodies
  {
    internal static int SizeOf(MessageType type)
    {
      switch (type)
      {
        case MessageType.Trade: return Trade.Size;
        case MessageType.Order: return Order.Size;
        case MessageType.Tick: return Tick.Size;
        case MessageType.Index: return Index.Size;
        case MessageType.OrderBook: return OrderBook.Size;
        default: return 0;
      }
    }

    /// <summary>Whole bodies in length bytes; a partial last body is status 3.</summary>
    internal static int Count(int length, int size)
    {
      if (length % size != 0)
        throw Errors.Error(Status.BufferTooSmall, ErrorDetail.At(length / size, length / size * (long)size, -1,
          "the last body is cut short: " + length % size + " of " + size + " bytes"));
      return length / size;
    }

    /// <summary>After a failed encode of n structs: details from mitch_check_values (1.1), else the index.</summary>
    internal static MitchException ValuesError(int status, MessageType type, void* values, int n, long index)
    {
      if (status == Status.InvalidFieldValue && Errors.HasApi11)
      {
        ErrorNative e;
        int check = Native.CheckValues((byte)type, values, (UIntPtr)n, out e);
        return Errors.WithDetail(status, ref e, check);
      }
      return Errors.Error(status, n > 1 ? ErrorDetail.At(index, -1, -1, "body " + index) : null);
    }

    /// <summary>After a failed decode of n bodies: details from mitch_check_wire (1.1), else the index.</summary>
    internal static MitchException WireError(int status, MessageType type, byte* input, int length, int n, long index)
    {
      if (status == Status.InvalidFieldValue && Errors.HasApi11)
      {
        ErrorNative e;
        int check = Native.CheckWire((byte)type, input, (UIntPtr)length, (UIntPtr)n, out e);
        return Errors.WithDetail(status, ref e, check);
      }
      int size = SizeOf(type);
      return Errors.Error(status, ErrorDetail.At(index, index * (size == 0 ? Header.Size : size), -1, null));
    }
  }
}
