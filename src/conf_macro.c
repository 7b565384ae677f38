/*
 * conf_macro: newsboat's "macro KEY COMMAND ; COMMAND ... -- DESCRIPTION"
 * lines.  The commands are cut at each ';' outside quotes (so the line
 * is read as text, not as conf_split_words' words), then each is split
 * into words.  A command is "set OPTION VALUE..." (an option of the
 * table, or one of newsboat's that gazette accepts without applying) or
 * the name of an action; both are checked here, so that a bad macro is
 * a warning at start-up rather than a surprise when its key is pressed.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "conf.h"
#include "keymap.h"
#include "xmalloc.h"

/* Cut text at each ';' outside quotes, up to a comment; fresh strings. */
static size_t
split_commands(const char *text, char ***segsp)
{
	const char *p = text, *start = text;
	char **segs = NULL, quote = '\0';
	size_t n = 0;
	bool word_start = true;

	for (;; p++) {
		if (quote != '\0' && *p != '\0') {
			if (quote == '"' && *p == '\\' && p[1] != '\0')
				p++;
			else if (*p == quote)
				quote = '\0';
			continue;
		}
		if (*p == '\0' || *p == ';' || (*p == '#' && word_start)) {
			segs = xreallocarray(segs, n + 1, sizeof(*segs));
			segs[n++] = xstrndup(start, (size_t)(p - start));
			if (*p != ';')
				break;
			start = p + 1;
			word_start = true;
			continue;
		}
		if (*p == '\\' && p[1] != '\0') {
			p++;
			word_start = false;
			continue;
		}
		if (*p == '"' || *p == '\'')
			quote = *p;
		word_start = *p == ' ' || *p == '\t' || *p == '\r' ||
		    *p == '\n';
	}
	*segsp = segs;
	return (n);
}

static void
macro_clear(struct conf_macro *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		conf_words_free(m->cmds[i]);
	free(m->cmds);
	free(m->desc);
	memset(m, 0, sizeof(*m));
}

/* Is this command one gazette can run?  -1 with err if not. */
static int
check_command(int argc, char **argv, struct err *err)
{
	struct conf scratch;
	struct buf v;
	int i, rc;

	if (strcmp(argv[0], "set") == 0) {
		if (argc < 3) {
			err_set(err, ERR_CONFIG, "macro: usage: set OPTION "
			    "VALUE");
			return (-1);
		}
		if (!conf_option_known(argv[1])) {
			if (conf_newsboat_instead(argv[1]) != NULL)
				return (0);	/* said so when run */
			err_set(err, ERR_CONFIG, "macro: set: unknown option "
			    "'%s'", argv[1]);
			return (-1);
		}
		/* The value is checked on a copy of the defaults. */
		buf_init(&v, BUF_CAP_TEXT);
		for (i = 2; i < argc; i++)
			(void)buf_addf(&v, "%s%s", i > 2 ? " " : "", argv[i]);
		conf_init(&scratch);
		rc = conf_set(&scratch, argv[1], buf_str(&v), err);
		conf_free(&scratch);
		buf_free(&v);
		if (rc < 0) {
			struct err e2 = ERR_INIT;

			err_set(&e2, ERR_CONFIG, "macro: set %s", err->msg);
			*err = e2;
		}
		return (rc);
	}
	if (keymap_action_parse(argv[0]) == KEYMAP_NONE) {
		err_set(err, ERR_CONFIG, "macro: unknown command '%s' (set "
		    "OPTION VALUE, or an action)", argv[0]);
		return (-1);
	}
	/* newsboat's toggle-article-read "read" (or "unread") sets. */
	if (argc == 2 && strcmp(argv[0], "toggle-article-read") == 0 &&
	    (strcmp(argv[1], "read") == 0 || strcmp(argv[1], "unread") == 0))
		return (0);
	if (argc > 1) {
		err_set(err, ERR_CONFIG, "macro: %s takes no argument%s",
		    argv[0], strcmp(argv[0], "toggle-article-read") == 0 ?
		    " but read or unread" : "");
		return (-1);
	}
	return (0);
}

