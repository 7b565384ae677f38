/*
 * text: UTF-8 decoding, terminal sanitising, display widths, truncation,
 * padding and wrapping.  See text.h for the rules.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"
#include "xmalloc.h"

#define ESC	0x1b
#define BEL	0x07
#define CAN	0x18
#define SUB	0x1a

static size_t	skip_csi(const unsigned char *, size_t, size_t);
static size_t	skip_string(const unsigned char *, size_t, size_t);
static size_t	skip_escape(const unsigned char *, size_t, size_t);
static int	is_bidi_control(uint32_t);

size_t
text_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char lo = 0x80, hi = 0xbf;
	size_t need, i;
	uint32_t c;

	if (len == 0) {
		*cp = 0;
		return (0);
	}
	if (s[0] < 0x80) {
		*cp = s[0];
		return (1);
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		need = 1;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		need = 2;
		c = s[0] & 0x0f;
		if (s[0] == 0xe0)
			lo = 0xa0;
		else if (s[0] == 0xed)
			hi = 0x9f;	/* no UTF-16 surrogates */
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		need = 3;
		c = s[0] & 0x07;
		if (s[0] == 0xf0)
			lo = 0x90;
		else if (s[0] == 0xf4)
			hi = 0x8f;	/* nothing above U+10FFFF */
	} else {
		*cp = TEXT_REPLACEMENT;
		return (1);
	}
	for (i = 1; i <= need; i++) {
		if (i >= len || s[i] < lo || s[i] > hi) {
			/* A maximal invalid subsequence: one U+FFFD. */
			*cp = TEXT_REPLACEMENT;
			return (i);
		}
		c = (c << 6) | (s[i] & 0x3f);
		lo = 0x80;
		hi = 0xbf;
	}
	*cp = c;
	return (need + 1);
}

size_t
text_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = TEXT_REPLACEMENT;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return (1);
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xc0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return (2);
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xe0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return (3);
	}
	o[0] = (unsigned char)(0xf0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return (4);
}

static int
is_bidi_control(uint32_t cp)
{
	return ((cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069));
}

/* After ESC [ or U+009B: parameters, intermediates, one final byte. */
static size_t
skip_csi(const unsigned char *s, size_t len, size_t i)
{
	while (i < len && s[i] >= 0x30 && s[i] <= 0x3f)
		i++;
	while (i < len && s[i] >= 0x20 && s[i] <= 0x2f)
		i++;
	if (i < len && s[i] >= 0x40 && s[i] <= 0x7e)
		i++;
	return (i);
}

/*
 * After the introducer of an OSC, DCS, SOS, PM or APC string: everything
 * up to and including its terminator (BEL, ESC \, U+009C), or up to an
 * ESC that starts something else, or CAN/SUB, or the end.
 */
static size_t
skip_string(const unsigned char *s, size_t len, size_t i)
{
	while (i < len) {
		if (s[i] == BEL || s[i] == CAN || s[i] == SUB)
			return (i + 1);
		if (s[i] == ESC) {
			if (i + 1 < len && s[i + 1] == '\\')
				return (i + 2);
			return (i);	/* the caller handles this ESC */
		}
		if (s[i] == 0xc2 && i + 1 < len && s[i + 1] == 0x9c)
			return (i + 2);
		i++;
	}
	return (i);
}

/* After an ESC: the rest of the sequence it starts. */
static size_t
skip_escape(const unsigned char *s, size_t len, size_t i)
{
	if (i >= len)
		return (i);
	switch (s[i]) {
	case '[':
		return (skip_csi(s, len, i + 1));
	case ']':
	case 'P':
	case 'X':
	case '^':
	case '_':
		return (skip_string(s, len, i + 1));
	default:
		break;
	}
	if (s[i] >= 0x20 && s[i] <= 0x2f) {
		/* nF: intermediates, then one final byte. */
		while (i < len && s[i] >= 0x20 && s[i] <= 0x2f)
			i++;
		if (i < len && s[i] >= 0x30 && s[i] <= 0x7e)
			i++;
		return (i);
	}
	if (s[i] >= 0x30 && s[i] <= 0x7e)
		return (i + 1);	/* Fp, Fe, Fs: ESC 7, ESC M, ESC c... */
	return (i);		/* a lone ESC: only it goes */
}

