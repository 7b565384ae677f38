/*
 * format: newsboat's % format strings (feedlist-format,
 * articlelist-format, the *-title-format settings, notify-format).
 *
 * A format is text with sequences in it:
 *   %X        the value of key X (any ASCII character but the ones
 *             below); a key without a value is empty
 *   %NX       the value right-aligned in N display cells: padded with
 *             spaces on the left, cut to N cells when wider
 *   %-NX      the value left-aligned in N cells: padded on the right,
 *             cut to N cells when wider
 *   %=NX      the value centred in N cells; %=X (N 0) centres it in the
 *             whole width
 *   %>C       fill with the character C, so that the text after it ends
 *             at the right edge of the width; only the first %> fills,
 *             a later one (or the first when the width is 0 or there is
 *             no room) is C once
 *   %?X?A&B?  the format A when X's value holds a character other than
 *             white space, else the format B (&B may be left out);
 *             A and B may hold sequences, conditionals too, but no '?'
 *             or '&' of their own
 *   %%        a percent sign
 * A '%' at the end, or an unfinished conditional, ends the format.
 *
 * Widths are display cells of UTF-8 text (text.h: wide CJK characters
 * take two cells; a wide character that would straddle N is left out
 * and the padding fills its place).  Everything is sanitised as
 * text_sanitize does (no control character, no escape sequence, valid
 * UTF-8): the values, which may be feed text, and the format itself.
 */
#ifndef GAZETTE_FORMAT_H
#define GAZETTE_FORMAT_H

#include <stddef.h>

#define FORMAT_MAX_WIDTH	1000	/* a larger N counts as this */
#define FORMAT_MAX_DEPTH	8	/* conditionals inside conditionals */
#define FORMAT_MAX_OUT		(64u * 1024)	/* bytes of a result */

/* The values by key; borrowed, NULL for none. */
struct format_args {
	const char	*val[128];
};

void	 format_args_init(struct format_args *a);
/* Set key (an ASCII character) to s (borrowed; NULL unsets it). */
void	 format_set(struct format_args *a, int key, const char *s);

/*
 * Expand fmt with a's values for a line of width cells (0: no width,
 * %> fills nothing).  Returns a fresh string of at most FORMAT_MAX_OUT
 * bytes; it is not cut to width (the caller fits it to the screen).
 */
char	*format_expand(const char *fmt, const struct format_args *a,
	    size_t width);

/*
 * url with the user information of scheme://USER:PASSWORD@host shown as
 * "*:*" (newsboat's censor_url), for URLs put on screen; a fresh string,
 * NULL for NULL.
 */
char	*format_censor_url(const char *url);

#endif
