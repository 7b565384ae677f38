/*
 * ui_cmdline: newsboat's command line, opened with ':' (cmdline), and
 * run-on-startup.  The commands, as newsboat documents them:
 *
 *	set NAME		show the setting's value (also NAME?)
 *	set NAME VALUE		set it (also NAME=VALUE), at once
 *	set NAME!		toggle a yes/no setting
 *	set NAME&		back to its default
 *	quit, q			quit (confirm-exit asks first)
 *	source FILE...		read config files, as the config is read
 *	dumpconfig FILE		write the configuration in force (conf_dump.c)
 *	tag [NAME]		show only the feeds tagged NAME (asks without)
 *	goto TEXT		select the next feed whose title contains TEXT
 *	save FILE		save the article as save does, to FILE
 *	exec OPERATION		run an action, as a macro runs it
 *	NUMBER			go to that line of the list
 *
 * Tab completes the command, a setting's name after set and an action's
 * after exec (Tab again: the next one).  The history is ui_history.c's.
 * A command's problem is one line on the status line.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "conf.h"
#include "ui_int.h"
#include "xmalloc.h"

static const char *const commands[] = { "dumpconfig", "exec", "goto", "q",
    "quit", "save", "set", "source", "tag", NULL };

/* The settings a running interface cannot change, and why. */
static const struct {
	const char	*name;
	const char	*when;
} later[] = {
	{ "refresh-on-startup", "at the next start" },
	{ "suppress-first-reload", "at the next start" },
	{ "run-on-startup", "at the next start" },
	{ "urls-source", "at the next start" },
	{ "reload-threads", "refreshes read it from the config file" },
	{ "download-timeout", "refreshes read it from the config file" },
	{ "download-retries", "refreshes read it from the config file" },
	{ "user-agent", "refreshes read it from the config file" },
	{ "use-proxy", "refreshes read it from the config file" },
	{ "proxy", "refreshes read it from the config file" },
	{ "proxy-auth", "refreshes read it from the config file" },
	{ "proxy-type", "refreshes read it from the config file" },
	{ "keep-articles-days", "refreshes read it from the config file" },
	{ "ignore-mode", "refreshes read it from the config file" },
	{ "notify-program", "refreshes read it from the config file" },
	{ "notify-format", "refreshes read it from the config file" },
};

static const char *
applies_later(const char *name)
{
	static const char *const sync_prefixes[] = { "freshrss-",
	    "inoreader-", "oldreader-", "feedhq-" };
	size_t i;

	/* The settings of a sync (sync_service.h). */
	for (i = 0; i < sizeof(sync_prefixes) / sizeof(sync_prefixes[0]); i++)
		if (strncmp(name, sync_prefixes[i],
		    strlen(sync_prefixes[i])) == 0)
			return ("refreshes read it from the config file");
	for (i = 0; i < sizeof(later) / sizeof(later[0]); i++)
		if (strcmp(later[i].name, name) == 0)
			return (later[i].when);
	return (NULL);
}

/* A setting changed (set, a macro, source): the copies the interface
 * keeps follow it, and the screen is drawn again. */
