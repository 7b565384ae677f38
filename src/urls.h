/*
 * urls: the feed list, in newsboat's urls format, plus gazette's per-feed
 * settings.
 *
 * One feed a line: the URL, then tags, separated by white space.  A token
 * may be double-quoted (inside quotes \" and \\ stand for " and \).  A
 * token starting with '#' outside quotes starts a comment that runs to the
 * end of the line; blank lines are ignored.  Special tags, as in newsboat:
 *   "~Some title"	the feed's title (overrides the feed's own)
 *   !, "!anything"	hide the feed from the feed list (its articles
 *			still reach query feeds and search)
 * URLs may be http://, https://, file:// (local feeds: the only place
 * gazette ever reads file:// from) and newsboat's query:, exec: and
 * filter: forms.  "exec:CMD" is a feed whose document is what the shell
 * command CMD writes; "filter:CMD:URL" fetches URL (http, https, file)
 * and pipes it through CMD (see fetch_cmd.h).  A query feed is "query:TITLE:EXPR" (the title ends at
 * the first ':'; EXPR is a filter expression, see filter.h, or
 * "search:QUERY", a gazette search).
 *
 * A line whose first token is decoration rather than a URL (it starts
 * with neither a letter nor a digit and holds no "://", like "-----" or
 * "---Tech---") is a separator: kept in its place, never fetched and
 * never reported.
 *
 * Per-feed settings are tags of the reserved form @name=value.  newsboat
 * sees them as ordinary tags, so the file stays valid for both programs:
 *   @user-agent=STRING		User-Agent header (default gazette/VERSION)
 *   @timeout=SECONDS		whole transfer (default 60)
 *   @connect-timeout=SECONDS	connection set-up (default 15)
 *   @low-speed=BYTES/SECONDS	abort when slower than BYTES a second for
 *				SECONDS (default 1/30); 0/0 disables
 *   @max-size=BYTES		cap on the decoded body (default 32 MiB;
 *				suffixes k, M)
 *   @reload=MINUTES		fetch at most this often (default: any time)
 *   @max-items=N		keep at most N articles (0 = all, default)
 *   @encoding=CHARSET		charset to read the feed in; overrides the XML
 *				declaration and HTTP charset, not a BOM
 *   @proxy=URL			proxy for this feed ("" or none: no proxy;
 *				default: the environment's)
 *   @ignore-cache		ignore <ttl>, max-age and Expires
 * A tag that starts with @ but has no '=' (and is not a known flag) is an
 * ordinary tag.  An unknown @name=value or a bad value is reported with
 * file:line and ignored; the feed stays.  A line that cannot be read (an
 * unterminated quote, a URL gazette cannot use) is reported and skipped;
 * a later duplicate of a URL is reported and skipped.
 *
 * Limits: the file is read only if it is a regular file of at most
 * URLS_MAX_FILE bytes; a line longer than URLS_MAX_LINE is reported and
 * skipped unread; a feed keeps its first URLS_MAX_TAGS tags.  At most
 * USERFILE_MAX_WARNINGS problems are reported per file, then a count.
 * Parsing takes time linear in the size of the file.
 *
 * Writing: a feed is always exactly one line.  A URL, title, tag or
 * setting holding a control character (C0, DEL, C1; newline and tab
 * included) cannot be written (urls_feed_check): it could end the line
 * and start another, or read back differently in newsboat.
 */
#ifndef GAZETTE_URLS_H
#define GAZETTE_URLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

#define URLS_MAX_FILE	(4u * 1024 * 1024)
#define URLS_MAX_LINE	(64u * 1024)
#define URLS_MAX_TAGS	100
#define URLS_UNSET	(-1)

enum urls_kind {
	URLS_HTTP,	/* http:// or https:// */
	URLS_FILE,	/* file:// */
	URLS_QUERY,	/* newsboat query feed: never fetched */
	URLS_EXEC,	/* newsboat exec: / filter: (urls_command_split) */
	URLS_SEPARATOR,	/* decoration: url holds its text */
};

struct urls_settings {
	char		*user_agent;	/* NULL: default */
	char		*encoding;	/* NULL: none */
	char		*proxy;		/* NULL: environment */
	long		 timeout;	/* seconds, URLS_UNSET: default */
	long		 connect_timeout;
	long		 low_speed_limit;	/* bytes a second */
	long		 low_speed_time;	/* seconds */
	int64_t		 max_size;	/* bytes */
	long		 reload;	/* minutes */
	long		 max_items;	/* 0 = keep all */
	bool		 ignore_cache;
};

struct urls_feed {
	char		*url;
	enum urls_kind	 kind;
	char		*title;		/* from "~Title", or NULL */
	bool		 hidden;	/* the "!" tag */
	char		**tags;		/* plain tags, in file order */
	size_t		 n_tags;
	struct urls_settings set;
	unsigned	 line;		/* 1-based line in the file, 0 if none */
	bool		 tags_dropped;	/* more than URLS_MAX_TAGS were given */
};

