/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "fw-i18n.h"

/* English and po/LINGUAS. */
static const char * const languages[] = { "en", "ja", NULL };

/* The folder fw_i18n_init() bound, where the catalogues read below are too. */
static char *bound_localedir;

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
fw_i18n_init_with_language (const char *lang)
{
  const char *messages;

  /* The language chosen in Preferences wins over the environment's. Set before
   * the locale, and only here: from now on the locale and LANGUAGE stay as they
   * are, and another language is a per-thread fw_i18n_push_language(). */
  if (lang && *lang)
    g_setenv ("LANGUAGE", lang, TRUE);
  setlocale (LC_ALL, "");
  /* gettext ignores LANGUAGE under the plain "C" locale; C.UTF-8 honours it. */
  messages = setlocale (LC_MESSAGES, NULL);
  if (lang && *lang && messages && (g_str_equal (messages, "C") || g_str_equal (messages, "POSIX")))
    setlocale (LC_MESSAGES, "C.UTF-8");

  g_free (bound_localedir);
  bound_localedir = g_strdup (find_localedir ());
  bindtextdomain (GETTEXT_PACKAGE, bound_localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* GLib decides once, on the first g_dgettext(), whether to translate at all, and
   * says no when the default domain has no catalogue for the language of the moment
   * (an English session). Under the default "messages" domain it says yes, so make
   * that first call here. */
  textdomain ("messages");
  (void) g_dgettext (GETTEXT_PACKAGE, "");
  textdomain (GETTEXT_PACKAGE);
}

void
fw_i18n_init (void)
{
  fw_i18n_init_with_language (NULL);
}

/* ---- The language of this thread ---- */

static void
free_stack (gpointer data)
{
  g_ptr_array_unref (data);
}

static GPrivate language_stack = G_PRIVATE_INIT (free_stack);

static GPtrArray *
get_stack (void)
{
  GPtrArray *stack = g_private_get (&language_stack);

  if (stack == NULL)
    {
      stack = g_ptr_array_new ();
      g_private_set (&language_stack, stack);
    }
  return stack;
}

void
fw_i18n_push_language (const char *lang)
{
  /* Interned: the scope may outlive the caller's string. */
  g_ptr_array_add (get_stack (), (gpointer) (lang && *lang ? g_intern_string (lang) : NULL));
}

void
fw_i18n_pop_language (void)
{
  GPtrArray *stack = get_stack ();

  g_return_if_fail (stack->len > 0);
  g_ptr_array_remove_index (stack, stack->len - 1);
}

const char *
fw_i18n_get_thread_language (void)
{
  GPtrArray *stack = g_private_get (&language_stack);

  if (stack == NULL || stack->len == 0)
    return NULL;
  return g_ptr_array_index (stack, stack->len - 1);
}

/* Not a real object: g_autoptr() needs a non-NULL value to call the pop. */
static char scope_token;

FwI18nScope *
fw_i18n_scope_push (const char *lang)
{
  fw_i18n_push_language (lang);
  return (FwI18nScope *) &scope_token;
}

void
fw_i18n_scope_pop (FwI18nScope *scope)
{
  g_return_if_fail (scope == (FwI18nScope *) &scope_token);
  fw_i18n_pop_language ();
}

/* ---- The catalogues, read by Flywheel itself ----
 *
 * gettext has one language per process. A compiled catalogue (.mo) is simple
 * enough to read directly: a header, then two tables of (length, offset) pairs,
 * the originals and their translations. Each language's is read once and never
 * changes, so threads look it up without a lock. */

typedef struct
{
  const char *str;       /* in the file's data */
  gsize       len;       /* all its forms, NULs between them included */
} Translation;

typedef struct
{
  GBytes      *data;         /* the file; the table's strings point into it */
  Translation *translations;
  GHashTable  *table;        /* msgid (or "context\004msgid") → Translation */
  guint        n_plurals;
} Catalogue;

static guint32
read_u32 (const guint8 *p,
          gboolean      swap)
{
  guint32 v;

  memcpy (&v, p, sizeof v);
  return swap ? GUINT32_SWAP_LE_BE (v) : v;
}

static Catalogue *
catalogue_read (const char *lang)
{
  g_autofree char *path = g_build_filename (bound_localedir ? bound_localedir : find_localedir (),
                                            lang, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
  Catalogue *catalogue = g_new0 (Catalogue, 1);
  const guint8 *bytes;
  gsize size;
  guint32 n, originals, translations;
  gboolean swap;

  catalogue->table = g_hash_table_new (g_str_hash, g_str_equal);
  catalogue->n_plurals = 2;
  if (mapped == NULL)
    return catalogue;  /* no catalogue: every message stays as written */

  catalogue->data = g_mapped_file_get_bytes (mapped);
  bytes = g_bytes_get_data (catalogue->data, &size);
  if (size < 20)
    return catalogue;
  if (read_u32 (bytes, FALSE) == 0x950412de)
    swap = FALSE;
  else if (read_u32 (bytes, TRUE) == 0x950412de)
    swap = TRUE;
  else
    return catalogue;
  n = read_u32 (bytes + 8, swap);
  originals = read_u32 (bytes + 12, swap);
  translations = read_u32 (bytes + 16, swap);
  if (originals > size || translations > size ||
      n > (size - originals) / 8 || n > (size - translations) / 8)
    return catalogue;

  catalogue->translations = g_new0 (Translation, n);
  for (guint32 i = 0; i < n; i++)
    {
      guint32 id_len = read_u32 (bytes + originals + 8 * i, swap);
      guint32 id_at = read_u32 (bytes + originals + 8 * i + 4, swap);
      guint32 str_len = read_u32 (bytes + translations + 8 * i, swap);
      guint32 str_at = read_u32 (bytes + translations + 8 * i + 4, swap);

      /* Each string is followed by its NUL; a plural's forms are separated by
       * NULs, so as C strings the key is the singular and the value form 0. */
      if (id_at >= size || id_len >= size - id_at || bytes[id_at + id_len] != '\0' ||
          str_at >= size || str_len >= size - str_at || bytes[str_at + str_len] != '\0')
        continue;
      if (str_len == 0)
        continue;
      if (id_len == 0)
        {
          /* The header: only the number of plural forms matters here. */
          const char *forms = strstr ((const char *) bytes + str_at, "nplurals=");

          if (forms)
            catalogue->n_plurals = MAX (1, atoi (forms + strlen ("nplurals=")));
          continue;
        }
      catalogue->translations[i].str = (const char *) bytes + str_at;
      catalogue->translations[i].len = str_len;
      g_hash_table_insert (catalogue->table, (gpointer) (bytes + id_at),
                           &catalogue->translations[i]);
    }
  return catalogue;
}

static const Catalogue *
get_catalogue (const char *lang)
{
  static GMutex lock;
  static GHashTable *catalogues;  /* interned language → Catalogue, never freed */
  Catalogue *catalogue;

  g_mutex_lock (&lock);
  if (catalogues == NULL)
    catalogues = g_hash_table_new (NULL, NULL);
  catalogue = g_hash_table_lookup (catalogues, lang);
  if (catalogue == NULL)
    {
      catalogue = catalogue_read (lang);
      g_hash_table_insert (catalogues, (gpointer) lang, catalogue);
    }
  g_mutex_unlock (&lock);
  return catalogue;
}

/* The translation of @key in the thread's @lang, or NULL when it has none. */
static const Translation *
lookup_full (const char       *lang,
             const char       *key,
             const Catalogue **catalogue)
{
  *catalogue = NULL;
  /* English is what the source says. */
  if (g_str_equal (lang, "en") || g_str_has_prefix (lang, "en_"))
    return NULL;
  *catalogue = get_catalogue (lang);
  return g_hash_table_lookup ((*catalogue)->table, key);
}

static void
lookup (const char  *lang,
        const char  *key,
        const char **translation)
{
  const Catalogue *catalogue;
  const Translation *found = lookup_full (lang, key, &catalogue);

  *translation = found ? found->str : NULL;
}

const char *
fw_i18n_gettext (const char *msgid)
{
  const char *lang = fw_i18n_get_thread_language ();
  const char *translation;

  if (lang == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  lookup (lang, msgid, &translation);
  return translation ? translation : msgid;
}

const char *
fw_i18n_pgettext (const char *msgctxtid,
                  gsize       msgidoffset)
{
  const char *lang = fw_i18n_get_thread_language ();
  const char *translation;

  if (lang == NULL)
    return g_dpgettext (GETTEXT_PACKAGE, msgctxtid, msgidoffset);
  lookup (lang, msgctxtid, &translation);
  return translation ? translation : msgctxtid + msgidoffset;
}

const char *
fw_i18n_pgettext2 (const char *context,
                   const char *msgid)
{
  const char *lang = fw_i18n_get_thread_language ();
  g_autofree char *key = NULL;
  const char *translation;

  if (lang == NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);
  key = g_strconcat (context, "\004", msgid, NULL);
  lookup (lang, key, &translation);
  return translation ? translation : msgid;
}

const char *
fw_i18n_ngettext (const char *msgid,
                  const char *msgid_plural,
                  gulong      n)
{
  const char *lang = fw_i18n_get_thread_language ();
  const Catalogue *catalogue;
  const Translation *found;
  const char *form, *end;
  gulong index;

  if (lang == NULL)
    return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  found = lookup_full (lang, msgid, &catalogue);
  if (found == NULL)
    return n == 1 ? msgid : msgid_plural;
  /* The languages Flywheel speaks have one form (Japanese) or English's two;
   * a language with other rules would need its Plural-Forms expression. */
  index = catalogue->n_plurals == 1 ? 0 : (n == 1 ? 0 : 1);
  form = found->str;
  end = found->str + found->len;
  for (; index > 0; index--)
    {
      const char *next = form + strlen (form) + 1;

      if (next >= end)
        break;  /* fewer forms than the header says: the last one */
      form = next;
    }
  return form;
}

const char *
fw_i18n_current_language (void)
{
  /* The catalogue itself says which language it is: a string every
   * translation must translate, and that names its own language. */
  /* TRANSLATORS: put your language's code here, e.g. "ja". */
  const char *code = fw_i18n_gettext (N_("language-code:en"));

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
