// Derived.cs - values libmitch derives from bodies, and the bin tables.
using System;
using System.Runtime.InteropServices;

namespace Mitch
{
  /// <summary>Values derived from a tick (mitch_tick_metrics_get).</summary>
  public readonly struct TickMetrics
  {
    /// <summary>(bid + ask) / 2.</summary>
    public readonly double Mid;
    /// <summary>ask - bid.</summary>
    public readonly double Spread;
    /// <summary>spread / mid * 10000; 0 when mid &lt;= 0.</summary>
    public readonly double SpreadBps;
    /// <summary>(askVolume - bidVolume) / (askVolume + bidVolume); 0 when both are 0.</summary>
    public readonly double Imbalance;
    /// <summary>bidVolume + askVolume.</summary>
    public readonly ulong TotalVolume;

    internal TickMetrics(ref TickMetricsNative n)
    {
      Mid = n.Mid;
      Spread = n.Spread;
      SpreadBps = n.SpreadBps;
      Imbalance = n.Imbalance;
      TotalVolume = n.TotalVolume;
    }
  }

  /// <summary>Values derived from an index (mitch_index_metrics_get).</summary>
  public readonly struct IndexMetrics
  {
    /// <summary>mid * (1 + BBidO / 1e9).</summary>
    public readonly double BestBidPrice;
    /// <summary>mid * (1 + BAskO / 1e9).</summary>
    public readonly double BestAskPrice;
    /// <summary>mid * (1 + WBidO / 1e9).</summary>
    public readonly double WorstBidPrice;
    /// <summary>mid * (1 + WAskO / 1e9).</summary>
    public readonly double WorstAskPrice;
    /// <summary>mid * MSpread / 1e9, in price units.</summary>
    public readonly double MeanSpread;
    /// <summary>VForce / 10000: 0..1.</summary>
    public readonly double Volatility;
    /// <summary>LForce / 10000: 0..1.</summary>
    public readonly double Liquidity;
    /// <summary>TForce / 10000: -1..1.</summary>
    public readonly double Trend;
    /// <summary>MForce / 10000: -1..1.</summary>
    public readonly double Momentum;
    /// <summary>"very high", "high", "medium", "medium-low", "low" or "very low".</summary>
    public readonly string ConfidenceBand;

    internal IndexMetrics(ref IndexMetricsNative n)
    {
      BestBidPrice = n.BestBidPrice;
      BestAskPrice = n.BestAskPrice;
      WorstBidPrice = n.WorstBidPrice;
      WorstAskPrice = n.WorstAskPrice;
      MeanSpread = n.MeanSpread;
      Volatility = n.Volatility;
      Liquidity = n.Liquidity;
      Trend = n.Trend;
      Momentum = n.Momentum;
      ConfidenceBand = Utf8.FromC(n.ConfidenceBand);
    }
  }

  /// <summary>Derived values of bodies, and the order-book bin tables.</summary>
  public static class Derived
  {
    /// <summary>Mid, spread, spread in basis points, imbalance and total volume.</summary>
    public static TickMetrics Metrics(this Tick tick)
    {
      Loader.Ensure();
      TickMetricsNative m;
      Errors.Check(Native.TickMetricsGet(ref tick, out m));
      return new TickMetrics(ref m);
    }

    /// <summary>Prices and forces derived from the index.</summary>
    public static IndexMetrics Metrics(this Index index)
    {
      Loader.Ensure();
      IndexMetricsNative m;
      Errors.Check(Native.IndexMetricsGet(ref index, out m));
      return new IndexMetrics(ref m);
    }

    /// <summary>The 128 bin ends of an aggregator in percent of mid (a fresh copy).</summary>
    public static double[] BinTable(BinAggregator aggregator)
    {
      Loader.Ensure();
      IntPtr ends;
      Errors.Check(Native.BinTable((byte)aggregator, out ends));
      var copy = new double[OrderBook.BinsPerSide];
      Marshal.Copy(ends, copy, 0, copy.Length);
      return copy;
    }

    /// <summary>"DEFAULT_LINGAUSSIAN", ...; null for an unknown aggregator.</summary>
    public static string BinAggregatorName(BinAggregator aggregator)
    {
      Loader.Ensure();
      return Utf8.FromC(Native.BinAggregatorName((byte)aggregator));
    }

    /// <summary>The price range (start nearer mid, end) of bin 0..127 on one side.</summary>
    public static void BinPriceRange(double mid, BinAggregator aggregator, BookSide side, uint bin,
                                     out double start, out double end)
    {
      Loader.Ensure();
      Errors.Check(Native.BinPriceRange(mid, (byte)aggregator, (int)side, bin, out start, out end));
    }

    /// <summary>The bin a price falls into on one side (mid is bin 0; beyond the last edge, 127).</summary>
    public static uint BinForPrice(double mid, BinAggregator aggregator, BookSide side, double price)
    {
      Loader.Ensure();
      uint bin;
      Errors.Check(Native.BinForPrice(mid, (byte)aggregator, (int)side, price, out bin));
      return bin;
    }

    /// <summary>The band of an index confidence 0..100; null above 100.</summary>
    public static string ConfidenceBand(byte confidence)
    {
      Loader.Ensure();
      return Utf8.FromC(Native.ConfidenceBand(confidence));
    }
  }
}
