/*
 * msg: the messages gazette prints on standard error.  Every warning and
 * error line goes through msg_warn: the text is formatted, then cleaned
 * by text_sanitize (src/text.h), the same sanitiser the interface draws
 * with, so nothing gazette quotes (a URL, an HTTP reason phrase, an
 * encoding label, a file name) can drive the terminal: C0 and C1
 * controls, DEL, escape sequences and bidi controls are removed, newline
 * and tab become spaces, invalid UTF-8 becomes U+FFFD.  One message is
 * one line, "gazette: " and the text; longer than MSG_MAX bytes, it is
 * cut.
 */
#ifndef GAZETTE_MSG_H
#define GAZETTE_MSG_H

#include <stdarg.h>

#define MSG_MAX	(16 * 1024)

/* Print "gazette: <msg>" and a newline on stderr, sanitised. */
void	msg_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	msg_vwarn(const char *fmt, va_list ap)
	    __attribute__((format(printf, 1, 0)));

#endif
