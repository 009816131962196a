/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fw-core.h"
#include "fw-collect.h"
#include "fw-worksheet.h"
#include "fw-xlsx.h"
#include "fw-test-util.h"
#include "fw-test-team.h"
#include "fw-test-zip.h"

static GBytes *
fixture_bytes (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "worksheet", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static FwWorkbook *
import_fixture (const char      *name,
                FwImportReport **report)
{
  g_autoptr(GBytes) bytes = fixture_bytes (name);
  g_autoptr(GError) error = NULL;
  FwWorkbook *wb = fw_worksheet_import (bytes, name, report, &error);

  g_assert_no_error (error);
  g_assert_nonnull (wb);
  return wb;
}

static FwWorkbook *
import_bytes (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  FwWorkbook *wb = fw_worksheet_import (bytes, "export.csv", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (wb);
  return wb;
}

static void
assert_case_ids (FwIdea     *idea,
                 FwCase    **cases,
                 guint       n)
{
  const char * const *ids = fw_idea_get_case_ids (idea);

  g_assert_cmpuint (ids ? g_strv_length ((char **) ids) : 0, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (ids[i], ==, fw_case_get_id (cases[i]));
}

/* The same sheet saved five ways gives one workbook. */
static void
test_encodings (void)
{
  static const struct { const char *file; const char *encoding; char delimiter; } saved[] = {
    { "bom-crlf.csv", "UTF-8 with BOM", ',' },
    { "cp932-crlf.csv", "CP932", ',' },
    { "utf16-tab.txt", "UTF-16", '\t' },
    { "semicolon.csv", "UTF-8", ';' },
  };
  g_autoptr(FwImportReport) report = NULL;
  g_autoptr(FwWorkbook) base = import_fixture ("utf8-lf.csv", &report);
  FwCase *cases[4];
  FwIdea *idea;

  g_assert_cmpstr (report->encoding, ==, "UTF-8");
  g_assert_cmpint (report->delimiter, ==, ',');
  g_assert_cmpint (report->layout, ==, FW_WORKSHEET_LAYOUT_2023);
  g_assert_cmpuint (report->header_row, ==, 5);
  g_assert_cmpuint (report->n_cases, ==, 4);
  g_assert_cmpuint (report->n_ideas, ==, 3);
  g_assert_cmpuint (report->n_skipped, ==, 0);

  g_assert_cmpstr (fw_workbook_get_title (base), ==, "ワークショップ宿題 (Tabiji)");
  g_assert_cmpstr (fw_workbook_get_text (base, FW_WORKBOOK_PRODUCT), ==, "Tabiji");
  g_assert_cmpuint (fw_workbook_get_n_cases (base), ==, 4);
  g_assert_cmpuint (fw_workbook_get_n_ideas (base), ==, 3);
  for (guint i = 0; i < 4; i++)
    cases[i] = fw_workbook_get_case (base, i);

  g_assert_cmpstr (fw_case_get_name (cases[0]), ==, "Intuit: 控除対象の経費を探す時間を削減");
  g_assert_cmpstr (fw_case_get_text (cases[0], FW_CASE_SUMMARY), ==,
                   "銀行取引を解析し、控除可能な経費を自動的に「分類」。\n\"ExpenseFinder\" を開発");
  g_assert_cmpstr (fw_case_get_why (cases[0], FW_STAGE_MODEL), ==, "申請結果のセットが手に入るから。");
  g_assert_cmpint (fw_case_get_task (cases[0]), ==, FW_TASK_CLASSIFICATION);
  g_assert_cmpint (fw_case_get_task (cases[1]), ==, FW_TASK_RECOMMENDATION);
  g_assert_cmpint (fw_case_get_task (cases[2]), ==, FW_TASK_UNDECIDED);
  g_assert_cmpint (fw_case_get_task (cases[3]), ==, FW_TASK_REGRESSION);
  g_assert_cmpstr (fw_case_get_name (cases[3]), ==, "Uber Eats: 配達時間の予測");

  idea = fw_workbook_get_idea (base, 0);
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_CUSTOMER), ==, "個人事業主, フリーランス");
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_IMPORTANCE_REASON), ==,
                   "確定申告の時期に \"時間がない\" という声");
  g_assert_cmpint (fw_idea_get_priority (idea, FW_PRIORITY_IMPORTANCE), ==, FW_LEVEL_HIGH);
  g_assert_cmpint (fw_idea_get_priority (idea, FW_PRIORITY_URGENCY), ==, FW_LEVEL_MEDIUM);
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_EVENT_STORMING_URL), ==,
                   "https://miro.example/board1");
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_NOTES), ==, "例です");
  g_assert_cmpstr (fw_idea_get_title (idea), ==, fw_case_get_name (cases[0]));
  assert_case_ids (idea, cases, 1);

  /* The same 応用編 cells under two cases: one idea following both. */
  idea = fw_workbook_get_idea (base, 1);
  g_assert_cmpint (fw_idea_get_priority (idea, FW_PRIORITY_IMPORTANCE), ==, FW_LEVEL_HIGH);
  g_assert_cmpint (fw_idea_get_priority (idea, FW_PRIORITY_URGENCY), ==, FW_LEVEL_MEDIUM);
  assert_case_ids (idea, cases + 1, 2);

  /* A row with no case: an idea of its own; "l" and "h" are 低 and 高. */
  idea = fw_workbook_get_idea (base, 2);
  g_assert_cmpstr (fw_idea_get_title (idea), ==, "出張の多い会社員");
  g_assert_cmpint (fw_idea_get_priority (idea, FW_PRIORITY_IMPORTANCE), ==, FW_LEVEL_LOW);
  g_assert_cmpint (fw_idea_get_priority (idea, FW_PRIORITY_URGENCY), ==, FW_LEVEL_HIGH);
  assert_case_ids (idea, NULL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (saved); i++)
    {
      g_autoptr(FwImportReport) other_report = NULL;
      g_autoptr(FwWorkbook) other = import_fixture (saved[i].file, &other_report);

      g_test_message ("%s", saved[i].file);
      g_assert_cmpstr (other_report->encoding, ==, saved[i].encoding);
      g_assert_cmpint (other_report->delimiter, ==, saved[i].delimiter);
      g_assert_true (fw_workbook_equal (base, other));
    }
}

