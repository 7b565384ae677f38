/*
 * search: full-text search over the store's articles.
 *
 * Two parts:
 *  - the query language (search_query.c and search_fts.c, no SQLite):
 *    what a person types is compiled into FTS5 expressions in which every
 *    word is a quoted FTS5 string, plus SQL filters whose values are
 *    bound parameters.  No input can produce an FTS5 syntax error or
 *    reach SQL unquoted; a query that cannot mean anything gets a
 *    one-line message instead.
 *  - the index (search.c, search_index.c): FTS5 tables in a file of
 *    their own beside the store, brought up to date in batches by
 *    search_sync, rebuilt by search_reindex, and queried by search_run
 *    (search_run.c).
 *
 * Query language:
 *   word          every word must match (case and accents ignored:
 *                 "evolution" finds "Évolution" and the other way round)
 *   "a phrase"    the words in this order
 *   pre*          words starting with "pre" (at least 2 characters)
 *   a OR b        either (OR binds two neighbouring terms; upper case)
 *   -word         excluded (also -"a phrase", -title:word, NOT word)
 *   title: author: feed: text:   the term only in that field
 *   tag:NAME      articles of feeds tagged NAME (when the store has tags)
 *   is:unread is:read is:flagged is:unflagged   (-is:unread = is:read)
 *   since:7d since:12h since:2w since:3m since:1y since:2026-01-01
 *   until:2026-02-01  (articles dated before that day)
 * Parentheses, AND, NEAR, ^, lone * and other FTS5 syntax have no special
 * meaning: they are separators or ordinary words.  Chinese, Japanese,
 * Thai and other text written without spaces is found by substring
 * (see search.c: a bigram index beside the word index).
 *
 * Snippets and highlighting: matched text in a snippet is enclosed in
 * SEARCH_MARK_ON ... SEARCH_MARK_OFF (bytes 0x01 and 0x02, which never
 * occur in stored text: control characters are removed from snippets).
 * search_query_find locates matches in any text (an article body) with
 * the same folding rules, for the article view's highlighting and n/N.
 */
#ifndef GAZETTE_SEARCH_H
#define GAZETTE_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"

struct store;

#define SEARCH_MARK_ON		'\001'
#define SEARCH_MARK_OFF		'\002'

#define SEARCH_QUERY_MAX	1024	/* bytes of query text */
#define SEARCH_TERMS_MAX	32	/* words, phrases and filters */

enum search_field {
	SEARCH_FIELD_ANY = 0,
	SEARCH_FIELD_TITLE,
	SEARCH_FIELD_AUTHOR,
	SEARCH_FIELD_FEED,
	SEARCH_FIELD_TEXT
};

/* One positive term of a query, for highlighting. */
struct search_term {
	const char	*text;		/* as typed, without quotes or '*' */
	bool		 prefix;
	bool		 cjk;		/* contains text written without spaces */
	enum search_field field;
};

struct search_query;

/*
 * Compile a query.  now (UNIX seconds) anchors relative dates.  Returns
 * NULL with a one-line, user-facing message in err (ERR_USAGE) when the
 * query is impossible (empty, only exclusions, bad date, too long).
 */
struct search_query *search_compile(const char *text, int64_t now,
	    struct err *err);
void	 search_query_free(struct search_query *q);

/* Positive terms (borrowed, valid until search_query_free). */
size_t	 search_query_nterms(const struct search_query *q);
const struct search_term *search_query_term(const struct search_query *q,
	    size_t i);
/* True when the query has no text terms (filters only: newest first). */
bool	 search_query_filters_only(const struct search_query *q);

/*
 * The next match of any positive term in text at or after byte offset
 * from: 1 found (*start, *end byte offsets), 0 none.  Case and the
 * accents of Latin, Greek and Cyrillic letters are ignored.
 */
int	 search_query_find(const struct search_query *q, const char *text,
	    size_t from, size_t *start, size_t *end);

/*
 * What the compiler produced (for search.c and tests).  fts: the MATCH
 * expression for the word index, NULL when none; cjk: the same for the
 * bigram index.  A query may also carry extra predicates (an OR mixing
 * both indexes, or exclusions with nothing to subtract them from).
 */
const char *search_query_fts(const struct search_query *q);
const char *search_query_cjk(const struct search_query *q);
/* Describe the whole compiled query in one line (tests, --debug). */
void	 search_query_describe(const struct search_query *q, struct buf *b);

/* Filters (for search.c). */
struct search_filters {
	int	 unread;	/* -1 any, 1 unread only, 0 read only */
	int	 flagged;	/* -1 any, 1 flagged only, 0 unflagged only */
	bool	 has_since;
	int64_t	 since;		/* date >= since */
	bool	 has_until;
	int64_t	 until;		/* date < until */
	const char *tag;	/* NULL: any */
};
const struct search_filters *search_query_filters(
	    const struct search_query *q);

/* Extra predicates: item id [NOT] IN (matches of fts) OR IN (of cjk). */
struct search_pred {
	const char	*fts;	/* NULL when none */
	const char	*cjk;
	bool		 negated;
};
size_t	 search_query_npreds(const struct search_query *q);
const struct search_pred *search_query_pred(const struct search_query *q,
	    size_t i);

