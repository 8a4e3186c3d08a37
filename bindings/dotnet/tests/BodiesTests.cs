// BodiesTests.cs - single bodies, spans, batches, raw codes, unsigned ids.
using System;
using System.Linq;
using NUnit.Framework;

namespace Mitch.Tests
{
  [TestFixture]
  public class BodiesTests
  {
    internal const ulong Eurusd = 0x0305153138900000UL;
    internal const ulong High = 0xA736CD3D9A9E202EUL; // top bit set

    internal static Bin[] Side(uint seed)
    {
      return Enumerable.Range(0, 128).Select(i => new Bin(seed + (uint)i, uint.MaxValue - (uint)i)).ToArray();
    }

    internal static Trade SampleTrade(int i)
    {
      return new Trade(i % 2 == 0 ? Eurusd : High, 1.0 + i / 1024.0, (uint)i + 1, uint.MaxValue - (uint)i,
                       i % 3 == 0 ? Mitch.Side.Sell : Mitch.Side.Buy);
    }

    internal static readonly Order SampleOrder = new Order(High, 7, 1.5, 100, OrderType.Limit, Mitch.Side.Buy, 0xFFFFFFFFFFFFUL);
    internal static readonly Tick SampleTick = new Tick(Eurusd, 1.0850, 1.0852, 0, uint.MaxValue);
    internal static readonly Index SampleIndex = new Index(High, 100.25, 1, 2, -3, int.MinValue, int.MaxValue, 6, 7,
                                                           10000, 0, -10000, 10000, 100, 255, 255);
    internal static readonly OrderBook SampleBook = new OrderBook(Eurusd, 1.08, BinAggregator.Trilinear, Side(0), Side(1000));

    [Test]
    public void EveryBodyRoundTrips()
    {
      IBody[] bodies = { SampleTrade(0), SampleOrder, SampleTick, SampleIndex, SampleBook };
      foreach (IBody body in bodies)
      {
        byte[] wire = body.Encode();
        var span = new byte[wire.Length + 3];
        Assert.AreEqual(wire.Length, body.Encode(new Span<byte>(span, 3, wire.Length + 0)));
        CollectionAssert.AreEqual(wire, span.Skip(3).ToArray());
        object back;
        switch (body.MessageType)
        {
          case MessageType.Trade: back = Trade.Decode(wire); break;
          case MessageType.Order: back = Order.Decode(wire); break;
          case MessageType.Tick: back = Tick.Decode(wire); break;
          case MessageType.Index: back = Index.Decode(wire); break;
          default: back = OrderBook.Decode(wire); break;
        }
        Assert.AreEqual(body, back, body.ToString());
      }
    }

    [Test]
    public void TheTradeBytesAreTheProtocols()
    {
      byte[] wire = new Trade(Eurusd, 1.0875, 1000, 1, Mitch.Side.Buy).Encode();
      string hex = string.Concat(wire.Select(b => b.ToString("x2")));
      Assert.AreEqual("0000903831150503" + "666666666666f13f" + "e8030000" + "01000000" + "00" + "00000000000000", hex);
    }

    [Test]
    public void UnsignedIdsAndTimestampsSurvive()
    {
      Trade back = Trade.Decode(new Trade(High, 2.0, 1, 1, Mitch.Side.Buy).Encode());
      Assert.AreEqual(High, back.TickerId);
      Assert.AreEqual("12049043517547094062", back.TickerId.ToString());
      var h = new Header(MessageType.OrderBook, 0xFFFFFFFFFFFFUL, 255);
      Assert.AreEqual(h, Header.Decode(h.Encode()));
      Assert.AreEqual(8 + 255L * 2072, h.MessageSize);
    }

    [Test]
    public void CodesTheProtocolDoesNotDefineAreStatus6Or2()
    {
      Assert.AreEqual(6, Assert.Throws<InvalidFieldValueException>(() => new Trade(1, 1, 1, 1, (Side)2).Encode()).Status);
      Assert.Throws<InvalidFieldValueException>(() => new Order(1, 1, 1, 1, (OrderType)4, Mitch.Side.Buy, 0).Encode());
      Assert.Throws<InvalidFieldValueException>(() => new OrderBook(1, 1, (BinAggregator)4, Side(0), Side(0)).Encode());
      Assert.AreEqual(2, Assert.Throws<InvalidMessageTypeException>(() => new Header((MessageType)'T', 0, 1).Encode()).Status);
      Assert.Throws<InvalidMessageTypeException>(() => Channel.Create(1, (MessageType)'x'));
    }

