/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"
#include <string.h>

#include <json-glib/json-glib.h>

#include "fw-text-input.h"
#include "fw-workbook-io.h"
#include "fw-text.h"
#include "fw-triage.h"

G_DEFINE_QUARK (fw-triage-error-quark, fw_triage_error)

#define T FW_TRIAGE_HINT_TASK
#define C FW_TRIAGE_HINT_CONDITION

/* The only place the suggestions come from: one row per idea a product manager
 * would recognise, so a wrong suggestion points at the row to change. Weights:
 * 3 a word that names the task, 2 a strong hint, 1 a word that only supports
 * another (FW_TRIAGE_MIN_SCORE keeps it from deciding alone). A more specific
 * row outweighs the general one it contains (mis-categorised beats categorise). */
static const FwTriageRule rules[] = {
  /* regression */
  { "predict", "predict*|forecast*|estimate*|projection*",
    "予測|予想|見込|推定|見積", T, FW_TASK_REGRESSION, 3 },
  { "arrival-time", "arriv*|delivery time*|eta|how long|time to",
    "いつ届|到着|所要時間|待ち時間|何分", T, FW_TASK_REGRESSION, 2 },
  { "quantity", "how much|how many|price*|demand|sales|revenue|spend|amount",
    "どのくらい|どれくらい|いくら|価格|需要|売上|金額|数量", T, FW_TASK_REGRESSION, 1 },
  /* classification */
  { "classify", "classif*|categori*|categoris*|sort into|which category|label each",
    "分類|振り分|仕分|カテゴリ|判別|見分", T, FW_TASK_CLASSIFICATION, 3 },
  { "spam", "spam|counterfeit*|fake|churn*|likely to cancel",
    "スパム|偽造|偽物|解約|離反", T, FW_TASK_CLASSIFICATION, 3 },
  { "whether", "whether|tell apart",
    "かどうか|判定", T, FW_TASK_CLASSIFICATION, 1 },
  /* clustering */
  { "group", "group*|segment*|cluster*",
    "グループ|セグメント|クラスタ", T, FW_TASK_CLUSTERING, 3 },
  { "similar", "similar|alike|patterns",
    "似た|類似|似て|傾向", T, FW_TASK_CLUSTERING, 1 },
  /* anomaly detection */
  { "unusual", "unusual|anomal*|abnormal*|fraud*|suspicious|outlier*|out of the ordinary",
    "異常|不正|不審|怪しい|外れ値|いつもと違", T, FW_TASK_ANOMALY_DETECTION, 3 },
  { "detect", "detect*|spot|alert*",
    "検知|検出|見つけ", T, FW_TASK_ANOMALY_DETECTION, 2 },
  { "miscategorised", "mis categori*|miscategori*|mis classified|misclassified|wrongly categori*",
    "誤って分類|誤分類|間違って分類", T, FW_TASK_ANOMALY_DETECTION, 5 },
  /* ranking */
  { "rank", "rank*|relevan*|ordered by|order by|in order of|reorder*|re order*|priorit*",
    "ランキング|並び替|並べ替|順位|順番|上位|高い順|度順|の順|順に|関連性|関連度",
    T, FW_TASK_RANKING, 3 },
  { "search-results", "search results|top results|best match*",
    "検索結果", T, FW_TASK_RANKING, 1 },
  /* recommendation */
  { "recommend", "recommend*|you may like|you might like|might like|might also|may also like|"
    "people who bought|suggestion* for me|suggest* for me",
    "おすすめ|オススメ|お勧め|推薦|レコメンド", T, FW_TASK_RECOMMENDATION, 3 },
  { "suggest", "suggest*",
    "提案", T, FW_TASK_RECOMMENDATION, 2 },
  { "taste", "taste*|preference*",
    "好み|嗜好", T, FW_TASK_RECOMMENDATION, 1 },
  /* conditions that favour a win */
  { "complex-logic", "complex|many factors|hard to write rules",
    "複雑|多くの要因", C, FW_CONDITION_COMPLEX_LOGIC, 0 },
  { "scalability", "millions|at scale|every user|thousands",
    "大量|全ユーザー|数百万|膨大", C, FW_CONDITION_SCALABILITY, 0 },
  { "immediate-response", "real time|instant*|immediately|as it happens|as they happen|"
    "within seconds",
    "即時|リアルタイム|すぐに|瞬時", C, FW_CONDITION_IMMEDIATE_RESPONSE, 0 },
  { "personalization", "personal*|tailored|my taste|my preferences|just for me",
    "あなたに合った|自分に合った|一人ひとり|一人一人|パーソナライズ|好みに合",
    C, FW_CONDITION_PERSONALIZATION, 0 },
  /* conditions that lead to a loss */
  { "existing-algorithm", "rules|rule based|fixed|formula",
    "ルール|規則|固定|決まった|計算式", C, FW_CONDITION_EXISTING_ALGORITHM, 0 },
  { "no-new-data", "never changes|always the same|static",
    "変わらない|常に同じ", C, FW_CONDITION_NO_NEW_DATA, 0 },
  { "full-accuracy", "100%|always exact|always correct|exactly right|never wrong|no mistakes",
    "100%|100％|完全に正確|間違いなく|ミスなく", C, FW_CONDITION_FULL_ACCURACY, 0 },
  { "full-explainability", "explain why|explainable|explanation|reason for each",
    "説明|根拠を示", C, FW_CONDITION_FULL_EXPLAINABILITY, 0 },
};

