/*
** Translation of user-visible text through GNU gettext.
**
** Source strings are English; po/es.po holds Spanish. Spanish is the
** default when the environment names no language (or names C/POSIX).
*/
#ifndef ECX_I18N_H
#define ECX_I18N_H

#include <libintl.h>

/* English is the source language, so English text is the msgid itself and
** only Spanish goes through gettext (whose catalog language is fixed to
** Spanish at i18n_init). That makes the language a per-thread choice:
** gettext's own language is process-global (LANGUAGE, LC_MESSAGES), and
** this machine may have no es_ES locale for uselocale(), so the web server
** picks each request's language with i18n_thread_lang() instead. */
#define _(s) i18n_text(s)
#define N_(s) (s)

/* Bind the text domain and pick the language. zLang, if not NULL, is "es" or
** "en" and overrides the environment (the --lang option). */
void i18n_init(const char *zLang);

/* The language in use on this thread: "es" or "en". Static string. */
const char *i18n_lang(void);

/* Set this thread's language ("es" or "en"); NULL returns to the process
** language chosen by i18n_init. */
void i18n_thread_lang(const char *zLang);

/* The translation of zText in this thread's language. Static or zText. */
const char *i18n_text(const char *zText) __attribute__((format_arg(1)));

#endif
