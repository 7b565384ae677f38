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
	X(ERROR, "error")

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
	int		 text_width;		/* 0: the window's width */
	int		 keymap_preset;		/* enum keymap_preset */
	bool		 goto_next_feed;	/* n/p/^K cross feeds */
	bool		 toggle_jumps_next;	/* N then moves down */
	bool		 toggle_jumps_next_unread;
	char		*save_path;		/* s saves there */
	struct conf_color colors[CONF_NELEMENTS];
};

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
