/*
 * conf: the interface's settings, in newsboat's config syntax.
 *
 * One line per setting: "option value", "bind-key KEY ACTION [CONTEXT]",
 * "unbind-key KEY [CONTEXT]" or "color ELEMENT FG BG [ATTR...]".  Words
 * are separated by blanks; "double" or 'single' quotes keep blanks in a
 * word (backslash escapes \" \\ inside double quotes); a word starting
 * with '#' outside quotes starts a comment.  Every option is declared
 * once in the table in config.c (type, default, help); man/gazette.conf.5
 * documents that table and a unit test keeps the two in step.
 *
 * A bad line is a warning naming file and line; the others still apply.
 * Only a regular file of at most CONF_MAX_FILE bytes is read; a line
 * longer than CONF_MAX_LINE is a warning and ignored; at most
 * USERFILE_MAX_WARNINGS warnings are given for a file, then a count.
 */
#ifndef GAZETTE_CONF_H
#define GAZETTE_CONF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "err.h"
#include "keymap.h"

#define CONF_MAX_FILE	(4u * 1024 * 1024)
#define CONF_MAX_LINE	(64u * 1024)

/* Display elements "color" can set (newsboat's names). */
#define CONF_ELEMENTS(X) \
	X(LISTNORMAL, "listnormal") \
	X(LISTFOCUS, "listfocus") \
	X(LISTNORMAL_UNREAD, "listnormal_unread") \
	X(LISTFOCUS_UNREAD, "listfocus_unread") \
	X(INFO, "info") \
	X(TITLE, "title") \
	X(HINT, "hint") \
	X(ARTICLE, "article") \
	X(MATCH, "search_match") \
	X(ERROR, "error") \
	X(BACKGROUND, "background") \
	X(END_OF_TEXT, "end-of-text-marker") \
	X(HINT_KEY, "hint-key") \
	X(HINT_KEYS_DELIMITER, "hint-keys-delimiter") \
	X(HINT_SEPARATOR, "hint-separator") \
	X(HINT_DESCRIPTION, "hint-description")

enum conf_element {
#define CONF_ELEMENT_ENUM(e, n) CONF_EL_##e,
	CONF_ELEMENTS(CONF_ELEMENT_ENUM)
#undef CONF_ELEMENT_ENUM
	CONF_NELEMENTS
};

#define CONF_ATTR_BOLD	0x01u
#define CONF_ATTR_UNDERLINE	0x02u
#define CONF_ATTR_REVERSE	0x04u
#define CONF_ATTR_STANDOUT	0x08u
#define CONF_ATTR_BLINK	0x10u
#define CONF_ATTR_DIM		0x20u
#define CONF_ATTR_INVIS	0x40u
#define CONF_ATTR_PROTECT	0x80u

#define CONF_COLOR_DEFAULT	(-1)

struct conf_color {
	bool		set;	/* a "color" line named this element */
	int		fg;	/* 0-255 or CONF_COLOR_DEFAULT */
	int		bg;
	unsigned	attrs;	/* CONF_ATTR_* */
};

/*
 * A newsboat line gazette accepts but does not apply: where it is and
 * what gazette does instead (a static text).
 */
struct conf_skip {
	char		*file;
	unsigned	 line;
	char		*what;		/* "notify-program", "bind-key ^X sort" */
	const char	*instead;
};

/*
 * A macro, "macro KEY COMMAND [; COMMAND...] [-- DESCRIPTION]"
 * (conf_macro.c): run by the macro-prefix key, then KEY.  A command is
 * "set OPTION VALUE..." or an action's name.
 */
struct conf_macro {
	int		  key;
	char		***cmds;	/* NULL-terminated word vectors */
	size_t		  n;
	char		 *desc;		/* or NULL */
};

#define CONF_MAX_MACROS	1000

/*
 * A highlight-article line (a filter expression), or a highlight line
 * (a regular expression and where it applies).
 */
enum conf_hl_kind {
	CONF_HL_ARTICLES,	/* highlight-article */
	CONF_HL_FEEDLIST,	/* highlight feedlist */
	CONF_HL_ARTICLELIST,	/* highlight articlelist */
	CONF_HL_ARTICLE,	/* highlight article */
	CONF_HL_ALL		/* highlight all */
};
struct conf_hl {
	enum conf_hl_kind kind;
	char		*pattern;
	struct conf_color color;
};
#define CONF_MAX_HLS	256	/* lines kept; more is an error */
/* define-filter NAME EXPR */
struct conf_filter {
	char	*name;
	char	*expr;
};