#undef T
#undef C

const FwTriageRule *
fw_triage_get_rules (guint *n_rules)
{
  if (n_rules)
    *n_rules = G_N_ELEMENTS (rules);
  return rules;
}

const char *
fw_triage_task_id (FwTask task)
{
  return task == FW_TASK_UNDECIDED ? "none" : fw_task_to_id (task);
}

/* ---- reading ---- */

/* The text input module's refusal, in triage's error domain. */
static void
set_text_input_error (GError       **error,
                      const GError  *text_error)
{
  static const FwTriageError codes[] = {
    [FW_TEXT_INPUT_ERROR_TOO_LARGE] = FW_TRIAGE_ERROR_TOO_LARGE,
    [FW_TEXT_INPUT_ERROR_BINARY] = FW_TRIAGE_ERROR_BINARY,
    [FW_TEXT_INPUT_ERROR_ENCODING] = FW_TRIAGE_ERROR_ENCODING,
    [FW_TEXT_INPUT_ERROR_SYNTAX] = FW_TRIAGE_ERROR_SYNTAX,
  };

  g_assert (text_error->domain == FW_TEXT_INPUT_ERROR &&
            (guint) text_error->code < G_N_ELEMENTS (codes));
  g_set_error_literal (error, FW_TRIAGE_ERROR, codes[text_error->code], text_error->message);
}

char *
fw_triage_decode (GBytes      *bytes,
                  const char  *name,
                  GError     **error)
{
  g_autoptr(GError) text_error = NULL;
  char *text = fw_text_input_decode (bytes, name, FW_TRIAGE_MAX_SIZE, NULL, &text_error);

  if (text == NULL)
    set_text_input_error (error, text_error);
  return text;
}

static gboolean
is_cjk_start (const char *s)
{
  return (guchar) s[0] >= 0x80;
}

static gboolean
is_cjk_end (const char *s,
            gsize       len)
{
  return len > 0 && (guchar) s[len - 1] >= 0x80;
}

/* Wrapped Japanese lines join without a space; English ones with one. */
static void
join_line (GString    *story,
           const char *line)
{
  if (story->len > 0 && !is_cjk_end (story->str, story->len) && !is_cjk_start (line))
    g_string_append_c (story, ' ');
  g_string_append (story, line);
}

static void
flush (GPtrArray *stories,
       GString   *story)
{
  gboolean has_letters = FALSE;

  g_strstrip (story->str);
  /* A lone "-" or "---" is layout, not a story. */
  for (const char *p = story->str; *p && !has_letters; p = g_utf8_next_char (p))
    has_letters = g_unichar_isalnum (g_utf8_get_char (p));
  if (has_letters)
    g_ptr_array_add (stories, g_strdup (story->str));
  g_string_truncate (story, 0);
}

/* The text of a Markdown list item ("- ", "* ", "+ ", "1. ", "1) ", with an
 * optional "[ ]" checkbox), or NULL when @line is not one. */
static const char *
list_item_text (const char *line)
{
  const char *p = line;

  while (*p == ' ' || *p == '\t')
    p++;
  if ((*p == '-' || *p == '*' || *p == '+') && (p[1] == ' ' || p[1] == '\t'))
    p += 2;
  else if (g_ascii_isdigit (*p))
    {
      while (g_ascii_isdigit (*p))
        p++;
      if ((*p != '.' && *p != ')') || (p[1] != ' ' && p[1] != '\t'))
        return NULL;
      p += 2;
    }
  else
    return NULL;
  while (*p == ' ' || *p == '\t')
    p++;
  if (p[0] == '[' && (p[1] == ' ' || p[1] == 'x' || p[1] == 'X') && p[2] == ']')
    p += 3;
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

static gboolean
is_heading (const char *line)
{
  while (*line == ' ')
    line++;
  return *line == '#';
}

/* A line a writer ended, rather than one the editor wrapped. */
static gboolean
ends_sentence (const char *line)
{
  static const char *const ends[] = { ".", "!", "?", "。", "！", "？", "」", ")" };
  g_autofree char *copy = g_strstrip (g_strdup (line));

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    if (g_str_has_suffix (copy, ends[i]))
      return TRUE;
  return FALSE;
}

static char **
split_text (const char *text)
{
  /* CRLF, LF or a lone CR (old Mac editors, some exports) each end a line. */
  g_auto(GStrv) lines = fw_text_input_split_lines (text);
  g_autoptr(GPtrArray) stories = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) story = g_string_new (NULL);
  gboolean list = FALSE, paragraphs = FALSE, has_blank = FALSE, wrapped = FALSE;
  guint block_lines = 0;

  for (guint i = 0; lines[i]; i++)
    {
      if (is_heading (lines[i]))
        continue;
      if (list_item_text (lines[i]))
        list = TRUE;
      if (fw_text_is_blank (lines[i]))
        {
          has_blank = TRUE;
          block_lines = 0;
        }
      else if (++block_lines > 1 && !ends_sentence (lines[i - 1]))
        wrapped = TRUE;
    }
  paragraphs = !list && has_blank && wrapped;

  if (list)
    {
      gboolean in_item = FALSE;

      for (guint i = 0; lines[i]; i++)
        {
          const char *item = list_item_text (lines[i]);

          if (item)
            {
              flush (stories, story);
              join_line (story, item);
              in_item = TRUE;
            }
          else if (fw_text_is_blank (lines[i]) || is_heading (lines[i]))
            {
              flush (stories, story);
              in_item = FALSE;
            }
          else if (in_item)
            join_line (story, g_strstrip (lines[i]));
          /* Prose between lists is not a story. */
        }
    }
  else
    {
      for (guint i = 0; lines[i]; i++)
        {
          if (is_heading (lines[i]) || fw_text_is_blank (lines[i]))
            flush (stories, story);
          else
            {
              if (!paragraphs)
                flush (stories, story);
              join_line (story, g_strstrip (lines[i]));
            }
        }
    }
  flush (stories, story);
  g_ptr_array_add (stories, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&stories), FALSE);
}

