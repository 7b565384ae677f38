/*
 * ui_int.h: what the ui*.c files share (curses lives only here).
 *
 * The screen: a title line (row 0), the view's body, an optional line of
 * key hints and the status line (last row), which doubles as the prompt.
 * Views form a stack (feed list, article list, article, ...); each view
 * implements struct ui_view_ops.  Views read windows of rows from the
 * store as they are drawn, never whole item tables.
 */
#ifndef GAZETTE_UI_INT_H
#define GAZETTE_UI_INT_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "buf.h"
#include "conf.h"
#include "format.h"
#include "keymap.h"

struct store;
struct store_item_row;
struct store_where;
struct search_query;
struct html_doc;
struct ui;
struct ui_view;

/* Drawing roles: an attribute (always) and a colour pair (if any). */
enum ui_role {
	UI_NORMAL = 0,
	UI_FOCUS,
	UI_UNREAD,
	UI_FOCUS_UNREAD,
	UI_INFO,
	UI_TITLE,
	UI_HINT,
	UI_ARTICLE,
	UI_MATCH,
	UI_ERROR,
	UI_END_OF_TEXT,		/* the ~ filler lines below an article */
	UI_HINT_KEY,		/* the parts of the hint line (else hint) */
	UI_HINT_DELIM,
	UI_HINT_SEP,
	UI_HINT_DESC,
	UI_NROLES
};

/* What a view's title gives the *-title-format settings (ui_format.c). */
struct ui_title {
	struct format_args a;	/* %N and %V are set; the view adds its own */
	char	 unread[24];	/* storage for %u and %t */
	char	 total[24];
	char	*url;		/* storage for a censored URL (freed) */
};

struct ui_view_ops {
	enum keymap_context ctx;
	/* The title line text (plain, unsanitised is fine), and the values
	   of newsboat's title formats. */
	void	(*title)(struct ui *, struct ui_view *, struct buf *,
		    struct ui_title *);
	/* Draw the body: rows top .. top + rows - 1. */
	void	(*draw)(struct ui *, struct ui_view *, int top, int rows);
	/* Handle an action; false if the view does not know it. */
	bool	(*action)(struct ui *, struct ui_view *, enum keymap_action,
		    long count);
	/* The database changed (another process, or a write of ours). */
	void	(*reload)(struct ui *, struct ui_view *);
	/* The link 'y' copies and 'o' opens, or NULL (borrowed). */
	const char *(*link)(struct ui *, struct ui_view *);
	/* A digit in the article view; may be NULL. */
	bool	(*digit)(struct ui *, struct ui_view *, int n);
	/* Search matches are highlighted (n/N walk them); may be NULL. */
	bool	(*has_matches)(struct ui_view *);
	void	(*free)(struct ui_view *);
};

struct ui_view {
	const struct ui_view_ops *ops;
	struct ui_view	*parent;	/* the view below on the stack */
};

/* The scrolling state of a list. */
struct ui_list {
	size_t	count;
	size_t	sel;
	size_t	top;
};

/* One line editor for prompts, with history. */
typedef void (*ui_prompt_fn)(struct ui *, const char *text, void *arg);

struct ui_osc8 {
	int	 y;
	int	 x;
	char	*text;	/* sanitised, as drawn */
	char	*url;
};

struct ui_history {
	char	**lines;
	size_t	  n;
	size_t	  max;		/* lines kept; 0: 100 */
};

/* Tab on the prompt: the i-th completion of line (fresh), or NULL. */
typedef char *(*ui_complete_fn)(struct ui *, const char *line, size_t i);

