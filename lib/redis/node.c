/*
 * node.c - one connection to one Redis server.
 *
 * hiredis (0.14, Debian's) connects (names, Unix sockets, connect timeout)
 * and parses replies; the bytes are moved here, on a non-blocking socket:
 *   - send() with MSG_NOSIGNAL, so a server that goes away never raises
 *     SIGPIPE in the caller's process (the library installs no handlers);
 *   - every wait is a poll() bounded by the call's deadline, so a call never
 *     hangs on a server that stopped answering;
 *   - commands stay in the output buffer until their reply is read, so a
 *     cluster redirection can send the same bytes to another node.
 * A connection that timed out, hit EOF or a protocol error is dropped: a
 * late reply must never be taken for the answer to a later command.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "internal.h"

/* One recv() takes up to 256 kB (allocated per connection when it first
   reads): a subscriber of 8 kB messages wakes and reads 30 at a time, not 8
   (bench_redis: 255-body rows some 20 % faster than with 64 kB). */
#define READ_CHUNK 262144
/* What the reply parser is given at a time.  hiredis 0.14 moves the unread
   rest of its buffer down each time it has consumed 1 kB: fed 256 kB at once
   it would move most of them again for every few small replies.  Fed a
   slice at a time, it moves at most a slice. */
#define FEED_SLICE 16384

void mr_node_init(mr_node *n, const char *host, int port) {
  memset(n, 0, sizeof *n);
  snprintf(n->host, sizeof n->host, "%s", host);
  n->port = port;
  n->fd = -1;
}

static void clear_queue(mr_node *n) {
  n->in_pos = n->in_len = 0; /* unread input belongs to the old connection */
  mr_buf_clear(&n->out);
  n->head = n->sent = 0;
  n->pend_first = n->pend_count = 0;
}

void mr_node_disconnect(mr_node *n, int lost) {
  if (n->ctx) {
    redisFree(n->ctx);
    n->ctx = NULL;
    if (lost && !n->lost_at)
      n->lost_at = mr_now_ms();
  }
  n->fd = -1;
  clear_queue(n);
}

void mr_node_free(mr_node *n) {
  mr_node_disconnect(n, 0);
  mr_buf_free(&n->out);
  free(n->in);
  n->in = NULL;
  free(n->pend);
  n->pend = NULL;
  n->pend_cap = 0;
}

static void describe(const mr_node *n, const mr_settings *s, char *out, size_t out_len) {
  (void)s;
  if (n->is_unix)
    snprintf(out, out_len, "unix:%s", n->host);
  else if (strchr(n->host, ':'))
    snprintf(out, out_len, "[%s]:%d", n->host, n->port);
  else
    snprintf(out, out_len, "%s:%d", n->host, n->port);
}

int mr_error_reply(const redisReply *r, char *err) {
  const char *text = r->str ? r->str : "";
  mr_set_error(err, "server: %.*s", (int)(r->len < 200 ? r->len : 200), text);
  if (strncmp(text, "NOAUTH", 6) == 0 || strncmp(text, "WRONGPASS", 9) == 0 ||
      (strncmp(text, "ERR", 3) == 0 && strstr(text, "AUTH") != NULL))
    return MITCH_REDIS_ERR_AUTH;
  return MITCH_REDIS_ERR_SERVER;
}

int mr_node_prepare(mr_node *n, char *err) {
  if (n->head == n->out.len) { /* everything answered: start over */
    mr_buf_clear(&n->out);
    n->head = n->sent = 0;
  } else if (n->head > (1u << 20) && n->head > n->out.len / 2) {
    size_t i;
    memmove(n->out.data, n->out.data + n->head, n->out.len - n->head);
    n->out.len -= n->head;
    n->sent -= n->head;
    for (i = 0; i < n->pend_count; i++)
      n->pend[n->pend_first + i].offset -= n->head;
    n->head = 0;
  }
  if (n->pend_first + n->pend_count == n->pend_cap) {
    if (n->pend_first > 0) {
      memmove(n->pend, n->pend + n->pend_first, n->pend_count * sizeof *n->pend);
      n->pend_first = 0;
    } else {
      size_t cap = n->pend_cap ? n->pend_cap * 2 : 64;
      mr_pending *np = realloc(n->pend, cap * sizeof *np);
      if (!np) {
        mr_set_error(err, "out of memory");
        return MITCH_REDIS_ERR_NO_MEMORY;
      }
      n->pend = np;
      n->pend_cap = cap;
    }
  }
  return MITCH_OK;
}

