/*
 * cmd_redis.c - mitch publish / mitch subscribe: MITCH streams to and from
 * Redis, through libmitch-redis.
 *
 *   mitch publish --redis URL [--provider NAME|ID] [--stream [--maxlen N]]
 *                 [--sharded] [--binary-channel] [--bare-bodies] [--snapshot]
 *                 [--pipeline N] [--timeout MS] FILE|-
 *   mitch subscribe --redis URL --provider NAME|ID --type t,s [--pattern P]
 *                 [--stream --group G --consumer C] [--sharded]
 *                 [--binary-channel | --both-spellings] [--bare-bodies]
 *                 [--count N] [--timeout MS] [-o FILE]
 *
 * publish sends each message of the input on its channel (provider x the
 * message's type) as it reads it; damaged input stops it (exit 1) after
 * what came before was sent.  subscribe writes what arrives as a MITCH
 * stream, whole messages only; damaged payloads and gaps are reported on
 * stderr and it goes on; SIGINT and SIGTERM make it flush and exit 0.
 *
 * -o FILE appends to FILE (created if absent), which must hold a MITCH
 * stream: nothing a user had is ever overwritten.  With --stream --group,
 * a journal beside it (FILE.journal) records, before each batch is written,
 * which entries the batch holds and where it starts and ends; a consumer
 * killed at any point and started again with the same names then writes
 * every entry exactly once: a batch cut short is cut off and written again,
 * a batch written in full but not acknowledged is acknowledged without
 * being written twice.  (On standard output, entries may repeat after a
 * kill: at least once.)
 *
 * Without libmitch-redis (Windows, or no hiredis) both commands say so.
 */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "mitch.h"

#ifndef HAVE_MITCH_REDIS

static int absent(const char *cmd) {
  cli_error(cmd, "not available: this mitch was built without libmitch-redis "
                 "(MITCH over Redis needs Linux and hiredis)");
  return 1;
}
int cmd_publish(int argc, char **argv) {
  (void)argc;
  (void)argv;
  return absent("publish");
}
int cmd_subscribe(int argc, char **argv) {
  (void)argc;
  (void)argv;
  return absent("subscribe");
}

#else

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mitch-redis.h"

/* ---- options shared by both commands ------------------------------------ */

struct options {
  const char *url;
  const char *provider;
  const char *types;
  const char *group, *consumer;
  const char *output;
  const char *input;
  const char *patterns[16];
  int n_patterns;
  int stream, sharded, binary, both, bare, snapshot;
  unsigned long maxlen, pipeline, count, timeout_ms;
};

static const char publish_usage[] =
    "usage: mitch publish --redis URL [--provider NAME|ID] [--stream [--maxlen N]]\n"
    "                     [--sharded] [--binary-channel] [--bare-bodies] [--snapshot]\n"
    "                     [--pipeline N] [--timeout MS] FILE|-\n"
    "Publish each message of a MITCH stream on its channel (provider x message type;\n"
    "provider 0 unless given).  --stream appends to the channel's stream instead\n"
    "(mitch:stream:<channel>, capped at --maxlen, default 1000000, approximately).\n";

static const char subscribe_usage[] =
    "usage: mitch subscribe --redis URL --provider NAME|ID --type t,s|all [--pattern P]\n"
    "                       [--stream --group G --consumer C] [--sharded]\n"
    "                       [--binary-channel | --both-spellings] [--bare-bodies]\n"
    "                       [--count N] [--timeout MS] [-o FILE]\n"
    "Write the messages published on those channels (or appended to their streams)\n"
    "as a MITCH stream to FILE (appended to) or standard output.  Damaged payloads\n"
    "are reported and skipped; SIGINT or SIGTERM flush and exit 0.\n";

static int parse_number(const char *s, unsigned long max, unsigned long *out) {
  char *end;
  unsigned long v;
  if (!s || !*s || *s == '-' || *s == '+')
    return 0;
  errno = 0;
  v = strtoul(s, &end, 10);
  if (errno || *end || v > max)
    return 0;
  *out = v;
  return 1;
}

