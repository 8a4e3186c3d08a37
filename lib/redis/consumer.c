/*
 * consumer.c - durable reading of MITCH streams through a consumer group.
 *
 * Each stream key is read with XREADGROUP.  Keys that can share a command
 * share a "lane": one connection with at most one read in flight (a blocked
 * XREADGROUP holds its connection, so two lanes never share one).  On one
 * server all keys form one lane; on a cluster, keys of one slot do (a
 * command may not cross slots), on the connection to the slot's owner.
 *
 * A stream starts in the pending phase: the consumer asks for its own
 * pending entries (id 0, then after the last one seen) until there are
 * none, then for new ones (">").  So a consumer that was killed re-reads
 * what it had been given but not acknowledged, before anything new.  A lane
 * whose connection broke with a read in flight goes back to the pending
 * phase: the lost reply's entries are in the pending list now.
 *
 * Acknowledgements go through a separate client (so a blocked read never
 * delays them), queued per stream and sent as one XACK per stream.
 */
#include <config.h>

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define MAX_CHANNELS 64
#define NAME_MAX_LEN 200
#define READ_COUNT 500
#define BLOCK_CHUNK_MS 5000
#define ACK_DEPTH 256

typedef struct cstream {
  uint32_t channel_id;
  char key[MR_KEY_MAX];
  size_t key_len;
  unsigned slot;
  size_t lane;
  int pending_phase;
  int issued_pending; /* the read in flight asked for pending entries */
  char cursor[MITCH_REDIS_ENTRY_ID_SIZE];
  mr_buf acks; /* entry ids, NUL-terminated, back to back */
  size_t n_acks;
} cstream;

typedef struct lane {
  mr_node node;
  int connected_once;
  int outstanding;  /* an XREADGROUP is in flight */
  int blocked_ms;   /* its BLOCK argument */
  uint64_t sent_at;
  redisReply *reply; /* entries being handed out */
  size_t key_i, entry_i;
} lane;

struct mitch_redis_consumer {
  mr_client c; /* routing, XGROUP, XACK */
  char group[NAME_MAX_LEN + 1], name[NAME_MAX_LEN + 1];
  unsigned flags;
  cstream *streams;
  size_t n_streams;
  lane *lanes;
  size_t n_lanes;
  redisReply *current; /* reply the last delivery points into, freed next call */
  uint8_t frame[MR_FRAME_MAX];
  mr_buf cmd;
};

static int name_ok(const char *s) {
  size_t n, i;
  if (!s)
    return 0;
  n = strnlen(s, NAME_MAX_LEN + 1);
  if (n == 0 || n > NAME_MAX_LEN)
    return 0;
  for (i = 0; i < n; i++)
    if ((unsigned char)s[i] <= ' ' || s[i] == 0x7f)
      return 0;
  return 1;
}

static int create_group(mitch_redis_consumer *k, cstream *cs) {
  redisReply *r = NULL;
  int st;
  mr_buf_clear(&k->cmd);
  mr_cmd_begin(&k->cmd, 6);
  mr_cmd_arg_str(&k->cmd, "XGROUP");
  mr_cmd_arg_str(&k->cmd, "CREATE");
  mr_cmd_arg(&k->cmd, cs->key, cs->key_len);
  mr_cmd_arg_str(&k->cmd, k->group);
  mr_cmd_arg_str(&k->cmd, "0");
  mr_cmd_arg_str(&k->cmd, "MKSTREAM");
  if ((st = mr_client_call(&k->c, &k->cmd, cs->slot, &r)) != MITCH_OK)
    return st;
  if (r->type == REDIS_REPLY_ERROR && strncmp(r->str, "BUSYGROUP", 9) != 0) {
    st = mr_error_reply(r, k->c.error);
  } else if (r->type != REDIS_REPLY_ERROR && r->type != REDIS_REPLY_STATUS) {
    mr_set_error(k->c.error, "XGROUP CREATE: unexpected reply");
    st = MITCH_REDIS_ERR_PROTOCOL;
  }
  freeReplyObject(r);
  return st;
}

