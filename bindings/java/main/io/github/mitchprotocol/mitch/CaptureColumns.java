package io.github.mitchprotocol.mitch;

/**
 * A capture decoded into columns: one set per requested type (null for a
 * type not requested), each body with its header's timestamp.
 *
 * @param trades the trades, in capture order
 * @param orders the orders
 * @param ticks the ticks
 * @param indices the indices
 * @param orderBooks the order books
 * @param messages messages in the capture
 * @param bodies bodies in the capture, of every type
 */
public record CaptureColumns(TradeColumns trades, OrderColumns orders, TickColumns ticks,
    IndexColumns indices, OrderBookColumns orderBooks, long messages, long bodies) {}
