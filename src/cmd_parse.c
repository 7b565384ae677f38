/*
 * cmd_parse: `gazette parse [--charset CS] [--base URL] FILE` parses one
 * feed file ('-' for stdin) and prints JSON Lines: the feed first, then
 * each item in document order.  Items arrive while the document is read
 * but the feed's own fields may come after them, so the item lines are
 * kept until the end.  Exit 0 (also when a fatal XML error cut the feed
 * short: a warning goes to stderr), 1 when the input is not a feed (or
 * cannot be read), 2 on a usage error.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "feed.h"
#include "jsonw.h"

static void
write_date(struct buf *b, int64_t t)
{
	if (t == ITEM_NO_DATE)
		jsonw_null(b);
	else
		jsonw_int(b, t);
}

static int
print_item(void *ctx, const struct item *it)
{
	struct buf *b = ctx;
	size_t i;

	buf_addstr(b, "{");
	jsonw_key(b, "type", true);
	jsonw_str(b, "item");
	jsonw_key(b, "guid", false);
	jsonw_str(b, it->guid);
	jsonw_key(b, "title", false);
	jsonw_str(b, it->title);
	jsonw_key(b, "link", false);
	jsonw_str(b, it->link);
	jsonw_key(b, "author", false);
	jsonw_str(b, it->author);
	jsonw_key(b, "published", false);
	write_date(b, it->published);
	jsonw_key(b, "updated", false);
	write_date(b, it->updated);
	jsonw_key(b, "content_type", false);
	jsonw_str(b, it->content_type);
	jsonw_key(b, "content", false);
	jsonw_str(b, it->content);
	jsonw_key(b, "enclosures", false);
	buf_addch(b, '[');
	for (i = 0; i < it->n_enclosures; i++) {
		if (i > 0)
			buf_addch(b, ',');
		buf_addch(b, '{');
		jsonw_key(b, "url", true);
		jsonw_str(b, it->enclosures[i].url);
		jsonw_key(b, "type", false);
		jsonw_str(b, it->enclosures[i].type);
		jsonw_key(b, "length", false);
		if (it->enclosures[i].length < 0)
			jsonw_null(b);
		else
			jsonw_int(b, it->enclosures[i].length);
		buf_addch(b, '}');
	}
	buf_addch(b, ']');
	jsonw_key(b, "categories", false);
	buf_addch(b, '[');
	for (i = 0; i < it->n_categories; i++) {
		if (i > 0)
			buf_addch(b, ',');
		jsonw_str(b, it->categories[i]);
	}
	buf_addstr(b, "]}\n");
	return (0);
}

static void
print_feed(struct buf *b, const struct feed_meta *m)
{
	buf_addstr(b, "{");
	jsonw_key(b, "type", true);
	jsonw_str(b, "feed");
	jsonw_key(b, "format", false);
	jsonw_str(b, m->format);
	jsonw_key(b, "title", false);
	jsonw_str(b, m->title);
	jsonw_key(b, "link", false);
	jsonw_str(b, m->link);
	jsonw_key(b, "description", false);
	jsonw_str(b, m->description);
	buf_addstr(b, "}\n");
}

static int
usage(void)
{
	fprintf(stderr, "usage: gazette parse [--charset CS] [--base URL] "
	    "FILE\n");
	return (CMD_EXIT_USAGE);
}

int
cmd_parse(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "charset", required_argument, NULL, 'c' },
		{ "base", required_argument, NULL, 'b' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct feed_parse_opts opts;
	struct feed_sink sink;
	struct feed_parser *p;
	struct err err = ERR_INIT;
	struct buf items, head;
	enum feed_status st;
	const char *path;
	char chunk[65536];
	size_t n;
	FILE *fp;
	int ch, rc = CMD_EXIT_OK;

	(void)ctx;
	memset(&opts, 0, sizeof(opts));
	while ((ch = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			opts.charset = optarg;
			break;
		case 'b':
			opts.base_url = optarg;
			break;
		case 'h':
			usage();
			return (CMD_EXIT_OK);
		default:
			return (usage());
		}
	}
	if (argc - optind != 1)
		return (usage());
	path = argv[optind];
	if (strcmp(path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(path, "rb")) == NULL) {
		cmd_warn("parse: %s: %s", path, strerror(errno));
		return (CMD_EXIT_FAIL);
	}

	buf_init(&items, (size_t)-1);
	sink.ctx = &items;
	sink.item = print_item;
	p = feed_parser_new(&opts, &sink);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		if (feed_parser_push(p, chunk, n) != 0)
			break;
	if (ferror(fp)) {
		cmd_warn("parse: %s: read error", path);
		rc = CMD_EXIT_FAIL;
	}
	if (fp != stdin)
		fclose(fp);
	st = feed_parser_finish(p, &err);
	if (rc == CMD_EXIT_OK && st == FEED_FAILED) {
		cmd_warn("parse: %s: %s", path, err.msg);
		rc = CMD_EXIT_FAIL;
	} else if (rc == CMD_EXIT_OK) {
		buf_init(&head, (size_t)-1);
		print_feed(&head, feed_parser_meta(p));
		fwrite(buf_str(&head), 1, head.len, stdout);
		fwrite(buf_str(&items), 1, items.len, stdout);
		buf_free(&head);
		if (fflush(stdout) != 0 || ferror(stdout)) {
			cmd_warn("parse: write error");
			rc = CMD_EXIT_FAIL;
		}
		if (st == FEED_PARTIAL)
			cmd_warn("parse: %s: warning: %s", path, err.msg);
	}
	feed_parser_free(p);
	buf_free(&items);
	return (rc);
}
