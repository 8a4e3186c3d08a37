/*
 * client.c - a set of connections that behaves as one: the server of the
 * URL, or the nodes of a Redis Cluster with its slot map and redirections
 * (hiredis 0.14 has no cluster support), with pipelining; and the public
 * client functions built on it (publish, stream append, snapshots).
 *
 * Cluster routing: CLUSTER SLOTS is read at connect.  A command for a key
 * goes to the node that owns the key's slot; one without a key (plain
 * PUBLISH, which the cluster bus broadcasts) to the URL's node.  A MOVED
 * reply teaches the owner of that slot and the command is sent there; an
 * ASK reply sends ASKING and the command to the node named, once, without
 * changing the map.  At most MR_MAX_REDIRECTS hops per command.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct mitch_redis {
  mr_client c;
  mr_buf cmd; /* the command being built, reused */
};

/* ---- nodes and the slot map -------------------------------------------- */

int mr_client_node(mr_client *c, const char *host, int port) {
  size_t i;
  mr_node **nodes, *n;
  for (i = 0; i < c->n_nodes; i++)
    if (c->nodes[i]->port == port && !c->nodes[i]->is_unix &&
        strcmp(c->nodes[i]->host, host) == 0)
      return (int)i;
  if (c->n_nodes >= 1024)
    return -1;
  nodes = realloc(c->nodes, (c->n_nodes + 1) * sizeof *nodes);
  if (!nodes)
    return -1;
  c->nodes = nodes;
  n = malloc(sizeof *n);
  if (!n)
    return -1;
  mr_node_init(n, host, port);
  c->nodes[c->n_nodes] = n;
  return (int)c->n_nodes++;
}

static int ensure_slot_map(mr_client *c) {
  if (!c->slot_node) {
    c->slot_node = calloc(MR_SLOTS, sizeof *c->slot_node);
    if (!c->slot_node) {
      mr_set_error(c->error, "out of memory");
      return MITCH_REDIS_ERR_NO_MEMORY;
    }
  }
  return MITCH_OK;
}

int mr_client_apply_slots(mr_client *c, const redisReply *r, char *err) {
  size_t i;
  int st = ensure_slot_map(c);
  if (st != MITCH_OK)
    return st;
  if (r->type != REDIS_REPLY_ARRAY) {
    mr_set_error(err, "CLUSTER SLOTS: not an array");
    return MITCH_REDIS_ERR_PROTOCOL;
  }
  for (i = 0; i < r->elements; i++) {
    const redisReply *e = r->element[i], *master;
    const char *host;
    long long a, b, s;
    int idx;
    if (e->type != REDIS_REPLY_ARRAY || e->elements < 3 ||
        e->element[0]->type != REDIS_REPLY_INTEGER ||
        e->element[1]->type != REDIS_REPLY_INTEGER ||
        e->element[2]->type != REDIS_REPLY_ARRAY || e->element[2]->elements < 2 ||
        e->element[2]->element[0]->type != REDIS_REPLY_STRING ||
        e->element[2]->element[1]->type != REDIS_REPLY_INTEGER) {
      mr_set_error(err, "CLUSTER SLOTS: unexpected entry %zu", i);
      return MITCH_REDIS_ERR_PROTOCOL;
    }
    a = e->element[0]->integer;
    b = e->element[1]->integer;
    master = e->element[2];
    if (a < 0 || b >= (long long)MR_SLOTS || a > b || master->element[1]->integer <= 0 ||
        master->element[1]->integer > 65535) {
      mr_set_error(err, "CLUSTER SLOTS: bad range or port in entry %zu", i);
      return MITCH_REDIS_ERR_PROTOCOL;
    }
    /* An empty address means "the node you asked". */
    host = master->element[0]->len ? master->element[0]->str : c->nodes[0]->host;
    idx = mr_client_node(c, host, (int)master->element[1]->integer);
    if (idx < 0) {
      mr_set_error(err, "out of memory");
      return MITCH_REDIS_ERR_NO_MEMORY;
    }
    for (s = a; s <= b; s++)
      c->slot_node[s] = (uint16_t)(idx + 1);
  }
  return MITCH_OK;
}

