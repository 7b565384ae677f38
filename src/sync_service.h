/*
 * sync_service: the Google Reader API services gazette syncs with, as
 * newsboat names them in urls-source, each a configuration of the one
 * GReader engine (sync.h) with its own settings and small differences:
 *
 *	freshrss, greader	freshrss-* settings, freshrss-url the API
 *	inoreader		inoreader-*; AppId and AppKey headers on
 *				every request, 403 when Inoreader refuses
 *				them; https://www.inoreader.com
 *	oldreader		oldreader-*; ClientLogin names the client
 *				(client=, accountType=, service=), item
 *				ids are 24-digit hex ObjectIds;
 *				https://theoldreader.com
 *	feedhq			feedhq-*, feedhq-url (https://feedhq.org/)
 *
 * inoreader-url and oldreader-url are gazette's own settings (newsboat
 * has the hosts built in): tests and mirrors point them elsewhere.
 */
#ifndef GAZETTE_SYNC_SERVICE_H
#define GAZETTE_SYNC_SERVICE_H

#include <stdbool.h>

struct conf;

enum sync_kind {
	SYNC_GREADER,		/* FreshRSS and any other GReader server */
	SYNC_INOREADER,
	SYNC_OLDREADER,
	SYNC_FEEDHQ
};

/* The settings of the service in use (strings borrowed from cfg). */
struct sync_service {
	enum sync_kind	 kind;
	const char	*prefix;	/* of its settings: "inoreader" */
	const char	*token_file;	/* in the data directory */
	const char	*url;		/* base of accounts/ and reader/ */
	const char	*login;
	const char	*password;
	const char	*passwordfile;
	const char	*passwordeval;
	const char	*app_id;	/* Inoreader's, else "" */
	const char	*app_key;
	int		 min_items;
	const char	*flag_star;
	bool		 show_special_feeds;
};

/* The service of urls-source; false when feeds are local. */
bool	 sync_service_get(const struct conf *cfg, struct sync_service *out);

#endif