struct killfile;

/* The settings every Google Reader API service has: NAME-url, ... */
struct conf_sync {
	char		*url;
	char		*login;
	char		*password;
	char		*passwordfile;
	char		*passwordeval;
	int		 min_items;
	char		*flag_star;
	bool		 show_special_feeds;
};

#define CONF_MAX_INCLUDE	8	/* include depth */
#define CONF_MAX_SKIPS	1000	/* kept; the rest only counted */

struct conf {
	struct keymap	 keymap;
	char		*browser;		/* "" = $BROWSER, else xdg-open */
	char		*text_browsers;		/* programs given the terminal */
	char		*datetime_format;
	bool		 refresh_on_startup;
	bool		 show_read_feeds;
	bool		 show_read_articles;
	bool		 osc52;
	bool		 osc8_links;
	bool		 show_keymap_hint;
	bool		 confirm_mark_all;
	int		 max_items;		/* 0: no limit */
	int		 max_browser_tabs;	/* open-all-unread-in-browser */
	int		 text_width;		/* 0: the window's width */
	int		 keymap_preset;		/* enum keymap_preset */
	bool		 confirm_exit;
	bool		 auto_reload;
	int		 reload_time;		/* minutes */
	bool		 suppress_first_reload;
	/* The fetcher (gazette refresh reads them too). */
	int		 reload_threads;	/* 0: gazette's default */
	int		 download_timeout;	/* seconds; 0: default */
	int		 download_retries;	/* attempts in all */
	char		*user_agent;		/* "": gazette/VERSION */
	bool		 use_proxy;
	char		*proxy;			/* host:port or URL */
	char		*proxy_auth;		/* user:password */
	int		 proxy_type;		/* enum conf_proxy_type */
	/* More of newsboat's fetcher settings (fetch_opts.h). */
	int		 max_download_speed;	/* KiB/s; 0: no limit */
	int		 http_auth_method;	/* FETCH_AUTH_NAMES index */
	int		 proxy_auth_method;
	char		*cookie_cache;		/* "": cookies not kept */
	char		*always_download;	/* feed URLs, blank-separated */
	char		*reset_unread_on_update;	/* the same */
	char		*error_log;		/* "": none */
	/* The user's own programs (ui_viewer.c); "internal": gazette's. */
	char		*external_url_viewer;	/* "": u lists links inside */
	char		*pager;
	char		*html_renderer;
	bool		 goto_next_feed;	/* n/p/^K cross feeds */
	bool		 toggle_jumps_next;	/* N then moves down */
	bool		 toggle_jumps_next_unread;
	char		*save_path;		/* s saves there */
	/* Deleting for good (store_cleanup.c), as newsboat does. */
	bool		 cleanup_on_quit;	/* gone feeds, on quit */
	bool		 delete_read_on_quit;	/* read, unflagged, on quit */
	int		 keep_articles_days;	/* on refresh; 0: keep all */
	/* newsboat's format strings (format.h); "": gazette's own line. */
	char		*feedlist_format;
	char		*articlelist_format;
	char		*feedlist_title_format;
	char		*articlelist_title_format;
	char		*itemview_title_format;
	char		*searchresult_title_format;
	char		*urlview_title_format;
	char		*help_title_format;
	/* After a refresh (notify.h). */
	char		*notify_program;
	char		*notify_format;
	bool		 notify_always;
	bool		 notify_beep;
	char		*bookmark_cmd;		/* ^B runs it; "": none */
	bool		 bookmark_interactive;	/* it gets the terminal */
	bool		 bookmark_autopilot;	/* no prompts */
	int		 article_sort_order;	/* see conf_article_sort */
	int		 feed_sort_order;	/* see conf_feed_sort */
	struct conf_color colors[CONF_NELEMENTS];
	struct conf_macro *macros;
	size_t		 n_macros;
	struct conf_hl	*hls;			/* in the order read */
	size_t		 n_hls;
	/* Sync with a Google Reader API server (sync.h). */
	char		*urls_source;		/* "local", "freshrss", ... */
	/* Each service's NAME-* settings (sync_service.h). */
	struct conf_sync freshrss;	/* greader too */
	struct conf_sync inoreader;	/* url: gazette's, the real host */
	char		*inoreader_app_id;
	char		*inoreader_app_key;
	struct conf_sync oldreader;	/* url: gazette's, the real host */
	struct conf_sync feedhq;
	/* Filters (conf_filters.c): ignore-article, define-filter. */
	struct killfile	*killfile;		/* NULL: no rules */
	int		 ignore_mode;		/* enum conf_ignore_mode */
	struct conf_filter *filters;
	size_t		 n_filters;
	bool		 prepopulate_query_feeds;
	/* The command line (ui_cmdline.c) and the prompts' history. */
	int		 history_limit;		/* lines kept in files */
	char		*run_on_startup;	/* "OP; OP ..." */
	/* newsboat's list and screen settings (ui_scroll.c, ui_draw.c). */
	bool		 wrap_scroll;		/* lists wrap at their ends */
	int		 scrolloff;		/* rows kept around the cursor */
	bool		 mark_read_on_hover;	/* selecting marks read */
	bool		 goto_first_unread;	/* a feed opens on it */
	bool		 browser_jumps_next_unread;	/* after O */
	bool		 show_title_bar;
	bool		 swap_title_and_hints;
	bool		 always_display_description;
	bool		 reload_only_visible;	/* R: the feeds listed */
	/* Podcasts (podcast.h). */
	char		*player;		/* "": none */
	char		*download_path;
	char		*download_filename_format;
	int		 max_downloads;
	bool		 podcast_auto_enqueue;
	bool		 delete_played_files;
	char		*podlist_format;

