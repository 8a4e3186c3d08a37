package io.github.mitchprotocol.mitch;

import java.nio.charset.StandardCharsets;

/** The order-book bin tables and the price ranges of bins (all computed by libmitch). */
public final class Bins {
  private Bins() {}

  /**
   * The price range of one bin.
   *
   * @param start the edge nearer mid (bin 0 starts at mid)
   * @param end the far edge (bid edges are floored at 0)
   */
  public record PriceRange(double start, double end) {}

  /**
   * The 128 bin ends of an aggregator, in percent of mid (0.00001 means
   * 0.00001 % = 1e-7 of mid), non-decreasing. A fresh copy each call.
   */
  public static double[] table(BinAggregator aggregator) {
    Native.ensureLoaded();
    double[] ends = new double[OrderBook.BINS_PER_SIDE];
    Errors.check(Native.binTable(Check.notNull("aggregator", aggregator).code(), ends));
    return ends;
  }

  /** "DEFAULT_LINGAUSSIAN", ... */
  public static String name(BinAggregator aggregator) {
    Native.ensureLoaded();
    return new String(Native.binAggregatorName(Check.notNull("aggregator", aggregator).code()),
        StandardCharsets.UTF_8);
  }

  /**
   * The price range of bin {@code bin} (0..127) on one side of a book of mid price {@code mid}.
   *
   * @throws InvalidFieldValueException for a bin outside 0..127 or a bad mid
   */
  public static PriceRange priceRange(double mid, BinAggregator aggregator, BookSide side,
      int bin) {
    Native.ensureLoaded();
    Check.notNull("aggregator", aggregator);
    Check.notNull("side", side);
    double[] out = new double[2];
    if (bin < 0) {
      throw Errors.outOfRange("bin", bin, "0..127");
    }
    Errors.check(Native.binPriceRange(mid, aggregator.code(), side.code(), bin, out));
    return new PriceRange(out[0], out[1]);
  }

  /**
   * The bin a price falls into on one side (mid itself is bin 0; prices
   * beyond the last edge are bin 127).
   *
   * @throws InvalidFieldValueException for a price on the wrong side of mid, &lt;= 0 or not finite
   */
  public static int binForPrice(double mid, BinAggregator aggregator, BookSide side,
      double price) {
    Native.ensureLoaded();
    Check.notNull("aggregator", aggregator);
    Check.notNull("side", side);
    long[] out = new long[1];
    Errors.check(Native.binForPrice(mid, aggregator.code(), side.code(), price, out));
    return (int) out[0];
  }

  /** The band of an index confidence value 0..100 ("very high" ... "very low"). */
  public static String confidenceBand(int confidence) {
    Native.ensureLoaded();
    if (confidence < 0 || confidence > 100) {
      throw Errors.outOfRange("confidence", confidence, "0..100");
    }
    return new String(Native.confidenceBand(confidence), StandardCharsets.UTF_8);
  }
}
