/*
 * cmd_mark: `gazette mark --read|--unread|--flag|--unflag [--feed URL]
 * GUID...`: set the read or flagged state of stored articles, named by
 * their guid as `gazette list --json` prints it; "-" reads guids from
 * standard input, one a line.  A guid names every article holding it
 * (in every feed, or in the --feed one).  In sync mode the change is
 * queued for the server in the same transaction (store_sync.h).
 * --all (with --read or --unread) marks every article, of the --feed
 * one or of every feed: in sync mode a whole feed marked read is pushed
 * as one mark-all-as-read.
 * Exit 0 when every guid named an article, 1 when some named none (each
 * said on stderr), 2 on a usage error or an unusable database.
 */
#include "config.h"

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "store.h"
#include "store_sync.h"
#include "xmalloc.h"

/* Guids marked per transaction when they come in bulk. */
#define MARK_BATCH	1000

struct mark {
	struct store	*st;
	int64_t		 feed_id;
	int		 read;		/* -1 unchanged, 0 unread, 1 read */
	int		 flag;		/* -1 unchanged, 0, 1 */
	size_t		 in_txn;	/* guids in the open transaction */
	size_t		 unknown;
	struct err	 err;
};

static int
mark_one(struct mark *m, const char *guid)
{
	int64_t found = 0, f2 = 0;

	if (m->in_txn == 0 && store_begin(m->st, &m->err) == -1)
		return (-1);
	if (m->read != -1 && store_mark_guid(m->st, m->feed_id, guid,
	    STORE_SYNC_READ, m->read == 1, &found, &m->err) == -1)
		return (-1);
	if (m->flag != -1 && store_mark_guid(m->st, m->feed_id, guid,
	    STORE_SYNC_FLAG, m->flag == 1, &f2, &m->err) == -1)
		return (-1);
	if (found == 0 && f2 == 0) {
		cmd_warn("mark: no article with guid %s", guid);
		m->unknown++;
	}
	if (++m->in_txn == MARK_BATCH) {
		m->in_txn = 0;
		if (store_commit(m->st, &m->err) == -1)
			return (-1);
	}
	return (0);
}

static int
mark_stdin(struct mark *m)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int rc = 0;

	while (rc == 0 && (len = getline(&line, &cap, stdin)) != -1) {
		while (len > 0 && strchr(" \t\r\n", line[len - 1]) != NULL)
			line[--len] = '\0';
		if (len > 0)
			rc = mark_one(m, line);
	}
	free(line);
	return (rc);
}

static int
usage(void)
{
	cmd_warn("usage: gazette mark --read|--unread|--flag|--unflag "
	    "[--feed URL] GUID...|-, or gazette mark --read|--unread --all "
	    "[--feed URL]");
	return (CMD_EXIT_USAGE);
}

int
cmd_mark(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "read", no_argument, NULL, 'r' },
		{ "unread", no_argument, NULL, 'u' },
		{ "flag", no_argument, NULL, 'f' },
		{ "unflag", no_argument, NULL, 'n' },
		{ "feed", required_argument, NULL, 'F' },
		{ "all", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	struct mark m;
	const char *feed_url = NULL;
	struct stat sb;
	char *path = NULL;
	bool bad = false, all = false;
	int ch, i, rc = CMD_EXIT_USAGE;

	memset(&m, 0, sizeof(m));
	m.read = m.flag = -1;
	while (!bad && (ch = getopt_long(argc, argv, "", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'r':
		case 'u':
			bad = m.read != -1 && m.read != (ch == 'r');
			m.read = ch == 'r';
			break;
		case 'f':
		case 'n':
			bad = m.flag != -1 && m.flag != (ch == 'f');
			m.flag = ch == 'f';
			break;
		case 'F':
			feed_url = optarg;
			break;
		case 'a':
			all = true;
			break;
		default:
			bad = true;
			break;
		}
	}
	if (bad || (m.read == -1 && m.flag == -1) ||
	    (all ? optind != argc || m.flag != -1 : optind == argc))
		return (usage());
	if ((path = cmd_db_path(ctx)) == NULL) {
		cmd_warn("mark: no database path (set HOME or use -d)");
		return (CMD_EXIT_USAGE);
	}
	if (stat(path, &sb) == -1) {
		cmd_warn("mark: no database at %s yet", path);
		free(path);
		return (CMD_EXIT_USAGE);
	}
	if ((m.st = store_open(path, 0, &m.err)) == NULL) {
		cmd_warn("%s", m.err.msg);
		free(path);
		return (CMD_EXIT_USAGE);
	}
	if (feed_url != NULL) {
		m.feed_id = store_feed_find(m.st, feed_url, &m.err);
		if (m.feed_id == 0) {
			cmd_warn("mark: no feed %s in the database", feed_url);
			goto out;
		}
		if (m.feed_id == -1)
			goto fail;
	}
	if (all) {
		/* In sync mode: one mark-all-as-read (store_sync.h). */
		if (store_feed_set_read(m.st, m.feed_id, m.read == 1,
		    &m.err) == -1)
			goto fail;
		rc = CMD_EXIT_OK;
		goto out;
	}
	for (i = optind; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0 ? mark_stdin(&m) == -1 :
		    mark_one(&m, argv[i]) == -1)
			goto fail;
	}
	if (m.in_txn > 0 && store_commit(m.st, &m.err) == -1)
		goto fail;
	rc = m.unknown > 0 ? CMD_EXIT_FAIL : CMD_EXIT_OK;
	goto out;
fail:
	if (m.in_txn > 0)
		store_rollback(m.st);
	cmd_store_warn(m.st, "mark: ", &m.err);
	rc = CMD_EXIT_USAGE;
out:
	free(path);
	return (cmd_store_close(m.st, "mark: ", rc));
}
