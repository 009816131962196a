/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"
#include <stdio.h>

#include "fw-cli.h"
#include "fw-collect.h"
#include "fw-core.h"
#include "fw-versions.h"

/* The same name, parameters and summary as the entry in fw-cli.c's table. */
static const FwCliVerb collect_verb = {
  "collect", N_("TEAM.flywheel MEMBER.flywheel… [-o OUT.flywheel]"),
  N_("Collect the members’ assessments from their copies into the team’s workbook"),
  fw_cli_collect
};

static FwWorkbook *
load (const char  *path,
      GBytes     **bytes,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return fw_workbook_load_full (file, NULL, NULL, NULL, bytes, error);
}

static void
unref_if_set (gpointer object)
{
  if (object)
    g_object_unref (object);
}

/* flywheel collect TEAM MEMBER… [-o OUT]: every file is read and checked before
 * anything is written, so a refused copy leaves TEAM as it was. */
int
fw_cli_collect (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = fw_cli_option_context_new (&collect_verb);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) bases = g_ptr_array_new_with_free_func (unref_if_set);
  g_autoptr(GBytes) team_bytes = NULL;
  g_autofree char *identity = NULL;
  g_autofree char *checksum = NULL;   /* of TEAM as read, when kept */
  const char *ours[2] = { NULL, NULL };
  g_autoptr(FwWorkbook) team = NULL;
  g_autoptr(FwCollect) collect = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *summary = NULL;
  const char *target;
  guint n_new;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the collected workbook to OUT instead of TEAM"), N_("OUT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fw_cli_error ("%s", error->message);
      return 2;
    }
  if (argc < 3)
    {
      fw_cli_error ("%s", _("collect takes the TEAM workbook and at least one MEMBER copy"));
      return 2;
    }
  target = output ? output : argv[1];
  if (output && !fw_cli_check_extension ("collect", output,
                                         (const char *[]) { ".flywheel", NULL }))
    return 2;
  if (!fw_cli_check_output_folder (target))
    return 1;

  team = load (argv[1], &team_bytes, &error);
  if (team == NULL)
    {
      fw_cli_error ("%s", error->message);
      return 1;
    }
  /* Kept as the window keeps what it reads (fw-versions.h): the version each copy
   * was made from is then found along the team file's history, and an idea
   * deleted from it since stays deleted. */
  if (fw_workbook_has_identity (team))
    {
      identity = fw_workbook_dup_identity (team);
      checksum = fw_versions_record (identity, team_bytes, NULL);
      ours[0] = checksum;
    }
  for (int i = 2; i < argc; i++)
    {
      FwWorkbook *copy = load (argv[i], NULL, &error);

      if (copy == NULL)
        {
          fw_cli_error ("%s", error->message);
          return 1;
        }
      g_ptr_array_add (copies, copy);
      g_ptr_array_add (bases, checksum ? fw_versions_find_base (identity, ours, copy, NULL)
                                       : NULL);
    }

  collect = fw_collect_with_bases (team, (FwWorkbook * const *) copies->pdata,
                                   (FwWorkbook * const *) bases->pdata,
                                   (const char * const *) argv + 2, copies->len, &error);
  if (collect == NULL)
    {
      fw_cli_error ("%s", error->message);
      return 1;
    }

  /* Offered new ideas are added, each said so: the command line cannot ask. */
  n_new = fw_collect_get_n_new_ideas (collect);
  for (guint i = 0; i < n_new; i++)
    {
      g_autoptr(FwIdea) idea = fw_idea_copy (fw_collect_get_new_idea (collect, i));
      g_autofree char *title = fw_idea_dup_display_title (idea);

      fw_workbook_append_idea (team, idea);
      /* TRANSLATORS: "New idea from Ben added: “Voice search”" */
      printf (_("New idea from %s added: “%s”\n"), fw_collect_get_new_idea_from (collect, i),
              title);
    }

  /* Nothing new leaves TEAM untouched, so collecting the same copies again writes
   * nothing; -o always writes. */
  if (fw_collect_get_changed (collect) || n_new > 0)
    fw_workbook_touch (team);
  if (fw_collect_get_changed (collect) || n_new > 0 || output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (target);

      if (!fw_workbook_save (team, file, NULL, &error))
        {
          fw_cli_error ("%s", error->message);
          return 1;
        }
      /* What was written, made from what was read. */
      if (identity && fw_workbook_has_identity (team))
        {
          g_autoptr(GBytes) written = fw_workbook_to_bytes (team);
          g_autofree char *identity_now = fw_workbook_dup_identity (team);

          g_free (fw_versions_record (identity_now, written, ours));
        }
    }

  summary = fw_collect_format_summary (collect);
  printf ("%s\n", summary);
  return 0;
}
