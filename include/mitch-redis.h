/*
 * mitch-redis.h - libmitch-redis: MITCH messages over Redis.
 *
 * Publish MITCH messages on their channel ids, subscribe to channel ids or
 * patterns and receive validated messages, keep durable per-channel streams
 * read through consumer groups, and keep the latest message per ticker in a
 * snapshot key - on one Redis server (or Valkey, DragonflyDB) or on a Redis
 * Cluster.  The wire conventions are the ones of ../shared/docs/transport.md:
 *
 *   channel id    (provider_id << 16) | (message_type << 8)
 *   channel name  text (default): the decimal id, "6648576";
 *                 binary (MITCH_REDIS_BINARY_CHANNEL): its 4 little-endian
 *                 bytes, what the deployed Rust publishers use
 *   payload       one whole MITCH message (default), or one bare body without
 *                 a header (MITCH_REDIS_BARE_BODIES, the Rust publishers'
 *                 interop form); a receiver frames a bare body into a
 *                 message stamped with its receive time
 *   stream        key "mitch:stream:<channel id>" (decimal), one entry per
 *                 payload, the payload in field "m", capped MAXLEN ~ N
 *   snapshot      key "mitch:last:<channel id>:<ticker id>" (decimal): a
 *                 one-body message, the latest body seen for that ticker
 *
 * Include <mitch-redis.h> (it includes <mitch.h>) and link with
 *   pkg-config --cflags --libs mitch-redis
 *
 * Conventions - those of mitch.h, plus:
 *
 *  - Every function returns an int status: MITCH_OK, one of libmitch's
 *    MITCH_ERR_* codes when a message or an argument breaks a MITCH rule, or
 *    one of the MITCH_REDIS_* codes below.  mitch_redis_strerror() describes
 *    either kind.  After a failure, mitch_redis_last_error() (and its
 *    subscriber / consumer twins) says more in one English line: the
 *    server's error reply, the system's reason, which message was refused.
 *  - Nothing is sent that libmitch does not validate first: a publisher
 *    never puts a damaged message on the wire (MITCH_ERR_* status, nothing
 *    sent).  A receiver validates every payload and hands out only whole,
 *    valid messages; a damaged or foreign payload is delivered as
 *    MITCH_REDIS_DAMAGED with the reason, never crashes, never stops it.
 *  - Outputs are left untouched on failure.
 *  - Timeouts are in milliseconds.  A call waits at most the handle's
 *    timeout for the server, plus its reconnect window when it first has to
 *    re-establish a lost connection (so at most twice the timeout with the
 *    defaults); it never hangs.
 *  - The library allocates (connections, buffers, replies) and frees
 *    everything in the *_close functions.  It keeps no global state, installs
 *    no signal handlers and never raises SIGPIPE (sockets are written with
 *    MSG_NOSIGNAL).
 *  - Thread rules: a handle (mitch_redis, mitch_redis_subscriber,
 *    mitch_redis_consumer) belongs to one thread at a time - it has no lock
 *    inside; use one handle per thread, or serialise the calls on a handle
 *    yourself.  Different handles are independent and may be used from any
 *    number of threads at once, from the first call.
 *  - Linux only (epoll); TLS is not available: Debian's hiredis 0.14 has
 *    none, so rediss:// URLs are refused with MITCH_REDIS_ERR_TLS.  Redis
 *    Cluster support (slot map, MOVED/ASK) is this library's own: hiredis
 *    0.14 has none.  RESP2 only.
 *
 * URLs
 *   redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]   TCP, port 6379, db 0 by default;
 *                                               HOST may be [IPv6]
 *   unix://[[USER]:PASSWORD@]/PATH[?db=DB]        a Unix socket
 *   USER and PASSWORD are percent-decoded (%40 for '@'); USER without a
 *   password is refused (write redis://:PASSWORD@ for the default user).
 *   A cluster is recognised by itself (CLUSTER SLOTS): give any node.
 */
