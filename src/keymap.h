/*
 * keymap: key names, actions and the bindings in force per view.
 *
 * Every action is declared once in KEYMAP_ACTIONS with its newsboat-style
 * name and help text; the help view lists the bindings actually in force
 * by walking that list.  The default bindings are written in config-file
 * syntax (bind-key KEY ACTION [CONTEXT]) and go through the same parser
 * as the user's config, so the defaults and the parser cannot disagree.
 *
 * Keys are ints: a Unicode code point for a printable key, 1-26 for ^A-^Z,
 * 27 for ESC, or one of the KEYMAP_KEY_* codes above the Unicode range for
 * special keys.  This module knows nothing about curses; ui.c translates.
 */
#ifndef GAZETTE_KEYMAP_H
#define GAZETTE_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "err.h"

/* X(ENUM, "name", "help") */
#define KEYMAP_ACTIONS(X) \
	X(OPEN, "open", "open the selected feed or article") \
	X(QUIT, "quit", "go back; quit from the feed list") \
	X(HARD_QUIT, "hard-quit", "quit gazette at once") \
	X(HELP, "help", "show the keys in force") \
	X(UP, "up", "move up") \
	X(DOWN, "down", "move down") \
	X(PAGE_UP, "pageup", "move up a page") \
	X(PAGE_DOWN, "pagedown", "move down a page") \
	X(HALF_UP, "halfpageup", "move up half a page") \
	X(HALF_DOWN, "halfpagedown", "move down half a page") \
	X(HOME, "home", "go to the first entry") \
	X(END, "end", "go to the last entry") \
	X(NEXT, "next", "go to the next entry") \
	X(PREV, "prev", "go to the previous entry") \
	X(NEXT_UNREAD, "next-unread", \
	    "go to the next unread article, in the next feed if need be") \
	X(PREV_UNREAD, "prev-unread", \
	    "go to the previous unread article, in the previous feed if need be") \
	X(NEXT_UNREAD_FEED, "next-unread-feed", \
	    "go to the next feed with unread articles") \
	X(PREV_UNREAD_FEED, "prev-unread-feed", \
	    "go to the previous feed with unread articles") \
	X(NEXT_FEED, "next-feed", "go to the next feed") \
	X(PREV_FEED, "prev-feed", "go to the previous feed") \
	X(RANDOM_UNREAD, "random-unread", "go to a random unread article") \
	X(RELOAD, "reload", "refresh the selected feed") \
	X(RELOAD_ALL, "reload-all", "refresh every feed") \
	X(TOGGLE_READ, "toggle-article-read", \
	    "mark the article read or unread, then go to the next one") \
	X(TOGGLE_FLAG, "toggle-flagged", "flag or unflag the article") \
	X(SAVE, "save", "save the article as text (see save-path)") \
	X(MARK_FEED_READ, "mark-feed-read", "mark every article of the feed read") \
	X(MARK_ALL_READ, "mark-all-feeds-read", "mark every article read") \
	X(OPEN_BROWSER, "open-in-browser", "open the link in the browser") \
	X(OPEN_BROWSER_READ, "open-in-browser-and-mark-read", \
	    "open the link in the browser and mark the article read") \
	X(GOTO_URL, "goto-url", "open a numbered link (asks for the number)") \
	X(SHOW_URLS, "show-urls", "list the links of the article") \
	X(COPY_URL, "copy-url", "copy the link to the clipboard (OSC 52)") \
	X(SEARCH, "open-search", "search every feed") \
	X(SEARCH_FEED, "open-search-feed", "search the current feed only") \
	X(NEXT_MATCH, "next-match", "jump to the next search match") \
	X(PREV_MATCH, "prev-match", "jump to the previous search match") \
	X(SET_TAG, "set-tag", "show only the feeds with a tag") \
	X(CLEAR_TAG, "clear-tag", "show the feeds of every tag") \
	X(TOGGLE_READ_FEEDS, "toggle-show-read-feeds", \
	    "show or hide feeds without unread articles") \
	X(TOGGLE_READ_ITEMS, "toggle-show-read-articles", \
	    "show or hide read articles") \
	X(SHOW_ERROR, "show-error", "show why the feed's last refresh failed") \
	X(EDIT_URLS, "edit-urls", \
	    "edit the urls file in $VISUAL or $EDITOR, then read it again") \
	X(RELOAD_URLS, "reload-urls", "read the urls file again") \
	X(PIPE_TO, "pipe-to", "pipe the article's text to a command") \
	X(BOOKMARK, "bookmark", "bookmark the article with bookmark-cmd") \
	X(EDIT_FLAGS, "edit-flags", "edit the article's flags (a-z, A-Z)") \
	X(REDRAW, "redraw", "redraw the screen") \
	X(MACRO_PREFIX, "macro-prefix", \
	    "run a macro of the config: the next key names it") \
	X(SORT, "sort", "choose the list's order (ascending)") \
	X(REV_SORT, "rev-sort", "choose the list's order (descending)") \
	X(SET_FILTER, "set-filter", \
	    "show only the articles that meet a filter (asks for it)") \
	X(SELECT_FILTER, "select-filter", \
	    "choose a filter of the config's define-filter lines") \
	X(CLEAR_FILTER, "clear-filter", "show every article again") \
	X(CMDLINE, "cmdline", "open the command line (set, source, exec...)") \
	X(DELETE_ARTICLE, "delete-article", \
	    "mark the article deleted (again: undelete); gone once purged") \
	X(DELETE_ALL, "delete-all-articles", \
	    "mark every article of the list deleted (asks first)") \
	X(PURGE_DELETED, "purge-deleted", \
	    "remove the articles marked deleted for good") \
	X(MARK_ABOVE_READ, "mark-all-above-as-read", \
	    "mark the articles above the selected one read") \
	X(OPEN_ALL_UNREAD, "open-all-unread-in-browser", \
	    "open the links of the feed's unread articles in the browser") \
	X(OPEN_ALL_UNREAD_READ, "open-all-unread-in-browser-and-mark-read", \
	    "the same, marking them read") \
	X(SAVE_ALL, "save-all", \
	    "save every article of the feed as text into a directory") \
	X(TOGGLE_SOURCE, "toggle-source-view", \
	    "show the article's source text, or its rendering again") \
	X(ENQUEUE, "enqueue", \
	    "put the article's podcast in the download queue") \
	X(VIEW_DOWNLOADS, "view-downloads", \
	    "show the download queue (podboat's view)") \
	X(PB_DOWNLOAD, "pb-download", "download the selected podcast") \
	X(PB_CANCEL, "pb-cancel", "stop the download running") \
	X(PB_PLAY, "pb-play", "play the selected podcast with the player") \
	X(PB_MARK_FINISHED, "pb-mark-as-finished", \
	    "mark the selected podcast finished") \
	X(PB_DELETE, "pb-delete", "remove the selected podcast from the queue") \
	X(PB_PURGE, "pb-purge", "remove the played and finished podcasts") \
	X(PB_TOGGLE_DL_ALL, "pb-toggle-download-all", \
	    "download every queued podcast, or stop") \
	X(PB_INCREASE_MAX_DLS, "pb-increase-max-dls", \
	    "download one more file at once") \
	X(PB_DECREASE_MAX_DLS, "pb-decrease-max-dls", \
	    "download one file less at once") \
	X(ONE, "one", "open link 1") \
	X(TWO, "two", "open link 2") \
	X(THREE, "three", "open link 3") \
	X(FOUR, "four", "open link 4") \
	X(FIVE, "five", "open link 5") \
	X(SIX, "six", "open link 6") \
	X(SEVEN, "seven", "open link 7") \
	X(EIGHT, "eight", "open link 8") \
	X(NINE, "nine", "open link 9") \
	X(ZERO, "zero", "open link 10")

