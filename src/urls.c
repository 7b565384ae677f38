/* urls: newsboat's urls file plus gazette's @name=value settings. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "msg.h"
#include "paths.h"
#include "urls.h"
#include "userfile.h"
#include "xmalloc.h"

/* The messages say so. */
_Static_assert(URLS_MAX_LINE == 64 * 1024, "URLS_MAX_LINE is 64 KiB");

struct urls_tokens {
	char	**v;
	size_t	  n;
	size_t	  alloc;
};

static void	tokens_free(struct urls_tokens *);
static int	tokenize(const char *, size_t, struct urls_tokens *,
		    const char **);
static void	warnf(urls_warn_fn *, void *, const char *, unsigned,
		    const char *, ...) __attribute__((format(printf, 5, 6)));
static void	settings_init(struct urls_settings *);
static void	settings_clear(struct urls_settings *);
static void	settings_copy(struct urls_settings *,
		    const struct urls_settings *);
static void	add_token(struct buf *, const char *);

void
urls_warn_stderr(void *ctx, const char *file, unsigned line, const char *msg)
{
	(void)ctx;
	if (line > 0)
		msg_warn("%s:%u: %s", file, line, msg);
	else
		msg_warn("%s: %s", file, msg);
}

static void
warnf(urls_warn_fn *warn, void *ctx, const char *file, unsigned line,
    const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (warn == NULL)
		warn = urls_warn_stderr;
	warn(ctx, file != NULL ? file : "urls", line, msg);
}

static void
settings_init(struct urls_settings *s)
{
	memset(s, 0, sizeof(*s));
	s->timeout = URLS_UNSET;
	s->connect_timeout = URLS_UNSET;
	s->low_speed_limit = URLS_UNSET;
	s->low_speed_time = URLS_UNSET;
	s->max_size = URLS_UNSET;
	s->reload = URLS_UNSET;
	s->max_items = URLS_UNSET;
}

static void
settings_clear(struct urls_settings *s)
{
	free(s->user_agent);
	free(s->encoding);
	free(s->proxy);
	settings_init(s);
}

static void
settings_copy(struct urls_settings *dst, const struct urls_settings *src)
{
	*dst = *src;
	dst->user_agent = xstrdup_or_null(src->user_agent);
	dst->encoding = xstrdup_or_null(src->encoding);
	dst->proxy = xstrdup_or_null(src->proxy);
}

void
urls_feed_init(struct urls_feed *feed)
{
	memset(feed, 0, sizeof(*feed));
	settings_init(&feed->set);
}

void
urls_feed_clear(struct urls_feed *feed)
{
	size_t i;

	free(feed->url);
	free(feed->title);
	for (i = 0; i < feed->n_tags; i++)
		free(feed->tags[i]);
	free(feed->tags);
	settings_clear(&feed->set);
	urls_feed_init(feed);
}

int
urls_feed_add_tag(struct urls_feed *feed, const char *tag)
{
	size_t i;

	/* Linear, but over at most URLS_MAX_TAGS. */
	for (i = 0; i < feed->n_tags; i++)
		if (strcmp(feed->tags[i], tag) == 0)
			return (0);
	if (feed->n_tags >= URLS_MAX_TAGS) {
		feed->tags_dropped = true;
		return (-1);
	}
	feed->tags = xreallocarray(feed->tags, feed->n_tags + 1,
	    sizeof(*feed->tags));
	feed->tags[feed->n_tags++] = xstrdup(tag);
	return (0);
}

void
urls_list_init(struct urls_list *list)
{
	list->feeds = NULL;
	list->n = 0;
	list->alloc = 0;
	list->index = NULL;
	list->index_size = 0;
}

void
urls_list_free(struct urls_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		urls_feed_clear(&list->feeds[i]);
	free(list->feeds);
	free(list->index);
	urls_list_init(list);
}

/* FNV-1a: the URL index only needs a fair spread, not secrecy. */
static size_t
url_hash(const char *s)
{
	uint64_t h = 14695981039346656037u;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211u;
	}
	return ((size_t)(h ^ (h >> 32)));
}

static void
index_put(struct urls_list *list, size_t feed)
{
	size_t mask = list->index_size - 1, i;

	i = url_hash(list->feeds[feed].url) & mask;
	while (list->index[i] != 0)
		i = (i + 1) & mask;
	list->index[i] = feed + 1;
}

