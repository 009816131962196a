/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>

#include "fw-core.h"
#include "sample-workbook.h"

/* A save killed at any moment leaves the old file or the new one, whole: a writer
 * process (save-writer) overwrites workbook A with workbook B and is killed with
 * SIGKILL at moments spread over the save; each time the target must load and be
 * exactly A or exactly B. The delays only spread the kill points; nothing is timed. */

#define N_KILLS 40
#define N_IDEAS 500

static const char *writer_path;

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

/* Starts the writer and waits until it has loaded its input. */
static GSubprocess *
spawn_writer (const char *in,
              const char *target,
              const char *count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;

  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);

  /* Under the asan test setup: the writer is killed before LeakSanitizer could run, and
   * the full unwinding that setup asks for made each of its loads take seconds. */
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", "detect_leaks=0", TRUE);
  proc = g_subprocess_launcher_spawn (launcher, &error, writer_path, in, target, count, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");
  return g_steal_pointer (&proc);
}

static void
test_kill_during_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("flywheel-kill-XXXXXX", &error);
  g_autofree char *path_a = NULL, *path_b = NULL, *target = NULL;
  g_autoptr(FwWorkbook) a = make_sample_workbook (N_IDEAS, "A");
  g_autoptr(FwWorkbook) b = make_sample_workbook (N_IDEAS, "B");
  g_autoptr(GBytes) bytes_a = fw_workbook_to_bytes (a);
  g_autoptr(GBytes) bytes_b = fw_workbook_to_bytes (b);
  g_autoptr(GFile) target_file = NULL;
  guint n_old = 0, n_new = 0, n_leftovers = 0;
  gint64 save_us;

  g_assert_no_error (error);
  g_assert_false (g_bytes_equal (bytes_a, bytes_b));
  for (guint i = 0; i < 2; i++)
    {
      GBytes *bytes = i == 0 ? bytes_a : bytes_b;
      g_autoptr(FwWorkbook) loaded = fw_workbook_load_from_data (g_bytes_get_data (bytes, NULL),
                                                                 g_bytes_get_size (bytes),
                                                                 "kill-save", &error);

      g_assert_no_error (error);
      g_assert_true (fw_workbook_equal (loaded, i == 0 ? a : b));
    }
  path_a = g_build_filename (dir, "a.flywheel", NULL);
  path_b = g_build_filename (dir, "b.flywheel", NULL);
  target = g_build_filename (dir, "target.flywheel", NULL);
  target_file = g_file_new_for_path (target);
  write_bytes (path_a, bytes_a);
  write_bytes (path_b, bytes_b);

  /* How long a save takes here, to spread the kills over it. */
  write_bytes (target, bytes_a);
  {
    g_autoptr(GSubprocess) proc = spawn_writer (path_b, target, "3");
    gint64 start = g_get_monotonic_time ();

    g_subprocess_wait_check (proc, NULL, &error);
    g_assert_no_error (error);
    save_us = MAX ((g_get_monotonic_time () - start) / 3, 1000);
  }
  g_test_message ("one save of %" G_GSIZE_FORMAT " bytes takes about %" G_GINT64_FORMAT " us",
                  g_bytes_get_size (bytes_b), save_us);

  for (guint i = 0; i < N_KILLS; i++)
    {
      g_autoptr(GSubprocess) proc = NULL;
      g_autoptr(GBytes) found = NULL;
      /* From the start of the first save (A → B) into the third (B → B): most of a save
       * is building the bytes, so the writes and renames are a small part of each. */
      gint64 delay = save_us * 5 / 2 * i / (N_KILLS - 1);
      g_autoptr(GDir) listing = NULL;
      const char *name;

      write_bytes (target, bytes_a);
      proc = spawn_writer (path_b, target, "0");
      g_usleep (delay);
      g_subprocess_send_signal (proc, SIGKILL);
      g_subprocess_wait (proc, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (proc));
      g_assert_cmpint (g_subprocess_get_term_sig (proc), ==, SIGKILL);

      /* Byte for byte A or B, which load (checked above) to workbooks A and B. */
      found = g_file_load_bytes (target_file, NULL, NULL, &error);
      g_assert_no_error (error);
      if (g_bytes_equal (found, bytes_a))
        n_old++;
      else
        {
          g_assert_true (g_bytes_equal (found, bytes_b));
          n_new++;
        }

      /* A killed save may leave its temporary file behind (nothing can remove it), but
       * never anything else; clear it for the next round. */
      listing = g_dir_open (dir, 0, &error);
      g_assert_no_error (error);
      while ((name = g_dir_read_name (listing)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);

          if (g_str_equal (name, "a.flywheel") || g_str_equal (name, "b.flywheel")
              || g_str_equal (name, "target.flywheel"))
            continue;
          if (g_str_equal (name, "target.flywheel~"))
            {
              g_autoptr(GFile) backup = g_file_new_for_path (path);
              g_autoptr(GBytes) old = g_file_load_bytes (backup, NULL, NULL, &error);

              /* The backup, when there is one, is a whole workbook too. */
              g_assert_no_error (error);
              g_assert_true (g_bytes_equal (old, bytes_a) || g_bytes_equal (old, bytes_b));
            }
          else
            {
              g_assert_true (g_str_has_prefix (name, ".goutputstream-"));
              n_leftovers++;
            }
          g_assert_cmpint (g_unlink (path), ==, 0);
        }
    }
  g_test_message ("%u kills: %u left the old file, %u the new one, %u left a temporary file",
                  N_KILLS, n_old, n_new, n_leftovers);

  g_unlink (path_a);
  g_unlink (path_b);
  g_unlink (target);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (argc != 2)
    {
      g_printerr ("usage: %s SAVE-WRITER\n", argv[0]);
      return 2;
    }
  writer_path = argv[1];
  g_test_add_func ("/save/kill-during-save", test_kill_during_save);
  return g_test_run ();
}
