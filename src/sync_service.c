/*
 * sync_service: urls-source to the settings of its service (see
 * sync_service.h).
 */
#include "config.h"

#include <string.h>

#include "conf.h"
#include "sync.h"
#include "sync_service.h"

/* The settings every service has, from its NAME-* fields. */
static void
service_set(struct sync_service *out, const char *prefix,
    const struct conf_sync *set)
{
	out->prefix = prefix;
	out->url = set->url;
	out->login = set->login;
	out->password = set->password;
	out->passwordfile = set->passwordfile;
	out->passwordeval = set->passwordeval;
	out->min_items = set->min_items;
	out->flag_star = set->flag_star;
	out->show_special_feeds = set->show_special_feeds;
}

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
		service_set(out, "freshrss", &cfg->freshrss);
	} else if (strcmp(src, "inoreader") == 0) {
		out->kind = SYNC_INOREADER;
		out->token_file = "inoreader-token";
		service_set(out, "inoreader", &cfg->inoreader);
		out->app_id = cfg->inoreader_app_id;
		out->app_key = cfg->inoreader_app_key;
	} else if (strcmp(src, "oldreader") == 0) {
		out->kind = SYNC_OLDREADER;
		out->token_file = "oldreader-token";
		service_set(out, "oldreader", &cfg->oldreader);
	} else if (strcmp(src, "feedhq") == 0) {
		out->kind = SYNC_FEEDHQ;
		out->token_file = "feedhq-token";
		service_set(out, "feedhq", &cfg->feedhq);
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
