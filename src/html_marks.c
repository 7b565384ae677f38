/*
 * html_marks: inline marks that keep what styling meant once the styling
 * is gone: `code`, ~~deleted~~, H_2O and x^2 (or H₂O and x² with the
 * Unicode sub and superscript characters).  A mark opens lazily, just
 * before the element's first text, so "a <code> b </code>" gives
 * "a `b`" and an empty element gives nothing.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "html.h"
#include "html_render_int.h"
#include "text.h"

void
hr_mark_push(struct hr_render *r, const char *open, const char *close,
    unsigned script)
{
	struct hr_mark *m;

	if (r->nmarks == HTML_MAX_NEST) {
		r->marks_over++;
		return;
	}
	m = &r->marks[r->nmarks++];
	memset(m, 0, sizeof(*m));
	if (open != NULL) {
		(void)snprintf(m->open, sizeof(m->open), "%s", open);
		(void)snprintf(m->close, sizeof(m->close), "%s", close);
	}
	m->script = script;
}

void
hr_mark_pop(struct hr_render *r)
{
	struct hr_mark *m;
	bool space;

	if (r->marks_over > 0) {
		r->marks_over--;
		return;
	}
	if (r->nmarks == 0)
		return;
	m = &r->marks[--r->nmarks];
	if (!m->shown || m->close[0] == '\0')
		return;
	/* "`b `" is "`b` ": the space goes after the mark. */
	space = r->para.len > 0 && r->para.data[r->para.len - 1] == ' ';
	if (space)
		hr_para_trim_end(r, false);
	hr_para_add(r, m->close, strlen(m->close), HTML_ATTR_MARKER, 0);
	if (space)
		hr_para_add(r, " ", 1, 0, 0);
}

void
hr_marks_show(struct hr_render *r)
{
	size_t i;

	for (i = 0; i < r->nmarks; i++) {
		if (r->marks[i].shown)
			continue;
		r->marks[i].shown = true;
		if (r->marks[i].open[0] != '\0')
			hr_para_add(r, r->marks[i].open,
			    strlen(r->marks[i].open), HTML_ATTR_MARKER, 0);
	}
}

unsigned
hr_script(const struct hr_render *r)
{
	size_t i;

	for (i = r->nmarks; i > 0; i--)
		if (r->marks[i - 1].script != 0)
			return (r->marks[i - 1].script);
	return (0);
}

/* The sub or superscript form of c, or 0. */
static uint32_t
script_char(uint32_t c, unsigned script)
{
	static const uint32_t sup_digit[10] = {
		0x2070, 0x00b9, 0x00b2, 0x00b3, 0x2074,
		0x2075, 0x2076, 0x2077, 0x2078, 0x2079
	};
	/* The subscript letters of U+2090-U+209C. */
	static const struct {
		char		c;
		uint32_t	sub;
	} sub_letter[] = {
		{ 'a', 0x2090 }, { 'e', 0x2091 }, { 'o', 0x2092 },
		{ 'x', 0x2093 }, { 'h', 0x2095 }, { 'k', 0x2096 },
		{ 'l', 0x2097 }, { 'm', 0x2098 }, { 'n', 0x2099 },
		{ 'p', 0x209a }, { 's', 0x209b }, { 't', 0x209c },
	};
	size_t i;

	if (c >= '0' && c <= '9')
		return (script == HR_SUB ? 0x2080 + (c - '0') :
		    sup_digit[c - '0']);
	switch (c) {
	case '+':
		return (script == HR_SUB ? 0x208a : 0x207a);
	case '-':
	case 0x2212:	/* minus sign */
		return (script == HR_SUB ? 0x208b : 0x207b);
	case '=':
		return (script == HR_SUB ? 0x208c : 0x207c);
	case '(':
		return (script == HR_SUB ? 0x208d : 0x207d);
	case ')':
		return (script == HR_SUB ? 0x208e : 0x207e);
	case 'n':
		if (script == HR_SUP)
			return (0x207f);
		break;
	case 'i':
		if (script == HR_SUP)
			return (0x2071);
		break;
	}
	if (script == HR_SUB)
		for (i = 0; i < sizeof(sub_letter) / sizeof(sub_letter[0]); i++)
			if ((uint32_t)sub_letter[i].c == c)
				return (sub_letter[i].sub);
	return (0);
}

bool
hr_script_convert(const char *s, size_t len, unsigned script,
    struct buf *out)
{
	size_t n;
	uint32_t cp, sc;
	char enc[4];

	buf_reset(out);
	while (len > 0) {
		n = text_decode(s, len, &cp);
		if ((sc = script_char(cp, script)) == 0)
			return (false);
		(void)buf_add(out, enc, text_encode(sc, enc));
		s += n;
		len -= n;
	}
	return (true);
}
