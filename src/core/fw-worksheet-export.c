/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "fw-workbook-io.h"
#include "fw-i18n.h"
#include "fw-portfolio.h"
#include "fw-text.h"
#include "fw-worksheet.h"
#include "fw-member-assessment.h"
#include "fw-worksheet-private.h"

static const char *sheet_preamble[] = {
  "目的: 「勝ちパターン」で解決できるビジネス課題を洗い出し、優先順位をつける",
  "↓↓①アイデアソンまでにML適用可能性が高い課題を1~3個記入↓↓",
};
static const char *sheet_sections[FW_WORKSHEET_N_COLUMNS] = {
  "No", "対象プロダクト", "理解編: 勝ちパターンのリストアップ", "", "", "", "", "", "",
  "応用編: 自社への応用", "", "", "", "", "", "備考",
  "Flywheel (以降の列は Flywheel が読み戻します / read back by Flywheel)",
  "", "", "", "", "", "", "", "", "", "", "",
};
static const char *sheet_headings[FW_WORKSHEET_N_COLUMNS] = {
  "", "", "事例の名前", "事例の概要", "事例のリンク先(URLなど)",
  "①なぜ顧客体験が改善するか?", "②なぜ利用者が増えるか?", "③なぜデータが増えるか?",
  "④なぜモデルの精度が向上するか?", "①自社の顧客の定義",
  "顧客にとっての\n重要度: (高・中・低)", "重要度の理由",
  "顧客にとっての\n緊急度: (高・中・低)", "緊急度の理由",
  "勝ちパターンの成立(Event StormingのURLを記載)", "",
  "Flywheel: title", "Flywheel: as a", "Flywheel: I want", "Flywheel: so that",
  "Flywheel: input data", "Flywheel: output data",
  "Flywheel: why ① customer experience", "Flywheel: why ② traffic", "Flywheel: why ③ data",
  "Flywheel: why ④ model", "Flywheel: idea data (do not edit)",
  "Flywheel: case data (do not edit)",
};
/* ------------------------------------------------------------------ export */

static char *
case_summary_text (FwCase *item)
{
  static const struct { FwCaseText text; const char *label; } parts[] = {
    { FW_CASE_PROBLEM, "PROBLEM" }, { FW_CASE_SOLUTION, "SOLUTION" }, { FW_CASE_IMPACT, "IMPACT" },
  };
  g_autoptr(GString) out = g_string_new (NULL);

  /* The sheet has one summary cell: the case's own summary, then the deck's
   * PROBLEM / SOLUTION / IMPACT under the slides' own headings, so the facts and
   * numbers a participant remembers reach the sheet. */
  if (!fw_text_is_blank (fw_case_get_text (item, FW_CASE_SUMMARY)))
    g_string_append (out, fw_case_get_text (item, FW_CASE_SUMMARY));
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *text = fw_case_get_text (item, parts[i].text);

      if (fw_text_is_blank (text))
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%s: %s", parts[i].label, text);
    }
  return ws_cell_text (out->str);
}

static gboolean
case_is_carried (FwCase *item)
{
  g_autofree char *summary = case_summary_text (item);

  if (!fw_text_is_blank (fw_case_get_name (item)) || *summary != '\0' ||
      !fw_text_is_blank (fw_case_get_text (item, FW_CASE_LINK)))
    return TRUE;
  for (FwStage s = 0; s < FW_N_STAGES; s++)
    if (!fw_text_is_blank (fw_case_get_why (item, s)))
      return TRUE;
  return FALSE;
}

static const FwIdeaText idea_sheet_texts[] = {
  FW_IDEA_CUSTOMER, FW_IDEA_IMPORTANCE_REASON, FW_IDEA_URGENCY_REASON,
  FW_IDEA_EVENT_STORMING_URL, FW_IDEA_NOTES,
};

static gboolean
idea_is_carried (FwIdea *idea)
{
  for (guint i = 0; i < G_N_ELEMENTS (idea_sheet_texts); i++)
    if (!fw_text_is_blank (fw_idea_get_text (idea, idea_sheet_texts[i])))
      return TRUE;
  return fw_idea_get_priority (idea, FW_PRIORITY_IMPORTANCE) != FW_LEVEL_UNSET ||
         fw_idea_get_priority (idea, FW_PRIORITY_URGENCY) != FW_LEVEL_UNSET;
}

