/*
 * subscriber.c - pub/sub receivers: channel ids in either spelling,
 * patterns, sharded channels on the nodes that own them; every payload
 * judged by libmitch before it is handed out.
 *
 * Connections: node 0 (the URL's) takes SUBSCRIBE and PSUBSCRIBE (on a
 * cluster any node sees every plain PUBLISH); an SSUBSCRIBE goes to the
 * node that owns the channel name's slot.  All node sockets sit in one
 * epoll set, whose descriptor is what an event loop waits on; it outlives
 * reconnections.
 *
 * A lost connection is re-established in mitch_redis_receive, its
 * subscriptions renewed, and a GAP delivery reports it with the reason: a
 * server with the same run_id closed the subscription on purpose (the
 * output-buffer limit for slow pub/sub clients, or CLIENT KILL), another
 * run_id means it restarted.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "internal.h"

#define PATTERN_MAX 1024

enum sub_kind { SUB_CHANNEL, SUB_PATTERN, SUB_SHARDED };
/* FAILED: refused when renewed (an ACL changed, say): not retried, the
   refusal is in last_error. */
enum sub_state { SUB_INACTIVE, SUB_SENT, SUB_ACTIVE, SUB_FAILED };

typedef struct sub_entry {
  char *name; /* the channel name or pattern, as sent */
  size_t len;
  int kind;
  unsigned flags;
  uint32_t channel_id; /* 0 for patterns */
  size_t node;
  int state;
} sub_entry;

typedef struct queued_reply {
  redisReply *r;
  size_t node;
} queued_reply;

struct mitch_redis_subscriber {
  mr_client c;
  int epfd;
  sub_entry *subs;
  size_t n_subs, subs_cap;
  queued_reply *queue; /* replies read while waiting for a confirmation */
  size_t q_first, q_count, q_cap;
  redisReply *current; /* what the last delivery points into */
  size_t *gaps;        /* nodes that reconnected and owe a GAP delivery */
  size_t n_gaps;
  uint8_t frame[MR_FRAME_MAX];
  mr_buf cmd;
};

static const char *const command_of[] = {"SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE"};
static const char *const confirmation_of[] = {"subscribe", "psubscribe", "ssubscribe"};

static int str_is(const redisReply *r, const char *s) {
  size_t n = strlen(s);
  return r->type == REDIS_REPLY_STRING && r->len == n && memcmp(r->str, s, n) == 0;
}

static int watch_node(mitch_redis_subscriber *s, size_t idx) {
  char ebuf[64];
  struct epoll_event ev;
  memset(&ev, 0, sizeof ev);
  ev.events = EPOLLIN;
  ev.data.u64 = idx;
  if (epoll_ctl(s->epfd, EPOLL_CTL_ADD, s->c.nodes[idx]->fd, &ev) != 0 && errno != EEXIST) {
    mr_set_error(s->c.error, "epoll_ctl: %s", mr_strerror(errno, ebuf));
    return MITCH_REDIS_ERR_CONNECTION;
  }
  return MITCH_OK;
}

static int enqueue(mitch_redis_subscriber *s, redisReply *r, size_t node) {
  if (s->q_first + s->q_count == s->q_cap) {
    if (s->q_first) {
      memmove(s->queue, s->queue + s->q_first, s->q_count * sizeof *s->queue);
      s->q_first = 0;
    } else {
      size_t cap = s->q_cap ? s->q_cap * 2 : 64;
      queued_reply *q = realloc(s->queue, cap * sizeof *q);
      if (!q) {
        freeReplyObject(r);
        mr_set_error(s->c.error, "out of memory");
        return MITCH_REDIS_ERR_NO_MEMORY;
      }
      s->queue = q;
      s->q_cap = cap;
    }
  }
  s->queue[s->q_first + s->q_count].r = r;
  s->queue[s->q_first + s->q_count].node = node;
  s->q_count++;
  return MITCH_OK;
}

/* A confirmation ["subscribe", name, count] of one of our SENT entries on
   node idx: its index, or -1. */