/* Index the last feed of list, growing the table to stay half empty. */
static void
index_add(struct urls_list *list)
{
	size_t i;

	if (list->n * 2 > list->index_size) {
		free(list->index);
		list->index_size = list->index_size == 0 ? 64 :
		    list->index_size * 2;
		list->index = xcalloc(list->index_size, sizeof(*list->index));
		for (i = 0; i + 1 < list->n; i++)
			index_put(list, i);
	}
	index_put(list, list->n - 1);
}

/* Move feed into list (list owns it afterwards). */
static void
list_take(struct urls_list *list, struct urls_feed *feed)
{
	if (list->n == list->alloc) {
		list->alloc = list->alloc ? list->alloc * 2 : 16;
		list->feeds = xreallocarray(list->feeds, list->alloc,
		    sizeof(*list->feeds));
	}
	list->feeds[list->n++] = *feed;
	urls_feed_init(feed);
	index_add(list);
}

void
urls_list_add(struct urls_list *list, const struct urls_feed *feed)
{
	struct urls_feed copy;
	size_t i;

	urls_feed_init(&copy);
	copy.url = xstrdup(feed->url);
	copy.kind = feed->kind;
	copy.title = xstrdup_or_null(feed->title);
	copy.hidden = feed->hidden;
	for (i = 0; i < feed->n_tags; i++)
		(void)urls_feed_add_tag(&copy, feed->tags[i]);
	copy.tags_dropped = feed->tags_dropped;
	settings_clear(&copy.set);
	settings_copy(&copy.set, &feed->set);
	copy.line = feed->line;
	list_take(list, &copy);
}

long
urls_find(const struct urls_list *list, const char *url)
{
	size_t mask = list->index_size - 1, i, f;

	if (list->index_size == 0)
		return (-1);
	for (i = url_hash(url) & mask; (f = list->index[i]) != 0;
	    i = (i + 1) & mask)
		if (strcmp(list->feeds[f - 1].url, url) == 0)
			return ((long)(f - 1));
	return (-1);
}

bool
urls_has_control(const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f ||
		    (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f))
			return (true);
	return (false);
}

int
urls_kind_of(const char *url, enum urls_kind *kind)
{
	static const struct {
		const char	*prefix;
		enum urls_kind	 kind;
	} schemes[] = {
		{ "http://", URLS_HTTP },
		{ "https://", URLS_HTTP },
		{ "file://", URLS_FILE },
		{ "query:", URLS_QUERY },
		{ "exec:", URLS_EXEC },
		{ "filter:", URLS_EXEC },
	};
	size_t i, n;

	for (i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++) {
		n = strlen(schemes[i].prefix);
		if (strncasecmp(url, schemes[i].prefix, n) != 0)
			continue;
		if (url[n] == '\0' || urls_has_control(url))
			return (-1);
		if (schemes[i].kind == URLS_HTTP) {
			/* A host, and no white space. */
			if (url[n] == '/' || url[n] == '?' || url[n] == '#' ||
			    strchr(url, ' ') != NULL)
				return (-1);
		} else if (schemes[i].kind == URLS_FILE && url[n] != '/')
			return (-1);	/* file:///absolute only */
		else if (schemes[i].kind == URLS_EXEC &&
		    urls_command_split(url, NULL, NULL) == -1)
			return (-1);
		*kind = schemes[i].kind;
		return (0);
	}
	return (-1);
}

int
urls_query_split(const char *url, char **title, const char **expr)
{
	const char *t, *colon;

	if (strncasecmp(url, "query:", 6) != 0)
		return (-1);
	t = url + 6;
	if ((colon = strchr(t, ':')) == NULL)
		return (-1);
	*title = xstrndup(t, (size_t)(colon - t));
	*expr = colon + 1;
	return (0);
}

int
urls_command_split(const char *url, char **cmd, const char **feed_url)
{
	const char *c, *colon;
	enum urls_kind kind;

	if (strncasecmp(url, "exec:", 5) == 0) {
		if (url[5] == '\0')
			return (-1);
		if (cmd != NULL)
			*cmd = xstrdup(url + 5);
		if (feed_url != NULL)
			*feed_url = NULL;
		return (0);
	}
	if (strncasecmp(url, "filter:", 7) != 0)
		return (-1);
	c = url + 7;
	/* As in newsboat, the command ends at the first ':'. */
	if ((colon = strchr(c, ':')) == NULL || colon == c ||
	    urls_kind_of(colon + 1, &kind) == -1 ||
	    (kind != URLS_HTTP && kind != URLS_FILE))
		return (-1);
	if (cmd != NULL)
		*cmd = xstrndup(c, (size_t)(colon - c));
	if (feed_url != NULL)
		*feed_url = colon + 1;
	return (0);
}

