// Enums.cs - the protocol's enumerations, with their wire codes.
// Values the protocol does not define can be represented (an enum holds
// any value of its underlying type); the library refuses them with status
// 6 (status 2 for a message type) when they are encoded.  LayoutTests
// checks the names against the library's table.
namespace Mitch
{
  /// <summary>The five body types, by their type byte.</summary>
  public enum MessageType : byte
  {
    /// <summary>'t': <see cref="Mitch.Trade"/>, 32 bytes.</summary>
    Trade = (byte)'t',
    /// <summary>'o': <see cref="Mitch.Order"/>, 32 bytes.</summary>
    Order = (byte)'o',
    /// <summary>'s': <see cref="Mitch.Tick"/>, 32 bytes.</summary>
    Tick = (byte)'s',
    /// <summary>'i': <see cref="Mitch.Index"/>, 64 bytes.</summary>
    Index = (byte)'i',
    /// <summary>'b': <see cref="Mitch.OrderBook"/>, 2072 bytes.</summary>
    OrderBook = (byte)'b',
  }

  /// <summary>The side of a trade's aggressor or of an order.</summary>
  public enum Side : byte
  {
    /// <summary>Buy (for a trade: the aggressor bought).</summary>
    Buy = 0,
    /// <summary>Sell.</summary>
    Sell = 1,
  }

  /// <summary>Order types (bits 1..7 of the order's type_and_side byte).</summary>
  public enum OrderType : byte
  {
    /// <summary>Market.</summary>
    Market = 0,
    /// <summary>Limit.</summary>
    Limit = 1,
    /// <summary>Stop.</summary>
    Stop = 2,
    /// <summary>Cancel (needs only a valid ticker id and order id).</summary>
    Cancel = 3,
  }

  /// <summary>The boundary tables an order book's bins use.</summary>
  public enum BinAggregator : byte
  {
    /// <summary>DEFAULT_LINGAUSSIAN, the recommended default.</summary>
    Lingaussian = 0,
    /// <summary>DEFAULT_LINGEOFLAT.</summary>
    Lingeoflat = 1,
    /// <summary>DEFAULT_BILINGEO.</summary>
    Bilingeo = 2,
    /// <summary>DEFAULT_TRILINEAR.</summary>
    Trilinear = 3,
  }

  /// <summary>The two sides of an order book.</summary>
  public enum BookSide
  {
    /// <summary>Bids.</summary>
    Bid = 0,
    /// <summary>Asks.</summary>
    Ask = 1,
  }

  /// <summary>Instrument types (bits 63..60 of a ticker id); 14 and 15 are reserved.</summary>
  public enum InstrumentType : byte
  {
    /// <summary>Code 0.</summary>
    Spot = 0,
    /// <summary>Code 1.</summary>
    Future = 1,
    /// <summary>Code 2.</summary>
    Forward = 2,
    /// <summary>Code 3.</summary>
    Swap = 3,
    /// <summary>Code 4.</summary>
    PerpetualSwap = 4,
    /// <summary>Code 5.</summary>
    Cfd = 5,
    /// <summary>Code 6.</summary>
    CallOption = 6,
    /// <summary>Code 7.</summary>
    PutOption = 7,
    /// <summary>Code 8.</summary>
    DigitalOption = 8,
    /// <summary>Code 9.</summary>
    BarrierOption = 9,
    /// <summary>Code 10.</summary>
    Warrant = 10,
    /// <summary>Code 11.</summary>
    PredictionContract = 11,
    /// <summary>Code 12.</summary>
    FundOrTrust = 12,
    /// <summary>Code 13.</summary>
    StructuredProduct = 13,
  }

  /// <summary>Asset classes (4 bits of a ticker id's legs and of a packed asset); 14 and 15 are reserved.</summary>
  public enum AssetClass : byte
  {
    /// <summary>Code 0.</summary>
    Equities = 0,
    /// <summary>Code 1.</summary>
    CorporateBonds = 1,
    /// <summary>Code 2.</summary>
    SovereignDebt = 2,
    /// <summary>Code 3.</summary>
    Forex = 3,
    /// <summary>Code 4.</summary>
    Commodities = 4,
    /// <summary>Code 5.</summary>
    RealEstate = 5,
    /// <summary>Code 6.</summary>
    Crypto = 6,
    /// <summary>Code 7.</summary>
    PrivateMarkets = 7,
    /// <summary>Code 8.</summary>
    Collectibles = 8,
    /// <summary>Code 9.</summary>
    Infrastructure = 9,
    /// <summary>Code 10.</summary>
    Indices = 10,
    /// <summary>Code 11.</summary>
    StructuredProducts = 11,
    /// <summary>Code 12.</summary>
    Cash = 12,
    /// <summary>Code 13.</summary>
    Loans = 13,
  }
}
