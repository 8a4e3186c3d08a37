// ConformanceTests.cs - every vector row through the public API (the runner's
// code), and the runner on damaged copies of the vectors: a missing, empty or
// unreadable file is one failure line, the other files still run, and the
// closing line and exit code say so.
using System;
using System.IO;
using System.Linq;
using System.Text;
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
        .Sum(f => Rows(f));
    }

    /// <summary>The data rows of one vector file, counted without the runner.</summary>
    static int Rows(string file)
    {
      return File.ReadAllLines(file).Skip(1).Count(l => l.Length > 0);
    }

    /// <summary>The rows of TestEnv.Vectors minus those of the named files (e.g. "messages/tick.tsv").</summary>
    static int RowsWithout(params string[] names)
    {
      return DataRows(TestEnv.Vectors) - names.Sum(n => Rows(Path.Combine(TestEnv.Vectors, n)));
    }

    /// <summary>A copy of the vectors in a temporary directory, deleted by Dispose.</summary>
    sealed class Copy : IDisposable
    {
      internal readonly string Dir = Path.Combine(Path.GetTempPath(), "mitch-vectors-" + Guid.NewGuid().ToString("N"));

      internal Copy()
      {
        foreach (string sub in new[] { "messages", "resolution" })
        {
          Directory.CreateDirectory(Path.Combine(Dir, sub));
          foreach (string f in Directory.GetFiles(Path.Combine(TestEnv.Vectors, sub)))
            File.Copy(f, Path.Combine(Dir, sub, Path.GetFileName(f)));
        }
      }

      /// <summary>The path of name ("messages/tick.tsv") in the copy.</summary>
      internal string this[string name] { get { return Path.Combine(Dir, name); } }

      public void Dispose()
      {
        Directory.Delete(Dir, true);
      }
    }

    /// <summary>The runner's Main on dir: its exit code and its output lines
    /// (stderr and stdout in the order written).</summary>
    static int RunMain(string dir, out string[] lines)
    {
      TextWriter stdout = Console.Out, stderr = Console.Error;
      var output = new StringWriter();
      int status;
      try
      {
        Console.SetOut(output);
        Console.SetError(output);
        status = Runner.Main(new[] { dir });
      }
      finally
      {
        Console.SetOut(stdout);
        Console.SetError(stderr);
      }
      lines = output.ToString().Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries);
      return status;
    }

    /// <summary>Main on dir prints one line starting with each of failures (in
    /// order, none longer than about 200 characters of input), then
    /// "passed passed, N failed", and exits 1 (0 when failures is empty).</summary>
    static void AssertRun(string dir, int passed, params string[] failures)
    {
      string[] lines;
      int status = RunMain(dir, out lines);
      string shown = string.Join("\n", lines.Select(l => l.Length > 300 ? l.Substring(0, 300) + "..." : l));
      Assert.AreEqual(failures.Length + 1, lines.Length, shown);
      for (int i = 0; i < failures.Length; i++)
        StringAssert.StartsWith(failures[i], lines[i], shown);
      Assert.IsTrue(lines.All(l => l.Length <= 300), "a line over 300 characters:\n" + shown);
      Assert.AreEqual(passed + " passed, " + failures.Length + " failed", lines[lines.Length - 1], shown);
      Assert.AreEqual(failures.Length == 0 ? 0 : 1, status, shown);
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
      using (var v = new Copy())
      {
        string trades = v["messages/trade.tsv"];
        string[] lines = File.ReadAllLines(trades);
        char last = lines[1][lines[1].Length - 1];
        lines[1] = lines[1].Substring(0, lines[1].Length - 1) + (last == '0' ? '1' : '0');
        File.WriteAllLines(trades, lines);
        Runner r = Runner.Run(v.Dir, new StringWriter());
        Assert.AreEqual(1, r.Failed);
        Assert.AreEqual(DataRows(TestEnv.Vectors) - 1, r.Passed);
      }
    }

    [Test]
    public void AMissingFileIsOneFailureAndAMissingDirectoryAUsageError()
    {
      using (var v = new Copy())
      {
        File.Delete(v["messages/trade.tsv"]);
        File.Delete(v["resolution/providers.tsv"]);
        AssertRun(v.Dir, RowsWithout("messages/trade.tsv", "resolution/providers.tsv"),
                  "FAIL messages/trade.tsv: missing", "FAIL resolution/providers.tsv: missing");
        string[] lines;
        Assert.AreEqual(2, RunMain(Path.Combine(v.Dir, "nonexistent"), out lines));
        StringAssert.Contains("is not a directory", string.Join("\n", lines));
      }
    }

    [Test]
    public void AnEmptyOrHeaderOnlyFileIsOneFailure()
    {
      using (var v = new Copy())
      {
        File.WriteAllText(v["messages/tick.tsv"], "");
        File.WriteAllText(v["messages/order.tsv"], File.ReadAllLines(v["messages/order.tsv"])[0] + "\n");
        File.WriteAllText(v["resolution/assets.tsv"], File.ReadAllLines(v["resolution/assets.tsv"])[0] + "\n\n\n");
        AssertRun(v.Dir, RowsWithout("messages/tick.tsv", "messages/order.tsv", "resolution/assets.tsv"),
                  "FAIL messages/order.tsv: no rows", "FAIL messages/tick.tsv: no rows",
                  "FAIL resolution/assets.tsv: no rows");
      }
    }

    /// <summary>bytes inserted at the start of line (from 1) of file.</summary>
    static void Insert(string file, int line, byte[] bytes)
    {
      byte[] old = File.ReadAllBytes(file);
      int at = 0;
      for (int n = 1; n < line; n++)
        at = Array.IndexOf(old, (byte)'\n', at) + 1;
      File.WriteAllBytes(file, old.Take(at).Concat(bytes).Concat(old.Skip(at)).ToArray());
    }

    [Test]
    public void AFileThatIsNotUtf8IsUnreadable()
    {
      using (var v = new Copy())
      {
        // ff fe: never UTF-8, and at the start of a file a UTF-16 byte order
        // mark, which a reader that detects encodings takes it for.
        Insert(v["messages/trade.tsv"], 3, new byte[] { 0xff, 0xfe });
        Insert(v["messages/tick.tsv"], 1, new byte[] { 0xff, 0xfe });
        // a sequence cut short: the first two of the euro sign's three bytes
        Insert(v["resolution/tickers.tsv"], 5, new byte[] { 0xe2, 0x82 });
        AssertRun(v.Dir, RowsWithout("messages/trade.tsv", "messages/tick.tsv", "resolution/tickers.tsv"),
                  "FAIL messages/trade.tsv: unreadable: line 3 is not UTF-8",
                  "FAIL messages/tick.tsv: unreadable: line 1 is not UTF-8",
                  "FAIL resolution/tickers.tsv: unreadable: line 5 is not UTF-8");
      }
    }

    [Test]
    public void ADirectoryInsteadOfAFileIsUnreadable()
    {
      using (var v = new Copy())
      {
        File.Delete(v["messages/index.tsv"]);
        Directory.CreateDirectory(v["messages/index.tsv"]);
        AssertRun(v.Dir, RowsWithout("messages/index.tsv"),
                  "FAIL messages/index.tsv: unreadable: a directory, not a file");
      }
    }

    [Test]
    public void AnIOErrorIsUnreadable()
    {
      // Linux's /proc/self/mem opens, but reading it from offset 0 (never
      // mapped) is EIO: a real read error without a broken disk.
      Assume.That(File.Exists("/proc/self/mem"), "no /proc/self/mem");
      using (var v = new Copy())
      {
        File.Delete(v["messages/header.tsv"]);
        Assume.That(symlink("/proc/self/mem", v["messages/header.tsv"]) == 0, "no symlink");
        AssertRun(v.Dir, RowsWithout("messages/header.tsv"), "FAIL messages/header.tsv: unreadable: IOException: ");
      }
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    static extern int symlink(string target, string link);

    [Test]
    public void ABadRowFailsAloneAndItsLineIsShort()
    {
      using (var v = new Copy())
      {
        // line 3: 3 MB and one cell; line 4: a row whose price cell is 3 MB
        // (a hex-float error quotes the cell).
        string ticks = v["messages/tick.tsv"];
        string[] cells = File.ReadAllLines(ticks)[1].Split('\t');
        cells[1] = "0x" + new string('1', 3 << 20) + "p+0";
        Insert(ticks, 3, Encoding.ASCII.GetBytes(new string('x', 3 << 20) + "\n" + string.Join("\t", cells) + "\n"));
        AssertRun(v.Dir, DataRows(TestEnv.Vectors),
                  "FAIL tick.tsv:3: Exception: 1 cells, the header has " + cells.Length,
                  "FAIL tick.tsv:4: FormatException: more precision than a double holds: 0x1111");
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