/* ---- CSV ---- */

static const char *
cell_at (GPtrArray *row,
         guint      column)
{
  return column < row->len ? g_ptr_array_index (row, column) : "";
}

/* 2 for "story" / "user story" / "ストーリー" exactly, 1 for a header that
 * mentions one, 0 otherwise. */
static int
story_header_score (const char *cell)
{
  static const char *const exact[] = {
    "story", "stories", "user story", "user stories", "userstory",
    "ストーリー", "ユーザーストーリー", "ユーザストーリー",
  };
  g_autofree char *lower = g_utf8_strdown (cell, -1);

  g_strstrip (lower);
  for (guint i = 0; i < G_N_ELEMENTS (exact); i++)
    if (g_str_equal (lower, exact[i]))
      return 2;
  if (g_utf8_strlen (lower, -1) <= 40 &&
      (strstr (lower, "story") || strstr (lower, "stories") || strstr (lower, "ストーリー")))
    return 1;
  return 0;
}

static int
find_story_column (GPtrArray *header)
{
  int best = -1, best_score = 0;

  for (guint c = 0; c < header->len; c++)
    {
      int score = story_header_score (g_ptr_array_index (header, c));

      if (score > best_score)
        best = c, best_score = score;
    }
  return best;
}

static char **
split_csv (const char  *text,
           GError     **error)
{
  g_autoptr(GError) text_error = NULL;
  g_autoptr(GPtrArray) rows = fw_text_input_parse_csv (text, fw_text_input_guess_delimiter (text),
                                                       NULL, &text_error);
  g_autoptr(GPtrArray) stories = NULL;
  guint first = 1, n_columns = 0;
  int column;

  if (rows == NULL)
    {
      set_text_input_error (error, text_error);
      return NULL;
    }
  stories = g_ptr_array_new_with_free_func (g_free);
  if (rows->len == 0)
    {
      g_ptr_array_add (stories, NULL);
      return (char **) g_ptr_array_free (g_steal_pointer (&stories), FALSE);
    }

  column = find_story_column (g_ptr_array_index (rows, 0));
  if (column < 0)
    {
      g_autofree guint64 *lengths = NULL;
      guint64 rest = 0;

      for (guint r = 0; r < rows->len; r++)
        n_columns = MAX (n_columns, ((GPtrArray *) g_ptr_array_index (rows, r))->len);
      lengths = g_new0 (guint64, MAX (n_columns, 1));
      for (guint r = 1; r < rows->len; r++)
        for (guint c = 0; c < n_columns; c++)
          lengths[c] += g_utf8_strlen (cell_at (g_ptr_array_index (rows, r), c), -1);
      column = 0;
      for (guint c = 1; c < n_columns; c++)
        if (lengths[c] > lengths[column])
          column = c;
      /* No header names the stories: the first row is a header only when its
       * cell is much shorter than the stories under it. */
      rest = rows->len > 1 ? lengths[column] / (rows->len - 1) : 0;
      if (rows->len == 1 ||
          (guint64) g_utf8_strlen (cell_at (g_ptr_array_index (rows, 0), column), -1) * 2 >= rest)
        first = 0;
    }

  for (guint r = first; r < rows->len; r++)
    {
      g_autofree char *cell = g_strdup (cell_at (g_ptr_array_index (rows, r), column));
      g_auto(GStrv) parts = NULL;
      g_autoptr(GString) story = g_string_new (NULL);

      parts = g_strsplit (cell, "\n", -1);
      for (guint i = 0; parts[i]; i++)
        if (!fw_text_is_blank (parts[i]))
          join_line (story, g_strstrip (parts[i]));
      flush (stories, story);
    }
  g_ptr_array_add (stories, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&stories), FALSE);
}

static gboolean
looks_like_csv (const char *text)
{
  g_autofree char *first = g_strndup (text, fw_text_input_first_line_length (text));
  g_autoptr(GPtrArray) rows = NULL;
  char delimiter = fw_text_input_guess_delimiter (first);

  if (delimiter == '\t')
    return TRUE;
  rows = fw_text_input_parse_csv (first, delimiter, NULL, NULL);
  if (rows == NULL || rows->len == 0)
    return FALSE;
  return ((GPtrArray *) g_ptr_array_index (rows, 0))->len >= 2 &&
         find_story_column (g_ptr_array_index (rows, 0)) >= 0;
}

