import * as mitch from "mitch";

// Resolve a symbol to its 64-bit ticker id (a bigint).
const ticker = mitch.resolveTicker("BTC-USDT", "spot");
console.log(ticker.base.name, "/", ticker.quote.name, "0x" + ticker.id.toString(16));

// Encode two trades into one message (header + bodies).
const trades = [
  { tickerId: ticker.id, price: 64000.5, quantity: 3, tradeId: 1, side: mitch.Side.Buy },
  { tickerId: ticker.id, price: 64001.25, quantity: 1, tradeId: 2, side: mitch.Side.Sell },
];
const wire = mitch.encodeMessage(mitch.MessageType.Trade, trades, 34_200_000_000_000n);
console.log(wire.length, "bytes");

// Walk the messages of a buffer without copying it.
for (const message of mitch.messages(wire)) {
  for (const trade of message.bodies) console.log(trade.tradeId, trade.price, mitch.Side[trade.side]);
}

// Or decode a whole buffer into columns (typed arrays, no object per body).
const columns = mitch.decodeColumns(wire, "t").columns;
console.log(columns.price);

// Every error is a MitchError with the library's status.
try {
  mitch.packTrade({ ...trades[0], price: -1 });
} catch (err) {
  console.log(err.name, err.status);
}
