/*
 * internal.h - what the files of libmitch-redis share.  Not installed.
 *
 * The library is layered:
 *   url.c        URL -> mr_url (no I/O)
 *   slot.c       CRC16 key slots of Redis Cluster (no I/O)
 *   resp.c       RESP command building into a byte buffer (no I/O)
 *   payload.c    validation of payloads, channel names, bare-body framing
 *   node.c       one connection: connect + handshake through hiredis, then
 *                non-blocking I/O of our own (MSG_NOSIGNAL, deadlines) with
 *                hiredis's reply parser
 *   client.c     a set of nodes with the cluster slot map and redirections,
 *                pipelining; the public mitch_redis_* client functions
 *   subscriber.c / consumer.c   the two receiving handles
 */
#ifndef MITCH_REDIS_INTERNAL_H
#define MITCH_REDIS_INTERNAL_H 1

#include <stddef.h>
#include <stdint.h>

#include <hiredis/hiredis.h>

#include "mitch-redis.h"

#define MR_ERROR_SIZE 256
#define MR_SLOTS 16384u
#define MR_MAX_REDIRECTS 5
#define MR_DEFAULT_TIMEOUT_MS 2000
#define MR_KEY_MAX 64 /* the longest stream or snapshot key, with room to spare */

/* ---- byte buffers ------------------------------------------------------ */

typedef struct mr_buf {
  char *data;
  size_t len, cap;
  int failed; /* an allocation failed: every later append fails too, so a
                 command built of many appends is checked once, at its end */
} mr_buf;

/* Room for `extra` more bytes; MITCH_OK or MITCH_REDIS_ERR_NO_MEMORY. */
int mr_buf_reserve(mr_buf *b, size_t extra);
int mr_buf_append(mr_buf *b, const void *p, size_t n);
void mr_buf_free(mr_buf *b);
/* Empty it for reuse (keeps the memory, forgets a failure). */
void mr_buf_clear(mr_buf *b);

/* ---- clocks ------------------------------------------------------------- */

/* Monotonic milliseconds, for deadlines. */
uint64_t mr_now_ms(void);
/* CLOCK_REALTIME as ns since midnight UTC (a MITCH header timestamp). */
uint64_t mr_time_of_day_ns(void);
/* Milliseconds left until deadline (0 when passed). */
int mr_remaining_ms(uint64_t deadline);

