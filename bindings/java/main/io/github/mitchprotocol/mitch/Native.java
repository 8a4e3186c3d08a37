package io.github.mitchprotocol.mitch;

import java.nio.ByteBuffer;

/**
 * The native methods of the JNI glue (libmitch-jni), one per operation.
 *
 * <p>Conventions shared with {@code bindings/java/jni/*.c} (the build runs
 * {@code javac -h} on this file, so the C side compiles against exactly these
 * signatures):
 * <ul>
 * <li>A byte region is {@code (ByteBuffer direct, byte[] array, long offset,
 *     long length)}: exactly one of {@code direct} (a direct buffer) and
 *     {@code array} is non-null; the glue checks the bounds again and returns
 *     status 1 for a region outside the buffer.</li>
 * <li>A body travels as "slots", a {@code long[]} in record-component order
 *     with doubles as their raw bits ({@link Slots} describes each type);
 *     type ids are the message type bytes, 0 for the header.</li>
 * <li>Columns are primitive arrays in the same order ({@link Columns}).</li>
 * <li>Every method returns a libmitch status and writes its outputs only on
 *     success (counts of work done are written in every case).</li>
 * <li>Strings go in as NUL-terminated UTF-8 {@code byte[]} and come out as
 *     {@code byte[]} (never through modified UTF-8).</li>
 * </ul>
 * The glue keeps no state between calls: no cached classes, fields or
 * method ids, nothing allocated that outlives a call.
 */
final class Native {
  private Native() {}

  /** Why loading failed (the list of what was tried), or null when loaded. */
  static final String LOAD_ERROR = NativeLoader.load();

  /** Throws the loading error, with everything that was tried. */
  static void ensureLoaded() {
    if (LOAD_ERROR != null) {
      throw new LibraryLoadException(LOAD_ERROR);
    }
  }

  // --- library -----------------------------------------------------------
  static native int versionNumber();

  static native byte[] version();

  static native byte[] protocolVersion();

  static native byte[] strerror(int status);

  /** Path of the shared object that defines mitch_get_version (dladdr), or null. */
  static native byte[] libraryPath();

  // --- single bodies -----------------------------------------------------
  static native int encodeBody(int type, long[] slots, ByteBuffer direct, byte[] array,
      long offset, long length);

  static native int decodeBody(int type, ByteBuffer direct, byte[] array, long offset,
      long length, long[] slots);

  /** mitch_body_validate over one body's bytes. */
  static native int validateBody(int type, ByteBuffer direct, byte[] array, long offset,
      long length);

  // --- many bodies -------------------------------------------------------
  /** n wire bodies back to back -> columns; done[0] = bodies delivered. */
  static native int decodeColumns(int type, ByteBuffer direct, byte[] array, long offset,
      long length, int n, Object[] columns, long[] done);

  /** n bodies from columns -> wire bodies back to back; done[0] = bodies written. */
  static native int encodeColumns(int type, Object[] columns, int n, ByteBuffer direct,
      byte[] array, long offset, long length, long[] done);

  /** One message of n bodies (1..255) from columns; written[0] = its size. */
  static native int encodeMessage(int type, long timestamp, Object[] columns, int n,
      ByteBuffer direct, byte[] array, long offset, long length, long[] written);

  // --- streams -----------------------------------------------------------
  /**
   * Frames the message that starts at {@code offset + start}; out = {type,
   * count, timestamp, offset, size, bodySize, errorOffset, messageOffset},
   * offsets relative to {@code offset}. Returns 8 (MITCH_END) at the end.
   */
  static native int readMessage(ByteBuffer direct, byte[] array, long offset, long length,
      long start, long[] out);

  /** mitch_stream_validate; info = {messages, bodies, errorOffset, messageOffset}. */
  static native int validateStream(ByteBuffer direct, byte[] array, long offset, long length,
      int onlyType, long[] info);

  // --- ids and channels ---------------------------------------------------
  /** fields = {instrumentType, baseClass, baseId, quoteClass, quoteId, subType}. */
  static native int tickerIdEncode(long[] fields, long[] id);

  static native void tickerIdDecode(long id, long[] fields);

  static native int tickerIdValidate(long id);

  /** 0 spot, 1 forex, 2 crypto, 3 equity. */
  static native int tickerIdIs(int what, long id);

  static native int packAsset(int assetClass, int classId, long[] assetId);