/*
 * newsboat's documented actions that gazette does not have: bind-key
 * accepts them (with one warning per action at start-up) and the key
 * then says what gazette does instead of running whatever it was bound
 * to before.  X(ENUM, "name", "what gazette does instead").
 */
#define KEYMAP_MISSING_YET "gazette has no such action yet"
#define KEYMAP_MISSING_DIALOGS "gazette's views are one stack (feed " \
	"list, article list, article, ...): q goes back to the view below, " \
	"there are no dialogs to list or switch between"
#define KEYMAP_MISSING(X) \
	X(OPEN_NONINTERACTIVE, "open-in-browser-noninteractively", \
	    KEYMAP_MISSING_YET) \
	X(VIEW_DIALOGS, "view-dialogs", KEYMAP_MISSING_DIALOGS) \
	X(CLOSE_DIALOG, "close-dialog", KEYMAP_MISSING_DIALOGS \
	    " (q closes the view on top)") \
	X(NEXT_DIALOG, "next-dialog", KEYMAP_MISSING_DIALOGS) \
	X(PREV_DIALOG, "prev-dialog", KEYMAP_MISSING_DIALOGS) \
	X(SWITCH_FOCUS, "switch-focus", "gazette has no file or directory " \
	    "browser (newsboat's only use of it): save and save-all take " \
	    "the path on the prompt line") \
	X(GOTO_TITLE, "goto-title", KEYMAP_MISSING_YET) \
	X(ARTICLE_FEED, "article-feed", KEYMAP_MISSING_YET)

