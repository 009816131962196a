/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-core.h"
#include "fw-i18n.h"

static void
assert_status (FwIdea     *idea,
               FwStep      step,
               const char *expected)
{
  g_autofree char *status = fw_idea_step_dup_status (idea, step);

  g_test_message ("step %u: %s", step + 1, status ? status : "(complete)");
  g_assert_cmpstr (status, ==, expected);
  g_assert_true (fw_idea_step_is_complete (idea, step) == (expected == NULL));
}

static void
test_story (void)
{
  g_autoptr(FwIdea) idea = fw_idea_new ();

  assert_status (idea, FW_STEP_STORY, "Still to fill in: the title, “I want…”.");
  /* A full-width space is no title. */
  fw_idea_set_title (idea, "\u3000");
  fw_idea_set_text (idea, FW_IDEA_I_WANT, "faster check-in");
  assert_status (idea, FW_STEP_STORY, "Still to fill in: the title.");
  fw_idea_set_title (idea, "Check-in");
  assert_status (idea, FW_STEP_STORY, NULL);
}

static void
test_task (void)
{
  g_autoptr(FwIdea) idea = fw_idea_new ();

  assert_status (idea, FW_STEP_TASK, "Still to decide: the ML task, whether ML applies.");
  fw_idea_set_applicability (idea, FW_APPLICABILITY_NO);
  assert_status (idea, FW_STEP_TASK, "Still to decide: the ML task.");
  fw_idea_set_task (idea, FW_TASK_RANKING);
  assert_status (idea, FW_STEP_TASK, NULL);
}

static void
test_flywheel (void)
{
  g_autoptr(FwIdea) idea = fw_idea_new ();

  fw_idea_set_why (idea, FW_STAGE_CUSTOMER_EXPERIENCE, "Answers come at once.");
  fw_idea_set_why (idea, FW_STAGE_DATA, "Every booking is logged.");
  fw_idea_set_why (idea, FW_STAGE_MODEL, " \n ");
  assert_status (idea, FW_STEP_FLYWHEEL,
                 "2 of 4 questions answered. Left: ② Why do users increase? "
                 "④ Why does the model become more accurate?");
  fw_idea_set_why (idea, FW_STAGE_TRAFFIC, "Word of mouth.");
  fw_idea_set_why (idea, FW_STAGE_MODEL, "More bookings, better ranking.");
  assert_status (idea, FW_STEP_FLYWHEEL, NULL);
}

static void
answer_always_asked (FwIdea *idea)
{
  fw_idea_set_answer (idea, FW_QUESTION_USERS_WOULD_MISS, FW_ANSWER_YES);
  fw_idea_set_answer (idea, FW_QUESTION_DATA_COLLECTED, FW_ANSWER_YES);
  fw_idea_set_answer (idea, FW_QUESTION_DATA_ALLOWED, FW_ANSWER_NO);
  fw_idea_set_answer (idea, FW_QUESTION_ERRORS_ACCEPTABLE, FW_ANSWER_YES);
}

static void
test_conditions (void)
{
  g_autoptr(FwIdea) idea = fw_idea_new ();

  assert_status (idea, FW_STEP_CONDITIONS,
                 "0 of 4 questions answered. Left: Would users miss the feature if it were "
                 "gone? Is the data collected as the feature is used? Is the data allowed to "
                 "be used for training? Is it acceptable that the model errs where a human "
                 "would not?");
  answer_always_asked (idea);
  /* A "no" is an answer: the step is done even where the loop breaks. */
  assert_status (idea, FW_STEP_CONDITIONS, NULL);

  fw_idea_set_condition (idea, FW_CONDITION_FULL_ACCURACY, TRUE);
  assert_status (idea, FW_STEP_CONDITIONS,
                 "4 of 5 questions answered. Left: Is a human fallback acceptable where the "
                 "model is unsure?");
  fw_idea_set_answer (idea, FW_QUESTION_HUMAN_FALLBACK, FW_ANSWER_YES);
  assert_status (idea, FW_STEP_CONDITIONS, NULL);
}

/* The case: step 4 had no tick until all three explainability
 * questions were answered, and nothing said what was left. One yes settles
 * them, as it does in the rules. */