/*
 * Text written without spaces (CJK, Thai...): the bigram form indexed
 * beside the word index.  Each run of such characters becomes its
 * overlapping two-character pairs followed by its last character, all
 * separated by spaces; everything else is dropped.  Returns the number
 * of runs; out may stay empty.
 */
size_t	 search_cjk_bigrams(const char *text, struct buf *out);
bool	 search_has_cjk(const char *text);

/* The index. */

struct search_hit {
	int64_t	 item_id;
	int64_t	 feed_id;
	char	*feed_url;
	char	*feed_title;	/* NULL when unknown */
	char	*guid;
	char	*title;
	char	*link;
	char	*author;
	int64_t	 published;	/* UNIX seconds, ITEM_NO_DATE when absent */
	int64_t	 date;		/* the store's sort date */
	bool	 read;
	bool	 flagged;
	double	 score;		/* higher is better; 0 for filter-only queries */
	char	*snippet;	/* plain text with SEARCH_MARK_ON/OFF, never NULL */
};

struct search_results {
	struct search_hit *hits;
	size_t	 n;
	bool	 more;		/* there are hits after this window */
	bool	 capped;	/* more matches than the rank cap: only the
				   newest rank_cap of them were ranked */
	size_t	 total;		/* with opts->ranking: every hit there is */
};

/*
 * Ranking cost grows with the number of matches, so a query that matches
 * more than rank_cap articles ranks its newest rank_cap matches only
 * (with filters applied first); SIZE_MAX ranks them all.
 */
#define SEARCH_RANK_CAP	20000

/*
 * What a view keeps between the windows of one query: the matches with
 * their scores, read once, so that a window deep in the results (End, a
 * count jump) costs reading its own rows rather than another ranking,
 * and the number of hits is known from the first window.  Give the same
 * ranking with the same query and options (but offset and limit); make
 * a new one when the store has changed.
 */
struct search_ranking;
struct search_ranking *search_ranking_new(void);
void	 search_ranking_free(struct search_ranking *r);

struct search_opts {
	/* 0: every feed but those gone from the urls file (their articles
	   are kept until a cleanup, out of sight as everywhere else) */
	int64_t	 feed_id;
	size_t	 offset;	/* a window of ranked hits */
	size_t	 limit;		/* 0: 50 */
	size_t	 rank_cap;	/* 0: SEARCH_RANK_CAP; SIZE_MAX: no cap */
	bool	 with_gone;	/* feed_id 0: gone feeds too */
	struct search_ranking *ranking;	/* NULL: rank for this call only */
	/* Set by search_run: the store whose killfile (store_hide) hides
	   articles from the hits. */
	struct store *hide_st;
};

/*
 * Run a compiled query: hits ranked by bm25 (title weighs more than
 * author, author more than feed title and text), ties newest first.
 * Filter-only queries list the newest articles that pass the filters.
 */
int	 search_run(struct store *st, const struct search_query *q,
	    const struct search_opts *opts, struct search_results *out,
	    struct err *err);
void	 search_results_free(struct search_results *r);
/*
 * How many articles the query finds (all of them, search_run's rank cap
 * aside), and how many of those are unread: a search query feed's
 * counts (search_run.c).
 */
int	 search_count(struct store *st, const struct search_query *q,
	    int64_t *unread, int64_t *total, struct err *err);
/* Mark every article the query finds read (in one transaction). */
int	 search_set_read(struct store *st, const struct search_query *q,
	    struct err *err);

/*
 * Bring the index (its own file, DBFILE-search) up to date: create it if
 * needed (made again when it is damaged or another store's), then index
 * what changed since the last call, in batches of one transaction each
 * (a crash loses at most the batch in flight, never consistency).  It
 * takes the index's write lock, never the store's.  Cheap when nothing
 * is pending (a few indexed reads).  Not inside a store transaction.
 */
int	 search_sync(struct store *st, struct err *err);

struct search_sync_opts {
	size_t	 batch;		/* rows per transaction, 0: default (20000) */
	bool	 nowait;	/* do not wait for another indexer: return 1 */
	/* after each committed batch: rows indexed so far */
	void	(*progress)(void *arg, int64_t indexed);
	void	*arg;
};
/* 0 up to date, 1 gave up (nowait and the database was busy), -1 error. */
int	 search_sync_with(struct store *st,
	    const struct search_sync_opts *opts, struct err *err);
/* Drop and rebuild the whole index. */
int	 search_reindex(struct store *st, struct err *err);
/*
 * Has the index anything to catch up on (articles, feed titles, or it is
 * missing or another store's)?  1 yes, 0 no, -1 error.  It reads through
 * the index's reader only: search_sync's writer connection is opened
 * when there is work.
 */
int	 search_pending(struct store *st, struct err *err);
/* Articles not yet searchable (0: up to date), -1 on error. */
int64_t	 search_lag(struct store *st, struct err *err);
/*
 * Moves when another connection commits to the index (PRAGMA
 * data_version); 0 while this process has not read the index.
 */
int64_t	 search_data_version(struct store *st);
/*
 * Check the index against the articles (FTS5 integrity-check, row
 * counts): 0 consistent, -1 not (or error), with the reason in err.
 */
int	 search_check(struct store *st, struct err *err);

#endif
