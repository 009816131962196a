/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include "fw-gettext.h"

#include "fw-text-input.h"
#include "fw-workbook-io.h"
#include "fw-text.h"
#include "fw-worksheet.h"
#include "fw-worksheet-private.h"
#include "fw-xlsx-read.h"

/* Names in messages about a column. */
static const char *field_names[N_FIELDS] = {
  NC_("worksheet column", "No"), N_("target product"), N_("PoC priority"),
  N_("case name"), N_("case summary"), N_("case link"),
  N_("why ①"), N_("why ②"), N_("why ③"), N_("why ④"),
  N_("customer definition"), N_("importance"), N_("importance reason"),
  N_("urgency"), N_("urgency reason"), N_("winning pattern (Event Storming URL)"),
  N_("notes"), N_("problem"), N_("background"), N_("solution"),
  N_("ML applicability"), N_("ML use case"), N_("ML value"), N_("ML value reason"),
  N_("concerns"), N_("blockers"),
  N_("Flywheel: title"), N_("Flywheel: as a"), N_("Flywheel: I want"), N_("Flywheel: so that"),
  N_("Flywheel: input data"), N_("Flywheel: output data"), N_("Flywheel: why ①"),
  N_("Flywheel: why ②"), N_("Flywheel: why ③"), N_("Flywheel: why ④"),
  N_("Flywheel: idea data"), N_("Flywheel: case data"),
};

/* ------------------------------------------------------------------ import */

typedef struct
{
  FwWorkbook       *wb;
  FwImportReport   *report;
  Header           *header;
  GPtrArray        *cases;        /* FwCase */
  GPtrArray        *ideas;        /* FwIdea */
  GHashTable       *case_by_key;  /* key → FwCase (borrowed) */
  FwIdea           *prev_idea;    /* the previous row's idea, to merge repeated rows */
  char             *prev_key;
  const char       *name;         /* the sheet, in messages */
  char             *data_id;      /* the workbook the data cells came from, if one */
  gboolean          data_ids_differ;
} Import;

static char *
join_fields (const char * const *values,
             Field               first,
             Field               last)
{
  GString *key = g_string_new (NULL);

  for (Field f = first; f <= last; f++)
    {
      /* Marks are in the key as the values they mean ("High" is "高"). */
      if (f == F_IMPORTANCE || f == F_URGENCY || f == F_ML_VALUE || f == F_APPLICABILITY)
        continue;
      g_string_append (key, fw_text_is_blank (values[f]) ? "" : values[f]);
      g_string_append_c (key, '\x1f');
    }
  return g_string_free (key, FALSE);
}

static const char *
value_or_empty (const char * const *values,
                Field               f)
{
  return fw_text_is_blank (values[f]) ? "" : values[f];
}

/* What the export writes in a cell: defined with the export, below. */

/* The data cell of a row (Flywheel's export wrote a workbook of one case or
 * idea there): loaded with the workbook loader's own checks, or NULL with a
 * note when the cell is empty or was damaged. */
static FwWorkbook *
row_data (Import             *im,
          const char * const *values,
          Field               f,
          guint               row_number)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  g_autofree char *letters = NULL;
  FwWorkbook *data;

  if (fw_text_is_blank (values[f]))
    return NULL;
  letters = ws_column_letters (im->header->col_of_field[f]);
  /* TRANSLATORS: where a message about a damaged cell points: row and column */
  where = g_strdup_printf (_("row %u, column %s"), row_number, letters);
  data = fw_workbook_load_from_data (values[f], strlen (values[f]), where, &error);
  if (data != NULL && fw_workbook_get_id (data) != NULL)
    {
      if (im->data_id == NULL)
        im->data_id = g_strdup (fw_workbook_get_id (data));
      else if (!g_str_equal (im->data_id, fw_workbook_get_id (data)))
        im->data_ids_differ = TRUE;
    }
  if (data == NULL)
    {
      g_ptr_array_add (im->report->notes,
                       g_strdup_printf (_("%s: Flywheel’s data could not be read, so this row "
                                          "was read from the sheet’s columns only"),
                                        error->message));
      return NULL;
    }
  return data;
}

/* Only the cells edited in the spreadsheet change what the data cell holds:
 * a cell is edited when it differs from what the export writes for the data. */
