/* encoding: charset detection and streaming conversion to UTF-8. */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "encoding.h"
#include "xmalloc.h"

#define CARRY_MAX	32

struct enc_conv {
	bool		 utf8;		/* validate and repair, no iconv */
	iconv_t		 cd;
	char		 name[64];
	size_t		 unit;		/* bytes to skip past an invalid one */
	bool		 table_mode;	/* a single-byte charset: use map */
	bool		 ascii_same;	/* ... and 0x00-0x7F map to ASCII */
	struct {
		unsigned char	len;
		char		utf8[7];
	}		 map[256];	/* byte -> UTF-8, built with iconv */
	unsigned char	 carry[CARRY_MAX];
	size_t		 carry_len;
};

static const char replacement[] = "\xef\xbf\xbd";

/* windows-1252 0x80-0x9F; 0 marks the five undefined bytes. */
static const uint16_t cp1252_high[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178
};

/* Label aliases, compared case-insensitively; "" target means UTF-8. */
static const struct {
	const char	*label;
	const char	*name;
} aliases[] = {
	{ "utf-8", "" }, { "utf8", "" }, { "unicode-1-1-utf-8", "" },
	{ "x-unicode20utf8", "" },
	{ "iso-8859-1", "WINDOWS-1252" }, { "iso8859-1", "WINDOWS-1252" },
	{ "iso_8859-1", "WINDOWS-1252" }, { "latin1", "WINDOWS-1252" },
	{ "latin-1", "WINDOWS-1252" }, { "l1", "WINDOWS-1252" },
	{ "iso-ir-100", "WINDOWS-1252" }, { "cp819", "WINDOWS-1252" },
	{ "ibm819", "WINDOWS-1252" }, { "us-ascii", "WINDOWS-1252" },
	{ "ascii", "WINDOWS-1252" }, { "ansi_x3.4-1968", "WINDOWS-1252" },
	{ "iso_8859-1:1987", "WINDOWS-1252" }, { "cp1252", "WINDOWS-1252" },
	{ "x-cp1252", "WINDOWS-1252" }, { "windows-1252", "WINDOWS-1252" },
	{ "shift_jis", "CP932" }, { "shift-jis", "CP932" },
	{ "sjis", "CP932" }, { "x-sjis", "CP932" }, { "ms_kanji", "CP932" },
	{ "csshiftjis", "CP932" }, { "windows-31j", "CP932" },
	{ "ms932", "CP932" },
	{ "x-euc-jp", "EUC-JP" }, { "cseucpkdfmtjapanese", "EUC-JP" },
	{ "gb2312", "GB18030" }, { "gbk", "GB18030" }, { "x-gbk", "GB18030" },
	{ "gb_2312-80", "GB18030" }, { "csgb2312", "GB18030" },
	{ "chinese", "GB18030" }, { "cp936", "GB18030" },
	{ "euc-cn", "GB18030" }, { "x-euc-cn", "GB18030" },
	{ "euc-kr", "CP949" }, { "ks_c_5601-1987", "CP949" },
	{ "x-windows-949", "CP949" },
	{ "big5", "BIG5" }, { "x-x-big5", "BIG5" }, { "cn-big5", "BIG5" },
	{ "x-mac-roman", "MACINTOSH" }, { "mac", "MACINTOSH" },
	{ "x-mac-cyrillic", "MAC-CYRILLIC" },
	{ "iso-8859-8-i", "ISO-8859-8" }, { "tis-620", "CP874" },
	{ "windows-874", "CP874" }, { "iso-8859-11", "CP874" },
	{ "koi8-ru", "KOI8-U" }
};

void
enc_out_reserve(struct enc_out *o, size_t more)
{
	size_t need, grow;

	if (more > SIZE_MAX - o->len - 1)
		abort();
	need = o->len + more + 1;
	if (need <= o->alloc)
		return;
	grow = o->alloc < 4096 ? 4096 : o->alloc;
	while (grow < need)
		grow = grow > SIZE_MAX / 2 ? need : grow * 2;
	o->data = xrealloc(o->data, grow);
	o->alloc = grow;
}

