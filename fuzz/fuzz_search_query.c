/*
 * fuzz_search_query: the query compiler on arbitrary bytes.  Besides
 * memory errors, these are bugs: an expression FTS5 rejects (every
 * compiled query is run against FTS5 tables shaped like the index), an
 * error without a message or with a newline, a match outside the text,
 * a snippet that is not valid UTF-8 or holds a control character other
 * than the two match markers.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "buf.h"
#include "err.h"
#include "search.h"
#include "search_int.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sqlite3 *db;

static void
open_db(void)
{
	if (db != NULL)
		return;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    sqlite3_exec(db,
	    "CREATE VIRTUAL TABLE search_fts USING fts5(title, author, feed,"
	    " text, tokenize='unicode61 remove_diacritics 2', prefix='2 3');"
	    "CREATE VIRTUAL TABLE search_cjk USING fts5(title, author, feed,"
	    " text, tokenize='ascii');"
	    "INSERT INTO search_fts VALUES ('evolution', 'smith', 'lwn',"
	    " 'the oeuvre');"
	    "INSERT INTO search_cjk VALUES (NULL, NULL, NULL,"
	    " '\xe6\x89\xbe\xe5\x88\xb0 \xe5\x88\xb0');",
	    NULL, NULL, NULL) != SQLITE_OK)
		abort();
}

static void
must_run(const char *table, const char *expr)
{
	sqlite3_stmt *s;
	const char *sql = strcmp(table, "search_fts") == 0 ?
	    "SELECT rowid FROM search_fts WHERE search_fts MATCH ?1" :
	    "SELECT rowid FROM search_cjk WHERE search_cjk MATCH ?1";

	if (expr == NULL)
		return;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		abort();
	sqlite3_bind_text(s, 1, expr, -1, SQLITE_STATIC);
	while (sqlite3_step(s) == SQLITE_ROW)
		;
	if (sqlite3_reset(s) != SQLITE_OK)
		abort();	/* FTS5 rejected what the compiler wrote */
	sqlite3_finalize(s);
}

static void
check_snippet(const char *sn)
{
	const unsigned char *p;

	if (!search_utf8_valid(sn))
		abort();
	for (p = (const unsigned char *)sn; *p != '\0'; p++)
		if ((*p < ' ' && *p != SEARCH_MARK_ON &&
		    *p != SEARCH_MARK_OFF) || *p == 0x7f)
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct err err = ERR_INIT;
	struct search_query *q;
	struct buf b;
	size_t i, s, e, from, len;
	char *text, *sn;

	if ((text = malloc(size + 1)) == NULL)
		return (0);
	memcpy(text, data, size);
	text[size] = '\0';
	len = strlen(text);
	open_db();
	buf_init(&b, BUF_CAP_BODY);
	(void)search_cjk_bigrams(text, &b);
	buf_free(&b);
	q = search_compile(text, 1767225600, &err);
	if (q == NULL) {
		if (err.code != ERR_USAGE || err.msg[0] == '\0' ||
		    strchr(err.msg, '\n') != NULL)
			abort();
		free(text);
		return (0);
	}
	must_run("search_fts", search_query_fts(q));
	must_run("search_cjk", search_query_cjk(q));
	for (i = 0; i < search_query_npreds(q); i++) {
		must_run("search_fts", search_query_pred(q, i)->fts);
		must_run("search_cjk", search_query_pred(q, i)->cjk);
	}
	/* the query's own text as an article */
	for (from = 0; search_query_find(q, text, from, &s, &e) == 1;
	    from = e) {
		if (s < from || e <= s || e > len)
			abort();
	}
	sn = search_snippet(q, text, NULL);
	check_snippet(sn);
	free(sn);
	search_query_free(q);
	free(text);
	return (0);
}