static long confirmed_entry(mitch_redis_subscriber *s, const redisReply *r, size_t idx) {
  size_t i;
  int kind;
  if (r->type != REDIS_REPLY_ARRAY || r->elements != 3)
    return -1;
  for (kind = SUB_CHANNEL; kind <= SUB_SHARDED; kind++)
    if (str_is(r->element[0], confirmation_of[kind]))
      break;
  if (kind > SUB_SHARDED || r->element[1]->type != REDIS_REPLY_STRING)
    return -1;
  for (i = 0; i < s->n_subs; i++) {
    sub_entry *e = &s->subs[i];
    if (e->node == idx && e->kind == kind && e->state == SUB_SENT &&
        e->len == r->element[1]->len && memcmp(e->name, r->element[1]->str, e->len) == 0)
      return (long)i;
  }
  return -1;
}

static void remove_entry(mitch_redis_subscriber *s, size_t i) {
  free(s->subs[i].name);
  memmove(s->subs + i, s->subs + i + 1, (s->n_subs - i - 1) * sizeof *s->subs);
  s->n_subs--;
}

/* Send the subscriptions of node idx that are not active and wait until
   the server confirmed or refused each (messages meanwhile are queued).
   A sharded channel answered with MOVED moves to the node named.
   `only` >= 0: the entry the caller waits for; its refusal is returned
   (and the entry removed); other refusals are kept in last_error. */
static int activate_node(mitch_redis_subscriber *s, size_t idx, long only, uint64_t deadline,
                         int hops) {
  mr_node *n = s->c.nodes[idx];
  size_t i;
  int st, result = MITCH_OK;
  long moved_to = -1;
  if (!n->ctx) {
    if ((st = mr_node_connect(n, &s->c.set, deadline, s->c.error)) != MITCH_OK)
      return st;
    if ((st = watch_node(s, idx)) != MITCH_OK)
      return st;
  }
  for (i = 0; i < s->n_subs; i++) {
    sub_entry *e = &s->subs[i];
    if (e->node != idx || e->state != SUB_INACTIVE)
      continue;
    mr_buf_clear(&s->cmd);
    mr_cmd_begin(&s->cmd, 2);
    mr_cmd_arg_str(&s->cmd, command_of[e->kind]);
    mr_cmd_arg(&s->cmd, e->name, e->len);
    if (s->cmd.failed) {
      mr_set_error(s->c.error, "out of memory");
      return MITCH_REDIS_ERR_NO_MEMORY;
    }
    if ((st = mr_node_queue(n, s->cmd.data, s->cmd.len, MR_R_ANY, MR_SLOTS, 0, s->c.error)) !=
        MITCH_OK)
      return st;
    n->pend[n->pend_first + n->pend_count - 1].tag = i;
    e->state = SUB_SENT;
  }
  while (n->pend_count) {
    redisReply *r = NULL;
    long hit;
    size_t tag = n->pend[n->pend_first].tag;
    if ((st = mr_node_io(n, deadline, 1, &r, s->c.error)) != MITCH_OK)
      return st;
    if (r->type == REDIS_REPLY_ERROR) {
      /* Errors answer the oldest subscription command of this node. */
      sub_entry *e = &s->subs[tag];
      char host[256];
      unsigned slot;
      int port, kind = mr_parse_redirect(r, &slot, host, sizeof host, &port);
      mr_node_pop(n);
      if (kind && e->kind == SUB_SHARDED) {
        int to = mr_client_node(&s->c, host, port);
        freeReplyObject(r);
        if (to < 0) {
          mr_set_error(s->c.error, "out of memory");
          return MITCH_REDIS_ERR_NO_MEMORY;
        }
        e->node = (size_t)to;
        e->state = SUB_INACTIVE;
        moved_to = to;
        continue;
      }
      st = mr_error_reply(r, s->c.error);
      freeReplyObject(r);
      if ((long)tag == only) {
        result = st;
        e->node = (size_t)-1; /* removed below */
      }
      e->state = SUB_FAILED;
      continue;
    }
    hit = confirmed_entry(s, r, idx);
    if (hit >= 0) {
      s->subs[hit].state = SUB_ACTIVE;
      mr_node_pop(n);
      freeReplyObject(r);
      continue;
    }
    if ((st = enqueue(s, r, idx)) != MITCH_OK)
      return st;
  }
  for (i = s->n_subs; i-- > 0;)
    if (s->subs[i].node == (size_t)-1)
      remove_entry(s, i);
  if (moved_to >= 0 && result == MITCH_OK) {
    if (hops >= MR_MAX_REDIRECTS) {
      mr_set_error(s->c.error, "Redis Cluster: too many redirections for a sharded channel");
      return MITCH_REDIS_ERR_CLUSTER;
    }
    return activate_node(s, (size_t)moved_to, only, deadline, hops + 1);
  }
  return result;
}

