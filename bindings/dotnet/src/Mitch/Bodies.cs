// Bodies.cs - the body types: readonly structs laid out as mitch.h's
// typed structs, so they go to the library as they are (P/Invoke, no
// copying), one body or an array of them per call.  LayoutTests checks
// every field offset and size against `mitch info --layouts --json`.
using System;
using System.Runtime.InteropServices;

namespace Mitch
{
  /// <summary>A message body: Trade, Order, Tick, Index or OrderBook.</summary>
  public interface IBody
  {
    /// <summary>The type of message that carries the body.</summary>
    MessageType MessageType { get; }
    /// <summary>The 64-bit ticker id.</summary>
    ulong TickerId { get; }
    /// <summary>The body's wire bytes (validated first).</summary>
    byte[] Encode();
    /// <summary>Writes the body to the start of output; returns the bytes written.</summary>
    int Encode(Span<byte> output);
    /// <summary>Checks the body against the protocol's rules.</summary>
    void Validate();
  }

  /// <summary>A trade ('t', 32 bytes on the wire).</summary>
  [StructLayout(LayoutKind.Sequential)]
  public readonly struct Trade : IBody, IEquatable<Trade>
  {
    /// <summary>ticker_id: the instrument's 64-bit ticker id; must not be 0</summary>
    public readonly ulong TickerId;
    /// <summary>price: finite and &gt; 0</summary>
    public readonly double Price;
    /// <summary>quantity: &gt; 0</summary>
    public readonly uint Quantity;
    /// <summary>trade_id: &gt; 0</summary>
    public readonly uint TradeId;
    /// <summary>side: the aggressor's side (any other code is refused on encode)</summary>
    public readonly Side Side;

    /// <summary>Bytes of one body on the wire.</summary>
    public const int Size = 32;

    /// <summary>A trade from its fields (the protocol's rules are checked on encode).</summary>
    /// <param name="tickerId">the instrument's 64-bit ticker id; must not be 0</param>
    /// <param name="price">finite and &gt; 0</param>
    /// <param name="quantity">&gt; 0</param>
    /// <param name="tradeId">&gt; 0</param>
    /// <param name="side">the aggressor's side (any other code is refused on encode)</param>
    public Trade(ulong tickerId, double price, uint quantity, uint tradeId, Side side)
    {
      TickerId = tickerId;
      Price = price;
      Quantity = quantity;
      TradeId = tradeId;
      Side = side;
    }

    /// <inheritdoc/>
    public MessageType MessageType { get { return MessageType.Trade; } }

    ulong IBody.TickerId { get { return TickerId; } }

    /// <inheritdoc/>
    public byte[] Encode()
    {
      var output = new byte[Size];
      Encode(output);
      return output;
    }

    /// <summary>Validates the trade and writes its 32 bytes to the start of output.</summary>
    /// <exception cref="BufferTooSmallException">output is shorter than 32 bytes</exception>
    /// <exception cref="InvalidFieldValueException">a field breaks a rule (Field names it)</exception>
    public unsafe int Encode(Span<byte> output)
    {
      Loader.Ensure();
      Trade v = this;
      byte dummy;
      fixed (byte* p0 = &MemoryMarshal.GetReference(output))
      {
        byte* p = p0 != null ? p0 : &dummy;
        int status = Native.TradeEncode(ref v, p, (UIntPtr)output.Length);
        if (status != Status.Ok)
          throw Bodies.ValuesError(status, MessageType.Trade, &v, 1, 0);
      }
      return Size;
    }

    /// <inheritdoc/>
    public void Validate()
    {
      Span<byte> scratch = stackalloc byte[Size];
      Encode(scratch);
    }

    /// <summary>Decodes and validates the trade at the start of input (extra bytes are ignored).</summary>
    /// <exception cref="BufferTooSmallException">input is shorter than 32 bytes</exception>
    /// <exception cref="InvalidFieldValueException">the bytes break a rule</exception>
    public static unsafe Trade Decode(ReadOnlySpan<byte> input)
    {
      Loader.Ensure();
      byte dummy;
      fixed (byte* p0 = &MemoryMarshal.GetReference(input))
      {
        byte* p = p0 != null ? p0 : &dummy;
        Trade v;
        int status = Native.TradeDecode(p, (UIntPtr)input.Length, out v);
        if (status != Status.Ok)
          throw Bodies.WireError(status, MessageType.Trade, p, input.Length, 1, 0);
        return v;
      }
    }

    /// <summary>Decodes output.Length bodies from input (wire bodies back to back) in one call.</summary>
    /// <returns>The number decoded: output.Length.</returns>
    /// <exception cref="MitchException">at the first bad body (Index names it); the bodies before it are decoded</exception>
    public static unsafe int DecodeBatch(ReadOnlySpan<byte> input, Span<Trade> output)
    {
      Loader.Ensure();
      byte dummy;
      Trade none;
      fixed (byte* p0 = &MemoryMarshal.GetReference(input))
      fixed (Trade* v0 = &MemoryMarshal.GetReference(output))
      {
        byte* p = p0 != null ? p0 : &dummy;
        Trade* v = v0 != null ? v0 : &none;
        UIntPtr done;
        int status = Native.TradeDecodeBatch(p, (UIntPtr)input.Length, v, (UIntPtr)output.Length, out done);
        if (status != Status.Ok)
          throw Bodies.WireError(status, MessageType.Trade, p, input.Length, output.Length, (long)done);
      }
      return output.Length;
    }

    /// <summary>Every body of input (its length a multiple of 32), decoded in one call.</summary>
    public static Trade[] DecodeAll(ReadOnlySpan<byte> input)
    {
      var output = new Trade[Bodies.Count(input.Length, Size)];
      DecodeBatch(input, output);
      return output;
    }

    /// <summary>The bodies' wire bytes back to back, in one call (validated first).</summary>
    /// <returns>The bytes written: bodies.Length * 32.</returns>
    public static unsafe int EncodeBatch(ReadOnlySpan<Trade> bodies, Span<byte> output)
    {
      Loader.Ensure();
      byte dummy;
      Trade none;
      fixed (Trade* v0 = &MemoryMarshal.GetReference(bodies))
      fixed (byte* p0 = &MemoryMarshal.GetReference(output))
      {
        Trade* v = v0 != null ? v0 : &none;
        byte* p = p0 != null ? p0 : &dummy;
        UIntPtr done;
        int status = Native.TradeEncodeBatch(v, (UIntPtr)bodies.Length, p, (UIntPtr)output.Length, out done);
        if (status != Status.Ok)
          throw Bodies.ValuesError(status, MessageType.Trade, v, bodies.Length, (long)done);
      }
      return bodies.Length * Size;
    }

    /// <summary>The bodies' wire bytes back to back in a new array.</summary>
    public static byte[] EncodeAll(ReadOnlySpan<Trade> bodies)
    {
      var output = new byte[checked(bodies.Length * Size)];
      EncodeBatch(bodies, output);
      return output;
    }

    /// <summary>Field-by-field equality (doubles by their bits).</summary>
    public bool Equals(Trade other)
    {
      return TickerId == other.TickerId && BitConverter.DoubleToInt64Bits(Price) == BitConverter.DoubleToInt64Bits(other.Price) && Quantity == other.Quantity && TradeId == other.TradeId && Side == other.Side;
    }

    /// <inheritdoc/>
    public override bool Equals(object obj)
    {
      return obj is Trade && Equals((Trade)obj);
    }

    /// <inheritdoc/>
    public override int GetHashCode()
    {
      return TickerId.GetHashCode() ^ BitConverter.DoubleToInt64Bits(Price).GetHashCode() ^ Quantity.GetHashCode() ^ TradeId.GetHashCode();
    }

    /// <inheritdoc/>
    public override string ToString()
    {
      return "Trade[TickerId=" + "0x" + TickerId.ToString("x16") + ", Price=" + Price.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ", Quantity=" + Quantity + ", TradeId=" + TradeId + ", Side=" + Side + "]";
    }
  }

