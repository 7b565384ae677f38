/*
 * sync_auth: the sync's settings, the password, ClientLogin and the auth
 * token kept in the data directory (see sync.h).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "conf.h"
#include "paths.h"
#include "sync.h"
#include "sync_http.h"
#include "sync_parse.h"
#include "userfile.h"
#include "xmalloc.h"

#define PASSWORD_MAX	4096

static void
wipe(char *s)
{
	if (s != NULL) {
		memset(s, 0, strlen(s));
		free(s);
	}
}

/* The first line of text, cut at its end (taken: text is reused). */
static char *
first_line(char *text)
{
	text[strcspn(text, "\r\n")] = '\0';
	return (text);
}

static char *
password_file(const char *path, struct err *err)
{
	struct buf b;
	char *full = NULL, *home, *pw;
	size_t len;

	if (path[0] == '~' && path[1] == '/' &&
	    (home = getenv("HOME")) != NULL) {
		len = strlen(home) + strlen(path);
		full = xmalloc(len);
		snprintf(full, len, "%s%s", home, path + 1);
		path = full;
	}
	buf_init(&b, PASSWORD_MAX);
	if (userfile_read(path, PASSWORD_MAX, &b, NULL, err) == -1) {
		free(full);
		buf_free(&b);
		return (NULL);
	}
	free(full);
	pw = xstrdup(first_line((char *)buf_str(&b)));
	if (b.data != NULL)
		memset(b.data, 0, b.len);
	buf_free(&b);
	return (pw);
}

/* The first line the user's command prints (it runs under sh -c). */
static char *
password_eval(const char *prefix, const char *cmd, struct err *err)
{
	char out[PASSWORD_MAX], *pw;
	size_t len = 0;
	ssize_t n;
	int fds[2], status;
	pid_t pid;

	if (pipe(fds) == -1) {
		err_set(err, ERR_CONFIG, "%s-passwordeval: %s", prefix,
		    strerror(errno));
		return (NULL);
	}
	fflush(NULL);
	if ((pid = fork()) == -1) {
		close(fds[0]);
		close(fds[1]);
		err_set(err, ERR_CONFIG, "%s-passwordeval: %s", prefix,
		    strerror(errno));
		return (NULL);
	}
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	while (len < sizeof(out) - 1 && (n = read(fds[0], out + len,
	    sizeof(out) - 1 - len)) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			break;
		len += (size_t)n;
	}
	close(fds[0]);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	out[len] = '\0';
	pw = xstrdup(first_line(out));
	memset(out, 0, sizeof(out));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
	    pw[0] == '\0') {
		wipe(pw);
		err_set(err, ERR_CONFIG, "%s-passwordeval: the command "
		    "failed or printed no password", prefix);
		return (NULL);
	}
	return (pw);
}

static char *
get_password(const struct sync_service *svc, struct err *err)
{
	struct err ferr = ERR_INIT;
	char *pw;

	if (svc->password[0] != '\0')
		return (xstrdup(svc->password));
	if (svc->passwordfile[0] != '\0') {
		if ((pw = password_file(svc->passwordfile, &ferr)) == NULL) {
			err_set(err, ERR_CONFIG, "%s-passwordfile: %s",
			    svc->prefix, ferr.msg);
			return (NULL);
		}
		return (pw);
	}
	if (svc->passwordeval[0] != '\0')
		return (password_eval(svc->prefix, svc->passwordeval, err));
	err_set(err, ERR_CONFIG, "sync: no password: set %s-password, "
	    "%s-passwordfile or %s-passwordeval", svc->prefix, svc->prefix,
	    svc->prefix);
	return (NULL);
}

/* The token file: "URL\nLOGIN\nTOKEN\n"; the token if it is ours. */
static char *
token_read(const struct sync_session *s)
{
	char line[3][2048];
	FILE *fp;
	int i;

	if ((fp = fopen(s->token_path, "r")) == NULL)
		return (NULL);
	for (i = 0; i < 3; i++)
		if (fgets(line[i], sizeof(line[i]), fp) == NULL)
			break;
	fclose(fp);
	if (i < 3)
		return (NULL);
	for (i = 0; i < 3; i++)
		first_line(line[i]);
	if (strcmp(line[0], s->api) != 0 || strcmp(line[1], s->login) != 0 ||
	    line[2][0] == '\0')
		return (NULL);
	return (xstrdup(line[2]));
}

