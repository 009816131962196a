/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "fw-cli.h"
#include "fw-cli-words.h"
#include "fw-core.h"

static const FwCliVerb verbs[] = {
  { "validate", N_("FILE"), N_("Check a workbook and summarise it"), fw_cli_validate },
  { "import", N_("WORKSHEET.csv -o OUT.flywheel"),
    N_("Read a filled-in ML Usecase Discovery Worksheet saved as CSV"), fw_cli_import },
  { "convert", N_("FILE -o OUT.csv|OUT.xlsx"),
    N_("Write a workbook in the worksheet layout, as CSV or Excel"), fw_cli_convert },
  { "export", N_("FILE [--idea N|--case N] --format png|pdf|svg -o OUT"),
    N_("Draw an idea’s or a case’s flywheel as PNG, PDF or SVG"), fw_cli_export },
  { "report", N_("FILE -o OUT.pdf [--lang en|ja] [--paper a4|letter]"),
    N_("Write the homework report as PDF: cover, portfolio, every idea and case"), fw_cli_report },
  { "triage", N_("FILE [--lang en|ja] [--format tsv|text] [-o OUT.flywheel]"),
    N_("Suggest an ML task for each user story of a backlog"), fw_cli_triage },
};

static const FwCliVerb *
find_verb (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_strcmp0 (verbs[i].name, name) == 0)
      return &verbs[i];
  return NULL;
}

const FwCliVerb *
fw_cli_get_verbs (guint *n_verbs)
{
  *n_verbs = G_N_ELEMENTS (verbs);
  return verbs;
}

gboolean
fw_cli_handles (const char *arg)
{
  static const char * const words[] = { FW_CLI_WORDS };

  if (arg == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (arg, words[i]))
      return TRUE;
  return FALSE;
}

void
fw_cli_error (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "flywheel: %s\n", message);
}

gboolean
fw_cli_parse_args (GOptionContext     *context,
                   const GOptionEntry *entries,
                   int                *argc,
                   char             ***argv,
                   const char         *one_input)
{
  g_autoptr(GError) error = NULL;

  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      fw_cli_error ("%s", error->message);
      return FALSE;
    }
  if (*argc != 2)
    {
      fw_cli_error ("%s", one_input);
      return FALSE;
    }
  return TRUE;
}

GOptionContext *
fw_cli_option_context_new (const FwCliVerb *verb)
{
  GOptionContext *context = g_option_context_new (_(verb->parameters));

  g_option_context_set_summary (context, _(verb->summary));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  return context;
}

GBytes *
fw_cli_read_file (const char  *path,
                  goffset      max_size,
                  gboolean    *too_large,
                  GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = NULL;

  *too_large = FALSE;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            NULL, error);
  if (info == NULL)
    return NULL;
  /* A device or a pipe could be endless. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s: not a regular file"), path);
      return NULL;
    }
  if (g_file_info_get_size (info) > max_size)
    {
      *too_large = TRUE;
      return NULL;
    }
  return g_file_load_bytes (file, NULL, NULL, error);
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n  flywheel [FILE…]\n\n", _("Usage:"));
  fprintf (out, "%s\n\n", _("Opens the workbooks in Flywheel, or the sample workbook when none is given."));
  fprintf (out, "%s\n", _("Commands (no display needed):"));
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      g_autofree char *head = g_strdup_printf ("%s %s", verbs[i].name, _(verbs[i].parameters));
      fprintf (out, "  flywheel %-28s %s\n", head, _(verbs[i].summary));
    }
  fprintf (out, "\n%s\n", _("Run “flywheel COMMAND --help” for a command’s options."));
  fprintf (out, "  flywheel --version\n");
}

int
fw_cli_run (int    argc,
            char **argv)
{
  const FwCliVerb *verb;

  g_return_val_if_fail (argc >= 2, 2);

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("flywheel %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return 0;
    }

  verb = find_verb (argv[1]);
  if (verb == NULL)
    {
      print_usage (stderr);
      return 2;
    }
  /* --help then reads "Usage: flywheel VERB [OPTION…] PARAMETERS". */
  {
    g_autofree char *prgname = g_strdup_printf ("flywheel %s", verb->name);
    g_set_prgname (prgname);
  }
  return verb->run (argc - 1, argv + 1);
}

/* flywheel validate FILE */
int
fw_cli_validate (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = fw_cli_option_context_new (find_verb ("validate"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(FwWorkbook) workbook = NULL;
  guint counts[FW_N_VERDICTS] = { 0 };
  guint n_ideas;

  if (!fw_cli_parse_args (context, NULL, &argc, &argv,
                          _("validate takes exactly one FILE")))
    return 2;

  file = g_file_new_for_commandline_arg (argv[1]);
  workbook = fw_workbook_load (file, NULL, &error);
  if (workbook == NULL)
    {
      fw_cli_error ("%s", error->message);
      return 1;
    }

  n_ideas = fw_workbook_get_n_ideas (workbook);
  for (guint i = 0; i < n_ideas; i++)
    {
      g_autoptr(FwAssessment) assessment =
        fw_assessment_new (fw_workbook_get_idea (workbook, i));
      counts[fw_assessment_get_verdict (assessment)]++;
    }

  {
    guint n_cases = fw_workbook_get_n_cases (workbook);
    g_autofree char *cases = g_strdup_printf (ngettext ("%u case", "%u cases", n_cases), n_cases);
    g_autofree char *ideas = g_strdup_printf (ngettext ("%u idea", "%u ideas", n_ideas), n_ideas);

    /* TRANSLATORS: the summary line of "flywheel validate": the file, "3 cases",
     * "5 ideas", then how many ideas reach each verdict */
    printf (_("%s: a valid workbook with %s and %s (winning %u, promising %u, losing %u, "
              "incomplete %u)\n"),
            argv[1], cases, ideas,
            counts[FW_VERDICT_WINNING], counts[FW_VERDICT_PROMISING],
            counts[FW_VERDICT_LOSING], counts[FW_VERDICT_INCOMPLETE]);
  }
  return 0;
}
