package io.github.mitchprotocol.mitch;

import java.util.ArrayList;
import java.util.List;

/**
 * The registry compiled into libmitch: assets, providers, classes, and
 * symbol resolution ({@code docs/resolution.md}). Lookups that match nothing
 * throw {@link NotFoundException} (status 9).
 */
public final class Registry {
  private Registry() {}

  /** The default fuzzy threshold of the registry functions. */
  public static final double DEFAULT_MIN_CONFIDENCE = 0.8;

  /** Resolves a spot symbol ("EURUSD.m", "BTC-USDT", "^SPX"). */
  public static Ticker resolve(String symbol) {
    return resolve(symbol, InstrumentType.SPOT);
  }

  /**
   * Resolves a trading symbol to its base and quote assets and ticker id.
   *
   * @throws InvalidDataException for an empty, too long (over 255 bytes) or unusable symbol
   * @throws NotFoundException when nothing matches, or base equals quote ("USD")
   */
  public static Ticker resolve(String symbol, InstrumentType type) {
    Native.ensureLoaded();
    long[] nums = new long[8];
    Object[] strings = new Object[7];
    double[] confidence = new double[1];
    int status = Native.resolve(Text.cString("symbol", symbol), Check.notNull("type", type).code(),
        nums, strings, confidence);
    if (status != Status.OK) {
      throw queryError(status, "symbol", symbol);
    }
    Asset base = asset(nums[2], nums[3], nums[4], strings, 0);
    Asset quote = asset(nums[5], nums[6], nums[7], strings, 3);
    return new Ticker(nums[0], symbol, InstrumentType.fromCode((int) nums[1]), base, quote,
        confidence[0], Text.string(strings[6]));
  }

  /** The asset whose name or symbol best matches {@code query} in any class, at 0.8. */
  public static AssetMatch findAsset(String query) {
    return findAsset(query, null, DEFAULT_MIN_CONFIDENCE);
  }

  /**
   * Finds an asset: exact key, cleaned key, then fuzzy at or above {@code minConfidence}.
   *
   * @param assetClass the class to search, or null for any
   * @throws NotFoundException when nothing matches
   * @throws InvalidFieldValueException for a NaN threshold
   */
  public static AssetMatch findAsset(String query, AssetClass assetClass, double minConfidence) {
    Native.ensureLoaded();
    long[] nums = new long[3];
    Object[] strings = new Object[3];
    double[] confidence = new double[1];
    int filter = assetClass == null ? -1 : assetClass.code();
    int status = Native.assetFind(Text.cString("query", query), filter, minConfidence, nums,
        strings, confidence);
    if (status != Status.OK) {
      throw queryError(status, "query", query);
    }
    return new AssetMatch(asset(nums[0], nums[1], nums[2], strings, 0), confidence[0]);
  }

  /**
   * The asset with this class and id.
   *
   * @throws NotFoundException when there is none
   */
  public static Asset asset(AssetClass assetClass, int classId) {
    Native.ensureLoaded();
    Check.notNull("assetClass", assetClass);
    Check.u16("class_id", classId);
    long[] nums = new long[3];
    Object[] strings = new Object[3];
    Errors.check(Native.assetGet(assetClass.code(), classId, nums, strings));
    return asset(nums[0], nums[1], nums[2], strings, 0);
  }

  /** The asset of a packed id ({@code (class << 16) | id}). */
  public static Asset asset(long packedId) {
    Native.ensureLoaded();
    Check.u32("asset_id", packedId);
    long[] nums = new long[3];
    Object[] strings = new Object[3];
    Errors.check(Native.assetGetPacked(packedId, nums, strings));
    return asset(nums[0], nums[1], nums[2], strings, 0);
  }

  /** Every asset of a class, in id order. */
  public static List<Asset> assets(AssetClass assetClass) {
    Native.ensureLoaded();
    Check.notNull("assetClass", assetClass);
    long count = Native.assetCount(assetClass.code());
    List<Asset> all = new ArrayList<>((int) count);
    long[] nums = new long[3];
    Object[] strings = new Object[3];
    for (long i = 0; i < count; i++) {
      Errors.check(Native.assetAt(assetClass.code(), i, nums, strings));
      all.add(asset(nums[0], nums[1], nums[2], strings, 0));
    }
    return List.copyOf(all);
  }

