/*
 * i18n: message translation with gettext.  Wrap messages meant for people
 * in _() (or N_() where a constant initialiser needs the string itself);
 * po/POTFILES.in lists the files that do.
 */
#ifndef GAZETTE_I18N_H
#define GAZETTE_I18N_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s)	gettext(s)
#else
#define _(s)	(s)
#endif
#define N_(s)	(s)

#endif
