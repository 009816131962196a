/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"
#include <stdio.h>
#include <string.h>

#include "fw-cli.h"
#include "fw-core.h"
#include "fw-i18n.h"
#include "fw-text-input.h"
#include "fw-triage.h"

/* The same name, parameters and summary as the entry in fw-cli.c's table. */
static const FwCliVerb triage_verb = {
  "triage", N_("FILE [--lang en|ja] [--format tsv|text] [-o OUT.flywheel]"),
  N_("Suggest an ML task for each user story of a backlog"), fw_cli_triage
};

static gboolean
is_csv_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv");
}

/* Reads the backlog, refusing an oversized file from its size alone so a huge
 * file is never read into memory. Messages name @path as the user typed it. */
static char **
read_stories (const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  char **stories;

  bytes = fw_text_input_read (file, path, FW_TRIAGE_MAX_SIZE, NULL, error);
  if (bytes == NULL)
    return NULL;
  text = fw_triage_decode (bytes, path, error);
  if (text == NULL)
    return NULL;
  stories = fw_triage_split (text, is_csv_path (path) ? FW_TRIAGE_INPUT_CSV
                                                      : FW_TRIAGE_INPUT_AUTO, error);
  if (stories == NULL)
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  if (stories[0] == NULL)
    {
      g_strfreev (stories);
      g_set_error (error, FW_TRIAGE_ERROR, FW_TRIAGE_ERROR_EMPTY,
                   _("%s: no user stories found"), path);
      return NULL;
    }
  return stories;
}

/* Tabs and line ends would break a TSV line. */
static char *
one_line (const char *text)
{
  char *copy = g_strdup (text);

  for (char *p = copy; *p; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';
  return copy;
}

static void
print_story (guint                     number,
             const FwStory            *story,
             const FwTriageSuggestion *s,
             gboolean                  tsv)
{
  g_auto(GStrv) words = fw_triage_suggestion_task_words (s, s->task);
  g_autofree char *title = one_line (story->title);

  if (tsv)
    {
      g_autofree char *joined = g_strjoinv (",", words);
      g_autofree char *clean = one_line (joined);

      printf ("%u\t%s\t%s\t%s\n", number, fw_triage_task_id (s->task), clean, title);
      return;
    }

  printf ("%u. %s\n", number, title);
  /* The page's own words (fw_triage_describe()), a line each, indented. */
  {
    g_autofree char *described = fw_triage_describe (s, s->task);
    g_auto(GStrv) lines = g_strsplit (described, "\n", -1);

    for (guint i = 0; lines[i]; i++)
      printf ("   %s\n", lines[i]);
  }
}

/* flywheel triage FILE [--lang en|ja] [--format tsv|text] [-o OUT.flywheel] */
int
fw_cli_triage (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = fw_cli_option_context_new (&triage_verb);
  /* --lang: this thread's messages, until the verb returns. */
  g_autoptr(FwI18nScope) scope = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *format = NULL;
  g_autofree char *lang = NULL;
  g_auto(GStrv) stories = NULL;
  g_autoptr(FwWorkbook) workbook = NULL;
  gboolean tsv = FALSE, quiet;
  guint n;
  GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("Write the text and the notes in this language: en or ja"), N_("LANG") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("List the stories as tsv or text (the default)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Also write a workbook with each story as an idea to OUT.flywheel"), N_("OUT") },
    { NULL }
  };

  if (!fw_cli_parse_args (context, entries, &argc, &argv,
                          _("triage takes exactly one FILE")))
    return 2;
  if (format && !g_str_equal (format, "tsv") && !g_str_equal (format, "text"))
    {
      fw_cli_error (_("unknown format “%s”: use tsv or text"), format);
      return 2;
    }
  if (!fw_cli_check_language (lang))
    return 2;
  if (lang)
    scope = fw_i18n_scope_push (lang);
  /* The workbook is the only file triage writes. */
  if (output && !fw_cli_check_extension ("triage", output, (const char *[]) { ".flywheel", NULL }))
    return 2;
  if (output && !fw_cli_check_output_folder (output))
    return 1;
  tsv = g_strcmp0 (format, "tsv") == 0;
  /* With -o and no --format the list is not wanted, only the summary. */
  quiet = output != NULL && format == NULL;

  stories = read_stories (argv[1], &error);
  if (stories == NULL)
    {
      fw_cli_error ("%s", error->message);
      return 1;
    }

  if (output)
    {
      g_autofree char *basename = g_path_get_basename (argv[1]);
      g_autofree char *title = NULL;

      workbook = fw_workbook_new ();
      /* TRANSLATORS: the title of the workbook "flywheel triage" writes: the file's name */
      title = g_strdup_printf (_("Stories from %s"), basename);
      fw_workbook_set_title (workbook, title);
    }

  n = g_strv_length (stories);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FwStory) story = fw_story_parse (stories[i]);
      g_autoptr(FwTriageSuggestion) s = fw_triage_suggest (story->raw);

      if (!quiet)
        print_story (i + 1, story, s, tsv);
      if (workbook)
        {
          g_autoptr(FwIdea) idea = fw_triage_make_idea (story, s, FW_TASK_UNDECIDED);

          fw_workbook_append_idea (workbook, idea);
        }
    }

  if (workbook)
    {
      g_autoptr(GFile) out_file = g_file_new_for_commandline_arg (output);

      if (!fw_workbook_save (workbook, out_file, NULL, &error))
        {
          fw_cli_error ("%s", error->message);
          return 1;
        }
      if (quiet)
        {
          /* TRANSLATORS: "flywheel triage -o": the number of stories, then the file */
          printf (ngettext ("%u story written as an idea to %s\n",
                            "%u stories written as ideas to %s\n", n), n, output);
        }
    }
  return 0;
}