	/* What loading found, for the start-up warning and check-config. */
	unsigned	 n_lines;		/* command lines read */
	unsigned	 n_applied;
	unsigned	 n_errors;		/* warned about, not applied */
	struct conf_skip *skips;		/* at most CONF_MAX_SKIPS */
	size_t		 n_skips;		/* all of them, even past it */
	struct conf_skip *diffs;		/* applied, differently */
	size_t		 n_diffs;		/* as n_skips */
	char		*incl[CONF_MAX_INCLUDE];	/* files being read */
	int		 n_incl;
};

enum conf_proxy_type {
	CONF_PROXY_HTTP, CONF_PROXY_HTTPS, CONF_PROXY_SOCKS4,
	CONF_PROXY_SOCKS4A, CONF_PROXY_SOCKS5, CONF_PROXY_SOCKS5H
};

/* feed-sort-order's fields, in the option's order. */
enum conf_feed_sort {
	CONF_FSORT_FIRSTTAG, CONF_FSORT_TITLE, CONF_FSORT_ARTICLES,
	CONF_FSORT_UNREAD, CONF_FSORT_UPDATED, CONF_FSORT_NONE
};
/*
 * The sort orders: the field (enum store_sort's order for articles, enum
 * conf_feed_sort for feeds) and the direction, newsboat's default when
 * the value names none (articles: desc for date, asc for the others;
 * feeds: desc).
 */
void	conf_article_sort(const struct conf *cfg, int *field, bool *asc);
void	conf_feed_sort(const struct conf *cfg, int *field, bool *asc);
/* An article-sort-order value read the same way; -1 if unknown. */
int	conf_article_sort_parse(const char *value, int *field, bool *asc);

/*
 * "FG [BG [ATTR...]]" (argv[0] is FG) into c; cmd names the command in
 * errors.  A missing BG is "default".
 */
int	conf_color_parse(const char *cmd, int argc, char **argv,
	    struct conf_color *c, struct err *err);
/* A highlight-article or highlight line (conf_highlight.c), argv[0]
 * the command. */
int	conf_highlight_words(struct conf *cfg, int argc, char **argv,
	    struct err *err);
enum conf_ignore_mode { CONF_IGNORE_DOWNLOAD, CONF_IGNORE_DISPLAY };

/*
 * conf_filters.c: apply an ignore-article or define-filter line (0, or
 * -1 with err); 2 when argv[0] is neither.  conf_filters_free releases
 * what they built.
 */
int	conf_filter_words(struct conf *cfg, int argc, char **argv,
	    struct err *err);
void	conf_filters_free(struct conf *cfg);