static gboolean
cell_edited (Import             *im,
             const char * const *values,
             Field               f,
             const char         *exported)
{
  g_autofree char *cell = NULL;

  if (im->header->col_of_field[f] < 0)
    return FALSE;  /* the column was removed: nothing to read */
  cell = ws_cell_text (values[f]);
  return !g_str_equal (cell, exported);
}

static FwCase *
case_from_data (Import             *im,
                const char * const *values,
                FwCase             *data)
{
  FwCase *item = fw_case_copy (data);
  char *exported[N_FIELDS] = { NULL };

  for (Field f = F_CASE_NAME; f <= F_WHY_MODEL; f++)
    exported[f] = ws_case_cell (item, f);
  for (Field f = F_CASE_NAME; f <= F_WHY_MODEL; f++)
    {
      if (cell_edited (im, values, f, exported[f]))
        {
          const char *text = value_or_empty (values, f);

          if (f == F_CASE_NAME)
            fw_case_set_text (item, FW_CASE_NAME, text);
          else if (f == F_CASE_SUMMARY)
            fw_case_set_text (item, FW_CASE_SUMMARY, text);
          else if (f == F_CASE_LINK)
            fw_case_set_text (item, FW_CASE_LINK, text);
          else
            fw_case_set_why (item, f - F_WHY_CX, text);
        }
      g_free (exported[f]);
    }
  return item;
}

static FwCase *
case_from_row (Import             *im,
               const char * const *values,
               guint               row_number)
{
  g_autofree char *fields = join_fields (values, F_CASE_NAME, F_WHY_MODEL);
  g_autofree char *key = g_strconcat (fields, value_or_empty (values, F_FW_CASE_DATA), NULL);
  g_autofree char *id = NULL;
  g_autofree char *task_text = NULL;
  g_autoptr(FwWorkbook) data = NULL;
  FwCase *item = g_hash_table_lookup (im->case_by_key, key);

  if (item != NULL)
    return item;

  data = row_data (im, values, F_FW_CASE_DATA, row_number);
  if (data != NULL && fw_workbook_get_n_cases (data) == 1)
    item = case_from_data (im, values, fw_workbook_get_case (data, 0));
  else
    {
      item = fw_case_new ();
      id = ws_derived_id ("case", im->cases->len, key);
      fw_case_set_text (item, FW_CASE_ID, id);
      fw_case_set_text (item, FW_CASE_NAME, value_or_empty (values, F_CASE_NAME));
      fw_case_set_text (item, FW_CASE_SUMMARY, value_or_empty (values, F_CASE_SUMMARY));
      fw_case_set_text (item, FW_CASE_LINK, value_or_empty (values, F_CASE_LINK));
      for (FwStage s = 0; s < FW_N_STAGES; s++)
        fw_case_set_why (item, s, value_or_empty (values, F_WHY_CX + s));
      task_text = g_strconcat (value_or_empty (values, F_CASE_NAME), "\n",
                               value_or_empty (values, F_CASE_SUMMARY), NULL);
      fw_case_set_task (item, ws_guess_task (task_text));
    }

  g_ptr_array_add (im->cases, item);
  g_hash_table_insert (im->case_by_key, g_steal_pointer (&key), item);
  return item;
}

static void
split_use_case (const char  *text,
                char       **input,
                char       **output)
{
  g_auto(GStrv) parts = g_strsplit (text, "→", -1);
  guint n = g_strv_length (parts);

  if (n == 3 && g_ascii_strcasecmp (g_strstrip (parts[1]), "ML") == 0)
    {
      *input = g_strdup (g_strstrip (parts[0]));
      *output = g_strdup (g_strstrip (parts[2]));
    }
  else if (n == 2)
    {
      *input = g_strdup (g_strstrip (parts[0]));
      *output = g_strdup (g_strstrip (parts[1]));
    }
  else
    {
      *input = g_strdup (text);
      *output = g_strdup ("");
    }
}

