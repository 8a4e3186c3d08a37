// Messages.cs - whole messages and captures (concatenated messages of any
// types): iteration in place, validation, encoding, and the bulk capture
// calls of API 1.1.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace Mitch
{
  /// <summary>One message of a capture: its header and its bodies' bytes (a view of the caller's array).</summary>
  public readonly struct Message
  {
    /// <summary>The decoded, validated header.</summary>
    public readonly Header Header;
    /// <summary>Where the message starts in the capture.</summary>
    public readonly long Offset;
    /// <summary>The bodies' wire bytes (Header.Count * body size), not copied.</summary>
    public readonly ArraySegment<byte> Wire;

    internal Message(Header header, long offset, ArraySegment<byte> wire)
    {
      Header = header;
      Offset = offset;
      Wire = wire;
    }

    /// <summary>The message's size: header and bodies.</summary>
    public long Size { get { return Header.MessageSize; } }

    /// <summary>Decodes every body (one call for all of them).</summary>
    public IBody[] Bodies()
    {
      var span = new ReadOnlySpan<byte>(Wire.Array, Wire.Offset, Wire.Count);
      switch (Header.MessageType)
      {
        case MessageType.Trade: return Box(Trade.DecodeAll(span));
        case MessageType.Order: return Box(Order.DecodeAll(span));
        case MessageType.Tick: return Box(Tick.DecodeAll(span));
        case MessageType.Index: return Box(Index.DecodeAll(span));
        default: return Box(OrderBook.DecodeAll(span));
      }
    }

    static IBody[] Box<T>(T[] bodies) where T : IBody
    {
      var boxed = new IBody[bodies.Length];
      for (int i = 0; i < bodies.Length; i++)
        boxed[i] = bodies[i];
      return boxed;
    }

    /// <summary>One message of 1..255 trades, validated before anything is written.</summary>
    public static byte[] Encode(ulong timestamp, ReadOnlySpan<Trade> bodies)
    {
      unsafe
      {
        fixed (Trade* p = &MemoryMarshal.GetReference(bodies))
          return Encode(MessageType.Trade, timestamp, p, bodies.Length, Trade.Size);
      }
    }

    /// <summary>One message of 1..255 orders.</summary>
    public static byte[] Encode(ulong timestamp, ReadOnlySpan<Order> bodies)
    {
      unsafe
      {
        fixed (Order* p = &MemoryMarshal.GetReference(bodies))
          return Encode(MessageType.Order, timestamp, p, bodies.Length, Order.Size);
      }
    }

    /// <summary>One message of 1..255 ticks.</summary>
    public static byte[] Encode(ulong timestamp, ReadOnlySpan<Tick> bodies)
    {
      unsafe
      {
        fixed (Tick* p = &MemoryMarshal.GetReference(bodies))
          return Encode(MessageType.Tick, timestamp, p, bodies.Length, Tick.Size);
      }
    }

    /// <summary>One message of 1..255 indices.</summary>
    public static byte[] Encode(ulong timestamp, ReadOnlySpan<Index> bodies)
    {
      unsafe
      {
        fixed (Index* p = &MemoryMarshal.GetReference(bodies))
          return Encode(MessageType.Index, timestamp, p, bodies.Length, Index.Size);
      }
    }

    /// <summary>One message of 1..255 order books.</summary>
    public static byte[] Encode(ulong timestamp, ReadOnlySpan<OrderBook> bodies)
    {
      var natives = new OrderBookNative[bodies.Length];
      for (int i = 0; i < natives.Length; i++)
        natives[i] = bodies[i].ToNative();
      unsafe
      {
        fixed (OrderBookNative* p = natives)
          return Encode(MessageType.OrderBook, timestamp, p, natives.Length, OrderBook.Size);
      }
    }

    static unsafe byte[] Encode(MessageType type, ulong timestamp, void* bodies, int n, int size)
    {
      Loader.Ensure();
      var output = new byte[Header.Size + (long)n * size];
      UIntPtr written;
      byte dummy;
      int status;
      fixed (byte* o = output)
        status = Native.MessageEncode((byte)type, timestamp, n == 0 ? &dummy : bodies, (UIntPtr)n, o,
                                      (UIntPtr)output.Length, out written);
      if (status != Status.Ok)
        throw Mitch.Bodies.ValuesError(status, type, bodies, n, -1);
      return output;
    }
  }

  /// <summary>What validating a whole capture found.</summary>
  public readonly struct StreamInfo
  {
    /// <summary>Complete, valid messages.</summary>
    public readonly long Messages;
    /// <summary>Bodies in those messages.</summary>
    public readonly long Bodies;

    internal StreamInfo(long messages, long bodies)
    {
      Messages = messages;
      Bodies = bodies;
    }
  }

  /// <summary>A capture decoded into arrays, one per requested type, each body with its header's timestamp.</summary>
  public sealed class CaptureColumns
  {
    /// <summary>The trades (null when not requested).</summary>
    public Trade[] Trades { get; internal set; }
    /// <summary>Each trade's header timestamp.</summary>
    public ulong[] TradeTimestamps { get; internal set; }
    /// <summary>The orders.</summary>
    public Order[] Orders { get; internal set; }
    /// <summary>Each order's header timestamp.</summary>
    public ulong[] OrderTimestamps { get; internal set; }
    /// <summary>The ticks.</summary>
    public Tick[] Ticks { get; internal set; }
    /// <summary>Each tick's header timestamp.</summary>
    public ulong[] TickTimestamps { get; internal set; }
    /// <summary>The indices.</summary>
    public Index[] Indices { get; internal set; }
    /// <summary>Each index's header timestamp.</summary>
    public ulong[] IndexTimestamps { get; internal set; }
    /// <summary>The order books.</summary>
    public OrderBook[] OrderBooks { get; internal set; }
    /// <summary>Each order book's header timestamp.</summary>
    public ulong[] OrderBookTimestamps { get; internal set; }
    /// <summary>Messages in the capture.</summary>
    public long Messages { get; internal set; }
    /// <summary>Bodies in the capture, of every type.</summary>
    public long Bodies { get; internal set; }
  }

  /// <summary>Whole captures: concatenated messages of any types.</summary>
  public static unsafe class Capture
  {
    /// <summary>
    /// The capture's messages, read in place.  Each message is framed and
    /// its bodies validated as the enumeration reaches it; damage throws a
    /// <see cref="MitchException"/> (Offset: the byte at fault, Index: the
    /// message's number) after every message before it was delivered.
    /// </summary>
    public static IEnumerable<Message> Messages(byte[] capture)
    {
      if (capture == null)
        throw new ArgumentNullException("capture");
      return Read(new ArraySegment<byte>(capture));
    }

    /// <summary>The messages of part of an array.</summary>
    public static IEnumerable<Message> Messages(ArraySegment<byte> capture)
    {
      if (capture.Array == null)
        throw new ArgumentNullException("capture");
      return Read(capture);
    }

    static IEnumerable<Message> Read(ArraySegment<byte> capture)
    {
      Loader.Ensure();
      long next = 0, index = 0;
      while (true)
      {
        Header header;
        long offset, size;
        int status = Next(capture, next, index, out header, out offset, out size);
        if (status == Status.End)
          yield break;
        yield return new Message(header, offset,
          new ArraySegment<byte>(capture.Array, capture.Offset + (int)offset + Header.Size, (int)(size - Header.Size)));
        next = offset + size;
        index++;
      }
    }

    /// <summary>Frames and validates the message at `from`; END at the end; throws at damage.</summary>
    static int Next(ArraySegment<byte> capture, long from, long index, out Header header, out long offset, out long size)
    {
      header = default(Header);
      offset = size = 0;
      fixed (byte* start = capture.Array)
      {
        byte* data = start + capture.Offset;
        var reader = new ReaderNative();
        Native.ReaderInit(ref reader, data + from, (UIntPtr)(capture.Count - from));
        MessageNative msg;
        int status = Native.ReaderNext(ref reader, out msg);
        if (status == Status.End)
          return status;
        long errorOffset, messageOffset;
        if (status == Status.Ok)
        {
          UIntPtr bad;
          status = Native.MessageValidate(ref msg, out bad);
          messageOffset = from + (long)msg.Offset;
          errorOffset = messageOffset + Header.Size + (long)bad * (long)msg.BodySize;
        }
        else
        {
          errorOffset = from + (long)reader.ErrorOffset;
          messageOffset = from + (long)reader.MessageOffset;
        }
        if (status != Status.Ok)
          throw StreamError(status, data, capture.Count, 0, index, errorOffset, messageOffset);
        header = msg.Header;
        offset = from + (long)msg.Offset;
        size = (long)msg.Size;
        return status;
      }
    }

    static MitchException StreamError(int status, byte* data, int length, byte onlyType, long index,
                                      long errorOffset, long messageOffset)
    {
      if (Errors.HasApi11)
      {
        StreamInfoNative info;
        ErrorNative e;
        int check = Native.CheckStream(data, (UIntPtr)length, onlyType, out info, out e);
        if (check == status)
          return Errors.Error(status, Errors.FromNative(ref e));
      }
      return Errors.Error(status, ErrorDetail.At(index, errorOffset, messageOffset,
        "message " + index + " at offset " + messageOffset + ", byte " + errorOffset));
    }

    /// <summary>Frames and validates every message and body.</summary>
    public static StreamInfo Validate(ReadOnlySpan<byte> capture)
    {
      return ValidateOnly(capture, 0);
    }

    /// <summary>Like Validate, and a message of another type than `only` is status 2.</summary>
    public static StreamInfo Validate(ReadOnlySpan<byte> capture, MessageType only)
    {
      return ValidateOnly(capture, (byte)only);
    }

    static StreamInfo ValidateOnly(ReadOnlySpan<byte> capture, byte only)
    {
      Loader.Ensure();
      byte dummy;
      fixed (byte* p0 = &MemoryMarshal.GetReference(capture))
      {
        byte* p = p0 != null ? p0 : &dummy;
        StreamInfoNative info;
        int status = Native.StreamValidate(p, (UIntPtr)capture.Length, only, out info);
        if (status != Status.Ok)
          throw StreamError(status, p, capture.Length, only, (long)info.Messages, (long)info.ErrorOffset,
                            (long)info.MessageOffset);
        return new StreamInfo((long)info.Messages, (long)info.Bodies);
      }
    }

    /// <summary>
    /// Decodes a whole capture into arrays, one per requested type (none:
    /// all five), each body with its header's timestamp, through
    /// mitch_capture_decode: one call that counts, then one that decodes
    /// straight into the arrays.  Other types are validated and skipped.
    /// </summary>
    /// <exception cref="NotSupportedException">the loaded libmitch is older than 1.1</exception>
    public static CaptureColumns Decode(ReadOnlySpan<byte> capture, params MessageType[] types)
    {
      Loader.Ensure();
      Errors.RequireApi11("Capture.Decode");
      if (types == null || types.Length == 0)
        types = new[] { MessageType.Trade, MessageType.Order, MessageType.Tick, MessageType.Index, MessageType.OrderBook };
      int n = types.Length;
      var sinks = new CaptureSinkNative[n];
      for (int k = 0; k < n; k++)
        sinks[k].MessageType = (byte)types[k];
      var result = new CaptureColumns();
      byte dummy;
      fixed (byte* p0 = &MemoryMarshal.GetReference(capture))
      {
        byte* p = p0 != null ? p0 : &dummy;
        StreamInfoNative info;
        ErrorNative e;
        int status;
        fixed (CaptureSinkNative* s = sinks)
          status = Native.CaptureDecode(p, (UIntPtr)capture.Length, s, (UIntPtr)n, out info, out e);
        if (status != Status.Ok)
          throw Errors.Error(status, Errors.FromNative(ref e));
        var trades = new Trade[Count(sinks, MessageType.Trade)];
        var orders = new Order[Count(sinks, MessageType.Order)];
        var ticks = new Tick[Count(sinks, MessageType.Tick)];
        var indices = new Index[Count(sinks, MessageType.Index)];
        var books = new OrderBookNative[Count(sinks, MessageType.OrderBook)];
        var stamps = new ulong[n][];
        for (int k = 0; k < n; k++)
          stamps[k] = new ulong[(long)sinks[k].Count];
        fixed (Trade* t = trades)
        fixed (Order* o = orders)
        fixed (Tick* s = ticks)
        fixed (Index* x = indices)
        fixed (OrderBookNative* b = books)
        fixed (CaptureSinkNative* sk = sinks)
        {
          var handles = new GCHandle[n];
          try
          {
            for (int k = 0; k < n; k++)
            {
              handles[k] = GCHandle.Alloc(stamps[k], GCHandleType.Pinned);
              sk[k].Timestamps = (ulong*)handles[k].AddrOfPinnedObject();
              sk[k].Capacity = sk[k].Count;
              sk[k].Count = UIntPtr.Zero;
              switch ((MessageType)sk[k].MessageType)
              {
                case MessageType.Trade: sk[k].Bodies = t; break;
                case MessageType.Order: sk[k].Bodies = o; break;
                case MessageType.Tick: sk[k].Bodies = s; break;
                case MessageType.Index: sk[k].Bodies = x; break;
                default: sk[k].Bodies = b; break;
              }
              // An empty array pins as NULL: give the library no sink memory at all.
              if (sk[k].Capacity == UIntPtr.Zero)
                sk[k].Bodies = sk[k].Timestamps = null;
            }
            status = Native.CaptureDecode(p, (UIntPtr)capture.Length, sk, (UIntPtr)n, out info, out e);
          }
          finally
          {
            foreach (GCHandle h in handles)
              if (h.IsAllocated)
                h.Free();
          }
        }
        if (status != Status.Ok)
          throw Errors.Error(status, Errors.FromNative(ref e));
        for (int k = 0; k < n; k++)
        {
          switch (types[k])
          {
            case MessageType.Trade: result.Trades = trades; result.TradeTimestamps = stamps[k]; break;
            case MessageType.Order: result.Orders = orders; result.OrderTimestamps = stamps[k]; break;
            case MessageType.Tick: result.Ticks = ticks; result.TickTimestamps = stamps[k]; break;
            case MessageType.Index: result.Indices = indices; result.IndexTimestamps = stamps[k]; break;
            default:
              var decoded = new OrderBook[books.Length];
              for (int i = 0; i < books.Length; i++)
                decoded[i] = OrderBook.FromNative(ref books[i]);
              result.OrderBooks = decoded;
              result.OrderBookTimestamps = stamps[k];
              break;
          }
        }
        result.Messages = (long)info.Messages;
        result.Bodies = (long)info.Bodies;
      }
      return result;
    }

    static long Count(CaptureSinkNative[] sinks, MessageType type)
    {
      foreach (CaptureSinkNative s in sinks)
        if (s.MessageType == (byte)type)
          return (long)s.Count;
      return 0;
    }

    /// <summary>
    /// Trades with one timestamp each -> messages (a new one when the
    /// timestamp changes or after 255 bodies), everything validated before
    /// anything is written (mitch_capture_encode).
    /// </summary>
    public static byte[] Encode(ReadOnlySpan<Trade> bodies, ReadOnlySpan<ulong> timestamps)
    {
      fixed (Trade* p = &MemoryMarshal.GetReference(bodies))
        return Encode(MessageType.Trade, p, bodies.Length, timestamps);
    }

    /// <summary>Orders with one timestamp each -> messages.</summary>
    public static byte[] Encode(ReadOnlySpan<Order> bodies, ReadOnlySpan<ulong> timestamps)
    {
      fixed (Order* p = &MemoryMarshal.GetReference(bodies))
        return Encode(MessageType.Order, p, bodies.Length, timestamps);
    }

    /// <summary>Ticks with one timestamp each -> messages.</summary>
    public static byte[] Encode(ReadOnlySpan<Tick> bodies, ReadOnlySpan<ulong> timestamps)
    {
      fixed (Tick* p = &MemoryMarshal.GetReference(bodies))
        return Encode(MessageType.Tick, p, bodies.Length, timestamps);
    }

    /// <summary>Indices with one timestamp each -> messages.</summary>
    public static byte[] Encode(ReadOnlySpan<Index> bodies, ReadOnlySpan<ulong> timestamps)
    {
      fixed (Index* p = &MemoryMarshal.GetReference(bodies))
        return Encode(MessageType.Index, p, bodies.Length, timestamps);
    }

    static byte[] Encode(MessageType type, void* bodies, int n, ReadOnlySpan<ulong> timestamps)
    {
      Loader.Ensure();
      Errors.RequireApi11("Capture.Encode");
      if (timestamps.Length != n)
        throw new ArgumentException(timestamps.Length + " timestamps for " + n + " bodies", "timestamps");
      byte dummy;
      ulong none;
      fixed (ulong* ts0 = &MemoryMarshal.GetReference(timestamps))
      {
        ulong* ts = ts0 != null ? ts0 : &none;
        void* v = bodies != null ? bodies : &dummy;
        UIntPtr size;
        ErrorNative e;
        Errors.Check(Native.CaptureEncode((byte)type, v, ts, (UIntPtr)n, null, UIntPtr.Zero, out size, out e));
        var output = new byte[(long)size];
        int status;
        fixed (byte* o0 = output)
        {
          byte* o = o0 != null ? o0 : &dummy;
          status = Native.CaptureEncode((byte)type, v, ts, (UIntPtr)n, o, (UIntPtr)output.Length, out size, out e);
        }
        if (status != Status.Ok)
          throw Errors.Error(status, Errors.FromNative(ref e));
        return output;
      }
    }
  }
}