  static native int unpackAsset(long assetId, long[] classAndId);

  static native int channelCreate(int providerId, int messageType, long[] channelId);

  static native int channelValidate(long channelId);

  static native int channelDecode(long channelId, long[] providerAndType);

  static native int channelPack(long channelId, byte[] out);

  static native int channelUnpack(byte[] in, long[] channelId);

  // --- derived values and bins --------------------------------------------
  /** out = {mid, spread, spreadBps, imbalance, totalVolume (raw long bits)}. */
  static native int tickMetrics(long[] tickSlots, double[] out);

  /** out = 9 doubles; band[0] = the confidence band text. */
  static native int indexMetrics(long[] indexSlots, double[] out, Object[] band);

  static native byte[] confidenceBand(int confidence);

  static native int binTable(int aggregator, double[] ends);

  static native byte[] binAggregatorName(int aggregator);

  static native int binPriceRange(double mid, int aggregator, int side, int bin,
      double[] startEnd);

  static native int binForPrice(double mid, int aggregator, int side, double price,
      long[] bin);

  /** totals = {bidVolume, askVolume, bidCount, askCount}. */
  static native int orderBookTotals(long[] bookSlots, long[] totals);

  // --- registry ---------------------------------------------------------------
  /**
   * Asset lookups fill nums = {assetId, classId, assetClass} and strings =
   * {name, symbol, aliases}.
   */
  static native int assetGet(int assetClass, int classId, long[] nums, Object[] strings);

  static native int assetGetPacked(long assetId, long[] nums, Object[] strings);

  static native long assetCount(int assetClass);

  static native int assetAt(int assetClass, long index, long[] nums, Object[] strings);

  static native int assetFind(byte[] query, int classFilter, double minConfidence,
      long[] nums, Object[] strings, double[] confidence);

  /** strings = {name, code}. */
  static native int classInfo(int kind, int id, Object[] strings);

  /** Providers: id[0] = id, strings = {name, abbreviations}. */
  static native long providerCount();

  static native int providerAt(long index, long[] id, Object[] strings);

  static native int providerGet(int providerId, long[] id, Object[] strings);

  static native int providerFind(byte[] query, double minConfidence, long[] id,
      Object[] strings, double[] confidence);

  /**
   * mitch_resolve: nums = {tickerId, instrumentType, base assetId, classId,
   * assetClass, quote assetId, classId, assetClass}; strings = {base name,
   * symbol, aliases, quote name, symbol, aliases, steps}.
   */
  static native int resolve(byte[] symbol, int instrumentType, long[] nums, Object[] strings,
      double[] confidence);

  static native int nameKey(byte[] name, Object[] key);

  static native int jaroWinkler(byte[] a, byte[] b, double[] score);

  // --- API 1.1 ------------------------------------------------------------------
  /**
   * The last failure's details: after a failed encode, the same slots or
   * bytes go to mitch_check_values / mitch_check_wire / mitch_check_stream.
   * err = {status, layout, field, otherField, index, offset, messageOffset,
   * value bits, otherValue bits}; strings = {fieldName, otherName, rule, text}.
   */
  static native int checkValues(int type, long[] slots, long[] err, Object[] strings);

  static native int checkColumns(int type, Object[] columns, int n, long[] err,
      Object[] strings);

  static native int checkWire(int type, ByteBuffer direct, byte[] array, long offset,
      long length, long n, long[] err, Object[] strings);

  static native int checkStream(ByteBuffer direct, byte[] array, long offset, long length,
      int onlyType, long[] err, Object[] strings);

  /**
   * mitch_capture_decode in one call: counts the bodies of the types in
   * {@code types}, allocates their columns (timestamps last) into
   * {@code columns[k]}, decodes. info = {messages, bodies, errorOffset,
   * messageOffset, count of each requested type...}; on failure the columns
   * hold the valid prefix and err/strings the details.
   */
  static native int captureDecode(ByteBuffer direct, byte[] array, long offset, long length,
      int[] types, Object[][] columns, long[] info, long[] err, Object[] strings);

  /** mitch_capture_encode from columns and one timestamp per body. */
  static native int captureEncode(int type, Object[] columns, long[] timestamps, int n,
      ByteBuffer direct, byte[] array, long offset, long length, long[] written, long[] err,
      Object[] strings);
}
