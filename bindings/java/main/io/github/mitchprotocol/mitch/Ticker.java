package io.github.mitchprotocol.mitch;

/**
 * A resolved trading symbol.
 *
 * @param id the 64-bit ticker id (instrument type, base, quote, sub-type 0)
 * @param symbol the symbol as given
 * @param instrumentType as given
 * @param base the base asset
 * @param quote the quote asset
 * @param confidence 1.0 for exact legs, else the fuzzy score
 * @param steps what the resolver did, e.g. "stripped \".m\""
 */
public record Ticker(long id, String symbol, InstrumentType instrumentType, Asset base,
    Asset quote, double confidence, String steps) {

  /** Checks that both assets are given. */
  public Ticker {
    Check.notNull("base", base);
    Check.notNull("quote", quote);
  }

  @Override
  public String toString() {
    return "Ticker[id=" + TickerId.toHex(id) + ", symbol=" + symbol + ", instrumentType="
        + instrumentType + ", base=" + base.name() + ", quote=" + quote.name()
        + ", confidence=" + confidence + ", steps=" + steps + "]";
  }
}
