/*
 * jsonw: writing JSON text into a struct buf.  Strings are escaped so
 * that control characters (C0, DEL, C1) and bidi controls never appear
 * raw (\u001b, \u202e), and bytes that are not valid UTF-8 become
 * U+FFFD, so the output is always valid JSON and safe on a terminal.
 */
#ifndef GAZETTE_JSONW_H
#define GAZETTE_JSONW_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"

/* A quoted JSON string, or null when s is NULL. */
void	jsonw_str(struct buf *b, const char *s);
/* "key": prefixed by a comma unless first. */
void	jsonw_key(struct buf *b, const char *key, bool first);
void	jsonw_int(struct buf *b, int64_t v);
void	jsonw_bool(struct buf *b, bool v);
void	jsonw_null(struct buf *b);

#endif
