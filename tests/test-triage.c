/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "fw-core.h"
#include "fw-i18n.h"
#include "fw-triage.h"
#include "fw-test-language.h"

/* The accuracy the rules reached on tests/triage/stories.tsv when they were
 * written: a change to the rules may raise these, never lower them. */
#define MIN_CORRECT_EN 23
#define MIN_CORRECT_JA 20

/* One example per row of the rules table: a story that fires the row, and one
 * of the words it must report. */
static const struct
{
  const char *rule;
  const char *story;
  const char *word;
} examples[] = {
  { "predict", "As a planner, I want to forecast footfall", "forecast" },
  { "arrival-time", "注文した料理がいつ届くか知りたい", "いつ届" },
  { "quantity", "I want to see how much revenue we made", "how much" },
  { "classify", "Incoming mail should be categorised by topic", "categorised" },
  { "spam", "スパム投稿を自動で削除したい", "スパム" },
  { "whether", "Tell me whether the photo is blurry", "whether" },
  { "group", "顧客をグループに分けたい", "グループ" },
  { "similar", "Show stores with similar layouts", "similar" },
  { "unusual", "Flag fraudulent card payments", "fraudulent" },
  { "detect", "I want broken sensors detected", "detected" },
  { "miscategorised", "Find products that were mis-categorised", "mis-categorised" },
  { "rank", "検索結果を関連性の高い順に並び替えたい", "並び替" },
  { "search-results", "Better search results please", "search results" },
  { "recommend", "Recommend hotels near the venue", "recommend" },
  { "suggest", "Suggest a reply to each email", "suggest" },
  { "taste", "自分の好みを覚えてほしい", "好み" },
  { "complex-logic", "The pricing has too many factors to code by hand", "many factors" },
  { "scalability", "It must work for millions of listings", "millions" },
  { "immediate-response", "Show a real-time warning", "real-time" },
  { "personalization", "あなたに合った記事を表示したい", "あなたに合った" },
  { "existing-algorithm", "Shipping cost follows fixed rules", "fixed" },
  { "no-new-data", "The tax table never changes", "never changes" },
  { "full-accuracy", "Totals must be 100% right", "100%" },
  { "full-explainability", "We must explain why a loan was refused", "explain why" },
};

static gboolean
strv_has (char **strv,
          const char *word)
{
  return strv && g_strv_contains ((const char * const *) strv, word);
}

static void
test_rules_table (void)
{
  guint n_rules;
  const FwTriageRule *rules = fw_triage_get_rules (&n_rules);

  g_assert_cmpuint (n_rules, ==, G_N_ELEMENTS (examples));
  for (guint i = 0; i < n_rules; i++)
    {
      const FwTriageRule *rule = &rules[i];
      g_autoptr(FwTriageSuggestion) s = NULL;
      g_auto(GStrv) words = NULL;
      guint e;

      /* Every row has an example, and ids are unique. */
      for (e = 0; e < G_N_ELEMENTS (examples); e++)
        if (g_str_equal (examples[e].rule, rule->id))
          break;
      g_assert_cmpuint (e, <, G_N_ELEMENTS (examples));
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (rules[j].id, !=, rule->id);

      g_test_message ("rule %s: %s", rule->id, examples[e].story);
      s = fw_triage_suggest (examples[e].story);
      if (rule->hint == FW_TRIAGE_HINT_CONDITION)
        {
          g_autofree char *lower = NULL;

          g_assert_true (s->conditions[rule->target]);
          words = fw_triage_suggestion_condition_words (s, rule->target);
          lower = g_ascii_strdown (examples[e].word, -1);
          g_assert_true (strv_has (words, lower));
        }
      else
        {
          g_autofree char *lower = g_ascii_strdown (examples[e].word, -1);

          g_assert_cmpint (rule->weight, >, 0);
          g_assert_cmpint (s->task_scores[rule->target], >=, rule->weight);
          words = fw_triage_suggestion_task_words (s, rule->target);
          g_assert_true (strv_has (words, lower));
          /* A supporting word alone never decides; a strong one does. */
          if (rule->weight < FW_TRIAGE_MIN_SCORE)
            g_assert_cmpint (s->task, ==, FW_TASK_UNDECIDED);
          else
            g_assert_cmpint (s->task, ==, rule->target);
        }
    }
}

