/*
 * search_rank.c: gazette_rank(), the FTS5 auxiliary function that scores
 * a match, registered on a connection by search_run.
 *
 *     gazette_rank(search_fts)
 *     gazette_rank(search_fts, search_fts_docsize.sz)
 *
 * It is FTS5's bm25() with the weights title 10, author 4, feed 2,
 * text 1, computed the same way (k1 1.2, b 0.75, the length of a row is
 * its tokens in every column, IDF floored at 1e-6), as a positive number
 * (higher is better), with two differences that make it cheaper:
 * - The row's length does not come from xColumnSize, which reads the
 *   row's docsize record with a statement of its own per row (a seek, a
 *   step and a reset): at 1M articles that was most of bm25's cost
 *   (the newest 20,000 matches of a word on a fresh connection: 22 ms of
 *   CPU with bm25, 13 ms with a join).  With one argument it comes from
 *   search_len (search.c), read a chunk of SEARCH_LEN_ROWS rows at a
 *   time through one blob handle kept in the auxdata and moved with
 *   sqlite3_blob_reopen; matches come newest first, so each chunk is
 *   read once.  A 1% word at 1M articles touched nearly every page of
 *   docsize through the join (~3,500 preads of 4 KiB); search_len is
 *   245 blobs of 8 KiB.  With the docsize record as second argument
 *   (joined by the query: search_cjk, or an index whose search_len is
 *   not exact) the record is read in the same B-tree walk.  Where neither says
 *   (a chunk missing, a length past 16 bits), xColumnSize.
 * - With a single phrase (one word, one "phrase", one prefix*) the IDF
 *   is a factor common to every row: it cannot change the order, so it
 *   is not computed (it is 1).  Computing it means a second pass over
 *   every match of the phrase, all of them, not only the ranked ones: for
 *   a prefix that expands to thousands of words that pass alone cost
 *   20 ms at 1M articles.  With two phrases or more the scores are
 *   bm25's exactly (tests/test_search.c compares them).
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "search.h"
#include "search_int.h"

#define RANK_K1		1.2
#define RANK_B		0.75

static const double rank_weight[] = { 10.0, 4.0, 2.0, 1.0 };
#define RANK_NWEIGHT	(sizeof(rank_weight) / sizeof(rank_weight[0]))

/* Per statement: computed on the first row, kept by FTS5 as auxdata. */
struct search_rank_data {
	int	 nphrase;
	double	 avgdl;		/* average tokens a row */
	double	*idf;		/* nphrase */
	double	*freq;		/* nphrase, the current row's */
	sqlite3_blob *blob;	/* on search_len, once opened */
	int64_t	 chunk;		/* the chunk in lens, -1 none */
	int	 nlens;		/* its bytes */
	unsigned char lens[SEARCH_LEN_ROWS * 2];
};

static int
count_cb(const Fts5ExtensionApi *x, Fts5Context *fts, void *arg)
{
	(void)x;
	(void)fts;
	(*(sqlite3_int64 *)arg)++;
	return (SQLITE_OK);
}

static void
data_free(void *p)
{
	struct search_rank_data *d = p;

	if (d->blob != NULL)
		(void)sqlite3_blob_close(d->blob);
	sqlite3_free(d);
}

static int
data_get(const Fts5ExtensionApi *x, Fts5Context *fts,
    struct search_rank_data **out)
{
	struct search_rank_data *d;
	sqlite3_int64 nrow = 0, ntok = 0, nhit;
	int i, n, rc;

	if ((d = x->xGetAuxdata(fts, 0)) != NULL) {
		*out = d;
		return (SQLITE_OK);
	}
	n = x->xPhraseCount(fts);
	d = sqlite3_malloc64(sizeof(*d) + 2 * (size_t)(n > 0 ? n : 1) *
	    sizeof(double));
	if (d == NULL)
		return (SQLITE_NOMEM);
	memset(d, 0, sizeof(*d));
	d->chunk = -1;
	d->nphrase = n;
	d->idf = (double *)(void *)(d + 1);
	d->freq = d->idf + (n > 0 ? n : 1);
	rc = x->xRowCount(fts, &nrow);
	if (rc == SQLITE_OK)
		rc = x->xColumnTotalSize(fts, -1, &ntok);
	if (rc == SQLITE_OK)
		d->avgdl = nrow > 0 ? (double)ntok / (double)nrow : 1.0;
	for (i = 0; rc == SQLITE_OK && i < n; i++) {
		double idf;

		if (n == 1) {
			d->idf[i] = 1.0;
			break;
		}
		nhit = 0;
		rc = x->xQueryPhrase(fts, i, &nhit, count_cb);
		idf = log(((double)nrow - (double)nhit + 0.5) /
		    ((double)nhit + 0.5));
		d->idf[i] = idf <= 0.0 ? 1e-6 : idf;
	}
	if (rc == SQLITE_OK)
		rc = x->xSetAuxdata(fts, d, data_free);
	else
		sqlite3_free(d);
	if (rc != SQLITE_OK)
		return (rc);
	*out = d;
	return (SQLITE_OK);
}

