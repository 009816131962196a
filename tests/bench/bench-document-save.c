/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "bench-util.h"
#include "big-workbook.h"
#include "fw-core.h"

/* The main thread's longest stall while FwDocument saves the 10,000-idea
 * workbook: a 1 ms timer on the main loop records the longest gap between its
 * ticks from the call to save until the save is done; the time spent in the
 * call itself (making the bytes, which stays on the main thread) is printed
 * too. A stall over 16 ms is a dropped frame. Prints numbers, asserts nothing
 * about them. meson test -C BUILDDIR --benchmark --suite scale -v document-save */

typedef struct
{
  gint64 last;
  gint64 longest;
} Ticks;

static gboolean
tick_cb (gpointer data)
{
  Ticks *ticks = data;
  gint64 now = g_get_monotonic_time ();

  if (ticks->last)
    ticks->longest = MAX (ticks->longest, now - ticks->last);
  ticks->last = now;
  return G_SOURCE_CONTINUE;
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!fw_document_save_finish (FW_DOCUMENT (source), result, &error))
    g_error ("save: %s", error->message);
  *(gboolean *) user_data = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  const char *path;
  g_autofree char *dir = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GFile) big = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(FwWorkbook) workbook = NULL;
  g_autoptr(FwDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) stalls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (double));
  const int rounds = 7;

  if (argc < 5)
    {
      g_printerr ("usage: %s BIG.flywheel MAKE-BIG SAMPLE-EN SAMPLE-JA\n", argv[0]);
      return 2;
    }
  path = big_workbook_ensure (argv);
  big = g_file_new_for_path (path);
  workbook = fw_workbook_load (big, NULL, &error);
  if (workbook == NULL)
    g_error ("%s", error->message);
  dir = g_dir_make_tmp ("fw-bench-save-XXXXXX", &error);
  target = g_build_filename (dir, "big.flywheel", NULL);
  file = g_file_new_for_path (target);
  document = fw_document_new (workbook, file);
  fw_document_set_autosave (document, FALSE);

  for (int round = 0; round < rounds; round++)
    {
      Ticks ticks = { 0, 0 };
      gboolean done = FALSE;
      gint64 start, called;
      guint timer;
      double stall, call;

      /* One edit since the last save, as when a PM saves while working. */
      fw_idea_set_title (fw_workbook_get_idea (workbook, round), "edited before saving");
      timer = g_timeout_add (1, tick_cb, &ticks);
      start = g_get_monotonic_time ();
      ticks.last = start;
      fw_document_save_async (document, NULL, FW_DOCUMENT_SAVE_OVERWRITE, NULL, saved_cb, &done);
      called = g_get_monotonic_time ();
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      g_source_remove (timer);
      stall = MAX (ticks.longest, called - start) / 1000.0;
      call = (called - start) / 1000.0;
      g_array_append_val (stalls, stall);
      g_array_append_val (calls, call);
    }
  g_print ("save of 10,000 ideas: main thread's longest stall %.1f ms (median of %d), "
           "of which the save call %.1f ms\n",
           bench_median (stalls), rounds, bench_median (calls));
  g_unlink (target);
  {
    g_autofree char *backup = g_strconcat (target, "~", NULL);
    g_unlink (backup);
  }
  g_rmdir (dir);
  return 0;
}