#ifndef MITCH_REDIS_H
#define MITCH_REDIS_H 1

#include <stddef.h>
#include <stdint.h>

#include <mitch.h>

#if MITCH_VERSION_NUMBER < 0x010100
#error "libmitch-redis needs mitch.h 1.1 or later (mitch_error)"
#endif

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && __GNUC__ >= 4
#define MITCH_REDIS_API __attribute__((visibility("default")))
#else
#define MITCH_REDIS_API
#endif

/* ---------------------------------------------------------------------- */
/* Status codes (beside libmitch's 0..9 and 99)                            */
/* ---------------------------------------------------------------------- */

enum mitch_redis_status {
  MITCH_REDIS_ERR_URL = 100,        /* not a redis:// or unix:// URL, or malformed */
  MITCH_REDIS_ERR_TLS = 101,        /* rediss://: no TLS in this build (hiredis 0.14) */
  MITCH_REDIS_ERR_CONNECT = 102,    /* cannot connect: refused, unknown host, no socket */
  MITCH_REDIS_ERR_AUTH = 103,       /* the server refused the user/password, or wants one */
  MITCH_REDIS_ERR_TIMEOUT = 104,    /* no answer within the timeout */
  MITCH_REDIS_ERR_CONNECTION = 105, /* the connection broke (server gone, reset); what was
                                       in flight may or may not have arrived; the next call
                                       reconnects */
  MITCH_REDIS_ERR_SERVER = 106,     /* the server answered with an error reply (the text is
                                       in last_error), e.g. OOM, NOPERM, WRONGTYPE */
  MITCH_REDIS_ERR_PROTOCOL = 107,   /* a reply that this command cannot return */
  MITCH_REDIS_ERR_NO_MEMORY = 108,  /* malloc failed */
  MITCH_REDIS_ERR_CLUSTER = 109,    /* no node owns the slot, or too many redirections */
  MITCH_REDIS_ERR_DROPPED = 110,    /* the server closed a subscription while it kept
                                       running: the subscriber fell behind the server's
                                       client-output-buffer-limit for pubsub (or was
                                       killed with CLIENT KILL) */
  MITCH_REDIS_ERR_RESTARTED = 111,  /* the server restarted (another run_id) */
  MITCH_REDIS_ERR_STATE = 112,      /* not allowed now (e.g. a channel subscribed twice) */
  MITCH_REDIS_AGAIN = 113           /* not an error: nothing arrived within the timeout
                                       (or a signal interrupted the wait) */
};

/* Text for a libmitch or a libmitch-redis status; never NULL. */
MITCH_REDIS_API const char *mitch_redis_strerror(int status);

/* The library version ("1.1.0": libmitch-redis ships with libmitch). */
MITCH_REDIS_API const char *mitch_redis_version(void);

/* ---------------------------------------------------------------------- */
/* Flags                                                                   */
/* ---------------------------------------------------------------------- */

#define MITCH_REDIS_BINARY_CHANNEL 0x01u /* channel name: 4 LE bytes, not decimal text */
#define MITCH_REDIS_BARE_BODIES 0x02u    /* payload: one body, no header (Rust interop) */
#define MITCH_REDIS_SHARDED 0x04u        /* sharded pub/sub: SPUBLISH / SSUBSCRIBE */
#define MITCH_REDIS_SNAPSHOT 0x08u       /* publish / append: also keep each body's
                                            snapshot key (mitch:last:...) */
/* Set by receivers in mitch_redis_delivery.flags: */
#define MITCH_REDIS_STAMPED 0x100u /* the header timestamp is the receive time (bare body) */
#define MITCH_REDIS_PATTERN 0x200u /* arrived through a pattern subscription */
#define MITCH_REDIS_PENDING 0x400u /* consumers: re-read from this consumer's pending
                                      entries (delivered before, never acknowledged) */

/* A buffer this size holds any text the library reports (last_error, why). */
#define MITCH_REDIS_ERROR_SIZE 256u