static char **
row_new (void)
{
  char **row = g_new0 (char *, FW_WORKSHEET_N_COLUMNS + 1);

  for (guint c = 0; c < FW_WORKSHEET_N_COLUMNS; c++)
    row[c] = g_strdup ("");
  return row;
}

static void
row_set (char       **row,
         guint        col,
         char        *text)  /* owned */
{
  g_free (row[col]);
  row[col] = text;
}

/* A workbook of one idea or case, as the file format writes it: the data cell
 * that gives back everything the sheet's columns cannot hold. */
static char *
data_text (FwWorkbook *wb,
           FwCase     *item,
           FwIdea     *idea)
{
  g_autoptr(FwWorkbook) one = fw_workbook_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *json = NULL;
  gsize len;
  const char *data;

  /* Whose it is: a workbook imported from the sheet is then a copy of this one,
   * and its members' assessments can be collected or merged back. */
  if (wb && fw_workbook_has_identity (wb))
    {
      g_autofree char *identity = fw_workbook_dup_identity (wb);

      fw_workbook_set_id (one, identity);
    }
  if (item != NULL)
    {
      g_autoptr(FwCase) copy = fw_case_copy (item);
      fw_workbook_append_case (one, copy);
    }
  if (idea != NULL)
    {
      g_autoptr(FwIdea) copy = fw_idea_copy (idea);
      GListModel *assessments = fw_idea_get_assessments (idea);

      /* The members whose assessments it holds come along, or the cell would
       * not load (an assessment names a member of the workbook). */
      for (guint i = 0; wb && i < g_list_model_get_n_items (assessments); i++)
        {
          g_autoptr(FwMemberAssessment) a = g_list_model_get_item (assessments, i);
          const char *id = fw_member_assessment_get_member_id (a);
          FwMember *member = fw_workbook_find_member (wb, id, NULL);

          if (member && fw_workbook_find_member (one, id, NULL) == NULL)
            {
              g_autoptr(FwMember) copy_member = fw_member_copy (member);
              fw_workbook_append_member (one, copy_member);
            }
        }
      fw_workbook_append_idea (one, copy);
    }
  bytes = fw_workbook_to_bytes (one);
  data = g_bytes_get_data (bytes, &len);
  json = g_strndup (data, len);
  return ws_cell_text (json);
}

/* The decision as the 備考 cell's last line. The sheet is the workshop's Japanese
 * one, so the line is Japanese whatever the interface's language, and the import
 * finds the same line to take off again. */
char *
ws_decision_line (FwIdea *idea)
{
  g_autoptr(FwI18nScope) scope = fw_i18n_scope_push ("ja");

  return fw_portfolio_format_decision (idea);
}

/* What the export writes under @f for @item: the one definition the import
 * compares a cell with, to tell a value edited in the spreadsheet. */
char *
ws_case_cell (FwCase *item,
              Field   f)
{
  switch ((int) f)
    {
    case F_CASE_NAME: return ws_cell_text (fw_case_get_name (item));
    case F_CASE_SUMMARY: return case_summary_text (item);
    case F_CASE_LINK: return ws_cell_text (fw_case_get_text (item, FW_CASE_LINK));
    case F_WHY_CX: case F_WHY_TRAFFIC: case F_WHY_DATA: case F_WHY_MODEL:
      return ws_cell_text (fw_case_get_why (item, f - F_WHY_CX));
    case F_FW_CASE_DATA: return data_text (NULL, item, NULL);
    default: return g_strdup ("");
    }
}

