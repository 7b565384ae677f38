/*
 * cmd_search: `gazette search [--json] [--limit N] [--feed URL] QUERY...`
 * and `gazette reindex [--check]`.
 *
 * --exact ranks every match; by default a query matching more than
 * SEARCH_RANK_CAP articles ranks the newest SEARCH_RANK_CAP of them
 * (after filters), which keeps a search of a very common word instant.
 * When that cap cuts the ranking the table is followed by a line on
 * stderr that says so, and every JSON object has "ranked_newest": the
 * number of newest matches ranked (null when every match was).
 *
 * search brings the index up to date first when it can take the write
 * lock at once; when another process (a refresh) is writing, it answers
 * from what is indexed and says on stderr how many articles are not
 * searchable yet.  Exit status: 0 something found, 1 nothing found (or
 * no database), 2 usage error or unusable database.
 *
 * JSON: one object a line, as `gazette list --json` plus score (higher
 * is better) and snippet, whose matches are enclosed in \u0001 ... \u0002.
 * The table: date, N (unread), ! (flagged), title, [feed], then the
 * snippet indented on the next line; matches in bold on a terminal.
 */
#include "config.h"

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "item.h"
#include "jsonw.h"
#include "search.h"
#include "store.h"
#include "text.h"
#include "xmalloc.h"

#define SEARCH_USAGE	"usage: gazette search [--json] [--limit N] " \
			"[--feed URL] [--exact] QUERY"
#define LIMIT_MAX	100000

static void
add_json(struct buf *b, const struct search_hit *h, bool capped)
{
	(void)buf_addch(b, '{');
	jsonw_key(b, "feed", true);
	jsonw_str(b, h->feed_url);
	jsonw_key(b, "guid", false);
	jsonw_str(b, h->guid);
	jsonw_key(b, "title", false);
	jsonw_str(b, h->title);
	jsonw_key(b, "link", false);
	jsonw_str(b, h->link);
	jsonw_key(b, "author", false);
	jsonw_str(b, h->author);
	jsonw_key(b, "published", false);
	if (h->published == ITEM_NO_DATE)
		jsonw_null(b);
	else
		jsonw_int(b, h->published);
	jsonw_key(b, "read", false);
	jsonw_bool(b, h->read);
	jsonw_key(b, "flagged", false);
	jsonw_bool(b, h->flagged);
	jsonw_key(b, "score", false);
	(void)buf_addf(b, "%.6f", h->score);
	jsonw_key(b, "snippet", false);
	jsonw_str(b, h->snippet);
	jsonw_key(b, "id", false);
	jsonw_int(b, h->item_id);
	jsonw_key(b, "feed_title", false);
	jsonw_str(b, h->feed_title);
	/* the rank cap cut the ranking: how many (newest) were ranked */
	jsonw_key(b, "ranked_newest", false);
	if (capped)
		jsonw_int(b, SEARCH_RANK_CAP);
	else
		jsonw_null(b);
	(void)buf_addstr(b, "}\n");
}

static void
add_safe(struct buf *b, const char *s, size_t len)
{
	char *t = text_sanitize_n(s, len, 0);

	(void)buf_addstr(b, t);
	free(t);
}

static void
add_date(struct buf *b, int64_t t)
{
	struct tm tm;
	time_t tt = (time_t)t;
	char s[32];

	if (t == ITEM_NO_DATE || t <= 0 || gmtime_r(&tt, &tm) == NULL ||
	    strftime(s, sizeof(s), "%Y-%m-%d", &tm) == 0) {
		(void)buf_addstr(b, "----------");
		return;
	}
	(void)buf_addstr(b, s);
}

