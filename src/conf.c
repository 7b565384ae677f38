/* conf: the interface's settings (newsboat syntax). */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "conf.h"
#include "fetch_opts.h"
#include "userfile.h"
#include "xmalloc.h"

_Static_assert(CONF_MAX_LINE == 64 * 1024, "the message says 64 KiB");

/* OPT_LIST: text each line adds to, blank-separated. */
enum opt_type { OPT_BOOL, OPT_INT, OPT_STRING, OPT_ENUM, OPT_LIST };

struct opt {
	struct conf_option_info info;
	enum opt_type	 type;
	size_t		 offset;
	int		 min, max;		/* OPT_INT */
	const char *const *values;		/* OPT_ENUM, NULL-terminated */
	bool		 nonempty;		/* OPT_STRING: "" is an error */
	/* Called after the value is stored. */
	void		(*apply)(struct conf *cfg);
};

static const char *const keymap_values[] = { "newsboat", "vi", NULL };
/* In enum conf_ignore_mode's order. */
static const char *const ignore_modes[] = { "download", "display", NULL };
static const char *const auth_methods[] = { FETCH_AUTH_NAMES, NULL };
/* In enum conf_proxy_type's order. */
static const char *const proxy_types[] = { "http", "https", "socks4",
    "socks4a", "socks5", "socks5h", NULL };

/* FIELD, FIELD-asc, FIELD-desc for each field, in the enums' order. */
#define SORT_VALUES(f) f, f "-asc", f "-desc"
static const char *const article_sorts[] = { SORT_VALUES("date"),
    SORT_VALUES("title"), SORT_VALUES("flags"), SORT_VALUES("author"),
    SORT_VALUES("link"), SORT_VALUES("guid"), NULL };
static const char *const feed_sorts[] = { SORT_VALUES("firsttag"),
    SORT_VALUES("title"), SORT_VALUES("articlecount"),
    SORT_VALUES("unreadarticlecount"), SORT_VALUES("lastupdated"),
    SORT_VALUES("none"), NULL };
#undef SORT_VALUES

static void
article_sort_of(int v, int *field, bool *asc)
{
	*field = v / 3;
	switch (v % 3) {
	case 1:
		*asc = true;
		break;
	case 2:
		*asc = false;
		break;
	default:
		*asc = *field != 0;	/* date: desc */
		break;
	}
}

void
conf_article_sort(const struct conf *cfg, int *field, bool *asc)
{
	article_sort_of(cfg->article_sort_order, field, asc);
}

int
conf_article_sort_parse(const char *value, int *field, bool *asc)
{
	int i;

	for (i = 0; article_sorts[i] != NULL; i++) {
		if (strcmp(article_sorts[i], value) == 0) {
			article_sort_of(i, field, asc);
			return (0);
		}
	}
	return (-1);
}

void
conf_feed_sort(const struct conf *cfg, int *field, bool *asc)
{
	*field = cfg->feed_sort_order / 3;
	*asc = cfg->feed_sort_order % 3 == 1;
}

static void
apply_keymap(struct conf *cfg)
{
	keymap_set_preset(&cfg->keymap, (enum keymap_preset)cfg->keymap_preset);
}

#define OFF(f)	offsetof(struct conf, f)

/* One row per type: the type's name in the man page follows its kind. */
#define BOOL_OPT(name, def, field, help) \
	{ { name, "bool", def, help }, OPT_BOOL, OFF(field), 0, 0, NULL, \
	    false, NULL }
#define INT_OPT(name, def, field, min, max, help) \
	{ { name, "number", def, help }, OPT_INT, OFF(field), min, max, \
	    NULL, false, NULL }
#define TEXT_OPT(name, def, field, nonempty, help) \
	{ { name, "text", def, help }, OPT_STRING, OFF(field), 0, 0, NULL, \
	    nonempty, NULL }
#define LIST_OPT(name, field, help) \
	{ { name, "text", "", help }, OPT_LIST, OFF(field), 0, 0, NULL, \
	    false, NULL }
#define ENUM_OPT(name, def, field, values, apply, help) \
	{ { name, "enum", def, help }, OPT_ENUM, OFF(field), 0, 0, values, \
	    false, apply }

/*
 * A sync service's rows after SVC-url (written out: its default and help
 * are its own), for struct conf_sync SVC, NAME the service in the help.
 * freshrss's rows are written out too: their help is the one these refer
 * to.  Two macros, as Inoreader's app-id and app-key come in between.
 */