struct urls_list {
	struct urls_feed *feeds;
	size_t		  n;
	size_t		  alloc;
	size_t		 *index;	/* open addressing by URL: feed + 1 */
	size_t		  index_size;	/* a power of two, or 0 */
};

/* Called for each problem: file name, line (0 for none) and message. */
typedef void	urls_warn_fn(void *ctx, const char *file, unsigned line,
		    const char *msg);
/* The default: "gazette: FILE:LINE: msg" on stderr, sanitised. */
urls_warn_fn	urls_warn_stderr;

void	urls_list_init(struct urls_list *list);
void	urls_list_free(struct urls_list *list);

/*
 * Parse text into list (appending).  Bad lines go to warn (NULL: stderr
 * as "gazette: FILE:LINE: msg") and are skipped.  Never fails.
 */
void	urls_parse(const char *text, size_t len, const char *name,
	    struct urls_list *list, urls_warn_fn *warn, void *ctx);
/*
 * Parse one line's worth of tokens (tags and settings, without the URL)
 * into feed; used for OPML's gazette:tags.  Returns -1 on a bad token
 * list (reported through warn).
 */
int	urls_parse_tags(const char *text, struct urls_feed *feed,
	    const char *name, unsigned line, urls_warn_fn *warn, void *ctx);
/*
 * Apply one token that follows a URL: "~title", "!", a setting or a plain
 * tag.  Returns -1 (reported through warn) for a bad setting, or for a
 * tag past URLS_MAX_TAGS (reported once per feed).
 */
int	urls_apply_token(struct urls_feed *feed, const char *tok,
	    const char *name, unsigned line, urls_warn_fn *warn, void *ctx);
/*
 * Read and parse a urls file.  A missing file is ERR_IO with the path
 * named; *missing (if not NULL) is set to true then.  Not a regular file
 * (ERR_IO) or larger than URLS_MAX_FILE (ERR_LIMIT): -1, nothing parsed.
 */
int	urls_load(const char *path, struct urls_list *list, bool *missing,
	    urls_warn_fn *warn, void *ctx, struct err *err);

/*
 * Split a query feed's URL "query:TITLE:EXPR": *title gets a fresh copy
 * of TITLE, *expr points into url.  -1 when url has no second ':'.
 */
int	urls_query_split(const char *url, char **title, const char **expr);

/*
 * Split an exec: or filter: URL: *cmd gets a fresh copy of the command
 * (exec:CMD, filter:CMD:URL; a filter's command ends at the first ':',
 * as in newsboat), *feed_url points into url at a filter's URL (http,
 * https or file) or is NULL for exec:.  -1 when url is neither.  Either
 * pointer may be NULL.
 */
int	urls_command_split(const char *url, char **cmd,
	    const char **feed_url);

/* The list index of url (exact match), or -1.  Constant time. */
long	urls_find(const struct urls_list *list, const char *url);
/*
 * Is this a URL gazette can read (kind is set), or not (-1)?  A URL never
 * holds a control character.
 */
int	urls_kind_of(const char *url, enum urls_kind *kind);
/* Does s hold a C0 control (tab and newline included), DEL or C1? */
bool	urls_has_control(const char *s);
/*
 * Can feed be written as one urls line that reads back as itself?  -1
 * with *why set when not: a URL gazette cannot read, a control character
 * in any token, or a line longer than URLS_MAX_LINE.
 */
int	urls_feed_check(const struct urls_feed *feed, const char **why);

/*
 * Format feed as one urls line (no newline) into a fresh string:
 * URL, "~title", "!", tags, then settings, each quoted when needed.
 * The tokens after the URL alone (for OPML) with urls_format_tags.
 */
char	*urls_format_line(const struct urls_feed *feed);
char	*urls_format_tags(const struct urls_feed *feed);

/*
 * Append feed to the urls file at path, creating it (mode 0600, parent
 * directories 0700) when missing.  Returns 1 when the URL is already
 * listed (nothing written), 0 when appended, -1 on error (a feed that
 * fails urls_feed_check is an error: nothing is written).
 */
int	urls_append(const char *path, const struct urls_feed *feed,
	    struct err *err);
/*
 * Append many at once (one write, or nothing when one of them fails
 * urls_feed_check); duplicates skipped and counted.
 */
int	urls_append_list(const char *path, const struct urls_list *add,
	    size_t *added, size_t *skipped, struct err *err);

/* Deep-copy helpers for callers that build lists. */
void	urls_feed_init(struct urls_feed *feed);
void	urls_feed_clear(struct urls_feed *feed);
/* Append a copy of feed to list. */
void	urls_list_add(struct urls_list *list, const struct urls_feed *feed);
/*
 * Add a plain tag unless the feed has it.  -1 (and tags_dropped set) when
 * the feed already has URLS_MAX_TAGS.
 */
int	urls_feed_add_tag(struct urls_feed *feed, const char *tag);

#endif
