/*
 * expat_floor: the raw expat floor for bench/parse.  Reads every file
 * named on the command line into memory, then parses each with a fresh
 * expat parser whose handlers do nothing but count, best of 5 rounds,
 * and prints "BYTES SECONDS MB/s".  Single-byte charsets expat does not
 * know (KOI8-R, windows-1252) get a 256-entry map built with iconv, so
 * the floor covers the same documents gazette parses.
 */
#include <expat.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>

#include "readfiles.h"

static size_t text_bytes, elements;

static void XMLCALL
on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	(void)ud;
	(void)name;
	(void)atts;
	elements++;
}

static void XMLCALL
on_end(void *ud, const XML_Char *name)
{
	(void)ud;
	(void)name;
}

static void XMLCALL
on_text(void *ud, const XML_Char *s, int len)
{
	(void)ud;
	(void)s;
	text_bytes += (size_t)len;
}

static int XMLCALL
on_unknown_encoding(void *ud, const XML_Char *name, XML_Encoding *info)
{
	iconv_t cd;
	int b;

	(void)ud;
	if ((cd = iconv_open("UTF-32LE", name)) == (iconv_t)-1)
		return (XML_STATUS_ERROR);
	for (b = 0; b < 256; b++) {
		char in = (char)b, *ip = &in;
		unsigned char out[4], *op = out;
		size_t il = 1, ol = 4;

		iconv(cd, NULL, NULL, NULL, NULL);
		if (iconv(cd, &ip, &il, (char **)&op, &ol) == (size_t)-1 ||
		    ol != 0)
			info->map[b] = -1;
		else
			info->map[b] = (int)(out[0] | out[1] << 8 |
			    out[2] << 16 | (uint32_t)out[3] << 24);
	}
	iconv_close(cd);
	info->data = NULL;
	info->convert = NULL;
	info->release = NULL;
	return (XML_STATUS_OK);
}

int
main(int argc, char **argv)
{
	struct doc *docs;
	size_t total, failed = 0;
	double best = 1e99, t;
	int i, round;

	docs = read_docs("expat_floor", argc, argv, &total);
	for (round = 0; round < 5; round++) {
		t = now();
		failed = 0;
		for (i = 1; i < argc; i++) {
			XML_Parser p = XML_ParserCreate(NULL);

			XML_SetElementHandler(p, on_start, on_end);
			XML_SetCharacterDataHandler(p, on_text);
			XML_SetUnknownEncodingHandler(p, on_unknown_encoding,
			    NULL);
			if (XML_Parse(p, docs[i].data, (int)docs[i].len, 1) !=
			    XML_STATUS_OK) {
				if (round == 0)
					fprintf(stderr, "expat_floor: %s: %s\n",
					    argv[i], XML_ErrorString(
					    XML_GetErrorCode(p)));
				failed++;
			}
			XML_ParserFree(p);
		}
		t = now() - t;
		if (t < best)
			best = t;
	}
	printf("%zu %.6f %.1f\n", total, best, (double)total / 1e6 / best);
	return (failed > 0);
}
