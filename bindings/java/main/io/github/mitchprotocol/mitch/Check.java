package io.github.mitchprotocol.mitch;

import java.util.List;
import java.util.Objects;

/**
 * Width checks: a value this binding cannot hand to C unchanged is refused
 * (status 6, naming the field) instead of being cut to fit. The protocol's
 * own rules (ticker id not zero, price finite and positive, ...) are the
 * library's to check, on encode.
 */
final class Check {
  private Check() {}

  static int u8(String field, int value) {
    if (value < 0 || value > 0xFF) {
      throw Errors.outOfRange(field, value, "u8 (0..255)");
    }
    return value;
  }

  static int u16(String field, int value) {
    if (value < 0 || value > 0xFFFF) {
      throw Errors.outOfRange(field, value, "u16 (0..65535)");
    }
    return value;
  }

  static int i16(String field, int value) {
    if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
      throw Errors.outOfRange(field, value, "i16 (-32768..32767)");
    }
    return value;
  }

  static long u32(String field, long value) {
    if (value < 0 || value > 0xFFFFFFFFL) {
      throw Errors.outOfRange(field, value, "u32 (0..4294967295)");
    }
    return value;
  }

  static <T> T notNull(String field, T value) {
    return Objects.requireNonNull(value, field);
  }

  /** An immutable copy; a null list or element is named ("bids[5]"). */
  static <T> List<T> listCopy(String field, List<T> list) {
    int i = 0;
    for (T element : notNull(field, list)) {
      notNull(field + "[" + i++ + "]", element);
    }
    return List.copyOf(list);
  }
}
