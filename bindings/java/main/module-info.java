/**
 * libmitch for Java: the MITCH market-data protocol's bodies, messages,
 * captures, ticker ids, channels and registry, through JNI over the C
 * library libmitch (every codec rule and lookup runs in C).
 *
 * <p>Start with {@link io.github.mitchprotocol.mitch.Trade},
 * {@link io.github.mitchprotocol.mitch.Message},
 * {@link io.github.mitchprotocol.mitch.Capture} and
 * {@link io.github.mitchprotocol.mitch.Registry}.
 */
module io.github.mitchprotocol.mitch {
  exports io.github.mitchprotocol.mitch;
}
