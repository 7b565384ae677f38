/*
 * search_int.h: internals shared by the search modules (not for other
 * modules): text helpers and the parsed form of a query.
 */
#ifndef GAZETTE_SEARCH_INT_H
#define GAZETTE_SEARCH_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "search.h"

struct store;

/* SQL shared by search.c and search_run.c (items i, feeds f). */
/* The body, for store_text_of: the text an older store kept, else the
   content and its type. */
#define SEARCH_TEXT_COLS	"i.content_text, i.content, i.content_type"
#define SEARCH_FEED_TITLE	"coalesce(f.user_title, f.title)"

/*
 * The index file (search_index.c).  search_ix_writer: the connection
 * that writes it (created, or made again when damaged, as needed);
 * search_index_db: the connection that reads it, with the store
 * attached read-only as "store" and gazette_rank() registered.  Both
 * belong to the store handle and close with it.  search_ix_discard
 * closes them and removes the file (damaged: it is made again).
 */
#define SEARCH_BUSY_MS	5000
struct sqlite3 *search_ix_writer(struct store *st, struct err *err);
struct sqlite3 *search_index_db(struct store *st, struct err *err);
void	 search_ix_discard(struct store *st);
const char *search_ix_path(struct store *st);
/*
 * size bytes (zeroed at first) that search.c keeps beside the reader:
 * forgotten when the reader closes.
 */
void	*search_ix_memo(struct store *st, size_t size);
/* An SQLite result code that says the file is damaged or not SQLite. */
bool	 search_rc_damaged(int rc);

/*
 * 1 when the index exists in its current shape and belongs to this
 * store, 0 not, -1 error; *dead (may be NULL): its dead rows.
 */
int	 search_index_ok(struct store *st, int64_t *dead, struct err *err);
/*
 * 1 when search_len is exact for every row indexed (gazette_rank may
 * read the rows' lengths there), 0 not or on error (search.c).
 */
int	 search_index_lens_ok(struct store *st);

/*
 * search_len: each article's length (its tokens in every column of
 * search_fts) for the ranking, SEARCH_LEN_ROWS consecutive rowids a row
 * (chunk = rowid / SEARCH_LEN_ROWS), each a little-endian uint16; 0 is
 * "not known", SEARCH_LEN_MAX "that or more": for both the ranking asks
 * FTS5 (search.c keeps it, search_rank.c reads it).
 */
#define SEARCH_LEN_ROWS	4096
#define SEARCH_LEN_MAX	65535
/* The sum of a docsize record's varints, -1 when malformed. */
int64_t	 search_docsize_total(const unsigned char *p, int len);

/* Register gazette_rank() on a connection (search_rank.c): 0 or -1. */
struct sqlite3;
struct sqlite3_stmt;
int	 search_rank_register(struct sqlite3 *db);
/* "search index: WHAT: sqlite's message" into err (search.c). */
void	 search_db_err(struct sqlite3 *db, struct err *err, const char *what);
/* A prepared statement, or NULL with err set (search.c). */
struct sqlite3_stmt *search_prep(struct sqlite3 *db, const char *sql,
	    struct err *err);

uint32_t search_utf8_next(const char *s, size_t len, size_t *i);
bool	 search_utf8_valid(const char *s);
bool	 search_cp_cjk(uint32_t cp);
bool	 search_cp_word(uint32_t cp);
size_t	 search_fold(uint32_t cp, uint32_t out[2]);

/* A parsed query (search_query.c). */
struct search_atom {
	char		*text;		/* unquoted user text */
	bool		 prefix;
	bool		 cjk;
	enum search_field field;
};

/* An OR of atoms; negated clauses hold exactly one atom. */
struct search_clause {
	struct search_atom *atoms;
	size_t		 n;
	bool		 negated;
};

struct search_pred_store {
	char		*fts;
	char		*cjk;
	bool		 negated;
};

struct search_query {
	struct search_clause *clauses;
	size_t		 n;
	struct search_filters filters;
	char		*tag;
	char		*fts;
	char		*cjk;
	struct search_pred_store *preds;
	size_t		 npreds;
	struct search_pred *pred_views;
	struct search_term *terms;
	size_t		 nterms;
	size_t		 count;		/* terms and filters, for the cap */
};

/*
 * Write the MATCH expressions and extra predicates of a parsed query
 * (search_fts.c); -1 with a message when it has nothing to search for.
 */
int	 search_query_assemble(struct search_query *q, struct err *err);

/*
 * A one-line snippet of text (markup and control characters removed)
 * around the first match, matches between SEARCH_MARK_ON/OFF.
 */
char	*search_snippet(const struct search_query *q, const char *text,
	    const char *title);

#endif