/* A backlog is prose or a table; a file that is one JSON document is a workbook
 * or some other data given by mistake, and read as text it would be one story. */
static gboolean
refuse_json (const char  *text,
             GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  while (g_ascii_isspace (*text))
    text++;
  if (*text != '{' && *text != '[')
    return FALSE;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, -1, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  if (JSON_NODE_HOLDS_OBJECT (root) &&
      g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (root),
                                                             "format", NULL),
                 FW_WORKBOOK_FORMAT) == 0)
    g_set_error_literal (error, FW_TRIAGE_ERROR, FW_TRIAGE_ERROR_NOT_BACKLOG,
                         _("this is a Flywheel workbook, not a backlog; triage reads user "
                           "stories written as plain text, Markdown or CSV"));
  else
    g_set_error_literal (error, FW_TRIAGE_ERROR, FW_TRIAGE_ERROR_NOT_BACKLOG,
                         _("this is JSON data, not a backlog; triage reads user stories "
                           "written as plain text, Markdown or CSV"));
  return TRUE;
}

char **
fw_triage_split (const char     *text,
                 FwTriageInput   input,
                 GError        **error)
{
  g_return_val_if_fail (text != NULL, NULL);

  while (*text == '\n' || *text == '\r')
    text++;
  if (input != FW_TRIAGE_INPUT_CSV && refuse_json (text, error))
    return NULL;
  if (input == FW_TRIAGE_INPUT_AUTO)
    input = looks_like_csv (text) ? FW_TRIAGE_INPUT_CSV : FW_TRIAGE_INPUT_TEXT;
  if (input == FW_TRIAGE_INPUT_CSV)
    return split_csv (text, error);
  return split_text (text);
}

/* ---- story parsing ---- */

void
fw_story_free (FwStory *story)
{
  if (story == NULL)
    return;
  g_free (story->raw);
  g_free (story->title);
  g_free (story->as_a);
  g_free (story->i_want);
  g_free (story->so_that);
  g_free (story);
}

static char *
clean_part (const char *part)
{
  char *s;
  gsize len;

  if (part == NULL || *part == '\0')
    return NULL;
  s = g_strstrip (g_strdup (part));
  /* Trailing punctuation belongs to the sentence, not to the part. */
  len = strlen (s);
  while (len > 0 && strchr (".,!;", s[len - 1]))
    s[--len] = '\0';
  while (g_str_has_suffix (s, "。") || g_str_has_suffix (s, "、"))
    s[strlen (s) - strlen ("。")] = '\0';
  if (*s == '\0')
    g_clear_pointer (&s, g_free);
  return s;
}

static char *
group (GMatchInfo *info,
       const char *name)
{
  g_autofree char *text = g_match_info_fetch_named (info, name);

  return clean_part (text);
}

typedef struct
{
  const char *pattern;
  gboolean    japanese;
} StoryForm;

/* English forms with their usual variants, then the Japanese ones. The goal's
 * verb is kept out of i_want ("したい", "I want to"). */
static const StoryForm forms[] = {
  { "^(?:in order to\\s+(?<b1>.+?),\\s*)?as\\s+(?:an?\\s+|the\\s+)?(?<role>[^,]+?)\\s*,?\\s+"
    "I\\s+(?:want|need|would like|'d like|’d like|wish|can|should be able)\\s+(?:to\\s+)?"
    "(?:be able to\\s+)?(?<goal>.+?)"
    "(?:\\s*,?\\s+(?:so that|so|in order to|because)\\s+(?<b2>.+?))?\\s*[.!]?$", FALSE },
  { "^I\\s+(?:want|need|would like|'d like|’d like)\\s+(?:to\\s+)?(?<goal>.+?)"
    "(?:\\s*,?\\s+(?:so that|so|in order to|because)\\s+(?<b2>.+?))?\\s*[.!]?$", FALSE },
  { "^(?<role>.+?)として[、,]?\\s*(?<b1>.+?)ために[、,]\\s*(?<goal>.+?)"
    "(?<verb>してほしい|したい|てほしい|たい|ほしい|欲しい)(?:です)?[。．.]?\\s*$", TRUE },
  { "^(?<role>.+?)として[、,]?\\s*(?<goal>.+?)"
    "(?<verb>してほしい|したい|てほしい|たい|ほしい|欲しい)(?:です)?[。．.]?\\s*"
    "(?:(?:なぜなら(?:ば)?|それは)[、,]?\\s*(?<b2>.+?)(?:から|ため)(?:です|だ)?[。．.]?)?\\s*$",
    TRUE },
  { "^(?<role>[^、。]{1,20}?)は[、,]?\\s*(?<goal>.+?)"
    "(?<verb>してほしい|したい|てほしい|たい|ほしい|欲しい)(?:です)?[。．.]\\s*"
    "(?<b2>.+?)(?:ため|から)(?:です|だ)?[。．.]?\\s*$", TRUE },
  { "^(?<role>[^、。]{1,20}?)は[、,]?\\s*(?<goal>.+?)"
    "(?<verb>してほしい|したい|てほしい|たい|ほしい|欲しい)(?:です)?[。．.]?\\s*$", TRUE },
};

