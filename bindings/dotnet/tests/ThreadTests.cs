// ThreadTests.cs - many threads through every kind of call, each checking
// its results against answers computed on one thread first.
using System;
using System.Linq;
using System.Threading;
using NUnit.Framework;

namespace Mitch.Tests
{
  [TestFixture]
  public class ThreadTests
  {
    [Test]
    public void EightThreadsAgreeWithOne()
    {
      byte[] capture = CaptureTests.Mixed();
      Trade[] trades = Enumerable.Range(0, 2000).Select(BodiesTests.SampleTrade).ToArray();
      byte[] bodies = Trade.EncodeAll(trades);
      Ticker ticker = Registry.Resolve("BTC-USDT");
      Asset eth = Registry.FindAsset("Etherium");
      var failures = new Exception[8];
      var checks = new int[8];
      var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
      {
        try
        {
          for (int round = 0; round < 200; round++)
          {
            Trade one = trades[(t * 37 + round) % trades.Length];
            if (!Trade.Decode(one.Encode()).Equals(one))
              throw new Exception("trade round trip");
            if (round % 20 == 0)
            {
              if (!Trade.DecodeAll(bodies).SequenceEqual(trades))
                throw new Exception("batch");
              if (Capture.Messages(capture).Count() != 5)
                throw new Exception("capture");
              if (Registry.Resolve("BTC-USDT").Id != ticker.Id || !Registry.FindAsset("Etherium").Equals(eth))
                throw new Exception("registry");
            }
            try
            {
              new Trade(1, -1, 1, 1, Side.Buy).Encode();
            }
            catch (InvalidFieldValueException)
            {
              checks[t]++;
            }
          }
        }
        catch (Exception e)
        {
          failures[t] = e;
        }
      })).ToArray();
      foreach (Thread th in threads) th.Start();
      foreach (Thread th in threads) Assert.IsTrue(th.Join(120000));
      foreach (Exception e in failures) Assert.IsNull(e, e == null ? "" : e.ToString());
      CollectionAssert.AreEqual(Enumerable.Repeat(200, 8).ToArray(), checks);
    }
  }
}
