/*
 * ui_article: the article view (a header, then the body rendered by
 * html.h with numbered links).  The list of its links is in ui_urls.c,
 * the help view in ui_help.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "buf.h"
#include "enclosures.h"
#include "html.h"
#include "search.h"
#include "store.h"
#include "text.h"
#include "ui_int.h"
#include "xmalloc.h"

struct match {
	size_t	line;	/* body line */
	size_t	start;	/* bytes in the line's text */
	size_t	end;
};

struct article_view {
	struct ui_view		 base;
	struct ui_view		*list;	/* items or search view below, or NULL */
	const struct search_query *q;
	bool			 loaded;
	struct store_item_full	 it;
	struct enclosure	*encl;	/* it.enclosures, read */
	size_t			 nencl;
	struct html_doc		*doc;
	size_t			 width;	/* doc rendered for this width */
	char			*feed_title;
	char			**hdr;	/* header lines, then a blank one */
	size_t			 nhdr;
	size_t			 top;
	struct match		*m;
	size_t			 nm;
	size_t			 cur;	/* the match n/N reached, nm: none */
};

static const struct ui_view_ops article_ops;

static void
free_doc(struct article_view *av)
{
	size_t i;

	html_doc_free(av->doc);
	av->doc = NULL;
	for (i = 0; i < av->nhdr; i++)
		free(av->hdr[i]);
	free(av->hdr);
	av->hdr = NULL;
	av->nhdr = 0;
	free(av->m);
	av->m = NULL;
	av->nm = 0;
	av->width = 0;
}

static void
add_hdr(struct article_view *av, const char *label, const char *value)
{
	struct buf b;

	if (value == NULL || value[0] == '\0')
		return;
	buf_init(&b, BUF_CAP_TEXT);
	(void)buf_addf(&b, "%s%s", label, value);
	av->hdr = xreallocarray(av->hdr, av->nhdr + 1, sizeof(*av->hdr));
	av->hdr[av->nhdr++] = text_sanitize(buf_str(&b), 0);
	buf_free(&b);
}

/* Enclosures (podcasts) and categories, from the store's JSON arrays. */
static void
add_json_hdrs(struct article_view *av)
{
	struct json_object *arr, *v;
	struct buf b;
	size_t i, n;

	buf_init(&b, BUF_CAP_TEXT);
	for (i = 0; i < av->nencl && i < 20; i++) {
		buf_reset(&b);
		(void)buf_addstr(&b, av->encl[i].url);
		if (av->encl[i].type != NULL)
			(void)buf_addf(&b, " (%s)", av->encl[i].type);
		add_hdr(av, "Enclosure: ", buf_str(&b));
	}
	buf_reset(&b);
	if (av->it.categories != NULL &&
	    (arr = json_tokener_parse(av->it.categories)) != NULL) {
		n = json_object_is_type(arr, json_type_array) ?
		    json_object_array_length(arr) : 0;
		for (i = 0; i < n && i < 50; i++) {
			v = json_object_array_get_idx(arr, i);
			if (!json_object_is_type(v, json_type_string))
				continue;
			(void)buf_addf(&b, "%s%s", b.len > 0 ? ", " : "",
			    json_object_get_string(v));
		}
		json_object_put(arr);
	}
	add_hdr(av, "Categories: ", buf_str(&b));
	buf_free(&b);
}

/* Plain text bodies become paragraphs of escaped HTML. */
static char *
text_to_html(const char *s)
{
	struct buf b;
	char *out;

	buf_init(&b, HTML_MAX_INPUT);
	(void)buf_addstr(&b, "<p>");
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '<': (void)buf_addstr(&b, "&lt;"); break;
		case '>': (void)buf_addstr(&b, "&gt;"); break;
		case '&': (void)buf_addstr(&b, "&amp;"); break;
		case '\n':
			if (s[1] == '\n') {
				(void)buf_addstr(&b, "</p><p>");
				while (s[1] == '\n')
					s++;
			} else
				(void)buf_addstr(&b, "<br>");
			break;
		default: (void)buf_addch(&b, *s); break;
		}
	}
	(void)buf_addstr(&b, "</p>");
	out = buf_detach(&b);
	buf_free(&b);
	return (out);
}

