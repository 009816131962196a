/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>

#include "fw-core.h"
#include "sample-workbook.h"

/* Drafts survive a killed process: draft-writer keeps a draft of a workbook as the
 * window does (the workbook written out, the files on the drafts thread) and is killed
 * with SIGKILL after a few writes, at moments spread over the next one. Each time the
 * draft must be listed, load whole, and hold at least every change whose write was
 * reported done: what recovery would offer. */

#define N_KILLS 20
#define N_IDEAS 1000

static const char *writer_path;

static char *
make_workbook_file (const char *dir)
{
  g_autoptr(FwWorkbook) wb = make_sample_workbook (N_IDEAS, NULL);
  g_autofree char *path = g_build_filename (dir, "plan.flywheel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (fw_workbook_save (wb, file, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_kill_while_drafting (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("flywheel-kill-draft-XXXXXX", &error);
  g_autofree char *drafts = NULL;
  g_autofree char *plan = NULL;
  const char *id = "0bd210ca-c337-4384-b48a-18b2275dabce";
  guint n_ahead = 0;

  g_assert_no_error (error);
  drafts = g_build_filename (dir, "drafts", NULL);
  plan = make_workbook_file (dir);

  for (guint round = 0; round < N_KILLS; round++)
    {
      g_autoptr(GSubprocessLauncher) launcher =
        g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
      g_autoptr(GSubprocess) proc = NULL;
      g_autoptr(GDataInputStream) out = NULL;
      g_autoptr(GPtrArray) list = NULL;
      g_autoptr(FwWorkbook) recovered = NULL;
      g_autofree char *line = NULL;
      guint wait_for = 2 + round % 3;
      guint written = 0;
      gint64 first_at = 0, last_at = 0, period;
      const char *title;
      guint64 edit;

      g_subprocess_launcher_setenv (launcher, "FLYWHEEL_DRAFTS_DIR", drafts, TRUE);
      g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", "detect_leaks=0", TRUE);
      proc = g_subprocess_launcher_spawn (launcher, &error, writer_path, plan, id, NULL);
      g_assert_no_error (error);
      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
      line = g_data_input_stream_read_line (out, NULL, NULL, &error);
      g_assert_cmpstr (line, ==, "ready");
      while (written < wait_for)
        {
          g_free (line);
          line = g_data_input_stream_read_line (out, NULL, NULL, &error);
          g_assert_no_error (error);
          g_assert_nonnull (line);
          g_assert_true (g_str_has_prefix (line, "written "));
          written = (guint) g_ascii_strtoull (line + strlen ("written "), NULL, 10);
          last_at = g_get_monotonic_time ();
          if (written == 1)
            first_at = last_at;
        }
      /* Somewhere in the next write or the one after, by the pace of the last ones. */
      period = MAX ((last_at - first_at) / (written - 1), 100);
      g_usleep (g_test_rand_int_range (0, (gint32) MIN (2 * period, G_MAXINT32)));
      g_subprocess_send_signal (proc, SIGKILL);
      g_subprocess_wait (proc, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (proc));

      g_setenv ("FLYWHEEL_DRAFTS_DIR", drafts, TRUE);
      list = fw_drafts_list ();
      g_assert_cmpuint (list->len, ==, 1);
      g_assert_cmpstr (((FwDraftInfo *) g_ptr_array_index (list, 0))->id, ==, id);
      recovered = fw_draft_load (id, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (fw_workbook_get_n_ideas (recovered), ==, N_IDEAS);
      title = fw_idea_get_title (fw_workbook_get_idea (recovered, 0));
      g_assert_true (g_str_has_prefix (title, "Edit "));
      edit = g_ascii_strtoull (title + strlen ("Edit "), NULL, 10);
      /* Every change reported written is in the draft. */
      g_assert_cmpuint (edit, >=, written);
      n_ahead += edit > written;
      g_unsetenv ("FLYWHEEL_DRAFTS_DIR");
      fw_draft_discard (id);
    }
  g_test_message ("%u kills: %u drafts held a write not yet reported", N_KILLS, n_ahead);

  {
    g_autoptr(GDir) listing = NULL;
    const char *name;

    g_setenv ("FLYWHEEL_DRAFTS_DIR", drafts, TRUE);
    fw_draft_discard (id);
    g_unsetenv ("FLYWHEEL_DRAFTS_DIR");
    /* What a killed write leaves (its temporary file) is removed with the folder. */
    listing = g_dir_open (drafts, 0, NULL);
    while (listing && (name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *path = g_build_filename (drafts, name, NULL);

        g_unlink (path);
      }
  }
  g_rmdir (drafts);
  g_unlink (plan);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("usage: %s DRAFT-WRITER", argv[0]);
  writer_path = argv[1];
  g_test_add_func ("/reliability/kill-while-drafting", test_kill_while_drafting);
  return g_test_run ();
}