/* Lanes: one on a single server; one per slot on a cluster. */
static int build_lanes(mitch_redis_consumer *k) {
  size_t i, j;
  k->lanes = calloc(k->n_streams, sizeof *k->lanes);
  if (!k->lanes)
    return MITCH_REDIS_ERR_NO_MEMORY;
  for (i = 0; i < k->n_streams; i++) {
    cstream *cs = &k->streams[i];
    size_t owner = 0;
    for (j = 0; j < k->n_lanes; j++)
      if (!k->c.cluster || k->streams[k->lanes[j].key_i].slot == cs->slot)
        break;
    if (j == k->n_lanes) {
      lane *l = &k->lanes[k->n_lanes++];
      mr_node *route;
      if (k->c.cluster && k->c.slot_node && k->c.slot_node[cs->slot])
        owner = (size_t)k->c.slot_node[cs->slot] - 1;
      route = k->c.nodes[owner];
      mr_node_init(&l->node, route->host, route->port);
      l->node.is_unix = route->is_unix;
      l->key_i = i; /* while building: a stream of this lane */
    }
    cs->lane = j;
  }
  for (j = 0; j < k->n_lanes; j++)
    k->lanes[j].key_i = 0;
  return MITCH_OK;
}

int mitch_redis_consumer_open(const char *url, int timeout_ms, const char *group,
                              const char *consumer, const uint32_t *channel_ids,
                              size_t n_channels, unsigned flags, mitch_redis_consumer **out,
                              char *why, size_t why_len) {
  mitch_redis_consumer *k;
  size_t i, j;
  int st;
  if (!url || !group || !consumer || !channel_ids || !out) {
    mr_report_why(why, why_len, "url, group, consumer, channel_ids and out must not be NULL");
    return MITCH_ERR_INVALID_DATA;
  }
  if (!name_ok(group) || !name_ok(consumer)) {
    mr_report_why(why, why_len, "group and consumer names: 1..200 bytes, no spaces or "
                                "control characters");
    return MITCH_ERR_INVALID_DATA;
  }
  if (n_channels == 0 || n_channels > MAX_CHANNELS || (flags & ~MITCH_REDIS_BARE_BODIES)) {
    mr_report_why(why, why_len, "1..64 channels; flags: only MITCH_REDIS_BARE_BODIES");
    return MITCH_ERR_INVALID_DATA;
  }
  for (i = 0; i < n_channels; i++) {
    if (!mr_channel_type(channel_ids[i])) {
      mr_report_why(why, why_len, "not a valid channel id");
      return MITCH_ERR_INVALID_CHANNEL_ID;
    }
    for (j = 0; j < i; j++)
      if (channel_ids[j] == channel_ids[i]) {
        mr_report_why(why, why_len, "a channel given twice");
        return MITCH_ERR_INVALID_DATA;
      }
  }
  k = calloc(1, sizeof *k);
  if (!k) {
    mr_report_why(why, why_len, "out of memory");
    return MITCH_REDIS_ERR_NO_MEMORY;
  }
  k->streams = calloc(n_channels, sizeof *k->streams);
  if (!k->streams) {
    mr_report_why(why, why_len, "out of memory");
    free(k);
    return MITCH_REDIS_ERR_NO_MEMORY;
  }
  snprintf(k->group, sizeof k->group, "%s", group);
  snprintf(k->name, sizeof k->name, "%s", consumer);
  k->flags = flags;
  k->n_streams = n_channels;
  for (i = 0; i < n_channels; i++) {
    cstream *cs = &k->streams[i];
    cs->channel_id = channel_ids[i];
    cs->key_len = mr_stream_key(channel_ids[i], cs->key);
    cs->slot = mr_key_slot(cs->key, cs->key_len);
    cs->pending_phase = 1;
    strcpy(cs->cursor, "0");
  }
  st = mr_client_open(&k->c, url, timeout_ms);
  for (i = 0; st == MITCH_OK && i < n_channels; i++)
    st = create_group(k, &k->streams[i]);
  if (st == MITCH_OK)
    st = build_lanes(k);
  if (st != MITCH_OK) {
    mr_report_why(why, why_len, st == MITCH_REDIS_ERR_NO_MEMORY ? "out of memory" : k->c.error);
    mitch_redis_consumer_close(k);
    return st;
  }
  k->c.depth = ACK_DEPTH;
  *out = k;
  return MITCH_OK;
}

