/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "fw-core.h"

/* Writes the large workbook of the scale benchmarks: N ideas (10,000 by default) made
 * from the sample's ideas, English and Japanese in turn, each with its own id and
 * title, every text cut to 40 characters, the English sample's
 * cases once. The output is the same for the same arguments. Even so the file is
 * ≈36 MB, not the ≈20 MB the issue guessed: the members and indentation of an idea
 * take ≈2 KB with every text empty. */

#define MAX_TEXT 40   /* characters kept of each text */

static char *
shorten (const char *text)
{
  if (text == NULL || g_utf8_strlen (text, -1) <= MAX_TEXT)
    return g_strdup (text);
  return g_utf8_substring (text, 0, MAX_TEXT);
}

static FwIdea *
make_idea (FwIdea *template,
           guint   i)
{
  FwIdea *idea = fw_idea_copy (template);
  g_autofree char *id = g_strdup_printf ("00000000-0000-4000-8000-%012u", i);
  g_autofree char *title = g_strdup_printf ("%05u %s", i + 1, fw_idea_get_title (template));

  for (guint f = FW_IDEA_TITLE; f < FW_N_IDEA_TEXTS; f++)
    {
      g_autofree char *text = shorten (fw_idea_get_text (idea, f));
      fw_idea_set_text (idea, f, text);
    }
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      g_autofree char *why = shorten (fw_idea_get_why (idea, s));
      fw_idea_set_why (idea, s, why);
    }
  for (guint c = 0; c < FW_N_CONDITIONS; c++)
    {
      g_autofree char *note = shorten (fw_idea_get_condition_note (idea, c));
      fw_idea_set_condition_note (idea, c, note);
    }
  /* A copy keeps the id, and ids must be unique in a workbook. */
  fw_idea_set_text (idea, FW_IDEA_ID, id);
  fw_idea_set_title (idea, title);
  return idea;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwWorkbook) en = NULL, ja = NULL;
  g_autoptr(FwWorkbook) big = fw_workbook_new ();
  g_autoptr(GFile) out = NULL, en_file = NULL, ja_file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  guint n = 10000;

  if (argc < 4 || argc > 5)
    {
      g_printerr ("usage: %s SAMPLE-EN SAMPLE-JA OUT [N-IDEAS]\n", argv[0]);
      return 2;
    }
  en_file = g_file_new_for_commandline_arg (argv[1]);
  ja_file = g_file_new_for_commandline_arg (argv[2]);
  en = fw_workbook_load (en_file, NULL, &error);
  if (en != NULL)
    ja = fw_workbook_load (ja_file, NULL, &error);
  if (en == NULL || ja == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (argc == 5)
    n = (guint) g_ascii_strtoull (argv[4], NULL, 10);

  for (guint t = 0; t < FW_N_WORKBOOK_TEXTS; t++)
    fw_workbook_set_text (big, t, fw_workbook_get_text (en, t));
  fw_workbook_set_title (big, "Scale benchmark: 10,000 ideas");
  {
    g_autoptr(GPtrArray) ideas = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < n; i++)
      {
        FwWorkbook *from = i % 2 ? ja : en;
        FwIdea *template = fw_workbook_get_idea (from, (i / 2) % fw_workbook_get_n_ideas (from));

        g_ptr_array_add (ideas, make_idea (template, i));
      }
    /* One splice rather than 10,000 appends: one items-changed. */
    {
      g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < fw_workbook_get_n_cases (en); i++)
        g_ptr_array_add (cases, g_object_ref (fw_workbook_get_case (en, i)));
      fw_workbook_splice (big, (FwCase **) cases->pdata, cases->len,
                          (FwIdea **) ideas->pdata, ideas->len);
    }
  }

  out = g_file_new_for_commandline_arg (argv[3]);
  if (!fw_workbook_save (big, out, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  info = g_file_query_info (out, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  g_print ("%s: %u ideas, %u cases, %.1f MB\n", argv[3], n, fw_workbook_get_n_cases (big),
           info ? g_file_info_get_size (info) / 1e6 : 0.0);
  return 0;
}
