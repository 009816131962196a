/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-core.h"

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_properties_by_name (void)
{
  g_autoptr(FwIdea) idea = fw_idea_new ();
  g_autofree char *why = NULL;
  gboolean ticked = FALSE;
  FwAnswer answer = FW_ANSWER_UNANSWERED;
  FwLevel level = FW_LEVEL_UNSET;

  g_assert_cmpstr (fw_idea_why_property_name (FW_STAGE_DATA), ==, "why-data");
  g_assert_cmpstr (fw_idea_condition_property_name (FW_CONDITION_FULL_ACCURACY), ==,
                   "condition-full-accuracy");
  g_assert_cmpstr (fw_idea_answer_property_name (FW_QUESTION_HUMAN_FALLBACK), ==,
                   "answer-human-fallback");
  g_assert_cmpstr (fw_idea_priority_property_name (FW_PRIORITY_IMPORTANCE), ==, "importance");

  /* Set by name, read by accessor. */
  g_object_set (idea,
                "why-data", "Every search is logged.",
                "condition-full-accuracy", TRUE,
                "answer-human-fallback", FW_ANSWER_YES,
                "importance", FW_LEVEL_HIGH,
                NULL);
  g_assert_cmpstr (fw_idea_get_why (idea, FW_STAGE_DATA), ==, "Every search is logged.");
  g_assert_cmpstr (fw_idea_get_why (idea, FW_STAGE_MODEL), ==, "");
  g_assert_true (fw_idea_get_condition (idea, FW_CONDITION_FULL_ACCURACY));
  g_assert_false (fw_idea_get_condition (idea, FW_CONDITION_FULL_EXPLAINABILITY));
  g_assert_cmpint (fw_idea_get_answer (idea, FW_QUESTION_HUMAN_FALLBACK), ==, FW_ANSWER_YES);
  g_assert_cmpint (fw_idea_get_answer (idea, FW_QUESTION_DATA_ALLOWED), ==,
                   FW_ANSWER_UNANSWERED);
  g_assert_cmpint (fw_idea_get_priority (idea, FW_PRIORITY_IMPORTANCE), ==, FW_LEVEL_HIGH);
  g_assert_cmpint (fw_idea_get_priority (idea, FW_PRIORITY_URGENCY), ==, FW_LEVEL_UNSET);

  /* Set by accessor, read by name. */
  fw_idea_set_why (idea, FW_STAGE_DATA, "Purchases are stored.");
  fw_idea_set_condition (idea, FW_CONDITION_FULL_ACCURACY, FALSE);
  fw_idea_set_answer (idea, FW_QUESTION_HUMAN_FALLBACK, FW_ANSWER_NO);
  fw_idea_set_priority (idea, FW_PRIORITY_IMPORTANCE, FW_LEVEL_LOW);
  g_object_get (idea,
                "why-data", &why,
                "condition-full-accuracy", &ticked,
                "answer-human-fallback", &answer,
                "importance", &level,
                NULL);
  g_assert_cmpstr (why, ==, "Purchases are stored.");
  g_assert_false (ticked);
  g_assert_cmpint (answer, ==, FW_ANSWER_NO);
  g_assert_cmpint (level, ==, FW_LEVEL_LOW);
}

static void
test_notify_on_change_only (void)
{
  g_autoptr(FwIdea) idea = fw_idea_new ();
  guint why_notifies = 0, importance_notifies = 0;

  g_signal_connect (idea, "notify::why-data", G_CALLBACK (count_notify_cb), &why_notifies);
  g_signal_connect (idea, "notify::importance", G_CALLBACK (count_notify_cb),
                    &importance_notifies);

  fw_idea_set_why (idea, FW_STAGE_DATA, "a");
  g_assert_cmpuint (why_notifies, ==, 1);
  fw_idea_set_why (idea, FW_STAGE_DATA, "a");
  g_object_set (idea, "why-data", "a", NULL);
  g_assert_cmpuint (why_notifies, ==, 1);
  /* Another stage's why is another property. */
  fw_idea_set_why (idea, FW_STAGE_MODEL, "b");
  g_assert_cmpuint (why_notifies, ==, 1);
  g_object_set (idea, "why-data", "c", NULL);
  g_assert_cmpuint (why_notifies, ==, 2);

  fw_idea_set_priority (idea, FW_PRIORITY_IMPORTANCE, FW_LEVEL_MEDIUM);
  fw_idea_set_priority (idea, FW_PRIORITY_IMPORTANCE, FW_LEVEL_MEDIUM);
  g_object_set (idea, "importance", FW_LEVEL_MEDIUM, NULL);
  g_assert_cmpuint (importance_notifies, ==, 1);
}

static void
test_changed_once (void)
{
  g_autoptr(FwIdea) idea = fw_idea_new ();
  guint changed = 0;

  g_signal_connect (idea, "changed", G_CALLBACK (count_cb), &changed);

  g_object_set (idea, "why-data", "x", NULL);
  g_assert_cmpuint (changed, ==, 1);
  fw_idea_set_condition (idea, FW_CONDITION_SCALABILITY, TRUE);
  g_assert_cmpuint (changed, ==, 2);
  /* No change, no signal. */
  fw_idea_set_condition (idea, FW_CONDITION_SCALABILITY, TRUE);
  g_object_set (idea, "why-data", "x", NULL);
  g_assert_cmpuint (changed, ==, 2);
  /* Several properties in one set: still one "changed". */
  g_object_set (idea, "why-data", "y", "importance", FW_LEVEL_HIGH, NULL);
  g_assert_cmpuint (changed, ==, 3);
}