char *
fw_worksheet_use_case_text (FwIdea *idea)
{
  g_autofree char *input = NULL;
  g_autofree char *output = NULL;

  g_return_val_if_fail (FW_IS_IDEA (idea), NULL);

  input = ws_cell_text (fw_idea_get_text (idea, FW_IDEA_INPUT_DATA));
  output = ws_cell_text (fw_idea_get_text (idea, FW_IDEA_OUTPUT_DATA));
  if (*output == '\0')
    return g_steal_pointer (&input);
  return g_strdup_printf ("%s→ML→%s", input, output);
}

/* The idea's fields that the export writes, in the sheet's columns and in
 * Flywheel's readable ones; the data cell holds the rest. */
static const Field idea_cell_fields[] = {
  F_CUSTOMER, F_IMPORTANCE, F_IMPORTANCE_REASON, F_URGENCY, F_URGENCY_REASON,
  F_EVENT_STORMING, F_NOTES, F_FW_TITLE, F_FW_AS_A, F_FW_I_WANT, F_FW_SO_THAT, F_FW_INPUT,
  F_FW_OUTPUT, F_FW_WHY_CX, F_FW_WHY_TRAFFIC, F_FW_WHY_DATA, F_FW_WHY_MODEL,
};

static void
idea_set_field (FwIdea        *idea,
                Field          f,
                const char    *text,
                const FwLevel *levels)
{
  static const struct { Field field; FwIdeaText text; } sheet_texts[] = {
    { F_CUSTOMER, FW_IDEA_CUSTOMER }, { F_IMPORTANCE_REASON, FW_IDEA_IMPORTANCE_REASON },
    { F_URGENCY_REASON, FW_IDEA_URGENCY_REASON }, { F_EVENT_STORMING, FW_IDEA_EVENT_STORMING_URL },
    { F_NOTES, FW_IDEA_NOTES },
  };

  if (f == F_IMPORTANCE)
    fw_idea_set_priority (idea, FW_PRIORITY_IMPORTANCE, levels[FW_PRIORITY_IMPORTANCE]);
  else if (f == F_URGENCY)
    fw_idea_set_priority (idea, FW_PRIORITY_URGENCY, levels[FW_PRIORITY_URGENCY]);
  else if (f >= F_FW_WHY_CX && f <= F_FW_WHY_MODEL)
    fw_idea_set_why (idea, f - F_FW_WHY_CX, text);
  else if (f == F_NOTES)
    {
      /* The export ends the cell with the decision, which the file keeps elsewhere:
       * an edited note comes back without it. */
      g_autofree char *decision = ws_decision_line (idea);
      gsize len = strlen (text), dlen = decision ? strlen (decision) : 0;

      if (decision && len >= dlen && strcmp (text + len - dlen, decision) == 0)
        {
          g_autofree char *notes = g_strndup (text, len - dlen);
          gsize n = strlen (notes);

          while (n > 0 && (notes[n - 1] == '\n' || notes[n - 1] == '\r'))
            notes[--n] = '\0';
          fw_idea_set_text (idea, FW_IDEA_NOTES, notes);
          return;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (sheet_texts); i++)
    if (sheet_texts[i].field == f)
      fw_idea_set_text (idea, sheet_texts[i].text, text);
  for (guint i = 0; i < G_N_ELEMENTS (flywheel_text_fields); i++)
    if (flywheel_text_fields[i].field == f)
      fw_idea_set_text (idea, flywheel_text_fields[i].text, text);
}

static FwIdea *
idea_from_data (Import             *im,
                const char * const *values,
                const FwLevel      *levels,
                FwIdea             *data)
{
  FwIdea *idea = fw_idea_copy (data);
  char *exported[G_N_ELEMENTS (idea_cell_fields)];

  for (guint i = 0; i < G_N_ELEMENTS (idea_cell_fields); i++)
    exported[i] = ws_idea_cell (idea, idea_cell_fields[i]);
  for (guint i = 0; i < G_N_ELEMENTS (idea_cell_fields); i++)
    {
      if (cell_edited (im, values, idea_cell_fields[i], exported[i]))
        idea_set_field (idea, idea_cell_fields[i], value_or_empty (values, idea_cell_fields[i]),
                        levels);
      g_free (exported[i]);
    }
  g_ptr_array_add (im->ideas, idea);
  return idea;
}

static FwIdea *
idea_from_row (Import             *im,
               const char * const *values,
               const FwLevel      *levels,
               FwApplicability     applicability,
               FwCase             *row_case,
               const char         *key,
               guint               row_number)
{
  static const struct { Field field; FwIdeaText text; } texts[] = {
    { F_CUSTOMER, FW_IDEA_CUSTOMER },
    { F_IMPORTANCE_REASON, FW_IDEA_IMPORTANCE_REASON },
    { F_URGENCY_REASON, FW_IDEA_URGENCY_REASON },
    { F_ML_VALUE_REASON, FW_IDEA_ML_VALUE_REASON },
    { F_EVENT_STORMING, FW_IDEA_EVENT_STORMING_URL },
    { F_NOTES, FW_IDEA_NOTES },
    { F_BACKGROUND, FW_IDEA_SO_THAT },
    { F_SOLUTION, FW_IDEA_I_WANT },
    { F_CONCERNS, FW_IDEA_CONCERNS },
    { F_BLOCKERS, FW_IDEA_BLOCKERS },
  };
  g_autoptr(FwWorkbook) data = row_data (im, values, F_FW_IDEA_DATA, row_number);
  FwIdea *idea;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;

  /* The members whose assessments the idea holds join the imported team. */
  for (guint i = 0; data != NULL && i < fw_workbook_get_n_members (data); i++)
    {
      FwMember *member = fw_workbook_get_member (data, i);

      if (fw_workbook_find_member (im->wb, fw_member_get_id (member), NULL) == NULL)
        {
          g_autoptr(FwMember) copy = fw_member_copy (member);
          fw_workbook_append_member (im->wb, copy);
        }
    }
  if (data != NULL && fw_workbook_get_n_ideas (data) == 1)
    return idea_from_data (im, values, levels, fw_workbook_get_idea (data, 0));

  idea = fw_idea_new ();
  id = ws_derived_id ("idea", im->ideas->len, key);
  fw_idea_set_text (idea, FW_IDEA_ID, id);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    fw_idea_set_text (idea, texts[i].text, value_or_empty (values, texts[i].field));
  for (FwPriority p = 0; p < FW_N_PRIORITIES; p++)
    fw_idea_set_priority (idea, p, levels[p]);
  fw_idea_set_applicability (idea, applicability);

  if (!fw_text_is_blank (values[F_USE_CASE]))
    {
      g_autofree char *input = NULL;
      g_autofree char *output = NULL;

      split_use_case (values[F_USE_CASE], &input, &output);
      fw_idea_set_text (idea, FW_IDEA_INPUT_DATA, input);
      fw_idea_set_text (idea, FW_IDEA_OUTPUT_DATA, output);
      fw_idea_set_task (idea, ws_guess_task (values[F_USE_CASE]));
    }

  /* The 2023 layout has no title column: name the idea after what it applies. */
  if (!fw_text_is_blank (values[F_PROBLEM]))
    title = ws_first_line (values[F_PROBLEM]);
  else if (row_case != NULL && !fw_text_is_blank (fw_case_get_name (row_case)))
    title = ws_first_line (fw_case_get_name (row_case));
  else if (!fw_text_is_blank (values[F_CUSTOMER]))
    title = ws_first_line (values[F_CUSTOMER]);
  else
    title = ws_first_line (value_or_empty (values, F_NOTES));
  fw_idea_set_title (idea, title);

  /* Flywheel's readable columns, when its data column is gone or damaged. */
  for (guint i = 0; i < G_N_ELEMENTS (idea_cell_fields); i++)
    if (IS_FLYWHEEL_FIELD (idea_cell_fields[i]) && !fw_text_is_blank (values[idea_cell_fields[i]]))
      idea_set_field (idea, idea_cell_fields[i], values[idea_cell_fields[i]], levels);

  g_ptr_array_add (im->ideas, idea);
  return idea;
}

static void
idea_add_case (FwIdea *idea,
               FwCase *item)
{
  const char * const *ids = fw_idea_get_case_ids (idea);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) next = NULL;

  if (ids && g_strv_contains (ids, fw_case_get_id (item)))
    return;
  if (ids)
    g_strv_builder_addv (builder, (const char **) ids);
  g_strv_builder_add (builder, fw_case_get_id (item));
  next = g_strv_builder_end (builder);
  fw_idea_set_case_ids (idea, (const char * const *) next);
}

