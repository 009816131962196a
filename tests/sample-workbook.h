/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fw-core.h"

/* A workbook of @n_ideas copies of the English sample's ideas, each with an id of its
 * own (ids must be unique) and, when @title is given, that title before its own. For
 * the tests that need a workbook large enough to take a while to write. */
static inline FwWorkbook *
make_sample_workbook (guint       n_ideas,
                      const char *title)
{
  g_autofree char *sample_path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                        "sample-en.flywheel", NULL);
  g_autoptr(GFile) sample = g_file_new_for_path (sample_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwWorkbook) template = fw_workbook_load (sample, NULL, &error);
  FwWorkbook *wb;
  guint n;

  g_assert_no_error (error);
  n = fw_workbook_get_n_ideas (template);
  g_assert_cmpuint (n, >, 0);
  wb = fw_workbook_new ();
  if (title)
    fw_workbook_set_title (wb, title);
  for (guint i = 0; i < n_ideas; i++)
    {
      g_autoptr(FwIdea) idea = fw_idea_copy (fw_workbook_get_idea (template, i % n));
      g_autofree char *id = g_strdup_printf ("00000000-0000-4000-8000-%012u", i);

      fw_idea_set_text (idea, FW_IDEA_ID, id);
      if (title)
        {
          g_autofree char *idea_title = g_strdup_printf ("%s %u: %s", title, i,
                                                         fw_idea_get_title (idea));

          fw_idea_set_title (idea, idea_title);
        }
      fw_workbook_append_idea (wb, idea);
    }
  return wb;
}
