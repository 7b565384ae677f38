/*
 * cmd_list: `gazette list [--unread] [--feed URL] [--query EXPR]
 * [--sort ORDER] [--json]`: stored articles, newest first (or in
 * article-sort-order's ORDER, sorted by the store), read from the store in
 * windows so memory stays flat however large the database is.  --query
 * takes newsboat's filter language (filter.h), compiled to SQL; over the
 * whole store its articles are found in one pass, as a query feed's are
 * (store_idlist.c), and only their ids are kept, not walked window by
 * window through every article in date order.
 */
#include "config.h"

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "buf.h"
#include "cmd.h"
#include "conf.h"
#include "filter.h"
#include "jsonw.h"
#include "store.h"
#include "text.h"
#include "xmalloc.h"

#define LIST_WINDOW	512

/* Append s for a terminal: text.h removes controls and escapes. */
static void
add_safe(struct buf *b, const char *s)
{
	char *safe = text_sanitize(s, 0);

	buf_addstr(b, safe);
	free(safe);
}

static void
add_date(struct buf *b, int64_t t)
{
	struct tm tm;
	time_t tt = (time_t)t;
	char s[32];

	if (t == ITEM_NO_DATE || gmtime_r(&tt, &tm) == NULL ||
	    strftime(s, sizeof(s), "%Y-%m-%d %H:%M", &tm) == 0) {
		buf_addstr(b, "----------------");
		return;
	}
	buf_addstr(b, s);
}

static void
add_json(struct buf *b, const struct store_item_row *r)
{
	buf_addch(b, '{');
	jsonw_key(b, "feed", true);
	jsonw_str(b, r->feed_url);
	jsonw_key(b, "guid", false);
	jsonw_str(b, r->guid);
	jsonw_key(b, "title", false);
	jsonw_str(b, r->title);
	jsonw_key(b, "link", false);
	jsonw_str(b, r->link);
	jsonw_key(b, "author", false);
	jsonw_str(b, r->author);
	jsonw_key(b, "published", false);
	if (r->published == ITEM_NO_DATE)
		jsonw_null(b);
	else
		jsonw_int(b, r->published);
	jsonw_key(b, "updated", false);
	if (r->updated == ITEM_NO_DATE)
		jsonw_null(b);
	else
		jsonw_int(b, r->updated);
	jsonw_key(b, "read", false);
	jsonw_bool(b, r->read);
	jsonw_key(b, "flagged", false);
	jsonw_bool(b, r->flagged);
	jsonw_key(b, "id", false);
	jsonw_int(b, r->id);
	jsonw_key(b, "feed_title", false);
	jsonw_str(b, r->feed_title);
	buf_addstr(b, "}\n");
}

static void
add_line(struct buf *b, const struct store_item_row *r)
{
	add_date(b, r->date);
	buf_addch(b, ' ');
	buf_addch(b, r->read ? ' ' : 'N');
	buf_addch(b, r->flagged ? '!' : ' ');
	buf_addch(b, ' ');
	add_safe(b, r->title != NULL && r->title[0] != '\0' ? r->title :
	    "(untitled)");
	buf_addstr(b, "  [");
	add_safe(b, r->feed_title != NULL ? r->feed_title : r->feed_url);
	buf_addstr(b, "]\n");
}

/* Print the window's rows; -1 on a write error. */
static int
print_rows(const struct store_item_list *list, bool json, struct buf *out)
{
	size_t i;

	buf_reset(out);
	for (i = 0; i < list->n; i++) {
		if (json)
			add_json(out, &list->rows[i]);
		else
			add_line(out, &list->rows[i]);
	}
	if (fwrite(out->data, 1, out->len, stdout) != out->len)
		return (-1);
	return (0);
}

/* --query over the whole store: its id list, then windows by id. */
static int
list_ids(struct store *st, const struct store_query *q, bool unread,
    bool json, struct buf *out)
{
	struct err err = ERR_INIT;
	struct store_idlist ids;
	struct store_item_list list = { NULL, 0 };
	size_t from;
	int rc = CMD_EXIT_FAIL;

	if (store_where_idlist(st, q->where, q->sort, q->ascending, unread,
	    &ids, &err) == -1) {
		cmd_store_warn(st, "", &err);
		return (CMD_EXIT_FAIL);
	}
	for (from = 0; from < ids.n; from += LIST_WINDOW) {
		if (store_idlist_window(st, &ids, from, LIST_WINDOW, &list,
		    &err) == -1) {
			cmd_store_warn(st, "", &err);
			goto out;
		}
		if (print_rows(&list, json, out) == -1)
			break;
		store_item_list_free(&list);
	}
	if (fflush(stdout) == EOF || ferror(stdout)) {
		cmd_warn("list: write error");
		goto out;
	}
	rc = CMD_EXIT_OK;
out:
	store_item_list_free(&list);
	store_idlist_free(&ids);
	return (rc);
}

