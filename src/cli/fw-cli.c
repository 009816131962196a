/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"
#include <stdio.h>
#include <string.h>

#include "fw-cli.h"
#include "fw-cli-words.h"
#include "fw-core.h"
#include "fw-i18n.h"

static const FwCliVerb verbs[] = {
  { "validate", N_("FILE"), N_("Check a workbook and summarise it"), fw_cli_validate },
  { "import", N_("WORKSHEET.xlsx|WORKSHEET.csv -o OUT.flywheel"),
    N_("Read a filled-in ML Usecase Discovery Worksheet saved as XLSX or CSV"), fw_cli_import },
  { "convert", N_("FILE -o OUT.csv|OUT.xlsx|OUT.md"),
    N_("Write a workbook in the worksheet layout, as CSV or Excel"), fw_cli_convert },
  { "export", N_("FILE [--idea N|--case N] -o OUT.png|OUT.pdf|OUT.svg"),
    N_("Draw an idea’s or a case’s flywheel as PNG, PDF or SVG"), fw_cli_export },
  { "report", N_("FILE -o OUT.pdf [--lang en|ja] [--paper a4|letter]"),
    N_("Write the homework report as PDF: cover, portfolio, every idea and case"), fw_cli_report },
  { "triage", N_("FILE [--lang en|ja] [--format tsv|text] [-o OUT.flywheel]"),
    N_("Suggest an ML task for each user story of a backlog"), fw_cli_triage },
  { "collect", N_("TEAM.flywheel MEMBER.flywheel… [-o OUT.flywheel]"),
    N_("Collect the members’ assessments from their copies into the team’s workbook"),
    fw_cli_collect },
  { "diff", N_("A.flywheel B.flywheel [--lang en|ja]"),
    N_("List what changed from one version of a workbook to the other"), fw_cli_diff },
  { "show", N_("FILE [--lang en|ja]"),
    N_("Write a workbook as plain text, one line per field, for git diff"), fw_cli_show },
  { "merge", N_("BASE OURS THEIRS -o OUT [--lang en|ja]"),
    N_("Merge two versions of a workbook changed from a common one, for git merge"),
    fw_cli_merge },
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

/* "a", "a or b", "a, b or c". */
static char *
join_alternatives (const char * const *items)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_strv_length ((char **) items);

  for (guint i = 0; i < n; i++)
    {
      if (i == 0)
        g_string_append (text, items[i]);
      else
        {
          g_autofree char *head = g_string_free (g_steal_pointer (&text), FALSE);

          text = g_string_new (NULL);
          /* TRANSLATORS: joins the last of a list of choices: "en or ja", ".csv, .xlsx or .md" */
          g_string_printf (text, i == n - 1 ? _("%s or %s") : _("%s, %s"), head, items[i]);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
fw_cli_check_language (const char *lang)
{
  g_autofree char *choices = NULL;

  if (lang == NULL || fw_i18n_is_language (lang))
    return TRUE;
  choices = join_alternatives (fw_i18n_get_languages ());
  /* TRANSLATORS: the second %s lists the languages: "en or ja" */
  fw_cli_error (_("unknown language “%s”: use %s"), lang, choices);
  return FALSE;
}

gboolean
fw_cli_check_extension (const char         *verb,
                        const char         *output,
                        const char * const *extensions)
{
  g_autofree char *lower = g_ascii_strdown (output, -1);
  g_autofree char *choices = NULL;

  for (guint i = 0; extensions[i]; i++)
    if (g_str_has_suffix (lower, extensions[i]))
      return TRUE;
  choices = join_alternatives (extensions);
  /* TRANSLATORS: "r.txt: flywheel report writes only .pdf files"; the last %s may be a
   * list: ".csv, .xlsx or .md" */
  fw_cli_error (_("%s: flywheel %s writes only %s files"), output, verb, choices);
  return FALSE;
}

gboolean
fw_cli_check_output_folder (const char *output)
{
  g_autofree char *folder = g_path_get_dirname (output);
  g_autoptr(GError) io_error = NULL;
  g_autoptr(GError) error = NULL;

  if (g_file_test (output, G_FILE_TEST_IS_DIR))
    io_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "");
  else if (!g_file_test (folder, G_FILE_TEST_EXISTS))
    io_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "");
  else if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    io_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, "");
  else
    return TRUE;
  fw_file_error_set (&error, io_error, output, TRUE);
  fw_cli_error ("%s", error->message);
  return FALSE;
}

/* Levenshtein distance with adjacent transpositions ("exprot"), on bytes: the
 * verbs are ASCII. */
static guint
edit_distance (const char *a,
               const char *b)
{
  gsize n = strlen (a), m = strlen (b);
  g_autofree guint *d = g_new (guint, (n + 1) * (m + 1));

#define D(i, j) d[(i) * (m + 1) + (j)]
  for (gsize i = 0; i <= n; i++)
    D (i, 0) = i;
  for (gsize j = 0; j <= m; j++)
    D (0, j) = j;
  for (gsize i = 1; i <= n; i++)
    for (gsize j = 1; j <= m; j++)
      {
        guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

        D (i, j) = MIN (MIN (D (i - 1, j) + 1, D (i, j - 1) + 1), D (i - 1, j - 1) + cost);
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
          D (i, j) = MIN (D (i, j), D (i - 2, j - 2) + 1);
      }
  return D (n, m);
#undef D
}

/* The verb @word was probably meant to be: the nearest, when it is near enough
 * to be a slip (a third of its letters, at least two) rather than another word. */
static const char *
nearest_verb (const char *word)
{
  const char *best = NULL;
  guint best_distance = G_MAXUINT;

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      guint distance = edit_distance (word, verbs[i].name);

      if (distance < best_distance)
        best = verbs[i].name, best_distance = distance;
    }
  if (best && best_distance <= MAX (2, strlen (best) / 3))
    return best;
  return NULL;
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

      /* A long synopsis gets a line of its own, the summary indented below it. */
      if (g_utf8_strlen (head, -1) <= 28)
        fprintf (out, "  flywheel %-28s %s\n", head, _(verbs[i].summary));
      else
        fprintf (out, "  flywheel %s\n  %-37s %s\n", head, "", _(verbs[i].summary));
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
      /* The launcher sends a word that is neither a verb nor a file here
       * (src/launcher.c), so a slip is named instead of opening the window. */
      const char *nearest = nearest_verb (argv[1]);

      if (nearest)
        /* TRANSLATORS: "flywheel exprot": the word typed, then the command meant */
        fw_cli_error (_("“%s” is not a command. Did you mean “%s”?"), argv[1], nearest);
      else
        fw_cli_error (_("“%s” is neither a command nor a file."), argv[1]);
      fputc ('\n', stderr);
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
