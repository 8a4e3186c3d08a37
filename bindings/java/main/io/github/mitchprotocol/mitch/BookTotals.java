package io.github.mitchprotocol.mitch;

/**
 * Sums over an order book's sides ({@code mitch_order_book_totals}); 64-bit, never overflowing.
 *
 * @param bidVolume volume of all bid bins
 * @param askVolume volume of all ask bins
 * @param bidCount orders in all bid bins
 * @param askCount orders in all ask bins
 */
public record BookTotals(long bidVolume, long askVolume, long bidCount, long askCount) {}