  /** The registry's name and code of an asset class 0..15 (14 and 15 reserved). */
  public static ClassInfo assetClass(int code) {
    return classInfo(0, code);
  }

  /** The registry's name and code of an instrument type 0..15. */
  public static ClassInfo instrumentType(int code) {
    return classInfo(1, code);
  }

  private static ClassInfo classInfo(int kind, int code) {
    Native.ensureLoaded();
    Check.u8(kind == 0 ? "asset_class" : "instrument_type", code);
    Object[] strings = new Object[2];
    Errors.check(Native.classInfo(kind, code, strings));
    return new ClassInfo(code, Text.string(strings[0]), Text.string(strings[1]));
  }

  /** The provider whose name or abbreviation best matches {@code query}, at 0.8. */
  public static ProviderMatch findProvider(String query) {
    return findProvider(query, DEFAULT_MIN_CONFIDENCE);
  }

  /**
   * Finds a provider: exact key, abbreviation, then fuzzy at {@code minConfidence}.
   *
   * @throws NotFoundException when nothing matches
   */
  public static ProviderMatch findProvider(String query, double minConfidence) {
    Native.ensureLoaded();
    long[] id = new long[1];
    Object[] strings = new Object[2];
    double[] confidence = new double[1];
    int status = Native.providerFind(Text.cString("query", query), minConfidence, id, strings,
        confidence);
    if (status != Status.OK) {
      throw queryError(status, "query", query);
    }
    return new ProviderMatch(provider(id[0], strings), confidence[0]);
  }

  /**
   * The provider with this id.
   *
   * @throws NotFoundException when there is none
   */
  public static Provider provider(int providerId) {
    Native.ensureLoaded();
    Check.u16("provider_id", providerId);
    long[] id = new long[1];
    Object[] strings = new Object[2];
    Errors.check(Native.providerGet(providerId, id, strings));
    return provider(id[0], strings);
  }

  /** Every provider, in id order. */
  public static List<Provider> providers() {
    Native.ensureLoaded();
    long count = Native.providerCount();
    List<Provider> all = new ArrayList<>((int) count);
    long[] id = new long[1];
    Object[] strings = new Object[2];
    for (long i = 0; i < count; i++) {
      Errors.check(Native.providerAt(i, id, strings));
      all.add(provider(id[0], strings));
    }
    return List.copyOf(all);
  }

  /**
   * The comparison key of a name ("Apple Inc." -> "apple"), as the resolver uses it.
   *
   * @throws InvalidDataException for a text that is not usable
   */
  public static String nameKey(String name) {
    Native.ensureLoaded();
    Object[] key = new Object[1];
    Errors.check(Native.nameKey(Text.cString("name", name), key));
    return Text.string(key[0]);
  }

  /** Jaro-Winkler similarity (0..1) of two texts' UTF-8 bytes, case-sensitive. */
  public static double jaroWinkler(String a, String b) {
    Native.ensureLoaded();
    double[] score = new double[1];
    Errors.check(Native.jaroWinkler(Text.cString("a", a), Text.cString("b", b), score));
    return score[0];
  }

  private static Asset asset(long id, long classId, long assetClass, Object[] s, int from) {
    String name = Text.string(s[from]);
    String symbol = Text.string(s[from + 1]);
    List<String> aliases = Text.split(Text.string(s[from + 2]));
    return new Asset(id, (int) classId, AssetClass.fromCode((int) assetClass), name, symbol,
        aliases);
  }

  private static Provider provider(long id, Object[] s) {
    return new Provider((int) id, Text.string(s[0]), Text.split(Text.string(s[1])));
  }

  private static MitchException queryError(int status, String field, String query) {
    return Errors.error(status, ErrorDetail.field(field, null, Double.NaN,
        field + " \"" + Errors.echo(query) + "\""));
  }
}
