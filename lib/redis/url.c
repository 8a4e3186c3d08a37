/*
 * url.c - the URLs a libmitch-redis handle connects to:
 *
 *   redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]
 *   unix://[[USER]:PASSWORD@]/PATH[?db=DB]
 *
 * rediss:// is recognised only to be refused clearly (no TLS in Debian's
 * hiredis 0.14).  Anything not in the grammar above is refused rather than
 * guessed at: a typo in a URL should not connect somewhere unexpected.
 */
#include <config.h>

#include <string.h>

#include "internal.h"

#define URL_MAX 2048

static int hex_value(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Percent-decode s[0..n) into out (out_size with the NUL). */
static int decode_part(const char *s, size_t n, char *out, size_t out_size, const char *what,
                       char *err) {
  size_t i, o = 0;
  for (i = 0; i < n; i++) {
    char c = s[i];
    if (c == '%') {
      if (i + 2 >= n || hex_value(s[i + 1]) < 0 || hex_value(s[i + 2]) < 0) {
        mr_set_error(err, "URL: bad percent escape in the %s", what);
        return MITCH_REDIS_ERR_URL;
      }
      c = (char)(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      if (c == '\0') {
        mr_set_error(err, "URL: the %s contains %%00", what);
        return MITCH_REDIS_ERR_URL;
      }
      i += 2;
    }
    if (o + 1 >= out_size) {
      mr_set_error(err, "URL: the %s is longer than %zu bytes", what, out_size - 1);
      return MITCH_REDIS_ERR_URL;
    }
    out[o++] = c;
  }
  out[o] = '\0';
  return MITCH_OK;
}

/* "USER:PASSWORD" or ":PASSWORD" (n bytes) into u. */
static int parse_userinfo(const char *s, size_t n, mr_url *u, char *err) {
  const char *colon = memchr(s, ':', n);
  int st;
  if (!colon) {
    mr_set_error(err, "URL: a user needs a password (USER:PASSWORD@; :PASSWORD@ for the "
                      "default user)");
    return MITCH_REDIS_ERR_URL;
  }
  if (colon > s) {
    st = decode_part(s, (size_t)(colon - s), u->user, sizeof u->user, "user name", err);
    if (st != MITCH_OK)
      return st;
    u->has_user = 1;
  }
  st = decode_part(colon + 1, n - (size_t)(colon - s) - 1, u->password, sizeof u->password,
                   "password", err);
  if (st != MITCH_OK)
    return st;
  u->has_password = 1;
  return MITCH_OK;
}

/* Decimal digits s[0..n) as a number <= max. */
static int parse_number(const char *s, size_t n, long max, long *out) {
  long v = 0;
  size_t i;
  if (n == 0 || n > 10)
    return -1;
  for (i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9')
      return -1;
    v = v * 10 + (s[i] - '0');
  }
  if (v > max)
    return -1;
  *out = v;
  return 0;
}

static int host_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '.' || c == '-' || c == '_';
}

static int parse_tcp(const char *s, mr_url *u, char *err) {
  size_t auth_len = strcspn(s, "/?#");
  const char *at = NULL, *p, *end = s + auth_len, *host_end;
  long v;
  int st;
  for (p = s; p < end; p++)
    if (*p == '@')
      at = p;
  if (at) {
    st = parse_userinfo(s, (size_t)(at - s), u, err);
    if (st != MITCH_OK)
      return st;
    p = at + 1;
  } else {
    p = s;
  }
  if (*p == '[') {
    const char *close = memchr(p, ']', (size_t)(end - p));
    const char *q;
    if (!close || close == p + 1) {
      mr_set_error(err, "URL: unterminated or empty [IPv6] host");
      return MITCH_REDIS_ERR_URL;
    }
    for (q = p + 1; q < close; q++)
      if (hex_value(*q) < 0 && *q != ':' && *q != '.') {
        mr_set_error(err, "URL: bad character in the [IPv6] host");
        return MITCH_REDIS_ERR_URL;
      }
    if ((size_t)(close - p - 1) >= sizeof u->host) {
      mr_set_error(err, "URL: host too long");
      return MITCH_REDIS_ERR_URL;
    }
    memcpy(u->host, p + 1, (size_t)(close - p - 1));
    u->host[close - p - 1] = '\0';
    host_end = close + 1;
    if (host_end < end && *host_end != ':') {
      mr_set_error(err, "URL: unexpected text after the [IPv6] host");
      return MITCH_REDIS_ERR_URL;
    }
  } else {
    const char *q;
    host_end = memchr(p, ':', (size_t)(end - p));
    if (!host_end)
      host_end = end;
    if (host_end == p) {
      mr_set_error(err, "URL: no host (redis://HOST[:PORT][/DB])");
      return MITCH_REDIS_ERR_URL;
    }
    for (q = p; q < host_end; q++)
      if (!host_char(*q)) {
        mr_set_error(err, "URL: bad character '%c' in the host", *q);
        return MITCH_REDIS_ERR_URL;
      }
    if ((size_t)(host_end - p) >= sizeof u->host) {
      mr_set_error(err, "URL: host too long");
      return MITCH_REDIS_ERR_URL;
    }
    memcpy(u->host, p, (size_t)(host_end - p));
    u->host[host_end - p] = '\0';
  }
  u->port = 6379;
  if (host_end < end) { /* ":PORT" */
    if (parse_number(host_end + 1, (size_t)(end - host_end - 1), 65535, &v) != 0 || v == 0) {
      mr_set_error(err, "URL: the port must be a number 1..65535");
      return MITCH_REDIS_ERR_URL;
    }
    u->port = (int)v;
  }
  p = end;
  if (*p == '/') {
    size_t n = strcspn(p + 1, "?#");
    if (n > 0) {
      if (parse_number(p + 1, n, 1000000, &v) != 0) {
        mr_set_error(err, "URL: the path must be a database number (/0, /1, ...)");
        return MITCH_REDIS_ERR_URL;
      }
      u->db = (int)v;
    }
    p += 1 + n;
  }
  if (*p) {
    mr_set_error(err, "URL: query parameters and fragments are not supported in redis:// URLs");
    return MITCH_REDIS_ERR_URL;
  }
  return MITCH_OK;
}

static int parse_unix(const char *s, mr_url *u, char *err) {
  const char *path = strchr(s, '/');
  const char *at;
  size_t path_len;
  long v;
  int st;
  u->is_unix = 1;
  if (!path) {
    mr_set_error(err, "URL: no socket path (unix:///PATH)");
    return MITCH_REDIS_ERR_URL;
  }
  at = memchr(s, '@', (size_t)(path - s));
  if (at) {
    if (at + 1 != path) {
      mr_set_error(err, "URL: unix:// takes no host (unix://[USER:PASSWORD@]/PATH)");
      return MITCH_REDIS_ERR_URL;
    }
    st = parse_userinfo(s, (size_t)(at - s), u, err);
    if (st != MITCH_OK)
      return st;
  } else if (path != s) {
    mr_set_error(err, "URL: unix:// takes no host (unix:///PATH)");
    return MITCH_REDIS_ERR_URL;
  }
  path_len = strcspn(path, "?#");
  if (path_len >= sizeof u->path) {
    mr_set_error(err, "URL: socket path longer than %zu bytes", sizeof u->path - 1);
    return MITCH_REDIS_ERR_URL;
  }
  st = decode_part(path, path_len, u->path, sizeof u->path, "socket path", err);
  if (st != MITCH_OK)
    return st;
  s = path + path_len;
  if (*s == '?') {
    if (strncmp(s, "?db=", 4) != 0 || parse_number(s + 4, strlen(s + 4), 1000000, &v) != 0) {
      mr_set_error(err, "URL: unix:// takes only ?db=N");
      return MITCH_REDIS_ERR_URL;
    }
    u->db = (int)v;
  } else if (*s) {
    mr_set_error(err, "URL: fragments are not supported");
    return MITCH_REDIS_ERR_URL;
  }
  return MITCH_OK;
}

static int has_prefix_nocase(const char *s, const char *prefix) {
  for (; *prefix; s++, prefix++) {
    char c = *s;
    if (c >= 'A' && c <= 'Z')
      c = (char)(c - 'A' + 'a');
    if (c != *prefix)
      return 0;
  }
  return 1;
}

int mr_url_parse(const char *url, mr_url *out, char *err) {
  mr_url u;
  size_t i, len;
  int st;
  if (!url) {
    mr_set_error(err, "URL: NULL");
    return MITCH_ERR_INVALID_DATA;
  }
  len = strnlen(url, URL_MAX + 1);
  if (len > URL_MAX) {
    mr_set_error(err, "URL: longer than %d bytes", URL_MAX);
    return MITCH_REDIS_ERR_URL;
  }
  for (i = 0; i < len; i++)
    if ((unsigned char)url[i] <= ' ' || (unsigned char)url[i] >= 0x7f) {
      mr_set_error(err, "URL: contains a space, control or non-ASCII byte (percent-encode it)");
      return MITCH_REDIS_ERR_URL;
    }
  memset(&u, 0, sizeof u);
  if (has_prefix_nocase(url, "rediss://")) {
    mr_set_error(err, "rediss:// (TLS) is not supported: Debian's hiredis 0.14 has no TLS; "
                      "use redis:// on a trusted network or a TLS tunnel");
    return MITCH_REDIS_ERR_TLS;
  }
  if (has_prefix_nocase(url, "redis://"))
    st = parse_tcp(url + 8, &u, err);
  else if (has_prefix_nocase(url, "unix://"))
    st = parse_unix(url + 7, &u, err);
  else {
    mr_set_error(err, "URL: must start with redis:// or unix://");
    return MITCH_REDIS_ERR_URL;
  }
  if (st == MITCH_OK)
    *out = u;
  return st;
}
