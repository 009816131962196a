/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-core.h"

/* Each kind of edit is undone and redone: a choice (task, applicability,
 * evidence, a switch, an answer, a priority level), a text and the case links. */
static void
test_history_choices (void)
{
  g_autoptr(FwHistory) history = fw_history_new ();
  g_autoptr(FwIdea) idea = fw_idea_new ();
  const char *ids[] = { "a", "b", NULL };

  fw_history_watch (history, idea);
  g_assert_false (fw_history_can_undo (history));

  fw_idea_set_task (idea, FW_TASK_RECOMMENDATION);
  fw_history_break (history);
  fw_idea_set_applicability (idea, FW_APPLICABILITY_NO);
  fw_history_break (history);
  fw_idea_set_evidence (idea, FW_STAGE_DATA, FW_EVIDENCE_MARKET_DATA);
  fw_history_break (history);
  fw_idea_set_condition (idea, FW_CONDITION_FULL_ACCURACY, TRUE);
  fw_history_break (history);
  fw_idea_set_answer (idea, FW_QUESTION_HUMAN_FALLBACK, FW_ANSWER_YES);
  fw_history_break (history);
  fw_idea_set_priority (idea, FW_PRIORITY_URGENCY, FW_LEVEL_HIGH);
  fw_history_break (history);
  fw_idea_set_case_ids (idea, ids);
  g_assert_true (fw_history_can_undo (history));

  g_assert_true (fw_history_undo (history) == idea);
  g_assert_null (fw_idea_get_case_ids (idea) ? fw_idea_get_case_ids (idea)[0] : NULL);
  g_assert_true (fw_history_undo (history) == idea);
  g_assert_cmpint (fw_idea_get_priority (idea, FW_PRIORITY_URGENCY), ==, FW_LEVEL_UNSET);
  fw_history_undo (history);
  g_assert_cmpint (fw_idea_get_answer (idea, FW_QUESTION_HUMAN_FALLBACK), ==, FW_ANSWER_UNANSWERED);
  fw_history_undo (history);
  g_assert_false (fw_idea_get_condition (idea, FW_CONDITION_FULL_ACCURACY));
  fw_history_undo (history);
  g_assert_cmpint (fw_idea_get_evidence (idea, FW_STAGE_DATA), ==, FW_EVIDENCE_NONE);
  fw_history_undo (history);
  g_assert_cmpint (fw_idea_get_applicability (idea), ==, FW_APPLICABILITY_UNKNOWN);
  fw_history_undo (history);
  g_assert_cmpint (fw_idea_get_task (idea), ==, FW_TASK_UNDECIDED);
  g_assert_false (fw_history_can_undo (history));
  g_assert_null (fw_history_undo (history));

  /* Redo brings them all back, in order. */
  g_assert_true (fw_history_can_redo (history));
  fw_history_redo (history);
  g_assert_cmpint (fw_idea_get_task (idea), ==, FW_TASK_RECOMMENDATION);
  while (fw_history_can_redo (history))
    fw_history_redo (history);
  g_assert_cmpint (fw_idea_get_applicability (idea), ==, FW_APPLICABILITY_NO);
  g_assert_cmpint (fw_idea_get_priority (idea, FW_PRIORITY_URGENCY), ==, FW_LEVEL_HIGH);
  g_assert_cmpstr (fw_idea_get_case_ids (idea)[1], ==, "b");

  /* A new edit after an undo drops what could be redone. */
  fw_history_undo (history);
  g_assert_true (fw_history_can_redo (history));
  fw_idea_set_title (idea, "new");
  g_assert_false (fw_history_can_redo (history));
}

/* Typing into one field is one step; another field starts another. */
static void
test_history_typing (void)
{
  g_autoptr(FwHistory) history = fw_history_new ();
  g_autoptr(FwIdea) idea = fw_idea_new ();

  fw_idea_set_title (idea, "before");
  fw_history_watch (history, idea);
  fw_idea_set_title (idea, "b");
  fw_idea_set_title (idea, "bo");
  fw_idea_set_title (idea, "boo");
  g_usleep (50 * 1000);   /* a person moving to the next field */
  fw_idea_set_why (idea, FW_STAGE_MODEL, "w");
  fw_idea_set_why (idea, FW_STAGE_MODEL, "wh");

  fw_history_undo (history);
  g_assert_cmpstr (fw_idea_get_why (idea, FW_STAGE_MODEL), ==, "");
  g_assert_cmpstr (fw_idea_get_title (idea), ==, "boo");
  fw_history_undo (history);
  g_assert_cmpstr (fw_idea_get_title (idea), ==, "before");
  g_assert_false (fw_history_can_undo (history));
  fw_history_redo (history);
  g_assert_cmpstr (fw_idea_get_title (idea), ==, "boo");

  /* After a pause the same field starts a new step. */
  fw_history_break (history);
  fw_idea_set_title (idea, "boot");
  fw_history_undo (history);
  g_assert_cmpstr (fw_idea_get_title (idea), ==, "boo");
}

/* One action that sets several properties at once is undone in one go; a
 * forgotten idea's steps go; setting a value to what it was records nothing. */