char *
ws_idea_cell (FwIdea *idea,
              Field   f)
{
  for (guint i = 0; i < G_N_ELEMENTS (flywheel_text_fields); i++)
    if (flywheel_text_fields[i].field == f)
      return ws_cell_text (fw_idea_get_text (idea, flywheel_text_fields[i].text));
  switch ((int) f)
    {
    case F_CUSTOMER: return ws_cell_text (fw_idea_get_text (idea, FW_IDEA_CUSTOMER));
    case F_IMPORTANCE:
      return g_strdup (fw_level_symbol (fw_idea_get_priority (idea, FW_PRIORITY_IMPORTANCE)));
    case F_IMPORTANCE_REASON: return ws_cell_text (fw_idea_get_text (idea, FW_IDEA_IMPORTANCE_REASON));
    case F_URGENCY:
      return g_strdup (fw_level_symbol (fw_idea_get_priority (idea, FW_PRIORITY_URGENCY)));
    case F_URGENCY_REASON: return ws_cell_text (fw_idea_get_text (idea, FW_IDEA_URGENCY_REASON));
    case F_EVENT_STORMING: return ws_cell_text (fw_idea_get_text (idea, FW_IDEA_EVENT_STORMING_URL));
    case F_NOTES:
      {
        /* An idea with nothing in the sheet's columns still gets a row, under its title. */
        const char *notes = idea_is_carried (idea) ? fw_idea_get_text (idea, FW_IDEA_NOTES)
                                                   : fw_idea_get_title (idea);
        g_autofree char *decision = ws_decision_line (idea);

        if (decision == NULL)
          return ws_cell_text (notes);
        if (fw_text_is_blank (notes))
          return ws_cell_text (decision);
        {
          g_autofree char *both = g_strconcat (notes, "\n", decision, NULL);

          return ws_cell_text (both);
        }
      }
    case F_FW_WHY_CX: case F_FW_WHY_TRAFFIC: case F_FW_WHY_DATA: case F_FW_WHY_MODEL:
      return ws_cell_text (fw_idea_get_why (idea, f - F_FW_WHY_CX));
    case F_FW_IDEA_DATA: return data_text (NULL, NULL, idea);
    default: return g_strdup ("");
    }
}

/* Where the export puts each field: columns A–P are the sheet's, Q on Flywheel's. */
static const Field export_columns[FW_WORKSHEET_N_COLUMNS] = {
  F_NO, F_PRODUCT, F_CASE_NAME, F_CASE_SUMMARY, F_CASE_LINK,
  F_WHY_CX, F_WHY_TRAFFIC, F_WHY_DATA, F_WHY_MODEL,
  F_CUSTOMER, F_IMPORTANCE, F_IMPORTANCE_REASON, F_URGENCY, F_URGENCY_REASON,
  F_EVENT_STORMING, F_NOTES,
  F_FW_TITLE, F_FW_AS_A, F_FW_I_WANT, F_FW_SO_THAT, F_FW_INPUT, F_FW_OUTPUT,
  F_FW_WHY_CX, F_FW_WHY_TRAFFIC, F_FW_WHY_DATA, F_FW_WHY_MODEL, F_FW_IDEA_DATA, F_FW_CASE_DATA,
};

static char **
data_row (FwWorkbook *wb,
          guint       number,
          FwCase     *item,
          FwIdea     *idea)
{
  char **row = row_new ();

  row_set (row, 0, g_strdup_printf ("%u", number));
  row_set (row, 1, ws_cell_text (fw_workbook_get_text (wb, FW_WORKBOOK_PRODUCT)));
  for (guint c = 2; c < FW_WORKSHEET_N_COLUMNS; c++)
    {
      Field f = export_columns[c];

      if (item != NULL && IS_CASE_FIELD (f))
        row_set (row, c, ws_case_cell (item, f));
      else if (idea != NULL && f == F_FW_IDEA_DATA)
        row_set (row, c, data_text (wb, NULL, idea));
      else if (idea != NULL && IS_IDEA_FIELD (f))
        row_set (row, c, ws_idea_cell (idea, f));
    }
  return row;
}