int mr_node_commit(mr_node *n, size_t offset, uint8_t kind, unsigned slot, uint8_t redirects,
                   char *err) {
  mr_pending *p;
  if (n->out.failed) { /* the command is incomplete: take it back */
    n->out.len = offset;
    n->out.failed = 0;
    mr_set_error(err, "out of memory");
    return MITCH_REDIS_ERR_NO_MEMORY;
  }
  p = &n->pend[n->pend_first + n->pend_count++];
  p->offset = offset;
  p->len = n->out.len - offset;
  p->kind = kind;
  p->redirects = redirects;
  p->asking = 0;
  p->slot = slot;
  p->tag = 0;
  return MITCH_OK;
}

int mr_node_queue(mr_node *n, const char *cmd, size_t len, uint8_t kind, unsigned slot,
                  uint8_t redirects, char *err) {
  size_t offset;
  int st = mr_node_prepare(n, err);
  if (st != MITCH_OK)
    return st;
  offset = n->out.len;
  mr_buf_append(&n->out, cmd, len);
  return mr_node_commit(n, offset, kind, slot, redirects, err);
}

void mr_node_pop(mr_node *n) {
  mr_pending *p;
  if (!n->pend_count)
    return;
  p = &n->pend[n->pend_first];
  n->head = p->offset + p->len;
  n->pend_first++;
  n->pend_count--;
  if (!n->pend_count)
    n->pend_first = 0;
}

