/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The language is a parameter, per thread: an English report rendering on one
 * thread while a Japanese one renders on another each comes out entirely in its
 * own language (issue #15). Before, an export in another language switched the
 * whole process's locale, so a report on a worker thread could mix the two. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fw-core.h"
#include "fw-flywheel-layout.h"
#include "fw-i18n.h"
#include "fw-markdown.h"
#include "fw-report.h"

#define ROUNDS 4

/* Headings and labels of the report and the Markdown summary, and their Japanese
 * as po/ja.po has them (written out here, not asked of the code under test). */
static const struct
{
  const char *en;
  const char *ja;
} report_words[] = {
  { "ML winning-pattern workbook", "機械学習の勝ちパターンのワークブック" },
  { "Portfolio", "ポートフォリオ" },
  { "Why the flywheel turns", "フライホイールが回る理由" },
  { "Checklist", "チェックリスト" },
  { "Verdict and reasons", "判定結果と理由" },
  { "Best-practice cases", "ベストプラクティス事例" },
};

static const struct
{
  const char *en;
  const char *ja;
} markdown_words[] = {
  { "## Ideas", "## アイデア" },
  { "## Best-practice cases", "## ベストプラクティス事例" },
};

/* Hiragana, katakana, CJK ideographs, full-width forms: any of them in the
 * English output is a Japanese message that leaked in. */
static gboolean
has_japanese (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) ||
          (c >= 0xff00 && c <= 0xffef))
        return TRUE;
    }
  return FALSE;
}

/* The sample's ideas and cases with every text the PM wrote replaced by a
 * language-neutral one, so whatever is English or Japanese in the output is
 * Flywheel's own wording. Answers, ratings and conditions stay: they bring the
 * verdicts, reasons and checklists. */