int mitch_redis_subscriber_open(const char *url, int timeout_ms, mitch_redis_subscriber **out,
                                char *why, size_t why_len) {
  mitch_redis_subscriber *s;
  int st;
  if (!url || !out) {
    mr_report_why(why, why_len, "url and out must not be NULL");
    return MITCH_ERR_INVALID_DATA;
  }
  s = calloc(1, sizeof *s);
  if (!s) {
    mr_report_why(why, why_len, "out of memory");
    return MITCH_REDIS_ERR_NO_MEMORY;
  }
  s->epfd = epoll_create1(EPOLL_CLOEXEC);
  if (s->epfd < 0) {
    mr_report_why(why, why_len, "epoll_create1 failed");
    free(s);
    return MITCH_REDIS_ERR_NO_MEMORY;
  }
  st = mr_client_open(&s->c, url, timeout_ms);
  if (st == MITCH_OK)
    st = watch_node(s, 0);
  if (st != MITCH_OK) {
    mr_report_why(why, why_len, s->c.error);
    mr_client_close(&s->c);
    close(s->epfd);
    free(s);
    return st;
  }
  *out = s;
  return MITCH_OK;
}

void mitch_redis_subscriber_close(mitch_redis_subscriber *s) {
  size_t i;
  if (!s)
    return;
  for (i = 0; i < s->q_count; i++)
    freeReplyObject(s->queue[s->q_first + i].r);
  free(s->queue);
  if (s->current)
    freeReplyObject(s->current);
  for (i = 0; i < s->n_subs; i++)
    free(s->subs[i].name);
  free(s->subs);
  free(s->gaps);
  mr_client_close(&s->c);
  mr_buf_free(&s->cmd);
  close(s->epfd);
  free(s);
}

const char *mitch_redis_subscriber_last_error(const mitch_redis_subscriber *s) {
  return s ? s->c.error : "";
}

int mitch_redis_subscriber_set_reconnect(mitch_redis_subscriber *s, int window_ms) {
  if (!s || window_ms < 0)
    return MITCH_ERR_INVALID_DATA;
  s->c.set.reconnect_ms = window_ms;
  return MITCH_OK;
}

int mitch_redis_subscriber_fd(const mitch_redis_subscriber *s) { return s ? s->epfd : -1; }

static int add_entry(mitch_redis_subscriber *s, const char *name, size_t len, int kind,
                     unsigned flags, uint32_t channel_id, size_t node) {
  size_t i;
  sub_entry *e;
  for (i = 0; i < s->n_subs; i++)
    if (s->subs[i].kind == kind && s->subs[i].len == len &&
        memcmp(s->subs[i].name, name, len) == 0) {
      mr_set_error(s->c.error, "already subscribed to that %s",
                   kind == SUB_PATTERN ? "pattern" : "channel name");
      return MITCH_REDIS_ERR_STATE;
    }
  if (s->n_subs == s->subs_cap) {
    size_t cap = s->subs_cap ? s->subs_cap * 2 : 8;
    sub_entry *ns = realloc(s->subs, cap * sizeof *ns);
    if (!ns)
      return MITCH_REDIS_ERR_NO_MEMORY;
    s->subs = ns;
    s->subs_cap = cap;
  }
  e = &s->subs[s->n_subs];
  e->name = malloc(len ? len : 1);
  if (!e->name)
    return MITCH_REDIS_ERR_NO_MEMORY;
  memcpy(e->name, name, len);
  e->len = len;
  e->kind = kind;
  e->flags = flags;
  e->channel_id = channel_id;
  e->node = node;
  e->state = SUB_INACTIVE;
  s->n_subs++;
  return MITCH_OK;
}

