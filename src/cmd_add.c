/*
 * cmd_add: gazette add URL [TAG...]: append one feed to the urls file.
 * A tag may be "~Title", "!" or an @name=value setting (see urls.h).
 * Exit 0 when added, 1 when the URL is already listed, 2 on a bad URL,
 * a bad setting or an unwritable file.  A URL or tag holding a control
 * character (a newline would end the line and start another) is refused:
 * what is written is always one line that reads back as these words.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "conf.h"
#include "sync.h"
#include "urls.h"

static void
add_warn(void *ctx, const char *file, unsigned line, const char *msg)
{
	int *bad = ctx;

	(void)file;
	(void)line;
	cmd_warn("add: %s", msg);
	*bad = 1;
}

/*
 * In sync mode (sync.h) the feed is subscribed on the server, with its
 * "~Title" and its first tag as the server's label: the exit status.
 * -1: not in sync mode.
 */
static int
sync_add_maybe(struct cmd_ctx *ctx, const struct urls_feed *feed,
    const char *url)
{
	struct err err = ERR_INIT;
	struct conf cfg;
	char *path;
	int rc = -1;

	conf_init(&cfg);
	if ((path = cmd_config_path(ctx)) != NULL &&
	    conf_load(&cfg, path, ctx->config_path != NULL, NULL, NULL,
	    &err) == -1 && ctx->config_path != NULL) {
		cmd_warn("add: %s", err.msg);
		rc = CMD_EXIT_USAGE;
	} else if (sync_enabled(&cfg))
		rc = sync_add(ctx, &cfg, url, feed->title, feed->n_tags > 0 ?
		    feed->tags[0] : NULL);
	free(path);
	conf_free(&cfg);
	return (rc);
}

int
cmd_add(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct err err = ERR_INIT;
	struct urls_feed feed;
	char *path;
	int bad = 0, i, rc;

	if (argc < 2 || argv[1][0] == '-') {
		fprintf(stderr, "usage: gazette add URL [TAG...]\n");
		return (CMD_EXIT_USAGE);
	}
	for (i = 1; i < argc; i++) {
		if (!urls_has_control(argv[i]))
			continue;
		if (i == 1)
			cmd_warn("add: the URL holds a control character (a "
			    "newline, a tab...); nothing added");
		else
			cmd_warn("add: tag %d holds a control character (a "
			    "newline, a tab...); nothing added", i - 1);
		return (CMD_EXIT_USAGE);
	}
	urls_feed_init(&feed);
	if (urls_kind_of(argv[1], &feed.kind) == -1) {
		cmd_warn("add: not a URL gazette can read: %s", argv[1]);
		return (CMD_EXIT_USAGE);
	}
	for (i = 2; i < argc; i++)
		(void)urls_apply_token(&feed, argv[i], "add", 0, add_warn,
		    &bad);
	if (bad) {
		urls_feed_clear(&feed);
		return (CMD_EXIT_USAGE);
	}
	if ((rc = sync_add_maybe(ctx, &feed, argv[1])) != -1) {
		urls_feed_clear(&feed);
		return (rc);
	}
	feed.url = argv[1];
	if ((path = cmd_urls_path(ctx)) == NULL) {
		cmd_warn("add: no urls file (set HOME or use -u)");
		feed.url = NULL;
		urls_feed_clear(&feed);
		return (CMD_EXIT_USAGE);
	}
	rc = urls_append(path, &feed, &err);
	feed.url = NULL;
	urls_feed_clear(&feed);
	if (rc == -1) {
		cmd_warn("add: %s", err.msg);
		rc = CMD_EXIT_USAGE;
	} else if (rc == 1) {
		cmd_warn("add: %s is already in %s", argv[1], path);
		rc = CMD_EXIT_FAIL;
	} else
		rc = CMD_EXIT_OK;
	free(path);
	return (rc);
}