static void
render(struct ui *ui, struct article_view *av)
{
	struct html_opts opts;
	struct store_item_row *r = &av->it.row;
	char date[128], flags[STORE_FLAGS_MAX + 1], *html = NULL;
	struct err ferr = ERR_INIT;
	const char *body;
	struct tm tm;
	time_t t;
	size_t width, i, from, s, e;

	width = ui->cfg->text_width > 0 && ui->cfg->text_width < COLS ?
	    (size_t)ui->cfg->text_width : (size_t)COLS;
	if (width < 10)
		width = 10;
	if (av->doc != NULL && av->width == width)
		return;
	free_doc(av);
	av->width = width;
	add_hdr(av, "Feed: ", av->feed_title);
	add_hdr(av, "Title: ", r->title);
	add_hdr(av, "Author: ", r->author);
	date[0] = '\0';
	t = (time_t)r->date;
	if (r->date != ITEM_NO_DATE && localtime_r(&t, &tm) != NULL)
		strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S %z", &tm);
	add_hdr(av, "Date: ", date);
	add_hdr(av, "Link: ", r->link);
	if (r->flagged && store_item_flags_get(ui->store, r->id, flags,
	    &ferr) == 0)
		add_hdr(av, "Flags: ", flags);
	add_json_hdrs(av);
	av->hdr = xreallocarray(av->hdr, av->nhdr + 1, sizeof(*av->hdr));
	av->hdr[av->nhdr++] = xstrdup("");
	body = av->it.content != NULL ? av->it.content : "";
	if (av->it.content_type != NULL &&
	    strcmp(av->it.content_type, "text") == 0)
		body = html = text_to_html(body);
	memset(&opts, 0, sizeof(opts));
	opts.width = width;
	opts.base = r->link;
	opts.flags = HTML_RENDER_LINK_LIST | (ui->utf8 ? 0 : HTML_RENDER_ASCII);
	opts.enclosures = av->encl;
	opts.nenclosures = av->nencl;
	/* html-renderer's, else gazette's own. */
	av->doc = html == NULL ? ui_viewer_doc(ui, body, &opts) : NULL;
	if (av->doc == NULL)
		av->doc = html_render(body, strlen(body), &opts);
	free(html);
	/* Where the search matches are, for highlighting and n/N. */
	if (av->q != NULL) {
		for (i = 0; i < av->doc->nlines; i++) {
			from = 0;
			while (search_query_find(av->q, av->doc->lines[i].text,
			    from, &s, &e) == 1 && e > s) {
				av->m = xreallocarray(av->m, av->nm + 1,
				    sizeof(*av->m));
				av->m[av->nm].line = i;
				av->m[av->nm].start = s;
				av->m[av->nm].end = e;
				av->nm++;
				from = e;
			}
		}
	}
	av->cur = av->nm;
}

static size_t
total_lines(struct article_view *av)
{
	return (av->nhdr + (av->doc != NULL ? av->doc->nlines : 0));
}

static bool
load(struct ui *ui, struct article_view *av, int64_t item_id)
{
	struct err err = ERR_INIT;
	struct store_feed f;
	int rc;

	free_doc(av);
	if (av->loaded)
		store_item_full_clear(&av->it);
	enclosures_free(av->encl, av->nencl);
	av->encl = NULL;
	av->nencl = 0;
	av->loaded = false;
	free(av->feed_title);
	av->feed_title = NULL;
	memset(&av->it, 0, sizeof(av->it));
	rc = store_item_get(ui->store, item_id, &av->it, &err);
	if (rc != 0) {
		ui_set_status(ui, true, "%s", rc < 0 ? err.msg :
		    "the article is gone");
		return (false);
	}
	av->loaded = true;
	av->nencl = enclosures_parse(av->it.enclosures, &av->encl);
	memset(&f, 0, sizeof(f));
	if (av->it.row.feed_title != NULL)
		av->feed_title = xstrdup(av->it.row.feed_title);
	else if (store_feed_get(ui->store, av->it.row.feed_id, &f, &err) == 0) {
		av->feed_title = xstrdup(f.user_title != NULL ? f.user_title :
		    f.title != NULL ? f.title : f.url);
		store_feed_clear(&f);
	}
	if (!av->it.row.read) {
		if (store_item_set_read(ui->store, item_id, true, &err) < 0)
			ui_set_status(ui, true, "%s", err.msg);
		else
			av->it.row.read = true;
	}
	ui_items_set_read(av->list, item_id, av->it.row.read);
	av->top = 0;
	render(ui, av);
	/* Opened from a search: show the first match. */
	if (av->nm > 0) {
		av->cur = 0;
		if (av->nhdr + av->m[0].line >= (size_t)ui_body_rows(ui))
			av->top = av->nhdr + av->m[0].line - 2;
	}
	return (true);
}

