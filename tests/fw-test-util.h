/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib/gstdio.h>

#include "fw-core.h"

/* What many tests need, written once. */

/* The bundled sample workbook of @lang ("en" or "ja"). */
static inline FwWorkbook *
fw_test_load_sample (const char *lang)
{
  g_autofree char *name = g_strdup_printf ("sample-%s.flywheel", lang);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", name,
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  FwWorkbook *workbook = fw_workbook_load (file, NULL, &error);

  g_assert_no_error (error);
  return workbook;
}

/* Runs what the main loop has pending, a few times over. */
static inline void
fw_test_spin (void)
{
  for (int i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* A GAsyncReadyCallback that keeps the result in *@user_data (a GAsyncResult *). */
static inline void
fw_test_store_result (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Runs the main loop until fw_test_store_result() has stored *@result (at most
 * 30 s: an ASan run is slow), and returns it. */
static inline GAsyncResult *
fw_test_wait_for (GAsyncResult **result)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (*result == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (*result);
  return *result;
}

static inline char *
fw_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("flywheel-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes @dir and everything in it. */
static inline void
fw_test_remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        fw_test_remove_tree (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}