static void
test_matching (void)
{
  /* Whole words only: "order" of a purchase is not a ranking, nor "spend" in
   * "spending" a quantity, nor "ranked" inside "cranked". */
  g_autoptr(FwTriageSuggestion) order = fw_triage_suggest ("Track my order status");
  g_autoptr(FwTriageSuggestion) cranked = fw_triage_suggest ("The engine cranked slowly");
  g_autoptr(FwTriageSuggestion) upper = fw_triage_suggest ("PREDICT THE CHURN");
  g_autoptr(FwTriageSuggestion) tie = fw_triage_suggest ("Group the fraud reports");
  g_autoptr(FwTriageSuggestion) none = fw_triage_suggest ("Reset my password");
  g_auto(GStrv) upper_words = NULL;
  FwTriageMatch *m;

  g_assert_cmpint (order->task, ==, FW_TASK_UNDECIDED);
  g_assert_cmpuint (order->matches->len, ==, 0);
  g_assert_cmpint (cranked->task_scores[FW_TASK_RANKING], ==, 0);

  /* Case-insensitive, and the match keeps the story's own spelling and offsets. */
  g_assert_cmpint (upper->task_scores[FW_TASK_REGRESSION], ==, 3);
  g_assert_cmpint (upper->task_scores[FW_TASK_CLASSIFICATION], ==, 3);
  m = g_ptr_array_index (upper->matches, 0);
  g_assert_cmpstr (m->text, ==, "PREDICT");
  g_assert_cmpuint (m->start, ==, 0);
  g_assert_cmpuint (m->end, ==, 7);
  upper_words = fw_triage_suggestion_task_words (upper, FW_TASK_REGRESSION);
  g_assert_cmpstr (upper_words[0], ==, "predict");
  /* 3 against 3 with equal weights: the table's order decides (regression first). */
  g_assert_cmpint (upper->task, ==, FW_TASK_REGRESSION);
  /* group 3 (clustering) against fraud 3 (anomaly): clustering comes first in the table. */
  g_assert_cmpint (tie->task, ==, FW_TASK_CLUSTERING);

  g_assert_cmpint (none->task, ==, FW_TASK_UNDECIDED);
  g_assert_cmpstr (fw_triage_task_id (none->task), ==, "none");
  g_assert_cmpstr (fw_triage_task_id (FW_TASK_ANOMALY_DETECTION), ==, "anomaly-detection");
}

static void
test_parse_english (void)
{
  g_autoptr(FwStory) a = fw_story_parse (
    "As a shopper, I want search results ordered by relevance so that the best match is first.");
  g_autoptr(FwStory) b = fw_story_parse ("As an admin I need to export users because finance asks");
  g_autoptr(FwStory) c = fw_story_parse (
    "In order to plan stock, as the store manager, I would like to forecast demand.");
  g_autoptr(FwStory) d = fw_story_parse ("I want my inbox prioritised so I can reply faster");
  g_autoptr(FwStory) e = fw_story_parse ("as a Reader i want recommendations");

  g_assert_cmpstr (a->as_a, ==, "shopper");
  g_assert_cmpstr (a->i_want, ==, "search results ordered by relevance");
  g_assert_cmpstr (a->so_that, ==, "the best match is first");
  g_assert_cmpstr (a->title, ==, "Search results ordered by relevance");

  g_assert_cmpstr (b->as_a, ==, "admin");
  g_assert_cmpstr (b->i_want, ==, "export users");
  g_assert_cmpstr (b->so_that, ==, "finance asks");

  g_assert_cmpstr (c->as_a, ==, "store manager");
  g_assert_cmpstr (c->i_want, ==, "forecast demand");
  g_assert_cmpstr (c->so_that, ==, "plan stock");

  g_assert_null (d->as_a);
  g_assert_cmpstr (d->i_want, ==, "my inbox prioritised");
  g_assert_cmpstr (d->so_that, ==, "I can reply faster");

  g_assert_cmpstr (e->as_a, ==, "Reader");
  g_assert_cmpstr (e->title, ==, "Recommendations");
  g_assert_null (e->so_that);
}

