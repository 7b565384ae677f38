/*
 * encoding: a document's character set, found and converted to UTF-8.
 *
 * Detection (enc_sniff), in this order: a byte order mark; UTF-16
 * without a BOM recognised from "<?" in 16-bit units; the encoding= of
 * the XML declaration; the caller's hint (an HTTP charset, --charset),
 * used only when the document declares nothing; else UTF-8.
 * enc_sniff_forced puts a user's override (the urls file's @encoding=)
 * above everything but a byte order mark: an override beats the XML
 * declaration and the HTTP charset, which are what it exists to correct,
 * while a BOM is not a label anyone types by mistake (a document that
 * starts with one is in that encoding, whatever else it says; browsers
 * let a BOM win over a user's manual choice for the same reason).
 * A forced UTF-16 or UTF-32 label is not applied to a head that reads as
 * 8-bit (that would turn ASCII into CJK); real 16/32-bit documents are
 * recognised from their bytes anyway.
 *
 * Conversion (struct enc_conv) is streaming: chunks may split a
 * multibyte sequence anywhere, the tail is carried to the next push.
 * The output is always valid UTF-8:
 *  - a document read as UTF-8 is validated, and each byte that is not
 *    part of a valid sequence is read as windows-1252 (the usual cause is
 *    Latin-1 text pasted into a UTF-8 feed: "caf\xe9" becomes "café");
 *    the five bytes windows-1252 leaves undefined become U+FFFD;
 *  - any other charset goes through iconv; a byte sequence the charset
 *    does not allow becomes U+FFFD and conversion goes on.
 * Labels are mapped the way browsers do where it matters: ISO-8859-1,
 * Latin-1 and US-ASCII are read as windows-1252, Shift_JIS as CP932
 * (so 0x5C is '\' and 0x7E '~', not yen and overline), GB2312 and GBK as
 * GB18030, EUC-KR as CP949.
 */
#ifndef GAZETTE_ENCODING_H
#define GAZETTE_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

enum enc_source {
	ENC_FROM_BOM,
	ENC_FROM_UTF16_GUESS,
	ENC_FROM_DECL,
	ENC_FROM_FORCED,
	ENC_FROM_HINT,
	ENC_FROM_DEFAULT
};

struct enc_sniff {
	char		 label[64];	/* as found ("UTF-8" by default) */
	size_t		 bom_len;	/* bytes to skip at the start */
	enum enc_source	 source;
};

/* How many head bytes enc_sniff may want before it decides. */
#define ENC_SNIFF_MAX	1024

/*
 * Look at the first len bytes of a document.  Returns 1 when it needs
 * more bytes to decide (never when eof is true or len >= ENC_SNIFF_MAX),
 * 0 when *out is filled.  hint may be NULL.
 */
int	 enc_sniff(const void *data, size_t len, bool eof, const char *hint,
	    struct enc_sniff *out);
/*
 * The same, with label forced: it wins over the XML declaration and any
 * hint, and loses only to a BOM (and, for a 16/32-bit label, to the
 * bytes).  An empty or NULL label means no override.
 */
int	 enc_sniff_forced(const void *data, size_t len, bool eof,
	    const char *label, struct enc_sniff *out);

/*
 * The iconv name to use for a label, written to out; returns true when
 * the label means UTF-8 (out is then "UTF-8").  Unknown labels are
 * passed through unchanged: iconv_open decides.
 */
bool	 enc_canonical(const char *label, char *out, size_t outlen);

/* A growable output buffer of UTF-8 bytes (not capped: the caller caps
   its input). */
struct enc_out {
	char	*data;
	size_t	 len;
	size_t	 alloc;
};

void	 enc_out_reserve(struct enc_out *o, size_t more);
void	 enc_out_add(struct enc_out *o, const void *p, size_t n);
void	 enc_out_free(struct enc_out *o);

struct enc_conv;

/*
 * A converter from label to UTF-8; NULL with err set (ERR_ENCODING)
 * when iconv does not know the label.
 */
struct enc_conv	*enc_conv_new(const char *label, struct err *err);
/* Convert len bytes, appending UTF-8 to out. */
void	 enc_conv_push(struct enc_conv *c, const void *data, size_t len,
	    struct enc_out *out);
/* End of input: an incomplete trailing sequence becomes U+FFFD. */
void	 enc_conv_finish(struct enc_conv *c, struct enc_out *out);
/* The name the converter uses ("UTF-8", "WINDOWS-1252", ...). */
const char	*enc_conv_name(const struct enc_conv *c);
void	 enc_conv_free(struct enc_conv *c);

/*
 * Append s (n bytes) to out as valid UTF-8, repairing invalid bytes as
 * described above.  Returns the number of bytes consumed: a valid but
 * incomplete sequence at the very end is left unconsumed unless final.
 */
size_t	 enc_utf8_repair(const unsigned char *s, size_t n, bool final,
	    struct enc_out *out);

#endif