  /// <summary>An order ('o', 32 bytes on the wire).</summary>
  [StructLayout(LayoutKind.Sequential)]
  public readonly struct Order : IBody, IEquatable<Order>
  {
    /// <summary>ticker_id: the instrument's 64-bit ticker id; must not be 0</summary>
    public readonly ulong TickerId;
    /// <summary>order_id: &gt; 0</summary>
    public readonly uint OrderId;
    /// <summary>price: finite and &gt; 0; a cancel needs only finite and &gt;= 0</summary>
    public readonly double Price;
    /// <summary>quantity: &gt; 0; any value for a cancel</summary>
    public readonly uint Quantity;
    /// <summary>order_type: market, limit, stop or cancel</summary>
    public readonly OrderType OrderType;
    /// <summary>side: buy or sell</summary>
    public readonly Side Side;
    /// <summary>expiry_ms: Unix time in ms, below 2^48; 0 = good till cancelled</summary>
    public readonly ulong ExpiryMs;

    /// <summary>Bytes of one body on the wire.</summary>
    public const int Size = 32;

    /// <summary>A order from its fields (the protocol's rules are checked on encode).</summary>
    /// <param name="tickerId">the instrument's 64-bit ticker id; must not be 0</param>
    /// <param name="orderId">&gt; 0</param>
    /// <param name="price">finite and &gt; 0; a cancel needs only finite and &gt;= 0</param>
    /// <param name="quantity">&gt; 0; any value for a cancel</param>
    /// <param name="orderType">market, limit, stop or cancel</param>
    /// <param name="side">buy or sell</param>
    /// <param name="expiryMs">Unix time in ms, below 2^48; 0 = good till cancelled</param>
    public Order(ulong tickerId, uint orderId, double price, uint quantity, OrderType orderType, Side side, ulong expiryMs)
    {
      TickerId = tickerId;
      OrderId = orderId;
      Price = price;
      Quantity = quantity;
      OrderType = orderType;
      Side = side;
      ExpiryMs = expiryMs;
    }

    /// <inheritdoc/>
    public MessageType MessageType { get { return MessageType.Order; } }

    ulong IBody.TickerId { get { return TickerId; } }

    /// <inheritdoc/>
    public byte[] Encode()
    {
      var output = new byte[Size];
      Encode(output);
      return output;
    }

    /// <summary>Validates the order and writes its 32 bytes to the start of output.</summary>
    /// <exception cref="BufferTooSmallException">output is shorter than 32 bytes</exception>
    /// <exception cref="InvalidFieldValueException">a field breaks a rule (Field names it)</exception>
    public unsafe int Encode(Span<byte> output)
    {
      Loader.Ensure();
      Order v = this;
      byte dummy;
      fixed (byte* p0 = &MemoryMarshal.GetReference(output))
      {
        byte* p = p0 != null ? p0 : &dummy;
        int status = Native.OrderEncode(ref v, p, (UIntPtr)output.Length);
        if (status != Status.Ok)
          throw Bodies.ValuesError(status, MessageType.Order, &v, 1, 0);
      }
      return Size;
    }

    /// <inheritdoc/>
    public void Validate()
    {
      Span<byte> scratch = stackalloc byte[Size];
      Encode(scratch);
    }

    /// <summary>Decodes and validates the order at the start of input (extra bytes are ignored).</summary>
    /// <exception cref="BufferTooSmallException">input is shorter than 32 bytes</exception>
    /// <exception cref="InvalidFieldValueException">the bytes break a rule</exception>
    public static unsafe Order Decode(ReadOnlySpan<byte> input)
    {
      Loader.Ensure();
      byte dummy;
      fixed (byte* p0 = &MemoryMarshal.GetReference(input))
      {
        byte* p = p0 != null ? p0 : &dummy;
        Order v;
        int status = Native.OrderDecode(p, (UIntPtr)input.Length, out v);
        if (status != Status.Ok)
          throw Bodies.WireError(status, MessageType.Order, p, input.Length, 1, 0);
        return v;
      }
    }

    /// <summary>Decodes output.Length bodies from input (wire bodies back to back) in one call.</summary>
    /// <returns>The number decoded: output.Length.</returns>
    /// <exception cref="MitchException">at the first bad body (Index names it); the bodies before it are decoded</exception>
    public static unsafe int DecodeBatch(ReadOnlySpan<byte> input, Span<Order> output)
    {
      Loader.Ensure();
      byte dummy;
      Order none;
      fixed (byte* p0 = &MemoryMarshal.GetReference(input))
      fixed (Order* v0 = &MemoryMarshal.GetReference(output))
      {
        byte* p = p0 != null ? p0 : &dummy;
        Order* v = v0 != null ? v0 : &none;
        UIntPtr done;
        int status = Native.OrderDecodeBatch(p, (UIntPtr)input.Length, v, (UIntPtr)output.Length, out done);
        if (status != Status.Ok)
          throw Bodies.WireError(status, MessageType.Order, p, input.Length, output.Length, (long)done);
      }
      return output.Length;
    }

    /// <summary>Every body of input (its length a multiple of 32), decoded in one call.</summary>
    public static Order[] DecodeAll(ReadOnlySpan<byte> input)
    {
      var output = new Order[Bodies.Count(input.Length, Size)];
      DecodeBatch(input, output);
      return output;
    }

    /// <summary>The bodies' wire bytes back to back, in one call (validated first).</summary>
    /// <returns>The bytes written: bodies.Length * 32.</returns>
    public static unsafe int EncodeBatch(ReadOnlySpan<Order> bodies, Span<byte> output)
    {
      Loader.Ensure();
      byte dummy;
      Order none;
      fixed (Order* v0 = &MemoryMarshal.GetReference(bodies))
      fixed (byte* p0 = &MemoryMarshal.GetReference(output))
      {
        Order* v = v0 != null ? v0 : &none;
        byte* p = p0 != null ? p0 : &dummy;
        UIntPtr done;
        int status = Native.OrderEncodeBatch(v, (UIntPtr)bodies.Length, p, (UIntPtr)output.Length, out done);
        if (status != Status.Ok)
          throw Bodies.ValuesError(status, MessageType.Order, v, bodies.Length, (long)done);
      }
      return bodies.Length * Size;
    }

    /// <summary>The bodies' wire bytes back to back in a new array.</summary>
    public static byte[] EncodeAll(ReadOnlySpan<Order> bodies)
    {
      var output = new byte[checked(bodies.Length * Size)];
      EncodeBatch(bodies, output);
      return output;
    }

    /// <summary>Field-by-field equality (doubles by their bits).</summary>
    public bool Equals(Order other)
    {
      return TickerId == other.TickerId && OrderId == other.OrderId && BitConverter.DoubleToInt64Bits(Price) == BitConverter.DoubleToInt64Bits(other.Price) && Quantity == other.Quantity && OrderType == other.OrderType && Side == other.Side && ExpiryMs == other.ExpiryMs;
    }

    /// <inheritdoc/>
    public override bool Equals(object obj)
    {
      return obj is Order && Equals((Order)obj);
    }

    /// <inheritdoc/>
    public override int GetHashCode()
    {
      return TickerId.GetHashCode() ^ OrderId.GetHashCode() ^ BitConverter.DoubleToInt64Bits(Price).GetHashCode() ^ Quantity.GetHashCode();
    }

    /// <inheritdoc/>
    public override string ToString()
    {
      return "Order[TickerId=" + "0x" + TickerId.ToString("x16") + ", OrderId=" + OrderId + ", Price=" + Price.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ", Quantity=" + Quantity + ", OrderType=" + OrderType + ", Side=" + Side + ", ExpiryMs=" + ExpiryMs + "]";
    }
  }