static int subscribe_entry(mitch_redis_subscriber *s, const char *name, size_t len, int kind,
                           unsigned flags, uint32_t channel_id) {
  uint64_t deadline = mr_now_ms() + (uint64_t)s->c.set.timeout_ms;
  size_t node = 0;
  size_t i;
  int st;
  if (kind == SUB_SHARDED && s->c.cluster && s->c.slot_node) {
    unsigned slot = mr_key_slot(name, len);
    if (s->c.slot_node[slot])
      node = (size_t)s->c.slot_node[slot] - 1;
  }
  if ((st = add_entry(s, name, len, kind, flags, channel_id, node)) != MITCH_OK) {
    if (st == MITCH_REDIS_ERR_NO_MEMORY)
      mr_set_error(s->c.error, "out of memory");
    return st;
  }
  st = activate_node(s, node, (long)s->n_subs - 1, deadline, 0);
  if (st != MITCH_OK) /* not subscribed: forget it, so the caller may try again */
    for (i = 0; i < s->n_subs; i++)
      if (s->subs[i].kind == kind && s->subs[i].len == len &&
          memcmp(s->subs[i].name, name, len) == 0 && s->subs[i].state != SUB_ACTIVE) {
        remove_entry(s, i);
        break;
      }
  return st;
}

int mitch_redis_subscribe(mitch_redis_subscriber *s, uint32_t channel_id, unsigned flags) {
  char name[16];
  size_t len = 0;
  if (!s)
    return MITCH_ERR_INVALID_DATA;
  s->c.error[0] = '\0';
  if (flags & ~(MITCH_REDIS_BINARY_CHANNEL | MITCH_REDIS_BARE_BODIES | MITCH_REDIS_SHARDED)) {
    mr_set_error(s->c.error, "flags 0x%x: not valid for subscribe", flags);
    return MITCH_ERR_INVALID_DATA;
  }
  if (mitch_redis_channel_name(channel_id, flags, name, sizeof name, &len) != MITCH_OK) {
    mr_set_error(s->c.error, "%lu is not a valid channel id", (unsigned long)channel_id);
    return MITCH_ERR_INVALID_CHANNEL_ID;
  }
  return subscribe_entry(s, name, len, (flags & MITCH_REDIS_SHARDED) ? SUB_SHARDED : SUB_CHANNEL,
                         flags, channel_id);
}

int mitch_redis_psubscribe(mitch_redis_subscriber *s, const char *pattern, unsigned flags) {
  size_t len;
  if (!s || !pattern)
    return MITCH_ERR_INVALID_DATA;
  s->c.error[0] = '\0';
  if (flags & ~MITCH_REDIS_BARE_BODIES) {
    mr_set_error(s->c.error, "flags 0x%x: not valid for psubscribe", flags);
    return MITCH_ERR_INVALID_DATA;
  }
  len = strnlen(pattern, PATTERN_MAX + 1);
  if (len == 0 || len > PATTERN_MAX) {
    mr_set_error(s->c.error, "pattern: 1..%d bytes", PATTERN_MAX);
    return MITCH_ERR_INVALID_DATA;
  }
  return subscribe_entry(s, pattern, len, SUB_PATTERN, flags, 0);
}

/* ---- receiving ----------------------------------------------------------- */

static const sub_entry *find_entry(const mitch_redis_subscriber *s, int kind,
                                   const redisReply *name) {
  size_t i;
  for (i = 0; i < s->n_subs; i++) {
    const sub_entry *e = &s->subs[i];
    if (e->kind == kind && e->len == name->len && memcmp(e->name, name->str, e->len) == 0)
      return e;
  }
  return NULL;
}

/* Turn one reply into a delivery: 1 if *d is filled, 0 if the reply was
   nothing to hand out (a late confirmation, a pong: *d is then untouched).
   Takes r. */