/* Connect a node that is not connected: first time, or again. */
static int ensure_connected(mr_client *c, mr_node *n, uint64_t deadline) {
  if (n->ctx)
    return MITCH_OK;
  if (n->ever_connected)
    return mr_node_reconnect(n, &c->set, c->error);
  return mr_node_connect(n, &c->set, deadline, c->error);
}

int mr_client_refresh_slots(mr_client *c, uint64_t deadline) {
  mr_buf cmd = {0};
  redisReply *r = NULL;
  size_t i;
  int st = MITCH_REDIS_ERR_CLUSTER;
  mr_cmd_begin(&cmd, 2);
  mr_cmd_arg_str(&cmd, "CLUSTER");
  if (mr_cmd_arg_str(&cmd, "SLOTS") != MITCH_OK) {
    mr_buf_free(&cmd);
    mr_set_error(c->error, "out of memory");
    return MITCH_REDIS_ERR_NO_MEMORY;
  }
  for (i = 0; i < c->n_nodes; i++) {
    mr_node *n = c->nodes[i];
    if (n->pend_count || ensure_connected(c, n, deadline) != MITCH_OK)
      continue;
    st = mr_node_command(n, &cmd, deadline, &r, c->error);
    if (st != MITCH_OK)
      continue;
    if (r->type == REDIS_REPLY_ERROR)
      st = mr_error_reply(r, c->error);
    else
      st = mr_client_apply_slots(c, r, c->error);
    freeReplyObject(r);
    if (st == MITCH_OK)
      break;
  }
  mr_buf_free(&cmd);
  return st;
}

int mr_client_route(mr_client *c, unsigned slot, size_t *node, uint64_t deadline) {
  size_t idx = 0;
  int st;
  if (c->cluster && slot < MR_SLOTS && c->slot_node && c->slot_node[slot])
    idx = (size_t)c->slot_node[slot] - 1;
  st = ensure_connected(c, c->nodes[idx], deadline);
  if (st != MITCH_OK)
    return st;
  *node = idx;
  return MITCH_OK;
}

int mr_parse_redirect(const redisReply *r, unsigned *slot, char *host, size_t host_len,
                      int *port) {
  int kind;
  const char *p, *colon;
  char *end;
  unsigned long s;
  long pt;
  size_t hl;
  if (r->type != REDIS_REPLY_ERROR || !r->str)
    return 0;
  if (strncmp(r->str, "MOVED ", 6) == 0) {
    kind = 1;
    p = r->str + 6;
  } else if (strncmp(r->str, "ASK ", 4) == 0) {
    kind = 2;
    p = r->str + 4;
  } else {
    return 0;
  }
  s = strtoul(p, &end, 10);
  if (end == p || *end != ' ' || s >= MR_SLOTS)
    return 0;
  p = end + 1;
  colon = strrchr(p, ':');
  if (!colon)
    return 0;
  pt = strtol(colon + 1, &end, 10);
  if (*end || pt <= 0 || pt > 65535)
    return 0;
  hl = (size_t)(colon - p);
  if (hl >= host_len)
    return 0;
  memcpy(host, p, hl);
  host[hl] = '\0';
  if (hl == 0) /* "MOVED 3999 :6381": the same host */
    return 0;
  *slot = (unsigned)s;
  *port = (int)pt;
  return kind;
}

/* ---- replies of queued commands ---------------------------------------- */

static size_t in_flight(const mr_client *c) {
  size_t i, n = 0;
  for (i = 0; i < c->n_nodes; i++)
    n += c->nodes[i]->pend_count;
  return n;
}

static void hold(mr_client *c, int status, const char *text) {
  if (c->held_status == MITCH_OK) {
    c->held_status = status;
    memcpy(c->held_error, text, MR_ERROR_SIZE);
  }
}

/* Follow a redirection of node n's oldest command: queue its bytes on the
   node named (with ASKING first for ASK), then forget it here. */
