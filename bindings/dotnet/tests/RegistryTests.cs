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

    /// <summary>Whether UTF-8 can hold the text unchanged (no lone surrogate).</summary>
    static bool IsValidUnicode(string text)
    {
      try { new System.Text.UTF8Encoding(false, true).GetByteCount(text); return true; }
      catch (System.Text.EncoderFallbackException) { return false; }
    }

    [Test]
    public void MessagesEchoHostileTextAsEscapesNeverRaw()
    {
      // What was refused is quoted with \uXXXX escapes: the message itself
      // holds no lone surrogate (a strict UTF-8 log writer would throw) and
      // no control character (NUL, a newline or an ANSI escape from input).
      var lone = Assert.Throws<InvalidDataException>(() => Registry.Resolve("EUR\uD800USD"));
      StringAssert.Contains("symbol \"EUR\\uD800USD\" must be valid Unicode", lone.Message);
      Assert.IsTrue(IsValidUnicode(lone.Message), lone.Message);
      var nul = Assert.Throws<InvalidDataException>(() => Registry.NameKey("EUR\0USD"));
      StringAssert.Contains("name \"EUR\\u0000USD\" must not contain U+0000", nul.Message);
      Assert.AreEqual(-1, nul.Message.IndexOf('\0'));
      var line = Assert.Throws<InvalidDataException>(() => Registry.JaroWinkler("x", "\u001b[2J\nFAKE\0"));
      StringAssert.Contains("b \"\\u001B[2J\\u000AFAKE\\u0000\"", line.Message);
      Assert.IsFalse(line.Message.Any(char.IsControl), line.Message);
      // A valid text cut at the echo limit keeps its surrogate pairs whole.
      string faces = "a" + string.Concat(Enumerable.Repeat("\U0001F600", 60));
      var cut = Assert.Throws<NotFoundException>(() => Registry.FindAsset(faces));
      Assert.IsTrue(IsValidUnicode(cut.Message), "the cut split a surrogate pair");
      StringAssert.Contains("query \"a" + string.Concat(Enumerable.Repeat("\U0001F600", 40)) + "...\"", cut.Message);
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