/* Returns 0 to go on, else the exit status (usage printed). */
static int parse_options(const char *cmd, int argc, char **argv, struct options *o) {
  const char *usage = strcmp(cmd, "publish") == 0 ? publish_usage : subscribe_usage;
  int publish = usage == publish_usage, i;
  memset(o, 0, sizeof *o);
  o->maxlen = 1000000;
  o->pipeline = 64;
  o->timeout_ms = 2000;
  for (i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char **value = NULL;
    unsigned long *number = NULL, max = 0;
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      fputs(usage, stdout);
      return -1;
    } else if (strcmp(a, "--redis") == 0) {
      value = &o->url;
    } else if (strcmp(a, "--provider") == 0) {
      value = &o->provider;
    } else if (strcmp(a, "--stream") == 0) {
      o->stream = 1;
    } else if (strcmp(a, "--sharded") == 0) {
      o->sharded = 1;
    } else if (strcmp(a, "--binary-channel") == 0) {
      o->binary = 1;
    } else if (strcmp(a, "--bare-bodies") == 0) {
      o->bare = 1;
    } else if (strcmp(a, "--timeout") == 0) {
      number = &o->timeout_ms;
      max = 3600000;
    } else if (publish && strcmp(a, "--snapshot") == 0) {
      o->snapshot = 1;
    } else if (publish && strcmp(a, "--maxlen") == 0) {
      number = &o->maxlen;
      max = (unsigned long)-1;
    } else if (publish && strcmp(a, "--pipeline") == 0) {
      number = &o->pipeline;
      max = 100000;
    } else if (!publish && strcmp(a, "--type") == 0) {
      value = &o->types;
    } else if (!publish && strcmp(a, "--pattern") == 0) {
      if (o->n_patterns == 16) {
        cli_error(cmd, "at most 16 --pattern options");
        return 2;
      }
      value = &o->patterns[o->n_patterns++];
    } else if (!publish && strcmp(a, "--group") == 0) {
      value = &o->group;
    } else if (!publish && strcmp(a, "--consumer") == 0) {
      value = &o->consumer;
    } else if (!publish && strcmp(a, "--both-spellings") == 0) {
      o->both = 1;
    } else if (!publish && strcmp(a, "--count") == 0) {
      number = &o->count;
      max = (unsigned long)-1;
    } else if (!publish && (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0)) {
      value = &o->output;
    } else if (a[0] == '-' && a[1] != '\0') {
      cli_error(cmd, "unknown option '%s'", a);
      fputs(usage, stderr);
      return 2;
    } else if (publish && !o->input) {
      o->input = a;
      continue;
    } else {
      cli_error(cmd, "unexpected argument '%s'", a);
      fputs(usage, stderr);
      return 2;
    }
    if (value || number) {
      if (++i >= argc) {
        cli_error(cmd, "%s needs a value", a);
        return 2;
      }
      if (value) {
        *value = argv[i];
      } else if (!parse_number(argv[i], max, number) ||
                 ((number == &o->pipeline || number == &o->timeout_ms) && *number == 0)) {
        cli_error(cmd, "%s: '%s' is not a number in range", a, argv[i]);
        return 2;
      }
    }
  }
  if (!o->url) {
    cli_error(cmd, "--redis URL is required (redis://HOST:PORT, unix:///PATH)");
    return 2;
  }
  if (publish && !o->input) {
    cli_error(cmd, "no input: give a FILE, or - for standard input");
    return 2;
  }
  if (o->binary && o->both) {
    cli_error(cmd, "--binary-channel and --both-spellings exclude each other");
    return 2;
  }
  if (!publish) {
    if (o->stream && (!o->group || !o->consumer)) {
      cli_error(cmd, "--stream needs --group G and --consumer C");
      return 2;
    }
    if (!o->stream && (o->group || o->consumer)) {
      cli_error(cmd, "--group and --consumer go with --stream");
      return 2;
    }
    if (o->stream && (o->n_patterns || o->sharded || o->binary || o->both)) {
      cli_error(cmd, "--stream reads streams: no --pattern, --sharded or channel spellings");
      return 2;
    }
    if (!o->n_patterns && (!o->provider || !o->types)) {
      cli_error(cmd, "--provider and --type name the channels (or give --pattern)");
      return 2;
    }
    if ((o->provider != NULL) != (o->types != NULL)) {
      cli_error(cmd, "--provider and --type go together");
      return 2;
    }
  }
  if (publish && o->stream && o->sharded) {
    cli_error(cmd, "--sharded is for pub/sub, not --stream");
    return 2;
  }
  return 0;
}

/* A provider by number (any id, registered or not: the registry may lag
   the feed) or by its exact name or abbreviation (a typo must not route
   messages to someone else's channel). */