static int deliver(mitch_redis_subscriber *s, redisReply *r, size_t node,
                   mitch_redis_delivery *d) {
  const redisReply *channel, *payload;
  const sub_entry *e = NULL;
  uint32_t channel_id = 0;
  unsigned spelling = 0, flags = 0;
  int channel_ok;
  long hit;
  if (r->type != REDIS_REPLY_ARRAY || r->elements < 3 ||
      r->element[0]->type != REDIS_REPLY_STRING) {
    freeReplyObject(r);
    return 0;
  }
  if ((hit = confirmed_entry(s, r, node)) >= 0) {
    s->subs[hit].state = SUB_ACTIVE;
    freeReplyObject(r);
    return 0;
  }
  if (str_is(r->element[0], "pmessage") && r->elements == 4) {
    e = find_entry(s, SUB_PATTERN, r->element[1]);
    channel = r->element[2];
    payload = r->element[3];
    flags = MITCH_REDIS_PATTERN;
  } else if ((str_is(r->element[0], "message") || str_is(r->element[0], "smessage")) &&
             r->elements == 3) {
    int sharded = r->element[0]->str[0] == 's';
    e = find_entry(s, sharded ? SUB_SHARDED : SUB_CHANNEL, r->element[1]);
    channel = r->element[1];
    payload = r->element[2];
    if (sharded)
      flags = MITCH_REDIS_SHARDED;
  } else {
    /* The server ended a sharded subscription (its slot moved): renew it
       the next time round, wherever MOVED sends it. */
    if (str_is(r->element[0], "sunsubscribe") && r->element[1]->type == REDIS_REPLY_STRING) {
      size_t i;
      for (i = 0; i < s->n_subs; i++)
        if (s->subs[i].kind == SUB_SHARDED && s->subs[i].len == r->element[1]->len &&
            memcmp(s->subs[i].name, r->element[1]->str, s->subs[i].len) == 0)
          s->subs[i].state = SUB_INACTIVE;
    }
    freeReplyObject(r);
    return 0;
  }
  if (channel->type != REDIS_REPLY_STRING || payload->type != REDIS_REPLY_STRING) {
    freeReplyObject(r);
    return 0;
  }
  mr_delivery_reset(d);
  d->receive_time = mr_time_of_day_ns();
  channel_ok = mitch_redis_channel_parse(channel->str, channel->len, &channel_id, &spelling) ==
               MITCH_OK;
  if (e) {
    flags |= e->flags & MITCH_REDIS_BARE_BODIES;
    d->pattern = e->kind == SUB_PATTERN ? e->name : NULL;
    d->pattern_len = e->kind == SUB_PATTERN ? e->len : 0;
  }
  d->flags = flags | spelling;
  d->channel_id = channel_ok ? channel_id : 0;
  d->channel = channel->str;
  d->channel_len = channel->len;
  mr_judge_payload((const uint8_t *)payload->str, payload->len, channel_id, channel_ok,
                   d->flags, s->frame, d);
  s->current = r;
  return 1;
}

/* Re-establish node idx after its connection broke; on success a GAP is
   owed.  Fails with the reconnection's status. */
static int recover_node(mitch_redis_subscriber *s, size_t idx) {
  mr_node *n = s->c.nodes[idx];
  uint64_t deadline;
  size_t i;
  int st;
  for (i = 0; i < s->n_subs; i++)
    if (s->subs[i].node == idx && s->subs[i].state != SUB_FAILED)
      s->subs[i].state = SUB_INACTIVE;
  if (!n->lost_at)
    n->lost_at = mr_now_ms();
  if ((st = mr_node_reconnect(n, &s->c.set, s->c.error)) != MITCH_OK)
    return st;
  if ((st = watch_node(s, idx)) != MITCH_OK)
    return st;
  deadline = mr_now_ms() + (uint64_t)s->c.set.timeout_ms;
  if ((st = activate_node(s, idx, -1, deadline, 0)) != MITCH_OK)
    return st;
  {
    size_t *g = realloc(s->gaps, (s->n_gaps + 1) * sizeof *g);
    if (!g) {
      mr_set_error(s->c.error, "out of memory");
      return MITCH_REDIS_ERR_NO_MEMORY;
    }
    s->gaps = g;
    s->gaps[s->n_gaps++] = idx;
  }
  return MITCH_OK;
}

static void deliver_gap(mitch_redis_subscriber *s, mitch_redis_delivery *d) {
  mr_node *n = s->c.nodes[s->gaps[0]];
  uint64_t now = mr_now_ms();
  const char *why;
  memmove(s->gaps, s->gaps + 1, (s->n_gaps - 1) * sizeof *s->gaps);
  s->n_gaps--;
  memset(d, 0, sizeof *d);
  d->kind = MITCH_REDIS_GAP;
  d->receive_time = mr_time_of_day_ns();
  d->gap_ms = n->lost_at && now > n->lost_at ? now - n->lost_at : 0;
  n->lost_at = 0;
  if (n->prev_run_id[0] && n->run_id[0] && strcmp(n->prev_run_id, n->run_id) == 0) {
    d->status = MITCH_REDIS_ERR_DROPPED;
    why = "closed by the server (slow subscriber, CLIENT KILL)";
  } else if (n->prev_run_id[0] && n->run_id[0]) {
    d->status = MITCH_REDIS_ERR_RESTARTED;
    why = "the server restarted";
  } else {
    d->status = MITCH_REDIS_ERR_CONNECTION;
    why = "the connection was lost";
  }
  snprintf(d->reason, sizeof d->reason, "%.40s:%d: %.52s; subscriptions renewed after %llu ms",
           n->is_unix ? "unix" : n->host, n->port, why, (unsigned long long)d->gap_ms);
}