void
ui_setting_changed(struct ui *ui, const char *name)
{
	static const char *const reload[] = { "show-read-feeds",
	    "show-read-articles", "article-sort-order", "feed-sort-order",
	    "max-items", "text-width", NULL };
	size_t i;

	/* The copies l, L, g and G change: only the setting named. */
	if (name == NULL || strcmp(name, "show-read-feeds") == 0)
		ui->show_read_feeds = ui->cfg->show_read_feeds;
	if (name == NULL || strcmp(name, "show-read-articles") == 0)
		ui->show_read_items = ui->cfg->show_read_articles;
	if (name == NULL || strcmp(name, "article-sort-order") == 0)
		conf_article_sort(ui->cfg, &ui->article_sort,
		    &ui->article_asc);
	if (name == NULL || strcmp(name, "feed-sort-order") == 0)
		conf_feed_sort(ui->cfg, &ui->feed_sort, &ui->feed_asc);
	if (name == NULL || strcmp(name, "auto-reload") == 0 ||
	    strcmp(name, "reload-time") == 0)
		ui->next_reload = (int64_t)time(NULL) + 60 *
		    (int64_t)ui->cfg->reload_time;
	ui->dirty = true;
	if (name == NULL) {
		/* source: colours and highlight lines too. */
		ui_setup_roles(ui);
		ui_hl_free(ui);
		ui_hl_setup(ui);
		clearok(curscr, TRUE);
		ui_reload_all(ui);
		return;
	}
	for (i = 0; reload[i] != NULL; i++)
		if (strcmp(reload[i], name) == 0)
			ui_reload_all(ui);
}

/* The value shown as newsboat shows it: name=value, quoted if need be. */
static void
show_value(struct ui *ui, const char *name, const char *note)
{
	struct buf v;
	const char *s;

	buf_init(&v, BUF_CAP_TEXT);
	(void)conf_get(ui->cfg, name, &v);
	s = buf_str(&v);
	if (s[0] == '\0' || strpbrk(s, " \t") != NULL)
		ui_set_status(ui, false, "%s=\"%s\"%s%s%s", name, s,
		    note != NULL ? " (" : "", note != NULL ? note : "",
		    note != NULL ? ")" : "");
	else
		ui_set_status(ui, false, "%s=%s%s%s%s", name, s,
		    note != NULL ? " (" : "", note != NULL ? note : "",
		    note != NULL ? ")" : "");
	buf_free(&v);
}

static const char *
option_type(const char *name)
{
	const struct conf_option_info *o;
	size_t i;

	for (i = 0; (o = conf_option_at(i)) != NULL; i++)
		if (strcmp(o->name, name) == 0)
			return (o->type);
	return (NULL);
}

static const char *
option_default(const char *name)
{
	const struct conf_option_info *o;
	size_t i;

	for (i = 0; (o = conf_option_at(i)) != NULL; i++)
		if (strcmp(o->name, name) == 0)
			return (o->defval);
	return (NULL);
}

static void
cmd_set(struct ui *ui, int argc, char **argv)
{
	struct err err = ERR_INIT;
	struct buf name, value;
	const char *type, *eq, *instead;
	char last = '\0';
	int i, rc;

	if (argc < 2) {
		ui_set_status(ui, true, "usage: set NAME, set NAME VALUE, "
		    "set NAME=VALUE, set NAME! or set NAME&");
		return;
	}
	buf_init(&name, BUF_CAP_TEXT);
	buf_init(&value, BUF_CAP_TEXT);
	if ((eq = strchr(argv[1], '=')) != NULL) {
		(void)buf_add(&name, argv[1], (size_t)(eq - argv[1]));
		(void)buf_addstr(&value, eq + 1);
		for (i = 2; i < argc; i++)
			(void)buf_addf(&value, " %s", argv[i]);
	} else {
		(void)buf_addstr(&name, argv[1]);
		for (i = 2; i < argc; i++)
			(void)buf_addf(&value, "%s%s", i > 2 ? " " : "",
			    argv[i]);
		if (argc == 2 && name.len > 0 && strchr("!&?",
		    argv[1][name.len - 1]) != NULL) {
			last = argv[1][name.len - 1];
			name.data[--name.len] = '\0';
		}
	}
	if ((type = option_type(buf_str(&name))) == NULL) {
		if ((instead = conf_newsboat_instead(buf_str(&name))) != NULL)
			ui_set_status(ui, true, "set %s: newsboat's setting, "
			    "not applied by gazette: %s", buf_str(&name),
			    instead);
		else
			ui_set_status(ui, true, "set: unknown setting '%s'",
			    buf_str(&name));
		goto out;
	}
	if (eq == NULL && argc == 2 && last != '!' && last != '&') {
		show_value(ui, buf_str(&name), NULL);
		goto out;
	}
	if (last == '!') {
		if (strcmp(type, "bool") != 0) {
			ui_set_status(ui, true, "set %s!: not a yes/no "
			    "setting", buf_str(&name));
			goto out;
		}
		buf_reset(&value);
		(void)conf_get(ui->cfg, buf_str(&name), &value);
		rc = strcmp(buf_str(&value), "yes") == 0;
		buf_reset(&value);
		(void)buf_addstr(&value, rc ? "no" : "yes");
	} else if (last == '&') {
		buf_reset(&value);
		(void)buf_addstr(&value, option_default(buf_str(&name)));
	}
	if (conf_set(ui->cfg, buf_str(&name), buf_str(&value), &err) < 0) {
		ui_set_status(ui, true, "set %s", err.msg);
		goto out;
	}
	ui_setting_changed(ui, buf_str(&name));
	show_value(ui, buf_str(&name), applies_later(buf_str(&name)));
out:
	buf_free(&name);
	buf_free(&value);
}