static int redirect(mr_client *c, mr_node *n, int kind, unsigned slot, const char *host,
                    int port, uint64_t deadline) {
  mr_pending p = n->pend[n->pend_first];
  mr_node *target;
  char *copy;
  int idx, st;
  if (p.redirects + 1 > MR_MAX_REDIRECTS) {
    mr_node_pop(n);
    mr_set_error(c->error, "Redis Cluster: more than %d redirections for slot %u",
                 MR_MAX_REDIRECTS, slot);
    return MITCH_REDIS_ERR_CLUSTER;
  }
  copy = malloc(p.len);
  if (!copy) {
    mr_set_error(c->error, "out of memory");
    return MITCH_REDIS_ERR_NO_MEMORY;
  }
  memcpy(copy, n->out.data + p.offset, p.len);
  mr_node_pop(n);
  idx = mr_client_node(c, host, port);
  if (idx < 0 || (kind == 1 && ensure_slot_map(c) != MITCH_OK)) {
    free(copy);
    mr_set_error(c->error, "out of memory");
    return MITCH_REDIS_ERR_NO_MEMORY;
  }
  if (kind == 1) {
    c->slot_node[slot] = (uint16_t)(idx + 1);
    c->cluster = 1;
  }
  target = c->nodes[idx];
  st = ensure_connected(c, target, deadline);
  if (st == MITCH_OK && kind == 2) {
    static const char asking[] = "*1\r\n$6\r\nASKING\r\n";
    st = mr_node_queue(target, asking, sizeof asking - 1, MR_R_DISCARD, MR_SLOTS, 0, c->error);
    if (st == MITCH_OK)
      target->pend[target->pend_first + target->pend_count - 1].asking = 1;
  }
  if (st == MITCH_OK)
    st = mr_node_queue(target, copy, p.len, p.kind, p.slot, (uint8_t)(p.redirects + 1),
                       c->error);
  free(copy);
  return st;
}

/* Judge reply r to node n's oldest command and pop it (or send it on). */
static int take_reply(mr_client *c, mr_node *n, redisReply *r, uint64_t deadline) {
  mr_pending *p = &n->pend[n->pend_first];
  char host[256];
  unsigned slot;
  int port, kind, st = MITCH_OK;
  if (r->type == REDIS_REPLY_ERROR &&
      (kind = mr_parse_redirect(r, &slot, host, sizeof host, &port)) != 0) {
    freeReplyObject(r);
    st = redirect(c, n, kind, slot, host, port, deadline);
    if (st != MITCH_OK)
      hold(c, st, c->error);
    return MITCH_OK;
  }
  if (r->type == REDIS_REPLY_ERROR) {
    char text[MR_ERROR_SIZE];
    st = mr_error_reply(r, text);
    hold(c, st, text);
  } else if ((p->kind == MR_R_INTEGER && r->type != REDIS_REPLY_INTEGER) ||
             (p->kind == MR_R_ID && r->type != REDIS_REPLY_STRING) ||
             (p->kind == MR_R_OK && r->type != REDIS_REPLY_STATUS)) {
    char text[MR_ERROR_SIZE];
    mr_set_error(text, "unexpected reply of type %d", r->type);
    hold(c, MITCH_REDIS_ERR_PROTOCOL, text);
  }
  freeReplyObject(r);
  mr_node_pop(n);
  return MITCH_OK;
}

/* Read node n's replies until at most `keep` of its commands are left. */
static int drain_node(mr_client *c, mr_node *n, size_t keep, uint64_t deadline) {
  while (n->pend_count > keep) {
    redisReply *r = NULL;
    size_t lost = n->pend_count;
    int st = mr_node_io(n, deadline, 1, &r, c->error);
    if (st != MITCH_OK) {
      char detail[MR_ERROR_SIZE];
      memcpy(detail, c->error, MR_ERROR_SIZE);
      mr_set_error(c->error, "%s (%zu command%s without a reply: they may or may not have "
                             "been carried out)", detail, lost, lost == 1 ? "" : "s");
      return st;
    }
    if ((st = take_reply(c, n, r, deadline)) != MITCH_OK)
      return st;
  }
  return MITCH_OK;
}

static int give_held(mr_client *c) {
  int st = c->held_status;
  if (st != MITCH_OK) {
    memcpy(c->error, c->held_error, MR_ERROR_SIZE);
    c->held_status = MITCH_OK;
  }
  return st;
}