static void
add_line(struct buf *b, const struct search_hit *h, bool bold)
{
	const char *title = h->title != NULL && h->title[0] != '\0' ?
	    h->title : "(untitled)";
	const char *p, *q;

	add_date(b, h->date);
	(void)buf_addstr(b, h->read ? "  " : " N");
	(void)buf_addstr(b, h->flagged ? "! " : "  ");
	add_safe(b, title, strlen(title));
	(void)buf_addstr(b, "  [");
	p = h->feed_title != NULL ? h->feed_title : h->feed_url;
	add_safe(b, p, strlen(p));
	(void)buf_addstr(b, "]\n");
	if (h->snippet[0] == '\0')
		return;
	(void)buf_addstr(b, "    ");
	for (p = h->snippet; *p != '\0'; p = q) {
		q = p + strcspn(p, "\001\002");
		add_safe(b, p, (size_t)(q - p));
		if (*q == '\0')
			break;
		if (bold)
			(void)buf_addstr(b, *q == '\001' ? "\033[1m" :
			    "\033[22m");
		q++;
	}
	(void)buf_addch(b, '\n');
}

/* Open the database: read-write when possible, else read-only. */
static struct store *
open_db(struct cmd_ctx *ctx, const char *what, int flags, bool *writable,
    int *rc)
{
	struct err err = ERR_INIT;
	struct store *st;
	struct stat sb;
	char *path;

	if ((path = cmd_db_path(ctx)) == NULL) {
		cmd_warn("%s: no database path (set HOME or use -d)", what);
		*rc = CMD_EXIT_USAGE;
		return (NULL);
	}
	if (stat(path, &sb) == -1) {
		cmd_warn("%s: no database at %s yet (run gazette refresh)",
		    what, path);
		free(path);
		*rc = CMD_EXIT_FAIL;
		return (NULL);
	}
	*writable = true;
	if ((st = store_open(path, flags, &err)) == NULL) {
		struct err err2 = ERR_INIT;

		*writable = false;
		st = store_open(path, flags | STORE_READONLY, &err2);
	}
	if (st == NULL) {
		cmd_warn("%s", err.msg);
		*rc = CMD_EXIT_USAGE;
	} else if (cmd_set_killfile(ctx, st) == -1) {
		store_close(st);
		st = NULL;
		*rc = CMD_EXIT_USAGE;
	}
	free(path);
	return (st);
}

static void
progress(void *arg, int64_t indexed)
{
	(void)arg;
	fprintf(stderr, "\rgazette: indexed %lld articles", (long long)indexed);
}

