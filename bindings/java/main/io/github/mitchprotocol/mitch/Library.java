package io.github.mitchprotocol.mitch;

import java.nio.charset.StandardCharsets;

/**
 * The libmitch that was loaded: its versions and its file.
 *
 * <p>Loading happens the first time any class of this package needs the
 * library; see {@link LibraryLoadException} for what happens when it fails.
 */
public final class Library {
  private Library() {}

  /** The library version ({@code mitch_get_version()}), e.g. "1.1.0". */
  public static String version() {
    Native.ensureLoaded();
    return new String(Native.version(), StandardCharsets.UTF_8);
  }

  /** {@code (major << 16) | (minor << 8) | patch} of the library loaded. */
  public static int versionNumber() {
    Native.ensureLoaded();
    return Native.versionNumber();
  }

  /** The wire protocol version the library speaks, e.g. "1.0.0". */
  public static String protocolVersion() {
    Native.ensureLoaded();
    return new String(Native.protocolVersion(), StandardCharsets.UTF_8);
  }

  /** The file the dynamic loader mapped for libmitch, or null if the platform cannot tell. */
  public static String path() {
    Native.ensureLoaded();
    byte[] path = Native.libraryPath();
    return path == null ? null : new String(path, StandardCharsets.UTF_8);
  }
}
