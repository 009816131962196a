/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fw-case-library.h"
#include "fw-core.h"
#include "fw-i18n.h"
#include "fw-quiz.h"
#include "fw-test-language.h"

/* Where the app says it quotes the workshop deck (理解編), the Japanese must be the
 * deck's words. These strings are copied by hand from the deck's text
 * (../shared/seed/, the slides 回答例, PROBLEM / SOLUTION / IMPACT and ナレッジチェック),
 * not from the catalogue, so a reworded translation fails here. */

typedef struct
{
  const char *problem;
  const char *solution;
  const char *impact;
  const char *whys[FW_N_STAGES];
} DeckCase;

static const DeckCase deck_cases[] = {
  {
    "Intuit社の主力製品「TurboTax」を用いて米国の所得税控除の申告書を作成する際、"
    "ユーザが控除対象となる項目の抽出に多くの作業時間を要していた",
    "顧客の1年間の銀行取引データを解析し、控除可能な経費を自動的に「分類」。"
    "モデルの構築に Amazon SageMaker(MLモデルの開発環境) を活用し、"
    "「ExpenseFinder」という商品を開発。",
    "ユーザの作業時間を数時間から数分に短縮。また、SageMakerの導入によってAI/MLを実用化"
    "するまでの期間を90%短縮（6カ月→1週間）。",
    {
      "機械学習により控除が自動で分類できるから。",
      "数時間かかっていた作業が数分になるから。",
      "利用者が増えるほど取引データが増えるから。",
      "取引データと実際申請された結果のセットが手に入るから。",
    },
  },
  {
    "創業以来同じ形式でWebサイト上に商品が表示されており、販売データの反映も遅かった。"
    "そのため、顧客は好みの商品を見つけることもトレンドの商品を見つけることも困難だった。",
    "個々の顧客向けにパーソナライズされた商品レコメンドを実装。レコメンドに使用するデータを"
    "最新化し、顧客の好みを数分で反映できるようにした。実装には Amazon Personalize(レコメ"
    "ンド)を活用した。",
    "商品カテゴリページから個別商品へのクリックスルー率を18%向上し、商品カテゴリページから"
    "の収益を15%向上した。これにより、1カ月以内にROI 400%増加を達成。",
    {
      "機械学習により購買履歴に沿った商品が推薦されるから",
      "サイトの体験が良いと口コミで広まるため",
      "利用者が増えるほど購買データが増えるから",
      "購買データあるほど推薦モデルの精度が向上するため",
    },
  },
  {
    "新たな詐欺の手口がどんどん開発されるため、顧客の不正利用被害を防ぐには多様な手口"
    "それぞれについて高い精度で検知する必要がある。しかし、現状では1つのモデルで異常検知"
    "しているため個々の手口の精度を高めることが困難だった。",
    "単一のモデルですべての不正に対応する方式から、不正ごとにモデルを構築する方法に切り替え"
    "た。これにより、個々の不正検知の精度を高めることができる。一方で、モデルの管理が煩雑に"
    "なるため管理、運用を行うためAmazon Machine Learningを採用した。",
    "個別の不正を正確に検知できるようになったことで、Fraud.netの顧客は1週間で100万ドルの"
    "不正被害を防止できるようになった。200ミリ秒以内での応答が可能になり、アプリケーション"
    "のレスポンスも改善された。",
    {
      "機械学習モデルが幅広かつ高速に不正利用を検知するから",
      "増え続ける不正利用を自社で検知するのが困難なため",
      "利用者が増えるほど口座明細が増えるため",
      "口座明細が増えるほど幅広な不正のデータが手に入るため",
    },
  },
};

/* The deck's case titles and exercise companies. */
static const char *deck_names[] = {
  "Intuit: 控除対象の経費を探す時間を削減",
  "Pomelo: 嗜好に合う商品を探す時間の削減",
  "Fraud.net: 新たな詐欺の手法を検知し不正利用被害を防止",
};
static const char *deck_companies[] = { "Intuit", "Pomelo", "Fraud.net" };

/* ナレッジチェック a)–e) with the deck's answers; the task names as its task table
 * (MLモデルの一般的なタスク) gives them. */
static const struct
{
  const char *use_case;
  FwTask      answer;
  const char *task_name;
} deck_quiz[] = {
  { "人手による商品価格設定の効率化", FW_TASK_REGRESSION, "回帰" },
  { "偽造品の特定", FW_TASK_CLASSIFICATION, "分類" },
  { "誤って分類された商品の識別", FW_TASK_ANOMALY_DETECTION, "異常検知" },
  { "マーケティングセグメント特定のための顧客のグループ化", FW_TASK_CLUSTERING,
    "クラスタリング" },
  { "コホート別顧客支出の予測", FW_TASK_REGRESSION, "回帰" },
};