struct source_warns {
	char	first[256];
	unsigned n;
};

static void
source_warn(void *arg, const char *file, unsigned line, const char *msg)
{
	struct source_warns *w = arg;

	if (w->n++ == 0)
		snprintf(w->first, sizeof(w->first), "%s:%u: %s", file, line,
		    msg);
}

static void
cmd_source(struct ui *ui, int argc, char **argv)
{
	struct source_warns w;
	struct err err = ERR_INIT;
	size_t skips = ui->cfg->n_skips;
	unsigned applied = ui->cfg->n_applied;
	char *path;
	int i;

	if (argc < 2) {
		ui_set_status(ui, true, "usage: source FILE...");
		return;
	}
	memset(&w, 0, sizeof(w));
	for (i = 1; i < argc; i++) {
		path = ui_save_expand(argv[i]);
		if (conf_load(ui->cfg, path, true, source_warn, &w,
		    &err) < 0) {
			free(path);
			ui_setting_changed(ui, NULL);
			ui_set_status(ui, true, "source: %s", err.msg);
			return;
		}
		free(path);
	}
	ui_setting_changed(ui, NULL);
	if (w.n > 0)
		ui_set_status(ui, true, "source: %s%s", w.first, w.n > 1 ?
		    " (and more problems: gazette check-config FILE lists "
		    "them)" : "");
	else if (ui->cfg->n_skips > skips)
		ui_set_status(ui, false, "source: %u lines applied, %zu not "
		    "applied (gazette check-config FILE says why)",
		    ui->cfg->n_applied - applied, ui->cfg->n_skips - skips);
	else
		ui_set_status(ui, false, "source: %u lines applied",
		    ui->cfg->n_applied - applied);
}

static void
cmd_dumpconfig(struct ui *ui, int argc, char **argv)
{
	struct buf tmp;
	char *path;
	FILE *fp;
	int fd, saved;

	if (argc != 2) {
		ui_set_status(ui, true, "usage: dumpconfig FILE");
		return;
	}
	path = ui_save_expand(argv[1]);
	/* A whole file or none: a temporary file renamed over it. */
	buf_init(&tmp, BUF_CAP_TEXT);
	(void)buf_addf(&tmp, "%s.%ld.tmp", path, (long)getpid());
	fd = open(buf_str(&tmp), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0600);
	if (fd < 0 || (fp = fdopen(fd, "w")) == NULL) {
		saved = errno;
		if (fd >= 0) {
			close(fd);
			(void)unlink(buf_str(&tmp));
		}
		ui_set_status(ui, true, "dumpconfig: %s: %s", path,
		    strerror(saved));
		goto out;
	}
	if ((conf_dump(ui->cfg, fp) < 0) | (fclose(fp) != 0) ||
	    rename(buf_str(&tmp), path) < 0) {
		saved = errno;
		(void)unlink(buf_str(&tmp));
		ui_set_status(ui, true, "dumpconfig: %s: %s", path,
		    strerror(saved));
		goto out;
	}
	ui_set_status(ui, false, "configuration written to %s", path);
out:
	buf_free(&tmp);
	free(path);
}

