/*
 * ui: terminal setup, signals, the view stack, key dispatch and the
 * event loop.  Drawing is in ui_draw.c, the status line and prompt in
 * ui_prompt.c, the browser and OSC 52 in ui_link.c and refreshes in a
 * child process in ui_refresh.c.
 */
#include "config.h"

#include <sys/ioctl.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "search.h"
#include "store.h"
#include "ui.h"
#include "ui_int.h"

static volatile sig_atomic_t got_winch;
static volatile sig_atomic_t got_term;
static volatile sig_atomic_t got_chld;
static int sigpipe_fds[2] = { -1, -1 };

static void
on_signal(int sig)
{
	int saved = errno;
	char c = (char)sig;

	if (sig == SIGWINCH)
		got_winch = 1;
	else if (sig == SIGCHLD)
		got_chld = 1;
	else
		got_term = 1;
	if (sigpipe_fds[1] != -1)
		(void)write(sigpipe_fds[1], &c, 1);
	errno = saved;
}

static int
setup_signals(void)
{
	struct sigaction sa;

	if (pipe2(sigpipe_fds, O_CLOEXEC | O_NONBLOCK) == -1)
		return (-1);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGWINCH, &sa, NULL);
	sigaction(SIGCHLD, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	return (0);
}

static void
restore_signals(void)
{
	signal(SIGWINCH, SIG_DFL);
	signal(SIGCHLD, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	if (sigpipe_fds[0] != -1) {
		close(sigpipe_fds[0]);
		close(sigpipe_fds[1]);
		sigpipe_fds[0] = sigpipe_fds[1] = -1;
	}
}

/* Views. */

void
ui_push(struct ui *ui, struct ui_view *view)
{
	if (view == NULL)
		return;		/* shown outside (a pager) */
	view->parent = ui->view;
	ui->view = view;
	ui->dirty = true;
}

void
ui_pop(struct ui *ui)
{
	struct ui_view *v = ui->view;

	if (v == NULL)
		return;
	ui->view = v->parent;
	v->ops->free(v);
	if (ui->view == NULL)
		ui->quit = true;
	else if (ui->view->ops->reload != NULL)
		ui->view->ops->reload(ui, ui->view);
	ui->dirty = true;
}

void
ui_replace(struct ui *ui, struct ui_view *old, struct ui_view *nv)
{
	struct ui_view *v;

	nv->parent = old->parent;
	if (ui->view == old)
		ui->view = nv;
	else
		for (v = ui->view; v != NULL; v = v->parent)
			if (v->parent == old) {
				v->parent = nv;
				break;
			}
	old->ops->free(old);
	ui->dirty = true;
}

void
ui_reload_all(struct ui *ui)
{
	struct ui_view *v;

	for (v = ui->view; v != NULL; v = v->parent)
		if (v->ops->reload != NULL)
			v->ops->reload(ui, v);
	ui->dirty = true;
}

/* Input. */

static int
translate_key(int ret, wint_t wc)
{
	if (ret == KEY_CODE_YES) {
		switch (wc) {
		case KEY_UP: return (KEYMAP_KEY_UP);
		case KEY_DOWN: return (KEYMAP_KEY_DOWN);
		case KEY_LEFT: return (KEYMAP_KEY_LEFT);
		case KEY_RIGHT: return (KEYMAP_KEY_RIGHT);
		case KEY_PPAGE: return (KEYMAP_KEY_PPAGE);
		case KEY_NPAGE: return (KEYMAP_KEY_NPAGE);
		case KEY_HOME: return (KEYMAP_KEY_HOME);
		case KEY_END: return (KEYMAP_KEY_END);
		case KEY_ENTER: return (KEYMAP_KEY_ENTER);
		case KEY_BACKSPACE: return (KEYMAP_KEY_BACKSPACE);
		case KEY_DC: return (KEYMAP_KEY_DELETE);
		case KEY_IC: return (KEYMAP_KEY_INSERT);
		case KEY_RESIZE: return (-2);
		default:
			if (wc >= KEY_F(1) && wc <= KEY_F(12))
				return (KEYMAP_KEY_F((int)(wc - KEY_F0)));
			return (-1);
		}
	}
	if (wc == '\r' || wc == '\n')
		return (KEYMAP_KEY_ENTER);
	if (wc == 0x7f || wc == 0x08)
		return (KEYMAP_KEY_BACKSPACE);
	return ((int)wc);
}

static bool
article_matches_active(struct ui *ui)
{
	return (ui->view->ops->has_matches != NULL &&
	    ui->view->ops->has_matches(ui->view));
}

/* confirm-exit: y quits, anything else stays. */
static void
quit_cb(struct ui *ui, const char *text, void *arg)
{
	(void)arg;
	if (text[0] == 'y' || text[0] == 'Y')
		ui->quit = true;
}

static void
quit_asked(struct ui *ui)
{
	if (ui->cfg->confirm_exit)
		ui_prompt(ui, "Do you really want to quit? (y/n) ", NULL,
		    NULL, quit_cb, NULL);
	else
		ui->quit = true;
}

/*
 * auto-reload: every reload-time minutes a refresh of every feed, as R
 * starts it (in the background); the first at start-up unless
 * suppress-first-reload.  A refresh still running when one is due makes
 * it wait for the next round.
 */
static void
auto_reload(struct ui *ui, bool starting)
{
	time_t now = time(NULL);

	if (!ui->cfg->auto_reload || ui->exit_after_draw)
		return;
	if (starting) {
		ui->next_reload = (int64_t)now + 60 *
		    (int64_t)ui->cfg->reload_time;
		if (!ui->cfg->suppress_first_reload &&
		    !ui->cfg->refresh_on_startup)
			ui_refresh_start(ui, NULL);
		return;
	}
	if ((int64_t)now < ui->next_reload)
		return;
	ui->next_reload = (int64_t)now + 60 * (int64_t)ui->cfg->reload_time;
	if (ui->refresh_pid <= 0)
		ui_refresh_start(ui, NULL);
}

static void
handle_key(struct ui *ui, int key)
{
	enum keymap_action a;
	struct ui_view *v = ui->view;
	long count;

	if (ui->prompting) {
		ui_prompt_key(ui, key);
		return;
	}
	if (ui->confirm_fn != NULL) {
		ui_prompt_fn fn = ui->confirm_fn;
		char k[2] = { key > ' ' && key < 127 ? (char)key : '\0', '\0' };

		ui->confirm_fn = NULL;
		ui->status[0] = '\0';
		ui->dirty = true;
		fn(ui, ui->confirm_raw ? k : key == 'y' || key == 'Y' ? "y" :
		    "n", ui->confirm_arg);
		return;
	}
	if (ui->macro_pending) {
		/* The key after macro-prefix names a macro. */
		ui->macro_pending = false;
		ui->count = 0;
		ui->has_count = false;
		ui->status[0] = '\0';
		ui->dirty = true;
		ui_macro_key(ui, key);
		return;
	}
	if (key >= '0' && key <= '9') {
		if (v->ops->digit != NULL && !ui->has_count) {
			/* Article view: 1-9 and 0 open links 1-10. */
			ui->status[0] = '\0';
			(void)v->ops->digit(ui, v, key == '0' ? 10 :
			    key - '0');
			ui->dirty = true;
			return;
		}
		if (ui->count < 100000000)
			ui->count = ui->count * 10 + (key - '0');
		ui->has_count = true;
		ui->dirty = true;
		return;
	}
	if (key == KEYMAP_KEY_ESC && ui->has_count) {
		ui->count = 0;
		ui->has_count = false;
		ui->dirty = true;
		return;
	}
	a = keymap_lookup(&ui->cfg->keymap, v->ops->ctx, key);
	/* In an article found by search, n/N walk the matches. */
	if (article_matches_active(ui)) {
		if (a == KEYMAP_NEXT_UNREAD)
			a = KEYMAP_NEXT_MATCH;
		else if (a == KEYMAP_TOGGLE_READ)
			a = KEYMAP_PREV_MATCH;
	}
	count = ui->has_count ? ui->count : 0;
	ui->count = 0;
	ui->has_count = false;
	ui->status[0] = '\0';
	ui->status_error = false;
	ui->dirty = true;
	if (a == KEYMAP_NONE) {
		if (key != KEYMAP_KEY_ESC) {
			struct buf k;

			buf_init(&k, 64);
			keymap_key_name(key, &k);
			ui_set_status(ui, false, "%s: not bound here "
			    "(? lists the keys)", buf_str(&k));
			buf_free(&k);
		}
		return;
	}
	ui_run_action(ui, a, count);
}

void
ui_run_action(struct ui *ui, enum keymap_action a, long count)
{
	struct ui_view *v = ui->view;

	switch (a) {
	case KEYMAP_NONE:
		return;
	case KEYMAP_MACRO_PREFIX:
		ui->macro_pending = true;
		ui_set_status(ui, false, "macro: press its key");
		return;
	case KEYMAP_HARD_QUIT:
		quit_asked(ui);
		return;
	default:
		break;
	}
	if (!keymap_action_implemented(a)) {
		ui_set_status(ui, false, "%s: %s", keymap_action_name(a),
		    keymap_action_help(a));
		return;
	}
	switch (a) {
	case KEYMAP_REDRAW:
		clearok(curscr, TRUE);
		return;
	case KEYMAP_HELP:
		if (v->ops->ctx != KEYMAP_CTX_HELP)
			ui_push(ui, ui_help_new(ui, v->ops->ctx));
		return;
	case KEYMAP_RELOAD_ALL:
		ui_refresh_all(ui);
		return;
	case KEYMAP_RELOAD_URLS:
		ui_feeds_reload_urls(ui);
		return;
	case KEYMAP_EDIT_URLS:
		ui_edit_urls(ui);
		return;
	case KEYMAP_CMDLINE:
		ui_cmdline_open(ui);
		return;
	case KEYMAP_VIEW_DOWNLOADS:
		ui_podboat_open(ui);
		return;
	default:
		break;
	}
	if (ui_delete_action(ui, v, a) || ui_bulk_action(ui, v, a))
		return;
	if (v->ops->action(ui, v, a, count))
		return;
	switch (a) {
	case KEYMAP_QUIT:
		if (v->parent == NULL) {
			quit_asked(ui);
			break;
		}
		ui_pop(ui);
		break;
	case KEYMAP_SEARCH:
		ui_search_start(ui, 0, NULL);
		break;
	case KEYMAP_COPY_URL:
		if (v->ops->link != NULL && v->ops->link(ui, v) != NULL)
			ui_copy_url(ui, v->ops->link(ui, v));
		else
			ui_set_status(ui, true, "no link here");
		break;
	case KEYMAP_TOGGLE_READ_FEEDS:
		ui->show_read_feeds = !ui->show_read_feeds;
		ui_reload_all(ui);
		ui_set_status(ui, false, "%s read feeds",
		    ui->show_read_feeds ? "showing" : "hiding");
		break;
	case KEYMAP_SORT:
	case KEYMAP_REV_SORT:
		if (ui_is_feeds(v) || ui_is_items(v))
			ui_sort_ask(ui, ui_is_feeds(v), a == KEYMAP_REV_SORT);
		else
			ui_set_status(ui, true, "sort orders the feed and "
			    "article lists");
		break;
	case KEYMAP_TOGGLE_READ_ITEMS:
		ui->show_read_items = !ui->show_read_items;
		ui_reload_all(ui);
		ui_set_status(ui, false, "%s read articles",
		    ui->show_read_items ? "showing" : "hiding");
		break;
	case KEYMAP_RANDOM_UNREAD:
		if (ui_is_feeds(v)) {
			struct ui_view *l = v;
			int64_t id = ui_items_random(ui, &l);

			/* From the feed list: its list, then the article. */
			if (id != 0 && l != v)
				ui_push(ui, ui_article_new(ui, id, l, NULL));
		} else
			ui_set_status(ui, false, "%s: not available here",
			    keymap_action_name(a));
		break;
	case KEYMAP_MARK_ALL_READ:
	case KEYMAP_SET_TAG:
	case KEYMAP_CLEAR_TAG:
		/* The feed list knows these; elsewhere, go there first. */
		ui_set_status(ui, false, "%s: in the feed list",
		    keymap_action_name(a));
		break;
	default:
		ui_set_status(ui, false, "%s: not available here",
		    keymap_action_name(a));
		break;
	}
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec * 1e3 + ts.tv_nsec / 1e6);
}

