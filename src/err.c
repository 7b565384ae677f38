/* err: first-error-wins error records. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "err.h"
#include "text.h"

void
err_clear(struct err *err)
{
	if (err == NULL)
		return;
	err->code = ERR_NONE;
	err->msg[0] = '\0';
}

void
err_set(struct err *err, enum err_code code, const char *fmt, ...)
{
	char raw[sizeof(err->msg) * 4];
	va_list ap;

	if (err == NULL || err->code != ERR_NONE)
		return;
	err->code = code;
	va_start(ap, fmt);
	(void)vsnprintf(raw, sizeof(raw), fmt, ap);
	va_end(ap);
	/* Messages quote outside text: keep them safe to print. */
	(void)text_sanitize_buf(err->msg, sizeof(err->msg), raw, 0);
}

bool
err_isset(const struct err *err)
{
	return (err != NULL && err->code != ERR_NONE);
}