static void
test_layout_2022 (void)
{
  g_autoptr(FwImportReport) report = NULL;
  g_autoptr(FwWorkbook) wb = import_fixture ("layout-2022.csv", &report);
  FwIdea *idea;

  g_assert_cmpint (report->layout, ==, FW_WORKSHEET_LAYOUT_2022);
  g_assert_cmpuint (report->header_row, ==, 5);
  g_assert_cmpuint (fw_workbook_get_n_cases (wb), ==, 0);
  g_assert_cmpuint (fw_workbook_get_n_ideas (wb), ==, 4);
  g_assert_cmpstr (fw_workbook_get_text (wb, FW_WORKBOOK_PRODUCT), ==, "Tabiji");
  g_assert_cmpstr (fw_workbook_get_title (wb), ==, "");

  idea = fw_workbook_get_idea (wb, 0);
  g_assert_cmpstr (fw_idea_get_title (idea), ==, "旅程作りに時間がかかる");
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_CUSTOMER), ==, "家族旅行の幹事");
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_SO_THAT), ==, "毎回ゼロから調べている");
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_I_WANT), ==, "過去の旅程から提案する");
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_INPUT_DATA), ==, "閲覧履歴");
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_OUTPUT_DATA), ==, "レコメンドする旅程");
  g_assert_cmpint (fw_idea_get_task (idea), ==, FW_TASK_RECOMMENDATION);
  g_assert_cmpint (fw_idea_get_applicability (idea), ==, FW_APPLICABILITY_YES);
  g_assert_cmpint (fw_idea_get_priority (idea, FW_PRIORITY_URGENCY), ==, FW_LEVEL_HIGH);
  g_assert_cmpint (fw_idea_get_priority (idea, FW_PRIORITY_IMPORTANCE), ==, FW_LEVEL_HIGH);
  g_assert_cmpint (fw_idea_get_priority (idea, FW_PRIORITY_ML_VALUE), ==, FW_LEVEL_MEDIUM);
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_ML_VALUE_REASON), ==, "データがある");
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_CONCERNS), ==, "季節で偏る");
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_BLOCKERS), ==, "予算");
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_EVENT_STORMING_URL), ==,
                   "https://miro.example/b");

  idea = fw_workbook_get_idea (wb, 1);
  g_assert_cmpint (fw_idea_get_applicability (idea), ==, FW_APPLICABILITY_NO);
  g_assert_cmpint (fw_idea_get_priority (idea, FW_PRIORITY_URGENCY), ==, FW_LEVEL_MEDIUM);
  g_assert_cmpint (fw_idea_get_priority (idea, FW_PRIORITY_IMPORTANCE), ==, FW_LEVEL_LOW);
  g_assert_cmpint (fw_idea_get_priority (idea, FW_PRIORITY_ML_VALUE), ==, FW_LEVEL_LOW);

  idea = fw_workbook_get_idea (wb, 2);
  g_assert_cmpint (fw_idea_get_applicability (idea), ==, FW_APPLICABILITY_YES);
  g_assert_cmpint (fw_idea_get_priority (idea, FW_PRIORITY_URGENCY), ==, FW_LEVEL_LOW);
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_NOTES), ==, "メモ");

  idea = fw_workbook_get_idea (wb, 3);
  g_assert_cmpint (fw_idea_get_applicability (idea), ==, FW_APPLICABILITY_MAYBE);
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_INPUT_DATA), ==, "音声");
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_OUTPUT_DATA), ==, "操作");
}

/* The workshop's own sheets, converted to CSV once (worksheet/README.md). */
static void
test_real_sheets (void)
{
  g_autoptr(FwImportReport) report = NULL;
  g_autoptr(FwImportReport) report22 = NULL;
  g_autoptr(FwWorkbook) wb = import_fixture ("real-2023.csv", &report);
  g_autoptr(FwWorkbook) wb22 = import_fixture ("real-2022.csv", &report22);
  FwCase *item;
  FwIdea *idea;

  g_assert_cmpuint (report->header_row, ==, 8);
  g_assert_cmpuint (fw_workbook_get_n_cases (wb), ==, 1);
  g_assert_cmpuint (fw_workbook_get_n_ideas (wb), ==, 1);
  /* The template's title is not a workbook's name. */
  g_assert_cmpstr (fw_workbook_get_title (wb), ==, "");
  item = fw_workbook_get_case (wb, 0);
  g_assert_cmpstr (fw_case_get_name (item), ==, "Intuit: 控除対象の経費を探す時間を削減");
  g_assert_cmpstr (fw_case_get_why (item, FW_STAGE_CUSTOMER_EXPERIENCE), ==,
                   "機械学習により控除が自動で分類できるから。");
  g_assert_cmpint (fw_case_get_task (item), ==, FW_TASK_CLASSIFICATION);
  idea = fw_workbook_get_idea (wb, 0);
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_NOTES), ==, "例です");
  assert_case_ids (idea, &item, 1);

  g_assert_cmpint (report22->layout, ==, FW_WORKSHEET_LAYOUT_2022);
  g_assert_cmpuint (report22->header_row, ==, 10);
  g_assert_cmpuint (fw_workbook_get_n_ideas (wb22), ==, 1);
  idea = fw_workbook_get_idea (wb22, 0);
  g_assert_cmpstr (fw_idea_get_title (idea), ==, "目覚まし時計のセットを忘れる");
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_CUSTOMER), ==, "学生");
  g_assert_cmpint (fw_idea_get_applicability (idea), ==, FW_APPLICABILITY_MAYBE);
  g_assert_cmpint (fw_idea_get_priority (idea, FW_PRIORITY_URGENCY), ==, FW_LEVEL_HIGH);
  g_assert_cmpint (fw_idea_get_priority (idea, FW_PRIORITY_IMPORTANCE), ==, FW_LEVEL_MEDIUM);
  g_assert_cmpint (fw_idea_get_task (idea), ==, FW_TASK_CLASSIFICATION);
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_EVENT_STORMING_URL), ==,
                   "https://miro.com/app/board/uXjVOq7OXDo=/");
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_NOTES), ==, "例です");

  /* The workbooks themselves, as the workshop hands them out, read as their CSV. */
  {
    g_autoptr(FwImportReport) xreport = NULL;
    g_autoptr(FwImportReport) xreport22 = NULL;
    g_autoptr(FwWorkbook) x = import_fixture ("real-2023.xlsx", &xreport);
    g_autoptr(FwWorkbook) x22 = import_fixture ("real-2022.xlsx", &xreport22);

    g_assert_cmpstr (xreport->encoding, ==, "XLSX");
    g_assert_cmpuint (xreport->header_row, ==, 8);
    g_assert_true (fw_workbook_equal (x, wb));
    g_assert_cmpint (xreport22->layout, ==, FW_WORKSHEET_LAYOUT_2022);
    g_assert_cmpuint (xreport22->header_row, ==, 10);
    g_assert_true (fw_workbook_equal (x22, wb22));
  }
}