static gboolean
is_kanji (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

/* "需要を予測" + "したい" stays (a noun that takes する); "商品を探" + "したい" reads
 * "商品を探し" (a verb's stem): a lone kanji or kana before したい is a verb. */
static char *
japanese_goal (const char *goal,
               const char *verb)
{
  const char *end, *last, *before;
  gunichar c, b;

  if (goal == NULL)
    return NULL;
  if (!g_str_has_prefix (verb, "し"))
    return g_strdup (goal);
  end = goal + strlen (goal);
  last = g_utf8_find_prev_char (goal, end);
  before = last ? g_utf8_find_prev_char (goal, last) : NULL;
  c = last ? g_utf8_get_char (last) : 0;
  b = before ? g_utf8_get_char (before) : 0;
  if ((c >= 0x3041 && c <= 0x309f) || (is_kanji (c) && !is_kanji (b)))
    return g_strconcat (goal, "し", NULL);
  return g_strdup (goal);
}

static gboolean
is_hiragana (gunichar c)
{
  return c >= 0x3041 && c <= 0x309f;
}

/* The kana one row down the gojūon table (い-row → う-row: "知り" → "知る"), 0 when
 * @c is not an い-row kana a verb's stem ends in. */
static gunichar
i_row_to_u_row (gunichar c)
{
  static const gunichar pairs[][2] = {
    { 0x3044, 0x3046 }, { 0x304d, 0x304f }, { 0x304e, 0x3050 }, { 0x3057, 0x3059 },
    { 0x3061, 0x3064 }, { 0x306b, 0x306c }, { 0x3073, 0x3076 }, { 0x307f, 0x3080 },
    { 0x308a, 0x308b },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    if (pairs[i][0] == c)
      return pairs[i][1];
  return 0;
}

static gboolean
is_e_row (gunichar c)
{
  /* え け げ せ ぜ て で ね へ べ ぺ め れ */
  static const gunichar e_row[] = {
    0x3048, 0x3051, 0x3052, 0x305b, 0x305c, 0x3066, 0x3067, 0x306d, 0x3078, 0x3079,
    0x307a, 0x3081, 0x308c,
  };

  for (guint i = 0; i < G_N_ELEMENTS (e_row); i++)
    if (e_row[i] == c)
      return TRUE;
  return FALSE;
}

/* A story's Japanese title must read as a whole phrase, as an English title does
 * ("Search results ordered by relevance"): the goal without its wish, with a verb
 * in its dictionary form — "商品を探し(たい)" → "商品を探す", "顧客をグループに分け(たい)"
 * → "顧客をグループに分ける" — and a noun that takes する as it is ("需要を予測").
 * Where the form cannot be told from the stem ("送っ(てほしい)": 送る, 送う?), the
 * goal keeps the wish as written ("資料を送ってほしい"): longer, never cut. */
static char *
japanese_title (const char *stem,
                const char *goal,
                const char *verb)
{
  /* Verbs that keep their い-row kana (一段): their stem takes る. */
  static const char *const ichidan_i[] = {
    "借り", "降り", "足り", "起き", "生き", "過ぎ", "浴び", "伸び", "延び", "落ち",
    "信じ", "感じ", "閉じ",
  };
  g_autofree char *as_written = g_strconcat (goal, verb, NULL);
  const char *end = stem + strlen (stem);
  const char *last = g_utf8_find_prev_char (stem, end);
  const char *before = last ? g_utf8_find_prev_char (stem, last) : NULL;
  gunichar c = last ? g_utf8_get_char (last) : 0;
  gunichar b = before ? g_utf8_get_char (before) : 0;
  gboolean wish_only = g_str_equal (verb, "ほしい") || g_str_equal (verb, "欲しい");
  gunichar u;

  if (last == NULL)
    return g_steal_pointer (&as_written);
  /* "新しい通知が(ほしい)": the thing wished for. */
  if (wish_only)
    {
      if (c == 0x304c /* が */ || c == 0x3092 /* を */)
        return g_strndup (stem, last - stem);
      return g_steal_pointer (&as_written);
    }
  /* "需要を予測(したい)", "一覧をチェック(したい)": a noun that takes する. */
  if (!is_hiragana (c) && !g_str_has_prefix (verb, "し"))
    {
      /* A lone kanji after kana is a verb of one kanji: "一覧を見(たい)" → "見る". */
      if (is_kanji (c) && !is_kanji (b))
        return g_strconcat (stem, "る", NULL);
      return g_strdup (stem);
    }
  if (!is_hiragana (c))
    return g_strdup (stem);
  /* "予約をし(たい)", "簡単にし(たい)", "見やすくし(たい)": する itself. */
  if (c == 0x3057 /* し */ && (before == NULL || g_utf8_strchr ("をがにでともはく", -1, b)))
    {
      g_autofree char *head = g_strndup (stem, last - stem);

      return g_strconcat (head, "する", NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ichidan_i); i++)
    if (g_str_has_suffix (stem, ichidan_i[i]))
      return g_strconcat (stem, "る", NULL);
  if (is_e_row (c))
    return g_strconcat (stem, "る", NULL);
  /* "書い(てほしい)": a く verb; "知り(たい)": a godan verb's い-row. */
  if (c == 0x3044 /* い */ && g_str_equal (verb, "てほしい"))
    {
      g_autofree char *head = g_strndup (stem, last - stem);

      return g_strconcat (head, "く", NULL);
    }
  u = i_row_to_u_row (c);
  if (u != 0)
    {
      g_autofree char *head = g_strndup (stem, last - stem);
      char kana[8] = { 0 };

      g_unichar_to_utf8 (u, kana);
      return g_strconcat (head, kana, NULL);
    }
  return g_steal_pointer (&as_written);
}

/* Compiled once: a backlog of thousands of stories parses each with every form. */
static GRegex *
get_form_regex (guint i)
{
  static GRegex *regexes[G_N_ELEMENTS (forms)];
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
        regexes[f] = g_regex_new (forms[f].pattern,
                                  G_REGEX_CASELESS | G_REGEX_DOTALL | G_REGEX_OPTIMIZE,
                                  0, NULL);
      g_once_init_leave (&initialised, 1);
    }
  return regexes[i];
}

FwStory *
fw_story_parse (const char *text)
{
  g_autoptr(FwStory) story = g_new0 (FwStory, 1);
  g_autofree char *body = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  story->raw = g_strstrip (g_strdup (text));
  body = g_strdup (story->raw);
  /* 「…」 or "…" around the whole story. */
  if (g_str_has_prefix (body, "「") && g_str_has_suffix (body, "」") &&
      strlen (body) > 2 * strlen ("「"))
    {
      char *inner = g_strndup (body + strlen ("「"), strlen (body) - 2 * strlen ("「"));

      g_free (body);
      body = g_strstrip (inner);
    }

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      GRegex *regex = get_form_regex (i);
      g_autoptr(GMatchInfo) info = NULL;
      g_autofree char *goal = NULL;
      g_autofree char *b1 = NULL;
      g_autofree char *b2 = NULL;

      g_assert (regex != NULL);
      if (!g_regex_match (regex, body, 0, &info))
        continue;
      goal = group (info, "goal");
      if (goal == NULL)
        continue;
      story->as_a = group (info, "role");
      b1 = group (info, "b1");
      b2 = group (info, "b2");
      story->so_that = g_strdup (b2 ? b2 : b1);
      if (forms[i].japanese)
        {
          g_autofree char *verb = g_match_info_fetch_named (info, "verb");

          story->i_want = japanese_goal (goal, verb);
          story->title = japanese_title (story->i_want, goal, verb);
        }
      else
        {
          story->i_want = g_strdup (goal);
          story->title = g_strdup (goal);
          story->title[0] = g_ascii_toupper (story->title[0]);
        }
      return g_steal_pointer (&story);
    }

  story->title = g_strdup (story->raw);
  return g_steal_pointer (&story);
}