/* Longest stream entry id ("18446744073709551615-18446744073709551615"),
   with its NUL. */
#define MITCH_REDIS_ENTRY_ID_SIZE 48u

/* ---------------------------------------------------------------------- */
/* Channel names                                                           */
/* ---------------------------------------------------------------------- */

/* The Redis channel name of a channel id: decimal text, or with
   MITCH_REDIS_BINARY_CHANNEL the 4 little-endian bytes.  Writes at most
   out_len bytes (text is NUL-terminated when it fits: 11 bytes always do;
   binary is not); *len (may be NULL) receives the name's length.  An
   invalid channel id is MITCH_ERR_INVALID_CHANNEL_ID. */
MITCH_REDIS_API int mitch_redis_channel_name(uint32_t channel_id, unsigned flags, char *out,
                                             size_t out_len, size_t *len);

/* The channel id a Redis channel name spells, in either spelling (they
   cannot be confused: a valid id is at least 25088, five digits, while a
   binary name is 4 bytes starting with 0).  *flags (may be NULL) receives
   MITCH_REDIS_BINARY_CHANNEL or 0.  Text must be the canonical decimal (no
   sign, no leading zero).  Anything else, or an invalid id, is
   MITCH_ERR_INVALID_CHANNEL_ID. */
MITCH_REDIS_API int mitch_redis_channel_parse(const void *name, size_t len,
                                              uint32_t *channel_id, unsigned *flags);

/* ---------------------------------------------------------------------- */
/* What a subscriber or a consumer hands out                               */
/* ---------------------------------------------------------------------- */

enum mitch_redis_delivery_kind {
  MITCH_REDIS_MESSAGE = 1, /* a whole, valid message */
  MITCH_REDIS_DAMAGED = 2, /* a payload that is not one: reported and skipped */
  MITCH_REDIS_GAP = 3      /* the connection was lost and re-established (subscribers
                              only): whatever was published meanwhile is lost */
};

typedef struct mitch_redis_delivery {
  int kind;              /* enum mitch_redis_delivery_kind */
  int status;            /* DAMAGED: why, a libmitch code: the framing's
                            (BUFFER_TOO_SMALL, INVALID_MESSAGE_TYPE, ...), a
                            message of another type than the channel's
                            (INVALID_MESSAGE_TYPE), more than one message or
                            a foreign stream entry (INVALID_DATA), a field
                            (INVALID_FIELD_VALUE), a name that is no MITCH
                            channel (INVALID_CHANNEL_ID); GAP: MITCH_REDIS_ERR_DROPPED,
                            MITCH_REDIS_ERR_RESTARTED or MITCH_REDIS_ERR_CONNECTION;
                            MESSAGE: MITCH_OK */
  uint32_t channel_id;   /* the channel (0 if the name is not a MITCH channel) */
  unsigned flags;        /* how it came: MITCH_REDIS_BINARY_CHANNEL, _BARE_BODIES,
                            _SHARDED, _PATTERN, _STAMPED, _PENDING */
  const uint8_t *data;   /* MESSAGE: the message (header + bodies); for a bare body
                            the message the library framed around it.  DAMAGED: the
                            payload as it arrived.  GAP: NULL */
  size_t size;           /* bytes at data */
  const char *channel;   /* the channel name as it arrived (binary names are not
                            NUL-terminated: use channel_len); consumers: the
                            stream key.  GAP: NULL */
  size_t channel_len;
  const char *pattern;   /* the pattern it matched (MITCH_REDIS_PATTERN), else NULL */
  size_t pattern_len;
  char entry_id[MITCH_REDIS_ENTRY_ID_SIZE]; /* consumers: the stream entry id; else "" */
  uint64_t receive_time; /* ns since midnight UTC when the library read it */
  uint64_t gap_ms;       /* GAP: how long the connection was down, in ms */
  char reason[MITCH_REDIS_ERROR_SIZE]; /* DAMAGED: one English line with the
                            offset, the field and the rule, e.g. "offset 16: price
                            is 0 (must be finite and greater than zero)" (never
                            text taken from the payload); GAP: what happened */
  mitch_error error;     /* DAMAGED: libmitch 1.1's details: error.status (==
                            status), error.layout, error.field / field_name,
                            error.rule, error.value, error.offset (of the damage
                            inside the payload as it arrived), error.text.  For
                            damage libmitch does not judge (an empty payload, bytes
                            after the message, a bare body of the wrong size, a
                            foreign stream entry, a name that is no channel)
                            field is -1 and rule says what was expected.
                            MESSAGE and GAP: error.status is MITCH_OK, the
                            other error fields are not set */
} mitch_redis_delivery;