/*
 * Decoration, not a URL: "-----", "---Tech---", "== News ==".  Whatever
 * starts with a letter or a digit, or holds a '/', is meant as a URL and
 * reported when it is not one.
 */
static bool
is_separator(const char *tok)
{
	unsigned char c = (unsigned char)tok[0];

	if (c == '\0' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9'))
		return (false);
	return (strchr(tok, '/') == NULL && !urls_has_control(tok));
}

static void
tokens_free(struct urls_tokens *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->v[i]);
	free(t->v);
	t->v = NULL;
	t->n = t->alloc = 0;
}

static void
tokens_push(struct urls_tokens *t, struct buf *b)
{
	if (t->n == t->alloc) {
		t->alloc = t->alloc ? t->alloc * 2 : 8;
		t->v = xreallocarray(t->v, t->alloc, sizeof(*t->v));
	}
	t->v[t->n++] = buf_detach(b);
}

static int
is_space(int c)
{
	return (c == ' ' || c == '\t' || c == '\r' || c == '\v' ||
	    c == '\f');
}

/*
 * Split one line into tokens.  Quotes may open anywhere in a token (as in
 * a shell); a token that starts with '#' outside quotes ends the line.
 * Returns -1 with *why set on a malformed line.
 */
static int
tokenize(const char *s, size_t len, struct urls_tokens *t, const char **why)
{
	const char *end = s + len;
	struct buf b;
	int quoted;

	buf_init(&b, URLS_MAX_LINE);
	for (;;) {
		while (s < end && is_space((unsigned char)*s))
			s++;
		if (s == end || *s == '#')
			break;
		buf_reset(&b);
		quoted = 0;
		while (s < end && (quoted || !is_space((unsigned char)*s))) {
			if (*s == '"') {
				quoted = !quoted;
				s++;
				continue;
			}
			if (quoted && *s == '\\' && s + 1 < end &&
			    (s[1] == '"' || s[1] == '\\')) {
				s++;
			} else if ((unsigned char)*s < ' ' && *s != '\t') {
				buf_free(&b);
				*why = "control character in line";
				return (-1);
			}
			buf_addch(&b, *s++);
		}
		if (quoted) {
			buf_free(&b);
			*why = "unterminated quote";
			return (-1);
		}
		/* An empty "" token is kept: newsboat keeps it too. */
		tokens_push(t, &b);
	}
	buf_free(&b);
	return (0);
}

static int
parse_long(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	if (*s == '\0' || *s == '+' || *s == '-' || is_space((unsigned char)*s))
		return (-1);
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return (-1);
	*out = v;
	return (0);
}

static int
parse_size(const char *s, int64_t *out)
{
	char *end;
	unsigned long long v, mul = 1;

	if (*s < '0' || *s > '9')
		return (-1);
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0)
		return (-1);
	if (*end == 'k' || *end == 'K')
		mul = 1024, end++;
	else if (*end == 'M')
		mul = 1024 * 1024, end++;
	else if (*end == 'G')
		mul = 1024 * 1024 * 1024, end++;
	if (*end == 'B' || *end == 'b')
		end++;
	if (*end != '\0' || v > (unsigned long long)INT64_MAX / mul)
		return (-1);
	*out = (int64_t)(v * mul);
	return (0);
}

