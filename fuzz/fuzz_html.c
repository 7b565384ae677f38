/*
 * fuzz_html: html_render, html_render_text and html_to_text on arbitrary
 * bytes.  The first byte picks the width (10 to 137) and whether the link
 * list is added, bit 0x40 of the second whether the marks are ASCII; the
 * rest is the HTML.  Checked: no control character, escape sequence or
 * bidi override in any output (links and their notes included), widths
 * as reported, spans inside their lines and in order, no line wider than
 * the width (pre, tables and the link list included).
 */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "text.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int locale_set;

/* Valid UTF-8 with no control character but, when nl, '\n'. */
static void
check_clean(const char *s, int nl)
{
	size_t i = 0, n, len = strlen(s);
	uint32_t cp;

	while (i < len) {
		n = text_decode(s + i, len - i, &cp);
		if (cp == TEXT_REPLACEMENT && memcmp(s + i, "\xef\xbf\xbd",
		    n < 3 ? n : 3) != 0)
			abort();	/* invalid UTF-8 */
		if ((cp < 0x20 && !(nl && cp == '\n')) ||
		    (cp >= 0x7f && cp <= 0x9f) ||
		    (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			abort();
		i += n;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct html_opts o = { .width = 80, .base = "https://example.org/a/b.html", .flags = 0 };
	struct html_doc *d;
	const struct html_line *l;
	const char *html;
	char *text;
	size_t i, j, len;

	if (size == 0)
		return (0);
	if (!locale_set) {
		(void)setlocale(LC_CTYPE, "C.UTF-8");
		locale_set = 1;
	}
	o.width = 10 + (data[0] & 0x7f);
	if (data[0] & 0x80)
		o.flags |= HTML_RENDER_LINK_LIST;
	if (size > 1 && (data[1] & 0x40))
		o.flags |= HTML_RENDER_ASCII;
	html = (const char *)data + 1;
	len = size - 1;

	d = html_render(html, len, &o);
	for (i = 0; i < d->nlines; i++) {
		l = &d->lines[i];
		check_clean(l->text, 0);
		if (l->width != text_width(l->text) || l->width > o.width)
			abort();
		for (j = 0; j < l->nspans; j++) {
			if (l->spans[j].off + l->spans[j].len >
			    strlen(l->text))
				abort();
			if (j > 0 && l->spans[j].off < l->spans[j - 1].off +
			    l->spans[j - 1].len)
				abort();	/* overlapping */
			if ((l->spans[j].attr & HTML_ATTR_LINK) &&
			    l->spans[j].link > d->nlinks)
				abort();
		}
	}
	if (i > 0 && d->lines[i - 1].text[0] == '\0')
		abort();	/* no trailing blank line */
	for (i = 0; i < d->nlinks; i++) {
		check_clean(d->links[i], 0);
		if (d->notes[i] != NULL)
			check_clean(d->notes[i], 0);
	}
	html_doc_free(d);

	/* The same bytes as a plain-text body. */
	d = html_render_text(html, len, &o);
	for (i = 0; i < d->nlines; i++) {
		check_clean(d->lines[i].text, 0);
		if (d->lines[i].width != text_width(d->lines[i].text) ||
		    d->lines[i].width > o.width)
			abort();
	}
	html_doc_free(d);

	text = html_to_text(html, len);
	check_clean(text, 1);
	free(text);
	return (0);
}