static gboolean
idea_has_case (FwIdea *idea,
               FwCase *item)
{
  const char * const *ids = fw_idea_get_case_ids (idea);

  return ids && g_strv_contains (ids, fw_case_get_id (item));
}

static gboolean
is_number (const char *s)
{
  g_autofree char *t = g_strstrip (g_strdup (s));

  if (*t == '\0')
    return FALSE;
  for (const char *p = t; *p; p++)
    if (!g_ascii_isdigit (*p) && *p != '.' && *p != '-')
      return FALSE;
  return TRUE;
}

static void
import_row (Import    *im,
            GPtrArray *record,
            guint      row_number)
{
  const char *values[N_FIELDS] = { NULL };
  g_autoptr(GString) unread = g_string_new (NULL);
  gboolean has_case = FALSE, has_idea = FALSE;
  FwLevel levels[FW_N_PRIORITIES];
  static const Field level_fields[FW_N_PRIORITIES] = { F_IMPORTANCE, F_URGENCY, F_ML_VALUE };
  FwApplicability applicability = FW_APPLICABILITY_UNKNOWN;
  FwCase *row_case = NULL;
  g_autofree char *key = NULL;
  FwIdea *prev = g_steal_pointer (&im->prev_idea);
  g_autofree char *prev_key = g_steal_pointer (&im->prev_key);

  for (guint c = 0; c < record->len; c++)
    {
      const char *cell = g_ptr_array_index (record, c);
      int field = c < im->header->width ? im->header->field_of_col[c] : -1;

      if (fw_text_is_blank (cell))
        continue;
      if (field < 0)
        {
          /* Row numbers and formulas' results in an unnamed column carry nothing. */
          if (!is_number (cell))
            {
              g_autofree char *letters = ws_column_letters (c);

              if (unread->len > 0)
                g_string_append (unread, ", ");
              g_string_append (unread, letters);
            }
          continue;
        }
      values[field] = cell;
      if (IS_CASE_FIELD (field))
        has_case = TRUE;
      else if (IS_IDEA_FIELD (field))
        has_idea = TRUE;
    }

  if (!has_case && !has_idea)
    {
      if (unread->len > 0)
        {
          im->report->n_skipped++;
          /* TRANSLATORS: %s lists column letters, e.g. "Q, R" */
          g_ptr_array_add (im->report->skipped,
                           g_strdup_printf (_("row %u has text only in columns without a "
                                              "heading Flywheel reads (%s)"),
                                            row_number, unread->str));
        }
      return;
    }

  for (FwPriority p = 0; p < FW_N_PRIORITIES; p++)
    if (!ws_parse_level (values[level_fields[p]], &levels[p]))
      {
        g_autofree char *value = ws_first_line (values[level_fields[p]]);

        im->report->n_skipped++;
        /* TRANSLATORS: row 14 has “very” under importance; … */
        g_ptr_array_add (im->report->skipped,
                         g_strdup_printf (_("row %u has “%s” under %s; expected 高, 中 or 低 "
                                            "(High, Medium, Low)"),
                                          row_number, value, _(field_names[level_fields[p]])));
        return;
      }
  if (!ws_parse_applicability (values[F_APPLICABILITY], &applicability))
    {
      g_autofree char *value = ws_first_line (values[F_APPLICABILITY]);

      im->report->n_skipped++;
      g_ptr_array_add (im->report->skipped,
                       g_strdup_printf (_("row %u has “%s” under %s; expected 〇, × or △"),
                                        row_number, value, _(field_names[F_APPLICABILITY])));
      return;
    }
  if (unread->len > 0)
    g_ptr_array_add (im->report->notes,
                     g_strdup_printf (_("row %u: the text in columns without a heading "
                                        "Flywheel reads (%s) was left out"),
                                      row_number, unread->str));

  if (!fw_text_is_blank (values[F_PRODUCT]) &&
      fw_text_is_blank (fw_workbook_get_text (im->wb, FW_WORKBOOK_PRODUCT)))
    fw_workbook_set_text (im->wb, FW_WORKBOOK_PRODUCT, values[F_PRODUCT]);

  if (has_case)
    row_case = case_from_row (im, values, row_number);
  if (!has_idea)
    return;

  {
    g_autoptr(GString) k = g_string_new (NULL);
    g_autofree char *texts = join_fields (values, F_CUSTOMER, F_FW_IDEA_DATA);

    for (FwPriority p = 0; p < FW_N_PRIORITIES; p++)
      g_string_append_printf (k, "%d\x1f", levels[p]);
    g_string_append_printf (k, "%d\x1f%s", applicability, texts);
    key = g_string_free (g_steal_pointer (&k), FALSE);
  }

  /* An idea that follows several cases fills one row per case: the same
   * 応用編 cells under different 理解編 cells make one idea. */
  if (prev != NULL && row_case != NULL && g_strcmp0 (prev_key, key) == 0 &&
      (!fw_text_is_blank (values[F_FW_IDEA_DATA]) || !idea_has_case (prev, row_case)))
    {
      /* The data cell names the idea for certain: its rows always merge. */
      idea_add_case (prev, row_case);
      im->prev_idea = prev;
      im->prev_key = g_steal_pointer (&key);
      return;
    }

  im->prev_idea = idea_from_row (im, values, levels, applicability, row_case, key, row_number);
  if (row_case != NULL)
    idea_add_case (im->prev_idea, row_case);
  im->prev_key = g_steal_pointer (&key);
}

