/*
 * entities: HTML character references (the full HTML5 named list, plus
 * decimal and hexadecimal numeric references) decoded to UTF-8.
 */
#ifndef GAZETTE_ENTITIES_H
#define GAZETTE_ENTITIES_H

#include <stdbool.h>
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
/*
 * Double-encoded UTF-8 written as references: at s (n bytes), numeric
 * references ("&#226;&#128;&#166;", at most 8 digits each) whose numbers,
 * taken as bytes, spell one UTF-8 character (here U+2026).  The ';' is
 * required when semi is true (XML), optional otherwise (HTML).  Returns
 * the bytes the references take and the character in *cp (a C1 control
 * read as windows-1252), or 0.  entities_decode reads such runs so.
 */
size_t	 entities_utf8_refs(const char *s, size_t n, bool semi, uint32_t *cp);
/* Those runs in HTML source replaced by their characters, in place. */
void	 entities_fix_utf8_refs(char *s);
/*
 * Text that went through the wrong character set, repaired: two to four
 * U+0080-U+00FF characters that are the bytes of one UTF-8 character,
 * a C1 control among them, are that character ("\u00e2\u0080\u00a6" is
 * "…"); any other C1 control (U+0080-U+009F) is the windows-1252
 * character of its byte (U+0092 is "’").  Takes s: returns it when
 * nothing changes, else a new string (s freed).  NULL for NULL.
 */
char	*entities_fix_c1(char *s);
/* Encode code point cp as UTF-8 into out; returns the byte count (1-4). */
int	 entities_utf8(uint32_t cp, char out[4]);

#endif