static int provider_id(const char *cmd, const char *text, uint16_t *id) {
  unsigned long n;
  mitch_provider p;
  double confidence;
  if (!text) {
    *id = 0;
    return 1;
  }
  if (parse_number(text, 0xFFFF, &n)) {
    *id = (uint16_t)n;
    return 1;
  }
  if (mitch_provider_find(text, 1.0, &p, &confidence) == MITCH_OK) {
    *id = p.id;
    return 1;
  }
  cli_error(cmd, "provider '%s': no registry entry of that exact name or abbreviation "
                 "(give the id, see 'mitch provider')",
            text);
  return 0;
}

static int connect_status(const char *cmd, const char *what, int st, const char *why) {
  cli_error(cmd, "%s: %s", what, why[0] ? why : mitch_redis_strerror(st));
  return st == MITCH_REDIS_ERR_URL || st == MITCH_REDIS_ERR_TLS ? 2 : 1;
}

/* ---- publish ------------------------------------------------------------- */

/* Read more input into buf[len..cap); 0 at end of input, -1 on error. */
static ssize_t read_more(int fd, uint8_t *buf, size_t cap, size_t len) {
  for (;;) {
    ssize_t k = read(fd, buf + len, cap - len);
    if (k < 0 && errno == EINTR)
      continue;
    return k;
  }
}

/* Input is waiting: reading will not block (so a pipeline can stay open). */
static int input_ready(int fd) {
  struct pollfd p;
  p.fd = fd;
  p.events = POLLIN;
  p.revents = 0;
  return poll(&p, 1, 0) > 0;
}

/* One call's failure.  Connection trouble: say so, carry on (the next call
   reconnects); returns 1 then, 0 for a failure that ends the run. */
static int survivable(const char *cmd, int st, const char *error, uint64_t n_message) {
  if (st == MITCH_REDIS_ERR_CONNECTION || st == MITCH_REDIS_ERR_TIMEOUT ||
      st == MITCH_REDIS_ERR_CONNECT) {
    cli_error(cmd, "message %" PRIu64 ": %s; messages in flight may be lost", n_message,
              error[0] ? error : mitch_redis_strerror(st));
    return 1;
  }
  cli_error(cmd, "message %" PRIu64 ": %s", n_message, error[0] ? error : mitch_redis_strerror(st));
  return 0;
}

