/*
 * conf_dump: the configuration in force, written back in the config's
 * own syntax (newsboat's dumpconfig): every option of the table with its
 * value, the colours set, the key bindings that differ from the keymap
 * preset's, the macros, highlight lines and define-filter lines.  Read
 * again (source, or as a config) it gives the same settings.  Lines
 * gazette accepted without applying, and ignore-article rules, are not
 * written.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "conf.h"

/* The names conf.c reads, in enum and bit order. */
static const char *const dump_colors[] = { "black", "red", "green", "yellow",
    "blue", "magenta", "cyan", "white" };
static const char *const dump_attrs[] = { "bold", "underline", "reverse",
    "standout", "blink", "dim", "invis", "protect" };

/* s as one word of the config: bare when it can be, else "quoted". */
static void
put_word(FILE *fp, const char *s)
{
	const char *p;

	if (s[0] != '\0' && strpbrk(s, " \t\r\n\"'\\#;") == NULL) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	for (p = s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			fputc('\\', fp);
		fputc(*p, fp);
	}
	fputc('"', fp);
}

static void
put_colour_value(FILE *fp, int c)
{
	if (c == CONF_COLOR_DEFAULT)
		fputs("default", fp);
	else if (c >= 0 && c < 8)
		fputs(dump_colors[c], fp);
	else
		fprintf(fp, "color%d", c);
}

static void
put_colour(FILE *fp, const struct conf_color *c)
{
	size_t i;

	fputc(' ', fp);
	put_colour_value(fp, c->fg);
	fputc(' ', fp);
	put_colour_value(fp, c->bg);
	for (i = 0; i < sizeof(dump_attrs) / sizeof(dump_attrs[0]); i++)
		if (c->attrs & (1u << i))
			fprintf(fp, " %s", dump_attrs[i]);
	fputc('\n', fp);
}

static void
put_key(FILE *fp, int key)
{
	struct buf b;

	buf_init(&b, 64);
	keymap_key_name(key, &b);
	put_word(fp, buf_str(&b));
	buf_free(&b);
}

/* One key in one view: write what makes sim agree with cur. */
static void
dump_binding(FILE *fp, const struct keymap *cur, struct keymap *sim,
    enum keymap_context ctx, int key)
{
	enum keymap_action a = keymap_lookup(cur, ctx, key);

	if (a == keymap_lookup(sim, ctx, key))
		return;
	fputs(a == KEYMAP_NONE ? "unbind-key " : "bind-key ", fp);
	put_key(fp, key);
	if (a != KEYMAP_NONE)
		fprintf(fp, " %s", keymap_action_name(a));
	fprintf(fp, " %s\n", keymap_context_name(ctx));
	keymap_bind(sim, ctx, key, a);
}

/*
 * The bindings, against a fresh copy of the preset's: the views of
 * "all" first, as a binding there replaces the key in every view.
 */
static void
dump_keys(FILE *fp, const struct keymap *cur)
{
	struct keymap def, sim;
	size_t i;
	int ctx;

	keymap_init(&def);
	keymap_set_preset(&def, cur->preset);
	keymap_init(&sim);
	keymap_set_preset(&sim, cur->preset);
	for (ctx = KEYMAP_CTX_ALL; ctx < KEYMAP_NALLCONTEXTS; ctx++) {
		for (i = 0; i < cur->n; i++)
			dump_binding(fp, cur, &sim, (enum keymap_context)ctx,
			    cur->bindings[i].key);
		for (i = 0; i < def.n; i++)
			dump_binding(fp, cur, &sim, (enum keymap_context)ctx,
			    def.bindings[i].key);
	}
	keymap_free(&sim);
	keymap_free(&def);
}

static void
dump_macro(FILE *fp, const struct conf_macro *m)
{
	size_t i, j;

	fputs("macro ", fp);
	put_key(fp, m->key);
	for (i = 0; i < m->n; i++) {
		fputs(i > 0 ? " ;" : "", fp);
		for (j = 0; m->cmds[i][j] != NULL; j++) {
			fputc(' ', fp);
			put_word(fp, m->cmds[i][j]);
		}
	}
	if (m->desc != NULL) {
		fputs(" -- ", fp);
		put_word(fp, m->desc);
	}
	fputc('\n', fp);
}

int
conf_dump(const struct conf *cfg, FILE *fp)
{
	static const char *const where[] = { "", "feedlist", "articlelist",
	    "article", "all" };
	const struct conf_option_info *o;
	const struct conf_hl *h;
	struct buf v;
	size_t i;

	fprintf(fp, "# gazette %s: the configuration in force "
	    "(dumpconfig)\n", PACKAGE_VERSION);
	buf_init(&v, BUF_CAP_TEXT);
	for (i = 0; (o = conf_option_at(i)) != NULL; i++) {
		buf_reset(&v);
		(void)conf_get(cfg, o->name, &v);
		fprintf(fp, "%s ", o->name);
		put_word(fp, buf_str(&v));
		fputc('\n', fp);
	}
	buf_free(&v);
	for (i = 0; i < CONF_NELEMENTS; i++) {
		if (!cfg->colors[i].set)
			continue;
		fprintf(fp, "color %s",
		    conf_element_name((enum conf_element)i));
		put_colour(fp, &cfg->colors[i]);
	}
	dump_keys(fp, &cfg->keymap);
	for (i = 0; i < cfg->n_macros; i++)
		dump_macro(fp, &cfg->macros[i]);
	for (i = 0; i < cfg->n_hls; i++) {
		h = &cfg->hls[i];
		if (h->kind == CONF_HL_ARTICLES)
			fputs("highlight-article ", fp);
		else
			fprintf(fp, "highlight %s ", where[h->kind]);
		put_word(fp, h->pattern);
		put_colour(fp, &h->color);
	}
	for (i = 0; i < cfg->n_filters; i++) {
		fputs("define-filter ", fp);
		put_word(fp, cfg->filters[i].name);
		fputc(' ', fp);
		put_word(fp, cfg->filters[i].expr);
		fputc('\n', fp);
	}
	fflush(fp);
	return (ferror(fp) ? -1 : 0);
}