static gboolean
japanese_available (void)
{
  fw_test_use_language ("ja");
  if (g_str_equal (fw_i18n_current_language (), "ja"))
    return TRUE;
  fw_test_use_language ("en");
  g_test_skip ("the Japanese catalogue is not built");
  return FALSE;
}

static void
test_cases_japanese (void)
{
  if (!japanese_available ())
    return;

  g_assert_cmpuint (fw_case_library_get_n_cases (), ==, G_N_ELEMENTS (deck_cases));
  for (guint i = 0; i < G_N_ELEMENTS (deck_cases); i++)
    {
      g_autoptr(FwCase) item = fw_case_library_new_case (i);

      g_assert_cmpstr (fw_case_get_name (item), ==, deck_names[i]);
      g_assert_cmpstr (fw_case_library_get_company (i), ==, deck_companies[i]);
      g_assert_cmpstr (fw_case_get_text (item, FW_CASE_PROBLEM), ==, deck_cases[i].problem);
      g_assert_cmpstr (fw_case_get_text (item, FW_CASE_SOLUTION), ==, deck_cases[i].solution);
      g_assert_cmpstr (fw_case_get_text (item, FW_CASE_IMPACT), ==, deck_cases[i].impact);
      for (guint s = 0; s < FW_N_STAGES; s++)
        {
          g_assert_cmpstr (fw_case_get_why (item, s), ==, deck_cases[i].whys[s]);
          g_assert_cmpstr (fw_case_library_get_example_why (i, s), ==, deck_cases[i].whys[s]);
        }
    }
  fw_test_use_language ("en");
}

/* The idea editor's hints quote the deck's Intuit answers too (same catalogue). */
static void
test_intuit_hints_japanese (void)
{
  static const char *hints[] = {
    "Intuit: ML classifies the deductions automatically.",
    "Intuit: work that took hours now takes minutes.",
    "Intuit: the more users, the more transaction data.",
    "Intuit: transactions come paired with what was actually filed.",
  };

  if (!japanese_available ())
    return;
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      g_autofree char *expected = g_strconcat ("Intuit: ", deck_cases[0].whys[s], NULL);

      g_assert_cmpstr (fw_i18n_gettext (hints[s]), ==, expected);
    }
  fw_test_use_language ("en");
}

static void
test_quiz_japanese (void)
{
  if (!japanese_available ())
    return;

  g_assert_cmpuint (fw_quiz_get_n_questions (), ==, G_N_ELEMENTS (deck_quiz));
  for (guint q = 0; q < G_N_ELEMENTS (deck_quiz); q++)
    {
      g_assert_cmpstr (fw_quiz_get_question (q), ==, deck_quiz[q].use_case);
      g_assert_cmpint (fw_quiz_get_answer (q), ==, deck_quiz[q].answer);
      g_assert_cmpstr (fw_task_label (fw_quiz_get_answer (q)), ==, deck_quiz[q].task_name);
    }
  fw_test_use_language ("en");
}

static void
assert_has (const char *text,
            const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” does not say “%s”", text, part);
}

/* In English the deck's facts are translated, but its numbers must all be there. */
static void
test_cases_english_numbers (void)
{
  g_autoptr(FwCase) intuit = NULL;
  g_autoptr(FwCase) pomelo = NULL;
  g_autoptr(FwCase) fraud = NULL;
  const char *impact;
  const char *summary;

  fw_test_use_language ("en");
  intuit = fw_case_library_new_case (0);
  pomelo = fw_case_library_new_case (1);
  fraud = fw_case_library_new_case (2);

  impact = fw_case_get_text (intuit, FW_CASE_IMPACT);
  assert_has (impact, "hours to minutes");
  assert_has (impact, "90%");
  assert_has (impact, "six months to one week");
  impact = fw_case_get_text (pomelo, FW_CASE_IMPACT);
  assert_has (impact, "18%");
  assert_has (impact, "15%");
  assert_has (impact, "400% increase in ROI within a month");
  impact = fw_case_get_text (fraud, FW_CASE_IMPACT);
  assert_has (impact, "USD 1 million of fraud losses a week");
  assert_has (impact, "answers come within 200 milliseconds");

  /* The 200 ms is how fast Fraud.net answers, not how new techniques are caught. */
  summary = fw_case_get_text (fraud, FW_CASE_SUMMARY);
  g_assert_null (strstr (summary, "caught precisely and within"));
  assert_has (summary, "answers come within 200 ms");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fw_i18n_init_with_language ("en");

  g_test_add_func ("/deck-wording/cases-japanese", test_cases_japanese);
  g_test_add_func ("/deck-wording/intuit-hints-japanese", test_intuit_hints_japanese);
  g_test_add_func ("/deck-wording/quiz-japanese", test_quiz_japanese);
  g_test_add_func ("/deck-wording/cases-english-numbers", test_cases_english_numbers);
  return g_test_run ();
}