static void
test_parse_japanese (void)
{
  g_autoptr(FwStory) a = fw_story_parse (
    "「店舗責任者として、来週の需要を予測したい。なぜなら適切な量を発注したいから。」");
  g_autoptr(FwStory) b = fw_story_parse ("購入者は商品を探したい。時間を節約するため。");
  g_autoptr(FwStory) c = fw_story_parse ("読者として、おすすめの記事を表示してほしい。");
  g_autoptr(FwStory) d = fw_story_parse (
    "マーケターとして、施策を変えるために、顧客をグループに分けたい。");

  g_assert_cmpstr (a->as_a, ==, "店舗責任者");
  g_assert_cmpstr (a->i_want, ==, "来週の需要を予測");
  g_assert_cmpstr (a->so_that, ==, "適切な量を発注したい");
  g_assert_cmpstr (a->title, ==, "来週の需要を予測");

  g_assert_cmpstr (b->as_a, ==, "購入者");
  g_assert_cmpstr (b->i_want, ==, "商品を探し");
  g_assert_cmpstr (b->so_that, ==, "時間を節約する");

  g_assert_cmpstr (c->as_a, ==, "読者");
  g_assert_cmpstr (c->i_want, ==, "おすすめの記事を表示");
  g_assert_null (c->so_that);

  g_assert_cmpstr (d->as_a, ==, "マーケター");
  g_assert_cmpstr (d->so_that, ==, "施策を変える");
  g_assert_cmpstr (d->i_want, ==, "顧客をグループに分け");
}

static void
test_parse_unparsed (void)
{
  g_autoptr(FwStory) a = fw_story_parse ("  Dark mode for the settings page  ");
  g_autoptr(FwStory) b = fw_story_parse ("請求書をPDFで送る");

  g_assert_cmpstr (a->title, ==, "Dark mode for the settings page");
  g_assert_cmpstr (a->raw, ==, "Dark mode for the settings page");
  g_assert_null (a->as_a);
  g_assert_null (a->i_want);
  g_assert_null (a->so_that);
  g_assert_cmpstr (b->title, ==, "請求書をPDFで送る");
  g_assert_null (b->as_a);
}

static void
assert_split (const char         *text,
              FwTriageInput       input,
              const char * const *expected)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) stories = fw_triage_split (text, input, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stories);
  for (guint i = 0; expected[i] || stories[i]; i++)
    {
      g_test_message ("story %u: %s", i, stories[i]);
      g_assert_cmpstr (stories[i], ==, expected[i]);
    }
}

static void
test_split (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) bad = NULL;

  /* One per line, CRLF, blank lines between groups of finished lines. */
  assert_split ("As a user, I want A.\r\nAs a user, I want B.\r\n\r\nC は D したい。\n",
                FW_TRIAGE_INPUT_AUTO,
                (const char *[]) { "As a user, I want A.", "As a user, I want B.",
                                   "C は D したい。", NULL });
  /* Paragraphs: wrapped lines join, Japanese without a space. */
  assert_split ("As a shopper, I want results\nranked by relevance.\n\n"
                "購入者として、\n商品を探したい。\n",
                FW_TRIAGE_INPUT_AUTO,
                (const char *[]) { "As a shopper, I want results ranked by relevance.",
                                   "購入者として、商品を探したい。", NULL });
  /* Markdown: items with -, * and 1., continuation lines, headings and prose skipped. */
  assert_split ("# Backlog\n\nSome prose.\n\n- [ ] First story\n  continues here\n"
                "* Second story\n\n1. Third story\n2) Fourth story\n",
                FW_TRIAGE_INPUT_AUTO,
                (const char *[]) { "First story continues here", "Second story",
                                   "Third story", "Fourth story", NULL });
  /* CSV with a story column: quotes, doubled quotes, a comma and a newline inside. */
  assert_split ("id,User Story,points\n1,\"As a user, I want \"\"A\"\"\nnow\",3\n2,Plain B,5\n",
                FW_TRIAGE_INPUT_AUTO,
                (const char *[]) { "As a user, I want \"A\" now", "Plain B", NULL });
  /* Japanese header, semicolons. */
  assert_split ("番号;ストーリー\n1;需要を予測したい\n2;\n3;商品を探したい\n",
                FW_TRIAGE_INPUT_CSV,
                (const char *[]) { "需要を予測したい", "商品を探したい", NULL });
  /* Tab-separated, no header naming the stories: the longest column, header dropped. */
  assert_split ("key\ttext\n"
                "A-1\tAs a planner, I want to forecast demand\n"
                "A-2\tAs a shopper, I want things recommended\n",
                FW_TRIAGE_INPUT_AUTO,
                (const char *[]) { "As a planner, I want to forecast demand",
                                   "As a shopper, I want things recommended", NULL });
  /* A plain story with commas stays a story, not a CSV row. */
  assert_split ("As a user, I want A, B and C\n", FW_TRIAGE_INPUT_AUTO,
                (const char *[]) { "As a user, I want A, B and C", NULL });

  bad = fw_triage_split ("story\n\"never closed\n", FW_TRIAGE_INPUT_CSV, &error);
  g_assert_null (bad);
  g_assert_error (error, FW_TRIAGE_ERROR, FW_TRIAGE_ERROR_SYNTAX);
}

