/*
 * ui_prompt: the status line's message, and the prompt that takes its
 * place (a line editor with history and, where the caller gives one, Tab
 * completion: Tab again cycles through the completions).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"
#include "ui_int.h"
#include "xmalloc.h"

void
ui_set_status(struct ui *ui, bool error, const char *fmt, ...)
{
	char raw[512], *clean;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(raw, sizeof(raw), fmt, ap);
	va_end(ap);
	clean = text_sanitize(raw, 0);
	snprintf(ui->status, sizeof(ui->status), "%s", clean);
	free(clean);
	ui->status_error = error;
	ui->dirty = true;
}

static void
prompt_set_text(struct ui *ui, const char *s)
{
	size_t len = strlen(s), n;
	uint32_t cp;

	ui->plen = ui->pcursor = 0;
	while (len > 0) {
		n = text_decode(s, len, &cp);
		s += n;
		len -= n;
		if (cp < 0x20 || cp == 0x7f)
			continue;
		if (ui->plen == ui->pcap) {
			ui->pcap = ui->pcap == 0 ? 64 : ui->pcap * 2;
			ui->ptext = xreallocarray(ui->ptext, ui->pcap,
			    sizeof(*ui->ptext));
		}
		ui->ptext[ui->plen++] = cp;
	}
	ui->pcursor = ui->plen;
}

static char *
prompt_get_text(struct ui *ui)
{
	struct buf b;
	char enc[4], *s;
	size_t i;

	buf_init(&b, BUF_CAP_TEXT);
	for (i = 0; i < ui->plen; i++)
		(void)buf_add(&b, enc, text_encode(ui->ptext[i], enc));
	s = buf_detach(&b);
	buf_free(&b);
	return (s);
}

void
ui_prompt(struct ui *ui, const char *label, struct ui_history *h,
    const char *initial, ui_prompt_fn fn, void *arg)
{
	snprintf(ui->prompt_label, sizeof(ui->prompt_label), "%s", label);
	ui->prompting = true;
	ui->phist = h;
	ui->phist_at = h != NULL ? h->n : 0;
	ui->pfn = fn;
	ui->parg = arg;
	ui->pcomplete = NULL;
	free(ui->pcomp_base);
	ui->pcomp_base = NULL;
	prompt_set_text(ui, initial != NULL ? initial : "");
	ui->dirty = true;
}

void
ui_prompt_complete(struct ui *ui, ui_complete_fn fn)
{
	ui->pcomplete = fn;
}

bool
ui_prompt_answer(struct ui *ui, const char *text)
{
	ui_prompt_fn fn = ui->pfn;

	if (!ui->prompting)
		return (false);
	ui->prompting = false;
	ui->status[0] = '\0';
	ui->dirty = true;
	fn(ui, text, ui->parg);
	return (true);
}

/* Tab: the next completion of the line as it was at the first Tab. */
static void
prompt_tab(struct ui *ui)
{
	char *s;

	if (ui->pcomplete == NULL)
		return;
	if (ui->pcomp_base == NULL) {
		ui->pcomp_base = prompt_get_text(ui);
		ui->pcomp_i = 0;
	}
	s = ui->pcomplete(ui, ui->pcomp_base, ui->pcomp_i);
	if (s == NULL && ui->pcomp_i > 0) {
		ui->pcomp_i = 0;	/* round again */
		s = ui->pcomplete(ui, ui->pcomp_base, 0);
	}
	if (s == NULL)
		return;
	ui->pcomp_i++;
	prompt_set_text(ui, s);
	free(s);
}

void
ui_confirm(struct ui *ui, const char *question, ui_prompt_fn fn, void *arg)
{
	ui_set_status(ui, false, "%s", question);
	ui->confirm_fn = fn;
	ui->confirm_arg = arg;
	ui->confirm_raw = false;
}

void
ui_ask_key(struct ui *ui, const char *question, ui_prompt_fn fn, void *arg)
{
	ui_confirm(ui, question, fn, arg);
	ui->confirm_raw = true;
}