/* ---- suggestion ---- */

static void
free_match (gpointer data)
{
  FwTriageMatch *match = data;

  g_free (match->text);
  g_free (match);
}

void
fw_triage_suggestion_free (FwTriageSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_clear_pointer (&suggestion->matches, g_ptr_array_unref);
  g_free (suggestion);
}

static gboolean
is_word_byte (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* Matches one English alternative at @p of the lower-cased text; returns the
 * end of the match or NULL. */
static const char *
match_word_at (const char *lower,
               const char *p,
               const char *pattern,
               gsize       pattern_len)
{
  gboolean any_ending = pattern_len > 0 && pattern[pattern_len - 1] == '*';
  const char *q = p;

  if (any_ending)
    pattern_len--;
  if (p > lower && is_word_byte (p[-1]) && is_word_byte (pattern[0]))
    return NULL;
  for (gsize i = 0; i < pattern_len; i++)
    {
      if (pattern[i] == ' ')
        {
          if (*q != ' ' && *q != '-' && *q != '\t')
            return NULL;
          while (*q == ' ' || *q == '-' || *q == '\t')
            q++;
        }
      else if (*q == pattern[i])
        q++;
      else
        return NULL;
    }
  if (any_ending)
    {
      while (is_word_byte (*q))
        q++;
    }
  else if (is_word_byte (*q) && is_word_byte (pattern[pattern_len - 1]))
    return NULL;
  return q;
}

static gboolean
find_alternative (const char *text,
                  const char *lower,
                  const char *pattern,
                  gsize       pattern_len,
                  gboolean    english,
                  gsize      *start,
                  gsize      *end)
{
  if (!english)
    {
      g_autofree char *needle = g_strndup (pattern, pattern_len);
      const char *hit = strstr (text, needle);

      if (hit == NULL)
        return FALSE;
      *start = hit - text;
      *end = *start + pattern_len;
      return TRUE;
    }
  for (const char *p = lower; *p; p++)
    {
      const char *q;

      if (*p != pattern[0])
        continue;
      q = match_word_at (lower, p, pattern, pattern_len);
      if (q)
        {
          *start = p - lower;
          *end = q - lower;
          return TRUE;
        }
    }
  return FALSE;
}

/* Adds a match for every alternative of @patterns found in @text; TRUE when
 * any was. */
static gboolean
match_patterns (const FwTriageRule *rule,
                const char         *patterns,
                gboolean            english,
                const char         *text,
                const char         *lower,
                GPtrArray          *matches)
{
  gboolean found = FALSE;

  for (const char *p = patterns; p && *p;)
    {
      const char *bar = strchr (p, '|');
      gsize len = bar ? (gsize) (bar - p) : strlen (p);
      gsize start, end;

      if (len > 0 && find_alternative (text, lower, p, len, english, &start, &end))
        {
          FwTriageMatch *match = g_new0 (FwTriageMatch, 1);

          match->rule = rule;
          match->start = start;
          match->end = end;
          match->text = g_strndup (text + start, end - start);
          g_ptr_array_add (matches, match);
          found = TRUE;
        }
      p = bar ? bar + 1 : NULL;
    }
  return found;
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const FwTriageMatch *x = *(FwTriageMatch **) a;
  const FwTriageMatch *y = *(FwTriageMatch **) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end > y->end ? -1 : x->end < y->end;
}

FwTriageSuggestion *
fw_triage_suggest (const char *text)
{
  FwTriageSuggestion *s = g_new0 (FwTriageSuggestion, 1);
  /* ASCII-only lower-casing keeps byte offsets the same as in @text. */
  g_autofree char *lower = g_ascii_strdown (text, -1);
  int strongest[FW_N_TASKS] = { 0 };
  guint first_row[FW_N_TASKS];

  g_return_val_if_fail (text != NULL, s);

  s->matches = g_ptr_array_new_with_free_func (free_match);
  for (guint t = 0; t < FW_N_TASKS; t++)
    first_row[t] = G_MAXUINT;

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      const FwTriageRule *rule = &rules[i];
      gboolean fired = FALSE;

      fired |= match_patterns (rule, rule->en, TRUE, text, lower, s->matches);
      fired |= match_patterns (rule, rule->ja, FALSE, text, lower, s->matches);
      if (!fired)
        continue;
      if (rule->hint == FW_TRIAGE_HINT_CONDITION)
        s->conditions[rule->target] = TRUE;
      else
        {
          s->task_scores[rule->target] += rule->weight;
          strongest[rule->target] = MAX (strongest[rule->target], rule->weight);
          first_row[rule->target] = MIN (first_row[rule->target], i);
        }
    }
  g_ptr_array_sort (s->matches, compare_matches);

  /* Highest score; ties go to the task with the stronger single word, then to
   * the one whose rule comes first in the table. */
  s->task = FW_TASK_UNDECIDED;
  for (guint t = FW_TASK_REGRESSION; t < FW_N_TASKS; t++)
    {
      int score = s->task_scores[t];

      if (score < FW_TRIAGE_MIN_SCORE)
        continue;
      if (s->task == FW_TASK_UNDECIDED ||
          score > s->score ||
          (score == s->score && strongest[t] > strongest[s->task]) ||
          (score == s->score && strongest[t] == strongest[s->task] &&
           first_row[t] < first_row[s->task]))
        {
          s->task = t;
          s->score = score;
        }
    }
  return s;
}

