/*
** Language selection and gettext binding.
**
** Only LC_CTYPE and LC_MESSAGES follow the environment: numbers are always
** printed with a decimal point so that CSV and JSON output stays parseable.
*/
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

static const char *zLangInUse = "es";
static _Thread_local const char *zThreadLang;   /* NULL: zLangInUse */

/* "en" if the environment value asks for English, "es" otherwise. */
static const char *lang_from(const char *z){
  if( z && z[0]=='e' && z[1]=='n' ) return "en";
  return "es";
}

void i18n_init(const char *zLang){
  const char *zDir = getenv("ECX_LOCALEDIR");
  if( !zLang ) zLang = getenv("ECX_LANG");
  if( !zLang || !zLang[0] ){
    const char *aVar[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
    for(size_t i = 0; i < sizeof aVar / sizeof aVar[0]; i++){
      const char *z = getenv(aVar[i]);
      if( z && z[0] && strcmp(z, "C")!=0 && strcmp(z, "POSIX")!=0
       && strncmp(z, "C.", 2)!=0 ){
        zLang = z;
        break;
      }
    }
  }
  zLangInUse = lang_from(zLang);
  /* The catalog is always Spanish; English needs no catalog (i18n_text). */
  setenv("LANGUAGE", "es", 1);
  if( !setlocale(LC_CTYPE, "") ) setlocale(LC_CTYPE, "C.UTF-8");
  /* gettext ignores LANGUAGE in the plain "C" locale; C.UTF-8 is enough. */
  const char *zMsg = setlocale(LC_MESSAGES, "");
  if( !zMsg || strcmp(zMsg, "C")==0 || strcmp(zMsg, "POSIX")==0 ){
    setlocale(LC_MESSAGES, "C.UTF-8");
  }
  bindtextdomain("ecx", zDir && zDir[0] ? zDir : LOCALEDIR);
  bind_textdomain_codeset("ecx", "UTF-8");
  textdomain("ecx");
}

const char *i18n_lang(void){ return zThreadLang ? zThreadLang : zLangInUse; }

void i18n_thread_lang(const char *zLang){
  zThreadLang = zLang ? lang_from(zLang) : 0;
}

const char *i18n_text(const char *zText){
  const char *zLang = i18n_lang();
  if( zLang[0]=='e' && zLang[1]=='n' ) return zText;
  return gettext(zText);
}
