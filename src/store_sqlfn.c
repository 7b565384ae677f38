/*
 * store_sqlfn: SQL functions for compiled filters (filter.c).
 *   gazette_regexp(PATTERN, TEXT)  POSIX extended regular expression,
 *                                  case-insensitive, as newsboat's =~
 *   gazette_hasword(LIST, WORD)    WORD is one of LIST's space-separated
 *                                  words, as newsboat's #
 * Deterministic, so SQLite may compute them once per value; the
 * compiled pattern is kept with the statement (sqlite3_set_auxdata).
 */
#include "config.h"

#include <regex.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_int.h"

static void
free_regex(void *p)
{
	regfree(p);
	free(p);
}

static void
fn_regexp(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *pattern, *text;
	regex_t *re;

	(void)argc;
	if ((re = sqlite3_get_auxdata(ctx, 0)) == NULL) {
		pattern = (const char *)sqlite3_value_text(argv[0]);
		if (pattern == NULL || (re = malloc(sizeof(*re))) == NULL) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
		if (regcomp(re, pattern, REG_EXTENDED | REG_ICASE |
		    REG_NOSUB) != 0) {
			free(re);
			sqlite3_result_error(ctx, "invalid regular expression",
			    -1);
			return;
		}
		sqlite3_set_auxdata(ctx, 0, re, free_regex);
		/* set_auxdata may have freed it already: ask again. */
		if ((re = sqlite3_get_auxdata(ctx, 0)) == NULL) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
	}
	text = (const char *)sqlite3_value_text(argv[1]);
	sqlite3_result_int(ctx, text != NULL &&
	    regexec(re, text, 0, NULL, 0) == 0);
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
