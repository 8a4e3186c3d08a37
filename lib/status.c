/* status.c - texts for status codes. */
#include <config.h>

#include "layout.h"
#include "mitch.h"

const char *mitch_strerror(int status) {
  switch (status) {
  case MITCH_OK:
    return "success";
  case MITCH_ERR_INVALID_DATA:
    return "invalid data: a required pointer is NULL, the text is not valid, or nothing matched";
  case MITCH_ERR_INVALID_MESSAGE_TYPE:
    return "invalid message type: not one of " LAYOUT_BODY_TYPE_BYTES;
  case MITCH_ERR_BUFFER_TOO_SMALL:
    return "buffer too small: the input is shorter than the message, or the output is too short";
  case MITCH_ERR_INVALID_TICKER_ID:
    return "invalid ticker id: reserved instrument type or asset class, or base equals quote";
  case MITCH_ERR_INVALID_CHANNEL_ID:
    return "invalid channel id: unknown message type byte or non-zero low byte";
  case MITCH_ERR_INVALID_FIELD_VALUE:
    return "invalid field value: a field breaks a rule of the MITCH protocol";
  case MITCH_ERR_SERIALIZATION:
    return "serialization error";
  case MITCH_END:
    return "end of data: no more messages";
  case MITCH_ERR_NOT_FOUND:
    return "not found: no registry entry matches";
  case MITCH_ERR_UNKNOWN:
    return "unknown error";
  default:
    return "unrecognised status code";
  }
}