/* ---------------------------------------------------------------------- */
/* A client: publish, streams, snapshots                                   */
/* ---------------------------------------------------------------------- */

typedef struct mitch_redis mitch_redis;

/* Connect to the server (or the cluster) the URL names.  timeout_ms (> 0;
   0 means the default, 2000) bounds the connect and every later wait for a
   reply.  On a cluster the slot map is read now and node connections are
   opened when first needed.  why (may be NULL) receives, on failure, one
   English line of at most why_len bytes (MITCH_REDIS_ERROR_SIZE is enough):
   "connect to 127.0.0.1:6390: Connection refused", the server's AUTH
   refusal, what is wrong with the URL. */
MITCH_REDIS_API int mitch_redis_connect(const char *url, int timeout_ms, mitch_redis **out,
                                        char *why, size_t why_len);

/* Close every connection and free the handle (NULL is ignored).  Queued
   pipelined commands that were not flushed are sent first, with the
   handle's timeout; use mitch_redis_flush to know how they fared. */
MITCH_REDIS_API void mitch_redis_close(mitch_redis *r);

/* One English line about the last failure on this handle ("" if none);
   valid until the next call on it. */
MITCH_REDIS_API const char *mitch_redis_last_error(const mitch_redis *r);

/* 1 if the server is a Redis Cluster node, 0 if not (or r is NULL). */
MITCH_REDIS_API int mitch_redis_is_cluster(const mitch_redis *r);

/* How long a call keeps trying to re-establish a lost connection before it
   fails with MITCH_REDIS_ERR_CONNECT: window_ms >= 0 (0: never reconnect;
   the default is the timeout).  Attempts are 50 ms apart, doubling to 1 s. */
MITCH_REDIS_API int mitch_redis_set_reconnect(mitch_redis *r, int window_ms);

/* Pipelining.  depth 1 (the default): each call sends its commands and
   waits for their replies.  depth N > 1: calls queue their commands and
   return; once N are queued they are sent in one write and the replies of
   the older half are read; mitch_redis_flush sends and reads the rest (so
   call it when a burst ends: queued commands wait for it).  A failure of a queued command is
   returned by the call that reads its reply, or by flush; the commands
   after it are still sent. */
MITCH_REDIS_API int mitch_redis_set_pipeline(mitch_redis *r, unsigned depth);

/* Send everything queued and read every outstanding reply; the first
   failure among them, or MITCH_OK. */
MITCH_REDIS_API int mitch_redis_flush(mitch_redis *r);

/* Publish one whole message (size bytes: exactly one message) on its
   channel.  The message is validated first (libmitch status, nothing sent:
   a message of another type than the channel's is
   MITCH_ERR_INVALID_MESSAGE_TYPE, more than one message MITCH_ERR_INVALID_DATA).
   flags: MITCH_REDIS_BINARY_CHANNEL (name spelling), MITCH_REDIS_SHARDED
   (SPUBLISH, sent to the node that owns the channel's slot; plain PUBLISH
   goes to any node of a cluster, which broadcasts it), MITCH_REDIS_BARE_BODIES
   (each body is published as its own payload, without the header),
   MITCH_REDIS_SNAPSHOT (also SET each body's snapshot key). */