/*
 * Keys typed while one key kept the interface busy longer than this
 * are dropped, not replayed: they were aimed at a screen the person
 * could not see change.
 */
#define UI_STALL_MS	500

static void
read_keys(struct ui *ui)
{
	wint_t wc;
	int ret, key;
	double t;

	while (!ui->quit && (ret = get_wch(&wc)) != ERR) {
		key = translate_key(ret, wc);
		if (key == -2) {
			got_winch = 1;
			continue;
		}
		if (key < 0)
			continue;
		t = now_ms();
		if (ui->key_t0 == 0)
			ui->key_t0 = t;
		handle_key(ui, key);
		/* Every article a key selects, not only the last one. */
		ui_items_hover(ui);
		if (now_ms() - t > UI_STALL_MS) {
			flushinp();
			break;
		}
	}
}

static void
resize(struct ui *ui)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	clearok(curscr, TRUE);
	ui_reload_all(ui);
}

/*
 * Another process wrote: the store (a refresh storing, gazette mark...),
 * or the index alone (a refresh indexing what it stored a moment ago,
 * gazette search catching the index up), which changes what a query
 * feed counts.  The index's version is taken from 0 without a reload:
 * it is 0 until something here first read the index.
 */
static void
check_data_version(struct ui *ui)
{
	int64_t v = store_data_version(ui->store);
	int64_t iv = search_data_version(ui->store);
	bool index_moved = ui->index_version != 0 && iv != ui->index_version;

	ui->index_version = iv;
	if (v != ui->data_version || index_moved) {
		ui->data_version = v;
		ui_reload_all(ui);
		ui_refresh_progress(ui);
	}
}