int cmd_publish(int argc, char **argv) {
  const char *cmd = "publish";
  struct options o;
  mitch_redis *r = NULL;
  char why[MITCH_REDIS_ERROR_SIZE] = "";
  uint8_t *buf = NULL;
  size_t cap = 2 * MITCH_MAX_MESSAGE_SIZE, len = 0, pos = 0;
  uint64_t offset = 0, n_message = 0;
  uint16_t provider;
  unsigned flags;
  int fd = 0, st, status = 1, eof = 0, troubled = 0;

  if ((st = parse_options(cmd, argc, argv, &o)) != 0)
    return st < 0 ? 0 : st;
  if (!provider_id(cmd, o.provider, &provider))
    return 2;
  if (strcmp(o.input, "-") != 0 && (fd = open(o.input, O_RDONLY | O_CLOEXEC)) < 0) {
    cli_error(cmd, "%s: %s", o.input, strerror(errno));
    return 1;
  }
  flags = (o.binary ? MITCH_REDIS_BINARY_CHANNEL : 0) | (o.sharded ? MITCH_REDIS_SHARDED : 0) |
          (o.bare ? MITCH_REDIS_BARE_BODIES : 0) | (o.snapshot ? MITCH_REDIS_SNAPSHOT : 0);
  buf = malloc(cap);
  if (!buf) {
    cli_error(cmd, "out of memory");
    goto done;
  }
  st = mitch_redis_connect(o.url, (int)o.timeout_ms, &r, why, sizeof why);
  if (st != MITCH_OK) {
    status = connect_status(cmd, o.url, st, why);
    goto done;
  }
  mitch_redis_set_pipeline(r, (unsigned)o.pipeline);

  for (;;) {
    mitch_reader rd;
    mitch_message m;
    /* Frame what is buffered; publish each whole message. */
    mitch_reader_init(&rd, buf + pos, len - pos);
    while ((st = mitch_reader_next(&rd, &m)) == MITCH_OK) {
      uint32_t channel;
      const uint8_t *bytes = buf + pos + m.offset;
      n_message++;
      mitch_create_channel(provider, (char)m.header.message_type, &channel);
      st = o.stream ? mitch_redis_stream_append(r, channel, bytes, m.size, o.maxlen, flags, NULL)
                    : mitch_redis_publish(r, channel, bytes, m.size, flags);
      if (st != MITCH_OK) {
        if (st < 100) {
          /* Refused before sending: the input is damaged.  Say where in the
             input, with the field and the rule. */
          mitch_error e;
          if (mitch_check_stream(bytes, m.size, 0, NULL, &e) != MITCH_OK)
            cli_error(cmd, "offset %" PRIu64 ": message %" PRIu64 " (at offset %" PRIu64 "): %s",
                      offset + m.offset + e.offset, n_message, offset + m.offset, e.text);
          else
            cli_error(cmd, "offset %" PRIu64 ": message %" PRIu64 ": %s", offset + m.offset,
                      n_message, mitch_redis_last_error(r));
          goto done;
        }
        if (!survivable(cmd, st, mitch_redis_last_error(r), n_message))
          goto done;
        troubled = 1;
      }
    }
    if (st != MITCH_END && st != MITCH_ERR_BUFFER_TOO_SMALL) {
      cli_error(cmd, "offset %" PRIu64 ": message at offset %" PRIu64 ": %s",
                offset + rd.error_offset, offset + rd.message_offset, mitch_strerror(st));
      goto done;
    }
    /* Keep the incomplete tail, read more. */
    offset += rd.offset;
    pos += rd.offset;
    if (eof) {
      if (pos != len) {
        cli_error(cmd, "offset %" PRIu64 ": the input ends inside a message (%zu bytes of it)",
                  offset, len - pos);
        goto done;
      }
      break;
    }
    memmove(buf, buf + pos, len - pos);
    len -= pos;
    pos = 0;
    if (!input_ready(fd) && (st = mitch_redis_flush(r)) != MITCH_OK) {
      /* Nothing to read right now: let the queued messages go first. */
      if (!survivable(cmd, st, mitch_redis_last_error(r), n_message))
        goto done;
      troubled = 1;
    }
    {
      ssize_t k = read_more(fd, buf, cap, len);
      if (k < 0) {
        cli_error(cmd, "%s: %s", strcmp(o.input, "-") ? o.input : "standard input",
                  strerror(errno));
        goto done;
      }
      if (k == 0)
        eof = 1;
      len += (size_t)k;
    }
  }
  if ((st = mitch_redis_flush(r)) != MITCH_OK) {
    if (!survivable(cmd, st, mitch_redis_last_error(r), n_message))
      goto done;
    troubled = 1;
  }
  status = troubled ? 1 : 0;
done:
  mitch_redis_close(r);
  free(buf);
  if (fd > 0)
    close(fd);
  return status;
}

/* ---- subscribe: output ----------------------------------------------------- */

static volatile sig_atomic_t stop_requested;

static void on_stop_signal(int sig) {
  (void)sig;
  stop_requested = 1;
}

static void catch_stop_signals(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0; /* no SA_RESTART: a wait returns, and the flag is seen */
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
}

struct sink {
  const char *cmd;
  const char *path; /* NULL: standard output */
  int fd;
  uint8_t *buf; /* whole messages waiting to be written */
  size_t len, cap;
  uint64_t size; /* bytes in the file */
  int existed;   /* the file was there before */
  char journal[4096], journal_tmp[4096 + 8];
};

static int write_all(struct sink *s, const uint8_t *p, size_t n) {
  while (n) {
    ssize_t k = write(s->fd, p, n);
    if (k < 0 && errno == EINTR)
      continue;
    if (k <= 0) {
      cli_error(s->cmd, "%s: %s", s->path ? s->path : "standard output",
                k < 0 ? strerror(errno) : "write returned 0");
      return 0;
    }
    p += k;
    n -= (size_t)k;
    s->size += (uint64_t)k;
  }
  return 1;
}

static int sink_add(struct sink *s, const uint8_t *p, size_t n) {
  if (s->cap - s->len < n) {
    size_t cap = s->cap ? s->cap : 1 << 16;
    uint8_t *b;
    while (cap - s->len < n)
      cap *= 2;
    if (!(b = realloc(s->buf, cap))) {
      cli_error(s->cmd, "out of memory");
      return 0;
    }
    s->buf = b;
    s->cap = cap;
  }
  memcpy(s->buf + s->len, p, n);
  s->len += n;
  return 1;
}