#define SYNC_LOGIN_OPTS(svc, name) \
	TEXT_OPT(#svc "-login", "", svc.login, false, \
	    "The login on " name "."), \
	TEXT_OPT(#svc "-password", "", svc.password, false, \
	    "The password on " name " (better: " #svc "-passwordfile or " \
	    #svc "-passwordeval)."), \
	TEXT_OPT(#svc "-passwordfile", "", svc.passwordfile, false, \
	    "A file whose first line is the password; ~ is your home."), \
	TEXT_OPT(#svc "-passwordeval", "", svc.passwordeval, false, \
	    "A command (run with sh -c) whose first line of output is the " \
	    "password.")
#define SYNC_FEED_OPTS(svc, name) \
	INT_OPT(#svc "-min-items", "20", svc.min_items, 0, INT_MAX, \
	    "As freshrss-min-items, for " name "."), \
	TEXT_OPT(#svc "-flag-star", "", svc.flag_star, false, \
	    "As freshrss-flag-star, for " name "."), \
	BOOL_OPT(#svc "-show-special-feeds", "yes", svc.show_special_feeds, \
	    "As freshrss-show-special-feeds, for " name ".")

/* Every option, once: the man page and conf_init follow this table. */
static const struct opt options[] = {
	TEXT_OPT("browser", "", browser, false,
	    "Command that opens a link; %u stands for the URL (appended "
	    "when absent).  With shell syntax it runs under sh -c, the URL "
	    "passed as \"$1\".  Empty: $BROWSER, else w3m, lynx, elinks, "
	    "links, xdg-open."),
	TEXT_OPT("text-browsers", "w3m lynx elinks links", text_browsers, false,
	    "Programs (by name) that run in the terminal: gazette steps "
	    "aside and waits for them.  Other browsers are detached with "
	    "their output silenced."),
	BOOL_OPT("refresh-on-startup", "no", refresh_on_startup,
	    "Refresh every feed when the interface starts."),
	BOOL_OPT("show-read-feeds", "yes", show_read_feeds,
	    "List feeds without unread articles (toggle with l)."),
	BOOL_OPT("show-read-articles", "yes", show_read_articles,
	    "List read articles (toggle with L)."),
	INT_OPT("max-items", "0", max_items, 0, INT_MAX,
	    "Show at most this many articles per feed, newest first; "
	    "0 shows them all."),
	INT_OPT("max-browser-tabs", "10", max_browser_tabs, 0, INT_MAX,
	    "open-all-unread-in-browser opens at most this many articles; "
	    "0: every unread one."),
	BOOL_OPT("cleanup-on-quit", "yes", cleanup_on_quit,
	    "On quitting the interface, delete the feeds no longer in the "
	    "urls file with all their articles, flagged ones too, as "
	    "gazette cleanup does."),
	BOOL_OPT("delete-read-articles-on-quit", "no", delete_read_on_quit,
	    "On quitting the interface, delete every read article that is "
	    "not flagged."),
	INT_OPT("keep-articles-days", "0", keep_articles_days, 0, 1000000,
	    "On refresh, delete the articles older than this many days, "
	    "and do not store older ones, flagged ones kept; 0 keeps "
	    "them all."),
	TEXT_OPT("datetime-format", "%b %d", datetime_format, true,
	    "strftime(3) format of the dates in article lists."),
	ENUM_OPT("keymap", "newsboat", keymap_preset, keymap_values,
	    apply_keymap,
	    "Key preset: newsboat, or vi (g/G first/last, ^D/^U half "
	    "pages, ^F/^B pages).  Put it before any bind-key."),
	BOOL_OPT("osc52", "yes", osc52,
	    "Let y copy the current link to the terminal's clipboard with "
	    "an OSC 52 sequence (works over SSH)."),
	BOOL_OPT("osc8-links", "no", osc8_links,
	    "Emit the links of the article view as OSC 8 hyperlinks for "
	    "terminals that support them."),
	BOOL_OPT("show-keymap-hint", "yes", show_keymap_hint,
	    "Show a line of key hints at the bottom of the screen."),
	BOOL_OPT("confirm-mark-all-feeds-read", "yes", confirm_mark_all,
	    "Ask before C marks every article of every feed read."),
	INT_OPT("text-width", "0", text_width, 0, 10000,
	    "Wrap articles at this many columns; 0 uses the window's "
	    "width."),
	BOOL_OPT("confirm-exit", "no", confirm_exit,
	    "Ask before quitting from the feed list."),
	BOOL_OPT("auto-reload", "no", auto_reload,
	    "Refresh every feed in the background every reload-time "
	    "minutes while the interface runs, as R does."),
	INT_OPT("reload-time", "60", reload_time, 1, 525600,
	    "Minutes between two auto-reload refreshes."),
	BOOL_OPT("suppress-first-reload", "no", suppress_first_reload,
	    "With auto-reload, do not refresh at start-up."),
	INT_OPT("reload-threads", "0", reload_threads, 0, 1024,
	    "Feeds fetched at once; 0: 16 (newsboat's default is 1)."),
	INT_OPT("download-timeout", "0", download_timeout, 0, 86400,
	    "Seconds a feed's transfer may take; 0: 60."),
	INT_OPT("download-retries", "1", download_retries, 1, 100,
	    "Attempts at a feed that fails for a network error or a 5xx "
	    "answer."),
	TEXT_OPT("user-agent", "", user_agent, false,
	    "User-Agent header; empty: gazette/VERSION."),
	BOOL_OPT("use-proxy", "no", use_proxy,
	    "Fetch through the proxy setting (else the environment's "
	    "http_proxy and friends apply)."),
	TEXT_OPT("proxy", "", proxy, false,
	    "Proxy HOST:PORT for use-proxy."),
	TEXT_OPT("proxy-auth", "", proxy_auth, false,
	    "USER:PASSWORD for the proxy."),
	ENUM_OPT("proxy-type", "http", proxy_type, proxy_types, NULL,
	    "http, https, socks4, socks4a, socks5 or socks5h."),
	INT_OPT("max-download-speed", "0", max_download_speed, 0, 1048576,
	    "Fetch each feed at most this many KiB a second; 0: no limit."),
	ENUM_OPT("http-auth-method", "any", http_auth_method, auth_methods,
	    NULL, "How to send a feed URL's USER:PASSWORD@: any (the "
	    "server's choice), basic, digest, digest_ie, gssnegotiate, "
	    "ntlm or anysafe (any but basic)."),
	ENUM_OPT("proxy-auth-method", "any", proxy_auth_method,
	    auth_methods, NULL, "The same for proxy-auth."),
	TEXT_OPT("cookie-cache", "", cookie_cache, false,
	    "File (Netscape format; ~ is your home) the cookies of every "
	    "refresh are read from and written back to."),
	LIST_OPT("always-download", always_download,
	    "Feed URLs fetched in full every time, without the conditional "
	    "request (ETag, Last-Modified); repeat the line for more."),
	LIST_OPT("reset-unread-on-update", reset_unread_on_update,
	    "Feed URLs whose articles become unread again when their "
	    "content changes; repeat the line for more."),
	TEXT_OPT("external-url-viewer", "", external_url_viewer, false,
	    "Program show-urls (u) hands the terminal to, the article's "
	    "links on its standard input, one a line; empty: gazette's own "
	    "link list."),
	TEXT_OPT("pager", "internal", pager, false,
	    "Program the article view is handed to, rendered as text in a "
	    "file: %f stands for its name (else the name is its last "
	    "argument), and the text is its standard input too; empty: "
	    "$PAGER, else more; internal: gazette's own view."),
	TEXT_OPT("html-renderer", "internal", html_renderer, false,
	    "Program that renders an article's HTML, given on its standard "
	    "input; its output (control characters and escapes removed) "
	    "is shown in the article view.  If it fails, gazette's own "
	    "renderer is used and the status line says why."),
	TEXT_OPT("error-log", "", error_log, false,
	    "File every failed feed of a refresh is appended to, as "
	    "newsboat writes it: [DATE TIME] Error while retrieving URL: "
	    "REASON."),
	BOOL_OPT("goto-next-feed", "yes", goto_next_feed,
	    "Let next-unread, prev-unread and random-unread go on into "
	    "other feeds when the current one has no more unread articles."),
	BOOL_OPT("toggleitemread-jumps-to-next", "yes", toggle_jumps_next,
	    "In the article list, toggle-article-read then selects the "
	    "next article."),
	BOOL_OPT("toggleitemread-jumps-to-next-unread", "no",
	    toggle_jumps_next_unread,
	    "In the article list, toggle-article-read then selects the "
	    "next unread article (wins over toggleitemread-jumps-to-next)."),
	TEXT_OPT("save-path", "~/", save_path, true,
	    "Directory where save writes articles; ~ is your home.  If it "
	    "is not a directory, the current directory is used."),
	TEXT_OPT("feedlist-format", "", feedlist_format, false,
	    "newsboat's format of a feed list line (%i %n %t %T %u %U %c "
	    "%l %L %d %S); empty: gazette's own line."),
	TEXT_OPT("articlelist-format", "", articlelist_format, false,
	    "newsboat's format of an article list line (%i %f %n %d %F %D "
	    "%a %t %T %L); empty: gazette's own line."),
	TEXT_OPT("feedlist-title-format", "", feedlist_title_format, false,
	    "Title line of the feed list (%N %V %u %t %T %F); empty: "
	    "gazette's own."),
	TEXT_OPT("articlelist-title-format", "", articlelist_title_format,
	    false, "Title line of an article list (%N %V %u %t %T %U %F); "
	    "empty: gazette's own."),
	TEXT_OPT("itemview-title-format", "", itemview_title_format, false,
	    "Title line of the article view (%N %V %u %t %T %F); empty: "
	    "gazette's own."),
	TEXT_OPT("searchresult-title-format", "", searchresult_title_format,
	    false, "Title line of search results (%N %V %u %t %F); empty: "
	    "gazette's own."),
	TEXT_OPT("urlview-title-format", "", urlview_title_format, false,
	    "Title line of the link list (%N %V); empty: gazette's own."),
	TEXT_OPT("help-title-format", "", help_title_format, false,
	    "Title line of the help (%N %V); empty: gazette's own."),
	TEXT_OPT("notify-program", "", notify_program, false,
	    "Program run after a refresh that brought new articles, the "
	    "notify-format message as its last argument."),
	TEXT_OPT("notify-format", "gazette: finished reload, %f unread feeds "
	    "(%n unread articles total)", notify_format, false,
	    "The message: %n unread articles, %f unread feeds, %d new "
	    "articles, %D feeds with new articles."),
	BOOL_OPT("notify-always", "no", notify_always,
	    "Notify after every refresh, not only those with new articles."),
	BOOL_OPT("notify-beep", "no", notify_beep,
	    "Ring the terminal's bell after a refresh with new articles."),
	TEXT_OPT("bookmark-cmd", "", bookmark_cmd, false,
	    "Command bookmark (^B) runs, under sh -c, with the URL, title, "
	    "description and feed title as its arguments (\"$1\" to "
	    "\"$4\"), never in its text."),
	BOOL_OPT("bookmark-interactive", "no", bookmark_interactive,
	    "Give bookmark-cmd the terminal and wait for it (else its "
	    "first line of output is shown on the status line)."),
	BOOL_OPT("bookmark-autopilot", "no", bookmark_autopilot,
	    "Bookmark without asking for the URL, title, description and "
	    "feed title first."),
	ENUM_OPT("article-sort-order", "date", article_sort_order,
	    article_sorts, NULL,
	    "Order of article lists: date, title, flags, author, link or "
	    "guid, each with -asc or -desc (default: desc for date, asc "
	    "for the others); ties go by date.  g and G choose at run "
	    "time."),
	ENUM_OPT("feed-sort-order", "none", feed_sort_order, feed_sorts,
	    NULL,
	    "Order of the feed list: firsttag, title, articlecount, "
	    "unreadarticlecount, lastupdated or none (the urls file's), "
	    "each with -asc or -desc (default desc), as newsboat orders "
	    "them."),
	TEXT_OPT("urls-source", "local", urls_source, true,
	    "Where feeds come from: local (the urls file), or freshrss, "
	    "greader, inoreader, oldreader or feedhq to sync with a Google "
	    "Reader API server (SYNC in "
	    "gazette(1))."),
	TEXT_OPT("freshrss-url", "", freshrss.url, false,
	    "The server's Google Reader API address, as "
	    "https://HOST/api/greader.php for FreshRSS."),
	TEXT_OPT("freshrss-login", "", freshrss.login, false,
	    "The login on the server."),
	TEXT_OPT("freshrss-password", "", freshrss.password, false,
	    "The API password (better: freshrss-passwordfile or "
	    "freshrss-passwordeval)."),
	TEXT_OPT("freshrss-passwordfile", "", freshrss.passwordfile, false,
	    "A file whose first line is the API password; ~ is your home."),
	TEXT_OPT("freshrss-passwordeval", "", freshrss.passwordeval, false,
	    "A command (run with sh -c) whose first line of output is the "
	    "API password."),
	INT_OPT("freshrss-min-items", "20", freshrss.min_items, 0, INT_MAX,
	    "As in newsboat, the articles loaded of a feed new to the "
	    "sync (its newest); then every new one.  0: all."),
	TEXT_OPT("freshrss-flag-star", "", freshrss.flag_star, false,
	    "A flag letter: as in newsboat, the articles with it are the "
	    "server's starred ones, both ways; empty: flags stay local."),
	BOOL_OPT("freshrss-show-special-feeds", "yes",
	    freshrss.show_special_feeds,
	    "As in newsboat, \"Starred items\" heads the feed list (with "
	    "freshrss-flag-star set)."),
	TEXT_OPT("inoreader-url", "https://www.inoreader.com", inoreader.url,
	    false, "gazette's own: Inoreader's address (for tests and "
	    "mirrors)."),
	SYNC_LOGIN_OPTS(inoreader, "Inoreader"),
	TEXT_OPT("inoreader-app-id", "", inoreader_app_id, false,
	    "The application id Inoreader issued, sent with each request."),
	TEXT_OPT("inoreader-app-key", "", inoreader_app_key, false,
	    "The application key Inoreader issued, sent with each "
	    "request."),
	SYNC_FEED_OPTS(inoreader, "Inoreader"),
	TEXT_OPT("oldreader-url", "https://theoldreader.com", oldreader.url,
	    false, "gazette's own: The Old Reader's address (for tests "
	    "and mirrors)."),
	SYNC_LOGIN_OPTS(oldreader, "The Old Reader"),
	SYNC_FEED_OPTS(oldreader, "The Old Reader"),
	TEXT_OPT("feedhq-url", "https://feedhq.org/", feedhq.url, false,
	    "The FeedHQ instance's address."),
	SYNC_LOGIN_OPTS(feedhq, "FeedHQ"),
	SYNC_FEED_OPTS(feedhq, "FeedHQ"),
	ENUM_OPT("ignore-mode", "download", ignore_mode, ignore_modes, NULL,
	    "What ignore-article does: download (gazette refresh does not "
	    "store the articles it matches) or display (they are stored); "
	    "either way, stored articles it matches are hidden."),
	BOOL_OPT("prepopulate-query-feeds", "no", prepopulate_query_feeds,
	    "Accepted for newsboat: query feeds are always filled and "
	    "counted live."),
	INT_OPT("history-limit", "100", history_limit, 0, 100000,
	    "Lines of search and command line history kept between runs "
	    "(history.search and history.cmdline in gazette's data "
	    "directory); 0 keeps none."),
	TEXT_OPT("run-on-startup", "", run_on_startup, false,
	    "Operations run once the first screen is drawn, separated by "
	    "';', as a macro runs them (actions, set OPTION VALUE)."),
	BOOL_OPT("wrap-scroll", "no", wrap_scroll,
	    "Moving down from the last entry of a list goes to the first, "
	    "and up from the first to the last."),
	INT_OPT("scrolloff", "0", scrolloff, 0, 10000,
	    "Keep this many entries above and below the selected one in "
	    "lists; a large number keeps it in the middle."),
	BOOL_OPT("mark-as-read-on-hover", "no", mark_read_on_hover,
	    "Every article selected in the article list is marked read."),
	BOOL_OPT("goto-first-unread", "no", goto_first_unread,
	    "Select the first unread article when a feed is opened "
	    "(newsboat's default is yes)."),
	BOOL_OPT("openbrowser-and-mark-jumps-to-next-unread", "no",
	    browser_jumps_next_unread,
	    "In the article list, open-in-browser-and-mark-read then "
	    "selects the next unread article."),
	BOOL_OPT("show-title-bar", "yes", show_title_bar,
	    "Show the title line at the top of the screen."),
	BOOL_OPT("swap-title-and-hints", "no", swap_title_and_hints,
	    "Show the key hints at the top and the title at the bottom."),
	BOOL_OPT("always-display-description", "no",
	    always_display_description,
	    "Show an article's description even when the feed also gives "
	    "its full content (takes effect as articles are fetched)."),
	BOOL_OPT("reload-only-visible-feeds", "no", reload_only_visible,
	    "R refreshes only the feeds the feed list shows (when a tag "
	    "or show-read-feeds no hides some)."),
	/* Podcasts: podcast.h, gazette podboat. */
	BOOL_OPT("podcast-auto-enqueue", "no", podcast_auto_enqueue,
	    "gazette refresh puts the audio and video enclosures of new "
	    "articles in the download queue (as e does)."),
	TEXT_OPT("download-path", "~/", download_path, true,
	    "Directory podcasts are downloaded to, with the specifiers of "
	    "download-filename-format; ~ is your home.  Applied when an "
	    "enclosure is queued."),
	TEXT_OPT("download-filename-format", "%?u?%u&%Y-%b-%d-%H%M%S.unknown?",
	    download_filename_format, true,
	    "Name of a downloaded podcast: %u the URL's file name, %n and "
	    "%N the feed's title, %h its host, %t the article's title, %e "
	    "the extension, %F the date as YYYY-MM-DD, %Y %y %m %b %d %H "
	    "%M %S its parts.  Values from the feed lose any / and leading "
	    "dot or dash."),
	INT_OPT("max-downloads", "1", max_downloads, 1, 100,
	    "Podcasts gazette podboat downloads at once."),
	TEXT_OPT("player", "", player, false,
	    "Command that plays a downloaded podcast; it runs under sh -c "
	    "with the file's path appended as \"$1\"."),
	TEXT_OPT("podlist-format",
	    "%4i [%6dMB/%6tMB] [%5p %%] [%12K] %-20S %u \xe2\x86\x92 %F",
	    podlist_format, false,
	    "A line of the downloads view (V): %i index, %d MB on disk, %t "
	    "MB in all (once whole), %p percent, %k KB/s, %K speed, %S "
	    "status, %u URL, %F path, %b file name."),
	BOOL_OPT("delete-played-files", "no", delete_played_files,
	    "Delete the file of a podcast when gazette podboat --purge "
	    "removes its played or finished entry from the queue."),
};

#define NOPTIONS	(sizeof(options) / sizeof(options[0]))

static const char *const element_names[CONF_NELEMENTS] = {
#define CONF_ELEMENT_NAME(e, n) n,
	CONF_ELEMENTS(CONF_ELEMENT_NAME)
#undef CONF_ELEMENT_NAME
};

static const char *const color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"
};

