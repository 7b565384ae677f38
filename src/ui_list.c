/* ui_list: the scrolling state shared by every list view. */
#include "config.h"

#include "ui_int.h"

void
ui_list_init(struct ui_list *l, size_t count)
{
	l->count = count;
	l->sel = 0;
	l->top = 0;
}

/* Keep the selection on screen with scrolloff's margin, the list
 * scrolled no further than it needs to be. */
static void
fix(struct ui_list *l, int rows)
{
	size_t r = rows > 0 ? (size_t)rows : 1, m = ui_scroll_margin(r);

	if (l->count == 0) {
		l->sel = l->top = 0;
		return;
	}
	if (l->sel >= l->count)
		l->sel = l->count - 1;
	if (l->sel < l->top + m)
		l->top = l->sel > m ? l->sel - m : 0;
	if (l->sel + m >= l->top + r)
		l->top = l->sel + m - r + 1;
	if (l->count >= r && l->top > l->count - r)
		l->top = l->count - r;
	if (l->count < r)
		l->top = 0;
}

void
ui_list_set_count(struct ui_list *l, size_t count, int rows)
{
	l->count = count;
	fix(l, rows);
}

void
ui_list_select(struct ui_list *l, size_t i, int rows)
{
	l->sel = i;
	fix(l, rows);
}

static void
move_by(struct ui_list *l, long delta, int rows)
{
	if (l->count == 0)
		return;
	if (delta < 0 && (size_t)-delta > l->sel)
		l->sel = 0;
	else if (delta < 0)
		l->sel -= (size_t)-delta;
	else if ((size_t)delta >= l->count - l->sel)
		l->sel = l->count - 1;
	else
		l->sel += (size_t)delta;
	fix(l, rows);
}

bool
ui_list_action(struct ui_list *l, enum keymap_action a, long count,
    int rows)
{
	long n = count > 0 ? count : 1;
	long page = rows > 1 ? rows - 1 : 1;
	long half = rows > 2 ? rows / 2 : 1, w;

	switch (a) {
	case KEYMAP_UP:
	case KEYMAP_DOWN:
		/* wrap-scroll: past an end to the other one. */
		if ((w = ui_scroll_wrap(l->sel, l->count, a == KEYMAP_UP ?
		    -n : n)) >= 0)
			ui_list_select(l, (size_t)w, rows);
		else
			move_by(l, a == KEYMAP_UP ? -n : n, rows);
		return (true);
	case KEYMAP_PAGE_UP:
		move_by(l, -n * page, rows);
		return (true);
	case KEYMAP_PAGE_DOWN:
		move_by(l, n * page, rows);
		return (true);
	case KEYMAP_HALF_UP:
		move_by(l, -n * half, rows);
		return (true);
	case KEYMAP_HALF_DOWN:
		move_by(l, n * half, rows);
		return (true);
	case KEYMAP_HOME:
		/* With a count: that entry (1-based). */
		ui_list_select(l, count > 0 ? (size_t)count - 1 : 0, rows);
		return (true);
	case KEYMAP_END:
		ui_list_select(l, count > 0 ? (size_t)count - 1 :
		    (l->count > 0 ? l->count - 1 : 0), rows);
		return (true);
	default:
		return (false);
	}
}