int mr_client_flush(mr_client *c) {
  uint64_t deadline = mr_now_ms() + (uint64_t)c->set.timeout_ms;
  int first = MITCH_OK;
  size_t i;
  /* Redirections add commands to other nodes: go round until none is left. */
  while (in_flight(c)) {
    for (i = 0; i < c->n_nodes; i++) {
      int st = drain_node(c, c->nodes[i], 0, deadline);
      if (st != MITCH_OK && first == MITCH_OK)
        first = st;
    }
  }
  if (first != MITCH_OK) {
    c->held_status = MITCH_OK;
    return first;
  }
  return give_held(c);
}

/* After a command was queued: send and read as the pipeline depth says. */
static int after_queue(mr_client *c, uint64_t deadline) {
  size_t i;
  int st;
  if (c->depth <= 1)
    return mr_client_flush(c);
  if (in_flight(c) >= c->depth) {
    /* Half the pipeline's worth of replies from each busy node: the next
       batch is sent while the server still works on the rest. */
    for (i = 0; i < c->n_nodes; i++) {
      mr_node *n = c->nodes[i];
      if (n->pend_count && (st = drain_node(c, n, n->pend_count / 2, deadline)) != MITCH_OK)
        return st;
    }
  }
  return give_held(c);
}

int mr_client_send(mr_client *c, const mr_buf *cmd, uint8_t kind, unsigned slot) {
  uint64_t deadline = mr_now_ms() + (uint64_t)c->set.timeout_ms;
  size_t idx;
  int st;
  if (cmd->failed) {
    mr_set_error(c->error, "out of memory");
    return MITCH_REDIS_ERR_NO_MEMORY;
  }
  if ((st = mr_client_route(c, slot, &idx, deadline)) != MITCH_OK)
    return st;
  st = mr_node_queue(c->nodes[idx], cmd->data, cmd->len, kind, slot, 0, c->error);
  if (st != MITCH_OK)
    return st;
  return after_queue(c, deadline);
}

int mr_client_begin(mr_client *c, unsigned slot, mr_node **node, mr_buf **out, size_t *offset) {
  uint64_t deadline = mr_now_ms() + (uint64_t)c->set.timeout_ms;
  size_t idx;
  int st;
  if ((st = mr_client_route(c, slot, &idx, deadline)) != MITCH_OK)
    return st;
  if ((st = mr_node_prepare(c->nodes[idx], c->error)) != MITCH_OK)
    return st;
  *node = c->nodes[idx];
  *out = &c->nodes[idx]->out;
  *offset = c->nodes[idx]->out.len;
  return MITCH_OK;
}

int mr_client_commit(mr_client *c, mr_node *node, size_t offset, uint8_t kind, unsigned slot) {
  int st = mr_node_commit(node, offset, kind, slot, 0, c->error);
  if (st != MITCH_OK)
    return st;
  return after_queue(c, mr_now_ms() + (uint64_t)c->set.timeout_ms);
}

int mr_client_call(mr_client *c, const mr_buf *cmd, unsigned slot, redisReply **reply) {
  uint64_t deadline;
  redisReply *r = NULL;
  size_t idx;
  int st, hops, ask = 0;
  if (cmd->failed) {
    mr_set_error(c->error, "out of memory");
    return MITCH_REDIS_ERR_NO_MEMORY;
  }
  if ((st = mr_client_flush(c)) != MITCH_OK)
    return st;
  deadline = mr_now_ms() + (uint64_t)c->set.timeout_ms;
  if ((st = mr_client_route(c, slot, &idx, deadline)) != MITCH_OK)
    return st;
  for (hops = 0;; hops++) {
    mr_node *n = c->nodes[idx];
    char host[256];
    unsigned rslot;
    int port, kind, nidx;
    if (ask) {
      static const char asking[] = "*1\r\n$6\r\nASKING\r\n";
      st = mr_node_queue(n, asking, sizeof asking - 1, MR_R_DISCARD, MR_SLOTS, 0, c->error);
      if (st == MITCH_OK)
        st = mr_node_io(n, deadline, 1, &r, c->error);
      if (st != MITCH_OK)
        return st;
      mr_node_pop(n);
      freeReplyObject(r);
      r = NULL;
    }
    if ((st = mr_node_command(n, cmd, deadline, &r, c->error)) != MITCH_OK)
      return st;
    kind = mr_parse_redirect(r, &rslot, host, sizeof host, &port);
    if (!kind)
      break;
    freeReplyObject(r);
    r = NULL;
    if (hops + 1 >= MR_MAX_REDIRECTS) {
      mr_set_error(c->error, "Redis Cluster: more than %d redirections for slot %u",
                   MR_MAX_REDIRECTS, rslot);
      return MITCH_REDIS_ERR_CLUSTER;
    }
    nidx = mr_client_node(c, host, port);
    if (nidx < 0 || (kind == 1 && ensure_slot_map(c) != MITCH_OK)) {
      mr_set_error(c->error, "out of memory");
      return MITCH_REDIS_ERR_NO_MEMORY;
    }
    if (kind == 1) {
      c->slot_node[rslot] = (uint16_t)(nidx + 1);
      c->cluster = 1;
    }
    ask = kind == 2;
    idx = (size_t)nidx;
    if ((st = ensure_connected(c, c->nodes[idx], deadline)) != MITCH_OK)
      return st;
  }
  *reply = r;
  return MITCH_OK;
}