static FwWorkbook *
make_neutral_workbook (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "sample-en.flywheel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  FwWorkbook *workbook = fw_workbook_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (fw_workbook_get_n_ideas (workbook), >, 0);
  g_assert_cmpuint (fw_workbook_get_n_cases (workbook), >, 0);
  fw_workbook_set_text (workbook, FW_WORKBOOK_TITLE, "W-42");
  fw_workbook_set_text (workbook, FW_WORKBOOK_PRODUCT, "P-7");
  fw_workbook_set_text (workbook, FW_WORKBOOK_AUTHOR, "A-1");
  for (guint i = 0; i < fw_workbook_get_n_ideas (workbook); i++)
    {
      FwIdea *idea = fw_workbook_get_idea (workbook, i);

      for (guint t = FW_IDEA_TITLE; t < FW_N_IDEA_TEXTS; t++)
        {
          g_autofree char *text = g_strdup_printf ("I%u-%u", i, t);

          fw_idea_set_text (idea, t, text);
        }
      for (guint s = 0; s < FW_N_STAGES; s++)
        fw_idea_set_why (idea, s, "W");
      for (guint c = 0; c < FW_N_CONDITIONS; c++)
        fw_idea_set_condition_note (idea, c, NULL);
    }
  for (guint i = 0; i < fw_workbook_get_n_cases (workbook); i++)
    {
      FwCase *item = fw_workbook_get_case (workbook, i);

      for (guint t = FW_CASE_NAME; t < FW_N_CASE_TEXTS; t++)
        {
          g_autofree char *text = g_strdup_printf ("C%u-%u", i, t);

          fw_case_set_text (item, t, t == FW_CASE_LINK ? "https://example.com/c" : text);
        }
      for (guint s = 0; s < FW_N_STAGES; s++)
        fw_case_set_why (item, s, "W");
    }
  return workbook;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  /* Not a skip: build-aux/quickstart installs poppler-utils with the test set-up. */
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    g_error ("pdftotext (poppler-utils) is needed: %s", error->message);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

typedef struct
{
  const char *lang;
  FwWorkbook *workbook;   /* this thread's own copy */
  char       *dir;
  char       *reports[ROUNDS];
  char       *markdown[ROUNDS];
  char       *labels[ROUNDS];
  GError     *error;
} Job;

static gpointer
render (gpointer data)
{
  Job *job = data;

  for (guint r = 0; r < ROUNDS && job->error == NULL; r++)
    {
      g_autofree char *name = g_strdup_printf ("report-%s-%u.pdf", job->lang, r);
      g_autofree char *path = g_build_filename (job->dir, name, NULL);
      g_autoptr(GFile) out = g_file_new_for_path (path);
      g_autoptr(GString) labels = g_string_new (NULL);
      FwReportOptions options;

      fw_report_options_init (&options);
      options.language = job->lang;
      if (!fw_report_write (job->workbook, out, &options, NULL, NULL, NULL, &job->error))
        break;
      job->reports[r] = g_steal_pointer (&path);
      job->markdown[r] = fw_markdown_from_workbook (job->workbook, job->lang);

      /* The diagram's texts are made where the input is. */
      fw_i18n_push_language (job->lang);
      for (guint i = 0; i < fw_workbook_get_n_ideas (job->workbook); i++)
        {
          g_autoptr(FwFlywheelInput) input =
            fw_flywheel_input_new_for_idea (fw_workbook_get_idea (job->workbook, i));

          for (guint s = 0; s < FW_N_STAGES; s++)
            g_string_append_printf (labels, "%s\n%s\n", input->stage_labels[s],
                                    input->state_texts[s]);
          g_string_append_printf (labels, "%s\n%s\n", input->badge, input->language);
        }
      fw_i18n_pop_language ();
      job->labels[r] = g_string_free (g_steal_pointer (&labels), FALSE);
    }
  return NULL;
}

static void
check_english (Job *job)
{
  for (guint r = 0; r < ROUNDS; r++)
    {
      g_autofree char *text = pdf_text (job->reports[r]);

      for (guint w = 0; w < G_N_ELEMENTS (report_words); w++)
        g_assert_nonnull (strstr (text, report_words[w].en));
      g_assert_false (has_japanese (text));

      for (guint w = 0; w < G_N_ELEMENTS (markdown_words); w++)
        g_assert_nonnull (strstr (job->markdown[r], markdown_words[w].en));
      g_assert_false (has_japanese (job->markdown[r]));

      g_assert_nonnull (strstr (job->labels[r], "\nen\n"));
      g_assert_false (has_japanese (job->labels[r]));
    }
}

static void
check_japanese (Job *job)
{
  for (guint r = 0; r < ROUNDS; r++)
    {
      g_autofree char *text = pdf_text (job->reports[r]);

      g_assert_nonnull (strstr (text, "勝ちパターン"));
      for (guint w = 0; w < G_N_ELEMENTS (report_words); w++)
        {
          g_assert_nonnull (strstr (text, report_words[w].ja));
          g_assert_null (strstr (text, report_words[w].en));
        }
      g_assert_null (strstr (text, " page "));

      for (guint w = 0; w < G_N_ELEMENTS (markdown_words); w++)
        {
          g_assert_nonnull (strstr (job->markdown[r], markdown_words[w].ja));
          g_assert_null (strstr (job->markdown[r], markdown_words[w].en));
        }

      g_assert_nonnull (strstr (job->labels[r], "顧客体験"));
      g_assert_nonnull (strstr (job->labels[r], "\nja\n"));
      g_assert_null (strstr (job->labels[r], "Customer experience"));
    }
}

static void
test_report_threads (void)
{
  g_autoptr(FwWorkbook) workbook = make_neutral_workbook ();
  g_autofree char *dir = g_dir_make_tmp ("fw-language-threads-XXXXXX", NULL);
  Job jobs[2] = { { .lang = "en" }, { .lang = "ja" } };
  GThread *threads[2];

  g_assert_nonnull (dir);
  for (guint j = 0; j < G_N_ELEMENTS (jobs); j++)
    {
      jobs[j].workbook = fw_report_copy_workbook (workbook);
      jobs[j].dir = dir;
    }
  /* Both at once, several rounds each, so their translations interleave. */
  for (guint j = 0; j < G_N_ELEMENTS (jobs); j++)
    threads[j] = g_thread_new (jobs[j].lang, render, &jobs[j]);
  for (guint j = 0; j < G_N_ELEMENTS (jobs); j++)
    g_thread_join (threads[j]);

  for (guint j = 0; j < G_N_ELEMENTS (jobs); j++)
    g_assert_no_error (jobs[j].error);
  check_english (&jobs[0]);
  check_japanese (&jobs[1]);

  /* The main thread, which pushed nothing, is still in the interface's language. */
  g_assert_null (fw_i18n_get_thread_language ());
  g_assert_cmpstr (fw_i18n_current_language (), ==, "en");

  for (guint j = 0; j < G_N_ELEMENTS (jobs); j++)
    {
      for (guint r = 0; r < ROUNDS; r++)
        {
          g_remove (jobs[j].reports[r]);
          g_free (jobs[j].reports[r]);
          g_free (jobs[j].markdown[r]);
          g_free (jobs[j].labels[r]);
        }
      g_object_unref (jobs[j].workbook);
    }
  g_rmdir (dir);
}

/* Pushes nest and pop back; contexts and plurals come from the catalogue. */
static void
test_push_pop (void)
{
  g_assert_null (fw_i18n_get_thread_language ());
  fw_i18n_push_language ("ja");
  g_assert_cmpstr (fw_i18n_current_language (), ==, "ja");
  g_assert_cmpstr (fw_i18n_gettext ("Portfolio"), ==, "ポートフォリオ");
  g_assert_cmpstr (fw_i18n_pgettext2 ("worksheet column", "Case"), !=, "Case");
  g_assert_cmpstr (fw_i18n_ngettext ("%u idea", "%u ideas", 3), ==,
                   fw_i18n_ngettext ("%u idea", "%u ideas", 1));
  g_assert_null (strstr (fw_i18n_ngettext ("%u idea", "%u ideas", 3), "idea"));
  /* Not in the catalogue: as written. */
  g_assert_cmpstr (fw_i18n_gettext ("no such message, surely"), ==, "no such message, surely");
  {
    g_autoptr(FwI18nScope) scope = fw_i18n_scope_push ("en");

    g_assert_cmpstr (fw_i18n_current_language (), ==, "en");
    g_assert_cmpstr (fw_i18n_gettext ("Portfolio"), ==, "Portfolio");
    g_assert_cmpstr (fw_i18n_ngettext ("%u idea", "%u ideas", 3), ==, "%u ideas");
    g_assert_cmpstr (fw_i18n_pgettext2 ("worksheet column", "Case"), ==, "Case");
  }
  g_assert_cmpstr (fw_i18n_get_thread_language (), ==, "ja");
  fw_i18n_pop_language ();
  g_assert_null (fw_i18n_get_thread_language ());
  g_assert_cmpstr (fw_i18n_current_language (), ==, "en");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  fw_i18n_init_with_language ("en");

  g_test_add_func ("/language/push-pop", test_push_pop);
  g_test_add_func ("/language/report-threads", test_report_threads);
  return g_test_run ();
}
