/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"
#include <string.h>

#include "fw-text-input.h"
#include "fw-workbook-io.h"
#include "fw-text.h"
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
  /* Flywheel's own columns after the sheet's (docs/worksheet.md): what the sheet
   * has no column for, so that Flywheel's export → import loses nothing. */
  F_FW_TITLE,
  F_FW_AS_A,
  F_FW_I_WANT,
  F_FW_SO_THAT,
  F_FW_INPUT,
  F_FW_OUTPUT,
  F_FW_WHY_CX,
  F_FW_WHY_TRAFFIC,
  F_FW_WHY_DATA,
  F_FW_WHY_MODEL,
  F_FW_IDEA_DATA,      /* the whole idea, as a workbook of one idea (JSON) */
  F_FW_CASE_DATA,      /* the whole case, likewise */
  N_FIELDS
} Field;

#define IS_CASE_FIELD(f) (((f) >= F_CASE_NAME && (f) <= F_WHY_MODEL) || (f) == F_FW_CASE_DATA)
#define IS_IDEA_FIELD(f) ((f) >= F_CUSTOMER && (f) != F_FW_CASE_DATA)
#define IS_2022_FIELD(f) ((f) == F_POC_PRIORITY || ((f) >= F_PROBLEM && (f) <= F_BLOCKERS))
#define IS_FLYWHEEL_FIELD(f) ((f) >= F_FW_TITLE)

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

/* The idea's texts in Flywheel's readable columns. */
static const struct { Field field; FwIdeaText text; } flywheel_text_fields[] = {
  { F_FW_TITLE, FW_IDEA_TITLE }, { F_FW_AS_A, FW_IDEA_AS_A }, { F_FW_I_WANT, FW_IDEA_I_WANT },
  { F_FW_SO_THAT, FW_IDEA_SO_THAT }, { F_FW_INPUT, FW_IDEA_INPUT_DATA },
  { F_FW_OUTPUT, FW_IDEA_OUTPUT_DATA },
};

/* Heading fragments, matched after normalisation (NFKC, no white space, ASCII
 * lower case), most specific first: "重要度の理由" must win over "重要度". */
