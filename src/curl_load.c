/*
 * curl_load: libcurl, loaded the first time it is used.
 *
 * gazette is not linked with libcurl.  Each curl_* function it calls is
 * defined here and forwards to libcurl, opened with dlopen(3) on the
 * first call.  Linking it made every command pay for libcurl and the
 * forty libraries behind it (TLS, Kerberos, LDAP, SSH...), about 20 ms
 * before main(), although --version, the interface's first screen,
 * list and search never touch a URL; now only fetching, parsing (URL
 * resolution) and rendering links load it (bench/startup measures).
 *
 * When libcurl cannot be loaded, every function fails the way libcurl
 * reports failure (NULL, an error code), so callers need nothing new;
 * curl_easy_strerror then says why.
 */
#include "config.h"

#define CURL_DISABLE_TYPECHECK	/* the functions, not curl.h's macros */

#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <time.h>

#include <curl/curl.h>

#ifndef CURL_SONAME
#define CURL_SONAME	"libcurl.so.4"
#endif

/* X(return type, name, parameters, arguments, value when not loaded) */
#define CURL_FUNCTIONS(X) \
	X(CURLcode, curl_global_init, (long flags), (flags), \
	    CURLE_FAILED_INIT) \
	X(CURL *, curl_easy_init, (void), (), NULL) \
	X(void, curl_easy_cleanup, (CURL *h), (h), ) \
	X(void, curl_easy_reset, (CURL *h), (h), ) \
	X(CURLcode, curl_easy_perform, (CURL *h), (h), CURLE_FAILED_INIT) \
	X(CURLcode, curl_easy_pause, (CURL *h, int mask), (h, mask), \
	    CURLE_FAILED_INIT) \
	X(CURLM *, curl_multi_init, (void), (), NULL) \
	X(CURLMcode, curl_multi_cleanup, (CURLM *m), (m), \
	    CURLM_INTERNAL_ERROR) \
	X(CURLMcode, curl_multi_add_handle, (CURLM *m, CURL *h), (m, h), \
	    CURLM_INTERNAL_ERROR) \
	X(CURLMcode, curl_multi_remove_handle, (CURLM *m, CURL *h), (m, h), \
	    CURLM_INTERNAL_ERROR) \
	X(CURLMcode, curl_multi_perform, (CURLM *m, int *running), \
	    (m, running), CURLM_INTERNAL_ERROR) \
	X(CURLMcode, curl_multi_poll, (CURLM *m, struct curl_waitfd *fds, \
	    unsigned n, int ms, int *numfds), (m, fds, n, ms, numfds), \
	    CURLM_INTERNAL_ERROR) \
	X(CURLMcode, curl_multi_wakeup, (CURLM *m), (m), \
	    CURLM_INTERNAL_ERROR) \
	X(CURLMsg *, curl_multi_info_read, (CURLM *m, int *left), (m, left), \
	    NULL) \
	X(struct curl_slist *, curl_slist_append, (struct curl_slist *l, \
	    const char *s), (l, s), NULL) \
	X(void, curl_slist_free_all, (struct curl_slist *l), (l), ) \
	X(void, curl_free, (void *p), (p), ) \
	X(CURLU *, curl_url, (void), (), NULL) \
	X(void, curl_url_cleanup, (CURLU *u), (u), ) \
	X(CURLUcode, curl_url_set, (CURLU *u, CURLUPart what, \
	    const char *part, unsigned int flags), (u, what, part, flags), \
	    CURLUE_OUT_OF_MEMORY) \
	X(CURLUcode, curl_url_get, (CURLU *u, CURLUPart what, \
	    char **part, unsigned int flags), (u, what, part, flags), \
	    CURLUE_OUT_OF_MEMORY) \
	X(time_t, curl_getdate, (const char *s, const time_t *now), (s, now), \
	    -1) \
	X(CURLSH *, curl_share_init, (void), (), NULL) \
	X(CURLSHcode, curl_share_cleanup, (CURLSH *sh), (sh), \
	    CURLSHE_NOT_BUILT_IN)

#define CURL_POINTER(ret, name, params, args, fail) ret (*name) params;
static struct {
	CURL_FUNCTIONS(CURL_POINTER)
	CURLcode	(*curl_easy_setopt)(CURL *, CURLoption, ...);
	CURLcode	(*curl_easy_getinfo)(CURL *, CURLINFO, ...);
	CURLMcode	(*curl_multi_setopt)(CURLM *, CURLMoption, ...);
	const char	*(*curl_easy_strerror)(CURLcode);
	CURLSHcode	(*curl_share_setopt)(CURLSH *, CURLSHoption, ...);
} fn;
#undef CURL_POINTER

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded;
static char why[256] = "libcurl is not loaded";