int
urls_apply_token(struct urls_feed *feed, const char *tok, const char *name,
    unsigned line, urls_warn_fn *warn, void *ctx)
{
	struct urls_settings *s = &feed->set;
	const char *eq, *val;
	char key[32];
	size_t klen;
	long a, b;
	bool dropped;

	if (tok[0] == '~') {
		free(feed->title);
		feed->title = xstrdup(tok + 1);
		return (0);
	}
	if (tok[0] == '!') {
		/* newsboat hides a feed for any tag that starts with '!'. */
		feed->hidden = true;
		return (0);
	}
	if (strcmp(tok, "@ignore-cache") == 0) {
		s->ignore_cache = true;
		return (0);
	}
	if (tok[0] != '@' || (eq = strchr(tok, '=')) == NULL) {
		if (tok[0] == '\0')
			return (0);
		dropped = feed->tags_dropped;
		if (urls_feed_add_tag(feed, tok) == 0)
			return (0);
		if (!dropped)
			warnf(warn, ctx, name, line, "more than %d tags: "
			    "'%.40s' and the ones after it ignored",
			    URLS_MAX_TAGS, tok);
		return (-1);
	}
	klen = (size_t)(eq - tok - 1);
	val = eq + 1;
	if (klen == 0 || klen >= sizeof(key)) {
		warnf(warn, ctx, name, line, "unknown setting '%.40s' ignored",
		    tok);
		return (-1);
	}
	memcpy(key, tok + 1, klen);
	key[klen] = '\0';
	if (strcmp(key, "user-agent") == 0) {
		free(s->user_agent);
		s->user_agent = xstrdup(val);
	} else if (strcmp(key, "encoding") == 0) {
		if (val[0] == '\0' || strlen(val) > 64)
			goto bad;
		free(s->encoding);
		s->encoding = xstrdup(val);
	} else if (strcmp(key, "proxy") == 0) {
		free(s->proxy);
		s->proxy = xstrdup(val);
	} else if (strcmp(key, "timeout") == 0) {
		if (parse_long(val, 1, 86400, &s->timeout) == -1)
			goto bad;
	} else if (strcmp(key, "connect-timeout") == 0) {
		if (parse_long(val, 1, 3600, &s->connect_timeout) == -1)
			goto bad;
	} else if (strcmp(key, "reload") == 0) {
		if (parse_long(val, 0, 525600, &s->reload) == -1)
			goto bad;
	} else if (strcmp(key, "max-items") == 0) {
		if (parse_long(val, 0, 100000000, &s->max_items) == -1)
			goto bad;
	} else if (strcmp(key, "max-size") == 0) {
		if (parse_size(val, &s->max_size) == -1 || s->max_size < 1024)
			goto bad;
	} else if (strcmp(key, "low-speed") == 0) {
		char num[32];
		const char *slash = strchr(val, '/');
		size_t n;

		if (slash == NULL || (n = (size_t)(slash - val)) >= sizeof(num))
			goto bad;
		memcpy(num, val, n);
		num[n] = '\0';
		if (parse_long(num, 0, LONG_MAX, &a) == -1 ||
		    parse_long(slash + 1, 0, 86400, &b) == -1)
			goto bad;
		s->low_speed_limit = a;
		s->low_speed_time = b;
	} else {
		warnf(warn, ctx, name, line, "unknown setting '@%s' ignored",
		    key);
		return (-1);
	}
	return (0);
bad:
	warnf(warn, ctx, name, line, "bad value for @%s: '%.60s' ignored",
	    key, val);
	return (-1);
}

int
urls_parse_tags(const char *text, struct urls_feed *feed, const char *name,
    unsigned line, urls_warn_fn *warn, void *ctx)
{
	struct urls_tokens t = { NULL, 0, 0 };
	const char *why = NULL;
	size_t i;

	if (tokenize(text, strlen(text), &t, &why) == -1) {
		warnf(warn, ctx, name, line, "%s", why);
		return (-1);
	}
	for (i = 0; i < t.n; i++)
		(void)urls_apply_token(feed, t.v[i], name, line, warn, ctx);
	tokens_free(&t);
	return (0);
}

void
urls_parse(const char *text, size_t len, const char *name,
    struct urls_list *list, urls_warn_fn *warn, void *ctx)
{
	const char *p = text, *end = text + len, *nl, *why;
	struct urls_tokens t = { NULL, 0, 0 };
	struct userfile_warns w;
	struct urls_feed feed;
	unsigned line = 0;
	size_t i;