struct ui {
	struct conf	*cfg;
	struct store	*store;
	const char	*urls_path;
	const char	*db_path;
	const char	*config_path;
	struct ui_view	*view;		/* top of the stack */
	bool		 quit;
	bool		 utf8;		/* the locale is UTF-8 */
	bool		 colour;
	attr_t		 attrs[UI_NROLES];
	short		 pairs[UI_NROLES];
	int64_t		 data_version;
	int64_t		 index_version;	/* search_data_version */
	char		 status[512];	/* sanitised, shown until next key */
	bool		 status_error;
	long		 count;		/* typed count, 0 for none */
	bool		 has_count;
	bool		 show_read_feeds;
	bool		 show_read_items;
	/* The orders in force (ui_sort.c; from the config at start). */
	int		 article_sort;	/* enum store_sort */
	bool		 article_asc;
	int		 feed_sort;	/* enum conf_feed_sort */
	bool		 feed_asc;
	char		*tag;		/* feed list filter, or NULL */
	/* The prompt, when active. */
	bool		 prompting;
	char		 prompt_label[128];
	uint32_t	*ptext;
	size_t		 plen;
	size_t		 pcap;
	size_t		 pcursor;
	struct ui_history *phist;
	size_t		 phist_at;
	ui_prompt_fn	 pfn;
	void		*parg;
	ui_complete_fn	 pcomplete;	/* Tab, or NULL */
	char		*pcomp_base;	/* the line Tab completes */
	size_t		 pcomp_i;	/* the next completion */
	/* The article save is writing, and where (ui_save.c). */
	int64_t		 save_id;
	char		*save_file;
	/* A one-key question (ui_confirm), when asked. */
	ui_prompt_fn	 confirm_fn;
	void		*confirm_arg;
	bool		 confirm_raw;	/* ui_ask_key: fn gets the key */
	struct ui_history search_history;
	int64_t		 search_feed_id;	/* the search being typed */
	char		*search_feed_title;
	struct ui_history tag_history;
	struct ui_history number_history;
	struct ui_history filter_history;
	struct ui_history cmdline_history;
	bool		 started;	/* run-on-startup ran */
	/* A refresh running as a child process. */
	pid_t		 refresh_pid;
	int64_t		 next_reload;	/* auto-reload's next, UNIX s */
	int		 refresh_fd;	/* its stderr, or -1 */
	struct buf	 refresh_out;
	int64_t		 refresh_started;
	bool		 refresh_one;	/* one feed (r), not all (R) */
	/* OSC 8 hyperlinks to emit after the next refresh. */
	struct ui_osc8	*osc8;
	size_t		 nosc8;
	/* macro-prefix was pressed: the next key names a macro. */
	bool		 macro_pending;
	/* A macro's toggle-article-read "read" (1) or "unread" (-1): the
	   article is set so, not toggled; 0 otherwise. */
	int		 set_read;
	struct ui_hl	*hl;		/* ui_highlight.c */
	/* The first screen only, for bench/startup. */
	bool		 exit_after_draw;
	FILE		*key_log;	/* GAZETTE_KEY_LOG: bench/ui-keys */
	double		 key_t0;	/* when the keys being answered came */
	bool		 dirty;
};

/* ui.c: the view stack and the event loop. */
void	 ui_push(struct ui *ui, struct ui_view *view);
void	 ui_pop(struct ui *ui);
/* Put view nv where old is on the stack (the views above it now sit on
 * nv) and free old. */
void	 ui_replace(struct ui *ui, struct ui_view *old, struct ui_view *nv);
/* Reload every view on the stack (after a write of ours). */
void	 ui_reload_all(struct ui *ui);

/* Run an action as its key would (ui.c), with a count (0: none). */
void	 ui_run_action(struct ui *ui, enum keymap_action a, long count);
/* ui_macro.c: run the macro on key (after macro-prefix). */
void	 ui_macro_key(struct ui *ui, int key);
/* Run n commands (word vectors) as a macro does; false if one failed
 * (the status line says why). */
bool	 ui_macro_run(struct ui *ui, char ***cmds, size_t n);

/* ui_draw.c: the screen, drawing primitives, OSC 8, colours. */
/* Sanitise s, fit it in exactly width cells at (y, x) with role. */
void	 ui_put(struct ui *ui, int y, int x, int width, const char *s,
	    enum ui_role role);
/* Draw n bytes of already sanitised text at the cursor, with role. */
void	 ui_addn(struct ui *ui, const char *s, size_t n, attr_t attr);
attr_t	 ui_attr(struct ui *ui, enum ui_role role);
attr_t	 ui_conf_attrs(unsigned attrs);
/* With osc8-links: re-emit text drawn at (y, x) as a hyperlink to url
 * once the screen is up to date. */