int
conf_macro_line(struct conf *cfg, const char *text, struct err *err)
{
	struct conf_macro m;
	struct buf desc;
	char **segs, **argv;
	size_t nseg, s, i;
	int argc, key = -1, first, j;

	memset(&m, 0, sizeof(m));
	nseg = split_commands(text, &segs);
	for (s = 0; s < nseg; s++) {
		if (conf_split_words(segs[s], &argc, &argv, err) < 0)
			goto fail;
		first = 0;
		if (s == 0) {
			/* "macro KEY ..." */
			if (argc < 2 || (key = keymap_key_parse(argv[1])) < 0) {
				err_set(err, ERR_CONFIG, argc < 2 ?
				    "usage: macro KEY COMMAND [; COMMAND...] "
				    "[-- DESCRIPTION]" :
				    "macro: unknown key '%s'", argv[1]);
				conf_words_free(argv);
				goto fail;
			}
			first = 2;
		}
		/* "-- description" ends the last command. */
		for (j = first; j < argc; j++)
			if (strcmp(argv[j], "--") == 0)
				break;
		if (j < argc) {
			buf_init(&desc, BUF_CAP_TEXT);
			for (i = (size_t)j + 1; i < (size_t)argc; i++)
				(void)buf_addf(&desc, "%s%s", i > (size_t)j + 1 ?
				    " " : "", argv[i]);
			free(m.desc);
			m.desc = buf_detach(&desc);
			buf_free(&desc);
			for (i = (size_t)j; i < (size_t)argc; i++) {
				free(argv[i]);
				argv[i] = NULL;
			}
			argc = j;
		}
		if (argc - first == 0) {
			conf_words_free(argv);
			continue;	/* "a ; ; b", or the key alone */
		}
		if (check_command(argc - first, argv + first, err) < 0) {
			conf_words_free(argv);
			goto fail;
		}
		/* Keep the command's words only. */
		for (j = 0; j < first; j++)
			free(argv[j]);
		memmove(argv, argv + first, (size_t)(argc - first + 1) *
		    sizeof(*argv));
		m.cmds = xreallocarray(m.cmds, m.n + 1, sizeof(*m.cmds));
		m.cmds[m.n++] = argv;
	}
	if (m.n == 0) {
		err_set(err, ERR_CONFIG, "macro: no command");
		goto fail;
	}
	m.key = key;
	for (i = 0; i < cfg->n_macros; i++) {
		if (cfg->macros[i].key == key) {
			macro_clear(&cfg->macros[i]);
			cfg->macros[i] = m;
			goto done;
		}
	}
	if (cfg->n_macros >= CONF_MAX_MACROS) {
		err_set(err, ERR_CONFIG, "macro: more than %d macros",
		    CONF_MAX_MACROS);
		goto fail;
	}
	cfg->macros = xreallocarray(cfg->macros, cfg->n_macros + 1,
	    sizeof(*cfg->macros));
	cfg->macros[cfg->n_macros++] = m;
done:
	for (s = 0; s < nseg; s++)
		free(segs[s]);
	free(segs);
	return (0);
fail:
	macro_clear(&m);
	for (s = 0; s < nseg; s++)
		free(segs[s]);
	free(segs);
	return (-1);
}

const struct conf_macro *
conf_macro_find(const struct conf *cfg, int key)
{
	size_t i;

	for (i = 0; i < cfg->n_macros; i++)
		if (cfg->macros[i].key == key)
			return (&cfg->macros[i]);
	return (NULL);
}

void
conf_macros_free(struct conf *cfg)
{
	size_t i;

	for (i = 0; i < cfg->n_macros; i++)
		macro_clear(&cfg->macros[i]);
	free(cfg->macros);
	cfg->macros = NULL;
	cfg->n_macros = 0;
}