/*
 * The sanitiser proper (the rules are in text.h): writes the clean text
 * of str to out, at most size - 1 bytes and a NUL, never part of a
 * character.  Returns the bytes written.  size > 0.
 */
static size_t
sanitize(char *out, size_t size, const char *str, size_t len, unsigned flags)
{
	const unsigned char *s = (const unsigned char *)str;
	char enc[4];
	size_t i, n, o, elen;
	uint32_t cp;

	i = o = 0;
	while (i < len) {
		n = text_decode(str + i, len - i, &cp);
		i += n;
		if (cp == ESC) {
			i = skip_escape(s, len, i);
			continue;
		}
		if (cp == 0x9b) {
			i = skip_csi(s, len, i);
			continue;
		}
		if (cp == 0x9d || cp == 0x90 || cp == 0x98 || cp == 0x9e ||
		    cp == 0x9f) {
			i = skip_string(s, len, i);
			continue;
		}
		if (cp == '\n' || cp == 0x2028 || cp == 0x2029)
			cp = (flags & TEXT_KEEP_NEWLINE) ? '\n' : ' ';
		else if (cp == '\r') {
			if (i < len && s[i] == '\n')
				i++;
			cp = (flags & TEXT_KEEP_NEWLINE) ? '\n' : ' ';
		} else if (cp == '\t')
			cp = (flags & TEXT_KEEP_TAB) ? '\t' : ' ';
		else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
		    is_bidi_control(cp))
			continue;
		if (cp < 0x80) {
			if (o + 1 >= size)
				break;
			out[o++] = (char)cp;
			continue;
		}
		elen = text_encode(cp, enc);
		if (o + elen >= size)
			break;
		memcpy(out + o, enc, elen);
		o += elen;
	}
	out[o] = '\0';
	return (o);
}

char *
text_sanitize(const char *s, unsigned flags)
{
	return (text_sanitize_n(s, s == NULL ? 0 : strlen(s), flags));
}

char *
text_sanitize_n(const char *str, size_t len, unsigned flags)
{
	char *out;

	if (str == NULL)
		len = 0;
	if (len > (SIZE_MAX - 1) / 3)
		len = (SIZE_MAX - 1) / 3;
	/* Each input byte gives at most 3 output bytes (U+FFFD). */
	out = xmalloc(len * 3 + 1);
	(void)sanitize(out, len * 3 + 1, str, len, flags);
	return (out);
}

size_t
text_sanitize_buf(char *dst, size_t size, const char *s, unsigned flags)
{
	if (size == 0)
		return (0);
	return (sanitize(dst, size, s, s == NULL ? 0 : strlen(s), flags));
}

int
text_cp_width(uint32_t cp)
{
	int w;

	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
		return (0);
	if (cp < 0x7f)
		return (1);
	w = wcwidth((wchar_t)cp);
	if (w < 0)
		return (1);
	return (w > 2 ? 2 : w);
}

size_t
text_width_n(const char *s, size_t len)
{
	size_t i = 0, n, w = 0;
	uint32_t cp;

	while (i < len) {
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f) {
			w++;
			i++;
			continue;
		}
		n = text_decode(s + i, len - i, &cp);
		w += (size_t)text_cp_width(cp);
		i += n;
	}
	return (w);
}

size_t
text_width(const char *s)
{
	if (s == NULL)
		return (0);
	return (text_width_n(s, strlen(s)));
}

size_t
text_prefix(const char *s, size_t cells, size_t *widthp)
{
	size_t len, i = 0, n, w = 0, cw;
	uint32_t cp;

	len = s == NULL ? 0 : strlen(s);
	while (i < len) {
		n = text_decode(s + i, len - i, &cp);
		cw = (size_t)text_cp_width(cp);
		if (w + cw > cells)
			break;
		w += cw;
		i += n;
	}
	if (widthp != NULL)
		*widthp = w;
	return (i);
}