/* The sheet's title: the lone text of the first non-empty row above the header. */
static void
import_title (FwWorkbook *wb,
              GPtrArray  *records,
              int         header_row)
{
  for (int r = 0; r < header_row; r++)
    {
      GPtrArray *record = g_ptr_array_index (records, r);
      const char *text = NULL;
      guint n = 0;

      for (guint c = 0; c < record->len; c++)
        if (!fw_text_is_blank (g_ptr_array_index (record, c)))
          {
            text = g_ptr_array_index (record, c);
            n++;
          }
      if (n == 0)
        continue;
      /* The template's own title is no name for a workbook. */
      if (n == 1)
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (text));

          if (!g_str_equal (trimmed, SHEET_TITLE))
            fw_workbook_set_title (wb, text);
        }
      return;
    }
}

/* An .xlsx's first sheet as records; its refusals in the worksheet's domain. */
static GPtrArray *
xlsx_records (GBytes      *data,
              const char  *name,
              GError     **error)
{
  g_autoptr(GError) xlsx_error = NULL;
  GPtrArray *records;

  /* The one size limit of a sheet, whatever its format; the inflated parts of a
   * workbook may be larger than the file, but not without bound (a zip bomb). */
  if (!fw_text_input_check_size (g_bytes_get_size (data), FW_WORKSHEET_MAX_SIZE, name,
                                 &xlsx_error))
    {
      ws_set_text_input_error (error, xlsx_error);
      return NULL;
    }
  records = fw_xlsx_read_sheet (data, name, FW_WORKSHEET_MAX_UNPACKED, &xlsx_error);
  if (records == NULL)
    g_set_error_literal (error, FW_WORKSHEET_ERROR,
                         xlsx_error->code == FW_XLSX_READ_ERROR_TOO_LARGE
                         ? FW_WORKSHEET_ERROR_TOO_LARGE : FW_WORKSHEET_ERROR_XLSX,
                         xlsx_error->message);
  return records;
}

