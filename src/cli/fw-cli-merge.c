/* SPDX-License-Identifier: GPL-3.0-or-later */

/* flywheel diff, show and merge: versions of one workbook compared, written as text
 * and merged, so that git can do all three (docs/version-control.md). diff and merge
 * exit 1 for "they differ" and "conflicts were kept", so an error is 2 in all three. */

#include "config.h"

#include "fw-gettext.h"
#include <stdio.h>

#include "fw-cli.h"
#include "fw-core.h"
#include "fw-i18n.h"

/* The verb's entry in fw-cli.c's table, for its --help. */
static const FwCliVerb *
find_verb (const char *name)
{
  guint n = 0;
  const FwCliVerb *verbs = fw_cli_get_verbs (&n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (verbs[i].name, name))
      return &verbs[i];
  g_return_val_if_reached (NULL);
}

/* Parses the options, then checks that @n_inputs remain (@count_message otherwise).
 * FALSE: the verb exits with status 2. */
static gboolean
parse_args (GOptionContext     *context,
            const GOptionEntry *entries,
            int                *argc,
            char             ***argv,
            int                 n_inputs,
            const char         *count_message)
{
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      fw_cli_error ("%s", error->message);
      return FALSE;
    }
  if (*argc != n_inputs + 1)
    {
      fw_cli_error ("%s", count_message);
      return FALSE;
    }
  return TRUE;
}

static FwWorkbook *
load (const char  *path,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return fw_workbook_load (file, NULL, error);
}

typedef struct
{
  const char *path;
  const char *lang;      /* the messages' language on this thread, or NULL */
  gboolean    skip;      /* no base: nothing to read */
  FwWorkbook *workbook;
  GError     *error;
} Reading;

static gpointer
read_thread (gpointer data)
{
  Reading *reading = data;
  g_autoptr(FwI18nScope) scope = reading->lang ? fw_i18n_scope_push (reading->lang) : NULL;

  if (!reading->skip)
    reading->workbook = load (reading->path, &reading->error);
  return NULL;
}

/* flywheel diff A B [--lang en|ja]: one line per change on standard output; exit 0
 * when the two are the same in content, 1 when they differ, 2 on an error. */
int
fw_cli_diff (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = fw_cli_option_context_new (find_verb ("diff"));
  /* --lang: this thread's messages, until the verb returns. */
  g_autoptr(FwI18nScope) scope = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwWorkbook) a = NULL;
  g_autoptr(FwWorkbook) b = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *lang = NULL;
  const GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("Describe the changes in this language: en or ja"), N_("LANG") },
    { NULL }
  };

  if (!parse_args (context, entries, &argc, &argv, 2,
                   _("diff takes exactly two workbooks, A and B")))
    return 2;
  if (!fw_cli_check_language (lang))
    return 2;
  /* Before anything is translated. */
  if (lang)
    scope = fw_i18n_scope_push (lang);

  a = load (argv[1], &error);
  if (a != NULL)
    b = load (argv[2], &error);
  if (b == NULL)
    {
      fw_cli_error ("%s", error->message);
      return 2;
    }

  changes = fw_diff (a, b);
  for (guint i = 0; i < changes->len; i++)
    {
      g_autofree char *line = fw_change_format (changes->pdata[i], a, b);

      printf ("%s\n", line);
    }
  return changes->len > 0 ? 1 : 0;
}

/* flywheel show FILE [--lang en|ja]: the workbook as stable, line-oriented text, for
 * git's textconv. */
int
fw_cli_show (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = fw_cli_option_context_new (find_verb ("show"));
  g_autoptr(FwI18nScope) scope = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwWorkbook) workbook = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *text = NULL;
  const GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("Write the labels in this language: en or ja"), N_("LANG") },
    { NULL }
  };

  if (!fw_cli_parse_args (context, entries, &argc, &argv, _("show takes exactly one FILE")))
    return 2;
  if (!fw_cli_check_language (lang))
    return 2;
  if (lang)
    scope = fw_i18n_scope_push (lang);

  workbook = load (argv[1], &error);
  if (workbook == NULL)
    {
      fw_cli_error ("%s", error->message);
      return 2;
    }
  text = fw_workbook_dup_text (workbook);
  fputs (text, stdout);
  if (fflush (stdout) != 0)
    return 2;
  return 0;
}

/* Whether @path holds nothing: git's %O for a file both sides added (an empty
 * file), or /dev/null. Then there is no common version. */
static gboolean
is_no_base (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFile) null_device = g_file_new_for_path ("/dev/null");
  g_autoptr(GFileInfo) info = NULL;

  if (g_file_equal (file, null_device))
    return TRUE;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  /* Anything else, a missing file for one, is for the loader to name. */
  return info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
         g_file_info_get_size (info) == 0;
}

/* Atomically, as fw_workbook_save() does, but with no backup: git's driver writes
 * over its own temporary file (%A), and a "~" copy of it would be left in the work
 * tree. */
static gboolean
write_workbook (FwWorkbook  *workbook,
                const char  *path,
                GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GBytes) bytes = fw_workbook_to_bytes (workbook);
  g_autoptr(GError) io_error = NULL;

  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &io_error))
    {
      const char *name = g_file_peek_path (file);

      fw_file_error_set (error, io_error, name ? name : path, TRUE);
      return FALSE;
    }
  return TRUE;
}