  /// <summary>A top-of-book tick ('s', 32 bytes on the wire).</summary>
  [StructLayout(LayoutKind.Sequential)]
  public readonly struct Tick : IBody, IEquatable<Tick>
  {
    /// <summary>ticker_id: the instrument's 64-bit ticker id; must not be 0</summary>
    public readonly ulong TickerId;
    /// <summary>bid_price: finite and &gt; 0</summary>
    public readonly double BidPrice;
    /// <summary>ask_price: finite and &gt; 0, not below the bid</summary>
    public readonly double AskPrice;
    /// <summary>bid_volume: any</summary>
    public readonly uint BidVolume;
    /// <summary>ask_volume: any</summary>
    public readonly uint AskVolume;

    /// <summary>Bytes of one body on the wire.</summary>
    public const int Size = 32;

    /// <summary>A tick from its fields (the protocol's rules are checked on encode).</summary>
    /// <param name="tickerId">the instrument's 64-bit ticker id; must not be 0</param>
    /// <param name="bidPrice">finite and &gt; 0</param>
    /// <param name="askPrice">finite and &gt; 0, not below the bid</param>
    /// <param name="bidVolume">any</param>
    /// <param name="askVolume">any</param>
    public Tick(ulong tickerId, double bidPrice, double askPrice, uint bidVolume, uint askVolume)
    {
      TickerId = tickerId;
      BidPrice = bidPrice;
      AskPrice = askPrice;
      BidVolume = bidVolume;
      AskVolume = askVolume;
    }

    /// <inheritdoc/>
    public MessageType MessageType { get { return MessageType.Tick; } }

    ulong IBody.TickerId { get { return TickerId; } }

    /// <inheritdoc/>
    public byte[] Encode()
    {
      var output = new byte[Size];
      Encode(output);
      return output;
    }

    /// <summary>Validates the tick and writes its 32 bytes to the start of output.</summary>
    /// <exception cref="BufferTooSmallException">output is shorter than 32 bytes</exception>
    /// <exception cref="InvalidFieldValueException">a field breaks a rule (Field names it)</exception>
    public unsafe int Encode(Span<byte> output)
    {
      Loader.Ensure();
      Tick v = this;
      byte dummy;
      fixed (byte* p0 = &MemoryMarshal.GetReference(output))
      {
        byte* p = p0 != null ? p0 : &dummy;
        int status = Native.TickEncode(ref v, p, (UIntPtr)output.Length);
        if (status != Status.Ok)
          throw Bodies.ValuesError(status, MessageType.Tick, &v, 1, 0);
      }
      return Size;
    }

    /// <inheritdoc/>
    public void Validate()
    {
      Span<byte> scratch = stackalloc byte[Size];
      Encode(scratch);
    }

    /// <summary>Decodes and validates the tick at the start of input (extra bytes are ignored).</summary>
    /// <exception cref="BufferTooSmallException">input is shorter than 32 bytes</exception>
    /// <exception cref="InvalidFieldValueException">the bytes break a rule</exception>
    public static unsafe Tick Decode(ReadOnlySpan<byte> input)
    {
      Loader.Ensure();
      byte dummy;
      fixed (byte* p0 = &MemoryMarshal.GetReference(input))
      {
        byte* p = p0 != null ? p0 : &dummy;
        Tick v;
        int status = Native.TickDecode(p, (UIntPtr)input.Length, out v);
        if (status != Status.Ok)
          throw Bodies.WireError(status, MessageType.Tick, p, input.Length, 1, 0);
        return v;
      }
    }

    /// <summary>Decodes output.Length bodies from input (wire bodies back to back) in one call.</summary>
    /// <returns>The number decoded: output.Length.</returns>
    /// <exception cref="MitchException">at the first bad body (Index names it); the bodies before it are decoded</exception>
    public static unsafe int DecodeBatch(ReadOnlySpan<byte> input, Span<Tick> output)
    {
      Loader.Ensure();
      byte dummy;
      Tick none;
      fixed (byte* p0 = &MemoryMarshal.GetReference(input))
      fixed (Tick* v0 = &MemoryMarshal.GetReference(output))
      {
        byte* p = p0 != null ? p0 : &dummy;
        Tick* v = v0 != null ? v0 : &none;
        UIntPtr done;
        int status = Native.TickDecodeBatch(p, (UIntPtr)input.Length, v, (UIntPtr)output.Length, out done);
        if (status != Status.Ok)
          throw Bodies.WireError(status, MessageType.Tick, p, input.Length, output.Length, (long)done);
      }
      return output.Length;
    }

    /// <summary>Every body of input (its length a multiple of 32), decoded in one call.</summary>
    public static Tick[] DecodeAll(ReadOnlySpan<byte> input)
    {
      var output = new Tick[Bodies.Count(input.Length, Size)];
      DecodeBatch(input, output);
      return output;
    }

    /// <summary>The bodies' wire bytes back to back, in one call (validated first).</summary>
    /// <returns>The bytes written: bodies.Length * 32.</returns>
    public static unsafe int EncodeBatch(ReadOnlySpan<Tick> bodies, Span<byte> output)
    {
      Loader.Ensure();
      byte dummy;
      Tick none;
      fixed (Tick* v0 = &MemoryMarshal.GetReference(bodies))
      fixed (byte* p0 = &MemoryMarshal.GetReference(output))
      {
        Tick* v = v0 != null ? v0 : &none;
        byte* p = p0 != null ? p0 : &dummy;
        UIntPtr done;
        int status = Native.TickEncodeBatch(v, (UIntPtr)bodies.Length, p, (UIntPtr)output.Length, out done);
        if (status != Status.Ok)
          throw Bodies.ValuesError(status, MessageType.Tick, v, bodies.Length, (long)done);
      }
      return bodies.Length * Size;
    }

    /// <summary>The bodies' wire bytes back to back in a new array.</summary>
    public static byte[] EncodeAll(ReadOnlySpan<Tick> bodies)
    {
      var output = new byte[checked(bodies.Length * Size)];
      EncodeBatch(bodies, output);
      return output;
    }

    /// <summary>Field-by-field equality (doubles by their bits).</summary>
    public bool Equals(Tick other)
    {
      return TickerId == other.TickerId && BitConverter.DoubleToInt64Bits(BidPrice) == BitConverter.DoubleToInt64Bits(other.BidPrice) && BitConverter.DoubleToInt64Bits(AskPrice) == BitConverter.DoubleToInt64Bits(other.AskPrice) && BidVolume == other.BidVolume && AskVolume == other.AskVolume;
    }

    /// <inheritdoc/>
    public override bool Equals(object obj)
    {
      return obj is Tick && Equals((Tick)obj);
    }

    /// <inheritdoc/>
    public override int GetHashCode()
    {
      return TickerId.GetHashCode() ^ BitConverter.DoubleToInt64Bits(BidPrice).GetHashCode() ^ BitConverter.DoubleToInt64Bits(AskPrice).GetHashCode() ^ BidVolume.GetHashCode();
    }

    /// <inheritdoc/>
    public override string ToString()
    {
      return "Tick[TickerId=" + "0x" + TickerId.ToString("x16") + ", BidPrice=" + BidPrice.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ", AskPrice=" + AskPrice.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ", BidVolume=" + BidVolume + ", AskVolume=" + AskVolume + "]";
    }
  }