static const struct {
	const char	*name;
	unsigned	 bit;
} attr_names[] = {
	{ "bold", CONF_ATTR_BOLD },
	{ "underline", CONF_ATTR_UNDERLINE },
	{ "reverse", CONF_ATTR_REVERSE },
	{ "standout", CONF_ATTR_STANDOUT },
	{ "blink", CONF_ATTR_BLINK },
	{ "dim", CONF_ATTR_DIM },
	{ "invis", CONF_ATTR_INVIS },
	{ "protect", CONF_ATTR_PROTECT },
};

size_t
conf_options_count(void)
{
	return (NOPTIONS);
}

const struct conf_option_info *
conf_option_at(size_t i)
{
	return (i < NOPTIONS ? &options[i].info : NULL);
}

const char *
conf_element_name(enum conf_element el)
{
	if ((int)el < 0 || el >= CONF_NELEMENTS)
		return ("");
	return (element_names[el]);
}

static const struct opt *
find_option(const char *name)
{
	size_t i;

	for (i = 0; i < NOPTIONS; i++)
		if (strcmp(options[i].info.name, name) == 0)
			return (&options[i]);
	return (NULL);
}

int
conf_get(const struct conf *cfg, const char *name, struct buf *out)
{
	const struct opt *o;
	const char *base;
	bool b;
	int n;

	if ((o = find_option(name)) == NULL)
		return (-1);
	base = (const char *)cfg + o->offset;
	switch (o->type) {
	case OPT_BOOL:
		memcpy(&b, base, sizeof(b));
		(void)buf_addstr(out, b ? "yes" : "no");
		break;
	case OPT_INT:
		memcpy(&n, base, sizeof(n));
		(void)buf_addf(out, "%d", n);
		break;
	case OPT_STRING:
	case OPT_LIST:
		(void)buf_addstr(out, *(char *const *)(const void *)base);
		break;
	case OPT_ENUM:
		memcpy(&n, base, sizeof(n));
		(void)buf_addstr(out, o->values[n]);
		break;
	}
	return (0);
}

