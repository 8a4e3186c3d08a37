// Quickstart.cs - MITCH from C#: resolve a symbol, encode a message, read
// it back, decode many bodies in one call.
// Build: mcs -langversion:7.2 -r:Mitch.dll Quickstart.cs && mono Quickstart.exe
using System;
using Mitch;

static class Quickstart
{
  static void Main()
  {
    // "EURUSD.m" as a broker writes it -> the 64-bit ticker id the wire carries.
    Ticker eurusd = Registry.Resolve("EURUSD.m");
    Console.WriteLine(eurusd.Base.Name + " / " + eurusd.Quote.Name + " 0x" + eurusd.Id.ToString("x16"));

    // Two trades in one message, timestamped 09:30 (ns since midnight UTC).
    var trades = new[]
    {
      new Trade(eurusd.Id, 1.0850, 1000000, 1, Side.Buy),
      new Trade(eurusd.Id, 1.0851, 250000, 2, Side.Sell),
    };
    byte[] wire = Message.Encode(34200000000000UL, trades);
    Console.WriteLine(wire.Length + " bytes");

    // Every message of a capture, read in place; damage throws a MitchException.
    foreach (Message message in Capture.Messages(wire))
      foreach (Trade t in message.Bodies())
        Console.WriteLine(message.Header.Timestamp + " " + t.Side + " " + t.Quantity + " @ " + t.Price.ToString("R", System.Globalization.CultureInfo.InvariantCulture));

    // Bodies back to back -> an array of readonly structs, in one call.
    Trade[] decoded = Trade.DecodeAll(Trade.EncodeAll(trades));
    Console.WriteLine(decoded.Length + " trades, total quantity " + (decoded[0].Quantity + decoded[1].Quantity));

    // Publish on the provider's channel: Binance (101) ticks -> topic "6648576".
    Provider binance = Registry.FindProvider("Binance");
    Console.WriteLine("topic " + Channel.Create(binance.Id, MessageType.Tick).Topic);

    // Bad input is an exception that names the field and the rule.
    try
    {
      new Trade(eurusd.Id, -1.0, 10, 3, Side.Buy).Encode();
    }
    catch (InvalidFieldValueException e)
    {
      Console.WriteLine("rejected: " + e.Field + " " + e.Rule + " (status " + e.Status + ")");
    }
  }
}