static int send_acks(mitch_redis_consumer *k) {
  size_t i;
  int st = MITCH_OK;
  for (i = 0; i < k->n_streams && st == MITCH_OK; i++) {
    cstream *cs = &k->streams[i];
    const char *id = cs->acks.data;
    size_t n;
    if (!cs->n_acks)
      continue;
    mr_buf_clear(&k->cmd);
    mr_cmd_begin(&k->cmd, (unsigned)(3 + cs->n_acks));
    mr_cmd_arg_str(&k->cmd, "XACK");
    mr_cmd_arg(&k->cmd, cs->key, cs->key_len);
    mr_cmd_arg_str(&k->cmd, k->group);
    for (n = 0; n < cs->n_acks; n++) {
      size_t len = strlen(id);
      mr_cmd_arg(&k->cmd, id, len);
      id += len + 1;
    }
    st = mr_client_send(&k->c, &k->cmd, MR_R_INTEGER, cs->slot);
    /* Sent (or lost with the connection: then the entries stay pending and
       come back to this consumer, which is what at-least-once means). */
    mr_buf_clear(&cs->acks);
    cs->n_acks = 0;
  }
  return st;
}

void mitch_redis_consumer_close(mitch_redis_consumer *k) {
  size_t i;
  if (!k)
    return;
  if (k->c.nodes)
    send_acks(k);
  if (k->current)
    freeReplyObject(k->current);
  for (i = 0; i < k->n_lanes; i++) {
    if (k->lanes[i].reply && k->lanes[i].reply != k->current)
      freeReplyObject(k->lanes[i].reply);
    mr_node_free(&k->lanes[i].node);
  }
  for (i = 0; i < k->n_streams; i++)
    mr_buf_free(&k->streams[i].acks);
  mr_client_close(&k->c);
  mr_buf_free(&k->cmd);
  free(k->lanes);
  free(k->streams);
  free(k);
}

const char *mitch_redis_consumer_last_error(const mitch_redis_consumer *k) {
  return k ? k->c.error : "";
}

static cstream *stream_by_key(mitch_redis_consumer *k, const redisReply *key) {
  size_t i;
  if (key->type != REDIS_REPLY_STRING)
    return NULL;
  for (i = 0; i < k->n_streams; i++)
    if (k->streams[i].key_len == key->len && memcmp(k->streams[i].key, key->str, key->len) == 0)
      return &k->streams[i];
  return NULL;
}

static int entry_id_ok(const char *id, size_t len) {
  size_t i, dash = 0;
  if (len == 0 || len >= MITCH_REDIS_ENTRY_ID_SIZE)
    return 0;
  for (i = 0; i < len; i++) {
    if (id[i] == '-' && !dash && i > 0 && i + 1 < len)
      dash = i;
    else if (id[i] < '0' || id[i] > '9')
      return 0;
  }
  return dash != 0;
}