/* Send as much as the socket takes now. */
static int send_some(mr_node *n, char *err) {
  char ebuf[64];
  while (n->sent < n->out.len) {
    ssize_t k = send(n->fd, n->out.data + n->sent, n->out.len - n->sent,
                     MSG_NOSIGNAL | MSG_DONTWAIT);
    if (k > 0) {
      n->sent += (size_t)k;
      continue;
    }
    if (k < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
      return MITCH_OK;
    if (k < 0 && errno == EINTR)
      continue;
    mr_set_error(err, "connection lost (send: %s)", k < 0 ? mr_strerror(errno, ebuf) : "0 bytes");
    mr_node_disconnect(n, 1);
    return MITCH_REDIS_ERR_CONNECTION;
  }
  return MITCH_OK;
}

/* Read what the socket has now into the node's input buffer (fed to the
   parser by parsed_reply); *got = bytes read. */
static int read_some(mr_node *n, size_t *got, char *err) {
  char ebuf[64];
  ssize_t k;
  *got = 0;
  if (n->in_pos < n->in_len)
    return MITCH_OK; /* not all fed yet: no reading ahead further */
  if (!n->in && !(n->in = malloc(READ_CHUNK))) {
    mr_set_error(err, "out of memory reading a reply");
    mr_node_disconnect(n, 1);
    return MITCH_REDIS_ERR_NO_MEMORY;
  }
  n->in_pos = n->in_len = 0;
  for (;;) {
    k = recv(n->fd, n->in, READ_CHUNK, MSG_DONTWAIT);
    if (k > 0) {
      n->in_len = (size_t)k;
      *got = (size_t)k;
      return MITCH_OK;
    }
    if (k < 0 && errno == EINTR)
      continue;
    if (k < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
      return MITCH_OK;
    mr_set_error(err, "connection lost (%s)",
                 k == 0 ? "the server closed it" : mr_strerror(errno, ebuf));
    mr_node_disconnect(n, 1);
    return MITCH_REDIS_ERR_CONNECTION;
  }
}

/* A complete reply from what was read, feeding the parser slice by slice
   (*reply NULL: what was read holds none). */
static int parsed_reply(mr_node *n, redisReply **reply, char *err) {
  for (;;) {
    void *r = NULL;
    size_t slice;
    if (redisReaderGetReply(n->ctx->reader, &r) != REDIS_OK) {
      mr_set_error(err, "protocol error: %s", n->ctx->reader->errstr);
      mr_node_disconnect(n, 1);
      return MITCH_REDIS_ERR_PROTOCOL;
    }
    if (r || n->in_pos >= n->in_len) {
      *reply = r;
      return MITCH_OK;
    }
    slice = n->in_len - n->in_pos < FEED_SLICE ? n->in_len - n->in_pos : FEED_SLICE;
    if (redisReaderFeed(n->ctx->reader, n->in + n->in_pos, slice) != REDIS_OK) {
      mr_set_error(err, "out of memory reading a reply");
      mr_node_disconnect(n, 1);
      return MITCH_REDIS_ERR_NO_MEMORY;
    }
    n->in_pos += slice;
  }
}

int mr_node_parsed(mr_node *n, redisReply **reply, char *err) {
  *reply = NULL;
  if (!n->ctx)
    return MITCH_OK;
  return parsed_reply(n, reply, err);
}

int mr_node_poll_reply(mr_node *n, redisReply **reply, char *err) {
  size_t got;
  int st;
  *reply = NULL;
  if (!n->ctx) {
    mr_set_error(err, "not connected");
    return MITCH_REDIS_ERR_CONNECTION;
  }
  if ((st = parsed_reply(n, reply, err)) != MITCH_OK || *reply)
    return st;
  if ((st = send_some(n, err)) != MITCH_OK)
    return st;
  if ((st = read_some(n, &got, err)) != MITCH_OK)
    return st;
  return got ? parsed_reply(n, reply, err) : MITCH_OK;
}

int mr_node_io(mr_node *n, uint64_t deadline, int want_reply, redisReply **reply, char *err) {
  char ebuf[64];
  struct pollfd pfd;
  size_t got;
  int st, wait, rc;
  if (!n->ctx) {
    mr_set_error(err, "not connected");
    return MITCH_REDIS_ERR_CONNECTION;
  }
  for (;;) {
    if (want_reply) {
      if ((st = parsed_reply(n, reply, err)) != MITCH_OK)
        return st;
      if (*reply)
        return MITCH_OK;
    }
    if ((st = send_some(n, err)) != MITCH_OK)
      return st;
    if (!want_reply && n->sent == n->out.len)
      return MITCH_OK;
    wait = mr_remaining_ms(deadline);
    if (wait == 0) {
      mr_set_error(err, "timeout: no reply from %s:%d in time", n->host, n->port);
      mr_node_disconnect(n, 0);
      return MITCH_REDIS_ERR_TIMEOUT;
    }
    pfd.fd = n->fd;
    pfd.events = (short)(POLLIN | (n->sent < n->out.len ? POLLOUT : 0));
    pfd.revents = 0;
    rc = poll(&pfd, 1, wait);
    if (rc < 0 && errno != EINTR) {
      mr_set_error(err, "poll: %s", mr_strerror(errno, ebuf));
      mr_node_disconnect(n, 1);
      return MITCH_REDIS_ERR_CONNECTION;
    }
    if (rc > 0 && (pfd.revents & (POLLIN | POLLHUP | POLLERR))) {
      if ((st = read_some(n, &got, err)) != MITCH_OK)
        return st;
    }
  }
}

int mr_node_command(mr_node *n, const mr_buf *cmd, uint64_t deadline, redisReply **reply,
                    char *err) {
  int st = mr_node_queue(n, cmd->data, cmd->len, MR_R_ANY, MR_SLOTS, 0, err);
  if (st != MITCH_OK)
    return st;
  st = mr_node_io(n, deadline, 1, reply, err);
  if (st == MITCH_OK)
    mr_node_pop(n);
  return st;
}

/* The handshake: AUTH, SELECT, INFO server (for the run_id that tells a
   restarted server from one that dropped us), pipelined in one write. */
static int handshake(mr_node *n, const mr_settings *s, uint64_t deadline, char *err) {
  enum { STEP_AUTH, STEP_SELECT, STEP_INFO };
  int steps[3], n_steps = 0, st = MITCH_OK, i;
  mr_buf cmd = {0};
  redisReply *r = NULL;
  const mr_url *u = &s->url;
  /* One queue entry per command, so each reply is popped in turn. */
  if (u->has_password) {
    mr_cmd_begin(&cmd, u->has_user ? 3 : 2);
    mr_cmd_arg_str(&cmd, "AUTH");
    if (u->has_user)
      mr_cmd_arg_str(&cmd, u->user);
    if ((st = mr_cmd_arg_str(&cmd, u->password)) == MITCH_OK)
      st = mr_node_queue(n, cmd.data, cmd.len, MR_R_ANY, MR_SLOTS, 0, err);
    steps[n_steps++] = STEP_AUTH;
    cmd.len = 0;
  }
  if (st == MITCH_OK && u->db) {
    mr_cmd_begin(&cmd, 2);
    mr_cmd_arg_str(&cmd, "SELECT");
    if ((st = mr_cmd_arg_u64(&cmd, (uint64_t)u->db)) == MITCH_OK)
      st = mr_node_queue(n, cmd.data, cmd.len, MR_R_ANY, MR_SLOTS, 0, err);
    steps[n_steps++] = STEP_SELECT;
    cmd.len = 0;
  }
  if (st == MITCH_OK) {
    mr_cmd_begin(&cmd, 2);
    mr_cmd_arg_str(&cmd, "INFO");
    if ((st = mr_cmd_arg_str(&cmd, "server")) == MITCH_OK)
      st = mr_node_queue(n, cmd.data, cmd.len, MR_R_ANY, MR_SLOTS, 0, err);
    steps[n_steps++] = STEP_INFO;
  }
  mr_buf_free(&cmd);
  if (st != MITCH_OK) {
    mr_set_error(err, "out of memory");
    return MITCH_REDIS_ERR_NO_MEMORY;
  }
  for (i = 0; i < n_steps; i++) {
    if ((st = mr_node_io(n, deadline, 1, &r, err)) != MITCH_OK)
      return st;
    mr_node_pop(n);
    if (r->type == REDIS_REPLY_ERROR) {
      int est = mr_error_reply(r, err);
      if (steps[i] == STEP_AUTH) {
        freeReplyObject(r);
        return MITCH_REDIS_ERR_AUTH;
      }
      if (steps[i] == STEP_SELECT) {
        mr_set_error(err, "SELECT %d refused: %.*s", u->db, (int)(r->len < 160 ? r->len : 160),
                     r->str);
        freeReplyObject(r);
        return MITCH_REDIS_ERR_SERVER;
      }
      /* INFO refused for want of AUTH is an auth error; refused by an ACL
         (NOPERM) or unknown to a Redis look-alike: no run_id, no harm. */
      if (est == MITCH_REDIS_ERR_AUTH) {
        freeReplyObject(r);
        return est;
      }
      err[0] = '\0';
    } else if (steps[i] == STEP_INFO && r->type == REDIS_REPLY_STRING) {
      const char *id = strstr(r->str, "run_id:");
      size_t len = 0;
      if (id) {
        id += 7;
        while (len < sizeof n->run_id - 1 && id[len] && id[len] != '\r' && id[len] != '\n')
          len++;
        memcpy(n->run_id, id, len);
      }
      n->run_id[len] = '\0';
    }
    freeReplyObject(r);
    r = NULL;
  }
  return MITCH_OK;
}

int mr_node_connect(mr_node *n, const mr_settings *s, uint64_t deadline, char *err) {
  struct timeval tv;
  int wait = mr_remaining_ms(deadline), flags, st;
  char where[300], ebuf[64];
  redisContext *ctx;
  if (n->ctx)
    return MITCH_OK;
  describe(n, s, where, sizeof where);
  if (wait == 0) {
    mr_set_error(err, "connect to %s: timeout", where);
    return MITCH_REDIS_ERR_TIMEOUT;
  }
  tv.tv_sec = wait / 1000;
  tv.tv_usec = (wait % 1000) * 1000;
  ctx = n->is_unix ? redisConnectUnixWithTimeout(n->host, tv)
                       : redisConnectWithTimeout(n->host, n->port, tv);
  if (!ctx) {
    mr_set_error(err, "connect to %s: out of memory", where);
    return MITCH_REDIS_ERR_NO_MEMORY;
  }
  if (ctx->err) {
    int timed_out = strstr(ctx->errstr, "timed out") != NULL;
    mr_set_error(err, "connect to %s: %s", where, ctx->errstr);
    redisFree(ctx);
    return timed_out ? MITCH_REDIS_ERR_TIMEOUT : MITCH_REDIS_ERR_CONNECT;
  }
  flags = fcntl(ctx->fd, F_GETFL);
  if (flags < 0 || fcntl(ctx->fd, F_SETFL, flags | O_NONBLOCK) < 0 ||
      fcntl(ctx->fd, F_SETFD, FD_CLOEXEC) < 0) {
    mr_set_error(err, "connect to %s: fcntl: %s", where, mr_strerror(errno, ebuf));
    redisFree(ctx);
    return MITCH_REDIS_ERR_CONNECT;
  }
  if (n->run_id[0])
    memcpy(n->prev_run_id, n->run_id, sizeof n->run_id);
  n->run_id[0] = '\0';
  /* A subscriber may wait hours for a message: keepalive notices a peer
     that vanished without closing. */
  redisEnableKeepAlive(ctx);
  n->ctx = ctx;
  n->fd = ctx->fd;
  clear_queue(n);
  st = handshake(n, s, deadline, err);
  if (st != MITCH_OK) {
    char detail[MR_ERROR_SIZE];
    memcpy(detail, err, MR_ERROR_SIZE);
    mr_set_error(err, "%s: %s", where, detail);
    mr_node_disconnect(n, 0);
    return st;
  }
  n->ever_connected = 1;
  return MITCH_OK;
}

int mr_node_reconnect(mr_node *n, const mr_settings *s, char *err) {
  uint64_t window_end, now;
  unsigned delay = 50;
  int st;
  if (n->ctx)
    return MITCH_OK;
  if (s->reconnect_ms == 0) {
    mr_set_error(err, "%s:%d: connection lost, reconnection is off", n->host, n->port);
    return MITCH_REDIS_ERR_CONNECT;
  }
  window_end = mr_now_ms() + (uint64_t)s->reconnect_ms;
  for (;;) {
    uint64_t attempt_end;
    struct timespec ts;
    int left;
    now = mr_now_ms();
    attempt_end = now + (uint64_t)s->timeout_ms;
    if (attempt_end > window_end)
      attempt_end = window_end;
    st = mr_node_connect(n, s, attempt_end, err);
    if (st == MITCH_OK || st == MITCH_REDIS_ERR_AUTH || st == MITCH_REDIS_ERR_NO_MEMORY)
      return st;
    left = mr_remaining_ms(window_end);
    if (left == 0)
      break;
    if ((unsigned)left < delay)
      delay = (unsigned)left;
    ts.tv_sec = delay / 1000;
    ts.tv_nsec = (long)(delay % 1000) * 1000000L;
    if (nanosleep(&ts, NULL) != 0 && errno == EINTR) {
      char detail[MR_ERROR_SIZE];
      memcpy(detail, err, MR_ERROR_SIZE);
      mr_set_error(err, "reconnection interrupted by a signal (%s)", detail);
      return MITCH_REDIS_ERR_CONNECT;
    }
    delay = delay * 2 > 1000 ? 1000 : delay * 2;
  }
  {
    char detail[MR_ERROR_SIZE];
    memcpy(detail, err, MR_ERROR_SIZE);
    mr_set_error(err, "no connection within the reconnect window of %d ms (%s)",
                 s->reconnect_ms, detail);
  }
  return MITCH_REDIS_ERR_CONNECT;
}