static void
load(void)
{
	void *h, **slot;
	size_t i;
	/* The names, in the order of fn's members. */
	static const char *const names[] = {
#define CURL_NAME(ret, name, params, args, fail) #name,
		CURL_FUNCTIONS(CURL_NAME)
#undef CURL_NAME
		"curl_easy_setopt", "curl_easy_getinfo", "curl_multi_setopt",
		"curl_easy_strerror", "curl_share_setopt"
	};

	if ((h = dlopen(CURL_SONAME, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		snprintf(why, sizeof(why), "cannot load libcurl: %s",
		    dlerror());
		return;
	}
	slot = (void **)&fn;
	for (i = 0; i < sizeof(names) / sizeof(*names); i++) {
		if ((slot[i] = dlsym(h, names[i])) == NULL) {
			snprintf(why, sizeof(why), "%s: no %s", CURL_SONAME,
			    names[i]);
			return;
		}
	}
	loaded = 1;
}

static int
ready(void)
{
	(void)pthread_once(&once, load);
	return (loaded);
}

#define CURL_FORWARD(ret, name, params, args, fail) \
ret name params \
{ \
	if (!ready()) \
		return fail; \
	return fn.name args; \
}
CURL_FUNCTIONS(CURL_FORWARD)
#undef CURL_FORWARD

const char *
curl_easy_strerror(CURLcode code)
{
	return (ready() ? fn.curl_easy_strerror(code) : why);
}

/*
 * The option's number says the type of its one argument (curl.h:
 * CURLOPTTYPE_*): long, pointer, function pointer or curl_off_t.
 */
CURLcode
curl_easy_setopt(CURL *h, CURLoption opt, ...)
{
	va_list ap;
	CURLcode rc;

	if (!ready())
		return (CURLE_FAILED_INIT);
	va_start(ap, opt);
	if (opt < CURLOPTTYPE_OBJECTPOINT)
		rc = fn.curl_easy_setopt(h, opt, va_arg(ap, long));
	else if (opt < CURLOPTTYPE_FUNCTIONPOINT)
		rc = fn.curl_easy_setopt(h, opt, va_arg(ap, void *));
	else if (opt < CURLOPTTYPE_OFF_T)
		rc = fn.curl_easy_setopt(h, opt, va_arg(ap, void (*)(void)));
	else if (opt < CURLOPTTYPE_BLOB)
		rc = fn.curl_easy_setopt(h, opt, va_arg(ap, curl_off_t));
	else
		rc = fn.curl_easy_setopt(h, opt, va_arg(ap, void *));
	va_end(ap);
	return (rc);
}

/* Every CURLINFO takes a pointer to where the answer goes. */
CURLcode
curl_easy_getinfo(CURL *h, CURLINFO info, ...)
{
	va_list ap;
	CURLcode rc;

	if (!ready())
		return (CURLE_FAILED_INIT);
	va_start(ap, info);
	rc = fn.curl_easy_getinfo(h, info, va_arg(ap, void *));
	va_end(ap);
	return (rc);
}

CURLMcode
curl_multi_setopt(CURLM *m, CURLMoption opt, ...)
{
	va_list ap;
	CURLMcode rc;

	if (!ready())
		return (CURLM_INTERNAL_ERROR);
	va_start(ap, opt);
	if (opt < CURLOPTTYPE_OBJECTPOINT)
		rc = fn.curl_multi_setopt(m, opt, va_arg(ap, long));
	else if (opt < CURLOPTTYPE_FUNCTIONPOINT)
		rc = fn.curl_multi_setopt(m, opt, va_arg(ap, void *));
	else if (opt < CURLOPTTYPE_OFF_T)
		rc = fn.curl_multi_setopt(m, opt, va_arg(ap, void (*)(void)));
	else
		rc = fn.curl_multi_setopt(m, opt, va_arg(ap, curl_off_t));
	va_end(ap);
	return (rc);
}

/* CURLSHOPT_SHARE and CURLSHOPT_UNSHARE take an int (curl_lock_data);
   the others a function or a pointer. */
CURLSHcode
curl_share_setopt(CURLSH *sh, CURLSHoption opt, ...)
{
	va_list ap;
	CURLSHcode rc;

	if (!ready())
		return (CURLSHE_NOT_BUILT_IN);
	va_start(ap, opt);
	if (opt == CURLSHOPT_SHARE || opt == CURLSHOPT_UNSHARE)
		rc = fn.curl_share_setopt(sh, opt, va_arg(ap, int));
	else if (opt == CURLSHOPT_LOCKFUNC || opt == CURLSHOPT_UNLOCKFUNC)
		rc = fn.curl_share_setopt(sh, opt, va_arg(ap, void (*)(void)));
	else
		rc = fn.curl_share_setopt(sh, opt, va_arg(ap, void *));
	va_end(ap);
	return (rc);
}
