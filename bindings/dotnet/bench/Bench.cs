// Bench.cs - what the C# binding costs over C (make bench-dotnet).
//
//   mono bench.exe [--c-baseline PATH] [--scalar N] [--bulk N]
//
// In one invocation: scalar pack and unpack of a trade (Span<byte>), the
// bulk decode of N trade bodies into a Trade[] in one call, then the C
// baseline program doing the identical work.  Every figure is the median
// of 5 runs, with the min and max (the noise), after a warm-up run.
using System;
using System.Diagnostics;
using System.Globalization;
using Mitch;

static class Bench
{
  const int Runs = 5;
  static long sink;

  static void Measure(string name, long n, Action<long> work)
  {
    work(n); // warm-up: the JIT compiles everything once
    var t = new double[Runs];
    for (int r = 0; r < Runs; r++)
    {
      var watch = Stopwatch.StartNew();
      work(n);
      t[r] = watch.Elapsed.TotalMilliseconds * 1e6 / n;
    }
    Array.Sort(t);
    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "C#    {0,-22} {1,9:F3} ns  (min {2:F3}, max {3:F3})",
                                    name, t[Runs / 2], t[0], t[Runs - 1]));
  }

  static int Main(string[] args)
  {
    string baseline = null;
    long scalar = 5000000;
    int bulk = 1000000;
    for (int i = 0; i < args.Length; i++)
    {
      switch (args[i])
      {
        case "--c-baseline": baseline = args[++i]; break;
        case "--scalar": scalar = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--bulk": bulk = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default: throw new ArgumentException(args[i]);
      }
    }
    var bodies = new byte[bulk * 32];
    for (int i = 0; i < bulk; i++)
      new Trade(0x0305153138900000UL + (ulong)(i & 7), 1.0 + (i % 1000) / 1024.0, (uint)(i % 100000) + 1,
                (uint)i + 1, (i & 1) == 0 ? Side.Buy : Side.Sell).Encode(new Span<byte>(bodies, i * 32, 32));
    var output = new byte[32];
    var into = new Trade[bulk];

    Measure("P/Invoke floor (no-op)", scalar, n =>
    {
      for (long i = 0; i < n; i++)
        sink += Library.VersionNumber;
    });
    Measure("pack (Span<byte>)", scalar, n =>
    {
      for (long i = 0; i < n; i++)
      {
        new Trade(0x0305153138900000UL, 1.0850, (uint)(i & 0xffff) + 1, 7, Side.Buy).Encode(output);
        sink += output[16];
      }
    });
    Measure("unpack (Span<byte>)", scalar, n =>
    {
      for (long i = 0; i < n; i++)
        sink += Trade.Decode(new ReadOnlySpan<byte>(bodies, (int)(i & 1023) * 32, 32)).Quantity;
    });
    Measure("bulk (into Trade[])", bulk, n =>
    {
      Trade.DecodeBatch(bodies, into);
      sink += into[bulk - 1].TradeId;
    });
    Measure("bulk (new Trade[])", bulk, n =>
    {
      Trade[] all = Trade.DecodeAll(bodies);
      sink += all[bulk - 1].TradeId;
    });
    if (baseline != null)
    {
      var info = new ProcessStartInfo(baseline, scalar + " " + bulk) { UseShellExecute = false, RedirectStandardOutput = true };
      using (Process p = Process.Start(info))
      {
        string line;
        while ((line = p.StandardOutput.ReadLine()) != null)
        {
          string[] f = line.Split(' ');
          Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "C     {0,-22} {1,9} ns  (min {2}, max {3})", f[0], f[1], f[2], f[3]));
        }
        p.WaitForExit();
        if (p.ExitCode != 0)
          return 1;
      }
    }
    return sink == 42 ? 3 : 0;
  }
}