int mr_client_open(mr_client *c, const char *url, int timeout_ms) {
  mr_buf cmd = {0};
  redisReply *r = NULL;
  uint64_t deadline;
  int st, idx;
  memset(c, 0, sizeof *c);
  c->depth = 1;
  if (timeout_ms < 0) {
    mr_set_error(c->error, "timeout %d ms: must be >= 0", timeout_ms);
    return MITCH_ERR_INVALID_DATA;
  }
  c->set.timeout_ms = timeout_ms ? timeout_ms : MR_DEFAULT_TIMEOUT_MS;
  c->set.reconnect_ms = c->set.timeout_ms;
  if ((st = mr_url_parse(url, &c->set.url, c->error)) != MITCH_OK)
    return st;
  idx = c->set.url.is_unix ? mr_client_node(c, c->set.url.path, 0)
                           : mr_client_node(c, c->set.url.host, c->set.url.port);
  if (idx < 0) {
    mr_set_error(c->error, "out of memory");
    return MITCH_REDIS_ERR_NO_MEMORY;
  }
  c->nodes[0]->is_unix = c->set.url.is_unix;
  deadline = mr_now_ms() + (uint64_t)c->set.timeout_ms;
  if ((st = mr_node_connect(c->nodes[0], &c->set, deadline, c->error)) != MITCH_OK)
    return st;
  /* A cluster node answers CLUSTER SLOTS; a standalone server says
     "cluster support disabled" (and an ACL may forbid it: then MOVED
     replies still teach the map). */
  mr_cmd_begin(&cmd, 2);
  mr_cmd_arg_str(&cmd, "CLUSTER");
  mr_cmd_arg_str(&cmd, "SLOTS");
  if (cmd.failed) {
    mr_buf_free(&cmd);
    mr_set_error(c->error, "out of memory");
    return MITCH_REDIS_ERR_NO_MEMORY;
  }
  st = mr_node_command(c->nodes[0], &cmd, deadline, &r, c->error);
  mr_buf_free(&cmd);
  if (st != MITCH_OK)
    return st;
  if (r->type == REDIS_REPLY_ARRAY) {
    c->cluster = 1;
    st = mr_client_apply_slots(c, r, c->error);
  }
  freeReplyObject(r);
  return st;
}

void mr_client_close(mr_client *c) {
  size_t i;
  if (in_flight(c))
    mr_client_flush(c);
  for (i = 0; i < c->n_nodes; i++) {
    mr_node_free(c->nodes[i]);
    free(c->nodes[i]);
  }
  free(c->nodes);
  free(c->slot_node);
  c->nodes = NULL;
  c->slot_node = NULL;
  c->n_nodes = 0;
}

/* ---- the public client ------------------------------------------------- */

int mitch_redis_connect(const char *url, int timeout_ms, mitch_redis **out, char *why,
                        size_t why_len) {
  mitch_redis *r;
  int st;
  if (!url || !out) {
    mr_report_why(why, why_len, "url and out must not be NULL");
    return MITCH_ERR_INVALID_DATA;
  }
  r = calloc(1, sizeof *r);
  if (!r) {
    mr_report_why(why, why_len, "out of memory");
    return MITCH_REDIS_ERR_NO_MEMORY;
  }
  st = mr_client_open(&r->c, url, timeout_ms);
  if (st != MITCH_OK) {
    mr_report_why(why, why_len, r->c.error);
    mr_client_close(&r->c);
    free(r);
    return st;
  }
  *out = r;
  return MITCH_OK;
}

