/*
 * podcast_name: where a queued enclosure is saved -- newsboat's
 * download-path and download-filename-format, with their % specifiers.
 *
 * The format strings are the user's (and may hold '/' to make
 * directories); the values put in them come from the feed and must not
 * reach outside download-path, so each is made a plain file name first.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "conf.h"
#include "format.h"
#include "podcast.h"
#include "store.h"
#include "text.h"
#include "url.h"
#include "xmalloc.h"

char *
podcast_safe_name(const char *s)
{
	char *clean, *p;
	size_t n;

	/* No control character, escape sequence or invalid UTF-8. */
	clean = text_sanitize(s != NULL ? s : "", 0);
	for (p = clean; *p != '\0'; p++)
		if (*p == '/' || *p == '\\' || (unsigned char)*p < ' ' ||
		    *p == 0x7f)
			*p = '_';
	/* Never ".", "..", a hidden file or an option. */
	for (p = clean; *p == '.' || *p == '-'; p++)
		*p = '_';
	n = strlen(clean);
	if (n > PODCAST_NAME_MAX) {
		/* Cut on a character boundary. */
		n = PODCAST_NAME_MAX;
		while (n > 0 && ((unsigned char)clean[n] & 0xc0) == 0x80)
			n--;
		clean[n] = '\0';
	}
	return (clean);
}

/* The last segment of url's path, query included (newsboat's %u). */
static char *
url_file(const char *url)
{
	const char *p, *q, *end, *pathend, *last;

	p = (p = strstr(url, "://")) != NULL ? p + 3 : url;
	end = p + strcspn(p, "#");
	q = p + strcspn(p, "/?#");
	if (*q != '/')
		return (xstrdup(""));
	pathend = q + strcspn(q, "?#");
	for (last = q; q < pathend; q++)
		if (*q == '/')
			last = q;
	return (xstrndup(last + 1, (size_t)(end - last - 1)));
}

/* The extension of url's file name (no query), or "". */
static char *
url_ext(const char *file)
{
	size_t n = strcspn(file, "?");
	const char *dot;
	char *base = xstrndup(file, n), *ext;

	dot = strrchr(base, '.');
	ext = xstrdup(dot != NULL && dot[1] != '\0' ? dot + 1 : "");
	free(base);
	return (ext);
}

/* ~/ as $HOME, a relative path from the current directory. */
static void
add_dir(struct buf *b, const char *dir)
{
	const char *home = getenv("HOME");
	char cwd[PATH_MAX];

	if (strcmp(dir, "~") == 0 || strncmp(dir, "~/", 2) == 0) {
		(void)buf_addstr(b, home != NULL && home[0] != '\0' ? home :
		    "/");
		dir++;
	} else if (dir[0] != '/' && getcwd(cwd, sizeof(cwd)) != NULL) {
		(void)buf_addstr(b, cwd);
		(void)buf_addch(b, '/');
	}
	(void)buf_addstr(b, dir);
	if (b->len == 0 || b->data[b->len - 1] != '/')
		(void)buf_addch(b, '/');
}

char *
podcast_target(const struct conf *cfg, const struct store_item_full *it,
    const char *url, struct err *err)
{
	enum { V_U, V_N, V_H, V_T, V_E, V_F, V_M, V_B, V_D, V_HH, V_MM, V_S,
	    V_YY, V_Y, NV };
	static const char keys[NV] = { 'u', 'n', 'h', 't', 'e', 'F', 'm',
	    'b', 'd', 'H', 'M', 'S', 'y', 'Y' };
	static const char *const tf[NV] = { NULL, NULL, NULL, NULL, NULL,
	    "%Y-%m-%d", "%m", "%b", "%d", "%H", "%M", "%S", "%y", "%Y" };
	struct format_args a;
	char *v[NV], *raw, *dir, *file, *host, tbuf[64];
	struct tm tm;
	time_t t;
	struct buf b;
	int i;

	memset(v, 0, sizeof(v));
	raw = url_file(url);
	v[V_U] = podcast_safe_name(raw);
	if (raw[0] == '\0')
		v[V_U][0] = '\0';	/* empty: the format's other branch */
	v[V_E] = url_ext(v[V_U]);
	free(raw);
	v[V_N] = podcast_safe_name(it->row.feed_title);
	host = url_host(it->row.feed_url != NULL ? it->row.feed_url : url);
	v[V_H] = podcast_safe_name(host);
	free(host);
	v[V_T] = podcast_safe_name(it->row.title);
	t = (time_t)(it->row.date != ITEM_NO_DATE ? it->row.date :
	    (int64_t)time(NULL));
	if (localtime_r(&t, &tm) == NULL)
		memset(&tm, 0, sizeof(tm));
	/* The formats are the constants of tf. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	for (i = V_F; i < NV; i++) {
		if (strftime(tbuf, sizeof(tbuf), tf[i], &tm) == 0)
			tbuf[0] = '\0';
		v[i] = xstrdup(tbuf);
	}
#pragma GCC diagnostic pop
	format_args_init(&a);
	for (i = 0; i < NV; i++)
		format_set(&a, keys[i], v[i]);
	format_set(&a, 'N', v[V_N]);
	dir = format_expand(cfg->download_path, &a, 0);
	file = format_expand(cfg->download_filename_format, &a, 0);
	for (i = 0; i < NV; i++)
		free(v[i]);
	buf_init(&b, SIZE_MAX);
	add_dir(&b, dir);
	/* The format may make directories; a leading / or an empty name
	   would not name a file in them. */
	raw = file;
	while (*raw == '/')
		raw++;
	if (raw[0] == '\0' || raw[strlen(raw) - 1] == '/') {
		err_set(err, ERR_CONFIG, "download-filename-format gives no "
		    "file name for %s", url);
		free(dir);
		free(file);
		buf_free(&b);
		return (NULL);
	}
	(void)buf_addstr(&b, raw);
	free(dir);
	free(file);
	return (buf_detach(&b));
}