static int sink_flush(struct sink *s) {
  int ok = write_all(s, s->buf, s->len);
  s->len = 0;
  return ok;
}

/* The file to append to must be a MITCH stream already (or empty). */
static int check_existing(struct sink *s) {
  uint8_t *data;
  mitch_stream_info info;
  ssize_t k;
  size_t got = 0;
  int st;
  if (s->size == 0)
    return 1;
  if (s->size > (uint64_t)(SIZE_MAX / 2) || !(data = malloc((size_t)s->size))) {
    cli_error(s->cmd, "%s: too large to check", s->path);
    return 0;
  }
  while (got < s->size && (k = pread(s->fd, data + got, (size_t)s->size - got, (off_t)got)) > 0)
    got += (size_t)k;
  st = got == s->size ? mitch_stream_validate(data, got, 0, &info) : MITCH_ERR_BUFFER_TOO_SMALL;
  free(data);
  if (st != MITCH_OK) {
    cli_error(s->cmd, "%s: not appending to it: it is not a MITCH stream (offset %zu: %s)",
              s->path, st == MITCH_OK ? (size_t)0 : info.error_offset, mitch_strerror(st));
    return 0;
  }
  return 1;
}

static int sink_open(struct sink *s, const char *cmd, const char *path) {
  struct stat sb;
  memset(s, 0, sizeof s[0]);
  s->cmd = cmd;
  s->path = path;
  s->fd = 1;
  if (!path || strcmp(path, "-") == 0) {
    s->path = NULL;
    return 1;
  }
  if (strlen(path) > sizeof s->journal - 9) {
    cli_error(cmd, "%s: name too long", path);
    return 0;
  }
  snprintf(s->journal, sizeof s->journal, "%s.journal", path);
  snprintf(s->journal_tmp, sizeof s->journal_tmp, "%s.journal.tmp", path);
  s->existed = stat(path, &sb) == 0;
  s->fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
  if (s->fd < 0 || fstat(s->fd, &sb) != 0) {
    cli_error(cmd, "%s: %s", path, strerror(errno));
    return 0;
  }
  if (!S_ISREG(sb.st_mode)) {
    s->size = 0; /* a pipe or a device: nothing to check or resume */
    return 1;
  }
  s->size = (uint64_t)sb.st_size;
  return 1;
}

/* ---- subscribe: the journal of a consumer writing to a file -------------- */

struct done_set { /* entries a resumed consumer already wrote */
  char (*ids)[MITCH_REDIS_ENTRY_ID_SIZE];
  uint32_t *channels;
  size_t n;
};

static int done_contains(const struct done_set *d, uint32_t channel, const char *id) {
  size_t i;
  for (i = 0; i < d->n; i++)
    if (d->channels[i] == channel && strcmp(d->ids[i], id) == 0)
      return 1;
  return 0;
}

struct batch_entry {
  uint32_t channel;
  char id[MITCH_REDIS_ENTRY_ID_SIZE];
};

/* Record the batch before it is written: one file replaced by rename, so it
   always holds a whole record, this batch's or the previous one's. */
static int journal_write(struct sink *s, const char *group, const char *consumer,
                         const struct batch_entry *e, size_t n, uint64_t start, uint64_t end) {
  FILE *f = fopen(s->journal_tmp, "w");
  size_t i;
  int ok;
  if (!f) {
    cli_error(s->cmd, "%s: %s", s->journal_tmp, strerror(errno));
    return 0;
  }
  fprintf(f, "mitch-subscribe-journal 1\ngroup %s\nconsumer %s\nstart %" PRIu64 "\nend %" PRIu64
             "\n",
          group, consumer, start, end);
  for (i = 0; i < n; i++)
    fprintf(f, "entry %" PRIu32 " %s\n", e[i].channel, e[i].id);
  fputs("complete\n", f);
  ok = fflush(f) == 0 && !ferror(f);
  ok = fclose(f) == 0 && ok;
  if (!ok || rename(s->journal_tmp, s->journal) != 0) {
    cli_error(s->cmd, "%s: %s", s->journal, strerror(errno));
    return 0;
  }
  return 1;
}

/* Resume: read the journal, cut a batch that was cut short, say which
   pending entries are in the file already.  0: refuse to go on. */