MITCH_REDIS_API int mitch_redis_publish(mitch_redis *r, uint32_t channel_id,
                                        const uint8_t *message, size_t size, unsigned flags);

/* Append one whole message to the channel's stream (XADD
   mitch:stream:<channel id> MAXLEN ~ max_len * m <payload>; max_len 0: no
   cap), validated like mitch_redis_publish.  flags: MITCH_REDIS_BARE_BODIES
   (one entry per body), MITCH_REDIS_SNAPSHOT.  On a cluster the command goes
   to the node that owns the key's slot.  entry_id (may be NULL; not with
   pipelining or bare bodies) receives the new entry's id. */
MITCH_REDIS_API int mitch_redis_stream_append(mitch_redis *r, uint32_t channel_id,
                                              const uint8_t *message, size_t size,
                                              uint64_t max_len, unsigned flags,
                                              char entry_id[MITCH_REDIS_ENTRY_ID_SIZE]);

/* Write the snapshot key of every body of a whole message (validated as
   above): mitch:last:<channel id>:<ticker id> := the one-body message of
   that body with the message's timestamp.  Later bodies of one ticker win. */
MITCH_REDIS_API int mitch_redis_snapshot_set(mitch_redis *r, uint32_t channel_id,
                                             const uint8_t *message, size_t size);

/* Read a snapshot key: *size (required) receives the message size, out
   (out_len bytes) the one-body message, validated and of the channel's type
   (a damaged value is its libmitch status).  No such key: MITCH_ERR_NOT_FOUND.
   Not pipelined: pending replies are read first. */
MITCH_REDIS_API int mitch_redis_snapshot_get(mitch_redis *r, uint32_t channel_id,
                                             uint64_t ticker_id, uint8_t *out, size_t out_len,
                                             size_t *size);

/* ---------------------------------------------------------------------- */
/* Subscribers                                                             */
/* ---------------------------------------------------------------------- */

typedef struct mitch_redis_subscriber mitch_redis_subscriber;

/* Open a subscriber (its own connections; on a cluster one node takes the
   plain and pattern subscriptions, each sharded channel goes to the node
   that owns its slot).  timeout_ms and why as for mitch_redis_connect; the
   reconnect window is the timeout. */
MITCH_REDIS_API int mitch_redis_subscriber_open(const char *url, int timeout_ms,
                                                mitch_redis_subscriber **out, char *why,
                                                size_t why_len);
MITCH_REDIS_API void mitch_redis_subscriber_close(mitch_redis_subscriber *s);
MITCH_REDIS_API const char *mitch_redis_subscriber_last_error(const mitch_redis_subscriber *s);
MITCH_REDIS_API int mitch_redis_subscriber_set_reconnect(mitch_redis_subscriber *s,
                                                         int window_ms);

/* Subscribe to a channel id; returns once the server confirms (messages of
   other channels that arrive meanwhile are kept for mitch_redis_receive).
   flags: MITCH_REDIS_BINARY_CHANNEL (the name spelling to listen on; listen
   on both by subscribing twice), MITCH_REDIS_BARE_BODIES (its payloads are
   bare bodies), MITCH_REDIS_SHARDED (SSUBSCRIBE).  The same name subscribed
   twice is MITCH_REDIS_ERR_STATE. */
MITCH_REDIS_API int mitch_redis_subscribe(mitch_redis_subscriber *s, uint32_t channel_id,
                                          unsigned flags);

/* Subscribe to a pattern over channel names (PSUBSCRIBE "66485*"; a
   NUL-terminated string of at most 1024 bytes).  Each message's channel
   name must spell a MITCH channel id (else it is delivered as
   MITCH_REDIS_DAMAGED with MITCH_ERR_INVALID_CHANNEL_ID); the payload must
   be of that channel's type.  flags: MITCH_REDIS_BARE_BODIES.  On a cluster
   patterns see only plain PUBLISH. */
MITCH_REDIS_API int mitch_redis_psubscribe(mitch_redis_subscriber *s, const char *pattern,
                                           unsigned flags);