bool
conf_option_known(const char *name)
{
	return (find_option(name) != NULL);
}

static int
parse_bool(const char *v, bool *out)
{
	if (strcasecmp(v, "yes") == 0 || strcasecmp(v, "true") == 0 ||
	    strcasecmp(v, "on") == 0 || strcmp(v, "1") == 0)
		*out = true;
	else if (strcasecmp(v, "no") == 0 || strcasecmp(v, "false") == 0 ||
	    strcasecmp(v, "off") == 0 || strcmp(v, "0") == 0)
		*out = false;
	else
		return (-1);
	return (0);
}

static int
parse_int(const char *v, int min, int max, int *out)
{
	char *end;
	long n;

	if (v[0] == '\0' || v[0] == ' ')
		return (-1);
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || *end != '\0' || n < min || n > max)
		return (-1);
	*out = (int)n;
	return (0);
}

static int
set_option(struct conf *cfg, const struct opt *o, const char *value,
    struct err *err)
{
	char *base = (char *)cfg + o->offset;
	struct buf lb;
	char **sp;
	bool b;
	int n, i;

	switch (o->type) {
	case OPT_BOOL:
		if (parse_bool(value, &b) < 0) {
			err_set(err, ERR_CONFIG, "%s: expected yes or no, "
			    "not '%s'", o->info.name, value);
			return (-1);
		}
		memcpy(base, &b, sizeof(b));
		break;
	case OPT_INT:
		if (parse_int(value, o->min, o->max, &n) < 0) {
			err_set(err, ERR_CONFIG, "%s: expected a number "
			    "from %d to %d, not '%s'", o->info.name, o->min,
			    o->max, value);
			return (-1);
		}
		memcpy(base, &n, sizeof(n));
		break;
	case OPT_STRING:
		if (o->nonempty && value[0] == '\0') {
			err_set(err, ERR_CONFIG, "%s: must not be empty",
			    o->info.name);
			return (-1);
		}
		sp = (char **)(void *)base;
		free(*sp);
		*sp = xstrdup(value);
		break;
	case OPT_LIST:
		sp = (char **)(void *)base;
		if (*sp == NULL || (*sp)[0] == '\0' || value[0] == '\0') {
			free(*sp);
			*sp = xstrdup(value);
		} else {
			buf_init(&lb, CONF_MAX_FILE);
			(void)buf_addf(&lb, "%s %s", *sp, value);
			free(*sp);
			*sp = buf_detach(&lb);
			buf_free(&lb);
		}
		break;
	case OPT_ENUM:
		for (i = 0; o->values[i] != NULL; i++)
			if (strcmp(o->values[i], value) == 0)
				break;
		if (o->values[i] == NULL) {
			err_set(err, ERR_CONFIG, "%s: unknown value '%s'",
			    o->info.name, value);
			return (-1);
		}
		memcpy(base, &i, sizeof(i));
		break;
	}
	if (o->apply != NULL)
		o->apply(cfg);
	return (0);
}