static void
test_decode (void)
{
  static const guint8 utf16[] = { 0xff, 0xfe, 'A', 0, 0x42, 0x30, '\n', 0 };
  static const guint8 bom[] = { 0xef, 0xbb, 0xbf, 'h', 'i' };
  static const guint8 binary[] = { 'P', 'K', 3, 4, 0, 0, 1 };
  static const guint8 latin1[] = { 'c', 'a', 'f', 0xe9 };
  g_autoptr(GBytes) b1 = g_bytes_new_static (utf16, sizeof utf16);
  g_autoptr(GBytes) b2 = g_bytes_new_static (bom, sizeof bom);
  g_autoptr(GBytes) b3 = g_bytes_new_static (binary, sizeof binary);
  g_autoptr(GBytes) b4 = g_bytes_new_static (latin1, sizeof latin1);
  g_autoptr(GError) error = NULL;
  g_autofree char *t1 = fw_triage_decode (b1, "a", &error);
  g_autofree char *t2 = fw_triage_decode (b2, "b", &error);
  g_autofree char *t3 = NULL;
  g_autofree char *t4 = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (t1, ==, "Aあ\n");
  g_assert_cmpstr (t2, ==, "hi");
  t3 = fw_triage_decode (b3, "x.zip", &error);
  g_assert_null (t3);
  g_assert_error (error, FW_TRIAGE_ERROR, FW_TRIAGE_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "x.zip"));
  g_clear_error (&error);
  /* Latin-1 is neither UTF-8 nor CP932 (0xe9 starts a CP932 pair that never ends). */
  t4 = fw_triage_decode (b4, "l", &error);
  g_assert_null (t4);
  g_assert_error (error, FW_TRIAGE_ERROR, FW_TRIAGE_ERROR_ENCODING);
}

static void
test_accuracy (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "triage", "stories.tsv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint total[2] = { 0 }, correct[2] = { 0 }, none = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) cols = NULL;
      g_autoptr(FwTriageSuggestion) s = NULL;
      g_auto(GStrv) words = NULL;
      g_autofree char *joined = NULL;
      gboolean japanese;
      FwTask expected;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      cols = g_strsplit (lines[i], "\t", 2);
      g_assert_cmpuint (g_strv_length (cols), ==, 2);
      if (g_str_equal (cols[0], "none"))
        expected = FW_TASK_UNDECIDED, none++;
      else
        g_assert_true (fw_task_from_id (cols[0], &expected) && expected != FW_TASK_UNDECIDED);
      japanese = !g_str_is_ascii (cols[1]);
      s = fw_triage_suggest (cols[1]);
      words = fw_triage_suggestion_task_words (s, s->task);
      joined = g_strjoinv (", ", words);
      total[japanese]++;
      if (s->task == expected)
        correct[japanese]++;
      else
        g_test_message ("miss: expected %s, got %s (%s): %s", cols[0],
                        fw_triage_task_id (s->task), joined, cols[1]);
    }
  g_test_message ("accuracy: English %u/%u, Japanese %u/%u, all %u/%u",
                  correct[0], total[0], correct[1], total[1],
                  correct[0] + correct[1], total[0] + total[1]);
  g_assert_cmpuint (total[0] + total[1], >=, 40);
  g_assert_cmpuint (total[0], ==, total[1]);
  g_assert_cmpuint (none, >=, 8);
  g_assert_cmpuint (correct[0], >=, MIN_CORRECT_EN);
  g_assert_cmpuint (correct[1], >=, MIN_CORRECT_JA);
}

