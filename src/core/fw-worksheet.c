/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fw-worksheet.h"

G_DEFINE_QUARK (fw-worksheet-error-quark, fw_worksheet_error)

/* The columns Flywheel reads, from both the 2023 and the 2022 worksheet. */
typedef enum
{
  F_NO,
  F_PRODUCT,
  F_POC_PRIORITY,      /* 2022: computed by the sheet, never read back */
  /* 理解編: the case */
  F_CASE_NAME,
  F_CASE_SUMMARY,
  F_CASE_LINK,
  F_WHY_CX,
  F_WHY_TRAFFIC,
  F_WHY_DATA,
  F_WHY_MODEL,
  /* 応用編 (2023) and the 2022 columns: the idea */
  F_CUSTOMER,
  F_IMPORTANCE,
  F_IMPORTANCE_REASON,
  F_URGENCY,
  F_URGENCY_REASON,
  F_EVENT_STORMING,
  F_NOTES,
  F_PROBLEM,
  F_BACKGROUND,
  F_SOLUTION,
  F_APPLICABILITY,
  F_USE_CASE,
  F_ML_VALUE,
  F_ML_VALUE_REASON,
  F_CONCERNS,
  F_BLOCKERS,
  N_FIELDS
} Field;

#define FIRST_CASE_FIELD F_CASE_NAME
#define FIRST_IDEA_FIELD F_CUSTOMER
#define IS_CASE_FIELD(f) ((f) >= FIRST_CASE_FIELD && (f) < FIRST_IDEA_FIELD)
#define IS_IDEA_FIELD(f) ((f) >= FIRST_IDEA_FIELD)
#define IS_2022_FIELD(f) ((f) == F_POC_PRIORITY || (f) >= F_PROBLEM)

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
};

/* Heading fragments, matched after normalisation (NFKC, no white space, ASCII
 * lower case), most specific first: "重要度の理由" must win over "重要度". */
static const struct
{
  const char *key;
  Field       field;
} heading_keys[] = {
  { "重要度の理由", F_IMPORTANCE_REASON },
  { "緊急度の理由", F_URGENCY_REASON },
  { "MLの価値の理由", F_ML_VALUE_REASON },
  { "ターゲットユーザーの課題", F_PROBLEM },
  { "課題の背景", F_BACKGROUND },
  { "解決する手段", F_SOLUTION },
  { "MLの適用可能性", F_APPLICABILITY },
  { "MLのユースケース", F_USE_CASE },
  { "MLの価値", F_ML_VALUE },
  { "懸念事項", F_CONCERNS },
  { "阻害する要因", F_BLOCKERS },
  { "PoC優先度", F_POC_PRIORITY },
  { "ターゲットユーザー", F_CUSTOMER },
  { "顧客の定義", F_CUSTOMER },
  { "重要度", F_IMPORTANCE },
  { "緊急度", F_URGENCY },
  { "事例の名前", F_CASE_NAME },
  { "事例の概要", F_CASE_SUMMARY },
  { "事例のリンク", F_CASE_LINK },
  { "顧客体験が改善", F_WHY_CX },
  { "利用者が増える", F_WHY_TRAFFIC },
  { "データが増える", F_WHY_DATA },
  { "精度が向上", F_WHY_MODEL },
  { "勝ちパターンの成立", F_EVENT_STORMING },
  { "Event Storming", F_EVENT_STORMING },
  { "ボードへのリンク", F_EVENT_STORMING },
  { "備考", F_NOTES },
  { "対象プロダクト", F_PRODUCT },
  { "プロダクト名", F_PRODUCT },
  /* Headings of a sheet translated into English. */
  { "importance reason", F_IMPORTANCE_REASON },
  { "urgency reason", F_URGENCY_REASON },
  { "case name", F_CASE_NAME },
  { "case summary", F_CASE_SUMMARY },
  { "case link", F_CASE_LINK },
  { "customer definition", F_CUSTOMER },
  { "importance", F_IMPORTANCE },
  { "urgency", F_URGENCY },
  { "target product", F_PRODUCT },
};

