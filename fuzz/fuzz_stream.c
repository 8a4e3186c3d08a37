/*
 * fuzz_stream.c - the message/stream parser over arbitrary bytes.
 *
 * The input is a buffer of concatenated messages (or garbage), copied to
 * an exactly-sized heap block.  Properties:
 *  - mitch_reader_next frames messages that lie inside the buffer, back to
 *    back from offset 0, and stops with MITCH_END exactly at the end or with
 *    an error whose offsets are inside the buffer; the error is sticky;
 *  - the reason matches an oracle written from protocol.md (unknown type,
 *    count 0, truncated header or bodies);
 *  - every framed message that validates decodes (mitch_capture_decode),
 *    and re-encoding it with mitch_message_encode gives its bytes back
 *    (padding zeroed);
 *  - mitch_stream_validate reports what the reader + mitch_message_validate
 *    loop finds (status, counts, offsets);
 *  - mitch_stream_gather copies exactly the bodies of a one-type stream into
 *    an exactly-sized buffer (and refuses a buffer one byte too short), and
 *    mitch_stream_frame turns them back into a stream that validates and
 *    gathers to the same bytes.
 */
#include "fuzz_util.h"

typedef struct walk {
  int status; /* MITCH_OK if the whole buffer validated */
  size_t messages, bodies, error_offset, message_offset;
  uint8_t first_type;
  int one_type; /* every message so far has first_type */
} walk;

/* Decode every body of a valid message and encode the message again. */
static void round_trip(const mitch_message *m) {
  uint8_t type = m->header.message_type;
  size_t bs = fuzz_body_size(type), n = m->header.count, i, written = 0;
  size_t ss, out_len = m->size;
  void *bodies;
  uint8_t *out = malloc(out_len), *want = malloc(out_len);
  mitch_capture_sink sink;
  int st;
  ss = fuzz_struct_size(type);
  bodies = malloc(n * ss);
  /* decode the bodies with the capture decoder: one sink of the type */
  memset(&sink, 0, sizeof sink);
  sink.message_type = type;
  sink.bodies = bodies;
  sink.capacity = n;
  st = mitch_capture_decode(m->bodies - MITCH_HEADER_SIZE, m->size, &sink, 1, NULL, NULL);
  FUZZ_ASSERT(st != MITCH_OK || sink.count == n);
  FUZZ_ASSERT(st == MITCH_OK);
  st = mitch_message_encode(type, m->header.timestamp, bodies, n, out, out_len, &written);
  FUZZ_ASSERT(st == MITCH_OK && written == m->size);
  memcpy(want, m->bodies - MITCH_HEADER_SIZE, m->size);
  for (i = 0; i < n; i++)
    fuzz_zero_padding(type, want + MITCH_HEADER_SIZE + i * bs);
  FUZZ_ASSERT(memcmp(out, want, m->size) == 0);
  /* one byte short: refused, nothing written past the end */
  FUZZ_ASSERT(mitch_message_encode(type, m->header.timestamp, bodies, n, out, out_len - 1,
                                   &written) == MITCH_ERR_BUFFER_TOO_SMALL);
  free(bodies);
  free(out);
  free(want);
}

