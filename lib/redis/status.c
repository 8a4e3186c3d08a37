/*
 * status.c - texts of libmitch-redis's status codes, and its version.
 */
#include <config.h>

#include "internal.h"

const char *mitch_redis_strerror(int status) {
  switch (status) {
  case MITCH_REDIS_ERR_URL:
    return "not a valid redis:// or unix:// URL";
  case MITCH_REDIS_ERR_TLS:
    return "rediss:// (TLS) is not supported by this build (hiredis without TLS)";
  case MITCH_REDIS_ERR_CONNECT:
    return "cannot connect to the Redis server";
  case MITCH_REDIS_ERR_AUTH:
    return "the Redis server refused the user name or password, or requires one";
  case MITCH_REDIS_ERR_TIMEOUT:
    return "the Redis server did not answer in time";
  case MITCH_REDIS_ERR_CONNECTION:
    return "the connection to the Redis server was lost";
  case MITCH_REDIS_ERR_SERVER:
    return "the Redis server answered with an error";
  case MITCH_REDIS_ERR_PROTOCOL:
    return "unexpected reply from the Redis server";
  case MITCH_REDIS_ERR_NO_MEMORY:
    return "out of memory";
  case MITCH_REDIS_ERR_CLUSTER:
    return "Redis Cluster: no node for the slot, or too many redirections";
  case MITCH_REDIS_ERR_DROPPED:
    return "the Redis server dropped the subscriber (too slow for its output-buffer limit, "
           "or CLIENT KILL)";
  case MITCH_REDIS_ERR_RESTARTED:
    return "the Redis server restarted";
  case MITCH_REDIS_ERR_STATE:
    return "not allowed in this state";
  case MITCH_REDIS_AGAIN:
    return "nothing arrived in time";
  default:
    return mitch_strerror(status);
  }
}

const char *mitch_redis_version(void) { return PACKAGE_VERSION; }
