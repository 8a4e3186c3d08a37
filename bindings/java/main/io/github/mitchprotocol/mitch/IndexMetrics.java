package io.github.mitchprotocol.mitch;

/**
 * Values derived from an index ({@code mitch_index_metrics_get}).
 *
 * @param bestBidPrice mid * (1 + bBidO / 1e9)
 * @param bestAskPrice mid * (1 + bAskO / 1e9)
 * @param worstBidPrice mid * (1 + wBidO / 1e9)
 * @param worstAskPrice mid * (1 + wAskO / 1e9)
 * @param meanSpread mid * mSpread / 1e9, in price units
 * @param volatility vForce / 10000: 0..1
 * @param liquidity lForce / 10000: 0..1
 * @param trend tForce / 10000: -1..1
 * @param momentum mForce / 10000: -1..1
 * @param confidenceBand "very high", "high", "medium", "medium-low", "low" or "very low"
 */
public record IndexMetrics(double bestBidPrice, double bestAskPrice, double worstBidPrice,
    double worstAskPrice, double meanSpread, double volatility, double liquidity, double trend,
    double momentum, String confidenceBand) {}