/* Called once per warning; msg has no file or line in it. */
typedef void (*conf_warn_fn)(void *arg, const char *file,
    unsigned line, const char *msg);

/* Defaults; conf_free releases. */
void	conf_init(struct conf *cfg);
void	conf_free(struct conf *cfg);

/*
 * Read a config file.  A missing file is fine unless must_exist; an
 * unreadable one (or not a regular file, or too large) is -1 with err
 * set.  Bad lines go to warn (may be NULL)
 * and do not stop the rest.  Returns 0 or -1.
 */
int	conf_load(struct conf *cfg, const char *path, bool must_exist,
	    conf_warn_fn warn, void *arg, struct err *err);
/* One line of text (no newline needed); returns 0, or -1 after warning. */
int	conf_parse_line(struct conf *cfg, const char *file,
	    unsigned line, const char *text, conf_warn_fn warn, void *arg);
/* Set one option by name from its text value; -1 with err if bad. */
int	conf_set(struct conf *cfg, const char *name, const char *value,
	    struct err *err);

/*
 * Split a line into words (the quoting described above).  *argvp gets a
 * NULL-terminated array the caller frees with conf_words_free.  -1 with
 * err on an unterminated quote.
 */
int	conf_split_words(const char *line, int *argcp, char ***argvp,
	    struct err *err);
void	conf_words_free(char **argv);

/*
 * The proxy the fetcher should use: NULL when use-proxy is off (the
 * environment's then), else a fresh "TYPE://HOST:PORT" string.
 */
char	*conf_proxy_url(const struct conf *cfg);

/*
 * newsboat's commands gazette accepts without applying
 * (conf_newsboat.c): what gazette does instead, or NULL when name is
 * not one of them.  For "color", the element; for "bind-key", the
 * action.
 */
const char *conf_newsboat_instead(const char *name);
const char *conf_newsboat_element_instead(const char *element);
/* The value of a command that asks for what gazette does anyway. */
const char *conf_newsboat_same(const char *name);
const char *conf_newsboat_action_instead(const char *action);
const char *conf_newsboat_context_instead(const char *context);
/*
 * The lines not applied, grouped by command, one call each with
 * "command (FILE:LINE, ...): what gazette does instead" (not sanitised:
 * file names are the user's).
 */
typedef void (*conf_line_fn)(void *arg, const char *line);
void	conf_skips_each(const struct conf *cfg, conf_line_fn fn, void *arg);
/* The same for n lines of k (total counted), grouped by their what. */
void	conf_lines_each(const struct conf_skip *k, size_t n, size_t total,
	    conf_line_fn fn, void *arg);
/*
 * conf_differs.c: newsboat's commands gazette applies with a difference
 * on purpose.  conf_differs_note records an applied line that is one
 * (in cfg->diffs, with what differs); conf_differs_each groups them as
 * conf_skips_each does.
 */
void	conf_differs_note(struct conf *cfg, const char *file, unsigned line,
	    int argc, char **argv);
void	conf_differs_each(const struct conf *cfg, conf_line_fn fn, void *arg);
void	conf_differs_free(struct conf *cfg);

/* conf_macro.c: a "macro" line (its text, for the ';' between the
 * commands); 0, or -1 with err. */
int	conf_macro_line(struct conf *cfg, const char *text, struct err *err);
/* The macro on key, or NULL. */
const struct conf_macro *conf_macro_find(const struct conf *cfg, int key);
void	conf_macros_free(struct conf *cfg);
/* Option name's value as the config writes it into out (appended,
 * unquoted); -1 if there is no such option. */
int	conf_get(const struct conf *cfg, const char *name, struct buf *out);
/* conf_dump.c: the configuration in force, as config lines (newsboat's
 * dumpconfig); 0, or -1 on a write error. */
int	conf_dump(const struct conf *cfg, FILE *fp);
/* Is name an option of the table (set accepts it)? */
bool	conf_option_known(const char *name);

/* The option table, for the help text and the man page test. */
struct conf_option_info {
	const char	*name;
	const char	*type;		/* "bool", "number", "text", "enum" */
	const char	*defval;
	const char	*help;
};
size_t	conf_options_count(void);
const struct conf_option_info *conf_option_at(size_t i);
const char *conf_element_name(enum conf_element el);

#endif
