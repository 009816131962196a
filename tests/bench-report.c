/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "fw-core.h"
#include "fw-i18n.h"
#include "fw-report.h"

/* The report of 100 ideas (the sample's five, twenty times over), timed in
 * its two phases: laying out the pages, and drawing them into the PDF. */
int
main (int    argc,
      char **argv)
{
  g_autofree char *sample = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(FwWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ideas = g_ptr_array_new_with_free_func (g_object_unref);
  FwReportOptions options;
  GStatBuf st;
  gint64 t0, t1, t2;
  double w, h;
  guint n;

  fw_i18n_init ();
  sample = g_build_filename (g_getenv ("G_TEST_SRCDIR") ? g_getenv ("G_TEST_SRCDIR") : "tests",
                             "..", "data", "samples",
                             argc > 1 ? argv[1] : "sample-en.flywheel", NULL);
  file = g_file_new_for_path (sample);
  workbook = fw_workbook_load (file, NULL, &error);
  if (workbook == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  n = fw_workbook_get_n_ideas (workbook);
  for (guint i = 0; ideas->len < 100; i++)
    {
      FwIdea *idea = fw_idea_copy (fw_workbook_get_idea (workbook, i % n));
      g_autofree char *title = g_strdup_printf ("%s (%u)", fw_idea_get_title (idea), i + 1);

      fw_idea_set_title (idea, title);
      g_ptr_array_add (ideas, idea);
    }
  for (guint i = 0; i < ideas->len; i++)
    fw_workbook_append_idea (workbook, g_ptr_array_index (ideas, i));
  while (fw_workbook_get_n_ideas (workbook) > 100)
    fw_workbook_remove_idea (workbook, 0);

  dir = g_dir_make_tmp ("fw-bench-XXXXXX", NULL);
  path = g_build_filename (dir, "report-100.pdf", NULL);
  out = g_file_new_for_path (path);

  fw_report_options_init (&options);
  fw_paper_get_size (options.paper, &w, &h);

  t0 = g_get_monotonic_time ();
  {
    g_autoptr(FwReport) report = fw_report_new (workbook, w, h, NULL, NULL);

    t1 = g_get_monotonic_time ();
    printf ("layout only: %u pages in %.3f s\n", fw_report_get_n_pages (report),
            (t1 - t0) / 1e6);
  }
  t1 = g_get_monotonic_time ();
  if (!fw_report_write (workbook, out, &options, NULL, NULL, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  t2 = g_get_monotonic_time ();
  g_stat (path, &st);
  printf ("report of %u ideas: %.3f s in all (layout and PDF), %.1f MB\n",
          fw_workbook_get_n_ideas (workbook), (t2 - t1) / 1e6, st.st_size / 1e6);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