static void
test_reordered (void)
{
  g_autoptr(FwImportReport) report = NULL;
  g_autoptr(FwWorkbook) wb = import_fixture ("reordered.tsv", &report);
  FwIdea *idea;

  g_assert_cmpint (report->delimiter, ==, '\t');
  g_assert_cmpuint (report->header_row, ==, 1);
  g_assert_cmpuint (fw_workbook_get_n_cases (wb), ==, 1);
  g_assert_cmpuint (fw_workbook_get_n_ideas (wb), ==, 2);
  idea = fw_workbook_get_idea (wb, 0);
  g_assert_cmpint (fw_idea_get_priority (idea, FW_PRIORITY_IMPORTANCE), ==, FW_LEVEL_MEDIUM);
  g_assert_cmpint (fw_idea_get_priority (idea, FW_PRIORITY_URGENCY), ==, FW_LEVEL_LOW);
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_IMPORTANCE_REASON), ==, "好きな曲に出会える");
  g_assert_cmpstr (fw_idea_get_title (idea), ==, "Spotify: Enhance");
  idea = fw_workbook_get_idea (wb, 1);
  g_assert_cmpint (fw_idea_get_priority (idea, FW_PRIORITY_IMPORTANCE), ==, FW_LEVEL_HIGH);
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_NOTES), ==, "メモ");
}

static void
test_skipped_rows (void)
{
  g_autoptr(FwImportReport) report = NULL;
  g_autoptr(FwWorkbook) wb = import_fixture ("skipped-rows.csv", &report);
  g_autofree char *summary = NULL;

  g_assert_cmpuint (report->n_cases, ==, 2);
  g_assert_cmpuint (report->n_ideas, ==, 1);
  g_assert_cmpuint (report->n_skipped, ==, 2);
  g_assert_cmpuint (report->skipped->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (report->skipped, 0), "row 4 "));
  g_assert_nonnull (strstr (g_ptr_array_index (report->skipped, 0), "とても高い"));
  g_assert_nonnull (strstr (g_ptr_array_index (report->skipped, 1), "row 5 "));
  g_assert_cmpuint (report->notes->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (report->notes, 0), "row 6"));

  summary = fw_import_report_summary (report);
  g_assert_true (g_str_has_prefix (summary, "2 cases and 1 idea imported, 2 rows skipped:"));
}

static void
test_refused (void)
{
  static const struct { const char *file; int code; } refused[] = {
    { "no-header.csv", FW_WORKSHEET_ERROR_NO_HEADER },
    { "binary.bin", FW_WORKSHEET_ERROR_BINARY },
    { "unclosed-quote.csv", FW_WORKSHEET_ERROR_SYNTAX },
    { "latin1.csv", FW_WORKSHEET_ERROR_ENCODING },
    { "broken-utf8.csv", FW_WORKSHEET_ERROR_ENCODING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GBytes) bytes = fixture_bytes (refused[i].file);
      g_autoptr(GError) error = NULL;
      g_autoptr(FwImportReport) report = NULL;
      g_autoptr(FwWorkbook) wb = fw_worksheet_import (bytes, refused[i].file, &report, &error);

      g_test_message ("%s", refused[i].file);
      g_assert_null (wb);
      g_assert_null (report);
      g_assert_error (error, FW_WORKSHEET_ERROR, refused[i].code);
      g_assert_true (g_str_has_prefix (error->message, refused[i].file));
    }

  /* A zip's signature with nothing after it (read as an .xlsx, whatever its name)
   * and an empty file. */
  {
    g_autoptr(GBytes) zip = g_bytes_new_static ("PK\003\004\024\000", 6);
    g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
    g_autoptr(GError) error = NULL;
    g_autoptr(FwWorkbook) wb = fw_worksheet_import (zip, "book.csv", NULL, &error);

    g_assert_null (wb);
    g_assert_error (error, FW_WORKSHEET_ERROR, FW_WORKSHEET_ERROR_XLSX);
    g_assert_cmpstr (error->message, ==, "book.csv: not an XLSX workbook, or a damaged one");
    g_clear_error (&error);
    wb = fw_worksheet_import (empty, "empty.csv", NULL, &error);
    g_assert_null (wb);
    g_assert_error (error, FW_WORKSHEET_ERROR, FW_WORKSHEET_ERROR_NO_HEADER);
  }
}

static void
test_too_large (void)
{
  gsize size = FW_WORKSHEET_MAX_SIZE + 1;
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwWorkbook) wb = NULL;

  /* A valid sheet's start, so only the size can refuse it. */
  memset (data, 'a', size);
  memcpy (data, "事例の名前,①自社の顧客の定義,重要度\n", strlen ("事例の名前,①自社の顧客の定義,重要度\n"));
  bytes = g_bytes_new_take (data, size);
  wb = fw_worksheet_import (bytes, "big.csv", NULL, &error);
  g_assert_null (wb);
  g_assert_error (error, FW_WORKSHEET_ERROR, FW_WORKSHEET_ERROR_TOO_LARGE);
}

/* export → import → export is byte-identical, and import(export(W)) is W for a
 * workbook that came from a sheet. */
