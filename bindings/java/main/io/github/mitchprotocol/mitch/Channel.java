package io.github.mitchprotocol.mitch;

/**
 * A pub/sub channel id: {@code (providerId << 16) | (messageType << 8)}, a
 * u32 held in a {@code long}; its 4 wire bytes are little-endian.
 *
 * @param id the channel id (0..4294967295)
 */
public record Channel(long id) {
  /**
   * Checks the id's width and validity.
   *
   * @throws InvalidFieldValueException if it does not fit u32
   * @throws InvalidChannelIdException if it is not a valid channel id
   */
  public Channel {
    Check.u32("channel_id", id);
    Native.ensureLoaded();
    int status = Native.channelValidate(id);
    if (status != Status.OK) {
      throw Errors.error(status, null);
    }
  }

  /** The channel of a provider's messages of one type. */
  public static Channel of(int providerId, MessageType type) {
    return of(providerId, Check.notNull("type", type).code());
  }

  /**
   * The channel of a provider and a raw type byte.
   *
   * @throws InvalidMessageTypeException (status 2) for a byte that is not one of t o s i b
   */
  public static Channel of(int providerId, int messageType) {
    Native.ensureLoaded();
    Check.u16("provider_id", providerId);
    long[] out = new long[1];
    if (messageType < 0 || messageType > 0xFF) {
      throw MitchException.forStatus(Status.INVALID_MESSAGE_TYPE,
          Status.text(Status.INVALID_MESSAGE_TYPE), null);
    }
    Errors.check(Native.channelCreate(providerId, messageType, out));
    return new Channel(out[0]);
  }

  /** The provider id (bits 31..16). */
  public int providerId() {
    long[] out = decode();
    return (int) out[0];
  }

  /** The message type (bits 15..8). */
  public MessageType messageType() {
    long[] out = decode();
    return MessageType.fromCode((int) out[1]);
  }

  private long[] decode() {
    long[] out = new long[2];
    Errors.check(Native.channelDecode(id, out));
    return out;
  }

  /** The 4 wire bytes (little-endian). */
  public byte[] pack() {
    byte[] out = new byte[4];
    Errors.check(Native.channelPack(id, out));
    return out;
  }

  /**
   * Reads and validates a channel id from its first 4 bytes.
   *
   * @throws BufferTooSmallException for fewer than 4 bytes
   * @throws InvalidChannelIdException for an invalid id
   */
  public static Channel unpack(byte[] bytes) {
    Native.ensureLoaded();
    long[] out = new long[1];
    Errors.check(Native.channelUnpack(bytes, out));
    return new Channel(out[0]);
  }

  /** The id as Redis and other transports name the topic (decimal). */
  public String topic() {
    return Long.toString(id);
  }
}