/* Text: each delimiter is tried, and the reading whose header is the best kept. */
static GPtrArray *
text_records (GBytes       *data,
              const char   *name,
              Header       *header,
              const char  **encoding,
              char         *delimiter,
              GError      **error)
{
  static const char delimiters[] = { ',', '\t', ';' };
  g_autofree char *text = NULL;
  g_autoptr(GError) text_error = NULL;
  g_autoptr(GPtrArray) records = NULL;

  text = fw_text_input_decode (data, name, FW_WORKSHEET_MAX_SIZE, encoding, &text_error);
  if (text == NULL)
    {
      ws_set_text_input_error (error, text_error);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    {
      g_autoptr(GPtrArray) candidate = NULL;
      g_autoptr(GError) local_error = NULL;
      Header h;

      candidate = fw_text_input_parse_csv (text, delimiters[i], name, &local_error);
      if (candidate == NULL)
        {
          if (i == 0)
            {
              ws_set_text_input_error (error, local_error);
              ws_header_clear (header);
              return NULL;
            }
          continue;
        }
      if (ws_find_header (candidate, &h) && h.score > header->score)
        {
          ws_header_clear (header);
          *header = h;
          *delimiter = delimiters[i];
          g_clear_pointer (&records, g_ptr_array_unref);
          records = g_steal_pointer (&candidate);
        }
      else
        ws_header_clear (&h);
    }
  /* No reading has a header: no rows, and header->row stays -1 for the caller's
   * refusal, the same for text and XLSX. */
  return records ? g_steal_pointer (&records) : g_ptr_array_new ();
}

FwWorkbook *
fw_worksheet_import (GBytes          *data,
                     const char      *name,
                     FwImportReport **report,
                     GError         **error)
{
  const char *encoding = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(FwWorkbook) wb = NULL;
  g_autoptr(FwImportReport) rep = NULL;
  Header header = { .row = -1 };
  char delimiter = ',';
  gboolean has_2022 = FALSE, has_2023 = FALSE;
  Import im = { 0 };

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (report == NULL || *report == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = _("the sheet");
  /* An Excel workbook is told from its bytes: a sheet saved as .csv by mistake
   * under an .xlsx name (or the reverse) is still read as what it is. */
  if (fw_xlsx_read_is_workbook (data))
    {
      records = xlsx_records (data, name, error);
      if (records == NULL)
        return NULL;
      encoding = "XLSX";
      delimiter = '\0';
      if (!ws_find_header (records, &header))
        ws_header_clear (&header);
    }
  else
    {
      records = text_records (data, name, &header, &encoding, &delimiter, error);
      if (records == NULL)
        return NULL;
    }
  if (header.row < 0)
    {
      g_set_error (error, FW_WORKSHEET_ERROR, FW_WORKSHEET_ERROR_NO_HEADER,
                   _("%s: no row has the worksheet’s column names (such as 事例の名前, "
                     "①自社の顧客の定義 or ターゲットユーザーの課題); is this an ML Usecase "
                     "Discovery Worksheet?"), name);
      return NULL;
    }

  /* Both layouts share the customer, importance and urgency columns; the cases
   * are the 2023 sheet's own. */
  for (guint f = 0; f < N_FIELDS; f++)
    if (header.col_of_field[f] >= 0)
      {
        if (IS_2022_FIELD (f))
          has_2022 = TRUE;
        else if (IS_CASE_FIELD (f))
          has_2023 = TRUE;
      }

  wb = fw_workbook_new ();
  rep = g_new0 (FwImportReport, 1);
  rep->skipped = g_ptr_array_new_with_free_func (g_free);
  rep->notes = g_ptr_array_new_with_free_func (g_free);
  rep->encoding = encoding;
  rep->delimiter = delimiter;
  rep->layout = has_2022 && !has_2023 ? FW_WORKSHEET_LAYOUT_2022 : FW_WORKSHEET_LAYOUT_2023;
  rep->header_row = header.row + 1;

  import_title (wb, records, header.row);

  im.wb = wb;
  im.name = name;
  im.report = rep;
  im.header = &header;
  im.cases = g_ptr_array_new_with_free_func (g_object_unref);
  im.ideas = g_ptr_array_new_with_free_func (g_object_unref);
  im.case_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = header.row + 1; r < records->len; r++)
    import_row (&im, g_ptr_array_index (records, r), r + 1);

  fw_workbook_splice (wb, (FwCase **) im.cases->pdata, im.cases->len,
                      (FwIdea **) im.ideas->pdata, im.ideas->len);
  /* A sheet Flywheel exported from one workbook gives back that workbook's id:
   * what is imported is a copy of it, to collect or merge. */
  if (im.data_id != NULL && !im.data_ids_differ)
    fw_workbook_set_id (wb, im.data_id);
  g_free (im.data_id);
  rep->n_cases = im.cases->len;
  rep->n_ideas = im.ideas->len;

  g_ptr_array_unref (im.cases);
  g_ptr_array_unref (im.ideas);
  g_hash_table_unref (im.case_by_key);
  g_free (im.prev_key);
  ws_header_clear (&header);

  if (report)
    *report = g_steal_pointer (&rep);
  return g_steal_pointer (&wb);
}
