/*
 * ui_scroll: newsboat's scrolloff and wrap-scroll for every list view.
 * ui_scroll_setup names the configuration once, when the interface
 * starts, so the list code needs no handle on it; the values are read
 * as they are used (a macro's "set" changes them).
 */
#include "config.h"

#include "ui_int.h"

static const struct conf *scroll_cfg;

void
ui_scroll_setup(const struct conf *cfg)
{
	scroll_cfg = cfg;
}

/*
 * The margin kept above and below the selection in r rows: scrolloff, but
 * no more than leaves the selection a row of its own (a large scrolloff
 * keeps it in the middle).
 */
size_t
ui_scroll_margin(size_t r)
{
	size_t most = r > 0 ? (r - 1) / 2 : 0, off;

	if (scroll_cfg == NULL || scroll_cfg->scrolloff <= 0)
		return (0);
	off = (size_t)scroll_cfg->scrolloff;
	return (off < most ? off : most);
}

/*
 * Where a move of delta rows from sel lands in a list of count rows when
 * wrap-scroll is on and the move starts at an end it would go past: the
 * other end.  Otherwise -1: the caller stops at the end.
 */
long
ui_scroll_wrap(size_t sel, size_t count, long delta)
{
	if (scroll_cfg == NULL || !scroll_cfg->wrap_scroll || count == 0)
		return (-1);
	if (delta > 0 && sel + 1 >= count)
		return (0);
	if (delta < 0 && sel == 0)
		return ((long)count - 1);
	return (-1);
}
