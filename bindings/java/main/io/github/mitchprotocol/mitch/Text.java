package io.github.mitchprotocol.mitch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Strings to and from the C side (package-private). */
final class Text {
  private Text() {}

  /**
   * Strict UTF-8 with a terminating NUL. A string that UTF-8 cannot hold
   * unchanged (a lone surrogate) or that holds U+0000 (C would see it end
   * early) is refused with status 1 rather than altered.
   */
  static byte[] cString(String field, String text) {
    Objects.requireNonNull(text, field);
    if (text.indexOf('\0') >= 0) {
      throw invalid(field, text, "must not contain U+0000");
    }
    ByteBuffer bytes;
    try {
      bytes = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(text));
    } catch (CharacterCodingException e) {
      throw invalid(field, text, "must be valid Unicode (no lone surrogates)");
    }
    byte[] out = Arrays.copyOf(bytes.array(), bytes.limit() + 1);
    return out;
  }

  private static MitchException invalid(String field, String text, String rule) {
    return Errors.error(Status.INVALID_DATA, ErrorDetail.field(field, rule, Double.NaN,
        field + " \"" + Errors.echo(text) + "\" " + rule));
  }

  static String string(Object bytes) {
    return Errors.string(bytes);
  }

  /** A '|'-separated list ("" is empty). */
  static List<String> split(String joined) {
    if (joined == null || joined.isEmpty()) {
      return List.of();
    }
    return List.of(joined.split("\\|", -1));
  }
}