static FwIdea *
filled_idea (void)
{
  FwIdea *idea = fw_idea_new ();
  const char * const ids[] = { "case-1", "case-2", NULL };

  fw_idea_set_title (idea, "Suggest a size");
  fw_idea_set_text (idea, FW_IDEA_AS_A, "shopper");
  fw_idea_set_task (idea, FW_TASK_RECOMMENDATION);
  fw_idea_set_applicability (idea, FW_APPLICABILITY_MAYBE);
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      fw_idea_set_why (idea, s, fw_stage_to_id (s));
      fw_idea_set_evidence (idea, s, FW_EVIDENCE_ANECDOTAL);
    }
  fw_idea_set_condition (idea, FW_CONDITION_PERSONALIZATION, TRUE);
  fw_idea_set_condition_note (idea, FW_CONDITION_PERSONALIZATION, "by body shape");
  fw_idea_set_answer (idea, FW_QUESTION_DATA_ALLOWED, FW_ANSWER_YES);
  fw_idea_set_priority (idea, FW_PRIORITY_URGENCY, FW_LEVEL_MEDIUM);
  fw_idea_set_case_ids (idea, ids);
  return idea;
}

static void
test_copy_equal (void)
{
  g_autoptr(FwIdea) idea = filled_idea ();
  g_autoptr(FwIdea) copy = fw_idea_copy (idea);
  g_autoptr(FwIdea) other = fw_idea_new ();

  g_assert_true (copy != idea);
  g_assert_true (fw_idea_equal (idea, copy));
  g_assert_cmpstr (fw_idea_get_id (copy), ==, fw_idea_get_id (idea));
  g_assert_cmpstrv (fw_idea_get_case_ids (copy), fw_idea_get_case_ids (idea));
  g_assert_false (fw_idea_equal (idea, other));

  /* Copies are independent. */
  fw_idea_set_condition_note (copy, FW_CONDITION_PERSONALIZATION, "by age");
  g_assert_false (fw_idea_equal (idea, copy));
  g_assert_cmpstr (fw_idea_get_condition_note (idea, FW_CONDITION_PERSONALIZATION), ==,
                   "by body shape");
  fw_idea_set_condition_note (copy, FW_CONDITION_PERSONALIZATION, "by body shape");
  g_assert_true (fw_idea_equal (idea, copy));
  fw_idea_set_answer (copy, FW_QUESTION_DATA_ALLOWED, FW_ANSWER_NO);
  g_assert_false (fw_idea_equal (idea, copy));
}

static void
test_workbook_changed (void)
{
  g_autoptr(FwWorkbook) workbook = fw_workbook_new ();
  g_autoptr(FwIdea) idea = fw_idea_new ();
  guint changed = 0;

  g_signal_connect (workbook, "changed", G_CALLBACK (count_cb), &changed);

  fw_workbook_append_idea (workbook, idea);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (fw_workbook_get_idea (workbook, 0) == idea);

  fw_idea_set_title (idea, "Rank the results");
  g_assert_cmpuint (changed, ==, 2);
  fw_idea_set_title (idea, "Rank the results");
  g_assert_cmpuint (changed, ==, 2);

  fw_workbook_remove_idea (workbook, 0);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpuint (fw_workbook_get_n_ideas (workbook), ==, 0);

  /* A removed idea no longer speaks for the workbook. */
  fw_idea_set_title (idea, "Something else");
  g_assert_cmpuint (changed, ==, 3);
}

static void
test_workbook_find_idea (void)
{
  g_autoptr(FwWorkbook) workbook = fw_workbook_new ();
  g_autoptr(FwIdea) first = fw_idea_new ();
  g_autoptr(FwIdea) second = fw_idea_new ();
  guint position = G_MAXUINT;

  fw_workbook_append_idea (workbook, first);
  fw_workbook_append_idea (workbook, second);

  g_assert_true (fw_workbook_find_idea (workbook, fw_idea_get_id (second), &position) == second);
  g_assert_cmpuint (position, ==, 1);
  g_assert_true (fw_workbook_find_idea (workbook, fw_idea_get_id (first), &position) == first);
  g_assert_cmpuint (position, ==, 0);
  g_assert_true (fw_workbook_find_idea (workbook, fw_idea_get_id (first), NULL) == first);

  position = 42;
  g_assert_null (fw_workbook_find_idea (workbook, "no-such-id", &position));
  g_assert_cmpuint (position, ==, 42);
  g_assert_null (fw_workbook_find_idea (workbook, NULL, NULL));

  fw_workbook_remove_idea (workbook, 0);
  g_assert_null (fw_workbook_find_idea (workbook, fw_idea_get_id (first), NULL));
  g_assert_true (fw_workbook_find_idea (workbook, fw_idea_get_id (second), &position) == second);
  g_assert_cmpuint (position, ==, 0);
}

/* The evidence scale shows each level as "Label — description": a description
 * that repeats its label reads "Estimates and plans — Estimates and plans: …". */
static void
test_evidence_descriptions (void)
{
  for (guint e = 0; e < FW_N_EVIDENCE; e++)
    {
      const char *label = fw_evidence_label (e);
      const char *description = fw_evidence_description (e);

      g_assert_cmpstr (description, !=, "");
      if (*label)
        g_assert_false (g_str_has_prefix (description, label));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/idea/properties-by-name", test_properties_by_name);
  g_test_add_func ("/model/idea/notify-on-change-only", test_notify_on_change_only);
  g_test_add_func ("/model/idea/changed-once", test_changed_once);
  g_test_add_func ("/model/idea/copy-equal", test_copy_equal);
  g_test_add_func ("/model/workbook/changed", test_workbook_changed);
  g_test_add_func ("/model/evidence-descriptions", test_evidence_descriptions);
  g_test_add_func ("/model/workbook/find-idea", test_workbook_find_idea);

  return g_test_run ();
}