static void
test_round_trip_fixtures (void)
{
  static const char *files[] = {
    "utf8-lf.csv", "cp932-crlf.csv", "real-2023.csv", "reordered.tsv", "layout-2022.csv",
    "real-2022.csv", "skipped-rows.csv",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(FwWorkbook) w0 = import_fixture (files[i], NULL);
      g_autoptr(GBytes) e1 = fw_worksheet_export_csv (w0, FW_WORKSHEET_EXPORT_DEFAULT);
      g_autoptr(FwWorkbook) w1 = import_bytes (e1);
      g_autoptr(GBytes) e2 = fw_worksheet_export_csv (w1, FW_WORKSHEET_EXPORT_DEFAULT);
      g_autoptr(FwWorkbook) w2 = import_bytes (e2);

      g_test_message ("%s", files[i]);
      g_assert_true (g_bytes_equal (e1, e2));
      g_assert_true (fw_workbook_equal (w1, w2));
      /* 2023 sheets carry everything Flywheel read from them. */
      if (i < 3)
        g_assert_true (fw_workbook_equal (w0, w1));
    }
}

static FwCase *
add_case (FwWorkbook *wb,
          const char *name)
{
  g_autoptr(FwCase) item = fw_case_new ();

  fw_case_set_text (item, FW_CASE_NAME, name);
  fw_workbook_append_case (wb, item);
  return item;
}

static FwIdea *
add_idea (FwWorkbook         *wb,
          const char         *title,
          const char * const *case_ids)
{
  g_autoptr(FwIdea) idea = fw_idea_new ();

  fw_idea_set_title (idea, title);
  fw_idea_set_case_ids (idea, case_ids);
  fw_workbook_append_idea (wb, idea);
  return idea;
}

/* A workbook made in the app, with every way an idea and a case can be laid out. */
static void
test_round_trip_model (void)
{
  g_autoptr(FwWorkbook) wb = fw_workbook_new ();
  g_autoptr(GBytes) e1 = NULL;
  g_autoptr(GBytes) e2 = NULL;
  g_autoptr(FwWorkbook) w1 = NULL;
  FwCase *a, *b, *c, *d;
  FwIdea *x, *y, *z, *q, *idea;
  const char *data;
  gsize len;

  fw_workbook_set_title (wb, "Homework");
  fw_workbook_set_text (wb, FW_WORKBOOK_PRODUCT, "Tabiji, \"travel\"");
  a = add_case (wb, "Intuit");
  fw_case_set_text (a, FW_CASE_SUMMARY, "classifies expenses\r\nin minutes");
  fw_case_set_text (a, FW_CASE_PROBLEM, "receipts everywhere");
  fw_case_set_text (a, FW_CASE_LINK, "https://example.com/a");
  for (FwStage s = 0; s < FW_N_STAGES; s++)
    fw_case_set_why (a, s, "because, \"quoted\"");
  b = add_case (wb, "Pomelo");
  fw_case_set_text (b, FW_CASE_PROBLEM, "slow shopping");
  fw_case_set_text (b, FW_CASE_IMPACT, "+18% clicks");
  c = add_case (wb, "");                  /* nothing the sheet shows */
  d = add_case (wb, "Uber Eats");         /* followed by no idea */

  {
    const char *ids[] = { fw_case_get_id (a), fw_case_get_id (b), fw_case_get_id (a), NULL };
    x = add_idea (wb, "Itineraries", ids);
  }
  fw_idea_set_text (x, FW_IDEA_CUSTOMER, "families\nwith kids");
  fw_idea_set_priority (x, FW_PRIORITY_IMPORTANCE, FW_LEVEL_HIGH);
  fw_idea_set_priority (x, FW_PRIORITY_URGENCY, FW_LEVEL_LOW);
  fw_idea_set_text (x, FW_IDEA_IMPORTANCE_REASON, "top complaint");
  fw_idea_set_text (x, FW_IDEA_URGENCY_REASON, " next year ");
  fw_idea_set_text (x, FW_IDEA_EVENT_STORMING_URL, "https://miro.example/x");
  fw_idea_set_text (x, FW_IDEA_NOTES, "a;b\tc");
  {
    const char *ids[] = { fw_case_get_id (a), NULL };
    y = add_idea (wb, "Only a title", ids);   /* nothing in the sheet's columns */
  }
  z = add_idea (wb, "No case", NULL);
  fw_idea_set_text (z, FW_IDEA_CUSTOMER, "students");
  {
    const char *ids[] = { "no-such-case", fw_case_get_id (c), NULL };
    q = add_idea (wb, "Dangling", ids);
  }
  fw_idea_set_text (q, FW_IDEA_NOTES, "=1+1");
  add_idea (wb, "", NULL);                    /* empty: no row */

  /* The workshop's columns alone: what a sheet filled in by hand gives. */
  e1 = fw_worksheet_export_csv (wb, FW_WORKSHEET_EXPORT_SHEET_ONLY);
  data = g_bytes_get_data (e1, &len);
  g_assert_true (len > 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0);
  g_assert_nonnull (g_strstr_len (data, len, "\r\n"));

  w1 = import_bytes (e1);
  e2 = fw_worksheet_export_csv (w1, FW_WORKSHEET_EXPORT_SHEET_ONLY);
  g_assert_true (g_bytes_equal (e1, e2));

  g_assert_cmpstr (fw_workbook_get_title (w1), ==, "Homework");
  g_assert_cmpstr (fw_workbook_get_text (w1, FW_WORKBOOK_PRODUCT), ==, "Tabiji, \"travel\"");
  /* a, b and d; c shows nothing. */
  g_assert_cmpuint (fw_workbook_get_n_cases (w1), ==, 3);
  g_assert_cmpstr (fw_case_get_text (fw_workbook_get_case (w1, 0), FW_CASE_SUMMARY), ==,
                   "classifies expenses\nin minutes\nPROBLEM: receipts everywhere");
  g_assert_cmpstr (fw_case_get_why (fw_workbook_get_case (w1, 0), FW_STAGE_DATA), ==,
                   "because, \"quoted\"");
  g_assert_cmpstr (fw_case_get_text (fw_workbook_get_case (w1, 1), FW_CASE_SUMMARY), ==,
                   "PROBLEM: slow shopping\nIMPACT: +18% clicks");
  g_assert_cmpstr (fw_case_get_name (fw_workbook_get_case (w1, 2)), ==, "Uber Eats");

  g_assert_cmpuint (fw_workbook_get_n_ideas (w1), ==, 4);
  idea = fw_workbook_get_idea (w1, 0);
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_CUSTOMER), ==, "families\nwith kids");
  g_assert_cmpint (fw_idea_get_priority (idea, FW_PRIORITY_IMPORTANCE), ==, FW_LEVEL_HIGH);
  g_assert_cmpint (fw_idea_get_priority (idea, FW_PRIORITY_URGENCY), ==, FW_LEVEL_LOW);
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_URGENCY_REASON), ==, " next year ");
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_NOTES), ==, "a;b\tc");
  {
    FwCase *linked[] = { fw_workbook_get_case (w1, 0), fw_workbook_get_case (w1, 1) };
    assert_case_ids (idea, linked, 2);
  }
  idea = fw_workbook_get_idea (w1, 1);
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_NOTES), ==, "Only a title");
  idea = fw_workbook_get_idea (w1, 2);
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_CUSTOMER), ==, "students");
  assert_case_ids (idea, NULL, 0);
  idea = fw_workbook_get_idea (w1, 3);
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_NOTES), ==, "=1+1");
  assert_case_ids (idea, NULL, 0);
  (void) d;
  (void) y;
}