void mitch_redis_close(mitch_redis *r) {
  if (!r)
    return;
  mr_client_close(&r->c);
  mr_buf_free(&r->cmd);
  free(r);
}

const char *mitch_redis_last_error(const mitch_redis *r) { return r ? r->c.error : ""; }

int mitch_redis_is_cluster(const mitch_redis *r) { return r ? r->c.cluster : 0; }

int mitch_redis_set_reconnect(mitch_redis *r, int window_ms) {
  if (!r || window_ms < 0)
    return MITCH_ERR_INVALID_DATA;
  r->c.set.reconnect_ms = window_ms;
  return MITCH_OK;
}

int mitch_redis_set_pipeline(mitch_redis *r, unsigned depth) {
  if (!r || depth > 1000000u)
    return MITCH_ERR_INVALID_DATA;
  r->c.depth = depth ? depth : 1;
  return MITCH_OK;
}

int mitch_redis_flush(mitch_redis *r) {
  if (!r)
    return MITCH_ERR_INVALID_DATA;
  r->c.error[0] = '\0';
  return mr_client_flush(&r->c);
}

/* Check the common arguments of the sending calls. */
static int check_send(mitch_redis *r, uint32_t channel_id, const uint8_t *message, size_t size,
                      unsigned flags, unsigned allowed, size_t *n_bodies) {
  if (!r)
    return MITCH_ERR_INVALID_DATA;
  r->c.error[0] = '\0';
  if (flags & ~allowed) {
    mr_set_error(r->c.error, "flags 0x%x: not valid for this call", flags & ~allowed);
    return MITCH_ERR_INVALID_DATA;
  }
  return mr_check_outgoing(channel_id, message, size, n_bodies, r->c.error);
}

/* SET the snapshot key of each body of a checked message. */
static int send_snapshots(mitch_redis *r, uint32_t channel_id, const uint8_t *message,
                          size_t n_bodies) {
  uint8_t one[MR_FRAME_MAX];
  mitch_header h;
  size_t body_size = 0, i;
  int st;
  mitch_body_size(message[0], &body_size);
  /* The message's header with a count of 1 (checked before, cannot fail). */
  if ((st = mitch_header_decode(message, MITCH_HEADER_SIZE, &h)) != MITCH_OK)
    return st;
  h.count = 1;
  if ((st = mitch_header_encode(&h, one, MITCH_HEADER_SIZE)) != MITCH_OK)
    return st;
  for (i = 0; i < n_bodies && st == MITCH_OK; i++) {
    const uint8_t *body = message + MITCH_HEADER_SIZE + i * body_size;
    char key[MR_KEY_MAX];
    uint64_t ticker = 0;
    size_t key_len;
    if ((st = mr_body_ticker_id(message[0], body, &ticker)) != MITCH_OK) {
      mr_set_error(r->c.error, "snapshot: a '%c' body has no ticker_id", message[0]);
      return st;
    }
    key_len = mr_snapshot_key(channel_id, ticker, key);
    memcpy(one + MITCH_HEADER_SIZE, body, body_size);
    mr_buf_clear(&r->cmd);
    mr_cmd_begin(&r->cmd, 3);
    mr_cmd_arg_str(&r->cmd, "SET");
    mr_cmd_arg(&r->cmd, key, key_len);
    mr_cmd_arg(&r->cmd, one, MITCH_HEADER_SIZE + body_size);
    st = mr_client_send(&r->c, &r->cmd, MR_R_OK, mr_key_slot(key, key_len));
  }
  return st;
}