void
enc_out_add(struct enc_out *o, const void *p, size_t n)
{
	enc_out_reserve(o, n);
	if (n > 0)
		memcpy(o->data + o->len, p, n);
	o->len += n;
}

void
enc_out_free(struct enc_out *o)
{
	free(o->data);
	o->data = NULL;
	o->len = o->alloc = 0;
}

static int
lower(int c)
{
	return (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

static bool
label_eq(const char *a, const char *b)
{
	while (*a != '\0' && *b != '\0' && lower((unsigned char)*a) ==
	    lower((unsigned char)*b)) {
		a++;
		b++;
	}
	return (*a == '\0' && *b == '\0');
}

bool
enc_canonical(const char *label, char *out, size_t outlen)
{
	size_t i;

	for (i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++) {
		if (label_eq(label, aliases[i].label)) {
			if (aliases[i].name[0] == '\0') {
				snprintf(out, outlen, "UTF-8");
				return (true);
			}
			snprintf(out, outlen, "%s", aliases[i].name);
			return (false);
		}
	}
	snprintf(out, outlen, "%s", label);
	return (false);
}

/* UTF-16 and UTF-32 under their usual names. */
static bool
wide_label(const char *label)
{
	static const char *const wide[] = { "utf-16", "utf-16le", "utf-16be",
	    "utf16", "unicode", "ucs-2", "utf-32", "utf-32le", "utf-32be",
	    "ucs-4", "iso-10646-ucs-2" };
	size_t i;

	for (i = 0; i < sizeof(wide) / sizeof(wide[0]); i++)
		if (label_eq(label, wide[i]))
			return (true);
	return (false);
}

static bool
is_space(unsigned char c)
{
	return (c == ' ' || c == '\t' || c == '\n' || c == '\r');
}

/* Find encoding="..." inside an XML declaration head[0..n). */
static bool
decl_encoding(const unsigned char *s, size_t n, char *out, size_t outlen)
{
	size_t i, j, k;
	unsigned char q;

	for (i = 0; i + 8 <= n; i++) {
		if (memcmp(s + i, "encoding", 8) != 0)
			continue;
		j = i + 8;
		while (j < n && is_space(s[j]))
			j++;
		if (j >= n || s[j] != '=')
			continue;
		j++;
		while (j < n && is_space(s[j]))
			j++;
		if (j >= n || (s[j] != '"' && s[j] != '\''))
			continue;
		q = s[j++];
		for (k = 0; j + k < n && s[j + k] != q; k++)
			;
		if (j + k >= n || k == 0 || k >= outlen)
			return (false);
		/* Trim stray blanks inside the quotes. */
		while (k > 0 && is_space(s[j]))
			j++, k--;
		while (k > 0 && is_space(s[j + k - 1]))
			k--;
		if (k == 0)
			return (false);
		memcpy(out, s + j, k);
		out[k] = '\0';
		return (true);
	}
	return (false);
}

int
enc_sniff(const void *data, size_t len, bool eof, const char *hint,
    struct enc_sniff *out)
{
	const unsigned char *s = data;
	size_t i, end;

	memset(out, 0, sizeof(*out));
	if (len < 4 && !eof)
		return (1);
	if (len >= 4 && memcmp(s, "\xff\xfe\0\0", 4) == 0) {
		snprintf(out->label, sizeof(out->label), "UTF-32LE");
		out->bom_len = 4;
		out->source = ENC_FROM_BOM;
		return (0);
	}
	if (len >= 4 && memcmp(s, "\0\0\xfe\xff", 4) == 0) {
		snprintf(out->label, sizeof(out->label), "UTF-32BE");
		out->bom_len = 4;
		out->source = ENC_FROM_BOM;
		return (0);
	}
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		snprintf(out->label, sizeof(out->label), "UTF-8");
		out->bom_len = 3;
		out->source = ENC_FROM_BOM;
		return (0);
	}
	if (len >= 2 && s[0] == 0xff && s[1] == 0xfe) {
		snprintf(out->label, sizeof(out->label), "UTF-16LE");
		out->bom_len = 2;
		out->source = ENC_FROM_BOM;
		return (0);
	}
	if (len >= 2 && s[0] == 0xfe && s[1] == 0xff) {
		snprintf(out->label, sizeof(out->label), "UTF-16BE");
		out->bom_len = 2;
		out->source = ENC_FROM_BOM;
		return (0);
	}
	/* 16-bit units without a BOM: '<' or a blank next to a zero byte. */
	if (len >= 4 && s[0] != 0 && s[1] == 0 && s[2] != 0 && s[3] == 0) {
		snprintf(out->label, sizeof(out->label), "UTF-16LE");
		out->source = ENC_FROM_UTF16_GUESS;
		return (0);
	}
	if (len >= 4 && s[0] == 0 && s[1] != 0 && s[2] == 0 && s[3] != 0) {
		snprintf(out->label, sizeof(out->label), "UTF-16BE");
		out->source = ENC_FROM_UTF16_GUESS;
		return (0);
	}
	/* An ASCII-compatible head: look for the XML declaration (blank lines
	   before it are tolerated, as feeds generated by scripts have them). */
	for (i = 0; i < len && is_space(s[i]); i++)
		;
	if (len - i >= 5 && memcmp(s + i, "<?xml", 5) == 0) {
		for (end = i; end + 1 < len && !(s[end] == '?' &&
		    s[end + 1] == '>'); end++)
			;
		if (end + 1 >= len && !eof && len < ENC_SNIFF_MAX)
			return (1);
		/* A declared 16/32-bit form read from an ASCII-compatible
		   head is a mislabel: the bytes are 8-bit (UTF-8 then). */
		if (decl_encoding(s + i, end - i, out->label,
		    sizeof(out->label))) {
			if (wide_label(out->label))
				snprintf(out->label, sizeof(out->label),
				    "UTF-8");
			out->source = ENC_FROM_DECL;
			return (0);
		}
	} else if (len - i < 5 && !eof && len < ENC_SNIFF_MAX &&
	    memcmp(s + i, "<?xml", len - i) == 0)
		return (1);
	if (hint != NULL && hint[0] != '\0' && !wide_label(hint)) {
		snprintf(out->label, sizeof(out->label), "%s", hint);
		out->source = ENC_FROM_HINT;
		return (0);
	}
	snprintf(out->label, sizeof(out->label), "UTF-8");
	out->source = ENC_FROM_DEFAULT;
	return (0);
}

int
enc_sniff_forced(const void *data, size_t len, bool eof, const char *label,
    struct enc_sniff *out)
{
	if (label == NULL || label[0] == '\0' || wide_label(label))
		return (enc_sniff(data, len, eof, NULL, out));
	/* Only a BOM can beat the override: four bytes are enough. */
	memset(out, 0, sizeof(*out));
	if (len < 4 && !eof)
		return (1);
	if (enc_sniff(data, len < 4 ? len : 4, true, NULL, out) == 0 &&
	    out->source == ENC_FROM_BOM)
		return (0);
	memset(out, 0, sizeof(*out));
	snprintf(out->label, sizeof(out->label), "%s", label);
	out->source = ENC_FROM_FORCED;
	return (0);
}

static void
add_cp(struct enc_out *o, uint32_t cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		u[0] = (char)(0xf0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	enc_out_add(o, u, n);
}

/* One byte that is not part of valid UTF-8, read as windows-1252. */
static void
add_repaired(struct enc_out *o, unsigned char c)
{
	uint32_t cp;

	if (c >= 0x80 && c < 0xa0) {
		cp = cp1252_high[c - 0x80];
		if (cp == 0)
			cp = 0xfffd;
	} else
		cp = c;
	add_cp(o, cp);
}

/*
 * Length of the UTF-8 sequence starting at s: > 0 valid, 0 invalid,
 * -1 a valid prefix cut by the end of the input.
 */
static int
utf8_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t len, i;
	unsigned char lo = 0x80, hi = 0xbf;

	if (c < 0x80)
		return (1);
	if (c >= 0xc2 && c <= 0xdf)
		len = 2;
	else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else
		return (0);
	for (i = 1; i < len; i++) {
		if (i >= n)
			return (-1);
		if (s[i] < lo || s[i] > hi)
			return (0);
		lo = 0x80;
		hi = 0xbf;
	}
	return ((int)len);
}

size_t
enc_utf8_repair(const unsigned char *s, size_t n, bool final,
    struct enc_out *out)
{
	size_t i = 0, start;
	int l;

	enc_out_reserve(out, n);
	while (i < n) {
		/* Copy runs of ASCII and valid sequences in one go. */
		start = i;
		for (;;) {
			while (i < n && s[i] < 0x80)
				i++;
			if (i >= n)
				break;
			l = utf8_len(s + i, n - i);
			if (l <= 0)
				break;
			i += (size_t)l;
		}
		if (i > start)
			enc_out_add(out, s + start, i - start);
		if (i >= n)
			break;
		l = utf8_len(s + i, n - i);
		if (l < 0 && !final)
			return (i);	/* carry the cut sequence */
		add_repaired(out, s[i]);
		i++;
	}
	return (n);
}

/*
 * Single-byte charsets (ISO-8859-*, windows-125x, KOI8-*...) are
 * converted through a 256-entry map that iconv fills once: much faster
 * than calling iconv on the stream.  A charset is single-byte when no
 * byte on its own is an incomplete sequence (EINVAL); the Vietnamese
 * sets that compose letters with a following accent are left to iconv.
 */
static bool
build_map(struct enc_conv *c)
{
	char in[1], out[16], *ip, *op;
	size_t ileft, oleft, rc;
	int b;

	if (strncasecmp(c->name, "TCVN", 4) == 0 ||
	    strcasecmp(c->name, "CP1258") == 0 ||
	    strcasecmp(c->name, "WINDOWS-1258") == 0 || c->unit != 1)
		return (false);
	for (b = 0; b < 256; b++) {
		iconv(c->cd, NULL, NULL, NULL, NULL);
		in[0] = (char)b;
		ip = in;
		ileft = 1;
		op = out;
		oleft = sizeof(out);
		rc = iconv(c->cd, (ICONV_CONST char **)&ip, &ileft, &op,
		    &oleft);
		if (rc == (size_t)-1 && errno == EINVAL)
			return (false);
		if (rc == (size_t)-1 || ileft != 0) {
			memcpy(c->map[b].utf8, replacement, 3);
			c->map[b].len = 3;
			continue;
		}
		if (iconv(c->cd, NULL, NULL, &op, &oleft) == (size_t)-1)
			return (false);
		if ((size_t)(op - out) > sizeof(c->map[b].utf8) ||
		    op == out)
			return (false);
		memcpy(c->map[b].utf8, out, (size_t)(op - out));
		c->map[b].len = (unsigned char)(op - out);
	}
	iconv(c->cd, NULL, NULL, NULL, NULL);
	c->ascii_same = true;
	for (b = 0; b < 0x80; b++)
		if (c->map[b].len != 1 || c->map[b].utf8[0] != (char)b)
			c->ascii_same = false;
	return (true);
}

static void
map_run(const struct enc_conv *c, const unsigned char *in, size_t n,
    struct enc_out *out)
{
	char *op;
	size_t i, l;

	enc_out_reserve(out, n * 7);
	op = out->data + out->len;
	for (i = 0; i < n; i++) {
		if (in[i] < 0x80 && c->ascii_same) {
			*op++ = (char)in[i];
			continue;
		}
		l = c->map[in[i]].len;
		memcpy(op, c->map[in[i]].utf8, l);
		op += l;
	}
	out->len = (size_t)(op - out->data);
}

struct enc_conv *
enc_conv_new(const char *label, struct err *err)
{
	struct enc_conv *c;
	char name[64];

	c = xcalloc(1, sizeof(*c));
	c->cd = (iconv_t)-1;
	if (enc_canonical(label, name, sizeof(name))) {
		c->utf8 = true;
		snprintf(c->name, sizeof(c->name), "UTF-8");
		return (c);
	}
	snprintf(c->name, sizeof(c->name), "%s", name);
	c->unit = 1;
	if (strncasecmp(name, "UTF-16", 6) == 0 || strncasecmp(name,
	    "UCS-2", 5) == 0)
		c->unit = 2;
	else if (strncasecmp(name, "UTF-32", 6) == 0 || strncasecmp(name,
	    "UCS-4", 5) == 0)
		c->unit = 4;
	c->cd = iconv_open("UTF-8", name);
	if (c->cd == (iconv_t)-1) {
		err_set(err, ERR_ENCODING, "unknown encoding '%s'", label);
		free(c);
		return (NULL);
	}
	c->table_mode = build_map(c);
	return (c);
}

/*
 * Run iconv over in[0..n).  Returns how many bytes were consumed: all of
 * them, or fewer when the input ends inside a multibyte sequence.
 */
static size_t
iconv_run(struct enc_conv *c, const unsigned char *in, size_t n,
    struct enc_out *out)
{
	char *ip = (char *)(uintptr_t)in, *op;
	size_t ileft = n, oleft, rc;

	while (ileft > 0) {
		enc_out_reserve(out, ileft * 4 + 16);
		op = out->data + out->len;
		oleft = out->alloc - out->len - 1;
		rc = iconv(c->cd, (ICONV_CONST char **)&ip, &ileft, &op,
		    &oleft);
		out->len = (size_t)(op - out->data);
		if (rc != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		if (errno == EINVAL && ileft < CARRY_MAX / 2)
			return (n - ileft);
		/* EILSEQ (or an absurdly long incomplete sequence): skip one
		   code unit (two bytes in UTF-16, four in UTF-32). */
		enc_out_add(out, replacement, 3);
		if (ileft < c->unit) {
			ip += ileft;
			ileft = 0;
		} else {
			ip += c->unit;
			ileft -= c->unit;
		}
	}
	return (n);
}

void
enc_conv_push(struct enc_conv *c, const void *data, size_t len,
    struct enc_out *out)
{
	const unsigned char *in = data;
	unsigned char tmp[CARRY_MAX * 2];
	size_t take, total, used, rest;

	if (c->table_mode) {
		map_run(c, in, len, out);
		return;
	}
	if (c->carry_len > 0) {
		take = len < sizeof(tmp) - c->carry_len ? len :
		    sizeof(tmp) - c->carry_len;
		memcpy(tmp, c->carry, c->carry_len);
		memcpy(tmp + c->carry_len, in, take);
		total = c->carry_len + take;
		if (c->utf8)
			used = enc_utf8_repair(tmp, total, false, out);
		else
			used = iconv_run(c, tmp, total, out);
		if (used < c->carry_len || (take == len && used < total)) {
			/* Still cut: keep what is left for later. */
			rest = total - used;
			if (rest > CARRY_MAX)
				rest = CARRY_MAX;	/* cannot happen */
			memmove(c->carry, tmp + used, rest);
			c->carry_len = rest;
			return;
		}
		in += used - c->carry_len;
		len -= used - c->carry_len;
		c->carry_len = 0;
	}
	if (c->utf8)
		used = enc_utf8_repair(in, len, false, out);
	else
		used = iconv_run(c, in, len, out);
	rest = len - used;
	if (rest > CARRY_MAX)
		rest = CARRY_MAX;	/* cannot happen: tails are short */
	memcpy(c->carry, in + used, rest);
	c->carry_len = rest;
}

void
enc_conv_finish(struct enc_conv *c, struct enc_out *out)
{
	char *op;
	size_t oleft;

	if (c->utf8) {
		if (c->carry_len > 0)
			enc_utf8_repair(c->carry, c->carry_len, true, out);
		c->carry_len = 0;
		return;
	}
	if (c->carry_len > 0)
		enc_out_add(out, replacement, 3);
	c->carry_len = 0;
	enc_out_reserve(out, 64);
	op = out->data + out->len;
	oleft = out->alloc - out->len - 1;
	if (iconv(c->cd, NULL, NULL, &op, &oleft) != (size_t)-1)
		out->len = (size_t)(op - out->data);
}

const char *
enc_conv_name(const struct enc_conv *c)
{
	return (c->name);
}

void
enc_conv_free(struct enc_conv *c)
{
	if (c == NULL)
		return;
	if (c->cd != (iconv_t)-1)
		iconv_close(c->cd);
	free(c);
}
