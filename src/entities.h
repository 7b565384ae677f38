/*
 * entities: HTML character references (the full HTML5 named list, plus
 * decimal and hexadecimal numeric references) decoded to UTF-8.
 */
#ifndef GAZETTE_ENTITIES_H
#define GAZETTE_ENTITIES_H

#include <stddef.h>
#include <stdint.h>

/*
 * Look up a named reference given without '&' and ';' (case-sensitive,
 * as in HTML).  Writes its UTF-8 bytes to out (NUL-terminated) and
 * returns their count, or -1 when the name is unknown.
 */
int	 entities_lookup(const char *name, size_t len, char out[8]);
/*
 * Decode every character reference in s, as an HTML5 parser does in
 * text: named ones (also the legacy ones written without ';'), &#DDD;
 * and &#xHHH; (astral planes included).  Zero, surrogate and
 * out-of-range numbers become U+FFFD; 0x80-0x9F are read as
 * windows-1252, as HTML5 says.  Anything that is not a reference is left
 * as it is.  Returns a new string (caller frees); NULL only if s is NULL.
 */
char	*entities_decode(const char *s);
/* Encode code point cp as UTF-8 into out; returns the byte count (1-4). */
int	 entities_utf8(uint32_t cp, char out[4]);

#endif