/* The 2023 sheet's own texts: the layout participants know, so never translated. */
#define SHEET_TITLE "ML Usecase Discovery Worksheet"
static const char *sheet_preamble[] = {
  "目的: 「勝ちパターン」で解決できるビジネス課題を洗い出し、優先順位をつける",
  "↓↓①アイデアソンまでにML適用可能性が高い課題を1~3個記入↓↓",
};
static const char *sheet_sections[FW_WORKSHEET_N_COLUMNS] = {
  "No", "対象プロダクト", "理解編: 勝ちパターンのリストアップ", "", "", "", "", "", "",
  "応用編: 自社への応用", "", "", "", "", "", "備考",
};
static const char *sheet_headings[FW_WORKSHEET_N_COLUMNS] = {
  "", "", "事例の名前", "事例の概要", "事例のリンク先(URLなど)",
  "①なぜ顧客体験が改善するか?", "②なぜ利用者が増えるか?", "③なぜデータが増えるか?",
  "④なぜモデルの精度が向上するか?", "①自社の顧客の定義",
  "顧客にとっての\n重要度: (高・中・低)", "重要度の理由",
  "顧客にとっての\n緊急度: (高・中・低)", "緊急度の理由",
  "勝ちパターンの成立(Event StormingのURLを記載)", "",
};

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

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

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