	if (name == NULL)
		name = "urls";
	userfile_warns_init(&w, name, warn != NULL ? warn : urls_warn_stderr,
	    ctx);
	urls_feed_init(&feed);
	while (p < end) {
		line++;
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		why = NULL;
		if ((size_t)(nl - p) > URLS_MAX_LINE)
			warnf(userfile_warn, &w, name, line, "line longer than "
			    "%u KiB; line skipped", URLS_MAX_LINE / 1024);
		else if (memchr(p, '\0', (size_t)(nl - p)) != NULL)
			why = "NUL byte in line";
		else if (tokenize(p, (size_t)(nl - p), &t, &why) == 0 &&
		    t.n > 0) {
			if (is_separator(t.v[0])) {
				feed.url = xstrdup(t.v[0]);
				feed.kind = URLS_SEPARATOR;
				feed.line = line;
				for (i = 1; i < t.n; i++)
					(void)urls_apply_token(&feed, t.v[i],
					    name, line, userfile_warn, &w);
				list_take(list, &feed);
			} else if (urls_kind_of(t.v[0], &feed.kind) == -1)
				warnf(userfile_warn, &w, name, line, "not a URL "
				    "gazette can read: '%.80s'; line skipped",
				    t.v[0]);
			else if (urls_find(list, t.v[0]) != -1)
				warnf(userfile_warn, &w, name, line,
				    "duplicate of an earlier line: '%.80s'; "
				    "line skipped",
				    t.v[0]);
			else {
				feed.url = xstrdup(t.v[0]);
				feed.line = line;
				for (i = 1; i < t.n; i++)
					(void)urls_apply_token(&feed, t.v[i],
					    name, line, userfile_warn, &w);
				list_take(list, &feed);
			}
		}
		if (why != NULL)
			warnf(userfile_warn, &w, name, line, "%s; line skipped",
			    why);
		tokens_free(&t);
		urls_feed_clear(&feed);
		p = nl + 1;
	}
	userfile_warns_end(&w);
}

int
urls_load(const char *path, struct urls_list *list, bool *missing,
    urls_warn_fn *warn, void *ctx, struct err *err)
{
	struct buf b;
	int rc;

	buf_init(&b, URLS_MAX_FILE);
	rc = userfile_read(path, URLS_MAX_FILE, &b, missing, err);
	if (rc == 0)
		urls_parse(buf_str(&b), b.len, path, list, warn, ctx);
	buf_free(&b);
	return (rc);
}

/* Add one token, quoted when it would not read back as itself. */
static void
add_token(struct buf *b, const char *tok)
{
	const char *p;
	int need = tok[0] == '\0' || tok[0] == '#';

	for (p = tok; *p != '\0' && !need; p++)
		if (is_space((unsigned char)*p) || *p == '"' || *p == '\\')
			need = 1;
	if (b->len > 0)
		buf_addch(b, ' ');
	if (!need) {
		buf_addstr(b, tok);
		return;
	}
	buf_addch(b, '"');
	for (p = tok; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			buf_addch(b, '\\');
		buf_addch(b, *p);
	}
	buf_addch(b, '"');
}

static void
add_setting_str(struct buf *b, const char *key, const char *val)
{
	struct buf t;

	if (val == NULL)
		return;
	buf_init(&t, URLS_MAX_FILE);
	buf_addf(&t, "@%s=%s", key, val);
	add_token(b, buf_str(&t));
	buf_free(&t);
}

static void
add_setting_num(struct buf *b, const char *key, long long val)
{
	char tmp[64];

	if (val == URLS_UNSET)
		return;
	snprintf(tmp, sizeof(tmp), "@%s=%lld", key, val);
	add_token(b, tmp);
}

static void
format_tags(struct buf *b, const struct urls_feed *feed)
{
	const struct urls_settings *s = &feed->set;
	struct buf t;
	size_t i;

	if (feed->title != NULL) {
		buf_init(&t, URLS_MAX_FILE);
		buf_addf(&t, "~%s", feed->title);
		add_token(b, buf_str(&t));
		buf_free(&t);
	}
	if (feed->hidden)
		add_token(b, "!");
	for (i = 0; i < feed->n_tags; i++)
		add_token(b, feed->tags[i]);
	add_setting_str(b, "user-agent", s->user_agent);
	add_setting_num(b, "timeout", s->timeout);
	add_setting_num(b, "connect-timeout", s->connect_timeout);
	if (s->low_speed_limit != URLS_UNSET) {
		char tmp[64];

		snprintf(tmp, sizeof(tmp), "@low-speed=%ld/%ld",
		    s->low_speed_limit, s->low_speed_time);
		add_token(b, tmp);
	}
	add_setting_num(b, "max-size", s->max_size);
	add_setting_num(b, "reload", s->reload);
	add_setting_num(b, "max-items", s->max_items);
	add_setting_str(b, "encoding", s->encoding);
	add_setting_str(b, "proxy", s->proxy);
	if (s->ignore_cache)
		add_token(b, "@ignore-cache");
}

char *
urls_format_tags(const struct urls_feed *feed)
{
	struct buf b;

	buf_init(&b, URLS_MAX_FILE);
	format_tags(&b, feed);
	return (buf_detach(&b));
}