static int journal_resume(struct sink *s, const char *group, const char *consumer,
                          struct done_set *done) {
  FILE *f;
  char line[512], g[256] = "", c[256] = "";
  uint64_t start = 0, end = 0;
  int complete = 0, fields = 0;
  memset(done, 0, sizeof *done);
  if (!s->existed && unlink(s->journal) != 0 && errno != ENOENT) {
    /* A journal of a file that is gone says nothing about the new one. */
    cli_error(s->cmd, "%s: %s", s->journal, strerror(errno));
    return 0;
  }
  f = fopen(s->journal, "r");
  if (!f) {
    if (errno != ENOENT) {
      cli_error(s->cmd, "%s: %s", s->journal, strerror(errno));
      return 0;
    }
    return check_existing(s);
  }
  while (fgets(line, sizeof line, f)) {
    uint32_t ch;
    char id[MITCH_REDIS_ENTRY_ID_SIZE];
    if (sscanf(line, "group %255s", g) == 1 || sscanf(line, "consumer %255s", c) == 1) {
      fields++;
    } else if (sscanf(line, "start %" SCNu64, &start) == 1 ||
               sscanf(line, "end %" SCNu64, &end) == 1) {
      fields++;
    } else if (sscanf(line, "entry %" SCNu32 " %47s", &ch, id) == 2) {
      void *ni = realloc(done->ids, (done->n + 1) * sizeof *done->ids);
      void *nc = ni ? realloc(done->channels, (done->n + 1) * sizeof *done->channels) : NULL;
      if (ni)
        done->ids = ni;
      if (!ni || !nc) {
        fclose(f);
        cli_error(s->cmd, "out of memory");
        return 0;
      }
      done->channels = nc;
      done->channels[done->n] = ch;
      memcpy(done->ids[done->n], id, sizeof id);
      done->n++;
    } else if (strcmp(line, "complete\n") == 0) {
      complete = 1;
    }
  }
  fclose(f);
  if (!complete || fields != 4) {
    cli_error(s->cmd, "%s: not a journal of mitch subscribe; remove it or choose another -o",
              s->journal);
    return 0;
  }
  if (strcmp(g, group) != 0 || strcmp(c, consumer) != 0) {
    cli_error(s->cmd, "%s was written by consumer %s of group %s, not %s of %s", s->path, c, g,
              consumer, group);
    return 0;
  }
  if (s->size == end) /* the last batch is in the file: its entries are done */
    return 1;
  done->n = 0;
  if (s->size >= start && s->size < end) { /* cut short: cut it off, write it again */
    if (ftruncate(s->fd, (off_t)start) != 0) {
      cli_error(s->cmd, "%s: %s", s->path, strerror(errno));
      return 0;
    }
    cli_error(s->cmd, "%s: the last batch was cut short at byte %" PRIu64
                      "; cut back to %" PRIu64 ", its entries come again",
              s->path, s->size, start);
    s->size = start;
    return 1;
  }
  cli_error(s->cmd, "%s: %" PRIu64 " bytes, its journal says %" PRIu64 "..%" PRIu64
                    ": the file changed; not resuming",
            s->path, s->size, start, end);
  return 0;
}

/* ---- subscribe ------------------------------------------------------------ */

static void report_delivery(const char *cmd, const mitch_redis_delivery *d) {
  if (d->kind == MITCH_REDIS_GAP) {
    cli_error(cmd, "gap: %s (%s)", d->reason, mitch_redis_strerror(d->status));
  } else if (d->entry_id[0]) {
    cli_error(cmd, "stream %.*s entry %s: damaged payload skipped: %s", (int)d->channel_len,
              d->channel, d->entry_id, d->reason);
  } else if (d->channel_id) {
    cli_error(cmd, "channel %" PRIu32 ": damaged payload skipped: %s", d->channel_id, d->reason);
  } else {
    char name[64];
    size_t i, n = d->channel_len < 20 ? d->channel_len : 20, o = 0;
    for (i = 0; i < n; i++)
      o += (size_t)snprintf(name + o, sizeof name - o, "%02x", (unsigned char)d->channel[i]);
    cli_error(cmd, "channel (bytes %s%s): damaged payload skipped: %s", name,
              d->channel_len > n ? "..." : "", d->reason);
  }
}

/* Is the failure worth waiting out (the server may come back)? */
static int transient(int st) {
  return st == MITCH_REDIS_ERR_CONNECTION || st == MITCH_REDIS_ERR_CONNECT ||
         st == MITCH_REDIS_ERR_TIMEOUT;
}