static char **
collect_words (const FwTriageSuggestion *s,
               FwTriageHint              hint,
               int                       target)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < s->matches->len; i++)
    {
      const FwTriageMatch *m = g_ptr_array_index (s->matches, i);
      g_autofree char *word = NULL;
      gboolean seen = FALSE;

      if (m->rule->hint != hint || m->rule->target != target)
        continue;
      word = g_ascii_strdown (m->text, -1);
      for (guint j = 0; j < words->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (words, j), word);
      if (!seen)
        g_ptr_array_add (words, g_steal_pointer (&word));
    }
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

char **
fw_triage_suggestion_task_words (const FwTriageSuggestion *suggestion,
                                 FwTask                    task)
{
  g_return_val_if_fail (suggestion != NULL, NULL);

  if (task == FW_TASK_UNDECIDED)
    return g_new0 (char *, 1);
  return collect_words (suggestion, FW_TRIAGE_HINT_TASK, task);
}

char **
fw_triage_suggestion_condition_words (const FwTriageSuggestion *suggestion,
                                      FwCondition               condition)
{
  g_return_val_if_fail (suggestion != NULL, NULL);

  return collect_words (suggestion, FW_TRIAGE_HINT_CONDITION, condition);
}

gboolean
fw_triage_match_is_shown (const FwTriageMatch *match,
                          FwTask               task)
{
  g_return_val_if_fail (match != NULL, FALSE);

  if (match->rule->hint == FW_TRIAGE_HINT_CONDITION)
    return TRUE;
  return task != FW_TASK_UNDECIDED && match->rule->target == (int) task;
}

