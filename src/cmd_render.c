/*
 * cmd_render: `gazette render [--width N] [--base URL] [FILE|-]` prints
 * HTML as the article view shows it (links numbered, their list at the
 * end), and `gazette show [--width N] GUID` prints a stored article: a
 * header (title, feed, author, date, link) and its body the same way.
 * The width is --width, else $COLUMNS, else 80.  Everything printed went
 * through text_sanitize (src/text.h).
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "buf.h"
#include "cmd.h"
#include "enclosures.h"
#include "err.h"
#include "html.h"
#include "item.h"
#include "store.h"
#include "text.h"
#include "xmalloc.h"

#define RENDER_USAGE	"usage: gazette render [--width N] [--base URL] [FILE|-]"
#define SHOW_USAGE	"usage: gazette show [--width N] GUID"
#define MAX_WIDTH	4096

/* A width from a string: 1 to MAX_WIDTH, else 0. */
static size_t
parse_width(const char *s)
{
	char *end;
	long long n;

	if (s == NULL || *s == '\0')
		return (0);
	errno = 0;
	n = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || n < 1 || n > MAX_WIDTH)
		return (0);
	return ((size_t)n);
}

static size_t
default_width(void)
{
	size_t w;

	if ((w = parse_width(getenv("COLUMNS"))) != 0)
		return (w);
	return (80);
}

/* The link list, and ASCII marks unless the locale is UTF-8. */
static void
opts_init(struct html_opts *opts)
{
	const char *cs = nl_langinfo(CODESET);

	memset(opts, 0, sizeof(*opts));
	opts->width = default_width();
	opts->flags = HTML_RENDER_LINK_LIST;
	if (cs == NULL || (strcmp(cs, "UTF-8") != 0 &&
	    strcmp(cs, "utf8") != 0))
		opts->flags |= HTML_RENDER_ASCII;
}

/* Read all of fp, at most BUF_CAP_BODY bytes; -1 on a read error. */
static int
read_all(FILE *fp, struct buf *b)
{
	char chunk[65536];
	size_t n;

	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		if (buf_add(b, chunk, n) == -1)
			break;	/* past the cap: the rest is ignored */
	return (ferror(fp) ? -1 : 0);
}

static void
print_doc(struct buf *out, const struct html_doc *d)
{
	size_t i;

	for (i = 0; i < d->nlines; i++) {
		(void)buf_addstr(out, d->lines[i].text);
		(void)buf_addch(out, '\n');
	}
}

static int
write_out(const struct buf *out)
{
	if (fwrite(out->data == NULL ? "" : out->data, 1, out->len,
	    stdout) != out->len || fflush(stdout) == EOF) {
		cmd_warn("write error: %s", strerror(errno));
		return (CMD_EXIT_USAGE);
	}
	return (CMD_EXIT_OK);
}

int
cmd_render(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "width", required_argument, NULL, 'w' },
		{ "base", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 }
	};
	struct html_opts opts;
	struct html_doc *d;
	struct buf in, out;
	const char *file = "-";
	FILE *fp;
	int ch, rc;

	(void)ctx;
	opts_init(&opts);
	optind = 1;
	while ((ch = getopt_long(argc, argv, "w:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'w':
			if ((opts.width = parse_width(optarg)) == 0) {
				cmd_warn("render: bad width: %s", optarg);
				return (CMD_EXIT_USAGE);
			}
			break;
		case 'b':
			opts.base = optarg;
			break;
		default:
			cmd_warn(RENDER_USAGE);
			return (CMD_EXIT_USAGE);
		}
	}
	if (argc - optind > 1) {
		cmd_warn(RENDER_USAGE);
		return (CMD_EXIT_USAGE);
	}
	if (argc - optind == 1)
		file = argv[optind];
	if (strcmp(file, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(file, "rb")) == NULL) {
		cmd_warn("render: %s: %s", file, strerror(errno));
		return (CMD_EXIT_USAGE);
	}
	buf_init(&in, BUF_CAP_BODY);
	if (read_all(fp, &in) == -1) {
		cmd_warn("render: %s: read error", file);
		if (fp != stdin)
			(void)fclose(fp);
		buf_free(&in);
		return (CMD_EXIT_USAGE);
	}
	if (fp != stdin)
		(void)fclose(fp);
	d = html_render(buf_str(&in), in.len, &opts);
	buf_free(&in);
	buf_init(&out, BUF_CAP_BODY * 4);
	print_doc(&out, d);
	html_doc_free(d);
	rc = write_out(&out);
	buf_free(&out);
	return (rc);
}

