/*
 * fuzz_config: the config parser (conf.h) and the browser command line
 * built from it (browser.h) on arbitrary bytes, line by line.  Besides
 * memory errors, these are bugs: a warning that is empty or spans lines,
 * a setting outside its documented range, a binding the key parser would
 * not give back from its own name, a browser argv that does not carry
 * the URL as one whole element, a macro without commands or with one
 * that is neither "set OPTION VALUE" nor an action, a notify-program
 * argv that does not carry the message as its last element.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "browser.h"
#include "buf.h"
#include "conf.h"
#include "keymap.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
warned(void *arg, const char *file, unsigned line, const char *msg)
{
	(void)arg;
	(void)file;
	if (line == 0 || msg[0] == '\0' || strchr(msg, '\n') != NULL)
		abort();
}

static void
check(struct conf *cfg)
{
	static const char url[] = "http://fuzz.example/a b";
	struct err err = ERR_INIT;
	struct buf name;
	struct browser_plan plan;
	char **argv;
	size_t c;
	size_t i;
	bool whole = false;

	if (cfg->max_items < 0 || cfg->text_width < 0 ||
	    cfg->text_width > 10000 || cfg->datetime_format[0] == '\0' ||
	    (cfg->keymap_preset != KEYMAP_PRESET_NEWSBOAT &&
	    cfg->keymap_preset != KEYMAP_PRESET_VI))
		abort();
	if (cfg->reload_time < 1 || cfg->download_retries < 1 ||
	    cfg->download_retries > 100 || cfg->reload_threads < 0 ||
	    cfg->download_timeout < 0 || cfg->proxy_type < 0 ||
	    cfg->proxy_type > CONF_PROXY_SOCKS5H ||
	    cfg->n_applied + cfg->n_errors + cfg->n_skips != cfg->n_lines ||
	    cfg->n_incl != 0)
		abort();
	buf_init(&name, 256);
	for (i = 0; i < cfg->keymap.n; i++) {
		buf_reset(&name);
		keymap_key_name(cfg->keymap.bindings[i].key, &name);
		if (keymap_key_parse(buf_str(&name)) !=
		    cfg->keymap.bindings[i].key)
			abort();
		if ((int)cfg->keymap.bindings[i].action < 0 ||
		    cfg->keymap.bindings[i].action >= KEYMAP_NACTIONS)
			abort();
	}
	buf_free(&name);
	for (i = 0; i < cfg->n_macros; i++) {
		const struct conf_macro *m = &cfg->macros[i];

		if (m->n == 0 || conf_macro_find(cfg, m->key) != m)
			abort();
		for (c = 0; c < m->n; c++) {
			if (m->cmds[c][0] == NULL)
				abort();
			if (strcmp(m->cmds[c][0], "set") == 0 ?
			    m->cmds[c][1] == NULL || m->cmds[c][2] == NULL :
			    keymap_action_parse(m->cmds[c][0]) == KEYMAP_NONE ||
			    m->cmds[c][1] != NULL)
				abort();
		}
	}
	/* The message is the last element, and nothing else depends on
	   it (it is never in a shell script). */
	if (cfg->notify_program[0] != '\0' && (argv =
	    browser_argv(cfg->notify_program, "1 new; $(x)", &err)) != NULL) {
		char **other = browser_argv(cfg->notify_program, "2", &err);

		if (other == NULL)
			abort();
		for (i = 0; argv[i] != NULL && other[i] != NULL; i++)
			if (argv[i + 1] != NULL &&
			    strcmp(argv[i], other[i]) != 0)
				abort();
		if (i < 2 || argv[i] != NULL || other[i] != NULL ||
		    strcmp(argv[i - 1], "1 new; $(x)") != 0 ||
		    strcmp(other[i - 1], "2") != 0)
			abort();
		conf_words_free(argv);
		conf_words_free(other);
	}
	err_clear(&err);
	/* A URL with a space is refused; a clean one is one whole element
	   of every command planned (sh -c gets it as "$1", never in the
	   script). */
	if (browser_plan(&plan, cfg->browser, NULL, url, &err) == 0)
		abort();
	err_clear(&err);
	if (browser_plan(&plan, cfg->browser, NULL, "http://fuzz.example/",
	    &err) == -1)
		return;
	for (c = 0; c < plan.n; c++) {
		argv = plan.cmds[c].argv;
		whole = false;
		for (i = 0; argv[i] != NULL; i++)
			if (strstr(argv[i], "http://fuzz.example/") != NULL)
				whole = true;
		/* The script may hold the probe only when the user's own
		   command text does. */
		if (!whole || argv[0] == NULL || (strcmp(argv[0], "/bin/sh") ==
		    0 && strstr(argv[2], "fuzz.example") != NULL &&
		    strstr(cfg->browser, "fuzz.example") == NULL))
			abort();
	}
	browser_plan_free(&plan);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct conf cfg;
	char *text, *line, *next;
	unsigned n = 0;

	if ((text = malloc(size + 1)) == NULL)
		return (0);
	memcpy(text, data, size);
	text[size] = '\0';
	conf_init(&cfg);
	for (line = text; line != NULL; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		(void)conf_parse_line(&cfg, "fuzz", ++n, line, warned, NULL);
	}
	check(&cfg);
	conf_free(&cfg);
	free(text);
	return (0);
}