  /// <summary>A synthetic index across venues ('i', 64 bytes on the wire); offsets in 1e-9 of a price unit relative to mid, forces in 1e-4.</summary>
  [StructLayout(LayoutKind.Sequential)]
  public readonly struct Index : IBody, IEquatable<Index>
  {
    /// <summary>ticker_id: the index's 64-bit ticker id; must not be 0</summary>
    public readonly ulong TickerId;
    /// <summary>mid: finite and &gt; 0</summary>
    public readonly double Mid;
    /// <summary>v_bid: aggregated bid volume</summary>
    public readonly uint VBid;
    /// <summary>v_ask: aggregated ask volume</summary>
    public readonly uint VAsk;
    /// <summary>m_spread: mean spread</summary>
    public readonly int MSpread;
    /// <summary>b_bid_o: best bid offset from mid</summary>
    public readonly int BBidO;
    /// <summary>b_ask_o: best ask offset</summary>
    public readonly int BAskO;
    /// <summary>w_bid_o: worst bid offset</summary>
    public readonly int WBidO;
    /// <summary>w_ask_o: worst ask offset</summary>
    public readonly int WAskO;
    /// <summary>v_force: volatility 0..10000</summary>
    public readonly ushort VForce;
    /// <summary>l_force: liquidity 0..10000</summary>
    public readonly ushort LForce;
    /// <summary>t_force: trend -10000..10000</summary>
    public readonly short TForce;
    /// <summary>m_force: momentum -10000..10000</summary>
    public readonly short MForce;
    /// <summary>confidence: 0..100</summary>
    public readonly byte Confidence;
    /// <summary>rejected: sources rejected</summary>
    public readonly byte Rejected;
    /// <summary>accepted: sources accepted; 0 requires confidence 0</summary>
    public readonly byte Accepted;

    /// <summary>Bytes of one body on the wire.</summary>
    public const int Size = 64;

    /// <summary>A index from its fields (the protocol's rules are checked on encode).</summary>
    /// <param name="tickerId">the index's 64-bit ticker id; must not be 0</param>
    /// <param name="mid">finite and &gt; 0</param>
    /// <param name="vBid">aggregated bid volume</param>
    /// <param name="vAsk">aggregated ask volume</param>
    /// <param name="mSpread">mean spread</param>
    /// <param name="bBidO">best bid offset from mid</param>
    /// <param name="bAskO">best ask offset</param>
    /// <param name="wBidO">worst bid offset</param>
    /// <param name="wAskO">worst ask offset</param>
    /// <param name="vForce">volatility 0..10000</param>
    /// <param name="lForce">liquidity 0..10000</param>
    /// <param name="tForce">trend -10000..10000</param>
    /// <param name="mForce">momentum -10000..10000</param>
    /// <param name="confidence">0..100</param>
    /// <param name="rejected">sources rejected</param>
    /// <param name="accepted">sources accepted; 0 requires confidence 0</param>
    public Index(ulong tickerId, double mid, uint vBid, uint vAsk, int mSpread, int bBidO, int bAskO, int wBidO, int wAskO, ushort vForce, ushort lForce, short tForce, short mForce, byte confidence, byte rejected, byte accepted)
    {
      TickerId = tickerId;
      Mid = mid;
      VBid = vBid;
      VAsk = vAsk;
      MSpread = mSpread;
      BBidO = bBidO;
      BAskO = bAskO;
      WBidO = wBidO;
      WAskO = wAskO;
      VForce = vForce;
      LForce = lForce;
      TForce = tForce;
      MForce = mForce;
      Confidence = confidence;
      Rejected = rejected;
      Accepted = accepted;
    }

    /// <inheritdoc/>
    public MessageType MessageType { get { return MessageType.Index; } }

    ulong IBody.TickerId { get { return TickerId; } }

    /// <inheritdoc/>
    public byte[] Encode()
    {
      var output = new byte[Size];
      Encode(output);
      return output;
    }

    /// <summary>Validates the index and writes its 64 bytes to the start of output.</summary>
    /// <exception cref="BufferTooSmallException">output is shorter than 64 bytes</exception>
    /// <exception cref="InvalidFieldValueException">a field breaks a rule (Field names it)</exception>
    public unsafe int Encode(Span<byte> output)
    {
      Loader.Ensure();
      Index v = this;
      byte dummy;
      fixed (byte* p0 = &MemoryMarshal.GetReference(output))
      {
        byte* p = p0 != null ? p0 : &dummy;
        int status = Native.IndexEncode(ref v, p, (UIntPtr)output.Length);
        if (status != Status.Ok)
          throw Bodies.ValuesError(status, MessageType.Index, &v, 1, 0);
      }
      return Size;
    }

    /// <inheritdoc/>
    public void Validate()
    {
      Span<byte> scratch = stackalloc byte[Size];
      Encode(scratch);
    }

    /// <summary>Decodes and validates the index at the start of input (extra bytes are ignored).</summary>
    /// <exception cref="BufferTooSmallException">input is shorter than 64 bytes</exception>
    /// <exception cref="InvalidFieldValueException">the bytes break a rule</exception>
    public static unsafe Index Decode(ReadOnlySpan<byte> input)
    {
      Loader.Ensure();
      byte dummy;
      fixed (byte* p0 = &MemoryMarshal.GetReference(input))
      {
        byte* p = p0 != null ? p0 : &dummy;
        Index v;
        int status = Native.IndexDecode(p, (UIntPtr)input.Length, out v);
        if (status != Status.Ok)
          throw Bodies.WireError(status, MessageType.Index, p, input.Length, 1, 0);
        return v;
      }
    }

    /// <summary>Decodes output.Length bodies from input (wire bodies back to back) in one call.</summary>
    /// <returns>The number decoded: output.Length.</returns>
    /// <exception cref="MitchException">at the first bad body (Index names it); the bodies before it are decoded</exception>
    public static unsafe int DecodeBatch(ReadOnlySpan<byte> input, Span<Index> output)
    {
      Loader.Ensure();
      byte dummy;
      Index none;
      fixed (byte* p0 = &MemoryMarshal.GetReference(input))
      fixed (Index* v0 = &MemoryMarshal.GetReference(output))
      {
        byte* p = p0 != null ? p0 : &dummy;
        Index* v = v0 != null ? v0 : &none;
        UIntPtr done;
        int status = Native.IndexDecodeBatch(p, (UIntPtr)input.Length, v, (UIntPtr)output.Length, out done);
        if (status != Status.Ok)
          throw Bodies.WireError(status, MessageType.Index, p, input.Length, output.Length, (long)done);
      }
      return output.Length;
    }

    /// <summary>Every body of input (its length a multiple of 64), decoded in one call.</summary>
    public static Index[] DecodeAll(ReadOnlySpan<byte> input)
    {
      var output = new Index[Bodies.Count(input.Length, Size)];
      DecodeBatch(input, output);
      return output;
    }

    /// <summary>The bodies' wire bytes back to back, in one call (validated first).</summary>
    /// <returns>The bytes written: bodies.Length * 64.</returns>
    public static unsafe int EncodeBatch(ReadOnlySpan<Index> bodies, Span<byte> output)
    {
      Loader.Ensure();
      byte dummy;
      Index none;
      fixed (Index* v0 = &MemoryMarshal.GetReference(bodies))
      fixed (byte* p0 = &MemoryMarshal.GetReference(output))
      {
        Index* v = v0 != null ? v0 : &none;
        byte* p = p0 != null ? p0 : &dummy;
        UIntPtr done;
        int status = Native.IndexEncodeBatch(v, (UIntPtr)bodies.Length, p, (UIntPtr)output.Length, out done);
        if (status != Status.Ok)
          throw Bodies.ValuesError(status, MessageType.Index, v, bodies.Length, (long)done);
      }
      return bodies.Length * Size;
    }

    /// <summary>The bodies' wire bytes back to back in a new array.</summary>
    public static byte[] EncodeAll(ReadOnlySpan<Index> bodies)
    {
      var output = new byte[checked(bodies.Length * Size)];
      EncodeBatch(bodies, output);
      return output;
    }

    /// <summary>Field-by-field equality (doubles by their bits).</summary>
    public bool Equals(Index other)
    {
      return TickerId == other.TickerId && BitConverter.DoubleToInt64Bits(Mid) == BitConverter.DoubleToInt64Bits(other.Mid) && VBid == other.VBid && VAsk == other.VAsk && MSpread == other.MSpread && BBidO == other.BBidO && BAskO == other.BAskO && WBidO == other.WBidO && WAskO == other.WAskO && VForce == other.VForce && LForce == other.LForce && TForce == other.TForce && MForce == other.MForce && Confidence == other.Confidence && Rejected == other.Rejected && Accepted == other.Accepted;
    }

    /// <inheritdoc/>
    public override bool Equals(object obj)
    {
      return obj is Index && Equals((Index)obj);
    }

    /// <inheritdoc/>
    public override int GetHashCode()
    {
      return TickerId.GetHashCode() ^ BitConverter.DoubleToInt64Bits(Mid).GetHashCode() ^ VBid.GetHashCode() ^ VAsk.GetHashCode();
    }

    /// <inheritdoc/>
    public override string ToString()
    {
      return "Index[TickerId=" + "0x" + TickerId.ToString("x16") + ", Mid=" + Mid.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ", VBid=" + VBid + ", VAsk=" + VAsk + ", MSpread=" + MSpread + ", BBidO=" + BBidO + ", BAskO=" + BAskO + ", WBidO=" + WBidO + ", WAskO=" + WAskO + ", VForce=" + VForce + ", LForce=" + LForce + ", TForce=" + TForce + ", MForce=" + MForce + ", Confidence=" + Confidence + ", Rejected=" + Rejected + ", Accepted=" + Accepted + "]";
    }
  }
}
