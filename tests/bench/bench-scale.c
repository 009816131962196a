/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "fw-core.h"
#include "big-workbook.h"
#include "bench-util.h"

/* The scale benchmarks of issue 8, side by side in one run: loading the large workbook
 * in this process against `jq -e length` on the same file, and validate, save and convert
 * (the command-line verbs in their own processes), each a median of several runs, with
 * peak memory. Prints numbers; asserts only that every step works. */

static void
bench_child (const char         *what,
             const char * const *argv,
             guint               n_runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  long max_rss = 0;

  for (guint i = 0; i < n_runs; i++)
    {
      BenchRun run = bench_run_child (argv);

      g_array_append_val (times, run.ms);
      max_rss = MAX (max_rss, run.max_rss_kb);
    }
  bench_report (what, times, max_rss);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(FwWorkbook) wb = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *jq = g_find_program_in_path ("jq");
  const char *path, *flywheel;
  guint n_runs = 5;
  struct rusage usage;
  goffset size;

  if (argc != 6)
    {
      g_printerr ("usage: %s BIG.flywheel MAKE-BIG SAMPLE-EN SAMPLE-JA FLYWHEEL\n", argv[0]);
      return 2;
    }
  path = big_workbook_ensure (argv);
  flywheel = argv[5];
  file = g_file_new_for_path (path);
  {
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                   G_FILE_QUERY_INFO_NONE, NULL, &error);
    g_assert_no_error (error);
    size = g_file_info_get_size (info);
  }

  g_print ("%s: %.1f MB\n", path, size / 1e6);
  /* The other processes first, while this one is small: a spawned child's peak RSS
   * counts this process's memory at the time of the spawn. */
  if (jq != NULL)
    {
      const char *cmd[] = { jq, "-e", "length", path, NULL };
      bench_child ("jq -e length (same file)", cmd, n_runs);
    }
  else
    g_print ("jq -e length: skipped, jq is not installed\n");

  {
    const char *cmd[] = { flywheel, "validate", path, NULL };
    bench_child ("flywheel validate", cmd, n_runs);
  }

  dir = g_dir_make_tmp ("flywheel-bench-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint f = 0; f < 3; f++)
    {
      const char *ext[] = { "csv", "xlsx", "md" };
      g_autofree char *out_path = g_strdup_printf ("%s/big.%s", dir, ext[f]);
      g_autofree char *what = g_strdup_printf ("flywheel convert -o .%s", ext[f]);
      const char *cmd[] = { flywheel, "convert", path, "-o", out_path, NULL };

      bench_child (what, cmd, 3);
      g_unlink (out_path);
    }
  /* In this process: the library call the app and the verbs make. */
  for (guint i = 0; i < n_runs; i++)
    {
      gint64 start;
      double ms;

      g_clear_object (&wb);
      start = g_get_monotonic_time ();
      wb = fw_workbook_load (file, NULL, &error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      g_array_append_val (times, ms);
    }
  getrusage (RUSAGE_SELF, &usage);
  g_print ("in this process, %u ideas and %u cases loaded:\n", fw_workbook_get_n_ideas (wb),
           fw_workbook_get_n_cases (wb));
  bench_report ("load (fw_workbook_load)", times, usage.ru_maxrss);

  {
    g_autofree char *out_path = g_build_filename (dir, "saved.flywheel", NULL);
    g_autoptr(GFile) out = g_file_new_for_path (out_path);
    g_autofree char *backup = g_strconcat (out_path, "~", NULL);

    gint64 start;
    double ms;

    /* The first save writes every idea out; later ones copy the ideas' kept text,
     * as a draft does after an edit (one idea is changed before each). */
    start = g_get_monotonic_time ();
    fw_workbook_save (wb, out, NULL, &error);
    g_assert_no_error (error);
    ms = (g_get_monotonic_time () - start) / 1000.0;
    g_array_set_size (times, 0);
    g_array_append_val (times, ms);
    getrusage (RUSAGE_SELF, &usage);
    bench_report ("save, first (fw_workbook_save)", times, usage.ru_maxrss);

    g_array_set_size (times, 0);
    for (guint i = 0; i < n_runs; i++)
      {
        g_autofree char *title = g_strdup_printf ("Edited %u", i);

        fw_idea_set_title (fw_workbook_get_idea (wb, i * 7 % fw_workbook_get_n_ideas (wb)), title);
        start = g_get_monotonic_time ();
        fw_workbook_save (wb, out, NULL, &error);
        ms = (g_get_monotonic_time () - start) / 1000.0;
        g_assert_no_error (error);
        g_array_append_val (times, ms);
      }
    getrusage (RUSAGE_SELF, &usage);
    bench_report ("save after one edit", times, usage.ru_maxrss);

    g_array_set_size (times, 0);
    for (guint i = 0; i < n_runs; i++)
      {
        g_autoptr(GBytes) bytes = NULL;

        fw_idea_set_title (fw_workbook_get_idea (wb, 0), i % 2 ? "Edited" : "Edited again");
        start = g_get_monotonic_time ();
        bytes = fw_workbook_to_bytes (wb);
        ms = (g_get_monotonic_time () - start) / 1000.0;
        g_array_append_val (times, ms);
      }
    bench_report ("draft's share on the main thread", times, 0);
    g_unlink (out_path);
    g_unlink (backup);
  }

  g_rmdir (dir);
  return 0;
}