/* Issue the lane's next XREADGROUP. */
static int issue_read(mitch_redis_consumer *k, size_t li, int timeout_ms) {
  lane *l = &k->lanes[li];
  size_t i, n = 0;
  int any_pending = 0, st;
  for (i = 0; i < k->n_streams; i++)
    if (k->streams[i].lane == li) {
      n++;
      any_pending |= k->streams[i].pending_phase;
    }
  if (!l->node.ctx) {
    if (l->connected_once) {
      /* The read in flight when the connection broke was lost: its entries
         are pending now, read them again. */
      for (i = 0; i < k->n_streams; i++)
        if (k->streams[i].lane == li) {
          k->streams[i].pending_phase = 1;
          strcpy(k->streams[i].cursor, "0");
        }
      any_pending = 1;
      st = mr_node_reconnect(&l->node, &k->c.set, k->c.error);
    } else {
      st = mr_node_connect(&l->node, &k->c.set, mr_now_ms() + (uint64_t)k->c.set.timeout_ms,
                           k->c.error);
    }
    if (st != MITCH_OK)
      return st;
    l->connected_once = 1;
  }
  l->blocked_ms = (any_pending || timeout_ms == 0) ? 0
                  : (timeout_ms < 0 || timeout_ms > BLOCK_CHUNK_MS) ? BLOCK_CHUNK_MS
                                                                     : timeout_ms;
  mr_buf_clear(&k->cmd);
  mr_cmd_begin(&k->cmd, (unsigned)(7 + (l->blocked_ms ? 2 : 0) + 2 * n));
  mr_cmd_arg_str(&k->cmd, "XREADGROUP");
  mr_cmd_arg_str(&k->cmd, "GROUP");
  mr_cmd_arg_str(&k->cmd, k->group);
  mr_cmd_arg_str(&k->cmd, k->name);
  mr_cmd_arg_str(&k->cmd, "COUNT");
  mr_cmd_arg_u64(&k->cmd, READ_COUNT);
  if (l->blocked_ms) {
    mr_cmd_arg_str(&k->cmd, "BLOCK");
    mr_cmd_arg_u64(&k->cmd, (uint64_t)l->blocked_ms);
  }
  mr_cmd_arg_str(&k->cmd, "STREAMS");
  for (i = 0; i < k->n_streams; i++)
    if (k->streams[i].lane == li)
      mr_cmd_arg(&k->cmd, k->streams[i].key, k->streams[i].key_len);
  for (i = 0; i < k->n_streams; i++)
    if (k->streams[i].lane == li) {
      cstream *cs = &k->streams[i];
      cs->issued_pending = cs->pending_phase;
      mr_cmd_arg_str(&k->cmd, cs->pending_phase ? cs->cursor : ">");
    }
  if (k->cmd.failed) {
    mr_set_error(k->c.error, "out of memory");
    return MITCH_REDIS_ERR_NO_MEMORY;
  }
  st = mr_node_queue(&l->node, k->cmd.data, k->cmd.len, MR_R_ANY, MR_SLOTS, 0, k->c.error);
  if (st != MITCH_OK)
    return st;
  l->outstanding = 1;
  l->sent_at = mr_now_ms();
  return MITCH_OK;
}

/* The reply to a lane's read: keep it for handing out, note the phases. */
static int take_read_reply(mitch_redis_consumer *k, size_t li, redisReply *r) {
  lane *l = &k->lanes[li];
  size_t i;
  char host[256];
  unsigned slot;
  int port, kind;
  l->outstanding = 0;
  mr_node_pop(&l->node);
  if (r->type == REDIS_REPLY_NIL) { /* BLOCK ran out */
    freeReplyObject(r);
    return MITCH_OK;
  }
  if ((kind = mr_parse_redirect(r, &slot, host, sizeof host, &port)) != 0) {
    /* The lane's slot lives elsewhere: read there from now on. */
    mr_node_free(&l->node);
    mr_node_init(&l->node, host, port);
    l->connected_once = 0;
    freeReplyObject(r);
    return MITCH_OK;
  }
  if (r->type == REDIS_REPLY_ERROR) {
    int st = mr_error_reply(r, k->c.error);
    freeReplyObject(r);
    return st;
  }
  if (r->type != REDIS_REPLY_ARRAY) {
    freeReplyObject(r);
    mr_set_error(k->c.error, "XREADGROUP: unexpected reply");
    return MITCH_REDIS_ERR_PROTOCOL;
  }
  for (i = 0; i < r->elements; i++) {
    const redisReply *pair = r->element[i], *entries;
    cstream *cs;
    if (pair->type != REDIS_REPLY_ARRAY || pair->elements != 2 ||
        !(cs = stream_by_key(k, pair->element[0])) ||
        pair->element[1]->type != REDIS_REPLY_ARRAY) {
      freeReplyObject(r);
      mr_set_error(k->c.error, "XREADGROUP: unexpected reply");
      return MITCH_REDIS_ERR_PROTOCOL;
    }
    entries = pair->element[1];
    if (!cs->issued_pending)
      continue;
    if (entries->elements == 0) {
      cs->pending_phase = 0;
    } else {
      const redisReply *last = entries->element[entries->elements - 1];
      if (last->type == REDIS_REPLY_ARRAY && last->elements >= 1 &&
          last->element[0]->type == REDIS_REPLY_STRING &&
          entry_id_ok(last->element[0]->str, last->element[0]->len)) {
        memcpy(cs->cursor, last->element[0]->str, last->element[0]->len);
        cs->cursor[last->element[0]->len] = '\0';
      } else {
        cs->pending_phase = 0; /* cannot go on from there */
      }
    }
  }
  l->reply = r;
  l->key_i = 0;
  l->entry_i = 0;
  return MITCH_OK;
}

