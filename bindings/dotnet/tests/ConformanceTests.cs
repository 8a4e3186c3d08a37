// ConformanceTests.cs - every vector row through the public API (the runner's code).
using System.IO;
using System.Linq;
using Mitch.Conformance;
using NUnit.Framework;

namespace Mitch.Tests
{
  [TestFixture]
  public class ConformanceTests
  {
    static int DataRows(string vectors)
    {
      return new[] { "messages", "resolution" }
        .SelectMany(d => Directory.GetFiles(Path.Combine(vectors, d), "*.tsv"))
        .Sum(f => File.ReadAllLines(f).Skip(1).Count(l => l.Length > 0));
    }

    [Test]
    public void EveryRowPasses()
    {
      var log = new StringWriter();
      Runner r = Runner.Run(TestEnv.Vectors, log);
      Assert.AreEqual(0, r.Failed, log.ToString());
      Assert.AreEqual(DataRows(TestEnv.Vectors), r.Passed);
    }

    [Test]
    public void AChangedVectorFails()
    {
      string dir = Path.Combine(Path.GetTempPath(), "mitch-vectors-" + System.Guid.NewGuid().ToString("N"));
      try
      {
        foreach (string sub in new[] { "messages", "resolution" })
        {
          Directory.CreateDirectory(Path.Combine(dir, sub));
          foreach (string f in Directory.GetFiles(Path.Combine(TestEnv.Vectors, sub)))
            File.Copy(f, Path.Combine(dir, sub, Path.GetFileName(f)));
        }
        string trades = Path.Combine(dir, "messages", "trade.tsv");
        string[] lines = File.ReadAllLines(trades);
        char last = lines[1][lines[1].Length - 1];
        lines[1] = lines[1].Substring(0, lines[1].Length - 1) + (last == '0' ? '1' : '0');
        File.WriteAllLines(trades, lines);
        Runner r = Runner.Run(dir, new StringWriter());
        Assert.AreEqual(1, r.Failed);
        Assert.AreEqual(DataRows(TestEnv.Vectors) - 1, r.Passed);
      }
      finally
      {
        Directory.Delete(dir, true);
      }
    }

    [Test]
    public void HexFloatsAreExact()
    {
      Assert.AreEqual(1.0875, HexFloat.Parse("0x1.1666666666666p+0"));
      Assert.AreEqual(double.Epsilon, HexFloat.Parse("0x0.0000000000001p-1022"));
      Assert.AreEqual(double.MaxValue, HexFloat.Parse("0x1.fffffffffffffp+1023"));
      Assert.AreEqual(long.MinValue, System.BitConverter.DoubleToInt64Bits(HexFloat.Parse("-0x0.0p+0")));
      Assert.AreEqual(-1.5, HexFloat.Parse("-0x1.8p+0"));
      Assert.AreEqual(0.1, HexFloat.Parse("0x1.999999999999ap-4"));
      Assert.IsNaN(HexFloat.Parse("nan"));
      Assert.AreEqual(double.NegativeInfinity, HexFloat.Parse("-inf"));
      Assert.Throws<System.FormatException>(() => HexFloat.Parse("0x1.0000000000000008p+0")); // 57 bits
      Assert.Throws<System.FormatException>(() => HexFloat.Parse("0x1p+1024"));
      Assert.Throws<System.FormatException>(() => HexFloat.Parse("1.5"));
    }
  }
}