int mitch_redis_publish(mitch_redis *r, uint32_t channel_id, const uint8_t *message,
                        size_t size, unsigned flags) {
  char name[16];
  size_t name_len = 0, n_bodies = 0, body_size = 0, i;
  unsigned slot;
  int st = check_send(r, channel_id, message, size, flags,
                      MITCH_REDIS_BINARY_CHANNEL | MITCH_REDIS_SHARDED |
                          MITCH_REDIS_BARE_BODIES | MITCH_REDIS_SNAPSHOT,
                      &n_bodies);
  if (st != MITCH_OK)
    return st;
  mitch_redis_channel_name(channel_id, flags, name, sizeof name, &name_len);
  slot = (flags & MITCH_REDIS_SHARDED) ? mr_key_slot(name, name_len) : MR_SLOTS;
  mitch_body_size(message[0], &body_size);
  for (i = 0; i < ((flags & MITCH_REDIS_BARE_BODIES) ? n_bodies : 1) && st == MITCH_OK; i++) {
    /* Built straight into the connection's output buffer: the payload is
       copied once. */
    mr_node *node;
    mr_buf *out;
    size_t offset;
    if ((st = mr_client_begin(&r->c, slot, &node, &out, &offset)) != MITCH_OK)
      break;
    mr_cmd_begin(out, 3);
    mr_cmd_arg_str(out, (flags & MITCH_REDIS_SHARDED) ? "SPUBLISH" : "PUBLISH");
    mr_cmd_arg(out, name, name_len);
    if (flags & MITCH_REDIS_BARE_BODIES)
      mr_cmd_arg(out, message + MITCH_HEADER_SIZE + i * body_size, body_size);
    else
      mr_cmd_arg(out, message, size);
    st = mr_client_commit(&r->c, node, offset, MR_R_INTEGER, slot);
  }
  if (st == MITCH_OK && (flags & MITCH_REDIS_SNAPSHOT))
    st = send_snapshots(r, channel_id, message, n_bodies);
  return st;
}

static void build_xadd(mr_buf *cmd, const char *key, size_t key_len, uint64_t max_len,
                       const void *payload, size_t len) {
  mr_buf_clear(cmd);
  mr_cmd_begin(cmd, max_len ? 8 : 5);
  mr_cmd_arg_str(cmd, "XADD");
  mr_cmd_arg(cmd, key, key_len);
  if (max_len) {
    mr_cmd_arg_str(cmd, "MAXLEN");
    mr_cmd_arg_str(cmd, "~");
    mr_cmd_arg_u64(cmd, max_len);
  }
  mr_cmd_arg_str(cmd, "*");
  mr_cmd_arg_str(cmd, "m");
  mr_cmd_arg(cmd, payload, len);
}

int mitch_redis_stream_append(mitch_redis *r, uint32_t channel_id, const uint8_t *message,
                              size_t size, uint64_t max_len, unsigned flags,
                              char entry_id[MITCH_REDIS_ENTRY_ID_SIZE]) {
  char key[MR_KEY_MAX];
  size_t key_len, n_bodies = 0, body_size = 0, i;
  unsigned slot;
  int st = check_send(r, channel_id, message, size, flags,
                      MITCH_REDIS_BARE_BODIES | MITCH_REDIS_SNAPSHOT, &n_bodies);
  if (st != MITCH_OK)
    return st;
  if (entry_id && (r->c.depth > 1 || (flags & MITCH_REDIS_BARE_BODIES))) {
    mr_set_error(r->c.error, "entry_id: only without pipelining and bare bodies");
    return MITCH_REDIS_ERR_STATE;
  }
  key_len = mr_stream_key(channel_id, key);
  slot = mr_key_slot(key, key_len);
  if (entry_id) {
    redisReply *reply = NULL;
    build_xadd(&r->cmd, key, key_len, max_len, message, size);
    if ((st = mr_client_call(&r->c, &r->cmd, slot, &reply)) != MITCH_OK)
      return st;
    if (reply->type == REDIS_REPLY_ERROR)
      st = mr_error_reply(reply, r->c.error);
    else if (reply->type != REDIS_REPLY_STRING || reply->len >= MITCH_REDIS_ENTRY_ID_SIZE) {
      mr_set_error(r->c.error, "XADD: unexpected reply");
      st = MITCH_REDIS_ERR_PROTOCOL;
    } else {
      memcpy(entry_id, reply->str, reply->len);
      entry_id[reply->len] = '\0';
    }
    freeReplyObject(reply);
  } else {
    mitch_body_size(message[0], &body_size);
    for (i = 0; i < ((flags & MITCH_REDIS_BARE_BODIES) ? n_bodies : 1) && st == MITCH_OK; i++) {
      if (flags & MITCH_REDIS_BARE_BODIES)
        build_xadd(&r->cmd, key, key_len, max_len, message + MITCH_HEADER_SIZE + i * body_size,
                   body_size);
      else
        build_xadd(&r->cmd, key, key_len, max_len, message, size);
      st = mr_client_send(&r->c, &r->cmd, MR_R_ID, slot);
    }
  }
  if (st == MITCH_OK && (flags & MITCH_REDIS_SNAPSHOT))
    st = send_snapshots(r, channel_id, message, n_bodies);
  return st;
}