static walk read_all(const uint8_t *p, size_t size) {
  mitch_reader r;
  mitch_message m;
  walk w;
  size_t expect_offset = 0;
  int st;
  memset(&w, 0, sizeof w);
  w.one_type = 1;
  mitch_reader_init(&r, p, size);
  for (;;) {
    size_t bad = 0;
    int vs;
    st = mitch_reader_next(&r, &m);
    if (st != MITCH_OK)
      break;
    /* framed where the oracle says, inside the buffer */
    FUZZ_ASSERT(m.offset == expect_offset);
    FUZZ_ASSERT(m.header.message_type == p[m.offset] && m.header.count == p[m.offset + 7]);
    FUZZ_ASSERT(m.body_size == fuzz_body_size(m.header.message_type) && m.header.count > 0);
    FUZZ_ASSERT(m.size == MITCH_HEADER_SIZE + m.header.count * m.body_size);
    FUZZ_ASSERT(m.size <= size - m.offset && m.bodies == p + m.offset + MITCH_HEADER_SIZE);
    expect_offset += m.size;
    if (w.messages == 0 && w.status == MITCH_OK)
      w.first_type = m.header.message_type;
    vs = mitch_message_validate(&m, &bad);
    if (vs != MITCH_OK) {
      FUZZ_ASSERT(vs == MITCH_ERR_INVALID_FIELD_VALUE && bad < m.header.count);
      if (w.status == MITCH_OK) {
        w.status = vs;
        w.message_offset = m.offset;
        w.error_offset = m.offset + MITCH_HEADER_SIZE + bad * m.body_size;
      }
      continue; /* the reader itself goes on: it only frames */
    }
    round_trip(&m);
    if (w.status == MITCH_OK) {
      if (m.header.message_type != w.first_type)
        w.one_type = 0;
      w.messages++;
      w.bodies += m.header.count;
    }
  }
  FUZZ_ASSERT(r.status == st);
  if (st == MITCH_END) {
    FUZZ_ASSERT(expect_offset == size);
  } else {
    /* the oracle for the damaged message at expect_offset */
    size_t left = size - expect_offset, bs = fuzz_body_size(p[expect_offset]);
    int expect;
    size_t expect_error;
    /* mitch.h's order: the header's length, its type byte, its count,
       then the length of its bodies. */
    if (left < MITCH_HEADER_SIZE) {
      expect = MITCH_ERR_BUFFER_TOO_SMALL;
      expect_error = size;
    } else if (bs == 0) {
      expect = MITCH_ERR_INVALID_MESSAGE_TYPE;
      expect_error = expect_offset;
    } else if (p[expect_offset + 7] == 0) {
      expect = MITCH_ERR_INVALID_FIELD_VALUE;
      expect_error = expect_offset + 7;
    } else {
      FUZZ_ASSERT(left < MITCH_HEADER_SIZE + p[expect_offset + 7] * bs);
      expect = MITCH_ERR_BUFFER_TOO_SMALL;
      expect_error = size;
    }
    FUZZ_ASSERT(st == expect);
    FUZZ_ASSERT(r.error_offset == expect_error && r.message_offset == expect_offset);
    /* sticky */
    FUZZ_ASSERT(mitch_reader_next(&r, &m) == st);
    if (w.status == MITCH_OK) {
      w.status = st;
      w.error_offset = r.error_offset;
      w.message_offset = r.message_offset;
    }
  }
  return w;
}

static void check_gather(const uint8_t *p, size_t size, const walk *w) {
  size_t bs = fuzz_body_size(w->first_type), n = 0, n2 = 0, again = 0, written = 0;
  mitch_stream_info info;
  uint8_t *bodies, *framed, *regathered;
  int st;
  /* count only */
  st = mitch_stream_gather(p, size, w->first_type, NULL, 0, &n, &info);
  FUZZ_ASSERT(st == MITCH_OK && n == w->bodies);
  bodies = malloc(n * bs ? n * bs : 1);
  st = mitch_stream_gather(p, size, w->first_type, bodies, n * bs, &n2, &info);
  FUZZ_ASSERT(st == MITCH_OK && n2 == n && info.messages == w->messages);
  if (n * bs > 0) {
    /* one byte short is refused */
    FUZZ_ASSERT(mitch_stream_gather(p, size, w->first_type, bodies, n * bs - 1, &n2, NULL) ==
                MITCH_ERR_BUFFER_TOO_SMALL);
  }
  /* reframe: 255 bodies per message, validates, gathers to the same bytes */
  FUZZ_ASSERT(mitch_stream_frame(w->first_type, 12345, bodies, n, NULL, 0, &written) ==
              MITCH_OK);
  framed = malloc(written ? written : 1);
  FUZZ_ASSERT(mitch_stream_frame(w->first_type, 12345, bodies, n, framed, written, &written) ==
              MITCH_OK);
  FUZZ_ASSERT(mitch_stream_validate(framed, written, w->first_type, &info) == MITCH_OK &&
              info.bodies == n);
  regathered = malloc(n * bs ? n * bs : 1);
  FUZZ_ASSERT(mitch_stream_gather(framed, written, w->first_type, regathered, n * bs, &again,
                                  NULL) == MITCH_OK &&
              again == n);
  FUZZ_ASSERT(n == 0 || memcmp(bodies, regathered, n * bs) == 0);
  free(bodies);
  free(framed);
  free(regathered);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint8_t *p = fuzz_copy(data, size);
  mitch_stream_info info;
  walk w = read_all(p, size);
  int st = mitch_stream_validate(p, size, 0, &info);
  FUZZ_ASSERT(st == w.status);
  FUZZ_ASSERT(info.messages == w.messages && info.bodies == w.bodies);
  if (st != MITCH_OK) {
    FUZZ_ASSERT(info.error_offset == w.error_offset && info.message_offset == w.message_offset);
    FUZZ_ASSERT(info.message_offset <= info.error_offset && info.error_offset <= size);
  } else if (w.messages > 0 && w.one_type) {
    FUZZ_ASSERT(mitch_stream_validate(p, size, w.first_type, NULL) == MITCH_OK);
    check_gather(p, size, &w);
  }
  /* a type filter that cannot match the first message */
  if (size > 0 && w.messages > 0 && w.first_type != 'b')
    FUZZ_ASSERT(mitch_stream_validate(p, size, 'b', NULL) == MITCH_ERR_INVALID_MESSAGE_TYPE);
  free(p);
  return 0;
}
