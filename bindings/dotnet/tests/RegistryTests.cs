// RegistryTests.cs - the registry, and hostile text.
using System;
using System.Linq;
using NUnit.Framework;

namespace Mitch.Tests
{
  [TestFixture]
  public class RegistryTests
  {
    [Test]
    public void SymbolsResolveToTheRegistrysAssets()
    {
      Ticker t = Registry.Resolve("EURUSD.m");
      Assert.AreEqual(BodiesTests.Eurusd, t.Id);
      Assert.AreEqual("Euro", t.Base.Name);
      Assert.AreEqual("US Dollar", t.Quote.Name);
      StringAssert.Contains(".m", t.Steps);
      Assert.AreEqual(InstrumentType.PerpetualSwap, Registry.Resolve("BTC-USDT", InstrumentType.PerpetualSwap).InstrumentType);
      Assert.Throws<NotFoundException>(() => Registry.Resolve("USD"));
    }

    [Test]
    public void AssetsProvidersAndClasses()
    {
      Asset btc = Registry.FindAsset("BTC");
      Assert.AreEqual("Bitcoin", btc.Name);
      Assert.AreEqual(btc, Registry.GetAsset(AssetClass.Crypto, btc.ClassId));
      Assert.AreEqual(btc, Registry.GetAsset(btc.Id));
      double confidence;
      Assert.AreEqual("Ethereum", Registry.FindAsset("Etherium", null, 0.8, out confidence).Name);
      Assert.IsTrue(confidence >= 0.8 && confidence < 1.0);
      Assert.IsTrue(Registry.Assets(AssetClass.Forex).Any(a => a.Name == "Polish Złoty"), "UTF-8 names arrive intact");
      Assert.AreEqual(101, Registry.FindProvider("binance").Id);
      Assert.IsTrue(Registry.Providers().Contains(Registry.GetProvider(101)));
      Assert.Throws<NotFoundException>(() => Registry.GetProvider(65535));
      foreach (AssetClass c in Enum.GetValues(typeof(AssetClass)))
        Assert.IsFalse(Registry.AssetClassInfo((byte)c).Reserved, c.ToString());
      foreach (InstrumentType t in Enum.GetValues(typeof(InstrumentType)))
        Assert.IsFalse(Registry.InstrumentTypeInfo((byte)t).Reserved, t.ToString());
      Assert.IsTrue(Registry.AssetClassInfo(14).Reserved && Registry.AssetClassInfo(15).Reserved);
      Assert.IsTrue(Registry.InstrumentTypeInfo(14).Reserved);
      Assert.AreEqual("apple", Registry.NameKey("Apple Inc."));
      Assert.AreEqual(1.0, Registry.JaroWinkler("bitcoin", "bitcoin"));
    }

    [Test]
    public void TextCIsNotGivenUnchangedIsRefused()
    {
      Assert.AreEqual(1, Assert.Throws<InvalidDataException>(() => Registry.Resolve("EUR\0USD")).Status);
      Assert.Throws<InvalidDataException>(() => Registry.Resolve("EUR\uD800USD"));
      Assert.Throws<InvalidDataException>(() => Registry.Resolve(""));
      Assert.Throws<ArgumentNullException>(() => Registry.Resolve(null));
      string huge = new string('A', 1 << 20);
      var e = Assert.Throws<InvalidDataException>(() => Registry.Resolve(huge));
      Assert.Less(e.Message.Length, 400, "the message cuts the input");
      Assert.Throws<InvalidDataException>(() => Registry.NameKey(huge));
      Assert.Throws<InvalidDataException>(() => Registry.JaroWinkler(huge, "a"));
      double confidence;
      Assert.Throws<NotFoundException>(() => Registry.FindAsset(new string('x', 255), null, 0.99, out confidence));
      Assert.Throws<InvalidDataException>(() => Registry.FindAsset(new string('x', 256), null, 0.99, out confidence));
      Assert.Throws<InvalidFieldValueException>(() => Registry.FindAsset("BTC", null, double.NaN, out confidence));
    }

    [Test]
    public void RandomBytesNeverCrashTheDecoders()
    {
      var random = new Random(42);
      int refused = 0;
      for (int round = 0; round < 2000; round++)
      {
        var junk = new byte[random.Next(200)];
        random.NextBytes(junk);
        try { Trade.Decode(junk); } catch (MitchException) { refused++; }
        try { OrderBook.Decode(junk); } catch (MitchException) { refused++; }
        try { foreach (Message m in Capture.Messages(junk)) m.Bodies(); } catch (MitchException) { refused++; }
      }
      Assert.Greater(refused, 2000);
    }
  }
}