enum keymap_action {
	KEYMAP_NONE = 0,
#define KEYMAP_ENUM(e, n, h) KEYMAP_##e,
	KEYMAP_ACTIONS(KEYMAP_ENUM)
#undef KEYMAP_ENUM
	KEYMAP_NACTIONS,	/* the actions above are implemented */
#define KEYMAP_MISSING_ENUM(e, n, h) KEYMAP_##e,
	KEYMAP_MISSING(KEYMAP_MISSING_ENUM)
#undef KEYMAP_MISSING_ENUM
	KEYMAP_NALL
};

/* The views a binding applies to; newsboat's context names. */
enum keymap_context {
	KEYMAP_CTX_ALL = 0,	/* "all": every view */
	KEYMAP_CTX_FEEDS,	/* "feedlist" */
	KEYMAP_CTX_ITEMS,	/* "articlelist" */
	KEYMAP_CTX_ARTICLE,	/* "article" */
	KEYMAP_CTX_SEARCH,	/* "searchresults" */
	KEYMAP_CTX_URLS,	/* "urlview" */
	KEYMAP_CTX_HELP,	/* "help" */
	KEYMAP_CTX_FILTERS,	/* "filterselection" */
	KEYMAP_CTX_PODBOAT,	/* "podboat": the downloads */
	KEYMAP_NCONTEXTS,	/* the views above exist */
	/* newsboat's dialogs that gazette does not have (bindings kept,
	 * never looked up). */
	KEYMAP_CTX_TAGS = KEYMAP_NCONTEXTS,	/* "tagselection" */
	KEYMAP_CTX_DIALOGS,	/* "dialogs" */
	KEYMAP_CTX_DIRBROWSER,	/* "dirbrowser" */
	KEYMAP_CTX_FILEBROWSER,	/* "filebrowser" */
	KEYMAP_NALLCONTEXTS
};

enum keymap_preset {
	KEYMAP_PRESET_NEWSBOAT = 0,
	KEYMAP_PRESET_VI
};