int
ui_run(const struct ui_opts *opts)
{
	struct ui ui;
	struct pollfd pfd[3];
	const char *s;
	char drain[64];
	int nfds, timeout;
	bool busy = true;

	memset(&ui, 0, sizeof(ui));
	ui.cfg = opts->cfg;
	ui.store = opts->store;
	ui.urls_path = opts->urls_path;
	ui.db_path = opts->db_path;
	ui.config_path = opts->config_path;
	ui.show_read_feeds = ui.cfg->show_read_feeds;
	ui.show_read_items = ui.cfg->show_read_articles;
	conf_article_sort(ui.cfg, &ui.article_sort, &ui.article_asc);
	conf_feed_sort(ui.cfg, &ui.feed_sort, &ui.feed_asc);
	ui.refresh_fd = -1;
	buf_init(&ui.refresh_out, 64 * 1024);
	s = nl_langinfo(CODESET);
	ui.utf8 = s != NULL && (strcmp(s, "UTF-8") == 0 ||
	    strcmp(s, "utf8") == 0);
	s = getenv("GAZETTE_EXIT_AFTER_DRAW");
	ui.exit_after_draw = s != NULL && s[0] == '1';
	/* bench/ui-keys: one line per answered key press, in ms from the
	   key's arrival to the end of the screen's update. */
	if ((s = getenv("GAZETTE_KEY_LOG")) != NULL && s[0] != '\0')
		ui.key_log = fopen(s, "a");
	if (setup_signals() < 0)
		return (-1);
	if (initscr() == NULL) {
		restore_signals();
		return (-1);
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	ui_setup_roles(&ui);
	ui_hl_setup(&ui);
	ui_histories_load(&ui);
	ui_scroll_setup(ui.cfg);
	ui.data_version = store_data_version(ui.store);
	ui_push(&ui, ui_feeds_new(&ui));
	if (opts->message != NULL)
		ui_set_status(&ui, true, "%s", opts->message);
	if (ui.cfg->refresh_on_startup && !ui.exit_after_draw)
		ui_refresh_start(&ui, NULL);
	auto_reload(&ui, true);
	ui.dirty = true;
	while (!ui.quit && !got_term) {
		if (got_winch) {
			got_winch = 0;
			resize(&ui);
		}
		if (got_chld) {
			got_chld = 0;
			ui_refresh_reap(&ui);
		}
		if (ui.dirty && ui.view != NULL) {
			ui_items_hover(&ui);
			ui_draw(&ui);
		}
		ui_cmdline_startup(&ui);
		if (ui.key_t0 != 0 && ui.key_log != NULL) {
			fprintf(ui.key_log, "%.3f\n", now_ms() - ui.key_t0);
			fflush(ui.key_log);
		}
		ui.key_t0 = 0;
		/* A damaged database: quit, cmd_ui says why. */
		if (store_damaged(ui.store))
			break;
		if (ui.exit_after_draw)
			break;
		pfd[0].fd = STDIN_FILENO;
		pfd[0].events = POLLIN;
		pfd[1].fd = sigpipe_fds[0];
		pfd[1].events = POLLIN;
		nfds = 2;
		if (ui.refresh_fd != -1) {
			pfd[2].fd = ui.refresh_fd;
			pfd[2].events = POLLIN;
			nfds = 3;
		}
		/* Wake now and then to notice outside writes; at once
		   while the feed list has counting left to do. */
		timeout = ui.refresh_pid > 0 ? 250 : 1000;
		if (busy)
			timeout = 0;
		if (poll(pfd, (nfds_t)nfds, timeout) == -1 && errno != EINTR)
			break;
		if (pfd[1].revents & POLLIN)
			while (read(sigpipe_fds[0], drain, sizeof(drain)) > 0)
				continue;
		if (nfds == 3 && (pfd[2].revents & (POLLIN | POLLHUP)))
			ui_refresh_read(&ui);
		if (pfd[0].revents & (POLLHUP | POLLERR))
			break;
		if (pfd[0].revents & POLLIN)
			read_keys(&ui);
		if (ui.quit)
			break;
		if (ui.refresh_pid > 0)
			ui_refresh_reap(&ui);
		auto_reload(&ui, false);
		ui_podboat_tick(&ui);
		check_data_version(&ui);
		/* One step at a time: a key press is never kept waiting
		   for more than one query feed's count, and the screen
		   that answers it is drawn before the next count. */
		busy = ui.dirty ? true : ui_feeds_work(&ui);
	}
	ui_feeds_finish(&ui);
	while (ui.view != NULL) {
		struct ui_view *v = ui.view;

		ui.view = v->parent;
		v->ops->free(v);
	}
	endwin();
	if (ui.key_log != NULL)
		fclose(ui.key_log);
	/* A refresh still running finishes on its own (see
	   ui_refresh_start): it holds the lock and commits as it goes. */
	if (ui.refresh_fd != -1)
		close(ui.refresh_fd);
	restore_signals();
	buf_free(&ui.refresh_out);
	ui_histories_save(&ui);
	ui_history_free(&ui.search_history);
	ui_history_free(&ui.cmdline_history);
	free(ui.pcomp_base);
	ui_hl_free(&ui);
	ui_history_free(&ui.tag_history);
	ui_history_free(&ui.number_history);
	ui_history_free(&ui.filter_history);
	free(ui.ptext);
	free(ui.tag);
	free(ui.search_feed_title);
	free(ui.save_file);
	ui_osc8_clear(&ui);
	return (0);
}
