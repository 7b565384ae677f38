/* msg: sanitised messages on standard error (see msg.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "msg.h"
#include "text.h"

void
msg_vwarn(const char *fmt, va_list ap)
{
	char raw[MSG_MAX], clean[MSG_MAX];

	(void)vsnprintf(raw, sizeof(raw), fmt, ap);
	(void)text_sanitize_buf(clean, sizeof(clean), raw, 0);
	/* One write for the line, so that processes do not interleave. */
	fprintf(stderr, "gazette: %s\n", clean);
}

void
msg_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_vwarn(fmt, ap);
	va_end(ap);
}