/*
 * Copy to out the longest prefix of s (len bytes) that fits in cells
 * display cells, with at most TEXT_MAX_MARKS zero-width characters after
 * each character: the others are left out.  out has room for what
 * fit_room() says.  Stores the bytes written in *outlen and their width
 * in *widthp; returns the bytes of s read, len when all of s fits.
 */
static size_t
fit(const char *s, size_t len, size_t cells, char *out, size_t *outlen,
    size_t *widthp)
{
	size_t i = 0, o = 0, n, w = 0, cw, marks = 0;
	uint32_t cp;

	while (i < len) {
		n = text_decode(s + i, len - i, &cp);
		cw = (size_t)text_cp_width(cp);
		if (cw > 0) {
			if (w + cw > cells)
				break;
			w += cw;
			marks = 0;
		} else if (marks++ >= TEXT_MAX_MARKS) {
			i += n;
			continue;
		}
		memcpy(out + o, s + i, n);
		o += n;
		i += n;
	}
	*outlen = o;
	if (widthp != NULL)
		*widthp = w;
	return (i);
}

/*
 * Room for what fit() writes: no more than s, and no more than cells
 * characters of at most 4 bytes, each with its marks (and marks before
 * the first one), plus an ellipsis and the NUL.
 */
static size_t
fit_room(size_t len, size_t cells)
{
	size_t most = SIZE_MAX / 4 / (TEXT_MAX_MARKS + 1) - 1;

	if (cells < most && len > (cells + 1) * 4 * (TEXT_MAX_MARKS + 1))
		len = (cells + 1) * 4 * (TEXT_MAX_MARKS + 1);
	return (len + sizeof(TEXT_ELLIPSIS));
}

char *
text_fit(const char *s, size_t cells, size_t *widthp)
{
	size_t len, o;
	char *out;

	len = s == NULL ? 0 : strlen(s);
	out = xmalloc(fit_room(len, cells));
	(void)fit(s, len, cells, out, &o, widthp);
	out[o] = '\0';
	return (out);
}

char *
text_truncate(const char *s, size_t cells)
{
	size_t len, o;
	char *out;

	if (s == NULL || cells == 0)
		return (xstrdup(""));
	len = strlen(s);
	out = xmalloc(fit_room(len, cells));
	if (fit(s, len, cells, out, &o, NULL) == len) {
		out[o] = '\0';
		return (out);
	}
	(void)fit(s, len, cells - 1, out, &o, NULL);
	memcpy(out + o, TEXT_ELLIPSIS, sizeof(TEXT_ELLIPSIS));
	return (out);
}

char *
text_pad(const char *s, size_t cells, enum text_align align)
{
	char *t, *out;
	size_t tw, tlen, pad, left;

	t = text_truncate(s, cells);
	tw = text_width(t);
	tlen = strlen(t);
	pad = tw < cells ? cells - tw : 0;
	switch (align) {
	case TEXT_ALIGN_RIGHT:
		left = pad;
		break;
	case TEXT_ALIGN_CENTER:
		left = pad / 2;
		break;
	default:
		left = 0;
		break;
	}
	out = xmalloc(tlen + pad + 1);
	memset(out, ' ', left);
	memcpy(out + left, t, tlen);
	memset(out + left + tlen, ' ', pad - left);
	out[tlen + pad] = '\0';
	free(t);
	return (out);
}

/*
 * A little of the CJK line breaking rules (kinsoku): closing brackets and
 * full stops never start a line, opening brackets never end one.
 */
static int
no_break_before(uint32_t cp)
{
	static const uint32_t closing[] = {
		0x3001, 0x3002, 0x300d, 0x300f, 0x3011, 0x3015, 0x3009,
		0x300b, 0x3017, 0x3019, 0x301f, 0xff09, 0xff0c, 0xff0e,
		0xff01, 0xff1f, 0xff1a, 0xff1b, 0xff3d, 0xff5d, 0x30fc,
		0x3063, 0x30c3, 0x3083, 0x30e3, 0x3085, 0x30e5, 0x3087,
		0x30e7, 0x30fb, 0x2026, 0x309d, 0x309e, 0x30fd, 0x30fe
	};
	size_t i;

	for (i = 0; i < sizeof(closing) / sizeof(closing[0]); i++)
		if (cp == closing[i])
			return (1);
	return (0);
}