/* flywheel merge BASE OURS THEIRS -o OUT [--lang en|ja]: OURS with THEIRS' changes
 * since BASE (an empty BASE: none in common, every difference a conflict). Exit 0
 * merged, 1 merged with conflicts kept inside the workbook, 2 on an error; OUT is
 * written only on 0 or 1, and may be OURS (git's driver: -o %A). */
int
fw_cli_merge (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = fw_cli_option_context_new (find_verb ("merge"));
  g_autoptr(FwI18nScope) scope = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwWorkbook) base = NULL;
  g_autoptr(FwWorkbook) ours = NULL;
  g_autoptr(FwWorkbook) theirs = NULL;
  g_autoptr(FwWorkbook) merged = NULL;
  g_autofree char *output = NULL;
  g_autofree char *lang = NULL;
  guint n_new = 0, n_all;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the merged workbook to OUT (it may be OURS)"), N_("OUT") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("Write the messages in this language: en or ja"), N_("LANG") },
    { NULL }
  };

  if (!parse_args (context, entries, &argc, &argv, 3,
                   _("merge takes exactly three workbooks: BASE, OURS and THEIRS")))
    return 2;
  if (!fw_cli_check_language (lang))
    return 2;
  if (lang)
    scope = fw_i18n_scope_push (lang);
  if (output == NULL)
    {
      fw_cli_error ("%s", _("merge needs -o OUT"));
      return 2;
    }
  /* No check of OUT's extension: git's driver names a temporary file. */
  if (!fw_cli_check_output_folder (output))
    return 2;

  /* Every file is read before anything is written; the three at once, each on a
   * thread of its own (a workbook of 10,000 ideas takes a quarter of a second). */
  {
    Reading readings[3] = {
      { argv[1], lang, is_no_base (argv[1]), NULL, NULL },
      { argv[2], lang, FALSE, NULL, NULL },
      { argv[3], lang, FALSE, NULL, NULL },
    };
    GThread *threads[2];

    threads[0] = g_thread_new ("flywheel-read", read_thread, &readings[0]);
    threads[1] = g_thread_new ("flywheel-read", read_thread, &readings[2]);
    read_thread (&readings[1]);
    g_thread_join (threads[0]);
    g_thread_join (threads[1]);
    base = readings[0].workbook;
    ours = readings[1].workbook;
    theirs = readings[2].workbook;
    for (guint i = 0; i < G_N_ELEMENTS (readings); i++)
      if (readings[i].error && error == NULL)
        error = g_steal_pointer (&readings[i].error);
      else
        g_clear_error (&readings[i].error);
    if (error)
      {
        fw_cli_error ("%s", error->message);
        return 2;
      }
  }

  merged = fw_merge (base, ours, theirs, NULL, NULL, &n_new, &error);
  if (merged == NULL && g_error_matches (error, FW_MERGE_ERROR, FW_MERGE_ERROR_OTHER_BASE))
    {
      /* TRANSLATORS: the merge's refusal of BASE ("The common version is of another
       * workbook, …"), then BASE and the file not written */
      fw_cli_error (_("%s (%s); nothing was written to %s"), error->message, argv[1], output);
      return 2;
    }
  if (merged == NULL)
    {
      /* TRANSLATORS: the merge's refusal ("The copies are of two different
       * workbooks, …"), then the two files and the one not written */
      fw_cli_error (_("%s (%s and %s); nothing was written to %s"), error->message,
                    argv[2], argv[3], output);
      return 2;
    }
  if (!write_workbook (merged, output, &error))
    {
      fw_cli_error ("%s", error->message);
      return 2;
    }

  n_all = fw_workbook_count_conflicts (merged);
  /* The process ends now: the four workbooks are left to it rather than freed item
   * by item, a fifth of the command's time with 10,000 ideas each. They stay
   * reachable from here, so leak checkers do not count them as lost. */
  {
    static FwWorkbook *left[4];

    left[0] = g_steal_pointer (&base);
    left[1] = g_steal_pointer (&ours);
    left[2] = g_steal_pointer (&theirs);
    left[3] = g_steal_pointer (&merged);
    (void) left;
  }
  if (n_new > 0)
    {
      /* TRANSLATORS: after "flywheel merge": the merged file, then how many fields
       * both sides changed differently */
      fw_cli_error (ngettext ("%s: %u conflict is kept inside the workbook; open it in "
                              "Flywheel to choose which version to keep",
                              "%s: %u conflicts are kept inside the workbook; open it in "
                              "Flywheel to choose which versions to keep", n_new),
                    output, n_new);
      return 1;
    }
  if (n_all > 0)
    /* TRANSLATORS: after a clean "flywheel merge": conflicts an earlier merge kept */
    fw_cli_error (ngettext ("%s: merged; %u earlier conflict is still unresolved inside "
                            "the workbook",
                            "%s: merged; %u earlier conflicts are still unresolved inside "
                            "the workbook", n_all),
                  output, n_all);
  return 0;
}