/* A file descriptor for an event loop (poll, select, epoll): it becomes
   readable when mitch_redis_receive may have something.  It stays the same
   across reconnections.  Replies already read are buffered inside: after
   the descriptor fired, call mitch_redis_receive with timeout 0 until it
   returns MITCH_REDIS_AGAIN before waiting on the descriptor again.  -1
   for NULL.  Do not read from it or close it. */
MITCH_REDIS_API int mitch_redis_subscriber_fd(const mitch_redis_subscriber *s);

/* The next delivery, waiting up to timeout_ms (0: do not wait; < 0: wait
   until something arrives).  MITCH_OK with *out filled (its pointers stay
   valid until the next call on s), MITCH_REDIS_AGAIN when nothing arrived
   (or a signal interrupted the wait), or a failure.  A lost connection is
   re-established here (within the reconnect window, which may exceed
   timeout_ms), the subscriptions are renewed, and a MITCH_REDIS_GAP
   delivery says so; if the server cannot be reached within the window the
   call fails with MITCH_REDIS_ERR_CONNECT and the next call tries again. */
MITCH_REDIS_API int mitch_redis_receive(mitch_redis_subscriber *s, int timeout_ms,
                                        mitch_redis_delivery *out);

/* ---------------------------------------------------------------------- */
/* Stream consumers (consumer groups)                                      */
/* ---------------------------------------------------------------------- */

typedef struct mitch_redis_consumer mitch_redis_consumer;

/* Open consumer `consumer` of group `group` on the streams of n_channels
   channel ids (1..64; names: 1..200 bytes without spaces or control
   characters).  A missing stream or group is created at the start of the
   stream (XGROUP CREATE ... 0 MKSTREAM), so a new group reads everything the
   stream still holds.  The consumer first re-reads its own pending entries
   (delivered before, never acknowledged: a restarted consumer resumes where
   it stopped), then new ones.  flags: MITCH_REDIS_BARE_BODIES (the entries
   hold bare bodies).  On a cluster each stream is read from the node that
   owns its key.  timeout_ms and why as for mitch_redis_connect. */
MITCH_REDIS_API int mitch_redis_consumer_open(const char *url, int timeout_ms,
                                              const char *group, const char *consumer,
                                              const uint32_t *channel_ids, size_t n_channels,
                                              unsigned flags, mitch_redis_consumer **out,
                                              char *why, size_t why_len);

/* Close (queued acknowledgements are sent first, with the timeout). */
MITCH_REDIS_API void mitch_redis_consumer_close(mitch_redis_consumer *c);
MITCH_REDIS_API const char *mitch_redis_consumer_last_error(const mitch_redis_consumer *c);

/* The next entry (MITCH_REDIS_MESSAGE or MITCH_REDIS_DAMAGED; an entry whose
   payload was trimmed away before it was read is DAMAGED with
   MITCH_ERR_INVALID_DATA), waiting up to timeout_ms as mitch_redis_receive.
   Entries come in stream order per channel.  Entries are read ahead in
   batches: those read but not yet handed out when the consumer stops are
   pending too, and come back (MITCH_REDIS_PENDING) when it starts again. */
MITCH_REDIS_API int mitch_redis_consumer_receive(mitch_redis_consumer *c, int timeout_ms,
                                                 mitch_redis_delivery *out);

/* Acknowledge a delivery of this consumer (damaged ones too, or they stay
   pending and come back after a restart).  Acknowledgements are queued and
   sent with the next read or by mitch_redis_consumer_flush. */
MITCH_REDIS_API int mitch_redis_consumer_ack(mitch_redis_consumer *c,
                                             const mitch_redis_delivery *d);

/* Send the queued acknowledgements and wait for the server's replies. */
MITCH_REDIS_API int mitch_redis_consumer_flush(mitch_redis_consumer *c);

#ifdef __cplusplus
}
#endif

#endif /* MITCH_REDIS_H */
