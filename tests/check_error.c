/*
 * check_error.c - errors that name the field and the rule: mitch_error as
 * mitch_check_values, mitch_check_wire and mitch_check_stream fill it
 * (field, other field, rule, values, index, offsets, text), their argument
 * checks, and that nothing is written on success but the status.
 * The conformance vectors' invalid rows are explained in
 * check_conformance.c; the agreement of the two checkers in check_rules.c.
 */
#include <config.h>

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mitch.h"
#include "test_util.h"

/* The field index of `name` in layout id. */
static int field_index(uint8_t id, const char *name) {
  mitch_layout l;
  size_t j;
  ck_assert_int_eq(mitch_layout_get(id, &l), MITCH_OK);
  for (j = 0; j < l.field_count; j++) {
    mitch_field f;
    mitch_layout_field(id, j, &f);
    if (strcmp(f.name, name) == 0)
      return (int)j;
  }
  ck_abort_msg("no field %s", name);
  return -1;
}

/* Texts are one line of printable ASCII inside the array. */
static void assert_text_sane(const mitch_error *e) {
  size_t n = strnlen(e->text, sizeof e->text), i;
  ck_assert_uint_lt(n, sizeof e->text);
  ck_assert_uint_gt(n, 0);
  for (i = 0; i < n; i++)
    ck_assert_msg(e->text[i] >= 0x20 && e->text[i] < 0x7F, "byte %zu of \"%s\"", i, e->text);
  ck_assert_ptr_ne(e->rule, NULL);
  ck_assert_ptr_ne(e->field_name, NULL);
  ck_assert_ptr_ne(e->other_name, NULL);
}

static mitch_tick crossed(void) {
  mitch_tick t;
  memset(&t, 0, sizeof t);
  t.ticker_id = 42;
  t.bid_price = 1.05;
  t.ask_price = 1.02;
  return t;
}

