/*
 * store_sqlfn: SQL functions for compiled filters (filter.c).
 *   gazette_regexp(PATTERN, TEXT)  POSIX extended regular expression,
 *                                  case-insensitive, as newsboat's =~
 *   gazette_hasword(LIST, WORD)    WORD is one of LIST's space-separated
 *                                  words, as newsboat's #
 * Deterministic, so SQLite may compute them once per value; the
 * compiled pattern is kept with the statement (sqlite3_set_auxdata).
 *
 * Most patterns are plain words ("rust"): with no metacharacter and
 * only ASCII, such a pattern matches an ASCII text exactly where the
 * text holds it with ASCII letters in either case, which is found
 * without regexec (bench/query_counts, a million titles read from the
 * index, title =~ "rust": the id list in 97 ms instead of 162).
 * A text with any other byte goes to regexec, which alone knows how the
 * locale folds it.
 */
#include "config.h"

#include <ctype.h>
#include <regex.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_int.h"

struct pattern {
	regex_t	 re;
	char	*word;	/* a plain ASCII word, lower case; or NULL */
};

static void
free_pattern(void *p)
{
	struct pattern *pat = p;

	regfree(&pat->re);
	free(pat->word);
	free(pat);
}

/* Does the locale fold ASCII letters as ASCII does (not Turkish)? */
static bool
ascii_folds(void)
{
	int c;

	for (c = 'a'; c <= 'z'; c++)
		if (toupper(c) != c - 'a' + 'A' ||
		    tolower(c - 'a' + 'A') != c)
			return (false);
	return (true);
}

/* pattern as a lower-case word when it is one, else NULL. */
static char *
plain_word(const char *pattern)
{
	const unsigned char *p;
	char *w, *q;

	for (p = (const unsigned char *)pattern; *p != '\0'; p++)
		if (*p >= 0x80 || strchr("\\.[]()*+?{}|^$", *p) != NULL)
			return (NULL);
	if (!ascii_folds() || (w = strdup(pattern)) == NULL)
		return (NULL);
	for (q = w; *q != '\0'; q++)
		if (*q >= 'A' && *q <= 'Z')
			*q = (char)(*q - 'A' + 'a');
	return (w);
}

static int
lower_ascii(int c)
{
	return (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

/*
 * Is word in text, in either case?  -1 when text is not all ASCII (the
 * answer is regexec's).
 */
static int
word_in(const char *word, const char *text)
{
	const unsigned char *t;
	size_t i;
	int found = 0;

	for (t = (const unsigned char *)text; *t != '\0'; t++) {
		if (*t >= 0x80)
			return (-1);
		if (found)
			continue;
		for (i = 0; word[i] != '\0' && lower_ascii(t[i]) ==
		    (unsigned char)word[i]; i++)
			;
		if (word[i] == '\0')
			found = 1;
	}
	return (found || word[0] == '\0');
}

static void
fn_regexp(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *pattern, *text;
	struct pattern *pat;
	int m;

	(void)argc;
	if ((pat = sqlite3_get_auxdata(ctx, 0)) == NULL) {
		pattern = (const char *)sqlite3_value_text(argv[0]);
		if (pattern == NULL ||
		    (pat = calloc(1, sizeof(*pat))) == NULL) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
		if (regcomp(&pat->re, pattern, REG_EXTENDED | REG_ICASE |
		    REG_NOSUB) != 0) {
			free(pat);
			sqlite3_result_error(ctx, "invalid regular expression",
			    -1);
			return;
		}
		pat->word = plain_word(pattern);
		sqlite3_set_auxdata(ctx, 0, pat, free_pattern);
		/* set_auxdata may have freed it already: ask again. */
		if ((pat = sqlite3_get_auxdata(ctx, 0)) == NULL) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
	}
	if ((text = (const char *)sqlite3_value_text(argv[1])) == NULL) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	m = pat->word != NULL ? word_in(pat->word, text) : -1;
	if (m == -1)
		m = regexec(&pat->re, text, 0, NULL, 0) == 0;
	sqlite3_result_int(ctx, m);
}

static void
fn_hasword(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *list = (const char *)sqlite3_value_text(argv[0]);
	const char *word = (const char *)sqlite3_value_text(argv[1]);
	const char *p, *end;
	size_t len;

	(void)argc;
	if (list == NULL || word == NULL) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	len = strlen(word);
	for (p = list; *p != '\0'; p = end) {
		while (*p == ' ')
			p++;
		end = p + strcspn(p, " ");
		if ((size_t)(end - p) == len && len > 0 &&
		    memcmp(p, word, len) == 0) {
			sqlite3_result_int(ctx, 1);
			return;
		}
	}
	sqlite3_result_int(ctx, 0);
}

int
store_sql_functions_on(struct sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

	if (sqlite3_create_function(db, "gazette_regexp", 2, flags, NULL,
	    fn_regexp, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(db, "gazette_hasword", 2, flags, NULL,
	    fn_hasword, NULL, NULL) != SQLITE_OK)
		return (-1);
	return (0);
}

int
store_sql_functions(struct store *st, struct err *err)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

	if (st->sql_functions)
		return (0);
	if (sqlite3_create_function(st->db, "gazette_regexp", 2, flags, NULL,
	    fn_regexp, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(st->db, "gazette_hasword", 2, flags, NULL,
	    fn_hasword, NULL, NULL) != SQLITE_OK) {
		store_db_error(st, err, "cannot register filter functions");
		return (-1);
	}
	st->sql_functions = true;
	return (0);
}