/* The lane's next entry as a delivery: 1 if *d is filled, 0 if the lane
   has nothing left (its reply is then released to k->current). */
static int next_entry(mitch_redis_consumer *k, lane *l, mitch_redis_delivery *d) {
  while (l->reply && l->key_i < l->reply->elements) {
    const redisReply *pair = l->reply->element[l->key_i];
    const redisReply *entries = pair->element[1], *e, *fields, *payload = NULL;
    cstream *cs = stream_by_key(k, pair->element[0]);
    size_t f;
    if (l->entry_i >= entries->elements) {
      l->key_i++;
      l->entry_i = 0;
      continue;
    }
    e = entries->element[l->entry_i++];
    mr_delivery_reset(d);
    d->receive_time = mr_time_of_day_ns();
    d->channel_id = cs->channel_id;
    d->channel = cs->key;
    d->channel_len = cs->key_len;
    d->flags = (k->flags & MITCH_REDIS_BARE_BODIES) | (cs->issued_pending ? MITCH_REDIS_PENDING : 0);
    if (e->type != REDIS_REPLY_ARRAY || e->elements != 2 ||
        e->element[0]->type != REDIS_REPLY_STRING ||
        !entry_id_ok(e->element[0]->str, e->element[0]->len)) {
      mr_damaged(d, MITCH_ERR_INVALID_DATA, "a stream entry is an id and its fields",
                 "an entry the server sent in an unknown form");
      return 1;
    }
    memcpy(d->entry_id, e->element[0]->str, e->element[0]->len);
    d->entry_id[e->element[0]->len] = '\0';
    fields = e->element[1];
    if (fields->type == REDIS_REPLY_NIL) {
      mr_damaged(d, MITCH_ERR_INVALID_DATA, "a pending entry must still be in the stream",
                 "entry %s was trimmed from the stream (MAXLEN) before it was read",
                 d->entry_id);
      return 1;
    }
    if (fields->type == REDIS_REPLY_ARRAY)
      for (f = 0; f + 1 < fields->elements; f += 2)
        if (fields->element[f]->type == REDIS_REPLY_STRING && fields->element[f]->len == 1 &&
            fields->element[f]->str[0] == 'm' &&
            fields->element[f + 1]->type == REDIS_REPLY_STRING) {
          payload = fields->element[f + 1];
          break;
        }
    if (!payload) {
      mr_damaged(d, MITCH_ERR_INVALID_DATA, "a MITCH stream entry holds its payload in field m",
                 "entry %s has no field \"m\": not a MITCH stream entry", d->entry_id);
      return 1;
    }
    mr_judge_payload((const uint8_t *)payload->str, payload->len, cs->channel_id, 1, d->flags,
                     k->frame, d);
    return 1;
  }
  if (l->reply) {
    /* Handed out in full; the last delivery may still point into it. */
    if (k->current)
      freeReplyObject(k->current);
    k->current = l->reply;
    l->reply = NULL;
  }
  return 0;
}