static char *
first_line (const char *s)
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
static char *
cell_text (const char *s)
{
  GString *out;

  if (is_blank (s))
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

static gboolean
parse_level (const char *text,
             FwLevel    *level)
{
  static const struct { const char *mark; FwLevel level; } marks[] = {
    { "高", FW_LEVEL_HIGH }, { "high", FW_LEVEL_HIGH }, { "h", FW_LEVEL_HIGH },
    { "中", FW_LEVEL_MEDIUM }, { "medium", FW_LEVEL_MEDIUM }, { "m", FW_LEVEL_MEDIUM },
    { "mid", FW_LEVEL_MEDIUM }, { "med", FW_LEVEL_MEDIUM },
    { "低", FW_LEVEL_LOW }, { "low", FW_LEVEL_LOW }, { "l", FW_LEVEL_LOW },
  };
  g_autofree char *norm = normalize (text);

  if (*norm == '\0')
    {
      *level = FW_LEVEL_UNSET;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (g_str_equal (norm, marks[i].mark))
      {
        *level = marks[i].level;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_applicability (const char      *text,
                     FwApplicability *value)
{
  /* Spreadsheets offer several look-alike circles and crosses. */
  static const struct { const char *mark; FwApplicability value; } marks[] = {
    { "〇", FW_APPLICABILITY_YES }, { "○", FW_APPLICABILITY_YES }, { "◯", FW_APPLICABILITY_YES },
    { "o", FW_APPLICABILITY_YES }, { "yes", FW_APPLICABILITY_YES }, { "y", FW_APPLICABILITY_YES },
    { "×", FW_APPLICABILITY_NO }, { "✕", FW_APPLICABILITY_NO }, { "x", FW_APPLICABILITY_NO },
    { "no", FW_APPLICABILITY_NO }, { "n", FW_APPLICABILITY_NO },
    { "△", FW_APPLICABILITY_MAYBE }, { "▲", FW_APPLICABILITY_MAYBE },
    { "maybe", FW_APPLICABILITY_MAYBE }, { "?", FW_APPLICABILITY_MAYBE },
  };
  g_autofree char *norm = normalize (text);

  if (*norm == '\0')
    {
      *value = FW_APPLICABILITY_UNKNOWN;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (g_str_equal (norm, marks[i].mark))
      {
        *value = marks[i].value;
        return TRUE;
      }
  return FALSE;
}

/* A sheet has no column for the ML task; a text that names exactly one task
 * ("…経費を自動的に「分類」") says which. */
static FwTask
guess_task (const char *text)
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

static char *
derived_id (const char *kind,
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

static char *
column_letters (guint col)
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

/* TRUE when the bytes before the first invalid UTF-8 sequence hold non-ASCII
 * UTF-8: CP932 text fails at its first Japanese character instead. */
static gboolean
utf8_before_error (const char *raw,
                   gsize       len,
                   guint      *line)
{
  const char *end = NULL;
  gboolean multibyte = FALSE;

  g_utf8_validate_len (raw, len, &end);
  *line = 1;
  for (const char *p = raw; p < end; p++)
    {
      if ((guchar) *p >= 0x80)
        multibyte = TRUE;
      if (*p == '\n')
        (*line)++;
    }
  return multibyte;
}

static char *
decode (GBytes          *data,
        const char      *name,
        const char     **encoding,
        GError         **error)
{
  gsize len;
  const char *raw = g_bytes_get_data (data, &len);
  g_autofree char *text = NULL;
  gsize text_len;
  guint line;

  if (raw == NULL)
    raw = "";

  if (len >= 4 && memcmp (raw, "PK\003\004", 4) == 0)
    {
      g_set_error (error, FW_WORKSHEET_ERROR, FW_WORKSHEET_ERROR_BINARY,
                   _("%s: this is a zip file, such as an Excel workbook, not a CSV sheet; "
                     "save the sheet as CSV and import that"), name);
      return NULL;
    }

  if (len >= 3 && memcmp (raw, "\xef\xbb\xbf", 3) == 0)
    {
      if (!g_utf8_validate_len (raw + 3, len - 3, NULL))
        {
          g_set_error (error, FW_WORKSHEET_ERROR, FW_WORKSHEET_ERROR_ENCODING,
                       _("%s: the sheet says it is UTF-8 but is not valid UTF-8"), name);
          return NULL;
        }
      text = g_strndup (raw + 3, len - 3);
      text_len = len - 3;
      *encoding = "UTF-8 with BOM";
    }
  else if (len >= 2 && (memcmp (raw, "\xff\xfe", 2) == 0 || memcmp (raw, "\xfe\xff", 2) == 0))
    {
      /* Excel's "Unicode text" is UTF-16 with tabs. */
      const char *from = raw[0] == '\xff' ? "UTF-16LE" : "UTF-16BE";

      text = g_convert (raw + 2, len - 2, "UTF-8", from, NULL, &text_len, NULL);
      if (text == NULL)
        {
          g_set_error (error, FW_WORKSHEET_ERROR, FW_WORKSHEET_ERROR_ENCODING,
                       _("%s: the sheet says it is UTF-16 but is not valid UTF-16"), name);
          return NULL;
        }
      *encoding = "UTF-16";
    }
  else if (memchr (raw, '\0', len) != NULL)
    {
      g_set_error (error, FW_WORKSHEET_ERROR, FW_WORKSHEET_ERROR_BINARY,
                   _("%s: this is binary data, not a CSV sheet"), name);
      return NULL;
    }
  else if (g_utf8_validate_len (raw, len, NULL))
    {
      text = g_strndup (raw, len);
      text_len = len;
      *encoding = "UTF-8";
    }
  else if (utf8_before_error (raw, len, &line))
    {
      /* Japanese UTF-8 often happens to be valid CP932 as well: reading a
       * UTF-8 file with one stray byte as CP932 would garble all of it. */
      g_set_error (error, FW_WORKSHEET_ERROR, FW_WORKSHEET_ERROR_ENCODING,
                   _("%s: line %u is not valid UTF-8, although the lines before it are"),
                   name, line);
      return NULL;
    }
  else
    {
      /* Japanese Excel saves CSV in CP932 (Windows Shift_JIS) unless told
       * otherwise. g_convert() stops at the first byte that is not CP932, so a
       * file in any other encoding is refused rather than garbled. */
      text = g_convert (raw, len, "UTF-8", "CP932", NULL, &text_len, NULL);
      if (text == NULL)
        {
          g_set_error (error, FW_WORKSHEET_ERROR, FW_WORKSHEET_ERROR_ENCODING,
                       _("%s: the text is neither UTF-8 nor Shift_JIS (CP932); save the "
                         "sheet as “CSV UTF-8” and import it again"), name);
          return NULL;
        }
      *encoding = "CP932";
    }

  /* Control characters other than tab and line ends do not occur in a sheet. */
  for (gsize i = 0; i < text_len; i++)
    {
      guchar c = text[i];

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
        {
          g_set_error (error, FW_WORKSHEET_ERROR, FW_WORKSHEET_ERROR_BINARY,
                       _("%s: this is binary data, not a CSV sheet"), name);
          return NULL;
        }
    }
  return g_steal_pointer (&text);
}

/* ------------------------------------------------------------------ CSV (RFC 4180) */

static GPtrArray *
record_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

/* Rows of cells. Quoted cells may hold the delimiter, "" for a quote, and line
 * breaks (CRLF in a cell becomes LF); records end at CRLF, LF or CR. */
static GPtrArray *
parse_csv (const char  *text,
           char         delim,
           const char  *name,
           GError     **error)
{
  g_autoptr(GPtrArray) records =
    g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) record = record_new ();
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      if (cell->len == 0 && *p == '"')
        {
          guint start_row = records->len + 1;

          p++;
          for (;;)
            {
              if (*p == '\0')
                {
                  g_set_error (error, FW_WORKSHEET_ERROR, FW_WORKSHEET_ERROR_SYNTAX,
                               _("%s: row %u: a quoted cell is never closed"), name, start_row);
                  return NULL;
                }
              if (p[0] == '"' && p[1] == '"')
                {
                  g_string_append_c (cell, '"');
                  p += 2;
                }
              else if (p[0] == '"')
                {
                  p++;
                  break;
                }
              else if (p[0] == '\r')
                {
                  g_string_append_c (cell, '\n');
                  p += p[1] == '\n' ? 2 : 1;
                }
              else
                g_string_append_c (cell, *p++);
            }
          /* Anything between the closing quote and the delimiter is kept as
           * text, as spreadsheets do. */
          continue;
        }

      if (*p == delim)
        {
          g_ptr_array_add (record, g_strndup (cell->str, cell->len));
          g_string_truncate (cell, 0);
          p++;
        }
      else if (*p == '\r' || *p == '\n')
        {
          g_ptr_array_add (record, g_strndup (cell->str, cell->len));
          g_string_truncate (cell, 0);
          g_ptr_array_add (records, g_steal_pointer (&record));
          record = record_new ();
          p += (p[0] == '\r' && p[1] == '\n') ? 2 : 1;
        }
      else
        g_string_append_c (cell, *p++);
    }
  if (cell->len > 0 || record->len > 0)
    {
      g_ptr_array_add (record, g_strndup (cell->str, cell->len));
      g_ptr_array_add (records, g_steal_pointer (&record));
    }
  return g_steal_pointer (&records);
}

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

#define HEADER_SEARCH_ROWS 1000

typedef struct
{
  int     row;                 /* 0-based index of the column-name row */
  guint   score;               /* fields recognised */
  guint   width;
  int    *field_of_col;        /* -1 for a column Flywheel does not read */
  int     col_of_field[N_FIELDS];
} Header;

static void
header_clear (Header *h)
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

      for (int up = 1; up <= 2 && is_blank (label); up++)
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

static gboolean
find_header (GPtrArray *records,
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
          header_clear (best);
          *best = h;
        }
      else
        header_clear (&h);
    }
  return best->row >= 0;
}

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
      g_string_append (key, is_blank (values[f]) ? "" : values[f]);
      g_string_append_c (key, '\x1f');
    }
  return g_string_free (key, FALSE);
}

