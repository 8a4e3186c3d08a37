/*
 * check.h - explaining a failed walk over messages (internal): shared by
 * mitch_check_stream and mitch_capture_decode, so both describe the same
 * damage with the same field, rule and text.
 */
#ifndef MITCH_CHECK_H
#define MITCH_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "mitch.h"

/* The walk over data[0 .. size) stopped with `status` at the message
   info->message_offset (info->messages complete messages before it), as
   mitch_stream_validate reports it; fill *err (may be NULL) with the
   details and return `status`. */
int libmitch_explain_stream_failure(const uint8_t *data, size_t size, uint8_t only_type,
                                    int status, const mitch_stream_info *info,
                                    mitch_error *err);

#endif /* MITCH_CHECK_H */