static const struct
{
  const char *key;
  Field       field;
} heading_keys[] = {
  /* Flywheel's own columns first: their headings hold words of the others. */
  { "Flywheel: title", F_FW_TITLE },
  { "Flywheel: as a", F_FW_AS_A },
  { "Flywheel: I want", F_FW_I_WANT },
  { "Flywheel: so that", F_FW_SO_THAT },
  { "Flywheel: input data", F_FW_INPUT },
  { "Flywheel: output data", F_FW_OUTPUT },
  { "Flywheel: why ①", F_FW_WHY_CX },
  { "Flywheel: why ②", F_FW_WHY_TRAFFIC },
  { "Flywheel: why ③", F_FW_WHY_DATA },
  { "Flywheel: why ④", F_FW_WHY_MODEL },
  { "Flywheel: idea data", F_FW_IDEA_DATA },
  { "Flywheel: case data", F_FW_CASE_DATA },
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

/* The text input module's refusal, in the worksheet's error domain. */
static void
set_text_input_error (GError       **error,
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
  const char       *name;         /* the sheet, in messages */
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
static char *case_cell (FwCase *item, Field f);
static char *idea_cell (FwIdea *idea, Field f);

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
  letters = column_letters (im->header->col_of_field[f]);
  /* TRANSLATORS: where a message about a damaged cell points: row and column */
  where = g_strdup_printf (_("row %u, column %s"), row_number, letters);
  data = fw_workbook_load_from_data (values[f], strlen (values[f]), where, &error);
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
  cell = cell_text (values[f]);
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
    exported[f] = case_cell (item, f);
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

  input = cell_text (fw_idea_get_text (idea, FW_IDEA_INPUT_DATA));
  output = cell_text (fw_idea_get_text (idea, FW_IDEA_OUTPUT_DATA));
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
    exported[i] = idea_cell (idea, idea_cell_fields[i]);
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

  if (data != NULL && fw_workbook_get_n_ideas (data) == 1)
    return idea_from_data (im, values, levels, fw_workbook_get_idea (data, 0));

  idea = fw_idea_new ();
  id = derived_id ("idea", im->ideas->len, key);
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
      fw_idea_set_task (idea, guess_task (values[F_USE_CASE]));
    }

  /* The 2023 layout has no title column: name the idea after what it applies. */
  if (!fw_text_is_blank (values[F_PROBLEM]))
    title = first_line (values[F_PROBLEM]);
  else if (row_case != NULL && !fw_text_is_blank (fw_case_get_name (row_case)))
    title = first_line (fw_case_get_name (row_case));
  else if (!fw_text_is_blank (values[F_CUSTOMER]))
    title = first_line (values[F_CUSTOMER]);
  else
    title = first_line (value_or_empty (values, F_NOTES));
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

FwWorkbook *
fw_worksheet_import (GBytes          *data,
                     const char      *name,
                     FwImportReport **report,
                     GError         **error)
{
  static const char delimiters[] = { ',', '\t', ';' };
  g_autofree char *text = NULL;
  g_autoptr(GError) text_error = NULL;
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
  text = fw_text_input_decode (data, name, FW_WORKSHEET_MAX_SIZE, &encoding, &text_error);
  if (text == NULL)
    {
      set_text_input_error (error, text_error);
      return NULL;
    }

  /* Try each delimiter and keep the reading whose header is the best. */
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
              set_text_input_error (error, local_error);
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
  return cell_text (out->str);
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
data_text (FwCase *item,
           FwIdea *idea)
{
  g_autoptr(FwWorkbook) one = fw_workbook_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *json = NULL;
  gsize len;
  const char *data;

  if (item != NULL)
    {
      g_autoptr(FwCase) copy = fw_case_copy (item);
      fw_workbook_append_case (one, copy);
    }
  if (idea != NULL)
    {
      g_autoptr(FwIdea) copy = fw_idea_copy (idea);
      fw_workbook_append_idea (one, copy);
    }
  bytes = fw_workbook_to_bytes (one);
  data = g_bytes_get_data (bytes, &len);
  json = g_strndup (data, len);
  return cell_text (json);
}

/* What the export writes under @f for @item: the one definition the import
 * compares a cell with, to tell a value edited in the spreadsheet. */
static char *
case_cell (FwCase *item,
           Field   f)
{
  switch ((int) f)
    {
    case F_CASE_NAME: return cell_text (fw_case_get_name (item));
    case F_CASE_SUMMARY: return case_summary_text (item);
    case F_CASE_LINK: return cell_text (fw_case_get_text (item, FW_CASE_LINK));
    case F_WHY_CX: case F_WHY_TRAFFIC: case F_WHY_DATA: case F_WHY_MODEL:
      return cell_text (fw_case_get_why (item, f - F_WHY_CX));
    case F_FW_CASE_DATA: return data_text (item, NULL);
    default: return g_strdup ("");
    }
}

static char *
idea_cell (FwIdea *idea,
           Field   f)
{
  for (guint i = 0; i < G_N_ELEMENTS (flywheel_text_fields); i++)
    if (flywheel_text_fields[i].field == f)
      return cell_text (fw_idea_get_text (idea, flywheel_text_fields[i].text));
  switch ((int) f)
    {
    case F_CUSTOMER: return cell_text (fw_idea_get_text (idea, FW_IDEA_CUSTOMER));
    case F_IMPORTANCE:
      return g_strdup (fw_level_symbol (fw_idea_get_priority (idea, FW_PRIORITY_IMPORTANCE)));
    case F_IMPORTANCE_REASON: return cell_text (fw_idea_get_text (idea, FW_IDEA_IMPORTANCE_REASON));
    case F_URGENCY:
      return g_strdup (fw_level_symbol (fw_idea_get_priority (idea, FW_PRIORITY_URGENCY)));
    case F_URGENCY_REASON: return cell_text (fw_idea_get_text (idea, FW_IDEA_URGENCY_REASON));
    case F_EVENT_STORMING: return cell_text (fw_idea_get_text (idea, FW_IDEA_EVENT_STORMING_URL));
    case F_NOTES:
      /* An idea with nothing in the sheet's columns still gets a row, under its title. */
      return cell_text (idea_is_carried (idea) ? fw_idea_get_text (idea, FW_IDEA_NOTES)
                                               : fw_idea_get_title (idea));
    case F_FW_WHY_CX: case F_FW_WHY_TRAFFIC: case F_FW_WHY_DATA: case F_FW_WHY_MODEL:
      return cell_text (fw_idea_get_why (idea, f - F_FW_WHY_CX));
    case F_FW_IDEA_DATA: return data_text (NULL, idea);
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
  row_set (row, 1, cell_text (fw_workbook_get_text (wb, FW_WORKBOOK_PRODUCT)));
  for (guint c = 2; c < FW_WORKSHEET_N_COLUMNS; c++)
    {
      Field f = export_columns[c];

      if (item != NULL && IS_CASE_FIELD (f))
        row_set (row, c, case_cell (item, f));
      else if (idea != NULL && IS_IDEA_FIELD (f))
        row_set (row, c, idea_cell (idea, f));
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
  row_set (row, 0, cell_text (fw_text_is_blank (title) ? SHEET_TITLE : title));
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