static const char *
value_or_empty (const char * const *values,
                Field               f)
{
  return is_blank (values[f]) ? "" : values[f];
}

static FwCase *
case_from_row (Import             *im,
               const char * const *values)
{
  g_autofree char *key = join_fields (values, F_CASE_NAME, F_WHY_MODEL);
  g_autofree char *id = NULL;
  g_autofree char *task_text = NULL;
  FwCase *item = g_hash_table_lookup (im->case_by_key, key);

  if (item != NULL)
    return item;

  item = fw_case_new ();
  id = derived_id ("case", im->cases->len, key);
  fw_case_set_text (item, FW_CASE_ID, id);
  fw_case_set_text (item, FW_CASE_NAME, value_or_empty (values, F_CASE_NAME));
  fw_case_set_text (item, FW_CASE_SUMMARY, value_or_empty (values, F_CASE_SUMMARY));
  fw_case_set_text (item, FW_CASE_LINK, value_or_empty (values, F_CASE_LINK));
  for (FwStage s = 0; s < FW_N_STAGES; s++)
    fw_case_set_why (item, s, value_or_empty (values, F_WHY_CX + s));
  task_text = g_strconcat (value_or_empty (values, F_CASE_NAME), "\n",
                           value_or_empty (values, F_CASE_SUMMARY), NULL);
  fw_case_set_task (item, guess_task (task_text));

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

  input = cell_text (fw_idea_get_text (idea, FW_IDEA_INPUT_DATA));
  output = cell_text (fw_idea_get_text (idea, FW_IDEA_OUTPUT_DATA));
  if (*output == '\0')
    return g_steal_pointer (&input);
  return g_strdup_printf ("%s→ML→%s", input, output);
}