static int parse_types(const char *cmd, const char *list, uint16_t provider, uint32_t *channels,
                       size_t *n) {
  const char *p = list;
  *n = 0;
  if (strcmp(list, "all") == 0) { /* every body type the layout table knows */
    mitch_layout layout;
    size_t i;
    for (i = 0; mitch_layout_at(i, &layout) == MITCH_OK; i++)
      if (layout.message_type && *n < 8 &&
          mitch_create_channel(provider, (char)layout.message_type, &channels[*n]) == MITCH_OK)
        (*n)++;
    return *n > 0;
  }
  while (*p) {
    size_t body_size;
    uint32_t ch;
    size_t i;
    if (p[1] != '\0' && p[1] != ',') {
      cli_error(cmd, "--type: '%s': a comma-separated list of type codes (see 'mitch info')",
                list);
      return 0;
    }
    if (mitch_body_size((uint8_t)*p, &body_size) != MITCH_OK ||
        mitch_create_channel(provider, *p, &ch) != MITCH_OK) {
      cli_error(cmd, "--type: '%c' is not a message type code (see 'mitch info')", *p);
      return 0;
    }
    for (i = 0; i < *n; i++)
      if (channels[i] == ch)
        break;
    if (i == *n)
      channels[(*n)++] = ch;
    p += p[1] ? 2 : 1;
  }
  if (*n == 0) {
    cli_error(cmd, "--type: empty");
    return 0;
  }
  return 1;
}

static int subscribe_pubsub(const struct options *o, const uint32_t *channels, size_t n,
                            struct sink *out) {
  const char *cmd = "subscribe";
  mitch_redis_subscriber *s = NULL;
  char why[MITCH_REDIS_ERROR_SIZE] = "";
  unsigned base = (o->sharded ? MITCH_REDIS_SHARDED : 0) | (o->bare ? MITCH_REDIS_BARE_BODIES : 0);
  unsigned long written = 0;
  size_t i;
  int st, status = 1;
  st = mitch_redis_subscriber_open(o->url, (int)o->timeout_ms, &s, why, sizeof why);
  if (st != MITCH_OK)
    return connect_status(cmd, o->url, st, why);
  for (i = 0; i < n; i++) {
    st = MITCH_OK;
    if (!o->binary)
      st = mitch_redis_subscribe(s, channels[i], base);
    if (st == MITCH_OK && (o->binary || o->both))
      st = mitch_redis_subscribe(s, channels[i], base | MITCH_REDIS_BINARY_CHANNEL);
    if (st != MITCH_OK) {
      cli_error(cmd, "channel %" PRIu32 ": %s", channels[i], mitch_redis_subscriber_last_error(s));
      goto done;
    }
  }
  for (i = 0; i < (size_t)o->n_patterns; i++)
    if ((st = mitch_redis_psubscribe(s, o->patterns[i], base & MITCH_REDIS_BARE_BODIES)) !=
        MITCH_OK) {
      cli_error(cmd, "pattern '%s': %s", o->patterns[i], mitch_redis_subscriber_last_error(s));
      goto done;
    }
  while (!stop_requested && (!o->count || written < o->count)) {
    mitch_redis_delivery d;
    st = mitch_redis_receive(s, out->len ? 0 : 500, &d);
    if (st == MITCH_REDIS_AGAIN) {
      if (out->len && !sink_flush(out))
        goto done;
      continue;
    }
    if (st != MITCH_OK) {
      cli_error(cmd, "%s", mitch_redis_subscriber_last_error(s));
      if (!transient(st))
        goto done;
      continue;
    }
    if (d.kind != MITCH_REDIS_MESSAGE) {
      report_delivery(cmd, &d);
      continue;
    }
    if (!sink_add(out, d.data, d.size))
      goto done;
    written++;
    if (out->len >= (1u << 16) && !sink_flush(out))
      goto done;
  }
  status = sink_flush(out) ? 0 : 1;
done:
  mitch_redis_subscriber_close(s);
  return status;
}

#define BATCH_MAX 1000