static void
assert_same_contents (FwWorkbook *expected,
                      FwWorkbook *actual)
{
  g_assert_cmpuint (fw_workbook_get_n_ideas (actual), ==, fw_workbook_get_n_ideas (expected));
  g_assert_cmpuint (fw_workbook_get_n_cases (actual), ==, fw_workbook_get_n_cases (expected));
  for (guint i = 0; i < fw_workbook_get_n_ideas (expected); i++)
    {
      FwIdea *want = fw_workbook_get_idea (expected, i);
      FwIdea *got = fw_workbook_find_idea (actual, fw_idea_get_id (want), NULL);

      g_assert_nonnull (got);
      g_assert_cmpstr (fw_idea_get_title (got), ==, fw_idea_get_title (want));
      for (FwIdeaText t = 0; t < FW_N_IDEA_TEXTS; t++)
        g_assert_cmpstr (fw_idea_get_text (got, t), ==, fw_idea_get_text (want, t));
      for (FwStage s = 0; s < FW_N_STAGES; s++)
        {
          g_assert_cmpstr (fw_idea_get_why (got, s), ==, fw_idea_get_why (want, s));
          g_assert_cmpint (fw_idea_get_evidence (got, s), ==, fw_idea_get_evidence (want, s));
        }
      g_assert_cmpint (fw_idea_get_task (got), ==, fw_idea_get_task (want));
      /* … and everything else: conditions, answers, priorities, case links. */
      g_assert_true (fw_idea_equal (got, want));
    }
  for (guint i = 0; i < fw_workbook_get_n_cases (expected); i++)
    {
      FwCase *want = fw_workbook_get_case (expected, i);
      FwCase *got = fw_workbook_find_case (actual, fw_case_get_id (want), NULL);

      g_assert_nonnull (got);
      g_assert_true (fw_case_equal (got, want));
    }
}

/* The round trip: the sample → the worksheet as CSV → import: every
 * idea's id, title, story, whys and evidence (and the rest) are back. */
static void
test_round_trip_flywheel_columns (void)
{
  static const char *langs[] = { "en", "ja" };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autoptr(FwWorkbook) sample = fw_test_load_sample (langs[l]);
      g_autoptr(GBytes) csv = fw_worksheet_export_csv (sample, FW_WORKSHEET_EXPORT_DEFAULT);
      g_autoptr(FwWorkbook) back = import_bytes (csv);
      g_autoptr(GBytes) sheet_only = fw_worksheet_export_csv (sample,
                                                              FW_WORKSHEET_EXPORT_SHEET_ONLY);
      g_autoptr(FwWorkbook) lossy = import_bytes (sheet_only);

      assert_same_contents (sample, back);
      /* The sheet alone has no column for a why of an idea: that is what the
       * extra columns are for. */
      g_assert_cmpstr (fw_idea_get_why (fw_workbook_get_idea (lossy, 0), FW_STAGE_DATA), ==, "");
      g_assert_cmpstr (fw_idea_get_why (fw_workbook_get_idea (sample, 0), FW_STAGE_DATA), !=, "");
    }
}

/* The 備考 cell ends with the decision, in Japanese whatever the interface's
 * language; it comes back as the decision (not as notes), also when the notes
 * above it were edited. */
static void
test_round_trip_decision (void)
{
  g_autoptr(FwWorkbook) sample = fw_test_load_sample ("en");
  FwIdea *want = fw_workbook_get_idea (sample, 0);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(FwWorkbook) back = NULL;
  g_autoptr(FwWorkbook) edited_back = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(GBytes) edited_bytes = NULL;
  char **first;
  FwIdea *got;

  fw_idea_set_text (want, FW_IDEA_NOTES, "Ask the CS team");
  fw_idea_set_decision (want, FW_DECISION_ADOPT_POC);
  fw_idea_set_decision_rationale (want, "Data is there");
  fw_idea_set_decision_date (want, "2026-12-01");

  rows = fw_worksheet_layout_rows (sample, NULL, NULL);
  first = g_ptr_array_index (rows, FW_WORKSHEET_N_HEADER_ROWS);
  g_assert_cmpstr (first[15], ==, "Ask the CS team\n決定: PoCに採用 — Data is there");

  csv = fw_worksheet_export_csv (sample, FW_WORKSHEET_EXPORT_DEFAULT);
  back = import_bytes (csv);
  assert_same_contents (sample, back);
  got = fw_workbook_find_idea (back, fw_idea_get_id (want), NULL);
  g_assert_cmpint (fw_idea_get_decision (got), ==, FW_DECISION_ADOPT_POC);
  g_assert_cmpstr (fw_idea_get_text (got, FW_IDEA_NOTES), ==, "Ask the CS team");

  /* The note above the decision edited in the spreadsheet. */
  text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  edited = g_string_new (text);
  g_assert_cmpuint (g_string_replace (edited, "Ask the CS team", "Ask CS first", 1), ==, 1);
  edited_bytes = g_bytes_new (edited->str, edited->len);
  edited_back = import_bytes (edited_bytes);
  got = fw_workbook_find_idea (edited_back, fw_idea_get_id (want), NULL);
  g_assert_cmpstr (fw_idea_get_text (got, FW_IDEA_NOTES), ==, "Ask CS first");
  g_assert_cmpint (fw_idea_get_decision (got), ==, FW_DECISION_ADOPT_POC);
  g_assert_cmpstr (fw_idea_get_decision_rationale (got), ==, "Data is there");
}

