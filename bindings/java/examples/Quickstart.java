/* Quickstart.java - MITCH from Java: resolve a symbol, encode a message,
   read it back, decode many bodies in one call.
   Run: java --module-path mitch.jar --add-modules io.github.mitchprotocol.mitch Quickstart.java */
import io.github.mitchprotocol.mitch.Body;
import io.github.mitchprotocol.mitch.Capture;
import io.github.mitchprotocol.mitch.Channel;
import io.github.mitchprotocol.mitch.InvalidFieldValueException;
import io.github.mitchprotocol.mitch.Message;
import io.github.mitchprotocol.mitch.MessageType;
import io.github.mitchprotocol.mitch.Registry;
import io.github.mitchprotocol.mitch.Side;
import io.github.mitchprotocol.mitch.Ticker;
import io.github.mitchprotocol.mitch.TickerId;
import io.github.mitchprotocol.mitch.Trade;
import io.github.mitchprotocol.mitch.TradeColumns;
import java.nio.ByteBuffer;
import java.util.List;

public class Quickstart {
  public static void main(String[] args) {
    // "EURUSD.m" as a broker writes it -> the 64-bit ticker id the wire carries.
    Ticker eurusd = Registry.resolve("EURUSD.m");
    System.out.println(eurusd.base().name() + " / " + eurusd.quote().name() + " "
        + TickerId.toHex(eurusd.id()));

    // Two trades in one message, timestamped 09:30 (ns since midnight UTC).
    List<Trade> trades = List.of(
        new Trade(eurusd.id(), 1.0850, 1_000_000, 1, Side.BUY),
        new Trade(eurusd.id(), 1.0851, 250_000, 2, Side.SELL));
    byte[] wire = Message.encode(34_200_000_000_000L, trades);
    System.out.println(wire.length + " bytes");

    // Every message of a capture, read in place; damage throws a MitchException.
    for (Message message : Capture.messages(wire)) {
      for (Body body : message.bodies()) {
        Trade t = (Trade) body;
        System.out.println(message.header().timestamp() + " " + t.side() + " " + t.quantity()
            + " @ " + t.price());
      }
    }

    // Bodies back to back in a direct buffer -> columns, in one native call.
    ByteBuffer bodies = ByteBuffer.allocateDirect(32 * trades.size());
    trades.forEach(t -> t.encode(bodies));
    TradeColumns columns = TradeColumns.decode(bodies.flip());
    System.out.println(columns.size() + " trades, total quantity "
        + (columns.quantities()[0] + columns.quantities()[1]));

    // Publish on the provider's channel: Binance (101) ticks -> topic "6648576".
    int binance = Registry.findProvider("Binance").provider().id();
    System.out.println("topic " + Channel.of(binance, MessageType.TICK).topic());

    // Bad input is an exception that names the field and the rule.
    try {
      new Trade(eurusd.id(), -1.0, 10, 3, Side.BUY).encode();
    } catch (InvalidFieldValueException e) {
      System.out.println("rejected: " + e.field() + " " + e.rule() + " (status " + e.status() + ")");
    }
  }
}
