/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-core.h"
#include "fw-i18n.h"
#include "fw-quiz.h"
#include "fw-test-language.h"

/* The deck's answers (CONTENT.md §2), in its order a)–e). */
static const FwTask deck_answers[] = {
  FW_TASK_REGRESSION,
  FW_TASK_CLASSIFICATION,
  FW_TASK_ANOMALY_DETECTION,
  FW_TASK_CLUSTERING,
  FW_TASK_REGRESSION,
};

static void
test_deck_answers (void)
{
  g_assert_cmpuint (fw_quiz_get_n_questions (), ==, G_N_ELEMENTS (deck_answers));
  for (guint q = 0; q < G_N_ELEMENTS (deck_answers); q++)
    {
      g_assert_cmpint (fw_quiz_get_answer (q), ==, deck_answers[q]);
      g_assert_cmpint (fw_quiz_check (q, deck_answers[q]), ==, FW_QUIZ_CORRECT);
      g_assert_cmpstr (fw_quiz_get_question (q), !=, "");
      g_assert_cmpstr (fw_quiz_get_explanation (q), !=, "");
    }
}

static void
test_alternatives (void)
{
  /* b) counterfeit goods: the deck's "is there another way?" */
  g_assert_cmpint (fw_quiz_check (1, FW_TASK_ANOMALY_DETECTION), ==, FW_QUIZ_ALTERNATIVE);
  g_assert_nonnull (fw_quiz_get_alternative_note (1, FW_TASK_ANOMALY_DETECTION));
  g_assert_cmpint (fw_quiz_check (1, FW_TASK_REGRESSION), ==, FW_QUIZ_WRONG);
  g_assert_null (fw_quiz_get_alternative_note (1, FW_TASK_REGRESSION));
  /* The deck's own answer is never listed as its alternative. */
  for (guint q = 0; q < fw_quiz_get_n_questions (); q++)
    {
      const FwTask *alts = fw_quiz_get_alternatives (q);

      for (guint a = 0; alts[a] != FW_TASK_UNDECIDED; a++)
        {
          g_assert_cmpint (alts[a], !=, fw_quiz_get_answer (q));
          g_assert_cmpint (fw_quiz_check (q, alts[a]), ==, FW_QUIZ_ALTERNATIVE);
        }
      g_assert_cmpint (fw_quiz_check (q, FW_TASK_UNDECIDED), ==, FW_QUIZ_WRONG);
    }
  /* The deck asks "is there another way?" of all five: each has one at least. */
  for (guint q = 0; q < fw_quiz_get_n_questions (); q++)
    g_assert_cmpint (fw_quiz_get_alternatives (q)[0], !=, FW_TASK_UNDECIDED);
  g_assert_cmpint (fw_quiz_check (0, FW_TASK_ANOMALY_DETECTION), ==, FW_QUIZ_ALTERNATIVE);
  g_assert_cmpint (fw_quiz_check (0, FW_TASK_RANKING), ==, FW_QUIZ_WRONG);
  g_assert_cmpint (fw_quiz_check (4, FW_TASK_RECOMMENDATION), ==, FW_QUIZ_WRONG);
}

static void
test_score (void)
{
  FwQuizScore score;
  g_autofree char *text = NULL;

  fw_quiz_score_reset (&score);
  g_assert_cmpuint (fw_quiz_score_get_points (&score), ==, 0);
  fw_quiz_score_add (&score, fw_quiz_check (0, FW_TASK_REGRESSION));
  fw_quiz_score_add (&score, fw_quiz_check (1, FW_TASK_RANKING));
  g_assert_cmpuint (score.n_answered, ==, 2);
  g_assert_cmpuint (score.n_wrong, ==, 1);
  g_assert_cmpuint (fw_quiz_score_get_points (&score), ==, 1);
  text = fw_quiz_score_describe (&score);
  g_assert_cmpstr (text, ==, "1 of 2 match the deck's answers");

  /* An alternative is acknowledged, and the score counts the deck's answers only. */
  fw_quiz_score_add (&score, fw_quiz_check (2, FW_TASK_CLASSIFICATION));
  g_assert_cmpuint (score.n_alternative, ==, 1);
  g_assert_cmpuint (fw_quiz_score_get_points (&score), ==, 1);
  g_clear_pointer (&text, g_free);
  text = fw_quiz_score_describe (&score);
  g_assert_cmpstr (text, ==, "1 of 3 match the deck's answers, and 1 more is another way "
                             "that works");

  fw_quiz_score_reset (&score);
  g_assert_cmpuint (score.n_answered, ==, 0);
  for (guint q = 0; q < fw_quiz_get_n_questions (); q++)
    fw_quiz_score_add (&score, fw_quiz_check (q, fw_quiz_get_answer (q)));
  g_assert_cmpuint (fw_quiz_score_get_points (&score), ==, 5);
}

static void
test_japanese (void)
{
  fw_test_use_language ("ja");
  if (g_str_equal (fw_quiz_get_question (0), "Streamline manual product pricing"))
    {
      fw_test_use_language (NULL);
      g_test_skip ("the Japanese catalogue is not built");
      return;
    }
  /* The deck's own wording, as workshop participants know it. */
  g_assert_cmpstr (fw_quiz_get_question (1), ==, "偽造品の特定");
  g_assert_cmpstr (fw_quiz_get_question (3), ==,
                   "マーケティングセグメント特定のための顧客のグループ化");
  for (guint q = 0; q < fw_quiz_get_n_questions (); q++)
    g_assert_true (g_utf8_validate (fw_quiz_get_explanation (q), -1, NULL));
  fw_test_use_language (NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fw_i18n_init_with_language ("en");

  g_test_add_func ("/quiz/deck-answers", test_deck_answers);
  g_test_add_func ("/quiz/alternatives", test_alternatives);
  g_test_add_func ("/quiz/score", test_score);
  g_test_add_func ("/quiz/japanese", test_japanese);
  return g_test_run ();
}