char *
urls_format_line(const struct urls_feed *feed)
{
	struct buf b;

	buf_init(&b, URLS_MAX_FILE);
	add_token(&b, feed->url);
	format_tags(&b, feed);
	return (buf_detach(&b));
}

int
urls_feed_check(const struct urls_feed *feed, const char **why)
{
	const struct urls_settings *s = &feed->set;
	enum urls_kind kind;
	char *line;
	size_t i, len;

	if (urls_has_control(feed->url)) {
		*why = "control character in the URL";
		return (-1);
	}
	if (urls_kind_of(feed->url, &kind) == -1) {
		*why = "not a URL gazette can read";
		return (-1);
	}
	if (feed->title != NULL && urls_has_control(feed->title)) {
		*why = "control character in the title";
		return (-1);
	}
	for (i = 0; i < feed->n_tags; i++)
		if (urls_has_control(feed->tags[i])) {
			*why = "control character in a tag";
			return (-1);
		}
	if ((s->user_agent != NULL && urls_has_control(s->user_agent)) ||
	    (s->encoding != NULL && urls_has_control(s->encoding)) ||
	    (s->proxy != NULL && urls_has_control(s->proxy))) {
		*why = "control character in a setting";
		return (-1);
	}
	line = urls_format_line(feed);
	len = strlen(line);
	free(line);
	if (len > URLS_MAX_LINE) {
		*why = "longer than a urls line may be (64 KiB)";
		return (-1);
	}
	return (0);
}

int
urls_append_list(const char *path, const struct urls_list *add,
    size_t *added, size_t *skipped, struct err *err)
{
	struct err lerr = ERR_INIT;
	struct urls_list have;
	struct buf out;
	struct stat st;
	const char *why;
	bool missing;
	char *line, last;
	size_t i;
	int fd, rc = 0;

	*added = *skipped = 0;
	/* All or nothing: check every line before touching the file. */
	for (i = 0; i < add->n; i++)
		if (urls_feed_check(&add->feeds[i], &why) == -1) {
			err_set(err, ERR_USAGE, "%.80s: %s", add->feeds[i].url,
			    why);
			return (-1);
		}
	urls_list_init(&have);
	if (urls_load(path, &have, &missing, NULL, NULL, &lerr) == -1 &&
	    !missing) {
		err_set(err, lerr.code, "%s", lerr.msg);
		urls_list_free(&have);
		return (-1);
	}
	if (missing && paths_mkdir_parents(path, err) == -1) {
		urls_list_free(&have);
		return (-1);
	}
	fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd == -1) {
		err_set(err, ERR_IO, "cannot open %s: %s", path,
		    strerror(errno));
		urls_list_free(&have);
		return (-1);
	}
	buf_init(&out, SIZE_MAX);
	/* Start on a fresh line if the file does not end with one. */
	if (fstat(fd, &st) == 0 && st.st_size > 0 &&
	    pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n')
		buf_addch(&out, '\n');
	for (i = 0; i < add->n; i++) {
		if (urls_find(&have, add->feeds[i].url) != -1) {
			(*skipped)++;
			continue;
		}
		line = urls_format_line(&add->feeds[i]);
		buf_addf(&out, "%s\n", line);
		free(line);
		urls_list_add(&have, &add->feeds[i]);
		(*added)++;
	}
	if (*added > 0) {
		const char *p = buf_str(&out);
		size_t left = out.len;
		ssize_t w;

		while (left > 0) {
			w = write(fd, p, left);
			if (w == -1 && errno == EINTR)
				continue;
			if (w <= 0) {
				err_set(err, ERR_IO, "cannot write %s: %s",
				    path, strerror(errno));
				rc = -1;
				break;
			}
			p += w;
			left -= (size_t)w;
		}
	}
	if (close(fd) == -1 && rc == 0) {
		err_set(err, ERR_IO, "cannot write %s: %s", path,
		    strerror(errno));
		rc = -1;
	}
	buf_free(&out);
	urls_list_free(&have);
	return (rc);
}

int
urls_append(const char *path, const struct urls_feed *feed, struct err *err)
{
	struct urls_list one;
	size_t added, skipped;
	int rc;

	urls_list_init(&one);
	urls_list_add(&one, feed);
	rc = urls_append_list(path, &one, &added, &skipped, err);
	urls_list_free(&one);
	if (rc == -1)
		return (-1);
	return (skipped > 0 ? 1 : 0);
}
