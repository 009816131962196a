/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "fw-core.h"

/* The program test-kill-draft kills while it keeps a draft, as the window does: loads
 * WORKBOOK, says "ready", then forever retitles the first idea "Edit N" and writes the
 * draft ID through fw_draft_write_async(), saying "written N" when that write is done.
 * The drafts folder is $FLYWHEEL_DRAFTS_DIR. */

typedef struct
{
  FwWorkbook *workbook;
  const char *id;
  guint       n;
} Writer;

static void write_next (Writer *writer);

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Writer *writer = user_data;
  g_autoptr(GError) error = NULL;

  if (!fw_draft_write_finish (result, &error))
    g_error ("%s", error->message);
  printf ("written %u\n", writer->n);
  fflush (stdout);
  write_next (writer);
}

static void
write_next (Writer *writer)
{
  g_autofree char *title = g_strdup_printf ("Edit %u", ++writer->n);

  fw_idea_set_title (fw_workbook_get_idea (writer->workbook, 0), title);
  fw_draft_write_async (writer->id, writer->workbook, NULL, written_cb, writer);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) in = NULL;
  g_autoptr(FwWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Writer writer = { NULL, NULL, 0 };

  if (argc != 3)
    {
      g_printerr ("usage: %s WORKBOOK ID\n", argv[0]);
      return 2;
    }
  in = g_file_new_for_commandline_arg (argv[1]);
  workbook = fw_workbook_load (in, NULL, &error);
  if (workbook == NULL || fw_workbook_get_n_ideas (workbook) == 0)
    {
      g_printerr ("%s\n", error ? error->message : "no idea to edit");
      return 1;
    }
  printf ("ready\n");
  fflush (stdout);

  writer.workbook = workbook;
  writer.id = argv[2];
  write_next (&writer);
  g_main_loop_run (loop);
  return 0;
}