struct ui_view *
ui_article_new(struct ui *ui, int64_t item_id, struct ui_view *list,
    const struct search_query *q)
{
	struct article_view *av;

	if (ui_viewer_pager(ui, item_id, list))
		return (NULL);
	av = xcalloc(1, sizeof(*av));
	av->base.ops = &article_ops;
	av->list = list;
	av->q = q;
	(void)load(ui, av, item_id);
	return (&av->base);
}

static void
article_title(struct ui *ui, struct ui_view *v, struct buf *b,
    struct ui_title *ti)
{
	struct article_view *av = (struct article_view *)v;
	size_t total = total_lines(av), rows = (size_t)ui_body_rows(ui);
	struct err err = ERR_INIT;
	int64_t fu, ft;

	/* newsboat's %u and %t: the counts of the article's feed. */
	if (av->loaded && ui->cfg->itemview_title_format[0] != '\0' &&
	    store_counts(ui->store, av->it.row.feed_id, &fu, &ft, &err) == 0)
		ui_title_counts(ti, fu, ft);
	format_set(&ti->a, 'T', av->loaded ? av->it.row.title : NULL);
	format_set(&ti->a, 'F', av->feed_title);

	(void)buf_addf(b, "Article '%s'", av->loaded && av->it.row.title !=
	    NULL ? av->it.row.title : "");
	if (total > rows)
		(void)buf_addf(b, " (%zu%%)", total == 0 ? 100 :
		    (av->top + rows >= total ? 100 :
		    (av->top + rows) * 100 / total));
	if (av->nm > 0)
		(void)buf_addf(b, " - %zu matches", av->nm);
}

static attr_t
span_attr(struct ui *ui, unsigned a)
{
	attr_t r = ui_attr(ui, UI_ARTICLE);

	if (a & (HTML_ATTR_BOLD | HTML_ATTR_HEADING))
		r |= A_BOLD;
	if (a & HTML_ATTR_LINK)
		r |= A_UNDERLINE;
#ifdef A_ITALIC
	if (a & HTML_ATTR_ITALIC)
		r |= A_ITALIC;
#endif
	return (r);
}

static void
draw_body_line(struct ui *ui, struct article_view *av, size_t li, int y)
{
	const struct html_line *l = &av->doc->lines[li];
	attr_t *attrs, *marks, base;
	size_t n, i, j, k, start;

	n = text_prefix(l->text, (size_t)COLS, NULL);
	if (n == 0)
		return;
	attrs = xcalloc(n, sizeof(*attrs));
	base = span_attr(ui, l->attr);
	for (i = 0; i < n; i++)
		attrs[i] = base;
	for (k = 0; k < l->nspans; k++)
		for (i = l->spans[k].off; i < l->spans[k].off + l->spans[k].len &&
		    i < n; i++)
			attrs[i] = span_attr(ui, l->attr | l->spans[k].attr);
	/* highlight article: the patterns, under the search's matches. */
	if (ui_hl_has(ui, CONF_HL_ARTICLE)) {
		marks = xcalloc(n, sizeof(*marks));
		ui_hl_marks(ui, CONF_HL_ARTICLE, l->text, n, 0, marks);
		for (i = 0; i < n; i++)
			if (marks[i] != 0)
				attrs[i] = marks[i];
		free(marks);
	}
	for (k = 0; k < av->nm; k++) {
		if (av->m[k].line != li)
			continue;
		for (i = av->m[k].start; i < av->m[k].end && i < n; i++)
			attrs[i] = ui_attr(ui, UI_MATCH) |
			    (k == av->cur ? A_BOLD : 0);
	}
	move(y, 0);
	for (i = 0; i < n; i = j) {
		start = i;
		for (j = i + 1; j < n && attrs[j] == attrs[start]; j++)
			continue;
		ui_addn(ui, l->text + start, j - start, attrs[start]);
	}
	free(attrs);
	for (k = 0; k < l->nspans; k++) {
		if (!(l->spans[k].attr & HTML_ATTR_LINK) ||
		    l->spans[k].link == 0 ||
		    l->spans[k].link > av->doc->nlinks || l->spans[k].off >= n)
			continue;
		ui_osc8_add(ui, y, (int)text_width_n(l->text, l->spans[k].off),
		    l->text + l->spans[k].off, l->spans[k].off +
		    l->spans[k].len > n ? n - l->spans[k].off : l->spans[k].len,
		    av->doc->links[l->spans[k].link - 1]);
	}
}

