/*
 * fetch_file: opening the file a file:// feed names, for fetch.c.
 *
 * libcurl's file:// would open a FIFO or a device as readily as a file:
 * open() on a FIFO with no writer never returns, and file:///dev/tty
 * reads the user's keys.  So fetch reads file:// feeds itself, and only
 * regular files: the path is checked with stat() before it is opened
 * (a device is never even opened), then opened non-blocking and without
 * becoming the controlling terminal, and checked again with fstat() on
 * what was really opened.  A file larger than the size cap is refused
 * before a byte is read.
 */
#ifndef GAZETTE_FETCH_FILE_H
#define GAZETTE_FETCH_FILE_H

#include <stdint.h>

#include "err.h"

/* A read-only descriptor for the regular file url names, or -1 (err
   says why). */
int	fetch_file_open(const char *url, int64_t max_size, struct err *err);

#endif
