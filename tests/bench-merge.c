/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue #18's benchmark: merging two edited copies of the 10,000-idea workbook, from the
 * three files on disk to the merged file (load the three, merge, save), against
 * `git merge-file` on the same three files. Each copy edits about 1% of the ideas, each
 * in fields of its own, and adds and deletes a few. Prints the medians of RUNS runs, the
 * phases of Flywheel's (the files read one after another, and at once on three threads),
 * and the ratio; asserts the merge, not the time (the goal: no slower than git
 * merge-file).
 * meson test -C BUILDDIR --benchmark -v merge (FLYWHEEL_BENCH_KEEP=1 keeps the files) */

#include "config.h"

#include <glib/gstdio.h>

#include "bench/bench-util.h"
#include "bench/big-workbook.h"
#include "fw-core.h"

#define RUNS      5
#define EVERY     100   /* one idea in EVERY is edited on each side */
#define N_CHANGED 10    /* ideas added, and ideas deleted, on each side */

static void
save (FwWorkbook *workbook,
      const char *path)
{
  g_autoptr(GBytes) bytes = fw_workbook_to_bytes (workbook);
  g_autoptr(GError) error = NULL;

  /* Written as git writes its result: no fsync. */
  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_NONE, 0666, &error))
    g_error ("%s", error->message);
}

static FwWorkbook *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  FwWorkbook *workbook = fw_workbook_load (file, NULL, &error);

  if (workbook == NULL)
    g_error ("%s: %s", path, error->message);
  return workbook;
}

/* Ours edits the why of one stage and a priority of every EVERYth idea, theirs the
 * evidence of another stage and the notes of the ideas half-way between; each adds and
 * deletes N_CHANGED ideas in a part of the list of its own. */
static void
edit (FwWorkbook *workbook,
      gboolean    ours)
{
  guint n = fw_workbook_get_n_ideas (workbook);
  guint offset = ours ? 0 : EVERY / 2;

  for (guint i = offset; i < n; i += EVERY)
    {
      FwIdea *idea = fw_workbook_get_idea (workbook, i);

      if (ours)
        {
          fw_idea_set_why (idea, FW_STAGE_DATA, "Ours: the data grows with every booking.");
          fw_idea_set_priority (idea, FW_PRIORITY_URGENCY, FW_LEVEL_HIGH);
        }
      else
        {
          fw_idea_set_evidence (idea, FW_STAGE_MODEL, FW_EVIDENCE_MARKET_DATA);
          fw_idea_set_text (idea, FW_IDEA_NOTES, "Theirs: checked with the October test.");
        }
    }
  for (guint k = 0; k < N_CHANGED; k++)
    {
      guint part = n / N_CHANGED * k + (ours ? n / N_CHANGED / 4 : n / N_CHANGED * 3 / 4);
      g_autoptr(FwIdea) added = fw_idea_new ();
      g_autofree char *title = g_strdup_printf ("%s idea %u", ours ? "Our" : "Their", k);

      fw_idea_set_title (added, title);
      fw_workbook_remove_idea (workbook, part + 7);
      fw_workbook_insert_idea (workbook, part, added);
    }
  fw_workbook_set_text (workbook, FW_WORKBOOK_MODIFIED,
                        ours ? "2026-12-02T10:00:00Z" : "2026-12-02T11:00:00Z");
}

static gpointer
load_thread (gpointer path)
{
  return load (path);
}

/* The three at once, each on a thread of its own, as FwDocument reads a file on a
 * worker thread. */
static void
load_three (const char  *paths[3],
            FwWorkbook **workbooks)
{
  GThread *threads[3];

  for (guint i = 0; i < 3; i++)
    threads[i] = g_thread_new ("load", load_thread, (gpointer) paths[i]);
  for (guint i = 0; i < 3; i++)
    workbooks[i] = g_thread_join (threads[i]);
}

static double
ms_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