static void
article_draw(struct ui *ui, struct ui_view *v, int top, int rows)
{
	struct article_view *av = (struct article_view *)v;
	size_t li, total;
	int y;

	if (!av->loaded) {
		ui_put(ui, top, 0, COLS, "(no article)", UI_NORMAL);
		return;
	}
	render(ui, av);
	total = total_lines(av);
	for (y = 0; y < rows; y++) {
		li = av->top + (size_t)y;
		if (li >= total) {
			/* newsboat's filler below the text. */
			ui_put(ui, top + y, 0, COLS, "~", UI_END_OF_TEXT);
			continue;
		}
		if (li < av->nhdr) {
			ui_hl_put(ui, top + y, 0, COLS, av->hdr[li],
			    ui_attr(ui, li + 1 < av->nhdr ? UI_UNREAD :
			    UI_ARTICLE), CONF_HL_ARTICLE);
			continue;
		}
		draw_body_line(ui, av, li - av->nhdr, top + y);
	}
}

static void
scroll_to(struct ui *ui, struct article_view *av, long line)
{
	size_t total = total_lines(av), rows = (size_t)ui_body_rows(ui);
	size_t max = total > rows ? total - rows : 0;

	if (line < 0)
		line = 0;
	av->top = (size_t)line > max ? max : (size_t)line;
}

static void
goto_match(struct ui *ui, struct article_view *av, int dir)
{
	size_t line;

	if (av->nm == 0) {
		ui_set_status(ui, false, "no matches");
		return;
	}
	if (av->cur >= av->nm)
		av->cur = dir > 0 ? 0 : av->nm - 1;
	else if (dir > 0)
		av->cur = (av->cur + 1) % av->nm;
	else
		av->cur = av->cur == 0 ? av->nm - 1 : av->cur - 1;
	line = av->nhdr + av->m[av->cur].line;
	if (line < av->top || line >= av->top + (size_t)ui_body_rows(ui))
		scroll_to(ui, av, (long)line - 2);
	ui_set_status(ui, false, "match %zu of %zu", av->cur + 1, av->nm);
}

static void
open_link(struct ui *ui, struct article_view *av, long n)
{
	if (av->doc == NULL || n < 1 || (size_t)n > av->doc->nlinks) {
		ui_set_status(ui, true, "no link %ld", n);
		return;
	}
	ui_open_url(ui, av->doc->links[n - 1]);
}

static void
goto_url_cb(struct ui *ui, const char *text, void *arg)
{
	struct article_view *av = arg;
	char *end;
	long n;

	/* The prompt is modal: the article is still on top. */
	if (ui->view != &av->base || text[0] == '\0')
		return;
	n = strtol(text, &end, 10);
	if (*end != '\0') {
		ui_set_status(ui, true, "not a link number: %s", text);
		return;
	}
	open_link(ui, av, n);
}

static void
step(struct ui *ui, struct article_view *av, int dir, bool unread)
{
	int64_t id = 0;

	if (av->list != NULL && ui_is_items(av->list))
		id = ui_items_step(ui, av->list, dir, unread);
	else if (av->list != NULL && ui_is_search(av->list))
		id = ui_search_step(ui, av->list, dir);
	/* goto-next-feed: on into the next feed with unread articles. */
	if (id == 0 && unread && ui->cfg->goto_next_feed &&
	    ui_is_items(av->list)) {
		if ((id = ui_items_cross(ui, &av->list, dir, true, dir)) == 0)
			return;
	}
	if (id == 0) {
		ui_set_status(ui, false, "no %s%s article", dir > 0 ? "next" :
		    "previous", unread ? " unread" : "");
		return;
	}
	(void)load(ui, av, id);
}