/* Write it 0600 (a new file, renamed over the old one). */
static void
token_write(const struct sync_session *s, const char *token)
{
	struct err err = ERR_INIT;
	char *tmp;
	FILE *fp;
	int fd;

	if (paths_mkdir_parents(s->token_path, &err) == -1)
		return;
	tmp = xmalloc(strlen(s->token_path) + 5);
	snprintf(tmp, strlen(s->token_path) + 5, "%s.tmp", s->token_path);
	(void)unlink(tmp);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0600)) == -1 || (fp = fdopen(fd, "w")) == NULL) {
		if (fd != -1)
			close(fd);
		free(tmp);
		return;
	}
	fprintf(fp, "%s\n%s\n%s\n", s->api, s->login, token);
	if (fclose(fp) == EOF || rename(tmp, s->token_path) == -1)
		(void)unlink(tmp);
	free(tmp);
}

static void
token_forget(const struct sync_session *s)
{
	(void)unlink(s->token_path);
}

/*
 * An answer that says the service refuses gazette itself, whatever the
 * user: Inoreader's 403 for an application id or key it does not take
 * (ERR_CONFIG: exit 2), its 429 past the rate limit (ERR_NET).
 */
static bool
sync_refused(const struct sync_session *s, int status, struct err *err)
{
	if (s->svc.kind != SYNC_INOREADER)
		return (false);
	if (status == 403) {
		err_set(err, ERR_CONFIG, "server %s refused the application "
		    "(HTTP 403): wrong inoreader-app-id or inoreader-app-key",
		    s->api);
		return (true);
	}
	if (status == 429) {
		err_set(err, ERR_NET, "server %s: over the rate limit of the "
		    "application (HTTP 429): try later", s->api);
		return (true);
	}
	return (false);
}

/* ClientLogin: the Auth= token, or NULL with err. */
static char *
login(struct sync_session *s, const struct conf *cfg, struct err *err)
{
	struct err herr = ERR_INIT;
	struct buf form, body, url;
	char *pw, *auth = NULL;
	int status, rc;

	(void)cfg;
	if ((pw = get_password(&s->svc, err)) == NULL)
		return (NULL);
	buf_init(&form, BUF_CAP_TEXT);
	buf_init(&body, BUF_CAP_TEXT);
	buf_init(&url, BUF_CAP_URL);
	if (s->svc.kind == SYNC_OLDREADER) {
		/* As The Old Reader documents its ClientLogin. */
		sync_http_form(&form, "client", "gazette");
		sync_http_form(&form, "accountType", "HOSTED_OR_GOOGLE");
		sync_http_form(&form, "service", "reader");
	}
	sync_http_form(&form, "Email", s->login);
	sync_http_form(&form, "Passwd", pw);
	wipe(pw);
	buf_addf(&url, "%s/accounts/ClientLogin", s->api);
	sync_http_set_auth(s->http, NULL);
	rc = sync_http_do(s->http, buf_str(&url), buf_str(&form), &status,
	    &body, &herr);
	memset(form.data, 0, form.len);
	buf_free(&form);
	if (rc == -1) {
		err_set(err, ERR_NET, "server %s: %s", s->api, herr.msg);
		goto out;
	}
	if (sync_refused(s, status, err))
		goto out;
	if (status == 401 || status == 403) {
		err_set(err, ERR_CONFIG, "server %s refused the login of %s "
		    "(HTTP %d): wrong %s-login or %s", s->api, s->login,
		    status, s->svc.prefix, s->svc.kind == SYNC_GREADER ?
		    "API password" : "password");
		goto out;
	}
	if (status != 200) {
		err_set(err, ERR_NET, "server %s: login: HTTP %d", s->api,
		    status);
		goto out;
	}
	if ((auth = sync_parse_auth((char *)buf_str(&body))) == NULL)
		err_set(err, ERR_NET, "server %s: login: no Auth= in the "
		    "answer: not a Google Reader API server?", s->api);
out:
	if (body.data != NULL)
		memset(body.data, 0, body.len);
	buf_free(&body);
	buf_free(&url);
	return (auth);
}

static int
relogin(struct sync_session *s, const struct conf *cfg, struct err *err)
{
	char *auth;

	if ((auth = login(s, cfg, err)) == NULL)
		return (-1);
	token_write(s, auth);
	sync_http_set_auth(s->http, auth);
	wipe(auth);
	s->fresh = true;
	return (0);
}