/*
 * The sum of the varints of a docsize record: the row's tokens in every
 * column.  SQLite varints: big-endian groups of 7 bits, the high bit set
 * on all but the last byte; a 9th byte carries 8 bits.  -1 if malformed.
 */
int64_t
search_docsize_total(const unsigned char *p, int len)
{
	int64_t total = 0;
	int i = 0;

	while (i < len) {
		uint64_t v = 0;
		int k;

		for (k = 0; ; k++) {
			if (i >= len)
				return (-1);
			if (k == 8) {
				v = (v << 8) | p[i++];
				break;
			}
			v = (v << 7) | (p[i] & 0x7f);
			if ((p[i++] & 0x80) == 0)
				break;
		}
		if (v > INT32_MAX)
			return (-1);
		total += (int64_t)v;
	}
	return (total);
}

/*
 * The row's length from search_len, -1 when it does not say.  The
 * matches come newest first: each chunk is read once, whole, through
 * one blob handle moved from row to row (sqlite3_blob_reopen: a seek,
 * no statement).
 */
static int64_t
len_of(struct search_rank_data *d, sqlite3 *db, sqlite3_int64 rowid)
{
	int64_t c = rowid / SEARCH_LEN_ROWS;
	int at = (int)(rowid % SEARCH_LEN_ROWS) * 2, v, rc;

	if (rowid < 0)
		return (-1);
	if (c != d->chunk) {
		d->chunk = c;
		d->nlens = 0;
		if (d->blob == NULL)
			rc = sqlite3_blob_open(db, "main", "search_len",
			    "lens", c, 0, &d->blob);
		else
			rc = sqlite3_blob_reopen(d->blob, c);
		if (rc == SQLITE_OK) {
			d->nlens = sqlite3_blob_bytes(d->blob);
			if (d->nlens > (int)sizeof(d->lens))
				d->nlens = (int)sizeof(d->lens);
			if (sqlite3_blob_read(d->blob, d->lens, d->nlens, 0)
			    != SQLITE_OK)
				rc = SQLITE_ERROR;
		}
		if (rc != SQLITE_OK) {
			/* no such chunk: the handle is spent */
			d->nlens = 0;
			if (d->blob != NULL)
				(void)sqlite3_blob_close(d->blob);
			d->blob = NULL;
		}
	}
	if (at + 1 >= d->nlens)
		return (-1);
	v = d->lens[at] | d->lens[at + 1] << 8;
	return (v == 0 || v == SEARCH_LEN_MAX ? -1 : v);
}

static void
rank_fn(const Fts5ExtensionApi *x, Fts5Context *fts, sqlite3_context *ctx,
    int nval, sqlite3_value **val)
{
	struct search_rank_data *d;
	double score = 0.0, dl = -1.0;
	int i, rc;

	if ((rc = data_get(x, fts, &d)) != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	/*
	 * Each phrase's instances in this row, walked phrase by phrase
	 * (xPhraseFirst): xInstCount would first merge every phrase's
	 * instances into one sorted, allocated array.  The weights are
	 * small integers, so the sums are exact in any order.
	 */
	for (i = 0; rc == SQLITE_OK && i < d->nphrase; i++) {
		Fts5PhraseIter it;
		int ic = -1, io = -1;
		double f = 0.0;

		rc = x->xPhraseFirst(fts, i, &it, &ic, &io);
		for (; rc == SQLITE_OK && ic >= 0; x->xPhraseNext(fts, &it,
		    &ic, &io))
			f += (size_t)ic < RANK_NWEIGHT ? rank_weight[ic] : 1.0;
		d->freq[i] = f;
	}
	if (rc == SQLITE_OK && nval == 0) {
		int64_t t = len_of(d, sqlite3_context_db_handle(ctx),
		    x->xRowid(fts));

		if (t >= 0)
			dl = (double)t;
	} else if (rc == SQLITE_OK && sqlite3_value_type(val[0]) ==
	    SQLITE_BLOB) {
		int64_t t = search_docsize_total(sqlite3_value_blob(val[0]),
		    sqlite3_value_bytes(val[0]));

		if (t >= 0)
			dl = (double)t;
	}
	if (rc == SQLITE_OK && dl < 0.0) {
		int ntok = 0;

		rc = x->xColumnSize(fts, -1, &ntok);
		dl = (double)ntok;
	}
	if (rc != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	/* bm25's expression, term for term, so the doubles are the same */
	for (i = 0; i < d->nphrase; i++)
		score += d->idf[i] * ((d->freq[i] * (RANK_K1 + 1.0)) /
		    (d->freq[i] + RANK_K1 * (1 - RANK_B + RANK_B * dl /
		    d->avgdl)));
	sqlite3_result_double(ctx, score);
}

int
search_rank_register(struct sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *s = NULL;

	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, NULL) !=
	    SQLITE_OK)
		return (-1);
	sqlite3_bind_pointer(s, 1, (void *)&api, "fts5_api_ptr", NULL);
	(void)sqlite3_step(s);
	sqlite3_finalize(s);
	if (api == NULL || api->iVersion < 2)
		return (-1);
	return (api->xCreateFunction(api, "gazette_rank", NULL, rank_fn,
	    NULL) == SQLITE_OK ? 0 : -1);
}