static int subscribe_stream(const struct options *o, const uint32_t *channels, size_t n,
                            struct sink *out) {
  const char *cmd = "subscribe";
  mitch_redis_consumer *c = NULL;
  char why[MITCH_REDIS_ERROR_SIZE] = "";
  struct done_set done;
  struct batch_entry *batch = NULL;
  mitch_redis_delivery *acks = NULL;
  unsigned long written = 0;
  int st, status = 1;
  memset(&done, 0, sizeof done);
  if (out->path && !journal_resume(out, o->group, o->consumer, &done))
    return 1;
  batch = malloc(BATCH_MAX * sizeof *batch);
  acks = malloc(BATCH_MAX * sizeof *acks);
  if (!batch || !acks) {
    cli_error(cmd, "out of memory");
    goto done;
  }
  st = mitch_redis_consumer_open(o->url, (int)o->timeout_ms, o->group, o->consumer, channels, n,
                                 o->bare ? MITCH_REDIS_BARE_BODIES : 0, &c, why, sizeof why);
  if (st != MITCH_OK) {
    status = connect_status(cmd, o->url, st, why);
    goto done;
  }
  while (!stop_requested && (!o->count || written < o->count)) {
    size_t n_batch = 0, n_acks = 0, n_redone = 0, i;
    uint64_t start;
    /* Gather what is there (waiting only for the first), up to a batch. */
    while (n_acks < BATCH_MAX && (!o->count || written + n_batch < o->count)) {
      mitch_redis_delivery *d = &acks[n_acks];
      st = mitch_redis_consumer_receive(c, n_acks ? 0 : 500, d);
      if (st == MITCH_REDIS_AGAIN)
        break;
      if (st != MITCH_OK) {
        cli_error(cmd, "%s", mitch_redis_consumer_last_error(c));
        if (!transient(st))
          goto done;
        break;
      }
      if ((d->flags & MITCH_REDIS_PENDING) && done_contains(&done, d->channel_id, d->entry_id)) {
        n_acks++; /* in the file already: acknowledge, do not write again */
        n_redone++;
        continue;
      }
      if (d->kind != MITCH_REDIS_MESSAGE) {
        report_delivery(cmd, d);
        n_acks++;
        continue;
      }
      if (!sink_add(out, d->data, d->size))
        goto done;
      batch[n_batch].channel = d->channel_id;
      memcpy(batch[n_batch].id, d->entry_id, sizeof batch[n_batch].id);
      n_batch++;
      n_acks++;
      /* The delivery's pointers end with the next call: its bytes are
         copied, the ack needs only the channel and the id. */
    }
    if (n_redone)
      cli_error(cmd, "%zu entries were in %s already (written before an interruption, not "
                     "acknowledged): acknowledged without writing them again",
                n_redone, out->path);
    start = out->size;
    if (n_batch && out->path &&
        !journal_write(out, o->group, o->consumer, batch, n_batch, start, start + out->len))
      goto done;
    if (out->len && !sink_flush(out))
      goto done;
    written += n_batch;
    for (i = 0; i < n_acks; i++)
      mitch_redis_consumer_ack(c, &acks[i]);
    if (n_acks && (st = mitch_redis_consumer_flush(c)) != MITCH_OK) {
      cli_error(cmd, "acknowledging: %s", mitch_redis_consumer_last_error(c));
      if (!transient(st))
        goto done;
    }
  }
  status = 0;
done:
  mitch_redis_consumer_close(c);
  free(batch);
  free(acks);
  free(done.ids);
  free(done.channels);
  return status;
}

int cmd_subscribe(int argc, char **argv) {
  const char *cmd = "subscribe";
  struct options o;
  struct sink out;
  uint32_t channels[8];
  size_t n = 0;
  uint16_t provider = 0;
  int st, status;
  if ((st = parse_options(cmd, argc, argv, &o)) != 0)
    return st < 0 ? 0 : st;
  if (o.provider && !provider_id(cmd, o.provider, &provider))
    return 2;
  if (o.types && !parse_types(cmd, o.types, provider, channels, &n))
    return 2;
  if (!sink_open(&out, cmd, o.output)) {
    if (out.fd > 1)
      close(out.fd);
    return 1;
  }
  if (!o.stream && out.path && !check_existing(&out)) {
    close(out.fd);
    return 1;
  }
  catch_stop_signals();
  status = o.stream ? subscribe_stream(&o, channels, n, &out) : subscribe_pubsub(&o, channels, n, &out);
  free(out.buf);
  if (out.path && close(out.fd) != 0 && status == 0) {
    cli_error(cmd, "%s: %s", out.path, strerror(errno));
    status = 1;
  }
  return status;
}

#endif /* HAVE_MITCH_REDIS */