/* printf into a fixed buffer, always NUL-terminated. */
void mr_set_error(char *dst, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The text of an errno value, thread-safe (strerror is not required to
   be): in buf, or a constant string. */
const char *mr_strerror(int errnum, char buf[64]);

/* Copy text into a caller's optional why buffer (NULL or 0 bytes: nothing). */
void mr_report_why(char *why, size_t why_len, const char *text);

/* ---- url.c -------------------------------------------------------------- */

typedef struct mr_url {
  int is_unix;
  char host[256]; /* TCP: host name or address (IPv6 without brackets) */
  int port;
  char path[108]; /* unix: socket path (sun_path holds 108 bytes) */
  int has_password;
  int has_user;
  char user[256];
  char password[256];
  int db;
} mr_url;

/* Parse a redis:// or unix:// URL.  MITCH_OK, MITCH_ERR_INVALID_DATA
   (NULL), MITCH_REDIS_ERR_URL or MITCH_REDIS_ERR_TLS; err (MR_ERROR_SIZE)
   says why.  *out is written only on success. */
int mr_url_parse(const char *url, mr_url *out, char *err);

/* ---- slot.c ------------------------------------------------------------- */

/* CRC16-CCITT (XMODEM: polynomial 0x1021, initial value 0), the cluster's. */
uint16_t mr_crc16(const void *data, size_t len);
/* The hash slot of a key, hash tags ({...}) included. */
unsigned mr_key_slot(const void *key, size_t len);

/* ---- resp.c ------------------------------------------------------------- */

/* Append "*argc\r\n" to b; then argc mr_cmd_arg calls. */
int mr_cmd_begin(mr_buf *b, unsigned argc);
int mr_cmd_arg(mr_buf *b, const void *arg, size_t len);
int mr_cmd_arg_str(mr_buf *b, const char *s);
int mr_cmd_arg_u64(mr_buf *b, uint64_t v);
/* Decimal text of v into out (no NUL); returns its length (1..20). */
size_t mr_u64_text(uint64_t v, char out[20]);

/* ---- payload.c ---------------------------------------------------------- */

/* Largest message a bare body is framed into (header + one order book). */
#define MR_FRAME_MAX (MITCH_HEADER_SIZE + MITCH_ORDER_BOOK_SIZE)

/* The type byte of a valid channel id (0 for an invalid one). */
uint8_t mr_channel_type(uint32_t channel_id);

/* A message to be sent on channel_id must be exactly one valid message of
   the channel's type.  MITCH_OK, or the status with err filled. */
int mr_check_outgoing(uint32_t channel_id, const uint8_t *message, size_t size,
                      size_t *n_bodies, char *err);

/* The ticker id of a body of type `type`, found through the layout table
   (the field "ticker_id", u64 on the wire). */
int mr_body_ticker_id(uint8_t type, const uint8_t *body, uint64_t *ticker_id);

/* Judge a payload that arrived on channel_id (channel_ok 0: the name spells
   no channel) and fill d->kind, status, data, size, error_offset, reason,
   flags |= STAMPED for a framed bare body.  frame: MR_FRAME_MAX bytes the
   bare body is framed into (must outlive the delivery).  `where` names the
   source in reasons ("channel 6648576", "stream mitch:stream:..."). */
void mr_judge_payload(const uint8_t *payload, size_t len, uint32_t channel_id, int channel_ok,
                      unsigned flags, uint8_t *frame, mitch_redis_delivery *d);

/* A damaged delivery for damage found outside the payload's bytes (a
   foreign stream entry): kind, status, error (field -1) and reason. */
void mr_damaged(mitch_redis_delivery *d, int status, const char *rule, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Every field a delivery of any kind reads set to its empty value (the
   error's details only for damaged ones). */
void mr_delivery_reset(mitch_redis_delivery *d);

/* Stream and snapshot key names. */
size_t mr_stream_key(uint32_t channel_id, char out[MR_KEY_MAX]);
size_t mr_snapshot_key(uint32_t channel_id, uint64_t ticker_id, char out[MR_KEY_MAX]);

/* ---- node.c ------------------------------------------------------------- */

enum mr_reply_kind {
  MR_R_DISCARD = 0, /* ASKING and the like: any non-error reply is fine */
  MR_R_INTEGER,     /* PUBLISH, SPUBLISH, XACK */
  MR_R_ID,          /* XADD: a bulk string */
  MR_R_OK,          /* SET: +OK */
  MR_R_ANY          /* read by the caller itself */
};

typedef struct mr_pending {
  size_t offset, len;  /* the command's bytes in the node's out buffer */
  uint8_t kind;        /* enum mr_reply_kind */
  uint8_t redirects;   /* redirections followed so far */
  uint8_t asking;      /* preceded by ASKING (its reply is not counted) */
  unsigned slot;       /* hash slot (cluster routing), MR_SLOTS if none */
  size_t tag;          /* the caller's own (a subscriber: which subscription) */
} mr_pending;

typedef struct mr_node {
  char host[256]; /* or the socket path when is_unix */
  int port;
  int is_unix;
  redisContext *ctx; /* NULL when not connected */
  int fd;            /* ctx->fd, -1 when not connected */
  int ever_connected;
  uint64_t lost_at;  /* mr_now_ms() when the connection broke, 0 if it did not */
  mr_buf out;        /* commands: [0, head) answered, [head, sent) in flight,
                        [sent, len) not yet sent */
  size_t head, sent;
  char *in;          /* bytes read from the socket, [in_pos, in_len) not yet
                        given to the reply parser */
  size_t in_pos, in_len;
  mr_pending *pend;  /* replies expected, oldest at pend_first */
  size_t pend_first, pend_count, pend_cap;
  char run_id[48];   /* the server's run_id at connect ("" if unknown) */
  char prev_run_id[48];
} mr_node;

/* The settings every connection of a handle shares. */
typedef struct mr_settings {
  mr_url url;
  int timeout_ms;
  int reconnect_ms;
} mr_settings;

void mr_node_init(mr_node *n, const char *host, int port);
/* Connect and do the handshake (AUTH, SELECT, INFO server) by deadline. */
int mr_node_connect(mr_node *n, const mr_settings *s, uint64_t deadline, char *err);
/* Keep trying to connect a node whose connection broke, until the
   reconnect window ends (50 ms apart, doubling to 1 s). */
int mr_node_reconnect(mr_node *n, const mr_settings *s, char *err);
/* Drop the connection (lost or given up on); queued commands are dropped. */
void mr_node_disconnect(mr_node *n, int lost);
void mr_node_free(mr_node *n);
/* Queue a command built in place: mr_node_prepare, then append it to
   n->out (from offset = n->out.len), then mr_node_commit (which takes it
   back if the buffer ran out of memory). */
int mr_node_prepare(mr_node *n, char *err);
int mr_node_commit(mr_node *n, size_t offset, uint8_t kind, unsigned slot, uint8_t redirects,
                   char *err);
/* Queue command bytes (cmd, len) with the reply kind expected. */
int mr_node_queue(mr_node *n, const char *cmd, size_t len, uint8_t kind, unsigned slot,
                  uint8_t redirects, char *err);
/* Send what is unsent and read until a complete reply is parsed or the
   deadline (want_reply 0: only until everything is sent).  Breaks the
   connection on EOF, errors, protocol errors and timeouts. */
int mr_node_io(mr_node *n, uint64_t deadline, int want_reply, redisReply **reply, char *err);
/* Non-blocking: a reply already parsed, or read what the socket has now.
   MITCH_OK with *reply (may be NULL: nothing complete yet) or a failure. */
int mr_node_poll_reply(mr_node *n, redisReply **reply, char *err);
/* A reply already parsed from what was read, without any I/O (NULL: none). */
int mr_node_parsed(mr_node *n, redisReply **reply, char *err);
/* Drop the oldest pending entry (its reply was read). */
void mr_node_pop(mr_node *n);
/* Send a command and read its reply synchronously (no pipelined commands
   may be pending).  The caller frees *reply. */
int mr_node_command(mr_node *n, const mr_buf *cmd, uint64_t deadline, redisReply **reply,
                    char *err);

/* Status of an error reply: MITCH_REDIS_ERR_AUTH for NOAUTH/WRONGPASS,
   MITCH_REDIS_ERR_SERVER otherwise; err gets "server: <text>". */
int mr_error_reply(const redisReply *r, char *err);

/* ---- client.c ----------------------------------------------------------- */

typedef struct mr_client {
  mr_settings set;
  int cluster;
  mr_node **nodes; /* [0] is the node of the URL */
  size_t n_nodes;
  uint16_t *slot_node; /* cluster: MR_SLOTS entries, node index + 1, 0 unknown */
  unsigned depth;      /* pipeline depth, >= 1 */
  size_t in_flight;    /* commands queued or sent, reply not yet read */
  int held_status;     /* first failure of a queued command not yet returned */
  char held_error[MR_ERROR_SIZE];
  char error[MR_ERROR_SIZE];
} mr_client;

int mr_client_open(mr_client *c, const char *url, int timeout_ms);
void mr_client_close(mr_client *c);
/* Find or add the node host:port; its index, or -1 (no memory). */
int mr_client_node(mr_client *c, const char *host, int port);
/* Read CLUSTER SLOTS from any reachable node into the slot map. */
int mr_client_refresh_slots(mr_client *c, uint64_t deadline);
/* The node that owns slot (the URL's node if not a cluster). */
int mr_client_route(mr_client *c, unsigned slot, size_t *node, uint64_t deadline);
/* Queue one command for slot (MR_SLOTS: any node) and, with depth 1 or a
   full pipeline, read replies.  */
int mr_client_send(mr_client *c, const mr_buf *cmd, uint8_t kind, unsigned slot);
/* The same with the command built in place: mr_client_begin routes and
   gives the node's output buffer (*out) to append the command to; then
   mr_client_commit. */
int mr_client_begin(mr_client *c, unsigned slot, mr_node **node, mr_buf **out, size_t *offset);
int mr_client_commit(mr_client *c, mr_node *node, size_t offset, uint8_t kind, unsigned slot);
/* Send one command and return its reply (kind ANY), after the pipeline was
   flushed; redirections followed.  The caller frees *reply. */
int mr_client_call(mr_client *c, const mr_buf *cmd, unsigned slot, redisReply **reply);
int mr_client_flush(mr_client *c);
/* Parse "MOVED 3999 127.0.0.1:6381" / "ASK ..." (1 = MOVED, 2 = ASK, 0 = neither). */
int mr_parse_redirect(const redisReply *r, unsigned *slot, char *host, size_t host_len,
                      int *port);
/* Fill the slot map from a CLUSTER SLOTS reply. */
int mr_client_apply_slots(mr_client *c, const redisReply *r, char *err);

/* ---- test hooks (not exported: the unit and cluster tests link the
   convenience library) ---------------------------------------------------- */

/* Forget the cluster slot map, so the next commands take the URL's node
   and must follow MOVED replies. */
void mr_forget_slots(mitch_redis *r);
void mr_subscriber_forget_slots(mitch_redis_subscriber *s);

#endif