static bool
article_action(struct ui *ui, struct ui_view *v, enum keymap_action a,
    long count)
{
	struct article_view *av = (struct article_view *)v;
	struct err err = ERR_INIT;
	long n = count > 0 ? count : 1;
	long rows = ui_body_rows(ui), k;
	int64_t id;
	bool now;

	if (!av->loaded)
		return (false);
	switch (a) {
	case KEYMAP_UP:
		scroll_to(ui, av, (long)av->top - n);
		return (true);
	case KEYMAP_DOWN:
		scroll_to(ui, av, (long)av->top + n);
		return (true);
	case KEYMAP_PAGE_UP:
		scroll_to(ui, av, (long)av->top - n * (rows > 1 ? rows - 1 : 1));
		return (true);
	case KEYMAP_PAGE_DOWN:
		scroll_to(ui, av, (long)av->top + n * (rows > 1 ? rows - 1 : 1));
		return (true);
	case KEYMAP_HALF_UP:
		scroll_to(ui, av, (long)av->top - n * (rows / 2 > 0 ?
		    rows / 2 : 1));
		return (true);
	case KEYMAP_HALF_DOWN:
		scroll_to(ui, av, (long)av->top + n * (rows / 2 > 0 ?
		    rows / 2 : 1));
		return (true);
	case KEYMAP_HOME:
		scroll_to(ui, av, count > 0 ? count - 1 : 0);
		return (true);
	case KEYMAP_END:
		scroll_to(ui, av, count > 0 ? count - 1 :
		    (long)total_lines(av));
		return (true);
	case KEYMAP_NEXT:
	case KEYMAP_PREV:
	case KEYMAP_NEXT_UNREAD:
	case KEYMAP_PREV_UNREAD:
		for (k = 0; k < n; k++)
			step(ui, av, a == KEYMAP_NEXT || a == KEYMAP_NEXT_UNREAD ?
			    1 : -1, a == KEYMAP_NEXT_UNREAD ||
			    a == KEYMAP_PREV_UNREAD);
		return (true);
	case KEYMAP_NEXT_UNREAD_FEED:
	case KEYMAP_PREV_UNREAD_FEED:
	case KEYMAP_NEXT_FEED:
	case KEYMAP_PREV_FEED:
		id = ui_items_cross(ui, &av->list, a == KEYMAP_NEXT_FEED ||
		    a == KEYMAP_NEXT_UNREAD_FEED ? 1 : -1,
		    a == KEYMAP_NEXT_UNREAD_FEED ||
		    a == KEYMAP_PREV_UNREAD_FEED,
		    a == KEYMAP_NEXT_FEED || a == KEYMAP_PREV_FEED ? 0 : 1);
		if (id != 0)
			(void)load(ui, av, id);
		return (true);
	case KEYMAP_RANDOM_UNREAD:
		if ((id = ui_items_random(ui, &av->list)) != 0)
			(void)load(ui, av, id);
		return (true);
	case KEYMAP_SAVE:
		ui_save_article(ui, av->it.row.id);
		return (true);
	case KEYMAP_PIPE_TO:
		ui_pipe_article(ui, av->it.row.id);
		return (true);
	case KEYMAP_BOOKMARK:
		ui_bookmark_article(ui, av->it.row.id);
		return (true);
	case KEYMAP_EDIT_FLAGS:
		ui_edit_flags(ui, av->it.row.id);
		return (true);
	case KEYMAP_ENQUEUE:
		ui_enqueue_article(ui, av->it.row.id);
		return (true);
	case KEYMAP_ONE: case KEYMAP_TWO: case KEYMAP_THREE:
	case KEYMAP_FOUR: case KEYMAP_FIVE: case KEYMAP_SIX:
	case KEYMAP_SEVEN: case KEYMAP_EIGHT: case KEYMAP_NINE:
	case KEYMAP_ZERO:
		open_link(ui, av, a - KEYMAP_ONE + 1);
		return (true);
	case KEYMAP_NEXT_MATCH:
	case KEYMAP_PREV_MATCH:
		for (k = 0; k < n; k++)
			goto_match(ui, av, a == KEYMAP_NEXT_MATCH ? 1 : -1);
		return (true);
	case KEYMAP_OPEN:
		return (true);
	case KEYMAP_OPEN_BROWSER:
	case KEYMAP_OPEN_BROWSER_READ:
		if (count > 0)
			open_link(ui, av, count);
		else
			ui_open_url(ui, av->it.row.link);
		return (true);
	case KEYMAP_GOTO_URL:
		if (count > 0)
			open_link(ui, av, count);
		else
			ui_prompt(ui, "Link number: ", &ui->number_history,
			    NULL, goto_url_cb, av);
		return (true);
	case KEYMAP_SHOW_URLS:
		if (av->doc == NULL || av->doc->nlinks == 0)
			ui_set_status(ui, false, "this article has no links");
		else if (!ui_viewer_urls(ui, av->doc))
			ui_push(ui, ui_urls_new(ui, av->doc));
		return (true);
	case KEYMAP_TOGGLE_READ:
		if (ui->set_read != 0 && (ui->set_read > 0) == av->it.row.read)
			return (true);	/* a macro's "read": already so */
		if (store_item_set_read(ui->store, av->it.row.id,
		    !av->it.row.read, &err) < 0)
			ui_set_status(ui, true, "%s", err.msg);
		else {
			av->it.row.read = !av->it.row.read;
			ui_items_set_read(av->list, av->it.row.id,
			    av->it.row.read);
			ui_set_status(ui, false, "marked %s",
			    av->it.row.read ? "read" : "unread");
		}
		return (true);
	case KEYMAP_TOGGLE_FLAG:
		if (store_item_toggle_flagged(ui->store, av->it.row.id, &now,
		    &err) < 0)
			ui_set_status(ui, true, "%s", err.msg);
		else {
			av->it.row.flagged = now;
			ui_set_status(ui, false, "%s", now ? "flagged" :
			    "unflagged");
		}
		return (true);
	case KEYMAP_MARK_FEED_READ:
		if (store_feed_set_read(ui->store, av->it.row.feed_id, true,
		    &err) < 0)
			ui_set_status(ui, true, "%s", err.msg);
		return (true);
	case KEYMAP_SEARCH_FEED:
		ui_search_start(ui, av->it.row.feed_id, av->feed_title);
		return (true);
	default:
		return (false);
	}
}