static void
print_median (const char *what,
              GArray     *times)
{
  g_print ("%-44s median %8.1f ms  (%u runs)\n", what, bench_median (times), times->len);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base_path = NULL, *ours_path = NULL, *theirs_path = NULL;
  g_autofree char *out_path = NULL, *git_out_path = NULL, *git = NULL;
  g_autofree char *ours_text = NULL;
  g_autoptr(GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) loading = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) total_threads = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) loading_threads = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) merging = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) saving = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) git_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) command_times = g_array_new (FALSE, FALSE, sizeof (double));
  gsize ours_length = 0;
  guint n_ideas;

  if (argc != 5 && argc != 6)
    {
      g_printerr ("usage: %s BIG.flywheel MAKE-BIG SAMPLE-EN SAMPLE-JA [FLYWHEEL]\n", argv[0]);
      return 2;
    }
  big_workbook_ensure (argv);
  dir = g_dir_make_tmp ("flywheel-bench-merge-XXXXXX", &error);
  g_assert_no_error (error);
  base_path = g_build_filename (dir, "base.flywheel", NULL);
  ours_path = g_build_filename (dir, "ours.flywheel", NULL);
  theirs_path = g_build_filename (dir, "theirs.flywheel", NULL);
  out_path = g_build_filename (dir, "merged.flywheel", NULL);
  git_out_path = g_build_filename (dir, "git-merged.flywheel", NULL);

  /* The three files, as the app writes them. */
  {
    g_autoptr(FwWorkbook) base = load (argv[1]);
    g_autoptr(FwWorkbook) ours = load (argv[1]);
    g_autoptr(FwWorkbook) theirs = load (argv[1]);

    n_ideas = fw_workbook_get_n_ideas (base);
    edit (ours, TRUE);
    edit (theirs, FALSE);
    save (base, base_path);
    save (ours, ours_path);
    save (theirs, theirs_path);
  }
  g_print ("%u ideas; each side edits %u ideas, adds %u and deletes %u\n", n_ideas,
           n_ideas / EVERY, N_CHANGED, N_CHANGED);

  /* git merge-file first, while this process is small. It merges into its first file:
   * a copy of ours each time. */
  git = g_find_program_in_path ("git");
  if (git == NULL)
    g_print ("git is not installed: Flywheel's time only\n");
  else
    {
      g_file_get_contents (ours_path, &ours_text, &ours_length, &error);
      g_assert_no_error (error);
      for (guint r = 0; r < RUNS; r++)
        {
          const char *cmd[] = { git, "merge-file", git_out_path, base_path, theirs_path, NULL };
          int status = 0;
          gint64 start;
          double ms;

          g_file_set_contents_full (git_out_path, ours_text, ours_length,
                                    G_FILE_SET_CONTENTS_NONE, 0666, &error);
          g_assert_no_error (error);
          start = g_get_monotonic_time ();
          if (!g_spawn_sync (NULL, (char **) cmd, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                             NULL, NULL, &status, &error))
            g_error ("%s", error->message);
          ms = ms_since (start);
          g_array_append_val (git_times, ms);
          /* git merge-file exits with the number of conflicts. */
          if (r == 0)
            {
              g_autoptr(GError) exit_error = NULL;

              if (g_spawn_check_wait_status (status, &exit_error))
                g_print ("git merge-file: no conflicts\n");
              else if (g_error_matches (exit_error, G_SPAWN_EXIT_ERROR, exit_error->code))
                g_print ("git merge-file: %d conflicts (the modified time both sides set)\n",
                         exit_error->code);
              else
                g_error ("git merge-file: %s", exit_error->message);
            }
        }
      {
        g_autoptr(GFile) file = g_file_new_for_path (git_out_path);
        g_autoptr(FwWorkbook) merged = fw_workbook_load (file, NULL, &error);

        /* Text merged line by line is not always a workbook. */
        g_print ("git merge-file's result %s\n",
                 merged ? "loads as a workbook" : "does not load as a workbook");
        if (merged)
          g_print ("  with %u ideas\n", fw_workbook_get_n_ideas (merged));
        g_clear_error (&error);
      }
    }

  for (guint r = 0; r < 2 * RUNS; r++)
    {
      g_autoptr(FwWorkbook) base = NULL, ours = NULL, theirs = NULL, merged = NULL;
      gint64 start = g_get_monotonic_time (), phase = start;
      gboolean threads = r % 2 == 1;
      guint n_conflicts = 99;
      double ms;

      if (threads)
        {
          const char *paths[3] = { base_path, ours_path, theirs_path };
          FwWorkbook *workbooks[3];

          load_three (paths, workbooks);
          base = workbooks[0];
          ours = workbooks[1];
          theirs = workbooks[2];
        }
      else
        {
          base = load (base_path);
          ours = load (ours_path);
          theirs = load (theirs_path);
        }
      ms = ms_since (phase);
      g_array_append_val (threads ? loading_threads : loading, ms);

      phase = g_get_monotonic_time ();
      merged = fw_merge (base, ours, theirs, NULL, NULL, &n_conflicts, &error);
      ms = ms_since (phase);
      g_array_append_val (merging, ms);
      g_assert_no_error (error);

      phase = g_get_monotonic_time ();
      save (merged, out_path);
      ms = ms_since (phase);
      g_array_append_val (saving, ms);

      ms = ms_since (start);
      g_array_append_val (threads ? total_threads : total, ms);

      g_assert_cmpuint (n_conflicts, ==, 0);
      g_assert_cmpuint (fw_workbook_get_n_ideas (merged), ==, n_ideas);
      g_assert_cmpstr (fw_idea_get_text (fw_workbook_get_idea (merged, EVERY / 2), FW_IDEA_NOTES),
                       ==, "Theirs: checked with the October test.");
      g_assert_cmpstr (fw_idea_get_why (fw_workbook_get_idea (merged, 0), FW_STAGE_DATA), ==,
                       "Ours: the data grows with every booking.");
    }

  /* What a person (or git's driver) runs: the command, a process like git merge-file. */
  if (argc == 6)
    for (guint r = 0; r < RUNS; r++)
      {
        const char *cmd[] = { argv[5], "merge", base_path, ours_path, theirs_path,
                              "-o", out_path, NULL };
        int status = 0;
        gint64 start = g_get_monotonic_time ();
        double ms;

        if (!g_spawn_sync (NULL, (char **) cmd, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                           &status, &error))
          g_error ("%s", error->message);
        ms = ms_since (start);
        g_assert_true (g_spawn_check_wait_status (status, NULL));
        g_array_append_val (command_times, ms);
      }

  print_median ("Flywheel: load 3, merge, save", total);
  print_median ("  load the three files, one after another", loading);
  print_median ("  fw_merge", merging);
  print_median ("  save the merged file", saving);
  print_median ("Flywheel, the three loaded on 3 threads", total_threads);
  print_median ("  load the three files at once", loading_threads);
  if (git)
    {
      print_median ("git merge-file", git_times);
      if (command_times->len)
        {
          print_median ("flywheel merge (the command)", command_times);
          g_print ("flywheel merge / git merge-file: %.2f\n",
                   bench_median (command_times) / bench_median (git_times));
        }
      g_print ("Flywheel / git merge-file: %.2f (loading on threads: %.2f)\n",
               bench_median (total) / bench_median (git_times),
               bench_median (total_threads) / bench_median (git_times));
    }

  if (g_getenv ("FLYWHEEL_BENCH_KEEP"))
    {
      g_print ("the files are in %s\n", dir);
      return 0;
    }
  g_remove (base_path);
  g_remove (ours_path);
  g_remove (theirs_path);
  g_remove (out_path);
  g_remove (git_out_path);
  g_rmdir (dir);
  return 0;
}