int mitch_redis_consumer_receive(mitch_redis_consumer *k, int timeout_ms,
                                 mitch_redis_delivery *out) {
  uint64_t deadline;
  size_t i;
  int st;
  if (!k || !out)
    return MITCH_ERR_INVALID_DATA;
  k->c.error[0] = '\0';
  if (k->current) {
    freeReplyObject(k->current);
    k->current = NULL;
  }
  deadline = timeout_ms < 0 ? (uint64_t)-1 : mr_now_ms() + (uint64_t)timeout_ms;
  for (;;) {
    struct pollfd pfd[MAX_CHANNELS];
    size_t map[MAX_CHANNELS], n_fds = 0;
    int wait, rc;
    for (i = 0; i < k->n_lanes; i++)
      if (next_entry(k, &k->lanes[i], out))
        return MITCH_OK;
    if ((st = send_acks(k)) != MITCH_OK)
      return st;
    for (i = 0; i < k->n_lanes; i++) {
      lane *l = &k->lanes[i];
      if (!l->outstanding && (st = issue_read(k, i, timeout_ms)) != MITCH_OK)
        return st;
      if ((st = mr_node_io(&l->node, mr_now_ms() + (uint64_t)k->c.set.timeout_ms, 0, NULL,
                           k->c.error)) != MITCH_OK) {
        l->outstanding = 0;
        if (st == MITCH_REDIS_ERR_TIMEOUT) /* could not even send: treat as lost */
          st = MITCH_REDIS_ERR_CONNECTION;
        return st;
      }
      pfd[n_fds].fd = l->node.fd;
      pfd[n_fds].events = POLLIN;
      pfd[n_fds].revents = 0;
      map[n_fds++] = i;
    }
    /* Replies already parsed need no waiting. */
    for (i = 0; i < n_fds; i++) {
      redisReply *r = NULL;
      lane *l = &k->lanes[map[i]];
      if ((st = mr_node_parsed(&l->node, &r, k->c.error)) != MITCH_OK) {
        l->outstanding = 0;
        return st;
      }
      if (r) {
        if ((st = take_read_reply(k, map[i], r)) != MITCH_OK)
          return st;
        break;
      }
    }
    if (i < n_fds)
      continue;
    wait = timeout_ms < 0 ? 1000 : mr_remaining_ms(deadline);
    rc = poll(pfd, n_fds, wait);
    if (rc < 0) {
      char ebuf[64];
      if (errno == EINTR)
        return MITCH_REDIS_AGAIN;
      mr_set_error(k->c.error, "poll: %s", mr_strerror(errno, ebuf));
      return MITCH_REDIS_ERR_CONNECTION;
    }
    for (i = 0; i < n_fds; i++) {
      lane *l = &k->lanes[map[i]];
      redisReply *r = NULL;
      if (pfd[i].revents) {
        if ((st = mr_node_poll_reply(&l->node, &r, k->c.error)) != MITCH_OK) {
          l->outstanding = 0;
          return st;
        }
        if (r && (st = take_read_reply(k, map[i], r)) != MITCH_OK)
          return st;
      } else if (l->outstanding &&
                 mr_now_ms() > l->sent_at + (uint64_t)l->blocked_ms +
                                   (uint64_t)k->c.set.timeout_ms) {
        /* The server held the read past its BLOCK and our timeout. */
        mr_node_disconnect(&l->node, 0);
        l->outstanding = 0;
        mr_set_error(k->c.error, "%s:%d: no reply to XREADGROUP in time", l->node.host,
                     l->node.port);
        return MITCH_REDIS_ERR_TIMEOUT;
      }
    }
    if (rc == 0 && timeout_ms >= 0 && mr_remaining_ms(deadline) == 0)
      return MITCH_REDIS_AGAIN;
  }
}

int mitch_redis_consumer_ack(mitch_redis_consumer *k, const mitch_redis_delivery *d) {
  size_t i, len;
  if (!k || !d)
    return MITCH_ERR_INVALID_DATA;
  len = strnlen(d->entry_id, MITCH_REDIS_ENTRY_ID_SIZE);
  if (!entry_id_ok(d->entry_id, len))
    return MITCH_ERR_INVALID_DATA;
  for (i = 0; i < k->n_streams; i++)
    if (k->streams[i].channel_id == d->channel_id) {
      cstream *cs = &k->streams[i];
      if (mr_buf_append(&cs->acks, d->entry_id, len + 1) != MITCH_OK) {
        mr_buf_clear(&cs->acks);
        cs->n_acks = 0;
        mr_set_error(k->c.error, "out of memory");
        return MITCH_REDIS_ERR_NO_MEMORY;
      }
      cs->n_acks++;
      return MITCH_OK;
    }
  mr_set_error(k->c.error, "channel %lu: not a stream of this consumer",
               (unsigned long)d->channel_id);
  return MITCH_ERR_INVALID_CHANNEL_ID;
}

int mitch_redis_consumer_flush(mitch_redis_consumer *k) {
  int st;
  if (!k)
    return MITCH_ERR_INVALID_DATA;
  k->c.error[0] = '\0';
  st = send_acks(k);
  if (st != MITCH_OK)
    return st;
  return mr_client_flush(&k->c);
}
