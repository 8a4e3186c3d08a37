// NativeStructs.cs - mitch.h's API structs as the library reads and writes
// them (blittable, sequential).  Field names are the C members' in
// PascalCase; LayoutTests checks every offset and size against the
// library's own table (`mitch info --layouts --json`).
using System;
using System.Runtime.InteropServices;

namespace Mitch
{
  /// <summary>mitch_order_book: the bins inline, count and volume pairs, bids then asks.</summary>
  [StructLayout(LayoutKind.Sequential)]
  internal unsafe struct OrderBookNative
  {
    internal const int BinValues = 4 * OrderBook.BinsPerSide;
    public ulong TickerId;
    public double MidPrice;
    public BinAggregator BinAggregator;
    public fixed uint Bins[BinValues]; // mitch_bin bids[128]; mitch_bin asks[128]
  }

  /// <summary>mitch_asset (strings in the library's constant storage).</summary>
  [StructLayout(LayoutKind.Sequential)]
  internal struct AssetNative
  {
    public uint AssetId;
    public ushort ClassId;
    public byte AssetClass;
    public IntPtr Name;
    public IntPtr Symbol;
    public IntPtr Aliases;
  }

  /// <summary>mitch_provider.</summary>
  [StructLayout(LayoutKind.Sequential)]
  internal struct ProviderNative
  {
    public ushort Id;
    public IntPtr Name;
    public IntPtr Abbreviations;
  }

  /// <summary>mitch_class_info.</summary>
  [StructLayout(LayoutKind.Sequential)]
  internal struct ClassInfoNative
  {
    public byte Id;
    public IntPtr Name;
    public IntPtr Code;
  }

  /// <summary>mitch_resolution.</summary>
  [StructLayout(LayoutKind.Sequential)]
  internal unsafe struct ResolutionNative
  {
    internal const int StepsSize = 256;
    public ulong TickerId;
    public byte InstrumentType;
    public AssetNative Base;
    public AssetNative Quote;
    public double Confidence;
    public fixed byte Steps[StepsSize];
  }

  /// <summary>mitch_stream_info.</summary>
  [StructLayout(LayoutKind.Sequential)]
  internal struct StreamInfoNative
  {
    public UIntPtr Messages;
    public UIntPtr Bodies;
    public UIntPtr ErrorOffset;
    public UIntPtr MessageOffset;
  }

  /// <summary>mitch_reader.</summary>
  [StructLayout(LayoutKind.Sequential)]
  internal struct ReaderNative
  {
    public IntPtr Data;
    public UIntPtr Size;
    public UIntPtr Offset;
    public int Status;
    public UIntPtr ErrorOffset;
    public UIntPtr MessageOffset;
  }

  /// <summary>mitch_message.</summary>
  [StructLayout(LayoutKind.Sequential)]
  internal struct MessageNative
  {
    public Header Header;
    public UIntPtr Offset;
    public UIntPtr Size;
    public UIntPtr BodySize;
    public IntPtr Bodies;
  }

  /// <summary>mitch_tick_metrics.</summary>
  [StructLayout(LayoutKind.Sequential)]
  internal struct TickMetricsNative
  {
    public double Mid;
    public double Spread;
    public double SpreadBps;
    public double Imbalance;
    public ulong TotalVolume;
  }

  /// <summary>mitch_index_metrics.</summary>
  [StructLayout(LayoutKind.Sequential)]
  internal struct IndexMetricsNative
  {
    public double BestBidPrice;
    public double BestAskPrice;
    public double WorstBidPrice;
    public double WorstAskPrice;
    public double MeanSpread;
    public double Volatility;
    public double Liquidity;
    public double Trend;
    public double Momentum;
    public IntPtr ConfidenceBand;
  }

  /// <summary>mitch_ticker_fields.</summary>
  [StructLayout(LayoutKind.Sequential)]
  internal struct TickerFieldsNative
  {
    public byte InstrumentType;
    public byte BaseClass;
    public ushort BaseId;
    public byte QuoteClass;
    public ushort QuoteId;
    public uint SubType;
  }

  /// <summary>mitch_error (API 1.1).</summary>
  [StructLayout(LayoutKind.Sequential)]
  internal unsafe struct ErrorNative
  {
    internal const int TextSize = 160;
    public int Status;
    public byte Layout;
    public int Field;
    public int OtherField;
    public IntPtr FieldName;
    public IntPtr OtherName;
    public IntPtr Rule;
    public double Value;
    public double OtherValue;
    public UIntPtr Index;
    public UIntPtr Offset;
    public UIntPtr MessageOffset;
    public fixed byte Text[TextSize];
  }

  /// <summary>mitch_capture_sink (API 1.1).</summary>
  [StructLayout(LayoutKind.Sequential)]
  internal unsafe struct CaptureSinkNative
  {
    public byte MessageType;
    public void* Bodies;
    public ulong* Timestamps;
    public UIntPtr Capacity;
    public UIntPtr Count;
    public UIntPtr BodyStride;      // 0: packed
    public UIntPtr TimestampStride; // 0: packed
  }
}
