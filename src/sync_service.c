/*
 * sync_service: urls-source to the settings of its service (see
 * sync_service.h).
 */
#include "config.h"

#include <string.h>

#include "conf.h"
#include "sync.h"
#include "sync_service.h"

/* The settings every service has, read from its NAME-* fields. */
#define SERVICE(out, cfg, name) do {					\
	(out)->prefix = #name;						\
	(out)->url = (cfg)->name##_url;					\
	(out)->login = (cfg)->name##_login;				\
	(out)->password = (cfg)->name##_password;			\
	(out)->passwordfile = (cfg)->name##_passwordfile;		\
	(out)->passwordeval = (cfg)->name##_passwordeval;		\
	(out)->min_items = (cfg)->name##_min_items;			\
	(out)->flag_star = (cfg)->name##_flag_star;			\
	(out)->show_special_feeds = (cfg)->name##_show_special_feeds;	\
} while (0)

bool
sync_service_get(const struct conf *cfg, struct sync_service *out)
{
	const char *src = cfg->urls_source;

	memset(out, 0, sizeof(*out));
	out->app_id = out->app_key = "";
	if (strcmp(src, "freshrss") == 0 || strcmp(src, "greader") == 0) {
		out->kind = SYNC_GREADER;
		/* The name it always had: a kept token stays good. */
		out->token_file = "greader-token";
		SERVICE(out, cfg, freshrss);
	} else if (strcmp(src, "inoreader") == 0) {
		out->kind = SYNC_INOREADER;
		out->token_file = "inoreader-token";
		SERVICE(out, cfg, inoreader);
		out->app_id = cfg->inoreader_app_id;
		out->app_key = cfg->inoreader_app_key;
	} else if (strcmp(src, "oldreader") == 0) {
		out->kind = SYNC_OLDREADER;
		out->token_file = "oldreader-token";
		SERVICE(out, cfg, oldreader);
	} else if (strcmp(src, "feedhq") == 0) {
		out->kind = SYNC_FEEDHQ;
		out->token_file = "feedhq-token";
		SERVICE(out, cfg, feedhq);
	} else
		return (false);
	return (true);
}

bool
sync_enabled(const struct conf *cfg)
{
	struct sync_service svc;

	return (sync_service_get(cfg, &svc));
}