    [Test]
    public void TheProtocolsRulesAreTheLibrarys()
    {
      Assert.Throws<InvalidFieldValueException>(() => new Trade(Eurusd, double.NaN, 1, 1, Mitch.Side.Buy).Encode());
      Assert.Throws<InvalidFieldValueException>(() => new Trade(0, 1, 1, 1, Mitch.Side.Buy).Validate());
      Assert.Throws<InvalidFieldValueException>(() => new Tick(Eurusd, 2, 1, 0, 0).Encode());
      Assert.Throws<InvalidFieldValueException>(() => new Header(MessageType.Trade, 1UL << 48, 1).Encode());
      Assert.Throws<InvalidFieldValueException>(() => new Header(MessageType.Trade, 0, 0).Encode());
      Assert.Throws<InvalidFieldValueException>(() => new OrderBook(1, 1, BinAggregator.Lingaussian, new Bin[3], Side(0)));
    }

    [Test]
    public void ShortAndEmptyBuffersAreStatus3()
    {
      var t = SampleTrade(1);
      var small = new byte[31];
      Assert.AreEqual(3, Assert.Throws<BufferTooSmallException>(() => t.Encode(small)).Status);
      Assert.IsTrue(small.All(b => b == 0), "nothing written");
      Assert.Throws<BufferTooSmallException>(() => t.Encode(Span<byte>.Empty));
      Assert.Throws<BufferTooSmallException>(() => Trade.Decode(new byte[31]));
      Assert.Throws<BufferTooSmallException>(() => Trade.Decode(ReadOnlySpan<byte>.Empty));
      Assert.Throws<BufferTooSmallException>(() => Header.Decode(new byte[7]));
      Assert.Throws<BufferTooSmallException>(() => Trade.DecodeAll(new byte[33]));
    }

    [Test]
    public void BatchesAreOneCallAndNameTheBadBody()
    {
      Trade[] trades = Enumerable.Range(0, 1000).Select(SampleTrade).ToArray();
      byte[] wire = Trade.EncodeAll(trades);
      Assert.AreEqual(32000, wire.Length);
      for (int i = 0; i < 1000; i += 111)
        CollectionAssert.AreEqual(trades[i].Encode(), wire.Skip(32 * i).Take(32).ToArray());
      CollectionAssert.AreEqual(trades, Trade.DecodeAll(wire));
      var into = new Trade[10];
      Assert.AreEqual(10, Trade.DecodeBatch(new ReadOnlySpan<byte>(wire, 320, 320), into));
      CollectionAssert.AreEqual(trades.Skip(10).Take(10).ToArray(), into);
      wire[517 * 32 + 24] = 9;
      var e = Assert.Throws<InvalidFieldValueException>(() => Trade.DecodeAll(wire));
      Assert.AreEqual(517, e.Index);
      Assert.AreEqual(517 * 32 + 24, e.Offset, "the side's byte");
      Assert.AreEqual("side", e.Field);
      Assert.AreEqual(0, Trade.DecodeAll(new byte[0]).Length);
      trades[250] = new Trade(1, -1, 1, 1, Mitch.Side.Buy);
      Assert.AreEqual(250, Assert.Throws<InvalidFieldValueException>(() => Trade.EncodeAll(trades)).Index);
      // Every type's batch.
      CollectionAssert.AreEqual(new[] { SampleOrder, SampleOrder }, Order.DecodeAll(Order.EncodeAll(new[] { SampleOrder, SampleOrder })));
      CollectionAssert.AreEqual(new[] { SampleTick }, Tick.DecodeAll(Tick.EncodeAll(new[] { SampleTick })));
      CollectionAssert.AreEqual(new[] { SampleIndex }, Index.DecodeAll(Index.EncodeAll(new[] { SampleIndex })));
      CollectionAssert.AreEqual(new[] { SampleBook, SampleBook }, OrderBook.DecodeAll(SampleBook.Encode().Concat(SampleBook.Encode()).ToArray()));
    }

