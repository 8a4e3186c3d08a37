"""MITCH in Python: resolve a symbol, encode a message, decode it again.
(The README shows this file; the test suite runs it.)"""

import mitch

# "EURUSD.m" as a broker writes it -> the 64-bit ticker id the wire carries.
ticker = mitch.resolve_ticker("EURUSD.m")
print(ticker.base.name, "/", ticker.quote.name, hex(ticker.id))

# Two trades in one message, timestamped 09:30 (ns since midnight UTC).
trades = [
    mitch.Trade(ticker.id, 1.0850, 1_000_000, 1, mitch.OrderSide.BUY),
    mitch.Trade(ticker.id, 1.0851, 250_000, 2, mitch.OrderSide.SELL),
]
wire = mitch.encode_message(trades, "t", timestamp=9 * 3600 * 10**9 + 30 * 60 * 10**9)
print(len(wire), "bytes:", wire[:8].hex(), "...")

# Decode every message of a buffer (bytes, bytearray, memoryview or mmap).
for message in mitch.decode_messages(wire):
    for body in message.bodies:
        if isinstance(body, mitch.Trade):
            print(message.header.timestamp, body.side.name, body.quantity, "@", body.price)

# Publish on the provider's channel: Binance (101) ticks -> topic "6648576".
print("topic", mitch.channel_id(mitch.find_market_provider("Binance").id, "s"))

# Bad input is an exception that names the field.
try:
    mitch.Trade(ticker.id, -1.0, 10, 3).pack()
except mitch.InvalidFieldValueError as err:
    print("rejected:", err.field)
