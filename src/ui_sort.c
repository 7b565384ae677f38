/*
 * ui_sort: the orders of the lists at run time.  sort and rev-sort (g
 * and G) ask for a field with one key, as newsboat does, and reload the
 * lists in that order (ascending for sort, descending for rev-sort).
 * Articles are sorted by the store (store_items_window sorts the feed's
 * articles for each window, without building an index for the order: at
 * a million articles that took 13 to 21 s with the write lock held);
 * the feed list, which is read whole anyway,
 * is sorted here with newsboat's comparisons, which are not all what
 * the direction's name suggests: with desc (the default) titles and
 * tags go A to Z, counts from the smallest, last updates from the
 * newest.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "ui_int.h"

static const char article_keys[] = "dtfalg";	/* enum store_sort */
static const char feed_keys[] = "ftauln";	/* enum conf_feed_sort */

static void
set_order(struct ui *ui, const char *text, bool feeds, bool reverse)
{
	const char *keys = feeds ? feed_keys : article_keys;
	const char *p;

	if (text[0] == '\0' || (p = strchr(keys, text[0])) == NULL) {
		ui_set_status(ui, false, "order unchanged");
		return;
	}
	if (feeds) {
		ui->feed_sort = (int)(p - keys);
		ui->feed_asc = !reverse;
	} else {
		ui->article_sort = (int)(p - keys);
		ui->article_asc = !reverse;
	}
	ui_reload_all(ui);
}

static void
feeds_cb(struct ui *ui, const char *text, void *arg)
{
	set_order(ui, text, true, arg != NULL);
}

static void
articles_cb(struct ui *ui, const char *text, void *arg)
{
	set_order(ui, text, false, arg != NULL);
}

void
ui_sort_ask(struct ui *ui, bool feeds, bool reverse)
{
	/* Any non-NULL pointer says "reverse". */
	void *rev = reverse ? (void *)ui : NULL;

	if (feeds)
		ui_ask_key(ui, reverse ? "Reverse sort by (f)irsttag/(t)itle/"
		    "(a)rticlecount/(u)nreadarticlecount/(l)astupdated/"
		    "(n)one?" : "Sort by (f)irsttag/(t)itle/(a)rticlecount/"
		    "(u)nreadarticlecount/(l)astupdated/(n)one?", feeds_cb,
		    rev);
	else
		ui_ask_key(ui, reverse ? "Reverse sort by (d)ate/(t)itle/"
		    "(f)lags/(a)uthor/(l)ink/(g)uid?" : "Sort by (d)ate/"
		    "(t)itle/(f)lags/(a)uthor/(l)ink/(g)uid?", articles_cb,
		    rev);
}

/*
 * Natural order: runs of digits compare as numbers ("feed 9" before
 * "feed 10"), the rest byte by byte.
 */
static int
natural_cmp(const char *a, const char *b)
{
	const char *ea, *eb;
	size_t la, lb;
	int c;

	while (*a != '\0' && *b != '\0') {
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			while (*a == '0' && isdigit((unsigned char)a[1]))
				a++;
			while (*b == '0' && isdigit((unsigned char)b[1]))
				b++;
			for (ea = a; isdigit((unsigned char)*ea); ea++)
				;
			for (eb = b; isdigit((unsigned char)*eb); eb++)
				;
			la = (size_t)(ea - a);
			lb = (size_t)(eb - b);
			if (la != lb)
				return (la < lb ? -1 : 1);
			if ((c = memcmp(a, b, la)) != 0)
				return (c);
			a = ea;
			b = eb;
			continue;
		}
		if (*a != *b)
			return ((unsigned char)*a < (unsigned char)*b ? -1 : 1);
		a++;
		b++;
	}
	return (*a == *b ? 0 : *a == '\0' ? -1 : 1);
}

static int
cmp_int(int64_t a, int64_t b)
{
	return (a < b ? -1 : a > b);
}

int
ui_sort_feed_cmp(const struct ui_feed_key *a, const struct ui_feed_key *b,
    int field, bool asc)
{
	int c = 0;
	bool ea, eb;

	switch (field) {
	case CONF_FSORT_FIRSTTAG:
		ea = a->firsttag == NULL;
		eb = b->firsttag == NULL;
		/* desc: tagged feeds first, tags A to Z. */
		if (ea != eb)
			c = ea ? 1 : -1;
		else if (!ea)
			c = natural_cmp(a->firsttag, b->firsttag);
		break;
	case CONF_FSORT_TITLE:
		c = natural_cmp(a->title, b->title);
		break;
	case CONF_FSORT_ARTICLES:
		c = cmp_int(a->total, b->total);
		break;
	case CONF_FSORT_UNREAD:
		c = cmp_int(a->unread, b->unread);
		break;
	case CONF_FSORT_UPDATED:
		/* desc: the newest article first, empty feeds last. */
		ea = a->total == 0;
		eb = b->total == 0;
		if (ea != eb)
			c = ea ? 1 : -1;
		else if (!ea)
			c = cmp_int(b->latest, a->latest);
		break;
	default:
		c = cmp_int((int64_t)a->order, (int64_t)b->order);
		break;
	}
	if (asc)
		c = -c;
	/* Stable: ties keep the urls file's order. */
	return (c != 0 ? c : cmp_int((int64_t)a->order, (int64_t)b->order));
}