    [Test]
    public void DerivedValuesComeFromTheLibrary()
    {
      TickMetrics m = new Tick(Eurusd, 1.0, 3.0, 1, 3).Metrics();
      Assert.AreEqual(2.0, m.Mid);
      Assert.AreEqual(10000.0, m.SpreadBps);
      Assert.AreEqual(0.5, m.Imbalance);
      Assert.AreEqual(8589934590UL, new Tick(Eurusd, 1, 1, uint.MaxValue, uint.MaxValue).Metrics().TotalVolume);
      IndexMetrics im = new Index(1, 100.0, 0, 0, 0, 10000000, 0, 0, 0, 5000, 0, -10000, 0, 96, 0, 1).Metrics();
      Assert.AreEqual(101.0, im.BestBidPrice, 1e-12);
      Assert.AreEqual("very high", im.ConfidenceBand);
      BookTotals totals = SampleBook.Totals();
      Assert.AreEqual(SampleBook.Asks.Sum(b => (long)b.Count), (long)totals.AskCount);
      double[] ends = Derived.BinTable(BinAggregator.Lingaussian);
      Assert.AreEqual(128, ends.Length);
      for (int i = 1; i < 128; i++)
        Assert.IsTrue(ends[i] >= ends[i - 1]);
      Assert.AreEqual("DEFAULT_TRILINEAR", Derived.BinAggregatorName(BinAggregator.Trilinear));
      Assert.AreEqual(0u, Derived.BinForPrice(100, BinAggregator.Lingaussian, BookSide.Bid, 100));
      Assert.Throws<InvalidFieldValueException>(() => Derived.BinForPrice(100, BinAggregator.Lingaussian, BookSide.Ask, 99));
      double start, end;
      Derived.BinPriceRange(100, BinAggregator.Lingaussian, BookSide.Ask, 0, out start, out end);
      Assert.AreEqual(100.0, start);
      Assert.IsNull(Derived.ConfidenceBand(101));
    }

    [Test]
    public void IdsAndChannels()
    {
      TickerFields f = TickerId.Decode(Eurusd);
      Assert.AreEqual(new TickerFields(0, 3, 1301, 3, 5001, 0), f);
      Assert.AreEqual(Eurusd, f.Encode());
      Assert.IsTrue(TickerId.IsForex(Eurusd) && TickerId.IsSpot(Eurusd) && !TickerId.IsCrypto(Eurusd));
      Assert.Throws<InvalidTickerIdException>(() => TickerId.Validate(0xF000000000000000UL));
      Assert.Throws<InvalidFieldValueException>(() => new TickerFields(16, 0, 0, 0, 0, 0).Encode());
      Channel c = Channel.Create(101, MessageType.Tick);
      Assert.AreEqual((101u << 16) | ((uint)'s' << 8), c.Id);
      Assert.AreEqual(101, c.ProviderId);
      Assert.AreEqual(MessageType.Tick, c.MessageType);
      Assert.AreEqual(c, Channel.Unpack(c.Pack()));
      Assert.AreEqual("6648576", c.Topic);
      Assert.Throws<InvalidChannelIdException>(() => new Channel(0x00657301u));
      Assert.Throws<BufferTooSmallException>(() => Channel.Unpack(new byte[3]));
    }

    [Test]
    public void ExceptionsCarryTheirStatus()
    {
      Assert.IsInstanceOf<NotFoundException>(MitchException.ForStatus(9, "x", null));
      MitchException unknown = MitchException.ForStatus(42, "x", null);
      Assert.AreEqual(42, unknown.Status);
      Assert.IsNull(unknown.Field);
      Assert.AreEqual(-1, unknown.Offset);
      Assert.IsTrue(Status.Text(3).Length > 0);
      StringAssert.StartsWith("1.", Library.Version);
      StringAssert.Contains("libmitch", Library.Path);
    }
  }
}
