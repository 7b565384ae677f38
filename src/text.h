/*
 * text: UTF-8 text utilities for the terminal, without curses.
 *
 * Everything here works on UTF-8 char strings and measures display cells
 * with wcwidth(3) on decoded code points.  wcwidth only knows the widths
 * when LC_CTYPE names a UTF-8 locale (main.c calls setlocale(LC_CTYPE, "")):
 * under the "C" locale every non-ASCII character measures as one cell.
 * Rules used for widths:
 *   - combining marks and other zero-width characters: 0 cells;
 *   - East Asian wide and fullwidth characters, emoji: 2 cells;
 *   - control characters: 0 cells (text_sanitize removes them anyway);
 *   - printable characters the C library does not know (wcwidth -1,
 *     e.g. code points newer than its Unicode tables): 1 cell;
 *   - an invalid UTF-8 byte measures as U+FFFD: 1 cell.
 *
 * Ownership: every returned char * is a fresh allocation the caller frees;
 * allocation failures abort (xmalloc).  No function here keeps a pointer.
 */
#ifndef GAZETTE_TEXT_H
#define GAZETTE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TEXT_REPLACEMENT	0xFFFDu		/* U+FFFD for invalid input */
#define TEXT_ELLIPSIS		"\xe2\x80\xa6"	/* U+2026, one cell wide */

/* Flags for text_sanitize. */
#define TEXT_KEEP_NEWLINE	0x01u	/* keep '\n' ("\r\n" and '\r' too) */
#define TEXT_KEEP_TAB		0x02u	/* keep '\t' */

/*
 * Make text from outside safe to draw on a terminal.  Returns a fresh
 * string of valid UTF-8 that holds no control character except the ones
 * flags keep.  Removed:
 *   - C0 controls (U+0000-U+001F) and DEL (U+007F).  '\t', '\n' and '\r'
 *     become one space each unless flags keep them ("\r\n" and a lone
 *     '\r' become '\n' under TEXT_KEEP_NEWLINE);
 *   - C1 controls U+0080-U+009F;
 *   - whole escape sequences, not just their ESC: CSI (ESC [ or U+009B,
 *     parameters, intermediates, final byte), OSC (ESC ] or U+009D,
 *     including OSC 8 hyperlinks and OSC 52 clipboard writes), DCS
 *     (ESC P, U+0090), SOS (ESC X, U+0098), PM (ESC ^, U+009E) and APC
 *     (ESC _, U+009F) strings up to their terminator (BEL, ESC \ or
 *     U+009C; CAN or SUB abort them; an unterminated string runs to the
 *     end of the text and is dropped whole, as a terminal would swallow
 *     it), and two- or three-byte escapes (ESC c, ESC 7, ESC ( B...);
 *   - bidirectional embeddings, overrides and isolates U+202A-U+202E and
 *     U+2066-U+2069: removed, not shown, so they cannot reorder what
 *     follows them on the line ("Trojan Source" tricks);
 *   - U+2028 and U+2029 become '\n' under TEXT_KEEP_NEWLINE, else a space.
 * Invalid UTF-8 (stray continuation bytes, overlong forms, surrogates,
 * code points above U+10FFFF, truncated sequences) becomes U+FFFD, one per
 * maximal invalid subsequence.  s may be NULL (returns "").
 */
char	*text_sanitize(const char *s, unsigned flags);
char	*text_sanitize_n(const char *s, size_t len, unsigned flags);
/*
 * text_sanitize into dst, a buffer of size bytes, without allocating:
 * the clean text is cut at a character boundary so that it fits with
 * its NUL.  Returns its length.  Nothing is written when size is 0.
 */
size_t	 text_sanitize_buf(char *dst, size_t size, const char *s,
	    unsigned flags);

/*
 * Decode the code point at s (at most len bytes).  Returns the number of
 * bytes it takes, at least 1 when len > 0, and stores the code point, or
 * TEXT_REPLACEMENT for an invalid sequence, in *cp.  Returns 0 if len is 0.
 */
size_t	 text_decode(const char *s, size_t len, uint32_t *cp);
/* Encode cp as UTF-8 into out (room for 4 bytes); returns the length. */
size_t	 text_encode(uint32_t cp, char *out);

/* Display cells of one code point (0, 1 or 2; see the rules above). */
int	 text_cp_width(uint32_t cp);
/* Display cells of a string, or of its first len bytes. */
size_t	 text_width(const char *s);
size_t	 text_width_n(const char *s, size_t len);

/*
 * Length in bytes of the longest prefix of s that fits in cells display
 * cells, never splitting a character and keeping the zero-width
 * characters (combining marks) that follow the last character kept.
 * Its width is stored in *widthp when widthp is not NULL.
 */
size_t	 text_prefix(const char *s, size_t cells, size_t *widthp);

/*
 * Zero-width characters (combining marks...) kept after one character by
 * text_fit, text_truncate and text_pad; the others are left out.  A
 * terminal cell holds a character and few marks (ncurses: CCHARW_MAX 5
 * wide characters in all), and a flood of thousands of marks on one
 * letter is only a way to blank or stall a screen.
 */
#define TEXT_MAX_MARKS	4

/*
 * The longest prefix of s that fits in cells display cells, as a fresh
 * string, with at most TEXT_MAX_MARKS zero-width characters after each
 * character (and before the first).  Its width is stored in *widthp when
 * widthp is not NULL.  No ellipsis: this is a piece of a line.
 */
char	*text_fit(const char *s, size_t cells, size_t *widthp);

/*
 * s cut to at most cells display cells, for a screen: as text_fit, and
 * when s is wider it ends with TEXT_ELLIPSIS, which counts as one of the
 * cells; a wide character that would straddle the limit is left out
 * whole.  cells 0 gives "".  Time and memory depend on cells, not on
 * the length of s (but for a run of zero-width characters).
 */
char	*text_truncate(const char *s, size_t cells);

enum text_align {
	TEXT_ALIGN_LEFT,
	TEXT_ALIGN_RIGHT,
	TEXT_ALIGN_CENTER
};

/*
 * s truncated like text_truncate and padded with spaces to exactly cells
 * display cells (one cell may stay blank when a wide character cannot fit
 * in the last cell: the padding fills it).
 */
char	*text_pad(const char *s, size_t cells, enum text_align align);

/*
 * Line wrapping by display width.  A line is a byte range of the input
 * (off, len) and its width.  Lines break after a space or between wide
 * (CJK) characters; a word wider than width is broken at a character
 * boundary.  The spaces at a break are left out of both lines, and no
 * line starts with a space (leading spaces are dropped).  '\n' forces a
 * break (an empty line for "\n\n").  A line is never wider than width,
 * except for one wide character when width is 1.  width 0 is taken as 1.
 * Returns the number of lines (at least 1, possibly empty) and stores a
 * fresh array in *linesp that the caller frees with free().
 */
struct text_line {
	size_t	off;	/* byte offset in the input */
	size_t	len;	/* bytes */
	size_t	width;	/* display cells */
};

size_t	 text_wrap(const char *s, size_t width, struct text_line **linesp);

#endif