int
cmd_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "unread", no_argument, NULL, 'u' },
		{ "feed", required_argument, NULL, 'f' },
		{ "json", no_argument, NULL, 'j' },
		{ "query", required_argument, NULL, 'q' },
		{ "sort", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	struct err err = ERR_INIT;
	struct store_query q;
	struct store_item_list list = { NULL, 0 };
	struct store_item_row last;
	struct store *st = NULL;
	struct filter *filter = NULL;
	const char *feed_url = NULL, *query = NULL;
	struct stat sb;
	struct buf out;
	bool json = false, unread = false, bad = false;
	char *path;
	int ch, rc = CMD_EXIT_USAGE, sort = STORE_SORT_DATE;
	bool asc = false;

	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'u':
			unread = true;
			break;
		case 'f':
			feed_url = optarg;
			break;
		case 'j':
			json = true;
			break;
		case 'q':
			query = optarg;
			break;
		case 's':
			if (conf_article_sort_parse(optarg, &sort, &asc) < 0) {
				cmd_warn("list: unknown order '%s' (date, "
				    "title, flags, author, link or guid, "
				    "optionally with -asc or -desc)", optarg);
				return (CMD_EXIT_USAGE);
			}
			break;
		default:
			/* Setting optind here made getopt_long read past
			   argv, forever: stop instead. */
			bad = true;
			break;
		}
		if (bad)
			break;
	}
	if (bad || optind != argc) {
		cmd_warn("usage: gazette list [--unread] [--feed URL] "
		    "[--query EXPR] [--sort ORDER] [--json]");
		return (CMD_EXIT_USAGE);
	}
	if (query != NULL && (filter = filter_parse(query, &err)) == NULL) {
		cmd_warn("list: %s", err.msg);
		return (CMD_EXIT_USAGE);
	}
	if ((path = cmd_db_path(ctx)) == NULL) {
		cmd_warn("list: no database path (set HOME or use -d)");
		filter_free(filter);
		return (CMD_EXIT_USAGE);
	}
	if (stat(path, &sb) == -1) {
		/* Nothing stored yet: nothing to list.  Never create. */
		cmd_warn("list: no database at %s yet", path);
		free(path);
		filter_free(filter);
		return (CMD_EXIT_OK);
	}
	buf_init(&out, BUF_CAP_BODY);
	memset(&last, 0, sizeof(last));
	if ((st = store_open(path, 0, &err)) == NULL) {
		cmd_warn("%s", err.msg);
		goto out;
	}
	if (cmd_set_killfile(ctx, st) == -1)
		goto out;
	memset(&q, 0, sizeof(q));
	q.filter = unread ? STORE_FILTER_UNREAD : STORE_FILTER_ALL;
	q.limit = LIST_WINDOW;
	q.sort = (enum store_sort)sort;
	q.ascending = asc;
	q.where = filter != NULL ? filter_where(filter) : NULL;
	if (feed_url != NULL) {
		q.feed_id = store_feed_find(st, feed_url, &err);
		if (q.feed_id == -1) {
			cmd_store_warn(st, "", &err);
			goto out;
		}
		if (q.feed_id == 0) {
			cmd_warn("list: no feed %s in the database", feed_url);
			rc = CMD_EXIT_FAIL;
			goto out;
		}
	}
	if (q.where != NULL && q.feed_id == 0) {
		rc = list_ids(st, &q, unread, json, &out);
		goto out;
	}
	for (;;) {
		if (store_items_window(st, &q, &list, &err) == -1) {
			cmd_store_warn(st, "", &err);
			goto out;
		}
		if (list.n == 0)
			break;
		(void)print_rows(&list, json, &out);
		/* The next window starts after the last row, kept for its
		   key's text. */
		store_item_row_clear(&last);
		last = list.rows[list.n - 1];
		list.n--;
		store_item_list_free(&list);
		q.has_key = true;
		store_item_key_of(&last, q.sort, &q.key);
	}

	if (fflush(stdout) == EOF || ferror(stdout)) {
		cmd_warn("list: write error");
		rc = CMD_EXIT_FAIL;
		goto out;
	}
	rc = CMD_EXIT_OK;
out:
	store_item_list_free(&list);
	store_item_row_clear(&last);
	rc = cmd_store_close(st, "", rc);
	filter_free(filter);
	buf_free(&out);
	free(path);
	return (rc);
}