/* Run an action whose prompt then gets text (save FILE, tag NAME). */
static void
action_answered(struct ui *ui, enum keymap_action a, const char *text)
{
	ui_run_action(ui, a, 0);
	if (ui->prompting)
		(void)ui_prompt_answer(ui, text);
}

/* goto TEXT: the next feed (after the selected one, round from the top)
 * whose title contains TEXT, case aside. */
static void
cmd_goto(struct ui *ui, int argc, char **argv)
{
	struct buf text;
	int i;

	if (argc < 2) {
		ui_set_status(ui, true, "usage: goto TEXT");
		return;
	}
	if (!ui_is_feeds(ui->view)) {
		ui_set_status(ui, true, "goto: in the feed list");
		return;
	}
	buf_init(&text, BUF_CAP_TEXT);
	for (i = 1; i < argc; i++)
		(void)buf_addf(&text, "%s%s", i > 1 ? " " : "", argv[i]);
	if (ui_feeds_find(ui, ui->view, buf_str(&text)) == NULL)
		ui_set_status(ui, true, "goto: no feed title contains '%s'",
		    buf_str(&text));
	buf_free(&text);
}

/* NUMBER: the list's line NUMBER, as HOME then NUMBER-1 downs. */
static void
cmd_number(struct ui *ui, const char *line)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(line, &end, 10);
	while (*end == ' ' || *end == '\t')
		end++;
	if (errno != 0 || *end != '\0' || n < 1 || n > 100000000) {
		ui_set_status(ui, true, "%s: not a line number", line);
		return;
	}
	if (ui->view->ops->ctx == KEYMAP_CTX_ARTICLE) {
		ui_set_status(ui, true, "%ld: line numbers are for lists", n);
		return;
	}
	ui_run_action(ui, KEYMAP_HOME, 0);
	if (n > 1)
		ui_run_action(ui, KEYMAP_DOWN, n - 1);
}

static void
cmd_exec(struct ui *ui, int argc, char **argv)
{
	char **cmd = argv + 1;

	if (argc < 2) {
		ui_set_status(ui, true, "usage: exec OPERATION");
		return;
	}
	if (keymap_action_parse(argv[1]) == KEYMAP_NONE) {
		ui_set_status(ui, true, "exec: unknown operation '%s' (? "
		    "lists them)", argv[1]);
		return;
	}
	(void)ui_macro_run(ui, &cmd, 1);
}

void
ui_cmdline_run(struct ui *ui, const char *line)
{
	struct err err = ERR_INIT;
	char **argv;
	int argc;

	while (*line == ' ' || *line == '\t')
		line++;
	if (*line == '\0')
		return;
	if (*line >= '0' && *line <= '9') {
		cmd_number(ui, line);
		return;
	}
	if (conf_split_words(line, &argc, &argv, &err) < 0) {
		ui_set_status(ui, true, "%s", err.msg);
		return;
	}
	if (argc == 0)
		;
	else if (strcmp(argv[0], "set") == 0)
		cmd_set(ui, argc, argv);
	else if (strcmp(argv[0], "quit") == 0 || strcmp(argv[0], "q") == 0)
		ui_run_action(ui, KEYMAP_HARD_QUIT, 0);
	else if (strcmp(argv[0], "source") == 0)
		cmd_source(ui, argc, argv);
	else if (strcmp(argv[0], "dumpconfig") == 0)
		cmd_dumpconfig(ui, argc, argv);
	else if (strcmp(argv[0], "tag") == 0 && argc <= 2) {
		if (argc == 2)
			action_answered(ui, KEYMAP_SET_TAG, argv[1]);
		else
			ui_run_action(ui, KEYMAP_SET_TAG, 0);
	} else if (strcmp(argv[0], "goto") == 0)
		cmd_goto(ui, argc, argv);
	else if (strcmp(argv[0], "save") == 0 && argc == 2)
		action_answered(ui, KEYMAP_SAVE, argv[1]);
	else if (strcmp(argv[0], "exec") == 0)
		cmd_exec(ui, argc, argv);
	else if (strcmp(argv[0], "save") == 0 || strcmp(argv[0], "tag") == 0)
		ui_set_status(ui, true, "usage: %s", strcmp(argv[0], "save") ==
		    0 ? "save FILE" : "tag [NAME]");
	else
		ui_set_status(ui, true, "%s: not a command (set, source, "
		    "dumpconfig, tag, goto, save, exec, quit or a number)",
		    argv[0]);
	conf_words_free(argv);
}