GPtrArray *
fw_worksheet_layout_rows (FwWorkbook  *wb,
                          GPtrArray  **row_cases,
                          GPtrArray  **row_ideas)
{
  GPtrArray *rows;
  g_autoptr(GPtrArray) cases = g_ptr_array_new ();
  g_autoptr(GPtrArray) ideas = g_ptr_array_new ();
  g_autoptr(GHashTable) referenced = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  const char *title;
  guint n_cases, n_ideas, number = 0;
  char **row;

  g_return_val_if_fail (FW_IS_WORKBOOK (wb), NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  /* The sheet's header rows, as the workshop template has them. */
  title = fw_workbook_get_title (wb);
  row = row_new ();
  row_set (row, 0, ws_cell_text (fw_text_is_blank (title) ? SHEET_TITLE : title));
  g_ptr_array_add (rows, row);
  g_ptr_array_add (rows, row_new ());
  for (guint i = 0; i < G_N_ELEMENTS (sheet_preamble); i++)
    {
      row = row_new ();
      row_set (row, 0, g_strdup (sheet_preamble[i]));
      g_ptr_array_add (rows, row);
      g_ptr_array_add (rows, row_new ());
    }
  row = row_new ();
  for (guint c = 0; c < FW_WORKSHEET_N_COLUMNS; c++)
    row_set (row, c, g_strdup (sheet_sections[c]));
  g_ptr_array_add (rows, row);
  row = row_new ();
  for (guint c = 0; c < FW_WORKSHEET_N_COLUMNS; c++)
    row_set (row, c, g_strdup (sheet_headings[c]));
  g_ptr_array_add (rows, row);
  g_assert (rows->len == FW_WORKSHEET_N_HEADER_ROWS);
  for (guint i = 0; i < rows->len; i++)
    {
      g_ptr_array_add (cases, NULL);
      g_ptr_array_add (ideas, NULL);
    }

  /* One row per case/idea pair, idea by idea, the cases in the order the idea
   * lists them; then the cases no idea follows. This order is what an import
   * rebuilds, which keeps export → import → export byte-identical. */
  n_cases = fw_workbook_get_n_cases (wb);
  for (guint i = 0; i < n_cases; i++)
    {
      FwCase *item = fw_workbook_get_case (wb, i);

      if (!g_hash_table_contains (by_id, fw_case_get_id (item)))
        g_hash_table_insert (by_id, (gpointer) fw_case_get_id (item), item);
    }

  n_ideas = fw_workbook_get_n_ideas (wb);
  for (guint i = 0; i < n_ideas; i++)
    {
      FwIdea *idea = fw_workbook_get_idea (wb, i);
      const char * const *ids = fw_idea_get_case_ids (idea);
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
      gboolean any = FALSE;

      if (!idea_is_carried (idea) && fw_text_is_blank (fw_idea_get_title (idea)))
        continue;
      for (guint k = 0; ids && ids[k]; k++)
        {
          FwCase *item = g_hash_table_lookup (by_id, ids[k]);

          if (item == NULL || !case_is_carried (item) || g_hash_table_contains (seen, item))
            continue;
          g_hash_table_add (seen, item);
          g_hash_table_add (referenced, item);
          g_ptr_array_add (rows, data_row (wb, ++number, item, idea));
          g_ptr_array_add (cases, item);
          g_ptr_array_add (ideas, idea);
          any = TRUE;
        }
      if (!any)
        {
          g_ptr_array_add (rows, data_row (wb, ++number, NULL, idea));
          g_ptr_array_add (cases, NULL);
          g_ptr_array_add (ideas, idea);
        }
    }

  for (guint i = 0; i < n_cases; i++)
    {
      FwCase *item = fw_workbook_get_case (wb, i);

      if (g_hash_table_contains (referenced, item) || !case_is_carried (item))
        continue;
      g_ptr_array_add (rows, data_row (wb, ++number, item, NULL));
      g_ptr_array_add (cases, item);
      g_ptr_array_add (ideas, NULL);
    }

  if (row_cases)
    *row_cases = g_steal_pointer (&cases);
  if (row_ideas)
    *row_ideas = g_steal_pointer (&ideas);
  return rows;
}

static void
append_csv_cell (GString    *out,
                 const char *cell)
{
  if (strpbrk (cell, ",\"\n\r\t;") == NULL &&
      !(cell[0] == ' ' || (cell[0] && cell[strlen (cell) - 1] == ' ')))
    {
      g_string_append (out, cell);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = cell; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
fw_worksheet_file_path (const char *path,
                        gboolean    csv)
{
  const char *want = csv ? ".csv" : ".xlsx";
  const char *other = csv ? ".xlsx" : ".csv";
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, want))
    return g_strdup (path);
  if (g_str_has_suffix (lower, other))
    {
      g_autofree char *stem = g_strndup (path, strlen (path) - strlen (other));
      return g_strconcat (stem, want, NULL);
    }
  return g_strconcat (path, want, NULL);
}

guint
fw_worksheet_export_n_columns (FwWorksheetExportFlags flags)
{
  return (flags & FW_WORKSHEET_EXPORT_SHEET_ONLY) ? FW_WORKSHEET_N_SHEET_COLUMNS
                                                   : FW_WORKSHEET_N_COLUMNS;
}

GBytes *
fw_worksheet_export_csv (FwWorkbook            *wb,
                         FwWorksheetExportFlags flags)
{
  g_autoptr(GPtrArray) rows = NULL;
  guint n_columns = fw_worksheet_export_n_columns (flags);
  GString *out;

  g_return_val_if_fail (FW_IS_WORKBOOK (wb), NULL);

  rows = fw_worksheet_layout_rows (wb, NULL, NULL);
  /* Excel reads UTF-8 only when the file starts with a byte-order mark. */
  out = g_string_new ("\xef\xbb\xbf");
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; row[c] && c < n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          append_csv_cell (out, row[c]);
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free_to_bytes (out);
}
