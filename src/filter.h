/*
 * filter: newsboat's filter language, compiled to SQL over the store.
 *
 *   expr    := and-expr { "or" and-expr }
 *   and-expr:= primary { "and" primary }
 *   primary := "(" expr ")" | ATTR OP VALUE | ATTR "between" N ":" N
 *   OP      := = == != =~ !~ # !# < > <= >=
 *   VALUE   := "string" (\" and \\ escapes) | integer
 *
 * An expression is parsed once and compiled to one SQL condition on
 * items i joined with feeds f; every value becomes a bound parameter,
 * never SQL text, so an expression can only select articles.  The
 * attributes and what each operator means are listed in gazette(1),
 * FILTER LANGUAGE (the test suite's tests/filter_eval.py evaluates the
 * same language independently).
 */
#ifndef GAZETTE_FILTER_H
#define GAZETTE_FILTER_H

#include "err.h"
#include "store.h"

struct filter;

/* Parse text; NULL with err naming the position and what was expected. */
struct filter	*filter_parse(const char *text, struct err *err);
/* The same with the values numbered ?param0, ?param0 + 1... */
struct filter	*filter_parse_at(const char *text, int param0,
		    struct err *err);
void		 filter_free(struct filter *f);
/* The compiled condition, valid while f lives. */
const struct store_where *filter_where(const struct filter *f);

#endif
