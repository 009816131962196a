/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"
#include <string.h>

#include "fw-text-input.h"
#include "fw-workbook-io.h"
#include "fw-text.h"
#include "fw-worksheet.h"
#include "fw-worksheet-private.h"

G_DEFINE_QUARK (fw-worksheet-error-quark, fw_worksheet_error)


/* Ids are name-based UUIDs (version 5 layout) in a namespace of our own, so the
 * same sheet always gives the same ids. */
static const guint8 id_namespace[16] = {
  0x6b, 0x1f, 0x0e, 0x8a, 0x3c, 0x52, 0x4d, 0x1e, 0x9a, 0x77, 0x21, 0x5e, 0xc4, 0x09, 0xf3, 0x60,
};

void
fw_import_report_free (FwImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->skipped, g_ptr_array_unref);
  g_clear_pointer (&report->notes, g_ptr_array_unref);
  g_free (report);
}

char *
fw_import_report_summary (const FwImportReport *report)
{
  GString *out = g_string_new (NULL);
  g_autofree char *cases = NULL;
  g_autofree char *ideas = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  cases = g_strdup_printf (ngettext ("%u case", "%u cases", report->n_cases), report->n_cases);
  ideas = g_strdup_printf (ngettext ("%u idea", "%u ideas", report->n_ideas), report->n_ideas);
  /* TRANSLATORS: "3 cases and 2 ideas imported" */
  g_string_append_printf (out, _("%s and %s imported"), cases, ideas);

  if (report->n_skipped == 1)
    {
      /* TRANSLATORS: follows "3 cases and 2 ideas imported"; %s says why, e.g.
       * "row 14 has “very” under importance; …" */
      g_string_append_printf (out, _(", 1 row skipped: %s"),
                              (const char *) g_ptr_array_index (report->skipped, 0));
    }
  else if (report->n_skipped > 1)
    {
      g_string_append_printf (out, ngettext (", %u row skipped:", ", %u rows skipped:",
                                             report->n_skipped),
                              report->n_skipped);
      for (guint i = 0; i < report->skipped->len; i++)
        g_string_append_printf (out, "\n  %s",
                                (const char *) g_ptr_array_index (report->skipped, i));
    }
  for (guint i = 0; i < report->notes->len; i++)
    g_string_append_printf (out, "\n  %s", (const char *) g_ptr_array_index (report->notes, i));
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ text helpers */

/* For comparing headings and marks: NFKC (full-width to ASCII, ① to 1), no white
 * space at all (headings have line breaks in them), ASCII lower case. */
static char *
normalize (const char *s)
{
  g_autofree char *nfkc = g_utf8_normalize (s ? s : "", -1, G_NORMALIZE_ALL_COMPOSE);
  GString *out = g_string_new (NULL);

  for (const char *p = nfkc ? nfkc : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;
      if (c < 0x80)
        c = g_ascii_tolower (c);
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
ws_first_line (const char *s)
{
  const char *end;
  g_autofree char *line = NULL;

  while (s && *s && g_ascii_isspace (*s))
    s++;
  if (s == NULL || *s == '\0')
    return g_strdup ("");
  end = strchr (s, '\n');
  line = end ? g_strndup (s, end - s) : g_strdup (s);
  return g_strdup (g_strstrip (line));
}

/* Cells hold LF line breaks only, and a cell of white space is an empty cell:
 * both ways, so export → import → export cannot drift. */
char *
ws_cell_text (const char *s)
{
  GString *out;

  if (fw_text_is_blank (s))
    return g_strdup ("");
  out = g_string_sized_new (strlen (s));
  for (const char *p = s; *p; p++)
    {
      if (p[0] == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* A cell's mark as one of a table's values: @blank when the cell is empty, FALSE when
 * the mark is none of @marks. */
typedef struct
{
  const char *mark;
  int         value;
} Mark;

static gboolean
parse_mark (const char *text,
            const Mark *marks,
            guint       n_marks,
            int         blank,
            int        *value)
{
  g_autofree char *norm = normalize (text);

  if (*norm == '\0')
    {
      *value = blank;
      return TRUE;
    }
  for (guint i = 0; i < n_marks; i++)
    if (g_str_equal (norm, marks[i].mark))
      {
        *value = marks[i].value;
        return TRUE;
      }
  return FALSE;
}

gboolean
ws_parse_level (const char *text,
                FwLevel    *level)
{
  static const Mark marks[] = {
    { "高", FW_LEVEL_HIGH }, { "high", FW_LEVEL_HIGH }, { "h", FW_LEVEL_HIGH },
    { "中", FW_LEVEL_MEDIUM }, { "medium", FW_LEVEL_MEDIUM }, { "m", FW_LEVEL_MEDIUM },
    { "mid", FW_LEVEL_MEDIUM }, { "med", FW_LEVEL_MEDIUM },
    { "低", FW_LEVEL_LOW }, { "low", FW_LEVEL_LOW }, { "l", FW_LEVEL_LOW },
  };
  int value;

  if (!parse_mark (text, marks, G_N_ELEMENTS (marks), FW_LEVEL_UNSET, &value))
    return FALSE;
  *level = value;
  return TRUE;
}

gboolean
ws_parse_applicability (const char      *text,
                        FwApplicability *value)
{
  /* Spreadsheets offer several look-alike circles and crosses. */
  static const Mark marks[] = {
    { "〇", FW_APPLICABILITY_YES }, { "○", FW_APPLICABILITY_YES }, { "◯", FW_APPLICABILITY_YES },
    { "o", FW_APPLICABILITY_YES }, { "yes", FW_APPLICABILITY_YES }, { "y", FW_APPLICABILITY_YES },
    { "×", FW_APPLICABILITY_NO }, { "✕", FW_APPLICABILITY_NO }, { "x", FW_APPLICABILITY_NO },
    { "no", FW_APPLICABILITY_NO }, { "n", FW_APPLICABILITY_NO },
    { "△", FW_APPLICABILITY_MAYBE }, { "▲", FW_APPLICABILITY_MAYBE },
    { "maybe", FW_APPLICABILITY_MAYBE }, { "?", FW_APPLICABILITY_MAYBE },
  };
  int mark;

  if (!parse_mark (text, marks, G_N_ELEMENTS (marks), FW_APPLICABILITY_UNKNOWN, &mark))
    return FALSE;
  *value = mark;
  return TRUE;
}

/* A sheet has no column for the ML task; a text that names exactly one task
 * ("…経費を自動的に「分類」") says which. */
FwTask
ws_guess_task (const char *text)
{
  static const struct { FwTask task; const char *ja; const char *en; } words[] = {
    { FW_TASK_REGRESSION, "回帰", "regression" },
    { FW_TASK_CLASSIFICATION, "分類", "classif" },
    { FW_TASK_CLUSTERING, "クラスタリング", "clustering" },
    { FW_TASK_ANOMALY_DETECTION, "異常検知", "anomaly" },
    { FW_TASK_RANKING, "ランキング", "ranking" },
    { FW_TASK_RECOMMENDATION, "レコメンド", "recommend" },
  };
  g_autofree char *lower = g_ascii_strdown (text ? text : "", -1);
  FwTask found = FW_TASK_UNDECIDED;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (lower, words[i].ja) || strstr (lower, words[i].en))
      {
        if (found != FW_TASK_UNDECIDED)
          return FW_TASK_UNDECIDED;
        found = words[i].task;
      }
  return found;
}

char *
ws_derived_id (const char *kind,
               guint       ordinal,
               const char *key)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);
  g_autofree char *name = g_strdup_printf ("%s:%u:%s", kind, ordinal, key);
  guint8 d[20];
  gsize len = sizeof d;

  g_checksum_update (sum, id_namespace, sizeof id_namespace);
  g_checksum_update (sum, (const guchar *) name, -1);
  g_checksum_get_digest (sum, d, &len);
  d[6] = (d[6] & 0x0f) | 0x50;
  d[8] = (d[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9],
                          d[10], d[11], d[12], d[13], d[14], d[15]);
}

char *
ws_column_letters (guint col)
{
  char buf[8];
  int i = G_N_ELEMENTS (buf) - 1;

  buf[i] = '\0';
  col++;
  while (col > 0 && i > 0)
    {
      buf[--i] = 'A' + (col - 1) % 26;
      col = (col - 1) / 26;
    }
  return g_strdup (buf + i);
}

/* ------------------------------------------------------------------ decoding */

/* The text input module's refusal, in the worksheet's error domain. */
void
ws_set_text_input_error (GError       **error,
                         const GError  *text_error)
{
  static const FwWorksheetError codes[] = {
    [FW_TEXT_INPUT_ERROR_TOO_LARGE] = FW_WORKSHEET_ERROR_TOO_LARGE,
    [FW_TEXT_INPUT_ERROR_BINARY] = FW_WORKSHEET_ERROR_BINARY,
    [FW_TEXT_INPUT_ERROR_ENCODING] = FW_WORKSHEET_ERROR_ENCODING,
    [FW_TEXT_INPUT_ERROR_SYNTAX] = FW_WORKSHEET_ERROR_SYNTAX,
  };

  g_assert (text_error->domain == FW_TEXT_INPUT_ERROR &&
            (guint) text_error->code < G_N_ELEMENTS (codes));
  g_set_error_literal (error, FW_WORKSHEET_ERROR, codes[text_error->code], text_error->message);
}

/* ------------------------------------------------------------------ rows */

static const char *
record_cell (GPtrArray *records,
             int        row,
             guint      col)
{
  GPtrArray *record;

  if (row < 0 || (guint) row >= records->len)
    return "";
  record = g_ptr_array_index (records, row);
  return col < record->len ? g_ptr_array_index (record, col) : "";
}

static guint
record_width (GPtrArray *records,
              int        row)
{
  if (row < 0 || (guint) row >= records->len)
    return 0;
  return ((GPtrArray *) g_ptr_array_index (records, row))->len;
}

/* ------------------------------------------------------------------ the header */

void
ws_header_clear (Header *h)
{
  g_clear_pointer (&h->field_of_col, g_free);
}

static const char *
normalized_key (guint i)
{
  static char *keys[G_N_ELEMENTS (heading_keys)];

  if (g_once_init_enter (&keys[0]))
    {
      for (guint k = 1; k < G_N_ELEMENTS (heading_keys); k++)
        keys[k] = normalize (heading_keys[k].key);
      g_once_init_leave (&keys[0], normalize (heading_keys[0].key));
    }
  return keys[i];
}

static int
match_heading (const char *label)
{
  g_autofree char *norm = normalize (label);

  if (*norm == '\0')
    return -1;
  if (g_str_equal (norm, "no") || g_str_equal (norm, "no.") || g_str_equal (norm, "#") ||
      g_str_equal (norm, "番号"))
    return F_NO;
  for (guint i = 0; i < G_N_ELEMENTS (heading_keys); i++)
    if (strstr (norm, normalized_key (i)) != NULL)
      return heading_keys[i].field;
  return -1;
}

/* A two-row header leaves the first row's merged cells (No, 対象プロダクト, 備考)
 * empty in the second row, and the 2022 sheet puts two headings a row higher
 * still: an empty heading cell takes the text up to two rows above it. */
static void
match_header_at (GPtrArray *records,
                 int        row,
                 Header    *h)
{
  guint width = MAX (record_width (records, row),
                     MAX (record_width (records, row - 1), record_width (records, row - 2)));
  gboolean content = FALSE;

  h->row = row;
  h->score = 0;
  h->width = width;
  h->field_of_col = g_new (int, MAX (width, 1));
  for (guint f = 0; f < N_FIELDS; f++)
    h->col_of_field[f] = -1;

  for (guint c = 0; c < width; c++)
    {
      const char *label = record_cell (records, row, c);
      int field;

      for (int up = 1; up <= 2 && fw_text_is_blank (label); up++)
        label = record_cell (records, row - up, c);
      field = match_heading (label);
      h->field_of_col[c] = -1;
      if (field < 0 || h->col_of_field[field] >= 0)
        continue;
      h->field_of_col[c] = field;
      h->col_of_field[field] = c;
      h->score++;
      if (field != F_NO && field != F_PRODUCT && field != F_NOTES && field != F_POC_PRIORITY)
        content = TRUE;
    }
  if (!content)
    h->score = 0;
}

gboolean
ws_find_header (GPtrArray *records,
                Header    *best)
{
  best->row = -1;
  best->score = 0;
  best->field_of_col = NULL;

  /* Headers sit near the top; looking further would only cost time on a big sheet. */
  for (guint r = 0; r < MIN (records->len, HEADER_SEARCH_ROWS); r++)
    {
      Header h;

      match_header_at (records, r, &h);
      if (h.score >= 3 && h.score > best->score)
        {
          ws_header_clear (best);
          *best = h;
        }
      else
        ws_header_clear (&h);
    }
  return best->row >= 0;
}
