/*
 * sync: gazette in sync mode, with a Google Reader API server (FreshRSS,
 * Miniflux, Inoreader, The Old Reader, FeedHQ, BazQux...): urls-source
 * "freshrss", "greader", "inoreader", "oldreader" or "feedhq" in the
 * config, with newsboat's settings of that service (sync_service.h).
 *
 * `gazette refresh` then syncs instead of fetching the urls file
 * (sync_refresh.c): log in (or reuse the auth token kept in the data
 * directory, mode 0600), push the queue of local changes
 * (store_sync.h), pull the subscriptions (labels become tags, titles
 * ~titles), the articles added since the last sync (ot=, continuation)
 * and the server's read and starred state, all into the same store.
 *
 * The conflict rule: the later action wins.  A local change is dated
 * when it is made; the Google Reader API does not say when the server's
 * state changed, so a change on the server is dated at the last
 * successful sync before gazette sees it (the earliest it can have been
 * made).  So a local change queued since the last successful sync wins
 * over the server's state of that article (it is pushed, and the state
 * pulled afterwards does not undo it); for every other article the
 * server's state is taken.  A queued change is dropped only once the
 * server said OK to it; a push cut short (kill -9, server gone) is sent
 * again, with the same meaning, by the next sync.
 *
 * Secrets: the password is read from the config, PREFIX-passwordfile
 * or the output of PREFIX-passwordeval (sh -c, the user's own
 * command), is sent only in the body of the login POST, and never
 * appears in argv, in a child's environment or in a message.  The auth
 * token is kept in a file of the service's own (mode 0600), with the
 * URL and login it is for.
 *
 * Exit status of a sync: 0 fine, 1 the server could not be reached or
 * failed (named, with the reason; nothing stored is lost and the queue
 * stays), 2 a configuration error or the login refused (wrong login or
 * password), 3 another refresh holds the lock.
 */
#ifndef GAZETTE_SYNC_H
#define GAZETTE_SYNC_H

#include <stdbool.h>

#include "buf.h"
#include "err.h"
#include "sync_service.h"

struct cmd_ctx;
struct conf;
struct sync_http;

/* Is the config in sync mode (urls-source names a service)? */
bool	 sync_enabled(const struct conf *cfg);
/* `gazette refresh` in sync mode: the exit status. */
int	 sync_refresh(struct cmd_ctx *ctx, const struct conf *cfg,
	    bool quiet);
/* `gazette add URL [TAG...]` in sync mode: the exit status. */
int	 sync_add(struct cmd_ctx *ctx, const struct conf *cfg,
	    const char *url, const char *title, const char *label);

/* A logged-in session (sync_auth.c). */
struct sync_session {
	struct sync_service svc;	/* borrows from the conf */
	struct sync_http *http;
	char		*api;		/* the service's URL, no trailing '/' */
	char		*login;
	char		*token_path;	/* the auth token file */
	char		*t;		/* the T= action token */
	bool		 fresh;		/* logged in during this run */
};

/*
 * Check the settings, then log in (or take the kept token).  -1 with err:
 * ERR_CONFIG (a setting missing or the login refused: exit 2), ERR_NET
 * (no answer or a server error: exit 1).
 */
int	 sync_session_open(struct sync_session *s, const struct conf *cfg,
	    const char *db_path, struct err *err);
void	 sync_session_close(struct sync_session *s);
/*
 * One API call (path after /reader/api/0/, form NULL for a GET): 0 with
 * the 2xx answer in body; a 401 with a kept token logs in again once.
 * -1 with err (ERR_NET; ERR_CONFIG when the login is refused).
 */
int	 sync_call(struct sync_session *s, const struct conf *cfg,
	    const char *path, const char *form, struct buf *body,
	    struct err *err);

#endif