int
conf_set(struct conf *cfg, const char *name, const char *value,
    struct err *err)
{
	const struct opt *o;

	if ((o = find_option(name)) == NULL) {
		err_set(err, ERR_CONFIG, "unknown option '%s'", name);
		return (-1);
	}
	return (set_option(cfg, o, value, err));
}

void
conf_init(struct conf *cfg)
{
	size_t i;

	memset(cfg, 0, sizeof(*cfg));
	keymap_init(&cfg->keymap);
	for (i = 0; i < NOPTIONS; i++)
		if (set_option(cfg, &options[i], options[i].info.defval,
		    NULL) < 0)
			abort();	/* a bad default in the table */
	for (i = 0; i < CONF_NELEMENTS; i++) {
		cfg->colors[i].set = false;
		cfg->colors[i].fg = cfg->colors[i].bg = CONF_COLOR_DEFAULT;
		cfg->colors[i].attrs = 0;
	}
}

void
conf_free(struct conf *cfg)
{
	size_t i;
	char **sp;

	for (i = 0; i < NOPTIONS; i++) {
		if (options[i].type != OPT_STRING &&
		    options[i].type != OPT_LIST)
			continue;
		sp = (char **)(void *)((char *)cfg + options[i].offset);
		free(*sp);
		*sp = NULL;
	}
	keymap_free(&cfg->keymap);
	conf_macros_free(cfg);
	for (i = 0; i < cfg->n_hls; i++)
		free(cfg->hls[i].pattern);
	free(cfg->hls);
	cfg->hls = NULL;
	cfg->n_hls = 0;
	conf_filters_free(cfg);
	for (i = 0; i < cfg->n_skips && i < CONF_MAX_SKIPS; i++) {
		free(cfg->skips[i].file);
		free(cfg->skips[i].what);
	}
	free(cfg->skips);
	cfg->skips = NULL;
	cfg->n_skips = 0;
	conf_differs_free(cfg);
}

