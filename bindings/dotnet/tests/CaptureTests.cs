// CaptureTests.cs - messages and captures: iteration in place, damage, bulk calls.
using System;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace Mitch.Tests
{
  [TestFixture]
  public class CaptureTests
  {
    static Trade[] Trades(int n) { return Enumerable.Range(0, n).Select(BodiesTests.SampleTrade).ToArray(); }

    /// <summary>Trades, ticks, an order book, orders, an index.</summary>
    internal static byte[] Mixed()
    {
      var s = new MemoryStream();
      Action<byte[]> add = b => s.Write(b, 0, b.Length);
      add(Message.Encode(100, Trades(3)));
      add(Message.Encode(200, new[] { BodiesTests.SampleTick, BodiesTests.SampleTick }));
      add(Message.Encode(300, new[] { BodiesTests.SampleBook }));
      add(Message.Encode(400, new[] { BodiesTests.SampleOrder, BodiesTests.SampleOrder }));
      add(Message.Encode(500, new[] { BodiesTests.SampleIndex }));
      return s.ToArray();
    }

    [Test]
    public void IterationDeliversEveryMessageInPlace()
    {
      byte[] capture = Mixed();
      Message[] messages = Capture.Messages(capture).ToArray();
      CollectionAssert.AreEqual(new[] { MessageType.Trade, MessageType.Tick, MessageType.OrderBook, MessageType.Order, MessageType.Index },
                                messages.Select(m => m.Header.MessageType).ToArray());
      CollectionAssert.AreEqual(Trades(3).Cast<IBody>().ToArray(), messages[0].Bodies());
      Assert.AreEqual(100UL, messages[0].Header.Timestamp);
      Assert.AreEqual(8 + 3 * 32, messages[1].Offset);
      Assert.AreSame(capture, messages[1].Wire.Array, "a view of the caller's array, not a copy");
      Assert.AreEqual(BodiesTests.SampleBook, messages[2].Bodies()[0]);
      Assert.AreEqual(capture.Length, messages.Sum(m => m.Size));
      StreamInfo info = Capture.Validate(capture);
      Assert.AreEqual(5, info.Messages);
      Assert.AreEqual(9, info.Bodies);
      Assert.AreEqual(0, Capture.Messages(new byte[0]).Count());
      Assert.AreEqual(0, Capture.Validate(ReadOnlySpan<byte>.Empty).Messages);
    }

    [Test]
    public void DamageEndsIterationAfterTheGoodMessages()
    {
      byte[] capture = Mixed();
      int second = 8 + 3 * 32;
      capture[second] = (byte)'T';
      var seen = 0;
      var e = Assert.Throws<InvalidMessageTypeException>(() => { foreach (Message m in Capture.Messages(capture)) seen++; });
      Assert.AreEqual(1, seen);
      Assert.AreEqual(second, e.Offset);
      Assert.AreEqual(1, e.Index);
      byte[] body = Mixed();
      body[8 + 32 + 24] = 7;
      var field = Assert.Throws<InvalidFieldValueException>(() => Capture.Messages(body).ToArray());
      Assert.AreEqual(8 + 32 + 24, field.Offset, "the side's byte");
      Assert.AreEqual("side", field.Field);
      byte[] cut = Mixed().Take(8 + 96 + 5).ToArray();
      Assert.Throws<BufferTooSmallException>(() => Capture.Messages(cut).ToArray());
      Assert.Throws<BufferTooSmallException>(() => Capture.Validate(cut));
      Assert.Throws<InvalidMessageTypeException>(() => Capture.Validate(Mixed(), MessageType.Trade));
    }

    [Test]
    public void MessagesHoldOneToTwoHundredFiftyFiveBodies()
    {
      Assert.AreEqual(8 + 255 * 32, Message.Encode(0, Trades(255)).Length);
      Assert.Throws<InvalidFieldValueException>(() => Message.Encode(0, Trades(256)));
      Assert.Throws<InvalidFieldValueException>(() => Message.Encode(0, new Trade[0]));
      Trade[] bad = Trades(3);
      bad[2] = new Trade(1, -1, 1, 1, Side.Buy);
      Assert.Throws<InvalidFieldValueException>(() => Message.Encode(0, bad));
      Assert.Throws<InvalidFieldValueException>(() => Message.Encode(1UL << 48, Trades(1)));
    }

    [Test]
    public void CaptureDecodeGivesArraysWithTimestamps()
    {
      byte[] capture = Mixed();
      CaptureColumns all = Capture.Decode(capture);
      Assert.AreEqual(5, all.Messages);
      Assert.AreEqual(9, all.Bodies);
      CollectionAssert.AreEqual(Trades(3), all.Trades);
      CollectionAssert.AreEqual(new ulong[] { 100, 100, 100 }, all.TradeTimestamps);
      CollectionAssert.AreEqual(new[] { BodiesTests.SampleTick, BodiesTests.SampleTick }, all.Ticks);
      Assert.AreEqual(BodiesTests.SampleBook, all.OrderBooks[0]);
      CollectionAssert.AreEqual(new ulong[] { 500 }, all.IndexTimestamps);
      CaptureColumns ticks = Capture.Decode(capture, MessageType.Tick);
      Assert.IsNull(ticks.Trades);
      Assert.AreEqual(2, ticks.Ticks.Length);
      byte[] damaged = Mixed();
      int bid = 8 + 3 * 32 + 8 + 32 + 8;
      for (int k = 0; k < 8; k++)
        damaged[bid + k] = 0;
      var e = Assert.Throws<InvalidFieldValueException>(() => Capture.Decode(damaged));
      Assert.AreEqual(bid, e.Offset);
      Assert.AreEqual("bid_price", e.Field);
      Assert.IsFalse(string.IsNullOrEmpty(e.Rule));
    }

    [Test]
    public void CaptureEncodeStartsAMessageWhenTheTimestampChanges()
    {
      Trade[] trades = Trades(300);
      ulong[] stamps = Enumerable.Range(0, 300).Select(i => i < 10 ? 5UL : 6UL).ToArray();
      byte[] wire = Capture.Encode(trades, stamps);
      CollectionAssert.AreEqual(new byte[] { 10, 255, 35 }, Capture.Messages(wire).Select(m => m.Header.Count).ToArray());
      CaptureColumns back = Capture.Decode(wire, MessageType.Trade);
      CollectionAssert.AreEqual(trades, back.Trades);
      CollectionAssert.AreEqual(stamps, back.TradeTimestamps);
      trades[123] = new Trade(1, double.NaN, 1, 1, Side.Buy);
      var e = Assert.Throws<InvalidFieldValueException>(() => Capture.Encode(trades, stamps));
      Assert.AreEqual("price", e.Field);
      Assert.AreEqual(123, e.Index);
    }
  }
}