/* A cell edited in the spreadsheet wins over Flywheel's data for that field;
 * everything else comes back from the data. With the data column gone, the
 * readable columns still bring the title, story and whys back. */
static void
test_round_trip_edited_cells (void)
{
  g_autoptr(FwWorkbook) sample = fw_test_load_sample ("en");
  g_autoptr(GBytes) csv = fw_worksheet_export_csv (sample, FW_WORKSHEET_EXPORT_DEFAULT);
  g_autoptr(GPtrArray) rows = fw_worksheet_layout_rows (sample, NULL, NULL);
  char **first = g_ptr_array_index (rows, FW_WORKSHEET_N_HEADER_ROWS);
  FwIdea *want = fw_workbook_get_idea (sample, 0);
  g_autofree char *text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_autoptr(GString) edited = g_string_new (text);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(FwWorkbook) back = NULL;
  FwIdea *got;

  /* Column J (①自社の顧客の定義) of the first data row, and the idea's title
   * in column Q: replaced in the CSV as a spreadsheet would. */
  g_assert_cmpstr (first[16], ==, fw_idea_get_title (want));
  g_assert_cmpuint (g_string_replace (edited, first[9], "edited customer", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (edited, first[16], "Edited title", 1), ==, 1);
  bytes = g_bytes_new (edited->str, edited->len);
  back = import_bytes (bytes);
  got = fw_workbook_find_idea (back, fw_idea_get_id (want), NULL);
  g_assert_nonnull (got);
  g_assert_cmpstr (fw_idea_get_text (got, FW_IDEA_CUSTOMER), ==, "edited customer");
  g_assert_cmpstr (fw_idea_get_title (got), ==, "Edited title");
  for (FwStage s = 0; s < FW_N_STAGES; s++)
    {
      g_assert_cmpstr (fw_idea_get_why (got, s), ==, fw_idea_get_why (want, s));
      g_assert_cmpint (fw_idea_get_evidence (got, s), ==, fw_idea_get_evidence (want, s));
    }

  /* The data cells emptied (a spreadsheet that dropped hidden columns). */
  {
    g_autoptr(GString) plain = g_string_new (NULL);
    g_autoptr(GBytes) plain_bytes = NULL;
    g_autoptr(FwWorkbook) from_columns = NULL;

    for (guint r = 0; r < rows->len; r++)
      {
        char **row = g_ptr_array_index (rows, r);

        for (guint c = 0; c < FW_WORKSHEET_N_COLUMNS - 2; c++)
          {
            g_autofree char *quoted = NULL;
            g_autoptr(GString) q = g_string_new ("\"");

            for (const char *p = row[c]; *p; p++)
              {
                if (*p == '"')
                  g_string_append_c (q, '"');
                g_string_append_c (q, *p);
              }
            g_string_append_c (q, '"');
            if (c > 0)
              g_string_append_c (plain, ',');
            g_string_append (plain, q->str);
          }
        g_string_append (plain, "\n");
      }
    plain_bytes = g_bytes_new (plain->str, plain->len);
    from_columns = import_bytes (plain_bytes);
    got = fw_workbook_get_idea (from_columns, 0);
    g_assert_cmpstr (fw_idea_get_title (got), ==, fw_idea_get_title (want));
    g_assert_cmpstr (fw_idea_get_text (got, FW_IDEA_I_WANT), ==,
                     fw_idea_get_text (want, FW_IDEA_I_WANT));
    g_assert_cmpstr (fw_idea_get_why (got, FW_STAGE_MODEL), ==,
                     fw_idea_get_why (want, FW_STAGE_MODEL));
  }

  /* A damaged data cell: a note says so, and the row is read from the columns. */
  {
    g_autoptr(GString) broken = g_string_new (text);
    g_autoptr(GBytes) broken_bytes = NULL;
    g_autoptr(FwImportReport) report = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(FwWorkbook) wb = NULL;

    g_assert_cmpuint (g_string_replace (broken, "\"\"format\"\"", "\"\"fromat\"\"", 1), ==, 1);
    broken_bytes = g_bytes_new (broken->str, broken->len);
    wb = fw_worksheet_import (broken_bytes, "broken.csv", &report, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report->notes->len, >=, 1);
    g_assert_nonnull (strstr (g_ptr_array_index (report->notes, 0), "Flywheel’s data"));
    g_assert_cmpstr (fw_idea_get_title (fw_workbook_get_idea (wb, 0)), ==,
                     fw_idea_get_title (want));
  }
}

/* An idea the team assessed comes back with its members' assessments, and
 * the members with it (the data cell carries the members it names). */
static void
test_round_trip_team (void)
{
  g_autoptr(FwWorkbook) sample = fw_test_load_sample ("en");
  FwIdea *idea = fw_workbook_get_idea (sample, 0);
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(FwWorkbook) back = NULL;
  FwIdea *got;

  fw_test_member_assess (sample, idea, "Aiko", FW_ROLE_ENGINEER, "hhsb");
  fw_test_member_assess (sample, idea, "Ben", FW_ROLE_DESIGNER, "wwhh");
  csv = fw_worksheet_export_csv (sample, FW_WORKSHEET_EXPORT_DEFAULT);
  back = import_bytes (csv);
  got = fw_workbook_find_idea (back, fw_idea_get_id (idea), NULL);
  g_assert_nonnull (got);
  g_assert_cmpuint (fw_idea_get_n_assessments (got), ==, 2);
  g_assert_nonnull (fw_workbook_find_member (back, "member-Aiko", NULL));
  g_assert_nonnull (fw_workbook_find_member (back, "member-Ben", NULL));
  g_assert_true (fw_idea_equal (got, idea));

  /* What comes back is a copy of the same workbook, so its assessments can be
   * collected into it (a new id each export refused them as another workbook's). */
  {
    g_autofree char *identity = fw_workbook_dup_identity (sample);
    g_autofree char *back_identity = fw_workbook_dup_identity (back);
    g_autoptr(GBytes) again = fw_worksheet_export_csv (sample, FW_WORKSHEET_EXPORT_DEFAULT);
    g_autoptr(FwCollect) collect = NULL;
    g_autoptr(GError) error = NULL;
    const char *name = "sheet.csv";

    g_assert_cmpstr (back_identity, ==, identity);
    g_assert_true (g_bytes_equal (csv, again));
    collect = fw_collect (sample, &back, &name, 1, &error);
    g_assert_no_error (error);
    g_assert_nonnull (collect);
  }
}

static void
test_file_path (void)
{
  static const struct { const char *in; gboolean csv; const char *out; } cases[] = {
    { "/t/plan.xlsx", TRUE, "/t/plan.csv" },
    { "/t/plan.xlsx", FALSE, "/t/plan.xlsx" },
    { "/t/plan.CSV", TRUE, "/t/plan.CSV" },
    { "/t/plan.csv", FALSE, "/t/plan.xlsx" },
    { "/t/plan", TRUE, "/t/plan.csv" },
    { "/t/plan.v2", FALSE, "/t/plan.v2.xlsx" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = fw_worksheet_file_path (cases[i].in, cases[i].csv);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_empty_workbook (void)
{
  g_autoptr(FwWorkbook) wb = fw_workbook_new ();
  g_autoptr(GBytes) e1 = fw_worksheet_export_csv (wb, FW_WORKSHEET_EXPORT_DEFAULT);
  g_autoptr(FwImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwWorkbook) w1 = fw_worksheet_import (e1, "empty.csv", &report, &error);
  g_autoptr(GBytes) e2 = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (report->n_cases + report->n_ideas, ==, 0);
  g_assert_cmpuint (report->header_row, ==, FW_WORKSHEET_N_HEADER_ROWS);
  e2 = fw_worksheet_export_csv (w1, FW_WORKSHEET_EXPORT_DEFAULT);
  g_assert_true (g_bytes_equal (e1, e2));
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d))
    n++;
  return n;
}

static void
test_xlsx (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fw-xlsx-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *data = NULL;
  g_autoptr(FwWorkbook) wb = import_fixture ("utf8-lf.csv", NULL);
  g_autoptr(GString) huge = g_string_new (NULL);
  gsize len;

  g_assert_no_error (error);
  path = g_build_filename (dir, "out.xlsx", NULL);
  g_assert_true (fw_worksheet_export_xlsx (wb, path, FW_WORKSHEET_EXPORT_DEFAULT, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  g_assert_true (len > 1000 && memcmp (data, "PK\003\004", 4) == 0);
  g_assert_cmpuint (count_entries (dir), ==, 1);  /* no temporary file left */

  /* A folder that does not exist: an error, and nothing written. */
  missing = g_build_filename (dir, "no-such-folder", "out.xlsx", NULL);
  g_assert_false (fw_worksheet_export_xlsx (wb, missing, FW_WORKSHEET_EXPORT_DEFAULT, &error));
  g_assert_error (error, FW_WORKSHEET_ERROR, FW_WORKSHEET_ERROR_WRITE);
  g_clear_error (&error);

  /* A cell over Excel's 32767 characters fails the write; the old file stays. */
  while (huge->len < 40000)
    g_string_append (huge, "0123456789");
  fw_idea_set_text (fw_workbook_get_idea (wb, 0), FW_IDEA_NOTES, huge->str);
  g_assert_false (fw_worksheet_export_xlsx (wb, path, FW_WORKSHEET_EXPORT_DEFAULT, &error));
  g_assert_error (error, FW_WORKSHEET_ERROR, FW_WORKSHEET_ERROR_WRITE);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  {
    g_autofree char *again = NULL;
    gsize again_len;

    g_file_get_contents (path, &again, &again_len, NULL);
    g_assert_cmpmem (again, again_len, data, len);
  }

  g_unlink (path);
  g_rmdir (dir);
}

static GBytes *
export_xlsx_bytes (FwWorkbook             *wb,
                   FwWorksheetExportFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fw-xlsx-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "out.xlsx", NULL);
  char *data = NULL;
  gsize len = 0;

  g_assert_no_error (error);
  g_assert_true (fw_worksheet_export_xlsx (wb, path, flags, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  return g_bytes_new_take (data, len);
}

/* The sample → XLSX → import: every idea and case is back, as through CSV; the
 * sheet's own columns read from the XLSX give what they give from the CSV. */
static void
test_xlsx_round_trip (void)
{
  static const char *langs[] = { "en", "ja" };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autoptr(FwWorkbook) sample = fw_test_load_sample (langs[l]);
      g_autoptr(GBytes) xlsx = export_xlsx_bytes (sample, FW_WORKSHEET_EXPORT_DEFAULT);
      g_autoptr(GBytes) xlsx_only = export_xlsx_bytes (sample, FW_WORKSHEET_EXPORT_SHEET_ONLY);
      g_autoptr(GBytes) csv_only = fw_worksheet_export_csv (sample,
                                                            FW_WORKSHEET_EXPORT_SHEET_ONLY);
      g_autoptr(FwImportReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(FwWorkbook) back = NULL;
      g_autoptr(FwWorkbook) from_xlsx = NULL;
      g_autoptr(FwWorkbook) from_csv = import_bytes (csv_only);

      g_test_message ("%s", langs[l]);
      /* Its name says CSV: the bytes decide. */
      back = fw_worksheet_import (xlsx, "sheet.csv", &report, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (report->encoding, ==, "XLSX");
      g_assert_cmpuint (report->header_row, ==, FW_WORKSHEET_N_HEADER_ROWS);
      g_assert_cmpuint (report->n_skipped, ==, 0);
      g_assert_cmpuint (report->notes->len, ==, 0);
      assert_same_contents (sample, back);
      {
        /* Taken from the data cells: a copy of the sample, to collect or merge. */
        g_autofree char *identity = fw_workbook_dup_identity (sample);

        g_assert_cmpstr (fw_workbook_get_id (back), ==, identity);
      }
      g_assert_cmpstr (fw_workbook_get_title (back), ==, fw_workbook_get_title (sample));

      from_xlsx = import_bytes (xlsx_only);
      g_assert_true (fw_workbook_equal (from_xlsx, from_csv));
      g_assert_cmpuint (fw_workbook_get_n_ideas (from_xlsx), ==,
                        fw_workbook_get_n_ideas (sample));
    }
}

static void
assert_xlsx_refused (GBytes     *bytes,
                     int         code,
                     const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwImportReport) report = NULL;
  g_autoptr(FwWorkbook) wb = fw_worksheet_import (bytes, "book.xlsx", &report, &error);

  g_assert_null (wb);
  g_assert_null (report);
  g_assert_error (error, FW_WORKSHEET_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "book.xlsx: "));
  g_assert_nonnull (strstr (error->message, words));
}

/* What the import refuses of XLSX, in the worksheet's own errors. */
static void
test_xlsx_refused (void)
{
  g_autoptr(FwWorkbook) sample = fw_test_load_sample ("en");
  g_autoptr(GBytes) xlsx = export_xlsx_bytes (sample, FW_WORKSHEET_EXPORT_DEFAULT);
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (xlsx, 0, g_bytes_get_size (xlsx) - 100);
  guint8 ole[1024] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };
  g_autoptr(GBytes) ole_bytes = g_bytes_new (ole, sizeof ole);
  FwTestZipEntry docx[] = {
    { "word/document.xml", "<w:document xmlns:w=\"urn:w\"/>", TRUE },
  };
  g_autoptr(GBytes) docx_bytes = fw_test_zip (docx, G_N_ELEMENTS (docx));
  /* A sheet of 129 MiB that says it is 1000 bytes: past the cap of 4 × 32 MiB. */
  g_autoptr(GBytes) bomb = fw_test_deflate_repeated ("<worksheet><sheetData>", "<a/>",
                                                     FW_WORKSHEET_MAX_UNPACKED + 1024 * 1024);
  FwTestZipEntry bombed[] = {
    { "xl/workbook.xml", "<workbook xmlns:r=\"urn:r\"><sheets><sheet r:id=\"rId1\"/></sheets>"
                         "</workbook>", TRUE },
    { "xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" "
                                    "Target=\"worksheets/sheet1.xml\"/></Relationships>", TRUE },
    { "xl/worksheets/sheet1.xml", NULL, TRUE, bomb, 1000 },
  };
  g_autoptr(GBytes) bomb_bytes = fw_test_zip (bombed, G_N_ELEMENTS (bombed));

  g_assert_cmpuint (g_bytes_get_size (bomb_bytes), <, 1024 * 1024);
  assert_xlsx_refused (cut, FW_WORKSHEET_ERROR_XLSX, "damaged");
  assert_xlsx_refused (ole_bytes, FW_WORKSHEET_ERROR_XLSX, "password-protected");
  assert_xlsx_refused (docx_bytes, FW_WORKSHEET_ERROR_XLSX, "Word document");
  assert_xlsx_refused (bomb_bytes, FW_WORKSHEET_ERROR_TOO_LARGE, "too large");

  /* The file itself is held to the sheet's one limit. */
  {
    gsize size = FW_WORKSHEET_MAX_SIZE + 1;
    guint8 *data = g_malloc0 (size);
    g_autoptr(GBytes) big = NULL;

    memcpy (data, "PK\003\004", 4);
    big = g_bytes_new_take (data, size);
    assert_xlsx_refused (big, FW_WORKSHEET_ERROR_TOO_LARGE, "too large");
  }

  /* A workbook whose sheet is not the worksheet. */
  {
    FwTestZipEntry other[] = {
      bombed[0], bombed[1],
      { "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>"
                                    "budget</t></is></c></row></sheetData></worksheet>", TRUE },
    };
    g_autoptr(GBytes) bytes = fw_test_zip (other, G_N_ELEMENTS (other));

    assert_xlsx_refused (bytes, FW_WORKSHEET_ERROR_NO_HEADER, "column names");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/worksheet/import/encodings", test_encodings);
  g_test_add_func ("/worksheet/import/layout-2022", test_layout_2022);
  g_test_add_func ("/worksheet/import/real-sheets", test_real_sheets);
  g_test_add_func ("/worksheet/import/reordered", test_reordered);
  g_test_add_func ("/worksheet/import/skipped-rows", test_skipped_rows);
  g_test_add_func ("/worksheet/import/refused", test_refused);
  g_test_add_func ("/worksheet/import/too-large", test_too_large);
  g_test_add_func ("/worksheet/round-trip/fixtures", test_round_trip_fixtures);
  g_test_add_func ("/worksheet/round-trip/model", test_round_trip_model);
  g_test_add_func ("/worksheet/round-trip/empty", test_empty_workbook);
  g_test_add_func ("/worksheet/round-trip/flywheel-columns", test_round_trip_flywheel_columns);
  g_test_add_func ("/worksheet/round-trip/edited-cells", test_round_trip_edited_cells);
  g_test_add_func ("/worksheet/round-trip/decision", test_round_trip_decision);
  g_test_add_func ("/worksheet/file-path", test_file_path);
  g_test_add_func ("/worksheet/round-trip/team", test_round_trip_team);
  g_test_add_func ("/worksheet/xlsx", test_xlsx);
  g_test_add_func ("/worksheet/xlsx/round-trip", test_xlsx_round_trip);
  g_test_add_func ("/worksheet/xlsx/refused", test_xlsx_refused);

  return g_test_run ();
}
