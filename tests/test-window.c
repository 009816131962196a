/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "fw-core.h"
#include "fw-window.h"

static FwWorkbook *
load_sample (const char *lang)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", NULL);
  g_autofree char *name = g_strdup_printf ("sample-%s.flywheel", lang);
  g_autofree char *file_path = g_build_filename (path, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(GError) error = NULL;
  FwWorkbook *workbook = fw_workbook_load (file, NULL, &error);

  g_assert_no_error (error);
  return workbook;
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Opening a workbook lists its ideas and shows the first one with its verdict. */
static void
test_window_shows_sample (void)
{
  g_autoptr(FwWorkbook) workbook = load_sample ("en");
  FwWindow *window = fw_window_new (NULL, workbook, NULL);
  FwIdea *shown;

  gtk_window_present (GTK_WINDOW (window));
  spin ();

  g_assert_cmpuint (fw_workbook_get_n_ideas (workbook), >=, 4);
  shown = fw_window_get_selected_idea (window);
  g_assert_nonnull (shown);
  g_assert_true (shown == fw_workbook_get_idea (workbook, 0));

  g_assert_true (fw_window_select_idea (window, 1));
  spin ();
  g_assert_true (fw_window_get_selected_idea (window) == fw_workbook_get_idea (workbook, 1));
  g_assert_false (fw_window_select_idea (window, 10000));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An empty workbook shows the status page instead of an idea. */
static void
test_window_empty_workbook (void)
{
  g_autoptr(FwWorkbook) workbook = fw_workbook_new ();
  FwWindow *window = fw_window_new (NULL, workbook, NULL);

  gtk_window_present (GTK_WINDOW (window));
  spin ();
  g_assert_null (fw_window_get_selected_idea (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/shows-sample", test_window_shows_sample);
  g_test_add_func ("/window/empty-workbook", test_window_empty_workbook);
  return g_test_run ();
}