#define KEYMAP_KEY_BASE		0x110000
#define KEYMAP_KEY_UP		(KEYMAP_KEY_BASE + 1)
#define KEYMAP_KEY_DOWN		(KEYMAP_KEY_BASE + 2)
#define KEYMAP_KEY_LEFT		(KEYMAP_KEY_BASE + 3)
#define KEYMAP_KEY_RIGHT	(KEYMAP_KEY_BASE + 4)
#define KEYMAP_KEY_PPAGE	(KEYMAP_KEY_BASE + 5)
#define KEYMAP_KEY_NPAGE	(KEYMAP_KEY_BASE + 6)
#define KEYMAP_KEY_HOME		(KEYMAP_KEY_BASE + 7)
#define KEYMAP_KEY_END		(KEYMAP_KEY_BASE + 8)
#define KEYMAP_KEY_ENTER	(KEYMAP_KEY_BASE + 9)
#define KEYMAP_KEY_BACKSPACE	(KEYMAP_KEY_BASE + 10)
#define KEYMAP_KEY_DELETE	(KEYMAP_KEY_BASE + 11)
#define KEYMAP_KEY_INSERT	(KEYMAP_KEY_BASE + 12)
#define KEYMAP_KEY_F0		(KEYMAP_KEY_BASE + 20)	/* F1 is F0 + 1 */
#define KEYMAP_KEY_F(n)		(KEYMAP_KEY_F0 + (n))
#define KEYMAP_KEY_MAX		(KEYMAP_KEY_F0 + 12)
#define KEYMAP_KEY_ESC		27
#define KEYMAP_KEY_TAB		9
#define KEYMAP_CTRL(c)		((c) & 0x1f)

struct keymap_binding {
	enum keymap_context	context;
	int			key;
	enum keymap_action	action;	/* KEYMAP_NONE: unbound here */
};

struct keymap {
	struct keymap_binding	*bindings;
	size_t			 n;
	size_t			 alloc;
	enum keymap_preset	 preset;
	/* Missing actions already warned about (once each). */
	bool			 warned[KEYMAP_NALL];
	bool			 warned_ctx[KEYMAP_NALLCONTEXTS];
};

/* Initialise with newsboat's defaults; keymap_free releases. */
void	keymap_init(struct keymap *km);
void	keymap_free(struct keymap *km);
/* Switch to a preset: reapplies the defaults, then the preset's keys. */
void	keymap_set_preset(struct keymap *km, enum keymap_preset preset);

/* The action for a key in a view (a binding for the view wins over one
 * for every view); KEYMAP_NONE when unbound. */
enum keymap_action keymap_lookup(const struct keymap *km,
	    enum keymap_context ctx, int key);

/* Bind or unbind; ctx KEYMAP_CTX_ALL replaces the key in every view. */
void	keymap_bind(struct keymap *km, enum keymap_context ctx, int key,
	    enum keymap_action action);
void	keymap_unbind(struct keymap *km, enum keymap_context ctx, int key);

/* The config commands: argv are the words after "bind-key" or
 * "unbind-key".  -1 with a message in err on a bad key, action or
 * context, and the first time a missing action is bound (the binding is
 * made all the same: the message is a warning). */
int	keymap_bind_words(struct keymap *km, int argc,
	    const char *const *argv, struct err *err);
int	keymap_unbind_words(struct keymap *km, int argc,
	    const char *const *argv, struct err *err);

/* Names. */
int	keymap_key_parse(const char *name);	/* -1 when not a key */
/* The key's name into b ("j", "ENTER", "^L", "PPAGE", "SPACE"). */
void	keymap_key_name(int key, struct buf *b);
enum keymap_action keymap_action_parse(const char *name); /* NONE if bad */
/* An action gazette has (not one of newsboat's KEYMAP_MISSING, whose
 * help says what gazette does instead). */
bool	keymap_action_implemented(enum keymap_action action);
const char *keymap_action_name(enum keymap_action action);
const char *keymap_action_help(enum keymap_action action);
int	keymap_context_parse(const char *name);	/* -1 when unknown */
const char *keymap_context_name(enum keymap_context ctx);

/* The names of the keys that run action in view ctx, comma-separated,
 * into b; returns how many keys. */
size_t	keymap_keys_for(const struct keymap *km, enum keymap_context ctx,
	    enum keymap_action action, struct buf *b);

#endif
