// Native.cs - the C functions of libmitch this binding calls, one
// DllImport each, and a managed wrapper per function.
//
// Why the wrappers: Mono resolves a P/Invoke when it compiles the method
// that calls it, and a failed resolution sticks.  Every public entry point
// first runs Loader.Ensure() (whose static constructor loads MITCH_LIBRARY)
// and only then calls a wrapper here; the wrappers are never inlined, so no
// P/Invoke is resolved before the library is loaded.  The structs passed
// are blittable and match mitch.h; LayoutTests checks each against
// `mitch info --layouts --json`.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Mitch
{
  internal static unsafe class Native
  {
    /// <summary>The versioned name; Mitch.dll.config maps it on Windows and macOS.</summary>
    internal const string Library = "libmitch.so.1";

    [DllImport(Library, EntryPoint = "mitch_get_version_number", ExactSpelling = true)]
    static extern uint mitch_get_version_number();

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static uint GetVersionNumber() { return mitch_get_version_number(); }

    [DllImport(Library, EntryPoint = "mitch_get_version", ExactSpelling = true)]
    static extern IntPtr mitch_get_version();

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static IntPtr GetVersion() { return mitch_get_version(); }

    [DllImport(Library, EntryPoint = "mitch_get_protocol_version", ExactSpelling = true)]
    static extern IntPtr mitch_get_protocol_version();

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static IntPtr GetProtocolVersion() { return mitch_get_protocol_version(); }

    [DllImport(Library, EntryPoint = "mitch_strerror", ExactSpelling = true)]
    static extern IntPtr mitch_strerror(int status);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static IntPtr Strerror(int status) { return mitch_strerror(status); }

    [DllImport(Library, EntryPoint = "mitch_header_encode", ExactSpelling = true)]
    static extern int mitch_header_encode(ref Header h, byte* o, UIntPtr n);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int HeaderEncode(ref Header h, byte* o, UIntPtr n) { return mitch_header_encode(ref h, o, n); }

    [DllImport(Library, EntryPoint = "mitch_header_decode", ExactSpelling = true)]
    static extern int mitch_header_decode(byte* i, UIntPtr n, out Header h);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int HeaderDecode(byte* i, UIntPtr n, out Header h) { return mitch_header_decode(i, n, out h); }

    [DllImport(Library, EntryPoint = "mitch_trade_encode", ExactSpelling = true)]
    static extern int mitch_trade_encode(ref Trade v, byte* o, UIntPtr n);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int TradeEncode(ref Trade v, byte* o, UIntPtr n) { return mitch_trade_encode(ref v, o, n); }

    [DllImport(Library, EntryPoint = "mitch_trade_decode", ExactSpelling = true)]
    static extern int mitch_trade_decode(byte* i, UIntPtr n, out Trade v);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int TradeDecode(byte* i, UIntPtr n, out Trade v) { return mitch_trade_decode(i, n, out v); }

    [DllImport(Library, EntryPoint = "mitch_trade_encode_batch", ExactSpelling = true)]
    static extern int mitch_trade_encode_batch(Trade* v, UIntPtr count, byte* o, UIntPtr n, out UIntPtr done);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int TradeEncodeBatch(Trade* v, UIntPtr count, byte* o, UIntPtr n, out UIntPtr done) { return mitch_trade_encode_batch(v, count, o, n, out done); }

    [DllImport(Library, EntryPoint = "mitch_trade_decode_batch", ExactSpelling = true)]
    static extern int mitch_trade_decode_batch(byte* i, UIntPtr n, Trade* v, UIntPtr count, out UIntPtr done);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int TradeDecodeBatch(byte* i, UIntPtr n, Trade* v, UIntPtr count, out UIntPtr done) { return mitch_trade_decode_batch(i, n, v, count, out done); }

    [DllImport(Library, EntryPoint = "mitch_order_encode", ExactSpelling = true)]
    static extern int mitch_order_encode(ref Order v, byte* o, UIntPtr n);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int OrderEncode(ref Order v, byte* o, UIntPtr n) { return mitch_order_encode(ref v, o, n); }

    [DllImport(Library, EntryPoint = "mitch_order_decode", ExactSpelling = true)]
    static extern int mitch_order_decode(byte* i, UIntPtr n, out Order v);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int OrderDecode(byte* i, UIntPtr n, out Order v) { return mitch_order_decode(i, n, out v); }

    [DllImport(Library, EntryPoint = "mitch_order_encode_batch", ExactSpelling = true)]
    static extern int mitch_order_encode_batch(Order* v, UIntPtr count, byte* o, UIntPtr n, out UIntPtr done);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int OrderEncodeBatch(Order* v, UIntPtr count, byte* o, UIntPtr n, out UIntPtr done) { return mitch_order_encode_batch(v, count, o, n, out done); }

    [DllImport(Library, EntryPoint = "mitch_order_decode_batch", ExactSpelling = true)]
    static extern int mitch_order_decode_batch(byte* i, UIntPtr n, Order* v, UIntPtr count, out UIntPtr done);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int OrderDecodeBatch(byte* i, UIntPtr n, Order* v, UIntPtr count, out UIntPtr done) { return mitch_order_decode_batch(i, n, v, count, out done); }

    [DllImport(Library, EntryPoint = "mitch_tick_encode", ExactSpelling = true)]
    static extern int mitch_tick_encode(ref Tick v, byte* o, UIntPtr n);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int TickEncode(ref Tick v, byte* o, UIntPtr n) { return mitch_tick_encode(ref v, o, n); }

    [DllImport(Library, EntryPoint = "mitch_tick_decode", ExactSpelling = true)]
    static extern int mitch_tick_decode(byte* i, UIntPtr n, out Tick v);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int TickDecode(byte* i, UIntPtr n, out Tick v) { return mitch_tick_decode(i, n, out v); }

    [DllImport(Library, EntryPoint = "mitch_tick_encode_batch", ExactSpelling = true)]
    static extern int mitch_tick_encode_batch(Tick* v, UIntPtr count, byte* o, UIntPtr n, out UIntPtr done);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int TickEncodeBatch(Tick* v, UIntPtr count, byte* o, UIntPtr n, out UIntPtr done) { return mitch_tick_encode_batch(v, count, o, n, out done); }

    [DllImport(Library, EntryPoint = "mitch_tick_decode_batch", ExactSpelling = true)]
    static extern int mitch_tick_decode_batch(byte* i, UIntPtr n, Tick* v, UIntPtr count, out UIntPtr done);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int TickDecodeBatch(byte* i, UIntPtr n, Tick* v, UIntPtr count, out UIntPtr done) { return mitch_tick_decode_batch(i, n, v, count, out done); }

    [DllImport(Library, EntryPoint = "mitch_index_encode", ExactSpelling = true)]
    static extern int mitch_index_encode(ref Index v, byte* o, UIntPtr n);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int IndexEncode(ref Index v, byte* o, UIntPtr n) { return mitch_index_encode(ref v, o, n); }

    [DllImport(Library, EntryPoint = "mitch_index_decode", ExactSpelling = true)]
    static extern int mitch_index_decode(byte* i, UIntPtr n, out Index v);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int IndexDecode(byte* i, UIntPtr n, out Index v) { return mitch_index_decode(i, n, out v); }

    [DllImport(Library, EntryPoint = "mitch_index_encode_batch", ExactSpelling = true)]
    static extern int mitch_index_encode_batch(Index* v, UIntPtr count, byte* o, UIntPtr n, out UIntPtr done);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int IndexEncodeBatch(Index* v, UIntPtr count, byte* o, UIntPtr n, out UIntPtr done) { return mitch_index_encode_batch(v, count, o, n, out done); }

    [DllImport(Library, EntryPoint = "mitch_index_decode_batch", ExactSpelling = true)]
    static extern int mitch_index_decode_batch(byte* i, UIntPtr n, Index* v, UIntPtr count, out UIntPtr done);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int IndexDecodeBatch(byte* i, UIntPtr n, Index* v, UIntPtr count, out UIntPtr done) { return mitch_index_decode_batch(i, n, v, count, out done); }

    [DllImport(Library, EntryPoint = "mitch_order_book_encode", ExactSpelling = true)]
    static extern int mitch_order_book_encode(ref OrderBookNative v, byte* o, UIntPtr n);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int OrderBookEncode(ref OrderBookNative v, byte* o, UIntPtr n) { return mitch_order_book_encode(ref v, o, n); }

    [DllImport(Library, EntryPoint = "mitch_order_book_decode", ExactSpelling = true)]
    static extern int mitch_order_book_decode(byte* i, UIntPtr n, out OrderBookNative v);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int OrderBookDecode(byte* i, UIntPtr n, out OrderBookNative v) { return mitch_order_book_decode(i, n, out v); }

    [DllImport(Library, EntryPoint = "mitch_order_book_encode_batch", ExactSpelling = true)]
    static extern int mitch_order_book_encode_batch(OrderBookNative* v, UIntPtr count, byte* o, UIntPtr n, out UIntPtr done);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int OrderBookEncodeBatch(OrderBookNative* v, UIntPtr count, byte* o, UIntPtr n, out UIntPtr done) { return mitch_order_book_encode_batch(v, count, o, n, out done); }

    [DllImport(Library, EntryPoint = "mitch_order_book_decode_batch", ExactSpelling = true)]
    static extern int mitch_order_book_decode_batch(byte* i, UIntPtr n, OrderBookNative* v, UIntPtr count, out UIntPtr done);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int OrderBookDecodeBatch(byte* i, UIntPtr n, OrderBookNative* v, UIntPtr count, out UIntPtr done) { return mitch_order_book_decode_batch(i, n, v, count, out done); }

    [DllImport(Library, EntryPoint = "mitch_body_validate", ExactSpelling = true)]
    static extern int mitch_body_validate(byte type, byte* i, UIntPtr n);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int BodyValidate(byte type, byte* i, UIntPtr n) { return mitch_body_validate(type, i, n); }

    [DllImport(Library, EntryPoint = "mitch_tick_metrics_get", ExactSpelling = true)]
    static extern int mitch_tick_metrics_get(ref Tick t, out TickMetricsNative m);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int TickMetricsGet(ref Tick t, out TickMetricsNative m) { return mitch_tick_metrics_get(ref t, out m); }

    [DllImport(Library, EntryPoint = "mitch_index_metrics_get", ExactSpelling = true)]
    static extern int mitch_index_metrics_get(ref Index v, out IndexMetricsNative m);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int IndexMetricsGet(ref Index v, out IndexMetricsNative m) { return mitch_index_metrics_get(ref v, out m); }

    [DllImport(Library, EntryPoint = "mitch_confidence_band", ExactSpelling = true)]
    static extern IntPtr mitch_confidence_band(byte confidence);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static IntPtr ConfidenceBand(byte confidence) { return mitch_confidence_band(confidence); }

    [DllImport(Library, EntryPoint = "mitch_bin_table", ExactSpelling = true)]
    static extern int mitch_bin_table(byte aggregator, out IntPtr ends);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int BinTable(byte aggregator, out IntPtr ends) { return mitch_bin_table(aggregator, out ends); }

    [DllImport(Library, EntryPoint = "mitch_bin_aggregator_name", ExactSpelling = true)]
    static extern IntPtr mitch_bin_aggregator_name(byte aggregator);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static IntPtr BinAggregatorName(byte aggregator) { return mitch_bin_aggregator_name(aggregator); }

    [DllImport(Library, EntryPoint = "mitch_bin_price_range", ExactSpelling = true)]
    static extern int mitch_bin_price_range(double mid, byte aggregator, int side, uint bin, out double start, out double end);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int BinPriceRange(double mid, byte aggregator, int side, uint bin, out double start, out double end) { return mitch_bin_price_range(mid, aggregator, side, bin, out start, out end); }

    [DllImport(Library, EntryPoint = "mitch_bin_for_price", ExactSpelling = true)]
    static extern int mitch_bin_for_price(double mid, byte aggregator, int side, double price, out uint bin);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int BinForPrice(double mid, byte aggregator, int side, double price, out uint bin) { return mitch_bin_for_price(mid, aggregator, side, price, out bin); }

    [DllImport(Library, EntryPoint = "mitch_order_book_totals", ExactSpelling = true)]
    static extern int mitch_order_book_totals(ref OrderBookNative b, out ulong bidVolume, out ulong askVolume, out ulong bidCount, out ulong askCount);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int OrderBookTotals(ref OrderBookNative b, out ulong bidVolume, out ulong askVolume, out ulong bidCount, out ulong askCount) { return mitch_order_book_totals(ref b, out bidVolume, out askVolume, out bidCount, out askCount); }

    [DllImport(Library, EntryPoint = "mitch_message_encode", ExactSpelling = true)]
    static extern int mitch_message_encode(byte type, ulong timestamp, void* bodies, UIntPtr count, byte* o, UIntPtr n, out UIntPtr written);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int MessageEncode(byte type, ulong timestamp, void* bodies, UIntPtr count, byte* o, UIntPtr n, out UIntPtr written) { return mitch_message_encode(type, timestamp, bodies, count, o, n, out written); }

    [DllImport(Library, EntryPoint = "mitch_reader_init", ExactSpelling = true)]
    static extern void mitch_reader_init(ref ReaderNative r, byte* data, UIntPtr size);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ReaderInit(ref ReaderNative r, byte* data, UIntPtr size) { mitch_reader_init(ref r, data, size); }

    [DllImport(Library, EntryPoint = "mitch_reader_next", ExactSpelling = true)]
    static extern int mitch_reader_next(ref ReaderNative r, out MessageNative msg);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int ReaderNext(ref ReaderNative r, out MessageNative msg) { return mitch_reader_next(ref r, out msg); }

    [DllImport(Library, EntryPoint = "mitch_message_validate", ExactSpelling = true)]
    static extern int mitch_message_validate(ref MessageNative msg, out UIntPtr badBody);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int MessageValidate(ref MessageNative msg, out UIntPtr badBody) { return mitch_message_validate(ref msg, out badBody); }

    [DllImport(Library, EntryPoint = "mitch_stream_validate", ExactSpelling = true)]
    static extern int mitch_stream_validate(byte* data, UIntPtr size, byte onlyType, out StreamInfoNative info);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int StreamValidate(byte* data, UIntPtr size, byte onlyType, out StreamInfoNative info) { return mitch_stream_validate(data, size, onlyType, out info); }

    [DllImport(Library, EntryPoint = "mitch_ticker_id_encode", ExactSpelling = true)]
    static extern int mitch_ticker_id_encode(ref TickerFieldsNative f, out ulong id);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int TickerIdEncode(ref TickerFieldsNative f, out ulong id) { return mitch_ticker_id_encode(ref f, out id); }

    [DllImport(Library, EntryPoint = "mitch_ticker_id_decode", ExactSpelling = true)]
    static extern int mitch_ticker_id_decode(ulong id, out TickerFieldsNative f);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int TickerIdDecode(ulong id, out TickerFieldsNative f) { return mitch_ticker_id_decode(id, out f); }

    [DllImport(Library, EntryPoint = "mitch_validate_ticker_id", ExactSpelling = true)]
    static extern int mitch_validate_ticker_id(ulong id);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int ValidateTickerId(ulong id) { return mitch_validate_ticker_id(id); }

    [DllImport(Library, EntryPoint = "mitch_ticker_id_is_spot", ExactSpelling = true)]
    static extern int mitch_ticker_id_is_spot(ulong id);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int TickerIdIsSpot(ulong id) { return mitch_ticker_id_is_spot(id); }

    [DllImport(Library, EntryPoint = "mitch_ticker_id_is_forex", ExactSpelling = true)]
    static extern int mitch_ticker_id_is_forex(ulong id);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int TickerIdIsForex(ulong id) { return mitch_ticker_id_is_forex(id); }

    [DllImport(Library, EntryPoint = "mitch_ticker_id_is_crypto", ExactSpelling = true)]
    static extern int mitch_ticker_id_is_crypto(ulong id);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int TickerIdIsCrypto(ulong id) { return mitch_ticker_id_is_crypto(id); }

    [DllImport(Library, EntryPoint = "mitch_ticker_id_is_equity", ExactSpelling = true)]
    static extern int mitch_ticker_id_is_equity(ulong id);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int TickerIdIsEquity(ulong id) { return mitch_ticker_id_is_equity(id); }

    [DllImport(Library, EntryPoint = "mitch_pack_asset", ExactSpelling = true)]
    static extern int mitch_pack_asset(byte assetClass, ushort classId, out uint assetId);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int PackAsset(byte assetClass, ushort classId, out uint assetId) { return mitch_pack_asset(assetClass, classId, out assetId); }

    [DllImport(Library, EntryPoint = "mitch_validate_channel", ExactSpelling = true)]
    static extern int mitch_validate_channel(uint channelId);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int ValidateChannel(uint channelId) { return mitch_validate_channel(channelId); }

    [DllImport(Library, EntryPoint = "mitch_channel_decode", ExactSpelling = true)]
    static extern int mitch_channel_decode(uint channelId, out ushort providerId, out byte messageType);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int ChannelDecode(uint channelId, out ushort providerId, out byte messageType) { return mitch_channel_decode(channelId, out providerId, out messageType); }

    [DllImport(Library, EntryPoint = "mitch_create_channel", ExactSpelling = true)]
    static extern int mitch_create_channel(ushort providerId, byte messageType, out uint channelId);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int CreateChannel(ushort providerId, byte messageType, out uint channelId) { return mitch_create_channel(providerId, messageType, out channelId); }

    [DllImport(Library, EntryPoint = "mitch_pack_channel", ExactSpelling = true)]
    static extern int mitch_pack_channel(uint channelId, byte* o);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int PackChannel(uint channelId, byte* o) { return mitch_pack_channel(channelId, o); }

    [DllImport(Library, EntryPoint = "mitch_unpack_channel", ExactSpelling = true)]
    static extern int mitch_unpack_channel(byte* i, UIntPtr n, out uint channelId);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int UnpackChannel(byte* i, UIntPtr n, out uint channelId) { return mitch_unpack_channel(i, n, out channelId); }

    [DllImport(Library, EntryPoint = "mitch_asset_get", ExactSpelling = true)]
    static extern int mitch_asset_get(byte assetClass, ushort classId, out AssetNative a);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int AssetGet(byte assetClass, ushort classId, out AssetNative a) { return mitch_asset_get(assetClass, classId, out a); }

    [DllImport(Library, EntryPoint = "mitch_asset_get_packed", ExactSpelling = true)]
    static extern int mitch_asset_get_packed(uint assetId, out AssetNative a);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int AssetGetPacked(uint assetId, out AssetNative a) { return mitch_asset_get_packed(assetId, out a); }

    [DllImport(Library, EntryPoint = "mitch_asset_find", ExactSpelling = true)]
    static extern int mitch_asset_find(byte* query, int classFilter, double minConfidence, out AssetNative a, out double confidence);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int AssetFind(byte* query, int classFilter, double minConfidence, out AssetNative a, out double confidence) { return mitch_asset_find(query, classFilter, minConfidence, out a, out confidence); }

    [DllImport(Library, EntryPoint = "mitch_asset_count", ExactSpelling = true)]
    static extern UIntPtr mitch_asset_count(byte assetClass);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static UIntPtr AssetCount(byte assetClass) { return mitch_asset_count(assetClass); }

    [DllImport(Library, EntryPoint = "mitch_asset_at", ExactSpelling = true)]
    static extern int mitch_asset_at(byte assetClass, UIntPtr index, out AssetNative a);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int AssetAt(byte assetClass, UIntPtr index, out AssetNative a) { return mitch_asset_at(assetClass, index, out a); }

    [DllImport(Library, EntryPoint = "mitch_asset_class_get", ExactSpelling = true)]
    static extern int mitch_asset_class_get(byte assetClass, out ClassInfoNative info);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int AssetClassGet(byte assetClass, out ClassInfoNative info) { return mitch_asset_class_get(assetClass, out info); }

    [DllImport(Library, EntryPoint = "mitch_instrument_type_get", ExactSpelling = true)]
    static extern int mitch_instrument_type_get(byte type, out ClassInfoNative info);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int InstrumentTypeGet(byte type, out ClassInfoNative info) { return mitch_instrument_type_get(type, out info); }

    [DllImport(Library, EntryPoint = "mitch_provider_count", ExactSpelling = true)]
    static extern UIntPtr mitch_provider_count();

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static UIntPtr ProviderCount() { return mitch_provider_count(); }

    [DllImport(Library, EntryPoint = "mitch_provider_at", ExactSpelling = true)]
    static extern int mitch_provider_at(UIntPtr index, out ProviderNative p);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int ProviderAt(UIntPtr index, out ProviderNative p) { return mitch_provider_at(index, out p); }

    [DllImport(Library, EntryPoint = "mitch_provider_get", ExactSpelling = true)]
    static extern int mitch_provider_get(ushort id, out ProviderNative p);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int ProviderGet(ushort id, out ProviderNative p) { return mitch_provider_get(id, out p); }

    [DllImport(Library, EntryPoint = "mitch_provider_find", ExactSpelling = true)]
    static extern int mitch_provider_find(byte* query, double minConfidence, out ProviderNative p, out double confidence);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int ProviderFind(byte* query, double minConfidence, out ProviderNative p, out double confidence) { return mitch_provider_find(query, minConfidence, out p, out confidence); }

    [DllImport(Library, EntryPoint = "mitch_resolve", ExactSpelling = true)]
    static extern int mitch_resolve(byte* symbol, byte type, out ResolutionNative r);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int Resolve(byte* symbol, byte type, out ResolutionNative r) { return mitch_resolve(symbol, type, out r); }

    [DllImport(Library, EntryPoint = "mitch_name_key", ExactSpelling = true)]
    static extern int mitch_name_key(byte* name, byte* o, UIntPtr n, out UIntPtr keyLength);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int NameKey(byte* name, byte* o, UIntPtr n, out UIntPtr keyLength) { return mitch_name_key(name, o, n, out keyLength); }

    [DllImport(Library, EntryPoint = "mitch_jaro_winkler", ExactSpelling = true)]
    static extern int mitch_jaro_winkler(byte* a, byte* b, out double score);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int JaroWinkler(byte* a, byte* b, out double score) { return mitch_jaro_winkler(a, b, out score); }

    [DllImport(Library, EntryPoint = "mitch_check_values", ExactSpelling = true)]
    static extern int mitch_check_values(byte id, void* values, UIntPtr n, out ErrorNative err);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int CheckValues(byte id, void* values, UIntPtr n, out ErrorNative err) { return mitch_check_values(id, values, n, out err); }

    [DllImport(Library, EntryPoint = "mitch_check_wire", ExactSpelling = true)]
    static extern int mitch_check_wire(byte id, byte* i, UIntPtr n, UIntPtr count, out ErrorNative err);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int CheckWire(byte id, byte* i, UIntPtr n, UIntPtr count, out ErrorNative err) { return mitch_check_wire(id, i, n, count, out err); }

    [DllImport(Library, EntryPoint = "mitch_check_stream", ExactSpelling = true)]
    static extern int mitch_check_stream(byte* data, UIntPtr size, byte onlyType, out StreamInfoNative info, out ErrorNative err);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int CheckStream(byte* data, UIntPtr size, byte onlyType, out StreamInfoNative info, out ErrorNative err) { return mitch_check_stream(data, size, onlyType, out info, out err); }

    [DllImport(Library, EntryPoint = "mitch_capture_decode", ExactSpelling = true)]
    static extern int mitch_capture_decode(byte* data, UIntPtr size, CaptureSinkNative* sinks, UIntPtr nSinks, out StreamInfoNative info, out ErrorNative err);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int CaptureDecode(byte* data, UIntPtr size, CaptureSinkNative* sinks, UIntPtr nSinks, out StreamInfoNative info, out ErrorNative err) { return mitch_capture_decode(data, size, sinks, nSinks, out info, out err); }

    [DllImport(Library, EntryPoint = "mitch_capture_encode", ExactSpelling = true)]
    static extern int mitch_capture_encode(byte type, void* bodies, ulong* timestamps, UIntPtr n, byte* o, UIntPtr outLength, out UIntPtr written, out ErrorNative err);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int CaptureEncode(byte type, void* bodies, ulong* timestamps, UIntPtr n, byte* o, UIntPtr outLength, out UIntPtr written, out ErrorNative err) { return mitch_capture_encode(type, bodies, timestamps, n, o, outLength, out written, out err); }
  }
}