/* A node whose subscriptions must be (re)established: broken connection,
   or entries left inactive (a sunsubscribe, an earlier failure). */
static long node_needing_care(const mitch_redis_subscriber *s) {
  size_t i;
  for (i = 0; i < s->n_subs; i++) {
    const sub_entry *e = &s->subs[i];
    if (e->state != SUB_FAILED && (e->state != SUB_ACTIVE || !s->c.nodes[e->node]->ctx))
      return (long)e->node;
  }
  return -1;
}

int mitch_redis_receive(mitch_redis_subscriber *s, int timeout_ms, mitch_redis_delivery *out) {
  uint64_t deadline;
  int st;
  if (!s || !out)
    return MITCH_ERR_INVALID_DATA;
  s->c.error[0] = '\0';
  if (s->current) {
    freeReplyObject(s->current);
    s->current = NULL;
  }
  deadline = timeout_ms < 0 ? (uint64_t)-1 : mr_now_ms() + (uint64_t)timeout_ms;
  for (;;) {
    struct epoll_event events[16];
    size_t i;
    long care;
    int n_ev, wait, busy = 0;
    if (s->n_gaps) {
      deliver_gap(s, out);
      return MITCH_OK;
    }
    while (s->q_count) {
      queued_reply q = s->queue[s->q_first];
      s->q_first++;
      s->q_count--;
      if (!s->q_count)
        s->q_first = 0;
      if (deliver(s, q.r, q.node, out)) {
        return MITCH_OK;
      }
    }
    if ((care = node_needing_care(s)) >= 0) {
      mr_node *n = s->c.nodes[care];
      if (!n->ctx) {
        if ((st = recover_node(s, (size_t)care)) != MITCH_OK)
          return st;
      } else if ((st = activate_node(s, (size_t)care, -1,
                                     mr_now_ms() + (uint64_t)s->c.set.timeout_ms, 0)) !=
                 MITCH_OK) {
        return st;
      }
      continue;
    }
    /* Replies already parsed, or read ahead: no system call. */
    for (i = 0; i < s->c.n_nodes; i++) {
      redisReply *r = NULL;
      mr_node *n = s->c.nodes[i];
      if (!n->ctx)
        continue;
      if ((st = mr_node_parsed(n, &r, s->c.error)) != MITCH_OK) {
        busy = 1;
        break;
      }
      if (r && deliver(s, r, i, out)) {
        return MITCH_OK;
      }
      if (r)
        busy = 1;
    }
    if (busy)
      continue;
    wait = timeout_ms < 0 ? 1000 : mr_remaining_ms(deadline);
    n_ev = epoll_wait(s->epfd, events, 16, wait);
    if (n_ev < 0) {
      char ebuf[64];
      if (errno == EINTR)
        return MITCH_REDIS_AGAIN;
      mr_set_error(s->c.error, "epoll_wait: %s", mr_strerror(errno, ebuf));
      return MITCH_REDIS_ERR_CONNECTION;
    }
    for (i = 0; i < (size_t)n_ev; i++) {
      size_t idx = (size_t)events[i].data.u64;
      redisReply *r = NULL;
      if (idx >= s->c.n_nodes || !s->c.nodes[idx]->ctx)
        continue;
      /* A read error breaks the connection: recovered on the next turn. */
      if (mr_node_poll_reply(s->c.nodes[idx], &r, s->c.error) == MITCH_OK && r &&
          deliver(s, r, idx, out)) {
        return MITCH_OK;
      }
    }
    if (n_ev == 0 && timeout_ms >= 0 && mr_remaining_ms(deadline) == 0)
      return MITCH_REDIS_AGAIN;
  }
}

void mr_subscriber_forget_slots(mitch_redis_subscriber *s) {
  if (s && s->c.slot_node)
    memset(s->c.slot_node, 0, MR_SLOTS * sizeof *s->c.slot_node);
}