static void
cmdline_cb(struct ui *ui, const char *text, void *arg)
{
	(void)arg;
	ui_cmdline_run(ui, text);
}

/* The i-th name of a list (or of the option table, or of the actions)
 * that starts with prefix, after head; fresh, or NULL. */
static char *
nth_match(const char *head, const char *prefix, size_t i, int list)
{
	const struct conf_option_info *o;
	const char *name;
	struct buf b;
	size_t k, len = strlen(prefix);
	char *s;

	for (k = 0;; k++) {
		if (list == 0)
			name = commands[k];
		else if (list == 1)
			name = (o = conf_option_at(k)) != NULL ? o->name : NULL;
		else if (k + 1 < KEYMAP_NACTIONS)
			name = keymap_action_name((enum keymap_action)(k + 1));
		else
			name = NULL;
		if (name == NULL)
			return (NULL);
		if (strncmp(name, prefix, len) != 0 || i-- > 0)
			continue;
		buf_init(&b, BUF_CAP_TEXT);
		(void)buf_addf(&b, "%s%s", head, name);
		s = buf_detach(&b);
		buf_free(&b);
		return (s);
	}
}

static char *
complete(struct ui *ui, const char *line, size_t i)
{
	(void)ui;
	while (*line == ' ')
		line++;
	if (strchr(line, ' ') == NULL)
		return (nth_match("", line, i, 0));
	if (strncmp(line, "set ", 4) == 0 && strchr(line + 4, ' ') == NULL)
		return (nth_match("set ", line + 4, i, 1));
	if (strncmp(line, "exec ", 5) == 0 && strchr(line + 5, ' ') == NULL)
		return (nth_match("exec ", line + 5, i, 2));
	return (NULL);
}

void
ui_cmdline_open(struct ui *ui)
{
	ui_prompt(ui, ":", &ui->cmdline_history, NULL, cmdline_cb, NULL);
	ui_prompt_complete(ui, complete);
}

/* run-on-startup: its operations, read as a macro's commands. */
void
ui_cmdline_startup(struct ui *ui)
{
	struct conf scratch;
	struct err err = ERR_INIT;
	struct buf line;

	if (ui->started || ui->exit_after_draw)
		return;
	ui->started = true;
	if (ui->cfg->run_on_startup == NULL ||
	    ui->cfg->run_on_startup[0] == '\0')
		return;
	buf_init(&line, BUF_CAP_TEXT);
	(void)buf_addf(&line, "macro ENTER %s", ui->cfg->run_on_startup);
	conf_init(&scratch);
	if (conf_macro_line(&scratch, buf_str(&line), &err) < 0)
		ui_set_status(ui, true, "run-on-startup: %s",
		    strncmp(err.msg, "macro: ", 7) == 0 ? err.msg + 7 :
		    err.msg);
	else
		(void)ui_macro_run(ui, scratch.macros[0].cmds,
		    scratch.macros[0].n);
	conf_free(&scratch);
	buf_free(&line);
}
