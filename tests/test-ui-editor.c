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

/* The action row titled @title under @root, or NULL. */
static GtkWidget *
find_action_row (GtkWidget  *root,
                 const char *title)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_row (child, title);

      if (found)
        return found;
    }
  return NULL;
}

/* A follow-up question's hint is its row's tooltip, but not while the row's
 * drop-down list is open: a tooltip is asked of the popup's ancestors too, and
 * the hint lay over the top of the list, hiding its first answers (issue #14). */
static void
test_editor_hint_not_over_list (void)
{
  g_autoptr(FwWorkbook) workbook = fw_workbook_new ();
  g_autoptr(FwIdea) idea = fw_idea_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *editor = fw_idea_editor_new ();
  GtkWidget *row, *choice, *popup = NULL;
  const char *hint;

  fw_idea_set_condition (idea, FW_CONDITION_FULL_EXPLAINABILITY, TRUE);
  fw_workbook_insert_idea (workbook, 0, idea);
  gtk_window_set_default_size (window, 800, 700);
  {
    GtkWidget *scroller = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), editor);
    gtk_window_set_child (window, scroller);
  }
  gtk_window_present (window);
  fw_idea_editor_set_idea (FW_IDEA_EDITOR (editor), workbook, idea);
  fw_idea_editor_set_step (FW_IDEA_EDITOR (editor), FW_STEP_CONDITIONS);
  fw_test_spin ();

  row = find_action_row (editor, "Would an interpretable model be accurate enough?");
  g_assert_nonnull (row);
  hint = gtk_widget_get_tooltip_text (row);
  g_assert_nonnull (hint);
  g_assert_true (g_str_has_prefix (hint, "Not acceptable without explanations:"));
  g_assert_true (gtk_widget_get_has_tooltip (row));

  choice = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
  g_assert_true (GTK_IS_DROP_DOWN (choice));
  for (GtkWidget *child = gtk_widget_get_first_child (choice); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      popup = child;
  g_assert_nonnull (popup);

  /* A popup is placed on the window's monitor: wait until the window has one. */
  /* In the window, where a popup can be placed: scrolled to the row, and
   * laid out again (at the next frame). */
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (editor, GTK_TYPE_SCROLLED_WINDOW);
    double x, y;

    g_assert_true (gtk_widget_translate_coordinates (row, editor, 0, 0, &x, &y));
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                              y);
    do
      {
        g_main_context_iteration (NULL, TRUE);
        g_assert_true (gtk_widget_translate_coordinates (row, GTK_WIDGET (window), 0, 0, &x, &y));
      }
    while (y < 0 || y + gtk_widget_get_height (row) > gtk_widget_get_height (GTK_WIDGET (window)));
  }
  gtk_popover_popup (GTK_POPOVER (popup));
  fw_test_spin ();
  g_assert_true (gtk_widget_get_visible (popup));
  /* Nothing from the list up to the window would give a tooltip. */
  for (GtkWidget *w = popup; w; w = gtk_widget_get_parent (w))
    g_assert_false (gtk_widget_get_has_tooltip (w));

  gtk_popover_popdown (GTK_POPOVER (popup));
  fw_test_spin ();
  g_assert_true (gtk_widget_get_has_tooltip (row));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, hint);

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
  g_test_add_func ("/editor/hint-not-over-list", test_editor_hint_not_over_list);

  return g_test_run ();
}