static FwIdea *
idea_from_row (Import             *im,
               const char * const *values,
               const FwLevel      *levels,
               FwApplicability     applicability,
               FwCase             *row_case,
               const char         *key)
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
  FwIdea *idea = fw_idea_new ();
  g_autofree char *id = derived_id ("idea", im->ideas->len, key);
  g_autofree char *title = NULL;

  fw_idea_set_text (idea, FW_IDEA_ID, id);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    fw_idea_set_text (idea, texts[i].text, value_or_empty (values, texts[i].field));
  for (FwPriority p = 0; p < FW_N_PRIORITIES; p++)
    fw_idea_set_priority (idea, p, levels[p]);
  fw_idea_set_applicability (idea, applicability);

  if (!is_blank (values[F_USE_CASE]))
    {
      g_autofree char *input = NULL;
      g_autofree char *output = NULL;

      split_use_case (values[F_USE_CASE], &input, &output);
      fw_idea_set_text (idea, FW_IDEA_INPUT_DATA, input);
      fw_idea_set_text (idea, FW_IDEA_OUTPUT_DATA, output);
      fw_idea_set_task (idea, guess_task (values[F_USE_CASE]));
    }

  /* The 2023 layout has no title column: name the idea after what it applies. */
  if (!is_blank (values[F_PROBLEM]))
    title = first_line (values[F_PROBLEM]);
  else if (row_case != NULL && !is_blank (fw_case_get_name (row_case)))
    title = first_line (fw_case_get_name (row_case));
  else if (!is_blank (values[F_CUSTOMER]))
    title = first_line (values[F_CUSTOMER]);
  else
    title = first_line (value_or_empty (values, F_NOTES));
  fw_idea_set_title (idea, title);

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

      if (is_blank (cell))
        continue;
      if (field < 0)
        {
          /* Row numbers and formulas' results in an unnamed column carry nothing. */
          if (!is_number (cell))
            {
              g_autofree char *letters = column_letters (c);

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
    if (!parse_level (values[level_fields[p]], &levels[p]))
      {
        g_autofree char *value = first_line (values[level_fields[p]]);

        im->report->n_skipped++;
        /* TRANSLATORS: row 14 has “very” under importance; … */
        g_ptr_array_add (im->report->skipped,
                         g_strdup_printf (_("row %u has “%s” under %s; expected 高, 中 or 低 "
                                            "(High, Medium, Low)"),
                                          row_number, value, _(field_names[level_fields[p]])));
        return;
      }
  if (!parse_applicability (values[F_APPLICABILITY], &applicability))
    {
      g_autofree char *value = first_line (values[F_APPLICABILITY]);

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

  if (!is_blank (values[F_PRODUCT]) &&
      is_blank (fw_workbook_get_text (im->wb, FW_WORKBOOK_PRODUCT)))
    fw_workbook_set_text (im->wb, FW_WORKBOOK_PRODUCT, values[F_PRODUCT]);

  if (has_case)
    row_case = case_from_row (im, values);
  if (!has_idea)
    return;

  {
    g_autoptr(GString) k = g_string_new (NULL);
    g_autofree char *texts = join_fields (values, F_CUSTOMER, F_BLOCKERS);

    for (FwPriority p = 0; p < FW_N_PRIORITIES; p++)
      g_string_append_printf (k, "%d\x1f", levels[p]);
    g_string_append_printf (k, "%d\x1f%s", applicability, texts);
    key = g_string_free (g_steal_pointer (&k), FALSE);
  }

  /* An idea that follows several cases fills one row per case: the same
   * 応用編 cells under different 理解編 cells make one idea. */
  if (prev != NULL && row_case != NULL && g_strcmp0 (prev_key, key) == 0 &&
      !idea_has_case (prev, row_case))
    {
      idea_add_case (prev, row_case);
      im->prev_idea = prev;
      im->prev_key = g_steal_pointer (&key);
      return;
    }

  im->prev_idea = idea_from_row (im, values, levels, applicability, row_case, key);
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
        if (!is_blank (g_ptr_array_index (record, c)))
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

FwWorkbook *
fw_worksheet_import (GBytes          *data,
                     const char      *name,
                     FwImportReport **report,
                     GError         **error)
{
  static const char delimiters[] = { ',', '\t', ';' };
  g_autofree char *text = NULL;
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
  if (g_bytes_get_size (data) > FW_WORKSHEET_MAX_SIZE)
    {
      g_set_error (error, FW_WORKSHEET_ERROR, FW_WORKSHEET_ERROR_TOO_LARGE,
                   _("%s: the sheet is larger than %u MiB; a worksheet is much smaller"),
                   name, FW_WORKSHEET_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  text = decode (data, name, &encoding, error);
  if (text == NULL)
    return NULL;

  /* Try each delimiter and keep the reading whose header is the best. */
  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    {
      g_autoptr(GPtrArray) candidate = NULL;
      g_autoptr(GError) local_error = NULL;
      Header h;

      candidate = parse_csv (text, delimiters[i], name, &local_error);
      if (candidate == NULL)
        {
          if (i == 0)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          continue;
        }
      if (find_header (candidate, &h) && h.score > header.score)
        {
          header_clear (&header);
          header = h;
          delimiter = delimiters[i];
          g_clear_pointer (&records, g_ptr_array_unref);
          records = g_steal_pointer (&candidate);
        }
      else
        header_clear (&h);
    }
  if (records == NULL)
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
  im.report = rep;
  im.header = &header;
  im.cases = g_ptr_array_new_with_free_func (g_object_unref);
  im.ideas = g_ptr_array_new_with_free_func (g_object_unref);
  im.case_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = header.row + 1; r < records->len; r++)
    import_row (&im, g_ptr_array_index (records, r), r + 1);

  fw_workbook_splice (wb, (FwCase **) im.cases->pdata, im.cases->len,
                      (FwIdea **) im.ideas->pdata, im.ideas->len);
  rep->n_cases = im.cases->len;
  rep->n_ideas = im.ideas->len;

  g_ptr_array_unref (im.cases);
  g_ptr_array_unref (im.ideas);
  g_hash_table_unref (im.case_by_key);
  g_free (im.prev_key);
  header_clear (&header);

  if (report)
    *report = g_steal_pointer (&rep);
  return g_steal_pointer (&wb);
}

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
  if (!is_blank (fw_case_get_text (item, FW_CASE_SUMMARY)))
    g_string_append (out, fw_case_get_text (item, FW_CASE_SUMMARY));
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *text = fw_case_get_text (item, parts[i].text);

      if (is_blank (text))
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%s: %s", parts[i].label, text);
    }
  return cell_text (out->str);
}

static gboolean
case_is_carried (FwCase *item)
{
  g_autofree char *summary = case_summary_text (item);

  if (!is_blank (fw_case_get_name (item)) || *summary != '\0' ||
      !is_blank (fw_case_get_text (item, FW_CASE_LINK)))
    return TRUE;
  for (FwStage s = 0; s < FW_N_STAGES; s++)
    if (!is_blank (fw_case_get_why (item, s)))
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
    if (!is_blank (fw_idea_get_text (idea, idea_sheet_texts[i])))
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

static char **
data_row (FwWorkbook *wb,
          guint       number,
          FwCase     *item,
          FwIdea     *idea)
{
  char **row = row_new ();

  row_set (row, 0, g_strdup_printf ("%u", number));
  row_set (row, 1, cell_text (fw_workbook_get_text (wb, FW_WORKBOOK_PRODUCT)));
  if (item != NULL)
    {
      row_set (row, 2, cell_text (fw_case_get_name (item)));
      row_set (row, 3, case_summary_text (item));
      row_set (row, 4, cell_text (fw_case_get_text (item, FW_CASE_LINK)));
      for (FwStage s = 0; s < FW_N_STAGES; s++)
        row_set (row, 5 + s, cell_text (fw_case_get_why (item, s)));
    }
  if (idea != NULL)
    {
      row_set (row, 9, cell_text (fw_idea_get_text (idea, FW_IDEA_CUSTOMER)));
      row_set (row, 10, g_strdup (fw_level_symbol (fw_idea_get_priority (idea,
                                                                         FW_PRIORITY_IMPORTANCE))));
      row_set (row, 11, cell_text (fw_idea_get_text (idea, FW_IDEA_IMPORTANCE_REASON)));
      row_set (row, 12, g_strdup (fw_level_symbol (fw_idea_get_priority (idea,
                                                                         FW_PRIORITY_URGENCY))));
      row_set (row, 13, cell_text (fw_idea_get_text (idea, FW_IDEA_URGENCY_REASON)));
      row_set (row, 14, cell_text (fw_idea_get_text (idea, FW_IDEA_EVENT_STORMING_URL)));
      /* An idea with nothing in the sheet's columns still gets a row, under its title. */
      row_set (row, 15, cell_text (idea_is_carried (idea)
                                   ? fw_idea_get_text (idea, FW_IDEA_NOTES)
                                   : fw_idea_get_title (idea)));
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
  row_set (row, 0, cell_text (is_blank (title) ? SHEET_TITLE : title));
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

      if (!idea_is_carried (idea) && is_blank (fw_idea_get_title (idea)))
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

GBytes *
fw_worksheet_export_csv (FwWorkbook *wb)
{
  g_autoptr(GPtrArray) rows = NULL;
  GString *out;

  g_return_val_if_fail (FW_IS_WORKBOOK (wb), NULL);

  rows = fw_worksheet_layout_rows (wb, NULL, NULL);
  /* Excel reads UTF-8 only when the file starts with a byte-order mark. */
  out = g_string_new ("\xef\xbb\xbf");
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; row[c]; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          append_csv_cell (out, row[c]);
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free_to_bytes (out);
}