char *
conf_proxy_url(const struct conf *cfg)
{
	struct buf b;
	char *s;

	if (!cfg->use_proxy || cfg->proxy[0] == '\0')
		return (NULL);
	buf_init(&b, BUF_CAP_TEXT);
	if (strstr(cfg->proxy, "://") == NULL)
		(void)buf_addf(&b, "%s://", proxy_types[cfg->proxy_type]);
	(void)buf_addstr(&b, cfg->proxy);
	s = buf_detach(&b);
	buf_free(&b);
	return (s);
}

static void
add_skip(struct conf *cfg, const char *file, unsigned line,
    const char *what, const char *instead)
{
	struct conf_skip *k;

	if (cfg->n_skips < CONF_MAX_SKIPS) {
		cfg->skips = xreallocarray(cfg->skips, cfg->n_skips + 1,
		    sizeof(*cfg->skips));
		k = &cfg->skips[cfg->n_skips];
		k->file = xstrdup(file);
		k->line = line;
		k->what = xstrdup(what);
		k->instead = instead;
	}
	cfg->n_skips++;
}

static int
parse_color(const char *v, int *out)
{
	size_t i;
	int n;

	if (strcmp(v, "default") == 0) {
		*out = CONF_COLOR_DEFAULT;
		return (0);
	}
	for (i = 0; i < sizeof(color_names) / sizeof(color_names[0]); i++) {
		if (strcmp(v, color_names[i]) == 0) {
			*out = (int)i;
			return (0);
		}
	}
	if (strncmp(v, "color", 5) == 0 && parse_int(v + 5, 0, 255, &n) == 0) {
		*out = n;
		return (0);
	}
	return (-1);
}

int
conf_color_parse(const char *cmd, int argc, char **argv,
    struct conf_color *c, struct err *err)
{
	size_t i;
	int a;

	c->set = true;
	c->attrs = 0;
	c->bg = CONF_COLOR_DEFAULT;
	if (parse_color(argv[0], &c->fg) < 0 ||
	    (argc > 1 && parse_color(argv[1], &c->bg) < 0)) {
		err_set(err, ERR_CONFIG, "%s: unknown colour '%s'", cmd,
		    parse_color(argv[0], &c->fg) < 0 ? argv[0] : argv[1]);
		return (-1);
	}
	for (a = 2; a < argc; a++) {
		for (i = 0; i < sizeof(attr_names) / sizeof(attr_names[0]); i++)
			if (strcmp(argv[a], attr_names[i].name) == 0)
				break;
		if (i == sizeof(attr_names) / sizeof(attr_names[0])) {
			err_set(err, ERR_CONFIG,
			    "%s: unknown attribute '%s'", cmd, argv[a]);
			return (-1);
		}
		c->attrs |= attr_names[i].bit;
	}
	return (0);
}

static int
color_words(struct conf *cfg, int argc, char **argv, struct err *err)
{
	struct conf_color c;
	int el;

	if (argc < 3) {
		err_set(err, ERR_CONFIG,
		    "usage: color ELEMENT FOREGROUND BACKGROUND [ATTRIBUTE...]");
		return (-1);
	}
	for (el = 0; el < CONF_NELEMENTS; el++)
		if (strcmp(argv[0], element_names[el]) == 0)
			break;
	if (el == CONF_NELEMENTS) {
		err_set(err, ERR_CONFIG, "color: unknown element '%s'",
		    argv[0]);
		return (-1);
	}
	if (conf_color_parse("color", argc - 1, argv + 1, &c, err) == -1)
		return (-1);
	cfg->colors[el] = c;
	return (0);
}

int
conf_split_words(const char *line, int *argcp, char ***argvp,
    struct err *err)
{
	struct buf word;
	char **argv = NULL;
	const char *p = line;
	int argc = 0;
	char quote;