static void
article_reload(struct ui *ui, struct ui_view *v)
{
	struct article_view *av = (struct article_view *)v;

	/* A resize re-wraps on the next draw; keep the place. */
	if (av->loaded)
		render(ui, av);
	scroll_to(ui, av, (long)av->top);
}

static const char *
article_link(struct ui *ui, struct ui_view *v)
{
	struct article_view *av = (struct article_view *)v;

	(void)ui;
	return (av->loaded ? av->it.row.link : NULL);
}

static bool
article_digit(struct ui *ui, struct ui_view *v, int n)
{
	struct article_view *av = (struct article_view *)v;
	char first[2];

	/* Ten links or more: 1 may begin 12, so wait for the number (the
	   prompt takes more digits and ENTER).  0 is link 10. */
	if (av->doc != NULL && av->doc->nlinks >= 10 && n < 10) {
		first[0] = (char)('0' + n);
		first[1] = '\0';
		ui_prompt(ui, "Link number: ", &ui->number_history, first,
		    goto_url_cb, av);
		return (true);
	}
	open_link(ui, av, n);
	return (true);
}

static bool
article_has_matches(struct ui_view *v)
{
	return (((struct article_view *)v)->nm > 0);
}

static void
article_free(struct ui_view *v)
{
	struct article_view *av = (struct article_view *)v;

	free_doc(av);
	if (av->loaded)
		store_item_full_clear(&av->it);
	enclosures_free(av->encl, av->nencl);
	free(av->feed_title);
	free(av);
}

static const struct ui_view_ops article_ops = {
	KEYMAP_CTX_ARTICLE, article_title, article_draw, article_action,
	article_reload, article_link, article_digit, article_has_matches,
	article_free
};

int64_t
ui_article_id(const struct ui_view *v)
{
	const struct article_view *av = (const struct article_view *)v;

	return (v != NULL && v->ops == &article_ops && av->loaded ?
	    av->it.row.id : 0);
}

struct ui_view *
ui_article_list(const struct ui_view *v)
{
	return (v != NULL && v->ops == &article_ops ?
	    ((const struct article_view *)v)->list : NULL);
}