int
cmd_search(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "limit", required_argument, NULL, 'n' },
		{ "feed", required_argument, NULL, 'f' },
		{ "exact", no_argument, NULL, 'x' },
		{ NULL, 0, NULL, 0 }
	};
	struct err err = ERR_INIT;
	struct search_sync_opts so;
	struct search_opts o;
	struct search_results res = { NULL, 0, false, false, 0 };
	struct search_query *q = NULL;
	struct store *st = NULL;
	const char *feed_url = NULL;
	struct buf text, out;
	bool json = false, writable, bold, exact = false;
	long long limit = 20;
	int64_t lag;
	char *end;
	size_t i;
	int ch, rc = CMD_EXIT_USAGE, i_arg, synced = -1;

	while ((ch = getopt_long(argc, argv, "n:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			json = true;
			break;
		case 'n':
			limit = strtoll(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || limit < 1 ||
			    limit > LIMIT_MAX) {
				cmd_warn("search: --limit wants a number from "
				    "1 to %d", LIMIT_MAX);
				return (CMD_EXIT_USAGE);
			}
			break;
		case 'f':
			feed_url = optarg;
			break;
		case 'x':
			exact = true;
			break;
		default:
			cmd_warn(SEARCH_USAGE);
			return (CMD_EXIT_USAGE);
		}
	}
	if (optind >= argc) {
		cmd_warn(SEARCH_USAGE);
		return (CMD_EXIT_USAGE);
	}
	/* the words of the query may come as one argument or several */
	buf_init(&text, SEARCH_QUERY_MAX * 2);
	for (i_arg = optind; i_arg < argc; i_arg++) {
		if (i_arg > optind)
			(void)buf_addch(&text, ' ');
		(void)buf_addstr(&text, argv[i_arg]);
	}
	buf_init(&out, BUF_CAP_BODY);
	if ((q = search_compile(buf_str(&text), (int64_t)time(NULL), &err))
	    == NULL) {
		cmd_warn("search: %s", err.msg);
		goto out;
	}
	if ((st = open_db(ctx, "search", STORE_SHARED, &writable,
	    &rc)) == NULL)
		goto out;
	memset(&o, 0, sizeof(o));
	o.limit = (size_t)limit;
	o.rank_cap = exact ? SIZE_MAX : 0;
	if (feed_url != NULL) {
		o.feed_id = store_feed_find(st, feed_url, &err);
		if (o.feed_id <= 0) {
			if (o.feed_id == 0)
				cmd_warn("search: no feed %s in the database",
				    feed_url);
			else
				cmd_store_warn(st, "", &err);
			rc = o.feed_id == 0 ? CMD_EXIT_FAIL : CMD_EXIT_USAGE;
			goto out;
		}
	}
	/* Up to date (the usual case): no writer to open. */
	if (writable && search_pending(st, &err) == 0)
		synced = 0;
	else if (writable) {
		err_clear(&err);
		memset(&so, 0, sizeof(so));
		so.nowait = true;
		if (isatty(STDERR_FILENO) && search_lag(st, &err) > 20000)
			so.progress = progress;
		synced = search_sync_with(st, &so, &err);
		if (synced == -1) {
			cmd_store_warn(st, "search: ", &err);
			err_clear(&err);
		}
		if (so.progress != NULL)
			fputc('\n', stderr);
	}
	/* a sync that finished left nothing behind */
	lag = synced == 0 ? 0 : search_lag(st, &err);
	if (lag > 0 && !store_damaged(st))
		cmd_warn("search: %lld article%s not indexed yet (%s); "
		    "results may be incomplete", (long long)lag,
		    lag == 1 ? " is" : "s are", !writable ?
		    "read-only database" : synced == -1 ?
		    "the index could not be updated" :
		    "another process is indexing");
	err_clear(&err);
	if (search_run(st, q, &o, &res, &err) == -1) {
		cmd_store_warn(st, "search: ", &err);
		goto out;
	}
	if (res.capped && !json)
		cmd_warn("search: more than %d articles match: only the "
		    "newest %d were ranked (--exact ranks them all)",
		    SEARCH_RANK_CAP, SEARCH_RANK_CAP);
	bold = !json && isatty(STDOUT_FILENO);
	for (i = 0; i < res.n; i++) {
		if (json)
			add_json(&out, &res.hits[i], res.capped);
		else
			add_line(&out, &res.hits[i], bold);
	}
	fwrite(out.data != NULL ? out.data : "", 1, out.len, stdout);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		cmd_warn("search: write error");
		rc = CMD_EXIT_FAIL;
		goto out;
	}
	rc = res.n > 0 ? CMD_EXIT_OK : CMD_EXIT_FAIL;
out:
	search_results_free(&res);
	search_query_free(q);
	rc = cmd_store_close(st, "search: ", rc);
	buf_free(&text);
	buf_free(&out);
	return (rc);
}

int
cmd_reindex(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "check", no_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	struct err err = ERR_INIT;
	struct store *st;
	bool check = false, writable;
	int ch, rc = CMD_EXIT_USAGE;

	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (ch != 'c') {
			cmd_warn("usage: gazette reindex [--check]");
			return (CMD_EXIT_USAGE);
		}
		check = true;
	}
	if (optind != argc) {
		cmd_warn("usage: gazette reindex [--check]");
		return (CMD_EXIT_USAGE);
	}
	if ((st = open_db(ctx, "reindex", 0, &writable, &rc)) == NULL)
		return (rc);
	if (check) {
		if (search_check(st, &err) == -1) {
			cmd_store_warn(st, "reindex: ", &err);
			rc = CMD_EXIT_FAIL;
		} else
			rc = CMD_EXIT_OK;
		goto out;
	}
	if (!writable) {
		cmd_warn("reindex: the database is read-only");
		rc = CMD_EXIT_USAGE;
		goto out;
	}
	if (search_reindex(st, &err) == -1) {
		cmd_store_warn(st, "reindex: ", &err);
		rc = CMD_EXIT_USAGE;
		goto out;
	}
	rc = CMD_EXIT_OK;
out:
	return (cmd_store_close(st, "reindex: ", rc));
}