static void
test_idea (void)
{
  g_autoptr(FwStory) story = fw_story_parse (
    "As a shopper, I want results in order of relevance in real time so that I find things.");
  g_autoptr(FwTriageSuggestion) s = fw_triage_suggest (story->raw);
  g_autoptr(FwIdea) idea = fw_triage_make_idea (story, s, FW_TASK_UNDECIDED);
  g_autoptr(FwIdea) chosen = fw_triage_make_idea (story, s, FW_TASK_RECOMMENDATION);
  g_autoptr(FwWorkbook) wb = fw_workbook_new ();
  g_autoptr(FwWorkbook) reloaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *extra, *triage;
  JsonArray *triggers;
  FwIdea *back;
  gsize size;
  const char *data;

  g_assert_cmpint (s->task, ==, FW_TASK_RANKING);
  g_assert_cmpstr (fw_idea_get_title (idea), ==, "Results in order of relevance in real time");
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_AS_A), ==, "shopper");
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_SO_THAT), ==, "I find things");
  /* Suggested, not chosen. */
  g_assert_cmpint (fw_idea_get_task (idea), ==, FW_TASK_UNDECIDED);
  g_assert_cmpint (fw_idea_get_task (chosen), ==, FW_TASK_RECOMMENDATION);
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_NOTES), ==,
                   "Suggested task: Ranking (triggered by: in order of, relevance)");
  g_assert_true (fw_idea_get_condition (idea, FW_CONDITION_IMMEDIATE_RESPONSE));
  g_assert_cmpstr (fw_idea_get_condition_note (idea, FW_CONDITION_IMMEDIATE_RESPONSE), ==,
                   "Hinted by: real time");
  g_assert_false (fw_idea_get_condition (idea, FW_CONDITION_PERSONALIZATION));

  /* The suggestion survives a save and a reload as an unknown member. */
  fw_workbook_append_idea (wb, idea);
  bytes = fw_workbook_to_bytes (wb);
  data = g_bytes_get_data (bytes, &size);
  g_assert_nonnull (g_strstr_len (data, size, "\"suggested_task\""));
  reloaded = fw_workbook_load_from_data (data, size, "triage.flywheel", &error);
  g_assert_no_error (error);
  back = fw_workbook_get_idea (reloaded, 0);
  extra = fw_idea_get_extra (back);
  g_assert_nonnull (extra);
  triage = json_object_get_object_member (extra, "triage");
  g_assert_nonnull (triage);
  g_assert_cmpstr (json_object_get_string_member (triage, "suggested_task"), ==, "ranking");
  triggers = json_object_get_array_member (triage, "triggers");
  g_assert_cmpuint (json_array_get_length (triggers), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (triggers, 1), ==, "relevance");
  g_assert_cmpint (fw_idea_get_task (back), ==, FW_TASK_UNDECIDED);
  g_assert_true (fw_idea_get_condition (back, FW_CONDITION_IMMEDIATE_RESPONSE));
}

static void
test_idea_japanese (void)
{
  g_autoptr(FwStory) story = fw_story_parse (
    "リスク管理者として、不正利用を即時に検知したい。なぜなら被害を抑えたいから。");
  g_autoptr(FwTriageSuggestion) s = fw_triage_suggest (story->raw);
  g_autoptr(FwIdea) idea = NULL;
  g_autoptr(FwStory) plain = fw_story_parse ("Dark mode");
  g_autoptr(FwTriageSuggestion) none = fw_triage_suggest (plain->raw);
  g_autoptr(FwIdea) none_idea = NULL;

  fw_test_use_language ("ja");
  idea = fw_triage_make_idea (story, s, FW_TASK_UNDECIDED);
  none_idea = fw_triage_make_idea (plain, none, FW_TASK_UNDECIDED);
  fw_test_use_language ("en");

  g_assert_cmpint (s->task, ==, FW_TASK_ANOMALY_DETECTION);
  g_assert_nonnull (strstr (fw_idea_get_text (idea, FW_IDEA_NOTES), "異常検知"));
  g_assert_nonnull (strstr (fw_idea_get_text (idea, FW_IDEA_NOTES), "不正、検知"));
  g_assert_nonnull (strstr (fw_idea_get_condition_note (idea, FW_CONDITION_IMMEDIATE_RESPONSE),
                            "即時"));
  g_assert_cmpstr (fw_idea_get_title (none_idea), ==, "Dark mode");
  g_assert_null (strstr (fw_idea_get_text (none_idea, FW_IDEA_NOTES), "Suggested"));
}