static void
test_history_groups (void)
{
  g_autoptr(FwHistory) history = fw_history_new ();
  g_autoptr(FwIdea) idea = fw_idea_new ();
  g_autoptr(FwIdea) other = fw_idea_new ();

  fw_history_watch (history, idea);
  fw_history_watch (history, other);
  fw_history_watch (history, idea);   /* twice is once */
  fw_idea_set_task (idea, FW_TASK_RANKING);
  fw_idea_set_evidence (idea, FW_STAGE_TRAFFIC, FW_EVIDENCE_TEST_RESULTS);
  fw_idea_set_task (other, FW_TASK_REGRESSION);
  fw_idea_set_task (other, FW_TASK_REGRESSION);

  g_assert_true (fw_history_undo (history) == other);
  g_assert_cmpint (fw_idea_get_task (other), ==, FW_TASK_UNDECIDED);
  g_assert_true (fw_history_undo (history) == idea);
  g_assert_cmpint (fw_idea_get_task (idea), ==, FW_TASK_UNDECIDED);
  g_assert_cmpint (fw_idea_get_evidence (idea, FW_STAGE_TRAFFIC), ==, FW_EVIDENCE_NONE);
  g_assert_false (fw_history_can_undo (history));

  fw_history_redo (history);
  fw_history_forget (history, idea);
  g_assert_false (fw_history_can_undo (history));
  fw_idea_set_title (idea, "not recorded");
  g_assert_false (fw_history_can_undo (history));

  fw_idea_set_title (other, "recorded");
  g_assert_true (fw_history_can_undo (history));
  fw_history_clear (history);
  g_assert_false (fw_history_can_undo (history));
  fw_idea_set_title (other, "not recorded either");
  g_assert_false (fw_history_can_undo (history));
}

static void
slow_handler_cb (void)
{
  g_usleep (50 * 1000);   /* a window redrawing under a sanitizer */
}

/* A marked action is one step however slow the handlers between its changes
 * (CI under ASan once took 30 ms between a decision and its date); the next
 * action is a step of its own, even on the same idea at once; and without a
 * mark, the slow handler does split the changes (so the mark is what joins). */
static void
test_history_actions (void)
{
  g_autoptr(FwHistory) history = fw_history_new ();
  g_autoptr(FwIdea) idea = fw_idea_new ();

  fw_history_watch (history, idea);
  g_signal_connect (idea, "notify", G_CALLBACK (slow_handler_cb), NULL);
  g_assert_cmpuint (fw_idea_get_action (idea), ==, 0);

  fw_idea_begin_action (idea);
  fw_idea_set_decision_date (idea, "2026-12-01");
  fw_idea_begin_action (idea);   /* nested: still the same action */
  fw_idea_set_decision (idea, FW_DECISION_ADOPT_POC);
  fw_idea_end_action (idea);
  g_assert_cmpuint (fw_idea_get_action (idea), !=, 0);
  fw_idea_set_decision_rationale (idea, "holds");
  fw_idea_end_action (idea);
  g_assert_cmpuint (fw_idea_get_action (idea), ==, 0);

  fw_idea_begin_action (idea);
  fw_idea_set_title (idea, "next");
  fw_idea_end_action (idea);

  fw_history_undo (history);
  g_assert_cmpstr (fw_idea_get_title (idea), ==, "");
  g_assert_cmpint (fw_idea_get_decision (idea), ==, FW_DECISION_ADOPT_POC);
  fw_history_undo (history);
  g_assert_cmpint (fw_idea_get_decision (idea), ==, FW_DECISION_NONE);
  g_assert_cmpstr (fw_idea_get_decision_date (idea), ==, "");
  g_assert_cmpstr (fw_idea_get_decision_rationale (idea), ==, "");
  g_assert_false (fw_history_can_undo (history));

  /* Unmarked, the same two changes with a slow handler between are two steps. */
  fw_idea_set_decision_date (idea, "2026-12-02");
  fw_idea_set_decision (idea, FW_DECISION_PARK);
  fw_history_undo (history);
  g_assert_cmpstr (fw_idea_get_decision_date (idea), ==, "2026-12-02");
  g_assert_true (fw_history_can_undo (history));

  /* fw_idea_set_judgement_from() is one marked action. */
  {
    g_autoptr(FwIdea) other = fw_idea_new ();

    fw_history_clear (history);
    fw_history_watch (history, idea);
    fw_idea_set_condition (other, FW_CONDITION_FULL_ACCURACY, TRUE);
    fw_idea_set_answer (other, FW_QUESTION_HUMAN_FALLBACK, FW_ANSWER_NO);
    fw_idea_set_why (other, FW_STAGE_DATA, "logs");
    fw_idea_set_judgement_from (idea, other);
    fw_history_undo (history);
    g_assert_false (fw_idea_get_condition (idea, FW_CONDITION_FULL_ACCURACY));
    g_assert_cmpint (fw_idea_get_answer (idea, FW_QUESTION_HUMAN_FALLBACK), ==,
                     FW_ANSWER_UNANSWERED);
    g_assert_cmpstr (fw_idea_get_why (idea, FW_STAGE_DATA), ==, "");
    g_assert_false (fw_history_can_undo (history));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/choices", test_history_choices);
  g_test_add_func ("/history/typing", test_history_typing);
  g_test_add_func ("/history/groups", test_history_groups);
  g_test_add_func ("/history/actions", test_history_actions);
  return g_test_run ();
}