void	 ui_osc8_add(struct ui *ui, int y, int x, const char *text,
	    size_t len, const char *url);
void	 ui_osc8_clear(struct ui *ui);
/* Format a date for lists (the datetime-format setting, local time). */
void	 ui_date(struct ui *ui, int64_t t, char *out, size_t size);
/* Draw the whole screen (the top view, hints, status line or prompt). */
void	 ui_draw(struct ui *ui);
/* The drawing roles from the configuration's colours (after initscr). */
void	 ui_setup_roles(struct ui *ui);

/* ui_format.c: newsboat's format strings on screen. */
/* The title line: the view's *-title-format if set, else gazette's. */
void	 ui_title_line(struct ui *ui, struct buf *t);
/* Set %u and %t of a title. */
void	 ui_title_counts(struct ui_title *ti, int64_t unread, int64_t total);
/* Draw fmt expanded with a as row y of the screen, with attr and the
 * highlight patterns of where (ui_highlight.c). */
void	 ui_put_format(struct ui *ui, int y, const char *fmt,
	    const struct format_args *a, attr_t attr, enum conf_hl_kind where);

/* ui_prompt.c: the status line and the prompt. */
void	 ui_set_status(struct ui *ui, bool error, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
void	 ui_prompt(struct ui *ui, const char *label, struct ui_history *h,
	    const char *initial, ui_prompt_fn fn, void *arg);
/* Ask a yes/no question on the status line: the next key answers, y or
 * Y calling fn with "y", any other key with "n". */
void	 ui_confirm(struct ui *ui, const char *question, ui_prompt_fn fn,
	    void *arg);
/* Ask a question on the status line that the next key answers: fn
 * gets that key as a one-character string when it is printable ASCII,
 * else "". */
void	 ui_ask_key(struct ui *ui, const char *question, ui_prompt_fn fn,
	    void *arg);
/* Tab on the prompt just opened completes with fn. */
void	 ui_prompt_complete(struct ui *ui, ui_complete_fn fn);
/* Answer the prompt just opened with text, as if typed then ENTER;
 * false when no prompt is open. */
bool	 ui_prompt_answer(struct ui *ui, const char *text);
/* A key while the prompt is active. */
void	 ui_prompt_key(struct ui *ui, int key);

/* ui_history.c: the prompts' history, and the search and command line
 * histories kept between runs (history-limit lines). */
void	 ui_history_add(struct ui_history *h, const char *line);
void	 ui_history_free(struct ui_history *h);
void	 ui_histories_load(struct ui *ui);
void	 ui_histories_save(struct ui *ui);

/* ui_cmdline.c: newsboat's command line (':') and run-on-startup. */
/* A setting changed (set, a macro; NULL: source): follow it. */
void	 ui_setting_changed(struct ui *ui, const char *name);
void	 ui_cmdline_open(struct ui *ui);
/* Run one command line ("set ...", "quit", "42"...). */
void	 ui_cmdline_run(struct ui *ui, const char *line);
/* run-on-startup, once, after the first screen. */
void	 ui_cmdline_startup(struct ui *ui);

/* ui_link.c: the browser and the clipboard (OSC 52). */
void	 ui_open_url(struct ui *ui, const char *url);
void	 ui_copy_url(struct ui *ui, const char *url);

/* ui_refresh.c: refreshing in a child process. */
void	 ui_refresh_start(struct ui *ui, const char *feed_url);
/* R: every feed, or with reload-only-visible-feeds those listed. */
void	 ui_refresh_all(struct ui *ui);
/* Read what the child wrote to its stderr so far. */
void	 ui_refresh_read(struct ui *ui);
/* Did the child end?  Report its last line. */
void	 ui_refresh_reap(struct ui *ui);
/* Show how many feeds are done (a refresh of every feed). */
void	 ui_refresh_progress(struct ui *ui);

/* ui_list.c */
void	 ui_list_init(struct ui_list *l, size_t count);
void	 ui_list_set_count(struct ui_list *l, size_t count, int rows);
void	 ui_list_select(struct ui_list *l, size_t i, int rows);
/* Movement actions (up, down, pages, home, end) with a count. */
bool	 ui_list_action(struct ui_list *l, enum keymap_action a, long count,
	    int rows);
/* ui_scroll.c: scrolloff and wrap-scroll (ui_scroll_setup at start). */
void	 ui_scroll_setup(const struct conf *cfg);
size_t	 ui_scroll_margin(size_t rows);
long	 ui_scroll_wrap(size_t sel, size_t count, long delta);
/* Rows of the body area. */
int	 ui_body_rows(struct ui *ui);

/* The views. */
struct ui_view *ui_feeds_new(struct ui *ui);
struct ui_view *ui_items_new(struct ui *ui, int64_t feed_id,
	    const char *feed_title);
/* The articles of every feed that meet a filter expression (a query
 * feed; expr is compiled again, the view owns it). */
struct ui_view *ui_items_new_query(struct ui *ui, const char *expr,
	    const char *title);
/* Open an article; list is the view to step through with J/K (or NULL),
 * q may be NULL (no highlighting; borrowed). */
struct ui_view *ui_article_new(struct ui *ui, int64_t item_id,
	    struct ui_view *list, const struct search_query *q);
/* The list of doc's links (copied). */
struct ui_view *ui_urls_new(struct ui *ui, const struct html_doc *doc);
struct ui_view *ui_help_new(struct ui *ui, enum keymap_context ctx);
/* Start a search (asks for the query); feed_id 0: every feed. */
void	 ui_search_start(struct ui *ui, int64_t feed_id,
	    const char *feed_title);
/* The results of a search query feed ("query:NAME:search:WORDS"). */
void	 ui_search_open(struct ui *ui, const char *text, const char *name);

/* For the article view's J/K: the item id next to the current one in a
 * list view (items or search), 0 if none; moves the list's selection. */
int64_t	 ui_items_step(struct ui *ui, struct ui_view *list, int dir,
	    bool unread_only);
int64_t	 ui_search_step(struct ui *ui, struct ui_view *list, int dir);
bool	 ui_is_items(const struct ui_view *v);
bool	 ui_is_search(const struct ui_view *v);
/* The feed selected in the feed list view (0 if none). */
int64_t	 ui_feeds_selected(struct ui *ui, struct ui_view *v);
bool	 ui_is_feeds(const struct ui_view *v);
/* Move the feed list's selection from feed `from' to the next (dir 1) or
 * previous feed shown, optionally only one with unread articles; its id
 * (0 if none) and name (borrowed until the list reloads). */
int64_t	 ui_feeds_step(struct ui *ui, struct ui_view *v, int64_t from,
	    int dir, bool unread_only, const char **name);
/* Select the next entry of the feed list (round from the top) whose
 * name contains text, case aside; its name, or NULL if none. */
const char *ui_feeds_find(struct ui *ui, struct ui_view *v,
	    const char *text);
/* The URLs of the feeds the feed list v shows (*urls freed by the
 * caller, borrowed strings valid until it reloads), or SIZE_MAX when it
 * shows every feed (*urls NULL). */
size_t	 ui_feeds_shown_urls(struct ui *ui, struct ui_view *v,
	    const char ***urls);
/* Select feed id in the feed list; its name, or NULL if not listed. */
const char *ui_feeds_goto(struct ui *ui, struct ui_view *v, int64_t id);

/* ui_items_nav.c: moving between feeds and to random unread articles,
 * from the article list (list) or the article view on top of it.  The
 * list view is replaced when the move crosses into another feed (*listp
 * is then the new one); the article reached, 0 if none (with a status
 * message).  Crossing selects the first (pick 1) or last (-1) unread
 * article of the feed reached, or its first one (0). */
int64_t	 ui_items_cross(struct ui *ui, struct ui_view **listp, int dir,
	    bool unread_only, int pick);
int64_t	 ui_items_random(struct ui *ui, struct ui_view **listp);
/* ui_items.c, for the above: select the article id, or the first (dir 1)
 * or last (dir -1) unread one; the id selected, 0 if none. */
int64_t	 ui_items_select(struct ui *ui, struct ui_view *list, int64_t id,
	    int dir);
int64_t	 ui_items_feed(const struct ui_view *list);
/* mark-as-read-on-hover, before the screen is drawn. */
void	 ui_items_hover(struct ui *ui);
/* The article view's cached read state changed (keeps n/p honest). */
void	 ui_items_set_read(struct ui_view *list, int64_t id, bool read);
/* ui_sort.c: the sort and rev-sort actions (asks for the field, then
 * reloads the lists); feeds: the feed list's order, else the articles'. */
void	 ui_sort_ask(struct ui *ui, bool feeds, bool reverse);
/* A feed list entry as the feed orders see it. */
struct ui_feed_key {
	const char	*title;
	const char	*firsttag;	/* NULL: no tag */
	int64_t		 total;
	int64_t		 unread;
	int64_t		 latest;	/* newest article's date */
	size_t		 order;		/* in the urls file */
};
/* newsboat's comparison for feed-sort-order field and direction. */
int	 ui_sort_feed_cmp(const struct ui_feed_key *a,
	    const struct ui_feed_key *b, int field, bool asc);
/* ui_highlight.c: highlight-article and highlight (after
 * ui_setup_roles; ui_hl_free at the end). */
void	 ui_hl_setup(struct ui *ui);
void	 ui_hl_free(struct ui *ui);
/* out[k]: the attribute of the first highlight-article rule ids[k]
 * meets, 0 for none (asks the store about these ids only). */
void	 ui_hl_articles(struct ui *ui, const int64_t *ids, size_t n,
	    attr_t *out);
/* Are there highlight patterns for where (a CONF_HL_* location)? */
bool	 ui_hl_has(struct ui *ui, enum conf_hl_kind where);
/* marks[k]: the attribute of byte k of s (base, or a pattern's). */
void	 ui_hl_marks(struct ui *ui, enum conf_hl_kind where, const char *s,
	    size_t len, attr_t base, attr_t *marks);
/* ui_addn with where's patterns coloured (s already sanitised). */
void	 ui_hl_addn(struct ui *ui, enum conf_hl_kind where, const char *s,
	    size_t n, attr_t base);
/* ui_put with attribute attr and where's patterns coloured. */
void	 ui_hl_put(struct ui *ui, int y, int x, int width, const char *s,
	    attr_t attr, enum conf_hl_kind where);
/* Show only the articles of list that meet expr (NULL: every one again);
 * -1 with msg (size bytes) saying where expr does not parse. */
int	 ui_items_set_filter(struct ui *ui, struct ui_view *list,
	    const char *expr, char *msg, size_t size);
/* ui_filter.c: set-filter asks for an expression, select-filter lists
 * the config's define-filter lines (a view) for list. */
void	 ui_filter_ask(struct ui *ui, struct ui_view *list);
void	 ui_filter_choose(struct ui *ui, struct ui_view *list);
/* ui_save.c: save an article as text under save-path (asks first when
 * the file exists). */
void	 ui_save_article(struct ui *ui, int64_t item_id);
/* The article as save writes it (header, text, links) to fp. */
int	 ui_article_text(struct ui *ui, int64_t item_id, FILE *fp,
	    struct err *err);
/*
 * ui_extern.c: newsboat's edit-urls (the urls file in $VISUAL or
 * $EDITOR, then read again), reload-urls and pipe-to (the article's
 * text to a command typed at the prompt, on its standard input).
 */
void	 ui_edit_urls(struct ui *ui);
void	 ui_pipe_article(struct ui *ui, int64_t item_id);
/* Hand the terminal to sh -c command sh args..., in (-1: the terminal)
   its standard input; its exit status, or -1 with err. */
int	 ui_extern_run(struct ui *ui, const char *command,
	    const char *const *args, size_t nargs, int in, struct err *err);
/*
 * ui_viewer.c: newsboat's pager (true: the article went to it, marked
 * read, and needs no view), external-url-viewer (true: the links went
 * to it) and html-renderer (the article's HTML rendered by it, with
 * gazette's numbered links after its text; NULL: render it yourself).
 */
bool	 ui_viewer_pager(struct ui *ui, int64_t item_id,
	    struct ui_view *list);
struct html_doc;
bool	 ui_viewer_urls(struct ui *ui, const struct html_doc *doc);
struct html_opts;
struct html_doc *ui_viewer_doc(struct ui *ui, const char *html,
	    const struct html_opts *opts);
/* newsboat's bookmark: bookmark-cmd with URL, title, description and
   feed title (asked for first unless bookmark-autopilot). */
void	 ui_bookmark_article(struct ui *ui, int64_t item_id);
/* ui_podcast.c: newsboat's enqueue (the article's podcasts into the
 * download queue). */
void	 ui_enqueue_article(struct ui *ui, int64_t item_id);
/* ui_podboat.c: the downloads view (V), podboat's keys; the tick reads
 * the queue again while it is shown and reaps its download. */
void	 ui_podboat_open(struct ui *ui);
void	 ui_podboat_tick(struct ui *ui);
/* ui_extern.c: run sh -c command sh arg with the terminal (the screen
 * given up, then drawn again); its exit status, or -1 with err. */
int	 ui_run_terminal(struct ui *ui, const char *command, const char *arg,
	    struct err *err);
/* ui_flags.c: newsboat's edit-flags, on the prompt line. */
void	 ui_edit_flags(struct ui *ui, int64_t item_id);
/*
 * ui_delete.c: newsboat's delete-article, delete-all-articles and
 * purge-deleted.  An article list keeps the articles marked deleted (D
 * in its flags column) until purge-deleted or until it is left, when
 * they are deleted for good (store_items_delete).
 */
struct ui_deleted {
	int64_t	*ids;
	size_t	 n;
	size_t	 alloc;
};
bool	 ui_deleted_has(const struct ui_deleted *d, int64_t id);
/* Delete the marked articles for good; quiet: no status message. */
void	 ui_deleted_purge(struct ui *ui, struct ui_deleted *d, bool quiet);
/* The actions above in view v; false if v has nothing to do with a. */
bool	 ui_delete_action(struct ui *ui, struct ui_view *v,
	    enum keymap_action a);
/* ui_bulk.c: mark-all-above-as-read, open-all-unread-in-browser(-and-
 * mark-read), save-all and toggle-source-view (ui_source.c); false if
 * a is not one of them. */
bool	 ui_bulk_action(struct ui *ui, struct ui_view *v,
	    enum keymap_action a);
struct ui_view *ui_source_new(struct ui *ui, int64_t item_id);
/* ui_items.c, for the above: the marks of list, its row count, selected
 * row and row i (NULL past the end; valid until the list moves), the
 * condition of its rows (NULL: every article of its feed). */
struct ui_deleted *ui_items_deleted(struct ui_view *list);
size_t	 ui_items_count(const struct ui_view *list);
size_t	 ui_items_sel(const struct ui_view *list);
const struct store_item_row *ui_items_row(struct ui *ui,
	    struct ui_view *list, size_t i);
void	 ui_items_select_at(struct ui *ui, struct ui_view *list, size_t i);
const struct store_where *ui_items_where(const struct ui_view *list);
/* ui_article.c: the article shown (0 if v is no article view) and the
 * list it was opened from. */
int64_t	 ui_article_id(const struct ui_view *v);
struct ui_view *ui_article_list(const struct ui_view *v);
/* ui_save.c: save-all's side of save. */
/* The file name save gives an article titled title (newly allocated). */
char	*ui_save_name(const char *title);
/* "~" and "~/..." against $HOME (newly allocated). */
char	*ui_save_expand(const char *path);
int	 ui_save_write(struct ui *ui, int64_t id, const char *path,
	    struct err *err);
/* Read the urls file again now (ui_feeds.c), whether it changed or not. */
void	 ui_feeds_reload_urls(struct ui *ui);
/* Work for the idle loop (query feed counts, an edited urls file); true
 * while more is left. */
bool	 ui_feeds_work(struct ui *ui);
void	 ui_feeds_finish(struct ui *ui);

#endif