static void
test_explainability (void)
{
  g_autoptr(FwIdea) idea = fw_idea_new ();

  answer_always_asked (idea);
  fw_idea_set_condition (idea, FW_CONDITION_FULL_EXPLAINABILITY, TRUE);
  assert_status (idea, FW_STEP_CONDITIONS,
                 "4 of 7 questions answered. Left: Is the cost of a wrong answer small? Does "
                 "a human make the final decision? Would an interpretable model be accurate "
                 "enough? (For full explainability, one yes is enough.)");
  fw_idea_set_answer (idea, FW_QUESTION_ERROR_COST_SMALL, FW_ANSWER_NO);
  fw_idea_set_answer (idea, FW_QUESTION_HUMAN_DECIDES, FW_ANSWER_NO);
  assert_status (idea, FW_STEP_CONDITIONS,
                 "6 of 7 questions answered. Left: Would an interpretable model be accurate "
                 "enough? (For full explainability, one yes is enough.)");
  fw_idea_set_answer (idea, FW_QUESTION_INTERPRETABLE_OK, FW_ANSWER_NO);
  assert_status (idea, FW_STEP_CONDITIONS, NULL);

  /* One yes, the other two unanswered: done. */
  fw_idea_set_answer (idea, FW_QUESTION_ERROR_COST_SMALL, FW_ANSWER_UNANSWERED);
  fw_idea_set_answer (idea, FW_QUESTION_HUMAN_DECIDES, FW_ANSWER_YES);
  fw_idea_set_answer (idea, FW_QUESTION_INTERPRETABLE_OK, FW_ANSWER_UNANSWERED);
  assert_status (idea, FW_STEP_CONDITIONS, NULL);

  /* Unticked, its questions are not asked at all. */
  fw_idea_set_answer (idea, FW_QUESTION_HUMAN_DECIDES, FW_ANSWER_UNANSWERED);
  fw_idea_set_condition (idea, FW_CONDITION_FULL_EXPLAINABILITY, FALSE);
  assert_status (idea, FW_STEP_CONDITIONS, NULL);
}

static void
test_priority (void)
{
  g_autoptr(FwIdea) idea = fw_idea_new ();

  fw_idea_set_priority (idea, FW_PRIORITY_IMPORTANCE, FW_LEVEL_HIGH);
  assert_status (idea, FW_STEP_PRIORITY, "Still to rate: urgency, ML value.");
  fw_idea_set_priority (idea, FW_PRIORITY_URGENCY, FW_LEVEL_LOW);
  fw_idea_set_priority (idea, FW_PRIORITY_ML_VALUE, FW_LEVEL_MEDIUM);
  assert_status (idea, FW_STEP_PRIORITY, NULL);
}

static void
test_follow_ups (void)
{
  const FwQuestion *q;
  guint n = 99;

  q = fw_condition_get_follow_ups (FW_CONDITION_FULL_ACCURACY, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (q[0], ==, FW_QUESTION_HUMAN_FALLBACK);

  q = fw_condition_get_follow_ups (FW_CONDITION_FULL_EXPLAINABILITY, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (q[0], ==, FW_QUESTION_ERROR_COST_SMALL);
  g_assert_cmpint (q[1], ==, FW_QUESTION_HUMAN_DECIDES);
  g_assert_cmpint (q[2], ==, FW_QUESTION_INTERPRETABLE_OK);

  for (FwCondition c = 0; c < FW_CONDITION_FULL_ACCURACY; c++)
    {
      q = fw_condition_get_follow_ups (c, &n);
      g_assert_null (q);
      g_assert_cmpuint (n, ==, 0);
    }
  g_assert_cmpstr (fw_step_title (FW_STEP_CONDITIONS), ==, "Conditions");
}

/* The story's parts in each language's order: Japanese stories run
 * 〜として、〜ために、〜したい. */
static void
test_story_order (void)
{
  FwIdeaText order[3];

  fw_story_get_order (order);
  g_assert_cmpint (order[0], ==, FW_IDEA_AS_A);
  g_assert_cmpint (order[1], ==, FW_IDEA_I_WANT);
  g_assert_cmpint (order[2], ==, FW_IDEA_SO_THAT);

  fw_i18n_push_language ("ja");
  fw_story_get_order (order);
  fw_i18n_pop_language ();
  g_assert_cmpint (order[0], ==, FW_IDEA_AS_A);
  g_assert_cmpint (order[1], ==, FW_IDEA_SO_THAT);
  g_assert_cmpint (order[2], ==, FW_IDEA_I_WANT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steps/story", test_story);
  g_test_add_func ("/steps/story-order", test_story_order);
  g_test_add_func ("/steps/task", test_task);
  g_test_add_func ("/steps/flywheel", test_flywheel);
  g_test_add_func ("/steps/conditions", test_conditions);
  g_test_add_func ("/steps/explainability", test_explainability);
  g_test_add_func ("/steps/priority", test_priority);
  g_test_add_func ("/steps/follow-ups", test_follow_ups);

  return g_test_run ();
}