static int
no_break_after(uint32_t cp)
{
	static const uint32_t opening[] = {
		0x300c, 0x300e, 0x3010, 0x3014, 0x3008, 0x300a, 0x3016,
		0x3018, 0x301d, 0xff08, 0xff3b, 0xff5b
	};
	size_t i;

	for (i = 0; i < sizeof(opening) / sizeof(opening[0]); i++)
		if (cp == opening[i])
			return (1);
	return (0);
}

struct wrap {
	const char		*s;
	struct text_line	*lines;
	size_t			 n;
	size_t			 alloc;
};

/* Add the line [start, end) without its trailing spaces. */
static void
wrap_emit(struct wrap *wr, size_t start, size_t end)
{
	struct text_line *l;

	while (end > start && wr->s[end - 1] == ' ')
		end--;
	if (wr->n == wr->alloc) {
		wr->alloc = wr->alloc == 0 ? 16 : wr->alloc * 2;
		wr->lines = xreallocarray(wr->lines, wr->alloc,
		    sizeof(*wr->lines));
	}
	l = &wr->lines[wr->n++];
	l->off = start;
	l->len = end - start;
	l->width = text_width_n(wr->s + start, end - start);
}

size_t
text_wrap(const char *s, size_t width, struct text_line **linesp)
{
	struct wrap wr = { s, NULL, 0, 0 };
	size_t len, start, i, n, w, cw, brk_end, brk_next;
	int prev_wide;
	uint32_t prev_cp = 0;
	uint32_t cp;

	if (s == NULL)
		s = wr.s = "";
	if (width == 0)
		width = 1;
	len = strlen(s);
	start = i = w = 0;
	brk_end = brk_next = 0;	/* brk_end > start: a break is known */
	prev_wide = 0;
	while (i < len) {
		if (s[i] == '\n') {
			wrap_emit(&wr, start, i);
			start = ++i;
			w = brk_end = brk_next = 0;
			prev_wide = 0;
			continue;
		}
		if (s[i] == ' ') {
			if (i == start) {
				start = ++i;	/* no line starts with a space */
				continue;
			}
			if (w + 1 > width) {
				/* Break at these spaces, and skip them all. */
				wrap_emit(&wr, start, i);
				while (i < len && s[i] == ' ')
					i++;
				start = i;
				w = brk_end = brk_next = 0;
				prev_wide = 0;
				continue;
			}
			if (s[i - 1] != ' ')
				brk_end = i;
			w++;
			i++;
			brk_next = i;
			prev_wide = 0;
			continue;
		}
		n = text_decode(s + i, len - i, &cp);
		cw = (size_t)text_cp_width(cp);
		/* Between wide characters a line may break. */
		if (i > start && s[i - 1] != ' ' && (cw == 2 || prev_wide) &&
		    !no_break_before(cp) && !no_break_after(prev_cp)) {
			brk_end = brk_next = i;
		}
		if (cw > 0 && w + cw > width && i > start) {
			if (brk_end > start) {
				wrap_emit(&wr, start, brk_end);
				start = brk_next;
				brk_end = brk_next = 0;
				w = text_width_n(s + start, i - start);
				/* Look at this character again. */
				continue;
			}
			wrap_emit(&wr, start, i);
			start = i;
			w = 0;
			brk_end = brk_next = 0;
		}
		w += cw;
		i += n;
		if (cw > 0) {
			prev_wide = cw == 2;
			prev_cp = cp;
		}
	}
	/* The last line, unless trailing spaces just ended the one before. */
	if (start < len || wr.n == 0 || s[len - 1] == '\n')
		wrap_emit(&wr, start, len);
	*linesp = wr.lines;
	return (wr.n);
}