/* A Japanese title reads as a whole phrase: a verb in its dictionary form, a
 * noun that takes する as it is, the wish kept where the form cannot be told. */
static void
test_japanese_titles (void)
{
  static const struct { const char *story, *title; } cases[] = {
    { "店舗責任者として、来週の需要を予測したい。", "来週の需要を予測" },
    { "読者として、おすすめの記事を表示してほしい。", "おすすめの記事を表示" },
    { "購入者は商品を探したい。時間を節約するため。", "商品を探す" },
    { "マーケターとして、施策を変えるために、顧客をグループに分けたい。",
      "顧客をグループに分ける" },
    { "店長として、在庫が少ない商品を早めに知りたい。", "在庫が少ない商品を早めに知る" },
    { "利用者として、予約の一覧を見たい。", "予約の一覧を見る" },
    { "会員として、ポイントを使いたい。", "ポイントを使う" },
    { "会員として、宿の予約をしたい。", "宿の予約をする" },
    { "会員として、画面を見やすくしたい。", "画面を見やすくする" },
    { "顧客として、おすすめを教えてほしい。", "おすすめを教える" },
    { "担当者として、請求書を書いてほしい。", "請求書を書く" },
    { "利用者として、本を借りたい。", "本を借りる" },
    { "担当者として、一覧をチェックしたい。", "一覧をチェック" },
    { "会員として、新しい通知がほしい。", "新しい通知" },
    { "営業として、資料を送ってほしい。", "資料を送ってほしい" },
    { "読者として、記事を読んでほしい。", "記事を読んでほしい" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FwStory) story = fw_story_parse (cases[i].story);

      g_assert_cmpstr (story->title, ==, cases[i].title);
    }
}

/* The reason follows the task chosen; the bold words are the reason's words. */
static void
test_describe (void)
{
  g_autoptr(FwTriageSuggestion) s =
    fw_triage_suggest ("As a planner, I want similar hotels shown in real time.");
  g_autofree char *as_suggested = fw_triage_describe (s, s->task);
  g_autofree char *chosen = fw_triage_describe (s, FW_TASK_CLUSTERING);
  g_autofree char *unrelated = fw_triage_describe (s, FW_TASK_RANKING);
  guint shown_now = 0, shown_chosen = 0;

  g_assert_cmpint (s->task, ==, FW_TASK_UNDECIDED);
  g_assert_cmpstr (as_suggested, ==,
                   "Probably not ML: no word in the story suggests a task\n"
                   "Win condition: Immediate response (hinted by: real time)");
  g_assert_cmpstr (chosen, ==,
                   "Your choice: Clustering (the story's words for it: similar)\n"
                   "Win condition: Immediate response (hinted by: real time)");
  g_assert_true (g_str_has_prefix (unrelated,
                                   "Your choice: Ranking (no word in the story suggests it)"));
  for (guint i = 0; i < s->matches->len; i++)
    {
      shown_now += fw_triage_match_is_shown (g_ptr_array_index (s->matches, i), s->task);
      shown_chosen += fw_triage_match_is_shown (g_ptr_array_index (s->matches, i),
                                                FW_TASK_CLUSTERING);
    }
  g_assert_cmpuint (s->matches->len, ==, 2);  /* "similar" and "real time" */
  g_assert_cmpuint (shown_now, ==, 1);
  g_assert_cmpuint (shown_chosen, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  fw_i18n_init_with_language ("en");

  g_test_add_func ("/triage/rules-table", test_rules_table);
  g_test_add_func ("/triage/matching", test_matching);
  g_test_add_func ("/triage/parse-english", test_parse_english);
  g_test_add_func ("/triage/parse-japanese", test_parse_japanese);
  g_test_add_func ("/triage/parse-unparsed", test_parse_unparsed);
  g_test_add_func ("/triage/japanese-titles", test_japanese_titles);
  g_test_add_func ("/triage/describe", test_describe);
  g_test_add_func ("/triage/split", test_split);
  g_test_add_func ("/triage/decode", test_decode);
  g_test_add_func ("/triage/accuracy", test_accuracy);
  g_test_add_func ("/triage/idea", test_idea);
  g_test_add_func ("/triage/idea-japanese", test_idea_japanese);
  return g_test_run ();
}