int mitch_redis_snapshot_set(mitch_redis *r, uint32_t channel_id, const uint8_t *message,
                             size_t size) {
  size_t n_bodies = 0;
  int st = check_send(r, channel_id, message, size, 0, 0, &n_bodies);
  if (st != MITCH_OK)
    return st;
  return send_snapshots(r, channel_id, message, n_bodies);
}

int mitch_redis_snapshot_get(mitch_redis *r, uint32_t channel_id, uint64_t ticker_id,
                             uint8_t *out, size_t out_len, size_t *size) {
  redisReply *reply = NULL;
  char key[MR_KEY_MAX];
  size_t key_len, n_bodies = 0;
  uint64_t stored = 0;
  int st;
  if (!r || !out || !size)
    return MITCH_ERR_INVALID_DATA;
  r->c.error[0] = '\0';
  if (!mr_channel_type(channel_id)) {
    mr_set_error(r->c.error, "%lu is not a valid channel id", (unsigned long)channel_id);
    return MITCH_ERR_INVALID_CHANNEL_ID;
  }
  key_len = mr_snapshot_key(channel_id, ticker_id, key);
  mr_buf_clear(&r->cmd);
  mr_cmd_begin(&r->cmd, 2);
  mr_cmd_arg_str(&r->cmd, "GET");
  mr_cmd_arg(&r->cmd, key, key_len);
  if ((st = mr_client_call(&r->c, &r->cmd, mr_key_slot(key, key_len), &reply)) != MITCH_OK)
    return st;
  if (reply->type == REDIS_REPLY_NIL) {
    mr_set_error(r->c.error, "no snapshot %.*s", (int)key_len, key);
    st = MITCH_ERR_NOT_FOUND;
  } else if (reply->type == REDIS_REPLY_ERROR) {
    st = mr_error_reply(reply, r->c.error);
  } else if (reply->type != REDIS_REPLY_STRING) {
    mr_set_error(r->c.error, "GET: unexpected reply");
    st = MITCH_REDIS_ERR_PROTOCOL;
  } else {
    char why[MR_ERROR_SIZE];
    st = mr_check_outgoing(channel_id, (const uint8_t *)reply->str, reply->len, &n_bodies, why);
    if (st != MITCH_OK) {
      mr_set_error(r->c.error, "snapshot %.*s is damaged: %s", (int)key_len, key,
                   why + (strncmp(why, "message refused, nothing sent: ", 31) == 0 ? 31 : 0));
    } else if (n_bodies != 1 ||
               mr_body_ticker_id((uint8_t)reply->str[0], (const uint8_t *)reply->str + MITCH_HEADER_SIZE,
                                 &stored) != MITCH_OK ||
               stored != ticker_id) {
      mr_set_error(r->c.error, "snapshot %.*s is not a one-body message of that ticker",
                   (int)key_len, key);
      st = MITCH_ERR_INVALID_DATA;
    } else if (reply->len > out_len) {
      mr_set_error(r->c.error, "snapshot of %zu bytes, out holds %zu", reply->len, out_len);
      st = MITCH_ERR_BUFFER_TOO_SMALL;
    } else {
      memcpy(out, reply->str, reply->len);
      *size = reply->len;
    }
  }
  freeReplyObject(reply);
  return st;
}

void mr_forget_slots(mitch_redis *r) {
  if (r && r->c.slot_node)
    memset(r->c.slot_node, 0, MR_SLOTS * sizeof *r->c.slot_node);
}
