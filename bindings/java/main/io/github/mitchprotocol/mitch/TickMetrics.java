package io.github.mitchprotocol.mitch;

/**
 * Values derived from a tick ({@code mitch_tick_metrics_get}).
 *
 * @param mid (bid + ask) / 2
 * @param spread ask - bid
 * @param spreadBps spread / mid * 10000; 0 when mid &lt;= 0
 * @param imbalance (askVolume - bidVolume) / (askVolume + bidVolume); 0 when both are 0
 * @param totalVolume bidVolume + askVolume (fits 33 bits)
 */
public record TickMetrics(double mid, double spread, double spreadBps, double imbalance,
    long totalVolume) {}