void
ui_prompt_key(struct ui *ui, int key)
{
	ui_prompt_fn fn;
	void *arg;
	char *text;
	size_t i;

	if (key == KEYMAP_KEY_TAB) {
		prompt_tab(ui);
		ui->dirty = true;
		return;
	}
	free(ui->pcomp_base);
	ui->pcomp_base = NULL;
	switch (key) {
	case KEYMAP_KEY_ENTER:
		text = prompt_get_text(ui);
		ui->prompting = false;
		fn = ui->pfn;
		arg = ui->parg;
		if (ui->phist != NULL)
			ui_history_add(ui->phist, text);
		ui->status[0] = '\0';
		fn(ui, text, arg);
		free(text);
		break;
	case KEYMAP_KEY_ESC:
	case KEYMAP_CTRL('G'):
	case KEYMAP_CTRL('C'):
		ui->prompting = false;
		ui->status[0] = '\0';
		break;
	case KEYMAP_KEY_LEFT:
	case KEYMAP_CTRL('B'):
		if (ui->pcursor > 0)
			ui->pcursor--;
		break;
	case KEYMAP_KEY_RIGHT:
	case KEYMAP_CTRL('F'):
		if (ui->pcursor < ui->plen)
			ui->pcursor++;
		break;
	case KEYMAP_KEY_HOME:
	case KEYMAP_CTRL('A'):
		ui->pcursor = 0;
		break;
	case KEYMAP_KEY_END:
	case KEYMAP_CTRL('E'):
		ui->pcursor = ui->plen;
		break;
	case KEYMAP_KEY_BACKSPACE:
	case KEYMAP_CTRL('H'):
		if (ui->pcursor == 0)
			break;
		memmove(ui->ptext + ui->pcursor - 1, ui->ptext + ui->pcursor,
		    (ui->plen - ui->pcursor) * sizeof(*ui->ptext));
		ui->pcursor--;
		ui->plen--;
		break;
	case KEYMAP_KEY_DELETE:
	case KEYMAP_CTRL('D'):
		if (ui->pcursor == ui->plen)
			break;
		memmove(ui->ptext + ui->pcursor, ui->ptext + ui->pcursor + 1,
		    (ui->plen - ui->pcursor - 1) * sizeof(*ui->ptext));
		ui->plen--;
		break;
	case KEYMAP_CTRL('U'):
		/* An empty prompt may have no text buffer at all. */
		if (ui->pcursor == 0)
			break;
		memmove(ui->ptext, ui->ptext + ui->pcursor,
		    (ui->plen - ui->pcursor) * sizeof(*ui->ptext));
		ui->plen -= ui->pcursor;
		ui->pcursor = 0;
		break;
	case KEYMAP_CTRL('K'):
		ui->plen = ui->pcursor;
		break;
	case KEYMAP_CTRL('W'):
		i = ui->pcursor;
		while (i > 0 && ui->ptext[i - 1] == ' ')
			i--;
		while (i > 0 && ui->ptext[i - 1] != ' ')
			i--;
		if (i == ui->pcursor)
			break;
		memmove(ui->ptext + i, ui->ptext + ui->pcursor,
		    (ui->plen - ui->pcursor) * sizeof(*ui->ptext));
		ui->plen -= ui->pcursor - i;
		ui->pcursor = i;
		break;
	case KEYMAP_KEY_UP:
	case KEYMAP_CTRL('P'):
		if (ui->phist != NULL && ui->phist_at > 0) {
			ui->phist_at--;
			prompt_set_text(ui, ui->phist->lines[ui->phist_at]);
		}
		break;
	case KEYMAP_KEY_DOWN:
	case KEYMAP_CTRL('N'):
		if (ui->phist != NULL && ui->phist_at < ui->phist->n) {
			ui->phist_at++;
			prompt_set_text(ui, ui->phist_at < ui->phist->n ?
			    ui->phist->lines[ui->phist_at] : "");
		}
		break;
	default:
		if (key < 0x20 || key == 0x7f || key >= KEYMAP_KEY_BASE ||
		    (key >= 0x80 && key < 0xa0) || ui->plen >= 1024)
			break;
		if (ui->plen == ui->pcap) {
			ui->pcap = ui->pcap == 0 ? 64 : ui->pcap * 2;
			ui->ptext = xreallocarray(ui->ptext, ui->pcap,
			    sizeof(*ui->ptext));
		}
		memmove(ui->ptext + ui->pcursor + 1, ui->ptext + ui->pcursor,
		    (ui->plen - ui->pcursor) * sizeof(*ui->ptext));
		ui->ptext[ui->pcursor++] = (uint32_t)key;
		ui->plen++;
		break;
	}
	ui->dirty = true;
}
