/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "fw-core.h"
#include "fw-i18n.h"
#include "fw-idea-editor.h"
#include "fw-test-ui.h"

/* The step bar comes first, so its buttons are the first toggle buttons. */
static void
collect_toggle_buttons (GtkWidget *root,
                        GPtrArray *buttons)
{
  if (GTK_IS_TOGGLE_BUTTON (root))
    g_ptr_array_add (buttons, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    collect_toggle_buttons (child, buttons);
}

/* Step 4 says what is left, under its heading and on its button, and ticks
 * once one explainability answer is yes (issue #14). */
static void
test_editor_step_status (void)
{
  g_autoptr(FwWorkbook) workbook = fw_workbook_new ();
  g_autoptr(FwIdea) idea = fw_idea_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *editor = fw_idea_editor_new ();
  GtkWidget *status;
  const char *expected =
    "6 of 7 questions answered. Left: Would an interpretable model be accurate enough? "
    "(For full explainability, one yes is enough.)";
  const char *tooltip;

  fw_idea_set_answer (idea, FW_QUESTION_USERS_WOULD_MISS, FW_ANSWER_YES);
  fw_idea_set_answer (idea, FW_QUESTION_DATA_COLLECTED, FW_ANSWER_YES);
  fw_idea_set_answer (idea, FW_QUESTION_DATA_ALLOWED, FW_ANSWER_YES);
  fw_idea_set_answer (idea, FW_QUESTION_ERRORS_ACCEPTABLE, FW_ANSWER_YES);
  fw_idea_set_condition (idea, FW_CONDITION_FULL_EXPLAINABILITY, TRUE);
  fw_idea_set_answer (idea, FW_QUESTION_ERROR_COST_SMALL, FW_ANSWER_NO);
  fw_idea_set_answer (idea, FW_QUESTION_HUMAN_DECIDES, FW_ANSWER_NO);
  fw_workbook_insert_idea (workbook, 0, idea);

  gtk_window_set_default_size (window, 800, 700);
  gtk_window_set_child (window, editor);
  gtk_window_present (window);
  fw_idea_editor_set_idea (FW_IDEA_EDITOR (editor), workbook, idea);
  fw_idea_editor_set_step (FW_IDEA_EDITOR (editor), FW_STEP_CONDITIONS);
  fw_test_spin ();

  status = fw_test_find_by_name (editor, "step-status");
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_visible (status));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, expected);

  collect_toggle_buttons (editor, buttons);
  g_assert_cmpuint (buttons->len, >=, FW_N_STEPS);
  tooltip = gtk_widget_get_tooltip_text (buttons->pdata[FW_STEP_CONDITIONS]);
  g_assert_cmpstr (tooltip, ==,
                   "Step 4, Conditions: 6 of 7 questions answered. Left: Would an "
                   "interpretable model be accurate enough? (For full explainability, one "
                   "yes is enough.)");

  /* One yes settles explainability: the step is complete, nothing is left. */
  fw_idea_set_answer (idea, FW_QUESTION_HUMAN_DECIDES, FW_ANSWER_YES);
  fw_test_spin ();
  g_assert_false (gtk_widget_get_visible (status));
  tooltip = gtk_widget_get_tooltip_text (buttons->pdata[FW_STEP_CONDITIONS]);
  g_assert_cmpstr (tooltip, ==, "Step 4, Conditions: complete");

  /* Another step shows its own status. */
  fw_idea_editor_set_step (FW_IDEA_EDITOR (editor), FW_STEP_TASK);
  fw_test_spin ();
  g_assert_true (gtk_widget_get_visible (status));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==,
                   "Still to decide: the ML task, whether ML applies.");

  gtk_window_destroy (window);
  fw_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  fw_i18n_init_with_language ("en");

  g_test_add_func ("/editor/step-status", test_editor_step_status);

  return g_test_run ();
}