char *
fw_triage_describe (const FwTriageSuggestion *suggestion,
                    FwTask                    task)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (suggestion != NULL, NULL);

  words = fw_triage_suggestion_task_words (suggestion, task);
  /* TRANSLATORS: separates the words that triggered a suggestion: "order, relevance" */
  joined = g_strjoinv (_(", "), words);
  if (task == suggestion->task && task == FW_TASK_UNDECIDED)
    g_string_append (text, _("Probably not ML: no word in the story suggests a task"));
  else if (task == suggestion->task)
    /* TRANSLATORS: the triage page: the suggested task, then the story's words */
    g_string_append_printf (text, _("Suggested: %s (triggered by: %s)"),
                            fw_task_label (task), joined);
  else if (task == FW_TASK_UNDECIDED)
    /* TRANSLATORS: triage: the PM chose "Probably not ML" over the suggested task */
    g_string_append_printf (text, _("Your choice: probably not ML (suggested: %s)"),
                            fw_task_label (suggestion->task));
  else if (words[0] != NULL)
    /* TRANSLATORS: triage: the task the PM chose, then the story's words that
     * hint at it (too weakly for Flywheel to suggest it) */
    g_string_append_printf (text, _("Your choice: %s (the story's words for it: %s)"),
                            fw_task_label (task), joined);
  else
    /* TRANSLATORS: triage: the task the PM chose, which no word of the story hints at */
    g_string_append_printf (text, _("Your choice: %s (no word in the story suggests it)"),
                            fw_task_label (task));

  for (guint c = 0; c < FW_N_CONDITIONS; c++)
    if (suggestion->conditions[c])
      {
        g_auto(GStrv) hinted = fw_triage_suggestion_condition_words (suggestion, c);
        g_autofree char *hinted_joined = g_strjoinv (_(", "), hinted);

        g_string_append_c (text, '\n');
        if (fw_condition_is_win (c))
          /* TRANSLATORS: triage: a condition the story hints at, then its words */
          g_string_append_printf (text, _("Win condition: %s (hinted by: %s)"),
                                  fw_condition_label (c), hinted_joined);
        else
          g_string_append_printf (text, _("Lose condition: %s (hinted by: %s)"),
                                  fw_condition_label (c), hinted_joined);
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- ideas ---- */

FwIdea *
fw_triage_make_idea (const FwStory            *story,
                     const FwTriageSuggestion *suggestion,
                     FwTask                    task)
{
  g_autoptr(FwIdea) idea = fw_idea_new ();
  g_auto(GStrv) words = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *note = NULL;
  g_autoptr(JsonObject) extra = json_object_new ();
  JsonObject *triage = json_object_new ();
  JsonArray *triggers = json_array_new ();
  JsonArray *conditions = json_array_new ();

  g_return_val_if_fail (story != NULL && suggestion != NULL, NULL);

  fw_idea_set_title (idea, story->title);
  if (story->as_a)
    fw_idea_set_text (idea, FW_IDEA_AS_A, story->as_a);
  if (story->i_want)
    fw_idea_set_text (idea, FW_IDEA_I_WANT, story->i_want);
  if (story->so_that)
    fw_idea_set_text (idea, FW_IDEA_SO_THAT, story->so_that);
  if (task != FW_TASK_UNDECIDED)
    fw_idea_set_task (idea, task);

  words = fw_triage_suggestion_task_words (suggestion, suggestion->task);
  /* TRANSLATORS: separates the words that triggered a suggestion: "order, relevance" */
  joined = g_strjoinv (_(", "), words);
  if (suggestion->task == FW_TASK_UNDECIDED)
    note = g_strdup (_("Suggested task: none — probably not ML"));
  else
    /* TRANSLATORS: written into an idea's notes by triage: the task, then the
     * words of the user story that suggested it */
    note = g_strdup_printf (_("Suggested task: %s (triggered by: %s)"),
                            fw_task_label (suggestion->task), joined);
  if (story->as_a == NULL && g_strcmp0 (story->raw, story->title) != 0)
    {
      g_autofree char *with_story = g_strdup_printf ("%s\n%s", story->raw, note);

      g_free (note);
      note = g_steal_pointer (&with_story);
    }
  fw_idea_set_text (idea, FW_IDEA_NOTES, note);

  for (guint i = 0; words[i]; i++)
    json_array_add_string_element (triggers, words[i]);
  for (guint c = 0; c < FW_N_CONDITIONS; c++)
    {
      g_auto(GStrv) hinted = NULL;
      g_autofree char *hinted_joined = NULL;
      g_autofree char *hint_note = NULL;

      if (!suggestion->conditions[c])
        continue;
      hinted = fw_triage_suggestion_condition_words (suggestion, c);
      hinted_joined = g_strjoinv (_(", "), hinted);
      /* TRANSLATORS: the note of a condition ticked by triage: the story's words */
      hint_note = g_strdup_printf (_("Hinted by: %s"), hinted_joined);
      fw_idea_set_condition (idea, c, TRUE);
      fw_idea_set_condition_note (idea, c, hint_note);
      json_array_add_string_element (conditions, fw_condition_to_id (c));
    }

  json_object_set_string_member (triage, "suggested_task",
                                 fw_triage_task_id (suggestion->task));
  json_object_set_int_member (triage, "score", suggestion->score);
  json_object_set_array_member (triage, "triggers", triggers);
  json_object_set_array_member (triage, "conditions", conditions);
  json_object_set_object_member (extra, "triage", triage);
  fw_idea_set_extra (idea, extra);
  return g_steal_pointer (&idea);
}
