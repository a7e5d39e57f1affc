/*
** Translation of user-visible text through GNU gettext.
**
** Source strings are English; po/es.po holds Spanish. Spanish is the
** default when the environment names no language (or names C/POSIX).
*/
#ifndef ECX_I18N_H
#define ECX_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Bind the text domain and pick the language. zLang, if not NULL, is "es" or
** "en" and overrides the environment (the --lang option). */
void i18n_init(const char *zLang);

/* The language in use: "es" or "en". Static string. */
const char *i18n_lang(void);

#endif