/* One header field, "Label:  value", wrapped with a hanging indent. */
static void
header_field(struct buf *out, const char *label, const char *raw,
    size_t width)
{
	struct text_line *lines;
	char *s, *v;
	size_t n, i, len;
	const size_t indent = 8;

	if (raw == NULL)
		return;
	s = text_sanitize(raw, 0);
	v = s + strspn(s, " ");
	len = strlen(v);
	while (len > 0 && v[len - 1] == ' ')
		v[--len] = '\0';
	if (*v == '\0') {
		free(s);
		return;
	}
	n = text_wrap(v, width > indent + 10 ? width - indent : 10, &lines);
	for (i = 0; i < n; i++) {
		if (i == 0)
			(void)buf_addf(out, "%-*s", (int)indent, label);
		else
			(void)buf_addf(out, "%*s", (int)indent, "");
		(void)buf_add(out, v + lines[i].off, lines[i].len);
		(void)buf_addch(out, '\n');
	}
	free(lines);
	free(s);
}

static void
header_date(struct buf *out, int64_t t, size_t width)
{
	struct tm tm;
	time_t tt;
	char s[64];

	if (t == ITEM_NO_DATE)
		return;
	tt = (time_t)t;
	if (gmtime_r(&tt, &tm) == NULL ||
	    strftime(s, sizeof(s), "%Y-%m-%d %H:%M UTC", &tm) == 0)
		return;
	header_field(out, "Date:", s, width);
}

int
cmd_show(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "width", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 }
	};
	struct err err = ERR_INIT;
	struct store_item_full it;
	struct html_opts opts;
	struct enclosure *encl = NULL;
	struct html_doc *d;
	struct store *st = NULL;
	struct stat sb;
	struct buf out;
	const char *content, *feed;
	char *path = NULL;
	int ch, rc = CMD_EXIT_USAGE, found;

	opts_init(&opts);
	optind = 1;
	while ((ch = getopt_long(argc, argv, "w:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'w':
			if ((opts.width = parse_width(optarg)) == 0) {
				cmd_warn("show: bad width: %s", optarg);
				return (CMD_EXIT_USAGE);
			}
			break;
		default:
			cmd_warn(SHOW_USAGE);
			return (CMD_EXIT_USAGE);
		}
	}
	if (argc - optind != 1) {
		cmd_warn(SHOW_USAGE);
		return (CMD_EXIT_USAGE);
	}
	if ((path = cmd_db_path(ctx)) == NULL) {
		cmd_warn("show: no database path (set HOME or use -d)");
		return (CMD_EXIT_USAGE);
	}
	if (stat(path, &sb) == -1) {
		/* Nothing stored yet, so no such article.  Never create. */
		cmd_warn("show: no article with guid %s (no database at %s)",
		    argv[optind], path);
		free(path);
		return (CMD_EXIT_FAIL);
	}
	memset(&it, 0, sizeof(it));
	buf_init(&out, BUF_CAP_BODY * 4);
	if ((st = store_open(path, 0, &err)) == NULL) {
		cmd_warn("%s", err.msg);
		goto out;
	}
	found = store_item_get_guid(st, 0, argv[optind], &it, &err);
	if (found == -1) {
		cmd_store_warn(st, "", &err);
		goto out;
	}
	if (found == 1) {
		cmd_warn("show: no article with guid %s", argv[optind]);
		rc = CMD_EXIT_FAIL;
		goto out;
	}
	feed = it.row.feed_title != NULL && *it.row.feed_title != '\0' ?
	    it.row.feed_title : it.row.feed_url;
	header_field(&out, "Title:", it.row.title, opts.width);
	header_field(&out, "Feed:", feed, opts.width);
	header_field(&out, "Author:", it.row.author, opts.width);
	header_date(&out, it.row.published != ITEM_NO_DATE ?
	    it.row.published : it.row.updated, opts.width);
	header_field(&out, "Link:", it.row.link, opts.width);
	(void)buf_addch(&out, '\n');
	content = it.content == NULL ? "" : it.content;
	opts.base = it.row.link;
	opts.nenclosures = enclosures_parse(it.enclosures, &encl);
	opts.enclosures = encl;
	if (it.content_type != NULL && strcmp(it.content_type, "text") == 0)
		d = html_render_text(content, strlen(content), &opts);
	else
		d = html_render(content, strlen(content), &opts);
	print_doc(&out, d);
	html_doc_free(d);
	rc = write_out(&out);
out:
	enclosures_free(encl, opts.nenclosures);
	store_item_full_clear(&it);
	rc = cmd_store_close(st, "", rc);
	buf_free(&out);
	free(path);
	return (rc);
}