	argv = xcalloc(1, sizeof(*argv));
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			p++;
		if (*p == '\0' || *p == '#')
			break;
		buf_init(&word, BUF_CAP_TEXT);
		while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\r' &&
		    *p != '\n') {
			if (*p == '"' || *p == '\'') {
				quote = *p++;
				while (*p != '\0' && *p != quote) {
					if (quote == '"' && *p == '\\' &&
					    p[1] != '\0')
						p++;
					if (buf_addch(&word, *p++) < 0)
						goto toolong;
				}
				if (*p != quote) {
					buf_free(&word);
					err_set(err, ERR_CONFIG,
					    "unterminated %c quote", quote);
					goto fail;
				}
				p++;
				/* An empty quoted word still counts. */
				if (word.data == NULL)
					(void)buf_add(&word, "", 0);
			} else if (*p == '\\' && p[1] != '\0') {
				if (buf_addch(&word, p[1]) < 0)
					goto toolong;
				p += 2;
			} else if (buf_addch(&word, *p++) < 0)
				goto toolong;
		}
		argv = xreallocarray(argv, (size_t)argc + 2, sizeof(*argv));
		argv[argc++] = buf_detach(&word);
		argv[argc] = NULL;
		buf_free(&word);
	}
	*argcp = argc;
	*argvp = argv;
	return (0);
toolong:
	buf_free(&word);
	err_set(err, ERR_CONFIG, "line too long");
fail:
	conf_words_free(argv);
	*argcp = 0;
	*argvp = NULL;
	return (-1);
}

void
conf_words_free(char **argv)
{
	size_t i;

	if (argv == NULL)
		return;
	for (i = 0; argv[i] != NULL; i++)
		free(argv[i]);
	free(argv);
}

/* Where one line comes from, for include and the skips. */
struct line_ctx {
	const char	*file;
	unsigned	 line;
	conf_warn_fn	 warn;
	void		*arg;
};

static int	load_file(struct conf *, const char *, bool, conf_warn_fn,
		    void *, struct err *);

/*
 * include FILE: ~ is $HOME, a relative name is taken from the including
 * file's directory; a file already being read is a loop and refused.
 */
static int
include_file(struct conf *cfg, const struct line_ctx *lc, const char *name,
    struct err *err)
{
	const char *home = getenv("HOME"), *slash;
	struct err ierr = ERR_INIT;
	struct buf path;
	int rc;

	buf_init(&path, 8192);
	if (name[0] == '~' && (name[1] == '/' || name[1] == '\0')) {
		if (home == NULL || home[0] == '\0') {
			buf_free(&path);
			err_set(err, ERR_CONFIG, "include: %s: HOME is not "
			    "set", name);
			return (-1);
		}
		(void)buf_addf(&path, "%s%s", home, name + 1);
	} else if (name[0] != '/' && (slash = strrchr(lc->file, '/')) !=
	    NULL)
		(void)buf_addf(&path, "%.*s/%s", (int)(slash - lc->file),
		    lc->file, name);
	else
		(void)buf_addstr(&path, name);
	if (cfg->n_incl >= CONF_MAX_INCLUDE) {
		err_set(err, ERR_CONFIG, "include: %s: more than %d files "
		    "deep (a loop?); not read", buf_str(&path),
		    CONF_MAX_INCLUDE);
		buf_free(&path);
		return (-1);
	}
	rc = load_file(cfg, buf_str(&path), true, lc->warn, lc->arg, &ierr);
	if (rc < 0)
		err_set(err, ERR_CONFIG, "include: %s", ierr.msg);
	buf_free(&path);
	return (rc);
}

/* Does value ask for what gazette does (same: yes/no or a number)? */
static bool
same_value(const char *same, const char *value)
{
	bool a, b;

	if (same == NULL)
		return (false);
	if (parse_bool(same, &a) == 0 && parse_bool(value, &b) == 0)
		return (a == b);
	return (strcmp(same, value) == 0);
}

