/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "fw-i18n.h"

/* English and po/LINGUAS. */
static const char * const languages[] = { "en", "ja", NULL };

static char *saved_language;
static gboolean saved;

static const char *
find_localedir (void)
{
  const char *override = g_getenv ("FLYWHEEL_LOCALEDIR");
  g_autofree char *exe = NULL;

  if (override && *override)
    return override;

  /* Run from the build tree (tests, the quick start): use the catalogues
   * built there, so translations work without installing. */
  exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe && g_str_has_prefix (exe, BUILD_ROOT "/"))
    return BUILD_ROOT "/po";

  return LOCALEDIR;
}

void
fw_i18n_init (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, find_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* GLib decides once, on the first g_dgettext(), whether to translate at all, and
   * says no when the default domain has no catalogue for the language of the moment
   * (an English session): fw_i18n_use_language ("ja") would then change nothing.
   * Under the default "messages" domain it says yes, so make that first call here. */
  textdomain ("messages");
  (void) g_dgettext (GETTEXT_PACKAGE, "");
  textdomain (GETTEXT_PACKAGE);
}

void
fw_i18n_use_language (const char *lang)
{
  const char *messages;

  if (!saved)
    {
      saved_language = g_strdup (g_getenv ("LANGUAGE"));
      saved = TRUE;
    }

  if (lang && *lang)
    g_setenv ("LANGUAGE", lang, TRUE);
  else if (saved_language)
    g_setenv ("LANGUAGE", saved_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  /* gettext ignores LANGUAGE under the plain "C" locale; C.UTF-8 honours it. */
  messages = setlocale (LC_MESSAGES, NULL);
  if (lang && *lang && messages && (g_str_equal (messages, "C") || g_str_equal (messages, "POSIX")))
    setlocale (LC_MESSAGES, "C.UTF-8");
  else
    setlocale (LC_MESSAGES, "");  /* also makes gettext drop its cached lookups */
  textdomain (GETTEXT_PACKAGE);
}

const char *
fw_i18n_current_language (void)
{
  /* The catalogue itself says which language it is: a string every
   * translation must translate, and that names its own language. */
  /* TRANSLATORS: put your language's code here, e.g. "ja". */
  const char *code = _("language-code:en");

  if (g_str_has_prefix (code, "language-code:"))
    return code + strlen ("language-code:");
  return "en";
}

const char * const *
fw_i18n_get_languages (void)
{
  return languages;
}

gboolean
fw_i18n_is_language (const char *lang)
{
  return lang != NULL && g_strv_contains (languages, lang);
}
