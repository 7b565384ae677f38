/*
 * sync_service: urls-source to the settings of its service (see
 * sync_service.h).
 */
#include "config.h"

#include <string.h>

#include "conf.h"
#include "sync.h"
#include "sync_service.h"

bool
sync_service_get(const struct conf *cfg, struct sync_service *out)
{
	const char *src = cfg->urls_source;

	memset(out, 0, sizeof(*out));
	out->app_id = out->app_key = "";
	if (strcmp(src, "freshrss") == 0 || strcmp(src, "greader") == 0) {
		out->kind = SYNC_GREADER;
		out->prefix = "freshrss";
		/* The name it always had: a kept token stays good. */
		out->token_file = "greader-token";
		out->url = cfg->freshrss_url;
		out->login = cfg->freshrss_login;
		out->password = cfg->freshrss_password;
		out->passwordfile = cfg->freshrss_passwordfile;
		out->passwordeval = cfg->freshrss_passwordeval;
		out->min_items = cfg->freshrss_min_items;
		out->flag_star = cfg->freshrss_flag_star;
		out->show_special_feeds = cfg->freshrss_show_special_feeds;
	} else if (strcmp(src, "inoreader") == 0) {
		out->kind = SYNC_INOREADER;
		out->prefix = "inoreader";
		out->token_file = "inoreader-token";
		out->url = cfg->inoreader_url;
		out->login = cfg->inoreader_login;
		out->password = cfg->inoreader_password;
		out->passwordfile = cfg->inoreader_passwordfile;
		out->passwordeval = cfg->inoreader_passwordeval;
		out->app_id = cfg->inoreader_app_id;
		out->app_key = cfg->inoreader_app_key;
		out->min_items = cfg->inoreader_min_items;
		out->flag_star = cfg->inoreader_flag_star;
		out->show_special_feeds = cfg->inoreader_show_special_feeds;
	} else if (strcmp(src, "oldreader") == 0) {
		out->kind = SYNC_OLDREADER;
		out->prefix = "oldreader";
		out->token_file = "oldreader-token";
		out->url = cfg->oldreader_url;
		out->login = cfg->oldreader_login;
		out->password = cfg->oldreader_password;
		out->passwordfile = cfg->oldreader_passwordfile;
		out->passwordeval = cfg->oldreader_passwordeval;
		out->min_items = cfg->oldreader_min_items;
		out->flag_star = cfg->oldreader_flag_star;
		out->show_special_feeds = cfg->oldreader_show_special_feeds;
	} else if (strcmp(src, "feedhq") == 0) {
		out->kind = SYNC_FEEDHQ;
		out->prefix = "feedhq";
		out->token_file = "feedhq-token";
		out->url = cfg->feedhq_url;
		out->login = cfg->feedhq_login;
		out->password = cfg->feedhq_password;
		out->passwordfile = cfg->feedhq_passwordfile;
		out->passwordeval = cfg->feedhq_passwordeval;
		out->min_items = cfg->feedhq_min_items;
		out->flag_star = cfg->feedhq_flag_star;
		out->show_special_feeds = cfg->feedhq_show_special_feeds;
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
