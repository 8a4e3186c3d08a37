package io.github.mitchprotocol.mitch;

import java.nio.charset.StandardCharsets;

/** Turning statuses into exceptions (package-private plumbing). */
final class Errors {
  private Errors() {}

  /** Longest piece of caller text an error message repeats. */
  static final int ECHO_LIMIT = 80;

  /** mitch_get_version_number() of the first release with mitch_check_* and layouts. */
  static final int API_1_1 = 0x010100;

  static void check(int status) {
    if (status != Status.OK) {
      throw error(status, null);
    }
  }

  static MitchException error(int status, ErrorDetail detail) {
    String message = Status.text(status) + " (status " + status + ")";
    if (detail != null && detail.text() != null && !detail.text().isEmpty()) {
      message += ": " + detail.text();
    } else if (detail != null && detail.offset() >= 0) {
      message += " at offset " + detail.offset();
    }
    return MitchException.forStatus(status, message, detail);
  }

  /** A value that does not fit its field's width: status 6, named by the binding. */
  static InvalidFieldValueException outOfRange(String field, long value, String width) {
    String rule = "must fit in " + width;
    String text = field + " " + value + " " + rule;
    return (InvalidFieldValueException) error(Status.INVALID_FIELD_VALUE,
        ErrorDetail.field(field, rule, value, text));
  }

  /** A code the protocol does not define for an enumerated field: status 6. */
  static InvalidFieldValueException badCode(String field, long code, String values) {
    String rule = "must be one of " + values;
    String text = field + " " + code + " is not a defined code (" + rule + ")";
    return (InvalidFieldValueException) error(Status.INVALID_FIELD_VALUE,
        ErrorDetail.field(field, rule, code, text));
  }

  /** Whether the loaded library has the 1.1 functions (checks, layouts, captures). */
  static boolean hasApi11() {
    return Library.versionNumber() >= API_1_1;
  }

  static String string(Object bytes) {
    return bytes == null ? null : new String((byte[]) bytes, StandardCharsets.UTF_8);
  }

  /** Builds the detail from the glue's err/strings arrays (see Native.checkValues). */
  static ErrorDetail detail(long[] err, Object[] strings) {
    String field = emptyToNull(string(strings[0]));
    String other = emptyToNull(string(strings[1]));
    String rule = emptyToNull(string(strings[2]));
    String text = emptyToNull(string(strings[3]));
    return new ErrorDetail(field, other, rule, Double.longBitsToDouble(err[7]),
        Double.longBitsToDouble(err[8]), err[4], err[5], err[6], text);
  }

  /** After a failed encode of one body: the details from mitch_check_values. */
  static MitchException forValues(int status, int type, long[] slots) {
    if (hasApi11() && status == Status.INVALID_FIELD_VALUE) {
      long[] err = new long[9];
      Object[] strings = new Object[4];
      if (Native.checkValues(type, slots, err, strings) == status) {
        return error(status, detail(err, strings));
      }
    }
    return error(status, null);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** Caller text cut for an error message. */
  static String echo(String text) {
    if (text.length() <= ECHO_LIMIT) {
      return text;
    }
    return text.substring(0, ECHO_LIMIT) + "...";
  }
}