/* Is the letter of PREFIX-flag-star one flag letter (or unset)? */
static bool
flag_ok(const char *f)
{
	return (f[0] == '\0' || (f[1] == '\0' && ((f[0] >= 'a' &&
	    f[0] <= 'z') || (f[0] >= 'A' && f[0] <= 'Z'))));
}

int
sync_session_open(struct sync_session *s, const struct conf *cfg,
    const char *db_path, struct err *err)
{
	struct sync_service *svc = &s->svc;
	const char *slash;
	char *auth;
	size_t len;

	memset(s, 0, sizeof(*s));
	if (!sync_service_get(cfg, svc)) {
		err_set(err, ERR_CONFIG, "sync: urls-source %s is not a "
		    "syncing service", cfg->urls_source);
		return (-1);
	}
	if (svc->url[0] == '\0' || svc->login[0] == '\0') {
		err_set(err, ERR_CONFIG, "sync: urls-source %s needs "
		    "%s-url and %s-login in the config", cfg->urls_source,
		    svc->prefix, svc->prefix);
		return (-1);
	}
	if (strncmp(svc->url, "http://", 7) != 0 &&
	    strncmp(svc->url, "https://", 8) != 0) {
		err_set(err, ERR_CONFIG, "sync: %s-url must be an "
		    "http or https URL", svc->prefix);
		return (-1);
	}
	if (svc->kind == SYNC_INOREADER && (svc->app_id[0] == '\0' ||
	    svc->app_key[0] == '\0')) {
		err_set(err, ERR_CONFIG, "sync: urls-source inoreader needs "
		    "inoreader-app-id and inoreader-app-key (an application "
		    "registered with Inoreader)");
		return (-1);
	}
	if (!flag_ok(svc->flag_star)) {
		err_set(err, ERR_CONFIG, "sync: %s-flag-star must be "
		    "one flag letter, a-z or A-Z", svc->prefix);
		return (-1);
	}
	s->api = xstrdup(svc->url);
	len = strlen(s->api);
	while (len > 0 && s->api[len - 1] == '/')
		s->api[--len] = '\0';
	s->login = xstrdup(svc->login);
	/* Beside the database: its directory is the data directory. */
	len = strlen(db_path) + strlen(svc->token_file) + 1;
	s->token_path = xmalloc(len);
	slash = strrchr(db_path, '/');
	snprintf(s->token_path, len, "%.*s%s",
	    slash != NULL ? (int)(slash - db_path + 1) : 0, db_path,
	    svc->token_file);
	s->http = sync_http_new(cfg);
	if (svc->kind == SYNC_INOREADER)
		sync_http_set_app(s->http, svc->app_id, svc->app_key);
	if ((auth = token_read(s)) != NULL) {
		sync_http_set_auth(s->http, auth);
		wipe(auth);
		return (0);
	}
	return (relogin(s, cfg, err));
}

void
sync_session_close(struct sync_session *s)
{
	sync_http_free(s->http);
	free(s->api);
	free(s->login);
	free(s->token_path);
	wipe(s->t);
	memset(s, 0, sizeof(*s));
}

int
sync_call(struct sync_session *s, const struct conf *cfg, const char *path,
    const char *form, struct buf *body, struct err *err)
{
	struct err herr = ERR_INIT;
	struct buf url;
	int status = 0, tries, rc = -1;

	buf_init(&url, BUF_CAP_BODY);
	buf_addf(&url, "%s/reader/api/0/%s", s->api, path);
	for (tries = 0; tries < 2; tries++) {
		if (sync_http_do(s->http, buf_str(&url), form, &status, body,
		    &herr) == -1) {
			err_set(err, ERR_NET, "server %s: %s", s->api,
			    herr.msg);
			break;
		}
		if (status != 401 || s->fresh || tries > 0)
			break;
		/* The kept token is no longer good: log in again. */
		token_forget(s);
		if (relogin(s, cfg, err) == -1)
			goto out;
	}
	if (err_isset(err) || sync_refused(s, status, err))
		goto out;
	if (status == 401)
		err_set(err, ERR_CONFIG, "server %s refused gazette's token "
		    "(HTTP 401) just after login", s->api);
	else if (status < 200 || status > 299)
		err_set(err, ERR_NET, "server %s: %s: HTTP %d", s->api, path,
		    status);
	else
		rc = 0;
out:
	buf_free(&url);
	return (rc);
}