START_TEST(test_crossed_tick) {
  mitch_tick t[3];
  mitch_error e;
  t[0] = crossed();
  t[0].ask_price = 1.10;
  t[1] = t[0];
  t[2] = crossed();
  ck_assert_int_eq(mitch_check_values('s', t, 3, &e), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(e.status, MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(e.layout, 's');
  ck_assert_int_eq(e.field, field_index('s', "ask_price"));
  ck_assert_int_eq(e.other_field, field_index('s', "bid_price"));
  ck_assert_str_eq(e.field_name, "ask_price");
  ck_assert_str_eq(e.other_name, "bid_price");
  ck_assert_str_eq(e.rule, "a tick's bid must not exceed its ask");
  ck_assert(e.value == 1.02 && e.other_value == 1.05);
  ck_assert_uint_eq(e.index, 2);
  ck_assert_uint_eq(e.offset, 2 * 32 + 16); /* where ask_price would be on the wire */
  ck_assert_str_eq(e.text, "bid_price 1.05 is above ask_price 1.02 (a tick's bid must not "
                           "exceed its ask)");
  assert_text_sane(&e);
}
END_TEST

/* The same tick on the wire, and inside a stream. */
START_TEST(test_crossed_tick_wire_and_stream) {
  mitch_tick t = crossed();
  uint8_t body[32], stream[8 + 32 + 8 + 32];
  mitch_error e;
  mitch_stream_info info;
  memset(body, 0, sizeof body);
  tu_put_le(body, 42, 8);
  tu_put_f64(body + 8, t.bid_price);
  tu_put_f64(body + 16, t.ask_price);
  ck_assert_int_eq(mitch_check_wire('s', body, sizeof body, 1, &e), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_str_eq(e.text, "bid_price 1.05 is above ask_price 1.02 (a tick's bid must not "
                           "exceed its ask)");
  ck_assert_uint_eq(e.offset, 16);
  /* a good trade message, then the crossed tick */
  memset(stream, 0, sizeof stream);
  stream[0] = 't';
  stream[7] = 1;
  tu_put_le(stream + 8, 7, 8);
  tu_put_f64(stream + 16, 3.5);
  tu_put_le(stream + 24, 1, 4);
  tu_put_le(stream + 28, 1, 4);
  stream[40] = 's';
  tu_put_le(stream + 41, 12345, 6);
  stream[47] = 1;
  memcpy(stream + 48, body, sizeof body);
  ck_assert_int_eq(mitch_check_stream(stream, sizeof stream, 0, &info, &e),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_int_eq(mitch_stream_validate(stream, sizeof stream, 0, NULL),
                   MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_uint_eq(info.messages, 1);
  ck_assert_uint_eq(info.message_offset, 40);
  ck_assert_uint_eq(info.error_offset, 48); /* the body, as mitch_stream_validate says */
  ck_assert_uint_eq(e.index, 1);            /* the second message */
  ck_assert_uint_eq(e.message_offset, 40);
  ck_assert_uint_eq(e.offset, 48 + 16); /* ask_price in the caller's buffer */
  ck_assert_uint_eq(e.layout, 's');
  ck_assert_str_eq(e.field_name, "ask_price");
  ck_assert_str_eq(e.rule, "a tick's bid must not exceed its ask");
}
END_TEST

/* One error per kind of rule, with its field, value and text. */
START_TEST(test_each_rule_kind) {
  mitch_trade tr;
  mitch_order o;
  mitch_index x;
  mitch_header h;
  mitch_error e;
  memset(&tr, 0, sizeof tr);
  tr.ticker_id = 1;
  tr.price = NAN;
  tr.quantity = 1;
  tr.trade_id = 1;
  ck_assert_int_eq(mitch_check_values('t', &tr, 1, &e), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_str_eq(e.field_name, "price");
  ck_assert_str_eq(e.text, "price is nan (must be finite and greater than zero)");
  ck_assert_int_eq(e.other_field, -1);
  ck_assert_uint_eq(e.offset, 8);
  tr.price = -0.0;
  mitch_check_values('t', &tr, 1, &e);
  ck_assert_str_eq(e.text, "price is -0 (must be finite and greater than zero)");
  tr.price = 1e300 * 1e300;
  mitch_check_values('t', &tr, 1, &e);
  ck_assert_str_eq(e.text, "price is inf (must be finite and greater than zero)");
  tr.price = 0.1;
  tr.ticker_id = 0;
  ck_assert_int_eq(mitch_check_values('t', &tr, 1, &e), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_str_eq(e.text, "ticker_id is 0 (must not be zero)");
  ck_assert_uint_eq(e.offset, 0);
  tr.ticker_id = 1;
  tr.side = 2;
  mitch_check_values('t', &tr, 1, &e);
  ck_assert_str_eq(e.field_name, "side");
  ck_assert(e.value == 2.0);
  ck_assert_uint_eq(e.offset, 24);

  memset(&o, 0, sizeof o);
  o.ticker_id = 1;
  o.order_id = 1;
  o.order_type = MITCH_ORDER_LIMIT;
  o.price = 0.0;
  o.quantity = 5;
  ck_assert_int_eq(mitch_check_values('o', &o, 1, &e), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_str_eq(e.field_name, "price");
  ck_assert_str_eq(e.other_name, "order_type");
  ck_assert_str_eq(e.text, "price is 0 while order_type is limit (only a cancel may have a "
                           "price of zero)");
  o.price = 2.5;
  o.quantity = 0;
  mitch_check_values('o', &o, 1, &e);
  ck_assert_str_eq(e.text, "quantity is 0 while order_type is limit (only a cancel may have a "
                           "quantity of zero)");
  /* an order type out of range is blamed before the rules that depend on it */
  o.order_type = 9;
  mitch_check_values('o', &o, 1, &e);
  ck_assert_str_eq(e.field_name, "order_type");
  ck_assert_int_eq(e.other_field, -1);
  ck_assert_uint_eq(e.offset, 24);
  o.order_type = MITCH_ORDER_CANCEL;
  o.expiry_ms = MITCH_U48_MAX + 1;
  mitch_check_values('o', &o, 1, &e);
  ck_assert_str_eq(e.field_name, "expiry_ms");
  ck_assert_str_eq(e.text, "expiry_ms is 281474976710656 (must be below 2^48 (Unix time in ms; "
                           "0 = good till cancelled))");
  ck_assert_uint_eq(e.offset, 25);

  memset(&x, 0, sizeof x);
  x.ticker_id = 1;
  x.mid = 100;
  x.t_force = -10001;
  mitch_check_values('i', &x, 1, &e);
  ck_assert_str_eq(e.text, "t_force is -10001 (must be -10000..10000)");
  x.t_force = 0;
  x.confidence = 5;
  mitch_check_values('i', &x, 1, &e);
  ck_assert_str_eq(e.field_name, "accepted");
  ck_assert_str_eq(e.other_name, "confidence");
  ck_assert_str_eq(e.text, "accepted is 0 while confidence is 5 (an index with no accepted "
                           "source must have confidence 0)");
  ck_assert(e.value == 0 && e.other_value == 5);

  h.message_type = 'X';
  h.timestamp = 0;
  h.count = 0;
  ck_assert_int_eq(mitch_check_values(MITCH_LAYOUT_HEADER, &h, 1, &e),
                   MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_uint_eq(e.layout, MITCH_LAYOUT_HEADER);
  ck_assert_str_eq(e.field_name, "message_type");
  ck_assert(e.value == 'X');
  ck_assert_msg(strstr(e.text, "0x58") != NULL, "%s", e.text);
  h.message_type = 'b';
  mitch_check_values(MITCH_LAYOUT_HEADER, &h, 1, &e);
  ck_assert_str_eq(e.field_name, "count");
  ck_assert_uint_eq(e.offset, 7);
  assert_text_sane(&e);
}
END_TEST

/* Big integers are printed exactly, doubles in their shortest form. */
START_TEST(test_numbers_in_texts) {
  mitch_tick t;
  mitch_order o;
  mitch_error e;
  memset(&t, 0, sizeof t);
  t.ticker_id = 1;
  t.bid_price = 0.30000000000000004; /* needs 17 digits */
  t.ask_price = 0.3;
  mitch_check_values('s', &t, 1, &e);
  ck_assert_str_eq(e.text, "bid_price 0.30000000000000004 is above ask_price 0.3 (a tick's bid "
                           "must not exceed its ask)");
  t.bid_price = 1e-320; /* subnormal */
  t.ask_price = -1.5e300;
  mitch_check_values('s', &t, 1, &e);
  ck_assert_str_eq(e.text, "ask_price is -1.5e+300 (must be finite, greater than zero and not "
                           "below bid_price)");
  memset(&o, 0, sizeof o);
  o.ticker_id = 1;
  o.order_id = 1;
  o.price = 1;
  o.quantity = 1;
  o.expiry_ms = UINT64_MAX;
  mitch_check_values('o', &o, 1, &e);
  ck_assert_msg(strstr(e.text, "18446744073709551615") != NULL, "%s", e.text);
}
END_TEST

/* A locale whose decimal point is not '.' (U+066B, two bytes in UTF-8):
   built here with localedef from a four-line definition into a private
   LOCPATH.  Where localedef cannot run (a cross build under wine or qemu)
   the check cannot be made and says so on stderr. */
#if !defined(_WIN32)
static int make_radix_locale(char *dir, size_t dir_len) {
  char def[600], cmd[1400], probe[700];
  FILE *f;
  snprintf(dir, dir_len, "%s/mitch-locale.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  if (!mkdtemp(dir))
    return 0;
  snprintf(def, sizeof def, "%s/radix.def", dir);
  f = fopen(def, "w");
  if (!f)
    return 0;
  fputs("comment_char %\nescape_char /\nLC_NUMERIC\ndecimal_point \"<U066B>\"\n"
        "thousands_sep \"\"\ngrouping -1\nEND LC_NUMERIC\n",
        f);
  fclose(f);
  /* -c: the other categories are missing on purpose (exit status 1).
     Compiled locales are in a byte order: the localedef that runs here is
     the build machine's, and the test may run big-endian under qemu
     (s390x), so ask for the byte order of the host the test runs on. */
  {
    const uint16_t one = 1;
    const char *order = *(const unsigned char *)&one ? "--little-endian" : "--big-endian";
    snprintf(cmd, sizeof cmd,
             "localedef -c %s -i '%s' -f UTF-8 '%s/radix.UTF-8' >/dev/null 2>&1", order, def,
             dir);
  }
  if (system(cmd) == -1)
    return 0;
  snprintf(probe, sizeof probe, "%s/radix.UTF-8/LC_NUMERIC", dir);
  f = fopen(probe, "rb");
  if (!f)
    return 0;
  fclose(f);
  return 1;
}
#endif

START_TEST(test_texts_ignore_the_locale) {
#if defined(_WIN32)
  fprintf(stderr, "check_error: no localedef on Windows: locale independence not checked\n");
#else
  mitch_tick t = crossed();
  mitch_error e;
  char dir[512], cmd[600], probe[32], *prev;
  if (!make_radix_locale(dir, sizeof dir)) {
    fprintf(stderr, "check_error: localedef could not build a test locale here: "
                    "locale independence of the texts not checked\n");
    return;
  }
  setenv("LOCPATH", dir, 1);
  prev = setlocale(LC_NUMERIC, NULL);
  prev = prev ? strdup(prev) : NULL;
  ck_assert_msg(setlocale(LC_NUMERIC, "radix.UTF-8") != NULL, "cannot load the locale in %s",
                dir);
  snprintf(probe, sizeof probe, "%.2f", 1.5);
  ck_assert_str_eq(probe, "1\xd9\xab" "50"); /* the locale is really in effect */
  mitch_check_values('s', &t, 1, &e);
  setlocale(LC_NUMERIC, prev ? prev : "C");
  free(prev);
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
  ck_assert_str_eq(e.text, "bid_price 1.05 is above ask_price 1.02 (a tick's bid must not "
                           "exceed its ask)");
#endif
}
END_TEST

/* NULL, empty, short, unknown ids: the documented order and a rule. */
START_TEST(test_arguments) {
  mitch_trade tr;
  mitch_error e;
  uint8_t buf[64];
  memset(&tr, 0, sizeof tr);
  memset(buf, 0, sizeof buf);
  ck_assert_int_eq(mitch_check_values('t', NULL, 1, &e), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(e.field, -1);
  ck_assert_str_ne(e.rule, "");
  assert_text_sane(&e);
  ck_assert_int_eq(mitch_check_values('t', NULL, 0, &e), MITCH_OK);
  ck_assert_int_eq(mitch_check_values('t', &tr, 0, &e), MITCH_OK);
  ck_assert_int_eq(mitch_check_values('X', &tr, 1, &e), MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_int_eq(e.field, -1);
  ck_assert_int_eq(mitch_check_values(MITCH_LAYOUT_ERROR, &tr, 1, &e),
                   MITCH_ERR_INVALID_MESSAGE_TYPE); /* an API struct has no rules */
  ck_assert_int_eq(mitch_check_values(MITCH_LAYOUT_BIN, &tr, 1, &e), MITCH_OK);
  ck_assert_int_eq(mitch_check_values('t', &tr, 1, NULL), MITCH_ERR_INVALID_FIELD_VALUE);

  ck_assert_int_eq(mitch_check_wire('t', NULL, 32, 1, &e), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_check_wire('t', NULL, 0, 0, &e), MITCH_OK);
  ck_assert_int_eq(mitch_check_wire('X', buf, 0, 1, &e), MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_int_eq(mitch_check_wire('t', buf, 63, 2, &e), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(e.field, -1);
  assert_text_sane(&e);
  ck_assert_str_eq(e.text, "63 bytes cannot hold 2 trade images of 32 bytes");
  ck_assert_int_eq(mitch_check_wire('t', buf, 31, 1, &e), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_str_eq(e.text, "31 bytes cannot hold 1 trade image of 32 bytes"); /* one, not "images" */
  ck_assert_int_eq(mitch_check_wire('t', buf, 64, SIZE_MAX, &e), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(mitch_check_wire('t', buf, 64, 2, &e), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_str_eq(e.field_name, "ticker_id");
  ck_assert_int_eq(mitch_check_wire(MITCH_LAYOUT_BIN, buf, 64, 8, &e), MITCH_OK);

  ck_assert_int_eq(mitch_check_stream(NULL, 1, 0, NULL, &e), MITCH_ERR_INVALID_DATA);
  ck_assert_int_eq(mitch_check_stream(NULL, 0, 0, NULL, &e), MITCH_OK);
  ck_assert_int_eq(mitch_check_stream(buf, 0, 'X', NULL, &e), MITCH_ERR_INVALID_MESSAGE_TYPE);
  assert_text_sane(&e);
}
END_TEST

/* Success writes err->status and nothing else. */
START_TEST(test_success_writes_only_the_status) {
  mitch_trade tr;
  mitch_error e;
  const uint8_t *p = (const uint8_t *)&e;
  size_t i;
  memset(&tr, 0, sizeof tr);
  tr.ticker_id = 1;
  tr.price = 1;
  tr.quantity = 1;
  tr.trade_id = 1;
  memset(&e, 0xA5, sizeof e);
  ck_assert_int_eq(mitch_check_values('t', &tr, 1, &e), MITCH_OK);
  ck_assert_int_eq(e.status, MITCH_OK);
  for (i = sizeof e.status; i < sizeof e; i++)
    ck_assert_msg(p[i] == 0xA5, "byte %zu of the mitch_error written on success", i);
}
END_TEST

/* Framing damage in a stream: the header field and the rule. */
START_TEST(test_stream_framing) {
  uint8_t s[8 + 32 + 8];
  mitch_error e;
  mitch_stream_info info;
  memset(s, 0, sizeof s);
  s[0] = 't';
  s[7] = 1;
  tu_put_le(s + 8, 7, 8);
  tu_put_f64(s + 16, 3.5);
  tu_put_le(s + 24, 1, 4);
  tu_put_le(s + 28, 1, 4);
  /* the second message: a bad type byte */
  s[40] = 'X';
  s[47] = 1;
  ck_assert_int_eq(mitch_check_stream(s, sizeof s, 0, &info, &e), MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_uint_eq(e.layout, MITCH_LAYOUT_HEADER);
  ck_assert_str_eq(e.field_name, "message_type");
  ck_assert_uint_eq(e.index, 1);
  ck_assert_uint_eq(e.offset, 40);
  ck_assert_uint_eq(e.message_offset, 40);
  ck_assert_uint_eq(info.error_offset, 40);
  /* count 0 */
  s[40] = 's';
  s[47] = 0;
  ck_assert_int_eq(mitch_check_stream(s, sizeof s, 0, &info, &e), MITCH_ERR_INVALID_FIELD_VALUE);
  ck_assert_str_eq(e.field_name, "count");
  ck_assert_uint_eq(e.offset, 47);
  ck_assert_uint_eq(info.error_offset, 47);
  /* a count that promises a body that is not there */
  s[47] = 1;
  ck_assert_int_eq(mitch_check_stream(s, sizeof s, 0, &info, &e), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_str_eq(e.field_name, "count");
  ck_assert_uint_eq(e.offset, sizeof s);
  ck_assert_str_ne(e.rule, "");
  assert_text_sane(&e);
  /* a header cut short: lengths before types */
  ck_assert_int_eq(mitch_check_stream(s, 45, 0, &info, &e), MITCH_ERR_BUFFER_TOO_SMALL);
  ck_assert_int_eq(e.field, -1);
  ck_assert_uint_eq(e.offset, 45);
  /* a type other than the one asked for */
  ck_assert_int_eq(mitch_check_stream(s, 40, 's', &info, &e), MITCH_ERR_INVALID_MESSAGE_TYPE);
  ck_assert_str_eq(e.field_name, "message_type");
  ck_assert_uint_eq(e.offset, 0);
  ck_assert_int_eq(mitch_check_stream(s, 40, 't', &info, &e), MITCH_OK);
  ck_assert_uint_eq(info.messages, 1);
  ck_assert_uint_eq(info.bodies, 1);
}
END_TEST

/* The check functions agree with mitch_stream_validate on every prefix of
   a damaged stream (status and info), and always say something. */
START_TEST(test_stream_prefixes) {
  static uint8_t s[3 * (8 + 2072)];
  size_t n, i;
  memset(s, 0, sizeof s);
  for (i = 0; i < 3; i++) {
    uint8_t *m = s + i * (8 + 2072);
    m[0] = 'b';
    m[7] = 1;
    tu_put_le(m + 8, 99, 8);
    tu_put_f64(m + 16, 10.0);
  }
  s[2 * (8 + 2072) + 8 + 16] = 4; /* the third book: aggregator 4 */
  for (n = 0; n <= sizeof s; n++) {
    mitch_stream_info a, b;
    mitch_error e;
    int st = mitch_stream_validate(s, n, 0, &a);
    ck_assert_int_eq(mitch_check_stream(s, n, 0, &b, &e), st);
    ck_assert(memcmp(&a, &b, sizeof a) == 0);
    if (st != MITCH_OK) {
      assert_text_sane(&e);
      ck_assert_uint_eq(e.message_offset, a.message_offset);
      ck_assert_uint_eq(e.index, a.messages);
    }
  }
  {
    mitch_error e;
    ck_assert_int_eq(mitch_check_stream(s, sizeof s, 0, NULL, &e), MITCH_ERR_INVALID_FIELD_VALUE);
    ck_assert_str_eq(e.field_name, "bin_aggregator");
    ck_assert_uint_eq(e.offset, 2 * (8 + 2072) + 8 + 16);
  }
}
END_TEST

static Suite *error_suite(void) {
  Suite *s = suite_create("error");
  TCase *tc = tu_tcase("error");
  tcase_add_test(tc, test_crossed_tick);
  tcase_add_test(tc, test_crossed_tick_wire_and_stream);
  tcase_add_test(tc, test_each_rule_kind);
  tcase_add_test(tc, test_numbers_in_texts);
  tcase_add_test(tc, test_texts_ignore_the_locale);
  tcase_add_test(tc, test_arguments);
  tcase_add_test(tc, test_success_writes_only_the_status);
  tcase_add_test(tc, test_stream_framing);
  tcase_add_test(tc, test_stream_prefixes);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  return tu_run_suite(error_suite());
}