/* Returns 0 applied, 1 accepted but not applied (recorded), -1 bad. */
static int
apply_words(struct conf *cfg, const struct line_ctx *lc, int argc,
    char **argv, struct err *err)
{
	const struct opt *o;
	const char *instead;
	enum keymap_action act = KEYMAP_NONE;
	struct buf joined;
	bool view;
	int i, rc;

	if (strcmp(argv[0], "include") == 0) {
		if (argc != 2) {
			err_set(err, ERR_CONFIG, "usage: include FILE");
			return (-1);
		}
		return (include_file(cfg, lc, argv[1], err));
	}
	if (strcmp(argv[0], "bind-key") == 0) {
		/*
		 * newsboat's actions and views gazette lacks: the binding is
		 * made (the key says so when pressed), and the line is named
		 * in the one start-up warning, not warned about alone.
		 */
		instead = NULL;
		view = argc >= 4 && keymap_context_parse(argv[3]) >=
		    KEYMAP_NCONTEXTS;
		act = argc >= 3 ? keymap_action_parse(argv[2]) : KEYMAP_NONE;
		if (view)
			instead = conf_newsboat_context_instead(argv[3]);
		else if (argc >= 3 && act == KEYMAP_NONE)
			instead = conf_newsboat_action_instead(argv[2]);
		else if (argc >= 3 && !keymap_action_implemented(act))
			instead = keymap_action_help(act);
		if (instead != NULL) {
			(void)keymap_bind_words(&cfg->keymap, argc - 1,
			    (const char *const *)argv + 1, NULL);
			/* Named by what is missing: the action, or the view. */
			buf_init(&joined, BUF_CAP_TEXT);
			if (view)
				(void)buf_addf(&joined, "bind-key ... %s", argv[3]);
			else
				(void)buf_addf(&joined, "bind-key %s", argv[2]);
			add_skip(cfg, lc->file, lc->line, buf_str(&joined),
			    instead);
			buf_free(&joined);
			return (1);
		}
		return (keymap_bind_words(&cfg->keymap, argc - 1,
		    (const char *const *)argv + 1, err));
	}
	if (strcmp(argv[0], "search-highlight-colors") == 0) {
		/* newsboat's colours of search matches: search_match. */
		free(argv[0]);
		argv[0] = xstrdup("search_match");
		return (color_words(cfg, argc, argv, err));
	}
	if (strcmp(argv[0], "highlight-article") == 0 ||
	    strcmp(argv[0], "highlight") == 0)
		return (conf_highlight_words(cfg, argc, argv, err));
	if (strcmp(argv[0], "unbind-key") == 0)
		return (keymap_unbind_words(&cfg->keymap, argc - 1,
		    (const char *const *)argv + 1,
		    err));
	if (strcmp(argv[0], "color") == 0) {
		if (argc >= 2 && (instead =
		    conf_newsboat_element_instead(argv[1])) != NULL) {
			buf_init(&joined, BUF_CAP_TEXT);
			(void)buf_addf(&joined, "color %s", argv[1]);
			add_skip(cfg, lc->file, lc->line, buf_str(&joined),
			    instead);
			buf_free(&joined);
			return (1);
		}
		return (color_words(cfg, argc - 1, argv + 1, err));
	}
	if ((rc = conf_filter_words(cfg, argc, argv, err)) != 2)
		return (rc);
	if ((o = find_option(argv[0])) == NULL) {
		if ((instead = conf_newsboat_instead(argv[0])) != NULL) {
			if (argc == 2 && same_value(conf_newsboat_same(argv[0]),
			    argv[1]))
				return (0);	/* gazette's way already */
			add_skip(cfg, lc->file, lc->line, argv[0], instead);
			return (1);
		}
		err_set(err, ERR_CONFIG, "unknown option '%s'", argv[0]);
		return (-1);
	}
	if (argc < 2) {
		err_set(err, ERR_CONFIG, "%s: missing value", argv[0]);
		return (-1);
	}
	if (argc == 2)
		return (set_option(cfg, o, argv[1], err));
	if (o->type != OPT_STRING && o->type != OPT_LIST) {
		err_set(err, ERR_CONFIG, "%s: too many values", argv[0]);
		return (-1);
	}
	/* browser firefox --new-tab %u: the words, rejoined. */
	buf_init(&joined, BUF_CAP_TEXT);
	for (i = 1; i < argc; i++) {
		if (i > 1)
			(void)buf_addch(&joined, ' ');
		(void)buf_addstr(&joined, argv[i]);
	}
	rc = set_option(cfg, o, buf_str(&joined), err);
	buf_free(&joined);
	return (rc);
}

int
conf_parse_line(struct conf *cfg, const char *file, unsigned line,
    const char *text, conf_warn_fn warn, void *arg)
{
	struct line_ctx lc = { file, line, warn, arg };
	struct err err = ERR_INIT;
	char **argv;
	int argc, rc = 0;

	if (conf_split_words(text, &argc, &argv, &err) < 0) {
		cfg->n_lines++;
		rc = -1;
	} else {
		if (argc > 0) {
			cfg->n_lines++;
			/* A macro's ';' is read from the line itself. */
			if (strcmp(argv[0], "macro") == 0)
				rc = conf_macro_line(cfg, text, &err);
			else
				rc = apply_words(cfg, &lc, argc, argv, &err);
			if (rc == 0) {
				cfg->n_applied++;
				conf_differs_note(cfg, file, line, argc, argv);
			}
		}
		conf_words_free(argv);
	}
	if (rc < 0) {
		cfg->n_errors++;
		if (warn != NULL)
			warn(arg, file, line, err.msg);
	}
	return (rc < 0 ? -1 : 0);
}

static int
load_file(struct conf *cfg, const char *path, bool must_exist,
    conf_warn_fn warn, void *arg, struct err *err)
{
	struct err rerr = ERR_INIT;
	struct userfile_warns w;
	struct buf b;
	const char *p, *end, *nl;
	char *line, *real;
	unsigned lineno = 0;
	bool missing;
	int i;

	if ((real = realpath(path, NULL)) != NULL) {
		for (i = 0; i < cfg->n_incl; i++) {
			if (strcmp(cfg->incl[i], real) == 0) {
				err_set(err, ERR_CONFIG, "%s: included from "
				    "itself; not read again", path);
				free(real);
				return (-1);
			}
		}
	}
	buf_init(&b, CONF_MAX_FILE);
	if (userfile_read(path, CONF_MAX_FILE, &b, &missing, &rerr) == -1) {
		buf_free(&b);
		free(real);
		if (missing && !must_exist)
			return (0);
		err_set(err, ERR_CONFIG, "%s", rerr.msg);
		return (-1);
	}
	cfg->incl[cfg->n_incl++] = real != NULL ? real : xstrdup(path);
	userfile_warns_init(&w, path, warn, arg);
	p = buf_str(&b);
	end = p + b.len;
	for (; p < end; p = nl + 1) {
		lineno++;
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if ((size_t)(nl - p) > CONF_MAX_LINE) {
			cfg->n_lines++;
			cfg->n_errors++;
			userfile_warn(&w, path, lineno, "line longer than "
			    "64 KiB; ignored");
			continue;
		}
		if (memchr(p, '\0', (size_t)(nl - p)) != NULL) {
			cfg->n_lines++;
			cfg->n_errors++;
			userfile_warn(&w, path, lineno, "NUL byte in line");
			continue;
		}
		line = xstrndup(p, (size_t)(nl - p));
		(void)conf_parse_line(cfg, path, lineno, line, userfile_warn,
		    &w);
		free(line);
	}
	userfile_warns_end(&w);
	buf_free(&b);
	free(cfg->incl[--cfg->n_incl]);
	return (0);
}

int
conf_load(struct conf *cfg, const char *path, bool must_exist,
    conf_warn_fn warn, void *arg, struct err *err)
{
	return (load_file(cfg, path, must_exist, warn, arg, err));
}
