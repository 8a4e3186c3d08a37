package io.github.mitchprotocol.mitch.conformance;

/**
 * The vectors' price literals: C99 hex floats ({@code 0x1.0875p+0},
 * {@code -0x0.0p+0}), which {@link Double#parseDouble} reads exactly, and
 * {@code nan} / {@code inf}, which it does not.
 */
final class HexFloat {
  private HexFloat() {}

  static double parse(String text) {
    String body = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    boolean negative = text.startsWith("-");
    switch (body) {
      case "nan":
        return Double.NaN;
      case "inf":
        return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      default:
        break;
    }
    if (!body.startsWith("0x") || body.indexOf('p') < 0) {
      throw new NumberFormatException("not a hex-float literal: " + text);
    }
    return Double.parseDouble(text);
  }
}
